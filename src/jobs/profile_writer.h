/*
 * profile_writer: a profile's document built from its set, judged as
 * written, and put in place (profile_writer.c).
 */
#ifndef F2S_PROFILE_WRITER_H
#define F2S_PROFILE_WRITER_H

#include "jobs/run_status.h"

#include <stddef.h>

struct arg_facts;
struct oci_layout_built;
struct provenance_member;
struct arg_rule_plan;
struct atomic_batch;
struct judge_memo;
struct options;
struct profile_frame;
struct report;
struct run_results;
struct syscall_catalog;
struct syscall_set;

/* What writing a profile reads and fills. */
struct profile_writer {
	const struct options *opts;        /* the command line */
	struct report *report;             /* where problems go */
	const struct profile_frame *frame; /* the header, architectures and merged rules */
	struct syscall_catalog *catalog;   /* every kernel name in play */
	struct judge_memo *judge;          /* the profiles written, judged */
	const struct run_results *results; /* the report's view, for broken promises */
	struct atomic_batch *batch;        /* profiles finished but not yet in place (--all-containers), or NULL */
	char name[254];                    /* metadata.name of the spo format */
	struct layout_batch *layouts;      /* OCI layouts built but not yet in place (--all-containers), or NULL */
	const struct provenance_member *member; /* the one container or workload written, or NULL: the run's */
};

/* OCI layouts built for --all-containers --oci-layout, put in place together. */
struct layout_batch {
	struct oci_layout_built *items;    /* owned */
	size_t count, capacity;
};

/* Puts every layout of batch in place, or with failed discards them; 0, or -1 with message. */
int layout_batch_finish(struct layout_batch *batch, int failed, char *message, size_t size);

/*
 * Writes the profile for set (with the argument facts, the plan of its
 * argument rules filled) to path (NULL: stdout), judged before any file is
 * touched; returns a status.
 */
enum run_status profile_writer_write(struct profile_writer *writer, const struct syscall_set *set,
                                     const struct arg_facts *facts, const char *path, struct arg_rule_plan *plan);

#endif
