/*
 * translate: Falco's event names to kernel syscall ids.
 */
#include "syscalls/translate.h"

#include "syscalls/equivalents.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define TRANSLATE_SLOTS (2 * TRANSLATE_NAMES_MAX)

int translator_init(struct translator *translator, struct syscall_catalog *catalog, bool exact, bool with_ia32)
{
	memset(translator, 0, sizeof(*translator));
	translator->catalog = catalog;
	translator->exact = exact;
	translator->with_ia32 = with_ia32;
	translator->entries = calloc(TRANSLATE_NAMES_MAX, sizeof(translator->entries[0]));
	translator->slots = calloc(TRANSLATE_SLOTS, sizeof(translator->slots[0]));
	if (translator->entries == NULL || translator->slots == NULL) {
		translator_free(translator);
		return -1;
	}
	return 0;
}

void translator_free(struct translator *translator)
{
	if (translator == NULL)
		return;
	free(translator->entries);
	free(translator->slots);
	translator->entries = NULL;
	translator->slots = NULL;
}

/* Adds one kernel name; names missing on every target are passed over. */
static void add_kernel_name(struct syscall_catalog *catalog, const char *name, size_t len,
                            struct translation *out, bool *catalog_full)
{
	char buffer[SYSCALL_NAME_MAX + 1];
	int id;

	if (len > SYSCALL_NAME_MAX || out->count == TRANSLATE_IDS_MAX)
		return;
	memcpy(buffer, name, len);
	buffer[len] = '\0';
	id = syscall_catalog_intern(catalog, buffer);
	if (id == CATALOG_FULL && catalog_full != NULL)
		*catalog_full = true;
	if (id < 0)
		return;
	for (int i = 0; i < out->count; i++)
		if (out->ids[i] == id)
			return;
	out->ids[out->count++] = id;
}

/* Adds each name of a space-separated list; returns how many were added. */
static int add_name_list(struct syscall_catalog *catalog, const char *list, struct translation *out,
                         bool *catalog_full)
{
	int before = out->count;

	while (list != NULL && *list != '\0') {
		size_t len = strcspn(list, " ");
		add_kernel_name(catalog, list, len, out, catalog_full);
		list += len;
		list += strspn(list, " ");
	}
	return out->count - before;
}

static enum translation_kind translate_into(struct syscall_catalog *catalog, bool exact, bool with_ia32, const char *name,
                                            size_t len, struct translation *out, bool *catalog_full)
{
	const struct falco_event_name *row = syscall_names_lookup(name, len);

	out->count = 0;
	out->expanded = false;
	out->equivalent = false;
	if (row != NULL && row->own == NULL) {
		out->kind = TRANSLATION_NOT_SYSCALL;
		return out->kind;
	}
	if (row == NULL) {
		add_kernel_name(catalog, name, len, out, catalog_full);
		/* A legacy call no target architecture has: the generic one its C library makes there. */
		if (out->count == 0)
			out->equivalent = add_name_list(catalog, equivalents_of(name, len), out, catalog_full) > 0;
		out->own_count = out->direct_count = out->count;
	} else {
		add_kernel_name(catalog, row->own, strlen(row->own), out, catalog_full);
		if (out->count == 0)
			out->equivalent =
				add_name_list(catalog, equivalents_of(row->own, strlen(row->own)), out, catalog_full) > 0;
		out->own_count = out->count;
		if (!exact)
			out->expanded = add_name_list(catalog, row->family, out, catalog_full) > 0;
		out->direct_count = out->count;
		if (with_ia32)
			add_name_list(catalog, row->ia32, out, catalog_full);
	}
	out->kind = out->count > 0 ? TRANSLATION_SYSCALLS : TRANSLATION_UNKNOWN;
	return out->kind;
}

const struct translation *translator_get(struct translator *translator, const char *name, size_t len,
                                         struct location where)
{
	struct translation *entry;
	uint32_t slot;

	if (len > SYSCALL_NAME_MAX)
		len = SYSCALL_NAME_MAX;
	slot = text_hash(name, len, 0) % TRANSLATE_SLOTS;
	while (translator->slots[slot] != 0) {
		entry = &translator->entries[translator->slots[slot] - 1];
		if (entry->falco_length == len && text_same(entry->falco, name, len)) {
			entry->events++;
			return entry;
		}
		slot = (slot + 1) % TRANSLATE_SLOTS;
	}
	if (translator->count < TRANSLATE_NAMES_MAX) {
		entry = &translator->entries[translator->count];
		translator->slots[slot] = (uint16_t)(++translator->count);
	} else {
		entry = &translator->scratch;
		translator->names_not_remembered++;
	}
	memset(entry, 0, sizeof(*entry));
	memcpy(entry->falco, name, len);
	entry->falco_length = len;
	entry->events = 1;
	entry->first = where;
	translate_into(translator->catalog, translator->exact, translator->with_ia32, name, len, entry,
	               &translator->catalog_full);
	for (int i = 0; i < entry->count; i++) {
		if (i < entry->direct_count) {
			syscall_set_add(&translator->direct, entry->ids[i]);
			syscall_set_remove(&translator->aliases, entry->ids[i]);
		} else if (!syscall_set_has(&translator->direct, entry->ids[i])) {
			syscall_set_add(&translator->aliases, entry->ids[i]);
		}
	}
	return entry;
}

void translator_absorb(struct translator *translator, const struct translation *entry, uint64_t line_offset)
{
	struct location first = entry->first;
	struct translation *mine;

	first.line += line_offset;
	/* Made as a first sight would make it, so the catalog gets its names in the same order. */
	mine = (struct translation *)translator_get(translator, entry->falco, strlen(entry->falco), first);
	mine->events += entry->events - 1;
}

size_t translator_count_observed(const struct translator *translator, const struct syscall_set *set)
{
	struct syscall_set observed = *set;

	for (size_t i = 0; i < SYSCALL_NAMES_MAX / 64; i++)
		observed.bits[i] &= ~translator->aliases.bits[i];
	return syscall_set_count(&observed);
}
