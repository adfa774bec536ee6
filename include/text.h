/*
 * text: the two small helpers several modules need: ASCII lower case, and
 * the FNV-1a hash their tables use.
 */
#ifndef F2S_TEXT_H
#define F2S_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* c in lower case, for ASCII letters; any other byte as it is. */
static inline char text_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* FNV-1a of length bytes of text, with letters folded to lower case when fold is set. */
static inline uint32_t text_hash(const char *text, size_t length, int fold)
{
	uint32_t hash = 2166136261u;

	for (size_t i = 0; i < length; i++)
		hash = (hash ^ (unsigned char)(fold ? text_lower(text[i]) : text[i])) * 16777619u;
	return hash;
}

#endif
