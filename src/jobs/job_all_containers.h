/*
 * job_all_containers: the job all_containers; run_job.c picks it.
 */
#ifndef F2S_JOB_ALL_CONTAINERS_H
#define F2S_JOB_ALL_CONTAINERS_H

#include "jobs/run_status.h"

struct options;
struct report;

enum run_status job_all_containers(const struct options *opts, struct report *report);

#endif
