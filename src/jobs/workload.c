/*
 * workload: selecting and grouping containers by the workload they run.
 */
#include "jobs/workload.h"

#include <stdio.h>
#include <string.h>

size_t workload_label_keys(const struct workload_selection *selection, const char *group_label, const char **keys)
{
	static char texts[SCAN_LABEL_KEYS_MAX][64];
	size_t count = 0;

	for (size_t i = 0; i < selection->label_count && count < SCAN_LABEL_KEYS_MAX - 1; i++) {
		size_t length = strcspn(selection->labels[i], "=");
		snprintf(texts[count], sizeof(texts[count]), "%.*s", (int)length, selection->labels[i]);
		keys[count] = texts[count];
		count++;
	}
	if (group_label != NULL)
		keys[count++] = group_label;
	return count;
}

static bool image_matches(const char *wanted, const struct scan_container *container, const char *const *keys,
                          size_t key_count)
{
	const char *colon = strrchr(wanted, ':');
	const char *slash = strrchr(wanted, '/');

	(void)keys;
	(void)key_count;
	/* A colon before the last slash is a registry's port, not a tag. */
	if (colon != NULL && (slash == NULL || colon > slash))
		return strlen(container->repository) == (size_t)(colon - wanted) &&
		       strncmp(container->repository, wanted, (size_t)(colon - wanted)) == 0 &&
		       strcmp(container->tag, colon + 1) == 0;
	return strcmp(container->repository, wanted) == 0;
}

static bool name_matches(const char *wanted, const struct scan_container *container, const char *const *keys,
                         size_t key_count)
{
	(void)keys;
	(void)key_count;
	return strcmp(container->name, wanted) == 0;
}

static bool pod_matches(const char *wanted, const struct scan_container *container, const char *const *keys,
                        size_t key_count)
{
	const char *slash = strchr(wanted, '/');
	size_t ns_length = slash ? (size_t)(slash - wanted) : 0;
	const char *pod = slash ? slash + 1 : wanted;
	size_t pod_length = strlen(pod);

	(void)keys;
	(void)key_count;
	if (strlen(container->k8s_namespace) != ns_length || strncmp(container->k8s_namespace, wanted, ns_length) != 0)
		return false;
	if (pod_length > 0 && pod[pod_length - 1] == '*')
		return strncmp(container->k8s_pod, pod, pod_length - 1) == 0;
	return strcmp(container->k8s_pod, pod) == 0;
}

static bool label_matches(const char *wanted, const struct scan_container *container, const char *const *keys,
                          size_t key_count)
{
	size_t key_length = strcspn(wanted, "=");

	for (size_t k = 0; k < key_count; k++)
		if (strlen(keys[k]) == key_length && strncmp(keys[k], wanted, key_length) == 0 &&
		    wanted[key_length] == '=' && strcmp(container->labels[k], wanted + key_length + 1) == 0 &&
		    container->labels[k][0] != '\0')
			return true;
	return false;
}

typedef bool match_fn(const char *wanted, const struct scan_container *container, const char *const *keys,
                      size_t key_count);

/* Tells whether container matches one of the count values (none given matches every container). */
static bool any_matches(match_fn *match, const char *const *values, size_t count,
                        const struct scan_container *container, const char *const *keys, size_t key_count)
{
	for (size_t i = 0; i < count; i++)
		if (match(values[i], container, keys, key_count))
			return true;
	return count == 0;
}

bool workload_matches(const struct workload_selection *selection, const struct scan_container *container,
                      const char *const *keys, size_t key_count)
{
	return any_matches(image_matches, selection->images, selection->image_count, container, keys, key_count) &&
	       any_matches(name_matches, selection->names, selection->name_count, container, keys, key_count) &&
	       any_matches(pod_matches, selection->pods, selection->pod_count, container, keys, key_count) &&
	       any_matches(label_matches, selection->labels, selection->label_count, container, keys, key_count);
}

bool workload_image_named(const struct workload_selection *selection, const struct scan_container *container)
{
	return selection->image_count > 0 &&
	       any_matches(image_matches, selection->images, selection->image_count, container, NULL, 0);
}

bool workload_is_infrastructure(const struct scan_container *container)
{
	const char *repository = container->repository;
	size_t length = strlen(repository);

	if (container->sandbox)
		return true;
	/* pause, k8s.gcr.io/pause, registry.k8s.io/pause, and mirrors of them. */
	return strcmp(repository, "pause") == 0 || (length > 6 && strcmp(repository + length - 6, "/pause") == 0);
}

/* Tells whether text (length bytes) looks like a generated name part: lower-case letters and digits. */
static bool generated(const char *text, size_t length, size_t min, size_t max)
{
	if (length < min || length > max)
		return false;
	for (size_t i = 0; i < length; i++)
		if (!((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9')))
			return false;
	return true;
}

/*
 * A Deployment's pod is NAME-HASH-SUFFIX (a ReplicaSet hash of 6 to 10
 * characters, a suffix of 5), a DaemonSet's or a Job's NAME-SUFFIX: the
 * workload is NAME.
 */
static size_t pod_workload_length(const char *pod)
{
	size_t length = strlen(pod);

	for (int part = 0; part < 2; part++) {
		const char *dash = NULL;
		for (size_t i = length; i > 0 && dash == NULL; i--)
			if (pod[i - 1] == '-')
				dash = pod + i - 1;
		if (dash == NULL || dash == pod)
			break;
		size_t tail = length - (size_t)(dash - pod) - 1;
		if (!(part == 0 ? generated(dash + 1, tail, 5, 5) : generated(dash + 1, tail, 6, 10)))
			break;
		length = (size_t)(dash - pod);
	}
	return length;
}

bool workload_key(enum workload_group group, const struct scan_container *container, size_t label_index, char *key,
                  size_t size)
{
	switch (group) {
	case GROUP_IMAGE:
		snprintf(key, size, "%s", container->repository);
		break;
	case GROUP_NAME:
		snprintf(key, size, "%s", container->name);
		break;
	case GROUP_K8S:
		if (container->k8s_pod[0] == '\0')
			return false;
		snprintf(key, size, "%s/%.*s", container->k8s_namespace, (int)pod_workload_length(container->k8s_pod),
		         container->k8s_pod);
		break;
	case GROUP_LABEL:
		snprintf(key, size, "%s", container->labels[label_index]);
		break;
	case GROUP_NONE:
	default:
		return false;
	}
	return key[0] != '\0';
}

int workload_compare_containers(const void *a, const void *b)
{
	const struct scan_container *x = a, *y = b;

	if (x->events != y->events)
		return x->events > y->events ? -1 : 1;
	return strcmp(x->id, y->id);
}
