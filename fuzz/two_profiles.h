/*
 * Splits a fuzz input into two profiles at its first NUL byte (the whole
 * input is both when it has none), for the targets that read two.
 */
#ifndef F2S_FUZZ_TWO_PROFILES_H
#define F2S_FUZZ_TWO_PROFILES_H

#include "profile/profile.h"

#include <stdint.h>
#include <string.h>

/* Parses both; returns how many parsed (0, 1 or 2), a and b freed by the caller either way. */
static inline int parse_two(const uint8_t *data, size_t size, struct profile_input *a, struct profile_input *b)
{
	const uint8_t *cut = memchr(data, '\0', size);
	size_t first = cut ? (size_t)(cut - data) : size;
	const char *second = cut ? (const char *)cut + 1 : (const char *)data;
	size_t second_size = cut ? size - first - 1 : size;
	char message[512];
	int parsed = 0;

	memset(b, 0, sizeof(*b));
	if (profile_parse("a.json", (const char *)data, first, a, message, sizeof(message)) == 0)
		parsed++;
	if (profile_parse("b.json", second, second_size, b, message, sizeof(message)) == 0)
		parsed++;
	return parsed;
}

#endif
