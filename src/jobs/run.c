/*
 * run: the jobs. Each reads what it needs, works out its results and
 * hands them to report; problems are told through report as they are met.
 */
#include "jobs/run.h"

#include "text/text.h"

#include "policy/docker_default.h"
#include "profile/atomic_file.h"
#include "jobs/output_names.h"
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


/* The results the report renders, brought up to date with run. */
static const struct run_results *results_of(struct run *run)
{
	struct run_results *r = &run->results;

	r->scan = &run->scan;
	r->translator = &run->translator;
	r->catalog = &run->catalog;
	r->arches = &run->arches;
	r->life = &run->life;
	r->groups = run->groups;
	r->group_count = run->group_count;
	r->arg_rules = &run->options.arg_rules;
	r->runtime = run->options.runtime;
	r->runtime_from_log = run->runtime_from_log;
	r->base_profile = run->options.base_profile;
	r->selection = run->selection;
	r->workload_containers = run->workload_containers;
	r->workload_late_events = run->workload_late_events;
	r->workload_infrastructure = run->workload_infrastructure;
	r->ungrouped = run->ungrouped;
	return r;
}

/* Events of the named containers from which a log without any I/O syscall is taken as incomplete. */
#define CAPTURE_GAP_EVENTS 100

/* Refuses architectures that cannot share one filter; returns a status. */
static enum run_status check_loadable(struct run *run, const struct arch_list *arches)
{
	uint32_t bad;
	char list[256];

	if (arch_list_loadable(arches, &bad))
		return RUN_OK;
	arch_list_describe(arches, list, sizeof(list));
	report_warn(run->report, "%s cannot share one seccomp filter with the others of %s (libseccomp refuses to mix byte orders); "
	     "name the architectures of one kind with --arch",
	     arch_short_name(bad), list);
	return RUN_USAGE;
}

/* Checks that the profile to write loads: each archMap entry on its own, else the whole list. */
static enum run_status check_architectures(struct run *run)
{
	enum run_status status = RUN_OK;

	if (run->arch_map == NULL || run->options.format != PROFILE_FORMAT_DOCKER)
		return check_loadable(run, &run->arches);
	for (size_t e = 0; e < run->arch_map->count && status == RUN_OK; e++) {
		struct arch_list group = run->arch_map->entries[e].subs;
		arch_list_add(&group, run->arch_map->entries[e].arch);
		status = check_loadable(run, &group);
	}
	return status;
}

/* Settles the profile's header and the kept rules from the merged profiles. */
static enum run_status merge_profiles(struct run *run)
{
	const struct options *opts = &run->options;
	struct merge_overrides overrides = { opts->has_arches, opts->arches, opts->default_action, opts->has_errno_ret,
		                             opts->errno_ret };
	struct merge_header *header = &run->header;
	char message[512];

