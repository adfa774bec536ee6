/*
 * artifact_limits: what container runtimes refuse in a seccomp profile
 * they pull as an OCI artifact (KEP-6061), checked before one is written
 * (artifact_limits.c).
 */
#ifndef F2S_ARTIFACT_LIMITS_H
#define F2S_ARTIFACT_LIMITS_H

#include <cJSON.h>
#include <stddef.h>

/*
 * Tells whether profile (an OCI runtime-spec seccomp object, length bytes
 * as written) stays within what the runtimes and the Security Profiles
 * Merger's ValidateArtifact accept: 0, or 1 with the limit it passes
 * named in message.
 */
int artifact_limits_check(const cJSON *profile, size_t length, char *message, size_t size);

#endif
