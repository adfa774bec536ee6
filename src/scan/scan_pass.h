/*
 * scan_pass: the pass over one input on one thread (scan_pass.c), and what
 * the parallel pass (scan_parallel.c) takes from it. Only the files of
 * scan/ include it.
 */
#ifndef F2S_SCAN_PASS_H
#define F2S_SCAN_PASS_H

#include "input/line_reader.h"
#include "scan/scan.h"

/* How often progress is told, in bytes read. */
#define PROGRESS_EVERY ((uint64_t)16 << 20)

/* What a kept record is, for the rules that decide which are told. */
enum record_kind {
	RECORD_BAD,   /* an unusable line: told by bad_line's rules */
	RECORD_ARGS,  /* an argument value not understood: told by observe_arguments' rules */
	RECORD_PLAIN  /* anything else, told as it is */
};

/* Tells of an argument value not understood, the first few of them. */
void scan_tell_arguments(struct scan *scan, struct location where, const char *message);

/* Tells of an unusable line by the rules of bad_line. */
enum scan_status scan_tell_bad_line(struct scan *scan, const char *file, uint64_t line, const char *message);

/* Tells a problem at file:line (line 0: the whole file) through the scan's callback. */
void scan_report(struct scan *scan, const char *file, uint64_t line, const char *format, ...)
	__attribute__((format(printf, 4, 5)));

/* The container an id (at most CONTAINER_ID_MAX bytes) names, added on first sight; NULL when full or out of memory. */
struct scan_container *scan_container_for(struct scan *scan, const struct event_text *id, enum scan_status *status);

/* Reads the lines of one input through reader. */
enum scan_status scan_stream(struct scan *scan, uint32_t file_index, struct line_reader *reader);

/* Reads one input with one thread: a file, or standard input for "-". */
enum scan_status scan_file(struct scan *scan, uint32_t file_index);



#endif
