/*
 * What runtimes refuse in a pulled profile, as rows: a profile and the
 * limit it passes ("" when it is accepted).
 */
#include "policy/artifact_limits.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A profile whose one entry names syscall count times. */
static char *repeated(const char *entry, size_t count)
{
	size_t size = 64 + count * (strlen(entry) + 1);
	char *text = malloc(size);
	size_t used = (size_t)snprintf(text, size, "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[");
	for (size_t i = 0; i < count; i++)
		used += (size_t)snprintf(text + used, size - used, "%s%s", i ? "," : "", entry);
	snprintf(text + used, size - used, "]}");
	return text;
}

static void artifact_limits_should_refuse_what_runtimes_refuse(void)
{
	static const struct {
		const char *profile;
		const char *refusal; /* a part of the message, or "" */
	} rows[] = {
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}", "" },
		{ "{\"defaultAction\":\"SCMP_ACT_NOTIFY\"}", "SCMP_ACT_NOTIFY" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_NOTIFY\"}]}",
		  "syscall entry 0 is SCMP_ACT_NOTIFY" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"listenerPath\":\"/run/x\"}", "listener" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"listenerMetadata\":\"x\"}", "listener" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"flags\":[\"SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV\"]}",
		  "WAIT_KILLABLE_RECV" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"flags\":[\"SECCOMP_FILTER_FLAG_LOG\"]}", "" },
		{ "{\"defaultAction\":\"SCMP_ACT_KILL\",\"defaultErrnoRet\":1}", "returns none" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":4095}", "" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":4096}", "past 4095" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\","
		  "\"errnoRet\":1}]}", "crun refuses it" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_TRACE\","
		  "\"errnoRet\":1}]}", "" },
		/* Conflicting entries: one's conditions hold wherever the other's do, and the results differ. */
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\"},"
		  "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,\"value\":40,\"op\":\"SCMP_CMP_EQ\"}]}]}",
		  "socket is in two entries with different results" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\","
		  "\"args\":[{\"index\":0,\"value\":2,\"op\":\"SCMP_CMP_EQ\"}]},{\"names\":[\"socket\"],\"action\":"
		  "\"SCMP_ACT_LOG\",\"args\":[{\"index\":0,\"value\":2,\"valueTwo\":0,\"op\":\"SCMP_CMP_EQ\"}]}]}",
		  "different results" },
		/* Different families, or one result twice: no conflict. */
		{ "{\"defaultAction\":\"SCMP_ACT_LOG\",\"syscalls\":[{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ERRNO\","
		  "\"args\":[{\"index\":0,\"value\":38,\"op\":\"SCMP_CMP_EQ\"}]},{\"names\":[\"socket\"],\"action\":"
		  "\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":2,\"op\":\"SCMP_CMP_EQ\"}]}]}", "" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"},"
		  "{\"names\":[\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"}]}", "" },
	};
	char message[256];

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		cJSON *profile = cJSON_Parse(rows[i].profile);
		message[0] = '\0';
		int refused = artifact_limits_check(profile, strlen(rows[i].profile), message, sizeof(message));
		CHECK(refused == (rows[i].refusal[0] != '\0'));
		CHECK(strstr(message, rows[i].refusal) != NULL);
		cJSON_Delete(profile);
	}
}

/* The counts: 128 entries for one syscall pass and 129 do not; a repeated index loads one rule per condition. */
static void artifact_limits_should_count_entries_and_rules_as_runtimes_add_them(void)
{
	static const struct {
		const char *entry;
		size_t count;
		const char *refusal;
	} rows[] = {
		{ "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\"}", 128, "" },
		{ "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\"}", 129, "socket is in 129 entries" },
		/* Two conditions on index 0: two rules an entry, 128 entries give 256 rules, 129 too many. */
		{ "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,\"op\":"
		  "\"SCMP_CMP_EQ\"},{\"index\":0,\"value\":2,\"op\":\"SCMP_CMP_EQ\"}]}", 128, "" },
		{ "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,\"op\":"
		  "\"SCMP_CMP_EQ\"},{\"index\":0,\"value\":2,\"op\":\"SCMP_CMP_EQ\"},{\"index\":0,\"value\":3,\"op\":"
		  "\"SCMP_CMP_EQ\"}]}", 86, "258 rules" },
	};
	char message[256];

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *text = repeated(rows[i].entry, rows[i].count);
		cJSON *profile = cJSON_Parse(text);
		message[0] = '\0';
		CHECK(artifact_limits_check(profile, strlen(text), message, sizeof(message)) == (rows[i].refusal[0] != '\0'));
		CHECK(strstr(message, rows[i].refusal) != NULL);
		cJSON_Delete(profile);
		free(text);
	}
	/* Past 1 MiB as written: refused whatever it holds. */
	cJSON *small = cJSON_Parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\"}");
	CHECK(artifact_limits_check(small, (1u << 20) + 1, message, sizeof(message)) == 1 && strstr(message, "1 MiB"));
	cJSON_Delete(small);
}

const struct test_case artifact_limits_tests[] = {
	TEST_CASE(artifact_limits_should_refuse_what_runtimes_refuse),
	TEST_CASE(artifact_limits_should_count_entries_and_rules_as_runtimes_add_them),
	{ NULL, NULL },
};
