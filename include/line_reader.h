/*
 * line_reader: lines from a file descriptor, read in large blocks.
 */
#ifndef F2S_LINE_READER_H
#define F2S_LINE_READER_H

#include <stddef.h>
#include <stdint.h>

/* The longest line accepted, newline excluded: 8 MiB. */
#define LINE_MAX_BYTES ((size_t)8 << 20)

enum line_status {
	LINE_OK,        /* *line holds the next line */
	LINE_END,       /* no more lines */
	LINE_TOO_LONG,  /* the line was longer than the limit and was passed over */
	LINE_READ_ERROR /* read(2) failed: errno_value says why */
};

/* Where something was read: the input's index in the list of inputs, and the line. */
struct location {
	uint32_t file; /* index into the list of inputs */
	uint64_t line; /* from 1 */
};

struct line_reader {
	int fd;                  /* borrowed: the caller opens and closes it */
	char *buffer;            /* owned: bytes read but not yet returned */
	size_t capacity;         /* bytes allocated in buffer */
	size_t start;            /* offset of the first byte not yet returned */
	size_t end;              /* offset just past the last byte read */
	size_t max_line;         /* lines longer than this are refused */
	uint64_t line_number;    /* number of the line last returned, from 1 */
	uint64_t bytes_read;     /* bytes read from fd so far */
	int at_eof;              /* read(2) returned 0 */
	int errno_value;         /* errno of the failed read, for LINE_READ_ERROR */
};

/* Prepares reader for fd; returns 0, or -1 when memory runs out. */
int line_reader_init(struct line_reader *reader, int fd, size_t max_line);

/*
 * Returns the next line without its newline (and without a CR before it).
 * *line points into the reader's buffer and stays valid until the next call.
 * Lines may contain any byte, NUL included.
 */
enum line_status line_reader_next(struct line_reader *reader, const char **line, size_t *length);

/* Frees the buffer; the descriptor is left open. Accepts NULL. */
void line_reader_free(struct line_reader *reader);

#endif
