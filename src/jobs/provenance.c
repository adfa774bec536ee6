/*
 * provenance: the annotations of a profile's artifact. Keys: the OCI image
 * spec's (annotations.md: org.opencontainers.image.created, RFC 3339) and
 * the program's own under dev.falco2seccomp.
 */
#include "jobs/provenance.h"

#include "jobs/options.h"
#include "profile/profile.h"
#include "policy/docker_default.h"
#include "report/results.h"
#include "scan/scan.h"
#include "text/text.h"

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

/* Joins count names (each width bytes apart from first) with separator into text, and "..." when there were more. */
static const char *join(char *text, size_t size, const char *first, size_t width, size_t count, bool more,
                        const char *separator)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++)
		used += (size_t)snprintf(text + used, size - used, "%s%s", i ? separator : "", first + i * width);
	if (more && used < size)
		snprintf(text + used, size - used, "%s...", count ? separator : "");
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
		                                                seen->host_count, seen->more_hosts, ","));
	if (seen->digest_count > 0)
		put(provenance, "dev.falco2seccomp.image-digests", join(digests, 1024, seen->digests[0],
		                                                        sizeof(seen->digests[0]), seen->digest_count,
		                                                        seen->more_digests, ","));
}

/* What was selected, into text (size bytes): the workload as the user gave it, or the container ids. */
static void fill_selection(char *text, size_t size, const struct options *opts, const struct run_results *results)
{
	size_t used = 0;

	if (results->workload->selection[0] != '\0') {
		snprintf(text, size, "%s", results->workload->selection);
		return;
	}
	text[0] = '\0';
	for (size_t i = 0; i < opts->containers.count && used < size; i++)
		used += (size_t)snprintf(text + used, size - used, "%s-container-id %s", i ? " " : "",
		                         opts->containers.wanted[i].id);
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
	fill_selection(texts[1], sizeof(texts[1]), opts, results);
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

/* A sorted set of short texts, the smallest kept (as scan_provenance keeps names), joined for an annotation. */
struct text_set {
	char items[8][512];
	size_t count;
	bool more;
};

/* Adds text (length bytes) to set; "..." only says there were more (set_add_joined). */
static void set_add(struct text_set *set, const char *text, size_t length)
{
	if (length == 3 && memcmp(text, "...", 3) == 0)
		return;
	text_sorted_add(set->items[0], sizeof(set->items[0]), sizeof(set->items) / sizeof(set->items[0]), &set->count,
	                &set->more, text, length);
}

/* Adds every part of joined, split at separator (", ..." marks more), to set. */
static void set_add_joined(struct text_set *set, const char *joined, const char *separator)
{
	size_t step = strlen(separator);

	for (const char *at = joined; at != NULL && *at != '\0';) {
		const char *end = strstr(at, separator);
		size_t length = end ? (size_t)(end - at) : strlen(at);
		if (length == 3 && memcmp(at, "...", 3) == 0)
			set->more = true;
		set_add(set, at, length);
		at = end ? end + step : NULL;
	}
}

/* The text of an annotation of a merged SeccompProfile, or NULL. */
static const char *annotation(const struct profile_input *input, const char *key)
{
	const cJSON *value = cJSON_GetObjectItemCaseSensitive(input->annotations, key);
	return cJSON_IsString(value) ? value->valuestring : NULL;
}

void provenance_for_spo(struct provenance *provenance, const struct options *opts, const struct run_results *results,
                        const struct provenance_member *member, const struct profile_input *merged,
                        size_t merged_count)
{
	static struct scan_provenance united;
	static struct text_set selections, images, hosts, digests;
	char (*texts)[1024] = provenance->texts;

	provenance->count = 0;
	memset(&united, 0, sizeof(united));
	memset(&selections, 0, sizeof(selections));
	memset(&images, 0, sizeof(images));
	put(provenance, "dev.falco2seccomp.version", F2S_VERSION);
	put(provenance, "dev.falco2seccomp.floor", docker_default_version());
	if (member != NULL) {
		scan_provenance_unite(&united, member->seen);
		set_add(&selections, member->selection, strlen(member->selection));
		set_add_joined(&images, member->images, ",");
	} else if (!opts->merge_only) {
		scan_provenance_unite(&united, &results->scan->provenance);
		fill_selection(texts[1], sizeof(texts[1]), opts, results);
		set_add(&selections, texts[1], strlen(texts[1]));
		set_add_joined(&images, results->workload->images, ",");
	}
	/* The merged profiles' own, united: the earliest first event, the latest last, every host and digest. */
	for (size_t i = 0; i < merged_count; i++) {
		const char *value;
		if (merged[i].annotations == NULL)
			continue;
		if ((value = annotation(&merged[i], "dev.falco2seccomp.first-event")) != NULL)
			scan_provenance_note(&united, value, strlen(value), NULL, 0, NULL, 0);
		if ((value = annotation(&merged[i], "dev.falco2seccomp.last-event")) != NULL)
			scan_provenance_note(&united, value, strlen(value), NULL, 0, NULL, 0);
		memset(&hosts, 0, sizeof(hosts));
		memset(&digests, 0, sizeof(digests));
		set_add_joined(&hosts, annotation(&merged[i], "dev.falco2seccomp.hosts"), ",");
		set_add_joined(&digests, annotation(&merged[i], "dev.falco2seccomp.image-digests"), ",");
		for (size_t h = 0; h < hosts.count; h++)
			scan_provenance_note(&united, NULL, 0, hosts.items[h], strlen(hosts.items[h]), NULL, 0);
		for (size_t d = 0; d < digests.count; d++)
			scan_provenance_note(&united, NULL, 0, NULL, 0, digests.items[d], strlen(digests.items[d]));
		united.more_hosts |= hosts.more;
		united.more_digests |= digests.more;
		set_add_joined(&selections, annotation(&merged[i], "dev.falco2seccomp.selection"), "; ");
		set_add_joined(&images, annotation(&merged[i], "dev.falco2seccomp.images"), ",");
	}
	if (selections.count > 0 || selections.more)
		put(provenance, "dev.falco2seccomp.selection", join(texts[2], sizeof(texts[2]), selections.items[0],
		                                                    sizeof(selections.items[0]), selections.count,
		                                                    selections.more, "; "));
	if (images.count > 0 || images.more)
		put(provenance, "dev.falco2seccomp.images", join(texts[3], sizeof(texts[3]), images.items[0],
		                                                 sizeof(images.items[0]), images.count, images.more, ","));
	put_seen(provenance, &united, texts[5], texts[6]);
}
