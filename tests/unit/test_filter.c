/*
 * The filter as the judge, in the way libseccomp tests itself: each row
 * builds a profile's filter for a host (as moby and runc build it) and
 * asks one call on one architecture, with the action it must get. The
 * profiles are the cases an attack found the old model wrong on, and
 * Docker's default itself, on every architecture of --arch all-supported.
 */
#include "policy/arg_facts.h"
#include "policy/arg_rules.h"
#include "policy/docker_default.h"
#include "policy/filter_judge.h"
#include "profile/bpf.h"
#include "profile/seccomp_filter.h"
#include "syscalls/syscall_set.h"
#include "test.h"

#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>

#define ALLOW 0x7fff0000u
#define LOG 0x7ffc0000u
#define TRACE_EPERM 0x7ff00001u
#define EPERM_ 0x00050001u
#define ENOSYS_ 0x00050026u
#define KILL_THREAD 0x00000000u

#define NEWUSER 0x10000000u
#define THREAD 0x3d0f00u
#define SIGCHLD_ 17u

static const char *const profiles[] = {
	/* 0: a clone mask on the wrong argument for x86_64 (the flags are arg0 there). */
	"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\","
	"\"args\":[{\"index\":1,\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}]}",
	/* 1: TRACE as the default: without a tracer ENOSYS, with one the call runs. */
	"{\"defaultAction\":\"SCMP_ACT_TRACE\",\"syscalls\":[]}",
	/* 2: Docker's clone rule, then an unconditional KILL for clone: libseccomp lets the second replace the first. */
	"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\","
	"\"args\":[{\"index\":0,\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]},"
	"{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_KILL\"}]}",
	/* 3: the same text with ERRNO(1): runc skips a rule equal to the default, and clone works. */
	"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\","
	"\"args\":[{\"index\":0,\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]},"
	"{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1}]}",
	/* 4: a socket allow and a socket deny by family on x86_64 with 32-bit x86: libseccomp refuses (EEXIST). */
	"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\"],\"syscalls\":["
	"{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":2,\"op\":\"SCMP_CMP_EQ\"}]},"
	"{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":13,\"args\":[{\"index\":0,\"value\":16,"
	"\"op\":\"SCMP_CMP_EQ\"}]}]}",
	/* 5: two conditions on one argument: runc adds each as a rule of its own, so either allows. */
	"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"personality\"],\"action\":\"SCMP_ACT_ALLOW\","
	"\"args\":[{\"index\":0,\"value\":0,\"op\":\"SCMP_CMP_EQ\"},{\"index\":0,\"value\":8,\"op\":\"SCMP_CMP_EQ\"}]}]}",
};

/* 6 and beyond: Docker's default, the upstream file. */
#define DOCKER 6

