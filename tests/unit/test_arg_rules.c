#include "policy/arg_facts.h"
#include "policy/arg_rules.h"
#include "policy/docker_default.h"
#include "profile/json_writer.h"
#include "policy/merge.h"
#include "policy/profile_judge.h"
#include "test.h"

#include <seccomp.h>
#include <stdlib.h>

/* An event of Falco name with evt.arg.flags or evt.arg.domain set to value (NULL: JSON null). */
static struct event event_with(const char *name, const char *key, const char *value)
{
	struct event event;
	struct json_value *slot;

	memset(&event, 0, sizeof(event));
	event.name.text = name;
	event.name.length = strlen(name);
	event.process.text = "nginx";
	event.process.length = 5;
	slot = strcmp(key, "flags") == 0 ? &event.flags : &event.domain;
	slot->kind = value ? JSON_STRING : JSON_NULL;
	slot->text = value;
	slot->length = value ? strlen(value) : 0;
	return event;
}

static enum arg_observation observe(struct arg_facts *facts, const char *name, const char *key, const char *value)
{
	struct event event = event_with(name, key, value);
	struct location where = { 0, 7 };
	char message[320];
	return arg_facts_observe(facts, &event, where, message, sizeof(message));
}

/* What arg_rules_build is given and says: the default architectures, no facts, nothing lifted. */
struct build {
	struct arch_list arches;
	struct arg_facts facts;
	struct arg_rule_choice choice;
	size_t plain; /* names left plain by the last build */
};

static void build_init(struct build *b)
{
	memset(b, 0, sizeof(*b));
	arch_list_default(&b->arches);
}

/* Builds the rules for names and returns them as one line of JSON (caller frees). */
static char *build_line(struct build *b, const char *const *names, size_t count)
{
	const char *plain[16];
	struct arg_rule_plan plan;
	cJSON *rules;
	char *line;

	if (arg_rules_build(names, count, &b->arches, &b->facts, &b->choice, plain, &b->plain, &rules, &plan) != 0)
		return NULL;
	line = json_to_line(rules);
	cJSON_Delete(rules);
	return line;
}

static void facts_should_read_namespace_flag_names_and_ignore_the_rest(void)
{
	struct arg_facts facts;
	memset(&facts, 0, sizeof(facts));
	CHECK(observe(&facts, "clone", "flags", "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID") == ARG_OK);
	CHECK(facts.namespaces == 0 && facts.flags_logged);
	CHECK(observe(&facts, "clone", "flags", "CLONE_NEWUSER|CLONE_NEWNS") == ARG_OK);
	CHECK(facts.namespaces == (0x10000000u | 0x00020000u));
	CHECK(strcmp(facts.namespace_at[4].process, "nginx") == 0 && facts.namespace_at[4].where.line == 7);
	CHECK(observe(&facts, "clone", "flags", "0") == ARG_OK);
	CHECK(observe(&facts, "clone", "flags", NULL) == ARG_OK);
}

/* The same, with evt.rawres set to result (a JSON number), or absent when absent is true. */
static enum arg_observation observe_result(struct arg_facts *facts, const char *name, const char *flags, double result,
                                           bool absent)
{
	struct event event = event_with(name, "flags", flags);
	struct location where = { 0, 9 };
	char message[320];
	event.result.kind = absent ? JSON_ABSENT : JSON_NUMBER;
	event.result.number = result;
	return arg_facts_observe(facts, &event, where, message, sizeof(message));
}

