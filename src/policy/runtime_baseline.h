/*
 * runtime_baseline: the container runtimes, one row each: the process
 * names Falco shows for them (scan/container_life.c tells their setup from
 * the workload by them), and the syscalls each makes after it has loaded
 * the seccomp filter, which no log of the container shows.
 */
#ifndef F2S_RUNTIME_BASELINE_H
#define F2S_RUNTIME_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The runtimes whose processes are told apart; a row of the table, and a bit in container_life's masks. */
enum container_runtime {
	RUNTIME_RUNC,
	RUNTIME_CRUN,
	RUNTIME_YOUKI,
	RUNTIME_RUNSC,
	RUNTIME_COUNT
};

/* One runtime. */
struct runtime_row {
	const char *name;     /* the proc.name it starts as, and how messages name it */
	const char *stages;   /* the other proc.name values only it sets, space-separated */
	const char *baseline; /* the baseline a container it made gets: its own, or one that holds what it makes */
};

/* The row of runtime, which is below RUNTIME_COUNT. */
const struct runtime_row *runtime_row(enum container_runtime runtime);

/*
 * The runtime a proc.name of length bytes belongs to, or RUNTIME_COUNT;
 * *stage tells whether it is a stage name (one only the runtime sets).
 */
enum container_runtime runtime_of_process(const char *process, size_t length, bool *stage);

/*
 * The baseline for containers whose runtimes' bits are seen: the one
 * that holds the baselines of all of them; with none seen, the one that
 * holds every baseline, so that the profile starts under any runtime.
 */
const char *runtime_baseline_settle(uint32_t seen);

/* Tells whether the baseline called name holds (is or extends) the one called other. */
bool runtime_baseline_holds(const char *name, const char *other);

struct runtime_baseline {
	const char *name;     /* as given to --runtime */
	const char *source;   /* the runtime version the list was taken from */
	const char *syscalls; /* space-separated kernel names */
	const char *extends;  /* the baseline whose names this one adds to, or NULL */
};

/* The baseline for --runtime NAME, or NULL when unknown ("none" included). */
const struct runtime_baseline *runtime_baseline_find(const char *name);

/* The runtimes with a baseline, as "runc, crun", for messages. */
const char *runtime_baseline_list(void);

/* Syscalls every process needs that a log cannot show (space-separated). */
extern const char runtime_always_needed[];

#endif