static const struct filter_row {
	int profile;
	const char *host;
	const char *arch;
	const char *name;
	uint64_t arg0, arg1;
	uint32_t action;
} rows[] = {
	{ 0, "x86_64", "x86_64", "clone", NEWUSER | SIGCHLD_, 0, ALLOW },   /* the mask tests arg1: NEWUSER runs */
	{ 0, "x86_64", "x86_64", "clone", THREAD, 0x7f1234567000ull, EPERM_ }, /* and a thread with a stack fails */
	{ 1, "x86_64", "x86_64", "unshare", NEWUSER, 0, TRACE_EPERM },
	{ 2, "x86_64", "x86_64", "clone", THREAD, 0, KILL_THREAD },
	{ 2, "x86_64", "x86_64", "clone", NEWUSER | SIGCHLD_, 0, KILL_THREAD },
	{ 3, "x86_64", "x86_64", "clone", THREAD, 0, ALLOW },
	{ 3, "x86_64", "x86_64", "clone", NEWUSER | SIGCHLD_, 0, EPERM_ },
	{ 5, "x86_64", "x86_64", "personality", 0, 0, ALLOW },
	{ 5, "x86_64", "x86_64", "personality", 8, 0, ALLOW },
	{ 5, "x86_64", "x86_64", "personality", 0x400000, 0, EPERM_ },
	/* Docker's default on each host of --arch all-supported. */
	{ DOCKER, "x86_64", "x86_64", "read", 0, 0, ALLOW },
	{ DOCKER, "x86_64", "x86_64", "socket", 2, 0, ALLOW },
	{ DOCKER, "x86_64", "x86_64", "socket", 38, 0, EPERM_ },
	{ DOCKER, "x86_64", "x86_64", "socket", 39, 0, ALLOW },
	{ DOCKER, "x86_64", "x86_64", "socket", 40, 0, EPERM_ },
	{ DOCKER, "x86_64", "x32", "socket", 38, 0, EPERM_ },
	{ DOCKER, "x86_64", "x86_64", "clone", NEWUSER | SIGCHLD_, 0, EPERM_ },
	{ DOCKER, "x86_64", "x86_64", "clone", THREAD, 0x7f1234567000ull, ALLOW },
	{ DOCKER, "x86_64", "x86_64", "clone3", 0, 0, ENOSYS_ },
	{ DOCKER, "x86_64", "x86_64", "io_uring_setup", 0, 0, EPERM_ },
	{ DOCKER, "x86_64", "x86_64", "unshare", 0, 0, EPERM_ },
	{ DOCKER, "x86_64", "x86_64", "arch_prctl", 0, 0, ALLOW },
	{ DOCKER, "x86_64", "x86", "socketcall", 1, 0, ALLOW }, /* the family rules do not reach socketcall */
	{ DOCKER, "aarch64", "aarch64", "socket", 38, 0, EPERM_ },
	{ DOCKER, "aarch64", "aarch64", "clone", NEWUSER | SIGCHLD_, 0, EPERM_ },
	{ DOCKER, "aarch64", "aarch64", "openat", 0, 0, ALLOW },
	{ DOCKER, "aarch64", "arm", "socket", 40, 0, EPERM_ },
	/* libseccomp 2.5 filters ppc64le's and s390x's socket only through socketcall: no family rule holds there. */
	{ DOCKER, "ppc64le", "ppc64le", "socketcall", 1, 0, ALLOW },
	{ DOCKER, "ppc64le", "ppc64le", "read", 0, 0, ALLOW },
	{ DOCKER, "s390x", "s390x", "clone", 0, NEWUSER | SIGCHLD_, EPERM_ }, /* s390 takes the flags second */
	{ DOCKER, "s390x", "s390x", "clone", 0x7f1234567000ull, THREAD, ALLOW },
	{ DOCKER, "s390x", "s390x", "socketcall", 1, 0, ALLOW },
	{ DOCKER, "s390x", "s390", "socketcall", 1, 0, ALLOW },
	{ DOCKER, "s390x", "s390x", "read", 0, 0, ALLOW },
	{ DOCKER, "riscv64", "riscv64", "socket", 38, 0, EPERM_ },
	{ DOCKER, "riscv64", "riscv64", "riscv_flush_icache", 0, 0, ALLOW },
};

static cJSON *profile_document(int which)
{
	if (which < DOCKER)
		return cJSON_Parse(profiles[which]);
	size_t length;
	char *text = docker_default_text(&length);
	cJSON *document = text ? cJSON_Parse(text) : NULL;
	free(text);
	return document;
}

static const struct rule_context default_container = { "amd64", docker_default_capabilities,
	                                                DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };

static void filter_should_answer_each_row_as_runc_would_load_it(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct filter_row *row = &rows[i];
		cJSON *document = profile_document(row->profile);
		uint32_t host = arch_from_name(row->host, strlen(row->host));
		uint32_t arch = arch_from_name(row->arch, strlen(row->arch));
		struct seccomp_filter filter;
		char message[256];
		uint64_t args[6] = { row->arg0, row->arg1 };
		uint32_t action = 0xdeadbeef;
		bool exists = false;
		CHECK(document != NULL);
		if (seccomp_filter_build(document, host, &default_container, &filter, message, sizeof(message)) != 0) {
			fprintf(stderr, "  row %zu: %s\n", i, message);
			CHECK(!"built");
		} else {
			CHECK(seccomp_filter_answer(&filter, arch, row->name, args, &exists, &action) == 0);
			if (!exists)
				fprintf(stderr, "  row %zu: %s has no %s\n", i, row->arch, row->name);
			CHECK(exists);
			if (action != row->action)
				fprintf(stderr, "  row %zu: %s %s(0x%llx, 0x%llx) on %s: 0x%08x, expected 0x%08x\n", i, row->host,
				        row->name, (unsigned long long)row->arg0, (unsigned long long)row->arg1, row->arch,
				        action, row->action);
			CHECK(action == row->action);
		}
		seccomp_filter_free(&filter);
		cJSON_Delete(document);
	}
}

static void filter_should_refuse_what_libseccomp_refuses_naming_the_rule(void)
{
	cJSON *document = profile_document(4);
	struct seccomp_filter filter;
	char message[256] = "";
	CHECK(seccomp_filter_build(document, SCMP_ARCH_X86_64, &default_container, &filter, message, sizeof(message)) == -1);
	CHECK(strstr(message, "syscalls[1] (socket)") != NULL && strstr(message, strerror(EEXIST)) != NULL);
	cJSON_Delete(document);
	/* An index past the sixth, and more than six conditions, are refused, not crashed on. */
	document = cJSON_Parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],"
	                       "\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":7,\"value\":0,\"op\":\"SCMP_CMP_EQ\"}]}]}");
	CHECK(seccomp_filter_build(document, SCMP_ARCH_X86_64, &default_container, &filter, message, sizeof(message)) == -1);
	cJSON_Delete(document);
}

