/*
 * scan: the pass over the logs. Memory follows the number of distinct
 * syscalls and containers, never the size of the logs.
 */
#include "scan/scan.h"

#include "policy/docker_default.h"
#include "decode/json_arena.h"
#include "input/line_reader.h"
#include "text/text.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONTAINER_SLOTS (2 * SCAN_CONTAINERS_MAX)
#define PROGRESS_EVERY ((uint64_t)16 << 20)

enum record_kind {
	RECORD_BAD,   /* an unusable line: told by bad_line's rules */
	RECORD_ARGS,  /* an argument value not understood: told by observe_arguments' rules */
	RECORD_PLAIN  /* anything else, told as it is */
};

/*
 * Keeps a worker's problem for later; false when memory runs out. Of bad
 * lines and arguments not understood only the first SCAN_REPORTS_MAX are
 * kept, which is all that can be shown however many came before the
 * worker's part; the rest are counted, so that memory does not grow with
 * the junk in a log.
 */
static bool keep_record(struct scan *scan, enum record_kind kind, uint64_t line, const char *message)
{
	if (kind != RECORD_PLAIN && scan->records_kept[kind] == SCAN_REPORTS_MAX) {
		scan->records_dropped[kind]++;
		return true;
	}
	if (kind != RECORD_PLAIN)
		scan->records_kept[kind]++;
	if (scan->record_count == scan->record_capacity) {
		size_t capacity = scan->record_capacity ? 2 * scan->record_capacity : 64;
		struct scan_record *grown = realloc(scan->records, capacity * sizeof(grown[0]));
		if (grown == NULL)
			return false;
		scan->records = grown;
		scan->record_capacity = capacity;
	}
	scan->records[scan->record_count].kind = (int)kind;
	scan->records[scan->record_count].line = line;
	scan->records[scan->record_count].message = strdup(message);
	return scan->records[scan->record_count++].message != NULL;
}

__attribute__((format(printf, 4, 5)))
static void report(struct scan *scan, const char *file, uint64_t line, const char *format, ...)
{
	char message[512];
	va_list args;

	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	if (scan->deferred)
		keep_record(scan, RECORD_PLAIN, line, message);
	else
		scan->report(scan->context, log_source_display_name(file), line, message);
}

/* The container an id names, added on first sight; NULL when full. */
static struct scan_container *container_for(struct scan *scan, const struct event_text *id, enum scan_status *status)
{
	size_t key_length = id->length < CONTAINER_SHORT_ID ? id->length : CONTAINER_SHORT_ID;
	uint32_t hash = text_hash(id->text, key_length, 1);
	uint32_t slot;
	struct scan_container *container;

	if (scan->container_slots == NULL) {
		scan->container_slots = calloc(CONTAINER_SLOTS, sizeof(scan->container_slots[0]));
		scan->containers = calloc(SCAN_CONTAINERS_MAX, sizeof(scan->containers[0]));
		if (scan->container_slots == NULL || scan->containers == NULL) {
			*status = SCAN_NO_MEMORY;
			return NULL;
		}
	}
	for (slot = hash % CONTAINER_SLOTS; scan->container_slots[slot] != 0; slot = (slot + 1) % CONTAINER_SLOTS) {
		container = &scan->containers[scan->container_slots[slot] - 1];
		size_t known = strlen(container->id);
		size_t common = known < id->length ? known : id->length;
		if ((common >= CONTAINER_SHORT_ID || known == id->length) &&
		    strncasecmp(container->id, id->text, common) == 0) {
			if (id->length > known) {
				for (size_t i = 0; i < id->length; i++)
					container->id[i] = text_lower(id->text[i]);
				container->id[id->length] = '\0';
			}
			return container;
		}
	}
	if (scan->container_count == SCAN_CONTAINERS_MAX) {
		*status = SCAN_TOO_MANY;
		return NULL;
	}
	container = &scan->containers[scan->container_count++];
	scan->container_slots[slot] = (uint32_t)scan->container_count;
	for (size_t i = 0; i < id->length; i++)
		container->id[i] = text_lower(id->text[i]);
	return container;
}

/* Copies length bytes of text into out (size bytes), cut short when longer. */
static void copy_cut(char *out, size_t size, const char *text, size_t length)
{
	if (length > size - 1)
		length = size - 1;
	if (text != NULL)
		memcpy(out, text, length);
	out[text != NULL ? length : 0] = '\0';
}

