/*
 * log_source: the decoded bytes of one log (decoders.h), read on the
 * reader's thread or, for a gzip or zstd regular file, decompressed ahead
 * by a thread of their own (read_ahead.h); what the reader gets is the
 * same either way.
 */
#ifndef F2S_LOG_SOURCE_H
#define F2S_LOG_SOURCE_H

#include "input/decoders.h"
#include "input/read_ahead.h"

struct log_source {
	struct log_decoder decoder; /* the log's bytes, decoded */
	struct log_chunk chunk;     /* gzip and zstd read on this thread: the chunk being read */
	struct read_ahead *ahead;   /* owned: the thread decompressing ahead, or NULL */
};

/* Reads the first bytes of fd and prepares to read it. */
enum log_status log_source_open(struct log_source *source, int fd);

/*
 * Prepares to read length bytes of a plain log from fd's current offset,
 * as one worker of a parallel scan does with its part of a file.
 */
enum log_status log_source_open_range(struct log_source *source, int fd, uint64_t length);

/*
 * Has a thread of its own decompress a gzip or zstd regular file ahead of
 * the reader from now on; nothing changes for a plain log, a pipe (whose
 * writer could leave the thread waiting in read(2) when the reader wants
 * to stop), or when no thread can be had. What the reader gets is the same
 * either way.
 */
void log_source_read_ahead(struct log_source *source);

/* Reads up to size bytes of the log into out; *got is 0 at the end. */
enum log_status log_source_read(struct log_source *source, char *out, size_t size, size_t *got);

/* Frees what source owns; the descriptor is left open. Accepts NULL. */
void log_source_close(struct log_source *source);

/* How an input is named in messages: "<stdin>" for "-", else its path. */
const char *log_source_display_name(const char *path);

#endif
