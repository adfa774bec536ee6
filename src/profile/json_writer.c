/*
 * json_writer: deterministic JSON text for profiles.
 */
#include "profile/json_writer.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct sink {
	FILE *file;   /* where text goes, or NULL to fill buffer */
	char *buffer; /* malloc'd text when file is NULL */
	size_t used;  /* bytes in buffer */
	size_t size;  /* bytes allocated */
	bool failed;  /* memory ran out */
};

static void put(struct sink *sink, const char *text, size_t length)
{
	if (sink->file != NULL) {
		fwrite(text, 1, length, sink->file);
		return;
	}
	if (sink->failed)
		return;
	if (sink->used + length + 1 > sink->size) {
		size_t size = (sink->used + length + 1) * 2;
		char *grown = realloc(sink->buffer, size);
		if (grown == NULL) {
			sink->failed = true;
			return;
		}
		sink->buffer = grown;
		sink->size = size;
	}
	memcpy(sink->buffer + sink->used, text, length);
	sink->used += length;
	sink->buffer[sink->used] = '\0';
}

static void put_text(struct sink *sink, const char *text)
{
	put(sink, text, strlen(text));
}

static void put_string(struct sink *sink, const char *text)
{
	char escape[8];

	put(sink, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\') {
			escape[0] = '\\';
			escape[1] = (char)*p;
			put(sink, escape, 2);
		} else if (*p < 0x20) {
			snprintf(escape, sizeof(escape), "\\u%04x", *p);
			put_text(sink, escape);
		} else {
			put(sink, (const char *)p, 1);
		}
	}
	put(sink, "\"", 1);
}

static void put_number(struct sink *sink, double value)
{
	char text[40];

	if (value == floor(value) && fabs(value) < 9007199254740992.0)
		snprintf(text, sizeof(text), "%.0f", value);
	else
		snprintf(text, sizeof(text), "%.17g", value);
	put_text(sink, text);
}

static void put_indent(struct sink *sink, int depth, bool pretty)
{
	if (!pretty)
		return;
	put(sink, "\n", 1);
	for (int i = 0; i < depth; i++)
		put(sink, "  ", 2);
}

static void put_item(struct sink *sink, const cJSON *item, int depth, bool pretty)
{
	if (cJSON_IsString(item)) {
		put_string(sink, item->valuestring);
	} else if (cJSON_IsNumber(item)) {
		put_number(sink, item->valuedouble);
	} else if (cJSON_IsBool(item)) {
		put_text(sink, cJSON_IsTrue(item) ? "true" : "false");
	} else if (cJSON_IsArray(item) || cJSON_IsObject(item)) {
		bool object = cJSON_IsObject(item);
		const cJSON *child = item->child;
		put(sink, object ? "{" : "[", 1);
		for (; child != NULL; child = child->next) {
			put_indent(sink, depth + 1, pretty);
			if (object) {
				put_string(sink, child->string);
				put_text(sink, pretty ? ": " : ":");
			}
			put_item(sink, child, depth + 1, pretty);
			if (child->next != NULL)
				put(sink, ",", 1);
		}
		if (item->child != NULL)
			put_indent(sink, depth, pretty);
		put(sink, object ? "}" : "]", 1);
	} else {
		put_text(sink, "null");
	}
}

int json_write(FILE *out, const cJSON *item)
{
	struct sink sink = { .file = out };

	put_item(&sink, item, 0, true);
	put(&sink, "\n", 1);
	return ferror(out) ? -1 : 0;
}

char *json_to_line(const cJSON *item)
{
	struct sink sink = { 0 };

	put_item(&sink, item, 0, false);
	if (sink.failed) {
		free(sink.buffer);
		return NULL;
	}
	return sink.buffer;
}

/* Sorts the keys of every object in item, in place (insertion sort: objects are small). */
static void sort_keys(cJSON *item)
{
	for (cJSON *child = item->child; child; child = child->next)
		sort_keys(child);
	if (!cJSON_IsObject(item) || item->child == NULL)
		return;
	cJSON *sorted = NULL;
	for (cJSON *child = item->child, *next; child; child = next) {
		next = child->next;
		cJSON **at = &sorted;
		while (*at != NULL && strcmp((*at)->string, child->string) <= 0)
			at = &(*at)->next;
		child->next = *at;
		*at = child;
	}
	/* cJSON keeps prev links, and the first child's prev points at the last. */
	cJSON *last = NULL;
	for (cJSON *child = sorted; child; child = child->next) {
		child->prev = last;
		last = child;
	}
	sorted->prev = last;
	item->child = sorted;
}

char *json_to_canonical_line(const cJSON *item)
{
	cJSON *copy = cJSON_Duplicate(item, 1);
	char *text;

	if (copy == NULL)
		return NULL;
	sort_keys(copy);
	text = json_to_line(copy);
	cJSON_Delete(copy);
	return text;
}
