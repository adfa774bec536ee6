/*
 * report: the text falco2seccomp shows. Every sentence a user reads is
 * written here, to the streams main chose.
 */
#include "report/report.h"

#include "input/log_source.h"
#include "policy/docker_default.h"
#include "profile/json_writer.h"
#include "policy/runtime_baseline.h"

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

void report_init(struct report *report, FILE *messages, FILE *out, const char *const *files, size_t file_count,
                 bool quiet, bool strict, enum report_format format)
{
	memset(report, 0, sizeof(*report));
	report->messages = messages;
	report->out = out;
	report->files = files;
	report->file_count = file_count;
	report->quiet = quiet;
	report->strict = strict;
	report->format = format;
}

void report_free(struct report *report)
{
	for (size_t i = 0; i < report->note_count; i++) {
		free(report->notes[i].file);
		free(report->notes[i].message);
	}
	free(report->notes);
	report->notes = NULL;
	report->note_count = 0;
}

/* Keeps a warning for the document; a note that cannot be kept is counted. */
static void keep_note(struct report *report, const char *file, uint64_t line, const char *message)
{
	struct report_note *note;

	if (report->format == REPORT_TEXT)
		return;
	if (report->notes == NULL)
		report->notes = calloc(REPORT_NOTES_MAX, sizeof(report->notes[0]));
	if (report->notes == NULL || report->note_count == REPORT_NOTES_MAX) {
		report->notes_left_out++;
		return;
	}
	note = &report->notes[report->note_count++];
	note->file = file ? strdup(file) : NULL;
	note->line = line;
	note->message = strdup(message);
}

/* Writes one warning, kept for the document with its place when it has one. */
static void say(struct report *report, const char *file, uint64_t line, const char *message)
{
	if (file != NULL && line > 0)
		fprintf(report->messages, PROGRAM ": %s:%llu: %s\n", file, (unsigned long long)line, message);
	else if (file != NULL)
		fprintf(report->messages, PROGRAM ": %s: %s\n", file, message);
	else
		fprintf(report->messages, PROGRAM ": %s\n", message);
	keep_note(report, file, line, message);
}

void report_warn(struct report *report, const char *format, ...)
{
	char message[4096];
	va_list args;

	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	say(report, NULL, 0, message);
}

void report_progress_end(struct report *report)
{
	if (report->progress_shown) {
		fputs("\r\033[K", report->messages);
		report->progress_shown = false;
	}
}

void report_problem(void *context, const char *file, uint64_t line, const char *message)
{
	struct report *report = context;

	report_progress_end(report);
	say(report, file, line, message);
}

void report_progress_start(struct report *report)
{
	clock_gettime(CLOCK_MONOTONIC, &report->started);
}

void report_progress(void *context, uint64_t bytes)
{
	struct report *report = context;
	struct timespec now;
	double seconds;

	clock_gettime(CLOCK_MONOTONIC, &now);
	seconds = (double)(now.tv_sec - report->started.tv_sec) + (double)(now.tv_nsec - report->started.tv_nsec) / 1e9;
	fprintf(report->messages, "\r\033[K" PROGRAM ": %.0f MB read, %.0f MB/s", (double)bytes / 1e6,
	        seconds > 0 ? (double)bytes / 1e6 / seconds : 0.0);
	report->progress_shown = true;
}

const char *report_file_name(const struct report *report, uint32_t index)
{
	const char *file = report->files[index];
	return log_source_display_name(file);
}

