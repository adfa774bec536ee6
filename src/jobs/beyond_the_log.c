/*
 * beyond_the_log: what a profile gets beyond what the log shows: newer
 * syscalls answered with ENOSYS, the companions the log's calls need, the
 * generic calls of architectures that lack a legacy one, and the explicit
 * refusals of an audit profile.
 */
#include "jobs/beyond_the_log.h"

#include "jobs/options.h"

#include "policy/companions.h"
#include "policy/docker_default.h"
#include "policy/successors.h"
#include "profile/seccomp_filter.h"
#include "report/report.h"
#include "syscalls/equivalents.h"

#include "text/text.h"

#include <seccomp.h>
#include <stdlib.h>
#include <string.h>

/* The names Docker's default refuses, gathered from every target architecture. */
struct refused_names {
	char **names;     /* owned, each owned */
	size_t count;
	size_t capacity;
	bool failed;      /* memory ran out */
};

static void gather_refused(const char *name, void *context)
{
	struct refused_names *list = context;

	if (list->failed || !docker_default_refuses(name))
		return;
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->names[i], name) == 0)
			return;
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? 2 * list->capacity : 64;
		char **grown = realloc(list->names, capacity * sizeof(grown[0]));
		if (grown == NULL) {
			list->failed = true;
			return;
		}
		list->names = grown;
		list->capacity = capacity;
	}
	if ((list->names[list->count] = strdup(name)) == NULL)
		list->failed = true;
	else
		list->count++;
}

/*
 * What an audit profile refuses explicitly, as Docker's default does: the
 * argument rules' refusals (arg_rules_add_audit) and every syscall of the
 * target architectures that Docker refuses a default container (its file
 * allows it only with another capability, or not at all) and the set does
 * not allow. Returns 0, or -1 when memory runs out.
 */
int add_audit_refusals(const struct options *opts, const struct syscall_catalog *catalog, struct report *report,
                       const struct syscall_set *set, const struct arg_facts *facts, cJSON *rules,
                       struct arg_rule_plan *plan)
{
	struct refused_names all = { NULL, 0, 0, false };
	const char **refused = NULL;
	size_t kept = 0;
	int status = -1;

	for (size_t a = 0; a < catalog->arches.count; a++)
		if (syscall_names_each(catalog->arches.tokens[a], gather_refused, &all) < 0)
			all.failed = true;
	if (all.failed || (all.count > 0 && (refused = malloc(all.count * sizeof(refused[0]))) == NULL))
		goto done;
	qsort(all.names, all.count, sizeof(all.names[0]), text_compare_strings);
	for (size_t i = 0; i < all.count; i++) {
		int id = syscall_catalog_find(catalog, all.names[i]);
		if (id < 0 || !syscall_set_has(set, id))
			refused[kept++] = all.names[i];
	}
	/* What --remove names is refused too: under the logging default it would run. */
	const char **all_refused = refused;
	if (opts->remove.count > 0) {
		all_refused = realloc(refused, (kept + opts->remove.count) * sizeof(refused[0]));
		if (all_refused == NULL)
			goto done;
		refused = all_refused;
		for (size_t i = 0; i < opts->remove.count; i++) {
			bool listed = false;
			for (size_t k = 0; k < kept && !listed; k++)
				listed = strcmp(refused[k], opts->remove.items[i]) == 0;
			if (!listed && syscall_exists_on_any(&catalog->arches, opts->remove.items[i]))
				refused[kept++] = opts->remove.items[i];
		}
	}
	if (arg_rules_add_audit(rules, &catalog->arches, plan, facts, &opts->arg_rules, refused, kept) != 0)
		goto done;
	if (plan->socket_logged && !opts->quiet)
		report_say(report, "socket calls are logged, not allowed by family: libseccomp filters 32-bit x86's "
		            "socket through socketcall, whose arguments it cannot read, so an allowing family rule cannot "
		            "stand beside the refusals of AF_ALG and AF_VSOCK; give --arch without x86 to allow the logged "
		            "families quietly");
	status = 0;
done:
	for (size_t i = 0; i < all.count; i++)
		free(all.names[i]);
	free(all.names);
	free(refused);
	return status;
}

/*
 * Answers with ENOSYS each newer syscall whose older one set allows
 * (policy/successors.h), noting them in plan; returns 0, or -1 when memory
 * runs out.
 */
int add_enosys(const struct syscall_catalog *catalog, const struct syscall_set *set, cJSON *rules,
               struct arg_rule_plan *plan)
{
	const struct successor *rows[SUCCESSORS_MAX];
	size_t count = successors_wanted(catalog, set, rows);

	/* clone3 is the argument rules' own, Docker's. */
	plan->enosys_count = 0;
	for (size_t i = 0; i < count && plan->enosys_count < ARG_ENOSYS_MAX; i++)
		if (strcmp(rows[i]->newer, "clone3") != 0) {
			plan->enosys_older[plan->enosys_count] = rows[i]->older;
			plan->enosys[plan->enosys_count++] = rows[i]->newer;
		}
	return arg_rules_add_enosys(rules, &catalog->arches, plan->enosys, plan->enosys_count);
}

