/*
 * syscall_names: the translation from Falco's event names to the kernel's
 * syscall names, and libseccomp's view of which syscalls exist where.
 */
#include "syscalls/syscall_names.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Every event Falco's driver defines, from driver/event_table.c and
 * driver/syscall_table.c of https://github.com/falcosecurity/libs as of
 * libs 0.24 (the
 * release that added the task iterator events), with the names older
 * drivers used where they differ, plus two names
 * that sysdig-era engines (Falco 0.x of 2016) wrote: "sigreturn" for
 * rt_sigreturn and "<unknown>" for syscalls they could not name.
 *
 * own: the kernel syscall the event stands for; NULL for Falco's own
 * events, which are never written into a profile.
 * family: syscalls that Falco before 0.32.1 (dup2, dup3) or before 0.35
 * (accept4, pipe2, eventfd2, signalfd4, inotify_init1, umount2) reported
 * under this name; --exact leaves them out.
 * ia32: the 32-bit x86 syscalls that libs 0.14 and later fold into this name.
 *
 * Kept sorted by strcmp on the Falco name: syscall_names_lookup searches it
 * with bsearch, and a unit test checks the order.
 */
static const struct falco_event_name falco_event_names[] = {
	{ "<unknown>", NULL, NULL, NULL },
	{ "accept", "accept", "accept4", NULL },
	{ "accept4", "accept4", NULL, NULL },
	{ "access", "access", NULL, NULL },
	{ "asyncevent", NULL, NULL, NULL },
	{ "bind", "bind", NULL, NULL },
	{ "bpf", "bpf", NULL, NULL },
	{ "brk", "brk", NULL, NULL },
	{ "capset", "capset", NULL, NULL },
	{ "chdir", "chdir", NULL, NULL },
	{ "chmod", "chmod", NULL, NULL },
	{ "chown", "chown", NULL, NULL },
	{ "chroot", "chroot", NULL, NULL },
	{ "clone", "clone", NULL, NULL },
	{ "clone3", "clone3", NULL, NULL },
	{ "close", "close", NULL, NULL },
	{ "close_range", "close_range", NULL, NULL },
	{ "connect", "connect", NULL, NULL },
	{ "container", NULL, NULL, NULL },
	{ "container_removed", NULL, NULL, NULL },
	{ "copy_file_range", "copy_file_range", NULL, NULL },
	{ "cpu_hotplug", NULL, NULL, NULL },
	{ "creat", "creat", NULL, NULL },
	{ "delete_module", "delete_module", NULL, NULL },
	{ "drop", NULL, NULL, NULL },
	{ "dup", "dup", "dup2 dup3", NULL },
	{ "dup2", "dup2", NULL, NULL },
	{ "dup3", "dup3", NULL, NULL },
	{ "epoll_create", "epoll_create", NULL, NULL },
	{ "epoll_create1", "epoll_create1", NULL, NULL },
	{ "epoll_wait", "epoll_wait", NULL, NULL },
	{ "eventfd", "eventfd", "eventfd2", NULL },
	{ "eventfd2", "eventfd2", NULL, NULL },
	{ "execve", "execve", NULL, NULL },
	{ "execveat", "execveat", NULL, NULL },
	{ "fchdir", "fchdir", NULL, NULL },
	{ "fchmod", "fchmod", NULL, NULL },
	{ "fchmodat", "fchmodat", NULL, NULL },
	{ "fchown", "fchown", NULL, NULL },
	{ "fchownat", "fchownat", NULL, NULL },
	{ "fcntl", "fcntl", NULL, "fcntl64" },
	{ "finit_module", "finit_module", NULL, NULL },
	{ "flock", "flock", NULL, NULL },
	{ "fork", "fork", NULL, NULL },
	{ "fsconfig", "fsconfig", NULL, NULL },
	{ "fstat", "fstat", NULL, "fstat64" },
	{ "fstat64", "fstat64", NULL, NULL },
	{ "futex", "futex", NULL, NULL },
	{ "getcwd", "getcwd", NULL, NULL },
	{ "getdents", "getdents", NULL, NULL },
	{ "getdents64", "getdents64", NULL, NULL },
	{ "getegid", "getegid", NULL, "getegid32" },
	{ "geteuid", "geteuid", NULL, "geteuid32" },
	{ "getgid", "getgid", NULL, "getgid32" },
	{ "getpeername", "getpeername", NULL, NULL },
	{ "getresgid", "getresgid", NULL, "getresgid32" },
	{ "getresuid", "getresuid", NULL, "getresuid32" },
	{ "getrlimit", "getrlimit", NULL, "ugetrlimit" },
	{ "getsockname", "getsockname", NULL, NULL },
	{ "getsockopt", "getsockopt", NULL, NULL },
	{ "getuid", "getuid", NULL, "getuid32" },
	{ "groupadded", NULL, NULL, NULL },
	{ "groupdeleted", NULL, NULL, NULL },
	{ "infra", NULL, NULL, NULL },
	{ "init_module", "init_module", NULL, NULL },
	{ "inotify_init", "inotify_init", "inotify_init1", NULL },
	{ "inotify_init1", "inotify_init1", NULL, NULL },
	{ "io_uring_enter", "io_uring_enter", NULL, NULL },
	{ "io_uring_register", "io_uring_register", NULL, NULL },
	{ "io_uring_setup", "io_uring_setup", NULL, NULL },
	{ "ioctl", "ioctl", NULL, NULL },
	{ "k8s", NULL, NULL, NULL },
	{ "keyctl", "keyctl", NULL, NULL },
	{ "kill", "kill", NULL, NULL },
	{ "lchown", "lchown", NULL, NULL },
	{ "link", "link", NULL, NULL },
	{ "linkat", "linkat", NULL, NULL },
	{ "listen", "listen", NULL, NULL },
	{ "llseek", "_llseek", NULL, NULL },
	{ "lseek", "lseek", NULL, "_llseek" },
	{ "lstat", "lstat", NULL, "lstat64" },
	{ "lstat64", "lstat64", NULL, NULL },
	{ "memfd_create", "memfd_create", NULL, NULL },
	{ "mesos", NULL, NULL, NULL },
	{ "mkdir", "mkdir", NULL, NULL },
	{ "mkdirat", "mkdirat", NULL, NULL },
	{ "mknod", "mknod", NULL, NULL },
	{ "mknodat", "mknodat", NULL, NULL },
	{ "mlock", "mlock", NULL, NULL },
	{ "mlock2", "mlock2", NULL, NULL },
	{ "mlockall", "mlockall", NULL, NULL },
	{ "mmap", "mmap", NULL, "mmap2" },
	{ "mmap2", "mmap2", NULL, NULL },
	{ "mount", "mount", NULL, NULL },
	{ "mprotect", "mprotect", NULL, NULL },
	{ "munlock", "munlock", NULL, NULL },
	{ "munlockall", "munlockall", NULL, NULL },
	{ "munmap", "munmap", NULL, NULL },
	{ "nanosleep", "nanosleep", NULL, NULL },
	{ "newfstatat", "newfstatat", NULL, NULL },
	{ "newselect", "_newselect", NULL, NULL },
	{ "notification", NULL, NULL, NULL },
	{ "open", "open", NULL, NULL },
	{ "open_by_handle_at", "open_by_handle_at", NULL, NULL },
	{ "openat", "openat", NULL, NULL },
	{ "openat2", "openat2", NULL, NULL },
	{ "page_fault", NULL, NULL, NULL },
	{ "pidfd_getfd", "pidfd_getfd", NULL, NULL },
	{ "pidfd_open", "pidfd_open", NULL, NULL },
	{ "pipe", "pipe", "pipe2", NULL },
	{ "pipe2", "pipe2", NULL, NULL },
	{ "pluginevent", NULL, NULL, NULL },
	{ "poll", "poll", NULL, NULL },
	{ "ppoll", "ppoll", NULL, NULL },
	{ "prctl", "prctl", NULL, NULL },
	{ "pread", "pread64", NULL, NULL },
	{ "preadv", "preadv", NULL, NULL },
	{ "prlimit", "prlimit64", NULL, NULL },
	{ "process_vm_readv", "process_vm_readv", NULL, NULL },
	{ "process_vm_writev", "process_vm_writev", NULL, NULL },
	{ "procexit", NULL, NULL, NULL },
	{ "procinfo", NULL, NULL, NULL },
	{ "ptrace", "ptrace", NULL, NULL },
	{ "pwrite", "pwrite64", NULL, NULL },
	{ "pwritev", "pwritev", NULL, NULL },
	{ "quotactl", "quotactl", NULL, NULL },
	{ "read", "read", NULL, NULL },
	{ "readv", "readv", NULL, NULL },
	{ "recv", "recv", NULL, NULL },
	{ "recvfrom", "recvfrom", NULL, NULL },
	{ "recvmmsg", "recvmmsg", NULL, NULL },
	{ "recvmsg", "recvmsg", NULL, NULL },
	{ "rename", "rename", NULL, NULL },
	{ "renameat", "renameat", NULL, NULL },
	{ "renameat2", "renameat2", NULL, NULL },
	{ "rmdir", "rmdir", NULL, NULL },
	{ "scapevent", NULL, NULL, NULL },
	{ "seccomp", "seccomp", NULL, NULL },
	{ "select", "select", NULL, NULL },
	{ "semctl", "semctl", NULL, NULL },
	{ "semget", "semget", NULL, NULL },
	{ "semop", "semop", NULL, NULL },
	{ "send", "send", NULL, NULL },
	{ "sendfile", "sendfile", NULL, "sendfile64" },
	{ "sendmmsg", "sendmmsg", NULL, NULL },
	{ "sendmsg", "sendmsg", NULL, NULL },
	{ "sendto", "sendto", NULL, NULL },
	{ "setgid", "setgid", NULL, "setgid32" },
	{ "setns", "setns", NULL, NULL },
	{ "setpgid", "setpgid", NULL, NULL },
	{ "setregid", "setregid", NULL, NULL },
	{ "setresgid", "setresgid", NULL, "setresgid32" },
	{ "setresuid", "setresuid", NULL, "setresuid32" },
	{ "setreuid", "setreuid", NULL, NULL },
	{ "setrlimit", "setrlimit", NULL, NULL },
	{ "setsid", "setsid", NULL, NULL },
	{ "setsockopt", "setsockopt", NULL, NULL },
	{ "setuid", "setuid", NULL, "setuid32" },
	{ "shutdown", "shutdown", NULL, NULL },
	{ "signaldeliver", NULL, NULL, NULL },
	{ "signalfd", "signalfd", "signalfd4", NULL },
	{ "signalfd4", "signalfd4", NULL, NULL },
	{ "sigreturn", "rt_sigreturn", NULL, NULL },
	{ "socket", "socket", NULL, NULL },
	{ "socketpair", "socketpair", NULL, NULL },
	{ "splice", "splice", NULL, NULL },
	{ "stat", "stat", NULL, "stat64" },
	{ "stat64", "stat64", NULL, NULL },
	{ "switch", NULL, NULL, NULL },
	{ "symlink", "symlink", NULL, NULL },
	{ "symlinkat", "symlinkat", NULL, NULL },
	{ "syscall", NULL, NULL, NULL },
	{ "sysdigevent", NULL, NULL, NULL },
	{ "task", NULL, NULL, NULL },
	{ "task_file_anon_inode", NULL, NULL, NULL },
	{ "task_file_directory", NULL, NULL, NULL },
	{ "task_file_memfd", NULL, NULL, NULL },
	{ "task_file_pipe", NULL, NULL, NULL },
	{ "task_file_regular", NULL, NULL, NULL },
	{ "task_file_socket_inet", NULL, NULL, NULL },
	{ "task_file_socket_inet6", NULL, NULL, NULL },
	{ "task_file_socket_netlink", NULL, NULL, NULL },
	{ "task_file_socket_unix", NULL, NULL, NULL },
	{ "tgkill", "tgkill", NULL, NULL },
	{ "timerfd_create", "timerfd_create", NULL, NULL },
	{ "tkill", "tkill", NULL, NULL },
	{ "tracer", NULL, NULL, NULL },
	{ "umount", "umount", "umount2", NULL },
	{ "umount2", "umount2", NULL, "umount" },
	{ "unknown", NULL, NULL, NULL },
	{ "unlink", "unlink", NULL, NULL },
	{ "unlinkat", "unlinkat", NULL, NULL },
	{ "unshare", "unshare", NULL, NULL },
	{ "useradded", NULL, NULL, NULL },
	{ "userdeleted", NULL, NULL, NULL },
	{ "userfaultfd", "userfaultfd", NULL, NULL },
	{ "vfork", "vfork", NULL, NULL },
	{ "write", "write", NULL, NULL },
	{ "writev", "writev", NULL, NULL },
};

