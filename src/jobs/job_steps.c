/*
 * job_steps: the steps the jobs share: reading merged profiles, the pass
 * over the logs and its checks, the set and the profile written, the
 * runtime's baseline.
 */
#include "jobs/job_steps.h"
#include "jobs/run.h"

#include "text/text.h"

#include "policy/docker_default.h"
#include "policy/runtime_baseline.h"
#include "profile/atomic_file.h"
#include "jobs/audit_log.h"
#include "jobs/beyond_the_log.h"
#include "jobs/judge_written.h"
#include "jobs/merged_profiles.h"
#include "jobs/rule_context.h"
#include "jobs/run_results.h"
#include "jobs/workload.h"
#include "report/report.h"
#include "profile/rule_order.h"

#include <errno.h>
#include <libgen.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

/* Events of the named containers from which a log without any I/O syscall is taken as incomplete. */
#define CAPTURE_GAP_EVENTS 100


/*
 * The merged rules to write after the allow list of count names: those that
 * name a syscall the list allows, or one an earlier merged rule decides,
 * would never answer (rule_order.h), so they are left out, and said.
 * *kept is a new array (or NULL: write run->frame.kept_rules). Returns 0, or -1
 * when memory runs out.
 */
static int settle_kept_rules(struct run *run, const char *path, const char *const *names, size_t count,
                             const cJSON *written, cJSON **kept)
{
	cJSON *rules = cJSON_CreateArray(), *first = cJSON_CreateObject(), *list;
	struct dead_names dead = { NULL, 0 };
	int status = -1;

	*kept = NULL;
	if (run->frame.kept_rules == NULL) {
		cJSON_Delete(rules);
		cJSON_Delete(first);
		return 0;
	}
	if (rules == NULL || first == NULL || !cJSON_AddItemToArray(rules, first)) {
		cJSON_Delete(first);
		goto done;
	}
	list = cJSON_CreateStringArray(names, (int)count);
	if (list == NULL || !cJSON_AddItemToObject(first, "names", list) ||
	    cJSON_AddStringToObject(first, "action", "SCMP_ACT_ALLOW") == NULL)
		goto done;
	size_t repeated = 0;
	for (const cJSON *rule = run->frame.kept_rules->child; rule; rule = rule->next) {
		bool failed = false;
		cJSON *left = merge_rule_left_to_write(first, written, rule, &failed);
		if (left == NULL && failed)
			goto done;
		/* --remove NAME never allows NAME: a merged rule does not name it either. */
		if (left != NULL && profile_rule_drop_names(left, (const char *const *)run->options.remove.items,
		                                            run->options.remove.count)) {
			cJSON_Delete(left);
			left = NULL;
		}
		if (left == NULL || !cJSON_Compare(left, rule, true))
			repeated++;
		if (left != NULL && !cJSON_AddItemToArray(rules, left)) {
			cJSON_Delete(left);
			goto done;
		}
	}
	if (rule_order_find(rules, &dead) != 0)
		goto done;
	status = 0;
	if (dead.count == 0 && repeated == 0)
		goto done;
	if (dead.count == 0) {
		cJSON_Delete(cJSON_DetachItemFromArray(rules, 0));
		*kept = rules;
		rules = NULL;
		goto done;
	}
	const struct dead_name *one = &dead.items[0];
	report_warning(run->report, "%s%s%zu name%s of merged rules left out: a runtime applies the first rule "
	            "without conditions that names a syscall, and %s comes first%s%s%s",
	            path ? path : "", path ? ": " : "", dead.count, dead.count == 1 ? "" : "s",
	            one->decider == 0 ? "the allow list" : "another merged rule",
	            one->decider == 0 ? " (it allows " : "", one->decider == 0 ? one->name : "",
	            one->decider == 0 ? "; --remove that name to deny it)" : "");
	if (rule_order_drop(rules, &dead) != 0) {
		status = -1;
		goto done;
	}
	cJSON_Delete(cJSON_DetachItemFromArray(rules, 0));
	for (cJSON *rule = rules->child, *next; rule; rule = next) {
		const cJSON *left = cJSON_GetObjectItemCaseSensitive(rule, "names");
		next = rule->next;
		if (cJSON_IsArray(left) && left->child == NULL)
			cJSON_Delete(cJSON_DetachItemViaPointer(rules, rule));
	}
	*kept = rules;
	rules = NULL;
done:
	rule_order_free(&dead);
	cJSON_Delete(rules);
	return status;
}

