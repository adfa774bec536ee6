/*
 * job_check: --check PROFILE: what the log shows that the profile does not
 * allow, judged as the runtimes apply it.
 */
#include "jobs/job_steps.h"

#include "policy/successors.h"

#include "text/text.h"

#include "policy/docker_default.h"
#include "profile/atomic_file.h"
#include "jobs/output_names.h"
#include "jobs/workload.h"
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

/* Judges one observed syscall against profile for --check. */
static void judge_observed(const struct run *run, const struct profile_input *profile, const struct rule_context *ctx,
                           int id, struct check_finding *finding)
{
	const char *name = syscall_catalog_name(&run->catalog, id);
	struct judgement fallback;

	finding->id = id;
	profile_judge(profile, name, ctx, &finding->judgement);
	switch (finding->judgement.verdict) {
	case VERDICT_ALLOWED:
		finding->outcome = CHECK_ALLOWED;
		return;
	case VERDICT_CONDITIONAL:
		switch (profile_judge_arguments(&finding->judgement, name, &run->scan.facts)) {
		case 0:
			finding->outcome = CHECK_CONDITIONS_FAILED;
			return;
		case 1:
			finding->outcome = CHECK_CONDITIONS_MET;
			return;
		default:
			finding->outcome = CHECK_CONDITIONS_UNKNOWN;
			return;
		}
	case VERDICT_DENIED:
	default:
		break;
	}
	/* A newer call answered with ENOSYS is covered when the older one its caller falls back to is allowed. */
	const struct successor *row = successor_of(name);
	finding->outcome = CHECK_DENIED;
	if (row != NULL && finding->judgement.errno_rule && finding->judgement.errno_ret == DOCKER_ENOSYS) {
		profile_judge(profile, row->older, ctx, &fallback);
		if (fallback.verdict != VERDICT_DENIED)
			finding->outcome = CHECK_ENOSYS_FALLBACK;
	}
}

/*
 * The syscalls profile allows by name that the log never shows, beyond
 * what the runtime and every process need and the 32-bit names added
 * beside 64-bit ones: a profile grown stale. names
 * has room for SYSCALL_NAMES_MAX; returns how many, sorted.
 */
static size_t never_used(const struct run *run, const struct profile_input *profile, const char **names)
{
	const cJSON *lists[] = { profile->allow_names, profile->arg_names };
	size_t count = 0;

	for (size_t l = 0; l < 2; l++)
		for (const cJSON *item = lists[l]->child; item && count < SYSCALL_NAMES_MAX; item = item->next) {
			int id = syscall_catalog_find(&run->catalog, item->valuestring);
			bool seen = id >= 0 && syscall_set_has(&run->scan.syscalls, id);
			bool listed = false;
			for (size_t i = 0; i < count && !listed; i++)
				listed = strcmp(names[i], item->valuestring) == 0;
			if (!seen && !listed && !profile_set_always_given(run->options.runtime, item->valuestring) &&
			    !syscall_names_is_ia32_alias(item->valuestring))
				names[count++] = item->valuestring;
		}
	qsort(names, count, sizeof(names[0]), compare_names);
	return count;
}

enum run_status job_check(struct run *run)
{
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	static struct check_finding findings[SYSCALL_NAMES_MAX];
	static const char *unused[SYSCALL_NAMES_MAX];
	struct rule_context ctx;
	struct profile_input profile;
	char message[512];
	size_t denied = 0, count = 0;
	enum run_status status;

	if (read_profile(run->options.check, &profile, message, sizeof(message)) != 0) {
		report_warn(run->report, "--check %s", message);
		profile_input_free(&profile);
		return RUN_INPUT;
	}
	warn_dead_names(run, "--check", &profile);
	rule_context_for(&run->options, seccomp_arch_native(), caps, &ctx);
	run->arches = run->options.has_arches || profile.arches.count == 0 ? run->options.arches : profile.arches;
	status = run_scan(run, &run->options.containers, false);
	if (status == RUN_OK)
		status = check_matches(run);
	/* The production gate: what the kernel logged under an audit profile is judged like the log's calls. */
	if (status == RUN_OK && run->options.audit_logs.count > 0) {
		status = read_audit_logs(run);
		syscall_set_union(&run->scan.syscalls, &run->audit.syscalls);
	}
	for (size_t id = 0; status == RUN_OK && id < run->catalog.count; id++) {
		if (!syscall_set_has(&run->scan.syscalls, (int)id))
			continue;
		judge_observed(run, &profile, &ctx, (int)id, &findings[count]);
		report_check_finding(run->report, results_of(run), run->options.check, &findings[count]);
		denied += findings[count].outcome == CHECK_CONDITIONS_FAILED || findings[count].outcome == CHECK_DENIED;
		count++;
	}
	if (status == RUN_OK) {
		report_life(run->report, results_of(run));
		report_check_total(run->report, run->options.check, denied,
		                   translator_count_observed(&run->translator, &run->scan.syscalls));
		report_check_document(run->report, results_of(run), run->options.check, findings, count, unused, never_used(run, &profile, unused));
	}
	profile_input_free(&profile);
	if (status == RUN_OK && denied > 0)
		status = RUN_NOT_ALLOWED;
	return status;
}
