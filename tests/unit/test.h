/*
 * A small unit-test harness: each test is a function whose name reads as a
 * sentence; CHECK records a failure with its line and goes on.
 */
#ifndef F2S_TEST_H
#define F2S_TEST_H

#include <stdio.h>
#include <string.h>

extern int test_failures;

#define CHECK(condition)                                                                   \
	do {                                                                               \
		if (!(condition)) {                                                        \
			fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, \
			        #condition);                                               \
			test_failures++;                                                   \
		}                                                                          \
	} while (0)

#define CHECK_STR(actual, expected)                                                          \
	do {                                                                                 \
		const char *actual_ = (actual), *expected_ = (expected);                     \
		if (actual_ == NULL || strcmp(actual_, expected_) != 0) {                    \
			fprintf(stderr, "  %s:%d: got \"%s\", expected \"%s\"\n", __FILE__, \
			        __LINE__, actual_ ? actual_ : "(null)", expected_);          \
			test_failures++;                                                     \
		}                                                                            \
	} while (0)

typedef void test_fn(void);

struct test_case {
	const char *name; /* the function's name, a sentence */
	test_fn *run;     /* the test */
};

#define TEST_CASE(fn) { #fn, fn }

/* Each test file defines one of these lists. */
extern const struct test_case event_tests[], filter_tests[], names_tests[], reader_tests[],
	profile_tests[], options_tests[], translate_tests[], json_scan_tests[], merge_tests[],
	arg_rules_tests[], workload_tests[], life_tests[], order_tests[], successor_tests[],
	audit_record_tests[], docker_default_tests[], filter_tests_[], report_tests[], sha256_tests[],
	artifact_limits_tests[];

#endif
