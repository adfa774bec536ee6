/*
 * json_scan: reads a Falco alert without building a tree or allocating,
 * several times faster than a full parse. It accepts a subset of JSON on
 * which cJSON gives the same values, and declines the rest; a fuzz target
 * checks that both agree on every input it accepts.
 *
 * It is one loop over the line with its place in local variables and a
 * small stack of the objects and arrays open, instead of a function per
 * grammar rule: the place then stays in a register, and each token costs
 * a few instructions. Strings, most of an alert, are passed over sixteen
 * bytes at a time.
 */
#include "decode/json_scan.h"

#include "text/text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && !defined(F2S_NO_SIMD)
#include <emmintrin.h>
#endif

#define SCAN_DEPTH_MAX 32
#define SCAN_NUMBER_MAX 40

/* A cursor over a number or a literal. */
struct scanner {
	const char *at;  /* the next byte to read */
	const char *end; /* just past the line */
};

/* The first byte from at on that is not JSON white space; end when there is none. */
__attribute__((always_inline)) static inline const char *skip_space(const char *at, const char *end)
{
	/* Falco writes no space between tokens: one test tells most bytes are not white space. */
	if (at < end && (unsigned char)*at > ' ')
		return at;
	while (at < end && (*at == ' ' || *at == '\t' || *at == '\r' || *at == '\n'))
		at++;
	return at;
}

/*
 * The first byte from p on that ends a plain string: a quote, a backslash
 * or a control byte; end when there is none. Sixteen bytes at a time where
 * SSE2 is there, since strings are most of a Falco alert.
 */
