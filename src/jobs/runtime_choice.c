/*
 * runtime_choice: whose baseline the profile gets, from --runtime and the
 * runtime processes the log shows.
 */
#include "jobs/runtime_choice.h"

#include "policy/runtime_baseline.h"
#include "report/report.h"

#include <string.h>

void runtime_choice_init(struct runtime_choice *choice, const char *given)
{
	memset(choice, 0, sizeof(*choice));
	choice->given = given;
	choice->used = given != NULL ? given : "runc";
}

void runtime_choice_settle(struct runtime_choice *choice, const struct container_life *life, bool quiet,
                           struct report *report)
{
	/* The runtime that made the container, where the log shows it; else any whose processes came in later. */
	uint32_t runtimes = life->creators ? life->creators : life->runtimes;

	if (choice->given == NULL) {
		/*
		 * With no runtime process in the log (Falco 0.44 records none of crun's,
		 * and a log may come from another host), no runtime is assumed: the
		 * baseline that holds every other's, so that the profile starts under each.
		 */
		choice->used = runtime_baseline_settle(runtimes);
		choice->from_log = runtimes != 0;
		return;
	}
	choice->used = choice->given;
	if (quiet || runtimes == 0 || strcmp(choice->given, "none") == 0)
		return;
	/* A baseline that holds the shown runtime's (crun's holds runc's) starts under it too. */
	for (unsigned r = 0; r < RUNTIME_COUNT; r++)
		if (runtimes >> r & 1 && runtime_baseline_holds(choice->given, runtime_row((enum container_runtime)r)->name))
			return;
	char names[64];
	container_life_describe(runtimes, names, sizeof(names));
	report_warning(report, "--runtime %s, but the log shows the processes of %s: the profile may not "
	               "let the container start under %s (leave --runtime out to take the log's)", choice->given,
	               names, names);
}
