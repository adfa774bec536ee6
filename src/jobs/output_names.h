/*
 * output_names: the file name of each container's profile under
 * --all-containers' --output-dir.
 */
#ifndef F2S_OUTPUT_NAMES_H
#define F2S_OUTPUT_NAMES_H

#include "scan/scan.h"

#include <stddef.h>

/*
 * The base name (without ".json") for the profile of scan's container
 * index: its name where the log has one, no other container is called
 * so, and it is safe as a file name; else its id. NULL when neither is
 * safe, which keeps every file inside the directory.
 */
const char *output_name_for(const struct scan *scan, size_t index);

/*
 * text as a Kubernetes object name (DNS-1123 subdomain): lower case
 * letters, digits, '-' and '.', a letter or digit at both ends, at most
 * 253 characters; every other character becomes '-'. Writes into out
 * (size bytes, at least 2); "profile" when nothing is left.
 */
void output_names_dns1123(const char *text, char *out, size_t size);

#endif
