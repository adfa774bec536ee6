/*
 * json_arena: a bump allocator that cJSON uses while decoding events, so that
 * parsing a line costs no malloc/free per node.
 */
#ifndef F2S_JSON_ARENA_H
#define F2S_JSON_ARENA_H

/*
 * Routes cJSON's allocations into the arena until json_arena_end. Trees made
 * meanwhile live until the next json_arena_reset; cJSON_Delete on them is a
 * no-op. Returns 0, or -1 when memory runs out.
 */
int json_arena_begin(void);

/*
 * The same for another thread, while json_arena_begin's hooks are in
 * place: each thread's trees go to its own arena. json_arena_thread_end
 * frees it.
 */
int json_arena_thread_begin(void);
void json_arena_thread_end(void);

/* Forgets every tree made since the last reset; keeps the first block. */
void json_arena_reset(void);

/* Gives cJSON back malloc and free, and frees the arena. */
void json_arena_end(void);

#endif
