/*
 * sha256: the SHA-256 digest (FIPS 180-4), for the content addresses of an
 * OCI image layout (sha256.c).
 */
#ifndef F2S_SHA256_H
#define F2S_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32
#define SHA256_HEX (2 * SHA256_BYTES + 1)

struct sha256 {
	uint32_t state[8];
	uint64_t length;       /* bytes taken */
	unsigned char block[64];
	size_t used;           /* bytes of block filled */
};

void sha256_init(struct sha256 *hash);
void sha256_update(struct sha256 *hash, const void *data, size_t size);
void sha256_final(struct sha256 *hash, unsigned char digest[SHA256_BYTES]);

/* The digest of size bytes at data, in lower-case hexadecimal (NUL-terminated) into hex. */
void sha256_hex(const void *data, size_t size, char hex[SHA256_HEX]);

#endif
