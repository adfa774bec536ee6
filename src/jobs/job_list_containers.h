/*
 * job_list_containers: the job list_containers; run_job (run.c) picks it.
 */
#ifndef F2S_JOB_LIST_CONTAINERS_H
#define F2S_JOB_LIST_CONTAINERS_H

#include "jobs/run_status.h"

struct run;

enum run_status job_list_containers(struct run *run);

#endif
