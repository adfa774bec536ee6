/*
 * documents: --report json, markdown and github: one document per run on
 * standard output, with the warnings kept by the sink.
 */
#include "report/report.h"
#include "profile/profile.h"
#include "scan/scan.h"

#include "input/log_source.h"
#include "policy/docker_default.h"
#include "profile/json_writer.h"
#include "policy/runtime_baseline.h"
#include "policy/successors.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PROGRAM F2S_PROGRAM

static cJSON *json_document(struct report *report, const struct run_results *res, const char *job);
static void json_finish(struct report *report, cJSON *root);
static void markdown_cell(FILE *out, const char *text);
static void markdown_notes(FILE *out, const struct report *report);
static void github_command(FILE *out, const char *level, const char *file, uint64_t line, const char *message);
static void github_notes(FILE *out, const struct report *report);

/* The container list as a document: json, markdown or github. */
void report_container_document(struct report *report, const struct run_results *res)
{
	FILE *out = report->out;
	cJSON *root, *list;
	char line[600];

	switch (report->format) {
	case REPORT_TEXT:
		return;
	case REPORT_JSON:
		root = json_document(report, res, "list-containers");
		list = cJSON_AddArrayToObject(root, "containers");
		for (size_t i = 0; list != NULL && i < res->scan->container_count; i++) {
			const struct scan_container *c = &res->scan->containers[i];
			cJSON *item = cJSON_CreateObject();
			cJSON_AddItemToArray(list, item);
			cJSON_AddStringToObject(item, "id", c->id);
			cJSON_AddStringToObject(item, "name", c->name);
			cJSON_AddStringToObject(item, "image", c->image);
			cJSON_AddNumberToObject(item, "events", (double)c->events);
			cJSON_AddNumberToObject(item, "syscalls",
			                        (double)translator_count_observed(res->translator, &c->syscalls));
		}
		json_finish(report, root);
		return;
	case REPORT_MARKDOWN:
		fputs("| container id | name | image | events | syscalls |\n|---|---|---|---|---|\n", out);
		for (size_t i = 0; i < res->scan->container_count; i++) {
			const struct scan_container *c = &res->scan->containers[i];
			fprintf(out, "| `%s` | ", c->id);
			markdown_cell(out, c->name);
			fputs(" | ", out);
			markdown_cell(out, c->image);
			fprintf(out, " | %llu | %zu |\n", (unsigned long long)c->events,
			        translator_count_observed(res->translator, &c->syscalls));
		}
		markdown_notes(out, report);
		return;
	case REPORT_GITHUB:
		github_notes(out, report);
		for (size_t i = 0; i < res->scan->container_count; i++) {
			const struct scan_container *c = &res->scan->containers[i];
			snprintf(line, sizeof(line), "container %s (%s, %s): %llu events, %zu syscalls", c->id,
			         c->name[0] ? c->name : "-", c->image[0] ? c->image : "-", (unsigned long long)c->events,
			         translator_count_observed(res->translator, &c->syscalls));
			github_command(out, "notice", NULL, 0, line);
		}
		return;
	}
}

/* Documents: --report json, markdown and github. */

/* JSON: one document, its shape versioned by REPORT_JSON_VERSION and described in the man page. */
#define REPORT_JSON_VERSION 1

static cJSON *json_place(struct report *report, const struct scan_sighting *sighting)
{
	cJSON *place = cJSON_CreateObject();

	if (place == NULL)
		return NULL;
	cJSON_AddStringToObject(place, "file", report_file_name(report, sighting->where.file));
	cJSON_AddNumberToObject(place, "line", (double)sighting->where.line);
	if (sighting->time[0] != '\0')
		cJSON_AddStringToObject(place, "time", sighting->time);
	return place;
}

static cJSON *json_strings(const char (*names)[SCAN_PROCESS_MAX + 1], size_t count)
{
	cJSON *array = cJSON_CreateArray();

	for (size_t i = 0; array != NULL && i < count; i++)
		cJSON_AddItemToArray(array, cJSON_CreateString(names[i]));
	return array;
}

