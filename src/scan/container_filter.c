/*
 * container_filter: matching container ids, and the pre-filter that lets
 * the reader pass over most lines of a large log without parsing them.
 */
#include "scan/container_filter.h"

#include "decode/event.h"
#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#if defined(__x86_64__) && !defined(F2S_NO_SIMD)
#include <immintrin.h>
#elif defined(__SSE2__)
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

/* Tells whether the first length bytes of text, in any case, are those of lower, which is in lower case. */
static bool same_folded(const char *text, const char *lower, size_t length)
{
	if (length >= 8) {
		/* Eight bytes at a time, the last word overlapping the one before it. */
		for (size_t i = 0; i + 8 < length; i += 8)
			if (text_lower_word8(text_word8(text + i)) != text_word8(lower + i))
				return false;
		return text_lower_word8(text_word8(text + length - 8)) == text_word8(lower + length - 8);
	}
	for (size_t i = 0; i < length; i++)
		if (text_lower(text[i]) != lower[i])
			return false;
	return true;
}

int container_filter_match(const struct container_filter *filter, const char *id, size_t length)
{
	if (id == NULL || length < CONTAINER_SHORT_ID)
		return -1;
	for (size_t i = 0; i < filter->count; i++) {
		const struct container_wanted *wanted = &filter->wanted[i];
		size_t common = length < wanted->length ? length : wanted->length;
		if (same_folded(id, wanted->id, common))
			return (int)i;
	}
	return -1;
}

/* The drop alert's rule name, whose first byte the scan looks for. */
static const char drop_rule[] = EVENT_DROP_RULE;
#define DROP_RULE_LENGTH (sizeof(drop_rule) - 1)

/*
 * Tells whether text (at least 12 bytes) may begin with id: compared with
 * bit 0x20 set, which folds A-F onto a-f and leaves digits as they are. A
 * few bytes that are not hex digits fold onto one too; they only make a
 * line decoded that need not be, never the other way round.
 */
static bool folded_id_at(const char *text, const char *id)
{
	for (size_t i = 0; i < CONTAINER_SHORT_ID; i++)
		if (((unsigned char)text[i] | 0x20) != (unsigned char)id[i])
			return false;
	return true;
}

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
	for (size_t i = 0; i < filter->count && left >= CONTAINER_SHORT_ID; i++)
		if (folded_id_at(text + at, filter->wanted[i].id))
			return true;
	return false;
}

/* The id's bytes that the vector loops compare: its first, second and last of 12. */
#define PROBE_SECOND 1
#define PROBE_LAST (CONTAINER_SHORT_ID - 1)

/*
 * One pass over the line finds every place interesting_at must look at.
 * Sixteen (or, with AVX2, 32) positions at a time it compares three
 * characters of each wanted id, with case folded by setting bit 0x20, and
 * looks for '\\' and for the first byte of the drop rule: the idea of
 * Wojciech Mula's SIMD-friendly substring search. Where a position
 * matches, interesting_at decides. The last window overlaps the one before
 * it, so that only the last PROBE_LAST positions, too short for an id, are
 * left to a plain loop. Each returns how far it got, or SIZE_MAX when the
 * line is interesting.
 */
#if defined(__x86_64__) && !defined(F2S_NO_SIMD)
__attribute__((target("avx2")))
static bool window_avx2(const struct container_filter *filter, const char *text, size_t length, size_t at)
{
	const __m256i fold = _mm256_set1_epi8(0x20);
	__m256i head = _mm256_loadu_si256((const __m256i *)(const void *)(text + at));
	__m256i second = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(const void *)(text + at + PROBE_SECOND)), fold);
	__m256i last = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(const void *)(text + at + PROBE_LAST)), fold);
	__m256i folded = _mm256_or_si256(head, fold);
	__m256i hits = _mm256_or_si256(_mm256_cmpeq_epi8(head, _mm256_set1_epi8('\\')),
	                               _mm256_cmpeq_epi8(head, _mm256_set1_epi8(drop_rule[0])));

	for (size_t i = 0; i < filter->count; i++) {
		const char *id = filter->wanted[i].id;
		__m256i probe = _mm256_and_si256(_mm256_cmpeq_epi8(folded, _mm256_set1_epi8(id[0])),
		                                 _mm256_cmpeq_epi8(second, _mm256_set1_epi8(id[PROBE_SECOND])));
		hits = _mm256_or_si256(hits, _mm256_and_si256(probe, _mm256_cmpeq_epi8(last, _mm256_set1_epi8(id[PROBE_LAST]))));
	}
	for (unsigned mask = (unsigned)_mm256_movemask_epi8(hits); mask != 0; mask &= mask - 1)
		if (interesting_at(filter, text, length, at + (unsigned)__builtin_ctz(mask)))
			return true;
	return false;
}