static void facts_should_read_bare_numbers_as_falcos_own_bits(void)
{
	struct arg_facts facts;
	memset(&facts, 0, sizeof(facts));
	/* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID (PPM bits 23, 24) and bit 29 (in a PID namespace): no namespace. */
	CHECK(observe(&facts, "clone", "flags", "25165824") == ARG_OK);
	CHECK(observe(&facts, "clone", "flags", "536870912") == ARG_OK);
	CHECK(facts.namespaces == 0 && facts.flags_logged);
	/* PPM bit 20 is CLONE_NEWUSER, the kernel's 0x10000000; PPM bit 7, CLONE_NEWUTS (the kernel's CLONE_NEWTIME). */
	CHECK(observe(&facts, "clone", "flags", "1048576") == ARG_OK);
	CHECK(facts.namespaces == 0x10000000u);
	CHECK(observe(&facts, "clone", "flags", "128") == ARG_OK);
	CHECK(facts.namespaces == (0x10000000u | 0x04000000u));
	CHECK(observe(&facts, "clone", "flags", "99999999999") == ARG_NOT_UNDERSTOOD);
}

static void facts_should_take_clone_flags_only_from_the_parents_event(void)
{
	struct arg_facts facts;
	memset(&facts, 0, sizeof(facts));
	/* A child's event (rawres 0) of clone3 carries flags read after the parent reused the memory. */
	CHECK(observe_result(&facts, "clone3", "CLONE_NEWUSER|CLONE_NEWNET|CLONE_THREAD", 0, false) == ARG_OK);
	CHECK(observe_result(&facts, "clone", "CLONE_NEWNS", 0, false) == ARG_OK);
	CHECK(facts.namespaces == 0 && facts.untrusted_namespaces == 0);
	/* The parent's event (the child's tid) and a failed call are the call's own. */
	CHECK(observe_result(&facts, "clone3", "CLONE_NEWUSER", 13, false) == ARG_OK);
	CHECK(observe_result(&facts, "clone", "CLONE_NEWNET", -1, false) == ARG_OK);
	CHECK(facts.namespaces == (0x10000000u | 0x40000000u) && facts.untrusted_namespaces == 0);
	CHECK(facts.namespace_at[4].where.line == 9);
}

static void facts_should_not_open_clone3_flags_a_log_cannot_place(void)
{
	struct arg_facts facts, more;
	memset(&facts, 0, sizeof(facts));
	memset(&more, 0, sizeof(more));
	/* Without evt.rawres, clone3's flags may be the child's: noted, never opened. */
	CHECK(observe_result(&facts, "clone3", "CLONE_NEWUSER|CLONE_THREAD", 0, true) == ARG_OK);
	CHECK(facts.namespaces == 0 && facts.untrusted_namespaces == 0x10000000u);
	CHECK(strcmp(facts.untrusted_at[4].process, "nginx") == 0 && facts.untrusted_at[4].where.line == 9);
	/* clone's flags come from the registers, the same on both sides. */
	CHECK(observe_result(&facts, "clone", "CLONE_NEWNS", 0, true) == ARG_OK);
	CHECK(facts.namespaces == 0x00020000u);
	arg_facts_unite(&more, &facts);
	CHECK(more.untrusted_namespaces == 0x10000000u && more.untrusted_at[4].where.line == 9);
}

static void facts_should_report_flags_of_an_unknown_shape_and_open_nothing(void)
{
	struct arg_facts facts;
	memset(&facts, 0, sizeof(facts));
	CHECK(observe(&facts, "clone", "flags", "CLONE_NEWNET|") == ARG_NOT_UNDERSTOOD);
	CHECK(observe(&facts, "clone", "flags", "flags=1(CLONE_NEWNET)") == ARG_NOT_UNDERSTOOD);
	CHECK(facts.namespaces == 0 && !facts.flags_logged);
}

static void facts_should_know_families_only_when_every_one_is_named(void)
{
	struct arg_facts facts;
	memset(&facts, 0, sizeof(facts));
	CHECK(!arg_facts_families_known(&facts, ARG_SOCKET));
	CHECK(observe(&facts, "socket", "domain", "AF_INET") == ARG_OK);
	CHECK(observe(&facts, "socket", "domain", "AF_LOCAL|AF_UNIX") == ARG_OK);
	CHECK(observe(&facts, "socket", "domain", NULL) == ARG_OK);
	CHECK(arg_facts_families_known(&facts, ARG_SOCKET));
	CHECK(facts.families[ARG_SOCKET].seen == ((1u << 2) | (1u << 1)));
	CHECK(observe(&facts, "socket", "domain", "AF_UNSPEC") == ARG_OK);
	CHECK(!arg_facts_families_known(&facts, ARG_SOCKET));
	CHECK(strstr(facts.families[ARG_SOCKET].why, "AF_UNSPEC") != NULL);
}

