/*
 * report: everything falco2seccomp tells its user, in one place: the
 * summary of a profile, warnings and problems with their file and line,
 * progress, --check's findings and the container table. It writes to the
 * streams main gives it.
 */
#ifndef F2S_REPORT_H
#define F2S_REPORT_H

#include "policy/companions.h"
#include "syscalls/equivalents.h"
#include "policy/profile_judge.h"
#include "policy/profile_set.h"
#include "profile/profile_diff.h"
#include "report/results.h"
#include "policy/filter_diff.h"
#include "report/report_format.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

struct audit_process;
struct scan_container;
struct workload_profile;

/* The program's name, as every message begins. */
#define F2S_PROGRAM "falco2seccomp"

/* A warning or problem kept for a document (--report json, markdown, github). */
struct report_note {
	char *file;    /* owned; NULL when the note has no place */
	uint64_t line; /* with file */
	char *message; /* owned */
};

/* The most notes a document keeps; the rest are counted. */
#define REPORT_NOTES_MAX 200

struct report {
	FILE *messages;               /* summary, warnings, problems (standard error) */
	FILE *out;                    /* tables (standard output) */
	const char *const *files;     /* the inputs, for their names (borrowed) */
	size_t file_count;            /* entries in files */
	bool quiet;                   /* -q: no summary */
	bool strict;                  /* --strict: problems are errors */
	bool progress_shown;          /* a progress line is on the terminal */
	struct timespec started;      /* when reading started, for the rate */
	enum report_format format;    /* --report */
	struct report_note *notes;    /* owned: what was warned, for the document */
	size_t note_count;            /* entries in notes */
	size_t notes_left_out;        /* warnings beyond REPORT_NOTES_MAX */
};

/* Prepares report for the options; messages and out are borrowed. */
void report_init(struct report *report, FILE *messages, FILE *out, const char *const *files, size_t file_count,
                 bool quiet, bool strict, enum report_format format);

/* Frees the notes. */
void report_free(struct report *report);

/*
 * The messages of a run, each on a line of its own after "falco2seccomp: ",
 * kept for the documents. The severity is the call's, never the text's; the
 * set is closed:
 *   report_error    "error: ": what was asked cannot be done; the run fails
 *                   (the caller returns the status main maps to an exit code);
 *   report_warning  "warning: ": done, but the profile or the log may not be
 *                   what the user thinks;
 *   report_strictly report_error with --strict, else report_warning: what
 *                   --strict makes fail;
 *   report_note     "note: ": a limit of what was proven or read;
 *   report_say      no prefix: the summary's sentences, and problems whose
 *                   sentence names its file and what to do.
 */
__attribute__((format(printf, 2, 3)))
void report_error(struct report *report, const char *format, ...);
__attribute__((format(printf, 2, 3)))
void report_warning(struct report *report, const char *format, ...);
__attribute__((format(printf, 2, 3)))
void report_strictly(struct report *report, const char *format, ...);
__attribute__((format(printf, 2, 3)))
void report_note(struct report *report, const char *format, ...);
__attribute__((format(printf, 2, 3)))
void report_say(struct report *report, const char *format, ...);

/* A problem met while reading (scan_report_fn; context is the report). */
void report_problem(void *context, const char *file, uint64_t line, const char *message);

/* Progress while reading (scan_progress_fn; context is the report). */
void report_progress(void *context, uint64_t bytes);

/* Marks the start of reading, for the rate of report_progress. */
void report_progress_start(struct report *report);

/* Clears a progress line left on the terminal. */
void report_progress_end(struct report *report);

/* The name of input index ("<stdin>" for "-"). */
const char *report_file_name(const struct report *report, uint32_t index);

/* Warns about event names that are no syscall; returns how many there were. */
size_t report_unknown_names(struct report *report, const struct run_results *res);

/* Warns about Falco's drop alerts; returns true when there were any. */
bool report_drops(struct report *report, const struct run_results *res);

/* The summary of the profile of set, and what was added to it. */
/* Says what was left out as the container runtime's setup, and the events not yet in a container. */
void report_life(struct report *report, const struct run_results *res);

void report_summary(struct report *report, const struct run_results *res, const struct syscall_set *set, const struct additions *added);

/* The argument rules written, and what opened them, with facts from the log. */
/* Notes that no container of the log has a name or image (the container plugin missing), where it would matter. */
void report_fields_missing(struct report *report, const struct run_results *res);

/* Tells which verdicts differ between two profiles' built filters, widening ones first. */
void report_verdict_diff(struct report *report, const struct filter_diff *verdicts, const char *old, const char *new);

