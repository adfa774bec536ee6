/*
 * beyond_the_log: what a profile gets beyond what the log shows
 * (beyond_the_log.c). The target architectures are catalog's.
 */
#ifndef F2S_BEYOND_THE_LOG_H
#define F2S_BEYOND_THE_LOG_H

#include "policy/arg_rules.h"
#include "syscalls/syscall_set.h"

#include <cJSON.h>

struct options;
struct report;
struct run_results;

/* Answers with ENOSYS each newer syscall whose older one set allows, noted in plan; 0, or -1 without memory. */
int add_enosys(const struct syscall_catalog *catalog, const struct syscall_set *set, cJSON *rules,
               struct arg_rule_plan *plan);

/*
 * Allows in set the generic calls an architecture of the targets needs for
 * a legacy call it lacks: for the formats without includes (oci, spo,
 * legacy), which cannot allow them on those architectures alone.
 */
void widen_by_equivalents(struct syscall_catalog *catalog, struct syscall_set *set);

/* The generic calls only some target architectures need, in rules of their own; 0, or -1 without memory. */
int add_equivalents(struct syscall_catalog *catalog, const struct syscall_set *set, cJSON *rules);

/* An audit profile's explicit refusals (what opts removes among them); 0, or -1 without memory. */
int add_audit_refusals(const struct options *opts, const struct syscall_catalog *catalog, struct report *report,
                       const struct syscall_set *set, const struct arg_facts *facts, cJSON *rules,
                       struct arg_rule_plan *plan);

/*
 * Names the companions the log calls for (its calls observed, its
 * arguments facts) and set lacks; with --companions adds them.
 */
void take_companions(const struct options *opts, struct syscall_catalog *catalog, struct report *report,
                     const struct run_results *results, const struct arg_facts *facts,
                     const struct syscall_set *observed, struct syscall_set *set);

/* Allows the generic calls every target architecture needs for observed legacy ones. */
void take_equivalents(struct syscall_catalog *catalog, struct report *report, const struct run_results *results,
                      struct syscall_set *set);

#endif
