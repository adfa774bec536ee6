/*
 * Runs every unit test and ends with the "N passed, N failed" line.
 */
#include "test.h"

int test_failures;

static const struct test_case *const suites[] = {
	event_tests, filter_tests, names_tests, reader_tests, profile_tests, options_tests, translate_tests,
	json_scan_tests, merge_tests, arg_rules_tests, workload_tests, life_tests, order_tests, successor_tests,
	audit_record_tests, docker_default_tests, filter_tests_, report_tests, sha256_tests, artifact_limits_tests,
};

int main(void)
{
	int passed = 0, failed = 0;

	for (size_t s = 0; s < sizeof(suites) / sizeof(suites[0]); s++)
		for (const struct test_case *t = suites[s]; t->name != NULL; t++) {
			int before = test_failures;
			t->run();
			if (test_failures == before) {
				passed++;
			} else {
				failed++;
				fprintf(stderr, "FAIL %s\n", t->name);
			}
		}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
