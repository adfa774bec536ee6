#include "container_filter.h"
#include "test.h"

static const char full_id[] = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";

static void add_should_refuse_ids_shorter_than_twelve_characters(void)
{
	struct container_filter f = { 0 };
	char message[200];
	CHECK(container_filter_add(&f, "3ad7b26ded6", message, sizeof(message)) == -1);
	CHECK(strstr(message, "ambiguous") != NULL);
	CHECK(container_filter_add(&f, "host", message, sizeof(message)) == -1);
	CHECK(container_filter_add(&f, "3ad7b26ded6z", message, sizeof(message)) == -1);
	CHECK(strstr(message, "hexadecimal") != NULL);
	CHECK(f.count == 0);
}

static void match_should_accept_short_and_full_ids_in_any_case(void)
{
	struct container_filter f = { 0 };
	char message[200];
	CHECK(container_filter_add(&f, "3AD7B26DED6D", message, sizeof(message)) == 0);
	CHECK(container_filter_match(&f, "3ad7b26ded6d", 12) == 0);
	CHECK(container_filter_match(&f, full_id, 64) == 0);
	CHECK(container_filter_match(&f, "3ad7b26ded6e", 12) == -1);
	CHECK(container_filter_match(&f, "3ad7b26ded6", 11) == -1);
	CHECK(container_filter_match(&f, NULL, 0) == -1);
}

static void match_should_compare_full_ids_over_their_whole_length(void)
{
	struct container_filter f = { 0 };
	char message[200];
	char other[65];
	CHECK(container_filter_add(&f, full_id, message, sizeof(message)) == 0);
	CHECK(container_filter_match(&f, "3AD7B26DED6D", 12) == 0);
	strcpy(other, full_id);
	other[40] = other[40] == 'a' ? 'b' : 'a';
	CHECK(container_filter_match(&f, other, 64) == -1);
}

static int may(const struct container_filter *f, const char *line)
{
	return container_filter_may_match_line(f, line, strlen(line));
}

static void prefilter_should_skip_only_json_lines_that_cannot_match(void)
{
	struct container_filter f = { 0 };
	char message[200];
	CHECK(container_filter_add(&f, "3ad7b26ded6d", message, sizeof(message)) == 0);
	CHECK(!may(&f, "{\"output_fields\":{\"container.id\":\"aaaaaaaaaaaa\",\"evt.type\":\"read\"}}"));
	CHECK(may(&f, "{\"output_fields\":{\"container.id\":\"3AD7B26DED6D\",\"evt.type\":\"read\"}}"));
	CHECK(may(&f, "{\"x\":\"\\u0033ad7b26ded6d\"}"));
	/* An escaped backslash before 'u' is decoded too: cautious, never wrong. */
	CHECK(may(&f, "{\"x\":\"\\\\u0033\"}"));
	CHECK(!may(&f, "{\"x\":\"\\\\n 3ad7b26ded6\"}"));
	CHECK(may(&f, "{\"rule\":\"Falco internal: syscall event drop\"}"));
	CHECK(may(&f, "garbage"));
	CHECK(may(&f, "{\"truncated\":"));
	CHECK(may(&f, ""));
}

static void prefilter_should_find_an_upper_case_id_starting_like_the_drop_rule(void)
{
	struct container_filter f = { 0 };
	char message[200];
	CHECK(container_filter_add(&f, "fa1b2c3d4e5f", message, sizeof(message)) == 0);
	CHECK(may(&f, "{\"output_fields\":{\"container.id\":\"FA1B2C3D4E5F\",\"evt.type\":\"read\"},\"x\":\"padding to pass sixteen\"}"));
	CHECK(may(&f, "{\"id\":\"FA1B2C3D4E5F\"}"));
	CHECK(!may(&f, "{\"id\":\"FA1B2C3D4E5E\",\"x\":\"padding to pass sixteen bytes\"}"));
}

static void add_should_keep_one_container_named_twice(void)
{
	struct container_filter f = { 0 };
	char message[200];
	CHECK(container_filter_add(&f, full_id, message, sizeof(message)) == 0);
	CHECK(container_filter_add(&f, "3AD7B26DED6D", message, sizeof(message)) == 0);
	CHECK(container_filter_add(&f, "3ad7b26ded6d", message, sizeof(message)) == 0);
	CHECK(f.count == 1 && f.wanted[0].length == 12);
	CHECK(container_filter_add(&f, "91f0c0de4b2a", message, sizeof(message)) == 0);
	CHECK(f.count == 2);
}

const struct test_case filter_tests[] = {
	TEST_CASE(add_should_keep_one_container_named_twice),
	TEST_CASE(prefilter_should_find_an_upper_case_id_starting_like_the_drop_rule),
	TEST_CASE(add_should_refuse_ids_shorter_than_twelve_characters),
	TEST_CASE(match_should_accept_short_and_full_ids_in_any_case),
	TEST_CASE(match_should_compare_full_ids_over_their_whole_length),
	TEST_CASE(prefilter_should_skip_only_json_lines_that_cannot_match),
	{ NULL, NULL },
};
