/*
 * run_results: the results a report is handed (report/results.h), taken
 * from the run as it stands.
 */
#include "jobs/run_results.h"
#include "jobs/run.h"

/* The results the report renders, brought up to date with run. */
const struct run_results *results_of(struct run *run)
{
	struct run_results *r = &run->results;

	r->scan = &run->scan;
	r->audit_syscalls = &run->audit.syscalls;
	r->verdict = &run->judge.verdict;
	r->translator = &run->translator;
	r->catalog = &run->catalog;
	r->arches = &run->frame.arches;
	r->life = &run->life;
	r->groups = run->workload.groups;
	r->group_count = run->workload.group_count;
	r->arg_rules = &run->options.arg_rules;
	r->runtime = run->options.runtime;
	r->runtime_from_log = run->runtime_from_log;
	r->runtime_given = run->runtime_given;
	r->base_profile = run->options.base_profile;
	r->selection = run->workload.selection;
	r->workload_containers = run->workload.containers;
	r->workload_late_events = run->workload.late_events;
	r->workload_infrastructure = run->workload.infrastructure;
	r->ungrouped = run->workload.ungrouped;
	return r;
}
