/*
 * A main for a fuzz target without libFuzzer: runs LLVMFuzzerTestOneInput
 * once on each file named (a folder: on each file in it), so that make
 * check replays the seed corpus and the saved regressions under the
 * sanitizers of its own build. Prints "NAME: N inputs" and exits 0; a
 * finding aborts through the sanitizer.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads path whole and runs the target on it; returns 0, or -1 when it cannot be read. */
static int replay_file(const char *path)
{
	FILE *file = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, capacity = 0;
	int status = 0;

	if (file == NULL)
		return -1;
	for (;;) {
		if (size == capacity) {
			capacity = capacity ? 2 * capacity : 4096;
			uint8_t *grown = realloc(data, capacity);
			if (grown == NULL) {
				status = -1;
				break;
			}
			data = grown;
		}
		size_t got = fread(data + size, 1, capacity - size, file);
		size += got;
		if (got == 0)
			break;
	}
	if (ferror(file))
		status = -1;
	fclose(file);
	/* An exact copy, so that ASan sees a read past the input's end. */
	uint8_t *exact = status == 0 ? malloc(size ? size : 1) : NULL;
	if (exact != NULL) {
		memcpy(exact, data, size);
		LLVMFuzzerTestOneInput(exact, size);
	} else {
		status = -1;
	}
	free(exact);
	free(data);
	return status;
}

int main(int argc, char **argv)
{
	size_t inputs = 0;

	for (int i = 1; i < argc; i++) {
		struct stat info;
		if (stat(argv[i], &info) == 0 && S_ISDIR(info.st_mode)) {
			DIR *dir = opendir(argv[i]);
			for (struct dirent *entry; dir && (entry = readdir(dir)) != NULL;) {
				char path[4096];
				if (entry->d_name[0] == '.')
					continue;
				snprintf(path, sizeof(path), "%s/%s", argv[i], entry->d_name);
				if (replay_file(path) != 0) {
					fprintf(stderr, "%s: cannot read\n", path);
					return 2;
				}
				inputs++;
			}
			if (dir != NULL)
				closedir(dir);
		} else if (replay_file(argv[i]) != 0) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			return 2;
		} else {
			inputs++;
		}
	}
	printf("%zu inputs\n", inputs);
	return 0;
}
