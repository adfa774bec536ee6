/*
 * output: atomic replacement of the profile file.
 */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The file a write to path lands in: path itself, or the target of the
 * symlink it is (resolved like open(2) would, even when the target does
 * not exist yet). Returns a malloc'd name, or NULL with errno set.
 */
static char *final_name(const char *path)
{
	char *name = strdup(path);

	for (int hops = 0; name != NULL && hops < 40; hops++) {
		struct stat info;
		char target[PATH_MAX];
		ssize_t length;
		if (lstat(name, &info) != 0 || !S_ISLNK(info.st_mode))
			return name;
		length = readlink(name, target, sizeof(target) - 1);
		if (length < 0) {
			free(name);
			return NULL;
		}
		target[length] = '\0';
		if (target[0] == '/') {
			free(name);
			name = strdup(target);
		} else {
			char *copy = strdup(name);
			char *joined = copy ? malloc(strlen(copy) + (size_t)length + 2) : NULL;
			if (joined != NULL) {
				strcpy(joined, dirname(copy));
				strcat(joined, "/");
				strcat(joined, target);
			}
			free(copy);
			free(name);
			name = joined;
		}
	}
	if (name != NULL) {
		free(name);
		errno = ELOOP;
	}
	return NULL;
}

/* Makes the new file look like the old one: its mode, and its owner where the caller may. */
static int copy_attributes(int fd, const struct stat *old)
{
	if (fchown(fd, old->st_uid, old->st_gid) != 0 && errno != EPERM)
		return -1;
	return fchmod(fd, old->st_mode & 07777);
}

static enum output_status fail(struct output *out, int fd)
{
	int saved = errno;

	if (fd >= 0)
		close(fd);
	if (out->temp_path != NULL)
		unlink(out->temp_path);
	free(out->temp_path);
	free(out->final_path);
	out->temp_path = out->final_path = NULL;
	errno = saved;
	return OUTPUT_FAILED;
}

enum output_status output_open(struct output *out, const char *path, bool follow)
{
	/* Beside the final name, but short: a name near the 255-byte limit still gets its temporary file. */
	static const char temp_name[] = "/.falco2seccomp-XXXXXX";
	struct stat old;
	bool exists = false;
	mode_t mask;
	int fd;

	memset(out, 0, sizeof(*out));
	if (path == NULL || strcmp(path, "-") == 0) {
		out->file = stdout;
		return OUTPUT_OK;
	}
	out->path = path;
	out->final_path = follow ? final_name(path) : strdup(path);
	if (out->final_path == NULL)
		return fail(out, -1);
	if (!follow && lstat(out->final_path, &old) == 0 && !S_ISREG(old.st_mode)) {
		/* Not followed: a symlink, a fifo or a device there is replaced itself, never written through. */
		fd = -1;
		errno = ENOENT;
	} else {
		/* Open first and ask the descriptor, so that what is checked is what is written. */
		fd = open(out->final_path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
	}
	if (fd < 0 && errno != ENOENT)
		return fail(out, -1);
	if (fd >= 0) {
		if (fstat(fd, &old) != 0)
			return fail(out, fd);
		if (!S_ISREG(old.st_mode)) {
			/* A device or a pipe (/dev/stdout, a fifo) is written in place. */
			out->file = fdopen(fd, "w");
			return out->file ? OUTPUT_OK : fail(out, fd);
		}
		close(fd);
		exists = true;
	}
	char *copy = strdup(out->final_path);
	const char *dir = copy != NULL ? dirname(copy) : NULL;
	out->temp_path = dir != NULL ? malloc(strlen(dir) + sizeof(temp_name)) : NULL;
	if (out->temp_path == NULL) {
		free(copy);
		return fail(out, -1);
	}
	strcpy(out->temp_path, dir);
	strcat(out->temp_path, temp_name);
	free(copy);
	fd = mkstemp(out->temp_path);
	if (fd < 0) {
		int saved = errno;
		free(out->temp_path);
		out->temp_path = NULL;
		fail(out, -1);
		errno = saved;
		return saved == EACCES || saved == EROFS ? OUTPUT_DIRECTORY_LOCKED : OUTPUT_FAILED;
	}
	if (exists) {
		if (copy_attributes(fd, &old) != 0)
			return fail(out, fd);
	} else {
		/* mkstemp makes the file 0600; a new profile gets what a redirect would give it. */
		mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) != 0)
			return fail(out, fd);
	}
	out->file = fdopen(fd, "w");
	return out->file ? OUTPUT_OK : fail(out, fd);
}

int output_commit(struct output *out)
{
	int failed;
	int saved;

	if (out->path == NULL) {
		failed = fflush(stdout) != 0 || ferror(stdout);
		return failed ? -1 : 0;
	}
	failed = fflush(out->file) != 0 || ferror(out->file) || (out->temp_path && fsync(fileno(out->file)) != 0);
	saved = errno;
	if (fclose(out->file) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	out->file = NULL;
	if (!failed && out->temp_path != NULL && rename(out->temp_path, out->final_path) != 0) {
		failed = 1;
		saved = errno;
	}
	if (failed && out->temp_path != NULL)
		unlink(out->temp_path);
	free(out->temp_path);
	free(out->final_path);
	out->temp_path = out->final_path = NULL;
	errno = saved;
	return failed ? -1 : 0;
}

void output_abort(struct output *out)
{
	if (out->path != NULL && out->file != NULL) {
		fclose(out->file);
		if (out->temp_path != NULL)
			unlink(out->temp_path);
	}
	free(out->temp_path);
	free(out->final_path);
	out->temp_path = out->final_path = NULL;
	out->file = NULL;
}
