/*
 * log_source: the bytes of one log, from a file descriptor, decompressed
 * on the fly when they are gzip (members read through, as zcat does) or
 * zstd. The kind is told by the first bytes, never by the file's name, so
 * standard input works too.
 */
#ifndef F2S_LOG_SOURCE_H
#define F2S_LOG_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

enum log_kind {
	LOG_PLAIN, /* text as it is */
	LOG_GZIP,  /* gzip, one member or several */
	LOG_ZSTD,  /* zstd, one frame or several */
	LOG_XZ,    /* xz: recognised, not read */
	LOG_BZIP2  /* bzip2: recognised, not read */
};

enum log_status {
	LOG_OK,          /* data, or the end */
	LOG_READ_ERROR,  /* read(2) failed: errno_value says why */
	LOG_CORRUPT,     /* the compressed data is broken or cut short: message says how */
	LOG_NO_MEMORY,   /* memory ran out */
	LOG_SHRANK       /* a plain file ended before the size it had when opened */
};

struct read_ahead;

/*
 * Decompressed data from a regular file is made in chunks of this size,
 * each filled whole before it is used, whichever thread fills it: the
 * decoders are called alike with or without a read-ahead thread, so broken
 * data ends at the same byte either way. From a pipe, whose writer may
 * pause, the reader takes what each call gives, at once.
 */
#define LOG_CHUNK_BYTES ((size_t)256 << 10)

/* A chunk of decompressed data, and how far its reader got. */
struct log_chunk {
	char *bytes;            /* owned, LOG_CHUNK_BYTES of them */
	size_t length;          /* bytes filled */
	size_t taken;           /* bytes the reader took out */
	enum log_status status; /* how filling it ended, when last */
	bool last;              /* nothing follows: the end of the log, or an error */
};

struct log_source {
	int fd;                /* borrowed: the caller opens and closes it */
	enum log_kind kind;    /* what the first bytes say */
	unsigned char *in;     /* owned: bytes read from fd, not yet used */
	size_t in_start;       /* the first unused byte */
	size_t in_end;         /* just past the last byte read */
	bool in_eof;           /* read(2) returned 0 */
	bool regular;          /* fd is a regular file: compressed data is read in whole chunks */
	bool member_done;      /* gzip: a member ended; another may follow */
	size_t zstd_hint;      /* zstd: what the last call said is left of a frame (0 at a frame's end) */
	z_stream gzip;         /* gzip's state */
	bool gzip_ready;       /* gzip was set up */
	ZSTD_DStream *zstd;    /* owned: zstd's state */
	uint64_t raw_bytes;    /* bytes read from fd */
	bool limited;          /* read only limit bytes (a plain range of a file) */
	uint64_t limit;        /* bytes left to read when limited */
	struct log_chunk chunk;  /* gzip and zstd read on this thread: the chunk being read */
	struct read_ahead *ahead; /* owned: the thread decompressing ahead, or NULL */
	int errno_value;       /* for LOG_READ_ERROR */
	char message[160];     /* for LOG_CORRUPT */
};

/* The name of a kind ("gzip"). */
const char *log_kind_name(enum log_kind kind);

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

/*
 * Fills chunk->bytes with the next LOG_CHUNK_BYTES of a gzip or zstd log,
 * or up to its end or an error (chunk->last set, chunk->status saying
 * which): what the read-ahead thread calls.
 */
void log_source_fill_chunk(struct log_source *source, struct log_chunk *chunk);

/*
 * Takes up to size bytes of a filled chunk into out; false when it has
 * none left. A chunk's last byte taken gives it back.
 */
bool log_chunk_take(struct log_chunk *chunk, char *out, size_t size, size_t *got);

/* Frees what source owns; the descriptor is left open. Accepts NULL. */
void log_source_close(struct log_source *source);

/* How an input is named in messages: "<stdin>" for "-", else its path. */
const char *log_source_display_name(const char *path);

#endif
