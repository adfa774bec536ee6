/*
 * arg_facts: what the syscall arguments in a log tell about a workload:
 * the namespace flags it passed to clone and clone3, and the socket
 * families it asked for. Facts from several logs, containers or merged
 * profiles unite.
 */
#ifndef F2S_ARG_FACTS_H
#define F2S_ARG_FACTS_H

#include "policy/docker_default.h"
#include "decode/event.h"
#include "input/location.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum arg_socket_call {
	ARG_SOCKET,      /* socket(2) */
	ARG_SOCKETPAIR,  /* socketpair(2) */
	ARG_SOCKET_CALLS
};

/* Where a fact was first seen: a log line, or a merged profile. */
struct arg_origin {
	struct location where; /* the log line, when profile is NULL */
	const char *profile;   /* borrowed path of the merged profile it came from, or NULL */
	char process[32];      /* proc.name of the event, or "" */
};

/* The families one socket call was logged with. */
struct family_facts {
	uint64_t seen;            /* bit f: family f was logged */
	bool unrestricted;        /* the families cannot be restricted; why says why */
	struct arg_origin why_at; /* where that was first decided */
	char why[128];            /* the reason, for the summary */
};

struct arg_facts {
	bool flags_logged;    /* some clone or clone3 event carried its flags */
	uint32_t namespaces;  /* kernel CLONE_NEW* bits logged with clone or clone3 */
	struct arg_origin namespace_at[DOCKER_NAMESPACE_FLAG_COUNT]; /* first event of each flag */
	uint32_t untrusted_namespaces; /* CLONE_NEW* bits in clone3 events that may be the child's: never opened */
	struct arg_origin untrusted_at[DOCKER_NAMESPACE_FLAG_COUNT]; /* first event of each */
	struct family_facts families[ARG_SOCKET_CALLS];              /* socket, socketpair */
	bool clones_seen;     /* some clone or clone3 event of a parent (or of either side, without evt.rawres) */
	bool children_made;   /* one of them made a child, or did not say: its flags lack CLONE_THREAD, or are absent */
};

enum arg_observation {
	ARG_OK,             /* noted, or nothing to note */
	ARG_NOT_UNDERSTOOD  /* a value of a shape not known: message says which; taken as absent */
};

/* The kernel name of a socket call: "socket" or "socketpair". */
const char *arg_socket_call_name(enum arg_socket_call call);

/* Notes what a syscall event's clone flags or socket domain say. */
enum arg_observation arg_facts_observe(struct arg_facts *facts, const struct event *event, struct location where,
                                       char *message, size_t size);

/* Marks call's families as unrestricted for why, unless they already are. */
void arg_facts_unrestrict(struct arg_facts *facts, enum arg_socket_call call, const struct arg_origin *at,
                          const char *why);

/* Adds from's facts to into's; the first origin of each fact is kept. */
void arg_facts_unite(struct arg_facts *into, const struct arg_facts *from);

/* Tells whether call was logged with families, and only with ones Falco names. */
bool arg_facts_families_known(const struct arg_facts *facts, enum arg_socket_call call);

#endif
