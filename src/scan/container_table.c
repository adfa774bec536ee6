/*
 * container_table: the containers a scan tells apart, in an array and an
 * open-addressed index by id (short or full, any case): found, added, and
 * for a fed scan forgotten when idle.
 */
#include "scan/scan_pass.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The slot of the container whose id begins like id (or the free slot where it goes). */
static uint32_t container_slot(const struct scan *scan, const char *id, size_t length, bool *found)
{
	size_t key_length = length < CONTAINER_SHORT_ID ? length : CONTAINER_SHORT_ID;
	size_t mask = scan->container_slot_count - 1;
	size_t slot = text_hash(id, key_length, 1) & mask;

	*found = false;
	for (; scan->container_slots[slot] != 0; slot = (slot + 1) & mask) {
		const struct scan_container *container = &scan->containers[scan->container_slots[slot] - 1];
		size_t known = strlen(container->id);
		size_t common = known < length ? known : length;
		if ((common >= CONTAINER_SHORT_ID || known == length) && strncasecmp(container->id, id, common) == 0) {
			*found = true;
			break;
		}
	}
	return (uint32_t)slot;
}

/*
 * Makes room for one more container: the array and its index grow by
 * doubling, so memory follows the containers the log has, never the most
 * it may have. False when memory ran out.
 */
static bool container_room(struct scan *scan)
{
	if (scan->container_count < scan->container_capacity)
		return true;
	size_t capacity = scan->container_capacity ? 2 * scan->container_capacity : 16;
	struct scan_container *containers = realloc(scan->containers, capacity * sizeof(containers[0]));
	if (containers == NULL)
		return false;
	memset(containers + scan->container_capacity, 0,
	       (capacity - scan->container_capacity) * sizeof(containers[0]));
	scan->containers = containers;
	scan->container_capacity = capacity;
	/* The index keeps at least half its slots free. */
	uint32_t *slots = calloc(2 * capacity, sizeof(slots[0]));
	if (slots == NULL)
		return false;
	free(scan->container_slots);
	scan->container_slots = slots;
	scan->container_slot_count = 2 * capacity;
	for (size_t i = 0; i < scan->container_count; i++) {
		bool found;
		uint32_t slot = container_slot(scan, scan->containers[i].id, strlen(scan->containers[i].id), &found);
		scan->container_slots[slot] = (uint32_t)(i + 1);
	}
	return true;
}

struct scan_container *scan_container_for(struct scan *scan, const struct event_text *id, enum scan_status *status)
{
	struct scan_container *container;
	bool found;
	uint32_t slot;

	if (scan->container_slots == NULL && !container_room(scan)) {
		*status = SCAN_NO_MEMORY;
		return NULL;
	}
	slot = container_slot(scan, id->text, id->length, &found);
	if (found) {
		container = &scan->containers[scan->container_slots[slot] - 1];
		if (id->length > strlen(container->id)) {
			for (size_t i = 0; i < id->length; i++)
				container->id[i] = text_lower(id->text[i]);
			container->id[id->length] = '\0';
		}
		return container;
	}
	if (scan->container_count == SCAN_CONTAINERS_MAX) {
		*status = SCAN_TOO_MANY;
		return NULL;
	}
	if (scan->container_count == scan->container_capacity) {
		if (!container_room(scan)) {
			*status = SCAN_NO_MEMORY;
			return NULL;
		}
		slot = container_slot(scan, id->text, id->length, &found);
	}
	container = &scan->containers[scan->container_count++];
	scan->container_slots[slot] = (uint32_t)scan->container_count;
	for (size_t i = 0; i < id->length; i++)
		container->id[i] = text_lower(id->text[i]);
	container->id[id->length] = '\0';
	return container;
}

size_t scan_forget_idle(struct scan *scan)
{
	size_t kept = 0, forgotten;

	for (size_t i = 0; i < scan->container_count; i++) {
		struct scan_container *c = &scan->containers[i];
		if (c->events == c->events_told)
			continue;
		c->events_told = c->events;
		if (kept != i)
			scan->containers[kept] = *c;
		kept++;
	}
	forgotten = scan->container_count - kept;
	if (forgotten == 0)
		return 0;
	memset(scan->containers + kept, 0, forgotten * sizeof(scan->containers[0]));
	scan->container_count = kept;
	/* The index names entries by position: it is built again. */
	memset(scan->container_slots, 0, scan->container_slot_count * sizeof(scan->container_slots[0]));
	for (size_t i = 0; i < kept; i++) {
		bool found;
		uint32_t slot = container_slot(scan, scan->containers[i].id, strlen(scan->containers[i].id), &found);
		scan->container_slots[slot] = (uint32_t)(i + 1);
	}
	return forgotten;
}

void scan_mark_sandboxes(struct scan *scan)
{
	for (size_t c = 0; c < scan->container_count; c++)
		for (size_t i = 0; i < scan->sandbox_count && !scan->containers[c].sandbox; i++)
			scan->containers[c].sandbox = strncmp(scan->containers[c].id, scan->sandboxes[i], CONTAINER_SHORT_ID) == 0;
}
