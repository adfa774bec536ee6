/*
 * job_list_containers: the job list_containers; run_job.c picks it.
 */
#ifndef F2S_JOB_LIST_CONTAINERS_H
#define F2S_JOB_LIST_CONTAINERS_H

#include "jobs/run_status.h"

struct options;
struct report;

enum run_status job_list_containers(const struct options *opts, struct report *report);

#endif
