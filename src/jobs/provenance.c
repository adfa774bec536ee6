/*
 * provenance: the annotations of a profile's artifact. Keys: the OCI image
 * spec's (annotations.md: org.opencontainers.image.created, RFC 3339) and
 * the program's own under dev.falco2seccomp.
 */
#include "jobs/provenance.h"

#include "jobs/options.h"
#include "policy/docker_default.h"
#include "report/results.h"
#include "scan/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Sets key to value, replacing an earlier value of that key. */
static void put(struct provenance *provenance, const char *key, const char *value)
{
	for (size_t i = 0; i < provenance->count; i++)
		if (strcmp(provenance->items[i].key, key) == 0) {
			provenance->items[i].value = value;
			return;
		}
	if (provenance->count < PROVENANCE_MAX)
		provenance->items[provenance->count++] = (struct profile_annotation){ key, value };
}

/* Joins count names (each width bytes apart from first) with commas into text, and ", ..." when there were more. */
static const char *join(char *text, size_t size, const char *first, size_t width, size_t count, bool more)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++)
		used += (size_t)snprintf(text + used, size - used, "%s%s", i ? "," : "", first + i * width);
	if (more && used < size)
		snprintf(text + used, size - used, ",...");
	return text;
}

/*
 * The recording: its window, its hosts, the images' digests (the rule
 * prints container.image.digest); hosts and digests are joined into the
 * two texts (1024 bytes each).
 */
static void put_seen(struct provenance *provenance, const struct scan_provenance *seen, char *hosts, char *digests)
{
	if (seen->first[0] != '\0') {
		put(provenance, "dev.falco2seccomp.first-event", seen->first);
		put(provenance, "dev.falco2seccomp.last-event", seen->last);
	}
	if (seen->host_count > 0)
		put(provenance, "dev.falco2seccomp.hosts", join(hosts, 1024, seen->hosts[0], sizeof(seen->hosts[0]),
		                                                seen->host_count, seen->more_hosts));
	if (seen->digest_count > 0)
		put(provenance, "dev.falco2seccomp.image-digests", join(digests, 1024, seen->digests[0],
		                                                        sizeof(seen->digests[0]), seen->digest_count,
		                                                        seen->more_digests));
}

/* The time the profile was made: SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else now. */
static void created(char *text, size_t size)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long seconds = epoch != NULL ? strtoll(epoch, &end, 10) : -1;
	time_t when = epoch != NULL && end != epoch && *end == '\0' && seconds >= 0 ? (time_t)seconds : time(NULL);
	struct tm utc;

	if (gmtime_r(&when, &utc) == NULL || strftime(text, size, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0)
		snprintf(text, size, "1970-01-01T00:00:00Z");
}

void provenance_fill(struct provenance *provenance, const struct options *opts, const struct run_results *results,
                     bool created_too)
{
	char (*texts)[1024] = provenance->texts;
	size_t used = 0;

	provenance->count = 0;
	if (created_too) {
		created(texts[0], sizeof(texts[0]));
		put(provenance, "org.opencontainers.image.created", texts[0]);
	}
	put(provenance, "dev.falco2seccomp.version", F2S_VERSION);
	put(provenance, "dev.falco2seccomp.floor", docker_default_version());
	/* A merge of profiles has no recording of its own: it says how many it merged, not a selection. */
	if (opts->merge_only) {
		snprintf(texts[1], sizeof(texts[1]), "%zu", opts->merge.count);
		put(provenance, "dev.falco2seccomp.merged-profiles", texts[1]);
		put(provenance, "dev.falco2seccomp.runtime", results->runtime->used);
		arch_list_describe(results->arches, texts[4], sizeof(texts[4]));
		put(provenance, "dev.falco2seccomp.architectures", texts[4]);
		goto command_line;
	}
	/* What was selected: the workload as the user gave it, or the container ids. */
	if (results->workload->selection[0] != '\0') {
		snprintf(texts[1], sizeof(texts[1]), "%s", results->workload->selection);
	} else {
		texts[1][0] = '\0';
		for (size_t i = 0; i < opts->containers.count && used < sizeof(texts[1]); i++)
			used += (size_t)snprintf(texts[1] + used, sizeof(texts[1]) - used, "%s-container-id %s",
			                         i ? " " : "", opts->containers.wanted[i].id);
	}
	put(provenance, "dev.falco2seccomp.selection", texts[1]);
	snprintf(texts[2], sizeof(texts[2]), "%llu", (unsigned long long)results->scan->matched);
	put(provenance, "dev.falco2seccomp.events", texts[2]);
	snprintf(texts[3], sizeof(texts[3]), "%zu",
	         results->workload->selection[0] != '\0' ? results->workload->containers : opts->containers.count);
	put(provenance, "dev.falco2seccomp.containers", texts[3]);
	if (results->workload->images[0] != '\0')
		put(provenance, "dev.falco2seccomp.images", results->workload->images);
	put(provenance, "dev.falco2seccomp.runtime", results->runtime->used);
	put_seen(provenance, &results->scan->provenance, texts[5], texts[6]);
	arch_list_describe(results->arches, texts[4], sizeof(texts[4]));
	put(provenance, "dev.falco2seccomp.architectures", texts[4]);
command_line:
	/* An artifact's: the command line's own, each KEY=VALUE split at its first '='; options.c checked the key. */
	for (size_t i = 0; created_too && i < opts->oci_annotations.count && i < PROVENANCE_MAX; i++) {
		const char *item = opts->oci_annotations.items[i];
		size_t key_length = strcspn(item, "=");
		if (key_length >= sizeof(provenance->keys[i]))
			continue;
		memcpy(provenance->keys[i], item, key_length);
		provenance->keys[i][key_length] = '\0';
		put(provenance, provenance->keys[i], item + key_length + 1);
	}
}

void provenance_of_member(struct provenance *provenance, const struct provenance_member *member)
{
	char (*texts)[1024] = provenance->member_texts;
	const struct scan_provenance *seen = member->seen;

	put(provenance, "dev.falco2seccomp.selection", member->selection);
	snprintf(texts[0], sizeof(texts[0]), "%llu", member->events);
	put(provenance, "dev.falco2seccomp.events", texts[0]);
	snprintf(texts[1], sizeof(texts[1]), "%zu", member->containers);
	put(provenance, "dev.falco2seccomp.containers", texts[1]);
	if (member->images[0] != '\0')
		put(provenance, "dev.falco2seccomp.images", member->images);
	put_seen(provenance, seen, texts[2], texts[3]);
}
