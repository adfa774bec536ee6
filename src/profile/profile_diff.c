/*
 * profile_diff: the meaning of two profiles compared, in n log n: the
 * names each allows sorted and merged, the other rules made canonical once
 * each and looked up by halving.
 */
#include "profile/profile_diff.h"

#include "profile/json_writer.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* Adds to names every syscall that some allowing rule of profile names (plain or with conditions). */
static void allowed_names(const struct profile_input *profile, cJSON *names)
{
	const cJSON *lists[] = { profile->allow_names, profile->arg_names };

	for (size_t l = 0; l < 2; l++)
		for (const cJSON *item = lists[l]->child; item; item = item->next)
			cJSON_AddItemToArray(names, cJSON_CreateString(item->valuestring));
	for (const cJSON *rule = profile->other_rules->child; rule; rule = rule->next) {
		const cJSON *action = cJSON_GetObjectItemCaseSensitive(rule, "action");
		const cJSON *list = cJSON_GetObjectItemCaseSensitive(rule, "names");
		const cJSON *single = cJSON_GetObjectItemCaseSensitive(rule, "name");
		if (!profile_action_allows(action->valuestring))
			continue;
		if (cJSON_IsString(single))
			cJSON_AddItemToArray(names, cJSON_CreateString(single->valuestring));
		for (const cJSON *item = list ? list->child : NULL; item; item = item->next)
			cJSON_AddItemToArray(names, cJSON_CreateString(item->valuestring));
	}
}

/* The strings of names (a cJSON array), sorted, each once, into a new array (caller frees); NULL without memory. */
static const char **sorted_names(const cJSON *names, size_t *count)
{
	size_t total = (size_t)cJSON_GetArraySize(names), kept = 0;
	const char **out = malloc((total + 1) * sizeof(out[0]));

	if (out == NULL)
		return NULL;
	for (const cJSON *item = names->child; item; item = item->next)
		out[kept++] = item->valuestring;
	qsort(out, kept, sizeof(out[0]), text_compare_strings);
	*count = 0;
	for (size_t i = 0; i < kept; i++)
		if (*count == 0 || strcmp(out[*count - 1], out[i]) != 0)
			out[(*count)++] = out[i];
	return out;
}

/* Fills out (room for every name of mine) with the sorted names of mine not in theirs, two sorted lists. */
static size_t names_only_in(const char **mine, size_t mine_count, const char **theirs, size_t theirs_count,
                            const char **out)
{
	size_t count = 0, j = 0;

	for (size_t i = 0; i < mine_count; i++) {
		while (j < theirs_count && strcmp(theirs[j], mine[i]) < 0)
			j++;
		if (j == theirs_count || strcmp(theirs[j], mine[i]) != 0)
			out[count++] = mine[i];
	}
	return count;
}

/* The canonical text of every rule of rules (a cJSON array), in a new array (caller frees with free_texts). */
static char **canonical_rules(const cJSON *rules, size_t *count)
{
	char **texts = calloc((size_t)cJSON_GetArraySize(rules) + 1, sizeof(texts[0]));

	*count = 0;
	for (const cJSON *rule = rules->child; texts != NULL && rule; rule = rule->next) {
		texts[*count] = json_to_canonical_line(rule);
		if (texts[(*count)++] == NULL) {
			for (size_t i = 0; i < *count; i++)
				free(texts[i]);
			free(texts);
			return NULL;
		}
	}
	return texts;
}

static void free_texts(char **texts, size_t count)
{
	for (size_t i = 0; texts != NULL && i < count; i++)
		free(texts[i]);
	free(texts);
}

