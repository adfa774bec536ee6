/*
 * artifact_limits: the limits a pulled profile is held to. Sources:
 * kubernetes-sigs/security-profiles-merger, seccomp/validate.go
 * (ValidateArtifact: MaxArtifactEntriesPerSyscall 128,
 * MaxArtifactNamesPerEntry 1024, MaxArtifactClausesPerSyscall 256,
 * MaxArtifactClauses 16384, no SCMP_ACT_NOTIFY, no listenerPath or
 * listenerMetadata, no SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, errnoRet
 * only on SCMP_ACT_ERRNO and SCMP_ACT_TRACE, errno at most 4095), which
 * container runtimes use on a KEP-6061 artifact, and
 * kubernetes-sigs/security-profiles-operator, internal/pkg/artifact
 * (maxProfileSize, 1 MiB, the runtimes' default size limit).
 */
#include "policy/artifact_limits.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MAX_PROFILE_BYTES (1u << 20)
#define MAX_ENTRIES_PER_SYSCALL 128
#define MAX_NAMES_PER_ENTRY 1024
#define MAX_RULES_PER_SYSCALL 256
#define MAX_RULES 16384
#define MAX_ERRNO 4095

/* The most distinct names counted per profile: every syscall of every architecture fits. */
#define NAMES_COUNTED 2048

static bool takes_errno(const char *action)
{
	return action != NULL && (strcmp(action, "SCMP_ACT_ERRNO") == 0 || strcmp(action, "SCMP_ACT_TRACE") == 0);
}

/* Checks an action and the errno beside it; 0, or 1 with message. */
static int check_action(const char *where, const cJSON *action, const cJSON *errno_ret, char *message, size_t size)
{
	const char *name = cJSON_IsString(action) ? action->valuestring : NULL;

	if (name != NULL && strcmp(name, "SCMP_ACT_NOTIFY") == 0) {
		snprintf(message, size, "%s is SCMP_ACT_NOTIFY, which needs a listener that only the node provides", where);
		return 1;
	}
	if (errno_ret != NULL && !takes_errno(name)) {
		snprintf(message, size, "%s sets an errno for %s, which returns none: crun refuses it", where,
		         name ? name : "no action");
		return 1;
	}
	if (errno_ret != NULL && (!cJSON_IsNumber(errno_ret) || errno_ret->valuedouble < 0 ||
	                          errno_ret->valuedouble > MAX_ERRNO)) {
		snprintf(message, size, "%s sets an errno past %d, the largest the kernel returns", where, MAX_ERRNO);
		return 1;
	}
	return 0;
}

/* The rules an entry loads per name, as runtimes add them: one, or one per condition when an index repeats. */
static size_t rules_per_name(const cJSON *args)
{
	unsigned seen = 0;
	size_t count = 0;
	bool repeats = false;

	for (const cJSON *arg = cJSON_IsArray(args) ? args->child : NULL; arg != NULL; arg = arg->next) {
		const cJSON *index = cJSON_GetObjectItemCaseSensitive(arg, "index");
		unsigned bit = cJSON_IsNumber(index) && index->valuedouble >= 0 && index->valuedouble < 6
		               ? 1u << (unsigned)index->valuedouble : 0;
		repeats |= (seen & bit) != 0;
		seen |= bit;
		count++;
	}
	return repeats ? count : 1;
}

int artifact_limits_check(const cJSON *profile, size_t length, char *message, size_t size)
{
	static char names[NAMES_COUNTED][64];
	static size_t entries[NAMES_COUNTED], rules[NAMES_COUNTED];
	size_t name_count = 0, total = 0, index = 0;
	const cJSON *syscalls = cJSON_GetObjectItemCaseSensitive(profile, "syscalls");
	const cJSON *flags = cJSON_GetObjectItemCaseSensitive(profile, "flags");

	if (length > MAX_PROFILE_BYTES) {
		snprintf(message, size, "the profile is %zu bytes, past the 1 MiB runtimes pull", length);
		return 1;
	}
	if (cJSON_GetObjectItemCaseSensitive(profile, "listenerPath") != NULL ||
	    cJSON_GetObjectItemCaseSensitive(profile, "listenerMetadata") != NULL) {
		snprintf(message, size, "the profile names a listener, a node's own resource an artifact must not name");
		return 1;
	}
	for (const cJSON *flag = cJSON_IsArray(flags) ? flags->child : NULL; flag != NULL; flag = flag->next)
		if (cJSON_IsString(flag) && strcmp(flag->valuestring, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV") == 0) {
			snprintf(message, size, "the profile sets SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, a listener's flag");
			return 1;
		}
	if (check_action("the default action", cJSON_GetObjectItemCaseSensitive(profile, "defaultAction"),
	                 cJSON_GetObjectItemCaseSensitive(profile, "defaultErrnoRet"), message, size) != 0)
		return 1;
	memset(entries, 0, sizeof(entries));
	memset(rules, 0, sizeof(rules));
	for (const cJSON *entry = cJSON_IsArray(syscalls) ? syscalls->child : NULL; entry != NULL; entry = entry->next) {
		char where[48];
		const cJSON *list = cJSON_GetObjectItemCaseSensitive(entry, "names");
		size_t per_name = rules_per_name(cJSON_GetObjectItemCaseSensitive(entry, "args"));
		int in_list = cJSON_GetArraySize(list);

		snprintf(where, sizeof(where), "syscall entry %zu", index++);
		if (check_action(where, cJSON_GetObjectItemCaseSensitive(entry, "action"),
		                 cJSON_GetObjectItemCaseSensitive(entry, "errnoRet"), message, size) != 0)
			return 1;
		if (in_list > MAX_NAMES_PER_ENTRY) {
			snprintf(message, size, "%s names %d syscalls, past %d", where, in_list, MAX_NAMES_PER_ENTRY);
			return 1;
		}
		for (const cJSON *name = cJSON_IsArray(list) ? list->child : NULL; name != NULL; name = name->next) {
			size_t n = 0;
			if (!cJSON_IsString(name))
				continue;
			while (n < name_count && strncmp(names[n], name->valuestring, sizeof(names[n]) - 1) != 0)
				n++;
			if (n == name_count && name_count < NAMES_COUNTED)
				snprintf(names[name_count++], sizeof(names[0]), "%s", name->valuestring);
			if (n == NAMES_COUNTED)
				continue;
			entries[n]++;
			rules[n] += per_name;
			total += per_name;
			if (entries[n] > MAX_ENTRIES_PER_SYSCALL || rules[n] > MAX_RULES_PER_SYSCALL) {
				snprintf(message, size, "%s is in %zu entries with %zu rules, past %d entries or %d rules for one "
				         "syscall", names[n], entries[n], rules[n], MAX_ENTRIES_PER_SYSCALL, MAX_RULES_PER_SYSCALL);
				return 1;
			}
		}
	}
	if (total > MAX_RULES) {
		snprintf(message, size, "the profile loads %zu rules, past %d", total, MAX_RULES);
		return 1;
	}
	return 0;
}
