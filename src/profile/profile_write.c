/*
 * profile_write: the profile falco2seccomp makes, in Docker's JSON, the
 * OCI runtime spec's seccomp object, the legacy one-rule-per-name JSON, or
 * a SeccompProfile of the Security Profiles Operator.
 */
#include "profile/profile.h"

#include "profile/json_writer.h"
#include "profile/yaml_tree.h"

#include <errno.h>
#include <string.h>

/* Adds one allow rule per name, as tools before Docker 1.12 wrote them. */
static bool add_legacy_rules(cJSON *syscalls, const struct profile *p)
{
	for (size_t i = 0; i < p->name_count; i++) {
		cJSON *rule = cJSON_CreateObject();
		if (rule == NULL || !cJSON_AddItemToArray(syscalls, rule) ||
		    cJSON_AddStringToObject(rule, "name", p->names[i]) == NULL ||
		    cJSON_AddStringToObject(rule, "action", "SCMP_ACT_ALLOW") == NULL ||
		    cJSON_AddArrayToObject(rule, "args") == NULL)
			return false;
	}
	return true;
}

static bool add_names_rule(cJSON *syscalls, const struct profile *p)
{
	cJSON *rule, *names;

	if (p->name_count == 0)
		return true;
	rule = cJSON_CreateObject();
	if (rule == NULL || !cJSON_AddItemToArray(syscalls, rule))
		return false;
	names = cJSON_AddArrayToObject(rule, "names");
	if (names == NULL)
		return false;
	for (size_t i = 0; i < p->name_count; i++) {
		cJSON *name = cJSON_CreateString(p->names[i]);
		if (name == NULL || !cJSON_AddItemToArray(names, name))
			return false;
	}
	return cJSON_AddStringToObject(rule, "action", "SCMP_ACT_ALLOW") != NULL;
}

/* Adds a copy of rule as the format writes it; returns false when memory runs out. */
static bool add_rule_copy(cJSON *syscalls, const cJSON *rule, enum profile_format format, bool split)
{
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");

	if (!profile_format_row(format)->moby_selection) {
		/* An OCI rule, and an SPO one, has these keys only. */
		static const char *const keys[] = { "names", "action", "errnoRet", "args" };
		cJSON *copy = cJSON_CreateObject();
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(rule, "name");
		if (copy == NULL || !cJSON_AddItemToArray(syscalls, copy))
			return false;
		if (name != NULL && (names = cJSON_AddArrayToObject(copy, "names")) != NULL &&
		    !cJSON_AddItemToArray((cJSON *)names, cJSON_Duplicate(name, 1)))
			return false;
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			const cJSON *item = cJSON_GetObjectItemCaseSensitive(rule, keys[k]);
			if (item != NULL && !cJSON_IsNull(item) &&
			    !cJSON_AddItemToObject(copy, keys[k], cJSON_Duplicate(item, 1)))
				return false;
		}
		return true;
	}
	if (!profile_format_row(format)->rule_per_name || !split || names == NULL) {
		cJSON *copy = cJSON_Duplicate(rule, 1);
		return copy != NULL && cJSON_AddItemToArray(syscalls, copy);
	}
	/* The legacy format names one syscall per rule, first. */
	for (const cJSON *name = names->child; name; name = name->next) {
		cJSON *copy = cJSON_CreateObject();
		if (copy == NULL || !cJSON_AddItemToArray(syscalls, copy) ||
		    cJSON_AddStringToObject(copy, "name", name->valuestring) == NULL)
			return false;
		for (const cJSON *item = rule->child; item; item = item->next)
			if (strcmp(item->string, "names") != 0 &&
			    !cJSON_AddItemToObject(copy, item->string, cJSON_Duplicate(item, 1)))
				return false;
	}
	return true;
}

/*
 * Adds every rule of list; generated rules are split per name in the
 * legacy format. Returns 0, -1 when memory runs out, -2 with message.
 */
static int add_rules(cJSON *syscalls, const cJSON *list, const struct profile *p, enum profile_format format,
                     bool generated)
{
	const char *missing;

	for (const cJSON *rule = list ? list->child : NULL; rule; rule = rule->next) {
		if (!profile_format_row(format)->moby_selection && p->oci != NULL &&
		    !profile_rule_applies(rule, p->oci, &missing))
			continue;
		if (!add_rule_copy(syscalls, rule, format, generated))
			return -1;
	}
	return 0;
}

