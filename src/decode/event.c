/*
 * event: decoding Falco's alerts, in every shape Falco has written them.
 */
#include "decode/event.h"

#include "decode/json_scan.h"
#include "syscalls/syscall_names.h"

#include <cJSON.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A container id as Docker, containerd and CRI-O make them: 12 to 64 hexadecimal characters. */
static bool is_container_id(const char *id, size_t length)
{
	if (length < 12 || length > CONTAINER_ID_MAX)
		return false;
	for (size_t i = 0; i < length; i++)
		if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f') || (id[i] >= 'A' && id[i] <= 'F')))
			return false;
	return true;
}

static bool is_event_name(const char *name, size_t length)
{
	return syscall_names_well_formed(name, length) ||
	       (length == 9 && memcmp(name, "<unknown>", 9) == 0);
}

/* The value of " key=" in [p, end), up to the next space or the closing parenthesis; false when absent. */
static bool text_value(const char *p, const char *end, const char *key, struct event_text *value)
{
	size_t key_length = strlen(key);

	for (const char *at = p; at + key_length + 1 < end; at++) {
		if ((at[0] != ' ' && at[0] != '(') || memcmp(at + 1, key, key_length) != 0 || at[1 + key_length] != '=')
			continue;
		const char *start = at + key_length + 2, *stop = start;
		while (stop < end && *stop != ' ' && !(*stop == ')' && (stop + 1 == end || stop[1] == ' ')))
			stop++;
		value->text = start;
		value->length = (size_t)(stop - start);
		return true;
	}
	return false;
}

/* A field of the text form as the JSON form would give it: <NA> is null. */
static void text_json_value(const struct event_text *text, struct json_value *value)
{
	if (text->length == 4 && memcmp(text->text, "<NA>", 4) == 0) {
		value->kind = JSON_NULL;
		return;
	}
	value->kind = JSON_STRING;
	value->text = text->text;
	value->length = text->length;
}

/*
 * The fields the project's rule writes after the name in its text output,
 * "(container=... proc=NAME evt=... flags=F domain=D result=R)", so that
 * the text form of a log gives the profile of its JSON form: the process
 * (to tell the runtime's setup), clone's flags, socket's family, the
 * result (to tell a parent's clone event from its child's).
 */
static void text_fields(const char *p, const char *end, struct event *event)
{
	struct event_text value;
	char number[24];

	if (text_value(p, end, "proc", &value) && value.length > 0 &&
	    !(value.length == 4 && memcmp(value.text, "<NA>", 4) == 0))
		event->process = value;
	if (text_value(p, end, "flags", &value))
		text_json_value(&value, &event->flags);
	if (text_value(p, end, "domain", &value))
		text_json_value(&value, &event->domain);
	if (!text_value(p, end, "result", &value))
		return;
	text_json_value(&value, &event->result);
	/* A result is a whole number, as the JSON form prints evt.rawres; anything else is taken as absent. */
	if (event->result.kind != JSON_STRING)
		return;
	size_t digits = value.length > 0 && value.text[0] == '-' ? 1 : 0;
	while (digits < value.length && value.text[digits] >= '0' && value.text[digits] <= '9')
		digits++;
	if (value.length == 0 || value.length >= sizeof(number) || digits != value.length ||
	    (value.length == 1 && value.text[0] == '-')) {
		event->result.kind = JSON_ABSENT;
		return;
	}
	memcpy(number, value.text, value.length);
	number[value.length] = '\0';
	event->result.kind = JSON_NUMBER;
	event->result.number = strtod(number, NULL);
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
	/* No id, or <NA>: a process Falco has not placed in a container yet. */
	bool unplaced = (size_t)(end - p) >= 4 && memcmp(p, "<NA>", 4) == 0;
	if (unplaced)
		p += 4;
	while (p < end && !unplaced && is_id_char(*p))
		p++;
	size_t id_length = (size_t)(p - id);
	unplaced |= id_length == 0;
	if (id_length > CONTAINER_ID_MAX || p == end || *p != ':')
		return -1;
	const char *name = ++p;
	while (p < end && !is_space(*p))
		p++;
	if (!is_event_name(name, (size_t)(p - name)))
		return -1;
	event->unplaced = unplaced;
	if (unplaced || (id_length == 4 && memcmp(id, "host", 4) == 0)) {
		event->container_id.text = NULL;
		event->container_id.length = 0;
	} else {
		event->container_id.text = id;
		event->container_id.length = id_length;
	}
	event->name.text = name;
	event->name.length = (size_t)(p - name);
	text_fields(p, end, event);
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

static void set_text(struct event_text *field, const struct json_value *value)
{
	if (value->kind == JSON_STRING && value->length > 0) {
		field->text = value->text;
		field->length = value->length;
	}
}

/* A workload field: Falco writes <NA> for values it does not know (yet). */
static void set_workload_text(struct event_text *field, const struct json_value *value)
{
	if (!(value->kind == JSON_STRING && value->length == 4 && memcmp(value->text, "<NA>", 4) == 0))
		set_text(field, value);
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
	         what[0] == 'c' ? "a container id (12 to 64 hexadecimal characters, or host)" : "a syscall name");
	return EVENT_BAD;
}