static void bpf_should_refuse_programs_that_leave_their_bounds(void)
{
	struct bpf_call call = { 0 };
	uint32_t result;
	const struct sock_filter load_out[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 64), BPF_STMT(BPF_RET | BPF_K, 0) };
	const struct sock_filter load_odd[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 2), BPF_STMT(BPF_RET | BPF_K, 0) };
	const struct sock_filter jump_out[] = { BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 0), BPF_STMT(BPF_RET | BPF_K, 0) };
	const struct sock_filter ja_out[] = { BPF_STMT(BPF_JMP | BPF_JA, 1), BPF_STMT(BPF_RET | BPF_K, 0) };
	const struct sock_filter no_return[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0) };
	const struct sock_filter memory_out[] = { BPF_STMT(BPF_ST, 16), BPF_STMT(BPF_RET | BPF_K, 0) };
	const struct sock_filter divide[] = { BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 0), BPF_STMT(BPF_RET | BPF_K, 0) };
	const struct sock_filter args_be[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 16), BPF_STMT(BPF_RET | BPF_A, 0) };
	CHECK(bpf_run(load_out, 2, &call, &result) == BPF_BAD_LOAD);
	CHECK(bpf_run(load_odd, 2, &call, &result) == BPF_BAD_LOAD);
	CHECK(bpf_run(jump_out, 2, &call, &result) == BPF_BAD_JUMP);
	CHECK(bpf_run(ja_out, 2, &call, &result) == BPF_BAD_JUMP);
	CHECK(bpf_run(no_return, 1, &call, &result) == BPF_NO_RETURN);
	CHECK(bpf_run(memory_out, 2, &call, &result) == BPF_BAD_LOAD);
	CHECK(bpf_run(divide, 2, &call, &result) == BPF_BAD_CODE);
	CHECK(bpf_run(NULL, 0, &call, &result) == BPF_NO_RETURN);
	/* An argument's halves follow its architecture's byte order. */
	call.args[0] = 0x1122334455667788ull;
	CHECK(bpf_run(args_be, 2, &call, &result) == BPF_OK && result == 0x55667788u);
	call.big_endian = true;
	CHECK(bpf_run(args_be, 2, &call, &result) == BPF_OK && result == 0x11223344u);
}

static void judge_should_find_each_broken_promise_on_the_filter(void)
{
	static struct syscall_catalog catalog;
	struct syscall_set allowed;
	struct arch_list arches = { { SCMP_ARCH_X86_64 }, 1 };
	struct arg_facts facts;
	struct arg_rule_choice choice;
	struct arg_rule_plan plan;
	struct filter_verdict verdict;
	memset(&allowed, 0, sizeof(allowed));
	memset(&facts, 0, sizeof(facts));
	memset(&choice, 0, sizeof(choice));
	memset(&plan, 0, sizeof(plan));
	syscall_catalog_init(&catalog, &arches);
	syscall_set_add(&allowed, syscall_catalog_intern(&catalog, "clone"));
	struct filter_promises promises = { &catalog, &allowed, &facts, &choice, &plan, NULL, 0, false, false };
	for (int which = 0; which <= 2; which++) {
		cJSON *document = profile_document(which);
		CHECK(filter_judge_profile(document, &arches, &default_container, &promises, &verdict) == 1);
		CHECK(verdict.break_count > 0 && strcmp(verdict.breaks[0].name, "clone") == 0);
		cJSON_Delete(document);
	}
	/* Docker's default keeps every promise but the one the names it allows break: clone runs there. */
	cJSON *document = profile_document(DOCKER);
	CHECK(filter_judge_profile(document, &arches, &default_container, &promises, &verdict) == 0);
	CHECK(verdict.queries > 100 && arch_list_has(&verdict.proven, SCMP_ARCH_X86_64));
	cJSON_Delete(document);
}

const struct test_case filter_tests_[] = {
	TEST_CASE(filter_should_answer_each_row_as_runc_would_load_it),
	TEST_CASE(filter_should_refuse_what_libseccomp_refuses_naming_the_rule),
	TEST_CASE(bpf_should_refuse_programs_that_leave_their_bounds),
	TEST_CASE(judge_should_find_each_broken_promise_on_the_filter),
	{ NULL, NULL },
};
