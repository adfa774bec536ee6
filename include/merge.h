/*
 * merge: combining the profiles given with --merge with the command line.
 */
#ifndef F2S_MERGE_H
#define F2S_MERGE_H

#include "arg_facts.h"
#include "arg_rules.h"
#include "options.h"
#include "profile.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

enum merge_status {
	MERGE_OK,        /* done */
	MERGE_CONFLICT,  /* the profiles disagree and the command line does not choose: message says how */
	MERGE_NO_MEMORY  /* memory ran out */
};

/* The top of the profile to write. */
struct merge_header {
	struct arch_list arches;    /* --arch, else every merged profile's, else the default */
	const char *default_action; /* borrowed: --default-action, else the merged profiles' one */
	bool has_errno_ret;         /* defaultErrnoRet is written */
	long errno_ret;             /* its value */
};

/*
 * Settles the header from the options and count merged profiles: what the
 * command line says wins; otherwise the profiles must agree.
 */
enum merge_status merge_header(const struct options *opts, const struct profile_input *profiles, size_t count,
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

/*
 * Checks that no merged rule allows clone, clone3, personality or socket
 * more widely than the rules in force; MERGE_CONFLICT with message naming
 * the profile, the rule and the option that decides.
 */
enum merge_status merge_check_arg_rules(const struct profile_input *profiles, size_t count,
                                        const struct arg_facts *facts, const struct arg_rule_choice *choice,
                                        char *message, size_t size);

/*
 * Gathers the profiles' rules that are not plain allow lists, each once,
 * ordered by their text, so that merging in any order writes the same bytes.
 * *kept is a new array (caller frees with cJSON_Delete), or NULL when there
 * are none.
 */
enum merge_status merge_kept_rules(const struct profile_input *profiles, size_t count, cJSON **kept);

#endif