/* Keeps text in out (size bytes) if out is still empty, cut short when longer, with ":tag" after it when that fits. */
static void copy_text(char *out, size_t size, const struct event_text *text, const struct event_text *tag)
{
	size_t used;

	if (out[0] != '\0' || text->text == NULL)
		return;
	copy_cut(out, size, text->text, text->length);
	used = text->length < size - 1 ? text->length : size - 1;
	if (tag != NULL && tag->text != NULL && used + 1 + tag->length < size) {
		out[used] = ':';
		copy_cut(out + used + 1, size - used - 1, tag->text, tag->length);
	}
}

/* Writes the first CONTAINER_SHORT_ID characters of id, lower-cased, into out; false when id is shorter. */
static bool short_id(const struct event_text *id, char out[CONTAINER_SHORT_ID + 1])
{
	if (id->text == NULL || id->length < CONTAINER_SHORT_ID)
		return false;
	for (size_t i = 0; i < CONTAINER_SHORT_ID; i++)
		out[i] = text_lower(id->text[i]);
	out[CONTAINER_SHORT_ID] = '\0';
	return true;
}

/* The most pod sandbox ids remembered. */
#define SANDBOXES_MAX 4096

/* Remembers a pod's sandbox id, to tell its pause container by later. */
static void note_sandbox(struct scan *scan, const struct event_text *id)
{
	char text[CONTAINER_SHORT_ID + 1];

	if (!short_id(id, text))
		return;
	for (size_t i = 0; i < scan->sandbox_count; i++)
		if (strcmp(scan->sandboxes[i], text) == 0)
			return;
	if (scan->sandboxes == NULL)
		scan->sandboxes = calloc(SANDBOXES_MAX, sizeof(scan->sandboxes[0]));
	if (scan->sandboxes != NULL && scan->sandbox_count < SANDBOXES_MAX)
		memcpy(scan->sandboxes[scan->sandbox_count++], text, sizeof(text));
}

/* Keeps what an event says of its container's workload: name, image, pod, labels. */
static void note_workload(struct scan *scan, struct scan_container *container, const struct event *event)
{
	bool known = event->container_name.text != NULL || event->image.text != NULL ||
	             event->k8s_namespace.text != NULL || event->k8s_pod.text != NULL || event->label_count > 0;

	copy_text(container->name, sizeof(container->name), &event->container_name, NULL);
	copy_text(container->image, sizeof(container->image), &event->image, &event->image_tag);
	copy_text(container->repository, sizeof(container->repository), &event->image, NULL);
	copy_text(container->tag, sizeof(container->tag), &event->image_tag, NULL);
	copy_text(container->k8s_namespace, sizeof(container->k8s_namespace), &event->k8s_namespace, NULL);
	copy_text(container->k8s_pod, sizeof(container->k8s_pod), &event->k8s_pod, NULL);
	for (size_t k = 0; k < scan->label_key_count; k++)
		for (size_t i = 0; i < event->label_count; i++)
			if (event->labels[i].key.length == strlen(scan->label_keys[k]) &&
			    memcmp(event->labels[i].key.text, scan->label_keys[k], event->labels[i].key.length) == 0)
				copy_text(container->labels[k], sizeof(container->labels[k]), &event->labels[i].value, NULL);
	note_sandbox(scan, &event->k8s_sandbox);
	if (known)
		container->fields_known = true;
	else if (!container->fields_known)
		container->events_before_fields++;
}

static void add_translation(struct scan *scan, const struct translation *translation, const struct event *event,
                            struct syscall_set *set, struct location where)
{
	if (translation->kind == TRANSLATION_NOT_SYSCALL) {
		scan->not_syscall++;
		return;
	}
	if (translation->kind == TRANSLATION_UNKNOWN) {
		scan->unknown++;
		return;
	}
	for (int i = 0; i < translation->count; i++) {
		int id = translation->ids[i];
		if (!syscall_set_has(set, id)) {
			syscall_set_add(set, id);
			if (set == &scan->syscalls) {
				scan->first_seen[id] = where;
				copy_cut(scan->first_process[id], sizeof(scan->first_process[id]), event->process.text,
				         event->process.length);
			}
		}
	}
}

/* Adds name (length bytes) to a small list of names, or notes that there were more. */
static void note_name(char (*names)[SCAN_PROCESS_MAX + 1], size_t width, size_t *count, bool *more, const char *name,
                      size_t length)
{
	if (name == NULL || length == 0)
		return;
	if (length > width - 1)
		length = width - 1;
	for (size_t i = 0; i < *count; i++)
		if (strlen(names[i]) == length && memcmp(names[i], name, length) == 0)
			return;
	if (*count == SCAN_DETAIL_NAMES) {
		*more = true;
		return;
	}
	copy_cut(names[(*count)++], width, name, length);
}

