/*
 * summary: the sentences of a run on standard error: what was read, what
 * the profile allows and why, the argument rules, the runtime's setup,
 * --check's findings and the profiles written.
 */
#include "report/report.h"
#include "policy/filter_judge.h"
#include "scan/scan.h"

#include "input/log_source.h"
#include "policy/docker_default.h"
#include "profile/json_writer.h"
#include "policy/runtime_baseline.h"
#include "policy/successors.h"

#include <seccomp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PROGRAM F2S_PROGRAM

/* Warns about event names that are no syscall; returns how many there were. */
size_t report_unknown_names(struct report *report, const struct run_results *res)
{
	char arches[256];
	size_t count = 0;

	arch_list_describe(res->arches, arches, sizeof(arches));
	for (size_t i = 0; i < res->translator->count; i++) {
		const struct translation *t = &res->translator->entries[i];
		if (t->equivalent && !report->quiet && report->format == REPORT_TEXT) {
			char list[160];
			size_t used = 0;
			list[0] = '\0';
			for (int k = 0; k < t->direct_count && used < sizeof(list); k++)
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s", k ? ", " : "",
				                         syscall_catalog_name(res->catalog, t->ids[k]));
			report_say(report, "%s:%llu: '%s' is not a syscall on %s; its C library makes %s there instead, "
			            "allowed (the kernel's generic table)", report_file_name(report, t->first.file),
			            (unsigned long long)t->first.line, t->falco, arches, list);
		}
		if (t->kind != TRANSLATION_UNKNOWN)
			continue;
		if (++count <= SCAN_REPORTS_MAX)
			report_say(report, "%s:%llu: '%s' is not a syscall on %s; %s", report_file_name(report, t->first.file),
			     (unsigned long long)t->first.line, t->falco, arches,
			     report->strict ? "--strict stops here" : "left out of the profile");
	}
	if (count > SCAN_REPORTS_MAX)
		report_say(report, "%zu more names that are no syscall on %s were left out", count - SCAN_REPORTS_MAX, arches);
	if (res->translator->names_not_remembered > 0) {
		count++;
		report_say(report, "%llu events had names beyond the first %d distinct ones; those that are no syscall "
		     "were left out without a report of their own",
		     (unsigned long long)res->translator->names_not_remembered, TRANSLATE_NAMES_MAX);
	}
	if (res->translator->catalog_full) {
		count++;
		report_say(report, "more than %d distinct syscall names: some were left out", SYSCALL_NAMES_MAX);
	}
	return count;
}

/* Warns about Falco's drop alerts; returns true when there were any. */
bool report_drops(struct report *report, const struct run_results *res)
{
	if (res->scan->drop_alerts == 0)
		return false;
	report_say(report, "%s:%llu: %s: the log has %llu 'syscall event drop' alerts, the first here (%llu events lost): "
	     "Falco missed events, so the profile may miss syscalls; record again with fewer events or a "
	     "larger buffer (see falco2seccomp(1))",
	     report_file_name(report, res->scan->first_drop.file), (unsigned long long)res->scan->first_drop.line,
	     report->strict ? "error" : "warning", (unsigned long long)res->scan->drop_alerts,
	     (unsigned long long)res->scan->drops);
	return true;
}