const struct falco_event_name *syscall_names_table(size_t *count)
{
	*count = sizeof(falco_event_names) / sizeof(falco_event_names[0]);
	return falco_event_names;
}

struct name_key {
	const char *name; /* borrowed, not NUL-terminated */
	size_t len;       /* bytes in name */
};

static int compare_key_to_row(const void *key_ptr, const void *row_ptr)
{
	const struct name_key *key = key_ptr;
	const struct falco_event_name *row = row_ptr;
	size_t row_len = strlen(row->falco);
	size_t common = key->len < row_len ? key->len : row_len;
	int order = memcmp(key->name, row->falco, common);

	if (order != 0)
		return order;
	if (key->len == row_len)
		return 0;
	return key->len < row_len ? -1 : 1;
}

const struct falco_event_name *syscall_names_lookup(const char *name, size_t len)
{
	struct name_key key = { name, len };
	size_t count;
	const struct falco_event_name *table = syscall_names_table(&count);

	return bsearch(&key, table, count, sizeof(table[0]), compare_key_to_row);
}

bool syscall_names_list_holds(const char *list, const char *name)
{
	size_t length = strlen(name);

	while (list != NULL && *list != '\0') {
		size_t word = strcspn(list, " ");
		if (word == length && memcmp(list, name, length) == 0)
			return true;
		list += word;
		list += strspn(list, " ");
	}
	return false;
}

