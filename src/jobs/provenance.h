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

/* The most annotations a manifest gets: ours and the command line's. */
#define PROVENANCE_MAX 48

/* The annotations and the texts they point into. */
struct provenance {
	struct profile_annotation items[PROVENANCE_MAX];
	size_t count;
	char texts[7][1024];                    /* ours */
	char keys[PROVENANCE_MAX][256];         /* the command line's keys */
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

#endif
