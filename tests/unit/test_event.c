#include "decode/event.h"
#include "decode/json_arena.h"
#include "test.h"

static enum event_status decode(const char *line, struct event *event)
{
	return event_decode(line, strlen(line), event);
}

static int text_is(struct event_text text, const char *expected)
{
	return text.text != NULL && text.length == strlen(expected) && memcmp(text.text, expected, text.length) == 0;
}

static void decode_should_read_a_modern_alert(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output\":\"x\",\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"openat\","
	             "\"syscall.type\":\"openat\"},\"rule\":\"r\"}", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.container_id, "3ad7b26ded6d"));
	CHECK(text_is(e.name, "openat"));
	json_arena_end();
}

/* The provenance fields: the alert's hostname and time, and the image's digest (<NA> read as absent). */
static void decode_should_read_where_an_alert_came_from(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"hostname\":\"node-3\",\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"read\","
	             "\"container.image.digest\":\"sha256:ab\"},\"time\":\"2026-12-05T01:00:00.1Z\"}", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.hostname, "node-3") && text_is(e.image_digest, "sha256:ab"));
	CHECK(text_is(e.time, "2026-12-05T01:00:00.1Z"));
	CHECK(decode("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"read\","
	             "\"container.image.digest\":\"<NA>\"}}", &e) == EVENT_SYSCALL);
	CHECK(e.image_digest.text == NULL && e.hostname.text == NULL);
	json_arena_end();
}

static void decode_should_prefer_syscall_type_over_evt_type(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"syscall.type\":\"pread\",\"evt.type\":\"other\",\"container.id\":\"3ad7b26ded6d\"}}", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.name, "pread"));
	json_arena_end();
}

static void decode_should_use_evt_type_when_syscall_type_is_null(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"syscall.type\":null,\"evt.type\":\"procexit\"}}", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.name, "procexit"));
	CHECK(decode("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"syscall.type\":null}}", &e) == EVENT_NO_SYSCALL);
	json_arena_end();
}

static void decode_should_treat_host_and_null_ids_as_no_container(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"container.id\":\"host\",\"evt.type\":\"open\"}}", &e) == EVENT_SYSCALL);
	CHECK(e.container_id.text == NULL);
	CHECK(decode("{\"output_fields\":{\"container.id\":null,\"evt.type\":\"open\"}}", &e) == EVENT_SYSCALL);
	CHECK(e.container_id.text == NULL);
	json_arena_end();
}

static void decode_should_call_empty_ids_unplaced_not_host_and_not_broken(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"container.id\":\"\",\"evt.type\":\"clone\",\"proc.name\":\"runc:[1:CHILD]\"}}", &e) == EVENT_SYSCALL);
	CHECK(e.container_id.text == NULL && e.unplaced);
	CHECK(event_decode_full("{\"output_fields\":{\"container.id\":\"\",\"evt.type\":\"clone\"}}", 56, &e) == EVENT_SYSCALL);
	CHECK(e.container_id.text == NULL && e.unplaced);
	CHECK(decode("{\"output_fields\":{\"container.id\":\"host\",\"evt.type\":\"open\"}}", &e) == EVENT_SYSCALL);
	CHECK(!e.unplaced);
	/* In text: no id, or <NA>. */
	CHECK(decode("19:42:31.876964505: Informational :clone (proc=runc:[1:CHILD])", &e) == EVENT_SYSCALL);
	CHECK(e.container_id.text == NULL && e.unplaced && text_is(e.name, "clone"));
	CHECK(decode("19:42:31.876964505: Informational <NA>:read", &e) == EVENT_SYSCALL);
	CHECK(e.container_id.text == NULL && e.unplaced && text_is(e.name, "read"));
	CHECK(decode("19:42:31.876964505: Informational <NA>read", &e) == EVENT_BAD);
	json_arena_end();
}

static void decode_should_read_the_result_of_the_call(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.rawres\":13,\"evt.type\":\"clone3\"}}", &e) == EVENT_SYSCALL);
	CHECK(e.result.kind == JSON_NUMBER && e.result.number == 13);
	CHECK(decode("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.rawres\":null,\"evt.type\":\"clone3\"}}", &e) == EVENT_SYSCALL);
	CHECK(e.result.kind == JSON_NULL);
	CHECK(decode("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"clone3\"}}", &e) == EVENT_SYSCALL);
	CHECK(e.result.kind == JSON_ABSENT);
	json_arena_end();
}

