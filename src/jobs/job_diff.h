/*
 * job_diff: the job diff; run_job.c picks it.
 */
#ifndef F2S_JOB_DIFF_H
#define F2S_JOB_DIFF_H

#include "jobs/run_status.h"

struct options;
struct report;

enum run_status job_diff(const struct options *opts, struct report *report);

#endif
