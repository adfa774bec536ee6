/*
 * run_job: picks the job the options name; the top of jobs/, which main
 * calls.
 */
#ifndef F2S_RUN_JOB_H
#define F2S_RUN_JOB_H

#include "jobs/run_status.h"

struct options;
struct report;

/* Runs the job the options name. */
enum run_status run_job(const struct options *options, struct report *report);

#endif
