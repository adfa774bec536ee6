/*
 * provenance: where a scan's events came from, for the provenance of the
 * profile made of them: the alerts' first and last time (RFC 3339, which
 * orders as text), the Falco hosts and the image digests.
 */
#include "scan/scan.h"
#include "text/text.h"

#include <stdio.h>
#include <string.h>

/*
 * Orders time (length bytes) against kept (NUL-terminated): RFC 3339 times
 * of one form order as text. Called for every event, so without a copy.
 */
static int order(const char *time, size_t length, const char *kept)
{
	size_t known = strlen(kept);
	int diff = memcmp(time, kept, length < known ? length : known);

	return diff != 0 ? diff : (length > known) - (length < known);
}

/* Keeps time (length bytes) as the first or last when it is earlier or later. */
static void add_time(struct scan_provenance *provenance, const char *time, size_t length)
{
	if (time == NULL || length == 0 || length >= sizeof(provenance->first))
		return;
	/* A log runs forward: most events are the last so far. */
	if (provenance->last[0] == '\0' || order(time, length, provenance->last) > 0) {
		memcpy(provenance->last, time, length);
		provenance->last[length] = '\0';
	}
	if (provenance->first[0] == '\0' || order(time, length, provenance->first) < 0) {
		memcpy(provenance->first, time, length);
		provenance->first[length] = '\0';
	}
}

void scan_provenance_note(struct scan_provenance *provenance, const char *time, size_t time_length, const char *host,
                          size_t host_length, const char *digest, size_t digest_length)
{
	add_time(provenance, time, time_length);
	text_sorted_add(provenance->hosts[0], sizeof(provenance->hosts[0]), SCAN_PROVENANCE_NAMES, &provenance->host_count,
	                &provenance->more_hosts, host, host_length);
	text_sorted_add(provenance->digests[0], sizeof(provenance->digests[0]), SCAN_PROVENANCE_NAMES,
	                &provenance->digest_count, &provenance->more_digests, digest, digest_length);
}

void scan_provenance_unite(struct scan_provenance *into, const struct scan_provenance *from)
{
	add_time(into, from->first, strlen(from->first));
	add_time(into, from->last, strlen(from->last));
	for (size_t i = 0; i < from->host_count; i++)
		text_sorted_add(into->hosts[0], sizeof(into->hosts[0]), SCAN_PROVENANCE_NAMES, &into->host_count,
		                &into->more_hosts, from->hosts[i], strlen(from->hosts[i]));
	into->more_hosts |= from->more_hosts;
	for (size_t i = 0; i < from->digest_count; i++)
		text_sorted_add(into->digests[0], sizeof(into->digests[0]), SCAN_PROVENANCE_NAMES, &into->digest_count,
		                &into->more_digests, from->digests[i], strlen(from->digests[i]));
	into->more_digests |= from->more_digests;
}
