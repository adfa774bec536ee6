/*
 * atomic_file: where a profile goes, as a shell redirect would send it, but
 * atomically. A regular file is written beside its final name (through a
 * symlink, beside the link's target) and renamed over it only when
 * everything was written, keeping the old file's mode and, where the
 * caller may, its owner; a failed run leaves an existing profile
 * untouched. A device or a pipe is written in place; "-" is standard
 * output.
 */
#ifndef F2S_ATOMIC_FILE_H
#define F2S_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum atomic_file_status {
	ATOMIC_FILE_OK,
	ATOMIC_FILE_FAILED,            /* errno says why */
	ATOMIC_FILE_DIRECTORY_LOCKED   /* the file's directory is not writable: it cannot be replaced safely */
};

struct atomic_file {
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
enum atomic_file_status atomic_file_open(struct atomic_file *out, const char *path, bool follow);

/*
 * Finishes the file: flushes, syncs and renames it over its final name.
 * Returns 0, or -1 with errno set, in which case nothing there was changed.
 */
int atomic_file_commit(struct atomic_file *out);

/*
 * Files finished but not yet renamed into place, so that many profiles
 * (--all-containers, --group-by) cost one sync of their file system
 * instead of one fsync each.
 */
struct atomic_batch {
	char **temp_paths;  /* owned, count of them */
	char **final_paths; /* owned, the names they replace */
	size_t count;
	size_t capacity;
};

/*
 * Finishes out's file like atomic_file_commit but leaves it under its temporary
 * name in batch; standard output and devices are finished at once. Returns
 * 0, or -1 with errno set, in which case the file is thrown away.
 */
int atomic_file_defer(struct atomic_file *out, struct atomic_batch *batch);

/*
 * Syncs the file systems of the deferred files (syncfs), then renames each
 * into place and syncs their directories. Returns 0, or -1 with errno set
 * and failed (size bytes) naming the file that went wrong; the *placed
 * files renamed before it stay in place, the rest are thrown away. A
 * directory at any name stops them all before the first. Empties batch.
 */
int atomic_batch_commit(struct atomic_batch *batch, char *failed, size_t size, size_t *placed);

/* Throws away every deferred file. Accepts an empty batch. */
void atomic_batch_abort(struct atomic_batch *batch);

/* Throws the file away. Accepts a closed or never opened output. */
void atomic_file_abort(struct atomic_file *out);

#endif
