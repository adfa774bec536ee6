/*
 * probe: the workload of the end-to-end test. "work" does what an ordinary
 * service does (a thread, a child process, an AF_INET socket); each other
 * mode tries one thing Docker's default profile refuses and prints what the
 * kernel answered: "NAME: ok" or "NAME: EPERM" (the errno's name).
 * "chmod-old" and "chmod-new" chmod a file as older and newer C libraries
 * do; "clock-syscalls" reads the clock without the vDSO; "socketcall-vsock"
 * (x86_64 only) opens an AF_VSOCK socket through the 32-bit socketcall.
 * Built static, so that it runs alone in a bare root filesystem.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef AF_ALG
#define AF_ALG 38
#endif
#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif
/* Linux 6.6: the same number on every architecture of the generic table and on x86. */
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

static void *thread_main(void *arg)
{
	return arg;
}

static int work(void)
{
	pthread_t thread;
	int status = 0;
	pid_t child;
	int fd;

	if (pthread_create(&thread, NULL, thread_main, NULL) != 0 || pthread_join(thread, NULL) != 0) {
		puts("work: pthread_create failed");
		return 1;
	}
	child = fork();
	if (child == 0)
		_exit(0);
	if (child < 0 || waitpid(child, &status, 0) != child || status != 0) {
		printf("work: fork failed: %s\n", strerrorname_np(errno));
		return 1;
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0) {
		printf("work: socket failed: %s\n", strerrorname_np(errno));
		return 1;
	}
	close(fd);
	puts("work: ok");
	return 0;
}

/* Prints the outcome of a call that returned result. */
#if defined(__x86_64__)
/*
 * socket(AF_VSOCK) the way a 32-bit process on x86 opens a socket (Debian
 * 12's i386 glibc does it so): socketcall, 102 in the i386 table, with
 * SYS_SOCKET (1) and the arguments in memory, here through int $0x80 from
 * this 64-bit process. The probe is static and not PIE, so the arguments
 * lie below 4 GiB, where the 32-bit call can point.
 */
static unsigned int socketcall_args[3] = { AF_VSOCK, SOCK_STREAM, 0 };

static long socketcall_vsock(void)
{
	long result;

	__asm__ volatile("int $0x80" : "=a"(result) : "a"(102L), "b"(1L), "c"(socketcall_args) : "memory");
	result = (int)result;
	if (result < 0) {
		errno = (int)-result;
		return -1;
	}
	close((int)result);
	return 0;
}
#endif

static int report(const char *name, long result)
{
	if (result < 0)
		printf("%s: %s\n", name, strerrorname_np(errno));
	else
		printf("%s: ok\n", name);
	return 0;
}

/* The same for a clone: the child leaves at once, the parent waits for it. */
static int report_clone(const char *name, long result)
{
	int status;

	if (result == 0)
		_exit(0);
	if (result > 0)
		waitpid((pid_t)result, &status, 0);
	return report(name, result);
}

/*
 * chmod as glibc 2.39 does it: fchmodat2 first, fchmodat when that answers
 * ENOSYS ("chmod-new"); "chmod-old" calls fchmodat alone, as older C
 * libraries do, for the recording.
 */
static int chmod_file(const char *mode, int newer)
{
	int fd = open("/tmp/probe-file", O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	long result;

	if (fd < 0)
		return report(mode, -1);
	close(fd);
	result = newer ? syscall(SYS_fchmodat2, AT_FDCWD, "/tmp/probe-file", 0644, 0) : -1;
	if (!newer || (result < 0 && errno == ENOSYS))
		result = syscall(SYS_fchmodat, AT_FDCWD, "/tmp/probe-file", 0644);
	return report(mode, result);
}

/* Reads the clock through the real syscalls, as programs do where the vDSO cannot serve them. */
static int clock_syscalls(const char *mode)
{
	struct timespec now;
	struct timeval tv;

	if (syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &now) != 0)
		return report(mode, -1);
	return report(mode, syscall(SYS_gettimeofday, &tv, NULL));
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (strcmp(mode, "chmod-old") == 0 || strcmp(mode, "chmod-new") == 0)
		return chmod_file(mode, strcmp(mode, "chmod-new") == 0);
	if (strcmp(mode, "clock-syscalls") == 0)
		return clock_syscalls(mode);
	if (strcmp(mode, "work") == 0)
		return work();
	if (strcmp(mode, "clone-newuser") == 0)
		return report_clone(mode, syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, NULL, NULL, NULL, 0));
	if (strcmp(mode, "clone3-newuser") == 0) {
		struct clone_args args;
		memset(&args, 0, sizeof(args));
		args.flags = CLONE_NEWUSER;
		args.exit_signal = SIGCHLD;
		return report_clone(mode, syscall(SYS_clone3, &args, sizeof(args)));
	}
	if (strcmp(mode, "unshare-newuser") == 0)
		return report(mode, unshare(CLONE_NEWUSER));
	if (strcmp(mode, "socket-vsock") == 0)
		return report(mode, socket(AF_VSOCK, SOCK_STREAM, 0));
#if defined(__x86_64__)
	if (strcmp(mode, "socketcall-vsock") == 0)
		return report(mode, socketcall_vsock());
#endif
	if (strcmp(mode, "socket-alg") == 0)
		return report(mode, socket(AF_ALG, SOCK_SEQPACKET, 0));
	if (strcmp(mode, "socket-netlink") == 0)
		return report(mode, socket(AF_NETLINK, SOCK_RAW, 0));
	if (strcmp(mode, "personality") == 0)
		return report(mode, personality(READ_IMPLIES_EXEC));
	fprintf(stderr, "usage: probe work|clone-newuser|clone3-newuser|unshare-newuser|socket-vsock|socketcall-vsock|socket-alg|socket-netlink|personality\n");
	return 2;
}
