/*
 * arg_rules: building Docker's argument rules for a generated profile, and
 * recognising them (or rules wider than them) in merged profiles.
 */
#include "policy/arg_rules.h"

#include "policy/docker_default.h"
#include "profile/profile.h"
#include "text/text.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const rule_names[ARG_RULE_COUNT] = { "clone", "clone3", "personality", "socket", "socketpair" };

const char *arg_rule_name(enum arg_rule rule)
{
	return rule_names[rule];
}

int arg_rule_from_name(const char *name)
{
	for (int i = 0; i < ARG_RULE_COUNT; i++)
		if (strcmp(rule_names[i], name) == 0)
			return i;
	return -1;
}

const char *arg_rule_list(void)
{
	static char text[96];

	return text[0] ? text : text_join(text, sizeof(text), rule_names, ARG_RULE_COUNT, ", ");
}

bool arg_rule_active(const struct arg_rule_choice *choice, enum arg_rule rule)
{
	if (choice->allow_namespaces && (rule == ARG_RULE_CLONE || rule == ARG_RULE_CLONE3))
		return false;
	return !choice->lifted[rule];
}

/* Building. */

static bool add_arg(cJSON *rule, int index, double value, const char *op)
{
	cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
	cJSON *arg = cJSON_CreateObject();

	if (args == NULL)
		args = cJSON_AddArrayToObject(rule, "args");
	return args != NULL && arg != NULL && cJSON_AddItemToArray(args, arg) &&
	       cJSON_AddNumberToObject(arg, "index", index) && cJSON_AddNumberToObject(arg, "value", value) &&
	       cJSON_AddNumberToObject(arg, "valueTwo", 0) && cJSON_AddStringToObject(arg, "op", op);
}

/* A new rule for names with action, added to rules; NULL when memory runs out. */
static cJSON *add_rule(cJSON *rules, const char *const *names, size_t count, const char *action)
{
	cJSON *rule = cJSON_CreateObject();
	cJSON *list;

	if (rule == NULL || !cJSON_AddItemToArray(rules, rule))
		return NULL;
	list = cJSON_AddArrayToObject(rule, "names");
	for (size_t i = 0; list != NULL && i < count; i++)
		if (!cJSON_AddItemToArray(list, cJSON_CreateString(names[i])))
			return NULL;
	return list != NULL && cJSON_AddStringToObject(rule, "action", action) ? rule : NULL;
}

/* Adds {"arches": [...]} under key ("includes" or "excludes") for the arches in group. */
static bool add_arch_filter(cJSON *rule, const char *key, const char *const *group)
{
	cJSON *filter = cJSON_AddObjectToObject(rule, key);
	cJSON *arches = filter ? cJSON_AddArrayToObject(filter, "arches") : NULL;

	for (size_t i = 0; arches != NULL && group[i] != NULL; i++)
		if (!cJSON_AddItemToArray(arches, cJSON_CreateString(group[i])))
			return false;
	return arches != NULL;
}

/* Tells which of arches are in group (moby names): none, some, or all. */
enum share { SHARE_NONE, SHARE_SOME, SHARE_ALL };

static enum share arches_in(const struct arch_list *arches, const char *const *group)
{
	size_t inside = 0;

	for (size_t a = 0; a < arches->count; a++)
		for (size_t g = 0; group[g] != NULL; g++)
			if (strcmp(arch_moby_name(arches->tokens[a]), group[g]) == 0) {
				inside++;
				break;
			}
	return inside == 0 ? SHARE_NONE : inside == arches->count ? SHARE_ALL : SHARE_SOME;
}

/* The architectures whose rules take another form, from the table of architectures (syscall_names.c). */
static bool flags_second(uint32_t token)
{
	return arch_clone_flags_arg(token) == 1;
}

static bool enosys_other(uint32_t token)
{
	return arch_enosys(token) != DOCKER_ENOSYS;
}

/* moby's names of the architectures keep says yes to, NULL-terminated, in storage (room ARCH_MAX + 1). */
static const char *const *group_of(bool (*keep)(uint32_t token), const char **storage)
{
	size_t count = arch_moby_names_where(keep, storage, ARCH_MAX);
	/* In one order, whatever the table's: the profile's bytes do not follow the table's rows. */
	qsort(storage, count, sizeof(storage[0]), text_compare_strings);
	storage[count] = NULL;
	return storage;
}

