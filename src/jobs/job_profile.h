/*
 * job_profile: the job profile; run_job (run.c) picks it.
 */
#ifndef F2S_JOB_PROFILE_H
#define F2S_JOB_PROFILE_H

#include "jobs/run_status.h"

struct run;

/* The jobs, one per file. */
enum run_status job_profile(struct run *run);

#endif
