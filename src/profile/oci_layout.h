/*
 * oci_layout: a seccomp profile as an OCI artifact in an OCI image layout
 * (oci_layout.c), the shape KEP-6061 gives a profile a runtime pulls and
 * the Security Profiles Operator's spoc push writes: a manifest whose
 * artifactType and config media type are OCI_SECCOMP_ARTIFACT_TYPE, the
 * config "{}", and exactly one layer, the profile as OCI runtime-spec
 * seccomp JSON (application/json, titled profile.json).
 */
#ifndef F2S_OCI_LAYOUT_H
#define F2S_OCI_LAYOUT_H

#include "profile/profile.h"
#include "text/sha256.h"

#include <stddef.h>

/* kubernetes-sigs/security-profiles-operator, internal/pkg/artifact (MediaTypeSeccompProfile); KEP-6061. */
#define OCI_SECCOMP_ARTIFACT_TYPE "application/vnd.cncf.seccomp-profile.config.v1+json"

/* A layout built beside its directory, not yet in place. */
struct oci_layout_built {
	char dir[4096];   /* where it goes, without a trailing '/' */
	char temp[4096];  /* where it was built, "" once placed or discarded */
};

/*
 * Builds what oci_layout_write writes, beside dir, into built, without
 * putting it in place; digest as there. Returns 0, or -1 with the reason
 * in message (nothing left behind).
 */
int oci_layout_build(const char *dir, const char *ref, const char *profile, size_t length,
                     const struct profile_annotation *annotations, size_t count, struct oci_layout_built *built,
                     char digest[SHA256_HEX + 7], char *message, size_t size);

/*
 * Puts a built layout in place: renamed where nothing was, exchanged in
 * one step with a layout that was there (never anything else); 0, or -1
 * with message (the built one removed).
 */
int oci_layout_place(struct oci_layout_built *built, char *message, size_t size);

/* Removes a built layout not put in place. */
void oci_layout_discard(struct oci_layout_built *built);

/*
 * Writes the profile (length bytes of JSON) as the one artifact of a new
 * OCI image layout at dir, named ref in index.json
 * (org.opencontainers.image.ref.name), the manifest annotated with
 * annotations (count of them, in that order). The layout is built beside
 * dir and renamed into place: an existing dir is replaced only when it is
 * an OCI image layout, and a failure leaves it as it was. digest gets the
 * manifest's digest ("sha256:..."). Returns 0, or -1 with the reason in
 * message.
 */
int oci_layout_write(const char *dir, const char *ref, const char *profile, size_t length,
                     const struct profile_annotation *annotations, size_t count, char digest[SHA256_HEX + 7],
                     char *message, size_t size);

#endif
