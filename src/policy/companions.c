/*
 * companions: the table of syscalls that go together, from the relations
 * of the APIs that make them (the manual pages of man-pages 6.x,
 * https://man7.org/linux/man-pages/, name each relation), and the rows a
 * log calls for.
 */
#include "policy/companions.h"

#include <string.h>

/*
 * Only syscalls Docker's default profile allows without a capability and
 * that profile_set_risky_capability does not name (tests/unit checks it).
 */
const struct companion companion_table[] = {
	{ "fork vfork clone clone3", "wait4 waitid",
	  "a process that makes children must reap them (wait(2)); without it they stay zombies", true },
	{ "nanosleep clock_nanosleep", "nanosleep clock_nanosleep",
	  "sleep(3) and nanosleep(3) make either call, by C library version (glibc 2.31 and later clock_nanosleep)", false },
	{ "accept accept4", "shutdown getsockname getpeername",
	  "a server shuts connections down and asks their addresses off the tested path (shutdown(2), getpeername(2))", false },
	{ "rt_sigaction", "rt_sigsuspend rt_sigtimedwait",
	  "a program that handles signals may wait for them (sigsuspend(2), sigwaitinfo(2)), as a shell's wait does", false },
	{ "fsync fdatasync", "fsync fdatasync",
	  "a program that syncs a file uses either call, by file and C library (fsync(2))", false },
	{ "epoll_wait epoll_pwait", "epoll_wait epoll_pwait",
	  "event loops wait with either call, by C library and architecture (epoll_wait(2))", false },
	{ "poll ppoll", "poll ppoll", "poll(2) is ppoll on architectures and C libraries without poll", false },
	{ "dup2 dup3", "dup2 dup3", "dup2(3) is dup3 where the C library or architecture has no dup2", false },
};

const size_t companion_count = sizeof(companion_table) / sizeof(companion_table[0]);

/* The id of word (length bytes) in catalog, or -1. */
static int find(struct syscall_catalog *catalog, const char *word, size_t length)
{
	char name[SYSCALL_NAME_MAX + 1];

	if (length > SYSCALL_NAME_MAX)
		return -1;
	memcpy(name, word, length);
	name[length] = '\0';
	return syscall_catalog_intern(catalog, name);
}

size_t companions_missing(struct syscall_catalog *catalog, const struct syscall_set *observed,
                          const struct syscall_set *set, bool threads_only, struct companion_need *needs)
{
	size_t count = 0;

	for (size_t r = 0; r < companion_count && count < COMPANIONS_MAX; r++) {
		struct companion_need need = { &companion_table[r], -1, { 0 }, 0 };
		for (const char *p = need.row->triggers; *p && need.trigger < 0; p += strspn(p, " ")) {
			size_t length = strcspn(p, " ");
			int id = find(catalog, p, length);
			bool thread = threads_only && need.row->of_children && length >= 5 && strncmp(p, "clone", 5) == 0;
			if (id >= 0 && syscall_set_has(observed, id) && !thread)
				need.trigger = id;
			p += length;
		}
		if (need.trigger < 0)
			continue;
		for (const char *p = need.row->companions; *p; p += strspn(p, " ")) {
			size_t length = strcspn(p, " ");
			int id = find(catalog, p, length);
			if (id >= 0 && !syscall_set_has(set, id) && need.missing_count < 4)
				need.missing[need.missing_count++] = id;
			p += length;
		}
		if (need.missing_count > 0)
			needs[count++] = need;
	}
	return count;
}
