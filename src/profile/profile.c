/*
 * profile: what a profile's words mean: the actions and comparisons a
 * profile may name, and which rules apply to a container (its
 * architecture, capabilities and kernel), as moby and runc read them.
 * Writing is profile_write.c, reading profile_read.c.
 */
#include "profile/profile.h"

#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every action a profile may name; the one list that messages and checks are made from. */
static const struct action {
	const char *name;
	bool as_default; /* runtimes accept it as defaultAction */
	bool allows;     /* the syscall runs */
	bool errno_ret;  /* it takes an errno (errnoRet, defaultErrnoRet, --errno-ret) */
} actions[] = {
	{ "SCMP_ACT_ERRNO", true, false, true },         { "SCMP_ACT_KILL", true, false, false },
	{ "SCMP_ACT_KILL_PROCESS", true, false, false }, { "SCMP_ACT_KILL_THREAD", true, false, false },
	{ "SCMP_ACT_TRAP", true, false, false },         { "SCMP_ACT_TRACE", true, false, true },
	{ "SCMP_ACT_LOG", true, true, false },           { "SCMP_ACT_ALLOW", true, true, false },
	{ "SCMP_ACT_NOTIFY", false, false, false },
};

#define ACTION_COUNT (sizeof(actions) / sizeof(actions[0]))

static const char *const comparisons[] = {
	"SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ",
	"SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ",
};

/*
 * The formats, in the order of enum profile_format: --format, its message,
 * the writer and the checks come from here. Docker's format is moby's
 * (profiles/seccomp/seccomp.go, types.Seccomp): archMap, includes and
 * excludes. An OCI config's linux.seccomp (runtime-spec config-linux.md)
 * and a SeccompProfile spec (security-profiles-operator api/seccompprofile/
 * v1beta1) have architectures and syscalls with names, action, errnoRet and
 * args only, so what applies to the container is chosen when writing.
 */
static const struct profile_format_row formats[] = {
	[PROFILE_FORMAT_DOCKER] = { "docker", "json", false, true, true, false, false },
	[PROFILE_FORMAT_LEGACY] = { "legacy", "json", false, false, true, true, false },
	[PROFILE_FORMAT_OCI] = { "oci", "json", false, false, false, false, false },
	[PROFILE_FORMAT_SPO] = { "spo", "yaml", true, false, false, false, true },
};

#define FORMAT_COUNT (sizeof(formats) / sizeof(formats[0]))
_Static_assert(FORMAT_COUNT == PROFILE_FORMAT_COUNT, "one row per format");

const struct profile_format_row *profile_format_row(enum profile_format format)
{
	return &formats[format];
}

const char *profile_format_name(enum profile_format format)
{
	return formats[format].name;
}

int profile_format_from_name(const char *name)
{
	for (size_t i = 0; i < FORMAT_COUNT; i++)
		if (strcmp(name, formats[i].name) == 0)
			return (int)i;
	return -1;
}

const char *profile_format_list(void)
{
	static char text[64];
	const char *names[FORMAT_COUNT];

	if (text[0] == '\0') {
		for (size_t i = 0; i < FORMAT_COUNT; i++)
			names[i] = formats[i].name;
		text_join(text, sizeof(text), names, FORMAT_COUNT, " or ");
	}
	return text;
}

static bool in_list(const char *word, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(word, list[i]) == 0)
			return true;
	return false;
}

/* The row of action, or NULL when it is none. */
static const struct action *find_action(const char *action)
{
	for (size_t i = 0; i < ACTION_COUNT; i++)
		if (strcmp(actions[i].name, action) == 0)
			return &actions[i];
	return NULL;
}

bool profile_action_valid(const char *action)
{
	return find_action(action) != NULL;
}

bool profile_action_takes_errno(const char *action)
{
	const struct action *row = find_action(action);
	return row != NULL && row->errno_ret;
}

bool profile_action_allows(const char *action)
{
	const struct action *row = find_action(action);
	return row != NULL && row->allows;
}

bool profile_default_action_valid(const char *action)
{
	const struct action *row = find_action(action);
	return row != NULL && row->as_default;
}

/* Joins the names of the actions, all of them or only the default ones, with ", ". */
static const char *join_actions(char *text, size_t size, bool defaults_only)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < ACTION_COUNT && used < size; i++)
		if (!defaults_only || actions[i].as_default)
			used += (size_t)snprintf(text + used, size - used, "%s%s", used ? ", " : "", actions[i].name);
	return text;
}

const char *profile_action_list(void)
{
	static char text[256];
	return text[0] ? text : join_actions(text, sizeof(text), false);
}

const char *profile_default_action_list(void)
{
	static char text[256];
	return text[0] ? text : join_actions(text, sizeof(text), true);
}

bool profile_list_has(const cJSON *list, const char *word)
{
	for (const cJSON *item = list ? list->child : NULL; item; item = item->next)
		if (cJSON_IsString(item) && strcmp(item->valuestring, word) == 0)
			return true;
	return false;
}

static bool has_cap(const struct rule_context *ctx, const char *cap)
{
	for (size_t i = 0; i < ctx->cap_count; i++)
		if (strcmp(ctx->caps[i], cap) == 0)
			return true;
	return false;
}

