/*
 * job_all_containers: --all-containers --output-dir: one profile per
 * container or workload, put in place together.
 */
#include "jobs/job_all_containers.h"
#include "jobs/run.h"

#include "jobs/job_steps.h"
#include "jobs/merged_profiles.h"
#include "jobs/output_names.h"
#include "jobs/workload.h"
#include "jobs/workload_groups.h"

#include "text/text.h"

#include "policy/docker_default.h"
#include "profile/atomic_file.h"
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
	                     profile_format_row(run->options.format)->extension) >= size) {
		report_say(run->report, "%s: path too long", dir);
		return RUN_OUTPUT;
	}
	output_names_dns1123(base, run->profile_name, sizeof(run->profile_name));
	status = settle_arg_facts(&run->options, run->report, &run->frame, facts);
	if (status == RUN_OK)
		status = finish_set(run, &set, &added);
	if (status == RUN_OK && warn_risky(run, &set, observed, &added, who) > 0 && run->options.strict)
		status = RUN_INPUT;
	if (status == RUN_OK)
		status = write_profile(run, &set, facts, path, &plan);
	*allowed = syscall_set_count(&set);
	return status;
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
			report_say(run->report, "no profile of this run was put in place");
		atomic_batch_abort(batch);
		return status;
	}
	size_t placed;
	if (atomic_batch_commit(batch, failed, sizeof(failed), &placed) != 0) {
		report_say(run->report, "cannot write %s: %s; %s", failed, strerror(errno),
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

	for (size_t g = 0; g < run->workload.group_count && status == RUN_OK; g++) {
		struct workload_profile *group = &run->workload.groups[g];
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
		report_say(run->report, "no workload with syscall events in %llu events read; nothing written",
		            (unsigned long long)run->scan.events);
		return RUN_NO_EVENTS;
	}
	return status;
}

enum run_status job_all_containers(struct run *run)
{
	const char *dir = run->options.output_dir;
	size_t written = 0;
	enum run_status status = read_inputs(run, NULL);

	if (status != RUN_OK)
		return status;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		report_say(run->report, "cannot create %s: %s", dir, strerror(errno));
		return RUN_OUTPUT;
	}
	qsort(run->scan.containers, run->scan.container_count, sizeof(run->scan.containers[0]), workload_compare_containers);
	struct atomic_batch batch = { NULL, NULL, 0, 0 };
	run->batch = &batch;
	if (run->options.group_by != GROUP_NONE) {
		status = group_workloads(run->options.group_by, run->options.quiet, &run->scan, run->report, &run->workload);
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
			report_say(run->report, "container %s: no safe file name for its profile; not written", c->id);
			continue;
		}
		if (syscall_set_count(&c->syscalls) == 0 && !run->options.allow_empty) {
			report_warning(run->report, "container %s has no syscall events; no profile written for it", c->id);
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
		report_say(run->report, "no container syscall events in %llu events read; nothing written",
		     (unsigned long long)run->scan.events);
		status = RUN_NO_EVENTS;
	}
	return place_profiles(run, status);
}
