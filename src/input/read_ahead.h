/*
 * read_ahead: a thread that decompresses a log ahead of its reader, so that
 * decompression and scanning each have a core, as `zstd -dc | ...` gives
 * them. Blocks go from the thread to the reader through a small ring, in
 * order, the last with the status the thread's reading ended with.
 */
#ifndef F2S_READ_AHEAD_H
#define F2S_READ_AHEAD_H

#include "input/decoders.h"

#include <stddef.h>

struct read_ahead;

/*
 * Starts a thread filling chunks of source with log_decoder_fill_chunk.
 * Returns NULL (and the caller reads on its own thread) when memory or
 * threads run out.
 */
struct read_ahead *read_ahead_start(struct log_decoder *source);

/*
 * Takes up to size bytes the thread has read, waiting for them: as
 * log_source_read does, with the status the thread's read ended with once
 * the bytes before it are taken.
 */
enum log_status read_ahead_take(struct read_ahead *ahead, char *out, size_t size, size_t *got);

/* Stops the thread, even when the reader has not reached the end, and frees all. Accepts NULL. */
void read_ahead_stop(struct read_ahead *ahead);

#endif
