/*
 * runtime_baseline: the data behind --runtime: the syscalls a container
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
