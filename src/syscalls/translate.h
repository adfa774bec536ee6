/*
 * translate: from a Falco event name to the kernel syscalls a profile must
 * allow for it, remembered per name so each name is worked out once.
 */
#ifndef F2S_TRANSLATE_H
#define F2S_TRANSLATE_H

#include "input/location.h"
#include "syscalls/syscall_set.h"

#include <stdbool.h>
#include <stdint.h>

/* Distinct event names remembered; further names are counted only. */
#define TRANSLATE_NAMES_MAX 4096

/* The most kernel names one event can stand for (dup: dup, dup2, dup3). */
#define TRANSLATE_IDS_MAX 6

enum translation_kind {
	TRANSLATION_SYSCALLS,    /* ids holds the syscalls to allow */
	TRANSLATION_NOT_SYSCALL, /* one of Falco's own events */
	TRANSLATION_UNKNOWN      /* names no syscall of the target architectures */
};

struct translation {
	char falco[SYSCALL_NAME_MAX + 1]; /* the event name as Falco wrote it */
	size_t falco_length;              /* its bytes */
	enum translation_kind kind;       /* what the name stands for */
	int ids[TRANSLATE_IDS_MAX];       /* catalog ids, for TRANSLATION_SYSCALLS */
	int count;                        /* ids in use */
	int own_count;                    /* the first ids: the name's own (or its generic equivalents) */
	int direct_count;                 /* the first ids: the name's own and family; the rest are 32-bit aliases */
	bool expanded;                    /* family members were added */
	bool equivalent;                  /* no target has the call: its generic equivalents stand for it */
	uint64_t events;                  /* events seen with this name */
	struct location first;            /* where the name was first seen */
};

struct translator {
	struct syscall_catalog *catalog; /* borrowed */
	bool exact;                      /* leave out family members */
	bool with_ia32;                  /* add the 32-bit x86 names too */
	struct translation *entries;     /* owned, TRANSLATE_NAMES_MAX of them */
	size_t count;                    /* entries in use */
	uint16_t *slots;                 /* owned: entry index + 1 by hash */
	struct translation scratch;      /* for names beyond the limit */
	uint64_t names_not_remembered;   /* events whose name was beyond the limit */
	bool catalog_full;               /* a name was lost because the catalog is full */
	struct syscall_set direct;       /* ids that events stand for themselves (own name or family) */
	struct syscall_set aliases;      /* ids added only as 32-bit x86 aliases of other names */
};

/*
 * Counts what another translator saw of entry's name, first at line_offset
 * plus its first line: the way a parallel pass puts its parts together.
 */
void translator_absorb(struct translator *translator, const struct translation *entry, uint64_t line_offset);

/* How many of set's syscalls were observed as such, not added as 32-bit aliases. */
size_t translator_count_observed(const struct translator *translator, const struct syscall_set *set);

/* Returns 0, or -1 when memory runs out. */
int translator_init(struct translator *translator, struct syscall_catalog *catalog, bool exact, bool with_ia32);

/* Frees what the translator owns. Accepts NULL. */
void translator_free(struct translator *translator);

/*
 * Works out what name (len bytes: a well-formed name or "<unknown>") stands
 * for, counting one event seen at where. The result is owned by the
 * translator and stays valid until translator_free.
 */
const struct translation *translator_get(struct translator *translator, const char *name, size_t len,
                                         struct location where);


#endif
