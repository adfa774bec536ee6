/*
 * job_check: the job check; run_job.c picks it.
 */
#ifndef F2S_JOB_CHECK_H
#define F2S_JOB_CHECK_H

#include "jobs/run_status.h"

struct options;
struct report;

enum run_status job_check(const struct options *opts, struct report *report);

#endif