/* The Falco event names that stood for kernel syscall id, as an array. */
static cJSON *json_falco_names(const struct run_results *res, int id)
{
	cJSON *array = cJSON_CreateArray();

	for (size_t i = 0; array != NULL && i < res->translator->count; i++) {
		const struct translation *t = &res->translator->entries[i];
		for (int k = 0; t->kind == TRANSLATION_SYSCALLS && k < t->count; k++)
			if (t->ids[k] == id) {
				cJSON_AddItemToArray(array, cJSON_CreateString(t->falco));
				break;
			}
	}
	return array;
}

/* One syscall of the log: what the reports say of every one. */
static cJSON *json_syscall(struct report *report, const struct run_results *res, int id)
{
	const struct scan_detail *detail = &res->scan->details_by_id[id];
	cJSON *item = cJSON_CreateObject();
	cJSON *containers;

	if (item == NULL)
		return NULL;
	cJSON_AddStringToObject(item, "name", syscall_catalog_name(res->catalog, id));
	cJSON_AddItemToObject(item, "falco_names", json_falco_names(res, id));
	cJSON_AddNumberToObject(item, "events", (double)detail->events);
	/* A syscall only the audit log showed (--check --audit-log) has no place in the Falco log. */
	if (detail->events == 0) {
		cJSON_AddNullToObject(item, "first");
		cJSON_AddNullToObject(item, "last");
		cJSON_AddBoolToObject(item, "from_audit_log", true);
	} else {
		cJSON_AddItemToObject(item, "first", json_place(report, &detail->first));
		cJSON_AddItemToObject(item, "last", json_place(report, &detail->last));
	}
	cJSON_AddItemToObject(item, "processes", json_strings(detail->processes, detail->process_count));
	cJSON_AddBoolToObject(item, "more_processes", detail->more_processes);
	containers = cJSON_CreateArray();
	for (size_t i = 0; containers != NULL && i < detail->container_count; i++)
		cJSON_AddItemToArray(containers, cJSON_CreateString(detail->containers[i]));
	cJSON_AddItemToObject(item, "containers", containers);
	cJSON_AddBoolToObject(item, "more_containers", detail->more_containers);
	return item;
}

static cJSON *json_totals(const struct run_results *res)
{
	const struct scan *scan = res->scan;
	size_t observed = translator_count_observed(res->translator, &scan->syscalls);
	cJSON *totals = cJSON_CreateObject();

	if (totals == NULL)
		return NULL;
	cJSON_AddNumberToObject(totals, "lines", (double)scan->lines);
	cJSON_AddNumberToObject(totals, "events", (double)scan->events);
	cJSON_AddNumberToObject(totals, "matched_events", (double)scan->matched);
	cJSON_AddNumberToObject(totals, "unusable_lines", (double)scan->bad_lines);
	cJSON_AddNumberToObject(totals, "other_rules", (double)scan->other_rules);
	cJSON_AddNumberToObject(totals, "not_syscalls", (double)scan->not_syscall);
	cJSON_AddNumberToObject(totals, "syscalls_observed", (double)observed);
	cJSON_AddNumberToObject(totals, "aliases_added", (double)(syscall_set_count(&scan->syscalls) - observed));
	cJSON_AddNumberToObject(totals, "drop_alerts", (double)scan->drop_alerts);
	cJSON_AddNumberToObject(totals, "events_lost", (double)scan->drops);
	cJSON_AddNumberToObject(totals, "runtime_events_left_out", (double)res->runtime->life.runtime_events);
	cJSON_AddNumberToObject(totals, "unplaced_events", (double)scan->unplaced);
	char names[64];
	container_life_describe(res->runtime->life.runtimes | scan->unplaced_runtimes, names, sizeof(names));
	cJSON_AddStringToObject(totals, "runtimes_seen", names);
	cJSON_AddStringToObject(totals, "runtime_baseline", res->runtime->used != NULL ? res->runtime->used : "runc");
	return totals;
}

