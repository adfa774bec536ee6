/*
 * audit_log: the kernel's seccomp records read back (--audit-log).
 */
#ifndef F2S_AUDIT_LOG_H
#define F2S_AUDIT_LOG_H

#include "jobs/run.h"

/* Reads the --audit-log files into run->audit (audit_log.c); returns a status. */
enum run_status read_audit_logs(struct run *run);

#endif
