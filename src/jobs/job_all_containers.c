/*
 * job_all_containers: --all-containers --output-dir: one profile per
 * container or workload, put in place together.
 */
#include "jobs/job_all_containers.h"

#include "jobs/job_steps.h"
#include "jobs/log_pass.h"
#include "jobs/options.h"
#include "jobs/output_names.h"
#include "jobs/profile_writer.h"
#include "jobs/provenance.h"
#include "jobs/runtime_choice.h"
#include "jobs/workload.h"
#include "jobs/workload_groups.h"

#include "decode/json_arena.h"
#include "input/line_reader.h"
#include "input/line_stream.h"
#include "policy/merge.h"
#include "policy/profile_set.h"
#include "profile/atomic_file.h"
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What the job reads and fills: large (the scan, the catalog), so not on the stack. */
static struct {
	struct profile_job parts;          /* the inputs, the workloads, the runtime, the judge, the writer, the view */
	unsigned long flushes;             /* the reducer's writings so far */
} job;

/*
 * The reducer keeps what it wrote before, through restarts and forgotten
 * containers: the profile already at path is merged as --merge merges a
 * profile (its names, its argument rules, its rules kept), into the frame
 * the member is written in; saved gets the frame to put back. A file that
 * cannot be read is said and replaced. Returns a status; *merged tells
 * whether the frame was changed.
 */
static enum run_status merge_previous(struct report *report, const char *path, struct profile_input *previous,
                                      struct profile_frame *saved, bool *merged)
{
	struct profile_frame *frame = &job.parts.in.frame;
	char message[512];
	struct stat info;

	*merged = false;
	if (stat(path, &info) != 0)
		return RUN_OK;
	if (read_profile(path, previous, message, sizeof(message)) != 0) {
		report_warning(report, "%s; it is replaced by what this run saw", message);
		profile_input_free(previous);
		return RUN_OK;
	}
	*saved = *frame;
	frame->merged = previous;
	frame->merged_count = 1;
	frame->kept_rules = NULL;
	memset(&frame->merged_facts, 0, sizeof(frame->merged_facts));
	*merged = true;
	merge_absorb_arg_rules(previous, 1, &frame->merged_facts);
	if (merge_kept_rules(previous, 1, &frame->kept_rules) != MERGE_OK) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	return RUN_OK;
}

/* Puts the frame merge_previous changed back. */
static void unmerge_previous(struct profile_input *previous, const struct profile_frame *saved)
{
	cJSON_Delete(job.parts.in.frame.kept_rules);
	profile_input_free(previous);
	job.parts.in.frame = *saved;
}

/*
 * Writes the profile of one container or workload of --all-containers as
 * DIR/BASE.json (.yaml for spo) into path (size bytes), from what it was
 * observed making; *allowed gets how many syscalls the profile allows.
 */