static void note_detail(struct scan *scan, int id, const struct event *event, struct location where)
{
	struct scan_detail *detail = &scan->details_by_id[id];

	if (detail->events++ == 0) {
		detail->first.where = where;
		copy_cut(detail->first.time, sizeof(detail->first.time), event->time.text, event->time.length);
	}
	detail->last.where = where;
	copy_cut(detail->last.time, sizeof(detail->last.time), event->time.text, event->time.length);
	note_name(detail->processes, SCAN_PROCESS_MAX + 1, &detail->process_count, &detail->more_processes,
	          event->process.text, event->process.length);
	/* The container lists hold short ids, CONTAINER_SHORT_ID + 1 bytes wide, in the same rows. */
	char id_text[CONTAINER_SHORT_ID + 1];
	if (short_id(&event->container_id, id_text)) {
		bool known = false;
		for (size_t i = 0; i < detail->container_count && !known; i++)
			known = strcmp(detail->containers[i], id_text) == 0;
		if (!known && detail->container_count == SCAN_DETAIL_NAMES)
			detail->more_containers = true;
		else if (!known)
			memcpy(detail->containers[detail->container_count++], id_text, sizeof(id_text));
	}
}

/* Tells of an argument value not understood, the first few of them. */
static void tell_arguments(struct scan *scan, struct location where, const char *message)
{
	if (++scan->args_not_understood <= SCAN_REPORTS_MAX)
		report(scan, scan->files[where.file], where.line, "%s", message);
	if (scan->args_not_understood == SCAN_REPORTS_MAX)
		report(scan, scan->files[where.file], where.line, "further argument values not understood are "
		       "counted, not shown");
}

static void observe_arguments(struct scan *scan, struct arg_facts *facts, const struct event *event,
                              struct location where)
{
	char message[320];

	if (arg_facts_observe(facts, event, where, message, sizeof(message)) == ARG_OK)
		return;
	if (scan->deferred)
		keep_record(scan, RECORD_ARGS, where.line, message);
	else
		tell_arguments(scan, where, message);
}

/* Tells whether event may be the exit of an execve: only an exit carries the new program's name. */
static bool executes(const struct event *event)
{
	const struct event_text *name = &event->name;

	if (event->result.kind == JSON_NULL || name->text == NULL)
		return false;
	return (name->length == 6 && memcmp(name->text, "execve", 6) == 0) ||
	       (name->length == 8 && memcmp(name->text, "execveat", 8) == 0);
}

static enum scan_status take_event(struct scan *scan, enum event_status kind, const struct event *event,
                                   struct location where)
{
	struct syscall_set *set = &scan->syscalls;
	struct arg_facts *facts = &scan->facts;
	enum scan_status status = SCAN_OK;
	const struct translation *translation;
	struct container_life *life;

	if (scan->filter != NULL) {
		int wanted = container_filter_match(scan->filter, event->container_id.text, event->container_id.length);
		if (wanted < 0)
			return SCAN_OK;
		scan->matched_per_wanted[wanted]++;
		life = &scan->life[wanted];
	} else {
		if (event->container_id.text == NULL) {
			/* Counted only where every line is decoded: the pre-filter passes over them. */
			if (event->unplaced) {
				enum container_runtime runtime = container_life_runtime_of(event->process.text, event->process.length);
				if (scan->unplaced++ == 0)
					scan->first_unplaced = where;
				if (runtime < RUNTIME_COUNT)
					scan->unplaced_runtimes |= 1u << runtime;
			}
			return SCAN_OK;
		}
		struct scan_container *container = container_for(scan, &event->container_id, &status);
		if (container == NULL)
			return status;
		container->events++;
		note_workload(scan, container, event);
		set = &container->syscalls;
		facts = &container->facts;
		life = &container->life;
	}
	scan->matched++;
	if (container_life_is_runtime(life, event->process.text, event->process.length, executes(event))) {
		if (life->runtime_events++ == 0)
			life->first_runtime = where;
		return SCAN_OK;
	}
	if (kind == EVENT_NO_SYSCALL) {
		scan->not_syscall++;
		return SCAN_OK;
	}
	translation = translator_get(scan->translator, event->name.text, event->name.length, where);
	add_translation(scan, translation, event, set, where);
	for (int i = 0; scan->details_by_id != NULL && i < translation->count; i++)
		note_detail(scan, translation->ids[i], event, where);
	if (translation->kind == TRANSLATION_SYSCALLS)
		observe_arguments(scan, facts, event, where);
	return SCAN_OK;
}

