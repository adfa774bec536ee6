/*
 * oci_layout: a profile as an OCI artifact in an OCI image layout, as the
 * OCI image spec v1.1 lays it out (image-layout.md: oci-layout,
 * index.json, blobs/sha256/; manifest.md: artifactType, config, layers,
 * annotations; annotations.md: org.opencontainers.image.ref.name).
 */
#include "profile/oci_layout.h"

#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The media types of the image spec v1.1 (specs-go/v1/mediatype.go). */
#define OCI_MANIFEST_TYPE "application/vnd.oci.image.manifest.v1+json"
#define OCI_INDEX_TYPE "application/vnd.oci.image.index.v1+json"
/* The layer and its title, as spoc push writes them (layerMediaTypeJSON, defaultProfileJSON). */
#define PROFILE_LAYER_TYPE "application/json"
#define PROFILE_LAYER_TITLE "profile.json"

/* root/name into out (size bytes); false, with errno, when it does not fit. */
static bool join(char *out, size_t size, const char *root, const char *name)
{
	if ((size_t)snprintf(out, size, "%s/%s", root, name) < size)
		return true;
	errno = ENAMETOOLONG;
	return false;
}

/* Writes size bytes to path (new), synced; false with errno. */
static bool write_file(const char *path, const void *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	const char *at = data;

	if (fd < 0)
		return false;
	while (size > 0) {
		ssize_t done = write(fd, at, size);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0) {
			int saved = errno;
			close(fd);
			errno = done == 0 ? EIO : saved;
			return false;
		}
		at += done;
		size -= (size_t)done;
	}
	if (fsync(fd) != 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return false;
	}
	return close(fd) == 0;
}

/* Writes a blob of the layout at root and fills its descriptor; false with errno. */
static bool write_blob(const char *root, const char *data, size_t size, char hex[SHA256_HEX])
{
	char path[4096], name[96];

	sha256_hex(data, size, hex);
	snprintf(name, sizeof(name), "blobs/sha256/%s", hex);
	return join(path, sizeof(path), root, name) && write_file(path, data, size);
}

/* A descriptor: media type, digest and size. NULL without memory. */
static cJSON *descriptor(const char *type, const char hex[SHA256_HEX], size_t size)
{
	cJSON *object = cJSON_CreateObject();
	char digest[SHA256_HEX + 7];

	snprintf(digest, sizeof(digest), "sha256:%s", hex);
	if (object == NULL || cJSON_AddStringToObject(object, "mediaType", type) == NULL ||
	    cJSON_AddStringToObject(object, "digest", digest) == NULL ||
	    cJSON_AddNumberToObject(object, "size", (double)size) == NULL) {
		cJSON_Delete(object);
		return NULL;
	}
	return object;
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk)
{
	(void)info;
	(void)flag;
	(void)walk;
	return remove(path);
}

