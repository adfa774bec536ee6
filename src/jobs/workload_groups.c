/*
 * workload_groups: --group-by: containers united into workloads by a key,
 * and a safe, unique file name for each, in n log n.
 */
#include "jobs/workload_groups.h"

#include "jobs/output_names.h"
#include "jobs/workload.h"

#include "report/report.h"
#include "report/results.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A container and the key of the workload it belongs to, for sorting. */
struct keyed_container {
	char key[256];    /* the value of the field grouped by */
	size_t container; /* its index in the scan */
};

static int compare_keyed(const void *a, const void *b)
{
	const struct keyed_container *x = a, *y = b;
	int diff = strcmp(x->key, y->key);

	return diff != 0 ? diff : (x->container > y->container) - (x->container < y->container);
}

/* File names taken so far, in an open-addressed table of 2 * capacity slots. */
struct name_table {
	const char **slots; /* borrowed names, NULL when free */
	size_t size;        /* slots */
};

/* Finds name's slot: where it is, or the free one where it would go. */
static const char **name_slot(const struct name_table *table, const char *name)
{
	size_t slot = text_hash(name, strlen(name), 0) % table->size;

	while (table->slots[slot] != NULL && strcmp(table->slots[slot], name) != 0)
		slot = (slot + 1) % table->size;
	return &table->slots[slot];
}

/*
 * Gives each workload, in key order, a file name that is safe and unique:
 * its key made DNS-1123, or with -2, -3, ... where an earlier workload took
 * it. Taken names are looked up in a hash table, and the suffixes of a base
 * name go on from where its last workload stopped, so that many keys of one
 * base cost no more than few (they were once cubic).
 */
static enum run_status name_workloads(bool quiet, struct report *report, struct workload_found *found)
{
	struct name_table taken = { calloc(2 * found->group_count + 1, sizeof(const char *)), 2 * found->group_count + 1 };
	struct name_table bases = { calloc(2 * found->group_count + 1, sizeof(const char *)), 2 * found->group_count + 1 };
	unsigned *next_suffix = calloc(2 * found->group_count + 1, sizeof(unsigned));
	char (*base_names)[sizeof(found->groups[0].file) - 8] = calloc(found->group_count + 1, sizeof(*base_names));

	if (taken.slots == NULL || bases.slots == NULL || next_suffix == NULL || base_names == NULL) {
		free(taken.slots);
		free(bases.slots);
		free(next_suffix);
		free(base_names);
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	for (size_t g = 0; g < found->group_count; g++) {
		struct workload_profile *group = &found->groups[g];
		char *base = base_names[g];
		output_names_dns1123(group->key, base, sizeof(base_names[0]));
		const char **base_slot = name_slot(&bases, base);
		size_t base_index = (size_t)(base_slot - bases.slots);
		if (*base_slot == NULL) {
			*base_slot = base;
			next_suffix[base_index] = 2;
		}
		snprintf(group->file, sizeof(group->file), "%s", base);
		while (*name_slot(&taken, group->file) != NULL)
			snprintf(group->file, sizeof(group->file), "%s-%u", base, next_suffix[base_index]++);
		*name_slot(&taken, group->file) = group->file;
		if (strcmp(base, group->file) != 0)
			report_say(report, "workload \"%s\" is named %s: another workload took %s first", group->key,
			            group->file, base);
		else if (strcmp(base, group->key) != 0 && !quiet)
			report_say(report, "workload \"%s\" is named %s (file and object names hold only a-z, 0-9, "
			            "'-' and '.')", group->key, base);
	}
	free(taken.slots);
	free(bases.slots);
	free(next_suffix);
	free(base_names);
	return RUN_OK;
}

/*
 * Unites the containers into the workloads of --group-by, in key order:
 * the containers are sorted by key and each run of one key is a workload.
 * Pause containers are left out, and so are containers without the field
 * (counted). Returns a status.
 */
enum run_status group_workloads(enum workload_group by, bool quiet, const struct scan *scan, size_t label_key_count,
                                struct report *report, struct workload_found *found)
{
	size_t label_index = label_key_count > 0 ? label_key_count - 1 : 0, keyed = 0;
	struct keyed_container *keys = calloc(scan->container_count + 1, sizeof(keys[0]));

	found->groups = calloc(scan->container_count + 1, sizeof(found->groups[0]));
	if (found->groups == NULL || keys == NULL) {
		free(keys);
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	for (size_t i = 0; i < scan->container_count; i++) {
		const struct scan_container *c = &scan->containers[i];
		if (workload_is_infrastructure(c)) {
			found->infrastructure++;
			continue;
		}
		if (!workload_key(by, c, label_index, keys[keyed].key, sizeof(keys[keyed].key))) {
			found->ungrouped++;
			continue;
		}
		keys[keyed++].container = i;
	}
	qsort(keys, keyed, sizeof(keys[0]), compare_keyed);
	for (size_t k = 0; k < keyed; k++) {
		const struct scan_container *c = &scan->containers[keys[k].container];
		if (found->group_count == 0 || strcmp(found->groups[found->group_count - 1].key, keys[k].key) != 0)
			snprintf(found->groups[found->group_count++].key, sizeof(found->groups[0].key), "%s", keys[k].key);
		struct workload_profile *group = &found->groups[found->group_count - 1];
		group->containers++;
		group->events += c->events;
		syscall_set_union(&group->syscalls, &c->syscalls);
		arg_facts_unite(&group->facts, &c->facts);
		container_life_unite(&group->life, &c->life);
		scan_provenance_unite(&group->provenance, &c->provenance);
	}
	free(keys);
	return name_workloads(quiet, report, found);
}