static void summarize_translations(struct report *report, const struct run_results *res)
{
	char text[1024];
	size_t used = 0;

	text[0] = '\0';
	const struct syscall_set *apart = &res->scan->families_told;
	char kept[512];
	size_t kept_used = 0;
	kept[0] = '\0';
	for (size_t i = 0; i < res->translator->count && used < sizeof(text); i++) {
		const struct translation *t = &res->translator->entries[i];
		bool expanded = false;
		for (int k = t->own_count; t->expanded && k < t->direct_count && !expanded; k++)
			expanded = !syscall_set_has(apart, t->ids[k]);
		if (t->expanded && !expanded && t->events > 0 && kept_used < sizeof(kept))
			kept_used += (size_t)snprintf(kept + kept_used, sizeof(kept) - kept_used, "%s%s", kept_used ? ", " : "",
			                              t->falco);
		if (!expanded)
			continue;
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s ->", used ? "; " : "", t->falco);
		for (int k = 0; k < t->count && used < sizeof(text); k++)
			if (!syscall_set_has(&res->scan->families_apart, t->ids[k]))
				used += (size_t)snprintf(text + used, sizeof(text) - used, " %s",
				                         syscall_catalog_name(res->catalog, t->ids[k]));
	}
	if (used > 0)
		report_say(report, "expanded Falco family events (--exact turns this off): %s", text);
	if (res->scan->execveat_added)
		report_say(report, "added execveat beside execve: Falco 0.38 and later (the log carries evt.rawres) log a "
		            "successful execveat as execve");
	if (kept_used > 0)
		report_say(report, "read as themselves, not as families: %s (the log %s, so each call came under its own "
		            "name)", kept, res->scan->rawres_seen ? "carries evt.rawres, as Falco 0.38 and later write it"
		                                                  : "names the other members as events of their own");
	used = 0;
	text[0] = '\0';
	for (size_t i = 0; i < res->translator->count && used < sizeof(text); i++) {
		const struct translation *t = &res->translator->entries[i];
		if (t->kind == TRANSLATION_NOT_SYSCALL)
			used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s (%llu)", used ? ", " : "",
			                         t->falco, (unsigned long long)t->events);
	}
	if (used > 0)
		report_say(report, "left out events that are not syscalls: %s", text);
}

/* Says where an argument fact came from: a log line and its process, or a merged profile. */
static void describe_origin(struct report *report, const struct arg_origin *origin, char *text, size_t size)
{
	if (origin->profile != NULL)
		snprintf(text, size, "the merged profile %s allows it", origin->profile);
	else if (origin->process[0] != '\0')
		snprintf(text, size, "process '%s' needed it at %s:%llu", origin->process,
		         report_file_name(report, origin->where.file), (unsigned long long)origin->where.line);
	else
		snprintf(text, size, "needed at %s:%llu", report_file_name(report, origin->where.file),
		         (unsigned long long)origin->where.line);
}

/* Appends the names of the families in bits, as "AF_INET, AF_UNIX", to text. */
static size_t describe_families(uint64_t bits, char *text, size_t size, size_t used)
{
	const char *separator = "";

	for (unsigned family = 0; family < 64 && used < size; family++)
		if (bits >> family & 1) {
			const char *name = docker_socket_family_name(family);
			used += (size_t)(name ? snprintf(text + used, size - used, "%s%s", separator, name)
			                      : snprintf(text + used, size - used, "%s%u", separator, family));
			separator = ", ";
		}
	return used;
}

static bool set_has_name(const struct run_results *res, const struct syscall_set *set, const char *name)
{
	int id = syscall_catalog_find(res->catalog, name);
	return id >= 0 && syscall_set_has(set, id);
}

