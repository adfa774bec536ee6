/*
 * profile_set: the syscalls a profile allows, beyond what the log shows:
 * names from merged profiles, exit and exit_group, the runtime's
 * baseline, --add and --remove, clone for clone3's fallback, and
 * --deny-risky.
 */
#ifndef F2S_PROFILE_SET_H
#define F2S_PROFILE_SET_H

#include "jobs/options.h"
#include "profile/profile.h"
#include "syscalls/syscall_set.h"

#include <stdbool.h>
#include <stddef.h>

/* What profile_set_finish added and removed, for the summary. */
struct additions {
	size_t always;              /* exit, exit_group */
	size_t baseline;            /* the runtime's list */
	size_t merged;              /* names from --merge */
	size_t added;               /* --add */
	size_t removed;             /* --remove */
	bool clone_fallback;        /* clone added because clone3 answers ENOSYS */
	size_t risky_denied;        /* left out by --deny-risky */
	struct syscall_set by_user; /* named with --add */
};

/*
 * The capability a container needs, beyond Docker's default set, before
 * Docker's default profile allows name ("" when it never does); NULL when
 * a default container may make it.
 */
const char *profile_set_risky_capability(const char *name);

/* Tells whether every profile gets name: exit and exit_group, or the runtime's baseline of opts. */
bool profile_set_always_given(const struct options *opts, const char *name);

/*
 * Checks a name given to option (--add or --remove): returns its id in
 * catalog, or -1 with message saying why not (with a hint when it is
 * Falco's spelling of a kernel name).
 */
int profile_set_user_name(struct syscall_catalog *catalog, const char *option, const char *name, char *message,
                          size_t size);

/*
 * Adds to an observed set what every profile gets, from the options and
 * the count merged profiles. Returns 0, or -1 with message when a --add
 * or --remove name is no syscall.
 */
int profile_set_finish(struct syscall_catalog *catalog, const struct options *opts,
                       const struct profile_input *merged, size_t count, struct syscall_set *set,
                       struct additions *added, char *message, size_t size);

#endif
