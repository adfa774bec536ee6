/*
 * job_steps: the steps the jobs that read logs share: the inputs read,
 * the scan and its checks, the runtime settled, the set completed, the
 * profile written. Included by the jobs that take them.
 */
#ifndef F2S_JOB_STEPS_H
#define F2S_JOB_STEPS_H

#include "jobs/run_status.h"

#include <stdbool.h>
#include <stddef.h>

struct additions;
struct arg_facts;
struct arg_rule_plan;
struct container_filter;
struct container_life;
struct run;
struct syscall_set;

/* What the jobs that write profiles do first: merged profiles, the command line's names, then the scan. */
enum run_status read_inputs(struct run *run, const struct container_filter *filter);

/* The scan and its checks, shared by every job. */
enum run_status run_scan(struct run *run, const struct container_filter *filter, bool with_ia32);

/* Says which named containers the log never mentions; returns a status. */
enum run_status check_matches(struct run *run);

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


#endif
