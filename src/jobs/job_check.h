/*
 * job_check: the job check; run_job (run.c) picks it.
 */
#ifndef F2S_JOB_CHECK_H
#define F2S_JOB_CHECK_H

#include "jobs/run_status.h"

struct run;

enum run_status job_check(struct run *run);

#endif
