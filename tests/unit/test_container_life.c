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

static enum life_verdict judge(struct container_life *life, const char *process, bool executes,
                               struct syscall_set *set)
{
	return container_life_judge(life, process, strlen(process), executes, set);
}

/* Rows of a container's life after its start: each event, and what it must be. */
static void life_should_tell_a_restart_from_a_program_called_like_the_runtime(void)
{
	struct container_life life;
	struct syscall_set set;

	/* podman restart: runc executes itself again, its events, then the workload starts again. */
	memset(&life, 0, sizeof(life));
	memset(&set, 0, sizeof(set));
	CHECK(judge(&life, "nginx", true, &set) == LIFE_WORKLOAD);
	CHECK(judge(&life, "runc", true, &set) == LIFE_PENDING);
	syscall_set_add(&life.pending, 7);
	life.pending_events = 2;
	CHECK(judge(&life, "runc", false, &set) == LIFE_PENDING);
	CHECK(judge(&life, "nginx", true, &set) == LIFE_WORKLOAD);
	CHECK(life.restarts == 1 && life.runtime_events == 2 && !syscall_set_has(&set, 7) && life.window == 0);
	CHECK(life.executed == 0);

	/* A program called runc that a shell of the workload runs: the shell's next event is no execve. */
	memset(&life, 0, sizeof(life));
	memset(&set, 0, sizeof(set));
	CHECK(judge(&life, "sh", true, &set) == LIFE_WORKLOAD);
	CHECK(judge(&life, "runc", true, &set) == LIFE_PENDING);
	syscall_set_add(&life.pending, 9);
	CHECK(judge(&life, "sh", false, &set) == LIFE_WORKLOAD);
	CHECK(life.restarts == 0 && syscall_set_has(&set, 9) && life.executed == 1u << RUNTIME_RUNC);
	/* From then on, that program's events are the workload's. */
	CHECK(judge(&life, "runc", false, &set) == LIFE_WORKLOAD);

	/* A window still open at the end of the log is the workload's: a name never hides a program's events. */
	memset(&life, 0, sizeof(life));
	memset(&set, 0, sizeof(set));
	CHECK(judge(&life, "sh", true, &set) == LIFE_WORKLOAD);
	CHECK(judge(&life, "runc", true, &set) == LIFE_PENDING);
	syscall_set_add(&life.pending, 11);
	container_life_finish(&life, &set);
	CHECK(syscall_set_has(&set, 11) && life.window == 0);
	/* The runtime's stages stay its own inside a window. */
	CHECK(judge(&life, "runc:[2:INIT]", false, &set) == LIFE_RUNTIME);
}

/* The baseline a container gets from the runtimes its log shows: the one that holds all of theirs. */
static void life_should_settle_the_baseline_that_holds_every_runtime_shown(void)
{
	static const struct {
		uint32_t seen;
		const char *baseline;
	} rows[] = {
		{ 0, "crun" }, /* none shown: the one that holds every other */
		{ 1u << RUNTIME_RUNC, "runc" },
		{ 1u << RUNTIME_CRUN, "crun" },
		{ 1u << RUNTIME_RUNC | 1u << RUNTIME_CRUN, "crun" },
		{ 1u << RUNTIME_YOUKI, "runc" },
		{ 1u << RUNTIME_RUNSC, "runc" },
		{ 1u << RUNTIME_YOUKI | 1u << RUNTIME_CRUN, "crun" },
		{ 1u << RUNTIME_RUNSC | 1u << RUNTIME_RUNC, "runc" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK(strcmp(runtime_baseline_settle(rows[i].seen), rows[i].baseline) == 0);
	CHECK(runtime_baseline_holds("crun", "runc") && runtime_baseline_holds("runc", "runc"));
	CHECK(!runtime_baseline_holds("runc", "crun") && !runtime_baseline_holds("none", "runc"));
	CHECK(!runtime_baseline_holds("runc", "youki"));
}

static void life_should_know_every_runtimes_names_and_nothing_like_them(void)
{
	struct container_life life;
	memset(&life, 0, sizeof(life));
	static const struct {
		const char *process;
		enum container_runtime runtime;
		bool stage;
	} rows[] = {
		{ "runc", RUNTIME_RUNC, false },           { "runc:[0:PARENT]", RUNTIME_RUNC, true },
		{ "runc:[1:CHILD]", RUNTIME_RUNC, true },  { "runc:[2:INIT]", RUNTIME_RUNC, true },
		{ "crun", RUNTIME_CRUN, false },           { "youki", RUNTIME_YOUKI, false },
		{ "youki:[1:INTER]", RUNTIME_YOUKI, true }, { "youki:[2:INIT]", RUNTIME_YOUKI, true },
		{ "runsc", RUNTIME_RUNSC, false },         { "runc:[2:INIT", RUNTIME_COUNT, false },
		{ "runcx", RUNTIME_COUNT, false },         { "run", RUNTIME_COUNT, false },
		{ "crun:[1:CHILD]", RUNTIME_COUNT, false }, { "runc:[0:PARENT] runc", RUNTIME_COUNT, false },
		{ "", RUNTIME_COUNT, false },              { NULL, RUNTIME_COUNT, false },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		bool stage = !rows[i].stage;
		size_t length = rows[i].process ? strlen(rows[i].process) : 0;
		CHECK(runtime_of_process(rows[i].process, length, &stage) == rows[i].runtime);
		CHECK(stage == rows[i].stage);
	}
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
	TEST_CASE(life_should_tell_a_restart_from_a_program_called_like_the_runtime),
	TEST_CASE(life_should_leave_out_the_runtimes_setup_until_the_workload_starts),
	TEST_CASE(life_should_know_every_runtimes_names_and_nothing_like_them),
	TEST_CASE(life_should_settle_the_baseline_that_holds_every_runtime_shown),
	TEST_CASE(life_should_note_where_a_worker_guessed),
	{ NULL, NULL },
};