/* The summary of the argument rules: what was kept from Docker's default, and what was opened and why. */
void report_arg_rules(struct report *report, const struct run_results *res, const struct syscall_set *set, const struct syscall_set *observed,
                                const struct arg_facts *facts, const struct arg_rule_plan *plan)
{
	const struct arg_rule_choice *choice = res->arg_rules;
	char text[1024], origin[256];
	size_t used = 0;

	if (report->format != REPORT_TEXT)
		return;
	text[0] = '\0';
	if (plan->written[ARG_RULE_CLONE])
		used += (size_t)snprintf(text + used, sizeof(text) - used, "clone without namespace flags%s",
		                         facts->namespaces ? " but those the log needs" : "");
	if (plan->written[ARG_RULE_CLONE3] && used < sizeof(text))
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%sclone3 answers ENOSYS", used ? "; " : "");
	if (plan->written[ARG_RULE_PERSONALITY] && used < sizeof(text))
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%spersonality only with Docker's values",
		                         used ? "; " : "");
	for (int call = 0; call < ARG_SOCKET_CALLS && used < sizeof(text); call++) {
		enum arg_rule rule = call == ARG_SOCKET ? ARG_RULE_SOCKET : ARG_RULE_SOCKETPAIR;
		if (!plan->written[rule])
			continue;
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s ", used ? "; " : "",
		                         arg_socket_call_name((enum arg_socket_call)call));
		if (call == ARG_SOCKET && plan->socket_logged && used < sizeof(text)) {
			used += (size_t)snprintf(text + used, sizeof(text) - used, "logged, never AF_ALG or AF_VSOCK");
		} else if (plan->restricted[call] && used < sizeof(text)) {
			used += (size_t)snprintf(text + used, sizeof(text) - used, "only ");
			used = describe_families(plan->families[call], text, sizeof(text), used);
		} else if (used < sizeof(text)) {
			used += (size_t)snprintf(text + used, sizeof(text) - used, "never AF_ALG or AF_VSOCK");
		}
	}
	if (used > 0)
		report_say(report, "argument rules (Docker's default of %s, narrowed to the log): %s",
		            docker_default_version(), text);
	/* Every flag open: no rule is written, and clone is allowed as it is. */
	bool clone_open = !plan->written[ARG_RULE_CLONE] && arg_rule_active(choice, ARG_RULE_CLONE) &&
	                  set_has_name(res, set, "clone") && plan->clone_refused == 0;
	if (clone_open)
		report_warning(report, "clone is allowed with any flags: the log or the merged profiles need "
		            "every namespace flag Docker's rule refuses, each named below");
	for (size_t i = 0; (plan->written[ARG_RULE_CLONE] || clone_open) && i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if (facts->namespaces & docker_namespace_flags[i].value) {
			describe_origin(report, &facts->namespace_at[i], origin, sizeof(origin));
			report_say(report, "clone may use %s: %s", docker_namespace_flags[i].name, origin);
		}
	char closed[160];
	size_t closed_used = 0;
	const struct arg_origin *first = NULL;
	for (size_t i = 0; plan->written[ARG_RULE_CLONE] && i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if ((facts->untrusted_namespaces & docker_namespace_flags[i].value) &&
		    !(facts->namespaces & docker_namespace_flags[i].value) && closed_used < sizeof(closed)) {
			closed_used += (size_t)snprintf(closed + closed_used, sizeof(closed) - closed_used, "%s%s",
			                                closed_used ? ", " : "", docker_namespace_flags[i].name);
			if (first == NULL || facts->untrusted_at[i].where.line < first->where.line)
				first = &facts->untrusted_at[i];
		}
	if (first != NULL) {
		describe_origin(report, first, origin, sizeof(origin));
		report_say(report, "clone keeps %s closed: clone3 events name them (%s), but the log cannot tell the "
		            "parent's event from the child's, in which Falco may read flags the call was not made with; "
		            "print %%evt.rawres in the rule's output (examples/falco2seccomp_rules.yaml) to tell them "
		            "apart, or give --allow-namespaces if the workload creates namespaces", closed, origin);
	}
	for (int call = 0; call < ARG_SOCKET_CALLS; call++) {
		const char *name = arg_socket_call_name((enum arg_socket_call)call);
		const struct family_facts *families = &facts->families[call];
		enum arg_rule rule = call == ARG_SOCKET ? ARG_RULE_SOCKET : ARG_RULE_SOCKETPAIR;
		if (plan->restricted[call] || !arg_rule_active(choice, rule) || !set_has_name(res, observed, name))
			continue;
		if (families->unrestricted && families->why_at.profile != NULL) {
			report_say(report, "%s families are not restricted: %s (%s)", name, families->why, families->why_at.profile);
		} else if (families->unrestricted) {
			report_say(report, "%s families are not restricted: %s (first at %s:%llu)%s", name, families->why,
			     report_file_name(report, families->why_at.where.file), (unsigned long long)families->why_at.where.line,
			     call == ARG_SOCKET ? "; only AF_ALG and AF_VSOCK are refused, as Docker's default does" : "");
		} else {
			report_say(report, "%s families are not restricted: the log shows none (log evt.arg.domain: see "
			     "examples/falco2seccomp_rules.yaml)", name);
		}
	}
	if (plan->enosys_count > 0) {
		char pairs[512];
		size_t pairs_used = 0;
		for (size_t i = 0; i < plan->enosys_count && pairs_used < sizeof(pairs); i++)
			pairs_used += (size_t)snprintf(pairs + pairs_used, sizeof(pairs) - pairs_used, "%s%s (to %s)",
			                               i ? ", " : "", plan->enosys[i], plan->enosys_older[i]);
		report_say(report, "answered with ENOSYS, so that a newer C library falls back to the older call the log "
		            "shows: %zu, %s (--no-enosys leaves them to the default action)", plan->enosys_count, pairs);
	}
	if (choice->allow_namespaces && (set_has_name(res, set, "clone") || set_has_name(res, set, "clone3")))
		report_say(report, "--allow-namespaces: clone and clone3 may create namespaces");
	for (int rule = 0; rule < ARG_RULE_COUNT; rule++)
		if (choice->lifted[rule] && set_has_name(res, set, arg_rule_name((enum arg_rule)rule)))
			report_say(report, "--no-arg-rule %s: %s is allowed with any arguments", arg_rule_name((enum arg_rule)rule),
			     arg_rule_name((enum arg_rule)rule));
}

/*
 * Warns about each syscall in set that Docker's default allows only with a
 * capability a container lacks, or never, unless --add named it. observed
 * holds the syscalls seen in the log, whose first line and process are
 * told; container is the container's id in --all-containers, else NULL.
 * Returns how many were warned about.
 */
void report_risky(struct report *report, const struct run_results *res, const struct risky_syscall *risky,
                  size_t count, const struct syscall_set *observed, const char *container)
{
	size_t merged = 0, used = 0;
	char where[320], list[2048];

	list[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		int id = risky[i].id;
		const char *name = syscall_catalog_name(res->catalog, id);
		const char *cap = risky[i].capability;
		if (!syscall_set_has(observed, id) && syscall_set_has(res->audit_syscalls, id)) {
			/* A record's process names itself: what it says is a claim, and only --add takes it. */
			report_strictly(report, "%s is allowed, which Docker's default %s%s; the audit log's records made it "
			     "(--add %s keeps it, --deny-risky leaves such syscalls out)", name,
			     cap[0] ? "allows only with " : "never allows", cap, name);
			continue;
		}
		if (!syscall_set_has(observed, id)) {
			/* What merged profiles bring is told in one line. */
			if (used < sizeof(list))
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s (%s)", merged ? ", " : "", name,
				                         cap[0] ? cap : "never");
			merged++;
			continue;
		}
		if (container != NULL)
			snprintf(where, sizeof(where), "%s made it", container);
		else if (res->scan->first_process[id][0] != '\0')
			snprintf(where, sizeof(where), "process '%s' made it first at %s:%llu", res->scan->first_process[id],
			         report_file_name(report, res->scan->first_seen[id].file),
			         (unsigned long long)res->scan->first_seen[id].line);
		else
			snprintf(where, sizeof(where), "first made at %s:%llu", report_file_name(report, res->scan->first_seen[id].file),
			         (unsigned long long)res->scan->first_seen[id].line);
		if (cap[0] != '\0')
			report_strictly(report, "%s is allowed, which Docker's default allows only with %s; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", name, cap, where, name);
		else
			report_strictly(report, "%s is allowed, which Docker's default never allows; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", name, where, name);
	}
	if (merged > 0)
		report_strictly(report, "the merged profiles allow %zu syscalls that Docker's default allows only with a "
		     "capability (or never): %s; --deny-risky leaves them out, --add keeps one", merged, list);
}

