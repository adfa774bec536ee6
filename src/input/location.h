/*
 * location: where something was read, a type of its own so that the
 * modules that remember places need not include the reader.
 */
#ifndef F2S_LOCATION_H
#define F2S_LOCATION_H

#include <stdint.h>

/* Where something was read: the input's index in the list of inputs, and the line. */
struct location {
	uint32_t file; /* index into the list of inputs */
	uint64_t line; /* from 1 */
};

#endif