/* clone's flags are its second argument there (s390, s390x). */
static const char *const *s390_group(void)
{
	static const char *names[ARCH_MAX + 1];
	return names[0] != NULL ? names : group_of(flags_second, names);
}

/* ENOSYS is another number there (89 on mips). */
static const char *const *mips_group(void)
{
	static const char *names[ARCH_MAX + 1];
	return names[0] != NULL ? names : group_of(enosys_other, names);
}

/*
 * Adds a rule that takes a different form on some architectures: build
 * makes the rule for the group (inside true) and for the others; each gets
 * includes or excludes only when the profile has both kinds.
 */
typedef cJSON *variant_fn(cJSON *rules, bool inside, void *data);

static bool add_by_arch(cJSON *rules, const struct arch_list *arches, const char *const *group, variant_fn *build,
                        void *data)
{
	enum share share = arches_in(arches, group);
	cJSON *rule;

	if (share != SHARE_ALL) {
		rule = build(rules, false, data);
		if (rule == NULL || (share == SHARE_SOME && !add_arch_filter(rule, "excludes", group)))
			return false;
	}
	if (share != SHARE_NONE) {
		rule = build(rules, true, data);
		if (rule == NULL || (share == SHARE_SOME && !add_arch_filter(rule, "includes", group)))
			return false;
	}
	return true;
}

/* clone's flags are its first argument, but its second on s390 and s390x. */
static cJSON *clone_variant(cJSON *rules, bool s390, void *data)
{
	static const char *const names[] = { "clone" };
	uint32_t refused = *(const uint32_t *)data;
	cJSON *rule = add_rule(rules, names, 1, "SCMP_ACT_ALLOW");

	return rule != NULL && add_arg(rule, s390 ? 1 : 0, refused, "SCMP_CMP_MASKED_EQ") ? rule : NULL;
}

static cJSON *clone3_variant(cJSON *rules, bool mips, void *data)
{
	static const char *const names[] = { "clone3" };
	cJSON *rule = add_rule(rules, names, 1, "SCMP_ACT_ERRNO");

	(void)data;
	return rule != NULL && cJSON_AddNumberToObject(rule, "errnoRet", mips ? DOCKER_ENOSYS_MIPS : DOCKER_ENOSYS)
	               ? rule
	               : NULL;
}

/* The ENOSYS rule of the newer syscalls listed in data (a struct name_group). */
struct name_group {
	const char *const *names;
	size_t count;
};

static cJSON *enosys_variant(cJSON *rules, bool mips, void *data)
{
	const struct name_group *group = data;
	cJSON *rule = add_rule(rules, group->names, group->count, "SCMP_ACT_ERRNO");

	return rule != NULL && cJSON_AddNumberToObject(rule, "errnoRet", mips ? DOCKER_ENOSYS_MIPS : DOCKER_ENOSYS)
	               ? rule
	               : NULL;
}

int arg_rules_add_enosys(cJSON *rules, const struct arch_list *arches, const char *const *names, size_t count)
{
	struct name_group group = { names, count };

	if (count == 0)
		return 0;
	return add_by_arch(rules, arches, mips_group(), enosys_variant, &group) ? 0 : -1;
}

static bool has_name(const char *const *names, size_t count, const char *name)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* One rule per family: socket and socketpair share it when both are narrowed to it. */
static bool add_family_rules(cJSON *rules, const struct arg_rule_plan *plan)
{
	for (unsigned family = 0; family < 64; family++) {
		const char *names[ARG_SOCKET_CALLS];
		size_t count = 0;
		for (int call = 0; call < ARG_SOCKET_CALLS; call++)
			if (plan->restricted[call] && (plan->families[call] >> family & 1))
				names[count++] = arg_socket_call_name((enum arg_socket_call)call);
		if (count == 0)
			continue;
		cJSON *rule = add_rule(rules, names, count, "SCMP_ACT_ALLOW");
		if (rule == NULL || !add_arg(rule, 0, family, "SCMP_CMP_EQ"))
			return false;
	}
	return true;
}