/* Tells each promise the written profile's filter breaks, or why libseccomp cannot build it; nothing was written. */
void report_promise_breaks(struct report *report, const struct run_results *res);

/* Says on which architectures the profile's promises were proven on its built filters, and what cannot hold. */
void report_verdict(struct report *report, const struct run_results *res);

void report_arg_rules(struct report *report, const struct run_results *res, const struct syscall_set *set, const struct syscall_set *observed,
                      const struct arg_facts *facts, const struct arg_rule_plan *plan);

/*
 * Warns about each of the count risky syscalls (profile_set_risky).
 * observed holds the syscalls seen in the log, whose first line and
 * process are told; container says who made them ("container ID", "a
 * container of --image nginx") where the first line is not known, else
 * NULL.
 */
void report_risky(struct report *report, const struct run_results *res, const struct risky_syscall *risky,
                  size_t count, const struct syscall_set *observed, const char *container);

/*
 * Names the companions the log calls for and the profile lacks, with the
 * event that calls for each; added: --companions added them.
 */
void report_companions(struct report *report, const struct run_results *res, const struct companion_need *needs,
                       size_t count, bool added);

/* Says which generic calls stand, on which architectures, for legacy calls they lack. */
void report_equivalents(struct report *report, const struct run_results *res, const struct equivalent_need *needs,
                        size_t count);

/* Says what the audit log added: added new syscalls from records LOG records, of processes. */
void report_audit(struct report *report, size_t added, size_t records, size_t denials,
                  struct audit_process *processes, size_t process_count);

/*
 * Names every process the audit log's records in scope came from, with its
 * records and how many were taken (count of them, sorted in place; untold
 * records of processes past the list), when --audit-exe and --audit-comm
 * left out left_out of them; an error with --strict when taken is 0.
 */
void report_audit_processes(struct report *report, struct audit_process *processes, size_t count, size_t untold,
                            size_t left_out, size_t taken);

/* One finding of --check, with the profile at path. */
void report_check_finding(struct report *report, const struct run_results *res, const char *path, const struct check_finding *finding);

/* The last line of --check. */
void report_check_total(struct report *report, const char *path, size_t denied, size_t observed);

/* The table of --list-containers, containers sorted already. */
void report_container_table(struct report *report, const struct run_results *res);

/*
 * The document of the profile job (--report json, markdown or github) for
 * the profile of set written to path; nothing for text.
 */
void report_profile_document(struct report *report, const struct run_results *res, const char *path, const struct syscall_set *set,
                             const struct arg_rule_plan *plan);

/* The document of --check: findings for count observed syscalls, and the allowed ones never used. */
void report_check_document(struct report *report, const struct run_results *res, const char *path, const struct check_finding *findings,
                           size_t count, const char *const *unused, size_t unused_count);

/* What --diff found, in the report's format. */
void report_diff(struct report *report, const struct profile_diff *diff);

/*
 * Says what one writing of the reducer (--flush-every) did: profiles
 * written to dir, events and broken lines so far, containers forgotten and
 * kept.
 */
void report_flush(struct report *report, const char *dir, size_t written, uint64_t events, uint64_t broken,
                  size_t forgotten, size_t kept);

/* Says where the profile went as an OCI artifact: the layout, its reference, the manifest's digest. */
void report_artifact_written(struct report *report, const char *dir, const char *ref, const char *digest,
                             size_t profile_bytes);

/* Says that no container matches the workload selection, what follows (outcome), and which workloads the log has. */
void report_no_workload(struct report *report, const struct run_results *res, const char *outcome);

/* The summary's line on the workload's containers. */
void report_workload(struct report *report, const struct run_results *res);

/* The table of --list-containers --group-by. */
void report_workload_table(struct report *report, const struct run_results *res);

/* The line --all-containers --group-by gives each profile it wrote. */
void report_workload_written(struct report *report, const char *path, const struct workload_profile *workload,
                             size_t allowed);

/* The line --all-containers gives each profile it wrote. */
void report_profile_written(struct report *report, const char *path, const struct scan_container *container,
                            size_t allowed);

/* --list-containers as a document (--report json, markdown, github); report_container_table calls it. */
void report_container_document(struct report *report, const struct run_results *res);

/* --help's text (report/help.c). */
void report_help(FILE *out);

/* --version's line, with the versions of cJSON and libseccomp. */
void report_version(FILE *out);

/* The line after a usage error that points to --help. */
void report_usage_hint(FILE *out);

#endif
