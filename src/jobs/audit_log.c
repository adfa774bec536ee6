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
#include "text/text.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Tells whether --audit-exe and --audit-comm (an exe or a comm matching,
 * when any is given) keep record. The kernel names the file it executed
 * with its symlinks resolved (/usr/bin/redis-check-rdb for
 * /usr/bin/redis-server), so a path given is matched as given and as
 * this host resolves it.
 */
static bool wanted(const struct options *opts, char *const *exes, const struct audit_record *record)
{
	if (opts->audit_exes.count == 0 && opts->audit_comms.count == 0)
		return true;
	for (size_t i = 0; i < opts->audit_exes.count; i++)
		if (strcmp(opts->audit_exes.items[i], record->exe) == 0 ||
		    (exes != NULL && exes[i] != NULL && strcmp(exes[i], record->exe) == 0))
			return true;
	for (size_t i = 0; i < opts->audit_comms.count; i++)
		if (strcmp(opts->audit_comms.items[i], record->comm) == 0)
			return true;
	return false;
}

/*
 * The kernel's printk rate limit, which a record reaches the kernel log
 * through when no auditd takes it (kernel/audit.c, kauditd_printk_skb:
 * printk_ratelimit()): at most kernel.printk_ratelimit_burst records
 * (10) per kernel.printk_ratelimit seconds (5) by default; what it drops
 * is said ("kauditd_printk_skb: N callbacks suppressed") only with the
 * kernel's next message after the interval, which a log saved at once
 * lacks.
 */
#define PRINTK_BURST 10
#define PRINTK_INTERVAL_MS 5000

/* Where the records read go. */
struct audit_reading {
	const struct options *opts;
	struct syscall_catalog *catalog;
	struct report *report;
	struct audit_findings *audit;
	char **exes;                          /* --audit-exe with its symlinks resolved (NULL where none) */
	uint64_t times[PRINTK_BURST + 1];     /* the stamps of the last kernel-log records, a ring */
	size_t time_count;                    /* records in the ring, up to PRINTK_BURST + 1 */
	const char *burst_file;               /* where PRINTK_BURST records first came within the interval */
	uint64_t burst_line;
	bool over_limit;                      /* more than PRINTK_BURST came within one interval: no limit held */
	uint32_t slots[2 * AUDIT_PROCESSES_MAX]; /* 1 + the index of a process in the findings by name's hash; 0 free */
	bool out_of_memory;
	bool marker_seen;                     /* a line held --audit-since's marker */
};

/*
 * The entry of the process that made record (its exe, or its comm), made
 * when new; NULL past AUDIT_PROCESSES_MAX (counted) or without memory.
 */
static struct audit_process *process_of(struct audit_reading *reading, const struct audit_record *record)
{
	struct audit_findings *audit = reading->audit;
	const char *name = record->exe[0] ? record->exe : record->comm;
	size_t slot = text_hash(name, strlen(name), 0) % (2 * AUDIT_PROCESSES_MAX);

	while (reading->slots[slot] != 0) {
		struct audit_process *known = &audit->processes[reading->slots[slot] - 1];
		if (strcmp(known->name, name) == 0)
			return known;
		slot = (slot + 1) % (2 * AUDIT_PROCESSES_MAX);
	}
	if (audit->process_count == AUDIT_PROCESSES_MAX) {
		audit->processes_untold++;
		return NULL;
	}
	if (audit->processes == NULL) {
		audit->processes = calloc(AUDIT_PROCESSES_MAX, sizeof(audit->processes[0]));
		if (audit->processes == NULL) {
			reading->out_of_memory = true;
			return NULL;
		}
	}
	struct audit_process *made = &audit->processes[audit->process_count++];
	snprintf(made->name, sizeof(made->name), "%s", name);
	reading->slots[slot] = (uint32_t)audit->process_count;
	return made;
}

/*
 * Notes a kernel-log record's stamp: PRINTK_BURST of them within the
 * interval may be the rate limit cutting a burst; one more shows that no
 * limit held.
 */
