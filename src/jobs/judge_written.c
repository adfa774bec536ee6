/*
 * judge_written: a profile judged as written, before any file is touched:
 * its text read back, its filters built by libseccomp for each host of the
 * target architectures as runc builds them, and every standing query of
 * policy/filter_judge.h asked. The same rules are judged once a run.
 */
#include "jobs/judge_written.h"

#include "jobs/options.h"
#include "jobs/rule_context.h"

#include "policy/docker_default.h"
#include "report/report.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

enum run_status judge_written(struct judge_memo *memo, const struct options *opts, const struct arch_list *arches,
                              const struct syscall_catalog *catalog, struct report *report,
                              const struct run_results *results, const struct written_profile *written)
{
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct profile_input input;
	struct rule_context ctx;
	char message[512];
	struct filter_promises promises = {
		.catalog = catalog,
		.allowed = written->set,
		.facts = written->facts,
		.choice = &opts->arg_rules,
		.plan = written->plan,
		.removed = (const char *const *)opts->remove.items,
		.removed_count = opts->remove.count,
		.audit = opts->audit,
	};

	/* A default action the command line gave that lets calls run lifts every refusal, and is said loudly. */
	promises.refusals_lifted = !opts->audit && opts->default_action != NULL &&
	                           (profile_action_allows(opts->default_action) ||
	                            strcmp(opts->default_action, "SCMP_ACT_TRACE") == 0 ||
	                            strcmp(opts->default_action, "SCMP_ACT_NOTIFY") == 0);
	if (profile_parse("the profile written", written->text, written->length, &input, message, sizeof(message)) != 0) {
		report_say(report, "%s", message);
		profile_input_free(&input);
		return RUN_INPUT;
	}
	/* The same rules under the same options make the same promises: each set is built and asked once. */
	char *key = cJSON_PrintUnformatted(input.document);
	uint32_t hash = key != NULL ? text_hash(key, strlen(key), 0) : 0;
	for (size_t i = 0; key != NULL && i < memo->count; i++)
		if (memo->judged[i].hash == hash && strcmp(memo->judged[i].text, key) == 0) {
			memo->verdict = memo->judged[i].verdict;
			free(key);
			profile_input_free(&input);
			return RUN_OK;
		}
	rule_context_for(opts, arches->tokens[0], caps, &ctx);
	int judged = filter_judge_profile(input.document, arches, &ctx, &promises, &memo->verdict);
	profile_input_free(&input);
	if (judged == 0 && key != NULL && memo->count < JUDGE_MEMO_MAX) {
		if (memo->judged == NULL)
			memo->judged = calloc(JUDGE_MEMO_MAX, sizeof(memo->judged[0]));
		if (memo->judged != NULL) {
			memo->judged[memo->count++] = (struct judged){ hash, key, memo->verdict };
			key = NULL;
		}
	}
	free(key);
	if (judged < 0) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	if (judged > 0) {
		report_promise_breaks(report, results);
		return RUN_INPUT;
	}
	return RUN_OK;
}


void judge_memo_free(struct judge_memo *memo)
{
	for (size_t i = 0; i < memo->count; i++)
		free(memo->judged[i].text);
	free(memo->judged);
}
