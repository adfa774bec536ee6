/*
 * Fuzzes the pass over a log with no container filter, as --list-containers,
 * --all-containers and the workload selections run it: every line decoded,
 * every container kept. The promises: no container id longer than the
 * longest id, each NUL-terminated, and never more containers than lines.
 */
#include "decode/json_arena.h"
#include "scan/scan.h"
#include "syscalls/translate.h"

#include <seccomp.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void tell_nothing(void *context, const char *file, uint64_t line, const char *message)
{
	(void)context, (void)file, (void)line, (void)message;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct syscall_catalog catalog;
	static struct translator translator;
	struct arch_list arches = { { SCMP_ARCH_X86_64 }, 1 };
	static const char *const keys[] = { "app" };
	char path[64];
	int fd = memfd_create("fuzz_scan", 0);

	if (fd < 0 || (size > 0 && write(fd, data, size) != (ssize_t)size))
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	const char *files[] = { path };
	syscall_catalog_init(&catalog, &arches);
	if (translator_init(&translator, &catalog, false, true) != 0)
		abort();
	struct scan scan = { 0 };
	scan.files = files;
	scan.file_count = 1;
	scan.tell = tell_nothing;
	scan.details = size % 2 == 0;
	scan.jobs = 1;
	scan.label_keys = keys;
	scan.label_key_count = 1;
	scan.translator = &translator;
	enum scan_status status = scan_run(&scan);
	if (status == SCAN_OK) {
		if (scan.container_count > scan.lines)
			abort();
		for (size_t i = 0; i < scan.container_count; i++)
			if (strnlen(scan.containers[i].id, sizeof(scan.containers[i].id)) > CONTAINER_ID_MAX)
				abort();
	}
	scan_free(&scan);
	translator_free(&translator);
	close(fd);
	return 0;
}
