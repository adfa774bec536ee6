/*
 * profile_writer: a profile's document built from its set (the argument
 * rules, ENOSYS for newer calls, other architectures' generic calls, an
 * audit profile's refusals, the merged rules that still answer), judged as
 * written, and put in place atomically.
 */
#include "jobs/profile_writer.h"

#include "jobs/beyond_the_log.h"
#include "jobs/judge_written.h"
#include "jobs/merged_profiles.h"
#include "jobs/options.h"
#include "jobs/provenance.h"
#include "jobs/rule_context.h"

#include "policy/artifact_limits.h"
#include "policy/docker_default.h"
#include "profile/atomic_file.h"
#include "profile/rule_order.h"
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The merged rules to write after the allow list of count names: those that
 * name a syscall the list allows, or one an earlier merged rule decides,
 * would never answer (rule_order.h), so they are left out, and said.
 * *kept is a new array (or NULL: write the frame's kept rules). Returns 0, or -1
 * when memory runs out.
 */
static int settle_kept_rules(const struct profile_writer *writer, const char *path, const char *const *names, size_t count,
                             const cJSON *written, cJSON **kept)
{
	cJSON *rules = cJSON_CreateArray(), *first = cJSON_CreateObject(), *list;
	struct dead_names dead = { NULL, 0 };
	int status = -1;

	*kept = NULL;
	if (writer->frame->kept_rules == NULL) {
		cJSON_Delete(rules);
		cJSON_Delete(first);
		return 0;
	}
	if (rules == NULL || first == NULL || !cJSON_AddItemToArray(rules, first)) {
		cJSON_Delete(first);
		goto done;
	}
	list = cJSON_CreateStringArray(names, (int)count);
	if (list == NULL || !cJSON_AddItemToObject(first, "names", list) ||
	    cJSON_AddStringToObject(first, "action", "SCMP_ACT_ALLOW") == NULL)
		goto done;
	size_t repeated = 0;
	for (const cJSON *rule = writer->frame->kept_rules->child; rule; rule = rule->next) {
		bool failed = false;
		cJSON *left = merge_rule_left_to_write(first, written, rule, &failed);
		if (left == NULL && failed)
			goto done;
		/* --remove NAME never allows NAME: a merged rule does not name it either. */
		if (left != NULL && profile_rule_drop_names(left, (const char *const *)writer->opts->remove.items,
		                                            writer->opts->remove.count)) {
			cJSON_Delete(left);
			left = NULL;
		}
		if (left == NULL || !cJSON_Compare(left, rule, true))
			repeated++;
		if (left != NULL && !cJSON_AddItemToArray(rules, left)) {
			cJSON_Delete(left);
			goto done;
		}
	}
	if (rule_order_find(rules, &dead) != 0)
		goto done;
	status = 0;
	if (dead.count == 0 && repeated == 0)
		goto done;
	if (dead.count == 0) {
		cJSON_Delete(cJSON_DetachItemFromArray(rules, 0));
		*kept = rules;
		rules = NULL;
		goto done;
	}
	const struct dead_name *one = &dead.items[0];
	report_warning(writer->report, "%s%s%zu name%s of merged rules left out: a runtime applies the first rule "
	            "without conditions that names a syscall, and %s comes first%s%s%s",
	            path ? path : "", path ? ": " : "", dead.count, dead.count == 1 ? "" : "s",
	            one->decider == 0 ? "the allow list" : "another merged rule",
	            one->decider == 0 ? " (it allows " : "", one->decider == 0 ? one->name : "",
	            one->decider == 0 ? "; --remove that name to deny it)" : "");
	if (rule_order_drop(rules, &dead) != 0) {
		status = -1;
		goto done;
	}
	cJSON_Delete(cJSON_DetachItemFromArray(rules, 0));
	for (cJSON *rule = rules->child, *next; rule; rule = next) {
		const cJSON *left = cJSON_GetObjectItemCaseSensitive(rule, "names");
		next = rule->next;
		if (cJSON_IsArray(left) && left->child == NULL)
			cJSON_Delete(cJSON_DetachItemViaPointer(rules, rule));
	}
	*kept = rules;
	rules = NULL;
done:
	rule_order_free(&dead);
	cJSON_Delete(rules);
	return status;
}

/*
 * Writes the profile's text (length bytes, the oci format) as an OCI
 * artifact in the image layout --oci-layout names, once it is within what
 * the runtimes that pull it accept; returns a status.
 */
static enum run_status write_artifact(const struct profile_writer *writer, const char *path, const char *text,
                                      size_t length)
{
	static struct provenance provenance;
	const char *dir = path != NULL ? path : writer->opts->oci_layout;
	char message[512], digest[SHA256_HEX + 7];
	cJSON *document = cJSON_ParseWithLength(text, length);
	int refused;

	if (document == NULL) {
		report_error(writer->report, "out of memory");
		return RUN_RESOURCES;
	}
	refused = artifact_limits_check(document, length, message, sizeof(message));
	cJSON_Delete(document);
	if (refused) {
		report_say(writer->report, "--oci-layout %s: not an artifact the runtimes that pull it accept (KEP-6061, "
		           "the Security Profiles Merger's ValidateArtifact): %s; nothing written", dir, message);
		return RUN_OUTPUT;
	}
	provenance_fill(&provenance, writer->opts, writer->results, true);
	if (writer->member != NULL)
		provenance_of_member(&provenance, writer->member);
	const char *ref = writer->name[0] ? writer->name : "profile";
	struct layout_batch *batch = writer->layouts;
	if (batch == NULL) {
		if (oci_layout_write(dir, ref, text, length, provenance.items, provenance.count, digest, message,
		                     sizeof(message)) != 0) {
			report_say(writer->report, "%s", message);
			return RUN_OUTPUT;
		}
		report_artifact_written(writer->report, dir, ref, digest, length);
		return RUN_OK;
	}
	/* --all-containers: built now, put in place with the others. */
	if (batch->count == batch->capacity) {
		size_t capacity = batch->capacity ? 2 * batch->capacity : 16;
		struct oci_layout_built *grown = realloc(batch->items, capacity * sizeof(grown[0]));
		if (grown == NULL) {
			report_error(writer->report, "out of memory");
			return RUN_RESOURCES;
		}
		batch->items = grown;
		batch->capacity = capacity;
	}
	if (oci_layout_build(dir, ref, text, length, provenance.items, provenance.count, &batch->items[batch->count],
	                     digest, message, sizeof(message)) != 0) {
		report_say(writer->report, "%s", message);
		return RUN_OUTPUT;
	}
	batch->count++;
	return RUN_OK;
}

int layout_batch_finish(struct layout_batch *batch, int failed, char *message, size_t size)
{
	int status = 0;

	for (size_t i = 0; i < batch->count; i++) {
		if (failed || status != 0)
			oci_layout_discard(&batch->items[i]);
		else if (oci_layout_place(&batch->items[i], message, size) != 0)
			status = -1;
	}
	free(batch->items);
	memset(batch, 0, sizeof(*batch));
	return status;
}

enum run_status profile_writer_write(struct profile_writer *writer, const struct syscall_set *set,
                                     const struct arg_facts *facts, const char *path, struct arg_rule_plan *plan)
{
	static const char *names[SYSCALL_NAMES_MAX], *plain[SYSCALL_NAMES_MAX];
	struct syscall_set widened = *set;
	/* Without includes, a generic call one architecture needs is allowed on all. */
	if (!profile_format_row(writer->opts->format)->arch_map)
		widen_by_equivalents(writer->catalog, &widened);
	set = &widened;
	size_t count = syscall_set_sorted_names(set, writer->catalog, names);
	struct profile profile = {
		.default_action = writer->frame->default_action,
		.has_errno_ret = writer->frame->has_errno_ret,
		.errno_ret = writer->frame->errno_ret,
		.arches = &writer->frame->arches,
		.arch_map = writer->frame->arch_map,
		.names = plain,
		.kept_rules = writer->frame->kept_rules,
	};
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct rule_context oci;
	cJSON *rules;
	struct atomic_file out;
	int written;

	rule_context_for(writer->opts, writer->frame->arches.tokens[0], caps, &oci);
	profile.oci = &oci;
	profile.spo_name = writer->name;
	profile.base_profile = writer->opts->base_profile;
	/* A SeccompProfile says where it came from, united with what the profiles it merges said. */
	static struct provenance spo_provenance;
	if (profile_format_row(writer->opts->format)->wrapped) {
		provenance_for_spo(&spo_provenance, writer->opts, writer->results, writer->member, writer->frame->merged,
		                   writer->frame->merged_count);
		profile.annotations = spo_provenance.items;
		profile.annotation_count = spo_provenance.count;
	}
	if (arg_rules_build(names, count, &writer->frame->arches, facts, &writer->opts->arg_rules, plain,
	                    &profile.name_count, &rules, plan) != 0) {
		report_error(writer->report, "out of memory");
		return RUN_RESOURCES;
	}
	if ((!writer->opts->no_enosys && add_enosys(writer->catalog, set, rules, plan) != 0) ||
	    add_equivalents(writer->catalog, set, rules) != 0 ||
	    (writer->opts->audit &&
	     add_audit_refusals(writer->opts, writer->catalog, writer->report, set, facts, rules, plan) != 0)) {
		report_error(writer->report, "out of memory");
		cJSON_Delete(rules);
		return RUN_RESOURCES;
	}
	profile.arg_rules = rules;
	cJSON *kept = NULL;
	if (settle_kept_rules(writer, path, plain, profile.name_count, rules, &kept) != 0) {
		report_error(writer->report, "out of memory");
		cJSON_Delete(rules);
		return RUN_RESOURCES;
	}
	if (kept != NULL)
		profile.kept_rules = kept;
	/* The profile is judged as written: its text, read back and built by libseccomp, before any file is touched. */
	char *text = NULL;
	size_t length = 0;
	FILE *memory = open_memstream(&text, &length);
	written = memory != NULL ? profile_write(memory, &profile, writer->opts->format) : -1;
	if (memory == NULL || fclose(memory) != 0 || written != 0) {
		report_error(writer->report, "out of memory");
		free(text);
		cJSON_Delete(rules);
		cJSON_Delete(kept);
		return RUN_RESOURCES;
	}
	cJSON_Delete(rules);
	cJSON_Delete(kept);
	struct written_profile written_profile = { set, facts, plan, text, length };
	enum run_status judged = judge_written(writer->judge, writer->opts, &writer->frame->arches, writer->catalog,
	                                       writer->report, writer->results, &written_profile);
	if (judged != RUN_OK || writer->opts->oci_layout != NULL) {
		enum run_status status = judged != RUN_OK ? judged : write_artifact(writer, path, text, length);
		free(text);
		return status;
	}
	/* -o names its file as a redirect does; --output-dir's entries are never followed. */
	switch (atomic_file_open(&out, path, path == writer->opts->output)) {
	case ATOMIC_FILE_OK:
		break;
	case ATOMIC_FILE_DIRECTORY_LOCKED:
		report_say(writer->report, "cannot write %s: its directory is not writable (%s), so the file cannot be "
		            "replaced safely; write it elsewhere with -o, or to standard output", path, strerror(errno));
		free(text);
		return RUN_OUTPUT;
	case ATOMIC_FILE_FAILED:
	default:
		report_say(writer->report, "cannot write %s: %s", path, strerror(errno));
		free(text);
		return RUN_OUTPUT;
	}
	written = fwrite(text, 1, length, out.file) == length ? 0 : -1;
	free(text);
	if (written != 0 || (writer->batch ? atomic_file_defer(&out, writer->batch) : atomic_file_commit(&out)) != 0) {
		report_say(writer->report, "cannot write %s: %s",
		            path && strcmp(path, "-") != 0 ? path : "the profile to standard output", strerror(errno));
		atomic_file_abort(&out);
		return RUN_OUTPUT;
	}
	return RUN_OK;
}