int arg_rules_build(const char *const *names, size_t count, const struct arch_list *arches,
                    const struct arg_facts *facts, const struct arg_rule_choice *choice, const char **plain,
                    size_t *plain_count, cJSON **rules, struct arg_rule_plan *plan)
{
	static const char *const personality[] = { "personality" };
	static const char *const socket_names[] = { "socket" };
	bool ok = true;

	memset(plan, 0, sizeof(*plan));
	*plain_count = 0;
	*rules = cJSON_CreateArray();
	if (*rules == NULL)
		return -1;
	for (int rule = 0; rule < ARG_RULE_COUNT; rule++)
		plan->written[rule] = arg_rule_active(choice, (enum arg_rule)rule) && has_name(names, count, rule_names[rule]);
	/* clone3 answers ENOSYS wherever clone is allowed: a newer C library tries it first, then falls back. */
	if (arg_rule_active(choice, ARG_RULE_CLONE3) && has_name(names, count, "clone"))
		plan->written[ARG_RULE_CLONE3] = true;
	plan->clone_refused = DOCKER_CLONE_NAMESPACE_MASK & ~facts->namespaces;
	if (plan->clone_refused == 0)
		plan->written[ARG_RULE_CLONE] = false;
	for (int call = 0; call < ARG_SOCKET_CALLS; call++) {
		enum arg_rule rule = call == ARG_SOCKET ? ARG_RULE_SOCKET : ARG_RULE_SOCKETPAIR;
		plan->restricted[call] = plan->written[rule] && arg_facts_families_known(facts, (enum arg_socket_call)call);
		if (plan->restricted[call])
			plan->families[call] = facts->families[call].seen;
	}
	/* Docker leaves socketpair alone: it is narrowed only to logged families. */
	if (!plan->restricted[ARG_SOCKETPAIR])
		plan->written[ARG_RULE_SOCKETPAIR] = false;

	for (size_t i = 0; i < count; i++) {
		int rule = arg_rule_from_name(names[i]);
		if (rule < 0 || !plan->written[rule])
			plain[(*plain_count)++] = names[i];
	}
	if (plan->written[ARG_RULE_CLONE])
		ok = add_by_arch(*rules, arches, s390_group(), clone_variant, &plan->clone_refused);
	if (ok && plan->written[ARG_RULE_CLONE3])
		ok = add_by_arch(*rules, arches, mips_group(), clone3_variant, NULL);
	for (size_t v = 0; ok && plan->written[ARG_RULE_PERSONALITY] && v < DOCKER_PERSONALITY_COUNT; v++) {
		cJSON *rule = add_rule(*rules, personality, 1, "SCMP_ACT_ALLOW");
		ok = rule != NULL && add_arg(rule, 0, (double)docker_personality_values[v], "SCMP_CMP_EQ");
	}
	/* The families the log does not name: Docker's own rules, one each, which refuse AF_ALG and AF_VSOCK. */
	if (ok && plan->written[ARG_RULE_SOCKET] && !plan->restricted[ARG_SOCKET]) {
		const char *ops[64];
		uint64_t values[64];
		size_t conditions = docker_socket_conditions(ops, values, 64);
		for (size_t c = 0; ok && c < conditions; c++) {
			cJSON *rule = add_rule(*rules, socket_names, 1, "SCMP_ACT_ALLOW");
			ok = rule != NULL && add_arg(rule, 0, (double)values[c], ops[c]);
		}
	}
	if (ok)
		ok = add_family_rules(*rules, plan);
	if (!ok) {
		cJSON_Delete(*rules);
		*rules = NULL;
		return -1;
	}
	return 0;
}

/* Recognising rules in merged profiles. */

/* The rule's one name, when it names exactly one syscall; else NULL. */
static const char *single_name(const cJSON *rule)
{
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(rule, "name");

	if (cJSON_IsString(name))
		return name->valuestring;
	if (cJSON_GetArraySize(names) == 1 && cJSON_IsString(names->child))
		return names->child->valuestring;
	return NULL;
}

static bool is_action(const cJSON *rule, const char *action)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(rule, "action");
	return cJSON_IsString(item) && strcmp(item->valuestring, action) == 0;
}