/* Tells of an unusable line by the rules of bad_line. */
static enum scan_status tell_bad_line(struct scan *scan, const char *file, uint64_t line, const char *message)
{
	scan->bad_lines++;
	if (scan->strict) {
		report(scan, file, line, "%s (--strict stops here)", message);
		return SCAN_INPUT_ERROR;
	}
	if (scan->bad_lines <= SCAN_REPORTS_MAX)
		report(scan, file, line, "%s; line skipped", message);
	if (scan->bad_lines == SCAN_REPORTS_MAX)
		report(scan, file, line, "further unusable lines are counted, not shown");
	return SCAN_OK;
}

/* An unusable line: told, or kept for later by a worker; --strict stops at the first. */
static enum scan_status bad_line(struct scan *scan, const char *file, uint64_t line, const char *message)
{
	if (!scan->deferred)
		return tell_bad_line(scan, file, line, message);
	scan->bad_lines++;
	if (!keep_record(scan, RECORD_BAD, line, message))
		return SCAN_NO_MEMORY;
	return scan->strict ? SCAN_INPUT_ERROR : SCAN_OK;
}

/*
 * After this many lines in a row of the wanted containers, the pre-filter
 * is asked only about lines that decode as unusable or as a drop alert:
 * where most lines are wanted it would say yes to nearly every one. The
 * result is the same, since every other line the pre-filter passes over
 * decodes into nothing that counts (the fuzz target checks that).
 */
#define DECODE_FIRST_AFTER 16

static enum scan_status scan_line(struct scan *scan, uint32_t file_index, uint64_t number,
                                  const char *line, size_t length)
{
	const char *file = scan->files[file_index];
	struct location where = { file_index, number };
	struct event event;
	enum event_status kind;
	enum scan_status status = SCAN_OK;
	bool prefiltered = scan->filter != NULL && !scan->full_parse;
	bool decode_first = prefiltered && scan->wanted_in_a_row >= DECODE_FIRST_AFTER;
	uint64_t matched = scan->matched;

	/* A line passed over is framed as a JSON object, so never blank. */
	if (prefiltered && !decode_first && !container_filter_may_match_line(scan->filter, line, length)) {
		scan->events++;
		scan->wanted_in_a_row = 0;
		return SCAN_OK;
	}
	kind = scan->full_parse ? event_decode_full(line, length, &event) : event_decode(line, length, &event);
	if (decode_first && (kind == EVENT_BAD || kind == EVENT_DROP) &&
	    !container_filter_may_match_line(scan->filter, line, length)) {
		/* What the pre-filter would have done: pass over it. */
		scan->events++;
		scan->wanted_in_a_row = 0;
		json_arena_reset();
		return SCAN_OK;
	}
	switch (kind) {
	case EVENT_EMPTY:
		break;
	case EVENT_BAD:
		scan->events++;
		status = bad_line(scan, file, number, event.message);
		break;
	case EVENT_DROP:
		scan->events++;
		if (scan->drop_alerts++ == 0)
			scan->first_drop = where;
		scan->drops += event.drops;
		break;
	case EVENT_OTHER_RULE:
		scan->events++;
		if (event.container_id.text != NULL &&
		    (scan->filter == NULL ||
		     container_filter_match(scan->filter, event.container_id.text, event.container_id.length) >= 0))
			scan->other_rules++;
		break;
	case EVENT_SYSCALL:
	case EVENT_NO_SYSCALL:
		scan->events++;
		status = take_event(scan, kind, &event, where);
		break;
	}
	scan->wanted_in_a_row = scan->matched > matched ? scan->wanted_in_a_row + 1 : 0;
	json_arena_reset();
	return status;
}

/*
 * Says what stopped the reading of file after line: a failed read, or
 * compressed data that is broken or cut short. Broken data ends the file
 * like a bad line ends itself: what was read counts, unless --strict.
 */
static enum scan_status read_failed(struct scan *scan, const char *file, const struct line_reader *reader)
{
	switch (reader->source_status) {
	case LOG_NO_MEMORY:
		return SCAN_NO_MEMORY;
	case LOG_CORRUPT:
		report(scan, file, 0, "the %s data ends or breaks after line %llu (%s)%s",
		       log_kind_name(reader->source->kind), (unsigned long long)reader->line_number, reader->source->message,
		       scan->strict ? "; --strict stops here" : "; the lines before it are kept");
		return scan->strict ? SCAN_INPUT_ERROR : SCAN_OK;
	case LOG_SHRANK:
		report(scan, file, 0, "shrank while it was being read; read it again when it is still");
		return SCAN_INPUT_ERROR;
	case LOG_READ_ERROR:
	case LOG_OK:
	default:
		report(scan, file, reader->line_number + 1, "cannot read: %s", strerror(reader->errno_value));
		return SCAN_INPUT_ERROR;
	}
}

