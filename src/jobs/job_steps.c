/*
 * job_steps: the steps the jobs that write profiles share: the inputs
 * read (merged profiles, the command line's names, the logs, the audit
 * log) and the set completed and warned about.
 */
#include "jobs/job_steps.h"

#include "jobs/beyond_the_log.h"
#include "jobs/options.h"
#include "jobs/run_results.h"
#include "jobs/runtime_choice.h"

#include "policy/profile_set.h"
#include "report/report.h"
#include "report/results.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Tells whether dir can take the profiles of --all-containers: an existing
 * writable directory, or a new one in a writable directory. Says why not.
 */
static bool output_dir_usable(struct report *report, const char *dir)
{
	struct stat info;
	char *copy;
	bool usable;

	if (stat(dir, &info) == 0) {
		if (!S_ISDIR(info.st_mode)) {
			report_say(report, "--output-dir %s: not a directory", dir);
			return false;
		}
		if (access(dir, W_OK | X_OK) != 0) {
			report_say(report, "--output-dir %s: %s", dir, strerror(errno));
			return false;
		}
		return true;
	}
	copy = strdup(dir);
	usable = copy != NULL && access(dirname(copy), W_OK | X_OK) == 0;
	if (!usable)
		report_say(report, "--output-dir %s: cannot be created: %s", dir, strerror(errno));
	free(copy);
	return usable;
}

/* Checks what the command line names before the first byte of a log is read; returns a status. */
static enum run_status check_command_line(const struct options *opts, const struct arch_list *arches,
                                          struct syscall_catalog *catalog, struct report *report)
{
	const struct name_list *lists[] = { &opts->add, &opts->remove };
	char message[512];

	syscall_catalog_init(catalog, arches);
	for (size_t list = 0; list < 2; list++)
		for (size_t i = 0; i < lists[list]->count; i++)
			if (profile_set_user_name(catalog, list ? "--remove" : "--add", lists[list]->items[i], message,
			                          sizeof(message)) < 0) {
				report_say(report, "%s", message);
				return RUN_USAGE;
			}
	if (opts->output_dir != NULL && !output_dir_usable(report, opts->output_dir))
		return RUN_OUTPUT;
	/*
	 * The profile would replace a log it is made from, under any name or as
	 * standard input (a merged profile it may replace: it is read first).
	 * Files are told apart by device and inode, never by name.
	 */
	struct stat target;
	const char *output = opts->output;
	if (output != NULL && strcmp(output, "-") != 0 && stat(output, &target) == 0 && S_ISREG(target.st_mode)) {
		const struct name_list *inputs[] = { &opts->logs, &opts->audit_logs };
		const char *what[] = { "the log", "the audit log" };
		bool stdin_log = opts->logs.count == 0 && !opts->merge_only;
		for (size_t list = 0; list < 2; list++)
			for (size_t i = 0; i < inputs[list]->count + (list == 0 && stdin_log); i++) {
				const char *name = i < inputs[list]->count ? inputs[list]->items[i] : "-";
				struct stat input;
				int got = strcmp(name, "-") == 0 ? fstat(STDIN_FILENO, &input) : stat(name, &input);
				if (got == 0 && input.st_dev == target.st_dev && input.st_ino == target.st_ino) {
					report_say(report, "-o %s is %s %s: the profile would replace it; write it elsewhere",
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
			report_say(report, "cannot write %s: %s is not a directory that exists", output, dir);
			free(copy);
			return RUN_OUTPUT;
		}
		free(copy);
	}
	return RUN_OK;
}

enum run_status prepare_inputs(struct profile_inputs *in, const struct options *opts, struct report *report)
{
	enum run_status status = read_merged_profiles(opts, report, &in->frame);

	if (status == RUN_OK)
		status = merge_profiles(opts, report, &in->frame);
	if (status == RUN_OK)
		status = check_command_line(opts, &in->frame.arches, &in->pass.catalog, report);
	return status;
}

/* What the jobs that write profiles do first: merged profiles, the command line's names, then the scan. */
enum run_status read_inputs(struct profile_inputs *in, const struct options *opts, const struct container_filter *filter,
                            struct report *report, const struct run_results *results)
{
	enum run_status status = prepare_inputs(in, opts, report);

	if (status == RUN_OK)
		status = log_pass_run(&in->pass, opts, &in->frame.arches, filter, true, report, results);
	if (status == RUN_OK && opts->audit_logs.count > 0)
		status = read_audit_logs(opts, &in->pass.catalog, report, &in->audit);
	return status;
}

/* Warns about the risky syscalls set allows (profile_set_risky); returns how many. */
size_t warn_risky(struct syscall_catalog *catalog, struct report *report, const struct run_results *results,
                  const struct syscall_set *set, const struct syscall_set *observed, const struct additions *added,
                  const char *who)
{
	static struct risky_syscall risky[SYSCALL_NAMES_MAX];
	size_t count = profile_set_risky(catalog, set, added, risky);

	report_risky(report, results, risky, count, observed, who);
	return count;
}

/* Completes set as every profile is completed; returns a status. */
enum run_status finish_set(struct profile_inputs *in, const struct options *opts, const char *runtime,
                           struct report *report, const struct run_results *results, struct syscall_set *set,
                           struct additions *added)
{
	char message[512];
	struct set_choices choices = { opts->add.items, opts->add.count, opts->remove.items, opts->remove.count,
		                       runtime, opts->deny_risky, &opts->arg_rules };
	struct syscall_set observed = *set;
	/* What the kernel logged under an audit profile joins the profile, as the log's own calls. */
	if (in->audit.records > 0) {
		size_t before = syscall_set_count(set);
		syscall_set_union(set, &in->audit.syscalls);
		report_audit(report, syscall_set_count(set) - before, in->audit.records, in->audit.denials,
		             in->audit.processes, in->audit.process_count);
	}
	if (profile_set_finish(&in->pass.catalog, &choices, in->frame.merged, in->frame.merged_count, set, added, message,
	                       sizeof(message)) != 0) {
		report_say(report, "%s", message);
		return RUN_USAGE;
	}
	take_companions(opts, &in->pass.catalog, report, results, &in->pass.scan.facts, &observed, set);
	take_equivalents(&in->pass.catalog, report, results, set);
	return RUN_OK;
}

void profile_inputs_view(const struct profile_inputs *in, struct run_results *results)
{
	log_pass_view(&in->pass, results);
	results->audit_syscalls = &in->audit.syscalls;
	results->arches = &in->frame.arches;
}

void profile_inputs_free(struct profile_inputs *in)
{
	profile_frame_free(&in->frame);
	log_pass_free(&in->pass);
	audit_findings_free(&in->audit);
}

void profile_job_begin(struct profile_job *job, const struct options *opts, struct report *report)
{
	runtime_choice_init(&job->runtime, opts->runtime);
	results_init(&job->results, opts);
	profile_inputs_view(&job->in, &job->results);
	job->results.verdict = &job->judge.verdict;
	job->results.runtime = &job->runtime;
	job->results.workload = &job->workload;
	job->writer = (struct profile_writer){ opts, report, &job->in.frame, &job->in.pass.catalog, &job->judge,
		                               &job->results, NULL, "", NULL, NULL };
}

void profile_job_end(struct profile_job *job)
{
	free(job->workload.groups);
	profile_inputs_free(&job->in);
	judge_memo_free(&job->judge);
}