/* Fills fields from a cJSON tree, as json_scan_alert does from text. */
static void take_value(struct json_value *value, const cJSON *item)
{
	memset(value, 0, sizeof(*value));
	if (item == NULL) {
		value->kind = JSON_ABSENT;
	} else if (cJSON_IsNull(item)) {
		value->kind = JSON_NULL;
	} else if (cJSON_IsString(item)) {
		value->kind = JSON_STRING;
		value->text = item->valuestring;
		value->length = strlen(item->valuestring);
	} else if (cJSON_IsNumber(item)) {
		value->kind = JSON_NUMBER;
		value->number = item->valuedouble;
	} else {
		value->kind = JSON_OTHER;
	}
}

/* Where each field of ALERT_FIELD_LIST is, for the cJSON reader. */
static const struct tree_field {
	bool in_fields;  /* in output_fields, not the alert itself */
	const char *key;
	size_t offset;   /* in struct alert_fields */
} tree_fields[] = {
#define TREE_FIELD(member, home, key) { ALERT_HOME_##home == ALERT_HOME_FIELDS, key, offsetof(struct alert_fields, member) },
	ALERT_FIELD_LIST(TREE_FIELD)
#undef TREE_FIELD
};

static void fields_from_tree(const cJSON *alert, struct alert_fields *fields)
{
	const cJSON *output_fields = cJSON_GetObjectItemCaseSensitive(alert, "output_fields");

	if (!cJSON_IsObject(output_fields))
		output_fields = NULL;
	for (size_t i = 0; i < sizeof(tree_fields) / sizeof(tree_fields[0]); i++) {
		const struct tree_field *field = &tree_fields[i];
		take_value((struct json_value *)(void *)((char *)fields + field->offset),
		           cJSON_GetObjectItemCaseSensitive(field->in_fields ? output_fields : alert, field->key));
	}
	fields->label_count = 0;
	for (const cJSON *item = output_fields ? output_fields->child : NULL; item; item = item->next) {
		size_t length = strlen(item->string);
		if (fields->label_count == ALERT_LABELS_MAX || !alert_is_label_key(item->string, length))
			continue;
		/* The quick reader keeps a label once, under its first key; so does this. */
		bool seen = false;
		for (size_t i = 0; i < fields->label_count && !seen; i++)
			seen = fields->labels[i].key_length == length && memcmp(fields->labels[i].key, item->string, length) == 0;
		if (seen)
			continue;
		struct alert_label *label = &fields->labels[fields->label_count++];
		label->key = item->string;
		label->key_length = length;
		take_value(&label->value, item);
	}
}

static bool text_equals(const struct json_value *value, const char *text, size_t length)
{
	return value->kind == JSON_STRING && value->length == length && memcmp(value->text, text, length) == 0;
}

static enum event_status decode_alert(const struct alert_fields *fields, struct event *event)
{
	const struct json_value *output = &fields->output;
	const struct json_value *id = &fields->id;

