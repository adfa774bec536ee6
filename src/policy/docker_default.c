/*
 * docker_default: the facts of Docker's default seccomp profile, kept as
 * tables: profiles/seccomp/default.json of https://github.com/moby/moby
 * (as Debian 12 packages it, moby 20.10; the AF_VSOCK rule from moby 25),
 * and the names Falco gives socket families and clone flags, from
 * driver/flags_table.c of https://github.com/falcosecurity/libs (libs
 * 0.20.0, which Falco 0.40 pins).
 */
#include "policy/docker_default.h"

#include <string.h>

const struct docker_namespace_flag docker_namespace_flags[DOCKER_NAMESPACE_FLAG_COUNT] = {
	{ "CLONE_NEWNS", 0x00020000u },   { "CLONE_NEWCGROUP", 0x02000000u }, { "CLONE_NEWUTS", 0x04000000u },
	{ "CLONE_NEWIPC", 0x08000000u },  { "CLONE_NEWUSER", 0x10000000u },   { "CLONE_NEWPID", 0x20000000u },
	{ "CLONE_NEWNET", 0x40000000u },
};

/* PER_LINUX, UNAME26, PER_LINUX32, UNAME26|PER_LINUX32, and the query 0xffffffff. */
const uint64_t docker_personality_values[DOCKER_PERSONALITY_COUNT] = { 0x0, 0x8, 0x20000, 0x20008, 0xffffffff };

const char *const docker_default_capabilities[DOCKER_DEFAULT_CAPABILITY_COUNT] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
	"CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
	"CAP_AUDIT_WRITE",
};

/* Syscalls Docker's default allows only with a capability ("" never), sorted by name. */
static const struct guarded {
	const char *syscall;
	const char *capability;
} guarded[] = {
	{ "_sysctl", "" },
	{ "acct", "CAP_SYS_PACCT" },
	{ "add_key", "" },
	{ "bpf", "CAP_SYS_ADMIN" },
	{ "chroot", "CAP_SYS_CHROOT" },
	{ "clock_settime", "CAP_SYS_TIME" },
	{ "create_module", "" },
	{ "delete_module", "CAP_SYS_MODULE" },
	{ "fanotify_init", "CAP_SYS_ADMIN" },
	{ "finit_module", "CAP_SYS_MODULE" },
	{ "fsconfig", "CAP_SYS_ADMIN" },
	{ "fsmount", "CAP_SYS_ADMIN" },
	{ "fsopen", "CAP_SYS_ADMIN" },
	{ "fspick", "CAP_SYS_ADMIN" },
	{ "get_kernel_syms", "" },
	{ "get_mempolicy", "CAP_SYS_NICE" },
	{ "init_module", "CAP_SYS_MODULE" },
	{ "ioperm", "CAP_SYS_RAWIO" },
	{ "iopl", "CAP_SYS_RAWIO" },
	{ "kcmp", "CAP_SYS_PTRACE" },
	{ "kexec_file_load", "" },
	{ "kexec_load", "" },
	{ "keyctl", "" },
	{ "lookup_dcookie", "CAP_SYS_ADMIN" },
	{ "mbind", "CAP_SYS_NICE" },
	{ "mount", "CAP_SYS_ADMIN" },
	{ "mount_setattr", "CAP_SYS_ADMIN" },
	{ "move_mount", "CAP_SYS_ADMIN" },
	{ "name_to_handle_at", "CAP_SYS_ADMIN" },
	{ "nfsservctl", "" },
	{ "open_by_handle_at", "CAP_DAC_READ_SEARCH" },
	{ "open_tree", "CAP_SYS_ADMIN" },
	{ "perf_event_open", "CAP_SYS_ADMIN" },
	{ "pidfd_getfd", "CAP_SYS_PTRACE" },
	{ "pivot_root", "" },
	{ "process_madvise", "CAP_SYS_PTRACE" },
	{ "process_vm_readv", "CAP_SYS_PTRACE" },
	{ "process_vm_writev", "CAP_SYS_PTRACE" },
	{ "ptrace", "CAP_SYS_PTRACE" },
	{ "query_module", "" },
	{ "quotactl", "CAP_SYS_ADMIN" },
	{ "quotactl_fd", "CAP_SYS_ADMIN" },
	{ "reboot", "CAP_SYS_BOOT" },
	{ "request_key", "" },
	{ "set_mempolicy", "CAP_SYS_NICE" },
	{ "setdomainname", "CAP_SYS_ADMIN" },
	{ "sethostname", "CAP_SYS_ADMIN" },
	{ "setns", "CAP_SYS_ADMIN" },
	{ "settimeofday", "CAP_SYS_TIME" },
	{ "stime", "CAP_SYS_TIME" },
	{ "swapoff", "" },
	{ "swapon", "" },
	{ "sysfs", "" },
	{ "syslog", "CAP_SYSLOG" },
	{ "umount", "CAP_SYS_ADMIN" },
	{ "umount2", "CAP_SYS_ADMIN" },
	{ "unshare", "CAP_SYS_ADMIN" },
	{ "userfaultfd", "" },
	{ "uselib", "" },
	{ "ustat", "" },
	{ "vhangup", "CAP_SYS_TTY_CONFIG" },
	{ "vm86", "" },
	{ "vm86old", "" },
};

