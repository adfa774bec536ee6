/*
 * json_scan: a quick reader for the plain JSON that Falco writes, which
 * gives up (rather than guess) on anything cJSON might read differently.
 */
#ifndef F2S_JSON_SCAN_H
#define F2S_JSON_SCAN_H

#include "decode/alert_fields.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Reads line as one JSON object and fills fields. Returns true only when
 * the line is strict JSON of a kind cJSON reads the same way: no escapes or
 * control bytes in strings, numbers of at most 40 characters, nesting of at
 * most 32 levels, and only spaces, tabs, CR and LF between tokens. Returns
 * false otherwise, leaving the line to cJSON. The strings in fields point
 * into line.
 */
bool json_scan_alert(const char *line, size_t length, struct alert_fields *fields);

#endif
