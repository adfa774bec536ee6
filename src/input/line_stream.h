/*
 * line_stream: an endless input read line by line, with a deadline and
 * the signals that end a service (line_stream.c): what Falco's
 * program_output feeds, one alert per line, for as long as Falco runs.
 */
#ifndef F2S_LINE_STREAM_H
#define F2S_LINE_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct line_stream {
	int fd;                /* the input, borrowed */
	int signal_fd;         /* SIGTERM, SIGINT and SIGHUP, blocked and read here */
	char *buffer;          /* owned: bytes read, not yet handed out */
	size_t start, used, capacity;
	size_t max_line;       /* longer lines are handed out cut, once, as too long */
	bool skipping;         /* the rest of a line too long is being passed over */
	bool ended;            /* the input reached its end */
	uint64_t line_number;  /* of the line handed out last */
	int last_signal;       /* the signal STREAM_SIGNAL came for */
};

enum stream_event {
	STREAM_LINE,      /* a line: line and length are set (no newline) */
	STREAM_TOO_LONG,  /* a line past max_line, passed over */
	STREAM_DEADLINE,  /* the timeout passed without a line */
	STREAM_SIGNAL,    /* SIGTERM, SIGINT or SIGHUP came */
	STREAM_END,       /* the input ended (a last line without newline was handed out before) */
	STREAM_ERROR      /* reading failed: errno says why */
};

/* Starts reading fd, with SIGTERM, SIGINT and SIGHUP taken as events; 0, or -1 with errno. */
int line_stream_open(struct line_stream *stream, int fd, size_t max_line);

/* The next event, waiting at most timeout_ms milliseconds for a line. */
enum stream_event line_stream_next(struct line_stream *stream, int timeout_ms, const char **line, size_t *length);

/* Frees what stream owns, and gives the signals their default handling back. */
void line_stream_close(struct line_stream *stream);

#endif
