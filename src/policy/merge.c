/*
 * merge: what profiles given with --merge contribute besides their allow
 * lists: the architectures, default action and errno, and the rules kept
 * as they are.
 */
#include "policy/merge.h"

#include "profile/json_writer.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The targets of an archMap: --arch, or this machine's architecture, plus other profiles' lists. */
static void map_targets(const struct merge_overrides *opts, const struct profile_input *profiles, size_t count,
                        struct arch_list *targets)
{
	*targets = opts->arches;
	if (opts->has_arches)
		return;
	targets->count = 0;
	arch_list_add(targets, seccomp_arch_native());
	for (size_t i = 0; i < count; i++)
		for (size_t a = 0; !profiles[i].has_arch_map && a < profiles[i].arches.count; a++)
			arch_list_add(targets, profiles[i].arches.tokens[a]);
}

/* Tells whether token is a sub-architecture in any of map's entries. */
static bool is_sub(const struct arch_map *map, uint32_t token)
{
	for (size_t e = 0; e < map->count; e++)
		for (size_t s = 0; s < map->entries[e].subs.count; s++)
			if (map->entries[e].subs.tokens[s] == token)
				return true;
	return false;
}

/* Keeps the archMap entries of the targets; every target gets one, with the subs any profile gives it. */
static void resolve_arch_map(const struct merge_overrides *opts, const struct profile_input *profiles, size_t count,
                             struct merge_header *header)
{
	struct arch_list targets;
	struct arch_map *map = &header->arch_map;

	map_targets(opts, profiles, count, &targets);
	arch_list_sort(&targets);
	memset(map, 0, sizeof(*map));
	for (size_t t = 0; t < targets.count; t++) {
		struct arch_map_entry *entry = &map->entries[map->count];
		entry->arch = targets.tokens[t];
		for (size_t i = 0; i < count; i++)
			for (size_t e = 0; e < profiles[i].arch_map.count; e++)
				if (profiles[i].arch_map.entries[e].arch == entry->arch)
					for (size_t a = 0; a < profiles[i].arch_map.entries[e].subs.count; a++)
						arch_list_add(&entry->subs, profiles[i].arch_map.entries[e].subs.tokens[a]);
		arch_list_sort(&entry->subs);
		map->count++;
	}
	/* A target that another kept entry lists as its sub needs no entry of its own. */
	for (size_t e = 0; e < map->count;)
		if (map->entries[e].subs.count == 0 && is_sub(map, map->entries[e].arch)) {
			memmove(&map->entries[e], &map->entries[e + 1], (map->count - e - 1) * sizeof(map->entries[0]));
			map->count--;
		} else {
			e++;
		}
	header->arches.count = 0;
	for (size_t e = 0; e < map->count; e++) {
		arch_list_add(&header->arches, map->entries[e].arch);
		for (size_t a = 0; a < map->entries[e].subs.count; a++)
			arch_list_add(&header->arches, map->entries[e].subs.tokens[a]);
	}
	arch_list_sort(&header->arches);
}

static void settle_arches(const struct merge_overrides *opts, const struct profile_input *profiles, size_t count,
                          struct merge_header *header)
{
	header->arches = opts->arches;
	header->has_arch_map = false;
	for (size_t i = 0; i < count; i++)
		header->has_arch_map |= profiles[i].has_arch_map;
	if (header->has_arch_map) {
		resolve_arch_map(opts, profiles, count, header);
		return;
	}
	if (!opts->has_arches && count > 0) {
		header->arches.count = 0;
		for (size_t i = 0; i < count; i++)
			for (size_t a = 0; a < profiles[i].arches.count; a++)
				arch_list_add(&header->arches, profiles[i].arches.tokens[a]);
		if (header->arches.count == 0)
			arch_list_default(&header->arches);
		arch_list_sort(&header->arches);
	}
}

/* Checks the settled header as the command line is checked. */
static enum merge_status check_header(const struct merge_header *header, const struct profile_input *profiles,
                                      size_t count, char *message, size_t size)
{
	const char *from = count > 0 ? profiles[0].path : "the command line";

	if (!profile_default_action_valid(header->default_action)) {
		snprintf(message, size, "%s: defaultAction %s needs a listener and runtimes refuse it; choose one of %s "
		         "with --default-action", from, header->default_action, profile_default_action_list());
		return MERGE_CONFLICT;
	}
	if (header->has_errno_ret && !profile_action_takes_errno(header->default_action)) {
		snprintf(message, size, "defaultErrnoRet goes with SCMP_ACT_ERRNO or SCMP_ACT_TRACE, not %s; drop "
		         "--errno-ret or choose one of those with --default-action", header->default_action);
		return MERGE_CONFLICT;
	}
	if (header->has_errno_ret && (header->errno_ret < 0 || header->errno_ret > PROFILE_ERRNO_MAX)) {
		snprintf(message, size, "%s: defaultErrnoRet %ld is not an errno number (0 to %d); choose one with "
		         "--errno-ret", from, header->errno_ret, PROFILE_ERRNO_MAX);
		return MERGE_CONFLICT;
	}
	return MERGE_OK;
}

