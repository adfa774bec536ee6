/*
 * profile_judge: evaluating a profile's rules for one syscall, as moby's
 * setupSeccomp filters them and libseccomp then applies them.
 */
#include "policy/profile_judge.h"

#include "policy/docker_default.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void profile_judge(const struct profile_input *input, const char *name, const struct rule_context *ctx,
                   struct judgement *out)
{
	bool named = false;

	memset(out, 0, sizeof(*out));
	out->verdict = VERDICT_DENIED;
	if (profile_list_has(input->allow_names, name) || profile_list_has(input->arg_names, name)) {
		out->verdict = VERDICT_ALLOWED;
		return;
	}
	for (const cJSON *rule = input->other_rules->child; rule; rule = rule->next) {
		const cJSON *action = cJSON_GetObjectItemCaseSensitive(rule, "action");
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
		const char *cap;
		if (!profile_rule_names(rule, name))
			continue;
		if (!profile_rule_applies(rule, ctx, &cap)) {
			if (cap != NULL && profile_action_allows(action->valuestring) && out->needs_cap == NULL)
				out->needs_cap = cap;
			continue;
		}
		named = true;
		if (!profile_action_allows(action->valuestring)) {
			const cJSON *errno_ret = cJSON_GetObjectItemCaseSensitive(rule, "errnoRet");
			if (cJSON_GetArraySize(args) == 0 && strcmp(action->valuestring, "SCMP_ACT_ERRNO") == 0 &&
			    cJSON_IsNumber(errno_ret) && errno_ret->valuedouble >= 0 &&
			    errno_ret->valuedouble <= PROFILE_ERRNO_MAX) {
				out->errno_rule = true;
				out->errno_ret = (long)errno_ret->valuedouble;
			}
			continue;
		}
		if (cJSON_GetArraySize(args) == 0) {
			out->verdict = VERDICT_ALLOWED;
			return;
		}
		if (out->condition_count < JUDGE_CONDITIONS_MAX)
			out->conditions[out->condition_count++] = rule;
		out->verdict = VERDICT_CONDITIONAL;
	}
	if (!named && profile_action_allows(input->default_action))
		out->verdict = VERDICT_ALLOWED;
}

/* Reads an argument condition; false when it is not one. */
static bool read_arg(const cJSON *arg, double *index, const char **op, double *value, double *two)
{
	const cJSON *item_index = cJSON_GetObjectItemCaseSensitive(arg, "index");
	const cJSON *item_op = cJSON_GetObjectItemCaseSensitive(arg, "op");
	const cJSON *item_value = cJSON_GetObjectItemCaseSensitive(arg, "value");
	const cJSON *item_two = cJSON_GetObjectItemCaseSensitive(arg, "valueTwo");

	if (!cJSON_IsNumber(item_index) || !cJSON_IsString(item_op) || !cJSON_IsNumber(item_value))
		return false;
	/* Only numbers a condition can hold (0 to 2^64 - 1), so that every cast of them is defined. */
	if (!profile_datum_fits(item_value->valuedouble) ||
	    (cJSON_IsNumber(item_two) && !profile_datum_fits(item_two->valuedouble)))
		return false;
	*index = item_index->valuedouble;
	*op = item_op->valuestring;
	*value = item_value->valuedouble;
	*two = cJSON_IsNumber(item_two) ? item_two->valuedouble : 0;
	return true;
}

/* 1 when every condition of rule holds for a clone with the flags in bits, 0 when one fails, -1 unknown. */
static int clone_rule_holds(const cJSON *rule, uint32_t bits)
{
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
	double index, value, two;
	const char *op;

	for (const cJSON *arg = args->child; arg; arg = arg->next) {
		if (!read_arg(arg, &index, &op, &value, &two) || strcmp(op, "SCMP_CMP_MASKED_EQ") != 0 ||
		    ((uint64_t)value & ~(uint64_t)DOCKER_CLONE_NAMESPACE_MASK) != 0)
			return -1;
		if (two > UINT32_MAX || (bits & (uint32_t)value) != (uint32_t)two)
			return 0;
	}
	return 1;
}

