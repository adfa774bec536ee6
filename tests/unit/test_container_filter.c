#include "scan/container_filter.h"
#include "test.h"

#include <stdbool.h>

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

/*
 * Puts what into a line framed as an object, of every length from 16 to
 * 200 bytes, at every place it fits, so that it falls in every part of the
 * vector windows: the first, the middle, the overlapping last one, and the
 * bytes left after it. Returns the number of placements that gave want.
 */
static int placements_giving(const struct container_filter *f, const char *what, bool want, int *tried)
{
	char line[201];
	size_t size = strlen(what);
	int agreed = 0;

	*tried = 0;
	for (size_t length = 16; length <= 200; length++)
		for (size_t at = 1; at + size + 1 <= length; at++) {
			memset(line, 'x', length);
			line[0] = '{';
			line[length - 1] = '}';
			memcpy(line + at, what, size);
			(*tried)++;
			agreed += container_filter_may_match_line(f, line, length) == want;
		}
	return agreed;
}

static void prefilter_should_find_an_id_or_escape_wherever_it_is_in_the_line(void)
{
	static const unsigned widths[] = { 256, 128, 0 };
	struct container_filter f = { 0 };
	char message[200];
	int tried;
	CHECK(container_filter_add(&f, "91f0c0de4b2a", message, sizeof(message)) == 0);
	CHECK(container_filter_add(&f, "3ad7b26ded6d", message, sizeof(message)) == 0);
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		container_filter_limit_vectors(widths[w]);
		CHECK(placements_giving(&f, "3AD7b26ded6D", true, &tried) == tried && tried > 10000);
		CHECK(placements_giving(&f, "91f0c0de4b2a", true, &tried) == tried);
		CHECK(placements_giving(&f, "\\u", true, &tried) == tried);
		CHECK(placements_giving(&f, "Falco internal: syscall event drop", true, &tried) == tried);
		/* One character off in the first, second, middle or last place: no reason to decode. */
		CHECK(placements_giving(&f, "4ad7b26ded6d", false, &tried) == tried);
		CHECK(placements_giving(&f, "3bd7b26ded6d", false, &tried) == tried);
		CHECK(placements_giving(&f, "3ad7b2eded6d", false, &tried) == tried);
		CHECK(placements_giving(&f, "3ad7b26ded6e", false, &tried) == tried);
		CHECK(placements_giving(&f, "3ad7b26ded6", false, &tried) == tried);
	}
	container_filter_limit_vectors(256);
}

const struct test_case filter_tests[] = {
	TEST_CASE(prefilter_should_find_an_id_or_escape_wherever_it_is_in_the_line),
	TEST_CASE(add_should_keep_one_container_named_twice),
	TEST_CASE(prefilter_should_find_an_upper_case_id_starting_like_the_drop_rule),
	TEST_CASE(add_should_refuse_ids_shorter_than_twelve_characters),
	TEST_CASE(match_should_accept_short_and_full_ids_in_any_case),
	TEST_CASE(match_should_compare_full_ids_over_their_whole_length),
	TEST_CASE(prefilter_should_skip_only_json_lines_that_cannot_match),
	{ NULL, NULL },
};
