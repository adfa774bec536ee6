/*
 * scan: one pass over the logs, decoding events and gathering the syscalls
 * of the containers asked for (or of every container).
 */
#ifndef F2S_SCAN_H
#define F2S_SCAN_H

#include "policy/arg_facts.h"
#include "scan/container_filter.h"
#include "scan/container_life.h"
#include "decode/event.h"
#include "syscalls/syscall_set.h"
#include "syscalls/translate.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most containers --list-containers and --all-containers track. */
#define SCAN_CONTAINERS_MAX 65536

/* Problems reported per kind before the rest are only counted. */
#define SCAN_REPORTS_MAX 20

enum scan_status {
	SCAN_OK,
	SCAN_INPUT_ERROR,     /* a file could not be read, or --strict met a bad line */
	SCAN_NO_MEMORY,       /* memory ran out */
	SCAN_TOO_MANY         /* more than SCAN_CONTAINERS_MAX containers */
};

/* Called for each problem worth telling the user; file may be "-". */
typedef void scan_report_fn(void *context, const char *file, uint64_t line, const char *message);

/* Called now and then on long runs with the bytes read so far. */
typedef void scan_progress_fn(void *context, uint64_t bytes);

/* A container seen in the log, in --list-containers and --all-containers. */
/* The most pod label keys a run looks at (--label and --group-by label:KEY). */
#define SCAN_LABEL_KEYS_MAX 8

/* The hosts and image digests kept per container or scan; more are counted. */
#define SCAN_PROVENANCE_NAMES 4

/* Where events came from: their first and last time, the Falco hosts, the image digests. */
struct scan_provenance {
	char first[40], last[40];          /* the alerts' "time", RFC 3339, or "" */
	char hosts[SCAN_PROVENANCE_NAMES][64];
	size_t host_count;
	bool more_hosts;                   /* there were more */
	char digests[SCAN_PROVENANCE_NAMES][80];
	size_t digest_count;
	bool more_digests;                 /* there were more */
};

struct scan_container {
	char id[CONTAINER_ID_MAX + 1]; /* the longest form seen, lower-case */
	char name[128];                /* container.name, or "" */
	char image[256];               /* repository[:tag], or "" */
	char repository[256];          /* container.image.repository (or container.image), or "" */
	char tag[128];                 /* container.image.tag, or "" */
	char k8s_namespace[64];        /* k8s.ns.name, or "" */
	char k8s_pod[256];             /* k8s.pod.name, or "" */
	char labels[SCAN_LABEL_KEYS_MAX][64]; /* the values of scan.label_keys, or "" */
	bool sandbox;                  /* its id is some pod's k8s.pod.sandbox_id: a pause container */
	bool fields_known;             /* some event carried its workload fields */
	uint64_t events_before_fields; /* events seen before that */
	uint64_t events;               /* events of the container */
	uint64_t events_told;          /* a fed scan: its events when scan_forget_idle last kept it */
	struct syscall_set syscalls;   /* kernel syscalls it made */
	struct syscall_set refused;    /* those the log shows failing with EPERM or ENOSYS (evt.rawres -1, -38) */
	struct arg_facts facts;        /* what its logged arguments say */
	struct container_life life;    /* its runtime's setup, left out */
	struct scan_provenance provenance; /* its events' times, hosts and image digests */
};

/* The longest proc.name kept for the summary. */
#define SCAN_PROCESS_MAX 31

/* Processes and containers told apart per syscall in the details. */
#define SCAN_DETAIL_NAMES 8

/* The longest time kept ("2025-11-28T18:00:00.001234567Z" is 30). */
#define SCAN_TIME_MAX 39

/* Where a syscall was seen, with the alert's time. */
struct scan_sighting {
	struct location where;            /* file and line; line 0 when none */
	char time[SCAN_TIME_MAX + 1];     /* the alert's "time", or "" */
};

