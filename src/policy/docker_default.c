/*
 * docker_default: the facts of Docker's default seccomp profile, answered
 * from the tables generated from its upstream file (policy/docker_facts.c),
 * and the names Falco gives socket families and clone flags, from
 * driver/flags_table.c of https://github.com/falcosecurity/libs (libs
 * 0.20.0, which Falco 0.40 pins).
 */
#include "policy/docker_default.h"

#include <stdlib.h>
#include <string.h>

const struct docker_namespace_flag docker_namespace_flags[DOCKER_NAMESPACE_FLAG_COUNT] = {
	{ "CLONE_NEWNS", 0x00020000u },   { "CLONE_NEWCGROUP", 0x02000000u }, { "CLONE_NEWUTS", 0x04000000u },
	{ "CLONE_NEWIPC", 0x08000000u },  { "CLONE_NEWUSER", 0x10000000u },   { "CLONE_NEWPID", 0x20000000u },
	{ "CLONE_NEWNET", 0x40000000u },
};

/* The capabilities of a container Docker starts without --cap-add: moby's oci/caps/defaults.go (moby 20.10 to 29). */
const char *const docker_default_capabilities[DOCKER_DEFAULT_CAPABILITY_COUNT] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
	"CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
	"CAP_AUDIT_WRITE",
};

static int compare_plain(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

static int compare_gated(const void *key, const void *item)
{
	return strcmp(key, ((const struct docker_gated *)item)->name);
}

const char *docker_default_capability(const char *syscall)
{
	const struct docker_gated *gated;

	if (bsearch(syscall, docker_plain_names, docker_plain_name_count, sizeof(docker_plain_names[0]),
	            compare_plain) != NULL)
		return NULL;
	/* Answered with an errno (clone3's ENOSYS): an argument rule's business, as clone's mask is. */
	for (size_t i = 0; i < docker_errno_count; i++)
		if (strcmp(docker_errnos[i].name, syscall) == 0)
			return NULL;
	gated = bsearch(syscall, docker_gated, docker_gated_count, sizeof(docker_gated[0]), compare_gated);
	if (gated == NULL)
		return "";
	/* Allowed on some architecture, from some kernel or under argument rules: no capability asked. */
	if (gated->with_args || gated->arches[0] != NULL || gated->min_kernel != NULL)
		return NULL;
	for (size_t i = 0; gated->caps[i] != NULL; i++)
		if (docker_default_has_capability(gated->caps[i]))
			return gated->caps[i];
	return gated->caps[0] != NULL ? gated->caps[0] : "";
}

bool docker_default_refuses(const char *syscall)
{
	const char *cap = docker_default_capability(syscall);
	return cap != NULL && (cap[0] == '\0' || !docker_default_has_capability(cap));
}

bool docker_family_refused(unsigned family)
{
	for (size_t i = 0; i < docker_refused_family_count; i++)
		if (docker_refused_families[i] == family)
			return true;
	return false;
}

size_t docker_socket_conditions(const char **ops, uint64_t *values, size_t room)
{
	size_t count = 0;
	unsigned low = 0;

	/* Each run of allowed families: below the first refused, single ones between, above the last. */
	for (size_t i = 0; i <= docker_refused_family_count && count < room; i++) {
		unsigned refused = i < docker_refused_family_count ? docker_refused_families[i] : 0;
		if (i == docker_refused_family_count) {
			ops[count] = "SCMP_CMP_GT";
			values[count++] = low - 1;
		} else if (low == 0 && refused > 0) {
			ops[count] = "SCMP_CMP_LT";
			values[count++] = refused;
		} else {
			for (unsigned family = low; family < refused && count < room; family++) {
				ops[count] = "SCMP_CMP_EQ";
				values[count++] = family;
			}
		}
		low = refused + 1;
	}
	return count;
}

const char *docker_default_version(void)
{
	return docker_facts_version;
}

char *docker_default_text(size_t *length)
{
	size_t size = 0, used = 0;
	char *text;

	for (size_t i = 0; i < docker_default_line_count; i++)
		size += strlen(docker_default_lines[i]) + 1;
	text = malloc(size + 1);
	if (text == NULL)
		return NULL;
	for (size_t i = 0; i < docker_default_line_count; i++) {
		size_t line = strlen(docker_default_lines[i]);
		memcpy(text + used, docker_default_lines[i], line);
		used += line;
		if (i + 1 < docker_default_line_count)
			text[used++] = '\n';
	}
	text[used] = '\0';
	*length = used;
	return text;
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
