/*
 * bpf: the classic BPF instructions a seccomp filter may hold (the
 * kernel's seccomp_check_filter and bpf_check_classic), run the way
 * net/core/filter.c runs them: an accumulator A, an index X and 16 words
 * of scratch memory, all 32-bit.
 */
#include "profile/bpf.h"

#include <string.h>

/* The 16 words of struct seccomp_data: nr, arch, ip and the six arguments, two words each. */
static void call_words(const struct bpf_call *call, uint32_t words[16])
{
	words[0] = (uint32_t)call->nr;
	words[1] = call->arch;
	for (int i = 0; i < 7; i++) {
		uint64_t value = i == 0 ? call->ip : call->args[i - 1];
		uint32_t low = (uint32_t)value, high = (uint32_t)(value >> 32);
		words[2 + 2 * i] = call->big_endian ? high : low;
		words[3 + 2 * i] = call->big_endian ? low : high;
	}
}

/* A op B for the ALU instructions; false for one seccomp refuses (a division by zero ends the filter). */
static bool alu(uint16_t code, uint32_t a, uint32_t b, uint32_t *out)
{
	switch (BPF_OP(code)) {
	case BPF_ADD: *out = a + b; return true;
	case BPF_SUB: *out = a - b; return true;
	case BPF_MUL: *out = a * b; return true;
	case BPF_DIV: if (b == 0) return false; *out = a / b; return true;
	case BPF_MOD: if (b == 0) return false; *out = a % b; return true;
	case BPF_AND: *out = a & b; return true;
	case BPF_OR: *out = a | b; return true;
	case BPF_XOR: *out = a ^ b; return true;
	case BPF_LSH: *out = b < 32 ? a << b : 0; return true;
	case BPF_RSH: *out = b < 32 ? a >> b : 0; return true;
	case BPF_NEG: *out = (uint32_t)-a; return true;
	default: return false;
	}
}

enum bpf_status bpf_run(const struct sock_filter *program, size_t length, const struct bpf_call *call,
                        uint32_t *result)
{
	uint32_t words[16], memory[BPF_MEMWORDS] = { 0 }, a = 0, x = 0;

	call_words(call, words);
	for (size_t pc = 0; pc < length; pc++) {
		const struct sock_filter *in = &program[pc];
		uint32_t k = in->k, value;
		switch (BPF_CLASS(in->code)) {
		case BPF_LD:
			if (in->code == (BPF_LD | BPF_W | BPF_ABS)) {
				if (k % 4 != 0 || k >= sizeof(words))
					return BPF_BAD_LOAD;
				a = words[k / 4];
			} else if (in->code == (BPF_LD | BPF_W | BPF_LEN)) {
				a = sizeof(words);
			} else if (in->code == (BPF_LD | BPF_IMM)) {
				a = k;
			} else if (in->code == (BPF_LD | BPF_MEM)) {
				if (k >= BPF_MEMWORDS)
					return BPF_BAD_LOAD;
				a = memory[k];
			} else {
				return BPF_BAD_CODE;
			}
			break;
		case BPF_LDX:
			if (in->code == (BPF_LDX | BPF_W | BPF_LEN)) {
				x = sizeof(words);
			} else if (in->code == (BPF_LDX | BPF_IMM)) {
				x = k;
			} else if (in->code == (BPF_LDX | BPF_MEM)) {
				if (k >= BPF_MEMWORDS)
					return BPF_BAD_LOAD;
				x = memory[k];
			} else {
				return BPF_BAD_CODE;
			}
			break;
		case BPF_ST:
		case BPF_STX:
			if (k >= BPF_MEMWORDS)
				return BPF_BAD_LOAD;
			memory[k] = BPF_CLASS(in->code) == BPF_ST ? a : x;
			break;
		case BPF_ALU:
			if (!alu(in->code, a, BPF_SRC(in->code) == BPF_X ? x : k, &a))
				return BPF_BAD_CODE;
			break;
		case BPF_JMP: {
			size_t next;
			bool taken;
			if (BPF_OP(in->code) == BPF_JA) {
				if (k >= length - pc - 1)
					return BPF_BAD_JUMP;
				pc += k;
				break;
			}
			value = BPF_SRC(in->code) == BPF_X ? x : k;
			switch (BPF_OP(in->code)) {
			case BPF_JEQ: taken = a == value; break;
			case BPF_JGT: taken = a > value; break;
			case BPF_JGE: taken = a >= value; break;
			case BPF_JSET: taken = (a & value) != 0; break;
			default: return BPF_BAD_CODE;
			}
			next = taken ? in->jt : in->jf;
			if (next >= length - pc - 1)
				return BPF_BAD_JUMP;
			pc += next;
			break;
		}
		case BPF_RET:
			if (BPF_RVAL(in->code) == BPF_K)
				*result = k;
			else if (BPF_RVAL(in->code) == BPF_A)
				*result = a;
			else
				return BPF_BAD_CODE;
			return BPF_OK;
		case BPF_MISC:
			if (BPF_MISCOP(in->code) == BPF_TAX)
				x = a;
			else if (BPF_MISCOP(in->code) == BPF_TXA)
				a = x;
			else
				return BPF_BAD_CODE;
			break;
		default:
			return BPF_BAD_CODE;
		}
	}
	return BPF_NO_RETURN;
}