static bool is_empty(const cJSON *item)
{
	return item == NULL || cJSON_IsNull(item) || ((cJSON_IsArray(item) || cJSON_IsObject(item)) && item->child == NULL) ||
	       (cJSON_IsString(item) && item->valuestring[0] == '\0');
}

/* Tells whether a filter (includes or excludes) holds nothing but arches. */
static bool arches_only(const cJSON *filter)
{
	for (const cJSON *item = filter ? filter->child : NULL; item; item = item->next)
		if (item->string == NULL || (strcmp(item->string, "arches") != 0 && !is_empty(item)))
			return false;
	return true;
}

/* The rule's only argument condition, or NULL when it has none or several. */
static const cJSON *only_arg(const cJSON *rule)
{
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
	return cJSON_GetArraySize(args) == 1 ? args->child : NULL;
}

static bool arg_is(const cJSON *arg, int index, const char *op, double *value)
{
	const cJSON *item_index = cJSON_GetObjectItemCaseSensitive(arg, "index");
	const cJSON *item_op = cJSON_GetObjectItemCaseSensitive(arg, "op");
	const cJSON *item_value = cJSON_GetObjectItemCaseSensitive(arg, "value");
	const cJSON *item_two = cJSON_GetObjectItemCaseSensitive(arg, "valueTwo");

	if (!cJSON_IsNumber(item_index) || (index >= 0 && item_index->valuedouble != index) ||
	    !cJSON_IsString(item_op) || strcmp(item_op->valuestring, op) != 0 || !cJSON_IsNumber(item_value) ||
	    (item_two != NULL && !(cJSON_IsNumber(item_two) && item_two->valuedouble == 0)))
		return false;
	/* Only a whole number a condition can hold is read: every cast of it below is then defined. */
	if (!profile_datum_fits(item_value->valuedouble))
		return false;
	*value = item_value->valuedouble;
	return true;
}

static bool is_personality_value(double value)
{
	for (size_t v = 0; v < DOCKER_PERSONALITY_COUNT; v++)
		if ((double)docker_personality_values[v] == value)
			return true;
	return false;
}

/* The comparisons a condition on socket's family may make, in the order family_passes reads them. */
static const char *const family_ops[] = { "SCMP_CMP_EQ", "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_GT",
                                          "SCMP_CMP_GE" };

/*
 * Tells whether socket(family) passes the condition arg: 1 yes, 0 no, -1
 * when arg is no plain comparison of argument 0.
 */
static int family_passes(const cJSON *arg, unsigned family)
{
	double value;

	for (size_t i = 0; i < sizeof(family_ops) / sizeof(family_ops[0]); i++) {
		if (!arg_is(arg, 0, family_ops[i], &value))
			continue;
		switch (i) {
		case 0: return family == value;
		case 1: return family != value;
		case 2: return family < value;
		case 3: return family <= value;
		case 4: return family > value;
		default: return family >= value;
		}
	}
	return -1;
}

/* Tells whether a condition on socket's family lets none through that Docker's default refuses. */
static bool refuses_only_dockers_families(const cJSON *arg)
{
	for (size_t i = 0; i < docker_refused_family_count; i++)
		if (family_passes(arg, docker_refused_families[i]) != 0)
			return false;
	return true;
}

static bool add_name(cJSON *names, const char *name)
{
	return cJSON_AddItemToArray(names, cJSON_CreateString(name));
}