void report_companions(struct report *report, const struct run_results *res, const struct companion_need *needs,
                       size_t count, bool added)
{
	/* Part of the summary: -q leaves it out of the text, documents keep it. */
	if (report->quiet && report->format == REPORT_TEXT)
		return;
	for (size_t n = 0; n < count; n++) {
		const struct companion_need *need = &needs[n];
		char names[256], where[320];
		size_t used = 0;
		int id = need->trigger;
		if (need->missing_count == 0)
			continue;
		names[0] = '\0';
		for (size_t m = 0; m < need->missing_count && used < sizeof(names); m++)
			used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s", m ? ", " : "",
			                         syscall_catalog_name(res->catalog, need->missing[m]));
		if (res->scan->first_seen[id].line > 0 && res->scan->first_process[id][0] != '\0')
			snprintf(where, sizeof(where), " ('%s' at %s:%llu)", res->scan->first_process[id],
			         report_file_name(report, res->scan->first_seen[id].file),
			         (unsigned long long)res->scan->first_seen[id].line);
		else if (res->scan->first_seen[id].line > 0)
			snprintf(where, sizeof(where), " (at %s:%llu)", report_file_name(report, res->scan->first_seen[id].file),
			         (unsigned long long)res->scan->first_seen[id].line);
		else
			where[0] = '\0';
		if (added)
			report_say(report, "--companions added %s for %s%s: %s", names,
			            syscall_catalog_name(res->catalog, id), where, need->row->reason);
		else
			report_warning(report, "the log shows %s%s but never %s, which the profile does not allow: %s; "
			            "--companions adds them", syscall_catalog_name(res->catalog, id), where, names,
			            need->row->reason);
	}
}

