/*
 * runtime_choice: whose baseline the profile gets: the one --runtime
 * names, or the one that holds the baselines of the runtimes whose
 * processes the log shows (struct runtime_choice is in report/results.h,
 * as the report reads it).
 */
#ifndef F2S_RUNTIME_CHOICE_H
#define F2S_RUNTIME_CHOICE_H

#include "report/results.h"

#include <stdbool.h>

struct report;

/* Starts choice from --runtime (given, or NULL): runc's baseline stands until the log has shown its runtime. */
void runtime_choice_init(struct runtime_choice *choice, const char *given);

/*
 * Settles the baseline for the runtime whose processes the log shows in
 * the containers of life: without --runtime, the baseline that holds the
 * baselines of the runtimes shown (policy/runtime_baseline.c); with a
 * --runtime that the log contradicts, a warning unless quiet.
 */
void runtime_choice_settle(struct runtime_choice *choice, const struct container_life *life, bool quiet,
                           struct report *report);

#endif