static cJSON *json_notes(const struct report *report)
{
	cJSON *notes = cJSON_CreateArray();

	for (size_t i = 0; notes != NULL && i < report->note_count; i++) {
		const struct report_note *note = &report->notes[i];
		cJSON *item = cJSON_CreateObject();
		if (item == NULL || !cJSON_AddItemToArray(notes, item))
			break;
		if (note->file != NULL) {
			cJSON_AddStringToObject(item, "file", note->file);
			cJSON_AddNumberToObject(item, "line", (double)note->line);
		}
		cJSON_AddStringToObject(item, "message", note->message);
	}
	return notes;
}

/* The top of every JSON document; the caller adds its job's part. */
static cJSON *json_document(struct report *report, const struct run_results *res, const char *job)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *inputs;

	if (root == NULL)
		return NULL;
	cJSON_AddNumberToObject(root, "report_version", REPORT_JSON_VERSION);
	cJSON_AddStringToObject(root, "program", PROGRAM " " F2S_VERSION);
	cJSON_AddStringToObject(root, "job", job);
	inputs = cJSON_AddArrayToObject(root, "inputs");
	for (size_t i = 0; inputs != NULL && i < report->file_count; i++)
		cJSON_AddItemToArray(inputs, cJSON_CreateString(report_file_name(report, (uint32_t)i)));
	cJSON_AddItemToObject(root, "totals", json_totals(res));
	return root;
}

/* Ends a JSON document: the warnings, then the text on report->out. */
static void json_finish(struct report *report, cJSON *root)
{
	if (root == NULL)
		return;
	cJSON_AddItemToObject(root, "warnings", json_notes(report));
	cJSON_AddNumberToObject(root, "warnings_left_out", (double)report->notes_left_out);
	json_write(report->out, root);
	cJSON_Delete(root);
}

/* Markdown: a table cell holds no '|' and no line break, and code spans no backtick. */
static void markdown_cell(FILE *out, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (*p == '|')
			fputs("\\|", out);
		else if (*p == '\n' || *p == '\r')
			fputc(' ', out);
		else if (*p == '`')
			fputc('\'', out);
		else
			fputc(*p, out);
	}
}

static void markdown_place(FILE *out, struct report *report, const struct scan_sighting *sighting)
{
	if (sighting->where.line == 0) {
		fputs("the audit log", out);
		return;
	}
	markdown_cell(out, report_file_name(report, sighting->where.file));
	fprintf(out, ":%llu", (unsigned long long)sighting->where.line);
}

static void markdown_processes(FILE *out, const struct scan_detail *detail)
{
	for (size_t i = 0; i < detail->process_count; i++) {
		fputs(i ? ", " : "", out);
		markdown_cell(out, detail->processes[i]);
	}
	if (detail->more_processes)
		fputs(", ...", out);
}

static void markdown_notes(FILE *out, const struct report *report)
{
	if (report->note_count == 0)
		return;
	fputs("\n**Warnings**\n\n", out);
	for (size_t i = 0; i < report->note_count; i++) {
		fputs("- ", out);
		if (report->notes[i].file != NULL) {
			markdown_cell(out, report->notes[i].file);
			fprintf(out, ":%llu: ", (unsigned long long)report->notes[i].line);
		}
		markdown_cell(out, report->notes[i].message);
		fputc('\n', out);
	}
	if (report->notes_left_out > 0)
		fprintf(out, "- and %zu more\n", report->notes_left_out);
}

/* GitHub workflow commands: values escape '%', CR and LF; properties also ':' and ','. */
static void github_escaped(FILE *out, const char *text, bool property)
{
	for (const char *p = text; *p; p++) {
		if (*p == '%')
			fputs("%25", out);
		else if (*p == '\r')
			fputs("%0D", out);
		else if (*p == '\n')
			fputs("%0A", out);
		else if (property && *p == ':')
			fputs("%3A", out);
		else if (property && *p == ',')
			fputs("%2C", out);
		else
			fputc(*p, out);
	}
}

/* One workflow command: level is error, warning or notice; file may be NULL. */
static void github_command(FILE *out, const char *level, const char *file, uint64_t line, const char *message)
{
	fprintf(out, "::%s", level);
	if (file != NULL) {
		fputs(" file=", out);
		github_escaped(out, file, true);
		if (line > 0)
			fprintf(out, ",line=%llu", (unsigned long long)line);
	}
	fputs("::", out);
	github_escaped(out, message, false);
	fputc('\n', out);
}

