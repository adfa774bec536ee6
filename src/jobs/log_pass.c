/*
 * log_pass: the pass over the logs, and its checks: what could not be
 * named, Falco's drop alerts, the containers named by id that the log
 * never mentions, a recording without I/O.
 */
#include "jobs/log_pass.h"

#include "jobs/options.h"
#include "jobs/runtime_choice.h"
#include "jobs/workload.h"
#include "report/report.h"
#include "report/results.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Events of the named containers from which a log without any I/O syscall is taken as incomplete. */
#define CAPTURE_GAP_EVENTS 100

enum run_status log_pass_begin(struct log_pass *pass, const struct options *opts, const struct arch_list *arches,
                               const struct container_filter *filter, bool with_ia32, struct report *report)
{
	syscall_catalog_init(&pass->catalog, arches);
	if (translator_init(&pass->translator, &pass->catalog, opts->exact, with_ia32) != 0) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	pass->scan.files = opts->logs.items;
	pass->scan.file_count = opts->logs.count;
	pass->scan.filter = filter;
	pass->scan.strict = opts->strict;
	pass->scan.full_parse = opts->full_parse || opts->strict;
	pass->scan.tell = report_problem;
	pass->scan.progress = opts->progress ? report_progress : NULL;
	pass->scan.context = report;
	pass->scan.translator = &pass->translator;
	pass->scan.details = opts->report != REPORT_TEXT;
	pass->scan.jobs = opts->jobs;
	if (pass->scan.jobs == 0) {
		long online = sysconf(_SC_NPROCESSORS_ONLN);
		pass->scan.jobs = online > 1 ? (unsigned)(online < JOBS_DEFAULT_MAX ? online : JOBS_DEFAULT_MAX) : 1;
	}
	pass->label_key_count = workload_label_keys(&opts->workload, opts->group_label, pass->label_keys);
	pass->scan.label_keys = pass->label_keys;
	pass->scan.label_key_count = pass->label_key_count;
	return RUN_OK;
}

enum run_status log_pass_run(struct log_pass *pass, const struct options *opts, const struct arch_list *arches,
                             const struct container_filter *filter, bool with_ia32, struct report *report,
                             const struct run_results *results)
{
	enum scan_status status;
	enum run_status begun = log_pass_begin(pass, opts, arches, filter, with_ia32, report);

	if (begun != RUN_OK)
		return begun;
	report_progress_start(report);
	status = scan_run(&pass->scan);
	report_progress_end(report);
	if (status == SCAN_OK && !opts->exact)
		scan_settle_families(&pass->scan);
	switch (status) {
	case SCAN_OK:
		break;
	case SCAN_INPUT_ERROR:
		return RUN_INPUT;
	case SCAN_NO_MEMORY:
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	case SCAN_TOO_MANY:
		report_say(report, "more than %d containers in the log; name the ones you want with -container-id",
		     SCAN_CONTAINERS_MAX);
		return RUN_RESOURCES;
	}
	bool unknown = report_unknown_names(report, results) > 0;
	bool drops = report_drops(report, results);
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
enum run_status log_pass_check_matches(const struct log_pass *pass, const struct options *opts,
                                       struct runtime_choice *runtime, struct report *report)
{
	const struct container_filter *filter = &opts->containers;
	char wanted[1024];

	/* The lives of the containers asked for by id, united, settle the runtime. */
	memset(&runtime->life, 0, sizeof(runtime->life));
	for (size_t i = 0; i < filter->count; i++)
		container_life_unite(&runtime->life, &pass->scan.life[i]);
	runtime_choice_settle(runtime, &runtime->life, false, report);

	for (size_t i = 0; i < filter->count; i++)
		if (pass->scan.matched_per_wanted[i] == 0 && filter->count > 1)
			report_warning(report, "no events of container %s", filter->wanted[i].id);
	if (syscall_set_count(&pass->scan.syscalls) > 0 || opts->allow_empty)
		return RUN_OK;
	describe_wanted(filter, wanted, sizeof(wanted));
	if (opts->job == JOB_CHECK) {
		/* Last run's id is gone: point to what the log has, and to selections that outlive an id. */
		report_say(report, "no syscall events of container %s in %zu events read, so there is nothing to "
		            "check; --list-containers shows the containers the log has, and --image or --name select a "
		            "workload whatever its containers' ids", wanted, (size_t)pass->scan.events);
		return RUN_NO_EVENTS;
	}
	report_say(report, "no syscall events of container %s in %zu events read; nothing written "
	     "(--list-containers shows the containers in the log, --allow-empty writes a profile anyway)",
	     wanted, (size_t)pass->scan.events);
	return RUN_NO_EVENTS;
}

/*
 * Tells whether the recording looks incomplete in the way Falco's default
 * makes it: many events, but none of the I/O syscalls that Falco 0.35 and
 * later trace only with base_syscalls.all (close, a state syscall, stays
 * traced). Warns when so.
 */
bool log_pass_capture_gap(const struct log_pass *pass, struct report *report)
{
	/* Not close: Falco keeps it (a state syscall) when it drops the rest. */
	static const char *const io[] = { "read", "write", "readv", "writev", "pread64", "pwrite64", "recvfrom",
	                                  "sendto", "recvmsg", "sendmsg" };

	if (pass->scan.matched < CAPTURE_GAP_EVENTS)
		return false;
	for (size_t i = 0; i < sizeof(io) / sizeof(io[0]); i++) {
		int id = syscall_catalog_find(&pass->catalog, io[i]);
		if (id >= 0 && syscall_set_has(&pass->scan.syscalls, id))
			return false;
	}
	report_strictly(report, "%llu events of the named containers, but not one read or write: Falco "
	            "was not tracing all syscalls, and the profile would stop the workload at its first read; set "
	            "base_syscalls.all: true (Falco 0.40+) or run falco -A (before 0.41), and record again",
	            (unsigned long long)pass->scan.matched);
	return true;
}

void log_pass_view(const struct log_pass *pass, struct run_results *results)
{
	results->scan = &pass->scan;
	results->translator = &pass->translator;
	results->catalog = &pass->catalog;
}

void log_pass_free(struct log_pass *pass)
{
	translator_free(&pass->translator);
	scan_free(&pass->scan);
}