void report_equivalents(struct report *report, const struct run_results *res, const struct equivalent_need *needs,
                        size_t count)
{
	if (report->quiet && report->format == REPORT_TEXT)
		return;
	for (size_t a = 0; a < res->catalog->arches.count && a < 32; a++) {
		char list[512];
		size_t used = 0;
		for (size_t n = 0; n < count && used < sizeof(list); n++)
			if (needs[n].arches >> a & 1)
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s for %s", used ? ", " : "",
				                         needs[n].name, needs[n].legacy);
		if (used > 0)
			report_say(report, "%s has no such legacy call, so its C library makes the generic one, allowed there: "
			            "%s (the kernel's generic table)", arch_short_name(res->catalog->arches.tokens[a]), list);
	}
}

void report_life(struct report *report, const struct run_results *res)
{
	const struct container_life *life = &res->runtime->life;
	const struct scan *scan = res->scan;
	char names[64];

	if (report->quiet)
		return;
	if (life->runtime_events > 0) {
		container_life_describe(life->runtimes, names, sizeof(names));
		char restarts[256] = "";
		if (life->restarts > 0)
			snprintf(restarts, sizeof(restarts), ", and %llu more start%s of the container (a restart: %s executed "
			         "itself after the workload, then the workload started again)", (unsigned long long)life->restarts,
			         life->restarts == 1 ? "" : "s", names);
		report_say(report, "left out %llu events of the container runtime's own processes (%s), the first at "
		            "%s:%llu: the runtime's setup of the container, before its filter is loaded%s; what %s does "
		            "after loading it is the runtime baseline",
		            (unsigned long long)life->runtime_events, names,
		            report_file_name(report, life->first_runtime.file),
		            (unsigned long long)life->first_runtime.line, restarts, names);
	}
	if (scan->unplaced > 0) {
		container_life_describe(scan->unplaced_runtimes, names, sizeof(names));
		report_say(report, "%llu events had no container id yet (container.id \"\" or null), the first at "
		            "%s:%llu%s%s%s: processes Falco had not placed in a container, such as a runtime's stages; "
		            "they belong to no profile", (unsigned long long)scan->unplaced,
		            report_file_name(report, scan->first_unplaced.file),
		            (unsigned long long)scan->first_unplaced.line, names[0] ? " (" : "", names,
		            names[0] ? ")" : "");
	}
}

void report_summary(struct report *report, const struct run_results *res, const struct syscall_set *set, const struct additions *added)
{
	const struct scan *scan = res->scan;

	if (report->quiet || report->format != REPORT_TEXT)
		return;
	summarize_translations(report, res);
	size_t observed = translator_count_observed(res->translator, &scan->syscalls);
	report_say(report, "%llu events read, %llu of the named containers, %zu distinct syscalls observed (and %zu 32-bit x86 "
	     "names of them added)",
	     (unsigned long long)scan->events, (unsigned long long)scan->matched, observed,
	     syscall_set_count(&scan->syscalls) - observed);
	const struct runtime_baseline *baseline = runtime_baseline_find(res->runtime->used);
	char runtime[200];
	if (res->base_profile != NULL)
		snprintf(runtime, sizeof(runtime), "the runtime's needs left to the base profile %s",
		         res->base_profile);
	else if (baseline != NULL)
		snprintf(runtime, sizeof(runtime), "%zu from the %s baseline (%s%s)", added->baseline, baseline->name,
		         baseline->source,
		         res->runtime->from_log ? "; the log shows its processes"
		         : added->baseline == 0 && added->baseline_present > 0 ? "; all of it already allowed"
		         : res->runtime->given == NULL ? "; the log shows no runtime's processes, and crun's baseline, which "
		                                       "holds runc's, starts under both; --runtime runc narrows it"
		                                     : "");
	else
		snprintf(runtime, sizeof(runtime), "no runtime baseline (--runtime none)");
	report_say(report, "profile allows %zu syscalls: added %zu always needed (exit, exit_group), %zu of the vDSO, "
	     "%s, %zu from merged profiles, %zu by --add; removed %zu by --remove",
	     syscall_set_count(set), added->always, added->vdso, runtime, added->merged, added->added, added->removed);
	if (added->vdso > 0)
		report_say(report, "the vDSO's calls are always allowed (%s): no log shows them, and they are real "
		            "syscalls on a host whose clock the vDSO cannot read", added->vdso_names);
	if (added->clone_fallback)
		report_say(report, "added clone: clone3 answers ENOSYS, and the C library then falls back to clone");
	if (added->risky_denied > 0)
		report_say(report, "--deny-risky left out %zu syscalls that Docker's default allows only with a capability or never",
		     added->risky_denied);
	if (scan->bad_lines > 0)
		report_say(report, "%llu unusable lines were skipped", (unsigned long long)scan->bad_lines);
	if (scan->other_rules > 0)
		report_say(report, "skipped alerts of other rules about the named containers, which carry no syscall: %llu",
		     (unsigned long long)scan->other_rules);
}

