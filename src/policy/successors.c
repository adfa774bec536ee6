/*
 * successors: the table of newer syscalls answered with ENOSYS, and the
 * vDSO's syscalls per architecture. Each row says who tries the newer call
 * first and where that was read.
 */
#include "policy/successors.h"

#include "syscalls/syscall_names.h"

#include <seccomp.h>
#include <string.h>

/*
 * Only pairs whose caller really falls back when the newer call answers
 * ENOSYS. Sources are files of https://sourceware.org/git/glibc.git and
 * https://github.com/opencontainers/runc at the versions named.
 */
const struct successor successor_table[] = {
	{ "clone3", "clone", "glibc 2.34 (pthread_create, posix_spawn, fork)",
	  "glibc sysdeps/unix/sysv/linux/clone-internal.c: __clone_internal falls back to clone on ENOSYS; "
	  "Docker's default answers clone3 with ENOSYS for the same reason (moby #42680)", false },
	{ "faccessat2", "faccessat", "glibc 2.33 (faccessat)",
	  "glibc sysdeps/unix/sysv/linux/faccessat.c: faccessat2 first, faccessat on ENOSYS (runc #2750)", false },
	{ "close_range", "close", "glibc 2.34 (closefrom)",
	  "glibc sysdeps/unix/sysv/linux/closefrom.c: close_range first, closing each descriptor of "
	  "/proc/self/fd on failure; GLib's gspawn.c also takes EPERM", true },
	{ "openat2", "openat", "runc 1.1 (libcontainer/utils, cgroups), systemd 248",
	  "runc libcontainer/cgroups/file.go: openat2 with RESOLVE_ flags, openat when it answers ENOSYS", false },
	{ "fchmodat2", "fchmodat", "glibc 2.39 (fchmodat with AT_SYMLINK_NOFOLLOW)",
	  "glibc sysdeps/unix/sysv/linux/fchmodat.c: fchmodat2 first, the O_PATH emulation on ENOSYS "
	  "(systemd #31469)", false },
	{ "statx", "newfstatat", "glibc 2.28 (statx), coreutils 8.30 (stat, ls)",
	  "glibc sysdeps/unix/sysv/linux/statx.c: statx_generic (fstatat) on ENOSYS", false },
	{ "preadv2", "preadv", "glibc 2.26 (preadv2 without flags)",
	  "glibc sysdeps/unix/sysv/linux/preadv2.c: preadv when preadv2 answers ENOSYS and flags are 0", false },
	{ "pwritev2", "pwritev", "glibc 2.26 (pwritev2 without flags)",
	  "glibc sysdeps/unix/sysv/linux/pwritev2.c: pwritev when pwritev2 answers ENOSYS and flags are 0", false },
	{ "rseq", "set_robust_list", "glibc 2.35 (every new thread registers rseq)",
	  "glibc sysdeps/nptl/dl-tls_init_tp.c and nptl/pthread_create.c: a failed registration, whatever "
	  "the error, leaves rseq unused", true },
};

const size_t successor_count = sizeof(successor_table) / sizeof(successor_table[0]);

size_t successors_wanted(const struct syscall_catalog *catalog, const struct syscall_set *set,
                         const struct successor **rows)
{
	size_t count = 0;

	for (size_t i = 0; i < successor_count && count < SUCCESSORS_MAX; i++) {
		int older = syscall_catalog_find(catalog, successor_table[i].older);
		int newer = syscall_catalog_find(catalog, successor_table[i].newer);
		bool exists = false;
		if (older < 0 || !syscall_set_has(set, older) || (newer >= 0 && syscall_set_has(set, newer)))
			continue;
		for (size_t a = 0; a < catalog->arches.count && !exists; a++)
			exists = seccomp_syscall_resolve_name_arch(catalog->arches.tokens[a], successor_table[i].newer) >= 0;
		if (exists)
			rows[count++] = &successor_table[i];
	}
	return count;
}

const struct successor *successor_of(const char *newer)
{
	for (size_t i = 0; i < successor_count; i++)
		if (strcmp(successor_table[i].newer, newer) == 0)
			return &successor_table[i];
	return NULL;
}

