/*
 * Fuzzes the decoders and the line reader: the input is read as a log
 * as it is (a broken gzip or zstd stream among others), and then made
 * gzip and zstd, which must give back its bytes exactly.
 */
#include "input/line_reader.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A file in memory holding bytes, at offset 0; -1 when it cannot be made. */
static int memory_file(const void *bytes, size_t size)
{
	int fd = memfd_create("log", MFD_CLOEXEC);

	if (fd < 0)
		return -1;
	if ((size > 0 && write(fd, bytes, size) != (ssize_t)size) || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Reads every line of the log in fd, as the scan does. */
static void read_lines(int fd)
{
	struct log_source source;
	struct line_reader reader;
	const char *line;
	size_t length;

	if (log_source_open(&source, fd) == LOG_OK && line_reader_init(&reader, &source, 4096) == 0) {
		while (line_reader_next(&reader, &line, &length) != LINE_END && reader.source_status == LOG_OK)
			;
		line_reader_free(&reader);
	}
	log_source_close(&source);
}

/* Reads the whole log in fd; aborts unless it is exactly want. */
static void expect_bytes(int fd, const uint8_t *want, size_t size)
{
	struct log_source source;
	char *got = malloc(size + 1);
	size_t used = 0, piece = 1;

	if (got == NULL || log_source_open(&source, fd) != LOG_OK)
		abort();
	while (piece > 0) {
		if (log_source_read(&source, got + used, size + 1 - used, &piece) != LOG_OK || used + piece > size + 1)
			abort();
		used += piece;
		if (used == size + 1)
			break;
	}
	if (used != size || memcmp(got, want, size) != 0)
		abort();
	log_source_close(&source);
	free(got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memory_file(data, size);
	size_t room = compressBound(size) + ZSTD_compressBound(size) + 64;
	unsigned char *packed = malloc(room);
	z_stream z;

	if (fd >= 0) {
		read_lines(fd);
		close(fd);
	}
	if (packed == NULL)
		return 0;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
		z.next_in = (unsigned char *)(uintptr_t)data;
		z.avail_in = (uInt)size;
		z.next_out = packed;
		z.avail_out = (uInt)room;
		if (deflate(&z, Z_FINISH) == Z_STREAM_END && (fd = memory_file(packed, room - z.avail_out)) >= 0) {
			expect_bytes(fd, data, size);
			close(fd);
		}
		deflateEnd(&z);
	}
	size_t made = ZSTD_compress(packed, room, data, size, 3);
	if (!ZSTD_isError(made) && (fd = memory_file(packed, made)) >= 0) {
		expect_bytes(fd, data, size);
		close(fd);
	}
	free(packed);
	return 0;
}
