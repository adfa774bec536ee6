/*
 * run: picks the job the options name, and frees what a run holds.
 */
#include "jobs/run.h"

#include "jobs/job_steps.h"

#include <stdlib.h>

enum run_status run_job(struct run *run)
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
		return job_diff(run);
	case JOB_ALL_CONTAINERS:
	default:
		return job_all_containers(run);
	}
}

void run_free(struct run *run)
{
	free(run->groups);
	for (size_t i = 0; run->merged != NULL && i < run->options.merge.count; i++)
		profile_input_free(&run->merged[i]);
	free(run->merged);
	translator_free(&run->translator);
	scan_free(&run->scan);
	cJSON_Delete(run->kept_rules);
	for (size_t i = 0; i < run->judged_count; i++)
		free(run->judged[i].text);
	free(run->judged);
}
