/*
 * Fuzzes event decoding, and checks the pre-filter's promise on every input:
 * a line it lets the reader pass over never decodes into an event of the
 * wanted container or a drop alert.
 */
#include "container_filter.h"
#include "event.h"
#include "json_arena.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct container_filter filter;
	static int ready;
	char message[200];
	struct event event;
	const char *line = (const char *)data;

	if (!ready) {
		if (container_filter_add(&filter, "3ad7b26ded6d", message, sizeof(message)) != 0)
			abort();
		ready = 1;
	}
	json_arena_begin();
	enum event_status status = event_decode(line, size, &event);
	int matches = (status == EVENT_SYSCALL || status == EVENT_NO_SYSCALL) &&
	              container_filter_match(&filter, event.container_id.text, event.container_id.length) >= 0;
	if ((matches || status == EVENT_DROP) && !container_filter_may_match_line(&filter, line, size))
		abort();
	json_arena_end();
	return 0;
}
