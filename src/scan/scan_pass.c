/*
 * scan_pass: the pass over one input on one thread. Memory follows the number of distinct
 * syscalls and containers, never the size of the logs.
 */
#include "scan/scan.h"
#include "scan/scan_pass.h"

#include "decode/json_arena.h"
#include "text/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


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
void scan_report(struct scan *scan, const char *file, uint64_t line, const char *format, ...)
{
	char message[512];
	va_list args;

	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	if (scan->deferred)
		keep_record(scan, RECORD_PLAIN, line, message);
	else
		scan->tell(scan->context, log_source_display_name(file), line, message);
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
                            struct syscall_set *set, struct syscall_set *refused, struct location where)
{
	/* What a seccomp filter's refusal returns: EPERM (SCMP_ACT_ERRNO's default) or ENOSYS. */
	bool failed = event->result.kind == JSON_NUMBER && (event->result.number == -1 || event->result.number == -38);

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
		if (failed)
			syscall_set_add(refused, id);
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
void scan_tell_arguments(struct scan *scan, struct location where, const char *message)
{
	if (++scan->args_not_understood <= SCAN_REPORTS_MAX)
		scan_report(scan, scan->files[where.file], where.line, "%s", message);
	if (scan->args_not_understood == SCAN_REPORTS_MAX)
		scan_report(scan, scan->files[where.file], where.line, "further argument values not understood are "
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
		scan_tell_arguments(scan, where, message);
}

void scan_finish_lives(struct scan *scan)
{
	for (size_t i = 0; i < CONTAINER_FILTER_MAX; i++)
		container_life_finish(&scan->life[i], &scan->syscalls);
	for (size_t c = 0; c < scan->container_count; c++)
		container_life_finish(&scan->containers[c].life, &scan->containers[c].syscalls);
}

void scan_settle_families(struct scan *scan)
{
	const struct translator *t = scan->translator;
	struct syscall_set own, family, apart;

	memset(&own, 0, sizeof(own));
	memset(&family, 0, sizeof(family));
	memset(&apart, 0, sizeof(apart));
	memset(&scan->families_told, 0, sizeof(scan->families_told));
	for (size_t i = 0; i < t->count; i++) {
		const struct translation *entry = &t->entries[i];
		if (entry->kind != TRANSLATION_SYSCALLS || entry->events == 0)
			continue;
		for (int k = 0; k < entry->count; k++)
			syscall_set_add(k >= entry->own_count && k < entry->direct_count ? &family : &own, entry->ids[k]);
	}
	for (size_t i = 0; i < t->count; i++) {
		const struct translation *entry = &t->entries[i];
		if (!entry->expanded || entry->events == 0)
			continue;
		/* The log tells this family apart when it names one of the members as an event of its own. */
		bool named = scan->rawres_seen;
		for (int k = entry->own_count; k < entry->direct_count && !named; k++)
			named = syscall_set_has(&own, entry->ids[k]);
		for (int k = entry->own_count; named && k < entry->direct_count; k++) {
			syscall_set_add(&scan->families_told, entry->ids[k]);
			if (!syscall_set_has(&own, entry->ids[k]))
				syscall_set_add(&apart, entry->ids[k]);
		}
	}
	scan->families_apart = apart;
	/*
	 * The other way round: Falco 0.38 and later (evt.rawres in the log)
	 * report a successful execveat as execve (libs' execve exit event), so
	 * where a log shows execve, execveat may have been made: it goes with it.
	 */
	int execve = syscall_catalog_find(t->catalog, "execve");
	int execveat = scan->rawres_seen && execve >= 0 ? syscall_catalog_intern(t->catalog, "execveat") : -1;
	scan->execveat_added = false;
	if (execveat >= 0 && syscall_exists_on_any(&t->catalog->arches, "execveat")) {
		if (syscall_set_has(&scan->syscalls, execve) && !syscall_set_has(&scan->syscalls, execveat)) {
			syscall_set_add(&scan->syscalls, execveat);
			scan->execveat_added = true;
		}
		for (size_t c = 0; c < scan->container_count; c++)
			if (syscall_set_has(&scan->containers[c].syscalls, execve))
				syscall_set_add(&scan->containers[c].syscalls, execveat);
	}
	if (syscall_set_count(&apart) == 0)
		return;
	for (size_t w = 0; w < SYSCALL_NAMES_MAX / 64; w++) {
		scan->syscalls.bits[w] &= ~apart.bits[w];
		for (size_t c = 0; c < scan->container_count; c++)
			scan->containers[c].syscalls.bits[w] &= ~apart.bits[w];
	}
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
	if (event->result.kind == JSON_NUMBER)
		scan->rawres_seen = true;
	struct syscall_set *set = &scan->syscalls, *refused = &scan->refused;
	struct arg_facts *facts = &scan->facts;
	struct scan_provenance *provenance = &scan->provenance;
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
				bool stage;
				enum container_runtime runtime = runtime_of_process(event->process.text, event->process.length, &stage);
				if (scan->unplaced++ == 0)
					scan->first_unplaced = where;
				if (runtime < RUNTIME_COUNT)
					scan->unplaced_runtimes |= 1u << runtime;
			}
			return SCAN_OK;
		}
		/* Decoding's post-condition, checked again where the id is copied into a fixed array. */
		if (event->container_id.length > CONTAINER_ID_MAX) {
			scan_report(scan, scan->files[where.file], where.line, "a container id of %zu bytes is longer "
			            "than any (%d)", event->container_id.length, CONTAINER_ID_MAX);
			return SCAN_INPUT_ERROR;
		}
		struct scan_container *container = scan_container_for(scan, &event->container_id, &status);
		if (container == NULL)
			return status;
		container->events++;
		note_workload(scan, container, event);
		set = &container->syscalls;
		refused = &container->refused;
		facts = &container->facts;
		provenance = &container->provenance;
		life = &container->life;
	}
	scan->matched++;
	scan_provenance_note(provenance, event->time.text, event->time.length, event->hostname.text, event->hostname.length,
	                     event->image_digest.text, event->image_digest.length);
	switch (container_life_judge(life, event->process.text, event->process.length, executes(event), set)) {
	case LIFE_RUNTIME:
		if (life->runtime_events++ == 0)
			life->first_runtime = where;
		return SCAN_OK;
	case LIFE_PENDING:
		/* A restart's setup, or a program called like the runtime: its syscalls wait until that is told. */
		if (life->pending_events++ == 0)
			life->first_pending = where;
		if (kind == EVENT_SYSCALL) {
			translation = translator_get(scan->translator, event->name.text, event->name.length, where);
			for (int i = 0; translation->kind == TRANSLATION_SYSCALLS && i < translation->count; i++)
				syscall_set_add(&life->pending, translation->ids[i]);
		}
		return SCAN_OK;
	case LIFE_WORKLOAD:
		break;
	}
	if (kind == EVENT_NO_SYSCALL) {
		scan->not_syscall++;
		return SCAN_OK;
	}
	translation = translator_get(scan->translator, event->name.text, event->name.length, where);
	add_translation(scan, translation, event, set, refused, where);
	for (int i = 0; scan->details_by_id != NULL && i < translation->count; i++)
		note_detail(scan, translation->ids[i], event, where);
	if (translation->kind == TRANSLATION_SYSCALLS)
		observe_arguments(scan, facts, event, where);
	return SCAN_OK;
}

