/*
 * audit_log: --audit-log FILE: the kernel's seccomp records read back into
 * the findings below (audit_log.c).
 */
#ifndef F2S_AUDIT_LOG_H
#define F2S_AUDIT_LOG_H

#include "decode/audit_record.h"
#include "jobs/run_status.h"
#include "syscalls/syscall_set.h"

#include <stddef.h>
#include <stdint.h>

struct options;
struct report;

/* The most processes told apart in the records; those past it are counted, and said. */
#define AUDIT_PROCESSES_MAX 4096

/* What --audit-log gave. */
struct audit_findings {
	struct syscall_set syscalls;  /* of LOG records */
	size_t records;               /* LOG records taken */
	size_t denials;               /* records of other actions, not taken */
	size_t others;                /* records of processes --audit-exe and --audit-comm leave out */
	size_t unknown;               /* records whose syscall could not be named */
	size_t before_since;          /* records before --audit-since, left out */
	size_t lost;                  /* lines that say records were lost */
	uint64_t lost_line;           /* the first of them */
	struct audit_process *processes; /* owned: every process the records in scope name, with its counts */
	size_t process_count;
	size_t processes_untold;      /* records of processes past AUDIT_PROCESSES_MAX */
};

/*
 * Reads the --audit-log files opts names into audit, naming their syscalls
 * in catalog; problems go to report. Returns a status.
 */
enum run_status read_audit_logs(const struct options *opts, struct syscall_catalog *catalog, struct report *report,
                                struct audit_findings *audit);

/* Frees what audit owns. */
void audit_findings_free(struct audit_findings *audit);

#endif
