/*
 * container_filter: matching container ids, and the pre-filter that lets
 * the reader pass over most lines of a large log without parsing them.
 */
#include "container_filter.h"

#include "event.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_hex(char c)
{
	c = lower(c);
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

int container_filter_add(struct container_filter *filter, const char *id, char *message, size_t size)
{
	size_t length = strlen(id);
	struct container_wanted *wanted;

	if (strcmp(id, "host") == 0) {
		snprintf(message, size, "'host' is not a container: Falco marks processes outside containers "
		         "with it, and their events never go into a profile");
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
	for (size_t i = 0; i < length; i++)
		if (!is_hex(id[i])) {
			snprintf(message, size, "container id '%s' is not hexadecimal", id);
			return -1;
		}
	if (filter->count == CONTAINER_FILTER_MAX) {
		snprintf(message, size, "more than %d container ids", CONTAINER_FILTER_MAX);
		return -1;
	}
	wanted = &filter->wanted[filter->count++];
	for (size_t i = 0; i <= length; i++)
		wanted->id[i] = lower(id[i]);
	wanted->length = length;
	memset(wanted->skip, CONTAINER_SHORT_ID, sizeof(wanted->skip));
	for (size_t i = 0; i + 1 < CONTAINER_SHORT_ID; i++) {
		unsigned char shift = (unsigned char)(CONTAINER_SHORT_ID - 1 - i);
		char c = wanted->id[i];
		wanted->skip[(unsigned char)c] = shift;
		if (c >= 'a' && c <= 'f')
			wanted->skip[(unsigned char)(c - 'a' + 'A')] = shift;
	}
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

/* Case-insensitive Horspool search for the wanted id's first 12 characters. */
static bool contains_short_id(const struct container_wanted *wanted, const char *text, size_t length)
{
	const size_t last = CONTAINER_SHORT_ID - 1;
	size_t at = 0;

	while (at + CONTAINER_SHORT_ID <= length) {
		unsigned char c = (unsigned char)text[at + last];
		if (lower((char)c) == wanted->id[last] &&
		    strncasecmp(text + at, wanted->id, CONTAINER_SHORT_ID) == 0)
			return true;
		at += wanted->skip[c];
	}
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
	for (size_t i = 0; i < filter->count; i++)
		if (contains_short_id(&filter->wanted[i], line, length))
			return true;
	/* Only a \u escape can spell a letter or digit of an id in JSON. */
	for (const char *p = memchr(line, '\\', length); p != NULL;
	     p = memchr(p + 1, '\\', length - (size_t)(p + 1 - line))) {
		if (p + 1 < line + length && p[1] == 'u')
			return true;
		if (p + 1 < line + length && p[1] == '\\')
			p++;
	}
	return memmem(line, length, EVENT_DROP_RULE, sizeof(EVENT_DROP_RULE) - 1) != NULL;
}
