/*
 * profile_set: completing the set of allowed syscalls.
 */
#include "policy/profile_set.h"

#include "policy/arg_rules.h"
#include "policy/docker_default.h"
#include "policy/runtime_baseline.h"
#include "policy/successors.h"

#include <stdio.h>
#include <string.h>

const char *profile_set_risky_capability(const char *name)
{
	const char *cap = docker_default_capability(name);
	return cap != NULL && !docker_default_has_capability(cap) ? cap : NULL;
}

/* Adds a space-separated list of kernel names to set; returns how many were new. */
static size_t add_name_list(struct syscall_catalog *catalog, const char *list, struct syscall_set *set,
                            size_t *present)
{
	size_t added = 0;
	char name[SYSCALL_NAME_MAX + 1];

	while (*list != '\0') {
		size_t length = strcspn(list, " ");
		if (length <= SYSCALL_NAME_MAX) {
			memcpy(name, list, length);
			name[length] = '\0';
			int id = syscall_catalog_intern(catalog, name);
			if (id >= 0 && !syscall_set_has(set, id)) {
				syscall_set_add(set, id);
				added++;
			} else if (id >= 0 && present != NULL) {
				(*present)++;
			}
		}
		list += length;
		list += strspn(list, " ");
	}
	return added;
}

size_t profile_set_risky(const struct syscall_catalog *catalog, const struct syscall_set *set,
                         const struct additions *added, struct risky_syscall *out)
{
	size_t count = 0;

	for (size_t id = 0; id < catalog->count; id++) {
		const char *cap = profile_set_risky_capability(syscall_catalog_name(catalog, (int)id));
		if (cap != NULL && syscall_set_has(set, (int)id) && !syscall_set_has(&added->by_user, (int)id))
			out[count++] = (struct risky_syscall){ (int)id, cap };
	}
	return count;
}

bool profile_set_always_given(const char *runtime, const char *name)
{
	if (arch_in_vdso(name))
		return true;
	if (syscall_names_list_holds(runtime_always_needed, name))
		return true;
	for (const struct runtime_baseline *baseline = runtime_baseline_find(runtime); baseline;
	     baseline = baseline->extends ? runtime_baseline_find(baseline->extends) : NULL)
		if (syscall_names_list_holds(baseline->syscalls, name))
			return true;
	return false;
}

int profile_set_user_name(struct syscall_catalog *catalog, const char *option, const char *name, char *message,
                          size_t size)
{
	int id = syscall_catalog_intern(catalog, name);
	char arches[256];

	if (id >= 0)
		return id;
	arch_list_describe(&catalog->arches, arches, sizeof(arches));
	const struct falco_event_name *row = syscall_names_lookup(name, strlen(name));
	if (row != NULL && row->own != NULL && strcmp(row->own, name) != 0)
		snprintf(message, size, "%s %s: '%s' is Falco's name; the kernel's is '%s'", option, name, name, row->own);
	else
		snprintf(message, size, "%s %s: no such syscall on %s", option, name, arches);
	return -1;
}

/* Adds the names of a JSON array of strings; returns how many were new. */
static size_t add_json_names(struct syscall_catalog *catalog, const cJSON *names, struct syscall_set *set)
{
	size_t added = 0;

	for (const cJSON *item = names->child; item; item = item->next) {
		int id = syscall_catalog_intern(catalog, item->valuestring);
		if (id >= 0 && !syscall_set_has(set, id)) {
			syscall_set_add(set, id);
			added++;
		}
	}
	return added;
}

/* Adds the vDSO's syscalls of every target architecture, and names them for the summary. */
static void add_vdso(struct syscall_catalog *catalog, struct syscall_set *set, struct additions *added)
{
	struct syscall_set vdso;
	size_t used = 0;

	memset(&vdso, 0, sizeof(vdso));
	for (size_t a = 0; a < catalog->arches.count; a++)
		add_name_list(catalog, arch_vdso(catalog->arches.tokens[a]), &vdso, NULL);
	added->vdso_names[0] = '\0';
	for (size_t id = 0; id < catalog->count; id++) {
		if (!syscall_set_has(&vdso, (int)id))
			continue;
		if (used < sizeof(added->vdso_names))
			used += (size_t)snprintf(added->vdso_names + used, sizeof(added->vdso_names) - used, "%s%s",
			                         used ? ", " : "", syscall_catalog_name(catalog, (int)id));
		if (!syscall_set_has(set, (int)id)) {
			syscall_set_add(set, (int)id);
			added->vdso++;
		}
	}
}

int profile_set_finish(struct syscall_catalog *catalog, const struct set_choices *opts,
                       const struct profile_input *merged, size_t count, struct syscall_set *set,
                       struct additions *added, char *message, size_t size)
{
	memset(added, 0, sizeof(*added));
	for (size_t i = 0; i < count; i++)
		added->merged += add_json_names(catalog, merged[i].allow_names, set) +
		                 add_json_names(catalog, merged[i].arg_names, set);
	added->always = add_name_list(catalog, runtime_always_needed, set, NULL);
	add_vdso(catalog, set, added);
	for (const struct runtime_baseline *baseline = runtime_baseline_find(opts->runtime); baseline;
	     baseline = baseline->extends ? runtime_baseline_find(baseline->extends) : NULL)
		added->baseline += add_name_list(catalog, baseline->syscalls, set, &added->baseline_present);
	for (size_t i = 0; i < opts->add_count; i++) {
		int id = profile_set_user_name(catalog, "--add", opts->add[i], message, size);
		if (id < 0)
			return -1;
		if (!syscall_set_has(set, id))
			added->added++;
		syscall_set_add(set, id);
		syscall_set_add(&added->by_user, id);
	}
	/* clone3 answers ENOSYS, so the C library falls back to clone. */
	int clone3 = syscall_catalog_intern(catalog, "clone3");
	int clone = syscall_catalog_intern(catalog, "clone");
	if (clone3 >= 0 && clone >= 0 && syscall_set_has(set, clone3) && !syscall_set_has(set, clone) &&
	    arg_rule_active(opts->arg_rules, ARG_RULE_CLONE3)) {
		syscall_set_add(set, clone);
		added->clone_fallback = true;
	}
	for (size_t id = 0; opts->deny_risky && id < catalog->count; id++)
		if (syscall_set_has(set, (int)id) && !syscall_set_has(&added->by_user, (int)id) &&
		    profile_set_risky_capability(syscall_catalog_name(catalog, (int)id)) != NULL) {
			syscall_set_remove(set, (int)id);
			added->risky_denied++;
		}
	for (size_t i = 0; i < opts->remove_count; i++) {
		int id = profile_set_user_name(catalog, "--remove", opts->remove[i], message, size);
		if (id < 0)
			return -1;
		if (syscall_set_has(set, id))
			added->removed++;
		syscall_set_remove(set, id);
	}
	return 0;
}
