/*
 * equivalents: the legacy calls and their generic forms, one row per
 * legacy call, from the kernel's grouping in include/uapi/asm-generic/unistd.h
 * (Linux 6.1, https://git.kernel.org: __ARCH_WANT_SYSCALL_NO_AT,
 * __ARCH_WANT_SYSCALL_NO_FLAGS, __ARCH_WANT_SYSCALL_DEPRECATED and the
 * calls the generic table never had) and what glibc's generic
 * sysdeps/unix/sysv/linux wrappers call where the legacy one is missing.
 */
#include "syscalls/equivalents.h"

#include <seccomp.h>
#include <string.h>

const struct equivalent equivalent_table[] = {
	{ "open", "openat" },          { "creat", "openat" },
	{ "stat", "newfstatat statx" }, { "lstat", "newfstatat statx" },
	{ "access", "faccessat faccessat2" },
	{ "poll", "ppoll" },           { "select", "pselect6" },
	{ "dup2", "dup3" },            { "pipe", "pipe2" },
	{ "epoll_wait", "epoll_pwait" }, { "epoll_create", "epoll_create1" },
	{ "mkdir", "mkdirat" },        { "mknod", "mknodat" },
	{ "rmdir", "unlinkat" },       { "unlink", "unlinkat" },
	{ "rename", "renameat renameat2" },
	{ "link", "linkat" },          { "symlink", "symlinkat" },
	{ "readlink", "readlinkat" },
	{ "chmod", "fchmodat" },       { "chown", "fchownat" },   { "lchown", "fchownat" },
	{ "utime", "utimensat" },      { "utimes", "utimensat" }, { "futimesat", "utimensat" },
	{ "fork", "clone" },           { "vfork", "clone" },
	{ "getdents", "getdents64" },
	{ "eventfd", "eventfd2" },     { "signalfd", "signalfd4" }, { "inotify_init", "inotify_init1" },
	{ "alarm", "setitimer" },      { "time", "clock_gettime" },
	{ "pause", "rt_sigprocmask rt_sigsuspend" },
	{ "getpgrp", "getpgid" },
};

const size_t equivalent_count = sizeof(equivalent_table) / sizeof(equivalent_table[0]);

/* The need for name in needs, added when new; NULL when needs is full. */
static struct equivalent_need *need_for(struct equivalent_need *needs, size_t *count, const char *name,
                                        const char *legacy)
{
	for (size_t i = 0; i < *count; i++)
		if (strcmp(needs[i].name, name) == 0)
			return &needs[i];
	if (*count == EQUIVALENT_NEEDS_MAX)
		return NULL;
	needs[*count] = (struct equivalent_need){ name, 0, legacy };
	return &needs[(*count)++];
}

size_t equivalents_needed(struct syscall_catalog *catalog, const struct syscall_set *set,
                          struct equivalent_need *needs)
{
	size_t count = 0;

	for (size_t r = 0; r < equivalent_count; r++) {
		const struct equivalent *row = &equivalent_table[r];
		int id = syscall_catalog_find(catalog, row->legacy);
		if (id < 0 || !syscall_set_has(set, id))
			continue;
		for (size_t a = 0; a < catalog->arches.count && a < 32; a++) {
			uint32_t token = catalog->arches.tokens[a];
			if (seccomp_syscall_resolve_name_arch(token, row->legacy) >= 0)
				continue;
			for (const char *p = row->generic; *p; p += strspn(p, " ")) {
				size_t length = strcspn(p, " ");
				char name[32];
				if (length >= sizeof(name))
					break;
				memcpy(name, p, length);
				name[length] = '\0';
				p += length;
				int have = syscall_catalog_intern(catalog, name);
				if (have < 0 || seccomp_syscall_resolve_name_arch(token, name) < 0 || syscall_set_has(set, have))
					continue;
				struct equivalent_need *need = need_for(needs, &count, syscall_catalog_name(catalog, have),
				                                        row->legacy);
				if (need != NULL)
					need->arches |= 1u << a;
			}
		}
	}
	return count;
}

const char *equivalents_of(const char *legacy, size_t length)
{
	for (size_t r = 0; r < equivalent_count; r++)
		if (strlen(equivalent_table[r].legacy) == length && memcmp(equivalent_table[r].legacy, legacy, length) == 0)
			return equivalent_table[r].generic;
	return NULL;
}
