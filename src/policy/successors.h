/*
 * successors: the syscalls a newer C library or runtime tries first and
 * falls back from only on ENOSYS, and the vDSO's syscalls. A profile
 * recorded with the older call answers the newer one with ENOSYS instead
 * of its default EPERM, which the caller would take as fatal; this never
 * allows anything, it only chooses the error.
 */
#ifndef F2S_SUCCESSORS_H
#define F2S_SUCCESSORS_H

#include "syscalls/syscall_set.h"

#include <stdbool.h>
#include <stddef.h>

struct successor {
	const char *newer;   /* tried first */
	const char *older;   /* what the caller falls back to on ENOSYS */
	const char *caller;  /* who tries the newer first, from which version */
	const char *source;  /* where that was checked */
	bool eperm_too;      /* the caller also falls back on EPERM */
};

/* The table, successor_count rows. */
extern const struct successor successor_table[];
extern const size_t successor_count;

/* The most rows the table may have. */
#define SUCCESSORS_MAX 16

/*
 * The rows whose older syscall set allows and whose newer one it does not,
 * and that exists on some of the catalog's architectures: into rows (room
 * for SUCCESSORS_MAX), in table order; returns how many.
 */
size_t successors_wanted(const struct syscall_catalog *catalog, const struct syscall_set *set,
                         const struct successor **rows);

/* The successor row of newer, or NULL. */
const struct successor *successor_of(const char *newer);

#endif