/* Tells of an unusable line by the rules of bad_line. */
enum scan_status scan_tell_bad_line(struct scan *scan, const char *file, uint64_t line, const char *message)
{
	scan->bad_lines++;
	if (scan->strict) {
		scan_report(scan, file, line, "%s (--strict stops here)", message);
		return SCAN_INPUT_ERROR;
	}
	if (scan->bad_lines <= SCAN_REPORTS_MAX)
		scan_report(scan, file, line, "%s; line skipped", message);
	if (scan->bad_lines == SCAN_REPORTS_MAX)
		scan_report(scan, file, line, "further unusable lines are counted, not shown");
	return SCAN_OK;
}

/* An unusable line: told, or kept for later by a worker; --strict stops at the first. */
static enum scan_status bad_line(struct scan *scan, const char *file, uint64_t line, const char *message)
{
	if (!scan->deferred)
		return scan_tell_bad_line(scan, file, line, message);
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
		scan_report(scan, file, 0, "the %s data ends or breaks after line %llu (%s)%s",
		       log_kind_name(reader->source->decoder.kind), (unsigned long long)reader->line_number, reader->source->decoder.message,
		       scan->strict ? "; --strict stops here" : "; the lines before it are kept");
		return scan->strict ? SCAN_INPUT_ERROR : SCAN_OK;
	case LOG_SHRANK:
		scan_report(scan, file, 0, "shrank while it was being read; read it again when it is still");
		return SCAN_INPUT_ERROR;
	case LOG_READ_ERROR:
	case LOG_OK:
	default:
		scan_report(scan, file, reader->line_number + 1, "cannot read: %s", strerror(reader->errno_value));
		return SCAN_INPUT_ERROR;
	}
}

/* Reads the lines of one input through reader. */
enum scan_status scan_stream(struct scan *scan, uint32_t file_index, struct line_reader *reader)
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

enum scan_status scan_file(struct scan *scan, uint32_t file_index)
{
	const char *file = scan->files[file_index];
	bool is_stdin = strcmp(file, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC);
	struct log_source source;
	struct line_reader reader;
	enum scan_status status = SCAN_OK;
	enum log_status opened;

	if (fd < 0) {
		scan_report(scan, file, 0, "cannot open: %s", strerror(errno));
		return SCAN_INPUT_ERROR;
	}
	opened = log_source_open(&source, fd);
	if (opened == LOG_OK && !log_kind_readable(source.decoder.kind)) {
		bool xz = source.decoder.kind == LOG_XZ;
		scan_report(scan, file, 0, "%s-compressed, which falco2seccomp does not read (gzip and zstd it does); "
		       "decompress it first: %s %s | falco2seccomp -log - ...", xz ? "xz" : "bzip2", xz ? "xzcat" : "bzcat",
		       is_stdin ? "FILE" : file);
		status = SCAN_INPUT_ERROR;
	} else if (opened == LOG_READ_ERROR) {
		scan_report(scan, file, 0, "cannot read: %s", strerror(source.decoder.errno_value));
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
	scan->container_capacity = 0;
	scan->container_slot_count = 0;
}

enum scan_status scan_feed(struct scan *scan, uint32_t file_index, uint64_t number, const char *line, size_t length)
{
	scan->lines++;
	scan->bytes += length + 1;
	if (length > LINE_MAX_BYTES) {
		scan->events++;
		return bad_line(scan, scan->files[file_index], number, "longer than the 8 MiB line limit");
	}
	return scan_line(scan, file_index, number, line, length);
}
