#include "profile/rule_order.h"
#include "test.h"

static const char rules_text[] =
	"[{\"names\":[\"a\",\"b\"],\"action\":\"SCMP_ACT_ALLOW\"},"
	"{\"names\":[\"b\",\"c\"],\"action\":\"SCMP_ACT_ERRNO\"},"
	"{\"names\":[\"c\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1},"
	"{\"name\":\"a\",\"action\":\"SCMP_ACT_ALLOW\"},"
	"{\"names\":[\"a\"],\"action\":\"SCMP_ACT_KILL\",\"args\":[{\"index\":0,\"value\":1,\"op\":\"SCMP_CMP_EQ\"}]},"
	"{\"name\":\"b\",\"action\":\"SCMP_ACT_LOG\"}]";

static void order_should_find_later_rules_with_another_action_dead(void)
{
	cJSON *rules = cJSON_Parse(rules_text);
	struct dead_names dead;
	CHECK(rules != NULL && rule_order_find(rules, &dead) == 0);
	/* b in rule 1 (ALLOW came first), c in rule 2 (another errno), b in rule 5; not rule 3 (same
	 * effect as rule 0) nor rule 4 (it has conditions). */
	CHECK(dead.count == 3);
	CHECK(rule_order_is_dead(&dead, 1, "b") && !rule_order_is_dead(&dead, 1, "c"));
	CHECK(rule_order_is_dead(&dead, 2, "c") && rule_order_is_dead(&dead, 5, "b"));
	CHECK(!rule_order_is_dead(&dead, 3, "a") && !rule_order_is_dead(&dead, 4, "a"));
	CHECK(dead.items[0].rule == 1 && dead.items[0].decider == 0);
	CHECK(dead.items[1].rule == 2 && dead.items[1].decider == 1);
	rule_order_free(&dead);
	cJSON_Delete(rules);
}

static void order_should_drop_dead_names_and_leave_the_rest(void)
{
	cJSON *rules = cJSON_Parse(rules_text);
	struct dead_names dead;
	char *text;
	CHECK(rules != NULL && rule_order_find(rules, &dead) == 0 && rule_order_drop(rules, &dead) == 0);
	rule_order_free(&dead);
	text = cJSON_PrintUnformatted(rules);
	CHECK(text != NULL && strstr(text, "{\"names\":[\"c\"],\"action\":\"SCMP_ACT_ERRNO\"}") != NULL);
	CHECK(strstr(text, "{\"names\":[],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1}") != NULL);
	CHECK(strstr(text, "{\"action\":\"SCMP_ACT_LOG\",\"names\":[]}") != NULL);
	CHECK(rule_order_find(rules, &dead) == 0 && dead.count == 0 && dead.items == NULL);
	cJSON_free(text);
	cJSON_Delete(rules);
}

static void order_should_pass_over_what_is_no_rule(void)
{
	cJSON *rules = cJSON_Parse("[1,{\"names\":[\"x\"]},{\"names\":[\"x\",2],\"action\":\"SCMP_ACT_ALLOW\"},"
	                           "{\"names\":\"x\",\"action\":\"SCMP_ACT_KILL\"}]");
	struct dead_names dead;
	CHECK(rules != NULL && rule_order_find(rules, &dead) == 0 && dead.count == 0);
	CHECK(rule_order_find(NULL, &dead) == 0 && dead.count == 0);
	cJSON_Delete(rules);
}

const struct test_case order_tests[] = {
	TEST_CASE(order_should_find_later_rules_with_another_action_dead),
	TEST_CASE(order_should_drop_dead_names_and_leave_the_rest),
	TEST_CASE(order_should_pass_over_what_is_no_rule),
	{ NULL, NULL },
};
