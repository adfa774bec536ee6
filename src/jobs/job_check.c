/*
 * job_check: --check PROFILE: what the log shows that the profile does not
 * allow, judged as the runtimes apply it.
 */
#include "jobs/job_check.h"

#include "jobs/audit_log.h"
#include "jobs/log_pass.h"
#include "jobs/merged_profiles.h"
#include "jobs/options.h"
#include "jobs/rule_context.h"
#include "jobs/run_results.h"
#include "jobs/runtime_choice.h"
#include "jobs/workload_select.h"

#include "policy/docker_default.h"
#include "policy/profile_judge.h"
#include "policy/profile_set.h"
#include "policy/successors.h"
#include "report/report.h"
#include "text/text.h"

#include <seccomp.h>
#include <stdlib.h>
#include <string.h>

/* What the job reads and fills: large (the scan, the catalog), so not on the stack. */
static struct {
	struct arch_list arches;           /* the target architectures */
	struct log_pass pass;              /* the logs, for the containers named by id */
	struct audit_findings audit;       /* --audit-log */
	struct runtime_choice runtime;     /* whose baseline the profile is held to */
	struct workload_found workload;    /* the selected workload */
	struct run_results results;        /* the report's view of the above */
} job;

/* Judges one observed syscall against profile for --check. */
static void judge_observed(const struct log_pass *pass, const struct profile_input *profile, const struct rule_context *ctx,
                           int id, struct check_finding *finding)
{
	const char *name = syscall_catalog_name(&pass->catalog, id);
	struct judgement fallback;

	finding->id = id;
	profile_judge(profile, name, ctx, &finding->judgement);
	switch (finding->judgement.verdict) {
	case VERDICT_ALLOWED:
		finding->outcome = CHECK_ALLOWED;
		return;
	case VERDICT_CONDITIONAL:
		switch (profile_judge_arguments(&finding->judgement, name, &pass->scan.facts)) {
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

/* What the filter does with id on arch with args; false when arch has no such call or the program is broken. */
static bool filter_says(const struct seccomp_filter *filter, uint32_t arch, const char *name,
                        const uint64_t args[6], uint32_t *action)
{
	bool exists;
	return seccomp_filter_answer(filter, arch, name, args, &exists, action) == 0 && exists;
}

/*
 * Holds a finding to the filter libseccomp builds from the profile, as
 * runc loads it on this host: the call with plain arguments (a thread for
 * clone) and with the arguments the log shows (clone's namespace flags,
 * socket's families). Where the filter says otherwise than the rules'
 * reading, the filter decides.
 */
static void filter_decides(const struct log_pass *pass, const struct seccomp_filter *filter, struct check_finding *finding)
{
	const char *name = syscall_catalog_name(&pass->catalog, finding->id);
	const struct arg_facts *facts = &pass->scan.facts;
	uint32_t arch = filter->host, plain_action, action;
	uint64_t args[6] = { 0 };
	bool clone = strcmp(name, "clone") == 0, s390 = arch_clone_flags_arg(arch) == 1;

	if (clone) {
		args[s390 ? 1 : 0] = 0x3d0f00u; /* a thread */
		args[s390 ? 0 : 1] = 0x7f1234567000ull;
	} else if (strcmp(name, "socket") == 0 || strcmp(name, "socketpair") == 0) {
		args[0] = strcmp(name, "socket") == 0 ? 2 : 1;
	}
	if (!filter_says(filter, arch, name, args, &plain_action))
		return;
	bool runs = seccomp_action_runs(plain_action) && (plain_action & 0xffff0000u) != 0x7ff00000u;
	bool logged_fail = false;
	/* The arguments the log shows: clone's namespace flags, each socket family. */
	if (clone && facts->flags_logged && facts->namespaces) {
		args[s390 ? 1 : 0] = facts->namespaces | 17u;
		logged_fail = filter_says(filter, arch, name, args, &action) && !seccomp_action_runs(action);
	}
	for (int call = 0; call < ARG_SOCKET_CALLS && !logged_fail; call++) {
		if (strcmp(name, arg_socket_call_name((enum arg_socket_call)call)) != 0 ||
		    !arg_facts_families_known(facts, (enum arg_socket_call)call))
			continue;
		for (unsigned family = 0; family < 64 && !logged_fail; family++)
			if (facts->families[call].seen >> family & 1) {
				args[0] = family;
				logged_fail = filter_says(filter, arch, name, args, &action) && !seccomp_action_runs(action);
			}
	}
	switch (finding->outcome) {
	case CHECK_ALLOWED:
	case CHECK_CONDITIONS_MET:
	case CHECK_CONDITIONS_UNKNOWN:
		if (!runs || logged_fail) {
			finding->outcome = !runs ? CHECK_DENIED : CHECK_CONDITIONS_FAILED;
			finding->filter_decided = true;
			finding->filter_action = !runs ? plain_action : action;
		}
		return;
	case CHECK_ENOSYS_FALLBACK:
		if ((plain_action & 0xffff0000u) != 0x00050000u || (plain_action & 0xffffu) != DOCKER_ENOSYS) {
			finding->outcome = runs ? CHECK_ALLOWED : CHECK_DENIED;
			finding->filter_decided = true;
			finding->filter_action = plain_action;
		}
		return;
	case CHECK_CONDITIONS_FAILED:
	case CHECK_DENIED:
		if (runs && !logged_fail) {
			finding->outcome = CHECK_ALLOWED;
			finding->filter_decided = true;
			finding->filter_action = plain_action;
		}
		return;
	}
}

/*
 * The syscalls profile allows by name that the log never shows, beyond
 * what the runtime and every process need and the 32-bit names added
 * beside 64-bit ones: a profile grown stale. names
 * has room for SYSCALL_NAMES_MAX; returns how many, sorted.
 */
static size_t never_used(const struct log_pass *pass, const char *runtime, const struct profile_input *profile,
                         const char **names)
{
	const cJSON *lists[] = { profile->allow_names, profile->arg_names };
	size_t count = 0;

	for (size_t l = 0; l < 2; l++)
		for (const cJSON *item = lists[l]->child; item && count < SYSCALL_NAMES_MAX; item = item->next) {
			int id = syscall_catalog_find(&pass->catalog, item->valuestring);
			bool seen = id >= 0 && syscall_set_has(&pass->scan.syscalls, id);
			bool listed = false;
			for (size_t i = 0; i < count && !listed; i++)
				listed = strcmp(names[i], item->valuestring) == 0;
			if (!seen && !listed && !profile_set_always_given(runtime, item->valuestring) &&
			    !syscall_names_is_ia32_alias(item->valuestring))
				names[count++] = item->valuestring;
		}
	qsort(names, count, sizeof(names[0]), text_compare_strings);
	return count;
}

static enum run_status run_check(const struct options *opts, struct report *report)
{
	struct log_pass *pass = &job.pass;
	const struct run_results *results = &job.results;
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	static struct check_finding findings[SYSCALL_NAMES_MAX];
	static const char *unused[SYSCALL_NAMES_MAX];
	struct rule_context ctx;
	struct profile_input profile;
	char message[512];
	size_t denied = 0, count = 0;
	enum run_status status;

	if (read_profile(opts->check, &profile, message, sizeof(message)) != 0) {
		report_say(report, "--check %s", message);
		profile_input_free(&profile);
		return RUN_INPUT;
	}
	warn_dead_names(report, "--check", &profile);
	rule_context_for(opts, seccomp_arch_native(), caps, &ctx);
	/* The judge: the filter runc builds from the profile on this host. */
	struct seccomp_filter filter;
	if (seccomp_filter_build(profile.document, seccomp_arch_native(), &ctx, &filter, message, sizeof(message)) != 0) {
		report_say(report, "--check %s: libseccomp cannot build its filter as runc would: %s", opts->check,
		            message);
		profile_input_free(&profile);
		return RUN_INPUT;
	}
	job.arches = opts->has_arches || profile.arches.count == 0 ? opts->arches : profile.arches;
	bool workload = workload_selecting(&opts->workload);
	if (opts->audit_only) {
		/* No Falco log: the kernel's records are all there is to judge. */
		syscall_catalog_init(&pass->catalog, &job.arches);
		status = RUN_OK;
	} else {
		status = log_pass_run(pass, opts, &job.arches, workload ? NULL : &opts->containers, false, report, results);
	}
	if (status == RUN_OK && !opts->audit_only)
		status = workload ? workload_select(pass, opts, &job.runtime, &job.workload, report, results)
		                  : log_pass_check_matches(pass, opts, &job.runtime, report);
	/* The production gate: what the kernel logged under an audit profile is judged like the log's calls. */
	if (status == RUN_OK && opts->audit_logs.count > 0) {
		status = read_audit_logs(opts, &pass->catalog, report, &job.audit);
		syscall_set_union(&pass->scan.syscalls, &job.audit.syscalls);
	}
	for (size_t id = 0; status == RUN_OK && id < pass->catalog.count; id++) {
		if (!syscall_set_has(&pass->scan.syscalls, (int)id))
			continue;
		judge_observed(pass, &profile, &ctx, (int)id, &findings[count]);
		filter_decides(pass, &filter, &findings[count]);
		report_check_finding(report, results, opts->check, &findings[count]);
		denied += findings[count].outcome == CHECK_CONDITIONS_FAILED || findings[count].outcome == CHECK_DENIED;
		count++;
	}
	if (status == RUN_OK) {
		report_life(report, results);
		report_check_total(report, opts->check, denied,
		                   translator_count_observed(&pass->translator, &pass->scan.syscalls));
		/* What the records never show says nothing: a profile's allowed calls make none. */
		report_check_document(report, results, opts->check, findings, count, unused,
		                      opts->audit_only ? 0 : never_used(pass, job.runtime.used, &profile, unused));
	}
	profile_input_free(&profile);
	seccomp_filter_free(&filter);
	if (status == RUN_OK && denied > 0)
		status = RUN_NOT_ALLOWED;
	return status;
}

enum run_status job_check(const struct options *opts, struct report *report)
{
	enum run_status status;

	runtime_choice_init(&job.runtime, opts->runtime);
	results_init(&job.results, opts);
	log_pass_view(&job.pass, &job.results);
	job.results.audit_syscalls = &job.audit.syscalls;
	job.results.arches = &job.arches;
	job.results.runtime = &job.runtime;
	job.results.workload = &job.workload;
	status = run_check(opts, report);
	log_pass_free(&job.pass);
	audit_findings_free(&job.audit);
	free(job.workload.groups);
	return status;
}
