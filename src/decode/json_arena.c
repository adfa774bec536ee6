/*
 * json_arena: the allocator behind event decoding. One line's parse tree is
 * a few kilobytes; the first block holds it, and larger lines chain extra
 * blocks that the next reset frees, so memory follows the longest line only
 * while that line is being decoded.
 */
#include "decode/json_arena.h"

#include <cJSON.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>

#define FIRST_BLOCK_BYTES ((size_t)64 << 10)

struct arena_block {
	struct arena_block *next; /* the block allocated before this one */
	size_t capacity;          /* bytes in data */
	size_t used;              /* bytes handed out from data */
	alignas(max_align_t) unsigned char data[]; /* the memory handed out */
};

/* Each thread that parses has an arena of its own; cJSON's hooks lead to the caller's. */
static _Thread_local struct arena_block *current_block; /* newest block, or NULL */
static _Thread_local struct arena_block *first_block;   /* kept across resets */

static struct arena_block *block_new(size_t capacity, struct arena_block *next)
{
	struct arena_block *block = malloc(sizeof(*block) + capacity);

	if (block == NULL)
		return NULL;
	block->next = next;
	block->capacity = capacity;
	block->used = 0;
	return block;
}

static void *arena_malloc(size_t size)
{
	const size_t align = alignof(max_align_t);
	size_t rounded = (size + align - 1) & ~(align - 1);

	if (rounded < size)
		return NULL;
	if (current_block->capacity - current_block->used < rounded) {
		size_t capacity = rounded > FIRST_BLOCK_BYTES * 4 ? rounded : FIRST_BLOCK_BYTES * 4;
		struct arena_block *block = block_new(capacity, current_block);
		if (block == NULL)
			return NULL;
		current_block = block;
	}
	void *memory = current_block->data + current_block->used;
	current_block->used += rounded;
	return memory;
}

static void arena_free(void *memory)
{
	(void)memory;
}

int json_arena_thread_begin(void)
{
	if (first_block == NULL) {
		first_block = block_new(FIRST_BLOCK_BYTES, NULL);
		if (first_block == NULL)
			return -1;
	}
	current_block = first_block;
	first_block->used = 0;
	return 0;
}

int json_arena_begin(void)
{
	cJSON_Hooks hooks = { arena_malloc, arena_free };

	if (json_arena_thread_begin() != 0)
		return -1;
	cJSON_InitHooks(&hooks);
	return 0;
}

void json_arena_reset(void)
{
	while (current_block != first_block) {
		struct arena_block *next = current_block->next;
		free(current_block);
		current_block = next;
	}
	first_block->used = 0;
}

void json_arena_thread_end(void)
{
	if (first_block == NULL)
		return;
	json_arena_reset();
	free(first_block);
	first_block = current_block = NULL;
}

void json_arena_end(void)
{
	if (first_block == NULL)
		return;
	json_arena_thread_end();
	cJSON_InitHooks(NULL);
}
