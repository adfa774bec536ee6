/*
 * job_diff: --diff OLD NEW: what differs in meaning between two profiles.
 */
#include "jobs/job_diff.h"

#include "jobs/merged_profiles.h"
#include "jobs/options.h"
#include "jobs/rule_context.h"

#include "policy/docker_default.h"
#include "policy/filter_diff.h"
#include "profile/profile_diff.h"
#include "report/report.h"

#include <seccomp.h>
#include <string.h>

/*
 * The verdicts that differ, asked of both profiles' built filters on the
 * architectures both name (the new one's when they share none). Against
 * docker-default, the built-in floor, only what the new profile lets run
 * and Docker's default refuses fails the run.
 */
static enum run_status diff_verdicts(const struct options *opts, struct report *report, const struct profile_input *old,
                                     const struct profile_input *new, enum run_status status)
{
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct rule_context ctx;
	struct arch_list arches = { { 0 }, 0 };
	static struct filter_diff verdicts;

	for (size_t i = 0; i < new->arches.count; i++)
		if (old->arches.count == 0 || arch_list_has(&old->arches, new->arches.tokens[i]))
			arch_list_add(&arches, new->arches.tokens[i]);
	if (arches.count == 0)
		arches = new->arches.count > 0 ? new->arches : opts->arches;
	rule_context_for(opts, seccomp_arch_native(), caps, &ctx);
	if (filter_diff_profiles(old->document, new->document, &arches, &ctx, &verdicts) != 0) {
		report_say(report, "--diff: libseccomp cannot build %s's filter as runc would", verdicts.build_error);
		return RUN_INPUT;
	}
	report_verdict_diff(report, &verdicts, old->path, new->path);
	if (strcmp(opts->diff_old, DOCKER_DEFAULT_PROFILE_NAME) == 0)
		return verdicts.widened > 0 ? RUN_NOT_ALLOWED : RUN_OK;
	return verdicts.widened + verdicts.narrowed > 0 ? RUN_NOT_ALLOWED : status;
}

enum run_status job_diff(const struct options *opts, struct report *report)
{
	struct profile_input old, new;
	struct profile_diff diff;
	char message[512];
	enum run_status status = RUN_OK;

	memset(&diff, 0, sizeof(diff));
	memset(&new, 0, sizeof(new));
	if (read_profile(opts->diff_old, &old, message, sizeof(message)) != 0 ||
	    read_profile(opts->diff_new, &new, message, sizeof(message)) != 0) {
		report_say(report, "--diff %s", message);
		status = RUN_INPUT;
	} else {
		warn_dead_names(report, "--diff", &old);
		warn_dead_names(report, "--diff", &new);
		if (profile_diff_compute(&old, &new, &diff) != 0) {
			report_error(report, "out of memory");
			status = RUN_RESOURCES;
		} else {
			report_diff(report, &diff);
			if (!profile_diff_empty(&diff))
				status = RUN_NOT_ALLOWED;
			status = diff_verdicts(opts, report, &old, &new, status);
		}
	}
	profile_diff_free(&diff);
	profile_input_free(&old);
	profile_input_free(&new);
	return status;
}