static void github_notes(FILE *out, const struct report *report)
{
	for (size_t i = 0; i < report->note_count; i++)
		github_command(out, report->strict ? "error" : "warning", report->notes[i].file, report->notes[i].line,
		               report->notes[i].message);
}

/* The ids of the syscalls observed as such (not 32-bit aliases), in name order; returns how many. */
static size_t observed_ids(const struct run_results *res, int *ids)
{
	const char *names[SYSCALL_NAMES_MAX];
	size_t count = 0;
	struct syscall_set observed = res->scan->syscalls;

	for (size_t i = 0; i < SYSCALL_NAMES_MAX / 64; i++)
		observed.bits[i] &= ~res->translator->aliases.bits[i];
	count = syscall_set_sorted_names(&observed, res->catalog, names);
	for (size_t i = 0; i < count; i++)
		ids[i] = syscall_catalog_find(res->catalog, names[i]);
	return count;
}

void report_profile_document(struct report *report, const struct run_results *res, const char *path, const struct syscall_set *set,
                             const struct arg_rule_plan *plan)
{
	static int ids[SYSCALL_NAMES_MAX];
	size_t count = observed_ids(res, ids);
	FILE *out = report->out;
	char line[512];

	switch (report->format) {
	case REPORT_TEXT:
		return;
	case REPORT_JSON: {
		cJSON *root = json_document(report, res, "profile");
		cJSON *syscalls = cJSON_AddArrayToObject(root, "syscalls");
		cJSON *profile = cJSON_AddObjectToObject(root, "profile");
		for (size_t i = 0; syscalls != NULL && i < count; i++) {
			const char *name = syscall_catalog_name(res->catalog, ids[i]);
			int rule = arg_rule_from_name(name);
			cJSON *item = json_syscall(report, res, ids[i]);
			cJSON_AddBoolToObject(item, "allowed", syscall_set_has(set, ids[i]));
			cJSON_AddBoolToObject(item, "argument_rule", rule >= 0 && plan->written[rule]);
			cJSON_AddItemToArray(syscalls, item);
		}
		cJSON_AddStringToObject(profile, "path", path);
		cJSON_AddNumberToObject(profile, "syscalls_allowed", (double)syscall_set_count(set));
		/* Where it came from: the annotations an artifact's manifest and a SeccompProfile carry. */
		cJSON *provenance = res->provenance_count > 0 ? cJSON_AddObjectToObject(profile, "provenance") : NULL;
		for (size_t i = 0; provenance != NULL && i < res->provenance_count; i++)
			cJSON_AddStringToObject(provenance, res->provenance[i].key, res->provenance[i].value);
		json_finish(report, root);
		return;
	}
	case REPORT_MARKDOWN:
		fputs("### falco2seccomp: ", out);
		markdown_cell(out, path);
		fprintf(out, "\n\n%zu syscalls observed in %llu events of the named containers; the profile allows %zu.\n\n",
		        count, (unsigned long long)res->scan->matched, syscall_set_count(set));
		fputs("| syscall | allowed | events | first seen | processes |\n|---|---|---|---|---|\n", out);
		for (size_t i = 0; i < count; i++) {
			const struct scan_detail *detail = &res->scan->details_by_id[ids[i]];
			fprintf(out, "| `%s` | %s | %llu | ", syscall_catalog_name(res->catalog, ids[i]),
			        syscall_set_has(set, ids[i]) ? "yes" : "**no**", (unsigned long long)detail->events);
			markdown_place(out, report, &detail->first);
			fputs(" | ", out);
			markdown_processes(out, detail);
			fputs(" |\n", out);
		}
		markdown_notes(out, report);
		return;
	case REPORT_GITHUB:
		github_notes(out, report);
		snprintf(line, sizeof(line), "%s allows %zu syscalls; %zu observed in %llu events", path,
		         syscall_set_count(set), count, (unsigned long long)res->scan->matched);
		github_command(out, "notice", NULL, 0, line);
		return;
	}
}

