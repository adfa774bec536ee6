/*
 * container_life: where an event stands in its container's life. A
 * container runtime (runc, crun, youki, ...) joins the container's cgroup
 * before it builds the container, so Falco logs its setup (unshare, mount,
 * pivot_root, sethostname, keyctl, loading the filter...) under the
 * container's id. None of it is the workload's: what the runtime does
 * after it loads the filter is its baseline (runtime_baseline).
 */
#ifndef F2S_CONTAINER_LIFE_H
#define F2S_CONTAINER_LIFE_H

#include "input/location.h"
#include "policy/runtime_baseline.h"
#include "syscalls/syscall_set.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What one container's events said of its life so far. */
struct container_life {
	bool started;              /* an event of the workload was seen: its execve's exit carries its proc.name */
	uint32_t executed;         /* bit r: after the start, the workload executed a program called like runtime r */
	uint64_t runtime_events;   /* events of the runtime's setup, left out */
	struct location first_runtime; /* where the first of them is; line 0 when none */
	uint32_t runtimes;         /* bit r: runtime r's processes were seen in the container */
	uint32_t creators;         /* bit r: and before the workload's start: the runtime that made it */
	uint32_t maybe_creators;   /* guessing, bit r: seen before the part's first workload event, which makes
	                              r a creator only if the workload had not started before the part */
	bool guessing;             /* a worker's part: what came before it is not known */
	uint32_t assumed;          /* guessing, bit r: it left out runtime r's events that a program of the
	                              workload called so would have made, had one been executed before */
	bool assumed_start;        /* guessing, it saw such a program executed before the workload's first event
	                              in its part, and did not count it, as it would not before the start */
	uint32_t window;           /* bit r: after the start, a process called like runtime r executed itself: the
	                              runtime's second start (a restart) or a program of the workload called so,
	                              told by the next event of another process */
	struct syscall_set pending; /* the syscalls of the window's events, the workload's if it was a program */
	uint64_t pending_events;   /* the window's events */
	struct location first_pending; /* the first of them */
	uint64_t restarts;         /* windows that were the runtime's second start */
	bool reexec_seen;          /* a runtime's process executed itself where a part of a parallel pass cannot
	                              tell a restart: the file is read again on one thread */
};

/* What an event is in its container's life. */
enum life_verdict {
	LIFE_WORKLOAD, /* the workload's */
	LIFE_RUNTIME,  /* the runtime's setup: left out */
	LIFE_PENDING   /* in a window: its syscalls go into life->pending until the window is told */
};

/*
 * Tells whether an event of process (length bytes, NULL when the log has
 * no proc.name) is the runtime's setup, and notes what it says in life;
 * executes tells that the event is the exit of an execve (or execveat),
 * which carries the name of the program executed. An event is the
 * runtime's when its proc.name is a stage name that only the runtime
 * gives (runc:[1:CHILD], ...), or a runtime's own name (runc, crun) unless
 * the workload, after its start, executed a program of that name: runc
 * exec and crun exec enter a running container without an execve in it,
 * a program called runc that the workload starts comes in by one.
 */
bool container_life_is_runtime(struct container_life *life, const char *process, size_t length, bool executes);

/*
 * The same, telling restarts: after the workload's start, an execve by a
 * process called like the runtime opens a window, whose events are
 * pending. The next event of another process tells it: an execve is the
 * workload starting again, so the window was the runtime's second start
 * (podman restart, docker restart: runc init runs again under the same id)
 * and its events are the runtime's; anything else means a program of the
 * workload was called so, and its events are the workload's (put into set).
 * A name never hides a workload program's events: a window still open at
 * the end is the workload's (container_life_finish).
 */
enum life_verdict container_life_judge(struct container_life *life, const char *process, size_t length, bool executes,
                                       struct syscall_set *set);

/* Ends the log for life: a window still open is the workload's, its syscalls put into set. */
void container_life_finish(struct container_life *life, struct syscall_set *set);


/*
 * Adds from's counts and runtimes to into's, from coming after into (a
 * worker's part after what came before it, or another container); the
 * earlier first line is kept when into has none.
 */
void container_life_unite(struct container_life *into, const struct container_life *from);

/* The runtimes named in runtimes (a bit mask), comma-separated, into out. */
void container_life_describe(uint32_t runtimes, char *out, size_t size);

#endif
