/*
 * Writes a realistic Falco log for the benchmark: compact JSON alerts as
 * Falco 0.39 and later write them (keys in order), from five containers and
 * the host, about one event in eight not a syscall.
 * Usage: genlog LINES MODE > log, MODE "mixed" (five containers and host
 * events), "one" (every line is container 3ad7b26ded6d) or "churn" (the
 * five images, each container living for 1,000 lines, then replaced by a
 * new one: a node's containers over days).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const syscalls[] = {
	"read", "write", "openat", "close", "newfstatat", "mmap", "futex", "epoll_wait", "recvfrom",
	"sendto", "writev", "pread", "lseek", "getdents64", "fcntl", "accept4", "clone", "execve",
	"ioctl", "rt_sigaction", "nanosleep", "socket", "connect", "munmap", "brk",
};
static const char *const others[] = { "procexit", "signaldeliver", "switch" };
static const struct { const char *id, *name, *image, *proc; } containers[] = {
	{ "3ad7b26ded6d", "web", "nginx", "nginx" },
	{ "91f0c0de4b2a", "cache", "redis", "redis-server" },
	{ "0c1d2e3f4a5b", "db", "postgres", "postgres" },
	{ "7e8f9a0b1c2d", "queue", "rabbitmq", "beam.smp" },
	{ "a1b2c3d4e5f6", "api", "python", "python3" },
	{ "host", "host", "", "systemd" },
};

static uint64_t state = 88172645463325252u;

static uint32_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)state;
}

int main(int argc, char **argv)
{
	long lines = argc > 1 ? atol(argv[1]) : 1000000;
	int one = argc > 2 && strcmp(argv[2], "one") == 0;
	int churn = argc > 2 && strcmp(argv[2], "churn") == 0;
	char churned[24];
	uint64_t time_ns = 1764352800000000000u;

	for (long i = 0; i < lines; i++) {
		unsigned c = one ? 0 : churn ? next() % 5 : next() % 6;
		const char *id = containers[c].id;
		if (churn) {
			snprintf(churned, sizeof(churned), "%06lx%06x", (unsigned long)(i / 1000) & 0xffffffu, c);
			id = churned;
		}
		int other = next() % 8 == 0;
		const char *event = other ? others[next() % 3] : syscalls[next() % 25];
		char syscall_type[40];
		time_ns += next() % 100000;
		if (other)
			strcpy(syscall_type, "null");
		else
			snprintf(syscall_type, sizeof(syscall_type), "\"%s\"", event);
		unsigned secs = (unsigned)(time_ns / 1000000000u % 86400u);
		unsigned nanos = (unsigned)(time_ns % 1000000000u);
		printf("{\"hostname\":\"ci-runner-7\",\"output\":\"%02u:%02u:%02u.%09u: Informational %s:%s "
		       "(container=%s image=%s proc=%s user=root)\",\"output_fields\":{\"container.id\":\"%s\","
		       "\"container.image.repository\":\"%s\",\"container.image.tag\":\"latest\","
		       "\"container.name\":\"%s\",\"evt.time\":%llu,\"evt.type\":\"%s\",\"proc.name\":\"%s\","
		       "\"syscall.type\":%s,\"user.name\":\"root\"},\"priority\":\"Informational\","
		       "\"rule\":\"Container syscalls\",\"source\":\"syscall\",\"tags\":[\"container\",\"seccomp\"],"
		       "\"time\":\"2025-11-28T%02u:%02u:%02u.%09uZ\"}\n",
		       secs / 3600, secs / 60 % 60, secs % 60, nanos, id, event, containers[c].name,
		       containers[c].image, containers[c].proc, id, containers[c].image,
		       containers[c].name, (unsigned long long)time_ns, event, containers[c].proc, syscall_type,
		       secs / 3600, secs / 60 % 60, secs % 60, nanos);
	}
	return ferror(stdout) ? 1 : 0;
}
