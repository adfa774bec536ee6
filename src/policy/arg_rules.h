/*
 * arg_rules: the argument rules of Docker's default profile that every
 * generated profile keeps for the syscalls it allows (clone without
 * namespace flags, clone3 answered with ENOSYS, personality with Docker's
 * values, socket without AF_VSOCK), opened only as far as the log or the
 * user says; and socket families narrowed to those the log shows.
 */
#ifndef F2S_ARG_RULES_H
#define F2S_ARG_RULES_H

#include "policy/arg_facts.h"
#include "syscalls/syscall_names.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum arg_rule {
	ARG_RULE_CLONE,       /* clone only without the namespace flags not logged */
	ARG_RULE_CLONE3,      /* clone3 answered with ENOSYS */
	ARG_RULE_PERSONALITY, /* personality only with Docker's values */
	ARG_RULE_SOCKET,      /* socket without AF_VSOCK, or only the logged families */
	ARG_RULE_SOCKETPAIR,  /* socketpair only with the logged families */
	ARG_RULE_COUNT
};

/* What the command line lifts. */
struct arg_rule_choice {
	bool allow_namespaces;       /* --allow-namespaces: clone and clone3 by name */
	bool lifted[ARG_RULE_COUNT]; /* --no-arg-rule NAME */
};

/* The most newer syscalls answered with ENOSYS in one profile. */
#define ARG_ENOSYS_MAX 16

/* What arg_rules_build wrote, for the summary. */
struct arg_rule_plan {
	bool written[ARG_RULE_COUNT];          /* a rule with arguments was written */
	uint32_t clone_refused;                /* the namespace bits clone still refuses */
	bool restricted[ARG_SOCKET_CALLS];     /* families narrowed to families[] */
	uint64_t families[ARG_SOCKET_CALLS];   /* the families allowed, when restricted */
	const char *enosys[ARG_ENOSYS_MAX];    /* newer syscalls answered with ENOSYS (successors.h) */
	const char *enosys_older[ARG_ENOSYS_MAX]; /* the older call each falls back to */
	size_t enosys_count;
	bool socket_logged;                    /* --audit: socket's allowing rules left out for x86's socketcall */
};

/* The syscall a rule is about ("clone", ...). */
const char *arg_rule_name(enum arg_rule rule);

/* The rule named name, or -1. */
int arg_rule_from_name(const char *name);

/* The names, comma-separated, for messages. */
const char *arg_rule_list(void);

/* Tells whether the rule is in force under choice. */
bool arg_rule_active(const struct arg_rule_choice *choice, enum arg_rule rule);

/*
 * Splits the allowed names (count of them, sorted) into plain (room for
 * count) and rules with arguments for the architectures: *rules is a new
 * array in Docker's format (caller frees with cJSON_Delete). Returns 0,
 * or -1 when memory runs out.
 */
int arg_rules_build(const char *const *names, size_t count, const struct arch_list *arches,
                    const struct arg_facts *facts, const struct arg_rule_choice *choice, const char **plain,
                    size_t *plain_count, cJSON **rules, struct arg_rule_plan *plan);

/*
 * Adds to rules one rule answering the count newer syscalls in names with
 * ENOSYS (errno 38; 89 on mips), as Docker answers clone3: the caller
 * falls back to the older call (policy/successors.h). Returns 0, or -1
 * when memory runs out.
 */
int arg_rules_add_enosys(cJSON *rules, const struct arch_list *arches, const char *const *names, size_t count);

/*
 * Adds to rules what an audit profile (default action SCMP_ACT_LOG) refuses
 * explicitly, so that it never lets a container do what Docker's default
 * stops: clone with each namespace flag facts do not open (one rule per
 * flag), clone3 with ENOSYS, socket(AF_VSOCK), personality outside Docker's
 * values, and the refused_count syscalls in refused with EPERM; where
 * AF_VSOCK cannot be refused, plan->vsock_unrefused says so. Returns 0, or
 * -1 when memory runs out.
 */
int arg_rules_add_audit(cJSON *rules, const struct arch_list *arches, struct arg_rule_plan *plan,
                        const struct arg_facts *facts, const struct arg_rule_choice *choice,
                        const char *const *refused, size_t refused_count);

/*
 * Tells whether rule (from the merged profile at path) is one that
 * arg_rules_build writes; if so, adds the syscall it allows to names (an
 * array of strings) and what it allows to facts.
 */
bool arg_rules_absorb(const cJSON *rule, const char *path, struct arg_facts *facts, cJSON *names);

/*
 * Tells whether a merged rule lets a process do more with clone, clone3,
 * personality or socket than the rules in force allow; message says what
 * and which option keeps it so. Rules that apply only with a capability a
 * container of Docker's lacks by default, and rules that do not allow, are
 * never wider.
 */
bool arg_rules_widens(const cJSON *rule, const struct arg_facts *facts, const struct arg_rule_choice *choice,
                      char *message, size_t size);

#endif