/*
 * Names the companions the log calls for and set lacks (policy/companions.h),
 * and with --companions adds them, but for those --remove names.
 */
void take_companions(const struct options *opts, struct syscall_catalog *catalog, struct report *report,
                     const struct run_results *results, const struct arg_facts *facts,
                     const struct syscall_set *observed, struct syscall_set *set)
{
	struct companion_need needs[COMPANIONS_MAX];
	size_t count = companions_missing(catalog, observed, set, facts->clones_seen && !facts->children_made, needs);

	for (size_t n = 0; opts->companions && n < count; n++) {
		size_t kept = 0;
		for (size_t m = 0; m < needs[n].missing_count; m++) {
			int id = needs[n].missing[m];
			bool removed = false;
			for (size_t r = 0; r < opts->remove.count; r++)
				removed |= strcmp(opts->remove.items[r], syscall_catalog_name(catalog, id)) == 0;
			if (removed)
				continue;
			syscall_set_add(set, id);
			needs[n].missing[kept++] = id;
		}
		needs[n].missing_count = kept;
	}
	report_companions(report, results, needs, count, opts->companions);
}

/*
 * Allows, where every target architecture needs them, the generic calls
 * that stand for observed legacy ones (syscalls/equivalents.h): clone for
 * fork on any of them, so that clone's rule applies. Those only some
 * architectures need are written by profile_writer_write for those alone.
 */
void take_equivalents(struct syscall_catalog *catalog, struct report *report, const struct run_results *results,
                      struct syscall_set *set)
{
	struct equivalent_need needs[EQUIVALENT_NEEDS_MAX];
	size_t count = equivalents_needed(catalog, set, needs);
	uint32_t all = catalog->arches.count >= 32 ? UINT32_MAX : (1u << catalog->arches.count) - 1;

	for (size_t n = 0; n < count; n++)
		if (needs[n].arches == all || strcmp(needs[n].name, "clone") == 0)
			syscall_set_add(set, syscall_catalog_find(catalog, needs[n].name));
	report_equivalents(report, results, needs, count);
}

/*
 * The generic calls only some of the target architectures need, allowed for
 * those alone (includes.arches: moby, containers/common and containerd
 * weigh it; the oci and spo formats keep what applies to their
 * architecture): one rule per set of architectures. Returns 0, or -1 when
 * memory runs out.
 */
void widen_by_equivalents(struct syscall_catalog *catalog, struct syscall_set *set)
{
	struct equivalent_need needs[EQUIVALENT_NEEDS_MAX];
	size_t count = equivalents_needed(catalog, set, needs);

	for (size_t n = 0; n < count; n++)
		syscall_set_add(set, syscall_catalog_find(catalog, needs[n].name));
}

int add_equivalents(struct syscall_catalog *catalog, const struct syscall_set *set, cJSON *rules)
{
	struct equivalent_need needs[EQUIVALENT_NEEDS_MAX];
	size_t count = equivalents_needed(catalog, set, needs);
	bool done[EQUIVALENT_NEEDS_MAX] = { false };

	for (size_t n = 0; n < count; n++) {
		if (done[n])
			continue;
		cJSON *rule = cJSON_CreateObject(), *names = cJSON_AddArrayToObject(rule, "names");
		if (rule == NULL || names == NULL || !cJSON_AddItemToArray(rules, rule)) {
			cJSON_Delete(rule);
			return -1;
		}
		for (size_t m = n; m < count; m++)
			if (!done[m] && needs[m].arches == needs[n].arches) {
				done[m] = true;
				cJSON_AddItemToArray(names, cJSON_CreateString(needs[m].name));
			}
		cJSON *includes = cJSON_AddObjectToObject(rule, "includes");
		cJSON *arches = includes ? cJSON_AddArrayToObject(includes, "arches") : NULL;
		if (arches == NULL || cJSON_AddStringToObject(rule, "action", "SCMP_ACT_ALLOW") == NULL)
			return -1;
		/*
		 * moby weighs includes.arches against the host's architecture, not the
		 * calling process's: a need of a compat ABI (arm under arm64) is its host's.
		 */
		uint32_t hosts[ARCH_MAX];
		size_t host_count = seccomp_filter_hosts(&catalog->arches, hosts, ARCH_MAX);
		for (size_t h = 0; h < host_count; h++)
			for (size_t a = 0; a < catalog->arches.count && a < 32; a++)
				if (needs[n].arches >> a & 1 && seccomp_filter_runs_on(hosts[h], catalog->arches.tokens[a])) {
					if (!profile_list_has(arches, arch_moby_name(hosts[h])))
						cJSON_AddItemToArray(arches, cJSON_CreateString(arch_moby_name(hosts[h])));
				}
	}
	return 0;
}
