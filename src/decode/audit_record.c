/*
 * audit_record: the fields of a seccomp audit record, whichever log it
 * was read from.
 */
#include "decode/audit_record.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Finds " key=" (or "key=" at the start of the fields) in [from, end); returns the value's start or NULL. */
static const char *field(const char *from, const char *end, const char *key)
{
	size_t key_length = strlen(key);

	for (const char *at = from; at + key_length + 1 <= end; at++) {
		at = memchr(at, key[0], (size_t)(end - at));
		if (at == NULL || at + key_length + 1 > end)
			return NULL;
		if ((at == from || at[-1] == ' ') && memcmp(at, key, key_length) == 0 && at[key_length] == '=')
			return at + key_length + 1;
	}
	return NULL;
}

/* Reads an unsigned number in base at value (up to end) no greater than max; false when there is none. */
static bool number(const char *value, const char *end, int base, unsigned long long max, unsigned long long *out)
{
	char text[24];
	size_t length = 0;
	char *stop;

	if (value == NULL)
		return false;
	while (value + length < end && length < sizeof(text) - 1 && value[length] != ' ')
		length++;
	if (length == 0 || length == sizeof(text) - 1 || value[0] == '-' || value[0] == '+')
		return false;
	memcpy(text, value, length);
	text[length] = '\0';
	errno = 0;
	*out = strtoull(text, &stop, base);
	return errno == 0 && *stop == '\0' && *out <= max;
}

/* Copies a quoted ("...") or bare (hex-encoded by auditd: not decoded) value into out. */
static void text_field(const char *value, const char *end, char *out, size_t size)
{
	size_t length = 0;

	out[0] = '\0';
	if (value == NULL || value >= end)
		return;
	if (*value == '"') {
		value++;
		const char *close = memchr(value, '"', (size_t)(end - value));
		length = close ? (size_t)(close - value) : 0;
	} else {
		while (value + length < end && value[length] != ' ')
			length++;
	}
	if (length >= size)
		length = size - 1;
	memcpy(out, value, length);
	out[length] = '\0';
}

/* Tells whether [at, end) begins with text. */
static bool begins(const char *at, const char *end, const char *text)
{
	size_t length = strlen(text);
	return (size_t)(end - at) >= length && memcmp(at, text, length) == 0;
}

/* Passes over a "[  123.456] " or "[Wed Dec  2 04:00:00 2026] " stamp at at, if there is one. */
static const char *past_stamp(const char *at, const char *end)
{
	if (at < end && *at == '[') {
		const char *close = memchr(at, ']', (size_t)(end - at));
		if (close != NULL) {
			at = close + 1;
			while (at < end && *at == ' ')
				at++;
		}
	}
	return at;
}

/*
 * Where the seccomp record of line begins, or NULL. A record is read only
 * where a kernel or auditd record begins, never inside another message's
 * text, which a process may fill (a crashing program's name is printed
 * unescaped): auditd's "type=SECCOMP msg=audit(" at the start of the line
 * (after "node=NAME " when forwarded), and the kernel's "audit: type=1326
 * audit(" at the start of the message: of the line, after dmesg's stamp,
 * after /dev/kmsg's "level,seq,time,flags;", or after the first " kernel: "
 * of a syslog or journal line (and the stamp the kernel may add there).
 */
static const char *record_start(const char *line, const char *end)
{
	static const char kernel_record[] = "audit: type=1326 audit(";
	const char *at = line;
	const char *semicolon;

	if (begins(at, end, "node=")) {
		const char *space = memchr(at, ' ', (size_t)(end - at));
		if (space != NULL)
			at = space + 1;
	}
	if (begins(at, end, "type=SECCOMP msg=audit("))
		return at;
	at = past_stamp(line, end);
	if (begins(at, end, kernel_record))
		return at;
	/* /dev/kmsg: digits and commas, then ';'. */
	semicolon = memchr(line, ';', (size_t)(end - line));
	if (semicolon != NULL && strspn(line, "0123456789,-c") >= (size_t)(semicolon - line) &&
	    begins(semicolon + 1, end, kernel_record))
		return semicolon + 1;
	at = memmem(line, (size_t)(end - line), " kernel: ", 9);
	if (at != NULL) {
		at = past_stamp(at + 9, end);
		if (begins(at, end, kernel_record))
			return at;
	}
	return NULL;
}

