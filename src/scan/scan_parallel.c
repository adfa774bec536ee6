/*
 * scan_parallel: the pass over every input (scan_run): a large plain
 * regular log is read by several threads, each a part from one line start
 * to the next, then absorbed in file order, so that --jobs N says exactly
 * what --jobs 1 says; any other input by one thread (scan_pass.c).
 */
#include "scan/scan.h"
#include "scan/scan_pass.h"

#include "decode/json_arena.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A regular file smaller than this is read by one thread: splitting would cost more than it saves. */
#define PARALLEL_MIN_BYTES ((uint64_t)4 << 20)

/* One part of a file and the thread that reads it. */
struct worker {
	struct scan scan;                 /* the part's own pass, its problems kept in records */
	struct syscall_catalog *catalog;  /* owned: the part's names */
	struct translator translator;     /* the part's event names */
	uint64_t start;                   /* the part's first byte */
	uint64_t length;                  /* its bytes */
	uint64_t lines;                   /* the lines it read */
	enum scan_status status;          /* how its pass ended */
	pthread_t thread;                 /* the thread reading it */
	bool started;                     /* the thread was started */
	int measured_fd;                  /* the descriptor the file was measured through, borrowed */
	uint64_t progress;                /* bytes read so far, for the main thread's progress (atomic) */
	int finished;                     /* the thread is done (atomic) */
	bool open_window;                 /* its part ended inside a runtime's window (container_life.h) */
};

/* A worker's progress, kept for the main thread to add up. */
static void worker_progress(void *context, uint64_t bytes)
{
	__atomic_store_n(&((struct worker *)context)->progress, bytes, __ATOMIC_RELAXED);
}

/* While the workers read, shows the bytes they read together now and then. */
static void follow_progress(struct scan *scan, struct worker *workers, unsigned jobs)
{
	const struct timespec pause = { 0, 100 * 1000 * 1000 };

	for (;;) {
		uint64_t bytes = scan->bytes;
		unsigned done = 0;
		for (unsigned k = 0; k < jobs; k++) {
			bytes += __atomic_load_n(&workers[k].progress, __ATOMIC_RELAXED);
			done += !workers[k].started || __atomic_load_n(&workers[k].finished, __ATOMIC_ACQUIRE);
		}
		if (bytes - scan->last_progress >= PROGRESS_EVERY) {
			scan->last_progress = bytes;
			scan->progress(scan->context, bytes);
		}
		if (done == jobs)
			return;
		nanosleep(&pause, NULL);
	}
}

/*
 * A descriptor of its own (its own offset) on the file that fd has open:
 * through /proc/self/fd, so that a log renamed (rotated) after it was
 * measured is still the one read; by name where /proc is not there, and
 * then only if it is still that file.
 */
static int reopen(int fd, const char *file)
{
	char path[64];
	struct stat measured, opened;
	int again;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	again = open(path, O_RDONLY | O_CLOEXEC);
	if (again >= 0)
		return again;
	again = open(file, O_RDONLY | O_CLOEXEC);
	if (again >= 0 && (fstat(fd, &measured) != 0 || fstat(again, &opened) != 0 || measured.st_dev != opened.st_dev ||
	                   measured.st_ino != opened.st_ino)) {
		close(again);
		errno = ESTALE;
		return -1;
	}
	return again;
}

