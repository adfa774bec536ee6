/*
 * Fuzzes the BPF evaluator the judge runs filters with: any bytes are a
 * program (8 bytes an instruction) run on a call drawn from its first
 * bytes. The promise: no read outside the program or the call, whatever
 * the jumps and loads say, and a result only with BPF_OK.
 */
#include "profile/bpf.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bpf_call call;
	size_t length = size / sizeof(struct sock_filter);
	struct sock_filter *program = malloc(length ? length * sizeof(program[0]) : 1);
	uint32_t result = 0xa5a5a5a5u;

	if (program == NULL)
		return 0;
	memcpy(program, data, length * sizeof(program[0]));
	memset(&call, 0, sizeof(call));
	if (size >= 8) {
		memcpy(&call.nr, data, 4);
		memcpy(&call.arch, data + 4, 4);
	}
	call.args[0] = size;
	call.big_endian = size % 2 == 1;
	enum bpf_status status = bpf_run(program, length, &call, &result);
	if (status != BPF_OK && result != 0xa5a5a5a5u)
		abort();
	free(program);
	return 0;
}
