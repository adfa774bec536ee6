/*
 * job_profile: the job profile; run_job.c picks it.
 */
#ifndef F2S_JOB_PROFILE_H
#define F2S_JOB_PROFILE_H

#include "jobs/run_status.h"

struct options;
struct report;

/* The jobs, one per file. */
enum run_status job_profile(const struct options *opts, struct report *report);

#endif
