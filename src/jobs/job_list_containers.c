/*
 * job_list_containers: --list-containers: the containers (or workloads) of
 * the logs, as a table or a document.
 */
#include "jobs/job_list_containers.h"
#include "jobs/run.h"

#include "jobs/job_steps.h"
#include "jobs/run_results.h"
#include "jobs/workload.h"
#include "jobs/workload_groups.h"

#include "text/text.h"

#include "policy/docker_default.h"
#include "profile/atomic_file.h"
#include "report/report.h"
#include "profile/rule_order.h"

#include <errno.h>
#include <libgen.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

enum run_status job_list_containers(struct run *run)
{
	enum run_status status;

	run->frame.arches = run->options.arches;
	status = run_scan(run, NULL, true);
	if (status != RUN_OK)
		return status;
	qsort(run->scan.containers, run->scan.container_count, sizeof(run->scan.containers[0]), workload_compare_containers);
	if (run->options.group_by != GROUP_NONE) {
		status = group_workloads(run->options.group_by, run->options.quiet, &run->scan, run->report, &run->workload);
		if (status == RUN_OK)
			report_workload_table(run->report, results_of(run));
		return status != RUN_OK ? status : run->workload.group_count == 0 ? RUN_NO_EVENTS : RUN_OK;
	}
	report_life(run->report, results_of(run));
	report_container_table(run->report, results_of(run));
	report_fields_missing(run->report, results_of(run));
	if (run->scan.container_count == 0) {
		report_say(run->report, "no container events in %llu events read", (unsigned long long)run->scan.events);
		return RUN_NO_EVENTS;
	}
	return RUN_OK;
}
