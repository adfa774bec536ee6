#include "policy/merge.h"
#include "test.h"

#include <seccomp.h>
#include <stdlib.h>

static void load(struct profile_input *p, const char *path, const char *text)
{
	char message[300];
	if (profile_parse(path, text, strlen(text), p, message, sizeof(message)) != 0)
		fprintf(stderr, "  %s\n", message);
}

static void header_should_unite_architectures_and_keep_agreed_values(void)
{
	static struct merge_overrides opts;
	struct profile_input p[2];
	struct merge_header h;
	char message[300];
	arch_list_default(&opts.arches);
	load(&p[0], "a", "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":38,\"architectures\":[\"SCMP_ARCH_AARCH64\"]}");
	load(&p[1], "b", "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\"]}");
	CHECK(merge_header(&opts, p, 2, &h, message, sizeof(message)) == MERGE_OK);
	CHECK(h.arches.count == 2 && h.arches.tokens[0] == SCMP_ARCH_X86_64 && h.arches.tokens[1] == SCMP_ARCH_AARCH64);
	CHECK_STR(h.default_action, "SCMP_ACT_ERRNO");
	CHECK(h.has_errno_ret && h.errno_ret == 38);
	profile_input_free(&p[0]);
	profile_input_free(&p[1]);
}

static void header_should_refuse_disagreement_unless_the_command_line_chooses(void)
{
	static struct merge_overrides opts;
	struct profile_input p[2];
	struct merge_header h;
	char message[300];
	arch_list_default(&opts.arches);
	load(&p[0], "a", "{\"defaultAction\":\"SCMP_ACT_ERRNO\"}");
	load(&p[1], "b", "{\"defaultAction\":\"SCMP_ACT_KILL\"}");
	CHECK(merge_header(&opts, p, 2, &h, message, sizeof(message)) == MERGE_CONFLICT);
	CHECK(strstr(message, "disagree on defaultAction") != NULL);
	opts.default_action = "SCMP_ACT_LOG";
	CHECK(merge_header(&opts, p, 2, &h, message, sizeof(message)) == MERGE_OK);
	CHECK_STR(h.default_action, "SCMP_ACT_LOG");
	profile_input_free(&p[0]);
	profile_input_free(&p[1]);
}

/* The kept rules of profiles a and b merged as a, b (*one) and as b, a (*two); the caller frees both. */
static void kept_both_ways(const char *a, const char *b, cJSON **one, cJSON **two)
{
	struct profile_input ab[2], ba[2];
	load(&ab[0], "a", a);
	load(&ab[1], "b", b);
	load(&ba[0], "b", b);
	load(&ba[1], "a", a);
	CHECK(merge_kept_rules(ab, 2, one) == MERGE_OK);
	CHECK(merge_kept_rules(ba, 2, two) == MERGE_OK);
	for (int i = 0; i < 2; i++) {
		profile_input_free(&ab[i]);
		profile_input_free(&ba[i]);
	}
}

static void kept_rules_should_be_the_same_in_any_order_and_once_each(void)
{
	static const char a[] = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"ptrace\"],\"action\":\"SCMP_ACT_ERRNO\"},"
	                        "{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}}]}";
	static const char b[] = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"ptrace\"],\"action\":\"SCMP_ACT_ERRNO\"}]}";
	cJSON *one, *two;
	kept_both_ways(a, b, &one, &two);
	CHECK(cJSON_GetArraySize(one) == 2);
	CHECK(cJSON_Compare(one, two, 1));
	cJSON_Delete(one);
	cJSON_Delete(two);
}

static void kept_rules_should_be_one_whatever_the_order_of_their_keys(void)
{
	static const char a[] = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_ALLOW\","
	                        "\"args\":[{\"index\":1,\"value\":21505,\"op\":\"SCMP_CMP_EQ\"}]}]}";
	static const char b[] = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"args\":[{\"op\":\"SCMP_CMP_EQ\",\"value\":21505,"
	                        "\"index\":1}],\"action\":\"SCMP_ACT_ALLOW\",\"names\":[\"ioctl\"]}]}";
	cJSON *one, *two;
	kept_both_ways(a, b, &one, &two);
	CHECK(cJSON_GetArraySize(one) == 1);
	CHECK(cJSON_Compare(one, two, 1));
	cJSON_Delete(one);
	cJSON_Delete(two);
}

static void header_should_refuse_an_errno_that_the_action_does_not_take(void)
{
	static struct merge_overrides opts;
	struct profile_input p;
	struct merge_header h;
	char message[300];
	arch_list_default(&opts.arches);
	opts.has_errno_ret = true;
	opts.errno_ret = 1;
	load(&p, "kill.json", "{\"defaultAction\":\"SCMP_ACT_KILL\"}");
	CHECK(merge_header(&opts, &p, 1, &h, message, sizeof(message)) == MERGE_CONFLICT);
	CHECK(strstr(message, "SCMP_ACT_KILL") != NULL);
	opts.has_errno_ret = false;
	CHECK(merge_header(&opts, &p, 1, &h, message, sizeof(message)) == MERGE_OK);
	CHECK(!h.has_errno_ret);
	profile_input_free(&p);
}

const struct test_case merge_tests[] = {
	TEST_CASE(kept_rules_should_be_one_whatever_the_order_of_their_keys),
	TEST_CASE(header_should_refuse_an_errno_that_the_action_does_not_take),
	TEST_CASE(header_should_unite_architectures_and_keep_agreed_values),
	TEST_CASE(header_should_refuse_disagreement_unless_the_command_line_chooses),
	TEST_CASE(kept_rules_should_be_the_same_in_any_order_and_once_each),
	{ NULL, NULL },
};
