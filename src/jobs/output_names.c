/*
 * output_names: file names a container may give its profile.
 */
#include "jobs/output_names.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/*
 * A container name usable as a file name inside --output-dir: letters,
 * digits, '.', '_' and '-', and a letter or digit first, so that it is
 * never hidden, never taken for an option, and never leaves the directory.
 */
static bool safe_file_name(const char *name)
{
	if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z') ||
	      (name[0] >= '0' && name[0] <= '9')) || strlen(name) > 100)
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

/* Whether another container has name, in any case: case-insensitive file systems would hold one file for both. */
static bool name_taken(const struct scan *scan, size_t self, const char *name)
{
	for (size_t i = 0; i < scan->container_count; i++)
		if (i != self && (strcasecmp(scan->containers[i].name, name) == 0 || strcasecmp(scan->containers[i].id, name) == 0))
			return true;
	return false;
}

void output_names_dns1123(const char *text, char *out, size_t size)
{
	size_t used = 0, limit = size - 1 < 253 ? size - 1 : 253;

	for (const char *p = text; *p && used < limit; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		bool kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
		if (!kept && (used == 0 || out[used - 1] == '-'))
			continue;
		out[used++] = kept ? c : '-';
	}
	while (used > 0 && !((out[used - 1] >= 'a' && out[used - 1] <= 'z') || (out[used - 1] >= '0' && out[used - 1] <= '9')))
		used--;
	out[used] = '\0';
	size_t start = strspn(out, ".-");
	memmove(out, out + start, used - start + 1);
	if (out[0] == '\0')
		snprintf(out, size, "profile");
}

const char *output_name_for(const struct scan *scan, size_t index)
{
	const struct scan_container *c = &scan->containers[index];

	if (safe_file_name(c->name) && !name_taken(scan, index, c->name))
		return c->name;
	return safe_file_name(c->id) ? c->id : NULL;
}