static void decode_should_read_the_2016_output_text(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output\":\"15:07:59.736531417: Warning 7a68a113b2a4:clone\",\"priority\":\"Warning\"}", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.container_id, "7a68a113b2a4"));
	CHECK(text_is(e.name, "clone"));
	CHECK(decode("{\"output\":\"15:07:59.736539004: Warning 7a68a113b2a4:<unknown>\"}", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.name, "<unknown>"));
	json_arena_end();
}

static void decode_should_read_plain_text_lines_with_iso_times(void)
{
	struct event e;
	CHECK(decode("2016-08-04T16:17:57.881781397+0000: Informational 3ad7b26ded6d:openat", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.container_id, "3ad7b26ded6d"));
	CHECK(text_is(e.name, "openat"));
	CHECK(decode("18:03:57.123456789: Notice host:openat", &e) == EVENT_SYSCALL);
	CHECK(e.container_id.text == NULL);
}

static void decode_should_refuse_text_without_a_priority_word(void)
{
	struct event e;
	CHECK(decode("18:03:57.123: Loud 3ad7b26ded6d:openat", &e) == EVENT_BAD);
	CHECK(decode("garbage", &e) == EVENT_BAD);
	CHECK(strstr(e.message, "TIME: PRIORITY ID:SYSCALL") != NULL);
}

static void decode_should_report_the_column_of_a_json_error(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output\": }", &e) == EVENT_BAD);
	CHECK_STR(e.message, "not JSON (unexpected '}' at column 12)");
	CHECK(decode("{\"output\": \"x\"", &e) == EVENT_BAD);
	CHECK(strstr(e.message, "not JSON") != NULL);
	CHECK(decode("{\"a\":1} x", &e) == EVENT_BAD);
	CHECK(strstr(e.message, "after the end of the object") != NULL);
	json_arena_end();
}

static void decode_should_refuse_nul_bytes_with_their_column(void)
{
	struct event e;
	CHECK(event_decode("{\"a\"\0}", 6, &e) == EVENT_BAD);
	CHECK_STR(e.message, "contains a NUL byte at column 5");
}

static void decode_should_refuse_names_that_are_not_syscall_names(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"Open File\"}}", &e) == EVENT_BAD);
	CHECK(strstr(e.message, "is not a syscall name") != NULL);
	json_arena_end();
}

static void decode_should_read_drop_alerts_in_every_shape(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"n_drops\":\"12\"},\"rule\":\"Falco internal: syscall event drop\"}", &e) == EVENT_DROP);
	CHECK(e.drops == 12);
	CHECK(decode("{\"output\":\"Falco internal: syscall event drop. 7 system calls dropped in last second.\","
	             "\"rule\":\"Falco internal: syscall event drop\"}", &e) == EVENT_DROP);
	CHECK(e.drops == 7);
	json_arena_end();
	CHECK(decode("10:00:00.1: Debug Falco internal: syscall event drop. 3 system calls dropped in last second.", &e) == EVENT_DROP);
	CHECK(e.drops == 3);
}

static void decode_should_call_blank_lines_empty(void)
{
	struct event e;
	CHECK(decode("", &e) == EVENT_EMPTY);
	CHECK(decode("  \t ", &e) == EVENT_EMPTY);
}

static void decode_should_take_container_id_from_suggested_fields(void)
{
	struct event e;
	json_arena_begin();
	CHECK(decode("{\"output_fields\":{\"container_id\":\"3ad7b26ded6d\",\"evt.type\":\"read\",\"container.name\":\"web\"}}", &e) == EVENT_SYSCALL);
	CHECK(text_is(e.container_id, "3ad7b26ded6d"));
	CHECK(text_is(e.container_name, "web"));
	json_arena_end();
}

