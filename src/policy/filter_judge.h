/*
 * filter_judge: every promise a written profile makes, proven on the
 * filter libseccomp builds from it for each host and architecture
 * (profile/seccomp_filter.h), never on a model of it. The standing
 * queries, each a row (architecture, syscall, arguments, what must
 * happen), in the way libseccomp's own tests read:
 * - each name the profile allows runs, with arguments its rules let
 *   through (clone making a thread with a stack, socket with a family the
 *   log shows), and so do the generic calls standing for a legacy one the
 *   architecture lacks;
 * - clone with each namespace flag the log did not open, clone3, socket
 *   with each family Docker refuses (with every family the log did not
 *   show, where the families are narrowed), personality outside Docker's
 *   values, each --remove name, and each name Docker refuses a default
 *   container that the profile does not allow: each refused.
 * A call answered by TRACE or NOTIFY is neither: with a tracer or a
 * supervisor it runs, without one it fails, so it breaks both kinds of
 * promise. socket's family rules do not hold through socketcall, whose
 * arguments a filter cannot read: where an architecture has it and the
 * filter lets socketcall(SYS_SOCKET) run, that is told, not hidden.
 */
#ifndef F2S_FILTER_JUDGE_H
#define F2S_FILTER_JUDGE_H

#include "profile/seccomp_filter.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arg_facts;
struct arg_rule_choice;
struct arg_rule_plan;
struct rule_context;
struct syscall_catalog;
struct syscall_set;

/* What the profile promises, as the tool decided it. Nothing in it is owned. */
struct filter_promises {
	const struct syscall_catalog *catalog;   /* names of allowed */
	const struct syscall_set *allowed;       /* the names the profile says it allows */
	const struct arg_facts *facts;           /* what the log opened: namespace flags, families */
	const struct arg_rule_choice *choice;    /* what the command line lifted */
	const struct arg_rule_plan *plan;        /* what the rules narrowed (socket families) */
	const char *const *removed;              /* --remove names */
	size_t removed_count;
	bool refusals_lifted;                    /* the command line's default action lets calls run */
	bool audit;                              /* an audit profile: what no rule allows is logged and runs */
};

enum promise_kind {
	PROMISE_RUNS,      /* a call the profile allows */
	PROMISE_REFUSED    /* a call the profile must refuse */
};

/* One promise the filter breaks. */
struct promise_break {
	enum promise_kind kind;
	uint32_t host;             /* the filter's host */
	uint32_t arch;             /* the architecture the call is made on */
	char name[48];             /* the syscall */
	uint64_t args[6];          /* its arguments */
	const char *why;           /* which promise: "a namespace flag", "a family Docker refuses", ... */
	uint32_t action;           /* what the filter does */
	int rule;                  /* the first rule of the document naming the call, or -1 */
};

#define FILTER_JUDGE_BREAKS_MAX 16

struct filter_verdict {
	struct arch_list proven;                  /* the architectures every query was asked on */
	uint32_t hosts[ARCH_MAX];                 /* the filters built, one per host */
	size_t host_count;
	struct arch_list socketcall_open;         /* where socket's family rules do not hold through socketcall */
	struct promise_break breaks[FILTER_JUDGE_BREAKS_MAX]; /* the first broken promises */
	size_t break_count;                       /* all of them, beyond those kept */
	char build_error[512];                    /* why libseccomp (and so runc) refuses the profile, or "" */
	uint64_t queries;                         /* the queries asked */
};

/*
 * Builds document's filter for each host of arches, for the container ctx
 * describes, and asks every standing query. Returns 0 when every promise
 * holds, 1 when one breaks or the filter cannot be built (verdict says
 * which), -1 when memory ran out.
 */
int filter_judge_profile(const cJSON *document, const struct arch_list *arches, const struct rule_context *ctx,
                         const struct filter_promises *promises, struct filter_verdict *verdict);

#endif
