/*
 * The seccomp record reader, as rows: a line and what it must give, field
 * by field. Each line is copied into a buffer of exactly its length, so
 * that a read past its end is AddressSanitizer's to see.
 */
#include "decode/audit_record.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

struct audit_row {
	const char *line;
	enum audit_line kind;
	uint32_t arch;
	long syscall;
	uint32_t code;
	long pid;
	const char *comm;
	const char *exe;
};

static const struct audit_row rows[] = {
	/* Every form a record reaches a user in. */
	{ "[  123.456] audit: type=1326 audit(1.0:9): auid=4294967295 uid=0 pid=21051 comm=\"mkdir\" exe=\"/bin/busybox\" "
	  "sig=0 arch=c000003e syscall=83 compat=0 ip=0x40828e code=0x7ffc0000",
	  AUDIT_RECORD, 0xc000003e, 83, 0x7ffc0000, 21051, "mkdir", "/bin/busybox" },
	{ "[Wed Dec  2 04:00:00 2026] audit: type=1326 audit(1.0:10): pid=1 comm=\"a\" exe=\"/a\" sig=0 arch=c000003e "
	  "syscall=84 compat=0 ip=0x1 code=0x50001",
	  AUDIT_RECORD, 0xc000003e, 84, 0x50001, 1, "a", "/a" },
	{ "6,1234,5678,-;audit: type=1326 audit(1.0:11): pid=2 comm=\"app\" exe=\"/app\" sig=0 arch=40000003 syscall=5 "
	  "compat=1 ip=0x1 code=0x7ffc0000",
	  AUDIT_RECORD, 0x40000003, 5, 0x7ffc0000, 2, "app", "/app" },
	{ "Dec  2 04:00:00 host kernel: [ 1.0] audit: type=1326 audit(1.0:12): pid=3 comm=\"x\" exe=\"/x\" sig=0 "
	  "arch=c000003e syscall=101 compat=0 ip=0x1 code=0x80000000",
	  AUDIT_RECORD, 0xc000003e, 101, 0x80000000, 3, "x", "/x" },
	{ "Dec 02 04:00:01 host kernel: audit: type=1326 audit(1.0:13): pid=4 comm=\"y\" exe=\"/y\" arch=c000003e "
	  "syscall=76 code=0x7ffc0000",
	  AUDIT_RECORD, 0xc000003e, 76, 0x7ffc0000, 4, "y", "/y" },
	{ "type=SECCOMP msg=audit(1796152468.003:14): pid=5 comm=\"app\" exe=\"/app\" sig=0 arch=c000003e syscall=82 "
	  "compat=0 ip=0x1 code=0x7ffc0000\x1d" "AUID=\"unset\" ARCH=x86_64 SYSCALL=rename",
	  AUDIT_RECORD, 0xc000003e, 82, 0x7ffc0000, 5, "app", "/app" },
	{ "node=web1 type=SECCOMP msg=audit(1.0:15): pid=6 comm=6D7920617070 exe=\"/app\" arch=c000003e syscall=0 "
	  "code=0x7ffc0000",
	  AUDIT_RECORD, 0xc000003e, 0, 0x7ffc0000, 6, "6D7920617070", "/app" },
	/* A key whose value is empty ends the line: nothing past it is read. */
	{ "audit: type=1326 audit(1.0:16): pid=7 arch=c000003e syscall=1 code=0x7ffc0000 comm=",
	  AUDIT_RECORD, 0xc000003e, 1, 0x7ffc0000, 7, "", "" },
	{ "audit: type=1326 audit(1.0:17): pid=8 arch=c000003e syscall=1 code=0x7ffc0000 exe=",
	  AUDIT_RECORD, 0xc000003e, 1, 0x7ffc0000, 8, "", "" },
	{ "audit: type=1326 audit(1.0:18): pid=9 arch=c000003e syscall=1 code=0x7ffc0000 comm=\"unclosed",
	  AUDIT_RECORD, 0xc000003e, 1, 0x7ffc0000, 9, "", "" },
	/* Forged inside another message's text: never a record. */
	{ "Dec  2 04:00:00 host kernel: traps: audit: type=1326 audit(1.0:1): pid=7 comm=\"myapp\" arch=c000003e "
	  "syscall=165 code=0x7ffc0000",
	  AUDIT_NOT_A_RECORD, 0, 0, 0, 0, NULL, NULL },
	{ "[  1.0] myapp[7]: segfault audit: type=1326 audit(1.0:2): pid=7 arch=c000003e syscall=165 code=0x7ffc0000",
	  AUDIT_NOT_A_RECORD, 0, 0, 0, 0, NULL, NULL },
	{ "sshd[1]: user type=SECCOMP msg=audit(1.0:3): arch=c000003e syscall=165 code=0x7ffc0000",
	  AUDIT_NOT_A_RECORD, 0, 0, 0, 0, NULL, NULL },
	{ "6,1,2,-;usb 1-1: audit: type=1326 audit(1.0:4): arch=c000003e syscall=165 code=0x7ffc0000",
	  AUDIT_NOT_A_RECORD, 0, 0, 0, 0, NULL, NULL },
	/* Numbers out of their range are broken records, never cut to another number. */
	{ "audit: type=1326 audit(1.0:5): arch=c000003e syscall=4294967461 code=0x7ffc0000",
	  AUDIT_BROKEN, 0, 0, 0, 0, NULL, NULL },
	{ "audit: type=1326 audit(1.0:6): arch=c000003e syscall=-1 code=0x7ffc0000",
	  AUDIT_BROKEN, 0, 0, 0, 0, NULL, NULL },
	{ "audit: type=1326 audit(1.0:7): arch=1c000003e syscall=1 code=0x7ffc0000",
	  AUDIT_BROKEN, 0, 0, 0, 0, NULL, NULL },
	{ "audit: type=1326 audit(1.0:8): arch=c000003e syscall=1 code=0x17ffc0000",
	  AUDIT_BROKEN, 0, 0, 0, 0, NULL, NULL },
	{ "audit: type=1326 audit(1.0:9): arch=c000003e code=0x7ffc0000", AUDIT_BROKEN, 0, 0, 0, 0, NULL, NULL },
	/* What tells of records lost. */
	{ "[  5.0] audit: 12 callbacks suppressed", AUDIT_LOST, 0, 0, 0, 0, NULL, NULL },
	{ "type=DAEMON_ABORT msg=audit(1.0:1): audit_lost=3", AUDIT_LOST, 0, 0, 0, 0, NULL, NULL },
	{ "nothing of seccomp here", AUDIT_NOT_A_RECORD, 0, 0, 0, 0, NULL, NULL },
};

