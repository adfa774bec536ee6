/*
 * filter_judge: the standing queries asked of a profile's built filters.
 */
#include "policy/filter_judge.h"

#include "policy/arg_facts.h"
#include "policy/arg_rules.h"
#include "policy/docker_default.h"
#include "profile/profile.h"
#include "syscalls/equivalents.h"
#include "syscalls/syscall_set.h"

#include <seccomp.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* The kernel's actions a call is sure to run under, and sure to be refused under. */
#define RET_ACTION_FULL 0xffff0000u
#define RET_ALLOW 0x7fff0000u
#define RET_LOG 0x7ffc0000u
#define RET_ERRNO 0x00050000u
#define RET_TRAP 0x00030000u
#define RET_KILL_PROCESS 0x80000000u
#define RET_KILL_THREAD 0x00000000u

/* Kernel values the queries use (include/uapi/linux/sched.h, signal.h, net.h). */
#define QUERY_SIGCHLD 17u
#define QUERY_THREAD_FLAGS 0x3d0f00u /* CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID */
#define QUERY_STACK 0x7f1234567000ull /* a stack as mmap places one: its low half has bits set */
#define QUERY_SYS_SOCKET 1u
#define QUERY_FAMILIES 64u

static bool runs(uint32_t action)
{
	uint32_t kind = action & RET_ACTION_FULL;
	return kind == RET_ALLOW || kind == RET_LOG;
}

static bool refused(uint32_t action)
{
	uint32_t kind = action & RET_ACTION_FULL;
	return kind == RET_ERRNO || kind == RET_TRAP || kind == RET_KILL_PROCESS || kind == RET_KILL_THREAD;
}

/* The state of one judgement: the filter asked, and where the answers go. */
struct asking {
	const cJSON *document;
	const struct seccomp_filter *filter;
	const struct filter_promises *promises;
	struct filter_verdict *verdict;
	uint32_t arch;
	bool failed;      /* the program could not be run */
};

static int first_rule_naming(const cJSON *document, const char *name)
{
	const cJSON *syscalls = cJSON_GetObjectItemCaseSensitive(document, "syscalls");
	int index = 0;

	for (const cJSON *rule = cJSON_IsArray(syscalls) ? syscalls->child : NULL; rule; rule = rule->next, index++)
		if (profile_rule_names(rule, name))
			return index;
	return -1;
}

/* Asks name with args on the arch being judged; counts a break when the answer is not what kind wants. */
static void ask(struct asking *a, enum promise_kind kind, const char *name, const uint64_t args[6], const char *why)
{
	uint32_t action;
	bool exists;

	if (seccomp_filter_answer(a->filter, a->arch, name, args, &exists, &action) != 0) {
		a->failed = true;
		return;
	}
	if (!exists)
		return;
	a->verdict->queries++;
	if (kind == PROMISE_RUNS ? runs(action) : refused(action))
		return;
	if (a->verdict->break_count < FILTER_JUDGE_BREAKS_MAX) {
		struct promise_break *b = &a->verdict->breaks[a->verdict->break_count];
		*b = (struct promise_break){ kind, a->filter->host, a->arch, "", { 0 }, why, action,
			                     first_rule_naming(a->document, name) };
		snprintf(b->name, sizeof(b->name), "%s", name);
		memcpy(b->args, args, sizeof(b->args));
	}
	a->verdict->break_count++;
}

/* clone's arguments for flags and a stack: s390 takes the stack first (arch_clone_flags_arg). */
static void clone_args(uint32_t arch, uint64_t flags, uint64_t args[6])
{
	unsigned at = arch_clone_flags_arg(arch);
	memset(args, 0, 6 * sizeof(args[0]));
	args[at] = flags;
	args[1 - at] = QUERY_STACK;
}

static bool allows(const struct filter_promises *p, const char *name)
{
	int id = syscall_catalog_find(p->catalog, name);
	return id >= 0 && syscall_set_has(p->allowed, id);
}

/* The family a socket call the profile allows is asked with. */
static uint64_t allowed_family(const struct filter_promises *p, enum arg_socket_call call)
{
	if (p->plan->restricted[call])
		for (unsigned family = 0; family < QUERY_FAMILIES; family++)
			if (p->plan->families[call] >> family & 1)
				return family;
	return call == ARG_SOCKET ? 2 /* AF_INET */ : 1 /* AF_UNIX */;
}

/* Every name the profile allows runs, and on an architecture that lacks one, its generic calls. */
static void ask_allowed(struct asking *a)
{
	const struct filter_promises *p = a->promises;
	const struct arg_rule_choice *choice = p->choice;
	uint64_t args[6];

	for (size_t id = 0; id < p->catalog->count; id++) {
		const char *name = syscall_catalog_name(p->catalog, (int)id);
		if (!syscall_set_has(p->allowed, (int)id))
			continue;
		memset(args, 0, sizeof(args));
		if (strcmp(name, "clone3") == 0 && !choice->allow_namespaces && arg_rule_active(choice, ARG_RULE_CLONE3))
			continue; /* answered with ENOSYS, as Docker does: the C library falls back to clone */
		if (strcmp(name, "clone") == 0)
			clone_args(a->arch, QUERY_THREAD_FLAGS, args);
		else if (strcmp(name, "socket") == 0)
			args[0] = allowed_family(p, ARG_SOCKET);
		else if (strcmp(name, "socketpair") == 0)
			args[0] = allowed_family(p, ARG_SOCKETPAIR);
		if (seccomp_syscall_resolve_name_arch(a->arch, name) >= 0) {
			ask(a, PROMISE_RUNS, name, args, "a name the profile allows");
			continue;
		}
		const char *generic = equivalents_of(name, strlen(name));
		while (generic != NULL && *generic != '\0') {
			char one[64];
			size_t length = strcspn(generic, " ");
			if (length < sizeof(one)) {
				memcpy(one, generic, length);
				one[length] = '\0';
				ask(a, PROMISE_RUNS, one, args, "a generic call standing for an allowed one this architecture lacks");
			}
			generic += length;
			generic += *generic == ' ';
		}
	}
}

