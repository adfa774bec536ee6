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
	/*
	 * Peers' names and errors: nginx reads SO_ERROR when a client aborts
	 * (src/event/ngx_event_connect.c, ngx_http_upstream.c), redis names its
	 * clients' addresses in CLIENT LIST (src/anet.c, anetFdToString).
	 */
	{ "accept accept4", "shutdown getsockname getpeername getsockopt",
	  "a server shuts connections down and asks their addresses and pending errors off the tested path "
	  "(shutdown(2), getpeername(2), getsockopt(2) SO_ERROR)", false },
	/*
	 * A file server sends files with sendfile once the traffic asks for a
	 * file: Go's net/http (src/net/sendfile_linux.go) and nginx's
	 * "sendfile on" (src/os/unix/ngx_linux_sendfile_chain.c); refused, Go
	 * falls back to read and write without a word.
	 */
	{ "accept accept4", "sendfile",
	  "a server may send files with sendfile(2) where the tests sent none; refused, Go falls back to read and "
	  "write without a word", false },
	/*
	 * A program that syncs a file puts it in place atomically: a temporary
	 * file written, synced, renamed over the old one, removed on failure
	 * (redis's rdbSave in src/rdb.c, SQLite's journal, rename(2)).
	 */
	{ "fsync fdatasync", "rename renameat unlink unlinkat",
	  "a program that syncs a file usually renames it into place and removes a temporary one (rename(2); redis's "
	  "rdb.c, SQLite)", false },
	/* The C library chooses the call: glibc's rename, unlink and mkdir use the *at calls on architectures without the old ones. */
	{ "rename renameat renameat2", "rename renameat renameat2",
	  "rename(3) is renameat or renameat2 by C library and architecture (rename(2))", false },
	{ "unlink unlinkat", "unlink unlinkat", "unlink(3) and remove(3) are unlinkat by C library and architecture", false },
	{ "mkdir mkdirat", "mkdir mkdirat", "mkdir(3) is mkdirat by C library and architecture (mkdir(2))", false },
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
