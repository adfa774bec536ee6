/*
 * equivalents: what a C library calls on an architecture that lacks a
 * syscall: openat for open, newfstatat for stat, dup3 for dup2, ... The
 * kernel's include/uapi/asm-generic/unistd.h leaves the legacy calls out of
 * the generic table (aarch64, riscv64, loongarch64: __ARCH_WANT_SYSCALL_NO_AT,
 * _NO_FLAGS, _DEPRECATED), so a log recorded on x86_64 names calls that an
 * arm64 build of the same program never makes, and lacks the ones it makes.
 */
#ifndef F2S_EQUIVALENTS_H
#define F2S_EQUIVALENTS_H

#include "syscalls/syscall_set.h"

#include <stddef.h>
#include <stdint.h>

/* The generic calls (space-separated) that stand for legacy, or NULL when no row names it. */
const char *equivalents_of(const char *legacy, size_t length);

struct equivalent {
	const char *legacy;   /* the call some architectures lack */
	const char *generic;  /* space-separated: what the C library calls there instead */
};

extern const struct equivalent equivalent_table[];
extern const size_t equivalent_count;

/* One name an architecture needs that set does not allow, and which of the catalog's architectures need it. */
struct equivalent_need {
	const char *name;     /* a generic call (the catalog's) */
	uint32_t arches;      /* bit i: catalog->arches.tokens[i] needs it */
	const char *legacy;   /* the first observed legacy call it stands for */
};

/* The most needs one set can give. */
#define EQUIVALENT_NEEDS_MAX 64

/*
 * For each call of set that an architecture of the catalog lacks, the
 * equivalents that architecture has and set does not allow: into needs
 * (room for EQUIVALENT_NEEDS_MAX), in table order; returns how many. The
 * equivalents are interned in catalog.
 */
size_t equivalents_needed(struct syscall_catalog *catalog, const struct syscall_set *set,
                          struct equivalent_need *needs);

#endif
