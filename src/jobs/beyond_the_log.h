/*
 * beyond_the_log: what a profile gets beyond what the log shows: newer syscalls answered with ENOSYS, companions, the generic calls of other architectures, an audit profile's refusals.
 */
#ifndef F2S_BEYOND_THE_LOG_H
#define F2S_BEYOND_THE_LOG_H

#include "jobs/run.h"

/* Answers with ENOSYS each newer syscall whose older one set allows, noted in plan; 0, or -1 without memory. */
int add_enosys(struct run *run, const struct syscall_set *set, cJSON *rules, struct arg_rule_plan *plan);

/*
 * Allows in set the generic calls an architecture of the targets needs for
 * a legacy call it lacks: for the formats without includes (oci, spo,
 * legacy), which cannot allow them on those architectures alone.
 */
void widen_by_equivalents(struct run *run, struct syscall_set *set);

/* The generic calls only some target architectures need, in rules of their own; 0, or -1 without memory. */
int add_equivalents(struct run *run, const struct syscall_set *set, cJSON *rules);

/* An audit profile's explicit refusals; 0, or -1 without memory. */
int add_audit_refusals(struct run *run, const struct syscall_set *set, const struct arg_facts *facts, cJSON *rules,
                       struct arg_rule_plan *plan);

/* Names the companions the log calls for and set lacks; with --companions adds them. */
void take_companions(struct run *run, const struct syscall_set *observed, struct syscall_set *set);

/* Allows the generic calls every target architecture needs for observed legacy ones. */
void take_equivalents(struct run *run, struct syscall_set *set);

#endif
