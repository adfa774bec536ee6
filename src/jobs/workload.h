/*
 * workload: what a profile is for when a container id is not enough: an
 * image, a container name, a Kubernetes pod (or a Deployment's replicas),
 * a pod label. Containers are selected, or grouped, by the fields Falco
 * logged for them, whichever of their events carried those.
 */
#ifndef F2S_WORKLOAD_H
#define F2S_WORKLOAD_H

#include "jobs/workload_selection.h"
#include "scan/scan.h"

#include <stdbool.h>
#include <stddef.h>


/*
 * The pod label keys the selection and a label grouping look at, into keys
 * (room for SCAN_LABEL_KEYS_MAX, pointing into the options); returns how many.
 */
size_t workload_label_keys(const struct workload_selection *selection, const char *group_label, const char **keys);

/* Tells whether container is one of the selection; keys are workload_label_keys'. */
bool workload_matches(const struct workload_selection *selection, const struct scan_container *container,
                      const char *const *keys, size_t key_count);

/* Tells whether --image names container's image: how a pause container is selected explicitly. */
bool workload_image_named(const struct workload_selection *selection, const struct scan_container *container);

/*
 * Tells whether container is Kubernetes infrastructure, not a workload: a
 * pod's sandbox (pause) container, by its id or its image.
 */
bool workload_is_infrastructure(const struct scan_container *container);

/*
 * The key container is grouped under, into key (size bytes); false when
 * the container lacks the field. keys and key_count are workload_label_keys';
 * the label grouped by is the last of them.
 */
bool workload_key(enum workload_group group, const struct scan_container *container, size_t label_index, char *key,
                  size_t size);


/* Orders containers by events, most first, then by id (qsort). */
int workload_compare_containers(const void *a, const void *b);

#endif
