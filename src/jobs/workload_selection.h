/*
 * workload_selection: what the command line asks of workloads (--image,
 * --name, --k8s, --label, --group-by), apart from the containers they are
 * matched against (workload.h), so that the options need not see a scan.
 */
#ifndef F2S_WORKLOAD_SELECTION_H
#define F2S_WORKLOAD_SELECTION_H

#include <stdbool.h>
#include <stddef.h>

/* The most values one selection option takes. */
#define WORKLOAD_VALUES_MAX 16

/* The containers --image, --name, --k8s and --label select: ORed within an option, ANDed across. */
struct workload_selection {
	const char *images[WORKLOAD_VALUES_MAX]; /* REPO or REPO:TAG */
	size_t image_count;
	const char *names[WORKLOAD_VALUES_MAX];  /* container.name */
	size_t name_count;
	const char *pods[WORKLOAD_VALUES_MAX];   /* NS/POD, POD may end in '*' */
	size_t pod_count;
	const char *labels[WORKLOAD_VALUES_MAX]; /* KEY=VALUE */
	size_t label_count;
};

enum workload_group {
	GROUP_NONE,  /* no --group-by */
	GROUP_IMAGE, /* the image repository */
	GROUP_NAME,  /* the container name */
	GROUP_K8S,   /* namespace/pod, without a Deployment's generated suffixes */
	GROUP_LABEL  /* the value of one pod label */
};

/* Tells whether the selection names anything. */
bool workload_selecting(const struct workload_selection *selection);

/* Parses --group-by's value; false when it is none of workload_group_list's. */
bool workload_group_parse(const char *text, enum workload_group *group, const char **label);

/* --group-by's values, as "image, name, k8s or label:KEY", for messages. */
const char *workload_group_list(void);

#endif
