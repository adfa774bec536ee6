/*
 * run_results: the report's view of a job, at first empty.
 */
#include "jobs/run_results.h"

#include "jobs/options.h"
#include "policy/filter_judge.h"
#include "report/results.h"
#include "scan/scan.h"
#include "syscalls/translate.h"

void results_init(struct run_results *results, const struct options *opts)
{
	/* A job's parts are large (the scan, the catalog); the empty ones are shared and never written. */
	static const struct scan no_scan;
	static const struct syscall_set no_syscalls;
	static const struct filter_verdict no_verdict;
	static const struct translator no_translator;
	static const struct syscall_catalog no_catalog;
	static const struct arch_list no_arches;
	static const struct runtime_choice no_runtime = { NULL, "runc", false, { 0 } };
	static const struct workload_found no_workload;

	*results = (struct run_results){
		.scan = &no_scan,
		.audit_syscalls = &no_syscalls,
		.verdict = &no_verdict,
		.translator = &no_translator,
		.catalog = &no_catalog,
		.arches = &no_arches,
		.runtime = &no_runtime,
		.workload = &no_workload,
		.arg_rules = &opts->arg_rules,
		.base_profile = opts->base_profile,
	};
}