/* Writes the profile for set to path (NULL: stdout); returns a status. */
enum run_status write_profile(struct run *run, const struct syscall_set *set, const struct arg_facts *facts,
                              const char *path, struct arg_rule_plan *plan)
{
	static const char *names[SYSCALL_NAMES_MAX], *plain[SYSCALL_NAMES_MAX];
	struct syscall_set widened = *set;
	/* Without includes, a generic call one architecture needs is allowed on all. */
	if (!profile_format_row(run->options.format)->arch_map)
		widen_by_equivalents(&run->catalog, &widened);
	set = &widened;
	size_t count = syscall_set_sorted_names(set, &run->catalog, names);
	struct profile profile = {
		.default_action = run->frame.default_action,
		.has_errno_ret = run->frame.has_errno_ret,
		.errno_ret = run->frame.errno_ret,
		.arches = &run->frame.arches,
		.arch_map = run->frame.arch_map,
		.names = plain,
		.kept_rules = run->frame.kept_rules,
	};
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct rule_context oci;
	cJSON *rules;
	struct atomic_file out;
	int written;

	rule_context_for(&run->options, run->frame.arches.tokens[0], caps, &oci);
	profile.oci = &oci;
	profile.spo_name = run->profile_name;
	profile.base_profile = run->options.base_profile;
	if (arg_rules_build(names, count, &run->frame.arches, facts, &run->options.arg_rules, plain, &profile.name_count,
	                    &rules, plan) != 0) {
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	if ((!run->options.no_enosys && add_enosys(&run->catalog, set, rules, plan) != 0) || add_equivalents(&run->catalog, set, rules) != 0 ||
	    (run->options.audit && add_audit_refusals(&run->options, &run->catalog, run->report, set, facts, rules, plan) != 0)) {
		report_error(run->report, "out of memory");
		cJSON_Delete(rules);
		return RUN_RESOURCES;
	}
	profile.arg_rules = rules;
	cJSON *kept = NULL;
	if (settle_kept_rules(run, path, plain, profile.name_count, rules, &kept) != 0) {
		report_error(run->report, "out of memory");
		cJSON_Delete(rules);
		return RUN_RESOURCES;
	}
	if (kept != NULL)
		profile.kept_rules = kept;
	/* The profile is judged as written: its text, read back and built by libseccomp, before any file is touched. */
	char *text = NULL;
	size_t length = 0;
	FILE *memory = open_memstream(&text, &length);
	written = memory != NULL ? profile_write(memory, &profile, run->options.format) : -1;
	if (memory == NULL || fclose(memory) != 0 || written != 0) {
		report_error(run->report, "out of memory");
		free(text);
		cJSON_Delete(rules);
		cJSON_Delete(kept);
		return RUN_RESOURCES;
	}
	cJSON_Delete(rules);
	cJSON_Delete(kept);
	struct written_profile written_profile = { set, facts, plan, text, length };
	enum run_status judged = judge_written(&run->judge, &run->options, &run->frame.arches, &run->catalog, run->report,
	                                       results_of(run), &written_profile);
	if (judged != RUN_OK) {
		free(text);
		return judged;
	}
	/* -o names its file as a redirect does; --output-dir's entries are never followed. */
	switch (atomic_file_open(&out, path, path == run->options.output)) {
	case ATOMIC_FILE_OK:
		break;
	case ATOMIC_FILE_DIRECTORY_LOCKED:
		report_say(run->report, "cannot write %s: its directory is not writable (%s), so the file cannot be "
		            "replaced safely; write it elsewhere with -o, or to standard output", path, strerror(errno));
		free(text);
		return RUN_OUTPUT;
	case ATOMIC_FILE_FAILED:
	default:
		report_say(run->report, "cannot write %s: %s", path, strerror(errno));
		free(text);
		return RUN_OUTPUT;
	}
	written = fwrite(text, 1, length, out.file) == length ? 0 : -1;
	free(text);
	if (written != 0 || (run->batch ? atomic_file_defer(&out, run->batch) : atomic_file_commit(&out)) != 0) {
		report_say(run->report, "cannot write %s: %s",
		            path && strcmp(path, "-") != 0 ? path : "the profile to standard output", strerror(errno));
		atomic_file_abort(&out);
		return RUN_OUTPUT;
	}
	return RUN_OK;
}

/* The scan and its checks, shared by every job. */
enum run_status run_scan(struct run *run, const struct container_filter *filter, bool with_ia32)
{
	const struct options *opts = &run->options;
	enum scan_status status;

	syscall_catalog_init(&run->catalog, &run->frame.arches);
	if (translator_init(&run->translator, &run->catalog, opts->exact, with_ia32) != 0) {
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	run->scan.files = opts->logs.items;
	run->scan.file_count = opts->logs.count;
	run->scan.filter = filter;
	run->scan.strict = opts->strict;
	run->scan.full_parse = opts->full_parse || opts->strict;
	run->scan.tell = report_problem;
	run->scan.progress = opts->progress ? report_progress : NULL;
	run->scan.context = run->report;
	run->scan.translator = &run->translator;
	run->scan.details = opts->report != REPORT_TEXT;
	run->scan.jobs = opts->jobs;
	if (run->scan.jobs == 0) {
		long online = sysconf(_SC_NPROCESSORS_ONLN);
		run->scan.jobs = online > 1 ? (unsigned)(online < 64 ? online : 64) : 1;
	}
	run->workload.label_key_count = workload_label_keys(&opts->workload, opts->group_label, run->workload.label_keys);
	run->scan.label_keys = run->workload.label_keys;
	run->scan.label_key_count = run->workload.label_key_count;
	report_progress_start(run->report);
	status = scan_run(&run->scan);
	report_progress_end(run->report);
	if (status == SCAN_OK && !opts->exact)
		scan_settle_families(&run->scan);
	switch (status) {
	case SCAN_OK:
		break;
	case SCAN_INPUT_ERROR:
		return RUN_INPUT;
	case SCAN_NO_MEMORY:
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	case SCAN_TOO_MANY:
		report_say(run->report, "more than %d containers in the log; name the ones you want with -container-id",
		     SCAN_CONTAINERS_MAX);
		return RUN_RESOURCES;
	}
	bool unknown = report_unknown_names(run->report, results_of(run)) > 0;
	bool drops = report_drops(run->report, results_of(run));
	if (opts->strict && (unknown || drops))
		return RUN_INPUT;
	return RUN_OK;
}

static void describe_wanted(const struct container_filter *filter, char *text, size_t size)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < filter->count && used < size; i++)
		used += (size_t)snprintf(text + used, size - used, "%s%s", i ? ", " : "", filter->wanted[i].id);
}

