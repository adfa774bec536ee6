/*
 * Fuzzes event decoding and checks two promises on every input: the quick
 * JSON reader decodes exactly what cJSON does, and a line the pre-filter
 * lets the reader pass over never decodes into an event of the wanted
 * container or a drop alert.
 */
#include "scan/container_filter.h"
#include "decode/event.h"
#include "decode/json_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same_text(struct event_text a, struct event_text b)
{
	return a.length == b.length && (a.length == 0 || memcmp(a.text, b.text, a.length) == 0) &&
	       (a.text == NULL) == (b.text == NULL);
}

static int same_value(struct json_value a, struct json_value b)
{
	if (a.kind != b.kind)
		return 0;
	if (a.kind == JSON_STRING)
		return a.length == b.length && memcmp(a.text, b.text, a.length) == 0;
	return a.kind != JSON_NUMBER || a.number == b.number;
}

static int same_labels(const struct event *a, const struct event *b)
{
	if (a->label_count != b->label_count)
		return 0;
	for (size_t i = 0; i < a->label_count; i++)
		if (!same_text(a->labels[i].key, b->labels[i].key) || !same_text(a->labels[i].value, b->labels[i].value))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct container_filter filter;
	static int ready;
	char message[200];
	struct event event;
	const char *line = (const char *)data;

	if (!ready) {
		if (container_filter_add(&filter, "3ad7b26ded6d", message, sizeof(message)) != 0 ||
		    container_filter_add(&filter, "fa1b2c3d4e5f", message, sizeof(message)) != 0)
			abort();
		ready = 1;
	}
	/* The line reader hands over lines without their newline. */
	if (size > 0 && line[size - 1] == '\n')
		size--;
	if (size > 0 && line[size - 1] == '\r')
		size--;
	json_arena_begin();
	struct event full;
	enum event_status full_status = event_decode_full(line, size, &full);
	enum event_status status = event_decode(line, size, &event);
	if (status != full_status || !same_text(event.container_id, full.container_id) ||
	    !same_text(event.name, full.name) || !same_text(event.container_name, full.container_name) ||
	    !same_text(event.image, full.image) || !same_text(event.image_tag, full.image_tag) ||
	    !same_text(event.process, full.process) || !same_text(event.time, full.time) || !same_value(event.flags, full.flags) ||
	    !same_value(event.domain, full.domain) || !same_value(event.result, full.result) ||
	    event.unplaced != full.unplaced || !same_text(event.k8s_namespace, full.k8s_namespace) ||
	    !same_text(event.k8s_pod, full.k8s_pod) || !same_text(event.k8s_sandbox, full.k8s_sandbox) ||
	    !same_labels(&event, &full) ||
	    event.drops != full.drops || strcmp(event.message, full.message) != 0)
		abort();
	int matches = (status == EVENT_SYSCALL || status == EVENT_NO_SYSCALL) &&
	              container_filter_match(&filter, event.container_id.text, event.container_id.length) >= 0;
	if ((matches || status == EVENT_DROP) && !container_filter_may_match_line(&filter, line, size))
		abort();
	json_arena_end();
	return 0;
}
