/*
 * alert_fields: the few values of a Falco JSON alert that falco2seccomp
 * reads, whichever parser found them.
 */
#ifndef F2S_ALERT_FIELDS_H
#define F2S_ALERT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

enum json_kind {
	JSON_ABSENT, /* the key is not there */
	JSON_NULL,   /* null */
	JSON_STRING, /* text and length hold it */
	JSON_NUMBER, /* number holds it */
	JSON_OTHER   /* true, false, an array or an object */
};

struct json_value {
	enum json_kind kind; /* what the value is */
	const char *text;    /* borrowed, for JSON_STRING; not NUL-terminated */
	size_t length;       /* bytes in text */
	double number;       /* for JSON_NUMBER */
};

/* The first occurrence of each key, as cJSON_GetObjectItem would find it. */
struct alert_fields {
	struct json_value rule;         /* "rule" */
	struct json_value output;       /* "output" */
	struct json_value time;         /* "time" */
	struct json_value id;           /* output_fields["container.id"] */
	struct json_value suggested_id; /* output_fields["container_id"] (Falco 0.40+) */
	struct json_value syscall_type; /* output_fields["syscall.type"] */
	struct json_value event_type;   /* output_fields["evt.type"] */
	struct json_value name;         /* output_fields["container.name"] */
	struct json_value repository;   /* output_fields["container.image.repository"] */
	struct json_value image;        /* output_fields["container.image"] */
	struct json_value tag;          /* output_fields["container.image.tag"] */
	struct json_value drops;        /* output_fields["n_drops"] */
	struct json_value flags;        /* output_fields["evt.arg.flags"] (clone, clone3) */
	struct json_value domain;       /* output_fields["evt.arg.domain"] (socket, socketpair) */
	struct json_value process;      /* output_fields["proc.name"] */
};

#endif
