/*
 * provenance: where a profile came from, as the annotations of its OCI
 * artifact's manifest (provenance.c).
 */
#ifndef F2S_PROVENANCE_H
#define F2S_PROVENANCE_H

#include "profile/oci_layout.h"

#include <stdbool.h>
#include <stddef.h>

struct options;
struct run_results;
struct profile_input;
struct scan_provenance;

/* One container or workload of --all-containers, whose profile's provenance is its own. */
struct provenance_member {
	const char *selection;             /* "container ID", or the workload's key */
	unsigned long long events;         /* its events */
	size_t containers;                 /* its containers */
	const char *images;                /* its image, or "" */
	const struct scan_provenance *seen; /* its events' window, hosts and image digests */
};

/* The most annotations a manifest gets: ours and the command line's. */
#define PROVENANCE_MAX 48

/* The annotations and the texts they point into. */
struct provenance {
	struct profile_annotation items[PROVENANCE_MAX];
	size_t count;
	char texts[7][1024];                    /* ours */
	char keys[PROVENANCE_MAX][256];         /* the command line's keys */
	char member_texts[4][1024];             /* a member's own */
};

/*
 * Fills provenance for the profile of results under opts: with created_too
 * the time it was made (SOURCE_DATE_EPOCH when set, so that a rebuild gives
 * the same digest; an artifact's), the tool's version and floor, the selection, the events and
 * containers it came from, the images, the runtime baseline and the
 * architectures; then, for an artifact, --oci-annotation's, which replace
 * ours of the same key.
 */
void provenance_fill(struct provenance *provenance, const struct options *opts, const struct run_results *results,
                     bool created_too);

/*
 * Fills provenance for a SeccompProfile's metadata.annotations: only what a
 * union keeps (version, floor, selections, images, the window, hosts and
 * image digests; no counts), of the run or of member, united with the
 * annotations of the merged SeccompProfiles (merged_count of them), so that
 * merging profiles gives what one pass over their logs gives.
 */
void provenance_for_spo(struct provenance *provenance, const struct options *opts, const struct run_results *results,
                        const struct provenance_member *member, const struct profile_input *merged,
                        size_t merged_count);

/* Replaces in provenance what the run said with what member says of itself. */
void provenance_of_member(struct provenance *provenance, const struct provenance_member *member);

#endif