	if (text_equals(&fields->rule, EVENT_DROP_RULE, sizeof(EVENT_DROP_RULE) - 1)) {
		const struct json_value *drops = &fields->drops;
		if (drops->kind == JSON_NUMBER && drops->number >= 0)
			event->drops = drops->number < 1.8e19 ? (uint64_t)drops->number : UINT64_MAX;
		else if (drops->kind == JSON_STRING)
			event->drops = leading_number(drops->text, drops->length);
		else if (output->kind == JSON_STRING)
			event->drops = drops_from_text(output->text, output->length);
		return EVENT_DROP;
	}
	if (id->kind == JSON_ABSENT)
		id = &fields->suggested_id;
	if (id->kind != JSON_ABSENT && (fields->syscall_type.kind != JSON_ABSENT || fields->event_type.kind != JSON_ABSENT)) {
		set_text(&event->container_id, id);
		if (fields->syscall_type.kind == JSON_STRING)
			set_text(&event->name, &fields->syscall_type);
		else
			set_text(&event->name, &fields->event_type);
		set_workload_text(&event->container_name, &fields->name);
		set_workload_text(&event->image, &fields->repository);
		if (event->image.text == NULL)
			set_workload_text(&event->image, &fields->image);
		set_workload_text(&event->image_tag, &fields->tag);
		set_text(&event->process, &fields->process);
		set_text(&event->time, &fields->time);
		set_text(&event->hostname, &fields->hostname);
		set_workload_text(&event->image_digest, &fields->image_digest);
		set_workload_text(&event->k8s_namespace, &fields->k8s_namespace);
		set_workload_text(&event->k8s_pod, &fields->k8s_pod);
		set_workload_text(&event->k8s_sandbox, &fields->k8s_sandbox);
		event->label_count = 0;
		for (size_t i = 0; i < fields->label_count; i++) {
			struct event_label *label = &event->labels[event->label_count];
			memset(label, 0, sizeof(*label));
			set_workload_text(&label->value, &fields->labels[i].value);
			if (label->value.text == NULL)
				continue;
			label->key.text = fields->labels[i].key + 14;
			label->key.length = fields->labels[i].key_length - 14 - (fields->labels[i].key[13] == '[');
			event->label_count++;
		}
		event->flags = fields->flags;
		event->domain = fields->domain;
		event->result = fields->result;
		/* "" (or null): a process Falco has not placed in a container yet, such as a runtime's stage. */
		event->unplaced = (id->kind == JSON_STRING && id->length == 0) || id->kind == JSON_NULL;
		if (event->name.text == NULL)
			return EVENT_NO_SYSCALL;
	} else if (output->kind != JSON_STRING || event_parse_text(output->text, output->length, event) != 0) {
		char quoted[80];
		if (fields->rule.kind == JSON_STRING && fields->rule.length > 0) {
			/* An alert of another rule (a shell in a container, say): not a syscall event, not broken. */
			memset(&event->name, 0, sizeof(event->name));
			memset(&event->container_id, 0, sizeof(event->container_id));
			set_text(&event->container_id, id);
			if (event->container_id.text != NULL && !is_container_id(event->container_id.text, event->container_id.length))
				memset(&event->container_id, 0, sizeof(event->container_id));
			return EVENT_OTHER_RULE;
		}
		quote_name(quoted, sizeof(quoted), fields->rule.kind == JSON_STRING ? fields->rule.text : "",
		           fields->rule.kind == JSON_STRING ? fields->rule.length : 0);
		snprintf(event->message, sizeof(event->message),
		         "no syscall in this alert (rule \"%s\"): output_fields lacks container.id "
		         "with syscall.type or evt.type, and output has no ID:SYSCALL", quoted);
		return EVENT_BAD;
	}

