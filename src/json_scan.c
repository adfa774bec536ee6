/*
 * json_scan: reads a Falco alert without building a tree or allocating,
 * several times faster than a full parse. It accepts a subset of JSON on
 * which cJSON gives the same values, and declines the rest; a fuzz target
 * checks that both agree on every input it accepts.
 */
#include "json_scan.h"

#include <stdlib.h>
#include <string.h>

#define SCAN_DEPTH_MAX 32
#define SCAN_NUMBER_MAX 40

struct scanner {
	const char *at;  /* the next byte to read */
	const char *end; /* just past the line */
	int depth;       /* objects and arrays open */
};

static void skip_space(struct scanner *s)
{
	while (s->at < s->end && (*s->at == ' ' || *s->at == '\t' || *s->at == '\r' || *s->at == '\n'))
		s->at++;
}

/* Reads a string with no escapes and no control bytes. */
static bool scan_string(struct scanner *s, const char **text, size_t *length)
{
	const char *start = ++s->at;

	for (; s->at < s->end; s->at++) {
		unsigned char c = (unsigned char)*s->at;
		if (c == '"') {
			*text = start;
			*length = (size_t)(s->at - start);
			s->at++;
			return true;
		}
		if (c == '\\' || c < 0x20)
			return false;
	}
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a number of JSON's grammar, short enough for cJSON's buffer. */
static bool scan_number(struct scanner *s, double *number)
{
	const char *start = s->at;
	char copy[SCAN_NUMBER_MAX + 1];

	if (s->at < s->end && *s->at == '-')
		s->at++;
	if (s->at < s->end && *s->at == '0')
		s->at++;
	else if (s->at < s->end && is_digit(*s->at))
		while (s->at < s->end && is_digit(*s->at))
			s->at++;
	else
		return false;
	if (s->at < s->end && *s->at == '.') {
		s->at++;
		if (s->at == s->end || !is_digit(*s->at))
			return false;
		while (s->at < s->end && is_digit(*s->at))
			s->at++;
	}
	if (s->at < s->end && (*s->at == 'e' || *s->at == 'E')) {
		s->at++;
		if (s->at < s->end && (*s->at == '+' || *s->at == '-'))
			s->at++;
		if (s->at == s->end || !is_digit(*s->at))
			return false;
		while (s->at < s->end && is_digit(*s->at))
			s->at++;
	}
	size_t length = (size_t)(s->at - start);
	if (length > SCAN_NUMBER_MAX)
		return false;
	memcpy(copy, start, length);
	copy[length] = '\0';
	*number = strtod(copy, NULL);
	return true;
}

static bool scan_literal(struct scanner *s, const char *word, size_t length)
{
	if ((size_t)(s->end - s->at) < length || memcmp(s->at, word, length) != 0)
		return false;
	s->at += length;
	return true;
}

static bool scan_value(struct scanner *s, struct json_value *value);

/* Which object scan_members reads, and so which keys it keeps. */
enum object_role {
	OBJECT_ALERT,   /* the alert: rule, output, and output_fields read in turn */
	OBJECT_FIELDS,  /* output_fields */
	OBJECT_IGNORED  /* anything else: nothing kept */
};

static bool scan_members(struct scanner *s, struct alert_fields *fields, enum object_role role);

enum step {
	STEP_MORE,   /* a comma: another element follows */
	STEP_CLOSED, /* the object or array ended */
	STEP_BROKEN  /* neither */
};

/*
 * After an element: opens the way to the next one, or closes the object or
 * array (close is '}' or ']'). Also handles an empty one, when first is set.
 */
static enum step next_element(struct scanner *s, char close, bool first)
{
	skip_space(s);
	if (s->at == s->end)
		return STEP_BROKEN;
	if (*s->at == close) {
		s->at++;
		s->depth--;
		return STEP_CLOSED;
	}
	if (first)
		return STEP_MORE;
	if (*s->at != ',')
		return STEP_BROKEN;
	s->at++;
	skip_space(s);
	return STEP_MORE;
}

/* Reads an array, keeping none of it. */
static bool scan_array(struct scanner *s)
{
	struct json_value ignored;
	enum step step;

	if (++s->depth > SCAN_DEPTH_MAX)
		return false;
	s->at++;
	for (step = next_element(s, ']', true); step == STEP_MORE; step = next_element(s, ']', false))
		if (!scan_value(s, &ignored))
			return false;
	return step == STEP_CLOSED;
}

static bool scan_value(struct scanner *s, struct json_value *value)
{
	memset(value, 0, sizeof(*value));
	if (s->at == s->end)
		return false;
	switch (*s->at) {
	case '"':
		value->kind = JSON_STRING;
		return scan_string(s, &value->text, &value->length);
	case '{':
		value->kind = JSON_OTHER;
		return scan_members(s, NULL, OBJECT_IGNORED);
	case '[':
		value->kind = JSON_OTHER;
		return scan_array(s);
	case 't':
		value->kind = JSON_OTHER;
		return scan_literal(s, "true", 4);
	case 'f':
		value->kind = JSON_OTHER;
		return scan_literal(s, "false", 5);
	case 'n':
		value->kind = JSON_NULL;
		return scan_literal(s, "null", 4);
	default:
		value->kind = JSON_NUMBER;
		return scan_number(s, &value->number);
	}
}

struct wanted_key {
	const char *key;          /* the key as Falco writes it */
	size_t length;            /* its length */
	size_t offset;            /* where its value goes in struct alert_fields */
};

#define FIELD(key, member) { key, sizeof(key) - 1, offsetof(struct alert_fields, member) }

static const struct wanted_key top_keys[] = {
	FIELD("rule", rule), FIELD("output", output), FIELD("time", time),
};

static const struct wanted_key field_keys[] = {
	FIELD("container.id", id), FIELD("container_id", suggested_id), FIELD("syscall.type", syscall_type),
	FIELD("evt.type", event_type), FIELD("container.name", name),
	FIELD("container.image.repository", repository), FIELD("container.image", image),
	FIELD("container.image.tag", tag), FIELD("n_drops", drops), FIELD("evt.arg.flags", flags),
	FIELD("evt.arg.domain", domain), FIELD("proc.name", process), FIELD("k8s.ns.name", k8s_namespace),
	FIELD("k8s.pod.name", k8s_pod), FIELD("k8s.pod.sandbox_id", k8s_sandbox),
};

/* The slot for key, or NULL when it is not wanted or was seen already. */
static struct json_value *slot_for(struct alert_fields *fields, const struct wanted_key *keys, size_t count,
                                   const char *key, size_t length)
{
	for (size_t i = 0; i < count; i++)
		if (keys[i].length == length && memcmp(keys[i].key, key, length) == 0) {
			struct json_value *slot = (struct json_value *)(void *)((char *)fields + keys[i].offset);
			return slot->kind == JSON_ABSENT ? slot : NULL;
		}
	return NULL;
}

/* Tells whether key is a pod label field, k8s.pod.label.KEY or k8s.pod.label[KEY]. */
static bool is_label_key(const char *key, size_t length)
{
	return length > 14 && memcmp(key, "k8s.pod.label", 13) == 0 && (key[13] == '.' || key[13] == '[');
}

/* Tells whether a label of this key was kept already: the first one counts, as with cJSON. */
static bool label_seen(const struct alert_fields *fields, const char *key, size_t length)
{
	for (size_t i = 0; i < fields->label_count; i++)
		if (fields->labels[i].key_length == length && memcmp(fields->labels[i].key, key, length) == 0)
			return true;
	return false;
}

/* Reads an object's members, keeping the first value of each key its role wants. */
static bool scan_members(struct scanner *s, struct alert_fields *fields, enum object_role role)
{
	bool seen_fields = false;
	enum step step;

	if (++s->depth > SCAN_DEPTH_MAX)
		return false;
	s->at++;
	for (step = next_element(s, '}', true); step == STEP_MORE; step = next_element(s, '}', false)) {
		const char *key;
		size_t key_length;
		struct json_value value;
		struct json_value *slot = NULL;

		if (s->at == s->end || *s->at != '"' || !scan_string(s, &key, &key_length))
			return false;
		skip_space(s);
		if (s->at == s->end || *s->at != ':')
			return false;
		s->at++;
		skip_space(s);
		if (role == OBJECT_ALERT && !seen_fields && key_length == 13 && memcmp(key, "output_fields", 13) == 0) {
			seen_fields = true;
			bool is_object = s->at < s->end && *s->at == '{';
			if (is_object ? !scan_members(s, fields, OBJECT_FIELDS) : !scan_value(s, &value))
				return false;
		} else {
			if (role == OBJECT_ALERT)
				slot = slot_for(fields, top_keys, sizeof(top_keys) / sizeof(top_keys[0]), key, key_length);
			else if (role == OBJECT_FIELDS)
				slot = slot_for(fields, field_keys, sizeof(field_keys) / sizeof(field_keys[0]), key, key_length);
			if (slot == NULL && role == OBJECT_FIELDS && is_label_key(key, key_length) &&
			    fields->label_count < ALERT_LABELS_MAX && !label_seen(fields, key, key_length)) {
				struct alert_label *label = &fields->labels[fields->label_count++];
				label->key = key;
				label->key_length = key_length;
				slot = &label->value;
			}
			if (!scan_value(s, slot ? slot : &value))
				return false;
		}
	}
	return step == STEP_CLOSED;
}

bool json_scan_alert(const char *line, size_t length, struct alert_fields *fields)
{
	struct scanner s = { line, line + length, 0 };

	memset(fields, 0, sizeof(*fields));
	skip_space(&s);
	if (s.at == s.end || *s.at != '{' || !scan_members(&s, fields, OBJECT_ALERT))
		return false;
	skip_space(&s);
	return s.at == s.end;
}