enum merge_status merge_header(const struct merge_overrides *opts, const struct profile_input *profiles, size_t count,
                               struct merge_header *header, char *message, size_t size)
{
	const char *action = opts->default_action;
	const struct profile_input *errno_from = NULL;

	settle_arches(opts, profiles, count, header);
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
	if (opts->has_errno_ret || !profile_action_takes_errno(header->default_action))
		return check_header(header, profiles, count, message, size);
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
	return check_header(header, profiles, count, message, size);
}

/* A kept rule as text, and the same with every object's keys sorted, which tells equal rules apart. */
struct rule_text {
	char *canonical; /* keys sorted */
	char *text;      /* as written */
};

static int compare_rule_texts(const void *a, const void *b)
{
	const struct rule_text *x = a, *y = b;
	int order = strcmp(x->canonical, y->canonical);
	return order != 0 ? order : strcmp(x->text, y->text);
}

enum merge_status merge_kept_rules(const struct profile_input *profiles, size_t count, cJSON **kept)
{
	size_t total = 0, filled = 0;
	struct rule_text *texts;
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
		for (const cJSON *rule = profiles[i].other_rules->child; rule; rule = rule->next, filled++) {
			texts[filled].text = json_to_line(rule);
			texts[filled].canonical = json_to_canonical_line(rule);
			if (texts[filled].text == NULL || texts[filled].canonical == NULL)
				status = MERGE_NO_MEMORY;
		}
	if (status == MERGE_OK) {
		/* Equal rules in any key order are written once, the same one whatever the order of the profiles. */
		qsort(texts, total, sizeof(texts[0]), compare_rule_texts);
		for (size_t i = 0; i < total && status == MERGE_OK; i++) {
			if (i > 0 && strcmp(texts[i].canonical, texts[i - 1].canonical) == 0)
				continue;
			cJSON *rule = cJSON_Parse(texts[i].text);
			if (rule == NULL || !cJSON_AddItemToArray(*kept, rule))
				status = MERGE_NO_MEMORY;
		}
	}
	for (size_t i = 0; i < total; i++) {
		free(texts[i].text);
		free(texts[i].canonical);
	}
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

/* Adds name to the absorbed names unless they hold it; false when memory ran out. */
static bool absorb_name(struct profile_input *p, const char *name)
{
	return profile_list_has(p->arg_names, name) || cJSON_AddItemToArray(p->arg_names, cJSON_CreateString(name));
}

/*
 * Takes from rule the names its wider allowance is about and absorbs them;
 * the rule goes when it names nothing else. Returns the next rule, and
 * false in *ok when memory ran out.
 */
static cJSON *narrow_rule(struct profile_input *p, cJSON *rule, const char *why, merge_note_fn *tell, void *context,
                          bool *ok)
{
	static const char *const guarded[] = { "clone", "clone3", "personality", "socket" };
	cJSON *next = rule->next;
	cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");
	cJSON *name = cJSON_GetObjectItemCaseSensitive(rule, "name");
	char *text = json_to_line(rule);
	char message[640];

	snprintf(message, sizeof(message), "--merge %s: the rule %.160s %s", p->path, text ? text : "?", why);
	free(text);
	tell(context, message);
	for (size_t g = 0; g < sizeof(guarded) / sizeof(guarded[0]); g++) {
		if (!profile_rule_names(rule, guarded[g]))
			continue;
		*ok = *ok && absorb_name(p, guarded[g]);
		for (cJSON *item = cJSON_IsArray(names) ? names->child : NULL, *after; item; item = after) {
			after = item->next;
			if (cJSON_IsString(item) && strcmp(item->valuestring, guarded[g]) == 0)
				cJSON_Delete(cJSON_DetachItemViaPointer(names, item));
		}
	}
	if (cJSON_IsString(name) || (cJSON_IsArray(names) && names->child == NULL))
		cJSON_Delete(cJSON_DetachItemViaPointer(p->other_rules, rule));
	return next;
}

enum merge_status merge_narrow_arg_rules(struct profile_input *profiles, size_t count, const struct arg_facts *facts,
                                         const struct arg_rule_choice *choice, merge_note_fn *tell, void *context,
                                         bool *narrowed)
{
	char why[400];
	bool ok = true;

	*narrowed = false;
	for (size_t i = 0; i < count && ok; i++) {
		struct profile_input *p = &profiles[i];
		for (cJSON *name = p->allow_names->child, *next; name && ok; name = next) {
			cJSON *plain = cJSON_CreateObject();
			next = name->next;
			bool wider = plain != NULL && cJSON_AddStringToObject(plain, "name", name->valuestring) &&
			             cJSON_AddStringToObject(plain, "action", "SCMP_ACT_ALLOW") &&
			             arg_rules_widens(plain, facts, choice, why, sizeof(why));
			cJSON_Delete(plain);
			if (plain == NULL)
				return MERGE_NO_MEMORY;
			if (!wider)
				continue;
			char message[640];
			snprintf(message, sizeof(message), "--merge %s: a rule without conditions %s", p->path, why);
			tell(context, message);
			ok = absorb_name(p, name->valuestring);
			cJSON_Delete(cJSON_DetachItemViaPointer(p->allow_names, name));
			*narrowed = true;
		}
		for (cJSON *rule = p->other_rules->child; rule && ok;) {
			if (!arg_rules_widens(rule, facts, choice, why, sizeof(why))) {
				rule = rule->next;
				continue;
			}
			rule = narrow_rule(p, rule, why, tell, context, &ok);
			*narrowed = true;
		}
	}
	return ok ? MERGE_OK : MERGE_NO_MEMORY;
}

/*
 * Tells whether a rule that stands among the written rules already does
 * what rule does: the same rule, or, for a rule without conditions, one
 * that names the same syscalls with the same effect. Such a merged rule
 * is the tool's own rule read back (the ENOSYS answers, the generic calls
 * of other architectures), and writing it again would make a merge of a
 * profile with itself differ from the profile.
 */
static bool already_written(const cJSON *written, const cJSON *rule)
{
	for (const cJSON *other = written ? written->child : NULL; other; other = other->next)
		if (cJSON_Compare(other, rule, true))
			return true;
	return false;
}

/*
 * Tells whether other does to the calls it names what rule does, wherever
 * rule applies: neither has argument conditions, they have one action and
 * one errno, and other applies everywhere or where rule does (the same
 * includes and excludes).
 */
static bool same_effect(const cJSON *rule, const cJSON *other)
{
	static const char *const keys[] = { "action", "errnoRet", "includes", "excludes" };

	if (!profile_empty_or_absent(cJSON_GetObjectItemCaseSensitive(rule, "args")) ||
	    !profile_empty_or_absent(cJSON_GetObjectItemCaseSensitive(other, "args")))
		return false;
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const cJSON *a = cJSON_GetObjectItemCaseSensitive(rule, keys[k]);
		const cJSON *b = cJSON_GetObjectItemCaseSensitive(other, keys[k]);
		if (k >= 2 && profile_empty_or_absent(b))
			continue;
		if (a == NULL || b == NULL ? a != b : !cJSON_Compare(a, b, true))
			return false;
	}
	return true;
}

