/*
 * profile_set: the syscalls a profile allows, beyond what the log shows:
 * names from merged profiles, exit and exit_group, the runtime's
 * baseline, --add and --remove, clone for clone3's fallback, and
 * --deny-risky.
 */
#ifndef F2S_PROFILE_SET_H
#define F2S_PROFILE_SET_H

#include "policy/arg_rules.h"
#include "profile/profile.h"
#include "syscalls/syscall_set.h"

#include <stdbool.h>
#include <stddef.h>

/* What profile_set_finish added and removed, for the summary. */
struct additions {
	size_t always;              /* exit, exit_group */
	size_t vdso;                /* the vDSO's syscalls of the target architectures (arch_vdso) */
	char vdso_names[160];       /* those, comma-separated, for the summary */
	size_t baseline;            /* the runtime's list */
	size_t baseline_present;    /* names of the runtime's list already allowed (by the log or a merge) */
	size_t merged;              /* names from --merge */
	size_t added;               /* --add */
	size_t removed;             /* --remove */
	bool clone_fallback;        /* clone added because clone3 answers ENOSYS */
	size_t risky_denied;        /* left out by --deny-risky */
	struct syscall_set by_user; /* named with --add */
};

/* What the command line says of the set. */
struct set_choices {
	const char *const *add;              /* --add names */
	size_t add_count;
	const char *const *remove;           /* --remove names */
	size_t remove_count;
	const char *runtime;                 /* whose baseline is added, or NULL for none */
	bool deny_risky;                     /* --deny-risky */
	const struct arg_rule_choice *arg_rules; /* the argument rules in force */
};

/*
 * The capability a container needs, beyond Docker's default set, before
 * Docker's default profile allows name ("" when it never does); NULL when
 * a default container may make it.
 */
const char *profile_set_risky_capability(const char *name);

/* A syscall a profile allows that Docker's default allows only with a capability, or never. */
struct risky_syscall {
	int id;                 /* in the catalog */
	const char *capability; /* the capability, or "" when Docker's default never allows it */
};

/*
 * Lists into out (room for catalog->count) the syscalls of set that are
 * risky, in id order, but for those the user named with --add; returns
 * how many.
 */
size_t profile_set_risky(const struct syscall_catalog *catalog, const struct syscall_set *set,
                         const struct additions *added, struct risky_syscall *out);

/* Tells whether every profile gets name: exit and exit_group, or the baseline of runtime (NULL: none). */
bool profile_set_always_given(const char *runtime, const char *name);

/*
 * Checks a name given to option (--add or --remove): returns its id in
 * catalog, or -1 with message saying why not (with a hint when it is
 * Falco's spelling of a kernel name).
 */
int profile_set_user_name(struct syscall_catalog *catalog, const char *option, const char *name, char *message,
                          size_t size);

/*
 * Adds to an observed set what every profile gets, from the choices and
 * the count merged profiles. Returns 0, or -1 with message when a --add
 * or --remove name is no syscall.
 */
int profile_set_finish(struct syscall_catalog *catalog, const struct set_choices *opts,
                       const struct profile_input *merged, size_t count, struct syscall_set *set,
                       struct additions *added, char *message, size_t size);

#endif
