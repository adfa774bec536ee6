/*
 * run_results: the report's view of a job (report/results.h), pointed at
 * the job's parts (run_results.c).
 */
#ifndef F2S_RUN_RESULTS_H
#define F2S_RUN_RESULTS_H

struct options;
struct run_results;

/*
 * Points every part of results at an empty one, and takes what the
 * options say (the argument rules lifted, --base-profile); each job then
 * points results at the parts it has.
 */
void results_init(struct run_results *results, const struct options *opts);

#endif
