/*
 * workload_select: the selected workload's containers united
 * (workload_select.c).
 */
#ifndef F2S_WORKLOAD_SELECT_H
#define F2S_WORKLOAD_SELECT_H

#include "jobs/log_pass.h"
#include "jobs/run_status.h"

struct options;
struct report;
struct run_results;
struct runtime_choice;
struct workload_found;

/*
 * Unites the containers of the workload opts selects into pass's results,
 * as if they had been named by id: every event of a container counts once
 * any of its events carried the fields that select it. Pause containers
 * are left out unless --image names their image. What was found goes to
 * found, the containers' lives to runtime, which is settled; a selection
 * that matches nothing is said (with results). Returns a status.
 */
enum run_status workload_select(struct log_pass *pass, const struct options *opts, struct runtime_choice *runtime,
                                struct workload_found *found, struct report *report, const struct run_results *results);

#endif
