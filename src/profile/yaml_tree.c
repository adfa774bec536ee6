/*
 * yaml_tree: libyaml's events to and from cJSON trees.
 */
#include "profile/yaml_tree.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	return fwrite(buffer, 1, size, data) == size;
}

/*
 * Tells whether some YAML reader could read text, written plain, as other
 * than a string. YAML 1.1 readers (Go's yaml.v2, PyYAML) also take 0b101,
 * 0x1f, 017, 1:20, .inf and 2001-12-14 as numbers or dates: so a scalar
 * that begins with a digit or with one of + - . ~ < = is quoted, as are
 * the words that are booleans or null in either version.
 */
static bool needs_quotes(const char *text)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on", "off", "null", "y", "n", "" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(text, words[i]) == 0)
			return true;
	return (text[0] >= '0' && text[0] <= '9') || strchr("+-.~<=", text[0]) != NULL;
}

static int emit_scalar(yaml_emitter_t *emitter, const char *text, yaml_scalar_style_t style)
{
	yaml_event_t event;

	if (!yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)(uintptr_t)text, (int)strlen(text), 1, 1,
	                                  style))
		return -1;
	return yaml_emitter_emit(emitter, &event) ? 0 : -1;
}

static int emit_item(yaml_emitter_t *emitter, const cJSON *item)
{
	yaml_event_t event;
	char number[40];

	if (cJSON_IsObject(item) || cJSON_IsArray(item)) {
		bool object = cJSON_IsObject(item);
		if (object ? !yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE)
		           : !yaml_sequence_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE))
			return -1;
		if (!yaml_emitter_emit(emitter, &event))
			return -1;
		for (const cJSON *child = item->child; child; child = child->next) {
			if (object && emit_scalar(emitter, child->string, YAML_PLAIN_SCALAR_STYLE) != 0)
				return -1;
			if (emit_item(emitter, child) != 0)
				return -1;
		}
		if (object ? !yaml_mapping_end_event_initialize(&event) : !yaml_sequence_end_event_initialize(&event))
			return -1;
		return yaml_emitter_emit(emitter, &event) ? 0 : -1;
	}
	if (cJSON_IsString(item))
		return emit_scalar(emitter, item->valuestring,
		                   needs_quotes(item->valuestring) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
	if (cJSON_IsNumber(item)) {
		if (item->valuedouble == floor(item->valuedouble) && fabs(item->valuedouble) < 9007199254740992.0)
			snprintf(number, sizeof(number), "%.0f", item->valuedouble);
		else
			snprintf(number, sizeof(number), "%.17g", item->valuedouble);
		return emit_scalar(emitter, number, YAML_PLAIN_SCALAR_STYLE);
	}
	if (cJSON_IsBool(item))
		return emit_scalar(emitter, cJSON_IsTrue(item) ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
	return emit_scalar(emitter, "null", YAML_PLAIN_SCALAR_STYLE);
}

int yaml_write(FILE *out, const cJSON *item)
{
	yaml_emitter_t emitter;
	yaml_event_t event;
	int status = -1;

	if (!yaml_emitter_initialize(&emitter))
		return -1;
	yaml_emitter_set_output(&emitter, write_handler, out);
	yaml_emitter_set_unicode(&emitter, 1);
	yaml_emitter_set_width(&emitter, -1);
	if (yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) && yaml_emitter_emit(&emitter, &event) &&
	    yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 1) && yaml_emitter_emit(&emitter, &event) &&
	    emit_item(&emitter, item) == 0 && yaml_document_end_event_initialize(&event, 1) &&
	    yaml_emitter_emit(&emitter, &event) && yaml_stream_end_event_initialize(&event) &&
	    yaml_emitter_emit(&emitter, &event) && yaml_emitter_flush(&emitter))
		status = 0;
	yaml_emitter_delete(&emitter);
	return status || ferror(out) ? -1 : 0;
}

/* Reading. */