/* What a finding means, in a few words, for the documents. */
static void describe_finding(const struct run_results *res, const struct check_finding *finding, char *text, size_t size)
{
	const char *name = syscall_catalog_name(res->catalog, finding->id);
	char conditions[400];

	profile_judge_describe(&finding->judgement, name, conditions, sizeof(conditions));
	switch (finding->outcome) {
	case CHECK_ALLOWED:
		snprintf(text, size, "allowed");
		break;
	case CHECK_CONDITIONS_MET:
		snprintf(text, size, "allowed %s, as the log shows", conditions);
		break;
	case CHECK_CONDITIONS_UNKNOWN:
		snprintf(text, size, "allowed %s (the log cannot tell)", conditions);
		break;
	case CHECK_CONDITIONS_FAILED:
		snprintf(text, size, "allowed %s, which the log does not meet", conditions);
		break;
	case CHECK_ENOSYS_FALLBACK:
		snprintf(text, size, "answered with ENOSYS; its caller falls back to %s, which is allowed",
		         successor_of(name) ? successor_of(name)->older : "the older call");
		break;
	case CHECK_DENIED:
		if (finding->judgement.needs_cap != NULL)
			snprintf(text, size, "not allowed without %s", finding->judgement.needs_cap);
		else
			snprintf(text, size, "not allowed");
		break;
	}
}

static bool finding_denied(const struct check_finding *finding)
{
	return finding->outcome == CHECK_CONDITIONS_FAILED || finding->outcome == CHECK_DENIED;
}

void report_check_document(struct report *report, const struct run_results *res, const char *path, const struct check_finding *findings,
                           size_t count, const char *const *unused, size_t unused_count)
{
	static const char *const verdicts[] = { "allowed", "conditions met", "conditions unknown", "conditions failed",
		                                "enosys fallback", "denied" };
	FILE *out = report->out;
	size_t denied = 0;
	char text[512];

	for (size_t i = 0; i < count; i++)
		denied += finding_denied(&findings[i]);
	switch (report->format) {
	case REPORT_TEXT:
		if (unused_count > 0 && !report->quiet) {
			size_t used = 0;
			text[0] = '\0';
			for (size_t i = 0; i < unused_count && used < sizeof(text); i++)
				used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s", i ? ", " : "", unused[i]);
			report_say(report, "%s allows %zu syscalls the log never shows (beyond the runtime's): %s", path,
			            unused_count, text);
		}
		return;
	case REPORT_JSON: {
		cJSON *root = json_document(report, res, "check");
		cJSON *syscalls = cJSON_AddArrayToObject(root, "syscalls");
		cJSON *check = cJSON_AddObjectToObject(root, "check");
		cJSON *never = NULL;
		for (size_t i = 0; syscalls != NULL && i < count; i++) {
			cJSON *item = json_syscall(report, res, findings[i].id);
			describe_finding(res, &findings[i], text, sizeof(text));
			cJSON_AddBoolToObject(item, "allowed", !finding_denied(&findings[i]));
			cJSON_AddStringToObject(item, "verdict", verdicts[findings[i].outcome]);
			cJSON_AddStringToObject(item, "explanation", text);
			if (findings[i].judgement.needs_cap != NULL)
				cJSON_AddStringToObject(item, "needs_capability", findings[i].judgement.needs_cap);
			cJSON_AddItemToArray(syscalls, item);
		}
		cJSON_AddStringToObject(check, "profile", path);
		cJSON_AddNumberToObject(check, "not_allowed", (double)denied);
		never = cJSON_AddArrayToObject(check, "allowed_never_used");
		for (size_t i = 0; never != NULL && i < unused_count; i++)
			cJSON_AddItemToArray(never, cJSON_CreateString(unused[i]));
		json_finish(report, root);
		return;
	}
	case REPORT_MARKDOWN:
		fputs("### falco2seccomp --check ", out);
		markdown_cell(out, path);
		fprintf(out, "\n\n**%zu of %zu syscalls observed are not allowed.**\n\n", denied, count);
		/* What is not allowed leads; the rest is folded, so that a long list does not bury it. */
		for (int pass = 0; pass < 2; pass++) {
			size_t shown = pass == 0 ? denied : count - denied;
			if (shown == 0)
				continue;
			if (pass == 1)
				fprintf(out, "%s<details><summary>%zu allowed</summary>\n\n", denied ? "\n" : "", shown);
			fputs("| syscall | verdict | events | first seen | processes |\n|---|---|---|---|---|\n", out);
			for (size_t i = 0; i < count; i++) {
				const struct scan_detail *detail = &res->scan->details_by_id[findings[i].id];
				if (finding_denied(&findings[i]) != (pass == 0))
					continue;
				describe_finding(res, &findings[i], text, sizeof(text));
				fprintf(out, "| `%s` | %s", syscall_catalog_name(res->catalog, findings[i].id),
				        pass == 0 ? "**" : "");
				markdown_cell(out, text);
				fprintf(out, "%s | %llu | ", pass == 0 ? "**" : "", (unsigned long long)detail->events);
				markdown_place(out, report, &detail->first);
				fputs(" | ", out);
				markdown_processes(out, detail);
				fputs(" |\n", out);
			}
			if (pass == 1)
				fputs("\n</details>\n", out);
		}
		if (unused_count > 0) {
			fputs("\nAllowed but never used in this log:", out);
			for (size_t i = 0; i < unused_count; i++)
				fprintf(out, "%s `%s`", i ? "," : "", unused[i]);
			fputc('\n', out);
		}
		markdown_notes(out, report);
		return;
	case REPORT_GITHUB:
		github_notes(out, report);
		for (size_t i = 0; i < count; i++) {
			const struct scan_detail *detail = &res->scan->details_by_id[findings[i].id];
			char message[700];
			if (!finding_denied(&findings[i]))
				continue;
			describe_finding(res, &findings[i], text, sizeof(text));
			snprintf(message, sizeof(message), "%s: %s (%s)", syscall_catalog_name(res->catalog, findings[i].id),
			         text, path);
			github_command(out, "error",
			               detail->events > 0 ? report_file_name(report, detail->first.where.file) : NULL,
			               detail->first.where.line, message);
		}
		snprintf(text, sizeof(text), "%zu of %zu syscalls observed are not allowed by %s", denied, count, path);
		github_command(out, denied ? "error" : "notice", NULL, 0, text);
		return;
	}
}

