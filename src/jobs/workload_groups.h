/*
 * workload_groups: containers united into workloads by a key (--group-by), each with a safe, unique file name.
 */
#ifndef F2S_WORKLOAD_GROUPS_H
#define F2S_WORKLOAD_GROUPS_H

#include "jobs/run_status.h"
#include "jobs/workload_selection.h"

#include <stdbool.h>
#include <stddef.h>

struct report;
struct scan;
struct workload_found;

/*
 * Unites the containers into the workloads of --group-by, in key order,
 * and names their files (workload_groups.c); returns a status.
 */
enum run_status group_workloads(enum workload_group by, bool quiet, const struct scan *scan, size_t label_key_count,
                                struct report *report, struct workload_found *found);

#endif
