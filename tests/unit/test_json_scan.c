#include "decode/json_scan.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

static int scan(const char *line, struct alert_fields *fields)
{
	return json_scan_alert(line, strlen(line), fields);
}

static int value_is(const struct json_value *value, const char *text)
{
	return value->kind == JSON_STRING && value->length == strlen(text) && memcmp(value->text, text, value->length) == 0;
}

static void scan_should_read_the_fields_of_a_plain_alert(void)
{
	struct alert_fields f;
	CHECK(scan("{\"output\":\"o\",\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.time\":1764352800000000000,"
	           "\"syscall.type\":null,\"evt.type\":\"procexit\",\"tags\":[1,{\"a\":[]}]},\"rule\":\"r\"}", &f));
	CHECK(value_is(&f.id, "3ad7b26ded6d"));
	CHECK(f.syscall_type.kind == JSON_NULL);
	CHECK(value_is(&f.event_type, "procexit"));
	CHECK(value_is(&f.rule, "r"));
	CHECK(f.name.kind == JSON_ABSENT);
}

static void scan_should_keep_the_first_of_repeated_keys(void)
{
	struct alert_fields f;
	CHECK(scan("{\"output_fields\":{\"evt.type\":\"read\",\"evt.type\":\"write\"},\"output_fields\":{\"evt.type\":\"open\"}}", &f));
	CHECK(value_is(&f.event_type, "read"));
	CHECK(scan("{\"output_fields\":3,\"output_fields\":{\"evt.type\":\"open\"}}", &f));
	CHECK(f.event_type.kind == JSON_ABSENT && f.id.kind == JSON_ABSENT);
}

static void scan_should_leave_escapes_and_odd_json_to_cjson(void)
{
	struct alert_fields f;
	CHECK(!scan("{\"output\":\"a\\\"b\"}", &f));
	CHECK(!scan("{\"output\":\"tab\there\"}", &f));
	CHECK(!scan("{\"n\":01}", &f));
	CHECK(!scan("{\"n\":1.}", &f));
	CHECK(!scan("{\"n\":12345678901234567890123456789012345678901}", &f));
	CHECK(!scan("{\"a\":1,}", &f));
	CHECK(!scan("{\"a\":1} x", &f));
	CHECK(!scan("{\"a\":\x01 1}", &f));
	CHECK(!scan("{\"a\":nul}", &f));
	CHECK(!scan("{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", &f));
	CHECK(!scan("[1]", &f));
	CHECK(scan("  {\"a\":-0.5e+3, \"b\" : true}\r", &f));
}

/*
 * A value of every length from 0 to 70 bytes, with a quote, a backslash, a
 * control byte or a high byte at every place in it, so that each falls in
 * the first, a later or the last, partial block of sixteen bytes.
 */
static void scan_should_find_the_end_of_a_string_wherever_it_is(void)
{
	static const char stops[] = { '"', '\\', '\x01', '\x1f', '\n' };
	struct alert_fields f;
	char value[71], line[200];

	for (size_t length = 0; length <= 70; length++) {
		memset(value, 'v', length);
		value[length] = '\0';
		snprintf(line, sizeof(line), "{\"rule\":\"%s\",\"time\":\"t\"}", value);
		CHECK(scan(line, &f) && f.rule.length == length && value_is(&f.time, "t"));
		for (size_t at = 0; at < length; at++) {
			for (size_t k = 0; k < sizeof(stops); k++) {
				value[at] = stops[k];
				snprintf(line, sizeof(line), "{\"rule\":\"%s\",\"time\":\"t\"}", value);
				CHECK(!scan(line, &f));
			}
			value[at] = (char)0xc3;
			snprintf(line, sizeof(line), "{\"rule\":\"%s\",\"time\":\"t\"}", value);
			CHECK(scan(line, &f) && f.rule.length == length);
			value[at] = 'v';
		}
	}
}

static void scan_should_read_only_the_wanted_keys_among_like_ones(void)
{
	struct alert_fields f;
	CHECK(scan("{\"output_fields\":{\"container_id\":\"b\",\"container.id\":\"a\",\"evt.time\":1,"
	           "\"evt.type\":\"read\",\"n_drops\":7,\"rule\":\"in fields\",\"k8s.pod.name\":\"p\","
	           "\"syscall.typo\":\"x\"},\"container.id\":\"top\",\"time\":5}", &f));
	CHECK(value_is(&f.id, "a") && value_is(&f.suggested_id, "b") && value_is(&f.event_type, "read"));
	CHECK(f.drops.kind == JSON_NUMBER && f.drops.number == 7);
	CHECK(value_is(&f.k8s_pod, "p") && f.syscall_type.kind == JSON_ABSENT);
	/* A key is looked for only in its own object. */
	CHECK(f.rule.kind == JSON_ABSENT && f.time.kind == JSON_NUMBER && f.time.number == 5);
}

