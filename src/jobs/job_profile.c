/*
 * job_profile: one profile for the named containers or workload (-o or
 * standard output).
 */
#include "jobs/job_profile.h"
#include "jobs/run.h"

#include "jobs/job_steps.h"
#include "jobs/merged_profiles.h"
#include "jobs/output_names.h"
#include "jobs/run_results.h"
#include "jobs/workload.h"

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

/* Writes the selection as the user gave it ("--image nginx --label app=web") into run->workload.selection. */
static void describe_selection(struct run *run)
{
	const struct workload_selection *s = &run->options.workload;
	const struct { const char *option; const char *const *values; size_t count; } parts[] = {
		{ "--image", s->images, s->image_count }, { "--name", s->names, s->name_count },
		{ "--k8s", s->pods, s->pod_count }, { "--label", s->labels, s->label_count },
	};
	size_t used = 0;

	run->workload.selection[0] = '\0';
	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++)
		for (size_t i = 0; i < parts[p].count && used < sizeof(run->workload.selection); i++)
			used += (size_t)snprintf(run->workload.selection + used, sizeof(run->workload.selection) - used, "%s%s %s", used ? " " : "",
			                         parts[p].option, parts[p].values[i]);
}

/*
 * Unites the containers of the selected workload into the scan's results,
 * as if they had been named by id: every event of a container counts once
 * any of its events carried the fields that select it. Pause containers
 * are left out unless --image names their image.
 */
static enum run_status select_workload(struct run *run)
{
	const struct workload_selection *selection = &run->options.workload;
	struct scan *scan = &run->scan;
	uint64_t events = 0;

	describe_selection(run);
	memset(&scan->syscalls, 0, sizeof(scan->syscalls));
	memset(&scan->facts, 0, sizeof(scan->facts));
	for (size_t i = 0; i < scan->container_count; i++) {
		const struct scan_container *c = &scan->containers[i];
		if (!workload_matches(selection, c, run->workload.label_keys, run->workload.label_key_count))
			continue;
		if (workload_is_infrastructure(c) && !workload_image_named(selection, c)) {
			run->workload.infrastructure++;
			continue;
		}
		syscall_set_union(&scan->syscalls, &c->syscalls);
		arg_facts_unite(&scan->facts, &c->facts);
		container_life_unite(&run->life, &c->life);
		events += c->events;
		run->workload.late_events += c->events_before_fields;
		run->workload.containers++;
	}
	scan->matched = events;
	settle_runtime(run, &run->life, false);
	if (run->workload.containers > 0 && syscall_set_count(&scan->syscalls) > 0)
		return RUN_OK;
	if (run->workload.containers > 0 && run->options.allow_empty)
		return RUN_OK;
	report_no_workload(run->report, results_of(run));
	return RUN_NO_EVENTS;
}

enum run_status job_profile(struct run *run)
{
	struct syscall_set set;
	struct additions added;
	struct arg_facts facts;
	struct arg_rule_plan plan;
	bool workload = workload_selecting(&run->options.workload);
	enum run_status status = read_inputs(run, workload ? NULL : &run->options.containers);

	if (status == RUN_OK && !run->options.merge_only)
		status = workload ? select_workload(run) : check_matches(run);
	if (status != RUN_OK)
		return status;
	facts = run->scan.facts;
	set = run->scan.syscalls;
	if (run->options.profile_name != NULL) {
		output_names_dns1123(run->options.profile_name, run->profile_name, sizeof(run->profile_name));
	} else if (workload) {
		const struct workload_selection *s = &run->options.workload;
		output_names_dns1123(s->image_count ? s->images[0] : s->name_count ? s->names[0] : s->pod_count ? s->pods[0]
		                     : strchr(s->labels[0], '=') + 1, run->profile_name, sizeof(run->profile_name));
	} else if (run->options.merge_only) {
		output_names_dns1123("falco2seccomp-merged", run->profile_name, sizeof(run->profile_name));
	} else {
		char name[CONTAINER_ID_MAX + 32];
		snprintf(name, sizeof(name), "falco2seccomp-%s", run->options.containers.wanted[0].id);
		output_names_dns1123(name, run->profile_name, sizeof(run->profile_name));
	}
	status = settle_arg_facts(&run->options, run->report, &run->frame, &facts);
	if (status == RUN_OK)
		status = finish_set(run, &set, &added);
	char who[sizeof(run->workload.selection) + 32];
	snprintf(who, sizeof(who), "a container of %s", run->workload.selection);
	if (status == RUN_OK && warn_risky(run, &set, &run->scan.syscalls, &added, workload ? who : NULL) > 0 &&
	    run->options.strict)
		status = RUN_INPUT;
	if (status == RUN_OK && capture_gap(run) && run->options.strict)
		status = RUN_INPUT;
	if (status == RUN_OK)
		status = write_profile(run, &set, &facts, run->options.output, &plan);
	if (status == RUN_OK && !run->options.quiet) {
		if (workload)
			report_workload(run->report, results_of(run));
		report_life(run->report, results_of(run));
		report_summary(run->report, results_of(run), &set, &added);
		report_arg_rules(run->report, results_of(run), &set, &run->scan.syscalls, &facts, &plan);
		report_verdict(run->report, results_of(run));
	}
	if (status == RUN_OK)
		report_profile_document(run->report, results_of(run), run->options.output, &set, &plan);
	return status;
}
