/*
 * run_job: picks the job the options name (the top of jobs/: main calls
 * it). Each job holds the parts it reads and fills, and hands each step
 * the parts that step takes.
 */
#include "jobs/run_job.h"

#include "jobs/job_all_containers.h"
#include "jobs/job_check.h"
#include "jobs/job_diff.h"
#include "jobs/job_list_containers.h"
#include "jobs/job_profile.h"
#include "jobs/options.h"

enum run_status run_job(const struct options *options, struct report *report)
{
	switch (options->job) {
	case JOB_PROFILE:
		return job_profile(options, report);
	case JOB_CHECK:
		return job_check(options, report);
	case JOB_LIST_CONTAINERS:
		return job_list_containers(options, report);
	case JOB_DIFF:
		return job_diff(options, report);
	case JOB_ALL_CONTAINERS:
	default:
		return job_all_containers(options, report);
	}
}