/* Warns about event names that are no syscall; returns how many there were. */
size_t report_unknown_names(struct report *report, const struct run_results *res)
{
	char arches[256];
	size_t count = 0;

	arch_list_describe(res->arches, arches, sizeof(arches));
	for (size_t i = 0; i < res->translator->count; i++) {
		const struct translation *t = &res->translator->entries[i];
		if (t->kind != TRANSLATION_UNKNOWN)
			continue;
		if (++count <= SCAN_REPORTS_MAX)
			report_warn(report, "%s:%llu: '%s' is not a syscall on %s; %s", report_file_name(report, t->first.file),
			     (unsigned long long)t->first.line, t->falco, arches,
			     report->strict ? "--strict stops here" : "left out of the profile");
	}
	if (count > SCAN_REPORTS_MAX)
		report_warn(report, "%zu more names that are no syscall on %s were left out", count - SCAN_REPORTS_MAX, arches);
	if (res->translator->names_not_remembered > 0) {
		count++;
		report_warn(report, "%llu events had names beyond the first %d distinct ones; those that are no syscall "
		     "were left out without a report of their own",
		     (unsigned long long)res->translator->names_not_remembered, TRANSLATE_NAMES_MAX);
	}
	if (res->translator->catalog_full) {
		count++;
		report_warn(report, "more than %d distinct syscall names: some were left out", SYSCALL_NAMES_MAX);
	}
	return count;
}

