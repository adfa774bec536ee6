/*
 * filter_diff: which verdicts differ between two profiles, asked of the
 * filters libseccomp builds from each as runc loads them: every syscall
 * the architecture has, with plain arguments, and the calls whose
 * arguments Docker's rules weigh (clone with each namespace flag and as a
 * thread, socket with each family, personality with each bit).
 */
#ifndef F2S_FILTER_DIFF_H
#define F2S_FILTER_DIFF_H

#include "profile/seccomp_filter.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One call whose verdict differs. */
struct verdict_change {
	uint32_t arch;          /* the architecture it is made on */
	char call[64];          /* as "socket(AF_ALG)", "clone(CLONE_NEWUSER)", "read()" */
	uint32_t old_action;    /* SECCOMP_RET_* under the old profile */
	uint32_t new_action;    /* and under the new one */
};

#define FILTER_DIFF_KEPT 64

struct filter_diff {
	struct arch_list compared;                      /* the architectures asked on */
	struct verdict_change changes[FILTER_DIFF_KEPT]; /* the first changes, widening ones first */
	size_t kept;                                    /* entries in changes */
	size_t widened;                                 /* calls the new profile lets run that the old one does not */
	size_t narrowed;                                /* the other way round */
	char build_error[512];                          /* why a filter could not be built, or "" */
};

/*
 * Compares the verdicts of old and new (documents as read) on every host
 * of arches, for the container ctx describes. Returns 0, or -1 when a
 * filter cannot be built (out->build_error says why).
 */
int filter_diff_profiles(const cJSON *old, const cJSON *new, const struct arch_list *arches,
                         const struct rule_context *ctx, struct filter_diff *out);

#endif
