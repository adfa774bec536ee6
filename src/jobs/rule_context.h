/*
 * rule_context: the container a profile's rules are weighed for: architecture, kernel, capabilities.
 */
#ifndef F2S_RULE_CONTEXT_H
#define F2S_RULE_CONTEXT_H

#include "jobs/options.h"
#include "profile/profile.h"

/*
 * The container rules are weighed for: architecture token, this host's
 * kernel, Docker's default capabilities and --cap-add (caps has room for
 * them all).
 */
void rule_context_for(const struct options *opts, uint32_t arch, const char **caps, struct rule_context *ctx);

#endif
