/*
 * job_diff: the job diff; run_job (run.c) picks it.
 */
#ifndef F2S_JOB_DIFF_H
#define F2S_JOB_DIFF_H

#include "jobs/run.h"

enum run_status job_diff(struct run *run);

#endif
