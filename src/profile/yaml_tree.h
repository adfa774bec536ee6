/*
 * yaml_tree: YAML documents to and from the cJSON trees profiles are made
 * of, with libyaml's emitter and parser, for the Security Profiles
 * Operator's SeccompProfile objects.
 */
#ifndef F2S_YAML_TREE_H
#define F2S_YAML_TREE_H

#include <cJSON.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Writes item as one YAML document to out, in block style, keys in the
 * tree's order. Strings that YAML would read as something else (numbers,
 * booleans, null) are quoted. Returns 0, or -1 when out failed or memory
 * ran out.
 */
int yaml_write(FILE *out, const cJSON *item);

/*
 * Parses the first YAML document in text into a new tree (caller frees
 * with cJSON_Delete): mappings become objects, sequences arrays, plain
 * scalars that are whole numbers numbers, true and false booleans, null
 * and ~ null, everything else strings. Returns NULL with message saying
 * where and why when the text is no YAML or uses what profiles never do
 * (anchors, aliases, tags).
 */
cJSON *yaml_parse(const char *text, size_t length, char *message, size_t size);

#endif
