/*
 * judge_written: a profile judged as written, before any file is touched
 * (judge_written.c), and the memo that judges the same rules once a run.
 */
#ifndef F2S_JUDGE_WRITTEN_H
#define F2S_JUDGE_WRITTEN_H

#include "jobs/run_status.h"
#include "policy/filter_judge.h"

#include <stddef.h>
#include <stdint.h>

struct options;
struct report;
struct run_results;

/* A profile's rules judged whole (every promise held), kept so that the same rules are judged once. */
struct judged {
	uint32_t hash;                     /* FNV-1a of text */
	char *text;                        /* owned: the document, unformatted */
	struct filter_verdict verdict;     /* what judging it found */
};

/* The most rule sets kept judged in one run. */
#define JUDGE_MEMO_MAX 256

/* What judging found this run: the last verdict, and the rule sets judged whole. */
struct judge_memo {
	struct filter_verdict verdict;     /* the last profile written, judged on its built filters */
	struct judged *judged;             /* owned: the rule sets judged and kept, by their text */
	size_t count;                      /* entries in judged */
};

/* A profile as written, and what it was made from. */
struct written_profile {
	const struct syscall_set *set;     /* the syscalls it allows */
	const struct arg_facts *facts;     /* the arguments the log showed */
	const struct arg_rule_plan *plan;  /* the argument rules written */
	const char *text;                  /* the document */
	size_t length;                     /* its bytes */
};

/*
 * Judges written as a runtime will load it: read back, its filter built
 * by libseccomp for each host of arches, every standing query asked
 * (policy/filter_judge.h), the verdict into memo->verdict. A profile that
 * breaks a promise, or that libseccomp refuses, is not to be written:
 * RUN_INPUT, each broken promise told to report with results (whose
 * verdict is memo's).
 */
enum run_status judge_written(struct judge_memo *memo, const struct options *opts, const struct arch_list *arches,
                              const struct syscall_catalog *catalog, struct report *report,
                              const struct run_results *results, const struct written_profile *written);

/* Frees what memo owns. */
void judge_memo_free(struct judge_memo *memo);

#endif
