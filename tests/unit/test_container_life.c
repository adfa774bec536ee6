#include "scan/container_life.h"
#include "test.h"

static bool runtime(struct container_life *life, const char *process)
{
	return container_life_is_runtime(life, process, process ? strlen(process) : 0, false);
}

static bool executed(struct container_life *life, const char *process)
{
	return container_life_is_runtime(life, process, strlen(process), true);
}

static void life_should_leave_out_the_runtimes_setup_until_the_workload_starts(void)
{
	struct container_life life;
	memset(&life, 0, sizeof(life));
	/* runc's own execve (of runc init), before the start, makes nothing the workload's. */
	CHECK(executed(&life, "runc"));
	CHECK(life.executed == 0);
	CHECK(runtime(&life, "runc"));
	CHECK(runtime(&life, "runc:[0:PARENT]"));
	CHECK(runtime(&life, "runc:[1:CHILD]"));
	CHECK(runtime(&life, "runc:[2:INIT]"));
	CHECK(!life.started && life.runtimes == 1u << RUNTIME_RUNC);
	/* The workload's execve exit carries its own name. */
	CHECK(!runtime(&life, "nginx"));
	CHECK(life.started);
	/* runc exec's stages are still runc's, and so is crun exec, which comes in without an execve. */
	CHECK(runtime(&life, "runc:[2:INIT]"));
	CHECK(runtime(&life, "crun"));
	/* A program called runc that the workload executes is the workload's, from its execve on. */
	CHECK(runtime(&life, "runc"));
	CHECK(!executed(&life, "runc"));
	CHECK(!runtime(&life, "runc"));
	CHECK(runtime(&life, "runc:[1:CHILD]"));
	CHECK(life.runtimes == (1u << RUNTIME_RUNC | 1u << RUNTIME_CRUN));
	CHECK(life.executed == 1u << RUNTIME_RUNC);
}

static void life_should_know_every_runtimes_names_and_nothing_like_them(void)
{
	struct container_life life;
	memset(&life, 0, sizeof(life));
	CHECK(container_life_runtime_of("crun", 4) == RUNTIME_CRUN);
	CHECK(container_life_runtime_of("youki:[1:INTER]", 15) == RUNTIME_YOUKI);
	CHECK(container_life_runtime_of("youki:[2:INIT]", 14) == RUNTIME_YOUKI);
	CHECK(container_life_runtime_of("runsc", 5) == RUNTIME_RUNSC);
	CHECK(container_life_runtime_of("runc:[2:INIT", 12) == RUNTIME_COUNT);
	CHECK(container_life_runtime_of("runcx", 5) == RUNTIME_COUNT);
	CHECK(container_life_runtime_of("run", 3) == RUNTIME_COUNT);
	CHECK(container_life_runtime_of(NULL, 0) == RUNTIME_COUNT);
	/* A log without proc.name: every event is the workload's, as before. */
	CHECK(!runtime(&life, NULL));
	CHECK(life.started);
}

static void life_should_note_where_a_worker_guessed(void)
{
	struct container_life life, total;
	char names[64];
	memset(&life, 0, sizeof(life));
	memset(&total, 0, sizeof(total));
	life.guessing = true;
	CHECK(runtime(&life, "runc:[1:CHILD]"));
	CHECK(life.assumed == 0 && life.creators == 0 && life.maybe_creators == 1u << RUNTIME_RUNC);
	CHECK(runtime(&life, "crun"));
	CHECK(life.assumed == 1u << RUNTIME_CRUN && !life.assumed_start);
	CHECK(runtime(&life, "runc"));
	CHECK(executed(&life, "runc"));
	CHECK(life.assumed_start && life.executed == 0);
	life.runtime_events = 2;
	life.first_runtime.line = 40;
	container_life_unite(&total, &life);
	CHECK(total.runtime_events == 2 && total.first_runtime.line == 40 && !total.started);
	/* Before an unstarted workload, what the part saw first made the container; after a started one, not. */
	CHECK(total.creators == (1u << RUNTIME_RUNC | 1u << RUNTIME_CRUN));
	struct container_life started = { .started = true };
	container_life_unite(&started, &life);
	CHECK(started.creators == 0);
	container_life_describe(total.runtimes, names, sizeof(names));
	CHECK_STR(names, "runc, crun");
}

const struct test_case life_tests[] = {
	TEST_CASE(life_should_leave_out_the_runtimes_setup_until_the_workload_starts),
	TEST_CASE(life_should_know_every_runtimes_names_and_nothing_like_them),
	TEST_CASE(life_should_note_where_a_worker_guessed),
	{ NULL, NULL },
};