static bool add_arch_names(cJSON *array, const struct arch_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		if (!cJSON_AddItemToArray(array, cJSON_CreateString(arch_docker_name(list->tokens[i]))))
			return false;
	return true;
}

static bool add_arch_map(cJSON *root, const struct arch_map *map)
{
	cJSON *entries = cJSON_AddArrayToObject(root, "archMap");

	for (size_t i = 0; entries != NULL && i < map->count; i++) {
		cJSON *entry = cJSON_CreateObject();
		cJSON *subs;
		if (entry == NULL || !cJSON_AddItemToArray(entries, entry) ||
		    !cJSON_AddStringToObject(entry, "architecture", arch_docker_name(map->entries[i].arch)))
			return false;
		subs = cJSON_AddArrayToObject(entry, "subArchitectures");
		if (subs == NULL || !add_arch_names(subs, &map->entries[i].subs))
			return false;
	}
	return entries != NULL;
}

/* Builds the tree to write into *root; returns 0, or -1 when memory runs out. */
static int build(const struct profile *p, enum profile_format format, cJSON **root_out)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *arches, *syscalls;
	int status = -1;
	bool ok;

	*root_out = NULL;
	if (root == NULL || cJSON_AddStringToObject(root, "defaultAction", p->default_action) == NULL)
		goto fail;
	if (p->has_errno_ret && cJSON_AddNumberToObject(root, "defaultErrnoRet", (double)p->errno_ret) == NULL)
		goto fail;
	if (p->arch_map != NULL && profile_format_row(format)->arch_map) {
		if (!add_arch_map(root, p->arch_map))
			goto fail;
	} else {
		arches = cJSON_AddArrayToObject(root, "architectures");
		if (arches == NULL || !add_arch_names(arches, p->arches))
			goto fail;
	}
	syscalls = cJSON_AddArrayToObject(root, "syscalls");
	if (syscalls == NULL)
		goto fail;
	ok = profile_format_row(format)->rule_per_name ? add_legacy_rules(syscalls, p) : add_names_rule(syscalls, p);
	if (!ok)
		goto fail;
	status = add_rules(syscalls, p->arg_rules, p, format, true);
	if (status == 0)
		status = add_rules(syscalls, p->kept_rules, p, format, false);
	if (status != 0)
		goto fail;
	*root_out = root;
	return 0;
fail:
	cJSON_Delete(root);
	return status;
}

/*
 * Wraps a profile's tree into a SeccompProfile of the Security Profiles
 * Operator (v1, cluster-scoped since its 0.9): the tree becomes the spec.
 */
static cJSON *spo_object(const struct profile *p, cJSON *spec)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *metadata;

	if (root == NULL || !cJSON_AddStringToObject(root, "apiVersion", "security-profiles-operator.x-k8s.io/v1") ||
	    !cJSON_AddStringToObject(root, "kind", "SeccompProfile") ||
	    (metadata = cJSON_AddObjectToObject(root, "metadata")) == NULL ||
	    !cJSON_AddStringToObject(metadata, "name", p->spo_name ? p->spo_name : "profile") ||
	    !cJSON_AddItemToObject(root, "spec", spec)) {
		cJSON_Delete(root);
		cJSON_Delete(spec);
		return NULL;
	}
	if (p->base_profile != NULL && !cJSON_AddStringToObject(spec, "baseProfileName", p->base_profile)) {
		cJSON_Delete(root);
		return NULL;
	}
	/* Where the profile came from, as Kubernetes annotations: string values under keys of our own. */
	cJSON *notes = p->annotation_count > 0 ? cJSON_AddObjectToObject(metadata, "annotations") : NULL;
	for (size_t i = 0; i < p->annotation_count; i++)
		if (notes == NULL || cJSON_AddStringToObject(notes, p->annotations[i].key, p->annotations[i].value) == NULL) {
			cJSON_Delete(root);
			return NULL;
		}
	return root;
}

int profile_write(FILE *out, const struct profile *p, enum profile_format format)
{
	cJSON *root;
	int status = build(p, format, &root);

	if (status == 0 && profile_format_row(format)->wrapped && (root = spo_object(p, root)) == NULL)
		status = -1;
	if (status == -1)
		errno = ENOMEM;
	if (status != 0)
		return status;
	status = profile_format_row(format)->yaml ? yaml_write(out, root) : json_write(out, root);
	cJSON_Delete(root);
	return status;
}

/* Reading. */