static void audit_record_should_read_each_row_as_its_table_says(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct audit_row *row = &rows[i];
		size_t length = strlen(row->line);
		char *line = malloc(length ? length : 1);
		struct audit_record record;
		const char *why;

		if (line == NULL) {
			CHECK(line != NULL);
			return;
		}
		memcpy(line, row->line, length);
		enum audit_line kind = audit_record_parse(line, length, &record, &why);
		if (kind != row->kind)
			fprintf(stderr, "  row %zu: kind %d, expected %d\n", i, (int)kind, (int)row->kind);
		CHECK(kind == row->kind);
		if (kind == AUDIT_BROKEN)
			CHECK(why != NULL);
		if (kind == AUDIT_RECORD && row->kind == AUDIT_RECORD) {
			CHECK(record.arch == row->arch);
			CHECK(record.syscall == row->syscall);
			CHECK(record.code == row->code);
			CHECK(record.pid == row->pid);
			CHECK_STR(record.comm, row->comm);
			CHECK_STR(record.exe, row->exe);
		}
		free(line);
	}
}

/* The stamp of each form, and whether the printk rate limit applies to it; a malformed stamp reads as 0. */
static void audit_record_should_read_the_stamp_and_the_way_it_came(void)
{
	static const struct {
		const char *line;
		uint64_t time_ms;
		uint64_t serial;
		bool printk;
	} stamps[] = {
		{ "[ 1.0] audit: type=1326 audit(1796152468.003:14): pid=1 arch=c000003e syscall=1 code=0x7ffc0000",
		  1796152468003ull, 14, true },
		{ "type=SECCOMP msg=audit(1796152468.120:15): pid=1 arch=c000003e syscall=1 code=0x7ffc0000",
		  1796152468120ull, 15, false },
		{ "6,1,2,-;audit: type=1326 audit(0.999:4294967295): pid=1 arch=c000003e syscall=1 code=0x7ffc0000",
		  999, 4294967295ull, true },
		/* Not the kernel's "%llu.%03lu:%u": unread. */
		{ "audit: type=1326 audit(1.0:9): pid=1 arch=c000003e syscall=1 code=0x7ffc0000", 0, 0, true },
		{ "audit: type=1326 audit(1.0001:9): pid=1 arch=c000003e syscall=1 code=0x7ffc0000", 0, 0, true },
		{ "audit: type=1326 audit(-1.000:9): pid=1 arch=c000003e syscall=1 code=0x7ffc0000", 0, 0, true },
		{ "audit: type=1326 audit(1.000:+9): pid=1 arch=c000003e syscall=1 code=0x7ffc0000", 0, 0, true },
		{ "audit: type=1326 audit(99999999999999999999.000:9): pid=1 arch=c000003e syscall=1 code=0x7ffc0000",
		  0, 0, true },
		{ "audit: type=1326 audit(1.000:9 pid=1 arch=c000003e syscall=1 code=0x7ffc0000", 0, 0, true },
	};
	for (size_t i = 0; i < sizeof(stamps) / sizeof(stamps[0]); i++) {
		size_t length = strlen(stamps[i].line);
		char *copy = malloc(length);
		struct audit_record record;
		const char *why;
		memcpy(copy, stamps[i].line, length);
		CHECK(audit_record_parse(copy, length, &record, &why) == AUDIT_RECORD);
		CHECK(record.time_ms == stamps[i].time_ms && record.serial == stamps[i].serial);
		CHECK(record.printk == stamps[i].printk);
		free(copy);
	}
}

const struct test_case audit_record_tests[] = {
	TEST_CASE(audit_record_should_read_each_row_as_its_table_says),
	TEST_CASE(audit_record_should_read_the_stamp_and_the_way_it_came),
	{ NULL, NULL },
};