void report_check_finding(struct report *report, const struct run_results *res, const char *path, const struct check_finding *finding)
{
	const char *name = syscall_catalog_name(res->catalog, finding->id);
	const struct location *at = &res->scan->first_seen[finding->id];
	char where[600];
	/* A syscall only the audit log showed has no line of the Falco log. */
	if (at->line > 0)
		snprintf(where, sizeof(where), "%s:%llu", report_file_name(report, at->file), (unsigned long long)at->line);
	else
		snprintf(where, sizeof(where), "the audit log");
	const char *cap = finding->judgement.needs_cap;
	char conditions[512], origin[256] = "";
	/* Recorded under the profile, a refused call fails with EPERM or ENOSYS: the program may have hidden it. */
	const char *refused = syscall_set_has(&res->scan->refused, finding->id)
	                      ? "; the log shows it failing with EPERM or ENOSYS, as the filter's refusal makes it, "
	                        "which the program may have hidden (a fallback, an address shown as ?:0)"
	                      : "";

	if (report->format != REPORT_TEXT)
		return;
	profile_judge_describe(&finding->judgement, name, conditions, sizeof(conditions));
	switch (finding->outcome) {
	case CHECK_ALLOWED:
		break;
	case CHECK_CONDITIONS_MET:
	case CHECK_CONDITIONS_UNKNOWN:
		if (!report->quiet)
			report_say(report, "%s: allowed by %s %s%s", name, path, conditions,
			            finding->outcome == CHECK_CONDITIONS_UNKNOWN
			                    ? " (the log does not show enough of its arguments to tell)"
			                    : ", as the log shows");
		break;
	case CHECK_CONDITIONS_FAILED:
		for (size_t i = 0; strcmp(name, "clone") == 0 && i < DOCKER_NAMESPACE_FLAG_COUNT && !origin[0]; i++)
			if (res->scan->facts.namespaces & docker_namespace_flags[i].value) {
				size_t used = (size_t)snprintf(origin, sizeof(origin), " (%s: ", docker_namespace_flags[i].name);
				describe_origin(report, &res->scan->facts.namespace_at[i], origin + used, sizeof(origin) - used - 1);
				strcat(origin, ")");
			}
		if (finding->filter_decided)
			report_say(report, "%s: %s, with the arguments the log shows, is refused by the filter libseccomp builds "
			            "from %s, as runc loads it%s", where, name, path, origin);
		else
			report_say(report, "%s: %s is allowed by %s %s, which the arguments in the log do not meet%s%s",
			            where, name, path, conditions, origin, refused);
		break;
	case CHECK_ENOSYS_FALLBACK:
		if (!report->quiet)
			report_say(report, "%s: answered with ENOSYS by %s; its caller then falls back to %s, which it allows",
			            name, path, successor_of(name) ? successor_of(name)->older : "the older call");
		break;
	case CHECK_DENIED:
		if (finding->filter_decided) {
			char action[48];
			seccomp_action_describe(finding->filter_action, action, sizeof(action));
			report_say(report, "%s: %s is not allowed by %s: the filter libseccomp builds from it, as runc loads it, "
			            "answers %s%s%s", where, name, path, action,
			            (finding->filter_action & 0xffff0000u) == 0x7ff00000u ? " (it runs only under a tracer)" : "",
			            refused);
		} else if (cap != NULL)
			report_say(report, "%s: %s is not allowed by %s without %s (--cap-add %s judges for a "
			            "container that has it)%s", where, name, path, cap, cap, refused);
		else
			report_say(report, "%s: %s is not allowed by %s%s", where, name, path, refused);
		break;
	}
}