/* 1 when the kernel is at least minKernel ("4.8"), 0 when older, -1 when it cannot be read. */
static int kernel_at_least(const struct rule_context *ctx, const cJSON *min)
{
	unsigned major, minor;
	char rest;

	if (!cJSON_IsString(min) || sscanf(min->valuestring, "%u.%u%c", &major, &minor, &rest) != 2)
		return -1;
	return ctx->kernel_major > major || (ctx->kernel_major == major && ctx->kernel_minor >= minor);
}

/* Tells whether item is absent, null, or an array of strings, as Go reads a []string. */
static bool strings_or_null(const cJSON *item)
{
	if (item == NULL || cJSON_IsNull(item))
		return true;
	if (!cJSON_IsArray(item))
		return false;
	for (const cJSON *entry = item->child; entry; entry = entry->next)
		if (!cJSON_IsString(entry))
			return false;
	return true;
}

const char *profile_filter_problem(const cJSON *filter)
{
	const cJSON *min;

	if (filter == NULL || cJSON_IsNull(filter))
		return NULL;
	if (!cJSON_IsObject(filter))
		return "must be an object";
	min = cJSON_GetObjectItemCaseSensitive(filter, "minKernel");
	if (!strings_or_null(cJSON_GetObjectItemCaseSensitive(filter, "caps")) ||
	    !strings_or_null(cJSON_GetObjectItemCaseSensitive(filter, "arches")))
		return "caps and arches must be lists of strings";
	if (min != NULL && !cJSON_IsNull(min) && !cJSON_IsString(min))
		return "minKernel must be a kernel version such as \"4.8\"";
	return NULL;
}

bool profile_rule_applies(const cJSON *rule, const struct rule_context *ctx, const char **cap)
{
	const cJSON *excludes = cJSON_GetObjectItemCaseSensitive(rule, "excludes");
	const cJSON *includes = cJSON_GetObjectItemCaseSensitive(rule, "includes");
	const cJSON *arches = cJSON_GetObjectItemCaseSensitive(excludes, "arches");
	const cJSON *caps = cJSON_GetObjectItemCaseSensitive(excludes, "caps");
	const cJSON *min = cJSON_GetObjectItemCaseSensitive(excludes, "minKernel");

	*cap = NULL;
	if (profile_list_has(arches, ctx->arch))
		return false;
	for (const cJSON *item = caps ? caps->child : NULL; item; item = item->next)
		if (cJSON_IsString(item) && has_cap(ctx, item->valuestring))
			return false;
	if (min != NULL && !cJSON_IsNull(min) && kernel_at_least(ctx, min) != 0)
		return false;
	arches = cJSON_GetObjectItemCaseSensitive(includes, "arches");
	caps = cJSON_GetObjectItemCaseSensitive(includes, "caps");
	min = cJSON_GetObjectItemCaseSensitive(includes, "minKernel");
	if (cJSON_GetArraySize(arches) > 0 && !profile_list_has(arches, ctx->arch))
		return false;
	if (min != NULL && !cJSON_IsNull(min) && kernel_at_least(ctx, min) != 1)
		return false;
	for (const cJSON *item = caps ? caps->child : NULL; item; item = item->next)
		if (cJSON_IsString(item) && !has_cap(ctx, item->valuestring)) {
			*cap = item->valuestring;
			return false;
		}
	return true;
}

bool profile_rule_names(const cJSON *rule, const char *name)
{
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");
	const cJSON *single = cJSON_GetObjectItemCaseSensitive(rule, "name");

	if (cJSON_IsString(single) && strcmp(single->valuestring, name) == 0)
		return true;
	for (const cJSON *item = names ? names->child : NULL; item; item = item->next)
		if (cJSON_IsString(item) && strcmp(item->valuestring, name) == 0)
			return true;
	return false;
}

void profile_input_free(struct profile_input *input)
{
	if (input == NULL)
		return;
	free(input->path);
	free(input->default_action);
	cJSON_Delete(input->allow_names);
	cJSON_Delete(input->other_rules);
	cJSON_Delete(input->arg_names);
	cJSON_Delete(input->document);
	cJSON_Delete(input->annotations);
	memset(input, 0, sizeof(*input));
}

bool profile_empty_or_absent(const cJSON *item)
{
	return item == NULL || cJSON_IsNull(item) ||
	       ((cJSON_IsArray(item) || cJSON_IsObject(item)) && item->child == NULL);
}

bool profile_comparison_valid(const char *op)
{
	return in_list(op, comparisons, sizeof(comparisons) / sizeof(comparisons[0]));
}

bool profile_rule_drop_names(cJSON *rule, const char *const *names, size_t count)
{
	cJSON *list = cJSON_GetObjectItemCaseSensitive(rule, "names");
	const cJSON *single = cJSON_GetObjectItemCaseSensitive(rule, "name");

	for (size_t i = 0; i < count; i++) {
		if (cJSON_IsString(single) && strcmp(single->valuestring, names[i]) == 0)
			return true;
		for (cJSON *item = cJSON_IsArray(list) ? list->child : NULL, *next; item; item = next) {
			next = item->next;
			if (cJSON_IsString(item) && strcmp(item->valuestring, names[i]) == 0)
				cJSON_Delete(cJSON_DetachItemViaPointer(list, item));
		}
	}
	return cJSON_IsArray(list) && list->child == NULL && count > 0 &&
	       cJSON_GetObjectItemCaseSensitive(rule, "name") == NULL;
}
