/*
 * decoders: plain, gzip and zstd logs decoded alike.
 */
#include "input/decoders.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much one read(2) of compressed data asks for. */
#define IN_BYTES ((size_t)128 << 10)

static const struct magic {
	enum log_kind kind;
	const char *bytes;
	size_t length;
} magics[] = {
	{ LOG_GZIP, "\x1f\x8b", 2 },
	{ LOG_ZSTD, "\x28\xb5\x2f\xfd", 4 },
	{ LOG_XZ, "\xfd" "7zXZ", 5 },
	/* "BZh" and the block size, '1' to '9': no Falco alert begins so. */
	{ LOG_BZIP2, "BZh", 3 },
};

const char *log_kind_name(enum log_kind kind)
{
	static const char *const names[] = { "plain", "gzip", "zstd", "xz", "bzip2" };
	return names[kind];
}

bool log_kind_readable(enum log_kind kind)
{
	return kind == LOG_PLAIN || kind == LOG_GZIP || kind == LOG_ZSTD;
}

/* Reads more bytes from fd after those not yet used. */
static enum log_status refill(struct log_decoder *source)
{
	ssize_t got;

	if (source->in_start > 0) {
		memmove(source->in, source->in + source->in_start, source->in_end - source->in_start);
		source->in_end -= source->in_start;
		source->in_start = 0;
	}
	do
		got = read(source->fd, source->in + source->in_end, IN_BYTES - source->in_end);
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		source->errno_value = errno;
		return LOG_READ_ERROR;
	}
	if (got == 0)
		source->in_eof = true;
	source->in_end += (size_t)got;
	source->raw_bytes += (uint64_t)got;
	return LOG_OK;
}

enum log_status log_decoder_open(struct log_decoder *source, int fd)
{
	enum log_status status;
	struct stat info;

	memset(source, 0, sizeof(*source));
	source->fd = fd;
	source->regular = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
	off_t start = source->regular ? lseek(fd, 0, SEEK_CUR) : -1;
	source->in = malloc(IN_BYTES);
	if (source->in == NULL)
		return LOG_NO_MEMORY;
	/* Enough bytes to tell the kind, unless the log is shorter. */
	while (source->in_end < 6 && !source->in_eof)
		if ((status = refill(source)) != LOG_OK)
			return status;
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (source->in_end >= magics[i].length && memcmp(source->in, magics[i].bytes, magics[i].length) == 0)
			source->kind = magics[i].kind;
	/*
	 * A plain regular file is read up to the size it had when opened, as a
	 * parallel pass reads it: a log Falco is still writing gives what one
	 * thread and many give alike, whatever is appended meanwhile.
	 */
	if (source->kind == LOG_PLAIN && start >= 0 && start <= info.st_size) {
		uint64_t size = (uint64_t)(info.st_size - start);
		if (source->in_end > size)
			source->in_end = (size_t)size;
		source->limited = true;
		source->limit = size - source->in_end;
	}
	if (source->kind == LOG_GZIP) {
		if (inflateInit2(&source->gzip, 16 + MAX_WBITS) != Z_OK)
			return LOG_NO_MEMORY;
		source->gzip_ready = true;
	} else if (source->kind == LOG_ZSTD) {
		source->zstd = ZSTD_createDStream();
		if (source->zstd == NULL || ZSTD_isError(ZSTD_initDStream(source->zstd)))
			return LOG_NO_MEMORY;
	}
	return LOG_OK;
}

enum log_status log_decoder_open_range(struct log_decoder *source, int fd, uint64_t length)
{
	memset(source, 0, sizeof(*source));
	source->fd = fd;
	source->kind = LOG_PLAIN;
	source->limited = true;
	source->limit = length;
	return LOG_OK;
}

static enum log_status corrupt(struct log_decoder *source, const char *what)
{
	snprintf(source->message, sizeof(source->message), "%s", what);
	return LOG_CORRUPT;
}

static enum log_status read_plain(struct log_decoder *source, char *out, size_t size, size_t *got)
{
	ssize_t count;

	if (source->in_start < source->in_end) {
		/* The bytes read to tell the kind come first. */
		*got = source->in_end - source->in_start < size ? source->in_end - source->in_start : size;
		memcpy(out, source->in + source->in_start, *got);
		source->in_start += *got;
		return LOG_OK;
	}
	if (source->limited && size > source->limit)
		size = (size_t)source->limit;
	do
		count = size > 0 ? read(source->fd, out, size) : 0;
	while (count < 0 && errno == EINTR);
	if (count < 0) {
		source->errno_value = errno;
		return LOG_READ_ERROR;
	}
	if (source->limited && count == 0 && source->limit > 0)
		return LOG_SHRANK; /* truncated under the reader: what was read may be gone or rewritten */
	if (source->limited)
		source->limit -= (uint64_t)count;
	source->raw_bytes += (uint64_t)count;
	*got = (size_t)count;
	return LOG_OK;
}

