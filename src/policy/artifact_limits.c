/*
 * artifact_limits: the limits a pulled profile is held to. Sources:
 * kubernetes-sigs/security-profiles-merger, seccomp/validate.go
 * (ValidateArtifact: MaxArtifactEntriesPerSyscall 128,
 * MaxArtifactNamesPerEntry 1024, MaxArtifactClausesPerSyscall 256,
 * MaxArtifactClauses 16384, no SCMP_ACT_NOTIFY, no listenerPath or
 * listenerMetadata, no SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, errnoRet
 * only on SCMP_ACT_ERRNO and SCMP_ACT_TRACE, errno at most 4095), which
 * container runtimes use on a KEP-6061 artifact, where an entry may not
 * conflict with another of its syscall (ErrConflictingEntries; its
 * subset part is checked here), and
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

/* Tells whether two entries give the same result: the same action and errno. */
static bool same_result(const cJSON *a, const cJSON *b)
{
	const cJSON *action_a = cJSON_GetObjectItemCaseSensitive(a, "action");
	const cJSON *action_b = cJSON_GetObjectItemCaseSensitive(b, "action");
	const cJSON *errno_a = cJSON_GetObjectItemCaseSensitive(a, "errnoRet");
	const cJSON *errno_b = cJSON_GetObjectItemCaseSensitive(b, "errnoRet");

	return cJSON_Compare(action_a, action_b, true) &&
	       (errno_a == NULL ? errno_b == NULL : errno_b != NULL && cJSON_Compare(errno_a, errno_b, true));
}

/* One condition, as the runtime reads it: valueTwo 0 when absent. */
static bool same_condition(const cJSON *a, const cJSON *b)
{
	static const char *const keys[] = { "index", "value", "op" };
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		if (!cJSON_Compare(cJSON_GetObjectItemCaseSensitive(a, keys[k]), cJSON_GetObjectItemCaseSensitive(b, keys[k]),
		                   true))
			return false;
	const cJSON *two_a = cJSON_GetObjectItemCaseSensitive(a, "valueTwo");
	const cJSON *two_b = cJSON_GetObjectItemCaseSensitive(b, "valueTwo");
	double value_a = cJSON_IsNumber(two_a) ? two_a->valuedouble : 0, value_b = cJSON_IsNumber(two_b) ? two_b->valuedouble : 0;
	return value_a == value_b;
}

/* Tells whether every condition of entry a is one of entry b's: b's filter is within a's. */
static bool conditions_within(const cJSON *a, const cJSON *b)
{
	const cJSON *args_a = cJSON_GetObjectItemCaseSensitive(a, "args");
	const cJSON *args_b = cJSON_GetObjectItemCaseSensitive(b, "args");

	for (const cJSON *x = cJSON_IsArray(args_a) ? args_a->child : NULL; x != NULL; x = x->next) {
		bool found = false;
		for (const cJSON *y = cJSON_IsArray(args_b) ? args_b->child : NULL; y != NULL && !found; y = y->next)
			found = same_condition(x, y);
		if (!found)
			return false;
	}
	return true;
}

int artifact_limits_check(const cJSON *profile, size_t length, char *message, size_t size)
{
	static char names[NAMES_COUNTED][64];
	static const cJSON *owners[NAMES_COUNTED][MAX_ENTRIES_PER_SYSCALL];
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
			if (entries[n] < MAX_ENTRIES_PER_SYSCALL)
				owners[n][entries[n]] = entry;
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
	/*
	 * Conflicting entries: two for one syscall with different results where
	 * one's conditions hold wherever the other's do (equal filters, or one
	 * unconditional); a runtime fails to load many such, and drops or
	 * reorders the rest. The shapes libseccomp evaluates exactly among the
	 * remaining conditional ones are not modelled here.
	 */
	for (size_t n = 0; n < name_count; n++)
		for (size_t i = 0; i < entries[n]; i++)
			for (size_t j = i + 1; j < entries[n]; j++) {
				const cJSON *a = owners[n][i], *b = owners[n][j];
				if (same_result(a, b) || (!conditions_within(a, b) && !conditions_within(b, a)))
					continue;
				snprintf(message, size, "%s is in two entries with different results where the conditions of one "
				         "hold wherever the other's do (ValidateArtifact's conflicting entries)", names[n]);
				return 1;
			}
	return 0;
}
