/*
 * run_results: the results a report is handed (report/results.h), taken from the run as it stands.
 */
#ifndef F2S_RUN_RESULTS_H
#define F2S_RUN_RESULTS_H

struct run;
struct run_results;

/* The results the report renders, brought up to date with run. */
const struct run_results *results_of(struct run *run);

#endif