struct reader {
	yaml_parser_t parser;
	char *message;
	size_t size;
	int depth;
};

static cJSON *fail(struct reader *reader, const yaml_event_t *event, const char *why)
{
	if (reader->message[0] == '\0')
		snprintf(reader->message, reader->size, "%zu:%zu: %s",
		         (event ? event->start_mark.line : reader->parser.problem_mark.line) + 1,
		         (event ? event->start_mark.column : reader->parser.problem_mark.column) + 1, why);
	return NULL;
}

/* A plain scalar as JSON would hold it: a whole number, a boolean, null, or a string. */
static cJSON *scalar(const yaml_event_t *event)
{
	const char *text = (const char *)event->data.scalar.value;
	char *end;

	if (event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return cJSON_CreateString(text);
	if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0)
		return cJSON_CreateBool(strcmp(text, "true") == 0);
	if (strcmp(text, "null") == 0 || strcmp(text, "~") == 0 || text[0] == '\0')
		return cJSON_CreateNull();
	errno = 0;
	double number = strtod(text, &end);
	if (*end == '\0' && errno == 0 && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9')))
		return cJSON_CreateNumber(number);
	return cJSON_CreateString(text);
}

static cJSON *read_node(struct reader *reader, yaml_event_t *event);

/* A key of a mapping and where it stands. */
struct mapping_key {
	const char *name;  /* borrowed from the tree */
	yaml_mark_t mark;  /* its place */
};

static int compare_mapping_keys(const void *a, const void *b)
{
	const struct mapping_key *x = a, *y = b;
	int diff = strcasecmp(x->name, y->name);

	return diff != 0 ? diff : (x->mark.index > y->mark.index) - (x->mark.index < y->mark.index);
}

/*
 * Refuses a mapping with two keys alike but for case: YAML readers take
 * the last or refuse, Go's JSON matches fields without regard to case, and
 * this reader would take the first. Sorting keeps it linear in the keys.
 */
static bool keys_unique(struct reader *reader, struct mapping_key *keys, size_t count)
{
	if (count < 2)
		return true;
	qsort(keys, count, sizeof(keys[0]), compare_mapping_keys);
	for (size_t i = 1; i < count; i++)
		if (strcasecmp(keys[i - 1].name, keys[i].name) == 0) {
			yaml_event_t at;
			memset(&at, 0, sizeof(at));
			at.start_mark = keys[i].mark;
			fail(reader, &at, "a key that this mapping already has (in some case): readers would not agree "
			     "on the profile");
			return false;
		}
	return true;
}

/* Reads the rest of a mapping or sequence whose start event was just read. */
static cJSON *read_collection(struct reader *reader, bool mapping)
{
	cJSON *tree = mapping ? cJSON_CreateObject() : cJSON_CreateArray();
	yaml_event_t event;
	struct mapping_key *keys = NULL;
	size_t key_count = 0, key_capacity = 0;

	if (tree == NULL || ++reader->depth > 64) {
		cJSON_Delete(tree);
		return fail(reader, NULL, "nested too deep");
	}
	for (;;) {
		cJSON *key = NULL, *value;
		if (!yaml_parser_parse(&reader->parser, &event)) {
			cJSON_Delete(tree);
			free(keys);
			return fail(reader, NULL, reader->parser.problem ? reader->parser.problem : "not YAML");
		}
		if (event.type == (mapping ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT)) {
			yaml_event_delete(&event);
			reader->depth--;
			if (mapping && !keys_unique(reader, keys, key_count)) {
				cJSON_Delete(tree);
				tree = NULL;
			}
			free(keys);
			return tree;
		}
		if (mapping) {
			if (event.type != YAML_SCALAR_EVENT) {
				cJSON_Delete(tree);
				free(keys);
				fail(reader, &event, "a key must be a plain string");
				yaml_event_delete(&event);
				return NULL;
			}
			key = cJSON_CreateString((const char *)event.data.scalar.value);
			yaml_mark_t mark = event.start_mark;
			yaml_event_delete(&event);
			if (key_count == key_capacity) {
				size_t capacity = key_capacity ? 2 * key_capacity : 16;
				struct mapping_key *grown = realloc(keys, capacity * sizeof(keys[0]));
				if (grown == NULL) {
					cJSON_Delete(key);
					cJSON_Delete(tree);
					free(keys);
					return fail(reader, NULL, "out of memory");
				}
				keys = grown;
				key_capacity = capacity;
			}
			keys[key_count].mark = mark;
			keys[key_count++].name = NULL;
			if (!yaml_parser_parse(&reader->parser, &event)) {
				cJSON_Delete(key);
				cJSON_Delete(tree);
				free(keys);
				return fail(reader, NULL, reader->parser.problem ? reader->parser.problem : "not YAML");
			}
		}
		value = read_node(reader, &event);
		yaml_event_delete(&event);
		if (value == NULL || (mapping && key == NULL)) {
			cJSON_Delete(key);
			cJSON_Delete(value);
			cJSON_Delete(tree);
			free(keys);
			return NULL;
		}
		if (mapping) {
			cJSON_AddItemToObject(tree, key->valuestring, value);
			/* The tree's copy of the key lives as long as the tree. */
			keys[key_count - 1].name = value->string;
		} else {
			cJSON_AddItemToArray(tree, value);
		}
		cJSON_Delete(key);
	}
}

static cJSON *read_node(struct reader *reader, yaml_event_t *event)
{
	switch (event->type) {
	case YAML_SCALAR_EVENT:
		if (event->data.scalar.anchor != NULL || event->data.scalar.tag != NULL)
			return fail(reader, event, "anchors and tags are not used in profiles");
		return scalar(event);
	case YAML_MAPPING_START_EVENT:
		return read_collection(reader, true);
	case YAML_SEQUENCE_START_EVENT:
		return read_collection(reader, false);
	case YAML_ALIAS_EVENT:
		return fail(reader, event, "aliases are not used in profiles");
	default:
		return fail(reader, event, "unexpected YAML");
	}
}

cJSON *yaml_parse(const char *text, size_t length, char *message, size_t size)
{
	struct reader reader = { .message = message, .size = size };
	yaml_event_t event;
	cJSON *tree = NULL;

	message[0] = '\0';
	if (!yaml_parser_initialize(&reader.parser))
		return fail(&reader, NULL, "out of memory");
	yaml_parser_set_input_string(&reader.parser, (const unsigned char *)text, length);
	/* Stream start, document start, then the document's node. */
	for (int step = 0; step < 3; step++) {
		if (!yaml_parser_parse(&reader.parser, &event)) {
			snprintf(message, size, "%zu:%zu: %s", reader.parser.problem_mark.line + 1,
			         reader.parser.problem_mark.column + 1, reader.parser.problem ? reader.parser.problem : "not YAML");
			break;
		}
		if (step == 2)
			tree = read_node(&reader, &event);
		else if (event.type == YAML_STREAM_END_EVENT)
			fail(&reader, &event, "empty document");
		yaml_event_delete(&event);
		if (message[0] != '\0')
			break;
	}
	/* Then the document's end, and the stream's: one document only, as a runtime reads one. */
	for (int step = 0; message[0] == '\0' && step < 2; step++) {
		if (!yaml_parser_parse(&reader.parser, &event)) {
			snprintf(message, size, "%zu:%zu: %s", reader.parser.problem_mark.line + 1,
			         reader.parser.problem_mark.column + 1, reader.parser.problem ? reader.parser.problem : "not YAML");
			break;
		}
		if (event.type == YAML_DOCUMENT_START_EVENT)
			fail(&reader, &event, "a second YAML document: give one SeccompProfile per file");
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&reader.parser);
	if (message[0] != '\0') {
		cJSON_Delete(tree);
		return NULL;
	}
	return tree;
}
