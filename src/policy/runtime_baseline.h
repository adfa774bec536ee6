/*
 * runtime_baseline: syscalls a container runtime makes after it has loaded
 * the seccomp filter, which no log of the container shows.
 */
#ifndef F2S_RUNTIME_BASELINE_H
#define F2S_RUNTIME_BASELINE_H

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