bool syscall_names_is_ia32_alias(const char *name)
{
	size_t count;
	const struct falco_event_name *table = syscall_names_table(&count);

	for (size_t i = 0; i < count; i++)
		if (syscall_names_list_holds(table[i].ia32, name))
			return true;
	return false;
}

bool syscall_names_well_formed(const char *name, size_t len)
{
	if (len == 0 || len > SYSCALL_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

/*
 * One row per architecture, in the order Docker's own profile lists them:
 * what differs between them, for the writer, the judge and the tests alike.
 * - the names: a profile's, libseccomp's and uname's, and the one moby's
 *   includes and excludes use for the host each runs on (Go's GOARCH turned
 *   into libseccomp's spelling; x32 runs on an amd64 host);
 * - host: the architecture whose kernel runs this one's processes as a
 *   compat ABI (x86 and x32 on x86_64; Docker's archMap pairs the same);
 * - clone_flags_arg: the argument clone's flags are in (the kernel's
 *   CONFIG_CLONE_BACKWARDS2 on s390: its second);
 * - enosys: the errno number of ENOSYS (89 on mips, arch/mips/include/uapi/asm/errno.h);
 * - vdso: the calls its vDSO exports, from the kernel's vDSO linker scripts
 *   (Linux 6.1: arch/x86/entry/vdso/vdso.lds.S and vdso32/vdso32.lds.S,
 *   arch/arm64/kernel/vdso/vdso.lds.S, arch/arm/vdso/vdso.lds.S,
 *   arch/powerpc/kernel/vdso/vdso64.lds.S, arch/s390/kernel/vdso64/vdso64.lds.S,
 *   arch/riscv/kernel/vdso/vdso.lds.S); "" where none is listed.
 * Whether socket goes through socketcall is libseccomp's to say
 * (arch_socket_multiplexed), and the generic table's calls are
 * syscalls/equivalents.c's.
 */
static const struct arch_name {
	const char *docker;      /* the spelling in a profile */
	const char *short_name;  /* libseccomp's and uname's spelling */
	const char *moby;        /* the spelling of includes.arches and excludes.arches */
	const char *host;        /* short name of the architecture whose processes it is a compat ABI of, or NULL */
	unsigned clone_flags_arg; /* clone's flags: argument 0, or 1 */
	unsigned enosys;         /* ENOSYS's number */
	const char *vdso;        /* the vDSO's calls, space-separated */
} arch_names[] = {
	{ "SCMP_ARCH_X86_64", "x86_64", "amd64", NULL, 0, 38, "clock_gettime clock_getres gettimeofday time getcpu" },
	{ "SCMP_ARCH_X86", "x86", "x86", "x86_64", 0, 38, "clock_gettime clock_gettime64 clock_getres gettimeofday time" },
	{ "SCMP_ARCH_X32", "x32", "amd64", "x86_64", 0, 38, "clock_gettime clock_getres gettimeofday time getcpu" },
	{ "SCMP_ARCH_AARCH64", "aarch64", "arm64", NULL, 0, 38, "clock_gettime clock_getres gettimeofday" },
	{ "SCMP_ARCH_ARM", "arm", "arm", "aarch64", 0, 38, "clock_gettime clock_gettime64 clock_getres gettimeofday" },
	{ "SCMP_ARCH_MIPS64", "mips64", "mips64", NULL, 0, 89, "" },
	{ "SCMP_ARCH_MIPS64N32", "mips64n32", "mips64n32", "mips64", 0, 89, "" },
	{ "SCMP_ARCH_MIPS", "mips", "mips", "mips64", 0, 89, "" },
	{ "SCMP_ARCH_MIPSEL64", "mipsel64", "mipsel64", NULL, 0, 89, "" },
	{ "SCMP_ARCH_MIPSEL64N32", "mipsel64n32", "mips3l64n32", "mipsel64", 0, 89, "" },
	{ "SCMP_ARCH_MIPSEL", "mipsel", "mipsle", "mipsel64", 0, 89, "" },
	{ "SCMP_ARCH_PPC64LE", "ppc64le", "ppc64le", NULL, 0, 38, "clock_gettime clock_getres gettimeofday time getcpu" },
	{ "SCMP_ARCH_PPC64", "ppc64", "ppc64", NULL, 0, 38, "" },
	{ "SCMP_ARCH_PPC", "ppc", "ppc", "ppc64", 0, 38, "" },
	{ "SCMP_ARCH_S390X", "s390x", "s390x", NULL, 1, 38, "clock_gettime clock_getres gettimeofday getcpu" },
	{ "SCMP_ARCH_S390", "s390", "s390", "s390x", 1, 38, "" },
	{ "SCMP_ARCH_PARISC64", "parisc64", "parisc64", NULL, 0, 38, "" },
	{ "SCMP_ARCH_PARISC", "parisc", "parisc", "parisc64", 0, 38, "" },
	{ "SCMP_ARCH_RISCV64", "riscv64", "riscv64", NULL, 0, 38, "clock_gettime clock_getres gettimeofday" },
};

#define ARCH_NAME_COUNT (sizeof(arch_names) / sizeof(arch_names[0]))

static uint32_t arch_token_at(size_t index)
{
	return seccomp_arch_resolve_name(arch_names[index].short_name);
}

static size_t arch_index(uint32_t token)
{
	for (size_t i = 0; i < ARCH_NAME_COUNT; i++)
		if (arch_token_at(i) == token)
			return i;
	return ARCH_NAME_COUNT;
}

const char *arch_docker_name(uint32_t token)
{
	size_t i = arch_index(token);
	return i < ARCH_NAME_COUNT ? arch_names[i].docker : NULL;
}

void arch_name_list(char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < ARCH_NAME_COUNT && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? ", " : "", arch_names[i].short_name);
}

const char *arch_short_name(uint32_t token)
{
	size_t i = arch_index(token);
	return i < ARCH_NAME_COUNT ? arch_names[i].short_name : NULL;
}

const char *arch_moby_name(uint32_t token)
{
	size_t i = arch_index(token);
	return i < ARCH_NAME_COUNT ? arch_names[i].moby : NULL;
}

uint32_t arch_host(uint32_t token)
{
	size_t i = arch_index(token);
	return i < ARCH_NAME_COUNT && arch_names[i].host != NULL ? seccomp_arch_resolve_name(arch_names[i].host) : token;
}

unsigned arch_clone_flags_arg(uint32_t token)
{
	size_t i = arch_index(token);
	return i < ARCH_NAME_COUNT ? arch_names[i].clone_flags_arg : 0;
}

unsigned arch_enosys(uint32_t token)
{
	size_t i = arch_index(token);
	return i < ARCH_NAME_COUNT ? arch_names[i].enosys : 38;
}

const char *arch_vdso(uint32_t token)
{
	size_t i = arch_index(token);
	return i < ARCH_NAME_COUNT ? arch_names[i].vdso : "";
}

bool arch_in_vdso(const char *name)
{
	for (size_t i = 0; i < ARCH_NAME_COUNT; i++)
		if (syscall_names_list_holds(arch_names[i].vdso, name))
			return true;
	return false;
}

size_t arch_moby_names_where(bool (*keep)(uint32_t token), const char **names, size_t room)
{
	size_t count = 0;

	for (size_t i = 0; i < ARCH_NAME_COUNT && count < room; i++) {
		bool listed = false;
		if (!keep(arch_token_at(i)))
			continue;
		for (size_t k = 0; k < count && !listed; k++)
			listed = strcmp(names[k], arch_names[i].moby) == 0;
		if (!listed)
			names[count++] = arch_names[i].moby;
	}
	return count;
}

bool arch_socket_multiplexed(uint32_t token)
{
	return seccomp_syscall_resolve_name_arch(token, "socket") < 0 &&
	       seccomp_syscall_resolve_name_arch(token, "socketcall") >= 0;
}

static bool same_word(const char *a, size_t a_len, const char *b)
{
	return strlen(b) == a_len && memcmp(a, b, a_len) == 0;
}

uint32_t arch_from_name(const char *name, size_t len)
{
	if (same_word(name, len, "native"))
		return seccomp_arch_native();
	for (size_t i = 0; i < ARCH_NAME_COUNT; i++)
		if (same_word(name, len, arch_names[i].docker) ||
		    same_word(name, len, arch_names[i].short_name))
			return arch_token_at(i);
	/* uname -m spellings that differ from libseccomp's. */
	if (same_word(name, len, "amd64"))
		return SCMP_ARCH_X86_64;
	if (same_word(name, len, "arm64"))
		return SCMP_ARCH_AARCH64;
	if (same_word(name, len, "i386") || same_word(name, len, "i686"))
		return SCMP_ARCH_X86;
	return 0;
}

bool arch_list_has(const struct arch_list *list, uint32_t token)
{
	for (size_t i = 0; i < list->count; i++)
		if (list->tokens[i] == token)
			return true;
	return false;
}

bool arch_list_add(struct arch_list *list, uint32_t token)
{
	for (size_t i = 0; i < list->count; i++)
		if (list->tokens[i] == token)
			return true;
	if (list->count == ARCH_MAX)
		return false;
	list->tokens[list->count++] = token;
	return true;
}

bool arch_list_parse(const char *spec, struct arch_list *list, const char **bad, size_t *bad_len)
{
	const char *p = spec;

	list->count = 0;
	for (;;) {
		size_t len = strcspn(p, ",");
		uint32_t token = len ? arch_from_name(p, len) : 0;

		if (token == 0 || arch_docker_name(token) == NULL ||
		    !arch_list_add(list, token)) {
			*bad = p;
			*bad_len = len;
			return false;
		}
		if (p[len] == '\0')
			return true;
		p += len + 1;
	}
}

/*
 * The architectures a container on this host may run, as Docker's default
 * profile maps them (moby profiles/seccomp/default.json, archMap): an
 * amd64 host x86_64 with x86 and x32, an arm64 host aarch64 with arm,
 * any other its own.
 */
void arch_list_default(struct arch_list *list)
{
	uint32_t native = seccomp_arch_native();

	list->count = 0;
	if (native == SCMP_ARCH_AARCH64) {
		arch_list_add(list, SCMP_ARCH_AARCH64);
		arch_list_add(list, SCMP_ARCH_ARM);
	} else if (native == SCMP_ARCH_X86_64 || native == 0) {
		arch_list_add(list, SCMP_ARCH_X86_64);
		arch_list_add(list, SCMP_ARCH_X86);
		arch_list_add(list, SCMP_ARCH_X32);
	} else {
		arch_list_add(list, native);
	}
}

void arch_map_docker_default(struct arch_map *map, struct arch_list *all)
{
	static const uint32_t mains[][3] = {
		{ SCMP_ARCH_X86_64, SCMP_ARCH_X86, SCMP_ARCH_X32 }, { SCMP_ARCH_AARCH64, SCMP_ARCH_ARM, 0 },
		{ SCMP_ARCH_PPC64LE, 0, 0 },                        { SCMP_ARCH_S390X, SCMP_ARCH_S390, 0 },
		{ SCMP_ARCH_RISCV64, 0, 0 },
	};

	memset(map, 0, sizeof(*map));
	all->count = 0;
	for (size_t m = 0; m < sizeof(mains) / sizeof(mains[0]); m++) {
		struct arch_map_entry *entry = &map->entries[map->count++];
		entry->arch = mains[m][0];
		arch_list_add(all, mains[m][0]);
		for (size_t s = 1; s < 3 && mains[m][s] != 0; s++) {
			arch_list_add(&entry->subs, mains[m][s]);
			arch_list_add(all, mains[m][s]);
		}
	}
}

static int compare_arch_tokens(const void *a, const void *b)
{
	size_t ia = arch_index(*(const uint32_t *)a);
	size_t ib = arch_index(*(const uint32_t *)b);
	return (ia > ib) - (ia < ib);
}

bool arch_list_loadable(const struct arch_list *list, uint32_t *bad)
{
	scmp_filter_ctx ctx;
	bool loadable;

	/*
	 * The filter is only built, never loaded: the basic API level spares
	 * libseccomp its probe of the kernel's seccomp(2).
	 */
	seccomp_api_set(1);
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	loadable = ctx != NULL && seccomp_arch_remove(ctx, SCMP_ARCH_NATIVE) == 0;

	*bad = 0;
	for (size_t i = 0; loadable && i < list->count; i++)
		if (seccomp_arch_add(ctx, list->tokens[i]) != 0) {
			*bad = list->tokens[i];
			loadable = false;
		}
	seccomp_release(ctx);
	return loadable;
}

void arch_list_describe(const struct arch_list *list, char *text, size_t size)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < list->count && used < size; i++)
		used += (size_t)snprintf(text + used, size - used, "%s%s", i ? ", " : "", arch_short_name(list->tokens[i]));
}

