#include "syscalls/translate.h"
#include "test.h"

#include <seccomp.h>
#include <stdlib.h>

static struct syscall_catalog catalog;

static void setup(const char *arches_spec)
{
	struct arch_list arches;
	const char *bad;
	size_t bad_len;
	arch_list_parse(arches_spec, &arches, &bad, &bad_len);
	syscall_catalog_init(&catalog, &arches);
}

/* What a fresh translator makes of name, with or without --exact, into *t. */
static enum translation_kind translate(bool exact, const char *name, struct translation *t)
{
	struct translator translator;
	struct location where = { 0, 1 };

	if (translator_init(&translator, &catalog, exact, true) != 0)
		return TRANSLATION_UNKNOWN;
	*t = *translator_get(&translator, name, strlen(name), where);
	translator_free(&translator);
	return t->kind;
}

static int has(const struct translation *t, const char *name)
{
	for (int i = 0; i < t->count; i++)
		if (strcmp(syscall_catalog_name(&catalog, t->ids[i]), name) == 0)
			return 1;
	return 0;
}

static void translate_should_expand_families_unless_exact(void)
{
	struct translation t;
	setup("x86_64");
	CHECK(translate(false, "dup", &t) == TRANSLATION_SYSCALLS);
	CHECK(t.count == 3 && has(&t, "dup") && has(&t, "dup2") && has(&t, "dup3") && t.expanded);
	CHECK(translate(true, "dup", &t) == TRANSLATION_SYSCALLS);
	CHECK(t.count == 1 && has(&t, "dup") && !t.expanded);
}

static void translate_should_add_32_bit_names_only_where_they_exist(void)
{
	struct translation t;
	setup("x86_64");
	CHECK(translate(false, "setuid", &t) == TRANSLATION_SYSCALLS);
	CHECK(t.count == 1 && has(&t, "setuid"));
	setup("x86_64,x86");
	CHECK(translate(false, "setuid", &t) == TRANSLATION_SYSCALLS);
	CHECK(t.count == 2 && has(&t, "setuid32"));
}

static void translate_should_drop_events_that_are_not_syscalls(void)
{
	struct translation t;
	setup("x86_64");
	CHECK(translate(false, "procexit", &t) == TRANSLATION_NOT_SYSCALL);
	CHECK(translate(false, "<unknown>", &t) == TRANSLATION_NOT_SYSCALL);
	CHECK(translate(false, "nosuchcall", &t) == TRANSLATION_UNKNOWN);
	CHECK(translate(false, "open", &t) == TRANSLATION_SYSCALLS);
	setup("aarch64");
	CHECK(translate(false, "arch_prctl", &t) == TRANSLATION_UNKNOWN);
	/* aarch64 has no open: its C library makes openat, which stands for it. */
	CHECK(translate(false, "open", &t) == TRANSLATION_SYSCALLS && t.equivalent && has(&t, "openat"));
}

static void translator_should_count_events_and_keep_the_first_place(void)
{
	struct translator tr;
	struct location first = { 0, 10 }, later = { 1, 20 };
	setup("x86_64");
	CHECK(translator_init(&tr, &catalog, false, true) == 0);
	const struct translation *a = translator_get(&tr, "pread", 5, first);
	const struct translation *b = translator_get(&tr, "pread", 5, later);
	CHECK(a == b && b->events == 2 && b->first.line == 10);
	CHECK(has(b, "pread64") && b->count == 1);
	translator_free(&tr);
	translator_free(NULL);
}

const struct test_case translate_tests[] = {
	TEST_CASE(translate_should_expand_families_unless_exact),
	TEST_CASE(translate_should_add_32_bit_names_only_where_they_exist),
	TEST_CASE(translate_should_drop_events_that_are_not_syscalls),
	TEST_CASE(translator_should_count_events_and_keep_the_first_place),
	{ NULL, NULL },
};