	if (event->container_id.length == 4 && memcmp(event->container_id.text, "host", 4) == 0)
		event->container_id.text = NULL, event->container_id.length = 0;
	if (event->container_id.text != NULL && !is_container_id(event->container_id.text, event->container_id.length))
		return bad_name(event, "container.id", event->container_id.text, event->container_id.length);
	if (!is_event_name(event->name.text, event->name.length))
		return bad_name(event, "event name", event->name.text, event->name.length);
	return EVENT_SYSCALL;
}

static enum event_status decode_json(const char *line, size_t length, struct event *event)
{
	const char *parse_end = NULL;
	const char *at = NULL;
	cJSON *alert;
	char shown[24];

	/* On failure cJSON leaves parse_end at the error: its shared error pointer is never read, nor locked for. */
	alert = cJSON_ParseWithLengthOpts(line, length, &parse_end, 0);
	if (alert == NULL)
		at = parse_end;
	if (alert == NULL) {
		size_t last = length;
		while (last > 0 && is_space(line[last - 1]))
			last--;
		if (at == NULL || at < line || at >= line + length || (last > 0 && line[last - 1] != '}' && line[last - 1] != ']')) {
			snprintf(event->message, sizeof(event->message),
			         "not JSON: the line ends inside a JSON value (was it cut short?)");
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
	struct alert_fields fields;
	fields_from_tree(alert, &fields);
	return decode_alert(&fields, event);
}

static enum event_status decode_line(const char *line, size_t length, struct event *event, bool quick)
{
	const char *nul;
	size_t start = 0;

	/* All but the message, which only a bad line fills. */
	memset(event, 0, offsetof(struct event, message));
	event->message[0] = '\0';
	while (start < length && is_space(line[start]))
		start++;
	/* The quick reader takes no NUL byte, so a line it reads needs no search for one. */
	if (start < length && line[start] == '{' && quick) {
		struct alert_fields fields;
		if (json_scan_alert(line, length, &fields))
			return decode_alert(&fields, event);
	}
	nul = memchr(line, '\0', length);
	if (nul != NULL) {
		snprintf(event->message, sizeof(event->message), "contains a NUL byte at column %zu",
		         (size_t)(nul - line) + 1);
		return EVENT_BAD;
	}
	if (start == length)
		return EVENT_EMPTY;
	if (line[start] == '{' || line[start] == '[' || line[start] == '"')
		return decode_json(line, length, event);
	if (memmem(line, length, EVENT_DROP_RULE, sizeof(EVENT_DROP_RULE) - 1) != NULL) {
		event->drops = drops_from_text(line, length);
		return EVENT_DROP;
	}
	if (event_parse_text(line + start, length - start, event) == 0) {
		if (event->container_id.text != NULL && !is_container_id(event->container_id.text, event->container_id.length))
			return bad_name(event, "container id", event->container_id.text, event->container_id.length);
		return EVENT_SYSCALL;
	}
	snprintf(event->message, sizeof(event->message),
	         "neither a JSON alert nor a text alert of the form \"TIME: PRIORITY ID:SYSCALL\"");
	return EVENT_BAD;
}

/*
 * The post-condition of every decoding path: a container id handed on is
 * 12 to 64 hexadecimal characters, whatever else the line held, so that
 * nothing after this has to trust the line with the id's length or form.
 */
static enum event_status decode(const char *line, size_t length, struct event *event, bool quick)
{
	enum event_status status = decode_line(line, length, event, quick);
	const struct event_text *id = &event->container_id;

	if (id->length == 4 && memcmp(id->text, "host", 4) == 0)
		memset(&event->container_id, 0, sizeof(event->container_id));
	if (status == EVENT_BAD || status == EVENT_EMPTY || status == EVENT_DROP || id->text == NULL ||
	    is_container_id(id->text, id->length))
		return status;
	if (status == EVENT_OTHER_RULE) {
		memset(&event->container_id, 0, sizeof(event->container_id));
		return status;
	}
	return bad_name(event, "container.id", id->text, id->length);
}

enum event_status event_decode(const char *line, size_t length, struct event *event)
{
	return decode(line, length, event, true);
}

enum event_status event_decode_full(const char *line, size_t length, struct event *event)
{
	return decode(line, length, event, false);
}
