/*
 * report: the text falco2seccomp shows. Every sentence a user reads is
 * written here, to the streams main chose.
 */
#include "report.h"

#include "docker_default.h"
#include "runtime_baseline.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PROGRAM "falco2seccomp"

void report_init(struct report *report, FILE *messages, FILE *out, const struct options *options)
{
	memset(report, 0, sizeof(*report));
	report->messages = messages;
	report->out = out;
	report->logs = &options->logs;
	report->quiet = options->quiet;
	report->strict = options->strict;
}

void report_warn(struct report *report, const char *format, ...)
{
	va_list args;

	fputs(PROGRAM ": ", report->messages);
	va_start(args, format);
	vfprintf(report->messages, format, args);
	va_end(args);
	fputc('\n', report->messages);
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
	if (line > 0)
		report_warn(report, "%s:%llu: %s", file, (unsigned long long)line, message);
	else
		report_warn(report, "%s: %s", file, message);
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
	const char *file = report->logs->items[index];
	return strcmp(file, "-") == 0 ? "<stdin>" : file;
}

/* Warns about event names that are no syscall; returns how many there were. */
size_t report_unknown_names(const struct run *run)
{
	char arches[256];
	size_t count = 0;

	arch_list_describe(&run->arches, arches, sizeof(arches));
	for (size_t i = 0; i < run->translator.count; i++) {
		const struct translation *t = &run->translator.entries[i];
		if (t->kind != TRANSLATION_UNKNOWN)
			continue;
		if (++count <= SCAN_REPORTS_MAX)
			report_warn(run->report, "%s:%llu: '%s' is not a syscall on %s; %s", report_file_name(run->report, t->first.file),
			     (unsigned long long)t->first.line, t->falco, arches,
			     run->options.strict ? "--strict stops here" : "left out of the profile");
	}
	if (count > SCAN_REPORTS_MAX)
		report_warn(run->report, "%zu more names that are no syscall on %s were left out", count - SCAN_REPORTS_MAX, arches);
	if (run->translator.names_not_remembered > 0) {
		count++;
		report_warn(run->report, "%llu events had names beyond the first %d distinct ones; those that are no syscall "
		     "were left out without a report of their own",
		     (unsigned long long)run->translator.names_not_remembered, TRANSLATE_NAMES_MAX);
	}
	if (run->translator.catalog_full) {
		count++;
		report_warn(run->report, "more than %d distinct syscall names: some were left out", SYSCALL_NAMES_MAX);
	}
	return count;
}

/* Warns about Falco's drop alerts; returns true when there were any. */
bool report_drops(const struct run *run)
{
	if (run->scan.drop_alerts == 0)
		return false;
	report_warn(run->report, "%s:%llu: %s: the log has %llu 'syscall event drop' alerts, the first here (%llu events lost): "
	     "Falco missed events, so the profile may miss syscalls; record again with fewer events or a "
	     "larger buffer (see falco2seccomp(1))",
	     report_file_name(run->report, run->scan.first_drop.file), (unsigned long long)run->scan.first_drop.line,
	     run->options.strict ? "error" : "warning", (unsigned long long)run->scan.drop_alerts,
	     (unsigned long long)run->scan.drops);
	return true;
}

static void summarize_translations(const struct run *run)
{
	char text[1024];
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < run->translator.count && used < sizeof(text); i++) {
		const struct translation *t = &run->translator.entries[i];
		if (!t->expanded)
			continue;
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s ->", used ? "; " : "", t->falco);
		for (int k = 0; k < t->count && used < sizeof(text); k++)
			used += (size_t)snprintf(text + used, sizeof(text) - used, " %s",
			                         syscall_catalog_name(&run->catalog, t->ids[k]));
	}
	if (used > 0)
		report_warn(run->report, "expanded Falco family events (--exact turns this off): %s", text);
	used = 0;
	text[0] = '\0';
	for (size_t i = 0; i < run->translator.count && used < sizeof(text); i++) {
		const struct translation *t = &run->translator.entries[i];
		if (t->kind == TRANSLATION_NOT_SYSCALL)
			used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s (%llu)", used ? ", " : "",
			                         t->falco, (unsigned long long)t->events);
	}
	if (used > 0)
		report_warn(run->report, "left out events that are not syscalls: %s", text);
}

