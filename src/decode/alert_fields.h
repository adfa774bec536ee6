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

/* The most k8s.pod.label keys kept from one alert. */
#define ALERT_LABELS_MAX 8

/* A k8s.pod.label.KEY (or k8s.pod.label[KEY]) field, as written. */
struct alert_label {
	const char *key;        /* borrowed: the whole key, not NUL-terminated */
	size_t key_length;      /* bytes in key */
	struct json_value value; /* its value */
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
	struct json_value result;       /* output_fields["evt.rawres"]: the call's return value, null on enter */
	struct json_value k8s_namespace; /* output_fields["k8s.ns.name"] */
	struct json_value k8s_pod;      /* output_fields["k8s.pod.name"] */
	struct json_value k8s_sandbox;  /* output_fields["k8s.pod.sandbox_id"] */
	struct alert_label labels[ALERT_LABELS_MAX]; /* the first k8s.pod.label fields, in order */
	size_t label_count;             /* entries in labels */
};

#endif
