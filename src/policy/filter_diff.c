/*
 * filter_diff: two profiles' filters asked the same calls.
 */
#include "policy/filter_diff.h"

#include "policy/docker_default.h"

#include <seccomp.h>
#include <stdio.h>
#include <string.h>

/* What a call meets: runs (ALLOW, LOG), refused, or runs only under a tracer or supervisor. */
static int verdict_class(uint32_t action)
{
	uint32_t kind = action & 0xffff0000u;
	if (kind == 0x7fff0000u || kind == 0x7ffc0000u)
		return 1;
	if (kind == 0x7ff00000u || kind == 0x7fc00000u)
		return 2;
	return 0;
}

static bool is_narrowing(const struct verdict_change *change)
{
	return verdict_class(change->new_action) == 0;
}

struct comparing {
	const struct seccomp_filter *old, *new;
	uint32_t arch;
	struct filter_diff *out;
	bool failed;
};

static void compare(struct comparing *c, const char *name, const uint64_t args[6], const char *shown)
{
	uint32_t before, after;
	bool exists;

	if (seccomp_filter_answer(c->old, c->arch, name, args, &exists, &before) != 0 ||
	    seccomp_filter_answer(c->new, c->arch, name, args, &exists, &after) != 0) {
		c->failed = true;
		return;
	}
	if (!exists || verdict_class(before) == verdict_class(after))
		return;
	bool widened = verdict_class(after) != 0 && verdict_class(before) == 0;
	if (widened)
		c->out->widened++;
	else
		c->out->narrowed++;
	size_t at = c->out->kept;
	if (at == FILTER_DIFF_KEPT) {
		/* Full: a widening change takes the place of a narrowing one. */
		if (!widened)
			return;
		while (at > 0 && !is_narrowing(&c->out->changes[at - 1]))
			at--;
		if (at == 0)
			return;
		at--;
	} else {
		c->out->kept++;
	}
	struct verdict_change *change = &c->out->changes[at];
	change->arch = c->arch;
	change->old_action = before;
	change->new_action = after;
	snprintf(change->call, sizeof(change->call), "%s", shown);
}

static void compare_plain(const char *name, void *context)
{
	static const uint64_t zero[6];
	char shown[64];

	/* clone, socket and personality are asked with their arguments below. */
	if (strcmp(name, "clone") == 0 || strcmp(name, "socket") == 0 || strcmp(name, "personality") == 0)
		return;
	snprintf(shown, sizeof(shown), "%s()", name);
	compare(context, name, zero, shown);
}

static void compare_arguments(struct comparing *c)
{
	bool s390 = arch_clone_flags_arg(c->arch) == 1;
	uint64_t args[6];
	char shown[64];

	memset(args, 0, sizeof(args));
	args[s390 ? 1 : 0] = 0x3d0f00u;
	args[s390 ? 0 : 1] = 0x7f1234567000ull;
	compare(c, "clone", args, "clone(a thread)");
	for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++) {
		args[s390 ? 1 : 0] = docker_namespace_flags[i].value | 17u;
		snprintf(shown, sizeof(shown), "clone(%s)", docker_namespace_flags[i].name);
		compare(c, "clone", args, shown);
	}
	for (unsigned family = 0; family < 64; family++) {
		const char *family_name = docker_socket_family_name(family);
		memset(args, 0, sizeof(args));
		args[0] = family;
		if (family_name != NULL)
			snprintf(shown, sizeof(shown), "socket(%s)", family_name);
		else
			snprintf(shown, sizeof(shown), "socket(%u)", family);
		compare(c, "socket", args, shown);
	}
	for (unsigned bit = 0; bit <= 32; bit++) {
		memset(args, 0, sizeof(args));
		args[0] = bit == 32 ? 0 : 1ull << bit;
		snprintf(shown, sizeof(shown), "personality(0x%llx)", (unsigned long long)args[0]);
		compare(c, "personality", args, shown);
	}
}

int filter_diff_profiles(const cJSON *old, const cJSON *new, const struct arch_list *arches,
                         const struct rule_context *ctx, struct filter_diff *out)
{
	uint32_t hosts[ARCH_MAX];
	size_t host_count = seccomp_filter_hosts(arches, hosts, ARCH_MAX);

	memset(out, 0, sizeof(*out));
	for (size_t h = 0; h < host_count; h++) {
		struct seccomp_filter before, after;
		char message[400];
		if (seccomp_filter_build(old, hosts[h], ctx, &before, message, sizeof(message)) != 0) {
			snprintf(out->build_error, sizeof(out->build_error), "the old profile: %s", message);
			return -1;
		}
		if (seccomp_filter_build(new, hosts[h], ctx, &after, message, sizeof(message)) != 0) {
			seccomp_filter_free(&before);
			snprintf(out->build_error, sizeof(out->build_error), "the new profile: %s", message);
			return -1;
		}
		for (size_t i = 0; i < arches->count; i++) {
			struct comparing c = { &before, &after, arches->tokens[i], out, false };
			if (!seccomp_filter_runs_on(hosts[h], c.arch))
				continue;
			arch_list_add(&out->compared, c.arch);
			syscall_names_each(c.arch, compare_plain, &c);
			compare_arguments(&c);
			if (c.failed)
				snprintf(out->build_error, sizeof(out->build_error), "a filter for %s cannot be run",
				         arch_short_name(c.arch));
		}
		seccomp_filter_free(&before);
		seccomp_filter_free(&after);
		if (out->build_error[0] != '\0')
			return -1;
	}
	/* Widening changes first, each kind in the order asked. */
	for (size_t i = 1; i < out->kept; i++)
		for (size_t j = i; j > 0 && is_narrowing(&out->changes[j - 1]) && !is_narrowing(&out->changes[j]); j--) {
			struct verdict_change swap = out->changes[j];
			out->changes[j] = out->changes[j - 1];
			out->changes[j - 1] = swap;
		}
	return 0;
}
