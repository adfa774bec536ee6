/*
 * json_scan: reads a Falco alert without building a tree or allocating,
 * several times faster than a full parse. It accepts a subset of JSON on
 * which cJSON gives the same values, and declines the rest; a fuzz target
 * checks that both agree on every input it accepts.
 */
#include "json_scan.h"

#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define SCAN_DEPTH_MAX 32
#define SCAN_NUMBER_MAX 40

struct scanner {
	const char *at;  /* the next byte to read */
	const char *end; /* just past the line */
	int depth;       /* objects and arrays open */
};

__attribute__((always_inline)) static inline void skip_space(struct scanner *s)
{
	/* Falco writes no space between tokens: one test tells most bytes are not white space. */
	if (s->at < s->end && (unsigned char)*s->at > ' ')
		return;
	while (s->at < s->end && (*s->at == ' ' || *s->at == '\t' || *s->at == '\r' || *s->at == '\n'))
		s->at++;
}

/*
 * The first byte from p on that ends a plain string: a quote, a backslash
 * or a control byte; end when there is none. Sixteen bytes at a time where
 * SSE2 is there, since strings are most of a Falco alert.
 */
static const char *string_stop(const char *p, const char *end)
{
#if defined(__SSE2__)
	const __m128i quote = _mm_set1_epi8('"');
	const __m128i backslash = _mm_set1_epi8('\\');
	const __m128i control = _mm_set1_epi8(0x1f);

	for (; end - p >= 16; p += 16) {
		__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i stops = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
		/* A byte is at most 0x1f when the larger of it and 0x1f is 0x1f. */
		stops = _mm_or_si128(stops, _mm_cmpeq_epi8(_mm_max_epu8(bytes, control), control));
		unsigned mask = (unsigned)_mm_movemask_epi8(stops);
		if (mask != 0)
			return p + __builtin_ctz(mask);
	}
#endif
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\' || c < 0x20)
			return p;
	}
	return end;
}

/* Reads a string with no escapes and no control bytes. */
__attribute__((always_inline)) static inline bool scan_string(struct scanner *s, const char **text, size_t *length)
{
	const char *start = ++s->at;

	s->at = string_stop(start, s->end);
	if (s->at == s->end || *s->at != '"')
		return false;
	*text = start;
	*length = (size_t)(s->at - start);
	s->at++;
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a number of JSON's grammar, short enough for cJSON's buffer; converts it only when number is not NULL. */
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
	if (number == NULL)
		return true;
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
	enum step step;

	if (++s->depth > SCAN_DEPTH_MAX)
		return false;
	s->at++;
	for (step = next_element(s, ']', true); step == STEP_MORE; step = next_element(s, ']', false))
		if (!scan_value(s, NULL))
			return false;
	return step == STEP_CLOSED;
}

/* Reads a value into *value, or only checks it when value is NULL. */
static bool scan_value(struct scanner *s, struct json_value *value)
{
	struct json_value ignored;

	if (s->at == s->end)
		return false;
	if (value == NULL)
		value = &ignored;
	value->text = NULL;
	value->length = 0;
	value->number = 0;
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
		return scan_number(s, value == &ignored ? NULL : &value->number);
	}
}

/* Which object a wanted key belongs to. */
enum key_home {
	KEY_ALERT,  /* the alert itself */
	KEY_FIELDS  /* output_fields */
};

struct wanted_key {
	const char *key;          /* the key as Falco writes it */
	size_t length;            /* its length */
	enum key_home home;       /* the object it is looked for in */
	size_t offset;            /* where its value goes in struct alert_fields */
};

#define KEY(home, key, member) { key, sizeof(key) - 1, home, offsetof(struct alert_fields, member) }