/* "SCMP_ACT_ERRNO (errno 1)", the top of a profile in a few words. */
static void describe_action(const struct profile_input *profile, char *text, size_t size)
{
	if (profile->has_errno_ret)
		snprintf(text, size, "%s (errno %ld)", profile->default_action, profile->errno_ret);
	else
		snprintf(text, size, "%s", profile->default_action);
}

static cJSON *json_names(const char *const *names, size_t count)
{
	cJSON *array = cJSON_CreateArray();

	for (size_t i = 0; array != NULL && i < count; i++)
		cJSON_AddItemToArray(array, cJSON_CreateString(names[i]));
	return array;
}

static cJSON *json_rules(const cJSON *const *rules, size_t count)
{
	cJSON *array = cJSON_CreateArray();

	for (size_t i = 0; array != NULL && i < count; i++)
		cJSON_AddItemToArray(array, cJSON_Duplicate(rules[i], 1));
	return array;
}

static cJSON *json_arches(const struct arch_list *list)
{
	cJSON *array = cJSON_CreateArray();

	for (size_t i = 0; array != NULL && i < list->count; i++)
		cJSON_AddItemToArray(array, cJSON_CreateString(arch_docker_name(list->tokens[i])));
	return array;
}

/* Every difference as one line of text, for the text, markdown and github reports; returns how many. */
static size_t diff_lines(const struct profile_diff *diff, char lines[][600], size_t room)
{
	char old_action[128], new_action[128], old_arches[256], new_arches[256];
	size_t count = 0;

	if (diff->action_changed && count < room) {
		describe_action(diff->old, old_action, sizeof(old_action));
		describe_action(diff->new, new_action, sizeof(new_action));
		snprintf(lines[count++], 600, "default action: %s, now %s", old_action, new_action);
	}
	if (diff->arches_changed && count < room) {
		arch_list_describe(&diff->old->arches, old_arches, sizeof(old_arches));
		arch_list_describe(&diff->new->arches, new_arches, sizeof(new_arches));
		snprintf(lines[count++], 600, "architectures: %s, now %s", old_arches, new_arches);
	}
	for (size_t i = 0; i < diff->added_count && count < room; i++)
		snprintf(lines[count++], 600, "added: %s", diff->added[i]);
	for (size_t i = 0; i < diff->removed_count && count < room; i++)
		snprintf(lines[count++], 600, "removed: %s", diff->removed[i]);
	for (size_t i = 0; i < diff->rules_added_count && count < room; i++) {
		char *text = json_to_line(diff->rules_added[i]);
		snprintf(lines[count++], 600, "rule added: %.560s", text ? text : "?");
		free(text);
	}
	for (size_t i = 0; i < diff->rules_removed_count && count < room; i++) {
		char *text = json_to_line(diff->rules_removed[i]);
		snprintf(lines[count++], 600, "rule removed: %.560s", text ? text : "?");
		free(text);
	}
	return count;
}