/*
 * Settles the baseline for the runtime whose processes the log shows in
 * the containers of life: without --runtime, the baseline that holds the
 * baselines of the runtimes shown (policy/runtime_baseline.c); with a
 * --runtime that the log contradicts, a warning.
 */
void settle_runtime(struct run *run, const struct container_life *life, bool quiet)
{
	/* The runtime that made the container, where the log shows it; else any whose processes came in later. */
	uint32_t runtimes = life->creators ? life->creators : life->runtimes;

	if (run->runtime_given == NULL) {
		/*
		 * With no runtime process in the log (Falco 0.44 records none of crun's,
		 * and a log may come from another host), no runtime is assumed: the
		 * baseline that holds every other's, so that the profile starts under each.
		 */
		run->options.runtime = runtime_baseline_settle(runtimes);
		run->runtime_from_log = runtimes != 0;
		return;
	}
	run->options.runtime = run->runtime_given;
	if (quiet || runtimes == 0 || strcmp(run->runtime_given, "none") == 0)
		return;
	/* A baseline that holds the shown runtime's (crun's holds runc's) starts under it too. */
	for (unsigned r = 0; r < RUNTIME_COUNT; r++)
		if (runtimes >> r & 1 && runtime_baseline_holds(run->runtime_given, runtime_row((enum container_runtime)r)->name))
			return;
	char names[64];
	container_life_describe(runtimes, names, sizeof(names));
	report_warning(run->report, "--runtime %s, but the log shows the processes of %s: the profile may not "
	            "let the container start under %s (leave --runtime out to take the log's)", run->runtime_given,
	            names, names);
}

