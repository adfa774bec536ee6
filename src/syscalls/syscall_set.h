/*
 * syscall_set: kernel syscall names interned in a catalog, and sets of them.
 */
#ifndef F2S_SYSCALL_SET_H
#define F2S_SYSCALL_SET_H

#include "syscalls/syscall_names.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CATALOG_HASH_SLOTS (2 * SYSCALL_NAMES_MAX)

/*
 * The kernel names seen in one run that exist on at least one target
 * architecture, each with a small number (its id) that sets are made of.
 */
struct syscall_catalog {
	struct arch_list arches;                            /* the target architectures */
	size_t count;                                       /* names interned */
	char names[SYSCALL_NAMES_MAX][SYSCALL_NAME_MAX + 1]; /* by id */
	uint16_t slots[CATALOG_HASH_SLOTS];                 /* id + 1 by hash, 0 when free */
};

enum catalog_result {
	CATALOG_NOT_A_SYSCALL = -1, /* the name exists on none of the architectures */
	CATALOG_FULL = -2           /* SYSCALL_NAMES_MAX names already */
};

struct syscall_set {
	uint64_t bits[SYSCALL_NAMES_MAX / 64]; /* bit id is set when id is in */
};

void syscall_catalog_init(struct syscall_catalog *catalog, const struct arch_list *arches);

/*
 * Returns the id of a kernel syscall name, interning it the first time, or
 * a negative enum catalog_result. Names are checked with libseccomp.
 */
int syscall_catalog_intern(struct syscall_catalog *catalog, const char *name);

/* The id of a name already interned, or -1; never interns. */
int syscall_catalog_find(const struct syscall_catalog *catalog, const char *name);

/* The name of id; owned by the catalog. */
const char *syscall_catalog_name(const struct syscall_catalog *catalog, int id);

void syscall_set_add(struct syscall_set *set, int id);
void syscall_set_remove(struct syscall_set *set, int id);
bool syscall_set_has(const struct syscall_set *set, int id);
size_t syscall_set_count(const struct syscall_set *set);
void syscall_set_union(struct syscall_set *into, const struct syscall_set *from);

/*
 * Fills names (room for SYSCALL_NAMES_MAX pointers into the catalog) with
 * the set's names sorted by strcmp; returns how many.
 */
size_t syscall_set_sorted_names(const struct syscall_set *set, const struct syscall_catalog *catalog,
                                const char **names);

#endif
