/*
 * line_reader: lines from a log (plain or compressed), read in large blocks.
 */
#ifndef F2S_LINE_READER_H
#define F2S_LINE_READER_H

#include "input/location.h"
#include "input/log_source.h"

#include <stddef.h>
#include <stdint.h>

/* The longest line accepted, newline excluded: 8 MiB. */
#define LINE_MAX_BYTES ((size_t)8 << 20)

enum line_status {
	LINE_OK,        /* *line holds the next line */
	LINE_END,       /* no more lines */
	LINE_TOO_LONG,  /* the line was longer than the limit and was passed over */
	LINE_READ_ERROR /* the log could not be read: source_status, errno_value and the source's message say why */
};

struct line_reader {
	struct log_source *source; /* borrowed: the caller opens and closes it */
	char *buffer;            /* owned: bytes read but not yet returned */
	size_t capacity;         /* bytes allocated in buffer */
	size_t start;            /* offset of the first byte not yet returned */
	size_t end;              /* offset just past the last byte read */
	size_t max_line;         /* lines longer than this are refused */
	uint64_t line_number;    /* number of the line last returned, from 1 */
	uint64_t bytes_read;     /* bytes of the log so far (decompressed) */
	int at_eof;              /* the log has no more bytes */
	enum log_status source_status; /* for LINE_READ_ERROR */
	int errno_value;         /* errno of the failed read, or ENOMEM */
};

/* Prepares reader for source; returns 0, or -1 when memory runs out. */
int line_reader_init(struct line_reader *reader, struct log_source *source, size_t max_line);

/*
 * Returns the next line without its newline (and without a CR before it).
 * *line points into the reader's buffer and stays valid until the next call.
 * Lines may contain any byte, NUL included.
 */
enum line_status line_reader_next(struct line_reader *reader, const char **line, size_t *length);

/* Frees the buffer; the source is left open. Accepts NULL. */
void line_reader_free(struct line_reader *reader);

#endif
