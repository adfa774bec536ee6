/*
 * job_all_containers: the job all_containers; run_job (run.c) picks it.
 */
#ifndef F2S_JOB_ALL_CONTAINERS_H
#define F2S_JOB_ALL_CONTAINERS_H

#include "jobs/run_status.h"

struct run;

enum run_status job_all_containers(struct run *run);

#endif
