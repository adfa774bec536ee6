/*
 * Fuzzes the profile reader behind --merge and --check, writes back
 * whatever it accepts, and builds its filter as runc would and asks it a
 * call: a profile libseccomp refuses is an error with a message, never a
 * crash.
 */
#include "policy/docker_default.h"
#include "profile/profile.h"
#include "policy/profile_judge.h"
#include "profile/seccomp_filter.h"

#include <seccomp.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct profile_input input;
	char message[512];

	if (profile_parse("fuzz.json", (const char *)data, size, &input, message, sizeof(message)) == 0) {
		const char *names[] = { "read" };
		struct rule_context ctx = { "amd64", docker_default_capabilities, DOCKER_DEFAULT_CAPABILITY_COUNT, 6, 1 };
		struct profile p = { .default_action = input.default_action, .has_errno_ret = input.has_errno_ret,
		                     .errno_ret = input.errno_ret, .arches = &input.arches,
		                     .arch_map = input.has_arch_map ? &input.arch_map : NULL, .names = names,
		                     .name_count = 1, .arg_rules = input.other_rules, .kept_rules = input.other_rules,
		                     .oci = &ctx };
		struct judgement judgement;
		char text[512];
		FILE *sink = fopen("/dev/null", "w");
		if (sink != NULL) {
			profile_write(sink, &p, PROFILE_FORMAT_DOCKER);
			profile_write(sink, &p, PROFILE_FORMAT_OCI);
			profile_write(sink, &p, PROFILE_FORMAT_LEGACY);
			for (const cJSON *rule = input.other_rules->child; rule; rule = rule->next) {
				const cJSON *names_item = cJSON_GetObjectItemCaseSensitive(rule, "names");
				const cJSON *name_item = cJSON_GetObjectItemCaseSensitive(rule, "name");
				const char *name = cJSON_IsString(name_item) ? name_item->valuestring
				                   : names_item && cJSON_IsString(names_item->child) ? names_item->child->valuestring
				                                                                     : "read";
				profile_judge(&input, name, &ctx, &judgement);
				profile_judge_describe(&judgement, name, text, sizeof(text));
			}
			fclose(sink);
		}
		struct seccomp_filter filter;
		const uint64_t args[6] = { 0x10000011 };
		bool exists;
		uint32_t action;
		text[0] = '\0';
		if (seccomp_filter_build(input.document, SCMP_ARCH_X86_64, &ctx, &filter, text, sizeof(text)) == 0) {
			if (seccomp_filter_answer(&filter, SCMP_ARCH_X86_64, "clone", args, &exists, &action) != 0)
				abort();
			seccomp_filter_free(&filter);
		} else if (text[0] == '\0') {
			abort();
		}
	}
	profile_input_free(&input);
	return 0;
}
