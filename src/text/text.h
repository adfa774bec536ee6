/*
 * text: the small helpers several modules need: ASCII lower case, short
 * comparisons without a call, and the FNV-1a hash their tables use.
 */
#ifndef F2S_TEXT_H
#define F2S_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* c in lower case, for ASCII letters; any other byte as it is. */
static inline char text_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* One unaligned 8- or 4-byte word of text, as memcpy reads it (one load, no call). */
static inline uint64_t text_word8(const char *text)
{
	uint64_t word;
	memcpy(&word, text, sizeof(word));
	return word;
}

static inline uint32_t text_word4(const char *text)
{
	uint32_t word;
	memcpy(&word, text, sizeof(word));
	return word;
}

/* The 8 bytes of word with ASCII letters in lower case, all at once (bytes of 0x80 and up as they are). */
static inline uint64_t text_lower_word8(uint64_t word)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t seven_bits = word & ~high;
	/* The high bit of each byte says: at least 'A', and above 'Z'. No byte carries into the next. */
	uint64_t from_a = seven_bits + (0x80 - 'A') * ones;
	uint64_t past_z = seven_bits + (0x80 - 'Z' - 1) * ones;
	uint64_t upper = from_a & ~past_z & ~word & high;
	return word | upper >> 2;
}

/*
 * Tells whether length bytes of a and b are the same, in a few word loads
 * instead of a call to memcmp: for the short keys and names compared once
 * per event. The last word overlaps the one before it.
 */
static inline bool text_same(const char *a, const char *b, size_t length)
{
	if (length >= 8) {
		for (size_t i = 0; i + 8 < length; i += 8)
			if (text_word8(a + i) != text_word8(b + i))
				return false;
		return text_word8(a + length - 8) == text_word8(b + length - 8);
	}
	if (length >= 4)
		return text_word4(a) == text_word4(b) && text_word4(a + length - 4) == text_word4(b + length - 4);
	for (size_t i = 0; i < length; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* Orders two C strings held in an array of const char * (for qsort and bsearch). */
static inline int text_compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* FNV-1a of length bytes of text, with letters folded to lower case when fold is set. */
static inline uint32_t text_hash(const char *text, size_t length, int fold)
{
	uint32_t hash = 2166136261u;

	for (size_t i = 0; i < length; i++)
		hash = (hash ^ (unsigned char)(fold ? text_lower(text[i]) : text[i])) * 16777619u;
	return hash;
}

/*
 * Joins count names into text (size bytes, cut short when full) with ", "
 * between them and last before the final one (", " or " or "); returns text.
 */
static inline const char *text_join(char *text, size_t size, const char *const *names, size_t count,
                                    const char *last)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < count && used + 1 < size; i++) {
		const char *before = i == 0 ? "" : i + 1 == count ? last : ", ";
		size_t need = strlen(before) + strlen(names[i]);
		if (used + need >= size)
			break;
		memcpy(text + used, before, strlen(before));
		memcpy(text + used + strlen(before), names[i], strlen(names[i]) + 1);
		used += need;
	}
	return text;
}

/*
 * Adds name (length bytes, under width) to a sorted list of at most
 * capacity names, each width bytes apart from names, once. Past capacity
 * the smallest are kept and *more is set: what a list keeps does not
 * depend on the order names came in, so that a union of lists is the list
 * of every name (a merge's provenance).
 */
static inline void text_sorted_add(char *names, size_t width, size_t capacity, size_t *count, bool *more,
                                   const char *name, size_t length)
{
	size_t at = 0;

	if (name == NULL || length == 0 || length >= width)
		return;
	for (; at < *count; at++) {
		const char *known = names + at * width;
		size_t known_length = strlen(known);
		int diff = memcmp(name, known, length < known_length ? length : known_length);
		if (diff == 0 && length == known_length)
			return;
		if (diff < 0 || (diff == 0 && length < known_length))
			break;
	}
	if (*count == capacity) {
		*more = true;
		if (at == *count)
			return;
		(*count)--; /* the largest goes */
	}
	memmove(names + (at + 1) * width, names + at * width, (*count - at) * width);
	memcpy(names + at * width, name, length);
	names[at * width + length] = '\0';
	(*count)++;
}

#endif