/* The text form of the project's rule, as rows: a line and the fields it must give. */
static const struct text_row {
	const char *line;
	const char *process;          /* NULL: absent */
	enum json_kind flags_kind, domain_kind, result_kind;
	const char *flags;            /* for JSON_STRING */
	double result;                /* for JSON_NUMBER */
} text_rows[] = {
	{ "21:58:10.176587034: Informational 4a0f42adbbfa:execve (container=<NA> image=<NA>:<NA> proc=runc evt=execve "
	  "flags=EXE_WRITABLE domain=<NA> result=0)", "runc", JSON_STRING, JSON_NULL, JSON_NUMBER, "EXE_WRITABLE", 0 },
	{ "21:58:10.1: Informational 4a0f42adbbfa:clone (container=web image=nginx:1 proc=nginx evt=clone "
	  "flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID domain=<NA> result=13)", "nginx", JSON_STRING, JSON_NULL,
	  JSON_NUMBER, "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID", 13 },
	{ "21:58:10.1: Informational 4a0f42adbbfa:socket (container=web image=x:y proc=nginx evt=socket flags=<NA> "
	  "domain=AF_INET result=-1)", "nginx", JSON_NULL, JSON_STRING, JSON_NUMBER, NULL, -1 },
	{ "21:58:10.1: Informational 4a0f42adbbfa:read (container=web image=x:y proc=<NA> evt=read flags=<NA> "
	  "domain=<NA> result=<NA>)", NULL, JSON_NULL, JSON_NULL, JSON_NULL, NULL, 0 },
	/* Not a number: taken as absent. An older rule's text without the fields: nothing taken. */
	{ "21:58:10.1: Informational 4a0f42adbbfa:read (proc=a result=12x)", "a", JSON_ABSENT, JSON_ABSENT, JSON_ABSENT,
	  NULL, 0 },
	{ "21:58:10.1: Informational 4a0f42adbbfa:read", NULL, JSON_ABSENT, JSON_ABSENT, JSON_ABSENT, NULL, 0 },
	/* A key inside another value is not a key. */
	{ "21:58:10.1: Informational 4a0f42adbbfa:read (container=xproc=evil image=a:b)", NULL, JSON_ABSENT, JSON_ABSENT,
	  JSON_ABSENT, NULL, 0 },
};

static void decode_should_read_the_fields_of_the_rules_text_form(void)
{
	for (size_t i = 0; i < sizeof(text_rows) / sizeof(text_rows[0]); i++) {
		const struct text_row *row = &text_rows[i];
		struct event e;
		json_arena_begin();
		enum event_status status = event_decode(row->line, strlen(row->line), &e);
		CHECK(status == EVENT_SYSCALL);
		if (row->process != NULL)
			CHECK(text_is(e.process, row->process));
		else
			CHECK(e.process.text == NULL);
		CHECK(e.flags.kind == row->flags_kind && e.domain.kind == row->domain_kind && e.result.kind == row->result_kind);
		if (row->flags != NULL)
			CHECK(e.flags.length == strlen(row->flags) && memcmp(e.flags.text, row->flags, e.flags.length) == 0);
		if (row->result_kind == JSON_NUMBER)
			CHECK(e.result.number == row->result);
		if (status != EVENT_SYSCALL || e.flags.kind != row->flags_kind || e.result.kind != row->result_kind)
			fprintf(stderr, "  row %zu\n", i);
		json_arena_end();
	}
}

const struct test_case event_tests[] = {
	TEST_CASE(decode_should_read_the_fields_of_the_rules_text_form),
	TEST_CASE(decode_should_read_a_modern_alert),
	TEST_CASE(decode_should_read_where_an_alert_came_from),
	TEST_CASE(decode_should_prefer_syscall_type_over_evt_type),
	TEST_CASE(decode_should_use_evt_type_when_syscall_type_is_null),
	TEST_CASE(decode_should_treat_host_and_null_ids_as_no_container),
	TEST_CASE(decode_should_call_empty_ids_unplaced_not_host_and_not_broken),
	TEST_CASE(decode_should_read_the_result_of_the_call),
	TEST_CASE(decode_should_read_the_2016_output_text),
	TEST_CASE(decode_should_read_plain_text_lines_with_iso_times),
	TEST_CASE(decode_should_refuse_text_without_a_priority_word),
	TEST_CASE(decode_should_report_the_column_of_a_json_error),
	TEST_CASE(decode_should_refuse_nul_bytes_with_their_column),
	TEST_CASE(decode_should_refuse_names_that_are_not_syscall_names),
	TEST_CASE(decode_should_read_drop_alerts_in_every_shape),
	TEST_CASE(decode_should_call_blank_lines_empty),
	TEST_CASE(decode_should_take_container_id_from_suggested_fields),
	{ NULL, NULL },
};
