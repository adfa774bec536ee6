/*
 * run: one job of falco2seccomp, from its options to its results: reading
 * merged profiles, the pass over the logs, the profile or profiles
 * written, --check's findings, the container list. What it finds is told
 * through report; main maps the status to an exit code.
 */
#ifndef F2S_RUN_H
#define F2S_RUN_H

#include "jobs/audit_log.h"
#include "jobs/judge_written.h"
#include "jobs/merged_profiles.h"
#include "jobs/options.h"
#include "jobs/run_status.h"
#include "jobs/workload.h"
#include "report/results.h"
#include "scan/scan.h"
#include "syscalls/translate.h"

#include <stdbool.h>

struct atomic_batch;
struct report;

/* What a job holds, part by part: each step is handed the parts it reads and fills. */
struct run {
	struct options options;            /* the command line */
	struct report *report;             /* where findings and problems go; set by main */
	struct profile_frame frame;        /* header, architectures and merged rules of every profile written */
	struct syscall_catalog catalog;    /* every kernel name in play */
	struct translator translator;      /* Falco names to kernel ids */
	struct scan scan;                  /* the pass over the logs */
	struct workload_found workload;    /* the selected workload, or the workloads of --group-by */
	struct container_life life;        /* the selected containers' runtime setup, left out, united */
	const char *runtime_given;         /* --runtime as given, or NULL; options.runtime is the one used */
	bool runtime_from_log;             /* options.runtime was taken from the runtime processes in the log */
	char profile_name[254];            /* metadata.name of the spo format */
	struct atomic_batch *batch;        /* profiles finished but not yet in place (--all-containers), or NULL */
	struct audit_findings audit;       /* --audit-log */
	struct judge_memo judge;           /* the profiles written, judged on their built filters */
	struct run_results results;        /* what the report is handed, filled by the jobs */
};

/* Frees what run owns. */
void run_free(struct run *run);

#endif
