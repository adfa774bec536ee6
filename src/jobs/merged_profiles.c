/*
 * merged_profiles: the profiles given to --merge: read (docker-default is
 * the built-in floor), their header settled with the command line, their
 * architectures checked, and their argument rules held to the floor.
 */
#include "jobs/merged_profiles.h"

#include "policy/docker_default.h"
#include "report/report.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Refuses architectures that cannot share one filter; returns a status. */
static enum run_status check_loadable(struct run *run, const struct arch_list *arches)
{
	uint32_t bad;
	char list[256];

	if (arch_list_loadable(arches, &bad))
		return RUN_OK;
	arch_list_describe(arches, list, sizeof(list));
	report_say(run->report, "%s cannot share one seccomp filter with the others of %s (libseccomp refuses to mix byte orders); "
	     "name the architectures of one kind with --arch",
	     arch_short_name(bad), list);
	return RUN_USAGE;
}

/* Checks that the profile to write loads: each archMap entry on its own, else the whole list. */
static enum run_status check_architectures(struct run *run)
{
	enum run_status status = RUN_OK;

	if (run->arch_map == NULL || !profile_format_row(run->options.format)->arch_map)
		return check_loadable(run, &run->arches);
	for (size_t e = 0; e < run->arch_map->count && status == RUN_OK; e++) {
		struct arch_list group = run->arch_map->entries[e].subs;
		arch_list_add(&group, run->arch_map->entries[e].arch);
		status = check_loadable(run, &group);
	}
	return status;
}

/* Settles the profile's header and the kept rules from the merged profiles. */
enum run_status merge_profiles(struct run *run)
{
	const struct options *opts = &run->options;
	struct merge_overrides overrides = { opts->has_arches, opts->arches, opts->default_action, opts->has_errno_ret,
		                             opts->errno_ret };
	struct merge_header *header = &run->header;
	char message[512];

	switch (merge_header(&overrides, run->merged, opts->merge.count, header, message, sizeof(message))) {
	case MERGE_OK:
		break;
	case MERGE_CONFLICT:
		report_say(run->report, "%s", message);
		return RUN_USAGE;
	case MERGE_NO_MEMORY:
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	if (opts->all_arches) {
		arch_map_docker_default(&header->arch_map, &header->arches);
		header->has_arch_map = true;
	}
	run->arches = header->arches;
	run->arch_map = header->has_arch_map ? &header->arch_map : NULL;
	run->default_action = header->default_action;
	if (opts->audit) {
		if (!opts->quiet)
			report_say(run->report, "audit profile: the default action is SCMP_ACT_LOG, so what no rule allows "
			            "runs and is logged by the kernel; what Docker's default refuses (namespace flags on clone, "
			            "clone3, AF_ALG and AF_VSOCK, other personalities, the syscalls it allows only with a capability) stays "
			            "refused");
	} else if (profile_action_allows(run->default_action)) {
		/* Nothing the profile says holds: what no rule allows runs all the same. */
		bool merged = opts->default_action == NULL;
		report_say(run->report, "%s: the default action is %s%s: every syscall the profile does not name runs%s, so "
		            "it restricts nothing and no argument rule holds (clone with namespace flags runs too); "
		            "give --default-action SCMP_ACT_ERRNO to enforce it",
		            merged && opts->strict ? "error" : "warning", run->default_action,
		            merged ? ", taken from the merged profiles" : "",
		            strcmp(run->default_action, "SCMP_ACT_LOG") == 0 ? " (and is logged)" : "");
		if (merged && opts->strict)
			return RUN_INPUT;
	}
	run->has_errno_ret = header->has_errno_ret;
	run->errno_ret = header->errno_ret;
	merge_absorb_arg_rules(run->merged, run->options.merge.count, &run->merged_facts);
	if (merge_kept_rules(run->merged, run->options.merge.count, &run->kept_rules) != MERGE_OK) {
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	return check_architectures(run);
}

/*
 * Says what reading a profile left out: architectures this libseccomp
 * lacks, and rule names that never answer.
 */
void warn_dead_names(struct run *run, const char *option, const struct profile_input *input)
{
	if (input->unknown_arches[0] != '\0')
		report_say(run->report, "%s %s: left out architectures this libseccomp (%u.%u.%u) does not know: %s",
		            option, input->path, seccomp_version()->major, seccomp_version()->minor,
		            seccomp_version()->micro, input->unknown_arches);
	if (input->dead_names == 0)
		return;
	report_warning(run->report, "%s %s: %zu rule name%s never answer%s: a runtime applies the first rule "
	            "without conditions that names a syscall, so a later one with another action is dead (%s); "
	            "read as left out", option, input->path, input->dead_names, input->dead_names == 1 ? "" : "s",
	            input->dead_names == 1 ? "s" : "", input->dead_example);
}

int read_profile(const char *path, struct profile_input *input, char *message, size_t size)
{
	size_t length;
	char *text;
	int status;

	if (strcmp(path, DOCKER_DEFAULT_PROFILE_NAME) != 0)
		return profile_read(path, input, message, size);
	text = docker_default_text(&length);
	if (text == NULL) {
		memset(input, 0, sizeof(*input));
		snprintf(message, size, "%s: out of memory", path);
		return -1;
	}
	status = profile_parse(path, text, length, input, message, size);
	free(text);
	return status;
}

enum run_status read_merged_profiles(struct run *run)
{
	char message[512];

	run->merged = calloc(run->options.merge.count + 1, sizeof(run->merged[0]));
	if (run->merged == NULL) {
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	for (size_t i = 0; i < run->options.merge.count; i++)
		if (read_profile(run->options.merge.items[i], &run->merged[i], message, sizeof(message)) != 0) {
			report_say(run->report, "--merge %s", message);
			return RUN_INPUT;
		} else {
			warn_dead_names(run, "--merge", &run->merged[i]);
		}
	return RUN_OK;
}

static void tell_narrowed(void *context, const char *message)
{
	struct run *run = context;
	report_say(run->report, "%s: %s; the profile keeps Docker's rule", run->options.strict ? "error" : "warning",
	            message);
}

/*
 * Unites the merged profiles' argument facts with facts and keeps the
 * floor: a merged rule wider than the rules in force is narrowed to them
 * and said (an error with --strict); returns a status.
 */
enum run_status settle_arg_facts(struct run *run, struct arg_facts *facts)
{
	bool narrowed = false;

	arg_facts_unite(facts, &run->merged_facts);
	if (merge_narrow_arg_rules(run->merged, run->options.merge.count, facts, &run->options.arg_rules, tell_narrowed,
	                           run, &narrowed) != MERGE_OK) {
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	if (!narrowed)
		return RUN_OK;
	if (run->options.strict)
		return RUN_INPUT;
	cJSON_Delete(run->kept_rules);
	run->kept_rules = NULL;
	if (merge_kept_rules(run->merged, run->options.merge.count, &run->kept_rules) != MERGE_OK) {
		report_error(run->report, "out of memory");
		return RUN_RESOURCES;
	}
	return RUN_OK;
}

