/*
 * runtime_baseline: the container runtimes, and the data behind --runtime:
 * the process names Falco shows for each, and the syscalls a container
 * runtime makes after it has loaded the seccomp filter and before it
 * executes the workload (runc: libcontainer/standard_init_linux.go,
 * https://github.com/opencontainers/runc). Where each list comes from is
 * said beside it; README.md ("The container runtime's own setup") says
 * how they were checked, and tests/e2e_runc.sh checks the runc list under
 * Debian 12's runc 1.1.5 on every make check.
 */
#include "policy/runtime_baseline.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/*
 * The proc.name Falco shows for each runtime's processes. A stage name is
 * one the runtime sets itself with prctl(PR_SET_NAME); libsinsp does not
 * follow such renames, so a stage's Go code keeps the name of the stage it
 * was forked from (runc's init shows as runc:[1:CHILD]). Sources:
 * - runc 1.1.5, libcontainer/nsenter/nsexec.c (prctl names of its three
 *   stages), https://github.com/opencontainers/runc/blob/v1.1.5/libcontainer/nsenter/nsexec.c,
 *   and the recordings by Falco 0.40.0 of runc 1.1.5 under podman 4.3.1
 *   (tests/data/real-falco/falco-0.40.0-nginx.jsonl.gz: runc, runc:[0:PARENT],
 *   runc:[1:CHILD], runc:[2:INIT]);
 * - crun 1.8.1, the same recordings (falco-0.40.0-nginx-crun.jsonl.gz): crun
 *   renames no stage, every process is crun until the workload's execve;
 * - youki 0.x, crates/libcontainer/src/process/container_main_process.rs
 *   (prctl::set_name "youki:[1:INTER]"; the init process "youki:[2:INIT]"),
 *   https://github.com/youki-dev/youki;
 * - gVisor's runsc (runsc/sandbox/sandbox.go names its processes by argv
 *   only; the kernel's comm, which Falco shows, stays runsc),
 *   https://github.com/google/gvisor. Under gVisor the workload's syscalls
 *   are served by the sandbox and never reach the host as the workload's.
 * youki and runsc have no baseline of their own: their containers get
 * runc's.
 */
static const struct runtime_row runtimes[RUNTIME_COUNT] = {
	[RUNTIME_RUNC] = { "runc", "runc:[0:PARENT] runc:[1:CHILD] runc:[2:INIT]", "runc" },
	[RUNTIME_CRUN] = { "crun", "", "crun" },
	[RUNTIME_YOUKI] = { "youki", "youki:[1:INTER] youki:[2:INIT]", "runc" },
	[RUNTIME_RUNSC] = { "runsc", "", "runc" },
};

/*
 * exit and exit_group never return, so Falco 0.42 and later, which record
 * only syscall exits, never log them; without them a process cannot end.
 */
const char runtime_always_needed[] = "exit exit_group";

/*
 * runc: the base profile that the security-profiles-operator records for
 * runc 1.4.2 on x86_64 (the SeccompProfile runc-v1.4.2 in
 * https://github.com/kubernetes-sigs/security-profiles-operator,
 * examples/baseprofile-runc.yaml), plus the calls
 * every process may need but a short recording can miss (rt_sigreturn,
 * restart_syscall) and those runc's Go runtime makes from run to run
 * (madvise, rt_sigprocmask, rt_sigaction, munmap, gettid).
 *
 * crun: the runc list, plus what crun 1.x does between loading the filter
 * and execve (capabilities and ids, looking up the executable, the exec
 * fifo, closing descriptors: src/libcrun/container.c of
 * https://github.com/containers/crun), as the real crun recording in
 * tests/data/real-falco/ shows (pselect6, readlink, setsid, statfs).
 */
static const struct runtime_baseline baselines[] = {
	{ "runc", "runc 1.4.2, as recorded by the security-profiles-operator",
	  "arch_prctl brk capget capset chdir close close_range epoll_ctl epoll_pwait "
	  "execve exit_group faccessat2 fcntl fstat fstatfs futex getcwd getdents64 "
	  "getpid getppid getuid mmap mprotect nanosleep newfstatat openat openat2 "
	  "prctl read recvfrom rt_sigreturn sched_yield set_tid_address setgid "
	  "setgroups setuid sigaltstack statx tgkill write "
	  "exit restart_syscall madvise rt_sigprocmask rt_sigaction munmap gettid", NULL },
	{ "crun", "crun 1.x: the runc list and what crun adds",
	  "access dup2 fchown getegid geteuid getgid ioctl lseek pselect6 readlink "
	  "setresgid setresuid setsid statfs umask", "runc" },
};

const struct runtime_baseline *runtime_baseline_find(const char *name)
{
	for (size_t i = 0; i < sizeof(baselines) / sizeof(baselines[0]); i++)
		if (strcmp(baselines[i].name, name) == 0)
			return &baselines[i];
	return NULL;
}

const char *runtime_baseline_list(void)
{
	static char text[128];
	size_t used = 0;

	if (text[0] != '\0')
		return text;
	for (size_t i = 0; i < sizeof(baselines) / sizeof(baselines[0]); i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s", i ? ", " : "", baselines[i].name);
	return text;
}

const struct runtime_row *runtime_row(enum container_runtime runtime)
{
	return &runtimes[runtime < RUNTIME_COUNT ? runtime : RUNTIME_RUNC];
}

/* Tells whether the space-separated list holds the word of length bytes. */
static bool list_has(const char *list, const char *word, size_t length)
{
	for (const char *at = list; *at != '\0';) {
		size_t span = strcspn(at, " ");
		if (span == length && memcmp(at, word, length) == 0)
			return true;
		at += span + (at[span] == ' ');
	}
	return false;
}

enum container_runtime runtime_of_process(const char *process, size_t length, bool *stage)
{
	*stage = false;
	if (process == NULL || length == 0)
		return RUNTIME_COUNT;
	/* Called for every event of a wanted container: most names differ at the first byte. */
	for (unsigned r = 0; r < RUNTIME_COUNT; r++) {
		if (process[0] != runtimes[r].name[0])
			continue;
		size_t name = strlen(runtimes[r].name);
		if (length < name || memcmp(process, runtimes[r].name, name) != 0)
			continue;
		if (length == name)
			return (enum container_runtime)r;
		if (list_has(runtimes[r].stages, process, length)) {
			*stage = true;
			return (enum container_runtime)r;
		}
	}
	return RUNTIME_COUNT;
}

bool runtime_baseline_holds(const char *name, const char *other)
{
	for (const struct runtime_baseline *b = runtime_baseline_find(name); b != NULL;
	     b = b->extends ? runtime_baseline_find(b->extends) : NULL)
		if (strcmp(b->name, other) == 0)
			return true;
	return false;
}

const char *runtime_baseline_settle(uint32_t seen)
{
	uint32_t candidates = seen & ((1u << RUNTIME_COUNT) - 1) ? seen : (1u << RUNTIME_COUNT) - 1;

	for (unsigned r = 0; r < RUNTIME_COUNT; r++) {
		bool holds_all = candidates >> r & 1;
		for (unsigned o = 0; o < RUNTIME_COUNT && holds_all; o++)
			holds_all = !(candidates >> o & 1) || runtime_baseline_holds(runtimes[r].baseline, runtimes[o].baseline);
		if (holds_all)
			return runtimes[r].baseline;
	}
	/* Baselines that do not hold one another: none is chosen over the others; the first seen stands. */
	for (unsigned r = 0; r < RUNTIME_COUNT; r++)
		if (candidates >> r & 1)
			return runtimes[r].baseline;
	return runtimes[RUNTIME_RUNC].baseline;
}