/*
 * A copy of a merged rule without the names that a written rule without
 * argument conditions already gives the same effect (the tool's own rules read back
 * with other names beside them); NULL when none is left, or memory ran out
 * (*failed).
 */
static cJSON *without_written_names(const cJSON *allow_list, const cJSON *written, const cJSON *rule, bool *failed)
{
	cJSON *copy = cJSON_Duplicate(rule, 1);

	*failed = copy == NULL;
	if (copy == NULL)
		return copy;
	cJSON *names = cJSON_GetObjectItemCaseSensitive(copy, "names");
	cJSON *name = cJSON_GetObjectItemCaseSensitive(copy, "name");
	for (const cJSON *other = allow_list; other; other = other == allow_list ? (written ? written->child : NULL)
	                                                                          : other->next) {
		if (!same_effect(rule, other))
			continue;
		for (cJSON *item = cJSON_IsArray(names) ? names->child : NULL, *next; item; item = next) {
			next = item->next;
			if (cJSON_IsString(item) && profile_rule_names(other, item->valuestring))
				cJSON_Delete(cJSON_DetachItemViaPointer(names, item));
		}
		if (cJSON_IsString(name) && profile_rule_names(other, name->valuestring)) {
			cJSON_Delete(copy);
			return NULL;
		}
	}
	if (cJSON_IsArray(names) && names->child == NULL) {
		cJSON_Delete(copy);
		return NULL;
	}
	return copy;
}

cJSON *merge_rule_left_to_write(const cJSON *allow_list, const cJSON *written, const cJSON *rule, bool *failed)
{
	*failed = false;
	return already_written(written, rule) ? NULL : without_written_names(allow_list, written, rule, failed);
}
