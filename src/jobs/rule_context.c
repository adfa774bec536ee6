/*
 * rule_context: the container a profile's rules are weighed for, as moby
 * weighs them: the architecture, this host's kernel, Docker's default
 * capabilities and --cap-add.
 */
#include "jobs/rule_context.h"

#include "policy/docker_default.h"

#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

/*
 * The container rules are weighed for: architecture token, this host's
 * kernel, Docker's default capabilities and --cap-add (caps has room for
 * them all).
 */
void rule_context_for(const struct options *opts, uint32_t arch, const char **caps, struct rule_context *ctx)
{
	struct utsname host;

	memset(ctx, 0, sizeof(*ctx));
	ctx->arch = arch_moby_name(arch);
	if (ctx->arch == NULL)
		ctx->arch = "";
	for (size_t i = 0; i < DOCKER_DEFAULT_CAPABILITY_COUNT; i++)
		caps[ctx->cap_count++] = docker_default_capabilities[i];
	for (size_t i = 0; i < opts->cap_add_count; i++)
		caps[ctx->cap_count++] = opts->cap_add[i];
	ctx->caps = caps;
	if (uname(&host) == 0 && sscanf(host.release, "%u.%u", &ctx->kernel_major, &ctx->kernel_minor) != 2)
		ctx->kernel_major = ctx->kernel_minor = 0;
}
