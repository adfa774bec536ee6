/*
 * container_life: the container runtimes' process names, and the rule that
 * tells their setup from the workload.
 */
#include "scan/container_life.h"

#include <stdio.h>
#include <string.h>

/*
 * The proc.name Falco shows for each runtime's processes. A stage name is
 * one the runtime sets itself with prctl(PR_SET_NAME); libsinsp does not
 * follow such renames, so a stage's Go code keeps the name of the stage it
 * was forked from (runc's init shows as runc:[1:CHILD]). Sources:
 * - runc 1.1.5, libcontainer/nsenter/nsexec.c (prctl names of its three
 *   stages), https://github.com/opencontainers/runc/blob/v1.1.5/libcontainer/nsenter/nsexec.c,
 *   and the recordings by Falco 0.40.0 of runc 1.1.5 under podman 4.3.1
 *   (tests/data/real-falco/falco-0.40.0-nginx.jsonl.gz: runc, runc:[0:PARENT],
 *   runc:[1:CHILD], runc:[2:INIT]);
 * - crun 1.8.1, the same recordings (falco-0.40.0-nginx-crun.jsonl.gz): crun
 *   renames no stage, every process is crun until the workload's execve;
 * - youki 0.x, crates/libcontainer/src/process/container_main_process.rs
 *   (prctl::set_name "youki:[1:INTER]"; the init process "youki:[2:INIT]"),
 *   https://github.com/youki-dev/youki;
 * - gVisor's runsc (runsc/sandbox/sandbox.go names its processes by argv
 *   only; the kernel's comm, which Falco shows, stays runsc),
 *   https://github.com/google/gvisor. Under gVisor the workload's syscalls
 *   are served by the sandbox and never reach the host as the workload's.
 */
static const struct {
	const char *name;               /* proc.name as Falco writes it */
	enum container_runtime runtime; /* whose it is */
	bool stage;                     /* a name only the runtime sets */
} runtime_processes[] = {
	{ "runc", RUNTIME_RUNC, false },
	{ "runc:[0:PARENT]", RUNTIME_RUNC, true },
	{ "runc:[1:CHILD]", RUNTIME_RUNC, true },
	{ "runc:[2:INIT]", RUNTIME_RUNC, true },
	{ "crun", RUNTIME_CRUN, false },
	{ "youki", RUNTIME_YOUKI, false },
	{ "youki:[1:INTER]", RUNTIME_YOUKI, true },
	{ "youki:[2:INIT]", RUNTIME_YOUKI, true },
	{ "runsc", RUNTIME_RUNSC, false },
};

static const char *const runtime_names[RUNTIME_COUNT] = { "runc", "crun", "youki", "runsc" };

const char *container_life_runtime_name(enum container_runtime runtime)
{
	return runtime < RUNTIME_COUNT ? runtime_names[runtime] : "?";
}

/* The row of runtime_processes for process, or -1. */
static int find_process(const char *process, size_t length)
{
	if (process == NULL || length < 4 || (process[0] != 'r' && process[0] != 'c' && process[0] != 'y'))
		return -1;
	for (size_t i = 0; i < sizeof(runtime_processes) / sizeof(runtime_processes[0]); i++)
		if (strlen(runtime_processes[i].name) == length && memcmp(runtime_processes[i].name, process, length) == 0)
			return (int)i;
	return -1;
}

enum container_runtime container_life_runtime_of(const char *process, size_t length)
{
	int row = find_process(process, length);

	return row < 0 ? RUNTIME_COUNT : runtime_processes[row].runtime;
}

/* Closes the window: the workload's program (its pending syscalls into set), or the runtime's restart. */
static void close_window(struct container_life *life, bool restart, struct syscall_set *set)
{
	if (restart) {
		if (life->runtime_events == 0)
			life->first_runtime = life->first_pending;
		life->runtime_events += life->pending_events;
		life->restarts++;
	} else {
		life->executed |= life->window;
		if (set != NULL)
			syscall_set_union(set, &life->pending);
	}
	life->window = 0;
	life->pending_events = 0;
	memset(&life->pending, 0, sizeof(life->pending));
}

enum life_verdict container_life_judge(struct container_life *life, const char *process, size_t length, bool executes,
                                       struct syscall_set *set)
{
	int row = find_process(process, length);

	if (row < 0) {
		if (life->window)
			close_window(life, executes, set);
		life->started = true;
		return LIFE_WORKLOAD;
	}
	uint32_t bit = 1u << runtime_processes[row].runtime;
	if (life->window & bit)
		return runtime_processes[row].stage ? LIFE_RUNTIME : LIFE_PENDING;
	if (!runtime_processes[row].stage && executes && (life->started || life->guessing))
		life->reexec_seen = true;
	if (!runtime_processes[row].stage && executes && life->started && !(life->executed & bit)) {
		life->runtimes |= bit;
		life->window |= bit;
		return LIFE_PENDING;
	}
	return container_life_is_runtime(life, process, length, executes) ? LIFE_RUNTIME : LIFE_WORKLOAD;
}

void container_life_finish(struct container_life *life, struct syscall_set *set)
{
	if (life->window)
		close_window(life, false, set);
}

bool container_life_is_runtime(struct container_life *life, const char *process, size_t length, bool executes)
{
	int row = find_process(process, length);

	if (row < 0) {
		life->started = true;
		return false;
	}
	uint32_t bit = 1u << runtime_processes[row].runtime;
	life->runtimes |= bit;
	if (!life->started && life->guessing)
		life->maybe_creators |= bit;
	else if (!life->started)
		life->creators |= bit;
	if (runtime_processes[row].stage)
		return true;
	if (executes && life->started)
		life->executed |= bit;
	else if (executes && life->guessing)
		life->assumed_start = true;
	if (life->executed & bit)
		return false;
	if (life->guessing)
		life->assumed |= bit;
	return true;
}

void container_life_unite(struct container_life *into, const struct container_life *from)
{
	if (into->runtime_events == 0 && from->runtime_events > 0)
		into->first_runtime = from->first_runtime;
	into->runtime_events += from->runtime_events;
	into->runtimes |= from->runtimes;
	into->creators |= from->creators | (into->started ? 0 : from->maybe_creators);
	/* A part's own start makes its later execve count, whatever came before. */
	into->executed |= from->executed;
	into->started |= from->started;
	into->restarts += from->restarts;
	into->reexec_seen |= from->reexec_seen;
}

void container_life_describe(uint32_t runtimes, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (unsigned r = 0; r < RUNTIME_COUNT && used < size; r++)
		if (runtimes >> r & 1)
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "", runtime_names[r]);
}
