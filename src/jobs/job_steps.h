/*
 * job_steps: the steps the jobs that write profiles share (job_steps.c).
 */
#ifndef F2S_JOB_STEPS_H
#define F2S_JOB_STEPS_H

#include "jobs/audit_log.h"
#include "jobs/judge_written.h"
#include "jobs/log_pass.h"
#include "jobs/merged_profiles.h"
#include "jobs/profile_writer.h"
#include "jobs/run_status.h"
#include "report/results.h"

#include <stddef.h>

struct additions;
struct container_filter;
struct options;
struct report;
struct run_results;

/* What the jobs that write profiles read: the merged profiles' frame, the pass over the logs, the audit log. */
struct profile_inputs {
	struct profile_frame frame;        /* header, architectures and merged rules of every profile written */
	struct log_pass pass;              /* the logs, for the containers of the filter */
	struct audit_findings audit;       /* --audit-log */
};

/*
 * Reads what comes before the logs: the merged profiles and the frame they
 * and the command line settle, and checks the command line's names and
 * outputs; a status.
 */
enum run_status prepare_inputs(struct profile_inputs *in, const struct options *opts, struct report *report);

/*
 * Reads the inputs opts names into in: merged profiles, the command line's
 * names, then the logs for the containers of filter (NULL: every one), and
 * the audit logs; results point at in. Returns a status.
 */
enum run_status read_inputs(struct profile_inputs *in, const struct options *opts, const struct container_filter *filter,
                            struct report *report, const struct run_results *results);

/*
 * Completes set as every profile is completed: the audit log's syscalls,
 * the runtime's baseline, --add and --remove, companions and generic
 * calls; added says what was added. Returns a status.
 */
enum run_status finish_set(struct profile_inputs *in, const struct options *opts, const char *runtime,
                           struct report *report, const struct run_results *results, struct syscall_set *set,
                           struct additions *added);

/* Warns about the risky syscalls set allows (profile_set_risky); returns how many. */
size_t warn_risky(struct syscall_catalog *catalog, struct report *report, const struct run_results *results,
                  const struct syscall_set *set, const struct syscall_set *observed, const struct additions *added,
                  const char *who);

/* Points results at in: the pass over the logs, the audit log's syscalls, the architectures. */
void profile_inputs_view(const struct profile_inputs *in, struct run_results *results);

/* Frees what in owns. */
void profile_inputs_free(struct profile_inputs *in);

/* What a job that writes profiles holds (job_profile.c, job_all_containers.c). */
struct profile_job {
	struct profile_inputs in;          /* merged profiles, the logs, the audit log */
	struct workload_found workload;    /* the selected workload, or the workloads of --group-by */
	struct runtime_choice runtime;     /* whose baseline a profile gets */
	struct judge_memo judge;           /* the profiles judged as written */
	struct profile_writer writer;      /* how they are written */
	struct run_results results;        /* the report's view of the above */
};

/* Sets job up for opts and report: runc's baseline until the log shows another, the report's view pointed. */
void profile_job_begin(struct profile_job *job, const struct options *opts, struct report *report);

/* Frees what job owns. */
void profile_job_end(struct profile_job *job);

#endif
