/*
 * rule_order: which rule of a profile decides a syscall. runc and crun add
 * a profile's rules to libseccomp in the order they are written, and
 * libseccomp keeps the first rule without conditions for a syscall: a
 * later one with another action is accepted and never answers (seen with
 * libseccomp 2.5.4, Debian 12: seccomp_rule_add_exact returns 0 for the
 * second rule and the first one's action is what the call gets). Such a
 * later name is dead; these functions find the dead names and take them
 * out, so that what is judged and written is what a runtime enforces.
 * Rules with args, includes or excludes are left alone.
 */
#ifndef F2S_RULE_ORDER_H
#define F2S_RULE_ORDER_H

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/* One dead name: rule index `rule` names `name`, which rule `decider` decided first. */
struct dead_name {
	size_t rule;
	size_t decider;
	const char *name; /* borrowed from the rules */
};

struct dead_names {
	struct dead_name *items; /* owned, sorted by rule then name */
	size_t count;
};

/*
 * Finds the dead names of rules (a JSON array of rule objects, in the
 * order a runtime adds them); items that are not well-formed rules are
 * passed over (the profile reader refuses them). Returns 0, or -1 when
 * memory runs out. n log n in the number of names.
 */
int rule_order_find(const cJSON *rules, struct dead_names *dead);

/* Tells whether rule index `rule` names `name` dead. */
bool rule_order_is_dead(const struct dead_names *dead, size_t rule, const char *name);

/*
 * Takes the dead names out of rules, which must be the array dead was
 * found in (its names are borrowed from it, so they are compared before
 * any is freed): a rule left naming nothing gets "names": [].
 * Returns 0, or -1 when memory runs out.
 */
int rule_order_drop(cJSON *rules, const struct dead_names *dead);

/* Frees what dead owns. Accepts NULL. */
void rule_order_free(struct dead_names *dead);

#endif