static const struct wanted_key wanted_keys[] = {
	KEY(KEY_ALERT, "rule", rule), KEY(KEY_ALERT, "output", output), KEY(KEY_ALERT, "time", time),
	KEY(KEY_FIELDS, "container.id", id), KEY(KEY_FIELDS, "container_id", suggested_id),
	KEY(KEY_FIELDS, "syscall.type", syscall_type), KEY(KEY_FIELDS, "evt.type", event_type),
	KEY(KEY_FIELDS, "container.name", name), KEY(KEY_FIELDS, "container.image.repository", repository),
	KEY(KEY_FIELDS, "container.image", image), KEY(KEY_FIELDS, "container.image.tag", tag),
	KEY(KEY_FIELDS, "n_drops", drops), KEY(KEY_FIELDS, "evt.arg.flags", flags),
	KEY(KEY_FIELDS, "evt.arg.domain", domain), KEY(KEY_FIELDS, "proc.name", process),
	KEY(KEY_FIELDS, "k8s.ns.name", k8s_namespace), KEY(KEY_FIELDS, "k8s.pod.name", k8s_pod),
	KEY(KEY_FIELDS, "k8s.pod.sandbox_id", k8s_sandbox),
};

#define WANTED_KEY_COUNT (sizeof(wanted_keys) / sizeof(wanted_keys[0]))

/*
 * An open-addressed table of wanted_keys, so that each member of an alert
 * costs one probe, not a comparison with every wanted key. Slots hold an
 * index into wanted_keys plus one; 0 is empty.
 */
#define KEY_SLOTS 64
static uint8_t key_slots[KEY_SLOTS];
static pthread_once_t key_slots_once = PTHREAD_ONCE_INIT;

static unsigned key_hash(const char *key, size_t length)
{
	unsigned char first = (unsigned char)key[0], middle = (unsigned char)key[length / 2];
	unsigned char last = (unsigned char)key[length - 1];

	return ((unsigned)length * 31u + first * 7u + middle * 3u + last) % KEY_SLOTS;
}

static void fill_key_slots(void)
{
	for (size_t i = 0; i < WANTED_KEY_COUNT; i++) {
		unsigned slot = key_hash(wanted_keys[i].key, wanted_keys[i].length);
		while (key_slots[slot] != 0)
			slot = (slot + 1) % KEY_SLOTS;
		key_slots[slot] = (uint8_t)(i + 1);
	}
}

/* The slot for key in an object of home, or NULL when it is not wanted or was seen already. */
static struct json_value *slot_for(struct alert_fields *fields, enum key_home home, const char *key, size_t length)
{
	if (length == 0)
		return NULL;
	for (unsigned slot = key_hash(key, length); key_slots[slot] != 0; slot = (slot + 1) % KEY_SLOTS) {
		const struct wanted_key *wanted = &wanted_keys[key_slots[slot] - 1];
		if (wanted->length == length && wanted->home == home && text_same(wanted->key, key, length)) {
			struct json_value *value = (struct json_value *)(void *)((char *)fields + wanted->offset);
			return value->kind == JSON_ABSENT ? value : NULL;
		}
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
			if (is_object ? !scan_members(s, fields, OBJECT_FIELDS) : !scan_value(s, NULL))
				return false;
		} else {
			if (role != OBJECT_IGNORED)
				slot = slot_for(fields, role == OBJECT_ALERT ? KEY_ALERT : KEY_FIELDS, key, key_length);
			if (slot == NULL && role == OBJECT_FIELDS && is_label_key(key, key_length) &&
			    fields->label_count < ALERT_LABELS_MAX && !label_seen(fields, key, key_length)) {
				struct alert_label *label = &fields->labels[fields->label_count++];
				label->key = key;
				label->key_length = key_length;
				slot = &label->value;
			}
			if (!scan_value(s, slot))
				return false;
		}
	}
	return step == STEP_CLOSED;
}

bool json_scan_alert(const char *line, size_t length, struct alert_fields *fields)
{
	struct scanner s = { line, line + length, 0 };

	pthread_once(&key_slots_once, fill_key_slots);
	/* Every value absent; labels are written whole as they are found. */
	memset(fields, 0, offsetof(struct alert_fields, labels));
	fields->label_count = 0;
	skip_space(&s);
	if (s.at == s.end || *s.at != '{' || !scan_members(&s, fields, OBJECT_ALERT))
		return false;
	skip_space(&s);
	return s.at == s.end;
}
