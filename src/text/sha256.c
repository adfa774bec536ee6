/*
 * sha256: SHA-256 as FIPS 180-4 ("Secure Hash Standard", NIST, 2015)
 * defines it: section 4.2.2 for the constants, 5.1.1 for the padding,
 * 5.3.3 for the initial state, 6.2.2 for the rounds.
 */
#include "text/sha256.h"

#include <string.h>

/* The first 32 bits of the fractional parts of the cube roots of the first 64 primes (4.2.2). */
static const uint32_t round_constants[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotate_right(uint32_t x, unsigned n)
{
	return x >> n | x << (32 - n);
}

/* One 512-bit block into the state (6.2.2). */
static void compress(uint32_t state[8], const unsigned char block[64])
{
	uint32_t w[64], v[8];

	for (unsigned t = 0; t < 16; t++)
		w[t] = (uint32_t)block[4 * t] << 24 | (uint32_t)block[4 * t + 1] << 16 | (uint32_t)block[4 * t + 2] << 8 |
		       block[4 * t + 3];
	for (unsigned t = 16; t < 64; t++) {
		uint32_t s0 = rotate_right(w[t - 15], 7) ^ rotate_right(w[t - 15], 18) ^ w[t - 15] >> 3;
		uint32_t s1 = rotate_right(w[t - 2], 17) ^ rotate_right(w[t - 2], 19) ^ w[t - 2] >> 10;
		w[t] = w[t - 16] + s0 + w[t - 7] + s1;
	}
	memcpy(v, state, sizeof(v));
	for (unsigned t = 0; t < 64; t++) {
		uint32_t e = v[4], a = v[0];
		uint32_t t1 = v[7] + (rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25)) +
		              ((e & v[5]) ^ (~e & v[6])) + round_constants[t] + w[t];
		uint32_t t2 = (rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22)) +
		              ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof(v[0]));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (unsigned i = 0; i < 8; i++)
		state[i] += v[i];
}

void sha256_init(struct sha256 *hash)
{
	static const uint32_t initial[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		                             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	memcpy(hash->state, initial, sizeof(initial));
	hash->length = 0;
	hash->used = 0;
}

void sha256_update(struct sha256 *hash, const void *data, size_t size)
{
	const unsigned char *bytes = data;

	hash->length += size;
	while (size > 0) {
		size_t take = 64 - hash->used < size ? 64 - hash->used : size;
		memcpy(hash->block + hash->used, bytes, take);
		hash->used += take;
		bytes += take;
		size -= take;
		if (hash->used == 64) {
			compress(hash->state, hash->block);
			hash->used = 0;
		}
	}
}

void sha256_final(struct sha256 *hash, unsigned char digest[SHA256_BYTES])
{
	uint64_t bits = hash->length * 8;
	unsigned char length[8];

	/* A 1 bit, zeros to 56 bytes of the block, the length in bits, big-endian (5.1.1). */
	hash->block[hash->used++] = 0x80;
	if (hash->used > 56) {
		memset(hash->block + hash->used, 0, 64 - hash->used);
		compress(hash->state, hash->block);
		hash->used = 0;
	}
	memset(hash->block + hash->used, 0, 56 - hash->used);
	for (unsigned i = 0; i < 8; i++)
		length[i] = (unsigned char)(bits >> (56 - 8 * i));
	memcpy(hash->block + 56, length, 8);
	compress(hash->state, hash->block);
	for (unsigned i = 0; i < 8; i++)
		for (unsigned b = 0; b < 4; b++)
			digest[4 * i + b] = (unsigned char)(hash->state[i] >> (24 - 8 * b));
}

void sha256_hex(const void *data, size_t size, char hex[SHA256_HEX])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char digest[SHA256_BYTES];
	struct sha256 hash;

	sha256_init(&hash);
	sha256_update(&hash, data, size);
	sha256_final(&hash, digest);
	for (size_t i = 0; i < SHA256_BYTES; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * SHA256_BYTES] = '\0';
}
