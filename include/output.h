/*
 * output: where a profile goes, as a shell redirect would send it, but
 * atomically. A regular file is written beside its final name (through a
 * symlink, beside the link's target) and renamed over it only when
 * everything was written, keeping the old file's mode and, where the
 * caller may, its owner; a failed run leaves an existing profile
 * untouched. A device or a pipe is written in place; "-" is standard
 * output.
 */
#ifndef F2S_OUTPUT_H
#define F2S_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

enum output_status {
	OUTPUT_OK,
	OUTPUT_FAILED,            /* errno says why */
	OUTPUT_DIRECTORY_LOCKED   /* the file's directory is not writable: it cannot be replaced safely */
};

struct output {
	FILE *file;       /* where to write; stdout when path is NULL */
	const char *path; /* the name given, borrowed; NULL for stdout */
	char *final_path; /* owned: the file replaced at commit (a symlink's target) */
	char *temp_path;  /* owned: the file being written */
};

/*
 * Opens path (NULL or "-": stdout) for writing. follow: a symlink at path
 * is written through, as a redirect would (-o); otherwise whatever is at
 * path that is not a regular file is replaced itself (--output-dir, whose
 * entries the user did not name one by one).
 */
enum output_status output_open(struct output *out, const char *path, bool follow);

/*
 * Finishes the file: flushes, syncs and renames it over its final name.
 * Returns 0, or -1 with errno set, in which case nothing there was changed.
 */
int output_commit(struct output *out);

/* Throws the file away. Accepts a closed or never opened output. */
void output_abort(struct output *out);

#endif
