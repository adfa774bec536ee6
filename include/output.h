/*
 * output: where a profile goes. A file is written beside its final name and
 * renamed over it only when everything was written, so a failed run leaves
 * an existing profile untouched.
 */
#ifndef F2S_OUTPUT_H
#define F2S_OUTPUT_H

#include <stdio.h>

struct output {
	FILE *file;       /* where to write; stdout when path is NULL */
	const char *path; /* the final name, borrowed; NULL for stdout */
	char *temp_path;  /* owned: the file being written */
};

/* Opens path (NULL: stdout) for writing; returns 0, or -1 with errno set. */
int output_open(struct output *out, const char *path);

/*
 * Finishes the file: flushes, syncs and renames it over path. Returns 0, or
 * -1 with errno set, in which case nothing at path was changed.
 */
int output_commit(struct output *out);

/* Throws the file away. Accepts a closed or never opened output. */
void output_abort(struct output *out);

#endif