static enum log_status read_gzip(struct log_decoder *source, char *out, size_t size, size_t *got)
{
	z_stream *z = &source->gzip;
	enum log_status status;

	*got = 0;
	for (;;) {
		if (source->in_start == source->in_end && !source->in_eof && (status = refill(source)) != LOG_OK)
			return status;
		if (source->member_done) {
			/* Concatenated members are read through, as zcat does. */
			if (source->in_start == source->in_end && source->in_eof)
				return LOG_OK;
			if (source->in_end - source->in_start < 2 && !source->in_eof) {
				if ((status = refill(source)) != LOG_OK)
					return status;
				continue;
			}
			if (source->in_end - source->in_start < 2 || memcmp(source->in + source->in_start, "\x1f\x8b", 2) != 0)
				return corrupt(source, "bytes after the end of the gzip data");
			inflateReset(z);
			source->member_done = false;
		}
		z->next_in = source->in + source->in_start;
		z->avail_in = (uInt)(source->in_end - source->in_start);
		z->next_out = (unsigned char *)out;
		z->avail_out = (uInt)size;
		int result = inflate(z, Z_NO_FLUSH);
		source->in_start = source->in_end - z->avail_in;
		*got = size - z->avail_out;
		if (result == Z_STREAM_END)
			source->member_done = true;
		else if (result == Z_MEM_ERROR)
			return LOG_NO_MEMORY;
		else if (result != Z_OK && result != Z_BUF_ERROR)
			return corrupt(source, z->msg ? z->msg : "broken gzip data");
		if (*got > 0)
			return LOG_OK;
		if (!source->member_done && source->in_start == source->in_end && source->in_eof)
			return corrupt(source, "the gzip data is cut short");
	}
}

static enum log_status read_zstd(struct log_decoder *source, char *out, size_t size, size_t *got)
{
	enum log_status status;

	*got = 0;
	for (;;) {
		if (source->in_start == source->in_end && !source->in_eof && (status = refill(source)) != LOG_OK)
			return status;
		if (source->in_start == source->in_end && source->in_eof)
			return source->zstd_hint == 0 ? LOG_OK : corrupt(source, "the zstd data is cut short");
		ZSTD_inBuffer input = { source->in, source->in_end, source->in_start };
		ZSTD_outBuffer output = { out, size, 0 };
		size_t result = ZSTD_decompressStream(source->zstd, &output, &input);
		/* Memory running out is no fault of the data: exit status 6, not 3. */
		if (ZSTD_isError(result) && ZSTD_getErrorCode(result) == ZSTD_error_memory_allocation)
			return LOG_NO_MEMORY;
		if (ZSTD_isError(result))
			return corrupt(source, ZSTD_getErrorName(result));
		source->zstd_hint = result;
		source->in_start = input.pos;
		*got = output.pos;
		if (*got > 0)
			return LOG_OK;
	}
}

void log_decoder_fill_chunk(struct log_decoder *source, struct log_chunk *chunk)
{
	chunk->length = 0;
	chunk->taken = 0;
	chunk->status = LOG_OK;
	chunk->last = false;
	while (chunk->length < LOG_CHUNK_BYTES) {
		size_t got = 0;
		char *out = chunk->bytes + chunk->length;
		size_t room = LOG_CHUNK_BYTES - chunk->length;
		chunk->status = source->kind == LOG_GZIP ? read_gzip(source, out, room, &got) : read_zstd(source, out, room, &got);
		if (chunk->status != LOG_OK || got == 0) {
			/* The bytes of a failed read are not used. */
			chunk->last = true;
			return;
		}
		chunk->length += got;
	}
}

bool log_chunk_take(struct log_chunk *chunk, char *out, size_t size, size_t *got)
{
	size_t count = chunk->length - chunk->taken < size ? chunk->length - chunk->taken : size;

	memcpy(out, chunk->bytes + chunk->taken, count);
	chunk->taken += count;
	*got = count;
	return count > 0;
}

enum log_status log_decoder_read(struct log_decoder *source, char *out, size_t size, size_t *got)
{
	switch (source->kind) {
	case LOG_GZIP:
		return read_gzip(source, out, size, got);
	case LOG_ZSTD:
		return read_zstd(source, out, size, got);
	case LOG_PLAIN:
	case LOG_XZ:
	case LOG_BZIP2:
	default:
		return read_plain(source, out, size, got);
	}
}

void log_decoder_close(struct log_decoder *source)
{
	if (source->gzip_ready)
		inflateEnd(&source->gzip);
	ZSTD_freeDStream(source->zstd);
	free(source->in);
	memset(source, 0, sizeof(*source));
}
