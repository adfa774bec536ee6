/*
 * judge_written: a profile judged as written, before any file is touched:
 * its text read back, its filters built by libseccomp for each host of the
 * target architectures as runc builds them, and every standing query of
 * policy/filter_judge.h asked. The same rules are judged once a run.
 */
#include "jobs/judge_written.h"

#include "jobs/rule_context.h"
#include "jobs/run_results.h"

#include "policy/docker_default.h"
#include "report/report.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

enum run_status judge_written(struct run *run, const struct syscall_set *set, const struct arg_facts *facts,
                              const struct arg_rule_plan *plan, const char *text, size_t length)
{
	const struct options *opts = &run->options;
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct profile_input input;
	struct rule_context ctx;
	char message[512];
	struct filter_promises promises = {
		.catalog = &run->catalog,
		.allowed = set,
		.facts = facts,
		.choice = &opts->arg_rules,
		.plan = plan,
		.removed = (const char *const *)opts->remove.items,
		.removed_count = opts->remove.count,
		.audit = opts->audit,
	};

	/* A default action the command line gave that lets calls run lifts every refusal, and is said loudly. */
	promises.refusals_lifted = !opts->audit && opts->default_action != NULL &&
	                           (profile_action_allows(opts->default_action) ||
	                            strcmp(opts->default_action, "SCMP_ACT_TRACE") == 0 ||
	                            strcmp(opts->default_action, "SCMP_ACT_NOTIFY") == 0);
	if (profile_parse("the profile written", text, length, &input, message, sizeof(message)) != 0) {
		report_say(run->report, "%s", message);
		profile_input_free(&input);
		return RUN_INPUT;
	}
	/* The same rules under the same options make the same promises: each set is built and asked once. */
	char *key = cJSON_PrintUnformatted(input.document);
	uint32_t hash = key != NULL ? text_hash(key, strlen(key), 0) : 0;
	for (size_t i = 0; key != NULL && i < run->judged_count; i++)
		if (run->judged[i].hash == hash && strcmp(run->judged[i].text, key) == 0) {
			run->verdict = run->judged[i].verdict;
			free(key);
			profile_input_free(&input);
			return RUN_OK;
		}
	rule_context_for(opts, run->arches.tokens[0], caps, &ctx);
	int judged = filter_judge_profile(input.document, &run->arches, &ctx, &promises, &run->verdict);
	profile_input_free(&input);
	if (judged == 0 && key != NULL && run->judged_count < RUN_JUDGED_MAX) {
		if (run->judged == NULL)
			run->judged = calloc(RUN_JUDGED_MAX, sizeof(run->judged[0]));
		if (run->judged != NULL) {
			run->judged[run->judged_count++] = (struct judged){ hash, key, run->verdict };
			key = NULL;
		}
	}
	free(key);
	if (judged < 0) {
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	if (judged > 0) {
		report_promise_breaks(run->report, results_of(run));
		return RUN_INPUT;
	}
	return RUN_OK;
}

