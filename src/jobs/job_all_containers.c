/*
 * job_all_containers: --all-containers --output-dir: one profile per
 * container or workload, put in place together.
 */
#include "jobs/job_all_containers.h"

#include "jobs/job_steps.h"
#include "jobs/judge_written.h"
#include "jobs/options.h"
#include "jobs/output_names.h"
#include "jobs/profile_writer.h"
#include "jobs/run_results.h"
#include "jobs/runtime_choice.h"
#include "jobs/workload.h"
#include "jobs/workload_groups.h"

#include "policy/profile_set.h"
#include "profile/atomic_file.h"
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What the job reads and fills: large (the scan, the catalog), so not on the stack. */
static struct {
	struct profile_inputs in;          /* merged profiles, the logs, the audit log */
	struct workload_found workload;    /* the workloads of --group-by */
	struct runtime_choice runtime;     /* whose baseline each profile gets */
	struct judge_memo judge;           /* the profiles judged as written */
	struct profile_writer writer;      /* how they are written, into a batch */
	struct run_results results;        /* the report's view of the above */
} job;

/*
 * Writes the profile of one container or workload of --all-containers as
 * DIR/BASE.json (.yaml for spo) into path (size bytes), from what it was
 * observed making; *allowed gets how many syscalls the profile allows.
 */
static enum run_status write_member(const struct options *opts, struct report *report, const char *dir, const char *base,
                                    const struct syscall_set *observed, struct arg_facts *facts, const char *who,
                                    char *path, size_t size, size_t *allowed)
{
	struct syscall_set set = *observed;
	struct additions added;
	struct arg_rule_plan plan;
	enum run_status status;

	if ((size_t)snprintf(path, size, "%s/%s.%s", dir, base,
	                     profile_format_row(opts->format)->extension) >= size) {
		report_say(report, "%s: path too long", dir);
		return RUN_OUTPUT;
	}
	output_names_dns1123(base, job.writer.name, sizeof(job.writer.name));
	status = settle_arg_facts(opts, report, &job.in.frame, facts);
	if (status == RUN_OK)
		status = finish_set(&job.in, opts, job.runtime.used, report, &job.results, &set, &added);
	if (status == RUN_OK && warn_risky(&job.in.pass.catalog, report, &job.results, &set, observed, &added, who) > 0 && opts->strict)
		status = RUN_INPUT;
	if (status == RUN_OK)
		status = profile_writer_write(&job.writer, &set, facts, path, &plan);
	*allowed = syscall_set_count(&set);
	return status;
}

/*
 * Puts the profiles of one --all-containers run in place together, after
 * one sync (atomic_batch_commit), when status says all were written; else
 * throws them away, so that a failed run changes no file.
 */
static enum run_status place_profiles(struct report *report, enum run_status status)
{
	char failed[4096];
	struct atomic_batch *batch = job.writer.batch;

	job.writer.batch = NULL;
	if (status != RUN_OK) {
		if (batch->count > 0)
			report_say(report, "no profile of this run was put in place");
		atomic_batch_abort(batch);
		return status;
	}
	size_t placed;
	if (atomic_batch_commit(batch, failed, sizeof(failed), &placed) != 0) {
		report_say(report, "cannot write %s: %s; %s", failed, strerror(errno),
		            placed == 0 ? "no profile of this run was put in place"
		                        : "the profiles listed before it are in place, the rest are not");
		return RUN_OUTPUT;
	}
	return RUN_OK;
}

/* --all-containers --group-by: one profile per workload. */
static enum run_status write_workloads(const struct options *opts, struct report *report, const char *dir)
{
	enum run_status status = RUN_OK;
	size_t written = 0;