__attribute__((target("avx2")))
static size_t vector_pass_avx2(const struct container_filter *filter, const char *text, size_t length)
{
	if (length < PROBE_LAST + 32)
		return 0;
	for (size_t at = 0;; at += 32) {
		if (at > length - PROBE_LAST - 32)
			at = length - PROBE_LAST - 32;
		if (window_avx2(filter, text, length, at))
			return SIZE_MAX;
		if (at == length - PROBE_LAST - 32)
			return length - PROBE_LAST;
	}
}
#endif

#if defined(__SSE2__) && !defined(F2S_NO_SIMD)
static bool window_sse2(const struct container_filter *filter, const char *text, size_t length, size_t at)
{
	const __m128i fold = _mm_set1_epi8(0x20);
	__m128i head = _mm_loadu_si128((const __m128i *)(const void *)(text + at));
	__m128i second = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(text + at + PROBE_SECOND)), fold);
	__m128i last = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(text + at + PROBE_LAST)), fold);
	__m128i folded = _mm_or_si128(head, fold);
	__m128i hits = _mm_or_si128(_mm_cmpeq_epi8(head, _mm_set1_epi8('\\')), _mm_cmpeq_epi8(head, _mm_set1_epi8(drop_rule[0])));

	for (size_t i = 0; i < filter->count; i++) {
		const char *id = filter->wanted[i].id;
		__m128i probe = _mm_and_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8(id[0])),
		                              _mm_cmpeq_epi8(second, _mm_set1_epi8(id[PROBE_SECOND])));
		hits = _mm_or_si128(hits, _mm_and_si128(probe, _mm_cmpeq_epi8(last, _mm_set1_epi8(id[PROBE_LAST]))));
	}
	for (unsigned mask = (unsigned)_mm_movemask_epi8(hits); mask != 0; mask &= mask - 1)
		if (interesting_at(filter, text, length, at + (unsigned)__builtin_ctz(mask)))
			return true;
	return false;
}

static size_t vector_pass_sse2(const struct container_filter *filter, const char *text, size_t length)
{
	if (length < PROBE_LAST + 16)
		return 0;
	for (size_t at = 0;; at += 16) {
		if (at > length - PROBE_LAST - 16)
			at = length - PROBE_LAST - 16;
		if (window_sse2(filter, text, length, at))
			return SIZE_MAX;
		if (at == length - PROBE_LAST - 16)
			return length - PROBE_LAST;
	}
}
#endif

/* The widest vectors the pre-filter may use, in bits: 256, 128 or 0 (none); tests narrow it. */
static unsigned vector_bits = 256;

void container_filter_limit_vectors(unsigned bits)
{
	vector_bits = bits;
}

/* Which vector pass this processor runs; none leaves the whole line to the plain loop. */
static size_t vector_pass(const struct container_filter *filter, const char *text, size_t length)
{
#if defined(__x86_64__) && !defined(F2S_NO_SIMD)
	if (vector_bits >= 256 && __builtin_cpu_supports("avx2"))
		return vector_pass_avx2(filter, text, length);
#endif
#if defined(__SSE2__) && !defined(F2S_NO_SIMD)
	if (vector_bits >= 128)
		return vector_pass_sse2(filter, text, length);
#endif
	(void)filter, (void)text, (void)length;
	return 0;
}

static bool line_is_interesting(const struct container_filter *filter, const char *text, size_t length)
{
	size_t at = vector_pass(filter, text, length);

	if (at == SIZE_MAX)
		return true;
	/* Where fewer than 12 bytes are left, only a "\u" escape can begin. */
	for (; at < length; at++)
		if ((text[at] == '\\' || length - at >= CONTAINER_SHORT_ID) && interesting_at(filter, text, length, at))
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
