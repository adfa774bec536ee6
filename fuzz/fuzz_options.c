/*
 * Fuzzes the command line: the input is split at newlines into arguments.
 */
#include "jobs/options.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct options opts;
	char *text = malloc(size + 1);
	char *argv[66];
	int argc = 1;
	char message[512];

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	argv[0] = (char *)"falco2seccomp";
	for (char *p = text; argc < 65 && p != NULL; argc++) {
		argv[argc] = p;
		p = strchr(p, '\n');
		if (p != NULL)
			*p++ = '\0';
	}
	argv[argc] = NULL;
	options_parse(argc, argv, &opts, message, sizeof(message));
	free(text);
	return 0;
}