bool arg_rules_absorb(const cJSON *rule, const char *path, struct arg_facts *facts, cJSON *names)
{
	const char *name = single_name(rule);
	const cJSON *arg = only_arg(rule);
	struct arg_origin origin = { .profile = path };
	double value;

	if (!arches_only(cJSON_GetObjectItemCaseSensitive(rule, "includes")) ||
	    !arches_only(cJSON_GetObjectItemCaseSensitive(rule, "excludes")) ||
	    !is_empty(cJSON_GetObjectItemCaseSensitive(rule, "comment")))
		return false;
	if (name != NULL && strcmp(name, "clone3") == 0 && is_action(rule, "SCMP_ACT_ERRNO") &&
	    is_empty(cJSON_GetObjectItemCaseSensitive(rule, "args"))) {
		const cJSON *errno_ret = cJSON_GetObjectItemCaseSensitive(rule, "errnoRet");
		if (!cJSON_IsNumber(errno_ret) ||
		    (errno_ret->valuedouble != DOCKER_ENOSYS && errno_ret->valuedouble != DOCKER_ENOSYS_MIPS))
			return false;
		return add_name(names, name);
	}
	if (arg == NULL || !is_action(rule, "SCMP_ACT_ALLOW") || cJSON_GetObjectItemCaseSensitive(rule, "errnoRet"))
		return false;
	if (name != NULL && strcmp(name, "clone") == 0 && arg_is(arg, -1, "SCMP_CMP_MASKED_EQ", &value)) {
		uint32_t mask = value <= UINT32_MAX ? (uint32_t)value : 0;
		/* A mask of 0 refuses nothing: never written here, and judged like a plain clone. */
		if ((double)mask != value || mask == 0 || (mask & ~DOCKER_CLONE_NAMESPACE_MASK) != 0)
			return false;
		for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
			if (!(mask & docker_namespace_flags[i].value) && !(facts->namespaces & docker_namespace_flags[i].value)) {
				facts->namespaces |= docker_namespace_flags[i].value;
				facts->namespace_at[i] = origin;
			}
		return add_name(names, name);
	}
	if (name != NULL && strcmp(name, "personality") == 0 && arg_is(arg, 0, "SCMP_CMP_EQ", &value))
		return is_personality_value(value) && add_name(names, name);
	if (name != NULL && strcmp(name, "socket") == 0 && refuses_only_dockers_families(arg) &&
	    !arg_is(arg, 0, "SCMP_CMP_EQ", &value)) {
		arg_facts_unrestrict(facts, ARG_SOCKET, &origin, "a merged profile allows every family Docker's default does");
		return add_name(names, name);
	}
	if (arg_is(arg, 0, "SCMP_CMP_EQ", &value) && value >= 1 && value < 64 && !docker_family_refused((unsigned)value) &&
	    value == (double)(unsigned)value) {
		const cJSON *list = cJSON_GetObjectItemCaseSensitive(rule, "names");
		const char *seen[ARG_SOCKET_CALLS];
		size_t count = 0;
		if (name != NULL) {
			seen[count++] = name;
		} else {
			for (const cJSON *item = list ? list->child : NULL; item; item = item->next) {
				if (!cJSON_IsString(item) || count == ARG_SOCKET_CALLS)
					return false;
				seen[count++] = item->valuestring;
			}
		}
		for (size_t i = 0; i < count; i++)
			if (strcmp(seen[i], "socket") != 0 && strcmp(seen[i], "socketpair") != 0)
				return false;
		for (size_t i = 0; i < count; i++) {
			enum arg_socket_call call = strcmp(seen[i], "socket") == 0 ? ARG_SOCKET : ARG_SOCKETPAIR;
			facts->families[call].seen |= (uint64_t)1 << (unsigned)value;
			if (!add_name(names, seen[i]))
				return false;
		}
		return count > 0;
	}
	return false;
}

