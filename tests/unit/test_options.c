#include "jobs/options.h"
#include "test.h"

#include <seccomp.h>

/* Parses a copy of args: getopt wants argv writable, and string literals are not. */
static enum options_status parse(struct options *opts, char *message, int argc, const char *const *args)
{
	static char storage[32][128];
	char *argv[33];

	for (int i = 0; i < argc && i < 32; i++) {
		snprintf(storage[i], sizeof(storage[i]), "%s", args[i]);
		argv[i] = storage[i];
	}
	argv[argc < 32 ? argc : 32] = NULL;
	return options_parse(argc < 32 ? argc : 32, argv, opts, message, 300);
}

static void parse_should_accept_single_dash_long_options(void)
{
	static struct options opts;
	char message[300];
	const char *argv[] = { "f2s", "-log", "a.log", "-log", "b.log", "-container-id", "3ad7b26ded6d", NULL };
	CHECK(parse(&opts, message, 7, argv) == OPTIONS_OK);
	CHECK(opts.logs.count == 2);
	CHECK_STR(opts.logs.items[1], "b.log");
	CHECK(opts.containers.count == 1);
	CHECK(opts.job == JOB_PROFILE);
}

static void parse_should_accept_gnu_long_options_with_equals(void)
{
	static struct options opts;
	char message[300];
	const char *argv[] = { "f2s", "--log=a.log", "--container-id", "3ad7b26ded6d", "-o", "out.json", "-q",
		         "--arch=aarch64", "--format=legacy", NULL };
	CHECK(parse(&opts, message, 9, argv) == OPTIONS_OK);
	CHECK_STR(opts.logs.items[0], "a.log");
	CHECK_STR(opts.output, "out.json");
	CHECK(opts.quiet);
	CHECK(opts.arches.count == 1 && opts.arches.tokens[0] == SCMP_ARCH_AARCH64);
	CHECK(opts.format == PROFILE_FORMAT_LEGACY);
}

static void parse_should_read_stdin_when_no_log_is_given(void)
{
	static struct options opts;
	char message[300];
	const char *argv[] = { "f2s", "-container-id", "3ad7b26ded6d", NULL };
	CHECK(parse(&opts, message, 3, argv) == OPTIONS_OK);
	CHECK(opts.logs.count == 1);
	CHECK_STR(opts.logs.items[0], "-");
}

static void parse_should_refuse_what_is_not_a_job(void)
{
	static struct options opts;
	char message[300];
	const char *no_id[] = { "f2s", "-log", "a.log", NULL };
	const char *missing[] = { "f2s", "-container-id", NULL };
	const char *unknown[] = { "f2s", "--frobnicate", NULL };
	const char *errno_kill[] = { "f2s", "-container-id", "3ad7b26ded6d", "--default-action", "SCMP_ACT_KILL",
		               "--errno-ret", "1", NULL };
	CHECK(parse(&opts, message, 3, no_id) == OPTIONS_USAGE);
	CHECK(strstr(message, "no container named") != NULL);
	CHECK(parse(&opts, message, 2, missing) == OPTIONS_USAGE);
	CHECK(strstr(message, "needs a value") != NULL);
	CHECK(parse(&opts, message, 2, unknown) == OPTIONS_USAGE);
	CHECK(strstr(message, "--frobnicate") != NULL);
	CHECK(parse(&opts, message, 7, errno_kill) == OPTIONS_USAGE);
}

static void parse_should_answer_help_and_version(void)
{
	static struct options opts;
	char message[300];
	const char *help[] = { "f2s", "-h", NULL };
	const char *version[] = { "f2s", "--version", NULL };
	CHECK(parse(&opts, message, 2, help) == OPTIONS_HELP);
	CHECK(parse(&opts, message, 2, version) == OPTIONS_VERSION);
}

const struct test_case options_tests[] = {
	TEST_CASE(parse_should_accept_single_dash_long_options),
	TEST_CASE(parse_should_accept_gnu_long_options_with_equals),
	TEST_CASE(parse_should_read_stdin_when_no_log_is_given),
	TEST_CASE(parse_should_refuse_what_is_not_a_job),
	TEST_CASE(parse_should_answer_help_and_version),
	{ NULL, NULL },
};
