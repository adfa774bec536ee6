/*
 * Fuzzes --merge: two profiles (split at the first NUL byte) merged as
 * the profile job merges them, in both orders. The header, what is
 * narrowed to the rules in force and the kept rules must not depend on the
 * order, and the kept rules on no other input than the profiles.
 */
#include "policy/merge.h"
#include "profile/json_writer.h"
#include "two_profiles.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *context, const char *message)
{
	(void)context, (void)message;
}

/* Merges profiles (two of them) as the profile job does; returns the kept rules' text (malloc'd) or NULL. */
static char *merge_texts(struct profile_input *profiles, bool *narrowed)
{
	struct merge_overrides overrides;
	struct merge_header header;
	struct arg_facts facts;
	struct arg_rule_choice choice;
	char message[512];
	cJSON *kept = NULL;
	char *text;

	memset(&overrides, 0, sizeof(overrides));
	arch_list_default(&overrides.arches);
	memset(&facts, 0, sizeof(facts));
	memset(&choice, 0, sizeof(choice));
	merge_header(&overrides, profiles, 2, &header, message, sizeof(message));
	merge_absorb_arg_rules(profiles, 2, &facts);
	if (merge_narrow_arg_rules(profiles, 2, &facts, &choice, ignore, NULL, narrowed) != MERGE_OK)
		return NULL;
	if (merge_kept_rules(profiles, 2, &kept) != MERGE_OK)
		return NULL;
	text = kept ? json_to_line(kept) : strdup("none");
	cJSON_Delete(kept);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct profile_input one[2], other[2];
	bool checked_one = false, checked_other = false;

	memset(one, 0, sizeof(one));
	memset(other, 0, sizeof(other));
	if (parse_two(data, size, &one[0], &one[1]) == 2 && parse_two(data, size, &other[1], &other[0]) == 2) {
		char *a = merge_texts(one, &checked_one);
		char *b = merge_texts(other, &checked_other);
		if (a != NULL && b != NULL && (strcmp(a, b) != 0 || checked_one != checked_other))
			abort();
		free(a);
		free(b);
	}
	for (int i = 0; i < 2; i++) {
		profile_input_free(&one[i]);
		profile_input_free(&other[i]);
	}
	return 0;
}
