#include "policy/docker_default.h"
#include "profile/profile.h"
#include "policy/profile_judge.h"
#include "test.h"

#include <seccomp.h>
#include <stdlib.h>

static int parse(const char *text, struct profile_input *input, char *message)
{
	return profile_parse("p.json", text, strlen(text), input, message, 300);
}

/* Tells whether input allows name, at least under some argument conditions, in a default container. */
static bool profile_allows(const struct profile_input *input, const char *name)
{
	struct rule_context ctx = { "amd64", docker_default_capabilities, DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };
	struct judgement judgement;

	profile_judge(input, name, &ctx, &judgement);
	return judgement.verdict != VERDICT_DENIED;
}

static void parse_should_split_plain_allow_lists_from_other_rules(void)
{
	struct profile_input in;
	char message[300];
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\"],"
	            "\"syscalls\":[{\"names\":[\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"},"
	            "{\"name\":\"close\",\"action\":\"SCMP_ACT_ALLOW\",\"args\":[]},"
	            "{\"names\":[\"personality\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":8,\"op\":\"SCMP_CMP_EQ\"}]},"
	            "{\"names\":[\"mkdir\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1}]}",
	            &in, message) == 0);
	CHECK(cJSON_GetArraySize(in.allow_names) == 3);
	CHECK(cJSON_GetArraySize(in.other_rules) == 2);
	CHECK(in.arches.count == 1 && in.arches.tokens[0] == SCMP_ARCH_X86_64);
	CHECK(profile_allows(&in, "read"));
	CHECK(profile_allows(&in, "personality"));
	CHECK(!profile_allows(&in, "mkdir"));
	CHECK(!profile_allows(&in, "open"));
	profile_input_free(&in);
}

static void parse_should_name_the_line_and_column_of_bad_json(void)
{
	struct profile_input in;
	char message[300];
	CHECK(parse("{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  ]\n}", &in, message) == -1);
	CHECK(strncmp(message, "p.json: 3:", 10) == 0 && strstr(message, "not JSON") != NULL);
	profile_input_free(&in);
}

static void parse_should_refuse_unknown_actions_and_architectures(void)
{
	struct profile_input in;
	char message[300];
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_MAYBE\"}", &in, message) == -1);
	CHECK(strstr(message, "defaultAction: must be one of") != NULL);
	profile_input_free(&in);
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_VAX\"]}", &in, message) == -1);
	CHECK(strstr(message, "unknown architecture") != NULL);
	profile_input_free(&in);
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"]}]}", &in, message) == -1);
	CHECK(strstr(message, "syscalls[0].action") != NULL);
	profile_input_free(&in);
}

static void parse_should_refuse_numbers_it_cannot_keep_exactly(void)
{
	struct profile_input in;
	char message[300];
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_ALLOW\","
	            "\"args\":[{\"index\":1,\"value\":18446744073709551615,\"op\":\"SCMP_CMP_EQ\"}]}]}",
	            &in, message) == -1);
	CHECK(strstr(message, "cannot be kept exactly") != NULL);
	profile_input_free(&in);
}

static void allows_should_follow_an_allowing_default(void)
{
	struct profile_input in;
	char message[300];
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"mkdir\"],\"action\":\"SCMP_ACT_ERRNO\"}]}",
	            &in, message) == 0);
	CHECK(profile_allows(&in, "read"));
	CHECK(!profile_allows(&in, "mkdir"));
	profile_input_free(&in);
}

static void write_should_give_the_same_bytes_each_time(void)
{
	struct arch_list arches;
	const char *names[] = { "close", "read" };
	struct profile p = { .default_action = "SCMP_ACT_ERRNO", .has_errno_ret = true, .errno_ret = 1,
	                     .arches = &arches, .names = names, .name_count = 2 };
	char *first = NULL, *second = NULL;
	size_t first_size, second_size;
	arch_list_default(&arches);
	FILE *a = open_memstream(&first, &first_size);
	FILE *b = open_memstream(&second, &second_size);
	CHECK(profile_write(a, &p, PROFILE_FORMAT_DOCKER) == 0);
	CHECK(profile_write(b, &p, PROFILE_FORMAT_DOCKER) == 0);
	fclose(a);
	fclose(b);
	CHECK(first_size == second_size && memcmp(first, second, first_size) == 0);
	CHECK(strstr(first, "\"defaultErrnoRet\": 1,") != NULL);
	free(first);
	free(second);
}

