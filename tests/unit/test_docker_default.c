/*
 * Docker's default, as the generated tables give it: today's floor
 * (moby/profiles seccomp/v0.2.3), row by row.
 */
#include "policy/docker_default.h"
#include "syscalls/syscall_names.h"
#include "test.h"

#include <seccomp.h>

#include <stdlib.h>

static void docker_facts_should_be_todays_floor(void)
{
	uint32_t flags = 0;
	for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		flags |= docker_namespace_flags[i].value;
	CHECK(flags == DOCKER_CLONE_NAMESPACE_MASK);
	CHECK(docker_family_refused(DOCKER_AF_ALG) && docker_family_refused(DOCKER_AF_VSOCK));
	CHECK(!docker_family_refused(2) && !docker_family_refused(39) && !docker_family_refused(41));
	CHECK(docker_errno_count == 1 && strcmp(docker_errnos[0].name, "clone3") == 0 &&
	      docker_errnos[0].errno_ret == DOCKER_ENOSYS);
	CHECK(docker_personality_count == 5 && docker_personality_values[4] == 0xffffffff);
	CHECK(strstr(docker_default_version(), "seccomp/v0.2.3") != NULL);
}

static const struct {
	const char *name;
	const char *capability; /* NULL: allowed; "": never */
	bool refused;           /* refused to a container with Docker's default capabilities */
} capability_rows[] = {
	{ "read", NULL, false },
	{ "name_to_handle_at", NULL, false },   /* allowed again since 2023-06 */
	{ "ptrace", NULL, false },              /* from kernel 4.8 */
	{ "clone", NULL, false },               /* under its mask */
	{ "clone3", NULL, false },              /* answered with ENOSYS */
	{ "socket", NULL, false },              /* under its family rules */
	{ "arch_prctl", NULL, false },          /* amd64 and x32 */
	{ "io_uring_setup", "", true },         /* left the list in 2023-11 */
	{ "io_uring_enter", "", true },
	{ "io_uring_register", "", true },
	{ "lsm_get_self_attr", "CAP_SYS_ADMIN", true }, /* 2025-05 */
	{ "set_mempolicy_home_node", "CAP_SYS_NICE", true },
	{ "move_pages", "", true },
	{ "migrate_pages", "", true },
	{ "chroot", "CAP_SYS_CHROOT", false },  /* a default capability */
	{ "syslog", "CAP_SYS_ADMIN", true },
	{ "keyctl", "", true },
};

static void docker_default_should_say_what_each_name_needs(void)
{
	for (size_t i = 0; i < sizeof(capability_rows) / sizeof(capability_rows[0]); i++) {
		const char *cap = docker_default_capability(capability_rows[i].name);
		if (capability_rows[i].capability == NULL)
			CHECK(cap == NULL);
		else
			CHECK_STR(cap, capability_rows[i].capability);
		if (docker_default_refuses(capability_rows[i].name) != capability_rows[i].refused)
			fprintf(stderr, "  row %s: refused %d\n", capability_rows[i].name, !capability_rows[i].refused);
		CHECK(docker_default_refuses(capability_rows[i].name) == capability_rows[i].refused);
	}
}

static void docker_socket_conditions_should_be_dockers_three_rules(void)
{
	const char *ops[8];
	uint64_t values[8];
	CHECK(docker_socket_conditions(ops, values, 8) == 3);
	CHECK_STR(ops[0], "SCMP_CMP_LT");
	CHECK(values[0] == 38);
	CHECK_STR(ops[1], "SCMP_CMP_EQ");
	CHECK(values[1] == 39);
	CHECK_STR(ops[2], "SCMP_CMP_GT");
	CHECK(values[2] == 40);
}

static void docker_default_text_should_be_the_upstream_file(void)
{
	size_t length;
	char *text = docker_default_text(&length);
	CHECK(text != NULL && length > 10000 && strncmp(text, "{\n\t\"defaultAction\": \"SCMP_ACT_ERRNO\"", 35) == 0);
	CHECK(text != NULL && text[length - 1] == '}' && strlen(text) == length);
	free(text);
}

/* One row per architecture: what the writer, the judge and the tests ask of the table. */
static const struct {
	uint32_t token;
	uint32_t host;
	unsigned clone_flags_arg;
	unsigned enosys;
	bool vdso_clock;
} arch_rows[] = {
	{ SCMP_ARCH_X86_64, SCMP_ARCH_X86_64, 0, 38, true },
	{ SCMP_ARCH_X86, SCMP_ARCH_X86_64, 0, 38, true },
	{ SCMP_ARCH_X32, SCMP_ARCH_X86_64, 0, 38, true },
	{ SCMP_ARCH_AARCH64, SCMP_ARCH_AARCH64, 0, 38, true },
	{ SCMP_ARCH_ARM, SCMP_ARCH_AARCH64, 0, 38, true },
	{ SCMP_ARCH_PPC64LE, SCMP_ARCH_PPC64LE, 0, 38, true },
	{ SCMP_ARCH_S390X, SCMP_ARCH_S390X, 1, 38, true },
	{ SCMP_ARCH_S390, SCMP_ARCH_S390X, 1, 38, false },
	{ SCMP_ARCH_RISCV64, SCMP_ARCH_RISCV64, 0, 38, true },
	{ SCMP_ARCH_MIPS64, SCMP_ARCH_MIPS64, 0, DOCKER_ENOSYS_MIPS, false },
	{ SCMP_ARCH_MIPS, SCMP_ARCH_MIPS64, 0, DOCKER_ENOSYS_MIPS, false },
};

static void architectures_should_each_have_one_row_of_what_differs(void)
{
	for (size_t i = 0; i < sizeof(arch_rows) / sizeof(arch_rows[0]); i++) {
		uint32_t token = arch_rows[i].token;
		CHECK(arch_host(token) == arch_rows[i].host);
		CHECK(arch_clone_flags_arg(token) == arch_rows[i].clone_flags_arg);
		CHECK(arch_enosys(token) == arch_rows[i].enosys);
		CHECK(syscall_names_list_holds(arch_vdso(token), "clock_gettime") == arch_rows[i].vdso_clock);
		/* Every call a vDSO exports is a syscall of that architecture. */
		char names[128];
		snprintf(names, sizeof(names), "%s", arch_vdso(token));
		for (char *name = strtok(names, " "); name; name = strtok(NULL, " "))
			CHECK(seccomp_syscall_resolve_name_arch(token, name) >= 0);
	}
	/* libseccomp 2.5 filters socket through socketcall on 32-bit x86, not on x86_64. */
	CHECK(arch_socket_multiplexed(SCMP_ARCH_X86) && !arch_socket_multiplexed(SCMP_ARCH_X86_64));
}

const struct test_case docker_default_tests[] = {
	TEST_CASE(architectures_should_each_have_one_row_of_what_differs),
	TEST_CASE(docker_facts_should_be_todays_floor),
	TEST_CASE(docker_default_should_say_what_each_name_needs),
	TEST_CASE(docker_socket_conditions_should_be_dockers_three_rules),
	TEST_CASE(docker_default_text_should_be_the_upstream_file),
	{ NULL, NULL },
};
