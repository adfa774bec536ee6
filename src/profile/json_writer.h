/*
 * json_writer: prints a cJSON tree the same way every time, two spaces per
 * level and one array element per line, so that profiles diff well.
 */
#ifndef F2S_JSON_WRITER_H
#define F2S_JSON_WRITER_H

#include <cJSON.h>
#include <stdio.h>

/* Writes item and a newline to out; returns 0, or -1 when out has failed. */
int json_write(FILE *out, const cJSON *item);

/* Returns the one-line text of item (malloc'd, caller frees), or NULL. */
char *json_to_line(const cJSON *item);

/*
 * The one-line text of item with the keys of every object sorted
 * (malloc'd, caller frees), or NULL: equal rules in any key order share
 * it, so that merge and --diff compare meanings, not spellings.
 */
char *json_to_canonical_line(const cJSON *item);

#endif