static void write_should_keep_in_oci_format_only_the_rules_for_its_container(void)
{
	struct arch_list arches;
	cJSON *kept = cJSON_Parse("[{\"names\":[\"mount\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}},"
	                          "{\"names\":[\"chroot\"],\"action\":\"SCMP_ACT_ALLOW\",\"comment\":\"\",\"includes\":{\"caps\":[\"CAP_SYS_CHROOT\"]}},"
	                          "{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"excludes\":{\"arches\":[\"amd64\"]}}]");
	struct rule_context ctx = { "amd64", docker_default_capabilities, DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };
	struct profile p = { .default_action = "SCMP_ACT_ERRNO", .arches = &arches, .kept_rules = kept, .oci = &ctx };
	char *text = NULL;
	size_t size;
	FILE *out = open_memstream(&text, &size);
	arch_list_default(&arches);
	CHECK(profile_write(out, &p, PROFILE_FORMAT_OCI) == 0);
	fclose(out);
	CHECK(text != NULL && strstr(text, "\"chroot\"") != NULL);
	CHECK(text != NULL && strstr(text, "mount") == NULL && strstr(text, "clone") == NULL);
	CHECK(text != NULL && strstr(text, "includes") == NULL && strstr(text, "comment") == NULL);
	free(text);
	cJSON_Delete(kept);
}

/* Writes p in format into a string the caller frees. */
static char *written(const struct profile *p, enum profile_format format)
{
	char *text = NULL;
	size_t size;
	FILE *out = open_memstream(&text, &size);
	CHECK(profile_write(out, p, format) == 0);
	fclose(out);
	return text;
}

static void each_format_should_write_what_its_row_says_it_can_express(void)
{
	struct arch_list arches;
	struct arch_map map;
	const char *names[] = { "close", "read" };
	cJSON *kept = cJSON_Parse("[{\"names\":[\"chroot\"],\"action\":\"SCMP_ACT_ALLOW\","
	                          "\"includes\":{\"caps\":[\"CAP_SYS_CHROOT\"]}}]");
	struct rule_context ctx = { "amd64", docker_default_capabilities, DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };
	struct profile p = { .default_action = "SCMP_ACT_ERRNO", .arches = &arches, .arch_map = &map,
	                     .names = names, .name_count = 2, .kept_rules = kept, .oci = &ctx, .spo_name = "web" };
	size_t formats = 0;

	arch_map_docker_default(&map, &arches);
	for (int f = 0; f < PROFILE_FORMAT_COUNT; f++) {
		const struct profile_format_row *row = profile_format_row((enum profile_format)f);
		CHECK(profile_format_from_name(row->name) == f);
		char *text = written(&p, (enum profile_format)f);
		formats++;
		CHECK(text != NULL && (strstr(text, "archMap") != NULL) == row->arch_map);
		CHECK(text != NULL && (strstr(text, "architectures") != NULL) == !row->arch_map);
		CHECK(text != NULL && (strstr(text, "includes") != NULL) == row->moby_selection);
		CHECK(text != NULL && (strstr(text, "\"name\": \"read\"") != NULL) == row->rule_per_name);
		CHECK(text != NULL && (text[0] != '{') == row->yaml);
		CHECK(text != NULL && (strstr(text, "kind: SeccompProfile") != NULL) == row->wrapped);
		CHECK(text != NULL && strstr(text, "chroot") != NULL);
		CHECK(strcmp(row->extension, row->yaml ? "yaml" : "json") == 0);
		free(text);
	}
	CHECK(formats == 4);
	cJSON_Delete(kept);
}

static void input_free_should_accept_null_and_leave_nothing_behind(void)
{
	struct profile_input in;
	char message[300];
	profile_input_free(NULL);
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\"}", &in, message) == 0);
	profile_input_free(&in);
	CHECK(in.path == NULL && in.default_action == NULL && in.allow_names == NULL && in.other_rules == NULL);
	profile_input_free(&in);
}

const struct test_case profile_tests[] = {
	TEST_CASE(parse_should_split_plain_allow_lists_from_other_rules),
	TEST_CASE(parse_should_name_the_line_and_column_of_bad_json),
	TEST_CASE(parse_should_refuse_unknown_actions_and_architectures),
	TEST_CASE(parse_should_refuse_numbers_it_cannot_keep_exactly),
	TEST_CASE(allows_should_follow_an_allowing_default),
	TEST_CASE(write_should_give_the_same_bytes_each_time),
	TEST_CASE(write_should_keep_in_oci_format_only_the_rules_for_its_container),
	TEST_CASE(each_format_should_write_what_its_row_says_it_can_express),
	TEST_CASE(input_free_should_accept_null_and_leave_nothing_behind),
	{ NULL, NULL },
};
