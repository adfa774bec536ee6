/*
 * run: one job of falco2seccomp, from its options to its results: reading
 * merged profiles, the pass over the logs, the profile or profiles
 * written, --check's findings, the container list. What it finds is told
 * through report; main maps the status to an exit code.
 */
#ifndef F2S_RUN_H
#define F2S_RUN_H

#include "policy/arg_facts.h"
#include "policy/arg_rules.h"
#include "policy/filter_judge.h"
#include "policy/merge.h"
#include "jobs/options.h"
#include "profile/atomic_file.h"
#include "profile/profile.h"
#include "profile/profile_diff.h"
#include "report/results.h"
#include "policy/profile_judge.h"
#include "policy/profile_set.h"
#include "scan/scan.h"
#include "syscalls/syscall_set.h"
#include "syscalls/translate.h"

#include <cJSON.h>
#include <stdbool.h>

struct report;

enum run_status {
	RUN_OK,          /* done */
	RUN_NOT_ALLOWED, /* --check: the log shows syscalls the profile does not allow; --diff: they differ */
	RUN_USAGE,       /* the command line, or what it names, is wrong */
	RUN_INPUT,       /* an input cannot be read or is malformed; --strict found a problem */
	RUN_NO_EVENTS,   /* no syscall events of the named containers: nothing written */
	RUN_OUTPUT,      /* a profile could not be written */
	RUN_RESOURCES    /* out of memory, or more containers than can be tracked */
};

/* The most processes named from the audit log. */
#define RUN_AUDIT_PROCESSES_MAX 16

/* What --audit-log gave. */
struct audit_findings {
	struct syscall_set syscalls;  /* of LOG records */
	size_t records;               /* LOG records taken */
	size_t denials;               /* records of other actions, not taken */
	size_t others;                /* records of processes --audit-exe and --audit-comm leave out */
	size_t unknown;               /* records whose syscall could not be named */
	size_t lost;                  /* lines that say records were lost */
	uint64_t lost_line;           /* the first of them */
	char processes[RUN_AUDIT_PROCESSES_MAX][256]; /* exe (or comm) of the LOG records */
	size_t process_count;
};

/* State shared by the jobs. */
struct run {
	struct options options;            /* the command line */
	struct report *report;             /* where findings and problems go; set by main */
	struct profile_input *merged;      /* --merge profiles, options.merge.count of them */
	struct arch_list arches;           /* the target architectures */
	const struct arch_map *arch_map;   /* the archMap to write, or NULL */
	struct merge_header header;        /* what --merge and the command line settled */
	const char *default_action;        /* for the profile written */
	bool has_errno_ret;                /* defaultErrnoRet to write */
	long errno_ret;                    /* its value */
	struct syscall_catalog catalog;    /* every kernel name in play */
	struct translator translator;      /* Falco names to kernel ids */
	struct scan scan;                  /* the pass over the logs */
	cJSON *kept_rules;                 /* merged rules written as they are */
	struct arg_facts merged_facts;     /* what the merged profiles' argument rules allow */
	char profile_name[254];            /* metadata.name of the spo format */
	const char *label_keys[SCAN_LABEL_KEYS_MAX]; /* the pod label keys looked at */
	size_t label_key_count;            /* entries in label_keys */
	char selection[512];               /* the workload selection, as the user gave it, for messages */
	size_t workload_containers;        /* containers of the selected workload */
	uint64_t workload_late_events;     /* their events logged before their workload fields */
	size_t workload_infrastructure;    /* pause containers left out */
	struct workload_profile *groups;   /* owned: the workloads of --group-by */
	size_t group_count;                /* entries in groups */
	size_t ungrouped;                  /* containers without the field grouped by */
	struct container_life life;        /* the selected containers' runtime setup, left out, united */
	const char *runtime_given;         /* --runtime as given, or NULL; options.runtime is the one used */
	bool runtime_from_log;             /* options.runtime was taken from the runtime processes in the log */
	struct atomic_batch *batch;        /* profiles finished but not yet in place (--all-containers), or NULL */
	struct run_results results;        /* what the report is handed, filled by the jobs */
	struct audit_findings audit;       /* --audit-log */
	struct filter_verdict verdict;     /* the last profile written, judged on its built filters */
	struct judged *judged;             /* owned: the rule sets judged and kept, by their text */
	size_t judged_count;               /* entries in judged */
};

/* A profile's rules judged whole (every promise held), kept so that the same rules are judged once. */
struct judged {
	uint32_t hash;                     /* FNV-1a of text */
	char *text;                        /* owned: the document, unformatted */
	struct filter_verdict verdict;     /* what judging it found */
};

/* The most rule sets kept judged in one run. */
#define RUN_JUDGED_MAX 256

/* Frees what run owns. */
void run_free(struct run *run);

#endif
