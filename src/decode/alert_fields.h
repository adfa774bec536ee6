/*
 * alert_fields: the few values of a Falco JSON alert that falco2seccomp
 * reads, whichever parser found them.
 */
#ifndef F2S_ALERT_FIELDS_H
#define F2S_ALERT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

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

/*
 * Tells whether key (length bytes) is a pod label field as Falco writes it:
 * k8s.pod.label.KEY, or k8s.pod.label[KEY] (Falco 0.38 and later). Both
 * parsers ask this one.
 */
static inline bool alert_is_label_key(const char *key, size_t length)
{
	static const char prefix[] = "k8s.pod.label";
	size_t n = sizeof(prefix) - 1;

	return length > n + 1 && memcmp(key, prefix, n) == 0 && (key[n] == '.' || key[n] == '[');
}

/* The most k8s.pod.label keys kept from one alert. */
#define ALERT_LABELS_MAX 8

/* A k8s.pod.label.KEY (or k8s.pod.label[KEY]) field, as written. */
struct alert_label {
	const char *key;        /* borrowed: the whole key, not NUL-terminated */
	size_t key_length;      /* bytes in key */
	struct json_value value; /* its value */
};

/* Where a field is: in the alert itself, or in its output_fields. */
enum alert_home {
	ALERT_HOME_ALERT,
	ALERT_HOME_FIELDS
};

/*
 * Every value read from an alert, the one list of them: X(member, home,
 * key), home ALERT for the alert's own keys and FIELDS for those of its
 * output_fields. The struct below, the quick reader's key table
 * (json_scan.c) and the cJSON reader (event.c) are all made from it, so a
 * new field is one line here (and its use).
 */
#define ALERT_FIELD_LIST(X)                                                                    \
	X(rule, ALERT, "rule")                          /* the rule's name */                      \
	X(output, ALERT, "output")                      /* the text line */                        \
	X(time, ALERT, "time")                                                                     \
	X(hostname, ALERT, "hostname")                  /* the Falco host */                       \
	X(id, FIELDS, "container.id")                                                              \
	X(suggested_id, FIELDS, "container_id")         /* Falco 0.40+ suggests it */              \
	X(syscall_type, FIELDS, "syscall.type")                                                    \
	X(event_type, FIELDS, "evt.type")                                                          \
	X(name, FIELDS, "container.name")                                                          \
	X(repository, FIELDS, "container.image.repository")                                        \
	X(image, FIELDS, "container.image")                                                        \
	X(tag, FIELDS, "container.image.tag")                                                      \
	X(image_digest, FIELDS, "container.image.digest")                                          \
	X(drops, FIELDS, "n_drops")                     /* the drop alert's count */               \
	X(flags, FIELDS, "evt.arg.flags")               /* clone, clone3 */                        \
	X(domain, FIELDS, "evt.arg.domain")             /* socket, socketpair */                   \
	X(process, FIELDS, "proc.name")                                                            \
	X(result, FIELDS, "evt.rawres")                 /* the call's return value, null on enter */ \
	X(k8s_namespace, FIELDS, "k8s.ns.name")                                                    \
	X(k8s_pod, FIELDS, "k8s.pod.name")                                                         \
	X(k8s_sandbox, FIELDS, "k8s.pod.sandbox_id")

/* The first occurrence of each key, as cJSON_GetObjectItem would find it. */
struct alert_fields {
#define ALERT_FIELD_MEMBER(member, home, key) struct json_value member;
	ALERT_FIELD_LIST(ALERT_FIELD_MEMBER)
#undef ALERT_FIELD_MEMBER
	struct alert_label labels[ALERT_LABELS_MAX]; /* the first k8s.pod.label fields, in order */
	size_t label_count;             /* entries in labels */
};

#endif
