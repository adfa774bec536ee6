/*
 * merged_profiles: the profiles given to --merge, read and settled with
 * the command line into the frame every profile of the run is written in
 * (merged_profiles.c).
 */
#ifndef F2S_MERGED_PROFILES_H
#define F2S_MERGED_PROFILES_H

#include "jobs/run_status.h"
#include "policy/arg_facts.h"
#include "policy/merge.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

struct options;
struct report;

/* What every profile of the run is written in: its header, its architectures, the merged rules kept. */
struct profile_frame {
	struct profile_input *merged;      /* --merge profiles, merged_count of them */
	size_t merged_count;
	struct arch_list arches;           /* the target architectures */
	const struct arch_map *arch_map;   /* the archMap to write, or NULL */
	struct merge_header header;        /* what --merge and the command line settled */
	const char *default_action;        /* for the profile written */
	bool has_errno_ret;                /* defaultErrnoRet to write */
	long errno_ret;                    /* its value */
	cJSON *kept_rules;                 /* merged rules written as they are */
	struct arg_facts merged_facts;     /* what the merged profiles' argument rules allow */
};

/* Reads every --merge profile opts names into frame->merged; a status (the problem said). */
enum run_status read_merged_profiles(const struct options *opts, struct report *report, struct profile_frame *frame);

/*
 * Settles frame's header (default action, errno, architectures) and the
 * kept rules from the merged profiles and the command line, and checks
 * that libseccomp can hold the architectures; a status.
 */
enum run_status merge_profiles(const struct options *opts, struct report *report, struct profile_frame *frame);

/*
 * Says what reading a profile left out: architectures this libseccomp
 * lacks, and rule names that never answer.
 */
void warn_dead_names(struct report *report, const char *option, const struct profile_input *input);

/*
 * Reads the profile at path as profile_read does; "docker-default" is the
 * built-in floor, today's Docker default (policy/docker_default.h).
 */
int read_profile(const char *path, struct profile_input *input, char *message, size_t size);

/*
 * Unites the merged profiles' argument facts with facts and keeps the
 * floor: a merged rule wider than the rules in force is narrowed to them
 * and said (an error with --strict); a status.
 */
enum run_status settle_arg_facts(const struct options *opts, struct report *report, struct profile_frame *frame,
                                 struct arg_facts *facts);

/* Frees what frame owns. */
void profile_frame_free(struct profile_frame *frame);

#endif
