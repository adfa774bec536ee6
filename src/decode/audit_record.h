/*
 * audit_record: one seccomp record of the kernel's audit, in any of the
 * lines it reaches a user in: the kernel log (dmesg, dmesg -T, /dev/kmsg's
 * "6,1234,5678,-;audit: ...", journalctl -k, syslog's kern.log), where it
 * is "audit: type=1326 audit(...): ...", and auditd's audit.log, where it is
 * "type=SECCOMP msg=audit(...): ..." (with auditd's enriched fields after a
 * 0x1d byte, which are not needed). Fields: pid, comm, exe, arch (the
 * AUDIT_ARCH value, which is libseccomp's token), syscall, compat, code,
 * and the stamp audit(SECONDS.MMM:SERIAL).
 */
#ifndef F2S_AUDIT_RECORD_H
#define F2S_AUDIT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum audit_line {
	AUDIT_NOT_A_RECORD, /* any other line: passed over */
	AUDIT_RECORD,       /* a seccomp record, read */
	AUDIT_BROKEN,       /* a seccomp record without a field it needs: why says which */
	AUDIT_LOST          /* the kernel or auditd says records were lost (callbacks suppressed, audit_lost=) */
};

struct audit_record {
	long pid;
	char comm[64];       /* "" when absent */
	char exe[256];       /* "" when absent */
	uint32_t arch;       /* AUDIT_ARCH_* = SCMP_ARCH_* */
	long syscall;        /* the number on arch */
	int compat;          /* compat=1: the 32-bit ABI of a 64-bit kernel (arch says which) */
	uint32_t code;       /* the action: 0x7ffc0000 LOG, 0x0005NNNN ERRNO, 0x80000000 KILL_PROCESS, ... */
	uint64_t time_ms;    /* audit(SECONDS.MMM:SERIAL)'s time in milliseconds since the epoch; 0 when unreadable */
	uint64_t serial;     /* and its serial */
	bool printk;         /* read from the kernel log ("audit: type=1326"), where the printk rate limit applies;
	                        false for auditd's "type=SECCOMP" lines */
};

/* A process the records name (its exe, or its comm without one), and how many of its records were taken. */
struct audit_process {
	char name[256];
	size_t taken;        /* LOG records taken */
	size_t left_out;     /* records --audit-exe and --audit-comm left out */
};

/* The action bits of code. */
#define AUDIT_ACTION_MASK 0xffff0000u
#define AUDIT_ACTION_LOG 0x7ffc0000u

/* Reads one line (length bytes, not NUL-terminated); why gets the reason of AUDIT_BROKEN. */
enum audit_line audit_record_parse(const char *line, size_t length, struct audit_record *record, const char **why);

#endif
