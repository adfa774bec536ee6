/*
 * event: one line of a Falco log decoded into the container it concerns and
 * the event name Falco gave it.
 */
#ifndef F2S_EVENT_H
#define F2S_EVENT_H

#include "decode/alert_fields.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest container id accepted from a log (a full id is 64). */
#define CONTAINER_ID_MAX 64

/* The rule of the alert Falco raises when its ring buffer overflows. */
#define EVENT_DROP_RULE "Falco internal: syscall event drop"

enum event_status {
	EVENT_SYSCALL,    /* name holds Falco's event name; container_id may be NULL */
	EVENT_NO_SYSCALL, /* an alert whose syscall.type and evt.type are null */
	EVENT_DROP,       /* a drop alert: drops holds the count (0 if not given) */
	EVENT_OTHER_RULE, /* a well-formed alert of another rule, with no syscall; container_id may be set */
	EVENT_EMPTY,      /* a blank line */
	EVENT_BAD         /* unusable: message says why */
};

/* A borrowed piece of the line or of the parse tree. */
struct event_text {
	const char *text; /* not NUL-terminated; NULL when absent */
	size_t length;    /* bytes in text */
};

/* A pod label: key (after "k8s.pod.label." or inside "k8s.pod.label[...]") and value. */
struct event_label {
	struct event_text key;
	struct event_text value;
};

struct event {
	struct event_text container_id;   /* NULL for host events and null ids */
	struct event_text name;           /* Falco's evt.type or syscall.type */
	struct event_text container_name; /* container.name, if the log has it */
	struct event_text image;          /* container.image.repository or container.image */
	struct event_text image_tag;      /* container.image.tag */
	struct event_text process;        /* proc.name, if the log has it */
	struct event_text time;           /* the alert's "time", if the log has it */
	struct event_text hostname;       /* the alert's "hostname": the Falco host */
	struct event_text image_digest;   /* container.image.digest */
	struct event_text k8s_namespace;  /* k8s.ns.name */
	struct event_text k8s_pod;        /* k8s.pod.name */
	struct event_text k8s_sandbox;    /* k8s.pod.sandbox_id */
	struct event_label labels[ALERT_LABELS_MAX]; /* pod labels the log has */
	size_t label_count;               /* entries in labels */
	struct json_value flags;          /* evt.arg.flags: JSON_ABSENT when the log lacks it */
	struct json_value domain;         /* evt.arg.domain: JSON_ABSENT when the log lacks it */
	struct json_value result;         /* evt.rawres: JSON_ABSENT when the log lacks it, null on enter events */
	bool unplaced;                    /* container.id "" or null (<NA> in text): no container yet */
	uint64_t drops;                   /* events Falco lost, for EVENT_DROP */
	char message[320];                /* why, for EVENT_BAD */
};

/*
 * Decodes one line (length bytes; NUL bytes make it EVENT_BAD). Plain JSON
 * alerts are read by json_scan_alert; the rest are parsed with cJSON, so the
 * caller brackets calls with json_arena_begin and json_arena_end. The pieces
 * in *event stay valid until the next json_arena_reset and as long as line
 * does.
 */
enum event_status event_decode(const char *line, size_t length, struct event *event);

/* The same, with every JSON line parsed by cJSON: the reference result. */
enum event_status event_decode_full(const char *line, size_t length, struct event *event);

/*
 * Reads "ID:SYSCALL" out of Falco's text output "TIME: PRIORITY ID:SYSCALL",
 * as written by old Falco in the output field or as a plain text line.
 * Returns 0 and fills container_id and name, or -1.
 */
int event_parse_text(const char *text, size_t length, struct event *event);

#endif