static void note_stamp(struct audit_reading *reading, const char *file, uint64_t line, uint64_t time_ms)
{
	size_t count = reading->time_count;

	if (count == PRINTK_BURST + 1) {
		memmove(reading->times, reading->times + 1, PRINTK_BURST * sizeof(reading->times[0]));
		count = PRINTK_BURST;
	}
	reading->times[count++] = time_ms;
	reading->time_count = count;
	if (count >= PRINTK_BURST && time_ms - reading->times[count - PRINTK_BURST] < PRINTK_INTERVAL_MS &&
	    reading->burst_line == 0) {
		reading->burst_file = file;
		reading->burst_line = line;
	}
	if (count == PRINTK_BURST + 1 && time_ms - reading->times[0] < PRINTK_INTERVAL_MS)
		reading->over_limit = true;
}

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
	struct audit_process *process = process_of(reading, record);
	if (process != NULL)
		process->taken++;
}

/* Starts the findings again: a --audit-since marker, all before it out of scope. */
static void clear_findings(struct audit_reading *reading)
{
	struct audit_findings *audit = reading->audit;
	struct audit_process *processes = audit->processes;
	size_t before = audit->before_since + audit->records + audit->denials + audit->others + audit->unknown;

	memset(audit, 0, sizeof(*audit));
	audit->processes = processes;
	audit->before_since = before;
	memset(reading->slots, 0, sizeof(reading->slots));
	reading->time_count = 0;
	reading->burst_line = 0;
	reading->over_limit = false;
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
	const char *marker = reading->opts->audit_since != NULL && reading->opts->audit_since_ms == 0
	                     ? reading->opts->audit_since : NULL;
	size_t records = 0;
	while ((got = line_reader_next(&reader, &line, &length)) != LINE_END && got != LINE_READ_ERROR) {
		struct audit_record record;
		struct audit_process *process;
		if (got == LINE_TOO_LONG)
			continue;
		switch (audit_record_parse(line, length, &record, &why)) {
		case AUDIT_RECORD:
			records++;
			if (reading->opts->audit_since_ms > 0 && record.time_ms < reading->opts->audit_since_ms) {
				reading->audit->before_since++;
				break;
			}
			/* Every record in scope counts against the kernel's limit, whoever made it. */
			if (record.printk && record.time_ms > 0)
				note_stamp(reading, log_source_display_name(file), reader.line_number, record.time_ms);
			if (!wanted(reading->opts, reading->exes, &record)) {
				reading->audit->others++;
				if ((process = process_of(reading, &record)) != NULL)
					process->left_out++;
			} else if ((record.code & AUDIT_ACTION_MASK) == AUDIT_ACTION_LOG) {
				take_record(reading, log_source_display_name(file), reader.line_number, &record);
			} else {
				reading->audit->denials++;
			}
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
			/* A marker line (echo MARKER >/dev/kmsg): what came before is out of scope. */
			if (marker != NULL && memmem(line, length, marker, strlen(marker)) != NULL) {
				clear_findings(reading);
				reading->marker_seen = true;
			}
			break;
		}
	}
	if (got != LINE_READ_ERROR && records == 0) {
		report_strictly(reading->report, "--audit-log %s: no seccomp record in %llu lines: was the audit profile "
		                "loaded, and is this the kernel log of the host it ran on (journalctl -k writes nothing "
		                "without journald; dmesg, /dev/kmsg or auditd's audit.log hold the records)?",
		                log_source_display_name(file), (unsigned long long)reader.line_number);
		if (reading->opts->strict)
			status = RUN_INPUT;
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

/* --audit-exe's paths as this host resolves them, where that differs (NULL elsewhere); NULL without memory. */
static char **resolve_exes(const struct options *opts)
{
	char **exes = calloc(opts->audit_exes.count + 1, sizeof(exes[0]));

	for (size_t i = 0; exes != NULL && i < opts->audit_exes.count; i++) {
		exes[i] = realpath(opts->audit_exes.items[i], NULL);
		if (exes[i] != NULL && strcmp(exes[i], opts->audit_exes.items[i]) == 0) {
			free(exes[i]);
			exes[i] = NULL;
		}
	}
	return exes;
}

/* Says what the records left out, and what may be missing from them; a status. */
static enum run_status tell_scope(const struct audit_reading *reading, bool marker_seen)
{
	const struct options *opts = reading->opts;
	const struct audit_findings *audit = reading->audit;
	struct report *report = reading->report;

	if (opts->audit_since != NULL && opts->audit_since_ms == 0 && !marker_seen) {
		report_strictly(report, "--audit-since %s: no line of the audit log holds it, so every record was "
		                "taken; write the marker when the audit run starts (echo '%s' >/dev/kmsg)",
		                opts->audit_since, opts->audit_since);
		if (opts->strict)
			return RUN_INPUT;
	}
	if (audit->before_since > 0 && !opts->quiet)
		report_say(report, "left out %zu seccomp records before --audit-since %s", audit->before_since,
		           opts->audit_since);
	if (audit->others > 0)
		report_audit_processes(report, audit->processes, audit->process_count, audit->processes_untold,
		                       audit->others, audit->records + audit->denials);
	if (audit->others > 0 && audit->records + audit->denials == 0 && opts->strict)
		return RUN_INPUT;
	if (audit->lost > 0) {
		report_strictly(report, "the audit log says records were lost (%zu %s, the first at line %llu: the "
		                "printk rate limit or auditd's backlog), so the syscalls read may be incomplete; run "
		                "auditd, or set kernel.printk_ratelimit=0 during the audit",
		                audit->lost, audit->lost == 1 ? "line says so" : "lines say so",
		                (unsigned long long)audit->lost_line);
		if (opts->strict)
			return RUN_INPUT;
	} else if (reading->burst_line > 0 && !reading->over_limit) {
		report_strictly(report, "%s:%llu: %d seccomp records within %d s of the kernel log, and never more: "
		                "the kernel's printk rate limit (kernel.printk_ratelimit_burst %d per "
		                "kernel.printk_ratelimit %d s by default) drops the rest of such a burst, and tells how "
		                "many only with its next message, which this log does not have; records may be missing. "
		                "Lift it during the audit (sysctl -w kernel.printk_ratelimit=0, and restore it after) or "
		                "run auditd, then record again", reading->burst_file,
		                (unsigned long long)reading->burst_line, PRINTK_BURST, PRINTK_INTERVAL_MS / 1000,
		                PRINTK_BURST, PRINTK_INTERVAL_MS / 1000);
		if (opts->strict)
			return RUN_INPUT;
	}
	return RUN_OK;
}

enum run_status read_audit_logs(const struct options *opts, struct syscall_catalog *catalog, struct report *report,
                                struct audit_findings *audit)
{
	static struct audit_reading state;
	struct audit_reading *reading = &state;
	enum run_status status = RUN_OK;

	memset(reading, 0, sizeof(*reading));
	*reading = (struct audit_reading){ .opts = opts, .catalog = catalog, .report = report, .audit = audit,
		                           .exes = resolve_exes(opts) };
	if (reading->exes == NULL) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	for (size_t i = 0; i < opts->audit_logs.count && status == RUN_OK; i++)
		status = read_one(reading, opts->audit_logs.items[i]);
	for (size_t i = 0; i < opts->audit_exes.count; i++)
		free(reading->exes[i]);
	free(reading->exes);
	if (status == RUN_OK && reading->out_of_memory) {
		report_error(report, "out of memory");
		status = RUN_RESOURCES;
	}
	return status == RUN_OK ? tell_scope(reading, reading->marker_seen) : status;
}

void audit_findings_free(struct audit_findings *audit)
{
	free(audit->processes);
	audit->processes = NULL;
}
