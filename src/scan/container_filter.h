/*
 * container_filter: which containers the user asked for, and a quick test
 * that a line cannot concern any of them.
 */
#ifndef F2S_CONTAINER_FILTER_H
#define F2S_CONTAINER_FILTER_H

#include <stdbool.h>
#include <stddef.h>

/* A short container id, as `docker ps` shows it. */
#define CONTAINER_SHORT_ID 12

/* The longest --container-id text looked at, prefix and white space included. */
#define CONTAINER_ID_TEXT_MAX 127

/* The most containers one run can name with --container-id. */
#define CONTAINER_FILTER_MAX 64

struct container_wanted {
	char id[65];                  /* lower-case hex, NUL-terminated */
	size_t length;                /* 12 to 64 */
};

struct container_filter {
	struct container_wanted wanted[CONTAINER_FILTER_MAX]; /* the ids asked for */
	size_t count;                 /* ids in use */
};

/*
 * Adds an id given by the user, without the white space around it and a
 * containerd://, docker:// or cri-o:// prefix. Returns 0, or -1 with a
 * reason in message (not hexadecimal, shorter than 12 or longer than 64
 * characters, too many).
 */
int container_filter_add(struct container_filter *filter, const char *id, char *message, size_t size);

/*
 * Tells which wanted container a log's id (short or full, any case) names:
 * its index, or -1. Ids compare over the shorter of the two lengths, which
 * is never under 12 characters.
 */
int container_filter_match(const struct container_filter *filter, const char *id, size_t length);

/*
 * Tells whether a raw line must be decoded, without parsing it. It need not
 * when it is framed like a JSON object ('{' first, '}' last) and holds no
 * wanted id in any case, no "\u" escape that could spell one, and no drop
 * alert: such a line cannot change the profile. Every other line, blank and
 * text lines included, must be decoded.
 */
bool container_filter_may_match_line(const struct container_filter *filter, const char *line, size_t length);

/*
 * Limits the pre-filter to vectors of at most bits bits: 256 (AVX2, where
 * the processor has it, the default), 128 (SSE2) or 0 (a plain loop).
 * For tests, which check every width gives the same answers.
 */
void container_filter_limit_vectors(unsigned bits);

#endif
