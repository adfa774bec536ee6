/*
 * decoders: the bytes of one log from a file descriptor, decoded as its
 * first bytes say: plain text as it is (up to the size it had when opened,
 * when it is a regular file), gzip with its members read through as zcat
 * does, zstd with its frames. The kind is told by the first bytes, never by
 * the file's name, so standard input works too. xz and bzip2 are told, not
 * read.
 */
#ifndef F2S_DECODERS_H
#define F2S_DECODERS_H

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

struct log_decoder {
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
	int errno_value;       /* for LOG_READ_ERROR */
	char message[160];     /* for LOG_CORRUPT */
};

/* The name of a kind ("gzip"). */
const char *log_kind_name(enum log_kind kind);

/* Tells whether a kind is decoded here (plain, gzip, zstd), not only recognised (xz, bzip2). */
bool log_kind_readable(enum log_kind kind);

/* Reads the first bytes of fd and prepares to decode it. */
enum log_status log_decoder_open(struct log_decoder *decoder, int fd);

/* Prepares to read length bytes of a plain log from fd's current offset. */
enum log_status log_decoder_open_range(struct log_decoder *decoder, int fd, uint64_t length);

/* Decodes up to size bytes into out, as one call of the decoder gives them; *got is 0 at the end. */
enum log_status log_decoder_read(struct log_decoder *decoder, char *out, size_t size, size_t *got);

/*
 * Fills chunk->bytes with the next LOG_CHUNK_BYTES of a gzip or zstd log,
 * or up to its end or an error (chunk->last set, chunk->status saying
 * which): the same bytes whichever thread fills it.
 */
void log_decoder_fill_chunk(struct log_decoder *decoder, struct log_chunk *chunk);

/*
 * Takes up to size bytes of a filled chunk into out; false when it has
 * none left.
 */
bool log_chunk_take(struct log_chunk *chunk, char *out, size_t size, size_t *got);

/* Frees what decoder owns; the descriptor is left open. */
void log_decoder_close(struct log_decoder *decoder);

#endif