__attribute__((always_inline)) static inline const char *string_stop(const char *p, const char *end)
{
#if defined(__SSE2__) && !defined(F2S_NO_SIMD)
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

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The first byte from at on that is not a digit: eight at a time while all eight are, as in Falco's nanosecond times. */
static const char *skip_digits(const char *at, const char *end)
{
	const uint64_t high_nibbles = 0xf0f0f0f0f0f0f0f0u, threes = 0x3030303030303030u;

	/* Each byte is 0x30 to 0x3f, and still 0x3. after adding 6: '0' to '9'. No byte carries then. */
	while (end - at >= 8) {
		uint64_t word = text_word8(at);
		if ((word & high_nibbles) != threes || ((word + 0x0606060606060606u) & high_nibbles) != threes)
			break;
		at += 8;
	}
	while (at < end && is_digit(*at))
		at++;
	return at;
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
		s->at = skip_digits(s->at, s->end);
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

/* A key the quick reader looks for, from ALERT_FIELD_LIST. */
struct wanted_key {
	const char *key;          /* the key as Falco writes it */
	size_t length;            /* its length */
	enum alert_home home;     /* the object it is looked for in */
	size_t offset;            /* where its value goes in struct alert_fields */
};

#define KEY(home, key, member) { key, sizeof(key) - 1, home, offsetof(struct alert_fields, member) }

static const struct wanted_key wanted_keys[] = {
#define WANTED_KEY(member, home, key) KEY(ALERT_HOME_##home, key, member),
	ALERT_FIELD_LIST(WANTED_KEY)
#undef WANTED_KEY
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

/* The index in wanted_keys of key in an object of home, or -1 when it is not wanted. */
static int wanted_index(enum alert_home home, const char *key, size_t length)
{
	if (length == 0)
		return -1;
	for (unsigned slot = key_hash(key, length); key_slots[slot] != 0; slot = (slot + 1) % KEY_SLOTS) {
		const struct wanted_key *wanted = &wanted_keys[key_slots[slot] - 1];
		if (wanted->length == length && wanted->home == home && text_same(wanted->key, key, length))
			return key_slots[slot] - 1;
	}
	return -1;
}

/*
 * The keys of the last alerts read on this thread, by object and place:
 * Falco writes the same keys in the same order alert after alert, so the
 * key at a place is most often the one seen there before. One comparison
 * with it then reads the key and says what it is, with no search for the
 * string's end and no look-up in the table of wanted keys.
 */
#define KEY_MEMORY_PLACES 32
#define KEY_MEMORY_BYTES 30

struct remembered_key {
	unsigned char length;        /* 0: nothing remembered */
	signed char wanted;          /* its index in wanted_keys, or -1 */
	char text[KEY_MEMORY_BYTES]; /* the key, a plain string read before */
};

static _Thread_local struct remembered_key key_memory[2][KEY_MEMORY_PLACES];

/*
 * Reads the key whose opening quote is at when it is the one memory holds:
 * returns the byte after its closing quote, or NULL when it is another.
 */
__attribute__((always_inline)) static inline const char *read_remembered_key(const struct remembered_key *memory,
                                                                               const char *at, const char *end)
{
	size_t length = memory->length;

	if (length == 0 || (size_t)(end - at) < length + 2 || !text_same(at + 1, memory->text, length) ||
	    at[length + 1] != '"')
		return NULL;
	return at + length + 2;
}

/* Looks key up in the table of wanted keys and remembers it in memory (if not NULL); returns its index, or -1. */
static int remember_key(struct remembered_key *memory, enum alert_home home, const char *key, size_t length)
{
	int wanted = wanted_index(home, key, length);

	if (memory != NULL && length > 0 && length <= KEY_MEMORY_BYTES) {
		memory->length = (unsigned char)length;
		memory->wanted = (signed char)wanted;
		memcpy(memory->text, key, length);
	}
	return wanted;
}

/* The slot of wanted key number wanted, or NULL when it is not wanted (-1) or was seen already. */
static struct json_value *slot_of(struct alert_fields *fields, int wanted)
{
	if (wanted < 0)
		return NULL;
	struct json_value *value = (struct json_value *)(void *)((char *)fields + wanted_keys[wanted].offset);
	return value->kind == JSON_ABSENT ? value : NULL;
}

/* Tells whether a label of this key was kept already: the first one counts, as with cJSON. */
static bool label_seen(const struct alert_fields *fields, const char *key, size_t length)
{
	for (size_t i = 0; i < fields->label_count; i++)
		if (fields->labels[i].key_length == length && memcmp(fields->labels[i].key, key, length) == 0)
			return true;
	return false;
}

/* What an object or array open is: which keys an object keeps, or an array. */
enum container_role {
	ROLE_ALERT,   /* the alert: rule, output, time, and its first output_fields */
	ROLE_FIELDS,  /* output_fields */
	ROLE_IGNORED, /* any other object: nothing kept */
	ROLE_ARRAY    /* an array: nothing kept */
};

/* What the loop reads next. */
enum next_token {
	NEXT_VALUE,       /* a value, for slot */
	NEXT_AFTER_VALUE, /* ',' or the close of what is open */
	NEXT_MEMBER       /* a key, ':' */
};

/*
 * Reads a string whose opening quote is at: returns the byte after its
 * closing quote, or NULL when it has an escape or a control byte or is not
 * closed.
 */
__attribute__((always_inline)) static inline const char *read_string(const char *at, const char *end, const char **text,
                                                                       size_t *length)
{
	const char *stop = string_stop(at + 1, end);

	if (stop == end || *stop != '"')
		return NULL;
	*text = at + 1;
	*length = (size_t)(stop - at - 1);
	return stop + 1;
}

/* Marks slot, if any, as holding a value of kind with no text or number. */
static void set_kind(struct json_value *slot, enum json_kind kind)
{
	if (slot != NULL) {
		slot->kind = kind;
		slot->text = NULL;
		slot->length = 0;
		slot->number = 0;
	}
}

/* Reads a string at at into slot (NULL: checked only); returns the byte after it, or NULL. */
__attribute__((always_inline)) static inline const char *read_string_into(const char *at, const char *end,
                                                                            struct json_value *slot)
{
	const char *text;
	size_t length;

	if ((at = read_string(at, end, &text, &length)) != NULL && slot != NULL) {
		set_kind(slot, JSON_STRING);
		slot->text = text;
		slot->length = length;
	}
	return at;
}

/* Reads a number or a literal at at into slot (NULL: checked only); returns the byte after it, or NULL. */
static const char *read_scalar(const char *at, const char *end, struct json_value *slot)
{
	struct scanner s = { at, end };
	bool ok;

	switch (*at) {
	case 't':
		set_kind(slot, JSON_OTHER);
		ok = scan_literal(&s, "true", 4);
		break;
	case 'f':
		set_kind(slot, JSON_OTHER);
		ok = scan_literal(&s, "false", 5);
		break;
	case 'n':
		set_kind(slot, JSON_NULL);
		ok = scan_literal(&s, "null", 4);
		break;
	default:
		set_kind(slot, JSON_NUMBER);
		ok = scan_number(&s, slot != NULL ? &slot->number : NULL);
		break;
	}
	return ok ? s.at : NULL;
}

bool json_scan_alert(const char *line, size_t length, struct alert_fields *fields)
{
	const char *end = line + length;
	const char *at = skip_space(line, end);
	unsigned char open[SCAN_DEPTH_MAX]; /* the role of each object and array open */
	int depth = 0;
	bool seen_fields = false;           /* the alert's first output_fields was seen */
	size_t places[2] = { 0, 0 };        /* members read so far of the alert, and of its output_fields */
	struct remembered_key (*memories)[KEY_MEMORY_PLACES] = key_memory;
	struct json_value *slot = NULL;     /* where the value read next goes, or NULL */
	enum container_role role = ROLE_ALERT; /* what the value read next is, if an object */
	enum next_token next = NEXT_VALUE;

	pthread_once(&key_slots_once, fill_key_slots);
	/* Every value absent; labels are written whole as they are found. */
	memset(fields, 0, offsetof(struct alert_fields, labels));
	fields->label_count = 0;
	if (at == end || *at != '{')
		return false;
	for (;;) {
		switch (next) {
		case NEXT_VALUE:
			if (at == end)
				return false;
			if (*at == '"') {
				if ((at = read_string_into(at, end, slot)) == NULL)
					return false;
				next = NEXT_AFTER_VALUE;
			} else if (*at == '{' || *at == '[') {
				bool is_array = *at == '[';
				if (depth == SCAN_DEPTH_MAX)
					return false;
				set_kind(slot, JSON_OTHER);
				open[depth++] = (unsigned char)(is_array ? ROLE_ARRAY : role);
				at = skip_space(at + 1, end);
				if (at < end && *at == (is_array ? ']' : '}')) {
					at++;
					depth--;
					next = NEXT_AFTER_VALUE;
				} else if (is_array) {
					slot = NULL;
					role = ROLE_IGNORED;
				} else {
					next = NEXT_MEMBER;
				}
			} else {
				if ((at = read_scalar(at, end, slot)) == NULL)
					return false;
				next = NEXT_AFTER_VALUE;
			}
			break;
		case NEXT_AFTER_VALUE:
			if (depth == 0)
				return skip_space(at, end) == end;
			at = skip_space(at, end);
			if (at == end)
				return false;
			if (*at == ',') {
				at = skip_space(at + 1, end);
				slot = NULL;
				role = ROLE_IGNORED;
				next = open[depth - 1] == ROLE_ARRAY ? NEXT_VALUE : NEXT_MEMBER;
			} else if (*at == (open[depth - 1] == ROLE_ARRAY ? ']' : '}')) {
				at++;
				depth--;
			} else {
				return false;
			}
			break;
		case NEXT_MEMBER:
			/* Members are read here one after another while they are '"key":"value",', as Falco writes most. */
			for (;;) {
				const char *key;
				size_t key_length;
				enum container_role object = (enum container_role)open[depth - 1];
				bool kept = object == ROLE_ALERT || object == ROLE_FIELDS;
				enum alert_home home = object == ROLE_ALERT ? ALERT_HOME_ALERT : ALERT_HOME_FIELDS;
				size_t place = kept ? places[home]++ : KEY_MEMORY_PLACES;
				struct remembered_key *memory = place < KEY_MEMORY_PLACES ? &memories[home][place] : NULL;
				const char *after_key;
				int wanted = -1;
				if (at == end || *at != '"')
					return false;
				if (memory != NULL && (after_key = read_remembered_key(memory, at, end)) != NULL) {
					key = at + 1;
					key_length = memory->length;
					wanted = memory->wanted;
					at = after_key;
				} else {
					if ((at = read_string(at, end, &key, &key_length)) == NULL)
						return false;
					if (kept)
						wanted = remember_key(memory, home, key, key_length);
				}
				at = skip_space(at, end);
				if (at == end || *at != ':')
					return false;
				at = skip_space(at + 1, end);
				slot = NULL;
				role = ROLE_IGNORED;
				if (object == ROLE_ALERT && !seen_fields && key_length == 13 && text_same(key, "output_fields", 13)) {
					/* Kept only when it is an object; any other value is read and left. */
					seen_fields = true;
					role = ROLE_FIELDS;
				} else if (kept) {
					slot = slot_of(fields, wanted);
					if (slot == NULL && object == ROLE_FIELDS && alert_is_label_key(key, key_length) &&
					    fields->label_count < ALERT_LABELS_MAX && !label_seen(fields, key, key_length)) {
						struct alert_label *label = &fields->labels[fields->label_count++];
						label->key = key;
						label->key_length = key_length;
						slot = &label->value;
					}
				}
				if (at == end || *at != '"') {
					next = NEXT_VALUE;
					break;
				}
				if ((at = read_string_into(at, end, slot)) == NULL)
					return false;
				if (end - at < 2 || at[0] != ',' || at[1] != '"') {
					next = NEXT_AFTER_VALUE;
					break;
				}
				at++;
			}
			break;
		}
	}
}