/* Says where an argument fact came from: a log line and its process, or a merged profile. */
static void describe_origin(const struct run *run, const struct arg_origin *origin, char *text, size_t size)
{
	if (origin->profile != NULL)
		snprintf(text, size, "the merged profile %s allows it", origin->profile);
	else if (origin->process[0] != '\0')
		snprintf(text, size, "process '%s' needed it at %s:%llu", origin->process,
		         report_file_name(run->report, origin->where.file), (unsigned long long)origin->where.line);
	else
		snprintf(text, size, "needed at %s:%llu", report_file_name(run->report, origin->where.file),
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

static bool set_has_name(const struct run *run, const struct syscall_set *set, const char *name)
{
	int id = syscall_catalog_find(&run->catalog, name);
	return id >= 0 && syscall_set_has(set, id);
}

/* The summary of the argument rules: what was kept from Docker's default, and what was opened and why. */
void report_arg_rules(const struct run *run, const struct syscall_set *set, const struct syscall_set *observed,
                                const struct arg_facts *facts, const struct arg_rule_plan *plan)
{
	const struct arg_rule_choice *choice = &run->options.arg_rules;
	char text[1024], origin[256];
	size_t used = 0;

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
		report_warn(run->report, "argument rules (Docker's, narrowed to the log): %s", text);
	for (size_t i = 0; plan->written[ARG_RULE_CLONE] && i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if (facts->namespaces & docker_namespace_flags[i].value) {
			describe_origin(run, &facts->namespace_at[i], origin, sizeof(origin));
			report_warn(run->report, "clone may use %s: %s", docker_namespace_flags[i].name, origin);
		}
	for (int call = 0; call < ARG_SOCKET_CALLS; call++) {
		const char *name = arg_socket_call_name((enum arg_socket_call)call);
		const struct family_facts *families = &facts->families[call];
		enum arg_rule rule = call == ARG_SOCKET ? ARG_RULE_SOCKET : ARG_RULE_SOCKETPAIR;
		if (plan->restricted[call] || !arg_rule_active(choice, rule) || !set_has_name(run, observed, name))
			continue;
		if (families->unrestricted && families->why_at.profile != NULL) {
			report_warn(run->report, "%s families are not restricted: %s (%s)", name, families->why, families->why_at.profile);
		} else if (families->unrestricted) {
			report_warn(run->report, "%s families are not restricted: %s (first at %s:%llu)%s", name, families->why,
			     report_file_name(run->report, families->why_at.where.file), (unsigned long long)families->why_at.where.line,
			     call == ARG_SOCKET ? "; only AF_VSOCK is refused" : "");
		} else {
			report_warn(run->report, "%s families are not restricted: the log shows none (log evt.arg.domain: see "
			     "examples/falco2seccomp_rules.yaml)", name);
		}
	}
	if (choice->allow_namespaces && (set_has_name(run, set, "clone") || set_has_name(run, set, "clone3")))
		report_warn(run->report, "--allow-namespaces: clone and clone3 may create namespaces");
	for (int rule = 0; rule < ARG_RULE_COUNT; rule++)
		if (choice->lifted[rule] && set_has_name(run, set, arg_rule_name((enum arg_rule)rule)))
			report_warn(run->report, "--no-arg-rule %s: %s is allowed with any arguments", arg_rule_name((enum arg_rule)rule),
			     arg_rule_name((enum arg_rule)rule));
}

/*
 * Warns about each syscall in set that Docker's default allows only with a
 * capability a container lacks, or never, unless --add named it. observed
 * holds the syscalls seen in the log, whose first line and process are
 * told; container is the container's id in --all-containers, else NULL.
 * Returns how many were warned about.
 */
size_t report_risky(const struct run *run, const struct syscall_set *set, const struct syscall_set *observed,
                           const struct additions *added, const char *container)
{
	const char *level = run->options.strict ? "error" : "warning";
	size_t count = 0, merged = 0, used = 0;
	char where[320], list[2048];

	list[0] = '\0';
	for (size_t id = 0; id < run->catalog.count; id++) {
		const char *name = syscall_catalog_name(&run->catalog, (int)id);
		const char *cap = profile_set_risky_capability(name);
		if (cap == NULL || !syscall_set_has(set, (int)id) || syscall_set_has(&added->by_user, (int)id))
			continue;
		count++;
		if (!syscall_set_has(observed, (int)id)) {
			/* What merged profiles bring is told in one line. */
			if (used < sizeof(list))
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s (%s)", merged ? ", " : "", name,
				                         cap[0] ? cap : "never");
			merged++;
			continue;
		}
		if (container != NULL)
			snprintf(where, sizeof(where), "container %s made it", container);
		else if (run->scan.first_process[id][0] != '\0')
			snprintf(where, sizeof(where), "process '%s' made it first at %s:%llu", run->scan.first_process[id],
			         report_file_name(run->report, run->scan.first_seen[id].file),
			         (unsigned long long)run->scan.first_seen[id].line);
		else
			snprintf(where, sizeof(where), "first made at %s:%llu", report_file_name(run->report, run->scan.first_seen[id].file),
			         (unsigned long long)run->scan.first_seen[id].line);
		if (cap[0] != '\0')
			report_warn(run->report, "%s: %s is allowed, which Docker's default allows only with %s; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", level, name, cap, where, name);
		else
			report_warn(run->report, "%s: %s is allowed, which Docker's default never allows; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", level, name, where, name);
	}
	if (merged > 0)
		report_warn(run->report, "%s: the merged profiles allow %zu syscalls that Docker's default allows only with a capability "
		     "(or never): %s; --deny-risky leaves them out, --add keeps one", level, merged, list);
	return count;
}

void report_summary(const struct run *run, const struct syscall_set *set, const struct additions *added)
{
	const struct scan *scan = &run->scan;

	if (run->options.quiet)
		return;
	summarize_translations(run);
	size_t observed = translator_count_observed(&run->translator, &scan->syscalls);
	report_warn(run->report, "%llu events read, %llu of the named containers, %zu distinct syscalls observed (and %zu 32-bit x86 "
	     "names of them added)",
	     (unsigned long long)scan->events, (unsigned long long)scan->matched, observed,
	     syscall_set_count(&scan->syscalls) - observed);
	const struct runtime_baseline *baseline = runtime_baseline_find(run->options.runtime);
	char runtime[200];
	if (baseline != NULL)
		snprintf(runtime, sizeof(runtime), "%zu from the %s baseline (%s)", added->baseline, baseline->name,
		         baseline->source);
	else
		snprintf(runtime, sizeof(runtime), "no runtime baseline (--runtime none)");
	report_warn(run->report, "profile allows %zu syscalls: added %zu always needed (exit, exit_group), %s, "
	     "%zu from merged profiles, %zu by --add; removed %zu by --remove",
	     syscall_set_count(set), added->always, runtime, added->merged, added->added, added->removed);
	if (added->clone_fallback)
		report_warn(run->report, "added clone: clone3 answers ENOSYS, and the C library then falls back to clone");
	if (added->risky_denied > 0)
		report_warn(run->report, "--deny-risky left out %zu syscalls that Docker's default allows only with a capability or never",
		     added->risky_denied);
	if (scan->bad_lines > 0)
		report_warn(run->report, "%llu unusable lines were skipped", (unsigned long long)scan->bad_lines);
	if (scan->other_rules > 0)
		report_warn(run->report, "skipped alerts of other rules about the named containers, which carry no syscall: %llu",
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

void report_check_finding(const struct run *run, const char *path, const struct check_finding *finding)
{
	const char *name = syscall_catalog_name(&run->catalog, finding->id);
	const struct location *at = &run->scan.first_seen[finding->id];
	const char *file = report_file_name(run->report, at->file);
	unsigned long long line = (unsigned long long)at->line;
	const char *cap = finding->judgement.needs_cap;
	char conditions[512], origin[256] = "";

	profile_judge_describe(&finding->judgement, name, conditions, sizeof(conditions));
	switch (finding->outcome) {
	case CHECK_ALLOWED:
		break;
	case CHECK_CONDITIONS_MET:
	case CHECK_CONDITIONS_UNKNOWN:
		if (!run->options.quiet)
			report_warn(run->report, "%s: allowed by %s %s%s", name, path, conditions,
			            finding->outcome == CHECK_CONDITIONS_UNKNOWN
			                    ? " (the log does not show enough of its arguments to tell)"
			                    : ", as the log shows");
		break;
	case CHECK_CONDITIONS_FAILED:
		for (size_t i = 0; strcmp(name, "clone") == 0 && i < DOCKER_NAMESPACE_FLAG_COUNT && !origin[0]; i++)
			if (run->scan.facts.namespaces & docker_namespace_flags[i].value) {
				size_t used = (size_t)snprintf(origin, sizeof(origin), " (%s: ", docker_namespace_flags[i].name);
				describe_origin(run, &run->scan.facts.namespace_at[i], origin + used, sizeof(origin) - used - 1);
				strcat(origin, ")");
			}
		report_warn(run->report, "%s:%llu: %s is allowed by %s %s, which the arguments in the log do not meet%s",
		            file, line, name, path, conditions, origin);
		break;
	case CHECK_ENOSYS_FALLBACK:
		if (!run->options.quiet)
			report_warn(run->report, "clone3: answered with ENOSYS by %s; the C library then falls back to clone, "
			            "which it allows", path);
		break;
	case CHECK_DENIED:
		if (cap != NULL)
			report_warn(run->report, "%s:%llu: %s is not allowed by %s without %s (--cap-add %s judges for a "
			            "container that has it)", file, line, name, path, cap, cap);
		else
			report_warn(run->report, "%s:%llu: %s is not allowed by %s", file, line, name, path);
		break;
	}
}

void report_check_total(const struct run *run, const char *path, size_t denied, size_t observed)
{
	if (!run->options.quiet)
		report_warn(run->report, "%zu of %zu syscalls observed are not allowed by %s", denied, observed, path);
}

void report_container_table(const struct run *run)
{
	FILE *out = run->report->out;
	int id_width = CONTAINER_SHORT_ID;

	for (size_t i = 0; i < run->scan.container_count; i++)
		if ((int)strlen(run->scan.containers[i].id) > id_width)
			id_width = (int)strlen(run->scan.containers[i].id);
	fprintf(out, "%-*s  %-24s  %-32s  %10s  %8s\n", id_width, "CONTAINER ID", "NAME", "IMAGE", "EVENTS", "SYSCALLS");
	for (size_t i = 0; i < run->scan.container_count; i++) {
		const struct scan_container *c = &run->scan.containers[i];
		print_cell(out, c->id, id_width);
		fputs("  ", out);
		print_cell(out, c->name, 24);
		fputs("  ", out);
		print_cell(out, c->image, 32);
		fprintf(out, "  %10llu  %8zu\n", (unsigned long long)c->events,
		        translator_count_observed(&run->translator, &c->syscalls));
	}
}

void report_profile_written(const struct run *run, const char *path, const struct scan_container *container,
                            size_t allowed)
{
	if (!run->options.quiet)
		report_warn(run->report, "%s: container %s, %llu events, %zu syscalls allowed", path, container->id,
		            (unsigned long long)container->events, allowed);
}