/* The names Docker refuses that the profile does not allow, gathered from the architecture's table. */
struct refused_walk {
	struct asking *asking;
};

static void ask_docker_refused(const char *name, void *context)
{
	struct refused_walk *walk = context;
	const struct filter_promises *p = walk->asking->promises;
	static const uint64_t zero[6];

	if (docker_default_refuses(name) && !allows(p, name))
		ask(walk->asking, PROMISE_REFUSED, name, zero, "a syscall Docker's default refuses");
}

static void ask_refused(struct asking *a)
{
	const struct filter_promises *p = a->promises;
	const struct arg_rule_choice *choice = p->choice;
	uint64_t args[6];

	if (!choice->allow_namespaces && arg_rule_active(choice, ARG_RULE_CLONE))
		for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++) {
			if (p->facts->namespaces & docker_namespace_flags[i].value)
				continue;
			clone_args(a->arch, docker_namespace_flags[i].value | QUERY_SIGCHLD, args);
			ask(a, PROMISE_REFUSED, "clone", args, docker_namespace_flags[i].name);
		}
	memset(args, 0, sizeof(args));
	if (!choice->allow_namespaces && arg_rule_active(choice, ARG_RULE_CLONE3))
		ask(a, PROMISE_REFUSED, "clone3", args, "clone3, whose flags a filter cannot read");
	for (int call = 0; call < ARG_SOCKET_CALLS; call++) {
		enum arg_rule rule = call == ARG_SOCKET ? ARG_RULE_SOCKET : ARG_RULE_SOCKETPAIR;
		if (!arg_rule_active(choice, rule))
			continue;
		for (unsigned family = 0; family < QUERY_FAMILIES; family++) {
			/* An audit profile logs the families the log does not show: only Docker's refusals are refused. */
			bool must = p->plan->restricted[call] && !p->audit ? !(p->plan->families[call] >> family & 1)
			                                                   : call == ARG_SOCKET && docker_family_refused(family);
			if (!must)
				continue;
			memset(args, 0, sizeof(args));
			args[0] = family;
			ask(a, PROMISE_REFUSED, arg_socket_call_name((enum arg_socket_call)call), args,
			    p->plan->restricted[call] ? "a family the log does not show" : "a family Docker refuses");
		}
	}
	/* socketcall multiplexes socket with its arguments in memory: family rules cannot reach them. */
	memset(args, 0, sizeof(args));
	args[0] = QUERY_SYS_SOCKET;
	uint32_t action;
	int nr = seccomp_syscall_resolve_name_arch(a->arch, "socketcall");
	/* An audit profile lets socket run without allowing it: logged, through socketcall too. */
	if (nr >= 0 && (allows(p, "socket") || p->audit) &&
	    seccomp_filter_answer_nr(a->filter, a->arch, nr, args, &action) == 0 &&
	    !refused(action))
		arch_list_add(&a->verdict->socketcall_open, a->arch);
	if (arg_rule_active(choice, ARG_RULE_PERSONALITY))
		for (unsigned bit = 0; bit < 32; bit++) {
			/* Docker allows 0x0, 0x8, 0x20000, 0x20008 and the query 0xffffffff: every other single bit is refused. */
			if ((1u << bit) & 0x20008u)
				continue;
			memset(args, 0, sizeof(args));
			args[0] = 1u << bit;
			ask(a, PROMISE_REFUSED, "personality", args, "a personality outside Docker's values");
		}
	memset(args, 0, sizeof(args));
	for (size_t i = 0; i < p->removed_count; i++)
		ask(a, PROMISE_REFUSED, p->removed[i], args, "a name --remove names");
	struct refused_walk walk = { a };
	syscall_names_each(a->arch, ask_docker_refused, &walk);
}

int filter_judge_profile(const cJSON *document, const struct arch_list *arches, const struct rule_context *ctx,
                         const struct filter_promises *promises, struct filter_verdict *verdict)
{
	uint32_t hosts[ARCH_MAX];
	size_t host_count = seccomp_filter_hosts(arches, hosts, ARCH_MAX);

	memset(verdict, 0, sizeof(*verdict));
	for (size_t h = 0; h < host_count; h++) {
		struct seccomp_filter filter;
		if (seccomp_filter_build(document, hosts[h], ctx, &filter, verdict->build_error,
		                         sizeof(verdict->build_error)) != 0)
			return 1;
		verdict->hosts[verdict->host_count++] = hosts[h];
		for (size_t i = 0; i < filter.arches.count; i++) {
			struct asking a = { document, &filter, promises, verdict, filter.arches.tokens[i], false };
			if (!arch_list_has(arches, a.arch) || !seccomp_filter_runs_on(hosts[h], a.arch))
				continue;
			arch_list_add(&verdict->proven, a.arch);
			ask_allowed(&a);
			if (!promises->refusals_lifted)
				ask_refused(&a);
			if (a.failed) {
				snprintf(verdict->build_error, sizeof(verdict->build_error),
				         "the filter libseccomp exported for %s cannot be run", arch_short_name(a.arch));
				seccomp_filter_free(&filter);
				return 1;
			}
		}
		seccomp_filter_free(&filter);
	}
	return verdict->break_count > 0 ? 1 : 0;
}
