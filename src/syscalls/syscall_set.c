/*
 * syscall_set: interning syscall names so that a set is a small bitmap, and
 * so that libseccomp is asked about each name once per run.
 */
#include "syscalls/syscall_set.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

void syscall_catalog_init(struct syscall_catalog *catalog, const struct arch_list *arches)
{
	memset(catalog, 0, sizeof(*catalog));
	catalog->arches = *arches;
}

int syscall_catalog_intern(struct syscall_catalog *catalog, const char *name)
{
	uint32_t slot = text_hash(name, strlen(name), 0) % CATALOG_HASH_SLOTS;

	if (strlen(name) > SYSCALL_NAME_MAX)
		return CATALOG_NOT_A_SYSCALL;
	while (catalog->slots[slot] != 0) {
		int id = catalog->slots[slot] - 1;
		if (strcmp(catalog->names[id], name) == 0)
			return id;
		slot = (slot + 1) % CATALOG_HASH_SLOTS;
	}
	if (!syscall_exists_on_any(&catalog->arches, name))
		return CATALOG_NOT_A_SYSCALL;
	if (catalog->count == SYSCALL_NAMES_MAX)
		return CATALOG_FULL;
	int id = (int)catalog->count++;
	strcpy(catalog->names[id], name);
	catalog->slots[slot] = (uint16_t)(id + 1);
	return id;
}

int syscall_catalog_find(const struct syscall_catalog *catalog, const char *name)
{
	for (uint32_t slot = text_hash(name, strlen(name), 0) % CATALOG_HASH_SLOTS; catalog->slots[slot] != 0;
	     slot = (slot + 1) % CATALOG_HASH_SLOTS)
		if (strcmp(catalog->names[catalog->slots[slot] - 1], name) == 0)
			return catalog->slots[slot] - 1;
	return -1;
}

const char *syscall_catalog_name(const struct syscall_catalog *catalog, int id)
{
	return catalog->names[id];
}

void syscall_set_add(struct syscall_set *set, int id)
{
	set->bits[id / 64] |= (uint64_t)1 << (id % 64);
}

void syscall_set_remove(struct syscall_set *set, int id)
{
	set->bits[id / 64] &= ~((uint64_t)1 << (id % 64));
}

bool syscall_set_has(const struct syscall_set *set, int id)
{
	return (set->bits[id / 64] >> (id % 64)) & 1;
}

size_t syscall_set_count(const struct syscall_set *set)
{
	size_t count = 0;

	for (size_t i = 0; i < SYSCALL_NAMES_MAX / 64; i++)
		count += (size_t)__builtin_popcountll(set->bits[i]);
	return count;
}

void syscall_set_union(struct syscall_set *into, const struct syscall_set *from)
{
	for (size_t i = 0; i < SYSCALL_NAMES_MAX / 64; i++)
		into->bits[i] |= from->bits[i];
}

size_t syscall_set_sorted_names(const struct syscall_set *set, const struct syscall_catalog *catalog,
                                const char **names)
{
	size_t count = 0;

	for (size_t id = 0; id < catalog->count; id++)
		if (syscall_set_has(set, (int)id))
			names[count++] = catalog->names[id];
	qsort(names, count, sizeof(names[0]), text_compare_strings);
	return count;
}
