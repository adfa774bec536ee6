/*
 * atomic_file: atomic replacement of the profile file.
 */
#include "profile/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
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

static enum atomic_file_status fail(struct atomic_file *out, int fd)
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
	return ATOMIC_FILE_FAILED;
}

enum atomic_file_status atomic_file_open(struct atomic_file *out, const char *path, bool follow)
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
		return ATOMIC_FILE_OK;
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
			return out->file ? ATOMIC_FILE_OK : fail(out, fd);
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
		return saved == EACCES || saved == EROFS ? ATOMIC_FILE_DIRECTORY_LOCKED : ATOMIC_FILE_FAILED;
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
	return out->file ? ATOMIC_FILE_OK : fail(out, fd);
}

/*
 * Flushes and closes out's file, syncing it when sync; returns 0, or -1
 * with errno set, in which case its temporary file is gone.
 */
/* Lets go of out's names, removing its temporary file first when drop. */
static void forget_names(struct atomic_file *out, bool drop)
{
	if (drop && out->temp_path != NULL)
		unlink(out->temp_path);
	free(out->temp_path);
	free(out->final_path);
	out->temp_path = out->final_path = NULL;
}

static int finish(struct atomic_file *out, bool sync)
{
	int failed = fflush(out->file) != 0 || ferror(out->file) ||
	             (sync && out->temp_path && fsync(fileno(out->file)) != 0);
	int saved = errno;

	if (fclose(out->file) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	out->file = NULL;
	if (failed)
		forget_names(out, true);
	errno = saved;
	return failed ? -1 : 0;
}

int atomic_file_commit(struct atomic_file *out)
{
	int failed;
	int saved;

	if (out->path == NULL) {
		failed = fflush(stdout) != 0 || ferror(stdout);
		return failed ? -1 : 0;
	}
	if (finish(out, true) != 0)
		return -1;
	failed = out->temp_path != NULL && rename(out->temp_path, out->final_path) != 0;
	saved = errno;
	forget_names(out, failed);
	errno = saved;
	return failed ? -1 : 0;
}

int atomic_file_defer(struct atomic_file *out, struct atomic_batch *batch)
{
	if (out->path == NULL || out->temp_path == NULL)
		return atomic_file_commit(out);
	if (batch->count == batch->capacity) {
		size_t capacity = batch->capacity ? 2 * batch->capacity : 64;
		char **temps = realloc(batch->temp_paths, capacity * sizeof(temps[0]));
		if (temps != NULL)
			batch->temp_paths = temps;
		char **finals = temps ? realloc(batch->final_paths, capacity * sizeof(finals[0])) : NULL;
		if (finals == NULL) {
			atomic_file_abort(out);
			errno = ENOMEM;
			return -1;
		}
		batch->final_paths = finals;
		batch->capacity = capacity;
	}
	if (finish(out, false) != 0)
		return -1;
	batch->temp_paths[batch->count] = out->temp_path;
	batch->final_paths[batch->count++] = out->final_path;
	out->temp_path = out->final_path = NULL;
	return 0;
}

/* Syncs the file system that holds path (once per run of paths on one device: *synced). */
static int sync_file_system(const char *path, dev_t *synced, bool *any)
{
	struct stat info;
	int fd, status;

	if (stat(path, &info) != 0)
		return -1;
	if (*any && info.st_dev == *synced)
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	status = syncfs(fd);
	close(fd);
	*synced = info.st_dev;
	*any = true;
	return status;
}

/* Syncs the directory that holds path, unless it is the one *last (malloc'd, replaced) names. */
static int sync_directory(const char *path, char **last)
{
	char *copy = strdup(path);
	const char *dir = copy ? dirname(copy) : NULL;
	int fd, status;

	if (dir == NULL)
		return -1;
	if (*last != NULL && strcmp(*last, dir) == 0) {
		free(copy);
		return 0;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	status = fd >= 0 && fsync(fd) == 0 ? 0 : -1;
	if (fd >= 0)
		close(fd);
	free(*last);
	*last = strdup(dir);
	free(copy);
	return status;
}

int atomic_batch_commit(struct atomic_batch *batch, char *failed, size_t size, size_t *placed)
{
	const char *bad = NULL;
	dev_t synced = 0;
	bool any = false;
	char *last_dir = NULL;
	int saved = 0;

	failed[0] = '\0';
	*placed = 0;
	/* What would stop a rename (a directory at the name) stops them all, before the first. */
	for (size_t i = 0; i < batch->count && bad == NULL; i++) {
		struct stat info;
		if (lstat(batch->final_paths[i], &info) == 0 && S_ISDIR(info.st_mode)) {
			errno = EISDIR;
			bad = batch->final_paths[i];
		} else if (sync_file_system(batch->temp_paths[i], &synced, &any) != 0) {
			bad = batch->final_paths[i];
		}
	}
	for (size_t i = 0; i < batch->count && bad == NULL; i++) {
		if (rename(batch->temp_paths[i], batch->final_paths[i]) != 0) {
			bad = batch->final_paths[i];
			break;
		}
		free(batch->temp_paths[i]);
		batch->temp_paths[i] = NULL;
		(*placed)++;
	}
	for (size_t i = 0; i < batch->count && bad == NULL; i++)
		if (sync_directory(batch->final_paths[i], &last_dir) != 0)
			bad = batch->final_paths[i];
	if (bad != NULL) {
		saved = errno;
		snprintf(failed, size, "%s", bad);
	}
	free(last_dir);
	atomic_batch_abort(batch);
	errno = saved;
	return bad != NULL ? -1 : 0;
}

void atomic_batch_abort(struct atomic_batch *batch)
{
	for (size_t i = 0; i < batch->count; i++) {
		if (batch->temp_paths[i] != NULL) {
			unlink(batch->temp_paths[i]);
			free(batch->temp_paths[i]);
		}
		free(batch->final_paths[i]);
	}
	free(batch->temp_paths);
	free(batch->final_paths);
	memset(batch, 0, sizeof(*batch));
}

void atomic_file_abort(struct atomic_file *out)
{
	bool open = out->path != NULL && out->file != NULL;

	if (open)
		fclose(out->file);
	forget_names(out, open);
	out->file = NULL;
}
