/*
 * container_filter: matching container ids, and the pre-filter that lets
 * the reader pass over most lines of a large log without parsing them.
 */
#include "container_filter.h"

#include "event.h"
#include "text.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static bool is_hex(char c)
{
	c = text_lower(c);
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* The runtime prefixes that kubectl and crictl put before an id. */
static const char *const id_prefixes[] = { "containerd://", "docker://", "cri-o://" };

int container_filter_add(struct container_filter *filter, const char *given, char *message, size_t size)
{
	char id[CONTAINER_ID_TEXT_MAX + 1];
	size_t length;
	struct container_wanted *wanted;

	/* As copied from kubectl: white space around it, and a runtime prefix. */
	while (*given == ' ' || *given == '\t' || *given == '\n' || *given == '\r')
		given++;
	for (size_t i = 0; i < sizeof(id_prefixes) / sizeof(id_prefixes[0]); i++)
		if (strncmp(given, id_prefixes[i], strlen(id_prefixes[i])) == 0)
			given += strlen(id_prefixes[i]);
	snprintf(id, sizeof(id), "%s", given);
	length = strlen(id);
	while (length > 0 && (id[length - 1] == ' ' || id[length - 1] == '\t' || id[length - 1] == '\n' ||
	                      id[length - 1] == '\r'))
		id[--length] = '\0';
	if (strcmp(id, "host") == 0) {
		snprintf(message, size, "'host' is not a container: Falco marks processes outside containers "
		         "with it, and their events never go into a profile");
		return -1;
	}
	for (size_t i = 0; i < length; i++)
		if (!is_hex(id[i])) {
			snprintf(message, size,
			         "'%.64s' is not a container id (12 to 64 hexadecimal characters, as docker ps or "
			         "kubectl show them); to find the id of a container by its name, use --list-containers",
			         id);
			return -1;
		}
	if (length < CONTAINER_SHORT_ID) {
		snprintf(message, size,
		         "container id '%.64s' is ambiguous: give at least 12 characters (docker ps shows 12)", id);
		return -1;
	}
	if (length > 64) {
		snprintf(message, size, "container id '%.64s...' is longer than 64 characters", id);
		return -1;
	}
	/* The same container named twice (short and full id, say) is kept once, by its shorter id. */
	for (size_t i = 0; i < filter->count; i++) {
		struct container_wanted *known = &filter->wanted[i];
		size_t common = length < known->length ? length : known->length;
		if (strncasecmp(known->id, id, common) == 0) {
			if (length < known->length) {
				for (size_t k = 0; k <= length; k++)
					known->id[k] = text_lower(id[k]);
				known->length = length;
			}
			return 0;
		}
	}
	if (filter->count == CONTAINER_FILTER_MAX) {
		snprintf(message, size, "more than %d container ids", CONTAINER_FILTER_MAX);
		return -1;
	}
	wanted = &filter->wanted[filter->count++];
	for (size_t i = 0; i <= length; i++)
		wanted->id[i] = text_lower(id[i]);
	wanted->length = length;
	return 0;
}

int container_filter_match(const struct container_filter *filter, const char *id, size_t length)
{
	if (id == NULL || length < CONTAINER_SHORT_ID)
		return -1;
	for (size_t i = 0; i < filter->count; i++) {
		const struct container_wanted *wanted = &filter->wanted[i];
		size_t common = length < wanted->length ? length : wanted->length;
		if (strncasecmp(id, wanted->id, common) == 0)
			return (int)i;
	}
	return -1;
}

/* The drop alert's rule name, whose first byte the scan looks for. */
static const char drop_rule[] = EVENT_DROP_RULE;
#define DROP_RULE_LENGTH (sizeof(drop_rule) - 1)

/*
 * Tells whether something at text[at] forces decoding: a wanted id's first
 * 12 characters in any case, a "\u" escape, or the drop alert's rule name.
 */
static bool interesting_at(const struct container_filter *filter, const char *text, size_t length, size_t at)
{
	size_t left = length - at;

	if (text[at] == '\\' && left >= 2 && text[at + 1] == 'u')
		return true;
	if (left >= DROP_RULE_LENGTH && memcmp(text + at, drop_rule, DROP_RULE_LENGTH) == 0)
		return true;
	for (size_t i = 0; i < filter->count; i++)
		if (left >= CONTAINER_SHORT_ID && strncasecmp(text + at, filter->wanted[i].id, CONTAINER_SHORT_ID) == 0)
			return true;
	return false;
}

/*
 * One pass over the line finds every place interesting_at must look at.
 * Sixteen positions at a time it compares the first and last characters of
 * each wanted id, with case folded by setting bit 0x20 (which hex digits
 * and lower-case letters already have), and looks for '\\' and for the
 * first byte of the drop rule: the idea of Wojciech Mula's SIMD-friendly
 * substring search. Where a position matches, interesting_at decides.
 */
static bool line_is_interesting(const struct container_filter *filter, const char *text, size_t length)
{
	size_t at = 0;

#if defined(__SSE2__)
	const __m128i fold = _mm_set1_epi8(0x20);
	const __m128i backslash = _mm_set1_epi8('\\');
	const __m128i drop = _mm_set1_epi8(drop_rule[0]);
	const size_t reach = CONTAINER_SHORT_ID - 1 + 16;

	for (; at + reach <= length; at += 16) {
		__m128i head = _mm_loadu_si128((const __m128i *)(const void *)(text + at));
		__m128i tail = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(text + at + CONTAINER_SHORT_ID - 1)), fold);
		__m128i folded = _mm_or_si128(head, fold);
		__m128i hits = _mm_or_si128(_mm_cmpeq_epi8(head, backslash), _mm_cmpeq_epi8(head, drop));
		for (size_t i = 0; i < filter->count; i++) {
			const char *id = filter->wanted[i].id;
			hits = _mm_or_si128(hits, _mm_and_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8(id[0])),
			                                        _mm_cmpeq_epi8(tail, _mm_set1_epi8(id[CONTAINER_SHORT_ID - 1]))));
		}
		for (unsigned mask = (unsigned)_mm_movemask_epi8(hits); mask != 0; mask &= mask - 1)
			if (interesting_at(filter, text, length, at + (unsigned)__builtin_ctz(mask)))
				return true;
	}
#endif
	for (; at < length; at++)
		if (interesting_at(filter, text, length, at))
			return true;
	return false;
}

/* Tells whether a line is framed like a JSON object: '{' first and '}' last. */
static bool framed_as_object(const char *line, size_t length)
{
	size_t first = 0, last = length;

	while (first < length && (line[first] == ' ' || line[first] == '\t'))
		first++;
	while (last > first && (line[last - 1] == ' ' || line[last - 1] == '\t'))
		last--;
	return last - first >= 2 && line[first] == '{' && line[last - 1] == '}';
}

bool container_filter_may_match_line(const struct container_filter *filter, const char *line, size_t length)
{
	/* Text lines, blank lines and broken JSON lines are decoded, and so reported. */
	if (!framed_as_object(line, length))
		return true;
	return line_is_interesting(filter, line, length);
}
