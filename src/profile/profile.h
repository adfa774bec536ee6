/*
 * profile: seccomp profiles in Docker's JSON format, written and read.
 */
#ifndef F2S_PROFILE_H
#define F2S_PROFILE_H

#include "syscalls/syscall_names.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The largest profile read by --merge or --check: 16 MiB. */
#define PROFILE_MAX_BYTES ((size_t)16 << 20)

enum profile_format {
	PROFILE_FORMAT_DOCKER, /* one rule with every allowed name */
	PROFILE_FORMAT_LEGACY, /* one {"name","action","args"} rule per name */
	PROFILE_FORMAT_OCI,    /* the linux.seccomp object of an OCI config */
	PROFILE_FORMAT_SPO,    /* a SeccompProfile object of the Security Profiles Operator, in YAML */
	PROFILE_FORMAT_COUNT   /* how many there are */
};

/*
 * What a format can express: one row per format (profile.c), read by the
 * writer, the options and the jobs instead of comparing format names.
 */
struct profile_format_row {
	const char *name;       /* as --format takes it ("oci") */
	const char *extension;  /* of a file --output-dir writes ("json") */
	bool yaml;              /* written as YAML, not JSON */
	bool arch_map;          /* can group architectures (archMap) with includes per rule */
	bool moby_selection;    /* rules keep includes/excludes, weighed by the runtime's moby */
	bool rule_per_name;     /* one rule per syscall name ("name" instead of "names") */
	bool wrapped;           /* the profile is the spec of an object that names it (--profile-name) */
};

/* The row of format. */
const struct profile_format_row *profile_format_row(enum profile_format format);

/* A format's name as --format takes it ("oci"), in the order of enum profile_format. */
const char *profile_format_name(enum profile_format format);

/* The format named name, or -1. */
int profile_format_from_name(const char *name);

/* The format names, as "docker, legacy, oci or spo", for messages. */
const char *profile_format_list(void);

/* The container a rule's includes and excludes are weighed for, as moby does. */
struct rule_context {
	const char *arch;           /* moby's name of the architecture ("amd64") */
	const char *const *caps;    /* the container's capabilities, borrowed */
	size_t cap_count;           /* entries in caps */
	unsigned kernel_major;      /* the kernel, for minKernel */
	unsigned kernel_minor;
};

/*
 * What is wrong with a rule's includes or excludes as moby's types.Filter
 * reads it (an object, or null, whose caps and arches are lists of strings
 * and whose minKernel is a string), or NULL when nothing is.
 */
const char *profile_filter_problem(const cJSON *filter);

/*
 * Tells whether moby keeps rule for the container ctx describes. When a
 * capability that includes.caps asks for is missing, *missing names it.
 */
bool profile_rule_applies(const cJSON *rule, const struct rule_context *ctx, const char **missing);

/*
 * The largest errno a rule or the default action may return: the kernel's
 * MAX_ERRNO (include/linux/err.h); libseccomp and runc refuse more.
 */
#define PROFILE_ERRNO_MAX 4095

/*
 * Tells whether value lies in a condition's range, 0 to 2^64 - 1 (runc's
 * and libseccomp's scmp_datum_t), so that converting it is defined.
 */
static inline bool profile_datum_fits(double value)
{
	return value >= 0 && value < 18446744073709551616.0;
}

/* What a profile to write holds. Nothing in it is owned. */
/* An annotation: a key (reverse-DNS) and its value, of an artifact's manifest or a report's document. */
struct profile_annotation {
	const char *key;
	const char *value;
};

struct profile {
	const char *default_action;  /* an SCMP_ACT_* name */
	bool has_errno_ret;          /* write defaultErrnoRet */
	long errno_ret;              /* its value */
	const struct arch_list *arches; /* the architectures */
	const struct arch_map *arch_map; /* written instead of architectures (docker format), or NULL */
	const char *const *names;    /* syscalls to allow without conditions, sorted */
	size_t name_count;           /* entries in names */
	const cJSON *arg_rules;      /* array of rules with arguments (Docker's format), or NULL */
	const cJSON *kept_rules;     /* array of rules to write as they are, or NULL */
	const struct rule_context *oci; /* the container the OCI and SPO formats resolve includes and excludes for */
	const char *spo_name;        /* metadata.name of the SPO format (DNS-1123) */
	const char *base_profile;    /* spec.baseProfileName of the SPO format, or NULL */
	const struct profile_annotation *annotations; /* metadata.annotations of the SPO format, or NULL */
	size_t annotation_count;     /* entries in annotations */
};

