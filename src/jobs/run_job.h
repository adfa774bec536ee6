/*
 * run_job: picks the job the options name; the top of jobs/, which main
 * calls.
 */
#ifndef F2S_RUN_JOB_H
#define F2S_RUN_JOB_H

#include "jobs/run.h"

/* Runs the job the options name. */
enum run_status run_job(struct run *run);

#endif
