/*
 * rule_order: the first rule without conditions that names a syscall
 * decides it; later ones with another action are dead.
 */
#include "profile/rule_order.h"

#include "profile/profile.h"

#include <stdlib.h>
#include <string.h>

/* One name of a rule without conditions, with what the rule does. */
struct named {
	const char *name;
	size_t rule;
	const char *action;
	const cJSON *errno_ret; /* or NULL */
};

/* Tells whether rule applies without conditions, and gives its action. */
static bool unconditional(const cJSON *rule, const char **action)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(rule, "action");

	if (!cJSON_IsObject(rule) || !cJSON_IsString(item))
		return false;
	*action = item->valuestring;
	return profile_empty_or_absent(cJSON_GetObjectItemCaseSensitive(rule, "args")) &&
	       profile_empty_or_absent(cJSON_GetObjectItemCaseSensitive(rule, "includes")) &&
	       profile_empty_or_absent(cJSON_GetObjectItemCaseSensitive(rule, "excludes"));
}

/* Puts rule's names into entries from at on, or only counts them when entries is NULL. */
static size_t each_name(const cJSON *rule, struct named *entries, size_t at, size_t index, const char *action)
{
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");
	const cJSON *single = cJSON_GetObjectItemCaseSensitive(rule, "name");
	const cJSON *errno_ret = cJSON_GetObjectItemCaseSensitive(rule, "errnoRet");
	size_t count = 0;

	if (cJSON_IsArray(names)) {
		for (const cJSON *item = names->child; item; item = item->next)
			if (cJSON_IsString(item)) {
				if (entries != NULL)
					entries[at + count] = (struct named){ item->valuestring, index, action, errno_ret };
				count++;
			}
	} else if (cJSON_IsString(single)) {
		if (entries != NULL)
			entries[at] = (struct named){ single->valuestring, index, action, errno_ret };
		count = 1;
	}
	return count;
}

static int by_name_then_rule(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int order = strcmp(x->name, y->name);
	return order != 0 ? order : (x->rule > y->rule) - (x->rule < y->rule);
}

static int by_rule_then_name(const void *a, const void *b)
{
	const struct dead_name *x = a, *y = b;
	if (x->rule != y->rule)
		return (x->rule > y->rule) - (x->rule < y->rule);
	return strcmp(x->name, y->name);
}

/* Tells whether two rules do the same to a call: one action, one errno. */
static bool same_effect(const struct named *x, const struct named *y)
{
	if (strcmp(x->action, y->action) != 0)
		return false;
	if (x->errno_ret == NULL || y->errno_ret == NULL)
		return x->errno_ret == y->errno_ret;
	return cJSON_IsNumber(x->errno_ret) && cJSON_IsNumber(y->errno_ret) &&
	       x->errno_ret->valuedouble == y->errno_ret->valuedouble;
}

int rule_order_find(const cJSON *rules, struct dead_names *dead)
{
	size_t total = 0, index = 0, filled = 0;
	struct named *entries;
	const char *action;

	memset(dead, 0, sizeof(*dead));
	for (const cJSON *rule = rules ? rules->child : NULL; rule; rule = rule->next)
		if (unconditional(rule, &action))
			total += each_name(rule, NULL, 0, 0, action);
	if (total < 2)
		return 0;
	entries = malloc(total * sizeof(entries[0]));
	dead->items = malloc(total * sizeof(dead->items[0]));
	if (entries == NULL || dead->items == NULL) {
		free(entries);
		rule_order_free(dead);
		return -1;
	}
	for (const cJSON *rule = rules->child; rule; rule = rule->next, index++)
		if (unconditional(rule, &action))
			filled += each_name(rule, entries, filled, index, action);
	qsort(entries, total, sizeof(entries[0]), by_name_then_rule);
	for (size_t i = 0, first = 0; i < total; i++) {
		if (strcmp(entries[i].name, entries[first].name) != 0)
			first = i;
		else if (!same_effect(&entries[i], &entries[first]))
			dead->items[dead->count++] = (struct dead_name){ entries[i].rule, entries[first].rule, entries[i].name };
	}
	free(entries);
	if (dead->count == 0)
		rule_order_free(dead);
	else
		qsort(dead->items, dead->count, sizeof(dead->items[0]), by_rule_then_name);
	return 0;
}

bool rule_order_is_dead(const struct dead_names *dead, size_t rule, const char *name)
{
	struct dead_name key = { rule, 0, name };
	return dead->count > 0 &&
	       bsearch(&key, dead->items, dead->count, sizeof(dead->items[0]), by_rule_then_name) != NULL;
}

/* Takes rule's dead names (it is rule number index) out of it. */
static int drop_names(cJSON *rule, size_t index, const struct dead_names *dead)
{
	cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");
	const cJSON *single = cJSON_GetObjectItemCaseSensitive(rule, "name");
	cJSON *kept;

	if (cJSON_IsString(single) && !cJSON_IsArray(names)) {
		if (!rule_order_is_dead(dead, index, single->valuestring))
			return 0;
		kept = cJSON_CreateArray();
		if (kept == NULL || !cJSON_AddItemToObject(rule, "names", kept)) {
			cJSON_Delete(kept);
			return -1;
		}
		cJSON_DeleteItemFromObjectCaseSensitive(rule, "name");
		return 0;
	}
	if (!cJSON_IsArray(names))
		return 0;
	/* Compared first, freed after: dead's names point into this array. */
	kept = cJSON_CreateArray();
	if (kept == NULL)
		return -1;
	for (cJSON *item = names->child; item; item = item->next)
		if (!cJSON_IsString(item) || !rule_order_is_dead(dead, index, item->valuestring))
			if (!cJSON_AddItemToArray(kept, cJSON_Duplicate(item, 1))) {
				cJSON_Delete(kept);
				return -1;
			}
	return cJSON_ReplaceItemInObjectCaseSensitive(rule, "names", kept) ? 0 : (cJSON_Delete(kept), -1);
}

int rule_order_drop(cJSON *rules, const struct dead_names *dead)
{
	size_t index = 0;

	/* Highest rule first, so that no name still to be compared has been freed. */
	if (dead->count == 0)
		return 0;
	size_t rule_count = (size_t)cJSON_GetArraySize(rules);
	cJSON **at = malloc(rule_count * sizeof(at[0]));
	if (at == NULL)
		return -1;
	for (cJSON *rule = rules->child; rule; rule = rule->next)
		at[index++] = rule;
	int status = 0;
	for (size_t i = dead->count; i-- > 0 && status == 0;) {
		if (i + 1 < dead->count && dead->items[i].rule == dead->items[i + 1].rule)
			continue;
		status = drop_names(at[dead->items[i].rule], dead->items[i].rule, dead);
	}
	free(at);
	return status;
}

void rule_order_free(struct dead_names *dead)
{
	if (dead == NULL)
		return;
	free(dead->items);
	memset(dead, 0, sizeof(*dead));
}