/* Removes the tree at root, a layout this program made; errors are ignored, as nothing depends on it. */
static void remove_tree(const char *root)
{
	(void)nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Syncs the directory at path, so that the names in it last. */
static void sync_directory(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* The manifest's text: one layer, the config, artifactType, annotations. NULL without memory. */
static char *manifest_text(const char config[SHA256_HEX], const char layer[SHA256_HEX], size_t length,
                           const struct profile_annotation *annotations, size_t count)
{
	cJSON *manifest = cJSON_CreateObject(), *layers = NULL, *layer_descriptor, *notes, *title;
	char *text = NULL;

	if (manifest == NULL || cJSON_AddNumberToObject(manifest, "schemaVersion", 2) == NULL ||
	    cJSON_AddStringToObject(manifest, "mediaType", OCI_MANIFEST_TYPE) == NULL ||
	    cJSON_AddStringToObject(manifest, "artifactType", OCI_SECCOMP_ARTIFACT_TYPE) == NULL)
		goto done;
	cJSON *config_descriptor = descriptor(OCI_SECCOMP_ARTIFACT_TYPE, config, 2);
	if (config_descriptor == NULL || !cJSON_AddItemToObject(manifest, "config", config_descriptor)) {
		cJSON_Delete(config_descriptor);
		goto done;
	}
	layers = cJSON_AddArrayToObject(manifest, "layers");
	layer_descriptor = descriptor(PROFILE_LAYER_TYPE, layer, length);
	if (layers == NULL || layer_descriptor == NULL || !cJSON_AddItemToArray(layers, layer_descriptor)) {
		cJSON_Delete(layer_descriptor);
		goto done;
	}
	title = cJSON_AddObjectToObject(layer_descriptor, "annotations");
	if (title == NULL || cJSON_AddStringToObject(title, "org.opencontainers.image.title", PROFILE_LAYER_TITLE) == NULL)
		goto done;
	if (count > 0) {
		notes = cJSON_AddObjectToObject(manifest, "annotations");
		for (size_t i = 0; notes != NULL && i < count; i++)
			if (cJSON_AddStringToObject(notes, annotations[i].key, annotations[i].value) == NULL)
				notes = NULL;
		if (notes == NULL)
			goto done;
	}
	text = cJSON_PrintUnformatted(manifest);
done:
	cJSON_Delete(manifest);
	return text;
}

/* index.json: the manifest named ref. NULL without memory. */
static char *index_text(const char manifest[SHA256_HEX], size_t size, const char *ref)
{
	cJSON *index = cJSON_CreateObject(), *manifests, *entry, *notes;
	char *text = NULL;

	if (index == NULL || cJSON_AddNumberToObject(index, "schemaVersion", 2) == NULL ||
	    cJSON_AddStringToObject(index, "mediaType", OCI_INDEX_TYPE) == NULL ||
	    (manifests = cJSON_AddArrayToObject(index, "manifests")) == NULL)
		goto done;
	entry = descriptor(OCI_MANIFEST_TYPE, manifest, size);
	if (entry == NULL || !cJSON_AddItemToArray(manifests, entry)) {
		cJSON_Delete(entry);
		goto done;
	}
	if (cJSON_AddStringToObject(entry, "artifactType", OCI_SECCOMP_ARTIFACT_TYPE) == NULL ||
	    (notes = cJSON_AddObjectToObject(entry, "annotations")) == NULL ||
	    cJSON_AddStringToObject(notes, "org.opencontainers.image.ref.name", ref) == NULL)
		goto done;
	text = cJSON_PrintUnformatted(index);
done:
	cJSON_Delete(index);
	return text;
}

/* Tells whether path is a directory holding an OCI image layout (not a link). */
static bool is_layout(const char *path)
{
	char marker[4096];
	struct stat info;

	if (lstat(path, &info) != 0 || !S_ISDIR(info.st_mode))
		return false;
	return join(marker, sizeof(marker), path, "oci-layout") && lstat(marker, &info) == 0 && S_ISREG(info.st_mode);
}

int oci_layout_build(const char *dir, const char *ref, const char *profile, size_t length,
                     const struct profile_annotation *annotations, size_t count, struct oci_layout_built *built,
                     char digest[SHA256_HEX + 7], char *message, size_t size)
{
	static const char layout_marker[] = "{\"imageLayoutVersion\":\"1.0.0\"}";
	char path[4096], config[SHA256_HEX], layer[SHA256_HEX], manifest[SHA256_HEX];
	char *manifest_json = NULL, *index_json = NULL;
	char *temp = built->temp;
	int status = -1;

	/* "out/" is "out": the layout is built beside it, never inside. */
	size_t length_of_dir = strlen(dir);
	while (length_of_dir > 1 && dir[length_of_dir - 1] == '/')
		length_of_dir--;
	if (length_of_dir >= sizeof(built->dir) - 64) {
		snprintf(message, size, "--oci-layout: the path is too long");
		return -1;
	}
	memcpy(built->dir, dir, length_of_dir);
	built->dir[length_of_dir] = '\0';
	dir = built->dir;
	if (lstat(dir, &(struct stat){ 0 }) == 0 && !is_layout(dir)) {
		snprintf(message, size, "--oci-layout %s: exists and is not an OCI image layout; name a new directory",
		         dir);
		return -1;
	}
	if ((size_t)snprintf(temp, sizeof(built->temp), "%s.f2s-XXXXXX", dir) >= sizeof(built->temp) || mkdtemp(temp) == NULL) {
		snprintf(message, size, "--oci-layout %s: cannot make a directory beside it: %s", dir, strerror(errno));
		temp[0] = '\0';
		return -1;
	}
	bool made = join(path, sizeof(path), temp, "blobs") && mkdir(path, 0755) == 0 &&
	            join(path, sizeof(path), temp, "blobs/sha256") && mkdir(path, 0755) == 0;
	if (!made || !join(path, sizeof(path), temp, "oci-layout") ||
	    !write_file(path, layout_marker, sizeof(layout_marker) - 1) || !write_blob(temp, "{}", 2, config) ||
	    !write_blob(temp, profile, length, layer))
		goto failed;
	manifest_json = manifest_text(config, layer, length, annotations, count);
	if (manifest_json == NULL) {
		errno = ENOMEM;
		goto failed;
	}
	if (!write_blob(temp, manifest_json, strlen(manifest_json), manifest))
		goto failed;
	index_json = index_text(manifest, strlen(manifest_json), ref);
	if (index_json == NULL) {
		errno = ENOMEM;
		goto failed;
	}
	if (!join(path, sizeof(path), temp, "index.json") || !write_file(path, index_json, strlen(index_json)))
		goto failed;
	if (join(path, sizeof(path), temp, "blobs/sha256"))
		sync_directory(path);
	sync_directory(temp);
	snprintf(digest, SHA256_HEX + 7, "sha256:%s", manifest);
	status = 0;
	goto done;
failed:
	snprintf(message, size, "--oci-layout %s: cannot write the layout: %s", dir, strerror(errno));
	oci_layout_discard(built);
done:
	free(manifest_json);
	free(index_json);
	return status;
}

int oci_layout_place(struct oci_layout_built *built, char *message, size_t size)
{
	const char *dir = built->dir;
	bool exists = lstat(dir, &(struct stat){ 0 }) == 0;

	if (exists && !is_layout(dir)) {
		snprintf(message, size, "--oci-layout %s: exists and is not an OCI image layout; name a new directory",
		         dir);
		oci_layout_discard(built);
		return -1;
	}
	/* In place: renamed where nothing was, or exchanged with the old layout in one step. */
	if (!exists ? rename(built->temp, dir) != 0
	            : renameat2(AT_FDCWD, built->temp, AT_FDCWD, dir, RENAME_EXCHANGE) != 0) {
		snprintf(message, size, "--oci-layout %s: cannot put the layout in place: %s", dir, strerror(errno));
		oci_layout_discard(built);
		return -1;
	}
	if (exists)
		remove_tree(built->temp);
	built->temp[0] = '\0';
	char *parent_copy = strdup(dir);
	if (parent_copy != NULL)
		sync_directory(dirname(parent_copy));
	free(parent_copy);
	return 0;
}

void oci_layout_discard(struct oci_layout_built *built)
{
	if (built->temp[0] != '\0')
		remove_tree(built->temp);
	built->temp[0] = '\0';
}

int oci_layout_write(const char *dir, const char *ref, const char *profile, size_t length,
                     const struct profile_annotation *annotations, size_t count, char digest[SHA256_HEX + 7],
                     char *message, size_t size)
{
	static struct oci_layout_built built;

	if (oci_layout_build(dir, ref, profile, length, annotations, count, &built, digest, message, size) != 0)
		return -1;
	return oci_layout_place(&built, message, size);
}