static int compare_texts(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Fills out with the rules of mine whose meaning none of theirs has, in
 * mine's order; returns how many, or -1 without memory. Each rule is made
 * canonical once, and looked up among theirs, sorted, by halving.
 */
static long rules_only_in(const cJSON *mine, const cJSON *theirs, const cJSON **out)
{
	size_t mine_count, theirs_count, count = 0, i = 0;
	char **mine_texts = canonical_rules(mine, &mine_count);
	char **theirs_texts = canonical_rules(theirs, &theirs_count);

	if (mine_texts == NULL || theirs_texts == NULL) {
		free_texts(mine_texts, mine_count);
		free_texts(theirs_texts, theirs_count);
		return -1;
	}
	qsort(theirs_texts, theirs_count, sizeof(theirs_texts[0]), compare_texts);
	for (const cJSON *rule = mine->child; rule; rule = rule->next, i++)
		if (bsearch(&mine_texts[i], theirs_texts, theirs_count, sizeof(theirs_texts[0]), compare_texts) == NULL)
			out[count++] = rule;
	free_texts(mine_texts, mine_count);
	free_texts(theirs_texts, theirs_count);
	return (long)count;
}

static bool same_arches(const struct arch_list *a, const struct arch_list *b)
{
	if (a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++)
		if (a->tokens[i] != b->tokens[i])
			return false;
	return true;
}

int profile_diff_compute(const struct profile_input *old, const struct profile_input *new, struct profile_diff *diff)
{
	size_t old_count = 0, new_count = 0;
	long rules_added, rules_removed;

	memset(diff, 0, sizeof(*diff));
	diff->old = old;
	diff->new = new;
	diff->old_names = cJSON_CreateArray();
	diff->new_names = cJSON_CreateArray();
	if (diff->old_names == NULL || diff->new_names == NULL)
		return -1;
	allowed_names(old, diff->old_names);
	allowed_names(new, diff->new_names);
	diff->old_sorted = sorted_names(diff->old_names, &old_count);
	diff->new_sorted = sorted_names(diff->new_names, &new_count);
	/* Every name any allowing rule of the profile names may be one the other lacks. */
	diff->added = calloc(new_count + 1, sizeof(diff->added[0]));
	diff->removed = calloc(old_count + 1, sizeof(diff->removed[0]));
	diff->rules_added = calloc((size_t)cJSON_GetArraySize(new->other_rules) + 1, sizeof(diff->rules_added[0]));
	diff->rules_removed = calloc((size_t)cJSON_GetArraySize(old->other_rules) + 1, sizeof(diff->rules_removed[0]));
	if (diff->old_sorted == NULL || diff->new_sorted == NULL || diff->added == NULL || diff->removed == NULL ||
	    diff->rules_added == NULL || diff->rules_removed == NULL)
		return -1;
	diff->added_count = names_only_in(diff->new_sorted, new_count, diff->old_sorted, old_count, diff->added);
	diff->removed_count = names_only_in(diff->old_sorted, old_count, diff->new_sorted, new_count, diff->removed);
	rules_added = rules_only_in(new->other_rules, old->other_rules, diff->rules_added);
	rules_removed = rules_only_in(old->other_rules, new->other_rules, diff->rules_removed);
	if (rules_added < 0 || rules_removed < 0)
		return -1;
	diff->rules_added_count = (size_t)rules_added;
	diff->rules_removed_count = (size_t)rules_removed;
	diff->action_changed = strcmp(old->default_action, new->default_action) != 0 ||
	                       old->has_errno_ret != new->has_errno_ret || old->errno_ret != new->errno_ret;
	diff->arches_changed = !same_arches(&old->arches, &new->arches);
	return 0;
}

bool profile_diff_empty(const struct profile_diff *diff)
{
	return !(diff->added_count || diff->removed_count || diff->rules_added_count || diff->rules_removed_count ||
	         diff->action_changed || diff->arches_changed);
}

void profile_diff_free(struct profile_diff *diff)
{
	free(diff->old_sorted);
	free(diff->new_sorted);
	free(diff->added);
	free(diff->removed);
	free(diff->rules_added);
	free(diff->rules_removed);
	cJSON_Delete(diff->old_names);
	cJSON_Delete(diff->new_names);
	memset(diff, 0, sizeof(*diff));
}
