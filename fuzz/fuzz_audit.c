/*
 * Fuzzes the seccomp audit record reader behind --audit-log: every line of
 * the input is read as a kernel log or audit.log line. A record read must
 * hold NUL-terminated names no longer than their fields.
 */
#include "decode/audit_record.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *end = text + size;

	while (text < end) {
		const char *newline = memchr(text, '\n', (size_t)(end - text));
		size_t length = newline ? (size_t)(newline - text) : (size_t)(end - text);
		struct audit_record record;
		const char *why;
		enum audit_line kind = audit_record_parse(text, length, &record, &why);
		if (kind == AUDIT_RECORD &&
		    (strlen(record.comm) >= sizeof(record.comm) || strlen(record.exe) >= sizeof(record.exe)))
			abort();
		if (kind == AUDIT_BROKEN && why == NULL)
			abort();
		text += length + (newline != NULL);
	}
	return 0;
}
