/*
 * results: what one run found, as the report is handed it to render. The
 * jobs fill it; the report reads it and decides nothing. Every pointer is
 * borrowed from the job and stays valid while the job reports.
 */
#ifndef F2S_RESULTS_H
#define F2S_RESULTS_H

#include "scan/container_life.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arch_list;
struct arg_rule_choice;
struct filter_verdict;
struct profile_annotation;
struct scan;
struct syscall_catalog;
struct syscall_set;
struct translator;
struct workload_profile;

/* What a workload selection, or --group-by, found (jobs/job_profile.c and jobs/workload_groups.c fill it). */
struct workload_found {
	char selection[512];              /* the workload selection, as the user gave it, for messages */
	char images[1024];                /* the images of its containers, repository:tag, comma-separated */
	size_t containers;                /* containers of the selected workload */
	uint64_t late_events;             /* their events logged before their workload fields */
	size_t infrastructure;            /* pause containers left out */
	struct workload_profile *groups;  /* owned: the workloads of --group-by */
	size_t group_count;               /* entries in groups */
	size_t ungrouped;                 /* containers without the field grouped by */
};

/* Whose baseline the profile gets (jobs/runtime_choice.c settles it from --runtime and the log). */
struct runtime_choice {
	const char *given;                /* --runtime as given, or NULL */
	const char *used;                 /* the baseline the profile gets, or "none": runc's until the log is read */
	bool from_log;                    /* used was taken from the runtime processes in the log */
	struct container_life life;       /* the selected containers' runtime setup, left out, united */
};

struct run_results {
	const struct scan *scan;                  /* the pass over the logs */
	const struct syscall_set *audit_syscalls; /* what the kernel's LOG records of --audit-log made */
	const struct filter_verdict *verdict;     /* the profile written, judged on its built filters */
	const struct translator *translator;      /* Falco's names and what they became */
	const struct syscall_catalog *catalog;    /* every kernel name in play */
	const struct arch_list *arches;           /* the target architectures */
	const struct runtime_choice *runtime;     /* whose baseline the profile got */
	const struct workload_found *workload;    /* the selected workload, or the workloads of --group-by */
	const struct arg_rule_choice *arg_rules;  /* what the command line lifted */
	const char *base_profile;                 /* --base-profile, or NULL */
	const struct profile_annotation *provenance; /* where the profile came from (jobs/provenance.h), or NULL */
	size_t provenance_count;
};

#endif