/* Unites the lives of the containers asked for by id, and settles the runtime from them. */
static void settle_wanted_lives(struct run *run)
{
	memset(&run->life, 0, sizeof(run->life));
	for (size_t i = 0; i < run->options.containers.count; i++)
		container_life_unite(&run->life, &run->scan.life[i]);
	settle_runtime(run, &run->life, false);
}

/* Says which named containers the log never mentions; returns a status. */
enum run_status check_matches(struct run *run)
{
	const struct container_filter *filter = &run->options.containers;
	char wanted[1024];

	settle_wanted_lives(run);

	for (size_t i = 0; i < filter->count; i++)
		if (run->scan.matched_per_wanted[i] == 0 && filter->count > 1)
			report_warning(run->report, "no events of container %s", filter->wanted[i].id);
	if (syscall_set_count(&run->scan.syscalls) > 0 || run->options.allow_empty)
		return RUN_OK;
	describe_wanted(filter, wanted, sizeof(wanted));
	if (run->options.job == JOB_CHECK) {
		/* Last run's id is gone: point to what the log has, and to selections that outlive an id. */
		report_say(run->report, "no syscall events of container %s in %zu events read, so there is nothing to "
		            "check; --list-containers shows the containers the log has, and --image or --name select a "
		            "workload whatever its containers' ids", wanted, (size_t)run->scan.events);
		return RUN_NO_EVENTS;
	}
	report_say(run->report, "no syscall events of container %s in %zu events read; nothing written "
	     "(--list-containers shows the containers in the log, --allow-empty writes a profile anyway)",
	     wanted, (size_t)run->scan.events);
	return RUN_NO_EVENTS;
}

/*
 * Tells whether dir can take the profiles of --all-containers: an existing
 * writable directory, or a new one in a writable directory. Says why not.
 */
static bool output_dir_usable(struct run *run, const char *dir)
{
	struct stat info;
	char *copy;
	bool usable;

	if (stat(dir, &info) == 0) {
		if (!S_ISDIR(info.st_mode)) {
			report_say(run->report, "--output-dir %s: not a directory", dir);
			return false;
		}
		if (access(dir, W_OK | X_OK) != 0) {
			report_say(run->report, "--output-dir %s: %s", dir, strerror(errno));
			return false;
		}
		return true;
	}
	copy = strdup(dir);
	usable = copy != NULL && access(dirname(copy), W_OK | X_OK) == 0;
	if (!usable)
		report_say(run->report, "--output-dir %s: cannot be created: %s", dir, strerror(errno));
	free(copy);
	return usable;
}

/* Checks what the command line names before the first byte of a log is read; returns a status. */
static enum run_status check_command_line(struct run *run)
{
	const struct name_list *lists[] = { &run->options.add, &run->options.remove };
	char message[512];

	syscall_catalog_init(&run->catalog, &run->frame.arches);
	for (size_t list = 0; list < 2; list++)
		for (size_t i = 0; i < lists[list]->count; i++)
			if (profile_set_user_name(&run->catalog, list ? "--remove" : "--add", lists[list]->items[i], message,
			                          sizeof(message)) < 0) {
				report_say(run->report, "%s", message);
				return RUN_USAGE;
			}
	if (run->options.output_dir != NULL && !output_dir_usable(run, run->options.output_dir))
		return RUN_OUTPUT;
	/*
	 * The profile would replace a log it is made from, under any name or as
	 * standard input (a merged profile it may replace: it is read first).
	 * Files are told apart by device and inode, never by name.
	 */
	struct stat target;
	const char *output = run->options.output;
	if (output != NULL && strcmp(output, "-") != 0 && stat(output, &target) == 0 && S_ISREG(target.st_mode)) {
		const struct name_list *inputs[] = { &run->options.logs, &run->options.audit_logs };
		const char *what[] = { "the log", "the audit log" };
		bool stdin_log = run->options.logs.count == 0 && !run->options.merge_only;
		for (size_t list = 0; list < 2; list++)
			for (size_t i = 0; i < inputs[list]->count + (list == 0 && stdin_log); i++) {
				const char *name = i < inputs[list]->count ? inputs[list]->items[i] : "-";
				struct stat input;
				int got = strcmp(name, "-") == 0 ? fstat(STDIN_FILENO, &input) : stat(name, &input);
				if (got == 0 && input.st_dev == target.st_dev && input.st_ino == target.st_ino) {
					report_say(run->report, "-o %s is %s %s: the profile would replace it; write it elsewhere",
					            output, what[list], strcmp(name, "-") == 0 ? "read from standard input" : name);
					return RUN_USAGE;
				}
			}
	}
	/* A directory the profile cannot go into is said now, not after the whole log is read. */
	if (output != NULL && strcmp(output, "-") != 0) {
		char *copy = strdup(output);
		const char *dir = copy != NULL ? dirname(copy) : ".";
		struct stat place;
		if (stat(dir, &place) != 0 || !S_ISDIR(place.st_mode)) {
			report_say(run->report, "cannot write %s: %s is not a directory that exists", output, dir);
			free(copy);
			return RUN_OUTPUT;
		}
		free(copy);
	}
	return RUN_OK;
}

