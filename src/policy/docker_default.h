/*
 * docker_default: what Docker's default seccomp profile forbids beyond a
 * list of names: the argument rules a generated profile keeps, the
 * syscalls it allows only with a capability or never, and the capabilities
 * a container has by default. The profile's own facts are generated from
 * the upstream file (policy/docker_facts.h); this module answers from them.
 */
#ifndef F2S_DOCKER_DEFAULT_H
#define F2S_DOCKER_DEFAULT_H

#include "policy/docker_facts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The clone flags that create namespaces; their OR is Docker's mask. */
struct docker_namespace_flag {
	const char *name; /* CLONE_NEWNS, as Falco and the kernel spell it */
	uint32_t value;   /* the kernel's value */
};

#define DOCKER_NAMESPACE_FLAG_COUNT 7
/* Docker's clone mask, from its file; tests/unit checks it is the flags' OR. */
#define DOCKER_CLONE_NAMESPACE_MASK ((uint32_t)docker_clone_mask)

extern const struct docker_namespace_flag docker_namespace_flags[DOCKER_NAMESPACE_FLAG_COUNT];

/* The personality(2) values Docker's default allows, one rule each (docker_personality_values). */
#define DOCKER_PERSONALITY_COUNT docker_personality_count

/* The kernel's numbers of the socket families today's Docker refuses. */
#define DOCKER_AF_ALG 38
#define DOCKER_AF_VSOCK 40

/* Tells whether Docker's default refuses socket(family) (docker_refused_families). */
bool docker_family_refused(unsigned family);

/*
 * The conditions on socket's family that allow exactly what Docker's
 * default allows, one rule each, as Docker writes them: "SCMP_CMP_LT 38",
 * "SCMP_CMP_EQ 39", "SCMP_CMP_GT 40". Fills ops and values (room for
 * room) and returns how many.
 */
size_t docker_socket_conditions(const char **ops, uint64_t *values, size_t room);

/* The errno clone3 gets (ENOSYS), and its number on MIPS. */
#define DOCKER_ENOSYS 38
#define DOCKER_ENOSYS_MIPS 89

/*
 * The capability Docker's default profile wants before it allows syscall:
 * "CAP_SYS_ADMIN" and the like, "" when it never allows it, or NULL when
 * it allows it to every container (or the name is not a syscall it knows).
 */
const char *docker_default_capability(const char *syscall);

/* The capabilities of a container Docker starts without --cap-add. */
#define DOCKER_DEFAULT_CAPABILITY_COUNT 14
extern const char *const docker_default_capabilities[DOCKER_DEFAULT_CAPABILITY_COUNT];

/* Tells whether cap is one of docker_default_capabilities. */
int docker_default_has_capability(const char *cap);

/*
 * A socket family as Falco names it ("AF_INET"; one of the names of
 * "AF_LOCAL|AF_UNIX"): the kernel's number, or -1 when Falco has no such name.
 */
int docker_socket_family(const char *name, size_t length);

/* The first name Falco gives family number, or NULL. */
const char *docker_socket_family_name(unsigned family);

/*
 * Tells whether Docker's default refuses syscall to a container with its
 * default capabilities: one it allows only with another capability, or
 * never (every name its file does not allow).
 */
bool docker_default_refuses(const char *syscall);

/* Where the facts come from: "moby/profiles seccomp/v0.2.3 (836ae4d)". */
const char *docker_default_version(void);

/* The name of the built-in profile that is Docker's default, for --diff and --check. */
#define DOCKER_DEFAULT_PROFILE_NAME "docker-default"

/* The upstream file's text, NUL-terminated; the caller frees it. NULL when memory ran out. */
char *docker_default_text(size_t *length);

#endif
