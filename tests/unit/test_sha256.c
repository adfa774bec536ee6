/*
 * SHA-256 against the examples of FIPS 180-4's validation (NIST CAVP and
 * the standard's own: "abc", the two-block message, a million a's), fed
 * whole and in uneven pieces.
 */
#include "text/sha256.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

static void sha256_should_give_the_standards_digests(void)
{
	static const struct {
		const char *text;
		size_t repeat;
		const char *hex;
	} rows[] = {
		{ "", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
		/* 55, 56 and 64 bytes: the padding's edges. */
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1,
		  "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1,
		  "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1,
		  "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t length = strlen(rows[i].text), total = length * rows[i].repeat;
		char *text = malloc(total + 1), hex[SHA256_HEX];
		for (size_t r = 0; r < rows[i].repeat; r++)
			memcpy(text + r * length, rows[i].text, length);
		sha256_hex(text, total, hex);
		CHECK_STR(hex, rows[i].hex);
		/* In pieces of 1, 7, 63, 64 and 65 bytes, the same. */
		static const size_t pieces[] = { 1, 7, 63, 64, 65 };
		for (size_t p = 0; p < sizeof(pieces) / sizeof(pieces[0]) && total < 100000; p++) {
			struct sha256 hash;
			unsigned char digest[SHA256_BYTES];
			char again[SHA256_HEX];
			sha256_init(&hash);
			for (size_t at = 0; at < total; at += pieces[p])
				sha256_update(&hash, text + at, total - at < pieces[p] ? total - at : pieces[p]);
			sha256_final(&hash, digest);
			for (size_t b = 0; b < SHA256_BYTES; b++)
				snprintf(again + 2 * b, 3, "%02x", digest[b]);
			CHECK_STR(again, rows[i].hex);
		}
		free(text);
	}
}

const struct test_case sha256_tests[] = {
	TEST_CASE(sha256_should_give_the_standards_digests),
	{ NULL, NULL },
};