/* What the reports tell of one syscall, gathered when scan.details is set. */
struct scan_detail {
	uint64_t events;                  /* events that stand for it */
	struct scan_sighting first;       /* the first of them */
	struct scan_sighting last;        /* the last of them */
	char processes[SCAN_DETAIL_NAMES][SCAN_PROCESS_MAX + 1]; /* proc.name of the first few processes */
	size_t process_count;             /* entries in processes */
	bool more_processes;              /* there were more */
	char containers[SCAN_DETAIL_NAMES][CONTAINER_SHORT_ID + 1]; /* short ids of the first few containers */
	size_t container_count;           /* entries in containers */
	bool more_containers;             /* there were more */
};

struct scan {
	/* Set by the caller before scan_run. */
	const char *const *files;       /* inputs; "-" is standard input */
	size_t file_count;              /* entries in files */
	const struct container_filter *filter; /* the containers wanted, or NULL for all */
	bool strict;                    /* stop at the first bad line */
	bool full_parse;                /* decode every line, no pre-filter */
	scan_report_fn *tell;           /* where problems go */
	scan_progress_fn *progress;     /* progress callback, or NULL */
	bool details;                   /* gather details per syscall for the reports */
	unsigned jobs;                  /* threads a regular, plain file may be read with, and above 1 a
	                                   thread decompressing ahead (0 or 1: one thread for all) */
	const char *const *label_keys;  /* pod label keys to keep per container */
	size_t label_key_count;         /* entries in label_keys (at most SCAN_LABEL_KEYS_MAX) */
	void *context;                  /* passed to the callbacks */
	struct translator *translator;  /* borrowed */

	/* Results. */
	uint64_t lines;                 /* lines read, blank ones included */
	uint64_t events;                /* non-blank lines */
	uint64_t bad_lines;             /* lines reported as unusable */
	uint64_t matched;               /* events of the wanted containers */
	uint64_t wanted_in_a_row;       /* lines of the wanted containers just before this one */
	uint64_t matched_per_wanted[CONTAINER_FILTER_MAX]; /* by --container-id */
	struct container_life life[CONTAINER_FILTER_MAX];  /* by --container-id: the runtime's setup, left out */
	uint64_t unplaced;              /* without a filter: events whose container.id is "" or null (no container yet) */
	struct location first_unplaced; /* the first of them */
	uint32_t unplaced_runtimes;     /* bit r: some of them came from runtime r's processes */
	uint64_t drop_alerts;           /* Falco's drop alerts */
	uint64_t drops;                 /* events they say were lost */
	struct location first_drop;     /* where the first drop alert is */
	uint64_t other_rules;           /* alerts of other rules about the wanted containers */
	uint64_t not_syscall;           /* matched events that are not syscalls */
	bool rawres_seen;               /* some syscall event carried evt.rawres as a number (Falco 0.38 and later) */
	struct syscall_set families_apart; /* family members scan_settle_families took back out */
	struct syscall_set families_told;  /* the members of every family the log tells apart, taken out or not */
	bool execveat_added;            /* execveat went with execve: Falco 0.38 and later log it as execve */
	uint64_t unknown;               /* matched events naming no syscall */
	uint64_t bytes;                 /* bytes read */
	struct scan_provenance provenance; /* the wanted containers' events' times, hosts and image digests */
	struct syscall_set syscalls;    /* what the wanted containers made */
	struct syscall_set refused;     /* of those, what the log shows failing with EPERM or ENOSYS (evt.rawres -1
	                                   or -38, Falco 0.38 and later), as a seccomp filter's refusal does */
	struct location first_seen[SYSCALL_NAMES_MAX]; /* where each id was first seen */
	char first_process[SYSCALL_NAMES_MAX][SCAN_PROCESS_MAX + 1]; /* proc.name there, or "" */
	struct arg_facts facts;         /* what the wanted containers' arguments say */
	struct scan_detail *details_by_id; /* owned, SYSCALL_NAMES_MAX entries when details is set */
	bool deferred;                  /* a worker of a parallel pass: problems are kept in records, not told */
	struct scan_record *records;    /* owned: the problems a worker met, in order */
	size_t record_count;            /* entries in records */
	size_t record_capacity;         /* entries allocated */
	uint64_t records_kept[2];       /* bad lines and arguments not understood kept, at most SCAN_REPORTS_MAX each */
	uint64_t records_dropped[2];    /* and those only counted */
	char (*sandboxes)[CONTAINER_SHORT_ID + 1]; /* owned: short ids of pod sandboxes seen */
	size_t sandbox_count;           /* entries in sandboxes */
	uint64_t args_not_understood;   /* argument values of a shape not known */
	struct scan_container *containers; /* owned, for the all-containers jobs */
	size_t container_count;         /* entries in containers */
	size_t container_capacity;      /* entries allocated in containers */
	uint32_t *container_slots;      /* owned hash index into containers: 1 + the entry, 0 when free */
	size_t container_slot_count;    /* entries in container_slots, a power of two */
	uint64_t last_progress;         /* bytes at the last progress call */
};