static enum run_status write_member(const struct options *opts, struct report *report, const char *dir, const char *base,
                                    const struct syscall_set *observed, struct arg_facts *facts, const char *who,
                                    const struct provenance_member *member, char *path, size_t size, size_t *allowed)
{
	struct syscall_set set = *observed;
	struct arg_facts own = *facts;
	struct additions added;
	struct arg_rule_plan plan;
	struct profile_input previous;
	struct profile_frame saved;
	bool merged = false;
	enum run_status status;

	/* A file DIR/BASE.json (.yaml), or with --oci-layout a layout DIR/BASE. */
	if ((size_t)snprintf(path, size, "%s/%s%s%s", dir, base, opts->oci_layout ? "" : ".",
	                     opts->oci_layout ? "" : profile_format_row(opts->format)->extension) >= size) {
		report_say(report, "%s: path too long", dir);
		return RUN_OUTPUT;
	}
	/* The reducer keeps what it wrote before, through restarts and forgotten containers. */
	if (opts->flush_every > 0 && merge_previous(report, path, &previous, &saved, &merged) != RUN_OK) {
		if (merged)
			unmerge_previous(&previous, &saved);
		return RUN_RESOURCES;
	}
	facts = &own;
	output_names_dns1123(base, job.parts.writer.name, sizeof(job.parts.writer.name));
	status = settle_arg_facts(opts, report, &job.parts.in.frame, facts);
	if (status == RUN_OK)
		status = finish_set(&job.parts.in, opts, job.parts.runtime.used, report, &job.parts.results, &set, &added);
	if (status == RUN_OK && warn_risky(&job.parts.in.pass.catalog, report, &job.parts.results, &set, observed, &added, who) > 0 && opts->strict)
		status = RUN_INPUT;
	job.parts.writer.member = member;
	if (status == RUN_OK)
		status = profile_writer_write(&job.parts.writer, &set, facts, path, &plan);
	job.parts.writer.member = NULL;
	*allowed = syscall_set_count(&set);
	if (merged)
		unmerge_previous(&previous, &saved);
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
	struct atomic_batch *batch = job.parts.writer.batch;

	job.parts.writer.batch = NULL;
	if (job.parts.writer.layouts != NULL) {
		/* --oci-layout: the layouts built, put in place together, or none. */
		struct layout_batch *layouts = job.parts.writer.layouts;
		size_t built = layouts->count;
		job.parts.writer.layouts = NULL;
		if (layout_batch_finish(layouts, status != RUN_OK, failed, sizeof(failed)) != 0) {
			report_say(report, "%s; the layouts before it are in place, the rest are not", failed);
			status = status == RUN_OK ? RUN_OUTPUT : status;
		} else if (status != RUN_OK && built > 0) {
			report_say(report, "no layout of this run was put in place");
		}
	}
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
static enum run_status write_workloads(const struct options *opts, struct report *report, const char *dir,
                                       size_t *count)
{
	enum run_status status = RUN_OK;
	size_t written = 0;
	bool stream = opts->flush_every > 0;

	for (size_t g = 0; g < job.parts.workload.group_count && status == RUN_OK; g++) {
		struct workload_profile *group = &job.parts.workload.groups[g];
		char who[sizeof(group->key) + 32], path[4096];
		size_t allowed;

		if (syscall_set_count(&group->syscalls) == 0 && !opts->allow_empty)
			continue;
		snprintf(who, sizeof(who), "a container of %s", group->key);
		runtime_choice_settle(&job.parts.runtime, &group->life, true, report);
		struct provenance_member member = { group->key, (unsigned long long)group->events, group->containers,
			                            opts->group_by == GROUP_IMAGE ? group->key : "", &group->provenance };
		status = write_member(opts, report, dir, group->file, &group->syscalls, &group->facts, who, &member, path,
		                      sizeof(path), &allowed);
		if (status == RUN_OK && !stream)
			report_workload_written(report, path, group, allowed);
		written += status == RUN_OK;
	}
	*count = written;
	if (status == RUN_OK && written == 0 && !stream) {
		report_say(report, "no workload with syscall events in %llu events read; nothing written",
		            (unsigned long long)job.parts.in.pass.scan.events);
		return RUN_NO_EVENTS;
	}
	return status;
}

/*
 * Writes the profile of every container of the scan, or of every workload
 * of --group-by, into dir, and puts them in place together; a status.
 */
static enum run_status write_all(const struct options *opts, struct report *report, const char *dir, size_t *count)
{
	enum run_status status = RUN_OK;
	size_t written = 0;
	bool stream = opts->flush_every > 0;
	struct atomic_batch batch = { NULL, NULL, 0, 0 };
	static struct layout_batch layouts;

	job.parts.writer.batch = &batch;
	job.parts.writer.layouts = opts->oci_layout != NULL ? &layouts : NULL;
	*count = 0;
	if (opts->group_by != GROUP_NONE) {
		/* The reducer groups again at every writing: what it grouped before is dropped. */
		free(job.parts.workload.groups);
		memset(&job.parts.workload, 0, sizeof(job.parts.workload));
		status = group_workloads(opts->group_by, opts->quiet || stream, &job.parts.in.pass.scan, job.parts.in.pass.label_key_count,
		                         report, &job.parts.workload);
		return place_profiles(report, status == RUN_OK ? write_workloads(opts, report, dir, count) : status);
	}
	for (size_t i = 0; i < job.parts.in.pass.scan.container_count && status == RUN_OK; i++) {
		struct scan_container *c = &job.parts.in.pass.scan.containers[i];
		char who[CONTAINER_ID_MAX + 16];
		size_t allowed;
		const char *base = output_name_for(&job.parts.in.pass.scan, i);
		char path[4096];

		if (base == NULL) {
			/* Ids from the log are hexadecimal, so this cannot happen; a path outside dir never may. */
			report_say(report, "container %s: no safe file name for its profile; not written", c->id);
			continue;
		}
		if (syscall_set_count(&c->syscalls) == 0 && !opts->allow_empty) {
			if (!stream)
				report_warning(report, "container %s has no syscall events; no profile written for it", c->id);
			continue;
		}
		snprintf(who, sizeof(who), "container %s", c->id);
		runtime_choice_settle(&job.parts.runtime, &c->life, true, report);
		struct provenance_member member = { who, (unsigned long long)c->events, 1, c->image, &c->provenance };
		status = write_member(opts, report, dir, base, &c->syscalls, &c->facts, who, &member, path, sizeof(path),
		                      &allowed);
		if (status == RUN_OK && !stream)
			report_profile_written(report, path, c, allowed);
		written += status == RUN_OK;
	}
	*count = written;
	if (status == RUN_OK && written == 0 && !stream) {
		report_say(report, "no container syscall events in %llu events read; nothing written",
		     (unsigned long long)job.parts.in.pass.scan.events);
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
	enum run_status status = read_inputs(&job.parts.in, opts, NULL, report, &job.parts.results);

	if (status == RUN_OK)
		status = make_output_dir(report, opts->output_dir);
	if (status != RUN_OK)
		return status;
	qsort(job.parts.in.pass.scan.containers, job.parts.in.pass.scan.container_count, sizeof(job.parts.in.pass.scan.containers[0]),
	      workload_compare_containers);
	size_t written;
	return write_all(opts, report, opts->output_dir, &written);
}

/*
 * One writing of the reducer: what the stream gave so far made whole (the
 * windows of a container's life closed only at the end), every profile
 * written and put in place together, then the containers idle since the
 * last writing forgotten. A status; a profile that cannot be written is
 * said and the stream goes on.
 */
static enum run_status flush(const struct options *opts, struct report *report, bool last)
{
	struct scan *scan = &job.parts.in.pass.scan;
	size_t written = 0;

	/* The profiles' documents are built with cJSON's own allocator, not the scan's arena. */
	json_arena_end();
	if (last)
		scan_finish_lives(scan);
	scan_mark_sandboxes(scan);
	if (!opts->exact)
		scan_settle_families(scan);
	/* A service writes every interval: the summary's sentences are said once, at the first writing. */
	bool quiet = report->quiet;
	report->quiet = quiet || job.flushes++ > 0;
	enum run_status status = write_all(opts, report, opts->output_dir, &written);
	report->quiet = quiet;
	size_t forgotten = status == RUN_OK ? scan_forget_idle(scan) : 0;
	report_flush(report, opts->output_dir, written, scan->events, scan->bad_lines, forgotten, scan->container_count);
	if (!last && json_arena_begin() != 0) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	return status == RUN_OUTPUT || status == RUN_INPUT ? RUN_OK : status;
}

/* Milliseconds from now to deadline (CLOCK_MONOTONIC), 0 when it passed. */
static int until(const struct timespec *deadline)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long long ms = (deadline->tv_sec - now.tv_sec) * 1000LL + (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms <= 0 ? 0 : ms > 86400000 ? 86400000 : (int)ms;
}

/*
 * --flush-every: the reducer of Falco's program_output. Reads the endless
 * standard input line by line, and every interval, at a signal (SIGTERM,
 * SIGINT, SIGHUP) and at the input's end writes every profile; a broken
 * line is counted and told, never fatal.
 */
static enum run_status run_reduce(const struct options *opts, struct report *report)
{
	struct line_stream stream;
	struct timespec deadline;
	enum run_status status;
	bool told_full = false;

	/* The signals are taken first: a service manager may stop the reducer while it starts. */
	if (line_stream_open(&stream, STDIN_FILENO, LINE_MAX_BYTES) != 0) {
		report_error(report, "cannot read standard input as a stream: %s", strerror(errno));
		line_stream_close(&stream);
		return RUN_RESOURCES;
	}
	status = prepare_inputs(&job.parts.in, opts, report);
	if (status == RUN_OK)
		status = log_pass_begin(&job.parts.in.pass, opts, &job.parts.in.frame.arches, NULL, true, report);
	if (status == RUN_OK)
		status = make_output_dir(report, opts->output_dir);
	if (status == RUN_OK && json_arena_begin() != 0) {
		report_error(report, "out of memory");
		status = RUN_RESOURCES;
	}
	if (status != RUN_OK) {
		line_stream_close(&stream);
		return status;
	}
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += opts->flush_every;
	for (bool going = true; going && status == RUN_OK;) {
		const char *line = NULL;
		size_t length = 0;
		enum scan_status scanned;
		switch (line_stream_next(&stream, until(&deadline), &line, &length)) {
		case STREAM_LINE:
		case STREAM_TOO_LONG:
			scanned = scan_feed(&job.parts.in.pass.scan, 0, stream.line_number, line,
			                    line != NULL ? length : LINE_MAX_BYTES + 1);
			if (scanned == SCAN_TOO_MANY) {
				/* Full of containers: what they made is written, the idle ones forgotten, and the line read again. */
				status = flush(opts, report, false);
				scanned = status == RUN_OK ? scan_feed(&job.parts.in.pass.scan, 0, stream.line_number, line,
				                                       line != NULL ? length : LINE_MAX_BYTES + 1) : SCAN_OK;
				if (scanned == SCAN_TOO_MANY && !told_full) {
					report_warning(report, "more than %d containers made events within one interval: the events "
					               "of the ones past that are left out until some fall idle (give a shorter "
					               "--flush-every)", SCAN_CONTAINERS_MAX);
					told_full = true;
				}
				if (scanned == SCAN_TOO_MANY)
					scanned = SCAN_OK;
			}
			if (scanned == SCAN_NO_MEMORY) {
				report_error(report, "out of memory");
				status = RUN_RESOURCES;
			}
			break;
		case STREAM_DEADLINE:
			status = flush(opts, report, false);
			clock_gettime(CLOCK_MONOTONIC, &deadline);
			deadline.tv_sec += opts->flush_every;
			break;
		case STREAM_SIGNAL:
			report_say(report, "%s: writing the profiles, then stopping", strsignal(stream.last_signal));
			going = false;
			break;
		case STREAM_END:
			going = false;
			break;
		case STREAM_ERROR:
		default:
			report_say(report, "standard input: cannot be read: %s; writing the profiles, then stopping",
			           strerror(errno));
			going = false;
			break;
		}
	}
	if (status == RUN_OK)
		status = flush(opts, report, true);
	else
		json_arena_end();
	line_stream_close(&stream);
	return status;
}

enum run_status job_all_containers(const struct options *opts, struct report *report)
{
	enum run_status status;

	profile_job_begin(&job.parts, opts, report);
	status = opts->flush_every > 0 ? run_reduce(opts, report) : run_all(opts, report);
	profile_job_end(&job.parts);
	return status;
}
