/*
 * workload_groups: containers united into workloads by a key (--group-by), each with a safe, unique file name.
 */
#ifndef F2S_WORKLOAD_GROUPS_H
#define F2S_WORKLOAD_GROUPS_H

#include "jobs/run.h"

/*
 * Unites the containers into the workloads of --group-by, in key order,
 * and names their files (workload_groups.c); returns a status.
 */
enum run_status group_workloads(struct run *run);

#endif
