/*
 * Fuzzes --diff: two profiles (split at the first NUL byte) compared both
 * ways. What one way finds added the other must find removed, and a
 * profile compared with itself must mean the same.
 */
#include "profile/profile_diff.h"
#include "two_profiles.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct profile_input a, b;
	struct profile_diff forth, back, self;

	memset(&forth, 0, sizeof(forth));
	memset(&back, 0, sizeof(back));
	memset(&self, 0, sizeof(self));
	if (parse_two(data, size, &a, &b) == 2 && profile_diff_compute(&a, &b, &forth) == 0 &&
	    profile_diff_compute(&b, &a, &back) == 0 && profile_diff_compute(&a, &a, &self) == 0) {
		if (forth.added_count != back.removed_count || forth.removed_count != back.added_count ||
		    forth.rules_added_count != back.rules_removed_count || !profile_diff_empty(&self))
			abort();
		for (size_t i = 0; i < forth.added_count; i++)
			if (strcmp(forth.added[i], back.removed[i]) != 0)
				abort();
	}
	profile_diff_free(&forth);
	profile_diff_free(&back);
	profile_diff_free(&self);
	profile_input_free(&a);
	profile_input_free(&b);
	return 0;
}
