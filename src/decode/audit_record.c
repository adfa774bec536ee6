/*
 * audit_record: the fields of a seccomp audit record, whichever log it
 * was read from.
 */
#include "decode/audit_record.h"

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

/* Reads a number in base at value (up to end); false when there is none. */
static bool number(const char *value, const char *end, int base, long *out)
{
	char text[24];
	size_t length = 0;
	char *stop;

	if (value == NULL)
		return false;
	while (value + length < end && length < sizeof(text) - 1 && value[length] != ' ')
		length++;
	memcpy(text, value, length);
	text[length] = '\0';
	*out = strtol(text, &stop, base);
	return length > 0 && *stop == '\0';
}

/* Copies a quoted ("...") or bare (hex-encoded by auditd: not decoded) value into out. */
static void text_field(const char *value, const char *end, char *out, size_t size)
{
	size_t length = 0;

	out[0] = '\0';
	if (value == NULL)
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

enum audit_line audit_record_parse(const char *line, size_t length, struct audit_record *record, const char **why)
{
	const char *end = line + length;
	const char *separator = memchr(line, 0x1d, length);
	const char *start;
	long value;

	*why = NULL;
	if (separator != NULL)
		end = separator; /* auditd's enriched fields follow */
	/* What tells of records lost: the kernel's rate limit, auditd's backlog. */
	if (memmem(line, length, "callbacks suppressed", 20) != NULL || memmem(line, length, "audit_lost=", 11) != NULL ||
	    memmem(line, length, "rate limit exceeded", 19) != NULL)
		return AUDIT_LOST;
	start = memmem(line, (size_t)(end - line), "type=1326", 9);
	if (start == NULL)
		start = memmem(line, (size_t)(end - line), "type=SECCOMP", 12);
	if (start == NULL)
		return AUDIT_NOT_A_RECORD;
	memset(record, 0, sizeof(*record));
	if (!number(field(start, end, "arch"), end, 16, &value)) {
		*why = "a seccomp record without arch=";
		return AUDIT_BROKEN;
	}
	record->arch = (uint32_t)(unsigned long)value;
	if (!number(field(start, end, "syscall"), end, 10, &record->syscall)) {
		*why = "a seccomp record without syscall=";
		return AUDIT_BROKEN;
	}
	if (!number(field(start, end, "code"), end, 16, &value)) {
		*why = "a seccomp record without code=";
		return AUDIT_BROKEN;
	}
	record->code = (uint32_t)(unsigned long)value;
	if (!number(field(start, end, "pid"), end, 10, &record->pid))
		record->pid = -1;
	long compat = 0;
	record->compat = number(field(start, end, "compat"), end, 10, &compat) ? (int)compat : 0;
	text_field(field(start, end, "comm"), end, record->comm, sizeof(record->comm));
	text_field(field(start, end, "exe"), end, record->exe, sizeof(record->exe));
	return AUDIT_RECORD;
}
