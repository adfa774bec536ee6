#include "policy/companions.h"
#include "policy/profile_set.h"
#include "policy/successors.h"
#include "syscalls/equivalents.h"
#include "syscalls/syscall_names.h"
#include "test.h"

#include <seccomp.h>

static void successors_should_name_real_syscalls_docker_allows_without_a_capability(void)
{
	CHECK(successor_count > 0 && successor_count <= SUCCESSORS_MAX);
	for (size_t i = 0; i < successor_count; i++) {
		const struct successor *row = &successor_table[i];
		CHECK(seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, row->newer) >= 0);
		CHECK(seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, row->older) >= 0);
		CHECK(profile_set_risky_capability(row->newer) == NULL && profile_set_risky_capability(row->older) == NULL);
		CHECK(row->caller[0] != '\0' && row->source[0] != '\0');
		CHECK(successor_of(row->newer) == row);
	}
	CHECK(successor_of("read") == NULL);
}

static void successors_should_be_wanted_only_for_an_older_call_without_its_newer_one(void)
{
	static struct syscall_catalog catalog;
	struct syscall_set set;
	struct arch_list arches = { { SCMP_ARCH_X86_64 }, 1 };
	const struct successor *rows[SUCCESSORS_MAX];

	syscall_catalog_init(&catalog, &arches);
	memset(&set, 0, sizeof(set));
	syscall_set_add(&set, syscall_catalog_intern(&catalog, "faccessat"));
	syscall_set_add(&set, syscall_catalog_intern(&catalog, "read"));
	CHECK(successors_wanted(&catalog, &set, rows) == 1 && strcmp(rows[0]->newer, "faccessat2") == 0);
	syscall_set_add(&set, syscall_catalog_intern(&catalog, "faccessat2"));
	CHECK(successors_wanted(&catalog, &set, rows) == 0);
}

static void vdso_should_follow_each_architecture(void)
{
	CHECK(syscall_names_list_holds(arch_vdso(SCMP_ARCH_X86_64), "time"));
	CHECK(syscall_names_list_holds(arch_vdso(SCMP_ARCH_X86_64), "getcpu"));
	CHECK(syscall_names_list_holds(arch_vdso(SCMP_ARCH_AARCH64), "clock_gettime"));
	CHECK(!syscall_names_list_holds(arch_vdso(SCMP_ARCH_AARCH64), "time"));
	CHECK(arch_in_vdso("gettimeofday") && !arch_in_vdso("read"));
	/* Every name of the table is a syscall of its architecture. */
	unsigned tokens[] = { SCMP_ARCH_X86_64, SCMP_ARCH_X86, SCMP_ARCH_AARCH64, SCMP_ARCH_ARM, SCMP_ARCH_PPC64LE,
		              SCMP_ARCH_S390X, SCMP_ARCH_RISCV64 };
	for (size_t t = 0; t < sizeof(tokens) / sizeof(tokens[0]); t++) {
		char names[200];
		snprintf(names, sizeof(names), "%s", arch_vdso(tokens[t]));
		CHECK(names[0] != '\0');
		for (char *name = strtok(names, " "); name; name = strtok(NULL, " "))
			CHECK(seccomp_syscall_resolve_name_arch(tokens[t], name) >= 0);
	}
}

static void companions_should_name_real_syscalls_docker_allows_without_a_capability(void)
{
	CHECK(companion_count > 0 && companion_count <= COMPANIONS_MAX);
	for (size_t i = 0; i < companion_count; i++) {
		char names[200];
		snprintf(names, sizeof(names), "%s %s", companion_table[i].triggers, companion_table[i].companions);
		CHECK(companion_table[i].reason[0] != '\0');
		for (char *name = strtok(names, " "); name; name = strtok(NULL, " ")) {
			CHECK(seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, name) >= 0);
			CHECK(profile_set_risky_capability(name) == NULL);
		}
	}
}