static void *work(void *data)
{
	struct worker *worker = data;
	const char *file = worker->scan.files[0];
	int fd = reopen(worker->measured_fd, file);
	struct log_source source;
	struct line_reader reader;

	worker->status = SCAN_INPUT_ERROR;
	if (fd < 0 || lseek(fd, (off_t)worker->start, SEEK_SET) < 0) {
		scan_report(&worker->scan, file, 0, "cannot read its part: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		/* Done all the same: the progress loop waits for every started worker to say so. */
		__atomic_store_n(&worker->finished, 1, __ATOMIC_RELEASE);
		return NULL;
	}
	log_source_open_range(&source, fd, worker->length);
	if (json_arena_thread_begin() != 0 || line_reader_init(&reader, &source, LINE_MAX_BYTES) != 0) {
		worker->status = SCAN_NO_MEMORY;
	} else {
		worker->status = scan_stream(&worker->scan, 0, &reader);
		worker->lines = reader.line_number;
		/* A window open at the part's end crosses into the next part, which cannot know of it. */
		for (size_t i = 0; i < CONTAINER_FILTER_MAX; i++)
			worker->open_window |= worker->scan.life[i].window != 0;
		scan_finish_lives(&worker->scan);
		line_reader_free(&reader);
	}
	json_arena_thread_end();
	log_source_close(&source);
	close(fd);
	__atomic_store_n(&worker->finished, 1, __ATOMIC_RELEASE);
	return NULL;
}

/*
 * The byte after the first newline at or after offset, reading fd; size
 * when there is none. Parts of a file begin at line starts.
 */
static uint64_t next_line_start(int fd, uint64_t offset, uint64_t size)
{
	char block[4096];

	while (offset < size) {
		ssize_t got = pread(fd, block, sizeof(block), (off_t)offset);
		if (got <= 0)
			return size;
		char *newline = memchr(block, '\n', (size_t)got);
		if (newline != NULL)
			return offset + (uint64_t)(newline - block) + 1;
		offset += (uint64_t)got;
	}
	return size;
}

/* Tells whether file should be read in parallel: regular, large enough, and not compressed. */
static bool parallel_fits(const struct scan *scan, const char *file, struct stat *info)
{
	unsigned char magic[6];
	struct log_source probe;
	int fd;
	bool plain;

	if (scan->jobs <= 1 || scan->filter == NULL || scan->details || strcmp(file, "-") == 0)
		return false;
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	plain = fstat(fd, info) == 0 && S_ISREG(info->st_mode) && (uint64_t)info->st_size >= PARALLEL_MIN_BYTES &&
	        pread(fd, magic, sizeof(magic), 0) == (ssize_t)sizeof(magic);
	if (plain) {
		/* The kind is told by the first bytes, as for one thread. */
		plain = log_source_open(&probe, fd) == LOG_OK && probe.decoder.kind == LOG_PLAIN;
		log_source_close(&probe);
	}
	close(fd);
	return plain;
}

/* Moves a location of a worker's part to the file's line numbers. */
static void shift(struct location *where, uint64_t offset)
{
	if (where->line > 0)
		where->line += offset;
}

/* Moves the origins of the namespace flags in bits from a part's lines to the file's. */
static void place_origins(uint32_t bits, struct arg_origin *at, uint32_t file_index, uint64_t offset)
{
	for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if (bits & docker_namespace_flags[i].value) {
			at[i].where.file = file_index;
			shift(&at[i].where, offset);
		}
}

/*
 * Puts a worker's part into scan, as if scan had read it after what it
 * has: its problems told in order with the file's line numbers (stopping
 * where --strict stops), then its names, sets, facts and counts.
 */
static enum scan_status absorb(struct scan *scan, struct worker *worker, uint32_t file_index, uint64_t offset)
{
	const struct scan *part = &worker->scan;
	const char *file = scan->files[file_index];
	enum scan_status status = SCAN_OK;

	for (size_t i = 0; i < part->record_count && status == SCAN_OK; i++) {
		const struct scan_record *record = &part->records[i];
		struct location where = { file_index, record->line };
		shift(&where, offset);
		if (record->kind == RECORD_BAD)
			status = scan_tell_bad_line(scan, file, where.line, record->message);
		else if (record->kind == RECORD_ARGS)
			scan_tell_arguments(scan, where, record->message);
		else
			scan_report(scan, file, where.line, "%s", record->message);
	}
	if (status == SCAN_OK) {
		scan->bad_lines += part->records_dropped[RECORD_BAD];
		scan->args_not_understood += part->records_dropped[RECORD_ARGS];
	}
	if (status == SCAN_OK && worker->status != SCAN_OK)
		status = worker->status;
	for (size_t i = 0; i < worker->translator.count; i++) {
		struct translation entry = worker->translator.entries[i];
		entry.first.file = file_index;
		translator_absorb(scan->translator, &entry, offset);
	}
	scan->translator->names_not_remembered += worker->translator.names_not_remembered;
	scan->translator->catalog_full |= worker->translator.catalog_full;
	for (size_t id = 0; id < worker->catalog->count; id++) {
		int mine = syscall_catalog_find(scan->translator->catalog, syscall_catalog_name(worker->catalog, (int)id));
		if (mine >= 0 && syscall_set_has(&part->refused, (int)id))
			syscall_set_add(&scan->refused, mine);
		if (mine < 0 || !syscall_set_has(&part->syscalls, (int)id) || syscall_set_has(&scan->syscalls, mine))
			continue;
		syscall_set_add(&scan->syscalls, mine);
		scan->first_seen[mine] = part->first_seen[id];
		scan->first_seen[mine].file = file_index;
		shift(&scan->first_seen[mine], offset);
		memcpy(scan->first_process[mine], part->first_process[id], sizeof(scan->first_process[mine]));
	}
	struct arg_facts facts = part->facts;
	place_origins(facts.namespaces, facts.namespace_at, file_index, offset);
	place_origins(facts.untrusted_namespaces, facts.untrusted_at, file_index, offset);
	for (size_t i = 0; i < CONTAINER_FILTER_MAX; i++) {
		struct container_life life = part->life[i];
		life.first_runtime.file = file_index;
		shift(&life.first_runtime, offset);
		container_life_unite(&scan->life[i], &life);
	}
	for (int call = 0; call < ARG_SOCKET_CALLS; call++)
		if (facts.families[call].unrestricted && facts.families[call].why_at.profile == NULL) {
			facts.families[call].why_at.where.file = file_index;
			shift(&facts.families[call].why_at.where, offset);
		}
	arg_facts_unite(&scan->facts, &facts);
	if (scan->drop_alerts == 0 && part->drop_alerts > 0) {
		scan->first_drop = part->first_drop;
		scan->first_drop.file = file_index;
		shift(&scan->first_drop, offset);
	}
	scan->lines += part->lines;
	scan->events += part->events;
	scan->matched += part->matched;
	for (size_t i = 0; i < CONTAINER_FILTER_MAX; i++)
		scan->matched_per_wanted[i] += part->matched_per_wanted[i];
	scan->drop_alerts += part->drop_alerts;
	scan->drops += part->drops;
	scan->not_syscall += part->not_syscall;
	scan->rawres_seen |= part->rawres_seen;
	scan_provenance_unite(&scan->provenance, &part->provenance);
	scan->unknown += part->unknown;
	scan->other_rules += part->other_rules;
	scan->bytes += part->bytes;
	return status;
}

static void worker_free(struct worker *worker)
{
	for (size_t i = 0; i < worker->scan.record_count; i++)
		free(worker->scan.records[i].message);
	free(worker->scan.records);
	scan_free(&worker->scan);
	translator_free(&worker->translator);
	free(worker->catalog);
}

/*
 * Sets worker up to read its part (start and length set) of scan's file.
 * A guessing worker does not know what the workloads had done before its
 * part; it takes them as not started and notes where that mattered.
 */
static int worker_init(struct worker *worker, const struct scan *scan, uint32_t file_index, bool guessing)
{
	uint64_t start = worker->start, length = worker->length;
	int measured_fd = worker->measured_fd;

	memset(worker, 0, sizeof(*worker));
	worker->start = start;
	worker->length = length;
	worker->measured_fd = measured_fd;
	worker->catalog = malloc(sizeof(*worker->catalog));
	if (worker->catalog == NULL)
		return -1;
	syscall_catalog_init(worker->catalog, &scan->translator->catalog->arches);
	if (translator_init(&worker->translator, worker->catalog, scan->translator->exact,
	                    scan->translator->with_ia32) != 0)
		return -1;
	worker->scan.files = &scan->files[file_index];
	worker->scan.file_count = 1;
	worker->scan.filter = scan->filter;
	worker->scan.strict = scan->strict;
	worker->scan.full_parse = scan->full_parse;
	worker->scan.deferred = true;
	worker->scan.translator = &worker->translator;
	for (size_t i = 0; i < CONTAINER_FILTER_MAX; i++) {
		worker->scan.life[i].started = !guessing && scan->life[i].started;
		worker->scan.life[i].executed = guessing ? 0 : scan->life[i].executed;
		worker->scan.life[i].guessing = guessing;
	}
	if (scan->progress != NULL) {
		worker->scan.progress = worker_progress;
		worker->scan.context = worker;
	}
	return 0;
}

/* Tells whether worker, guessing, left out or passed over what scan now knows the workload's. */
static bool guessed_wrong(const struct scan *scan, const struct worker *worker)
{
	for (size_t i = 0; i < CONTAINER_FILTER_MAX; i++)
		if ((worker->scan.life[i].assumed & scan->life[i].executed) ||
		    (worker->scan.life[i].assumed_start && scan->life[i].started))
			return true;
	return false;
}

/* Reads a regular file in parts, one thread each, and puts the parts together in order. */
static enum scan_status scan_file_parallel(struct scan *scan, uint32_t file_index, const struct stat *before)
{
	const char *file = scan->files[file_index];
	uint64_t size = (uint64_t)before->st_size, offset = 0;
	unsigned jobs = scan->jobs;
	struct worker *workers = calloc(jobs, sizeof(workers[0]));
	enum scan_status status = SCAN_OK;
	struct stat after;
	int fd = open(file, O_RDONLY | O_CLOEXEC);

	/* Measured and read through this one descriptor: a file put in its place meanwhile is not read. */
	if (fd >= 0 && (fstat(fd, &after) != 0 || after.st_dev != before->st_dev || after.st_ino != before->st_ino)) {
		free(workers);
		close(fd);
		scan_report(scan, file, 0, "was replaced while it was being opened; read it again when it is still");
		return SCAN_INPUT_ERROR;
	}
	if (workers == NULL || fd < 0) {
		free(workers);
		if (fd >= 0)
			close(fd);
		return scan_file(scan, file_index);
	}
	uint64_t done = 0;
	for (unsigned k = 0; k < jobs; k++) {
		struct worker *worker = &workers[k];
		uint64_t end = k + 1 == jobs ? size : next_line_start(fd, size / jobs * (k + 1), size);
		worker->start = done;
		worker->length = end > done ? end - done : 0;
		worker->measured_fd = fd;
		done = end > done ? end : done;
		/* The first part starts where the pass stands; the others guess that no workload executed a runtime's name. */
		if (worker_init(worker, scan, file_index, k > 0) != 0) {
			status = SCAN_NO_MEMORY;
			break;
		}
		worker->started = pthread_create(&worker->thread, NULL, work, worker) == 0;
		if (!worker->started) {
			status = SCAN_NO_MEMORY;
			break;
		}
	}
	if (scan->progress != NULL && status == SCAN_OK)
		follow_progress(scan, workers, jobs);
	for (unsigned k = 0; k < jobs; k++)
		if (workers[k].started)
			pthread_join(workers[k].thread, NULL);
	/* Each part was read up to the size measured: what was appended since is for the next run, as with one thread. */
	if (status == SCAN_OK && (fstat(fd, &after) != 0 || after.st_size < before->st_size)) {
		scan_report(scan, file, 0, "shrank while it was being read; read it again when it is still");
		status = SCAN_INPUT_ERROR;
	}
	/* A restart straddling two parts cannot be told by either: the file is read again on one thread. */
	bool straddles = false;
	for (unsigned k = 0; k + 1 < jobs && status == SCAN_OK; k++)
		straddles |= workers[k].open_window;
	if (straddles) {
		for (unsigned k = 0; k < jobs; k++)
			worker_free(&workers[k]);
		free(workers);
		close(fd);
		return scan_file(scan, file_index);
	}
	for (unsigned k = 0; k < jobs && status == SCAN_OK; k++) {
		if (guessed_wrong(scan, &workers[k])) {
			/* The part left out events of a workload that had started before it: read it again, knowing. */
			worker_free(&workers[k]);
			if (worker_init(&workers[k], scan, file_index, false) != 0 ||
			    pthread_create(&workers[k].thread, NULL, work, &workers[k]) != 0) {
				status = SCAN_NO_MEMORY;
				break;
			}
			/* On a thread of its own, as it has a JSON arena of its own. */
			pthread_join(workers[k].thread, NULL);
		}
		status = absorb(scan, &workers[k], file_index, offset);
		offset += workers[k].lines;
	}
	for (unsigned k = 0; k < jobs; k++)
		worker_free(&workers[k]);
	free(workers);
	close(fd);
	return status;
}

enum scan_status scan_run(struct scan *scan)
{
	enum scan_status status = SCAN_OK;

	if (json_arena_begin() != 0)
		return SCAN_NO_MEMORY;
	if (scan->details && scan->details_by_id == NULL) {
		scan->details_by_id = calloc(SYSCALL_NAMES_MAX, sizeof(scan->details_by_id[0]));
		if (scan->details_by_id == NULL) {
			json_arena_end();
			return SCAN_NO_MEMORY;
		}
	}
	for (size_t i = 0; i < scan->file_count && status == SCAN_OK; i++) {
		struct stat info;
		status = parallel_fits(scan, scan->files[i], &info) ? scan_file_parallel(scan, (uint32_t)i, &info)
		                                               : scan_file(scan, (uint32_t)i);
	}
	scan_finish_lives(scan);
	scan_mark_sandboxes(scan);
	json_arena_end();
	return status;
}
