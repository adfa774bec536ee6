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
#include <stddef.h>
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

/*
 * Files finished but not yet renamed into place, so that many profiles
 * (--all-containers, --group-by) cost one sync of their file system
 * instead of one fsync each.
 */
struct output_batch {
	char **temp_paths;  /* owned, count of them */
	char **final_paths; /* owned, the names they replace */
	size_t count;
	size_t capacity;
};

/*
 * Finishes out's file like output_commit but leaves it under its temporary
 * name in batch; standard output and devices are finished at once. Returns
 * 0, or -1 with errno set, in which case the file is thrown away.
 */
int output_defer(struct output *out, struct output_batch *batch);

/*
 * Syncs the file systems of the deferred files (syncfs), then renames each
 * into place and syncs their directories. Returns 0, or -1 with errno set
 * and failed (size bytes) naming the file that went wrong; the *placed
 * files renamed before it stay in place, the rest are thrown away. A
 * directory at any name stops them all before the first. Empties batch.
 */
int output_batch_commit(struct output_batch *batch, char *failed, size_t size, size_t *placed);

/* Throws away every deferred file. Accepts an empty batch. */
void output_batch_abort(struct output_batch *batch);

/* Throws the file away. Accepts a closed or never opened output. */
void output_abort(struct output *out);

#endif
