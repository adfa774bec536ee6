/*
 * job_list_containers: --list-containers: the containers (or workloads) of
 * the logs, as a table or a document.
 */
#include "jobs/job_list_containers.h"

#include "jobs/log_pass.h"
#include "jobs/options.h"
#include "jobs/run_results.h"
#include "jobs/runtime_choice.h"
#include "jobs/workload.h"
#include "jobs/workload_groups.h"

#include "report/report.h"

#include <stdlib.h>

/* What the job reads and fills: large (the scan, the catalog), so not on the stack. */
static struct {
	struct log_pass pass;              /* the logs, every container */
	struct workload_found workload;    /* the workloads of --group-by */
	struct runtime_choice runtime;     /* runc's, as nothing is settled */
	struct run_results results;        /* the report's view of the above */
} job;

static enum run_status run_list(const struct options *opts, struct report *report)
{
	struct scan *scan = &job.pass.scan;
	enum run_status status = log_pass_run(&job.pass, opts, &opts->arches, NULL, true, report, &job.results);

	if (status != RUN_OK)
		return status;
	qsort(scan->containers, scan->container_count, sizeof(scan->containers[0]), workload_compare_containers);
	if (opts->group_by != GROUP_NONE) {
		status = group_workloads(opts->group_by, opts->quiet, scan, job.pass.label_key_count, report, &job.workload);
		if (status == RUN_OK)
			report_workload_table(report, &job.results);
		return status != RUN_OK ? status : job.workload.group_count == 0 ? RUN_NO_EVENTS : RUN_OK;
	}
	report_life(report, &job.results);
	report_container_table(report, &job.results);
	report_fields_missing(report, &job.results);
	if (scan->container_count == 0) {
		report_say(report, "no container events in %llu events read", (unsigned long long)scan->events);
		return RUN_NO_EVENTS;
	}
	return RUN_OK;
}

enum run_status job_list_containers(const struct options *opts, struct report *report)
{
	enum run_status status;

	runtime_choice_init(&job.runtime, opts->runtime);
	results_init(&job.results, opts);
	log_pass_view(&job.pass, &job.results);
	job.results.arches = &opts->arches;
	job.results.runtime = &job.runtime;
	job.results.workload = &job.workload;
	status = run_list(opts, report);
	free(job.workload.groups);
	log_pass_free(&job.pass);
	return status;
}