static void companions_should_be_missing_only_when_a_trigger_is_seen(void)
{
	static struct syscall_catalog catalog;
	struct syscall_set observed, set;
	struct arch_list arches = { { SCMP_ARCH_X86_64 }, 1 };
	struct companion_need needs[COMPANIONS_MAX];

	syscall_catalog_init(&catalog, &arches);
	memset(&observed, 0, sizeof(observed));
	syscall_set_add(&observed, syscall_catalog_intern(&catalog, "read"));
	set = observed;
	CHECK(companions_missing(&catalog, &observed, &set, false, needs) == 0);
	/* A clone that made only threads calls for no reap; one that made a child (or did not say) does. */
	syscall_set_add(&observed, syscall_catalog_intern(&catalog, "clone"));
	set = observed;
	CHECK(companions_missing(&catalog, &observed, &set, true, needs) == 0);
	CHECK(companions_missing(&catalog, &observed, &set, false, needs) == 1);
	syscall_set_add(&observed, syscall_catalog_intern(&catalog, "fork"));
	set = observed;
	syscall_set_add(&set, syscall_catalog_intern(&catalog, "wait4"));
	CHECK(companions_missing(&catalog, &observed, &set, true, needs) == 1);
	CHECK(needs[0].missing_count == 1 && strcmp(syscall_catalog_name(&catalog, needs[0].missing[0]), "waitid") == 0);
	CHECK(strcmp(syscall_catalog_name(&catalog, needs[0].trigger), "fork") == 0);
}

static void equivalents_should_stand_for_calls_aarch64_lacks(void)
{
	for (size_t r = 0; r < equivalent_count; r++) {
		char names[64];
		CHECK(seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, equivalent_table[r].legacy) >= 0);
		CHECK(seccomp_syscall_resolve_name_arch(SCMP_ARCH_AARCH64, equivalent_table[r].legacy) < 0);
		snprintf(names, sizeof(names), "%s", equivalent_table[r].generic);
		for (char *name = strtok(names, " "); name; name = strtok(NULL, " "))
			CHECK(seccomp_syscall_resolve_name_arch(SCMP_ARCH_AARCH64, name) >= 0);
	}
	CHECK(equivalents_of("open", 4) != NULL && strcmp(equivalents_of("open", 4), "openat") == 0);
	CHECK(equivalents_of("openat", 6) == NULL);
}

static void equivalents_should_be_needed_only_by_the_architecture_that_lacks_the_call(void)
{
	static struct syscall_catalog catalog;
	struct syscall_set set;
	struct arch_list arches = { { SCMP_ARCH_X86_64, SCMP_ARCH_AARCH64 }, 2 };
	struct equivalent_need needs[EQUIVALENT_NEEDS_MAX];

	syscall_catalog_init(&catalog, &arches);
	memset(&set, 0, sizeof(set));
	syscall_set_add(&set, syscall_catalog_intern(&catalog, "mkdir"));
	syscall_set_add(&set, syscall_catalog_intern(&catalog, "dup2"));
	syscall_set_add(&set, syscall_catalog_intern(&catalog, "dup3"));
	CHECK(equivalents_needed(&catalog, &set, needs) == 1);
	CHECK(strcmp(needs[0].name, "mkdirat") == 0 && needs[0].arches == 2u && strcmp(needs[0].legacy, "mkdir") == 0);
}

const struct test_case successor_tests[] = {
	TEST_CASE(equivalents_should_stand_for_calls_aarch64_lacks),
	TEST_CASE(equivalents_should_be_needed_only_by_the_architecture_that_lacks_the_call),
	TEST_CASE(companions_should_name_real_syscalls_docker_allows_without_a_capability),
	TEST_CASE(companions_should_be_missing_only_when_a_trigger_is_seen),
	TEST_CASE(successors_should_name_real_syscalls_docker_allows_without_a_capability),
	TEST_CASE(successors_should_be_wanted_only_for_an_older_call_without_its_newer_one),
	TEST_CASE(vdso_should_follow_each_architecture),
	{ NULL, NULL },
};