/* A profile read for --merge or --check. */
struct profile_input {
	char *path;                /* owned copy of the path it was read from */
	char *default_action;      /* owned */
	bool has_errno_ret;        /* defaultErrnoRet was given */
	long errno_ret;            /* its value */
	struct arch_list arches;   /* from architectures and archMap, every one */
	bool has_arch_map;         /* the profile has archMap */
	struct arch_map arch_map;  /* its entries */
	cJSON *allow_names;        /* owned array of the names of plain allow rules */
	cJSON *other_rules;        /* owned array of every other rule, as written */
	cJSON *arg_names;          /* owned array of the names of rules merge_absorb_arg_rules took */
	size_t dead_names;         /* names taken out of rules because an earlier rule decides them (rule_order.h) */
	char dead_example[160];    /* the first of them, as "syscalls[3] names read after syscalls[0] decided it" */
	char unknown_arches[160];  /* architectures of libseccomp's form this libseccomp lacks, left out: "SCMP_ARCH_X, ..." */
	cJSON *document;           /* owned: the profile as written (an SPO's spec), whose filter seccomp_filter builds */
	cJSON *annotations;        /* owned: an SPO's metadata.annotations (where it came from), or NULL */
};

/* Tells whether item is absent, null, or an empty array or object: as good as not written. */
bool profile_empty_or_absent(const cJSON *item);

/* Tells whether op is one of the SCMP_CMP_* comparisons an argument condition may use. */
bool profile_comparison_valid(const char *op);

/* Tells whether action is one of the SCMP_ACT_* names a profile may use. */
bool profile_action_valid(const char *action);

/* The valid actions, comma-separated, for messages. */
const char *profile_action_list(void);

/* Tells whether action takes an errno (SCMP_ACT_ERRNO, SCMP_ACT_TRACE). */
bool profile_action_takes_errno(const char *action);

/* Tells whether action lets the syscall run (SCMP_ACT_ALLOW, SCMP_ACT_LOG). */
bool profile_action_allows(const char *action);

/* Tells whether list (a JSON array of strings, or NULL) holds word. */
bool profile_list_has(const cJSON *list, const char *word);

/* Tells whether action may be a profile's defaultAction (SCMP_ACT_NOTIFY may not). */
bool profile_default_action_valid(const char *action);

/* The actions that may be defaultAction, comma-separated, for messages. */
const char *profile_default_action_list(void);

/*
 * Writes p to out in format; returns 0, or -1 when out failed or memory ran
 * out (errno set). The legacy
 * format writes one rule per name; the OCI format has no includes or
 * excludes, so it writes the rules that apply to the container p->oci
 * describes (its architecture, capabilities and kernel), as moby does.
 */
int profile_write(FILE *out, const struct profile *p, enum profile_format format);

/*
 * Reads and checks the profile at path. Returns 0, or -1 with a message
 * naming the file and, where it can, the line and the rule.
 */
int profile_read(const char *path, struct profile_input *input, char *message, size_t size);

/* Parses profile text already in memory; for profile_read and the fuzzer. */
int profile_parse(const char *path, const char *text, size_t length, struct profile_input *input,
                  char *message, size_t size);

/*
 * Takes the count names in names out of rule's "names" (or "name");
 * returns true when the rule names nothing left, and so does nothing.
 */
bool profile_rule_drop_names(cJSON *rule, const char *const *names, size_t count);

/* Tells whether a rule names the syscall name, in "names" or "name". */
bool profile_rule_names(const cJSON *rule, const char *name);

/* Frees what input owns. Accepts NULL. */
void profile_input_free(struct profile_input *input);

#endif