/* The same for a socket call of family. */
static int socket_rule_holds(const cJSON *rule, unsigned family)
{
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
	double index, value, two;
	const char *op;

	for (const cJSON *arg = args->child; arg; arg = arg->next) {
		if (!read_arg(arg, &index, &op, &value, &two) || index != 0)
			return -1;
		if (strcmp(op, "SCMP_CMP_EQ") == 0 && family != value)
			return 0;
		else if (strcmp(op, "SCMP_CMP_NE") == 0 && family == value)
			return 0;
		else if (strcmp(op, "SCMP_CMP_EQ") != 0 && strcmp(op, "SCMP_CMP_NE") != 0)
			return -1;
	}
	return 1;
}

/* 1 when some rule holds, 0 when every rule fails, -1 when one could not be told and none held. */
static int any_holds(const struct judgement *judgement, bool clone, uint64_t value)
{
	int result = 0;

	for (size_t i = 0; i < judgement->condition_count; i++) {
		int holds = clone ? clone_rule_holds(judgement->conditions[i], (uint32_t)value)
		                  : socket_rule_holds(judgement->conditions[i], (unsigned)value);
		if (holds == 1)
			return 1;
		if (holds < 0)
			result = -1;
	}
	return result;
}

int profile_judge_arguments(const struct judgement *judgement, const char *name, const struct arg_facts *facts)
{
	if (strcmp(name, "clone") == 0) {
		if (!facts->flags_logged)
			return -1;
		/* Threads and fork use no namespace flag; the log shows which ones the rest used. */
		int plain = any_holds(judgement, true, 0);
		int flagged = facts->namespaces ? any_holds(judgement, true, facts->namespaces) : 1;
		return plain == 0 || flagged == 0 ? 0 : (plain < 0 || flagged < 0 ? -1 : 1);
	}
	if (strcmp(name, "socket") == 0 || strcmp(name, "socketpair") == 0) {
		const struct family_facts *families = &facts->families[strcmp(name, "socket") == 0 ? ARG_SOCKET : ARG_SOCKETPAIR];
		int result = 1;
		if (!arg_facts_families_known(facts, strcmp(name, "socket") == 0 ? ARG_SOCKET : ARG_SOCKETPAIR))
			return -1;
		for (unsigned family = 0; family < 64; family++)
			if (families->seen >> family & 1) {
				int holds = any_holds(judgement, false, family);
				if (holds == 0)
					return 0;
				if (holds < 0)
					result = -1;
			}
		return result;
	}
	return -1;
}

void profile_judge_describe(const struct judgement *judgement, const char *name, char *text, size_t size)
{
	size_t used = 0;
	double index, value, two;
	const char *op;

	text[0] = '\0';
	/* Only when every rule of clone refuses the namespace flags (any one rule allows: runc adds each). */
	bool closed = strcmp(name, "clone") == 0 && judgement->condition_count > 0;
	for (size_t i = 0; closed && i < judgement->condition_count; i++)
		closed = clone_rule_holds(judgement->conditions[i], 0) == 1 &&
		         clone_rule_holds(judgement->conditions[i], DOCKER_CLONE_NAMESPACE_MASK) == 0;
	if (closed) {
		snprintf(text, size, "only without namespace flags");
		return;
	}
	used += (size_t)snprintf(text, size, "only when ");
	for (size_t i = 0; i < judgement->condition_count && used < size; i++) {
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(judgement->conditions[i], "args");
		used += (size_t)snprintf(text + used, size - used, "%s", i ? " or " : "");
		for (const cJSON *arg = args->child; arg && used < size; arg = arg->next) {
			if (!read_arg(arg, &index, &op, &value, &two))
				continue;
			const char *sign = strcmp(op, "SCMP_CMP_EQ") == 0 ? "==" : strcmp(op, "SCMP_CMP_NE") == 0 ? "!="
			                   : strcmp(op, "SCMP_CMP_LT") == 0 ? "<" : strcmp(op, "SCMP_CMP_LE") == 0 ? "<="
			                   : strcmp(op, "SCMP_CMP_GT") == 0 ? ">" : strcmp(op, "SCMP_CMP_GE") == 0 ? ">=" : "&";
			if (strcmp(sign, "&") == 0)
				used += (size_t)snprintf(text + used, size - used, "%sarg%.0f & 0x%llx == 0x%llx",
				                         arg == args->child ? "" : " and ", index, (unsigned long long)value,
				                         (unsigned long long)two);
			else
				used += (size_t)snprintf(text + used, size - used, "%sarg%.0f %s %.0f",
				                         arg == args->child ? "" : " and ", index, sign, value);
		}
	}
}