void report_check_total(struct report *report, const char *path, size_t denied, size_t observed)
{
	if (!report->quiet && report->format == REPORT_TEXT)
		report_say(report, "%zu of %zu syscalls observed are not allowed by %s", denied, observed, path);
}

void report_flush(struct report *report, const char *dir, size_t written, uint64_t events, uint64_t broken,
                  size_t forgotten, size_t kept)
{
	/* A broken line of an endless stream is never fatal, and always told. */
	if (!report->quiet || broken > 0)
		report_say(report, "%s: %zu profile%s written; %llu events so far, %llu broken line%s; %zu container%s "
		           "idle since the last writing forgotten, %zu kept", dir, written, written == 1 ? "" : "s",
		           (unsigned long long)events, (unsigned long long)broken, broken == 1 ? "" : "s", forgotten,
		           forgotten == 1 ? "" : "s", kept);
}

void report_artifact_written(struct report *report, const char *dir, const char *ref, const char *digest,
                             size_t profile_bytes)
{
	if (!report->quiet)
		report_say(report, "wrote the profile (%zu bytes) as an OCI artifact to the image layout %s, reference "
		           "%s, manifest %s: skopeo copy oci:%s:%s docker://REGISTRY/REPOSITORY:TAG pushes it", profile_bytes,
		           dir, ref, digest, dir, ref);
}

void report_profile_written(struct report *report, const char *path, const struct scan_container *container,
                            size_t allowed)
{
	if (!report->quiet)
		report_say(report, "%s: container %s, %llu events, %zu syscalls allowed", path, container->id,
		            (unsigned long long)container->events, allowed);
}

void report_no_workload(struct report *report, const struct run_results *res, const char *outcome)
{
	char list[1024];
	size_t used = 0, shown = 0;

	list[0] = '\0';
	for (size_t i = 0; i < res->scan->container_count && shown < 10 && used < sizeof(list); i++) {
		const struct scan_container *c = &res->scan->containers[i];
		used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s (%s%s%s%s%s)", shown ? ", " : "",
		                         c->image[0] ? c->image : "no image", c->name[0] ? c->name : c->id,
		                         c->k8s_pod[0] ? ", pod " : "", c->k8s_namespace, c->k8s_pod[0] ? "/" : "", c->k8s_pod);
		shown++;
	}
	if (res->scan->container_count > shown && used < sizeof(list))
		snprintf(list + used, sizeof(list) - used, ", and %zu more", res->scan->container_count - shown);
	report_say(report, "no container of %s has syscall events in %llu events read; %s (the log has: %s)",
	           res->workload->selection, (unsigned long long)res->scan->events, outcome,
	           shown ? list : "no container at all");
	report_fields_missing(report, res);
}

void report_fields_missing(struct report *report, const struct run_results *res)
{
	for (size_t i = 0; i < res->scan->container_count; i++)
		if (res->scan->containers[i].fields_known)
			return;
	if (res->scan->container_count > 0)
		report_note(report, "no event names its container's name or image (container.name, "
		            "container.image.repository are null): Falco 0.41 and later take them from the container "
		            "plugin (load_plugins: [container], as in examples/falco.yaml); the ids are there, so select "
		            "by -container-id");
}

void report_workload(struct report *report, const struct run_results *res)
{
	if (report->format != REPORT_TEXT)
		return;
	report_say(report, "workload %s: %zu %s; %llu of their events came before their workload fields "
	            "did, and count too; %zu pause %s left out", res->workload->selection, res->workload->containers,
	            res->workload->containers == 1 ? "container" : "containers",
	            (unsigned long long)res->workload->late_events, res->workload->infrastructure,
	            res->workload->infrastructure == 1 ? "container" : "containers");
}

void report_workload_written(struct report *report, const char *path, const struct workload_profile *workload,
                             size_t allowed)
{
	if (!report->quiet)
		report_say(report, "%s: workload %s, %zu %s, %llu %s, %zu syscalls allowed", path, workload->key,
		            workload->containers, workload->containers == 1 ? "container" : "containers",
		            (unsigned long long)workload->events, workload->events == 1 ? "event" : "events", allowed);
}

