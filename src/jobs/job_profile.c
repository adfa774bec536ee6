/*
 * job_profile: one profile for the named containers or workload (-o or
 * standard output).
 */
#include "jobs/job_profile.h"

#include "jobs/job_steps.h"
#include "jobs/options.h"
#include "jobs/output_names.h"
#include "jobs/profile_writer.h"
#include "jobs/provenance.h"
#include "jobs/workload_select.h"

#include "policy/profile_set.h"
#include "report/report.h"

#include <stdio.h>
#include <string.h>

/* What the job reads and fills: large (the scan, the catalog), so not on the stack. */
static struct {
	struct profile_job parts;          /* the inputs, the workload, the runtime, the judge, the writer, the view */
	struct provenance provenance;      /* where the profile came from, for the report's document */
} job;

/* The profile's metadata.name (spo): --profile-name, else the workload, the merge, or the first id. */
static void name_profile(const struct options *opts, bool workload, char *name, size_t size)
{
	if (opts->profile_name != NULL) {
		output_names_dns1123(opts->profile_name, name, size);
	} else if (workload) {
		const struct workload_selection *s = &opts->workload;
		output_names_dns1123(s->image_count ? s->images[0] : s->name_count ? s->names[0] : s->pod_count ? s->pods[0]
		                     : strchr(s->labels[0], '=') + 1, name, size);
	} else if (opts->merge_only) {
		output_names_dns1123("falco2seccomp-merged", name, size);
	} else {
		char text[CONTAINER_ID_MAX + 32];
		snprintf(text, sizeof(text), "falco2seccomp-%s", opts->containers.wanted[0].id);
		output_names_dns1123(text, name, size);
	}
}

static enum run_status run_profile(const struct options *opts, struct report *report)
{
	struct profile_inputs *in = &job.parts.in;
	const struct run_results *results = &job.parts.results;
	struct syscall_set set;
	struct additions added;
	struct arg_facts facts;
	struct arg_rule_plan plan;
	bool workload = workload_selecting(&opts->workload);
	enum run_status status = read_inputs(in, opts, workload ? NULL : &opts->containers, report, results);

	if (status == RUN_OK && !opts->merge_only)
		status = workload ? workload_select(&in->pass, opts, &job.parts.runtime, &job.parts.workload, report, results)
		                  : log_pass_check_matches(&in->pass, opts, &job.parts.runtime, report);
	if (status != RUN_OK)
		return status;
	facts = in->pass.scan.facts;
	set = in->pass.scan.syscalls;
	name_profile(opts, workload, job.parts.writer.name, sizeof(job.parts.writer.name));
	status = settle_arg_facts(opts, report, &in->frame, &facts);
	if (status == RUN_OK)
		status = finish_set(in, opts, job.parts.runtime.used, report, results, &set, &added);
	char who[sizeof(job.parts.workload.selection) + 32];
	snprintf(who, sizeof(who), "a container of %s", job.parts.workload.selection);
	if (status == RUN_OK &&
	    warn_risky(&in->pass.catalog, report, results, &set, &in->pass.scan.syscalls, &added, workload ? who : NULL) > 0 &&
	    opts->strict)
		status = RUN_INPUT;
	if (status == RUN_OK && log_pass_capture_gap(&in->pass, report) && opts->strict)
		status = RUN_INPUT;
	if (status == RUN_OK)
		status = profile_writer_write(&job.parts.writer, &set, &facts, opts->output, &plan);
	if (status == RUN_OK && !opts->quiet) {
		if (workload)
			report_workload(report, results);
		report_life(report, results);
		report_summary(report, results, &set, &added);
		report_arg_rules(report, results, &set, &in->pass.scan.syscalls, &facts, &plan);
		report_verdict(report, results);
	}
	if (status == RUN_OK && opts->report != REPORT_TEXT) {
		/* The document says where the profile came from, as an artifact's manifest and a SeccompProfile do. */
		provenance_fill(&job.provenance, opts, results, false);
		job.parts.results.provenance = job.provenance.items;
		job.parts.results.provenance_count = job.provenance.count;
	}
	if (status == RUN_OK)
		report_profile_document(report, results, opts->output, &set, &plan);
	return status;
}

enum run_status job_profile(const struct options *opts, struct report *report)
{
	enum run_status status;

	profile_job_begin(&job.parts, opts, report);
	status = run_profile(opts, report);
	profile_job_end(&job.parts);
	return status;
}
