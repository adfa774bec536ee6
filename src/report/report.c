/*
 * report: the message sink. Every sentence a user reads goes through here,
 * to the streams main chose; warnings are kept for the documents.
 */
#include "report/report.h"

#include "input/log_source.h"
#include "policy/docker_default.h"
#include "profile/json_writer.h"
#include "policy/runtime_baseline.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PROGRAM F2S_PROGRAM

void report_init(struct report *report, FILE *messages, FILE *out, const char *const *files, size_t file_count,
                 bool quiet, bool strict, enum report_format format)
{
	memset(report, 0, sizeof(*report));
	report->messages = messages;
	report->out = out;
	report->files = files;
	report->file_count = file_count;
	report->quiet = quiet;
	report->strict = strict;
	report->format = format;
}

void report_free(struct report *report)
{
	for (size_t i = 0; i < report->note_count; i++) {
		free(report->notes[i].file);
		free(report->notes[i].message);
	}
	free(report->notes);
	report->notes = NULL;
	report->note_count = 0;
}

/* Keeps a warning for the document; a note that cannot be kept is counted. */
static void keep_note(struct report *report, const char *file, uint64_t line, const char *message)
{
	struct report_note *note;

	if (report->format == REPORT_TEXT)
		return;
	if (report->notes == NULL)
		report->notes = calloc(REPORT_NOTES_MAX, sizeof(report->notes[0]));
	if (report->notes == NULL || report->note_count == REPORT_NOTES_MAX) {
		report->notes_left_out++;
		return;
	}
	note = &report->notes[report->note_count++];
	note->file = file ? strdup(file) : NULL;
	note->line = line;
	note->message = strdup(message);
}

/* Writes one warning, kept for the document with its place when it has one. */
static void put_message(struct report *report, const char *file, uint64_t line, const char *message)
{
	if (file != NULL && line > 0)
		fprintf(report->messages, PROGRAM ": %s:%llu: %s\n", file, (unsigned long long)line, message);
	else if (file != NULL)
		fprintf(report->messages, PROGRAM ": %s: %s\n", file, message);
	else
		fprintf(report->messages, PROGRAM ": %s\n", message);
	keep_note(report, file, line, message);
}

enum severity { SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_NOTE, SEVERITY_NONE };

/* Each severity's prefix, in the order of enum severity. */
static const char *const severity_prefixes[] = { "error: ", "warning: ", "note: ", "" };

static void say(struct report *report, enum severity severity, const char *format, va_list args)
{
	char message[4096];
	size_t prefix = strlen(severity_prefixes[severity]);

	memcpy(message, severity_prefixes[severity], prefix);
	vsnprintf(message + prefix, sizeof(message) - prefix, format, args);
	put_message(report, NULL, 0, message);
}

/* One function per severity, each the same three lines. */
#define SEVERITY_FUNCTION(name, severity)                             \
	void name(struct report *report, const char *format, ...)     \
	{                                                             \
		va_list args;                                         \
		va_start(args, format);                               \
		say(report, severity, format, args);                  \
		va_end(args);                                         \
	}
SEVERITY_FUNCTION(report_error, SEVERITY_ERROR)
SEVERITY_FUNCTION(report_warning, SEVERITY_WARNING)
SEVERITY_FUNCTION(report_note, SEVERITY_NOTE)
SEVERITY_FUNCTION(report_say, SEVERITY_NONE)
SEVERITY_FUNCTION(report_strictly, report->strict ? SEVERITY_ERROR : SEVERITY_WARNING)

void report_progress_end(struct report *report)
{
	if (report->progress_shown) {
		fputs("\r\033[K", report->messages);
		report->progress_shown = false;
	}
}

void report_problem(void *context, const char *file, uint64_t line, const char *message)
{
	struct report *report = context;

	report_progress_end(report);
	put_message(report, file, line, message);
}

void report_progress_start(struct report *report)
{
	clock_gettime(CLOCK_MONOTONIC, &report->started);
}

void report_progress(void *context, uint64_t bytes)
{
	struct report *report = context;
	struct timespec now;
	double seconds;

	clock_gettime(CLOCK_MONOTONIC, &now);
	seconds = (double)(now.tv_sec - report->started.tv_sec) + (double)(now.tv_nsec - report->started.tv_nsec) / 1e9;
	fprintf(report->messages, "\r\033[K" PROGRAM ": %.0f MB read, %.0f MB/s", (double)bytes / 1e6,
	        seconds > 0 ? (double)bytes / 1e6 / seconds : 0.0);
	report->progress_shown = true;
}

const char *report_file_name(const struct report *report, uint32_t index)
{
	const char *file = report->files[index];
	return log_source_display_name(file);
}