/* Warns about Falco's drop alerts; returns true when there were any. */
bool report_drops(struct report *report, const struct run_results *res)
{
	if (res->scan->drop_alerts == 0)
		return false;
	report_warn(report, "%s:%llu: %s: the log has %llu 'syscall event drop' alerts, the first here (%llu events lost): "
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
	for (size_t i = 0; i < res->translator->count && used < sizeof(text); i++) {
		const struct translation *t = &res->translator->entries[i];
		if (!t->expanded)
			continue;
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s ->", used ? "; " : "", t->falco);
		for (int k = 0; k < t->count && used < sizeof(text); k++)
			used += (size_t)snprintf(text + used, sizeof(text) - used, " %s",
			                         syscall_catalog_name(res->catalog, t->ids[k]));
	}
	if (used > 0)
		report_warn(report, "expanded Falco family events (--exact turns this off): %s", text);
	used = 0;
	text[0] = '\0';
	for (size_t i = 0; i < res->translator->count && used < sizeof(text); i++) {
		const struct translation *t = &res->translator->entries[i];
		if (t->kind == TRANSLATION_NOT_SYSCALL)
			used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s (%llu)", used ? ", " : "",
			                         t->falco, (unsigned long long)t->events);
	}
	if (used > 0)
		report_warn(report, "left out events that are not syscalls: %s", text);
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
		if (plan->restricted[call] && used < sizeof(text)) {
			used += (size_t)snprintf(text + used, sizeof(text) - used, "only ");
			used = describe_families(plan->families[call], text, sizeof(text), used);
		} else if (used < sizeof(text)) {
			used += (size_t)snprintf(text + used, sizeof(text) - used, "never AF_VSOCK");
		}
	}
	if (used > 0)
		report_warn(report, "argument rules (Docker's, narrowed to the log): %s", text);
	/* Every flag open: no rule is written, and clone is allowed as it is. */
	bool clone_open = !plan->written[ARG_RULE_CLONE] && arg_rule_active(choice, ARG_RULE_CLONE) &&
	                  set_has_name(res, set, "clone") && plan->clone_refused == 0;
	if (clone_open)
		report_warn(report, "warning: clone is allowed with any flags: the log or the merged profiles need "
		            "every namespace flag Docker's rule refuses, each named below");
	for (size_t i = 0; (plan->written[ARG_RULE_CLONE] || clone_open) && i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if (facts->namespaces & docker_namespace_flags[i].value) {
			describe_origin(report, &facts->namespace_at[i], origin, sizeof(origin));
			report_warn(report, "clone may use %s: %s", docker_namespace_flags[i].name, origin);
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
		report_warn(report, "clone keeps %s closed: clone3 events name them (%s), but the log cannot tell the "
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
			report_warn(report, "%s families are not restricted: %s (%s)", name, families->why, families->why_at.profile);
		} else if (families->unrestricted) {
			report_warn(report, "%s families are not restricted: %s (first at %s:%llu)%s", name, families->why,
			     report_file_name(report, families->why_at.where.file), (unsigned long long)families->why_at.where.line,
			     call == ARG_SOCKET ? "; only AF_VSOCK is refused" : "");
		} else {
			report_warn(report, "%s families are not restricted: the log shows none (log evt.arg.domain: see "
			     "examples/falco2seccomp_rules.yaml)", name);
		}
	}
	if (choice->allow_namespaces && (set_has_name(res, set, "clone") || set_has_name(res, set, "clone3")))
		report_warn(report, "--allow-namespaces: clone and clone3 may create namespaces");
	for (int rule = 0; rule < ARG_RULE_COUNT; rule++)
		if (choice->lifted[rule] && set_has_name(res, set, arg_rule_name((enum arg_rule)rule)))
			report_warn(report, "--no-arg-rule %s: %s is allowed with any arguments", arg_rule_name((enum arg_rule)rule),
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
	const char *level = report->strict ? "error" : "warning";
	size_t merged = 0, used = 0;
	char where[320], list[2048];

	list[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		int id = risky[i].id;
		const char *name = syscall_catalog_name(res->catalog, id);
		const char *cap = risky[i].capability;
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
			report_warn(report, "%s: %s is allowed, which Docker's default allows only with %s; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", level, name, cap, where, name);
		else
			report_warn(report, "%s: %s is allowed, which Docker's default never allows; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", level, name, where, name);
	}
	if (merged > 0)
		report_warn(report, "%s: the merged profiles allow %zu syscalls that Docker's default allows only with a capability "
		     "(or never): %s; --deny-risky leaves them out, --add keeps one", level, merged, list);
}

void report_life(struct report *report, const struct run_results *res)
{
	const struct container_life *life = res->life;
	const struct scan *scan = res->scan;
	char names[64];

	if (report->quiet)
		return;
	if (life->runtime_events > 0) {
		container_life_describe(life->runtimes, names, sizeof(names));
		report_warn(report, "left out %llu events of the container runtime's own processes (%s), the first at "
		            "%s:%llu: the runtime's setup of the container, before its filter is loaded; what %s does "
		            "after loading it is the runtime baseline",
		            (unsigned long long)life->runtime_events, names,
		            report_file_name(report, life->first_runtime.file),
		            (unsigned long long)life->first_runtime.line, names);
	}
	if (scan->unplaced > 0) {
		container_life_describe(scan->unplaced_runtimes, names, sizeof(names));
		report_warn(report, "%llu events had no container id yet (container.id \"\" or null), the first at "
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
	report_warn(report, "%llu events read, %llu of the named containers, %zu distinct syscalls observed (and %zu 32-bit x86 "
	     "names of them added)",
	     (unsigned long long)scan->events, (unsigned long long)scan->matched, observed,
	     syscall_set_count(&scan->syscalls) - observed);
	const struct runtime_baseline *baseline = runtime_baseline_find(res->runtime);
	char runtime[200];
	if (res->base_profile != NULL)
		snprintf(runtime, sizeof(runtime), "the runtime's needs left to the base profile %s",
		         res->base_profile);
	else if (baseline != NULL)
		snprintf(runtime, sizeof(runtime), "%zu from the %s baseline (%s%s)", added->baseline, baseline->name,
		         baseline->source, res->runtime_from_log ? "; the log shows its processes" : "");
	else
		snprintf(runtime, sizeof(runtime), "no runtime baseline (--runtime none)");
	report_warn(report, "profile allows %zu syscalls: added %zu always needed (exit, exit_group), %s, "
	     "%zu from merged profiles, %zu by --add; removed %zu by --remove",
	     syscall_set_count(set), added->always, runtime, added->merged, added->added, added->removed);
	if (added->clone_fallback)
		report_warn(report, "added clone: clone3 answers ENOSYS, and the C library then falls back to clone");
	if (added->risky_denied > 0)
		report_warn(report, "--deny-risky left out %zu syscalls that Docker's default allows only with a capability or never",
		     added->risky_denied);
	if (scan->bad_lines > 0)
		report_warn(report, "%llu unusable lines were skipped", (unsigned long long)scan->bad_lines);
	if (scan->other_rules > 0)
		report_warn(report, "skipped alerts of other rules about the named containers, which carry no syscall: %llu",
		     (unsigned long long)scan->other_rules);
}

/*
 * Reads the UTF-8 character at p: its length in bytes (1 for a byte that
 * starts none, shown as '?') and the columns a terminal gives it.
 */
static size_t utf8_char(const unsigned char *p, int *columns)
{
	uint32_t code;
	size_t length = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;

	*columns = 1;
	if (length <= 1)
		return 1;
	code = *p & (0xff >> (length + 1));
	for (size_t i = 1; i < length; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 1;
		code = code << 6 | (p[i] & 0x3f);
	}
	if (code >= 0x300 && code <= 0x36f)
		*columns = 0;
	else if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) ||
	         (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
	         (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
	         (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) ||
	         (code >= 0x20000 && code <= 0x3fffd))
		*columns = 2;
	return length;
}

/*
 * Writes text in a column width terminal cells wide, cut short with '~'
 * when wider, with bytes a terminal would act on, and broken UTF-8, shown
 * as '?'.
 */
static void print_cell(FILE *out, const char *text, int width)
{
	const unsigned char *p = (const unsigned char *)(*text ? text : "-");
	int printed = 0, total = 0;

	for (const unsigned char *q = p; *q != '\0';) {
		int more;
		q += utf8_char(q, &more);
		total += more;
	}
	while (*p != '\0') {
		int columns;
		size_t length = utf8_char(p, &columns);
		if (total > width && printed + columns > width - 1) {
			fputc('~', out);
			printed++;
			break;
		}
		if (length == 1 && (*p < 0x20 || *p >= 0x7f))
			fputc('?', out);
		else
			fwrite(p, 1, length, out);
		printed += columns;
		p += length;
	}
	for (; printed < width; printed++)
		fputc(' ', out);
}

void report_check_finding(struct report *report, const struct run_results *res, const char *path, const struct check_finding *finding)
{
	const char *name = syscall_catalog_name(res->catalog, finding->id);
	const struct location *at = &res->scan->first_seen[finding->id];
	const char *file = report_file_name(report, at->file);
	unsigned long long line = (unsigned long long)at->line;
	const char *cap = finding->judgement.needs_cap;
	char conditions[512], origin[256] = "";

	if (report->format != REPORT_TEXT)
		return;
	profile_judge_describe(&finding->judgement, name, conditions, sizeof(conditions));
	switch (finding->outcome) {
	case CHECK_ALLOWED:
		break;
	case CHECK_CONDITIONS_MET:
	case CHECK_CONDITIONS_UNKNOWN:
		if (!report->quiet)
			report_warn(report, "%s: allowed by %s %s%s", name, path, conditions,
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
		report_warn(report, "%s:%llu: %s is allowed by %s %s, which the arguments in the log do not meet%s",
		            file, line, name, path, conditions, origin);
		break;
	case CHECK_ENOSYS_FALLBACK:
		if (!report->quiet)
			report_warn(report, "clone3: answered with ENOSYS by %s; the C library then falls back to clone, "
			            "which it allows", path);
		break;
	case CHECK_DENIED:
		if (cap != NULL)
			report_warn(report, "%s:%llu: %s is not allowed by %s without %s (--cap-add %s judges for a "
			            "container that has it)", file, line, name, path, cap, cap);
		else
			report_warn(report, "%s:%llu: %s is not allowed by %s", file, line, name, path);
		break;
	}
}

void report_check_total(struct report *report, const char *path, size_t denied, size_t observed)
{
	if (!report->quiet && report->format == REPORT_TEXT)
		report_warn(report, "%zu of %zu syscalls observed are not allowed by %s", denied, observed, path);
}

/* The container list as a document: json, markdown or github. */
static void container_document(struct report *report, const struct run_results *res)
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

void report_container_table(struct report *report, const struct run_results *res)
{
	FILE *out = report->out;
	int id_width = CONTAINER_SHORT_ID;

	if (report->format != REPORT_TEXT) {
		container_document(report, res);
		return;
	}
	for (size_t i = 0; i < res->scan->container_count; i++)
		if ((int)strlen(res->scan->containers[i].id) > id_width)
			id_width = (int)strlen(res->scan->containers[i].id);
	fprintf(out, "%-*s  %-24s  %-32s  %10s  %8s\n", id_width, "CONTAINER ID", "NAME", "IMAGE", "EVENTS", "SYSCALLS");
	for (size_t i = 0; i < res->scan->container_count; i++) {
		const struct scan_container *c = &res->scan->containers[i];
		print_cell(out, c->id, id_width);
		fputs("  ", out);
		print_cell(out, c->name, 24);
		fputs("  ", out);
		print_cell(out, c->image, 32);
		fprintf(out, "  %10llu  %8zu\n", (unsigned long long)c->events,
		        translator_count_observed(res->translator, &c->syscalls));
	}
}

void report_profile_written(struct report *report, const char *path, const struct scan_container *container,
                            size_t allowed)
{
	if (!report->quiet)
		report_warn(report, "%s: container %s, %llu events, %zu syscalls allowed", path, container->id,
		            (unsigned long long)container->events, allowed);
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
	cJSON_AddItemToObject(item, "first", json_place(report, &detail->first));
	cJSON_AddItemToObject(item, "last", json_place(report, &detail->last));
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
	cJSON_AddNumberToObject(totals, "runtime_events_left_out", (double)res->life->runtime_events);
	cJSON_AddNumberToObject(totals, "unplaced_events", (double)scan->unplaced);
	char names[64];
	container_life_describe(res->life->runtimes | scan->unplaced_runtimes, names, sizeof(names));
	cJSON_AddStringToObject(totals, "runtimes_seen", names);
	cJSON_AddStringToObject(totals, "runtime_baseline", res->runtime != NULL ? res->runtime : "runc");
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
		snprintf(text, size, "answered with ENOSYS; the C library falls back to clone, which is allowed");
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
			report_warn(report, "%s allows %zu syscalls the log never shows (beyond the runtime's): %s", path,
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
		fputs("| syscall | verdict | events | first seen | processes |\n|---|---|---|---|---|\n", out);
		/* What is not allowed comes first. */
		for (int pass = 0; pass < 2; pass++)
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
			github_command(out, "error", report_file_name(report, detail->first.where.file),
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
			report_warn(report, "%s", summary);
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

void report_no_workload(struct report *report, const struct run_results *res)
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
	report_warn(report, "no container of %s has syscall events in %llu events read; nothing written "
	            "(the log has: %s)", res->selection, (unsigned long long)res->scan->events,
	            shown ? list : "no container at all");
}

void report_workload(struct report *report, const struct run_results *res)
{
	if (report->format != REPORT_TEXT)
		return;
	report_warn(report, "workload %s: %zu containers; %llu of their events came before their workload fields "
	            "did, and count too; %zu pause containers left out", res->selection, res->workload_containers,
	            (unsigned long long)res->workload_late_events, res->workload_infrastructure);
}

void report_workload_table(struct report *report, const struct run_results *res)
{
	FILE *out = report->out;

	fprintf(out, "%-40s  %-32s  %10s  %10s  %8s\n", "WORKLOAD", "FILE", "CONTAINERS", "EVENTS", "SYSCALLS");
	for (size_t g = 0; g < res->group_count; g++) {
		const struct workload_profile *w = &res->groups[g];
		print_cell(out, w->key, 40);
		fputs("  ", out);
		print_cell(out, w->file, 32);
		fprintf(out, "  %10zu  %10llu  %8zu\n", w->containers, (unsigned long long)w->events,
		        translator_count_observed(res->translator, &w->syscalls));
	}
	if (res->workload_infrastructure > 0 || res->ungrouped > 0)
		report_warn(report, "left out %zu pause containers and %zu containers without the field grouped by",
		            res->workload_infrastructure, res->ungrouped);
}

void report_workload_written(struct report *report, const char *path, const struct workload_profile *workload,
                             size_t allowed)
{
	if (!report->quiet)
		report_warn(report, "%s: workload %s, %zu containers, %llu events, %zu syscalls allowed", path,
		            workload->key, workload->containers, (unsigned long long)workload->events, allowed);
}
