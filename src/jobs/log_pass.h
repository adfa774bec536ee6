/*
 * log_pass: the pass over the logs every job that reads them makes, and
 * what it checks (log_pass.c): the names in play, Falco's names
 * translated, the scan, the pod label keys looked at.
 */
#ifndef F2S_LOG_PASS_H
#define F2S_LOG_PASS_H

#include "jobs/run_status.h"
#include "scan/scan.h"
#include "syscalls/syscall_set.h"
#include "syscalls/translate.h"

#include <stdbool.h>
#include <stddef.h>

struct options;
struct report;
struct run_results;
struct runtime_choice;

struct log_pass {
	struct syscall_catalog catalog;               /* every kernel name in play */
	struct translator translator;                 /* Falco names to kernel ids */
	struct scan scan;                             /* the pass over the logs */
	const char *label_keys[SCAN_LABEL_KEYS_MAX];  /* the pod label keys looked at */
	size_t label_key_count;                       /* entries in label_keys */
};

/*
 * Sets pass up to read the logs opts names, for the containers of filter
 * (NULL: every one) and the target arches, with 32-bit x86's names too
 * when with_ia32, as log_pass_run does before it reads; a status.
 */
enum run_status log_pass_begin(struct log_pass *pass, const struct options *opts, const struct arch_list *arches,
                               const struct container_filter *filter, bool with_ia32, struct report *report);

/*
 * Reads the logs opts names into pass, for the containers of filter (NULL:
 * every one) and the target arches, with 32-bit x86's names too when
 * with_ia32; says what it could not name, and Falco's drop alerts, with
 * results (which point at pass). Returns a status.
 */
enum run_status log_pass_run(struct log_pass *pass, const struct options *opts, const struct arch_list *arches,
                             const struct container_filter *filter, bool with_ia32, struct report *report,
                             const struct run_results *results);

/*
 * Says which containers opts names by id the log never mentions, and
 * settles runtime from their lives; returns a status.
 */
enum run_status log_pass_check_matches(const struct log_pass *pass, const struct options *opts,
                                       struct runtime_choice *runtime, struct report *report);

/*
 * Tells whether the recording looks incomplete in the way Falco's default
 * makes it (many events, none of the I/O syscalls); says so when it does.
 */
bool log_pass_capture_gap(const struct log_pass *pass, struct report *report);

/* Points results at pass: its scan, translator and catalog. */
void log_pass_view(const struct log_pass *pass, struct run_results *results);

/* Frees what pass owns. */
void log_pass_free(struct log_pass *pass);

#endif
