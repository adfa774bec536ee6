/*
 * output: atomic replacement of the profile file.
 */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int output_open(struct output *out, const char *path)
{
	static const char suffix[] = ".XXXXXX";
	struct stat info;
	mode_t mask;
	int fd;

	memset(out, 0, sizeof(*out));
	out->path = path;
	if (path == NULL) {
		out->file = stdout;
		return 0;
	}
	/* A device or a pipe (/dev/stdout, a fifo) is written in place. */
	if (stat(path, &info) == 0 && !S_ISREG(info.st_mode)) {
		out->file = fopen(path, "w");
		return out->file ? 0 : -1;
	}
	out->temp_path = malloc(strlen(path) + sizeof(suffix));
	if (out->temp_path == NULL)
		return -1;
	strcpy(out->temp_path, path);
	strcat(out->temp_path, suffix);
	fd = mkstemp(out->temp_path);
	if (fd < 0) {
		free(out->temp_path);
		out->temp_path = NULL;
		return -1;
	}
	/* mkstemp makes the file 0600; a profile is no secret. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	out->file = fdopen(fd, "w");
	if (out->file == NULL) {
		int saved = errno;
		close(fd);
		unlink(out->temp_path);
		free(out->temp_path);
		out->temp_path = NULL;
		errno = saved;
		return -1;
	}
	return 0;
}

int output_commit(struct output *out)
{
	int failed;
	int saved;

	if (out->path == NULL) {
		failed = fflush(stdout) != 0 || ferror(stdout);
		return failed ? -1 : 0;
	}
	if (out->temp_path == NULL) {
		failed = fflush(out->file) != 0 || ferror(out->file);
		saved = errno;
		if (fclose(out->file) != 0 && !failed) {
			failed = 1;
			saved = errno;
		}
		out->file = NULL;
		errno = saved;
		return failed ? -1 : 0;
	}
	failed = fflush(out->file) != 0 || ferror(out->file) || fsync(fileno(out->file)) != 0;
	saved = errno;
	if (fclose(out->file) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	out->file = NULL;
	if (!failed && rename(out->temp_path, out->path) != 0) {
		failed = 1;
		saved = errno;
	}
	if (failed)
		unlink(out->temp_path);
	free(out->temp_path);
	out->temp_path = NULL;
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
	out->temp_path = NULL;
	out->file = NULL;
}