static void facts_should_not_restrict_families_for_bare_numbers_or_unknown_names(void)
{
	struct arg_facts facts;
	memset(&facts, 0, sizeof(facts));
	CHECK(observe(&facts, "socket", "domain", "AF_INET") == ARG_OK);
	CHECK(observe(&facts, "socket", "domain", "40") == ARG_OK);
	CHECK(!arg_facts_families_known(&facts, ARG_SOCKET));
	memset(&facts, 0, sizeof(facts));
	CHECK(observe(&facts, "socketpair", "domain", "AF_INET") == ARG_OK);
	CHECK(observe(&facts, "socketpair", "domain", "AF_LOCAL|AF_INET") == ARG_NOT_UNDERSTOOD);
	CHECK(!arg_facts_families_known(&facts, ARG_SOCKETPAIR));
}

static void build_should_keep_dockers_rules_by_default(void)
{
	static const char *const names[] = { "clone", "clone3", "personality", "read", "socket", "socketpair" };
	struct build b;
	char *line;
	build_init(&b);
	line = build_line(&b, names, 6);
	CHECK(b.plain == 2); /* read, socketpair */
	CHECK(line != NULL && strstr(line, "{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                                   "\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}") != NULL);
	CHECK(line != NULL && strstr(line, "{\"names\":[\"clone3\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":38}") != NULL);
	CHECK(line != NULL && strstr(line, "\"value\":4294967295,\"valueTwo\":0,\"op\":\"SCMP_CMP_EQ\"") != NULL);
	/* socket: Docker's three rules, which refuse AF_ALG (38) and AF_VSOCK (40). */
	CHECK(line != NULL && strstr(line, "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                                   "\"value\":38,\"valueTwo\":0,\"op\":\"SCMP_CMP_LT\"}]}") != NULL);
	CHECK(line != NULL && strstr(line, "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                                   "\"value\":39,\"valueTwo\":0,\"op\":\"SCMP_CMP_EQ\"}]}") != NULL);
	CHECK(line != NULL && strstr(line, "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                                   "\"value\":40,\"valueTwo\":0,\"op\":\"SCMP_CMP_GT\"}]}") != NULL);
	CHECK(line != NULL && strstr(line, "includes") == NULL && strstr(line, "excludes") == NULL);
	free(line);
}

static void build_should_open_only_the_logged_namespace_flags_and_families(void)
{
	static const char *const names[] = { "clone", "socket", "socketpair" };
	struct build b;
	char *line;
	build_init(&b);
	observe(&b.facts, "clone", "flags", "CLONE_NEWNET|CLONE_NEWNS");
	observe(&b.facts, "socket", "domain", "AF_INET");
	observe(&b.facts, "socket", "domain", "AF_INET6");
	observe(&b.facts, "socketpair", "domain", "AF_LOCAL|AF_UNIX");
	line = build_line(&b, names, 3);
	CHECK(b.plain == 0);
	/* 0x7E020000 without NEWNET (0x40000000) and NEWNS (0x20000) */
	CHECK(line != NULL && strstr(line, "\"value\":1040187392,") != NULL);
	CHECK(line != NULL && strstr(line, "{\"names\":[\"socketpair\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,") != NULL);
	CHECK(line != NULL && strstr(line, "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":2,") != NULL);
	CHECK(line != NULL && strstr(line, "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":10,") != NULL);
	CHECK(line != NULL && strstr(line, "\"value\":40") == NULL);
	free(line);
}

static void build_should_split_clone_by_architecture_for_s390(void)
{
	static const char *const names[] = { "clone" };
	struct arch_list s390 = { { SCMP_ARCH_S390X, SCMP_ARCH_S390 }, 2 };
	struct build b;
	char *line;
	build_init(&b);
	b.arches = s390;
	line = build_line(&b, names, 1);
	CHECK(line != NULL && strstr(line, "\"index\":1,") != NULL && strstr(line, "\"index\":0,") == NULL &&
	      strstr(line, "includes") == NULL);
	free(line);
	b.arches.tokens[1] = SCMP_ARCH_PPC64;
	line = build_line(&b, names, 1);
	CHECK(line != NULL && strstr(line, "\"excludes\":{\"arches\":[\"s390\",\"s390x\"]}") != NULL &&
	      strstr(line, "\"includes\":{\"arches\":[\"s390\",\"s390x\"]}") != NULL);
	free(line);
}

static void build_should_allow_by_name_what_the_user_lifts(void)
{
	static const char *const names[] = { "clone", "clone3", "personality", "socket" };
	struct build b;
	char *line;
	build_init(&b);
	b.choice.allow_namespaces = true;
	b.choice.lifted[ARG_RULE_PERSONALITY] = true;
	line = build_line(&b, names, 4);
	CHECK(b.plain == 3);
	CHECK(line != NULL && strstr(line, "clone") == NULL && strstr(line, "personality") == NULL &&
	      strstr(line, "\"socket\"") != NULL);
	free(line);
}

static cJSON *rule(const char *text)
{
	cJSON *parsed = cJSON_Parse(text);
	CHECK(parsed != NULL);
	return parsed;
}

static void absorb_should_take_back_its_own_rules_and_unite_them(void)
{
	struct arg_facts facts;
	cJSON *names = cJSON_CreateArray();
	cJSON *clone = rule("{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                    "\"value\":1040187392,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}");
	cJSON *family = rule("{\"names\":[\"socket\",\"socketpair\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                     "\"value\":1,\"valueTwo\":0,\"op\":\"SCMP_CMP_EQ\"}]}");
	cJSON *other = rule("{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":1,"
	                    "\"value\":21505,\"valueTwo\":0,\"op\":\"SCMP_CMP_EQ\"}]}");
	cJSON *capped = rule("{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                     "\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}],"
	                     "\"excludes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}}");
	memset(&facts, 0, sizeof(facts));
	CHECK(arg_rules_absorb(clone, "a.json", &facts, names));
	CHECK(facts.namespaces == (0x40000000u | 0x00020000u));
	CHECK(facts.namespace_at[6].profile != NULL && strcmp(facts.namespace_at[6].profile, "a.json") == 0);
	CHECK(arg_rules_absorb(family, "a.json", &facts, names));
	CHECK(facts.families[ARG_SOCKET].seen == 2 && facts.families[ARG_SOCKETPAIR].seen == 2);
	CHECK(!arg_rules_absorb(other, "a.json", &facts, names));
	CHECK(!arg_rules_absorb(capped, "a.json", &facts, names));
	CHECK(cJSON_GetArraySize(names) == 3);
	cJSON_Delete(names);
	cJSON_Delete(clone);
	cJSON_Delete(family);
	cJSON_Delete(other);
	cJSON_Delete(capped);
}

static void widens_should_refuse_unconditional_clone_but_not_capability_rules(void)
{
	struct arg_facts facts;
	struct arg_rule_choice choice;
	char message[400];
	cJSON *plain = rule("{\"names\":[\"read\",\"clone\"],\"action\":\"SCMP_ACT_ALLOW\"}");
	cJSON *admin = rule("{\"names\":[\"clone\",\"clone3\",\"unshare\"],\"action\":\"SCMP_ACT_ALLOW\","
	                    "\"includes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}}");
	cJSON *masked = rule("{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	                     "\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}],"
	                     "\"excludes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}}");
	cJSON *socket = rule("{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":2,"
	                     "\"value\":9,\"valueTwo\":0,\"op\":\"SCMP_CMP_NE\"}]}");
	memset(&facts, 0, sizeof(facts));
	memset(&choice, 0, sizeof(choice));
	CHECK(arg_rules_widens(plain, &facts, &choice, message, sizeof(message)));
	CHECK(strstr(message, "clone") != NULL && strstr(message, "--allow-namespaces") != NULL);
	CHECK(!arg_rules_widens(admin, &facts, &choice, message, sizeof(message)));
	CHECK(!arg_rules_widens(masked, &facts, &choice, message, sizeof(message)));
	CHECK(arg_rules_widens(socket, &facts, &choice, message, sizeof(message)));
	CHECK(strstr(message, "--no-arg-rule socket") != NULL);
	choice.allow_namespaces = true;
	choice.lifted[ARG_RULE_SOCKET] = true;
	CHECK(!arg_rules_widens(plain, &facts, &choice, message, sizeof(message)));
	CHECK(!arg_rules_widens(socket, &facts, &choice, message, sizeof(message)));
	cJSON_Delete(plain);
	cJSON_Delete(admin);
	cJSON_Delete(masked);
	cJSON_Delete(socket);
}

static void judge_should_honour_capabilities_architectures_and_kernel(void)
{
	static const char *const admin[] = { "CAP_SYS_ADMIN" };
	struct rule_context plain = { "amd64", docker_default_capabilities, DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };
	struct rule_context privileged = { "amd64", admin, 1, 6, 1 };
	struct rule_context old = { "amd64", admin, 1, 4, 4 };
	struct rule_context s390 = { "s390x", docker_default_capabilities, DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };
	struct profile_input in;
	struct judgement j;
	char message[300];
	const char *text =
		"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":["
		"{\"names\":[\"mount\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"caps\":[\"CAP_SYS_ADMIN\"],\"minKernel\":\"4.8\"}},"
		"{\"names\":[\"arch_prctl\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"arches\":[\"amd64\",\"x32\"]}},"
		"{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":2114060288,"
		"\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}],\"excludes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}},"
		"{\"names\":[\"clone3\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":38,\"excludes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}}]}";
	CHECK(profile_parse("d.json", text, strlen(text), &in, message, sizeof(message)) == 0);
	profile_judge(&in, "mount", &plain, &j);
	CHECK(j.verdict == VERDICT_DENIED && j.needs_cap != NULL && strcmp(j.needs_cap, "CAP_SYS_ADMIN") == 0);
	profile_judge(&in, "mount", &privileged, &j);
	CHECK(j.verdict == VERDICT_ALLOWED);
	profile_judge(&in, "mount", &old, &j);
	CHECK(j.verdict == VERDICT_DENIED);
	profile_judge(&in, "arch_prctl", &plain, &j);
	CHECK(j.verdict == VERDICT_ALLOWED);
	profile_judge(&in, "arch_prctl", &s390, &j);
	CHECK(j.verdict == VERDICT_DENIED);
	profile_judge(&in, "clone", &plain, &j);
	CHECK(j.verdict == VERDICT_CONDITIONAL);
	profile_judge_describe(&j, "clone", message, sizeof(message));
	CHECK_STR(message, "only without namespace flags");
	profile_judge(&in, "clone3", &plain, &j);
	CHECK(j.verdict == VERDICT_DENIED && j.errno_rule && j.errno_ret == 38);
	profile_input_free(&in);
}

static void judge_should_test_logged_arguments_against_conditions(void)
{
	struct rule_context ctx = { "amd64", docker_default_capabilities, DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };
	struct profile_input in;
	struct judgement j;
	struct arg_facts facts;
	char message[300];
	const char *text =
		"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":["
		"{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":2114060288,"
		"\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]},"
		"{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":2,\"op\":\"SCMP_CMP_EQ\"}]}]}";
	CHECK(profile_parse("p.json", text, strlen(text), &in, message, sizeof(message)) == 0);
	memset(&facts, 0, sizeof(facts));
	profile_judge(&in, "clone", &ctx, &j);
	CHECK(profile_judge_arguments(&j, "clone", &facts) == -1);
	observe(&facts, "clone", "flags", "CLONE_VM");
	CHECK(profile_judge_arguments(&j, "clone", &facts) == 1);
	observe(&facts, "clone", "flags", "CLONE_NEWUSER");
	CHECK(profile_judge_arguments(&j, "clone", &facts) == 0);
	profile_judge(&in, "socket", &ctx, &j);
	observe(&facts, "socket", "domain", "AF_INET");
	CHECK(profile_judge_arguments(&j, "socket", &facts) == 1);
	observe(&facts, "socket", "domain", "AF_INET6");
	CHECK(profile_judge_arguments(&j, "socket", &facts) == 0);
	profile_input_free(&in);
}

static void note_into(void *context, const char *message)
{
	snprintf(context, 600, "%s", message);
}

static void merge_should_narrow_a_plain_clone_to_dockers_rule_unless_namespaces_are_allowed(void)
{
	struct profile_input p;
	struct arg_facts facts;
	struct arg_rule_choice choice;
	char message[600], note[600] = "";
	bool narrowed;
	const char *text = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"clone\",\"read\"],"
	                   "\"action\":\"SCMP_ACT_ALLOW\"}]}";
	CHECK(profile_parse("old.json", text, strlen(text), &p, message, sizeof(message)) == 0);
	memset(&facts, 0, sizeof(facts));
	memset(&choice, 0, sizeof(choice));
	choice.allow_namespaces = true;
	CHECK(merge_absorb_arg_rules(&p, 1, &facts) == MERGE_OK);
	CHECK(merge_narrow_arg_rules(&p, 1, &facts, &choice, note_into, note, &narrowed) == MERGE_OK && !narrowed);
	CHECK(profile_list_has(p.allow_names, "clone") && note[0] == '\0');
	choice.allow_namespaces = false;
	CHECK(merge_narrow_arg_rules(&p, 1, &facts, &choice, note_into, note, &narrowed) == MERGE_OK && narrowed);
	CHECK(strstr(note, "old.json") != NULL && strstr(note, "--allow-namespaces") != NULL);
	/* clone is still allowed, under the rule in force; read stays a plain name. */
	CHECK(!profile_list_has(p.allow_names, "clone") && profile_list_has(p.arg_names, "clone"));
	CHECK(profile_list_has(p.allow_names, "read"));
	profile_input_free(&p);
}

const struct test_case arg_rules_tests[] = {
	TEST_CASE(facts_should_read_namespace_flag_names_and_ignore_the_rest),
	TEST_CASE(facts_should_report_flags_of_an_unknown_shape_and_open_nothing),
	TEST_CASE(facts_should_read_bare_numbers_as_falcos_own_bits),
	TEST_CASE(facts_should_take_clone_flags_only_from_the_parents_event),
	TEST_CASE(facts_should_not_open_clone3_flags_a_log_cannot_place),
	TEST_CASE(facts_should_know_families_only_when_every_one_is_named),
	TEST_CASE(facts_should_not_restrict_families_for_bare_numbers_or_unknown_names),
	TEST_CASE(build_should_keep_dockers_rules_by_default),
	TEST_CASE(build_should_open_only_the_logged_namespace_flags_and_families),
	TEST_CASE(build_should_split_clone_by_architecture_for_s390),
	TEST_CASE(build_should_allow_by_name_what_the_user_lifts),
	TEST_CASE(absorb_should_take_back_its_own_rules_and_unite_them),
	TEST_CASE(widens_should_refuse_unconditional_clone_but_not_capability_rules),
	TEST_CASE(judge_should_honour_capabilities_architectures_and_kernel),
	TEST_CASE(judge_should_test_logged_arguments_against_conditions),
	TEST_CASE(merge_should_narrow_a_plain_clone_to_dockers_rule_unless_namespaces_are_allowed),
	{ NULL, NULL },
};