/* Tells whether one of the rule's conditions keeps name within the rule in force. */
static bool narrow_enough(const cJSON *rule, enum arg_rule which, const struct arg_facts *facts,
                          const struct arg_rule_choice *choice)
{
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
	uint32_t refused = DOCKER_CLONE_NAMESPACE_MASK & ~facts->namespaces;
	bool restricted = which == ARG_RULE_SOCKET && arg_facts_families_known(facts, ARG_SOCKET) &&
	                  arg_rule_active(choice, ARG_RULE_SOCKET);
	double value;

	for (const cJSON *arg = args ? args->child : NULL; arg; arg = arg->next) {
		switch (which) {
		case ARG_RULE_CLONE:
			if (arg_is(arg, -1, "SCMP_CMP_MASKED_EQ", &value) && ((uint64_t)value & refused) == refused)
				return true;
			break;
		case ARG_RULE_PERSONALITY:
			if (arg_is(arg, 0, "SCMP_CMP_EQ", &value) && is_personality_value(value))
				return true;
			break;
		case ARG_RULE_SOCKET:
			if (arg_is(arg, 0, "SCMP_CMP_EQ", &value) && value < 64 && !docker_family_refused((unsigned)value) &&
			    (!restricted || (facts->families[ARG_SOCKET].seen >> (unsigned)value & 1)))
				return true;
			if (!restricted && refuses_only_dockers_families(arg))
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}

/* Tells whether includes asks only for capabilities a container of Docker's has by default (or none). */
static bool default_caps_only(const cJSON *includes)
{
	const cJSON *caps = cJSON_GetObjectItemCaseSensitive(includes, "caps");

	for (const cJSON *cap = cJSON_IsArray(caps) ? caps->child : NULL; cap; cap = cap->next)
		if (!cJSON_IsString(cap) || !docker_default_has_capability(cap->valuestring))
			return false;
	return true;
}

bool arg_rules_widens(const cJSON *rule, const struct arg_facts *facts, const struct arg_rule_choice *choice,
                      char *message, size_t size)
{
	static const enum arg_rule guarded[] = { ARG_RULE_CLONE, ARG_RULE_CLONE3, ARG_RULE_PERSONALITY, ARG_RULE_SOCKET };
	const cJSON *includes = cJSON_GetObjectItemCaseSensitive(rule, "includes");
	const cJSON *action = cJSON_GetObjectItemCaseSensitive(rule, "action");

	if (!cJSON_IsString(action) || !profile_action_allows(action->valuestring) || !default_caps_only(includes))
		return false;
	for (size_t i = 0; i < sizeof(guarded) / sizeof(guarded[0]); i++) {
		enum arg_rule which = guarded[i];
		const char *option;
		if (!arg_rule_active(choice, which) || !profile_rule_names(rule, rule_names[which]) ||
		    (which != ARG_RULE_CLONE3 && narrow_enough(rule, which, facts, choice)))
			continue;
		option = which == ARG_RULE_CLONE || which == ARG_RULE_CLONE3 ? "--allow-namespaces or --no-arg-rule "
		                                                               : "--no-arg-rule ";
		snprintf(message, size, "allows %s more widely than Docker's default (%s); %s%s keeps it so",
		         rule_names[which],
		         which == ARG_RULE_CLONE ? "namespace flags"
		         : which == ARG_RULE_CLONE3 ? "clone3 answers ENOSYS"
		         : which == ARG_RULE_PERSONALITY ? "only Docker's personality values"
		                                         : "never AF_ALG or AF_VSOCK, and only the logged families",
		         option, rule_names[which]);
		return true;
	}
	return false;
}

/* The audit profile's refusals: ERRNO(EPERM) unless noted. */
static cJSON *deny_rule(cJSON *rules, const char *name, int errno_value)
{
	const char *names[] = { name };
	cJSON *rule = add_rule(rules, names, 1, "SCMP_ACT_ERRNO");

	return rule != NULL && cJSON_AddNumberToObject(rule, "errnoRet", errno_value) ? rule : NULL;
}

/* clone with one namespace flag (data: the bit) refused; the flags are arg1 on s390 and s390x. */
static cJSON *clone_flag_variant(cJSON *rules, bool s390, void *data)
{
	uint32_t bit = *(const uint32_t *)data;
	cJSON *rule = deny_rule(rules, "clone", 1);
	cJSON *args = rule ? cJSON_AddArrayToObject(rule, "args") : NULL;
	cJSON *arg = cJSON_CreateObject();

	if (args == NULL || arg == NULL || !cJSON_AddItemToArray(args, arg)) {
		cJSON_Delete(arg);
		return NULL;
	}
	return cJSON_AddNumberToObject(arg, "index", s390 ? 1 : 0) && cJSON_AddNumberToObject(arg, "value", bit) &&
	               cJSON_AddNumberToObject(arg, "valueTwo", bit) &&
	               cJSON_AddStringToObject(arg, "op", "SCMP_CMP_MASKED_EQ")
	           ? rule
	           : NULL;
}

/* Tells whether libseccomp filters socket through socketcall on one of arches (socket has no number of its own there). */
static bool socket_multiplexed(const struct arch_list *arches)
{
	for (size_t i = 0; i < arches->count; i++)
		if (seccomp_syscall_resolve_name_arch(arches->tokens[i], "socket") < 0 &&
		    seccomp_syscall_resolve_name_arch(arches->tokens[i], "socketcall") >= 0)
			return true;
	return false;
}

int arg_rules_add_audit(cJSON *rules, const struct arch_list *arches, struct arg_rule_plan *plan,
                        const struct arg_facts *facts, const struct arg_rule_choice *choice,
                        const char *const *refused, size_t refused_count)
{
	bool ok = true;

	/* Each namespace flag the profile does not open, on its own: any one set refuses the call. */
	for (size_t i = 0; ok && arg_rule_active(choice, ARG_RULE_CLONE) && i < DOCKER_NAMESPACE_FLAG_COUNT; i++) {
		uint32_t bit = docker_namespace_flags[i].value;
		if (!(facts->namespaces & bit))
			ok = add_by_arch(rules, arches, s390_group(), clone_flag_variant, &bit);
	}
	if (ok && arg_rule_active(choice, ARG_RULE_CLONE3) && !plan->written[ARG_RULE_CLONE3])
		ok = add_by_arch(rules, arches, mips_group(), clone3_variant, NULL);
	/*
	 * socket: each family Docker refuses is refused, even where the log
	 * narrowed the families (the others fall to the logging default). But
	 * where libseccomp filters socket through socketcall (32-bit x86), whose
	 * arguments it cannot read, an allowing family rule cannot stand beside
	 * a refusing one (EEXIST: runc fails to start): there the allowing rules
	 * go, so that socket calls are logged rather than allowed by family, and
	 * that is said.
	 */
	plan->socket_logged = arg_rule_active(choice, ARG_RULE_SOCKET) && socket_multiplexed(arches) &&
	                      (plan->written[ARG_RULE_SOCKET] || plan->restricted[ARG_SOCKET]);
	for (cJSON *rule = plan->socket_logged ? rules->child : NULL, *next; rule; rule = next) {
		next = rule->next;
		if (profile_rule_names(rule, "socket") && is_action(rule, "SCMP_ACT_ALLOW"))
			cJSON_Delete(cJSON_DetachItemViaPointer(rules, rule));
	}
	for (size_t i = 0; ok && arg_rule_active(choice, ARG_RULE_SOCKET) && i < docker_refused_family_count; i++) {
		cJSON *rule = deny_rule(rules, "socket", 1);
		ok = rule != NULL && add_arg(rule, 0, docker_refused_families[i], "SCMP_CMP_EQ");
	}
	/*
	 * personality: Docker's values (0x0, 0x8, 0x20000, 0x20008 and the query
	 * 0xffffffff) are allowed by the rules before; every other value sets a
	 * bit outside 0x20008, and each such bit is refused by a rule of its own
	 * (libseccomp lets the EQ rule of the query win over them).
	 */
	if (ok && arg_rule_active(choice, ARG_RULE_PERSONALITY) && !plan->written[ARG_RULE_PERSONALITY]) {
		static const char *const personality[] = { "personality" };
		cJSON *rule = add_rule(rules, personality, 1, "SCMP_ACT_ALLOW");
		ok = rule != NULL && add_arg(rule, 0, 0xffffffff, "SCMP_CMP_EQ");
	}
	for (unsigned bit = 0; ok && arg_rule_active(choice, ARG_RULE_PERSONALITY) && bit < 32; bit++) {
		if (bit == 3 || bit == 17)
			continue;
		cJSON *rule = deny_rule(rules, "personality", 1);
		cJSON *args = rule ? cJSON_AddArrayToObject(rule, "args") : NULL;
		cJSON *arg = cJSON_CreateObject();
		ok = args != NULL && arg != NULL && cJSON_AddItemToArray(args, arg) &&
		     cJSON_AddNumberToObject(arg, "index", 0) && cJSON_AddNumberToObject(arg, "value", 1u << bit) &&
		     cJSON_AddNumberToObject(arg, "valueTwo", 1u << bit) &&
		     cJSON_AddStringToObject(arg, "op", "SCMP_CMP_MASKED_EQ");
	}
	if (ok && refused_count > 0) {
		cJSON *rule = add_rule(rules, refused, refused_count, "SCMP_ACT_ERRNO");
		ok = rule != NULL && cJSON_AddNumberToObject(rule, "errnoRet", 1);
	}
	return ok ? 0 : -1;
}
