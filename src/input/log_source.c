/*
 * log_source: a log's decoded bytes, on this thread or from the thread
 * that reads ahead.
 */
#include "input/log_source.h"

#include <stdlib.h>
#include <string.h>

enum log_status log_source_open(struct log_source *source, int fd)
{
	memset(source, 0, sizeof(*source));
	return log_decoder_open(&source->decoder, fd);
}

enum log_status log_source_open_range(struct log_source *source, int fd, uint64_t length)
{
	memset(source, 0, sizeof(*source));
	return log_decoder_open_range(&source->decoder, fd, length);
}

/* Reads a gzip or zstd log on this thread, a chunk at a time. */
static enum log_status read_chunked(struct log_source *source, char *out, size_t size, size_t *got)
{
	struct log_chunk *chunk = &source->chunk;

	if (chunk->bytes == NULL) {
		chunk->bytes = malloc(LOG_CHUNK_BYTES);
		if (chunk->bytes == NULL)
			return LOG_NO_MEMORY;
		log_decoder_fill_chunk(&source->decoder, chunk);
	}
	for (;;) {
		if (log_chunk_take(chunk, out, size, got))
			return LOG_OK;
		if (chunk->last)
			return chunk->status;
		log_decoder_fill_chunk(&source->decoder, chunk);
	}
}

void log_source_read_ahead(struct log_source *source)
{
	/* Before the first read only: the thread's chunks then follow on from the start. */
	if (source->ahead == NULL && source->chunk.bytes == NULL && source->decoder.regular &&
	    (source->decoder.kind == LOG_GZIP || source->decoder.kind == LOG_ZSTD))
		source->ahead = read_ahead_start(&source->decoder);
}

enum log_status log_source_read(struct log_source *source, char *out, size_t size, size_t *got)
{
	if (source->ahead != NULL)
		return read_ahead_take(source->ahead, out, size, got);
	if (source->decoder.regular && (source->decoder.kind == LOG_GZIP || source->decoder.kind == LOG_ZSTD))
		return read_chunked(source, out, size, got);
	return log_decoder_read(&source->decoder, out, size, got);
}

void log_source_close(struct log_source *source)
{
	if (source == NULL)
		return;
	/* The thread uses the decompressor's state: it stops first. */
	read_ahead_stop(source->ahead);
	log_decoder_close(&source->decoder);
	free(source->chunk.bytes);
	memset(source, 0, sizeof(*source));
}

const char *log_source_display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}