	switch (merge_header(&overrides, run->merged, opts->merge.count, header, message, sizeof(message))) {
	case MERGE_OK:
		break;
	case MERGE_CONFLICT:
		report_warn(run->report, "%s", message);
		return RUN_USAGE;
	case MERGE_NO_MEMORY:
		return RUN_RESOURCES;
	}
	run->arches = header->arches;
	run->arch_map = header->has_arch_map ? &header->arch_map : NULL;
	run->default_action = header->default_action;
	if (profile_action_allows(run->default_action)) {
		/* Nothing the profile says holds: what no rule allows runs all the same. */
		bool merged = opts->default_action == NULL;
		report_warn(run->report, "%s: the default action is %s%s: every syscall the profile does not name runs%s, so "
		            "it restricts nothing and no argument rule holds (clone with namespace flags runs too); "
		            "give --default-action SCMP_ACT_ERRNO to enforce it",
		            merged && opts->strict ? "error" : "warning", run->default_action,
		            merged ? ", taken from the merged profiles" : "",
		            strcmp(run->default_action, "SCMP_ACT_LOG") == 0 ? " (and is logged)" : "");
		if (merged && opts->strict)
			return RUN_INPUT;
	}
	run->has_errno_ret = header->has_errno_ret;
	run->errno_ret = header->errno_ret;
	merge_absorb_arg_rules(run->merged, run->options.merge.count, &run->merged_facts);
	if (merge_kept_rules(run->merged, run->options.merge.count, &run->kept_rules) != MERGE_OK) {
		report_warn(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	return check_architectures(run);
}

/* Says that a profile read has rule names that never answer, and that they are read as left out. */
static void warn_dead_names(struct run *run, const char *option, const struct profile_input *input)
{
	if (input->dead_names == 0)
		return;
	report_warn(run->report, "warning: %s %s: %zu rule name%s never answer%s: a runtime applies the first rule "
	            "without conditions that names a syscall, so a later one with another action is dead (%s); "
	            "read as left out", option, input->path, input->dead_names, input->dead_names == 1 ? "" : "s",
	            input->dead_names == 1 ? "s" : "", input->dead_example);
}

static enum run_status read_merged_profiles(struct run *run)
{
	char message[512];

	run->merged = calloc(run->options.merge.count + 1, sizeof(run->merged[0]));
	if (run->merged == NULL)
		return RUN_RESOURCES;
	for (size_t i = 0; i < run->options.merge.count; i++)
		if (profile_read(run->options.merge.items[i], &run->merged[i], message, sizeof(message)) != 0) {
			report_warn(run->report, "--merge %s", message);
			return RUN_INPUT;
		} else {
			warn_dead_names(run, "--merge", &run->merged[i]);
		}
	return RUN_OK;
}

/*
 * The container rules are weighed for: architecture token, this host's
 * kernel, Docker's default capabilities and --cap-add (caps has room for
 * them all).
 */
static void rule_context_for(const struct options *opts, uint32_t arch, const char **caps, struct rule_context *ctx)
{
	struct utsname host;

	memset(ctx, 0, sizeof(*ctx));
	ctx->arch = arch_moby_name(arch);
	if (ctx->arch == NULL)
		ctx->arch = "";
	for (size_t i = 0; i < DOCKER_DEFAULT_CAPABILITY_COUNT; i++)
		caps[ctx->cap_count++] = docker_default_capabilities[i];
	for (size_t i = 0; i < opts->cap_add_count; i++)
		caps[ctx->cap_count++] = opts->cap_add[i];
	ctx->caps = caps;
	if (uname(&host) == 0 && sscanf(host.release, "%u.%u", &ctx->kernel_major, &ctx->kernel_minor) != 2)
		ctx->kernel_major = ctx->kernel_minor = 0;
}

/*
 * The merged rules to write after the allow list of count names: those that
 * name a syscall the list allows, or one an earlier merged rule decides,
 * would never answer (rule_order.h), so they are left out, and said.
 * *kept is a new array (or NULL: write run->kept_rules). Returns 0, or -1
 * when memory runs out.
 */
static int settle_kept_rules(struct run *run, const char *path, const char *const *names, size_t count, cJSON **kept)
{
	cJSON *rules = cJSON_CreateArray(), *first = cJSON_CreateObject(), *list;
	struct dead_names dead = { NULL, 0 };
	int status = -1;

	*kept = NULL;
	if (run->kept_rules == NULL) {
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
	for (const cJSON *rule = run->kept_rules->child; rule; rule = rule->next)
		if (!cJSON_AddItemToArray(rules, cJSON_Duplicate(rule, 1)))
			goto done;
	if (rule_order_find(rules, &dead) != 0)
		goto done;
	status = 0;
	if (dead.count == 0)
		goto done;
	const struct dead_name *one = &dead.items[0];
	report_warn(run->report, "warning: %s%s%zu name%s of merged rules left out: a runtime applies the first rule "
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
static enum run_status write_profile(struct run *run, const struct syscall_set *set, const struct arg_facts *facts,
                         const char *path, struct arg_rule_plan *plan)
{
	static const char *names[SYSCALL_NAMES_MAX], *plain[SYSCALL_NAMES_MAX];
	size_t count = syscall_set_sorted_names(set, &run->catalog, names);
	struct profile profile = {
		.default_action = run->default_action,
		.has_errno_ret = run->has_errno_ret,
		.errno_ret = run->errno_ret,
		.arches = &run->arches,
		.arch_map = run->arch_map,
		.names = plain,
		.kept_rules = run->kept_rules,
	};
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct rule_context oci;
	cJSON *rules;
	struct atomic_file out;
	int written;

	rule_context_for(&run->options, run->arches.tokens[0], caps, &oci);
	profile.oci = &oci;
	profile.spo_name = run->profile_name;
	profile.base_profile = run->options.base_profile;
	if (arg_rules_build(names, count, &run->arches, facts, &run->options.arg_rules, plain, &profile.name_count,
	                    &rules, plan) != 0) {
		report_warn(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	profile.arg_rules = rules;
	cJSON *kept = NULL;
	if (settle_kept_rules(run, path, plain, profile.name_count, &kept) != 0) {
		report_warn(run->report, "out of memory");
		cJSON_Delete(rules);
		return RUN_RESOURCES;
	}
	if (kept != NULL)
		profile.kept_rules = kept;
	/* -o names its file as a redirect does; --output-dir's entries are never followed. */
	switch (atomic_file_open(&out, path, path == run->options.output)) {
	case ATOMIC_FILE_OK:
		break;
	case ATOMIC_FILE_DIRECTORY_LOCKED:
		report_warn(run->report, "cannot write %s: its directory is not writable (%s), so the file cannot be "
		            "replaced safely; write it elsewhere with -o, or to standard output", path, strerror(errno));
		cJSON_Delete(rules);
		cJSON_Delete(kept);
		return RUN_OUTPUT;
	case ATOMIC_FILE_FAILED:
	default:
		report_warn(run->report, "cannot write %s: %s", path, strerror(errno));
		cJSON_Delete(rules);
		cJSON_Delete(kept);
		return RUN_OUTPUT;
	}
	written = profile_write(out.file, &profile, run->options.format);
	cJSON_Delete(rules);
	cJSON_Delete(kept);
	if (written != 0 || (run->batch ? atomic_file_defer(&out, run->batch) : atomic_file_commit(&out)) != 0) {
		report_warn(run->report, "cannot write %s: %s",
		            path && strcmp(path, "-") != 0 ? path : "the profile to standard output", strerror(errno));
		atomic_file_abort(&out);
		return RUN_OUTPUT;
	}
	return RUN_OK;
}

/* The scan and its checks, shared by every job. */
static enum run_status run_scan(struct run *run, const struct container_filter *filter, bool with_ia32)
{
	const struct options *opts = &run->options;
	enum scan_status status;

	syscall_catalog_init(&run->catalog, &run->arches);
	if (translator_init(&run->translator, &run->catalog, opts->exact, with_ia32) != 0)
		return RUN_RESOURCES;
	run->scan.files = opts->logs.items;
	run->scan.file_count = opts->logs.count;
	run->scan.filter = filter;
	run->scan.strict = opts->strict;
	run->scan.full_parse = opts->full_parse || opts->strict;
	run->scan.report = report_problem;
	run->scan.progress = opts->progress ? report_progress : NULL;
	run->scan.context = run->report;
	run->scan.translator = &run->translator;
	run->scan.details = opts->report != REPORT_TEXT;
	run->scan.jobs = opts->jobs;
	if (run->scan.jobs == 0) {
		long online = sysconf(_SC_NPROCESSORS_ONLN);
		run->scan.jobs = online > 1 ? (unsigned)(online < 64 ? online : 64) : 1;
	}
	run->label_key_count = workload_label_keys(&opts->workload, opts->group_label, run->label_keys);
	run->scan.label_keys = run->label_keys;
	run->scan.label_key_count = run->label_key_count;
	report_progress_start(run->report);
	status = scan_run(&run->scan);
	report_progress_end(run->report);
	switch (status) {
	case SCAN_OK:
		break;
	case SCAN_INPUT_ERROR:
		return RUN_INPUT;
	case SCAN_NO_MEMORY:
		report_warn(run->report, "out of memory");
		return RUN_RESOURCES;
	case SCAN_TOO_MANY:
		report_warn(run->report, "more than %d containers in the log; name the ones you want with -container-id",
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

/* Says which named containers the log never mentions; returns a status. */
/*
 * Settles the baseline for the runtime whose processes the log shows in
 * the containers of life: without --runtime, crun's
 * where crun's processes are there, runc's otherwise (youki and runsc
 * have none of their own); with a --runtime that the log contradicts, a
 * warning.
 */
static void settle_runtime(struct run *run, const struct container_life *life, bool quiet)
{
	/* The runtime that made the container, where the log shows it; else any whose processes came in later. */
	uint32_t runtimes = life->creators ? life->creators : life->runtimes;
	const char *shown = runtimes & 1u << RUNTIME_CRUN ? "crun" : "runc";

	if (run->runtime_given == NULL) {
		run->options.runtime = shown;
		run->runtime_from_log = runtimes != 0;
		return;
	}
	run->options.runtime = run->runtime_given;
	if (quiet || runtimes == 0 || strcmp(run->runtime_given, "none") == 0)
		return;
	for (unsigned r = 0; r < RUNTIME_COUNT; r++)
		if (strcmp(container_life_runtime_name((enum container_runtime)r), run->runtime_given) == 0 &&
		    (runtimes >> r & 1))
			return;
	char names[64];
	container_life_describe(runtimes, names, sizeof(names));
	report_warn(run->report, "warning: --runtime %s, but the log shows the processes of %s: the profile may not "
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

static enum run_status check_matches(struct run *run)
{
	const struct container_filter *filter = &run->options.containers;
	char wanted[1024];

	settle_wanted_lives(run);

	for (size_t i = 0; i < filter->count; i++)
		if (run->scan.matched_per_wanted[i] == 0 && filter->count > 1)
			report_warn(run->report, "warning: no events of container %s", filter->wanted[i].id);
	if (syscall_set_count(&run->scan.syscalls) > 0 || run->options.allow_empty)
		return RUN_OK;
	describe_wanted(filter, wanted, sizeof(wanted));
	report_warn(run->report, "no syscall events of container %s in %zu events read; nothing written "
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
			report_warn(run->report, "--output-dir %s: not a directory", dir);
			return false;
		}
		if (access(dir, W_OK | X_OK) != 0) {
			report_warn(run->report, "--output-dir %s: %s", dir, strerror(errno));
			return false;
		}
		return true;
	}
	copy = strdup(dir);
	usable = copy != NULL && access(dirname(copy), W_OK | X_OK) == 0;
	if (!usable)
		report_warn(run->report, "--output-dir %s: cannot be created: %s", dir, strerror(errno));
	free(copy);
	return usable;
}

/* Checks what the command line names before the first byte of a log is read; returns a status. */
static enum run_status check_command_line(struct run *run)
{
	const struct name_list *lists[] = { &run->options.add, &run->options.remove };
	char message[512];

	syscall_catalog_init(&run->catalog, &run->arches);
	for (size_t list = 0; list < 2; list++)
		for (size_t i = 0; i < lists[list]->count; i++)
			if (profile_set_user_name(&run->catalog, list ? "--remove" : "--add", lists[list]->items[i], message,
			                          sizeof(message)) < 0) {
				report_warn(run->report, "%s", message);
				return RUN_USAGE;
			}
	if (run->options.output_dir != NULL && !output_dir_usable(run, run->options.output_dir))
		return RUN_OUTPUT;
	/* The profile would replace a log it is made from (a merged profile it may replace: it is read first). */
	struct stat target, log;
	const char *output = run->options.output;
	if (output != NULL && strcmp(output, "-") != 0 && stat(output, &target) == 0 && S_ISREG(target.st_mode))
		for (size_t i = 0; i < run->options.logs.count; i++)
			if (strcmp(run->options.logs.items[i], "-") != 0 && stat(run->options.logs.items[i], &log) == 0 &&
			    log.st_dev == target.st_dev && log.st_ino == target.st_ino) {
				report_warn(run->report, "-o %s is the log %s: the profile would replace it; write it elsewhere",
				            output, run->options.logs.items[i]);
				return RUN_USAGE;
			}
	return RUN_OK;
}

/* What the jobs that write profiles do first: merged profiles, the command line's names, then the scan. */
static enum run_status read_inputs(struct run *run, const struct container_filter *filter)
{
	enum run_status status = read_merged_profiles(run);

	if (status == RUN_OK)
		status = merge_profiles(run);
	if (status == RUN_OK)
		status = check_command_line(run);
	if (status == RUN_OK)
		status = run_scan(run, filter, true);
	return status;
}

/*
 * Unites the merged profiles' argument facts with facts and checks that no
 * merged rule is wider than the rules in force; returns a status.
 */
static enum run_status settle_arg_facts(struct run *run, struct arg_facts *facts)
{
	char message[640];

	arg_facts_unite(facts, &run->merged_facts);
	switch (merge_check_arg_rules(run->merged, run->options.merge.count, facts, &run->options.arg_rules, message,
	                              sizeof(message))) {
	case MERGE_OK:
		return RUN_OK;
	case MERGE_CONFLICT:
		report_warn(run->report, "%s", message);
		return RUN_USAGE;
	case MERGE_NO_MEMORY:
	default:
		report_warn(run->report, "out of memory");
		return RUN_RESOURCES;
	}
}

/* Warns about the risky syscalls set allows (profile_set_risky); returns how many. */
static size_t warn_risky(struct run *run, const struct syscall_set *set, const struct syscall_set *observed,
                         const struct additions *added, const char *who)
{
	static struct risky_syscall risky[SYSCALL_NAMES_MAX];
	size_t count = profile_set_risky(&run->catalog, set, added, risky);

	report_risky(run->report, results_of(run), risky, count, observed, who);
	return count;
}

/* Completes set as every profile is completed; returns a status. */
static enum run_status finish_set(struct run *run, struct syscall_set *set, struct additions *added)
{
	const struct options *opts = &run->options;
	char message[512];
	struct set_choices choices = { opts->add.items, opts->add.count, opts->remove.items, opts->remove.count,
		                       opts->runtime, opts->deny_risky, &opts->arg_rules };
	if (profile_set_finish(&run->catalog, &choices, run->merged, run->options.merge.count, set, added, message,
	                       sizeof(message)) == 0)
		return RUN_OK;
	report_warn(run->report, "%s", message);
	return RUN_USAGE;
}

/*
 * Tells whether the recording looks incomplete in the way Falco's default
 * makes it: many events, but none of the I/O syscalls that Falco 0.35 and
 * later trace only with base_syscalls.all (close, a state syscall, stays
 * traced). Warns when so.
 */
static bool capture_gap(struct run *run)
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
	report_warn(run->report, "%s: %llu events of the named containers, but not one read or write: Falco "
	            "was not tracing all syscalls, and the profile would stop the workload at its first read; set "
	            "base_syscalls.all: true (Falco 0.40+) or run falco -A (before 0.41), and record again",
	            run->options.strict ? "error" : "warning", (unsigned long long)run->scan.matched);
	return true;
}

/* Writes the selection as the user gave it ("--image nginx --label app=web") into run->selection. */
static void describe_selection(struct run *run)
{
	const struct workload_selection *s = &run->options.workload;
	const struct { const char *option; const char *const *values; size_t count; } parts[] = {
		{ "--image", s->images, s->image_count }, { "--name", s->names, s->name_count },
		{ "--k8s", s->pods, s->pod_count }, { "--label", s->labels, s->label_count },
	};
	size_t used = 0;

	run->selection[0] = '\0';
	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++)
		for (size_t i = 0; i < parts[p].count && used < sizeof(run->selection); i++)
			used += (size_t)snprintf(run->selection + used, sizeof(run->selection) - used, "%s%s %s", used ? " " : "",
			                         parts[p].option, parts[p].values[i]);
}

/*
 * Unites the containers of the selected workload into the scan's results,
 * as if they had been named by id: every event of a container counts once
 * any of its events carried the fields that select it. Pause containers
 * are left out unless --image names their image.
 */
static enum run_status select_workload(struct run *run)
{
	const struct workload_selection *selection = &run->options.workload;
	struct scan *scan = &run->scan;
	uint64_t events = 0;

	describe_selection(run);
	memset(&scan->syscalls, 0, sizeof(scan->syscalls));
	memset(&scan->facts, 0, sizeof(scan->facts));
	for (size_t i = 0; i < scan->container_count; i++) {
		const struct scan_container *c = &scan->containers[i];
		if (!workload_matches(selection, c, run->label_keys, run->label_key_count))
			continue;
		if (workload_is_infrastructure(c) && !workload_image_named(selection, c)) {
			run->workload_infrastructure++;
			continue;
		}
		syscall_set_union(&scan->syscalls, &c->syscalls);
		arg_facts_unite(&scan->facts, &c->facts);
		container_life_unite(&run->life, &c->life);
		events += c->events;
		run->workload_late_events += c->events_before_fields;
		run->workload_containers++;
	}
	scan->matched = events;
	settle_runtime(run, &run->life, false);
	if (run->workload_containers > 0 && syscall_set_count(&scan->syscalls) > 0)
		return RUN_OK;
	if (run->workload_containers > 0 && run->options.allow_empty)
		return RUN_OK;
	report_no_workload(run->report, results_of(run));
	return RUN_NO_EVENTS;
}

static enum run_status job_profile(struct run *run)
{
	struct syscall_set set;
	struct additions added;
	struct arg_facts facts;
	struct arg_rule_plan plan;
	bool workload = workload_selecting(&run->options.workload);
	enum run_status status = read_inputs(run, workload ? NULL : &run->options.containers);

	if (status == RUN_OK)
		status = workload ? select_workload(run) : check_matches(run);
	if (status != RUN_OK)
		return status;
	facts = run->scan.facts;
	set = run->scan.syscalls;
	if (run->options.profile_name != NULL) {
		output_names_dns1123(run->options.profile_name, run->profile_name, sizeof(run->profile_name));
	} else if (workload) {
		const struct workload_selection *s = &run->options.workload;
		output_names_dns1123(s->image_count ? s->images[0] : s->name_count ? s->names[0] : s->pod_count ? s->pods[0]
		                     : strchr(s->labels[0], '=') + 1, run->profile_name, sizeof(run->profile_name));
	} else {
		char name[CONTAINER_ID_MAX + 32];
		snprintf(name, sizeof(name), "falco2seccomp-%s", run->options.containers.wanted[0].id);
		output_names_dns1123(name, run->profile_name, sizeof(run->profile_name));
	}
	status = settle_arg_facts(run, &facts);
	if (status == RUN_OK)
		status = finish_set(run, &set, &added);
	char who[sizeof(run->selection) + 32];
	snprintf(who, sizeof(who), "a container of %s", run->selection);
	if (status == RUN_OK && warn_risky(run, &set, &run->scan.syscalls, &added, workload ? who : NULL) > 0 &&
	    run->options.strict)
		status = RUN_INPUT;
	if (status == RUN_OK && capture_gap(run) && run->options.strict)
		status = RUN_INPUT;
	if (status == RUN_OK)
		status = write_profile(run, &set, &facts, run->options.output, &plan);
	if (status == RUN_OK && !run->options.quiet) {
		if (workload)
			report_workload(run->report, results_of(run));
		report_life(run->report, results_of(run));
		report_summary(run->report, results_of(run), &set, &added);
		report_arg_rules(run->report, results_of(run), &set, &run->scan.syscalls, &facts, &plan);
	}
	if (status == RUN_OK)
		report_profile_document(run->report, results_of(run), run->options.output, &set, &plan);
	return status;
}

/* Judges one observed syscall against profile for --check. */
static void judge_observed(const struct run *run, const struct profile_input *profile, const struct rule_context *ctx,
                           int id, struct check_finding *finding)
{
	const char *name = syscall_catalog_name(&run->catalog, id);
	struct judgement fallback;

	finding->id = id;
	profile_judge(profile, name, ctx, &finding->judgement);
	switch (finding->judgement.verdict) {
	case VERDICT_ALLOWED:
		finding->outcome = CHECK_ALLOWED;
		return;
	case VERDICT_CONDITIONAL:
		switch (profile_judge_arguments(&finding->judgement, name, &run->scan.facts)) {
		case 0:
			finding->outcome = CHECK_CONDITIONS_FAILED;
			return;
		case 1:
			finding->outcome = CHECK_CONDITIONS_MET;
			return;
		default:
			finding->outcome = CHECK_CONDITIONS_UNKNOWN;
			return;
		}
	case VERDICT_DENIED:
	default:
		break;
	}
	/* clone3 answered with ENOSYS is covered when the C library's fallback, clone, is allowed. */
	profile_judge(profile, "clone", ctx, &fallback);
	finding->outcome = strcmp(name, "clone3") == 0 && finding->judgement.errno_rule &&
	                                   finding->judgement.errno_ret == DOCKER_ENOSYS &&
	                                   fallback.verdict != VERDICT_DENIED
	                           ? CHECK_ENOSYS_FALLBACK
	                           : CHECK_DENIED;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The syscalls profile allows by name that the log never shows, beyond
 * what the runtime and every process need and the 32-bit names added
 * beside 64-bit ones: a profile grown stale. names
 * has room for SYSCALL_NAMES_MAX; returns how many, sorted.
 */
static size_t never_used(const struct run *run, const struct profile_input *profile, const char **names)
{
	const cJSON *lists[] = { profile->allow_names, profile->arg_names };
	size_t count = 0;

	for (size_t l = 0; l < 2; l++)
		for (const cJSON *item = lists[l]->child; item && count < SYSCALL_NAMES_MAX; item = item->next) {
			int id = syscall_catalog_find(&run->catalog, item->valuestring);
			bool seen = id >= 0 && syscall_set_has(&run->scan.syscalls, id);
			bool listed = false;
			for (size_t i = 0; i < count && !listed; i++)
				listed = strcmp(names[i], item->valuestring) == 0;
			if (!seen && !listed && !profile_set_always_given(run->options.runtime, item->valuestring) &&
			    !syscall_names_is_ia32_alias(item->valuestring))
				names[count++] = item->valuestring;
		}
	qsort(names, count, sizeof(names[0]), compare_names);
	return count;
}

static enum run_status job_check(struct run *run)
{
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	static struct check_finding findings[SYSCALL_NAMES_MAX];
	static const char *unused[SYSCALL_NAMES_MAX];
	struct rule_context ctx;
	struct profile_input profile;
	char message[512];
	size_t denied = 0, count = 0;
	enum run_status status;

	if (profile_read(run->options.check, &profile, message, sizeof(message)) != 0) {
		report_warn(run->report, "--check %s", message);
		profile_input_free(&profile);
		return RUN_INPUT;
	}
	warn_dead_names(run, "--check", &profile);
	rule_context_for(&run->options, seccomp_arch_native(), caps, &ctx);
	run->arches = run->options.has_arches || profile.arches.count == 0 ? run->options.arches : profile.arches;
	status = run_scan(run, &run->options.containers, false);
	if (status == RUN_OK)
		status = check_matches(run);
	for (size_t id = 0; status == RUN_OK && id < run->catalog.count; id++) {
		if (!syscall_set_has(&run->scan.syscalls, (int)id))
			continue;
		judge_observed(run, &profile, &ctx, (int)id, &findings[count]);
		report_check_finding(run->report, results_of(run), run->options.check, &findings[count]);
		denied += findings[count].outcome == CHECK_CONDITIONS_FAILED || findings[count].outcome == CHECK_DENIED;
		count++;
	}
	if (status == RUN_OK) {
		report_life(run->report, results_of(run));
		report_check_total(run->report, run->options.check, denied,
		                   translator_count_observed(&run->translator, &run->scan.syscalls));
		report_check_document(run->report, results_of(run), run->options.check, findings, count, unused, never_used(run, &profile, unused));
	}
	profile_input_free(&profile);
	if (status == RUN_OK && denied > 0)
		status = RUN_NOT_ALLOWED;
	return status;
}

static int compare_containers(const void *a, const void *b)
{
	const struct scan_container *x = a, *y = b;

	if (x->events != y->events)
		return x->events > y->events ? -1 : 1;
	return strcmp(x->id, y->id);
}


/*
 * Writes the profile of one container or workload of --all-containers as
 * DIR/BASE.json (.yaml for spo) into path (size bytes), from what it was
 * observed making; *allowed gets how many syscalls the profile allows.
 */
static enum run_status write_member(struct run *run, const char *dir, const char *base,
                                    const struct syscall_set *observed, struct arg_facts *facts, const char *who,
                                    char *path, size_t size, size_t *allowed)
{
	struct syscall_set set = *observed;
	struct additions added;
	struct arg_rule_plan plan;
	enum run_status status;

	if ((size_t)snprintf(path, size, "%s/%s.%s", dir, base,
	                     run->options.format == PROFILE_FORMAT_SPO ? "yaml" : "json") >= size) {
		report_warn(run->report, "%s: path too long", dir);
		return RUN_OUTPUT;
	}
	output_names_dns1123(base, run->profile_name, sizeof(run->profile_name));
	status = settle_arg_facts(run, facts);
	if (status == RUN_OK)
		status = finish_set(run, &set, &added);
	if (status == RUN_OK && warn_risky(run, &set, observed, &added, who) > 0 && run->options.strict)
		status = RUN_INPUT;
	if (status == RUN_OK)
		status = write_profile(run, &set, facts, path, &plan);
	*allowed = syscall_set_count(&set);
	return status;
}

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
static enum run_status name_workloads(struct run *run)
{
	struct name_table taken = { calloc(2 * run->group_count + 1, sizeof(const char *)), 2 * run->group_count + 1 };
	struct name_table bases = { calloc(2 * run->group_count + 1, sizeof(const char *)), 2 * run->group_count + 1 };
	unsigned *next_suffix = calloc(2 * run->group_count + 1, sizeof(unsigned));
	char (*base_names)[sizeof(run->groups[0].file) - 8] = calloc(run->group_count + 1, sizeof(*base_names));

	if (taken.slots == NULL || bases.slots == NULL || next_suffix == NULL || base_names == NULL) {
		free(taken.slots);
		free(bases.slots);
		free(next_suffix);
		free(base_names);
		report_warn(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	for (size_t g = 0; g < run->group_count; g++) {
		struct workload_profile *group = &run->groups[g];
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
			report_warn(run->report, "workload \"%s\" is named %s: another workload took %s first", group->key,
			            group->file, base);
		else if (strcmp(base, group->key) != 0 && !run->options.quiet)
			report_warn(run->report, "workload \"%s\" is named %s (file and object names hold only a-z, 0-9, "
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
static enum run_status group_workloads(struct run *run)
{
	const struct scan *scan = &run->scan;
	size_t label_index = run->label_key_count > 0 ? run->label_key_count - 1 : 0, keyed = 0;
	struct keyed_container *keys = calloc(scan->container_count + 1, sizeof(keys[0]));

	run->groups = calloc(scan->container_count + 1, sizeof(run->groups[0]));
	if (run->groups == NULL || keys == NULL) {
		free(keys);
		report_warn(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	for (size_t i = 0; i < scan->container_count; i++) {
		const struct scan_container *c = &scan->containers[i];
		if (workload_is_infrastructure(c)) {
			run->workload_infrastructure++;
			continue;
		}
		if (!workload_key(run->options.group_by, c, label_index, keys[keyed].key, sizeof(keys[keyed].key))) {
			run->ungrouped++;
			continue;
		}
		keys[keyed++].container = i;
	}
	qsort(keys, keyed, sizeof(keys[0]), compare_keyed);
	for (size_t k = 0; k < keyed; k++) {
		const struct scan_container *c = &scan->containers[keys[k].container];
		if (run->group_count == 0 || strcmp(run->groups[run->group_count - 1].key, keys[k].key) != 0)
			snprintf(run->groups[run->group_count++].key, sizeof(run->groups[0].key), "%s", keys[k].key);
		struct workload_profile *group = &run->groups[run->group_count - 1];
		group->containers++;
		group->events += c->events;
		syscall_set_union(&group->syscalls, &c->syscalls);
		arg_facts_unite(&group->facts, &c->facts);
		container_life_unite(&group->life, &c->life);
	}
	free(keys);
	return name_workloads(run);
}

/*
 * Puts the profiles of one --all-containers run in place together, after
 * one sync (atomic_batch_commit), when status says all were written; else
 * throws them away, so that a failed run changes no file.
 */
static enum run_status place_profiles(struct run *run, enum run_status status)
{
	char failed[4096];
	struct atomic_batch *batch = run->batch;

	run->batch = NULL;
	if (status != RUN_OK) {
		if (batch->count > 0)
			report_warn(run->report, "no profile of this run was put in place");
		atomic_batch_abort(batch);
		return status;
	}
	size_t placed;
	if (atomic_batch_commit(batch, failed, sizeof(failed), &placed) != 0) {
		report_warn(run->report, "cannot write %s: %s; %s", failed, strerror(errno),
		            placed == 0 ? "no profile of this run was put in place"
		                        : "the profiles listed before it are in place, the rest are not");
		return RUN_OUTPUT;
	}
	return RUN_OK;
}

/* --all-containers --group-by: one profile per workload. */
static enum run_status write_workloads(struct run *run, const char *dir)
{
	enum run_status status = RUN_OK;
	size_t written = 0;

	for (size_t g = 0; g < run->group_count && status == RUN_OK; g++) {
		struct workload_profile *group = &run->groups[g];
		char who[sizeof(group->key) + 32], path[4096];
		size_t allowed;

		if (syscall_set_count(&group->syscalls) == 0 && !run->options.allow_empty)
			continue;
		snprintf(who, sizeof(who), "a container of %s", group->key);
		settle_runtime(run, &group->life, true);
		status = write_member(run, dir, group->file, &group->syscalls, &group->facts, who, path, sizeof(path),
		                      &allowed);
		if (status == RUN_OK)
			report_workload_written(run->report, path, group, allowed);
		written += status == RUN_OK;
	}
	if (status == RUN_OK && written == 0) {
		report_warn(run->report, "no workload with syscall events in %llu events read; nothing written",
		            (unsigned long long)run->scan.events);
		return RUN_NO_EVENTS;
	}
	return status;
}

static enum run_status job_list_containers(struct run *run)
{
	enum run_status status;

	run->arches = run->options.arches;
	status = run_scan(run, NULL, true);
	if (status != RUN_OK)
		return status;
	qsort(run->scan.containers, run->scan.container_count, sizeof(run->scan.containers[0]), compare_containers);
	if (run->options.group_by != GROUP_NONE) {
		status = group_workloads(run);
		if (status == RUN_OK)
			report_workload_table(run->report, results_of(run));
		return status != RUN_OK ? status : run->group_count == 0 ? RUN_NO_EVENTS : RUN_OK;
	}
	report_life(run->report, results_of(run));
	report_container_table(run->report, results_of(run));
	if (run->scan.container_count == 0) {
		report_warn(run->report, "no container events in %llu events read", (unsigned long long)run->scan.events);
		return RUN_NO_EVENTS;
	}
	return RUN_OK;
}

static enum run_status job_all_containers(struct run *run)
{
	const char *dir = run->options.output_dir;
	size_t written = 0;
	enum run_status status = read_inputs(run, NULL);

	if (status != RUN_OK)
		return status;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		report_warn(run->report, "cannot create %s: %s", dir, strerror(errno));
		return RUN_OUTPUT;
	}
	qsort(run->scan.containers, run->scan.container_count, sizeof(run->scan.containers[0]), compare_containers);
	struct atomic_batch batch = { NULL, NULL, 0, 0 };
	run->batch = &batch;
	if (run->options.group_by != GROUP_NONE) {
		status = group_workloads(run);
		return place_profiles(run, status == RUN_OK ? write_workloads(run, dir) : status);
	}
	for (size_t i = 0; i < run->scan.container_count && status == RUN_OK; i++) {
		struct scan_container *c = &run->scan.containers[i];
		char who[CONTAINER_ID_MAX + 16];
		size_t allowed;
		const char *base = output_name_for(&run->scan, i);
		char path[4096];

		if (base == NULL) {
			/* Ids from the log are hexadecimal, so this cannot happen; a path outside dir never may. */
			report_warn(run->report, "container %s: no safe file name for its profile; not written", c->id);
			continue;
		}
		if (syscall_set_count(&c->syscalls) == 0 && !run->options.allow_empty) {
			report_warn(run->report, "warning: container %s has no syscall events; no profile written for it", c->id);
			continue;
		}
		snprintf(who, sizeof(who), "container %s", c->id);
		settle_runtime(run, &c->life, true);
		status = write_member(run, dir, base, &c->syscalls, &c->facts, who, path, sizeof(path), &allowed);
		if (status == RUN_OK)
			report_profile_written(run->report, path, c, allowed);
		written += status == RUN_OK;
	}
	if (status == RUN_OK && written == 0) {
		report_warn(run->report, "no container syscall events in %llu events read; nothing written",
		     (unsigned long long)run->scan.events);
		status = RUN_NO_EVENTS;
	}
	return place_profiles(run, status);
}

void run_free(struct run *run)
{
	free(run->groups);
	for (size_t i = 0; run->merged != NULL && i < run->options.merge.count; i++)
		profile_input_free(&run->merged[i]);
	free(run->merged);
	translator_free(&run->translator);
	scan_free(&run->scan);
	cJSON_Delete(run->kept_rules);
}

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
	qsort(out, kept, sizeof(out[0]), compare_names);
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
		texts[*count] = merge_canonical_rule(rule);
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

static enum run_status job_diff(struct run *run)
{
	struct profile_input old, new;
	struct profile_diff diff;
	cJSON *old_names = cJSON_CreateArray(), *new_names = cJSON_CreateArray();
	char message[512];
	enum run_status status = RUN_OK;
	long rules_added, rules_removed;
	const char **old_sorted = NULL, **new_sorted = NULL;
	size_t old_count = 0, new_count = 0;

	memset(&diff, 0, sizeof(diff));
	memset(&new, 0, sizeof(new));
	if (profile_read(run->options.diff_old, &old, message, sizeof(message)) != 0 ||
	    profile_read(run->options.diff_new, &new, message, sizeof(message)) != 0) {
		report_warn(run->report, "--diff %s", message);
		status = RUN_INPUT;
		goto done;
	}
	warn_dead_names(run, "--diff", &old);
	warn_dead_names(run, "--diff", &new);
	diff.old = &old;
	diff.new = &new;
	if (old_names != NULL && new_names != NULL) {
		allowed_names(&old, old_names);
		allowed_names(&new, new_names);
		old_sorted = sorted_names(old_names, &old_count);
		new_sorted = sorted_names(new_names, &new_count);
	}
	/* Every name any allowing rule of the profile names may be one the other lacks. */
	diff.added = calloc(new_count + 1, sizeof(diff.added[0]));
	diff.removed = calloc(old_count + 1, sizeof(diff.removed[0]));
	diff.rules_added = calloc((size_t)cJSON_GetArraySize(new.other_rules) + 1, sizeof(diff.rules_added[0]));
	diff.rules_removed = calloc((size_t)cJSON_GetArraySize(old.other_rules) + 1, sizeof(diff.rules_removed[0]));
	if (old_sorted == NULL || new_sorted == NULL || diff.added == NULL || diff.removed == NULL ||
	    diff.rules_added == NULL || diff.rules_removed == NULL) {
		report_warn(run->report, "out of memory");
		status = RUN_RESOURCES;
		goto done;
	}
	diff.added_count = names_only_in(new_sorted, new_count, old_sorted, old_count, diff.added);
	diff.removed_count = names_only_in(old_sorted, old_count, new_sorted, new_count, diff.removed);
	rules_added = rules_only_in(new.other_rules, old.other_rules, diff.rules_added);
	rules_removed = rules_only_in(old.other_rules, new.other_rules, diff.rules_removed);
	if (rules_added < 0 || rules_removed < 0) {
		report_warn(run->report, "out of memory");
		status = RUN_RESOURCES;
		goto done;
	}
	diff.rules_added_count = (size_t)rules_added;
	diff.rules_removed_count = (size_t)rules_removed;
	diff.action_changed = strcmp(old.default_action, new.default_action) != 0 ||
	                      old.has_errno_ret != new.has_errno_ret || old.errno_ret != new.errno_ret;
	diff.arches_changed = !same_arches(&old.arches, &new.arches);
	report_diff(run->report, &diff);
	if (diff.added_count || diff.removed_count || diff.rules_added_count || diff.rules_removed_count ||
	    diff.action_changed || diff.arches_changed)
		status = RUN_NOT_ALLOWED;
done:
	free(old_sorted);
	free(new_sorted);
	free(diff.added);
	free(diff.removed);
	free(diff.rules_added);
	free(diff.rules_removed);
	cJSON_Delete(old_names);
	cJSON_Delete(new_names);
	profile_input_free(&old);
	profile_input_free(&new);
	return status;
}

enum run_status run_job(struct run *run)
{
	/* Until the log has shown its runtime, runc's baseline stands. */
	run->runtime_given = run->options.runtime;
	if (run->options.runtime == NULL)
		run->options.runtime = "runc";
	switch (run->options.job) {
	case JOB_PROFILE:
		return job_profile(run);
	case JOB_CHECK:
		return job_check(run);
	case JOB_LIST_CONTAINERS:
		return job_list_containers(run);
	case JOB_DIFF:
		return job_diff(run);
	case JOB_ALL_CONTAINERS:
	default:
		return job_all_containers(run);
	}
}
