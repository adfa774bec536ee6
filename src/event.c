/*
 * event: decoding Falco's alerts, in every shape Falco has written them.
 */
#include "event.h"

#include "syscall_names.h"

#include <cJSON.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const priority_words[] = {
	"Emergency", "Alert", "Critical", "Error", "Warning",
	"Notice", "Informational", "Info", "Debug",
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_priority_word(const char *word, size_t length)
{
	for (size_t i = 0; i < sizeof(priority_words) / sizeof(priority_words[0]); i++)
		if (strlen(priority_words[i]) == length && strncasecmp(word, priority_words[i], length) == 0)
			return true;
	return false;
}

static bool is_id_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_event_name(const char *name, size_t length)
{
	return syscall_names_well_formed(name, length) ||
	       (length == 9 && memcmp(name, "<unknown>", 9) == 0);
}

int event_parse_text(const char *text, size_t length, struct event *event)
{
	const char *end = text + length;
	const char *p = NULL;

	/* The time ends at the first ": " (an ISO time has colons, no space). */
	for (const char *q = text; q + 1 < end; q++)
		if (q[0] == ':' && q[1] == ' ') {
			p = q + 2;
			break;
		}
	if (p == NULL)
		return -1;
	while (p < end && *p == ' ')
		p++;
	const char *word = p;
	while (p < end && !is_space(*p))
		p++;
	if (!is_priority_word(word, (size_t)(p - word)))
		return -1;
	while (p < end && *p == ' ')
		p++;
	const char *id = p;
	while (p < end && is_id_char(*p))
		p++;
	size_t id_length = (size_t)(p - id);
	if (id_length == 0 || id_length > CONTAINER_ID_MAX || p == end || *p != ':')
		return -1;
	const char *name = ++p;
	while (p < end && !is_space(*p))
		p++;
	if (!is_event_name(name, (size_t)(p - name)))
		return -1;
	if (id_length == 4 && memcmp(id, "host", 4) == 0) {
		event->container_id.text = NULL;
		event->container_id.length = 0;
	} else {
		event->container_id.text = id;
		event->container_id.length = id_length;
	}
	event->name.text = name;
	event->name.length = (size_t)(p - name);
	return 0;
}

/* Parses the leading digits of text, as in "12 system calls dropped". */
static uint64_t leading_number(const char *text, size_t length)
{
	uint64_t value = 0;

	for (size_t i = 0; i < length && text[i] >= '0' && text[i] <= '9'; i++) {
		if (value > (UINT64_MAX - 9) / 10)
			return UINT64_MAX;
		value = value * 10 + (uint64_t)(text[i] - '0');
	}
	return value;
}

/* Reads N out of "... syscall event drop. N system calls dropped ...". */
static uint64_t drops_from_text(const char *text, size_t length)
{
	static const char marker[] = "syscall event drop.";
	const char *at = memmem(text, length, marker, sizeof(marker) - 1);

	if (at == NULL)
		return 0;
	at += sizeof(marker) - 1;
	while (at < text + length && *at == ' ')
		at++;
	return leading_number(at, (size_t)(text + length - at));
}

/* Writes c into a message so that any byte can be shown. */
static void describe_byte(char *out, size_t size, unsigned char c)
{
	if (c >= 0x20 && c < 0x7f)
		snprintf(out, size, "'%c'", c);
	else
		snprintf(out, size, "byte 0x%02x", c);
}

static void set_text(struct event_text *field, const cJSON *item)
{
	if (cJSON_IsString(item) && item->valuestring[0] != '\0') {
		field->text = item->valuestring;
		field->length = strlen(item->valuestring);
	}
}

static const cJSON *field(const cJSON *object, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(object, key);
}

/* Quotes up to 40 bytes of a name for a message, escaping odd bytes. */
static void quote_name(char *out, size_t size, const char *name, size_t length)
{
	size_t used = 0;

	for (size_t i = 0; i < length && i < 40 && used + 5 < size; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			out[used++] = (char)c;
		else
			used += (size_t)snprintf(out + used, size - used, "\\x%02x", c);
	}
	if (length > 40 && used + 4 < size) {
		memcpy(out + used, "...", 3);
		used += 3;
	}
	out[used] = '\0';
}

static enum event_status bad_name(struct event *event, const char *what, const char *name, size_t length)
{
	char quoted[200];

	quote_name(quoted, sizeof(quoted), name, length);
	snprintf(event->message, sizeof(event->message), "%s \"%s\" (%zu bytes) is not %s",
	         what, quoted, length,
	         what[0] == 'c' ? "a container id" : "a syscall name");
	return EVENT_BAD;
}

static enum event_status decode_alert(const cJSON *alert, struct event *event)
{
	const cJSON *fields = field(alert, "output_fields");
	const cJSON *rule = field(alert, "rule");
	const cJSON *output = field(alert, "output");
	const char *output_text = cJSON_IsString(output) ? output->valuestring : NULL;

