/*
 * run_status: how a job, or one of its steps, ended. main maps it to an
 * exit code (the one table of exit codes is in main.c).
 */
#ifndef F2S_RUN_STATUS_H
#define F2S_RUN_STATUS_H

enum run_status {
	RUN_OK,          /* done */
	RUN_NOT_ALLOWED, /* --check: the log shows syscalls the profile does not allow; --diff: they differ */
	RUN_USAGE,       /* the command line, or what it names, is wrong */
	RUN_INPUT,       /* an input cannot be read or is malformed; --strict found a problem */
	RUN_NO_EVENTS,   /* no syscall events of the named containers: nothing written */
	RUN_OUTPUT,      /* a profile could not be written */
	RUN_RESOURCES    /* out of memory, or more containers than can be tracked */
};

#endif
