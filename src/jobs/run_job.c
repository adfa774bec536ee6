/*
 * run_job: picks the job the options name (the top of jobs/: main calls it).
 */
#include "jobs/run_job.h"

#include "jobs/job_all_containers.h"
#include "jobs/job_check.h"
#include "jobs/job_diff.h"
#include "jobs/job_list_containers.h"
#include "jobs/job_profile.h"
#include "jobs/run.h"

#include <string.h>

/* The job's parts: large (syscall catalogs, the scan's tables), so not on the stack. */
static struct run the_run;

static enum run_status dispatch(struct run *run)
{
	/* Until the log has shown its runtime, runc's baseline stands. */
	run->runtime_given = run->options.runtime;
	if (run->options.runtime == NULL)
		run->options.runtime = "runc";
	switch (run->options.job) {
	case JOB_PROFILE:
		return job_profile(run);
	case JOB_CHECK:
		return job_check(run);
	case JOB_LIST_CONTAINERS:
		return job_list_containers(run);
	case JOB_DIFF:
		return job_diff(&run->options, run->report);
	case JOB_ALL_CONTAINERS:
	default:
		return job_all_containers(run);
	}
}

enum run_status run_job(const struct options *options, struct report *report)
{
	struct run *run = &the_run;
	enum run_status status;

	memset(run, 0, sizeof(*run));
	run->options = *options;
	run->report = report;
	status = dispatch(run);
	run_free(run);
	return status;
}