	if (!cJSON_IsObject(fields))
		fields = NULL;
	if (cJSON_IsString(rule) && strcmp(rule->valuestring, EVENT_DROP_RULE) == 0) {
		const cJSON *drops = fields ? field(fields, "n_drops") : NULL;
		if (cJSON_IsNumber(drops) && drops->valuedouble >= 0)
			event->drops = drops->valuedouble < 1.8e19 ? (uint64_t)drops->valuedouble : UINT64_MAX;
		else if (cJSON_IsString(drops))
			event->drops = leading_number(drops->valuestring, strlen(drops->valuestring));
		else if (output_text != NULL)
			event->drops = drops_from_text(output_text, strlen(output_text));
		return EVENT_DROP;
	}

	const cJSON *id = fields ? field(fields, "container.id") : NULL;
	if (id == NULL && fields != NULL)
		id = field(fields, "container_id");
	const cJSON *syscall_type = fields ? field(fields, "syscall.type") : NULL;
	const cJSON *event_type = fields ? field(fields, "evt.type") : NULL;

	if (id != NULL && (syscall_type != NULL || event_type != NULL)) {
		set_text(&event->container_id, id);
		if (cJSON_IsString(syscall_type))
			set_text(&event->name, syscall_type);
		else
			set_text(&event->name, event_type);
		set_text(&event->container_name, field(fields, "container.name"));
		set_text(&event->image, field(fields, "container.image.repository"));
		if (event->image.text == NULL)
			set_text(&event->image, field(fields, "container.image"));
		set_text(&event->image_tag, field(fields, "container.image.tag"));
		if (event->name.text == NULL)
			return EVENT_NO_SYSCALL;
	} else if (output_text == NULL || event_parse_text(output_text, strlen(output_text), event) != 0) {
		char quoted[80];
		quote_name(quoted, sizeof(quoted), cJSON_IsString(rule) ? rule->valuestring : "",
		           cJSON_IsString(rule) ? strlen(rule->valuestring) : 0);
		snprintf(event->message, sizeof(event->message),
		         "no syscall in this alert (rule \"%s\"): output_fields lacks container.id "
		         "with syscall.type or evt.type, and output has no ID:SYSCALL", quoted);
		return EVENT_BAD;
	}

	if (event->container_id.length > CONTAINER_ID_MAX)
		return bad_name(event, "container.id", event->container_id.text, event->container_id.length);
	if (event->container_id.length == 4 && memcmp(event->container_id.text, "host", 4) == 0)
		event->container_id.text = NULL, event->container_id.length = 0;
	if (!is_event_name(event->name.text, event->name.length))
		return bad_name(event, "event name", event->name.text, event->name.length);
	return EVENT_SYSCALL;
}

static enum event_status decode_json(const char *line, size_t length, struct event *event)
{
	const char *parse_end = NULL;
	cJSON *alert = cJSON_ParseWithLengthOpts(line, length, &parse_end, 0);
	char shown[24];

	if (alert == NULL) {
		const char *at = cJSON_GetErrorPtr();
		if (at == NULL || at < line || at >= line + length) {
			snprintf(event->message, sizeof(event->message), "not JSON (the line ends inside a value)");
		} else {
			describe_byte(shown, sizeof(shown), (unsigned char)*at);
			snprintf(event->message, sizeof(event->message), "not JSON (unexpected %s at column %zu)",
			         shown, (size_t)(at - line) + 1);
		}
		return EVENT_BAD;
	}
	while (parse_end < line + length && is_space(*parse_end))
		parse_end++;
	if (parse_end < line + length) {
		describe_byte(shown, sizeof(shown), (unsigned char)*parse_end);
		snprintf(event->message, sizeof(event->message),
		         "not JSON (unexpected %s at column %zu, after the end of the object)", shown,
		         (size_t)(parse_end - line) + 1);
		return EVENT_BAD;
	}
	if (!cJSON_IsObject(alert)) {
		snprintf(event->message, sizeof(event->message), "not a Falco alert (a JSON object was expected)");
		return EVENT_BAD;
	}
	return decode_alert(alert, event);
}

enum event_status event_decode(const char *line, size_t length, struct event *event)
{
	const char *nul = memchr(line, '\0', length);
	size_t start = 0;

	memset(event, 0, sizeof(*event));
	if (nul != NULL) {
		snprintf(event->message, sizeof(event->message), "contains a NUL byte at column %zu",
		         (size_t)(nul - line) + 1);
		return EVENT_BAD;
	}
	while (start < length && is_space(line[start]))
		start++;
	if (start == length)
		return EVENT_EMPTY;
	if (line[start] == '{' || line[start] == '[' || line[start] == '"')
		return decode_json(line, length, event);
	if (memmem(line, length, EVENT_DROP_RULE, sizeof(EVENT_DROP_RULE) - 1) != NULL) {
		event->drops = drops_from_text(line, length);
		return EVENT_DROP;
	}
	if (event_parse_text(line + start, length - start, event) == 0)
		return EVENT_SYSCALL;
	snprintf(event->message, sizeof(event->message),
	         "neither a JSON alert nor a text alert of the form \"TIME: PRIORITY ID:SYSCALL\"");
	return EVENT_BAD;
}
