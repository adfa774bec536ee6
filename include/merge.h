/*
 * merge: combining the profiles given with --merge with the command line.
 */
#ifndef F2S_MERGE_H
#define F2S_MERGE_H

#include "options.h"
#include "profile.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

enum merge_status {
	MERGE_OK,        /* done */
	MERGE_CONFLICT,  /* the profiles disagree and the command line does not choose: message says how */
	MERGE_NO_MEMORY  /* memory ran out */
};

/* The top of the profile to write. */
struct merge_header {
	struct arch_list arches;    /* --arch, else every merged profile's, else the default */
	const char *default_action; /* borrowed: --default-action, else the merged profiles' one */
	bool has_errno_ret;         /* defaultErrnoRet is written */
	long errno_ret;             /* its value */
};

/*
 * Settles the header from the options and count merged profiles: what the
 * command line says wins; otherwise the profiles must agree.
 */
enum merge_status merge_header(const struct options *opts, const struct profile_input *profiles, size_t count,
                               struct merge_header *header, char *message, size_t size);

/*
 * Gathers the profiles' rules that are not plain allow lists, each once,
 * ordered by their text, so that merging in any order writes the same bytes.
 * *kept is a new array (caller frees with cJSON_Delete), or NULL when there
 * are none.
 */
enum merge_status merge_kept_rules(const struct profile_input *profiles, size_t count, cJSON **kept);

#endif
