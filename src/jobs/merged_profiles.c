/*
 * merged_profiles: the profiles given to --merge: read (docker-default is
 * the built-in floor), their header settled with the command line, their
 * architectures checked, and their argument rules held to the floor.
 */
#include "jobs/merged_profiles.h"

#include "jobs/options.h"

#include "policy/docker_default.h"
#include "report/report.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Refuses architectures that cannot share one filter; returns a status. */
static enum run_status check_loadable(struct report *report, const struct arch_list *arches)
{
	uint32_t bad;
	char list[256];

	if (arch_list_loadable(arches, &bad))
		return RUN_OK;
	arch_list_describe(arches, list, sizeof(list));
	report_say(report, "%s cannot share one seccomp filter with the others of %s (libseccomp refuses to mix byte orders); "
	     "name the architectures of one kind with --arch",
	     arch_short_name(bad), list);
	return RUN_USAGE;
}

/* Checks that the profile to write loads: each archMap entry on its own, else the whole list. */
static enum run_status check_architectures(const struct options *opts, struct report *report,
                                           const struct profile_frame *frame)
{
	enum run_status status = RUN_OK;

	if (frame->arch_map == NULL || !profile_format_row(opts->format)->arch_map)
		return check_loadable(report, &frame->arches);
	for (size_t e = 0; e < frame->arch_map->count && status == RUN_OK; e++) {
		struct arch_list group = frame->arch_map->entries[e].subs;
		arch_list_add(&group, frame->arch_map->entries[e].arch);
		status = check_loadable(report, &group);
	}
	return status;
}

/* Settles the profile's header and the kept rules from the merged profiles. */
enum run_status merge_profiles(const struct options *opts, struct report *report, struct profile_frame *frame)
{
	struct merge_overrides overrides = { opts->has_arches, opts->arches, opts->default_action, opts->has_errno_ret,
		                             opts->errno_ret };
	struct merge_header *header = &frame->header;
	char message[512];

	switch (merge_header(&overrides, frame->merged, frame->merged_count, header, message, sizeof(message))) {
	case MERGE_OK:
		break;
	case MERGE_CONFLICT:
		report_say(report, "%s", message);
		return RUN_USAGE;
	case MERGE_NO_MEMORY:
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	if (opts->all_arches) {
		arch_map_docker_default(&header->arch_map, &header->arches);
		header->has_arch_map = true;
	}
	frame->arches = header->arches;
	frame->arch_map = header->has_arch_map ? &header->arch_map : NULL;
	frame->default_action = header->default_action;
	if (opts->audit) {
		if (!opts->quiet)
			report_say(report, "audit profile: the default action is SCMP_ACT_LOG, so what no rule allows "
			            "runs and is logged by the kernel; what Docker's default refuses (namespace flags on clone, "
			            "clone3, AF_ALG and AF_VSOCK, other personalities, the syscalls it allows only with a capability) stays "
			            "refused");
	} else if (profile_action_allows(frame->default_action)) {
		/* Nothing the profile says holds: what no rule allows runs all the same. */
		bool merged = opts->default_action == NULL;
		(merged && opts->strict ? report_error : report_warning)(report, "the default action is %s%s: every syscall the profile does not name runs%s, so "
		            "it restricts nothing and no argument rule holds (clone with namespace flags runs too); "
		            "give --default-action SCMP_ACT_ERRNO to enforce it",
		            frame->default_action,
		            merged ? ", taken from the merged profiles" : "",
		            strcmp(frame->default_action, "SCMP_ACT_LOG") == 0 ? " (and is logged)" : "");
		if (merged && opts->strict)
			return RUN_INPUT;
	}
	frame->has_errno_ret = header->has_errno_ret;
	frame->errno_ret = header->errno_ret;
	merge_absorb_arg_rules(frame->merged, frame->merged_count, &frame->merged_facts);
	if (merge_kept_rules(frame->merged, frame->merged_count, &frame->kept_rules) != MERGE_OK) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	return check_architectures(opts, report, frame);
}

/*
 * Says what reading a profile left out: architectures this libseccomp
 * lacks, and rule names that never answer.
 */
void warn_dead_names(struct report *report, const char *option, const struct profile_input *input)
{
	if (input->unknown_arches[0] != '\0')
		report_say(report, "%s %s: left out architectures this libseccomp (%u.%u.%u) does not know: %s",
		            option, input->path, seccomp_version()->major, seccomp_version()->minor,
		            seccomp_version()->micro, input->unknown_arches);
	if (input->dead_names == 0)
		return;
	report_warning(report, "%s %s: %zu rule name%s never answer%s: a runtime applies the first rule "
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

enum run_status read_merged_profiles(const struct options *opts, struct report *report, struct profile_frame *frame)
{
	char message[512];

	frame->merged_count = opts->merge.count;
	frame->merged = calloc(frame->merged_count + 1, sizeof(frame->merged[0]));
	if (frame->merged == NULL) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	for (size_t i = 0; i < frame->merged_count; i++)
		if (read_profile(opts->merge.items[i], &frame->merged[i], message, sizeof(message)) != 0) {
			report_say(report, "--merge %s", message);
			return RUN_INPUT;
		} else {
			warn_dead_names(report, "--merge", &frame->merged[i]);
		}
	return RUN_OK;
}

/* Tells a narrowed rule (context is the report). */
static void tell_narrowed(void *context, const char *message)
{
	report_strictly(context, "%s; the profile keeps Docker's rule", message);
}

/*
 * Unites the merged profiles' argument facts with facts and keeps the
 * floor: a merged rule wider than the rules in force is narrowed to them
 * and said (an error with --strict); returns a status.
 */
enum run_status settle_arg_facts(const struct options *opts, struct report *report, struct profile_frame *frame,
                                 struct arg_facts *facts)
{
	bool narrowed = false;

	arg_facts_unite(facts, &frame->merged_facts);
	if (merge_narrow_arg_rules(frame->merged, frame->merged_count, facts, &opts->arg_rules, tell_narrowed,
	                           report, &narrowed) != MERGE_OK) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	if (!narrowed)
		return RUN_OK;
	if (opts->strict)
		return RUN_INPUT;
	cJSON_Delete(frame->kept_rules);
	frame->kept_rules = NULL;
	if (merge_kept_rules(frame->merged, frame->merged_count, &frame->kept_rules) != MERGE_OK) {
		report_error(report, "out of memory");
		return RUN_RESOURCES;
	}
	return RUN_OK;
}


void profile_frame_free(struct profile_frame *frame)
{
	for (size_t i = 0; frame->merged != NULL && i < frame->merged_count; i++)
		profile_input_free(&frame->merged[i]);
	free(frame->merged);
	cJSON_Delete(frame->kept_rules);
}
