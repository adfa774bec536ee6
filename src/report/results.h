/*
 * results: what one run found, as the report is handed it to render. The
 * jobs fill it; the report reads it and decides nothing. Every pointer is
 * borrowed from the job and stays valid while the job reports.
 */
#ifndef F2S_RESULTS_H
#define F2S_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arch_list;
struct arg_rule_choice;
struct container_life;
struct filter_verdict;
struct scan;
struct syscall_catalog;
struct syscall_set;
struct translator;
struct workload_profile;

struct run_results {
	const struct scan *scan;                  /* the pass over the logs */
	const struct syscall_set *audit_syscalls; /* what the kernel's LOG records of --audit-log made */
	const struct filter_verdict *verdict;     /* the profile written, judged on its built filters */
	const struct translator *translator;      /* Falco's names and what they became */
	const struct syscall_catalog *catalog;    /* every kernel name in play */
	const struct arch_list *arches;           /* the target architectures */
	const struct container_life *life;        /* the selected containers' runtime setup, left out */
	const struct workload_profile *groups;    /* the workloads of --group-by */
	size_t group_count;
	const struct arg_rule_choice *arg_rules;  /* what the command line lifted */
	const char *runtime;                      /* whose baseline the profile got, or NULL for none */
	bool runtime_from_log;                    /* it was taken from the runtime processes in the log */
	const char *runtime_given;                /* --runtime as given, or NULL */
	const char *base_profile;                 /* --base-profile, or NULL */
	const char *selection;                    /* the workload selection, as the user gave it */
	size_t workload_containers;               /* containers of the selected workload */
	uint64_t workload_late_events;            /* their events logged before their workload fields */
	size_t workload_infrastructure;           /* pause containers left out */
	size_t ungrouped;                         /* containers without the field grouped by */
};

#endif
