/*
 * Fuzzes the profile reader behind --merge and --check, and writes back
 * whatever it accepts.
 */
#include "profile.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct profile_input input;
	char message[512];

	if (profile_parse("fuzz.json", (const char *)data, size, &input, message, sizeof(message)) == 0) {
		const char *names[] = { "read" };
		struct profile p = { input.default_action, input.has_errno_ret, input.errno_ret, &input.arches,
			             names, 1, input.other_rules };
		FILE *sink = fopen("/dev/null", "w");
		if (sink != NULL) {
			profile_write(sink, &p, PROFILE_FORMAT_DOCKER, message, sizeof(message));
			profile_allows(&input, "read");
			fclose(sink);
		}
	}
	profile_input_free(&input);
	return 0;
}
