#include "json_scan.h"
#include "test.h"

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

const struct test_case json_scan_tests[] = {
	TEST_CASE(scan_should_read_the_fields_of_a_plain_alert),
	TEST_CASE(scan_should_keep_the_first_of_repeated_keys),
	TEST_CASE(scan_should_leave_escapes_and_odd_json_to_cjson),
	{ NULL, NULL },
};
