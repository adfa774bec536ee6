#include "syscalls/syscall_names.h"
#include "test.h"

#include <seccomp.h>
#include <string.h>

static void table_should_be_sorted_for_bsearch(void)
{
	size_t count;
	const struct falco_event_name *table = syscall_names_table(&count);
	CHECK(count > 190);
	for (size_t i = 1; i < count; i++)
		CHECK(strcmp(table[i - 1].falco, table[i].falco) < 0);
}

static void lookup_should_find_renamed_events(void)
{
	const struct falco_event_name *row = syscall_names_lookup("pread", 5);
	CHECK(row != NULL && strcmp(row->own, "pread64") == 0);
	row = syscall_names_lookup("prlimit", 7);
	CHECK(row != NULL && strcmp(row->own, "prlimit64") == 0);
	row = syscall_names_lookup("llseek", 6);
	CHECK(row != NULL && strcmp(row->own, "_llseek") == 0);
	row = syscall_names_lookup("sigreturn", 9);
	CHECK(row != NULL && strcmp(row->own, "rt_sigreturn") == 0);
	row = syscall_names_lookup("procexit", 8);
	CHECK(row != NULL && row->own == NULL);
	CHECK(syscall_names_lookup("rt_sigaction", 12) == NULL);
	CHECK(syscall_names_lookup("preadx", 6) == NULL);
	CHECK(syscall_names_lookup("prea", 4) == NULL);
}

static void well_formed_should_accept_only_syscall_spellings(void)
{
	CHECK(syscall_names_well_formed("_llseek", 7));
	CHECK(syscall_names_well_formed("pread64", 7));
	CHECK(!syscall_names_well_formed("", 0));
	CHECK(!syscall_names_well_formed("Open", 4));
	CHECK(!syscall_names_well_formed("a-b", 3));
	CHECK(!syscall_names_well_formed("<unknown>", 9));
}

static void arch_list_should_accept_both_spellings_and_native(void)
{
	struct arch_list list;
	const char *bad;
	size_t bad_len;
	CHECK(arch_list_parse("x86_64,SCMP_ARCH_AARCH64,native", &list, &bad, &bad_len));
	CHECK(list.count == 2);
	CHECK(list.tokens[0] == SCMP_ARCH_X86_64 && list.tokens[1] == SCMP_ARCH_AARCH64);
	CHECK(!arch_list_parse("x86_64,vax", &list, &bad, &bad_len));
	CHECK(bad_len == 3 && strncmp(bad, "vax", 3) == 0);
	CHECK(!arch_list_parse("", &list, &bad, &bad_len));
	CHECK(!arch_list_parse("x86,", &list, &bad, &bad_len));
	CHECK_STR(arch_docker_name(SCMP_ARCH_X32), "SCMP_ARCH_X32");
	CHECK_STR(arch_short_name(SCMP_ARCH_RISCV64), "riscv64");
}

static void exists_should_follow_each_architecture(void)
{
	CHECK(syscall_exists_on(SCMP_ARCH_X86_64, "open"));
	CHECK(!syscall_exists_on(SCMP_ARCH_AARCH64, "open"));
	CHECK(syscall_exists_on(SCMP_ARCH_X86, "socket"));
	CHECK(!syscall_exists_on(SCMP_ARCH_X86_64, "send"));
	CHECK(syscall_exists_on(SCMP_ARCH_X86, "stat64"));
	CHECK(!syscall_exists_on(SCMP_ARCH_X86_64, "procexit"));
}

/* The names --arch's message offers are the table's: each parses back, and none is left out. */
static void arch_name_list_should_name_every_row_once(void)
{
	char text[512], *save = NULL;
	size_t count = 0;

	arch_name_list(text, sizeof(text));
	for (char *name = strtok_r(text, ", ", &save); name != NULL; name = strtok_r(NULL, ", ", &save)) {
		struct arch_list list;
		const char *bad;
		size_t bad_len;
		CHECK(arch_list_parse(name, &list, &bad, &bad_len) && list.count == 1);
		CHECK(strcmp(arch_short_name(list.tokens[0]), name) == 0);
		count++;
	}
	CHECK(count == 19);
}

const struct test_case names_tests[] = {
	TEST_CASE(table_should_be_sorted_for_bsearch),
	TEST_CASE(lookup_should_find_renamed_events),
	TEST_CASE(well_formed_should_accept_only_syscall_spellings),
	TEST_CASE(arch_list_should_accept_both_spellings_and_native),
	TEST_CASE(exists_should_follow_each_architecture),
	TEST_CASE(arch_name_list_should_name_every_row_once),
	{ NULL, NULL },
};