void arch_list_sort(struct arch_list *list)
{
	qsort(list->tokens, list->count, sizeof(list->tokens[0]), compare_arch_tokens);
}

/*
 * libseccomp answers a name that an architecture lacks with a pseudo number
 * of -10000 or below. Socket calls (-101 to -199) and System V IPC calls
 * (-201 to -299) are negative on architectures that reach them through
 * socketcall(2) or ipc(2); they exist there, and libseccomp filters them
 * through the multiplexer.
 */
bool syscall_exists_on(uint32_t token, const char *name)
{
	int nr = seccomp_syscall_resolve_name_arch(token, name);

	if (nr >= 0)
		return true;
	if (nr <= -100 && nr > -200)
		return seccomp_syscall_resolve_name_arch(token, "socketcall") >= 0;
	if (nr <= -200 && nr > -300)
		return seccomp_syscall_resolve_name_arch(token, "ipc") >= 0;
	return false;
}

bool syscall_exists_on_any(const struct arch_list *list, const char *name)
{
	for (size_t i = 0; i < list->count; i++)
		if (syscall_exists_on(list->tokens[i], name))
			return true;
	return false;
}

/* The names of one architecture, in number order, read from libseccomp once a run. */
struct arch_names {
	uint32_t token;
	char **names;   /* owned for the run: each name and the array */
	size_t count;
};

