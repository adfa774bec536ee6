/*
 * profile_judge: what a profile does with a syscall, the way moby applies
 * it: rules whose includes and excludes (architecture, capabilities,
 * kernel version) leave them out do not count, and a rule with argument
 * conditions allows the syscall only when they hold.
 */
#ifndef F2S_PROFILE_JUDGE_H
#define F2S_PROFILE_JUDGE_H

#include "policy/arg_facts.h"
#include "profile/profile.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/* The most conditional rules told apart for one syscall. */
#define JUDGE_CONDITIONS_MAX 16

enum verdict {
	VERDICT_ALLOWED,     /* allowed whatever the arguments */
	VERDICT_CONDITIONAL, /* allowed only when a rule's argument conditions hold */
	VERDICT_DENIED       /* not allowed */
};

struct judgement {
	enum verdict verdict;                           /* the answer */
	const cJSON *conditions[JUDGE_CONDITIONS_MAX];  /* borrowed: the allowing rules with arguments */
	size_t condition_count;                         /* entries in conditions */
	bool errno_rule;                                /* a rule that applies answers with an errno */
	long errno_ret;                                 /* that errno */
	const char *needs_cap;                          /* borrowed: a capability that would allow it, or NULL */
};

/* What --check found for one observed syscall. */
enum check_outcome {
	CHECK_ALLOWED,            /* allowed whatever the arguments */
	CHECK_CONDITIONS_MET,     /* allowed under conditions the logged arguments meet */
	CHECK_CONDITIONS_UNKNOWN, /* allowed under conditions the log cannot tell */
	CHECK_CONDITIONS_FAILED,  /* allowed only under conditions the logged arguments do not meet */
	CHECK_ENOSYS_FALLBACK,    /* clone3 answers ENOSYS and clone is allowed */
	CHECK_DENIED              /* not allowed (judgement.needs_cap may name what would allow it) */
};

struct check_finding {
	int id;                       /* the syscall's id in the catalog */
	enum check_outcome outcome;   /* what was found */
	struct judgement judgement;   /* the profile's rules for it */
	bool filter_decided;          /* the built filter's answer overrode what the rules' reading said */
	uint32_t filter_action;       /* that answer, a SECCOMP_RET_* value */
};

/* Judges name against input for the container ctx describes. */
void profile_judge(const struct profile_input *input, const char *name, const struct rule_context *ctx,
                   struct judgement *out);

/*
 * Tells whether the arguments the log shows for name (clone's namespace
 * flags, socket's families) meet a conditional judgement: 1 yes, 0 no, -1
 * when the log does not show enough to tell.
 */
int profile_judge_arguments(const struct judgement *judgement, const char *name, const struct arg_facts *facts);

/* Describes the conditions, as "only without namespace flags". */
void profile_judge_describe(const struct judgement *judgement, const char *name, char *text, size_t size);

#endif