/* What the jobs that write profiles do first: merged profiles, the command line's names, then the scan. */
enum run_status read_inputs(struct run *run, const struct container_filter *filter)
{
	enum run_status status = read_merged_profiles(&run->options, run->report, &run->frame);

	if (status == RUN_OK)
		status = merge_profiles(&run->options, run->report, &run->frame);
	if (status == RUN_OK)
		status = check_command_line(run);
	if (status == RUN_OK)
		status = run_scan(run, filter, true);
	if (status == RUN_OK && run->options.audit_logs.count > 0)
		status = read_audit_logs(&run->options, &run->catalog, run->report, &run->audit);
	return status;
}

/* Warns about the risky syscalls set allows (profile_set_risky); returns how many. */
size_t warn_risky(struct run *run, const struct syscall_set *set, const struct syscall_set *observed,
                  const struct additions *added, const char *who)
{
	static struct risky_syscall risky[SYSCALL_NAMES_MAX];
	size_t count = profile_set_risky(&run->catalog, set, added, risky);

	report_risky(run->report, results_of(run), risky, count, observed, who);
	return count;
}

/* Completes set as every profile is completed; returns a status. */
enum run_status finish_set(struct run *run, struct syscall_set *set, struct additions *added)
{
	const struct options *opts = &run->options;
	char message[512];
	struct set_choices choices = { opts->add.items, opts->add.count, opts->remove.items, opts->remove.count,
		                       opts->runtime, opts->deny_risky, &opts->arg_rules };
	struct syscall_set observed = *set;
	/* What the kernel logged under an audit profile joins the profile, as the log's own calls. */
	if (run->audit.records > 0) {
		size_t before = syscall_set_count(set);
		syscall_set_union(set, &run->audit.syscalls);
		report_audit(run->report, syscall_set_count(set) - before, run->audit.records,
		             run->audit.denials, (const char(*)[256])run->audit.processes, run->audit.process_count);
	}
	if (profile_set_finish(&run->catalog, &choices, run->frame.merged, run->frame.merged_count, set, added, message,
	                       sizeof(message)) != 0) {
		report_say(run->report, "%s", message);
		return RUN_USAGE;
	}
	take_companions(&run->options, &run->catalog, run->report, results_of(run), &run->scan.facts, &observed, set);
	take_equivalents(&run->catalog, run->report, results_of(run), set);
	return RUN_OK;
}

/*
 * Tells whether the recording looks incomplete in the way Falco's default
 * makes it: many events, but none of the I/O syscalls that Falco 0.35 and
 * later trace only with base_syscalls.all (close, a state syscall, stays
 * traced). Warns when so.
 */
bool capture_gap(struct run *run)
{
	/* Not close: Falco keeps it (a state syscall) when it drops the rest. */
	static const char *const io[] = { "read", "write", "readv", "writev", "pread64", "pwrite64", "recvfrom",
	                                  "sendto", "recvmsg", "sendmsg" };

	if (run->scan.matched < CAPTURE_GAP_EVENTS)
		return false;
	for (size_t i = 0; i < sizeof(io) / sizeof(io[0]); i++) {
		int id = syscall_catalog_find(&run->catalog, io[i]);
		if (id >= 0 && syscall_set_has(&run->scan.syscalls, id))
			return false;
	}
	report_strictly(run->report, "%llu events of the named containers, but not one read or write: Falco "
	            "was not tracing all syscalls, and the profile would stop the workload at its first read; set "
	            "base_syscalls.all: true (Falco 0.40+) or run falco -A (before 0.41), and record again",
	            (unsigned long long)run->scan.matched);
	return true;
}