static struct arch_names name_cache[ARCH_MAX];
static size_t name_cache_count;

/* The cached names of token, read on first use; NULL when memory ran out or the cache is full. */
static const struct arch_names *names_of(uint32_t token)
{
	for (size_t i = 0; i < name_cache_count; i++)
		if (name_cache[i].token == token)
			return &name_cache[i];
	if (name_cache_count == ARCH_MAX)
		return NULL;
	struct arch_names *entry = &name_cache[name_cache_count];
	/* Each table starts at a base (x32's 0x40000000, mips's 4000, 5000 and 6000) and spans under 1024. */
	int read_nr = seccomp_syscall_resolve_name_arch(token, "read");
	size_t capacity = 0;
	entry->token = token;
	entry->names = NULL;
	entry->count = 0;
	int misses = 0;
	for (int nr = read_nr & ~1023; read_nr >= 0 && nr < (read_nr & ~1023) + 2048 && misses < 512; nr++) {
		char *name = seccomp_syscall_resolve_num_arch(token, nr);
		/* Past the table's end after read: 512 numbers in a row name nothing. */
		misses = name == NULL && nr > read_nr ? misses + 1 : 0;
		if (name == NULL)
			continue;
		if (entry->count == capacity) {
			capacity = capacity ? 2 * capacity : 512;
			char **grown = realloc(entry->names, capacity * sizeof(grown[0]));
			if (grown == NULL) {
				free(name);
				return NULL;
			}
			entry->names = grown;
		}
		entry->names[entry->count++] = name;
	}
	name_cache_count++;
	return entry;
}

long syscall_names_each(uint32_t token, syscall_name_fn *fn, void *context)
{
	const struct arch_names *entry = names_of(token);

	if (entry == NULL)
		return -1;
	for (size_t i = 0; i < entry->count; i++)
		fn(entry->names[i], context);
	return (long)entry->count;
}
