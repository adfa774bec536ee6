/*
 * profile_diff: what differs between two profiles, as the runtimes read
 * them: the syscalls one allows by some rule and the other by none, the
 * rules other than plain allow lists only one has, and the header.
 */
#ifndef F2S_PROFILE_DIFF_H
#define F2S_PROFILE_DIFF_H

#include "profile/profile.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/* What --diff found between two profiles. */
struct profile_diff {
	const struct profile_input *old;  /* the profiles compared */
	const struct profile_input *new;
	const char **added;               /* syscalls NEW allows by some rule and OLD by none, sorted */
	size_t added_count;
	const char **removed;             /* the other way round */
	size_t removed_count;
	const cJSON **rules_added;        /* rules other than plain allow lists only NEW has */
	size_t rules_added_count;
	const cJSON **rules_removed;      /* the other way round */
	size_t rules_removed_count;
	bool action_changed;              /* defaultAction or defaultErrnoRet differ */
	bool arches_changed;              /* the architectures differ */
	/* Owned: the names the lists above point into. */
	cJSON *old_names, *new_names;
	const char **old_sorted, **new_sorted;
};

/* Compares old with new into diff; returns 0, or -1 when memory runs out. Free diff either way. */
int profile_diff_compute(const struct profile_input *old, const struct profile_input *new, struct profile_diff *diff);

/* Tells whether the profiles mean the same. */
bool profile_diff_empty(const struct profile_diff *diff);

/* Frees what diff owns. */
void profile_diff_free(struct profile_diff *diff);

#endif
