/*
 * merge: what profiles given with --merge contribute besides their allow
 * lists: the architectures, default action and errno, and the rules kept
 * as they are.
 */
#include "merge.h"

#include "json_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool takes_errno(const char *action)
{
	return strcmp(action, "SCMP_ACT_ERRNO") == 0 || strcmp(action, "SCMP_ACT_TRACE") == 0;
}

enum merge_status merge_header(const struct options *opts, const struct profile_input *profiles, size_t count,
                               struct merge_header *header, char *message, size_t size)
{
	const char *action = opts->default_action;
	const struct profile_input *errno_from = NULL;

	header->arches = opts->arches;
	if (!opts->has_arches && count > 0) {
		header->arches.count = 0;
		for (size_t i = 0; i < count; i++)
			for (size_t a = 0; a < profiles[i].arches.count; a++)
				arch_list_add(&header->arches, profiles[i].arches.tokens[a]);
		if (header->arches.count == 0)
			arch_list_default(&header->arches);
		arch_list_sort(&header->arches);
	}
	for (size_t i = 1; action == NULL && i < count; i++)
		if (strcmp(profiles[0].default_action, profiles[i].default_action) != 0) {
			snprintf(message, size,
			         "merged profiles disagree on defaultAction (%s: %s, %s: %s): choose one with "
			         "--default-action",
			         profiles[0].path, profiles[0].default_action, profiles[i].path, profiles[i].default_action);
			return MERGE_CONFLICT;
		}
	if (action == NULL && count > 0)
		action = profiles[0].default_action;
	header->default_action = action ? action : "SCMP_ACT_ERRNO";
	header->has_errno_ret = opts->has_errno_ret;
	header->errno_ret = opts->errno_ret;
	if (opts->has_errno_ret || !takes_errno(header->default_action))
		return MERGE_OK;
	for (size_t i = 0; i < count; i++) {
		if (!profiles[i].has_errno_ret)
			continue;
		if (errno_from != NULL && errno_from->errno_ret != profiles[i].errno_ret) {
			snprintf(message, size,
			         "merged profiles disagree on defaultErrnoRet (%s: %ld, %s: %ld): choose one with "
			         "--errno-ret",
			         errno_from->path, errno_from->errno_ret, profiles[i].path, profiles[i].errno_ret);
			return MERGE_CONFLICT;
		}
		errno_from = &profiles[i];
		header->has_errno_ret = true;
		header->errno_ret = profiles[i].errno_ret;
	}
	return MERGE_OK;
}

static int compare_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum merge_status merge_kept_rules(const struct profile_input *profiles, size_t count, cJSON **kept)
{
	size_t total = 0, filled = 0;
	char **texts;
	enum merge_status status = MERGE_OK;

	*kept = NULL;
	for (size_t i = 0; i < count; i++)
		total += (size_t)cJSON_GetArraySize(profiles[i].other_rules);
	if (total == 0)
		return MERGE_OK;
	texts = calloc(total, sizeof(texts[0]));
	*kept = cJSON_CreateArray();
	if (texts == NULL || *kept == NULL) {
		free(texts);
		return MERGE_NO_MEMORY;
	}
	for (size_t i = 0; i < count; i++)
		for (const cJSON *rule = profiles[i].other_rules->child; rule; rule = rule->next)
			if ((texts[filled++] = json_to_line(rule)) == NULL)
				status = MERGE_NO_MEMORY;
	if (status == MERGE_OK) {
		qsort(texts, total, sizeof(texts[0]), compare_text);
		for (size_t i = 0; i < total && status == MERGE_OK; i++) {
			if (i > 0 && strcmp(texts[i], texts[i - 1]) == 0)
				continue;
			cJSON *rule = cJSON_Parse(texts[i]);
			if (rule == NULL || !cJSON_AddItemToArray(*kept, rule))
				status = MERGE_NO_MEMORY;
		}
	}
	for (size_t i = 0; i < total; i++)
		free(texts[i]);
	free(texts);
	return status;
}

enum merge_status merge_absorb_arg_rules(struct profile_input *profiles, size_t count, struct arg_facts *facts)
{
	for (size_t i = 0; i < count; i++) {
		struct profile_input *p = &profiles[i];
		cJSON *rule = p->other_rules->child;
		for (const cJSON *name = p->allow_names->child; name; name = name->next)
			if (strcmp(name->valuestring, "socketpair") == 0) {
				struct arg_origin origin = { .profile = p->path };
				arg_facts_unrestrict(facts, ARG_SOCKETPAIR, &origin,
				                     "a merged profile allows socketpair with every family");
			}
		while (rule != NULL) {
			cJSON *next = rule->next;
			if (arg_rules_absorb(rule, p->path, facts, p->arg_names))
				cJSON_Delete(cJSON_DetachItemViaPointer(p->other_rules, rule));
			rule = next;
		}
	}
	return MERGE_OK;
}

enum merge_status merge_check_arg_rules(const struct profile_input *profiles, size_t count,
                                        const struct arg_facts *facts, const struct arg_rule_choice *choice,
                                        char *message, size_t size)
{
	char why[400];

	for (size_t i = 0; i < count; i++) {
		const struct profile_input *p = &profiles[i];
		for (const cJSON *name = p->allow_names->child; name; name = name->next) {
			cJSON *plain = cJSON_CreateObject();
			bool wider = plain != NULL && cJSON_AddStringToObject(plain, "name", name->valuestring) &&
			             cJSON_AddStringToObject(plain, "action", "SCMP_ACT_ALLOW") &&
			             arg_rules_widens(plain, facts, choice, why, sizeof(why));
			cJSON_Delete(plain);
			if (plain == NULL)
				return MERGE_NO_MEMORY;
			if (wider) {
				snprintf(message, size, "--merge %s: a rule without conditions %s", p->path, why);
				return MERGE_CONFLICT;
			}
		}
		for (const cJSON *rule = p->other_rules->child; rule; rule = rule->next)
			if (arg_rules_widens(rule, facts, choice, why, sizeof(why))) {
				char *text = json_to_line(rule);
				snprintf(message, size, "--merge %s: the rule %.160s %s", p->path, text ? text : "?", why);
				free(text);
				return MERGE_CONFLICT;
			}
	}
	return MERGE_OK;
}
