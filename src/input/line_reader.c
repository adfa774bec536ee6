/*
 * line_reader: lines from a log, read in large blocks so that the cost per
 * line is one memchr, not one read(2).
 */
#include "input/line_reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* How much one read asks for. */
#define BLOCK_BYTES ((size_t)256 << 10)

int line_reader_init(struct line_reader *reader, struct log_source *source, size_t max_line)
{
	memset(reader, 0, sizeof(*reader));
	reader->source = source;
	reader->max_line = max_line;
	reader->capacity = 2 * BLOCK_BYTES;
	reader->buffer = malloc(reader->capacity);
	return reader->buffer ? 0 : -1;
}

void line_reader_free(struct line_reader *reader)
{
	if (reader == NULL)
		return;
	free(reader->buffer);
	reader->buffer = NULL;
}

/*
 * Makes room for one more block after the unread bytes: moves them to the
 * front, and grows the buffer while a line is longer than what it holds.
 */
static int make_room(struct line_reader *reader)
{
	size_t unread = reader->end - reader->start;

	if (reader->start > 0) {
		memmove(reader->buffer, reader->buffer + reader->start, unread);
		reader->start = 0;
		reader->end = unread;
	}
	if (reader->capacity - reader->end < BLOCK_BYTES) {
		size_t capacity = reader->capacity * 2;
		char *grown = realloc(reader->buffer, capacity);
		if (grown == NULL)
			return -1;
		reader->buffer = grown;
		reader->capacity = capacity;
	}
	return 0;
}

/* Reads one block; returns bytes read, 0 at end of file, -1 on error. */
static long fill(struct line_reader *reader)
{
	size_t got;

	if (make_room(reader) != 0) {
		reader->source_status = LOG_NO_MEMORY;
		reader->errno_value = ENOMEM;
		return -1;
	}
	reader->source_status = log_source_read(reader->source, reader->buffer + reader->end,
	                                        reader->capacity - reader->end, &got);
	if (reader->source_status != LOG_OK) {
		reader->errno_value = reader->source_status == LOG_NO_MEMORY ? ENOMEM : reader->source->decoder.errno_value;
		return -1;
	}
	if (got == 0)
		reader->at_eof = 1;
	reader->end += got;
	reader->bytes_read += got;
	return (long)got;
}

/*
 * Passes over the rest of a line that is too long, holding at most one
 * block of it at a time. Returns LINE_TOO_LONG, or LINE_READ_ERROR.
 */
static enum line_status skip_long_line(struct line_reader *reader)
{
	for (;;) {
		char *newline = memchr(reader->buffer + reader->start, '\n', reader->end - reader->start);
		if (newline != NULL) {
			reader->start = (size_t)(newline - reader->buffer) + 1;
			return LINE_TOO_LONG;
		}
		reader->start = reader->end = 0;
		if (reader->at_eof)
			return LINE_TOO_LONG;
		if (fill(reader) < 0)
			return LINE_READ_ERROR;
	}
}

enum line_status line_reader_next(struct line_reader *reader, const char **line, size_t *length)
{
	size_t scanned = 0;

	for (;;) {
		char *begin = reader->buffer + reader->start;
		size_t unread = reader->end - reader->start;
		char *newline = memchr(begin + scanned, '\n', unread - scanned);
		size_t line_length;

		if (newline != NULL) {
			line_length = (size_t)(newline - begin);
			reader->start += line_length + 1;
		} else if (unread > reader->max_line + 1) {
			/* One byte past the limit may be the CR of a CRLF line. */
			reader->line_number++;
			return skip_long_line(reader);
		} else if (!reader->at_eof) {
			scanned = unread;
			if (fill(reader) < 0)
				return LINE_READ_ERROR;
			continue;
		} else if (unread == 0) {
			return LINE_END;
		} else {
			/* The last line of the file has no newline. */
			line_length = unread;
			reader->start = reader->end;
		}
		reader->line_number++;
		if (line_length > 0 && begin[line_length - 1] == '\r')
			line_length--;
		if (line_length > reader->max_line)
			return LINE_TOO_LONG;
		*line = begin;
		*length = line_length;
		return LINE_OK;
	}
}