const char *docker_default_capability(const char *syscall)
{
	for (size_t i = 0; i < sizeof(guarded) / sizeof(guarded[0]); i++)
		if (strcmp(guarded[i].syscall, syscall) == 0)
			return guarded[i].capability;
	return NULL;
}

size_t docker_default_refused(const char **names, size_t room)
{
	size_t count = 0;

	for (size_t i = 0; i < sizeof(guarded) / sizeof(guarded[0]) && count < room; i++)
		if (guarded[i].capability[0] == '\0' || !docker_default_has_capability(guarded[i].capability))
			names[count++] = guarded[i].syscall;
	return count;
}

int docker_default_has_capability(const char *cap)
{
	for (size_t i = 0; i < DOCKER_DEFAULT_CAPABILITY_COUNT; i++)
		if (strcmp(docker_default_capabilities[i], cap) == 0)
			return 1;
	return 0;
}

/* Falco's names of socket families, with the kernel's numbers (equal to Falco's for these). */
static const struct family {
	const char *name;
	unsigned number;
} families[] = {
	{ "AF_UNSPEC", 0 },   { "AF_UNIX", 1 },       { "AF_LOCAL", 1 },        { "AF_INET", 2 },
	{ "AF_AX25", 3 },     { "AF_IPX", 4 },        { "AF_APPLETALK", 5 },   { "AF_NETROM", 6 },
	{ "AF_BRIDGE", 7 },   { "AF_ATMPVC", 8 },     { "AF_X25", 9 },         { "AF_INET6", 10 },
	{ "AF_ROSE", 11 },    { "AF_DECnet", 12 },    { "AF_NETBEUI", 13 },    { "AF_SECURITY", 14 },
	{ "AF_KEY", 15 },     { "AF_NETLINK", 16 },   { "AF_ROUTE", 16 },      { "AF_PACKET", 17 },
	{ "AF_ASH", 18 },     { "AF_ECONET", 19 },    { "AF_ATMSVC", 20 },     { "AF_RDS", 21 },
	{ "AF_SNA", 22 },     { "AF_IRDA", 23 },      { "AF_PPPOX", 24 },      { "AF_WANPIPE", 25 },
	{ "AF_LLC", 26 },     { "AF_CAN", 29 },       { "AF_TIPC", 30 },       { "AF_BLUETOOTH", 31 },
	{ "AF_IUCV", 32 },    { "AF_RXRPC", 33 },     { "AF_ISDN", 34 },       { "AF_PHONET", 35 },
	{ "AF_IEEE802154", 36 }, { "AF_CAIF", 37 },   { "AF_ALG", 38 },        { "AF_NFC", 39 },
};

int docker_socket_family(const char *name, size_t length)
{
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (strlen(families[i].name) == length && memcmp(families[i].name, name, length) == 0)
			return (int)families[i].number;
	return -1;
}

const char *docker_socket_family_name(unsigned family)
{
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (families[i].number == family)
			return families[i].name;
	return NULL;
}
