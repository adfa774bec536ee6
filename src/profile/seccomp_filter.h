/*
 * seccomp_filter: a profile's filter, built the way Docker and runc build
 * it and exported as the classic BPF program the kernel runs, so that
 * every verdict about a profile is the verdict of the filter itself:
 * - moby (github.com/moby/profiles seccomp/seccomp_linux.go, setupSeccomp,
 *   seccomp/v0.2.3): the archMap entry of the host, else the profile's
 *   architectures; a rule is kept when its includes and excludes
 *   (architectures, capabilities, minKernel) let it apply to the
 *   container; name becomes names;
 * - runc (libcontainer/seccomp/seccomp_linux.go, InitSeccomp and
 *   matchCall, v1.1.5 as Debian 12 ships it): a filter with the default
 *   action (errno EPERM unless defaultErrnoRet says otherwise), every
 *   architecture added, no_new_privs left alone, and each name of each
 *   rule added in order with libseccomp's seccomp_rule_add: a name
 *   libseccomp does not know is passed over, a rule whose action (with
 *   its errnoRet) is the default action is skipped, the conditions of one
 *   rule go together unless two are on one argument, when each is a rule
 *   of its own; libseccomp's refusal of a rule is runc's refusal of the
 *   profile.
 * crun (src/libcrun/seccomp.c) differs in that it refuses an errnoRet on
 * an action that takes none and adds each condition the same way; the
 * README says so. runc's patch that answers numbers past the profile's
 * largest with ENOSYS is not modelled: it changes the errno of a refusal,
 * never whether a call is refused.
 */
#ifndef F2S_SECCOMP_FILTER_H
#define F2S_SECCOMP_FILTER_H

#include "profile/bpf.h"
#include "profile/profile.h"
#include "syscalls/syscall_names.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct seccomp_filter {
	uint32_t host;                 /* the architecture runc runs on */
	struct arch_list arches;       /* the architectures the filter holds, host first */
	struct sock_filter *program;   /* owned: the exported program */
	size_t length;                 /* its instructions */
};

/*
 * Builds the filter runc loads from document (a profile as written: a
 * Docker, OCI or legacy JSON object, or an SPO's spec) on host, for the
 * container ctx describes (ctx->arch is ignored: host's moby name is
 * used). Returns 0, or -1 with message saying why (naming the rule
 * libseccomp refused, as syscalls[3] "socket").
 */
int seccomp_filter_build(const cJSON *document, uint32_t host, const struct rule_context *ctx,
                         struct seccomp_filter *out, char *message, size_t size);

/* The hosts a profile's filters are built for: the architectures of arches that head a family (x86_64, aarch64, ...). */
size_t seccomp_filter_hosts(const struct arch_list *arches, uint32_t *hosts, size_t room);

/* Tells whether a process of arch runs on host: arch is host, or one of its compat ABIs. */
bool seccomp_filter_runs_on(uint32_t host, uint32_t arch);

/*
 * What the filter does with name on arch (one of f->arches) with args:
 * the SECCOMP_RET_* value. *exists is false (and the result the default
 * of a call the kernel never makes) when arch has no such syscall.
 * Returns 0, or -1 when the program is broken (never for one libseccomp
 * made).
 */
int seccomp_filter_answer(const struct seccomp_filter *f, uint32_t arch, const char *name, const uint64_t args[6],
                          bool *exists, uint32_t *action);

/* The same for a syscall number on arch. */
int seccomp_filter_answer_nr(const struct seccomp_filter *f, uint32_t arch, int nr, const uint64_t args[6],
                             uint32_t *action);

/* Tells whether a SECCOMP_RET_* value lets the call run: ALLOW, LOG, and TRACE (a process may trace its own child). */
bool seccomp_action_runs(uint32_t action);

/* Names a SECCOMP_RET_* value as a profile does: "SCMP_ACT_ERRNO(1)". */
void seccomp_action_describe(uint32_t action, char *text, size_t size);

/* Frees what f owns. Accepts NULL. */
void seccomp_filter_free(struct seccomp_filter *f);

#endif
