/*
 * judge_written: a profile judged on the filters libseccomp builds from it, before it is written.
 */
#ifndef F2S_JUDGE_WRITTEN_H
#define F2S_JUDGE_WRITTEN_H

#include "jobs/run.h"

/*
 * Judges the profile text (length bytes) as a runtime will load it: read
 * back, its filter built by libseccomp for each host of the target
 * architectures, every standing query asked (policy/filter_judge.h), the
 * verdict into run->verdict. A profile that breaks a promise, or that
 * libseccomp refuses, is not to be written: RUN_INPUT, each broken
 * promise told.
 */
enum run_status judge_written(struct run *run, const struct syscall_set *set, const struct arg_facts *facts,
                              const struct arg_rule_plan *plan, const char *text, size_t length);

#endif
