/*
 * read_ahead: decompression on its own thread, handed over chunk by chunk.
 */
#include "input/read_ahead.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Chunks in the ring: 1 MiB in all. */
#define AHEAD_CHUNKS 4

struct read_ahead {
	struct log_decoder *source;    /* borrowed; only the thread uses it until the last chunk */
	pthread_t thread;             /* the thread that reads */
	pthread_mutex_t lock;         /* guards the counts below and stop */
	pthread_cond_t filled;        /* a chunk was filled */
	pthread_cond_t emptied;       /* a chunk was given back, or stop was set */
	struct log_chunk chunks[AHEAD_CHUNKS];
	size_t next_fill;             /* the chunk the thread fills next */
	size_t next_take;             /* the chunk the reader takes from */
	size_t full;                  /* chunks filled and not yet given back */
	bool stop;                    /* the reader wants no more */
};

static void *read_ahead_thread(void *data)
{
	struct read_ahead *ahead = data;

	for (;;) {
		pthread_mutex_lock(&ahead->lock);
		while (ahead->full == AHEAD_CHUNKS && !ahead->stop)
			pthread_cond_wait(&ahead->emptied, &ahead->lock);
		if (ahead->stop) {
			pthread_mutex_unlock(&ahead->lock);
			return NULL;
		}
		struct log_chunk *chunk = &ahead->chunks[ahead->next_fill];
		pthread_mutex_unlock(&ahead->lock);

		/* An empty chunk is the thread's until it counts it full. */
		log_decoder_fill_chunk(ahead->source, chunk);
		bool last = chunk->last;

		pthread_mutex_lock(&ahead->lock);
		ahead->next_fill = (ahead->next_fill + 1) % AHEAD_CHUNKS;
		ahead->full++;
		pthread_cond_signal(&ahead->filled);
		pthread_mutex_unlock(&ahead->lock);
		if (last)
			return NULL;
	}
}

/* Frees the chunks and ahead itself. */
static void free_ahead(struct read_ahead *ahead)
{
	for (size_t i = 0; i < AHEAD_CHUNKS; i++)
		free(ahead->chunks[i].bytes);
	free(ahead);
}

struct read_ahead *read_ahead_start(struct log_decoder *source)
{
	struct read_ahead *ahead = calloc(1, sizeof(*ahead));
	bool ready = ahead != NULL;

	for (size_t i = 0; ready && i < AHEAD_CHUNKS; i++)
		ready = (ahead->chunks[i].bytes = malloc(LOG_CHUNK_BYTES)) != NULL;
	if (ready) {
		ahead->source = source;
		pthread_mutex_init(&ahead->lock, NULL);
		pthread_cond_init(&ahead->filled, NULL);
		pthread_cond_init(&ahead->emptied, NULL);
		if (pthread_create(&ahead->thread, NULL, read_ahead_thread, ahead) == 0)
			return ahead;
		pthread_cond_destroy(&ahead->emptied);
		pthread_cond_destroy(&ahead->filled);
		pthread_mutex_destroy(&ahead->lock);
	}
	if (ahead != NULL)
		free_ahead(ahead);
	return NULL;
}

enum log_status read_ahead_take(struct read_ahead *ahead, char *out, size_t size, size_t *got)
{
	for (;;) {
		pthread_mutex_lock(&ahead->lock);
		while (ahead->full == 0)
			pthread_cond_wait(&ahead->filled, &ahead->lock);
		struct log_chunk *chunk = &ahead->chunks[ahead->next_take];
		pthread_mutex_unlock(&ahead->lock);

		/* A filled chunk is the reader's until it gives it back; the last one is kept. */
		if (log_chunk_take(chunk, out, size, got))
			return LOG_OK;
		if (chunk->last)
			return chunk->status;
		pthread_mutex_lock(&ahead->lock);
		ahead->next_take = (ahead->next_take + 1) % AHEAD_CHUNKS;
		ahead->full--;
		pthread_cond_signal(&ahead->emptied);
		pthread_mutex_unlock(&ahead->lock);
	}
}

void read_ahead_stop(struct read_ahead *ahead)
{
	if (ahead == NULL)
		return;
	pthread_mutex_lock(&ahead->lock);
	ahead->stop = true;
	pthread_cond_signal(&ahead->emptied);
	pthread_mutex_unlock(&ahead->lock);
	pthread_join(ahead->thread, NULL);
	pthread_cond_destroy(&ahead->emptied);
	pthread_cond_destroy(&ahead->filled);
	pthread_mutex_destroy(&ahead->lock);
	free_ahead(ahead);
}
