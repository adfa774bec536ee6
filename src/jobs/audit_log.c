/*
 * audit_log: --audit-log FILE: the kernel's seccomp records read back. The
 * syscalls of LOG records (what an audit profile let through) join the
 * profile; each is named with the processes that made it. Records of other
 * actions come from enforcing profiles and are counted, not taken.
 */

#include "jobs/audit_log.h"

#include "jobs/options.h"

#include "decode/audit_record.h"
#include "input/line_reader.h"
#include "report/report.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Tells whether --audit-exe and --audit-comm (an exe or a comm matching, when any is given) keep record. */
static bool wanted(const struct options *opts, const struct audit_record *record)
{
	if (opts->audit_exes.count == 0 && opts->audit_comms.count == 0)
		return true;
	for (size_t i = 0; i < opts->audit_exes.count; i++)
		if (strcmp(opts->audit_exes.items[i], record->exe) == 0)
			return true;
	for (size_t i = 0; i < opts->audit_comms.count; i++)
		if (strcmp(opts->audit_comms.items[i], record->comm) == 0)
			return true;
	return false;
}

/* Where the records read go. */
struct audit_reading {
	const struct options *opts;
	struct syscall_catalog *catalog;
	struct report *report;
	struct audit_findings *audit;
};

/* Takes one record: its syscall into the findings, its process into the list shown. */
static void take_record(struct audit_reading *reading, const char *file, uint64_t line, const struct audit_record *record)
{
	char *name;
	int id;

	if (arch_short_name(record->arch) == NULL) {
		report_problem(reading->report, file, line, "a seccomp record of an architecture libseccomp does not know; left out");
		reading->audit->unknown++;
		return;
	}
	name = seccomp_syscall_resolve_num_arch(record->arch, (int)record->syscall);
	if (name == NULL) {
		char message[96];
		snprintf(message, sizeof(message), "syscall %ld is no syscall of that record's architecture; left out",
		         record->syscall);
		report_problem(reading->report, file, line, message);
		reading->audit->unknown++;
		return;
	}
	id = syscall_catalog_intern(reading->catalog, name);
	free(name);
	if (id < 0) {
		report_problem(reading->report, file, line, "a syscall none of the target architectures has; left out");
		reading->audit->unknown++;
		return;
	}
	syscall_set_add(&reading->audit->syscalls, id);
	reading->audit->records++;
	for (size_t i = 0; i < reading->audit->process_count; i++)
		if (strcmp(reading->audit->processes[i], record->exe[0] ? record->exe : record->comm) == 0)
			return;
	if (reading->audit->process_count < AUDIT_PROCESSES_MAX)
		snprintf(reading->audit->processes[reading->audit->process_count++], sizeof(reading->audit->processes[0]), "%s",
		         record->exe[0] ? record->exe : record->comm);
}

/* Reads one audit log (plain, gzip or zstd; "-" for standard input). */
static enum run_status read_one(struct audit_reading *reading, const char *file)
{
	bool is_stdin = strcmp(file, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC);
	struct log_source source;
	struct line_reader reader;
	enum run_status status = RUN_OK;
	const char *line, *why;
	size_t length;
	enum line_status got;

	if (fd < 0) {
		report_say(reading->report, "--audit-log %s: %s", file, strerror(errno));
		return RUN_INPUT;
	}
	if (log_source_open(&source, fd) != LOG_OK || !log_kind_readable(source.decoder.kind) ||
	    line_reader_init(&reader, &source, LINE_MAX_BYTES) != 0) {
		report_say(reading->report, "--audit-log %s: cannot be read%s", file,
		            log_kind_readable(source.decoder.kind) ? "" : " (xz or bzip2: decompress it first; gzip and "
		                                                          "zstd are read)");
		log_source_close(&source);
		if (!is_stdin)
			close(fd);
		return RUN_INPUT;
	}
	while ((got = line_reader_next(&reader, &line, &length)) != LINE_END && got != LINE_READ_ERROR) {
		struct audit_record record;
		if (got == LINE_TOO_LONG)
			continue;
		switch (audit_record_parse(line, length, &record, &why)) {
		case AUDIT_RECORD:
			if (!wanted(reading->opts, &record))
				reading->audit->others++;
			else if ((record.code & AUDIT_ACTION_MASK) == AUDIT_ACTION_LOG)
				take_record(reading, log_source_display_name(file), reader.line_number, &record);
			else
				reading->audit->denials++;
			break;
		case AUDIT_BROKEN:
			report_problem(reading->report, log_source_display_name(file), reader.line_number, why);
			if (reading->opts->strict)
				status = RUN_INPUT;
			break;
		case AUDIT_LOST:
			if (reading->audit->lost_line == 0)
				reading->audit->lost_line = reader.line_number;
			reading->audit->lost++;
			break;
		case AUDIT_NOT_A_RECORD:
		default:
			break;
		}
	}
	if (got == LINE_READ_ERROR) {
		report_say(reading->report, "--audit-log %s: cannot be read to its end", file);
		status = RUN_INPUT;
	}
	line_reader_free(&reader);
	log_source_close(&source);
	if (!is_stdin)
		close(fd);
	return status;
}

enum run_status read_audit_logs(const struct options *opts, struct syscall_catalog *catalog, struct report *report,
                                struct audit_findings *audit)
{
	struct audit_reading state = { opts, catalog, report, audit }, *reading = &state;
	enum run_status status = RUN_OK;

	for (size_t i = 0; i < reading->opts->audit_logs.count && status == RUN_OK; i++)
		status = read_one(reading, reading->opts->audit_logs.items[i]);
	if (status != RUN_OK)
		return status;
	if (reading->audit->others > 0 && !reading->opts->quiet)
		report_say(reading->report, "left out %zu seccomp records of other processes than --audit-exe and "
		            "--audit-comm name", reading->audit->others);
	if (reading->audit->lost > 0) {
		report_strictly(reading->report, "the audit log says records were lost (%zu %s, the first at line %llu: the "
		            "printk rate limit or auditd's backlog), so the syscalls read may be incomplete; run auditd, or "
		            "set kernel.printk_ratelimit=0 during the audit",
		            reading->audit->lost, reading->audit->lost == 1 ? "line says so" : "lines say so",
		            (unsigned long long)reading->audit->lost_line);
		if (reading->opts->strict)
			return RUN_INPUT;
	}
	return RUN_OK;
}