void report_diff(struct report *report, const struct profile_diff *diff)
{
	static char lines[2 * SYSCALL_NAMES_MAX + 2 * 512][600];
	size_t room = sizeof(lines) / sizeof(lines[0]);
	size_t count = diff_lines(diff, lines, room);
	FILE *out = report->out;
	char summary[600];
	cJSON *root;

	snprintf(summary, sizeof(summary), "%zu differences between %s and %s", count, diff->old->path, diff->new->path);
	switch (report->format) {
	case REPORT_TEXT:
		for (size_t i = 0; i < count; i++)
			fprintf(out, "%s\n", lines[i]);
		if (!report->quiet)
			report_say(report, "%s", summary);
		return;
	case REPORT_JSON:
		root = cJSON_CreateObject();
		if (root == NULL)
			return;
		cJSON_AddNumberToObject(root, "report_version", REPORT_JSON_VERSION);
		cJSON_AddStringToObject(root, "program", PROGRAM " " F2S_VERSION);
		cJSON_AddStringToObject(root, "job", "diff");
		cJSON_AddStringToObject(root, "old", diff->old->path);
		cJSON_AddStringToObject(root, "new", diff->new->path);
		cJSON_AddNumberToObject(root, "differences", (double)count);
		cJSON_AddItemToObject(root, "syscalls_added", json_names(diff->added, diff->added_count));
		cJSON_AddItemToObject(root, "syscalls_removed", json_names(diff->removed, diff->removed_count));
		cJSON_AddItemToObject(root, "rules_added", json_rules(diff->rules_added, diff->rules_added_count));
		cJSON_AddItemToObject(root, "rules_removed", json_rules(diff->rules_removed, diff->rules_removed_count));
		cJSON_AddStringToObject(root, "old_default_action", diff->old->default_action);
		cJSON_AddStringToObject(root, "new_default_action", diff->new->default_action);
		cJSON_AddItemToObject(root, "old_architectures", json_arches(&diff->old->arches));
		cJSON_AddItemToObject(root, "new_architectures", json_arches(&diff->new->arches));
		json_finish(report, root);
		return;
	case REPORT_MARKDOWN:
		fputs("### falco2seccomp --diff ", out);
		markdown_cell(out, diff->old->path);
		fputs(" ", out);
		markdown_cell(out, diff->new->path);
		fprintf(out, "\n\n**%zu differences.**\n\n", count);
		for (size_t i = 0; i < count; i++) {
			fputs("- ", out);
			markdown_cell(out, lines[i]);
			fputc('\n', out);
		}
		return;
	case REPORT_GITHUB:
		for (size_t i = 0; i < count; i++)
			github_command(out, "warning", diff->new->path, 0, lines[i]);
		github_command(out, count ? "warning" : "notice", NULL, 0, summary);
		return;
	}
}
