/*
 * docker_default: what Docker's default seccomp profile forbids beyond a
 * list of names, as data: the argument rules a generated profile keeps,
 * the syscalls it allows only with a capability or never, and the
 * capabilities a container has by default.
 */
#ifndef F2S_DOCKER_DEFAULT_H
#define F2S_DOCKER_DEFAULT_H

#include <stddef.h>
#include <stdint.h>

/* The clone flags that create namespaces; their OR is Docker's mask. */
struct docker_namespace_flag {
	const char *name; /* CLONE_NEWNS, as Falco and the kernel spell it */
	uint32_t value;   /* the kernel's value */
};

#define DOCKER_NAMESPACE_FLAG_COUNT 7
#define DOCKER_CLONE_NAMESPACE_MASK 0x7E020000u

extern const struct docker_namespace_flag docker_namespace_flags[DOCKER_NAMESPACE_FLAG_COUNT];

/* The personality(2) values Docker's default allows, one rule each. */
#define DOCKER_PERSONALITY_COUNT 5
extern const uint64_t docker_personality_values[DOCKER_PERSONALITY_COUNT];

/* The socket family Docker's default refuses: AF_VSOCK. */
#define DOCKER_AF_VSOCK 40

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
 * Lists into names (room for room) the syscalls Docker's default refuses a
 * container with its default capabilities; returns how many.
 */
size_t docker_default_refused(const char **names, size_t room);

#endif
