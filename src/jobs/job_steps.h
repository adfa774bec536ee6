/*
 * job_steps: what the files of jobs/ share: the steps every job takes
 * (job_steps.c), and each job's entry point, which run_job (run.c) picks.
 * Only the files of jobs/ include it.
 */
#ifndef F2S_JOB_STEPS_H
#define F2S_JOB_STEPS_H

#include "jobs/merged_profiles.h"
#include "jobs/run.h"

/* The results the report renders, brought up to date with run. */
const struct run_results *results_of(struct run *run);

/* What the jobs that write profiles do first: merged profiles, the command line's names, then the scan. */
enum run_status read_inputs(struct run *run, const struct container_filter *filter);

/* The scan and its checks, shared by every job. */
enum run_status run_scan(struct run *run, const struct container_filter *filter, bool with_ia32);

/* Says which named containers the log never mentions; returns a status. */
enum run_status check_matches(struct run *run);

/*
 * The container rules are weighed for: architecture token, this host's
 * kernel, Docker's default capabilities and --cap-add (caps has room for
 * them all).
 */
void rule_context_for(const struct options *opts, uint32_t arch, const char **caps, struct rule_context *ctx);

/*
 * Settles the baseline for the runtime whose processes the log shows in
 * the containers of life (see run.c); quiet: no warning.
 */
void settle_runtime(struct run *run, const struct container_life *life, bool quiet);

/* Completes set as every profile is completed; returns a status. */
enum run_status finish_set(struct run *run, struct syscall_set *set, struct additions *added);

/* Warns about the risky syscalls set allows (profile_set_risky); returns how many. */
size_t warn_risky(struct run *run, const struct syscall_set *set, const struct syscall_set *observed,
                  const struct additions *added, const char *who);

/*
 * Tells whether the recording looks incomplete in the way Falco's default
 * makes it (many events, none of the I/O syscalls); warns when so.
 */
bool capture_gap(struct run *run);

/* Writes the profile for set to path (NULL: stdout); returns a status. */
enum run_status write_profile(struct run *run, const struct syscall_set *set, const struct arg_facts *facts,
                              const char *path, struct arg_rule_plan *plan);

/* Reads the --audit-log files into run->audit (audit_log.c); returns a status. */
enum run_status read_audit_logs(struct run *run);

/* What a profile gets beyond the log (beyond_the_log.c). */

/* Answers with ENOSYS each newer syscall whose older one set allows, noted in plan; 0, or -1 without memory. */
int add_enosys(struct run *run, const struct syscall_set *set, cJSON *rules, struct arg_rule_plan *plan);

/*
 * Judges the profile text (length bytes) as a runtime will load it: read
 * back, its filter built by libseccomp for each host of the target
 * architectures, every standing query asked (policy/filter_judge.h), the
 * verdict into run->verdict. A profile that breaks a promise, or that
 * libseccomp refuses, is not to be written: RUN_INPUT, each broken
 * promise told.
 */
enum run_status judge_written(struct run *run, const struct syscall_set *set, const struct arg_facts *facts,
                              const struct arg_rule_plan *plan, const char *text, size_t length);

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

/* Orders strings (qsort of const char *). */
int compare_names(const void *a, const void *b);

/* Orders containers by events, most first, then by id (qsort). */
int compare_containers(const void *a, const void *b);

/*
 * Unites the containers into the workloads of --group-by, in key order,
 * and names their files (workload_groups.c); returns a status.
 */
enum run_status group_workloads(struct run *run);

/* The jobs, one per file. */
enum run_status job_profile(struct run *run);
enum run_status job_check(struct run *run);
enum run_status job_diff(struct run *run);
enum run_status job_list_containers(struct run *run);
enum run_status job_all_containers(struct run *run);

#endif