/* Reads the lines of one input through reader. */
static enum scan_status scan_stream(struct scan *scan, uint32_t file_index, struct line_reader *reader)
{
	const char *file = scan->files[file_index];
	enum scan_status status = SCAN_OK;
	const char *line;
	size_t length;

	while (status == SCAN_OK) {
		enum line_status got = line_reader_next(reader, &line, &length);
		if (got == LINE_END)
			break;
		if (got == LINE_READ_ERROR) {
			status = read_failed(scan, file, reader);
			break;
		}
		scan->lines++;
		if (got == LINE_TOO_LONG) {
			scan->events++;
			status = bad_line(scan, file, reader->line_number, "longer than the 8 MiB line limit");
			continue;
		}
		status = scan_line(scan, file_index, reader->line_number, line, length);
		if (scan->progress != NULL && scan->bytes + reader->bytes_read - scan->last_progress >= PROGRESS_EVERY) {
			scan->last_progress = scan->bytes + reader->bytes_read;
			scan->progress(scan->context, scan->last_progress);
		}
	}
	scan->bytes += reader->bytes_read;
	return status;
}

static enum scan_status scan_file(struct scan *scan, uint32_t file_index)
{
	const char *file = scan->files[file_index];
	bool is_stdin = strcmp(file, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC);
	struct log_source source;
	struct line_reader reader;
	enum scan_status status = SCAN_OK;
	enum log_status opened;

	if (fd < 0) {
		report(scan, file, 0, "cannot open: %s", strerror(errno));
		return SCAN_INPUT_ERROR;
	}
	opened = log_source_open(&source, fd);
	if (opened == LOG_OK && (source.kind == LOG_XZ || source.kind == LOG_BZIP2)) {
		bool xz = source.kind == LOG_XZ;
		report(scan, file, 0, "%s-compressed, which falco2seccomp does not read (gzip and zstd it does); "
		       "decompress it first: %s %s | falco2seccomp -log - ...", xz ? "xz" : "bzip2", xz ? "xzcat" : "bzcat",
		       is_stdin ? "FILE" : file);
		status = SCAN_INPUT_ERROR;
	} else if (opened == LOG_READ_ERROR) {
		report(scan, file, 0, "cannot read: %s", strerror(source.errno_value));
		status = SCAN_INPUT_ERROR;
	} else if (opened != LOG_OK || line_reader_init(&reader, &source, LINE_MAX_BYTES) != 0) {
		status = SCAN_NO_MEMORY;
	}
	if (status != SCAN_OK) {
		log_source_close(&source);
		if (!is_stdin)
			close(fd);
		return status;
	}
	/* With more than one job, a compressed file is decompressed on one core and scanned on another. */
	if (scan->jobs > 1)
		log_source_read_ahead(&source);
	status = scan_stream(scan, file_index, &reader);
	line_reader_free(&reader);
	log_source_close(&source);
	if (!is_stdin)
		close(fd);
	return status;
}

/* Parallel passes. */

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
		report(&worker->scan, file, 0, "cannot read its part: %s", strerror(errno));
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
		plain = log_source_open(&probe, fd) == LOG_OK && probe.kind == LOG_PLAIN;
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
			status = tell_bad_line(scan, file, where.line, record->message);
		else if (record->kind == RECORD_ARGS)
			tell_arguments(scan, where, record->message);
		else
			report(scan, file, where.line, "%s", record->message);
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
		report(scan, file, 0, "was replaced while it was being opened; read it again when it is still");
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
		report(scan, file, 0, "shrank while it was being read; read it again when it is still");
		status = SCAN_INPUT_ERROR;
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
	for (size_t c = 0; c < scan->container_count; c++)
		for (size_t i = 0; i < scan->sandbox_count && !scan->containers[c].sandbox; i++)
			scan->containers[c].sandbox = strncmp(scan->containers[c].id, scan->sandboxes[i], CONTAINER_SHORT_ID) == 0;
	json_arena_end();
	return status;
}

void scan_free(struct scan *scan)
{
	if (scan == NULL)
		return;
	free(scan->containers);
	free(scan->container_slots);
	free(scan->details_by_id);
	scan->details_by_id = NULL;
	free(scan->sandboxes);
	scan->sandboxes = NULL;
	scan->containers = NULL;
	scan->container_slots = NULL;
}
