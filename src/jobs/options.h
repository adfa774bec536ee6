/*
 * options: the command line, parsed into a struct without printing or
 * exiting, so that main decides what to say and tests can call it.
 */
#ifndef F2S_OPTIONS_H
#define F2S_OPTIONS_H

#include "policy/arg_rules.h"
#include "scan/container_filter.h"
#include "profile/profile.h"
#include "syscalls/syscall_names.h"
#include "jobs/workload_selection.h"
#include "report/report_format.h"

#include <stdbool.h>
#include <stddef.h>

/* The most capabilities --cap-add may name, and their longest spelling. */
#define OPTIONS_CAPS_MAX 64
#define OPTIONS_CAP_NAME_MAX 40

/* The most files one option may name (--log, --merge, --add, --remove). */
#define OPTIONS_LIST_MAX 256

/* --jobs: the most threads one may ask for, and the most the default (one per online CPU) takes. */
#define JOBS_MAX 256
#define JOBS_DEFAULT_MAX 64

/* --flush-every: the longest interval, a day. */
#define FLUSH_EVERY_MAX 86400

enum options_status {
	OPTIONS_OK,      /* run the job */
	OPTIONS_HELP,    /* print the help and exit 0 */
	OPTIONS_VERSION, /* print the version and exit 0 */
	OPTIONS_USAGE    /* message says what is wrong */
};



enum options_job {
	JOB_PROFILE,         /* write one profile for the named containers */
	JOB_CHECK,           /* --check PROFILE */
	JOB_LIST_CONTAINERS, /* --list-containers */
	JOB_ALL_CONTAINERS,  /* --all-containers --output-dir DIR */
	JOB_DIFF             /* --diff OLD NEW */
};

struct name_list {
	const char *items[OPTIONS_LIST_MAX]; /* borrowed from argv */
	size_t count;                        /* items in use */
};

struct options {
	enum options_job job;            /* what to do */
	unsigned jobs_given;             /* bit per job flag given (1 << JOB_CHECK, ...) */
	struct name_list logs;           /* input files; "-" is stdin */
	struct container_filter containers; /* --container-id */
	const char *default_action;      /* --default-action, NULL when not given */
	bool has_errno_ret;              /* --errno-ret given */
	long errno_ret;                  /* its value */
	bool has_arches;                 /* --arch given */
	bool all_arches;                 /* --arch all-supported: Docker's archMap, every main architecture */
	struct arch_list arches;         /* --arch, or the default */
	enum profile_format format;      /* --format */
	const char *runtime;             /* --runtime: runc, crun or none; NULL: the one the log shows */
	bool exact;                      /* --exact */
	struct name_list add;            /* --add */
	struct name_list remove;         /* --remove */
	struct name_list merge;          /* --merge */
	struct name_list audit_logs;     /* --audit-log: the kernel's seccomp records */
	struct name_list audit_exes;     /* --audit-exe: only records of these executables */
	struct name_list audit_comms;    /* --audit-comm: only records of these process names */
	const char *audit_since;         /* --audit-since: @SECONDS, or a marker line's text; NULL: every record */
	uint64_t audit_since_ms;         /* @SECONDS in milliseconds; 0 for a marker */
	bool merge_only;                 /* --merge without a log or a selection: the merged profiles' union */
	bool audit_only;                 /* --check with --audit-log, without a log or a selection: the records alone */
	struct arg_rule_choice arg_rules; /* --allow-namespaces, --no-arg-rule */
	bool deny_risky;                 /* --deny-risky */
	bool no_enosys;                  /* --no-enosys: newer syscalls get the default action, not ENOSYS */
	bool companions;                 /* --companions: add what the log's calls need off its path */
	bool audit;                      /* --audit: SCMP_ACT_LOG default, what Docker refuses refused explicitly */
	unsigned jobs;                   /* --jobs; 0: as many as there are online CPUs */
	char cap_add[OPTIONS_CAPS_MAX][OPTIONS_CAP_NAME_MAX]; /* --cap-add, as CAP_NAME */
	size_t cap_add_count;            /* entries in cap_add */
	const char *check;               /* --check PROFILE */
	const char *diff_old;            /* --diff OLD */
	const char *diff_new;            /* and its NEW, the one operand */
	enum report_format report;       /* --report */
	const char *profile_name;        /* --profile-name, for the spo format */
	struct workload_selection workload; /* --image, --name, --k8s, --label */
	enum workload_group group_by;    /* --group-by */
	const char *group_label;         /* its KEY, for label:KEY */
	const char *base_profile;        /* --base-profile: spec.baseProfileName, and no runtime baseline */
	const char *output;              /* -o, NULL for stdout */
	const char *output_dir;          /* --output-dir */
	const char *oci_layout;          /* --oci-layout: the profile as an OCI artifact in this image layout */
	unsigned flush_every;            /* --flush-every: seconds between the reducer's writes; 0: read to the end */
	struct name_list oci_annotations; /* --oci-annotation KEY=VALUE: more annotations of its manifest */
	bool format_given;               /* --format was given */
	bool strict;                     /* --strict */
	bool allow_empty;                /* --allow-empty */
	bool quiet;                      /* -q */
	bool full_parse;                 /* --full-parse: decode every line */
	bool progress;                   /* --progress / --no-progress; set by main otherwise */
	bool progress_set;               /* one of them was given */
};

/*
 * Parses argv into opts. Returns a status; for OPTIONS_USAGE, message says
 * what is wrong. Never prints and never exits.
 */
enum options_status options_parse(int argc, char **argv, struct options *opts, char *message, size_t size);

#endif
