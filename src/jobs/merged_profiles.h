/*
 * merged_profiles: the profiles given to --merge, read and held to the
 * floor, for the jobs that write profiles (and read_profile for --check
 * and --diff).
 */
#ifndef F2S_MERGED_PROFILES_H
#define F2S_MERGED_PROFILES_H

#include "jobs/run.h"

/* Reads every --merge profile into run->merged; a status (the problem said). */
enum run_status read_merged_profiles(struct run *run);

/*
 * Settles the profile's header (default action, errno, architectures) and
 * the kept rules from the merged profiles and the command line, and checks
 * that libseccomp can hold the architectures; a status.
 */
enum run_status merge_profiles(struct run *run);

/*
 * Says what reading a profile left out: architectures this libseccomp
 * lacks, and rule names that never answer.
 */
void warn_dead_names(struct run *run, const char *option, const struct profile_input *input);

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
enum run_status settle_arg_facts(struct run *run, struct arg_facts *facts);

#endif