/* Reads "audit(SECONDS.MMM:SERIAL)" at at (up to end) into record; leaves it 0 when it is not there whole. */
static void stamp(const char *at, const char *end, struct audit_record *record)
{
	const char *open = memmem(at, (size_t)(end - at), "audit(", 6);
	unsigned long long seconds, millis, serial;
	const char *dot, *colon, *close;

	if (open == NULL)
		return;
	open += 6;
	close = memchr(open, ')', (size_t)(end - open));
	dot = close ? memchr(open, '.', (size_t)(close - open)) : NULL;
	colon = dot ? memchr(dot, ':', (size_t)(close - dot)) : NULL;
	/* The kernel prints "%llu.%03lu:%u": each part is copied and read whole, digits only. */
	char text[24];
	size_t lengths[3] = { dot ? (size_t)(dot - open) : 0, colon ? (size_t)(colon - dot - 1) : 0,
		              colon ? (size_t)(close - colon - 1) : 0 };
	const char *starts[3] = { open, dot ? dot + 1 : NULL, colon ? colon + 1 : NULL };
	unsigned long long *values[3] = { &seconds, &millis, &serial };
	for (size_t i = 0; i < 3; i++) {
		if (starts[i] == NULL || lengths[i] == 0 || lengths[i] >= sizeof(text) || (i == 1 && lengths[i] != 3))
			return;
		memcpy(text, starts[i], lengths[i]);
		text[lengths[i]] = '\0';
		if (strspn(text, "0123456789") != lengths[i])
			return;
		if (!number(text, text + lengths[i], 10, i == 1 ? 999 : UINT64_MAX / 2000, values[i]))
			return;
	}
	record->time_ms = seconds * 1000 + millis;
	record->serial = serial;
}

enum audit_line audit_record_parse(const char *line, size_t length, struct audit_record *record, const char **why)
{
	const char *end = line + length;
	const char *separator = memchr(line, 0x1d, length);
	const char *start;
	unsigned long long value;

	*why = NULL;
	if (separator != NULL)
		end = separator; /* auditd's enriched fields follow */
	/* What tells of records lost: the kernel's rate limit, auditd's backlog. */
	if (memmem(line, length, "callbacks suppressed", 20) != NULL || memmem(line, length, "audit_lost=", 11) != NULL ||
	    memmem(line, length, "rate limit exceeded", 19) != NULL)
		return AUDIT_LOST;
	start = record_start(line, end);
	if (start == NULL)
		return AUDIT_NOT_A_RECORD;
	memset(record, 0, sizeof(*record));
	if (!number(field(start, end, "arch"), end, 16, UINT32_MAX, &value)) {
		*why = "a seccomp record without arch=, or with one past 32 bits";
		return AUDIT_BROKEN;
	}
	record->arch = (uint32_t)value;
	/* The kernel prints the number as an int: nothing past INT_MAX is a syscall. */
	if (!number(field(start, end, "syscall"), end, 10, INT_MAX, &value)) {
		*why = "a seccomp record without syscall=, or with one outside 0 to 2147483647";
		return AUDIT_BROKEN;
	}
	record->syscall = (long)value;
	if (!number(field(start, end, "code"), end, 16, UINT32_MAX, &value)) {
		*why = "a seccomp record without code=, or with one past 32 bits";
		return AUDIT_BROKEN;
	}
	record->code = (uint32_t)value;
	record->pid = number(field(start, end, "pid"), end, 10, INT_MAX, &value) ? (long)value : -1;
	record->compat = number(field(start, end, "compat"), end, 10, 1, &value) ? (int)value : 0;
	text_field(field(start, end, "comm"), end, record->comm, sizeof(record->comm));
	text_field(field(start, end, "exe"), end, record->exe, sizeof(record->exe));
	record->printk = begins(start, end, "audit: ");
	stamp(start, end, record);
	return AUDIT_RECORD;
}
