#include "report/report.h"
#include "test.h"

#include <stdlib.h>

static void each_severity_should_be_said_by_its_call_and_kept_for_the_document(void)
{
	static const struct {
		void (*say)(struct report *, const char *, ...);
		bool strict;      /* --strict */
		const char *line; /* as standard error shows it */
	} rows[] = {
		{ report_error, false, "falco2seccomp: error: out of memory\n" },
		{ report_warning, false, "falco2seccomp: warning: out of memory\n" },
		{ report_note, false, "falco2seccomp: note: out of memory\n" },
		{ report_say, false, "falco2seccomp: out of memory\n" },
		{ report_strictly, false, "falco2seccomp: warning: out of memory\n" },
		{ report_strictly, true, "falco2seccomp: error: out of memory\n" },
		{ report_warning, true, "falco2seccomp: warning: out of memory\n" },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct report report;
		char *text = NULL;
		size_t size;
		FILE *messages = open_memstream(&text, &size);
		report_init(&report, messages, stdout, NULL, 0, false, rows[i].strict, REPORT_JSON);
		rows[i].say(&report, "out of %s", "memory");
		fclose(messages);
		CHECK_STR(text, rows[i].line);
		CHECK(report.note_count == 1 && strncmp(report.notes[0].message, rows[i].line + 15,
		                                        strlen(rows[i].line) - 16) == 0);
		report_free(&report);
		free(text);
	}
}

const struct test_case report_tests[] = {
	TEST_CASE(each_severity_should_be_said_by_its_call_and_kept_for_the_document),
	{ NULL, NULL },
};