/* A problem a worker met, told later in the order of the file. */
struct scan_record {
	int kind;          /* a bad line, an argument not understood, or any other problem */
	uint64_t line;     /* the line, counted from the worker's first */
	char *message;     /* owned */
};

/*
 * Reads every input; fills the results. Call scan_free afterwards. With
 * jobs above 1, a regular uncompressed file read for named containers
 * (filter set, no details) is split at line boundaries and read by that
 * many threads; what they find is put together so that every result, and
 * every problem told with its line and in its order, is what one thread
 * gives. With jobs above 1, a gzip or zstd regular file is decompressed
 * by a thread of its own.
 */
enum scan_status scan_run(struct scan *scan);

/*
 * Takes back out of every set the family members (dup2 and dup3 for dup,
 * accept4 for accept, ...) that the log tells apart from the name they
 * were added for: it carries evt.rawres (Falco 0.38 and later, which
 * report each call by its own name), or it names a member as an event of
 * its own. A member an event stood for itself stays. What was taken out
 * goes into scan->families_apart. And where such a log shows execve,
 * execveat goes with it: those Falco versions log a successful execveat
 * as execve.
 */
void scan_settle_families(struct scan *scan);

/* Frees what scan owns. Accepts NULL. */
void scan_free(struct scan *scan);

/* One workload of --group-by: its containers united. */
struct workload_profile {
	char key[256];                /* the field's value: image, name, namespace/pod or label */
	char file[240];               /* its file and object name: safe, unique */
	size_t containers;            /* containers of it */
	uint64_t events;              /* their events */
	struct syscall_set syscalls;  /* what they made */
	struct arg_facts facts;       /* what their arguments say */
	struct container_life life;   /* their runtime's setup, left out */
	struct scan_provenance provenance; /* their events' window, hosts and image digests */
};

/*
 * A scan fed line by line, as an endless stream is read (the reducer of
 * --flush-every): scan_run's set-up and end are the caller's
 * (json_arena_begin around the feeding, scan_finish_lives at the end).
 * Takes one line (length bytes, no newline) of file_index's input,
 * numbered number; a line past LINE_MAX_BYTES is a bad line.
 */
enum scan_status scan_feed(struct scan *scan, uint32_t file_index, uint64_t number, const char *line, size_t length);

/*
 * Forgets the containers of a fed scan that had no event since the last
 * call (their profiles were written then), so that memory follows the
 * containers alive, not every one a node ever ran; returns how many.
 */
size_t scan_forget_idle(struct scan *scan);

/* Marks the containers that are some pod's sandbox (k8s.pod.sandbox_id), as a scan's end does. */
void scan_mark_sandboxes(struct scan *scan);

/* Ends the log for every life: a window still open is the workload's (container_life_finish). */
void scan_finish_lives(struct scan *scan);

/* Notes an event's time, host and image digest (text, length bytes each; NULL when absent) in provenance. */
void scan_provenance_note(struct scan_provenance *provenance, const char *time, size_t time_length, const char *host,
                          size_t host_length, const char *digest, size_t digest_length);

/* Unites from into into: the earlier first time, the later last, the hosts and digests of both. */
void scan_provenance_unite(struct scan_provenance *into, const struct scan_provenance *from);

#endif