/* Numbers of every length up to the limit and past it, with a byte that is no digit at every place. */
static void scan_should_read_numbers_of_every_length(void)
{
	struct alert_fields f;
	char digits[50], line[120];

	for (size_t length = 1; length <= 42; length++) {
		for (size_t i = 0; i < length; i++)
			digits[i] = (char)('1' + i % 9);
		digits[length] = '\0';
		snprintf(line, sizeof(line), "{\"output_fields\":{\"n_drops\":%s,\"evt.type\":\"read\"}}", digits);
		CHECK(scan(line, &f) == (length <= 40));
		if (length <= 40)
			CHECK(f.drops.kind == JSON_NUMBER && f.drops.number == strtod(digits, NULL) && value_is(&f.event_type, "read"));
		for (size_t at = 1; at < length && length <= 40; at++) {
			static const char others[] = { ':', '/', 'a', (char)0xb0 };
			for (size_t k = 0; k < sizeof(others); k++) {
				char saved = digits[at];
				digits[at] = others[k];
				snprintf(line, sizeof(line), "{\"output_fields\":{\"n_drops\":%s,\"evt.type\":\"read\"}}", digits);
				CHECK(!scan(line, &f));
				digits[at] = saved;
			}
		}
	}
}

/* Runs of '"key":"value",' members are read in a loop of their own; what breaks a run must still be read or refused. */
static void scan_should_read_runs_of_string_members_and_what_breaks_them(void)
{
	struct alert_fields f;
	CHECK(scan("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"read\" ,\"n_drops\":2,"
	           "\"proc.name\":\"sh\", \"k8s.pod.name\":\"p\",\"x\":{\"evt.type\":\"no\"},\"syscall.type\":\"read\"},"
	           "\"rule\":\"r\",\"time\":\"t\"}", &f));
	CHECK(value_is(&f.id, "3ad7b26ded6d") && value_is(&f.event_type, "read") && value_is(&f.process, "sh"));
	CHECK(f.drops.kind == JSON_NUMBER && f.drops.number == 2 && value_is(&f.k8s_pod, "p"));
	CHECK(value_is(&f.syscall_type, "read") && value_is(&f.rule, "r") && value_is(&f.time, "t"));
	CHECK(!scan("{\"a\":\"x\",\"b\":\"y\",}", &f));
	CHECK(!scan("{\"a\":\"x\",\"b\"}", &f));
	CHECK(!scan("{\"a\":\"x\"\"b\":\"y\"}", &f));
	CHECK(!scan("{\"a\":\"x\",\"b\":\"y\"", &f));
	CHECK(!scan("{\"a\":\"x\",\"", &f));
	CHECK(!scan("{\"a\":\"x\",\"b\":\"y\"]", &f));
}

/*
 * A key is first compared with the one at its place in the last alert:
 * a longer or shorter key there, or the same letters with more after
 * them, must be read as what it is.
 */
static void scan_should_read_keys_that_differ_from_those_of_the_last_alert(void)
{
	struct alert_fields f;
	CHECK(scan("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"read\"},\"rule\":\"r\"}", &f));
	CHECK(value_is(&f.id, "3ad7b26ded6d") && value_is(&f.event_type, "read") && value_is(&f.rule, "r"));
	CHECK(scan("{\"output_fields\":{\"container.idx\":\"a\",\"evt.typ\":\"b\"},\"rules\":\"r\"}", &f));
	CHECK(f.id.kind == JSON_ABSENT && f.event_type.kind == JSON_ABSENT && f.rule.kind == JSON_ABSENT);
	CHECK(scan("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"write\"},\"rule\":\"r\"}", &f));
	CHECK(value_is(&f.event_type, "write"));
	CHECK(scan("{\"output_fields\":{\"evt.type\":\"open\",\"container.id\":\"91f0c0de4b2a\"},\"time\":\"t\"}", &f));
	CHECK(value_is(&f.id, "91f0c0de4b2a") && value_is(&f.event_type, "open") && value_is(&f.time, "t"));
	/* The remembered key cut short by the end of the line, or followed by an escape. */
	CHECK(!scan("{\"output_fields\":{\"evt.type", &f));
	CHECK(!scan("{\"output_fields\":{\"evt.type\\u0041\":1}}", &f));
}

const struct test_case json_scan_tests[] = {
	TEST_CASE(scan_should_read_keys_that_differ_from_those_of_the_last_alert),
	TEST_CASE(scan_should_read_runs_of_string_members_and_what_breaks_them),
	TEST_CASE(scan_should_read_numbers_of_every_length),
	TEST_CASE(scan_should_find_the_end_of_a_string_wherever_it_is),
	TEST_CASE(scan_should_read_only_the_wanted_keys_among_like_ones),
	TEST_CASE(scan_should_read_the_fields_of_a_plain_alert),
	TEST_CASE(scan_should_keep_the_first_of_repeated_keys),
	TEST_CASE(scan_should_leave_escapes_and_odd_json_to_cjson),
	{ NULL, NULL },
};
