/*
 * falco2seccomp: turns the syscalls a container made, as Falco logged them,
 * into a seccomp profile that allows exactly those syscalls.
 *
 * main parses the options, runs one job (jobs/run_job.c), which tells what it finds
 * through report.c, and maps the job's outcome to the exit status.
 */
#include "jobs/options.h"
#include "report/report.h"
#include "jobs/run_job.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Exit statuses; the man page and --help list them. */
enum exit_status {
	EXIT_OK = 0,          /* done */
	EXIT_FINDINGS = 1,    /* --check: the log shows syscalls the profile does not allow; --diff: they differ */
	EXIT_USAGE = 2,       /* the command line is wrong */
	EXIT_INPUT = 3,       /* an input could not be read or is malformed; --strict found a problem */
	EXIT_NO_EVENTS = 4,   /* no syscall events of the named containers: nothing written */
	EXIT_OUTPUT = 5,      /* the profile could not be written */
	EXIT_RESOURCES = 6    /* out of memory, or more containers than can be tracked */
};


/* The exit status of each outcome of a job. */
static int exit_status(enum run_status status)
{
	switch (status) {
	case RUN_OK:
		return EXIT_OK;
	case RUN_NOT_ALLOWED:
		return EXIT_FINDINGS;
	case RUN_USAGE:
		return EXIT_USAGE;
	case RUN_INPUT:
		return EXIT_INPUT;
	case RUN_NO_EVENTS:
		return EXIT_NO_EVENTS;
	case RUN_OUTPUT:
		return EXIT_OUTPUT;
	case RUN_RESOURCES:
	default:
		return EXIT_RESOURCES;
	}
}

int main(int argc, char **argv)
{
	static struct options options;
	struct report report;
	char message[512];
	int status;

	report_init(&report, stderr, stdout, NULL, 0, false, false, REPORT_TEXT);
	switch (options_parse(argc, argv, &options, message, sizeof(message))) {
	case OPTIONS_HELP:
		report_help(stdout);
		status = EXIT_OK;
		goto done;
	case OPTIONS_VERSION:
		report_version(stdout);
		status = EXIT_OK;
		goto done;
	case OPTIONS_USAGE:
		report_say(&report, "%s", message);
		report_usage_hint(stderr);
		return EXIT_USAGE;
	case OPTIONS_OK:
		break;
	}
	if (!options.progress_set)
		options.progress = !options.quiet && isatty(STDERR_FILENO);
	report_init(&report, stderr, stdout, options.logs.items, options.logs.count, options.quiet,
	            options.strict, options.report);
	status = exit_status(run_job(&options, &report));
done:
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (status == EXIT_OK || status == EXIT_FINDINGS)
			report_say(&report, "cannot write to standard output: %s", strerror(errno));
		status = status == EXIT_OK || status == EXIT_FINDINGS ? EXIT_OUTPUT : status;
	}
	report_free(&report);
	return status;
}
