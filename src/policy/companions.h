/*
 * companions: syscalls a program will need off its recorded path, each
 * derived from an API relation: a process that forks must reap its
 * children, a server that accepts connections shuts them down and asks
 * their names, a program that sleeps may do it through either call its C
 * library version makes. By default they are only named (with the event
 * that calls for each); --companions adds them.
 */
#ifndef F2S_COMPANIONS_H
#define F2S_COMPANIONS_H

#include "syscalls/syscall_set.h"

#include <stdbool.h>
#include <stddef.h>

struct companion {
	const char *triggers;   /* space-separated: a log showing any of these calls for the companions */
	const char *companions; /* space-separated: what is then needed too */
	const char *reason;     /* one line: why */
	bool of_children;       /* clone and clone3 call for it only when they made a child, not a thread */
};

extern const struct companion companion_table[];
extern const size_t companion_count;

/* What one row asks of a set: the trigger seen, and the companions it lacks. */
struct companion_need {
	const struct companion *row;
	int trigger;          /* the id of the first trigger the set has */
	int missing[4];       /* ids of the companions the set lacks */
	size_t missing_count;
};

/* The most rows the table may have. */
#define COMPANIONS_MAX 16

/*
 * The rows that observed calls for and whose companions set lacks (some of
 * them), into needs (room for COMPANIONS_MAX); returns how many. Names
 * the catalog's architectures lack are left out. With threads_only (every
 * clone and clone3 the log shows made a thread), clone and clone3 do not
 * call for a row of_children.
 */
size_t companions_missing(struct syscall_catalog *catalog, const struct syscall_set *observed,
                          const struct syscall_set *set, bool threads_only, struct companion_need *needs);

#endif