/* The arguments of a query as a reader wants them: clone's flags, socket's family, the rest in hex. */
static void describe_call(const struct promise_break *b, char *text, size_t size)
{
	bool s390 = arch_clone_flags_arg(b->arch) == 1;
	uint64_t first = strcmp(b->name, "clone") == 0 && s390 ? b->args[1] : b->args[0];
	const char *family = docker_socket_family_name((unsigned)first);

	if ((strcmp(b->name, "socket") == 0 || strcmp(b->name, "socketpair") == 0) && family != NULL && first < 64)
		snprintf(text, size, "%s(%s)", b->name, family);
	else if (first != 0)
		snprintf(text, size, "%s(0x%llx)", b->name, (unsigned long long)first);
	else
		snprintf(text, size, "%s()", b->name);
}

void report_promise_breaks(struct report *report, const struct run_results *res)
{
	const struct filter_verdict *v = res->verdict;
	char call[96], action[48], rule[64];

	if (v->build_error[0] != '\0') {
		report_error(report, "libseccomp cannot build the profile's filter as runc would: %s; nothing was written",
		            v->build_error);
		return;
	}
	for (size_t i = 0; i < v->break_count && i < FILTER_JUDGE_BREAKS_MAX; i++) {
		const struct promise_break *b = &v->breaks[i];
		describe_call(b, call, sizeof(call));
		seccomp_action_describe(b->action, action, sizeof(action));
		if (b->rule >= 0)
			snprintf(rule, sizeof(rule), "; syscalls[%d] is the first rule naming %s", b->rule, b->name);
		else
			snprintf(rule, sizeof(rule), "; no rule names %s: the default action decides", b->name);
		report_error(report, "the profile breaks a promise on %s: %s %s (%s), though %s %s%s",
		            arch_short_name(b->arch), call, b->kind == PROMISE_RUNS ? "does not run" : "runs", action,
		            b->kind == PROMISE_RUNS ? "it is" : "the profile refuses", b->why, rule);
	}
	if (v->break_count > FILTER_JUDGE_BREAKS_MAX)
		report_error(report, "and %zu more broken promises", v->break_count - FILTER_JUDGE_BREAKS_MAX);
	report_say(report, "nothing was written: the filter libseccomp builds from the profile, as runc loads it, is the "
	            "judge (--no-arg-rule, --allow-namespaces, --remove and --add say what the profile may do)");
}

void report_verdict(struct report *report, const struct run_results *res)
{
	const struct filter_verdict *v = res->verdict;
	char arches[256], open[128];

	if (report->format != REPORT_TEXT || v->proven.count == 0)
		return;
	arch_list_describe(&v->proven, arches, sizeof(arches));
	report_say(report, "promises proven on the filters libseccomp builds from the profile as written, as runc loads "
	            "it, for %s (%llu queries)", arches, (unsigned long long)v->queries);
	if (v->socketcall_open.count > 0) {
		arch_list_describe(&v->socketcall_open, open, sizeof(open));
		report_note(report, "socket's family rules do not hold through socketcall on %s: libseccomp %u.%u "
		            "filters socket there through socketcall, whose arguments a filter cannot read, so any family "
		            "passes that way, as under Docker's default (on x86 a 32-bit process or int $0x80 takes it: "
		            "--arch without x86 closes that)", open, seccomp_version()->major, seccomp_version()->minor);
	}
}

void report_verdict_diff(struct report *report, const struct filter_diff *verdicts, const char *old, const char *new)
{
	char arches[256], before[48], after[48];

	if (report->format != REPORT_TEXT)
		return;
	for (size_t i = 0; i < verdicts->kept; i++) {
		const struct verdict_change *c = &verdicts->changes[i];
		seccomp_action_describe(c->old_action, before, sizeof(before));
		seccomp_action_describe(c->new_action, after, sizeof(after));
		fprintf(report->out, "verdict on %s: %s: %s under %s, %s under %s\n", arch_short_name(c->arch), c->call, after,
		        new, before, old);
	}
	if (verdicts->widened + verdicts->narrowed > verdicts->kept)
		fprintf(report->out, "verdicts: and %zu more\n", verdicts->widened + verdicts->narrowed - verdicts->kept);
	arch_list_describe(&verdicts->compared, arches, sizeof(arches));
	if (!report->quiet)
		report_say(report, "the filters libseccomp builds from both, as runc loads them, differ on %zu calls for %s: "
		            "%zu run under %s that %s refuses, %zu the other way round", verdicts->widened + verdicts->narrowed,
		            arches, verdicts->widened, new, old, verdicts->narrowed);
}
