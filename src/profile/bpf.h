/*
 * bpf: a classic BPF program run over struct seccomp_data, as the kernel
 * runs a seccomp filter. Every load and jump is checked, so that any
 * program, however made, is read only within its bounds.
 */
#ifndef F2S_BPF_H
#define F2S_BPF_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The call a filter is asked about: struct seccomp_data, with the byte order of its architecture. */
struct bpf_call {
	int32_t nr;            /* the syscall's number on arch */
	uint32_t arch;         /* the AUDIT_ARCH_* value the kernel reports */
	uint64_t ip;           /* the instruction pointer */
	uint64_t args[6];      /* the arguments */
	bool big_endian;       /* arch is big-endian: an argument's high half comes first */
};

enum bpf_status {
	BPF_OK,         /* *result is the filter's return value */
	BPF_BAD_LOAD,   /* a load outside struct seccomp_data or the scratch memory */
	BPF_BAD_JUMP,   /* a jump out of the program */
	BPF_BAD_CODE,   /* an instruction seccomp does not allow */
	BPF_NO_RETURN   /* the program ends without returning */
};

/* Runs program (length instructions) on call; the filter's SECCOMP_RET_* value into *result. */
enum bpf_status bpf_run(const struct sock_filter *program, size_t length, const struct bpf_call *call,
                        uint32_t *result);

#endif
