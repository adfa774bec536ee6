/*
 * merge: combining the profiles given with --merge with the command line.
 */
#ifndef F2S_MERGE_H
#define F2S_MERGE_H

#include "policy/arg_facts.h"
#include "policy/arg_rules.h"
#include "profile/profile.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

enum merge_status {
	MERGE_OK,        /* done */
	MERGE_CONFLICT,  /* the profiles disagree and the command line does not choose: message says how */
	MERGE_NO_MEMORY  /* memory ran out */
};

/* What the command line says of the top of the profile, whatever the merged profiles say. */
struct merge_overrides {
	bool has_arches;            /* --arch was given */
	struct arch_list arches;    /* --arch, or the default list */
	const char *default_action; /* --default-action, or NULL */
	bool has_errno_ret;         /* --errno-ret was given */
	long errno_ret;             /* its value */
};

/* The top of the profile to write. */
struct merge_header {
	struct arch_list arches;    /* --arch, else every merged profile's, else the default;
	                               with an archMap, its main and sub-architectures */
	bool has_arch_map;          /* a merged profile had archMap: arch_map is written back */
	struct arch_map arch_map;   /* the entries of the target architectures */
	const char *default_action; /* borrowed: --default-action, else the merged profiles' one */
	bool has_errno_ret;         /* defaultErrnoRet is written */
	long errno_ret;             /* its value */
};

/*
 * Settles the header from the options and count merged profiles: what the
 * command line says wins; otherwise the profiles must agree. An archMap is
 * resolved as the runtimes do: without --arch, only the entry of this
 * machine's architecture is kept; with it, the entries of the listed ones.
 * The result is checked as the command line is: an errno goes only with
 * SCMP_ACT_ERRNO or SCMP_ACT_TRACE and is at most PROFILE_ERRNO_MAX, and
 * SCMP_ACT_NOTIFY is no default action.
 */
enum merge_status merge_header(const struct merge_overrides *opts, const struct profile_input *profiles, size_t count,
                               struct merge_header *header, char *message, size_t size);

/*
 * Takes out of each profile's other rules those that arg_rules_build
 * writes (clone with a namespace mask, clone3 with ENOSYS, personality
 * and socket with Docker's values, socket families), putting their names
 * with the allow names and what they allow into facts, so that merging
 * unites them like a log does. A plain socketpair leaves its families
 * unrestricted.
 */
enum merge_status merge_absorb_arg_rules(struct profile_input *profiles, size_t count, struct arg_facts *facts);

/* Called with each sentence of merge_narrow_arg_rules. */
typedef void merge_note_fn(void *context, const char *message);

/*
 * Keeps the floor: a merged rule that allows clone, clone3, personality or
 * socket more widely than the rules in force (podman's default allows
 * clone and socket by name) loses those names to the absorbed names, so
 * that they are allowed under the rules in force, and goes when it names
 * nothing else. tell hears one sentence a rule, naming the profile, the
 * rule and the option that keeps it wide; *narrowed says whether any was.
 */
enum merge_status merge_narrow_arg_rules(struct profile_input *profiles, size_t count, const struct arg_facts *facts,
                                         const struct arg_rule_choice *choice, merge_note_fn *tell, void *context,
                                         bool *narrowed);

/*
 * Gathers the profiles' rules that are not plain allow lists, each once
 * (rules equal but for the order of their keys are one), ordered by their
 * text with keys sorted, so that merging in any order writes the same bytes.
 * *kept is a new array (caller frees with cJSON_Delete), or NULL when there
 * are none.
 */
enum merge_status merge_kept_rules(const struct profile_input *profiles, size_t count, cJSON **kept);

/*
 * What of a merged rule is left to write after the allow list and the
 * rules the tool writes itself (written): NULL when they already do what
 * it does (the same rule; or, for a rule without argument conditions, the
 * same effect on every name it has), else a copy (caller frees) without
 * the names they already give that effect. A merged profile's own rules
 * read back (the ENOSYS answers, the generic calls of other architectures)
 * are so not written twice, and merging a profile with itself changes
 * nothing. *failed says memory ran out.
 */
cJSON *merge_rule_left_to_write(const cJSON *allow_list, const cJSON *written, const cJSON *rule, bool *failed);

#endif