	for (size_t g = 0; g < job.workload.group_count && status == RUN_OK; g++) {
		struct workload_profile *group = &job.workload.groups[g];
		char who[sizeof(group->key) + 32], path[4096];
		size_t allowed;

		if (syscall_set_count(&group->syscalls) == 0 && !opts->allow_empty)
			continue;
		snprintf(who, sizeof(who), "a container of %s", group->key);
		runtime_choice_settle(&job.runtime, &group->life, true, report);
		status = write_member(opts, report, dir, group->file, &group->syscalls, &group->facts, who, path, sizeof(path),
		                      &allowed);
		if (status == RUN_OK)
			report_workload_written(report, path, group, allowed);
		written += status == RUN_OK;
	}
	if (status == RUN_OK && written == 0) {
		report_say(report, "no workload with syscall events in %llu events read; nothing written",
		            (unsigned long long)job.in.pass.scan.events);
		return RUN_NO_EVENTS;
	}
	return status;
}

/*
 * Writes the profile of every container of the scan, or of every workload
 * of --group-by, into dir, and puts them in place together; a status.
 */
static enum run_status write_all(const struct options *opts, struct report *report, const char *dir)
{
	enum run_status status = RUN_OK;
	size_t written = 0;
	struct atomic_batch batch = { NULL, NULL, 0, 0 };

	job.writer.batch = &batch;
	if (opts->group_by != GROUP_NONE) {
		status = group_workloads(opts->group_by, opts->quiet, &job.in.pass.scan, job.in.pass.label_key_count, report,
		                         &job.workload);
		return place_profiles(report, status == RUN_OK ? write_workloads(opts, report, dir) : status);
	}
	for (size_t i = 0; i < job.in.pass.scan.container_count && status == RUN_OK; i++) {
		struct scan_container *c = &job.in.pass.scan.containers[i];
		char who[CONTAINER_ID_MAX + 16];
		size_t allowed;
		const char *base = output_name_for(&job.in.pass.scan, i);
		char path[4096];

		if (base == NULL) {
			/* Ids from the log are hexadecimal, so this cannot happen; a path outside dir never may. */
			report_say(report, "container %s: no safe file name for its profile; not written", c->id);
			continue;
		}
		if (syscall_set_count(&c->syscalls) == 0 && !opts->allow_empty) {
			report_warning(report, "container %s has no syscall events; no profile written for it", c->id);
			continue;
		}
		snprintf(who, sizeof(who), "container %s", c->id);
		runtime_choice_settle(&job.runtime, &c->life, true, report);
		status = write_member(opts, report, dir, base, &c->syscalls, &c->facts, who, path, sizeof(path), &allowed);
		if (status == RUN_OK)
			report_profile_written(report, path, c, allowed);
		written += status == RUN_OK;
	}
	if (status == RUN_OK && written == 0) {
		report_say(report, "no container syscall events in %llu events read; nothing written",
		     (unsigned long long)job.in.pass.scan.events);
		status = RUN_NO_EVENTS;
	}
	return place_profiles(report, status);
}

/* Makes --output-dir when it is not there; a status. */
static enum run_status make_output_dir(struct report *report, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		report_say(report, "cannot create %s: %s", dir, strerror(errno));
		return RUN_OUTPUT;
	}
	return RUN_OK;
}

static enum run_status run_all(const struct options *opts, struct report *report)
{
	enum run_status status = read_inputs(&job.in, opts, NULL, report, &job.results);

	if (status == RUN_OK)
		status = make_output_dir(report, opts->output_dir);
	if (status != RUN_OK)
		return status;
	qsort(job.in.pass.scan.containers, job.in.pass.scan.container_count, sizeof(job.in.pass.scan.containers[0]),
	      workload_compare_containers);
	return write_all(opts, report, opts->output_dir);
}

enum run_status job_all_containers(const struct options *opts, struct report *report)
{
	enum run_status status;

	runtime_choice_init(&job.runtime, opts->runtime);
	results_init(&job.results, opts);
	profile_inputs_view(&job.in, &job.results);
	job.results.verdict = &job.judge.verdict;
	job.results.runtime = &job.runtime;
	job.results.workload = &job.workload;
	job.writer = (struct profile_writer){ opts, report, &job.in.frame, &job.in.pass.catalog, &job.judge, &job.results,
		                              NULL, "" };
	status = run_all(opts, report);
	free(job.workload.groups);
	profile_inputs_free(&job.in);
	judge_memo_free(&job.judge);
	return status;
}
