/*
 * container_life: the rule that tells the container runtimes' setup from the
 * workload, by their process names (policy/runtime_baseline.c).
 */
#include "scan/container_life.h"

#include <stdio.h>
#include <string.h>

/* The runtime process is one of, or -1 (policy/runtime_baseline.c holds their names); *stage as there. */
static int find_process(const char *process, size_t length, bool *stage)
{
	enum container_runtime runtime = runtime_of_process(process, length, stage);

	return runtime < RUNTIME_COUNT ? (int)runtime : -1;
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
	bool stage;
	int row = find_process(process, length, &stage);

	if (row < 0) {
		if (life->window)
			close_window(life, executes, set);
		life->started = true;
		return LIFE_WORKLOAD;
	}
	uint32_t bit = 1u << row;
	if (life->window & bit)
		return stage ? LIFE_RUNTIME : LIFE_PENDING;
	if (!stage && executes && (life->started || life->guessing))
		life->reexec_seen = true;
	if (!stage && executes && life->started && !(life->executed & bit)) {
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
	bool stage;
	int row = find_process(process, length, &stage);

	if (row < 0) {
		life->started = true;
		return false;
	}
	uint32_t bit = 1u << row;
	life->runtimes |= bit;
	if (!life->started && life->guessing)
		life->maybe_creators |= bit;
	else if (!life->started)
		life->creators |= bit;
	if (stage)
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
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "", runtime_row((enum container_runtime)r)->name);
}
