/*
 * syscall_names: Falco's event names, the kernel's syscall names, and the
 * target architectures a profile is checked against.
 */
#ifndef F2S_SYSCALL_NAMES_H
#define F2S_SYSCALL_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most architectures one profile can name (libseccomp knows 19). */
#define ARCH_MAX 24

/* The most distinct kernel syscall names one run can hold. */
#define SYSCALL_NAMES_MAX 1024

/* The longest syscall name accepted (the kernel's longest is 22). */
#define SYSCALL_NAME_MAX 64

struct arch_list {
	uint32_t tokens[ARCH_MAX]; /* libseccomp SCMP_ARCH_* tokens, no repeats */
	size_t count;              /* number of tokens in use */
};

/*
 * A profile's archMap: for each main architecture, the ones its processes
 * may also use (x86_64: x86 and x32). A runtime keeps the entry of the
 * architecture it runs on.
 */
struct arch_map_entry {
	uint32_t arch;           /* the main architecture */
	struct arch_list subs;   /* its sub-architectures */
};

struct arch_map {
	struct arch_map_entry entries[ARCH_MAX]; /* in arch_docker_name's order */
	size_t count;                            /* entries in use */
};

enum falco_name_kind {
	FALCO_NAME_SYSCALL,     /* an event that stands for kernel syscalls */
	FALCO_NAME_NOT_SYSCALL, /* one of Falco's own events: never written */
	FALCO_NAME_GENERIC      /* not in the table: taken as the kernel's name */
};

/* One row of the translation table: see syscall_names.c for the source. */
struct falco_event_name {
	const char *falco;  /* the name Falco writes in evt.type/syscall.type */
	const char *own;    /* the kernel syscall it names, NULL if none */
	const char *family; /* space-separated syscalls older Falco also reported
	                       under this name; not added with --exact */
	const char *ia32;   /* space-separated 32-bit x86 names that libs 0.14
	                       and later report under this name */
};

/* The whole table, for tests and documentation; count in *count. */
const struct falco_event_name *syscall_names_table(size_t *count);

/*
 * Looks up a Falco event name (len bytes, not NUL-terminated). Returns the
 * table row, or NULL when the name is not in the table.
 */
const struct falco_event_name *syscall_names_lookup(const char *name, size_t len);

/* Tells whether a space-separated list of names (or NULL) holds name. */
bool syscall_names_list_holds(const char *list, const char *name);

/* Tells whether name is one of the 32-bit x86 names the table folds into a 64-bit one (fstat64, setuid32). */
bool syscall_names_is_ia32_alias(const char *name);

/*
 * Tells whether name is spelled like a syscall: 1 to SYSCALL_NAME_MAX bytes
 * of lower-case letters, digits and '_'.
 */
bool syscall_names_well_formed(const char *name, size_t len);

/*
 * Parses a comma-separated list of architectures ("x86_64", "SCMP_ARCH_X86_64"
 * or "native") into list. Returns false and points *bad at the offending
 * item's start (in spec) when an item is unknown or the list is empty.
 */
bool arch_list_parse(const char *spec, struct arch_list *list, const char **bad, size_t *bad_len);

/* The default list: this host's architectures as Docker's own profile maps them (x86_64, x86, x32 on amd64). */
void arch_list_default(struct arch_list *list);

/*
 * The archMap of Docker's default profile for every architecture it lists
 * that libseccomp can filter alone (moby profiles/seccomp/default.json):
 * x86_64 with x86 and x32, aarch64 with arm, ppc64le, s390x with s390,
 * riscv64; all gets every one of them. For --arch all-supported.
 */
void arch_map_docker_default(struct arch_map *map, struct arch_list *all);

/* Adds token unless present; false when the list is full. */
bool arch_list_add(struct arch_list *list, uint32_t token);

/* Tells whether list holds token. */
bool arch_list_has(const struct arch_list *list, uint32_t token);

/*
 * Tells whether one seccomp filter can hold every architecture of list
 * (libseccomp refuses to mix byte orders). When it cannot, *bad is the
 * first architecture that does not fit with those before it.
 */
bool arch_list_loadable(const struct arch_list *list, uint32_t *bad);

/* Writes the list as "x86_64, x86, x32" into text. */
void arch_list_describe(const struct arch_list *list, char *text, size_t size);

/* Sorts the list into the order of arch_docker_name's table. */
void arch_list_sort(struct arch_list *list);

/* "SCMP_ARCH_X86_64" for a token, or NULL; the string is static. */
const char *arch_docker_name(uint32_t token);

/* "x86_64" for a token, or NULL; the string is static. */
const char *arch_short_name(uint32_t token);

/* Every architecture's short name, in the table's order, as "x86_64, x86, ...", into out (size bytes). */
void arch_name_list(char *out, size_t size);

/* "amd64" for a token: moby's spelling in includes.arches; static, or NULL. */
const char *arch_moby_name(uint32_t token);

/* The architecture whose kernel runs token's processes: token itself, or its 64-bit host (x86_64 for x86). */
uint32_t arch_host(uint32_t token);

/* The argument clone's flags are in on token: 0, or 1 (s390, s390x). */
unsigned arch_clone_flags_arg(uint32_t token);

/* ENOSYS's number on token: 38, or 89 on mips. */
unsigned arch_enosys(uint32_t token);

/* The calls token's vDSO exports, space-separated ("" when none is listed). */
const char *arch_vdso(uint32_t token);

/* Tells whether some architecture's vDSO exports name. */
bool arch_in_vdso(const char *name);

/*
 * moby's names (includes.arches) of the architectures keep says yes to,
 * each once, into names (room for room); returns how many.
 */
size_t arch_moby_names_where(bool (*keep)(uint32_t token), const char **names, size_t room);

/* Tells whether libseccomp filters token's socket only through socketcall, whose arguments it cannot read. */
bool arch_socket_multiplexed(uint32_t token);

/* Token for "SCMP_ARCH_X86_64" or "x86_64"; 0 when unknown. */
uint32_t arch_from_name(const char *name, size_t len);

/* Tells whether the kernel syscall name exists on architecture token. */
bool syscall_exists_on(uint32_t token, const char *name);

/* Tells whether the kernel syscall name exists on any of list's architectures. */
bool syscall_exists_on_any(const struct arch_list *list, const char *name);

/* Called with each syscall name of an architecture; name is borrowed for the call. */
typedef void syscall_name_fn(const char *name, void *context);

/*
 * Calls fn with every name libseccomp knows on architecture token, in
 * number order; returns how many, or -1 when memory ran out.
 */
long syscall_names_each(uint32_t token, syscall_name_fn *fn, void *context);

#endif
