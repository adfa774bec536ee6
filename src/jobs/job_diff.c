/*
 * job_diff: --diff OLD NEW: what differs in meaning between two profiles.
 */
#include "jobs/job_steps.h"

#include "text/text.h"

#include "policy/docker_default.h"
#include "profile/atomic_file.h"
#include "jobs/output_names.h"
#include "jobs/workload.h"
#include "report/report.h"
#include "profile/rule_order.h"

#include <errno.h>
#include <libgen.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

enum run_status job_diff(struct run *run)
{
	struct profile_input old, new;
	struct profile_diff diff;
	char message[512];
	enum run_status status = RUN_OK;

	memset(&diff, 0, sizeof(diff));
	memset(&new, 0, sizeof(new));
	if (read_profile(run->options.diff_old, &old, message, sizeof(message)) != 0 ||
	    read_profile(run->options.diff_new, &new, message, sizeof(message)) != 0) {
		report_warn(run->report, "--diff %s", message);
		status = RUN_INPUT;
	} else {
		warn_dead_names(run, "--diff", &old);
		warn_dead_names(run, "--diff", &new);
		if (profile_diff_compute(&old, &new, &diff) != 0) {
			report_warn(run->report, "out of memory");
			status = RUN_RESOURCES;
		} else {
			report_diff(run->report, &diff);
			if (!profile_diff_empty(&diff))
				status = RUN_NOT_ALLOWED;
		}
	}
	profile_diff_free(&diff);
	profile_input_free(&old);
	profile_input_free(&new);
	return status;
}
