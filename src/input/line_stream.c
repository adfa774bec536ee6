/*
 * line_stream: lines of an endless input, interleaved with a deadline and
 * signals through poll(2) and signalfd(2), so that a writer that keeps its
 * pipe open for days and a service manager's SIGTERM are both answered.
 */
#include "input/line_stream.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

/* Bytes asked of read() at a time. */
#define STREAM_CHUNK ((size_t)64 << 10)

static void signal_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGHUP);
}

int line_stream_open(struct line_stream *stream, int fd, size_t max_line)
{
	sigset_t set;

	memset(stream, 0, sizeof(*stream));
	stream->fd = fd;
	stream->max_line = max_line;
	signal_set(&set);
	if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
		return -1;
	stream->signal_fd = signalfd(-1, &set, SFD_CLOEXEC);
	return stream->signal_fd < 0 ? -1 : 0;
}

void line_stream_close(struct line_stream *stream)
{
	sigset_t set;

	if (stream->signal_fd >= 0)
		close(stream->signal_fd);
	signal_set(&set);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	free(stream->buffer);
	stream->buffer = NULL;
}

/*
 * A whole line in the buffer, if there is one: handed out (or passed over
 * when it is the rest of a line too long). Returns whether an event is set.
 */
static bool take_line(struct line_stream *stream, enum stream_event *event, const char **line, size_t *length)
{
	if (stream->buffer == NULL)
		return false; /* nothing read yet */
	char *at = stream->buffer + stream->start;
	size_t held = stream->used - stream->start;
	char *newline = held ? memchr(at, '\n', held) : NULL;

	if (newline == NULL) {
		if (held <= stream->max_line && !(stream->ended && held > 0))
			return false;
		/* Too long, or the last line without a newline. */
		if (held > stream->max_line) {
			bool told = stream->skipping;
			stream->skipping = true;
			stream->start = stream->used = 0;
			if (told)
				return false;
			stream->line_number++;
			*event = STREAM_TOO_LONG;
			return true;
		}
		newline = at + held;
	}
	size_t size = (size_t)(newline - at);
	stream->start += size + (newline < stream->buffer + stream->used);
	if (stream->skipping) {
		stream->skipping = false;
		return false;
	}
	stream->line_number++;
	*line = at;
	*length = size;
	*event = size > stream->max_line ? STREAM_TOO_LONG : STREAM_LINE;
	return true;
}

/* Reads what the input has into the buffer; false with errno on failure. */
static bool fill(struct line_stream *stream)
{
	if (stream->start > 0) {
		memmove(stream->buffer, stream->buffer + stream->start, stream->used - stream->start);
		stream->used -= stream->start;
		stream->start = 0;
	}
	if (stream->capacity - stream->used < STREAM_CHUNK) {
		size_t capacity = stream->used + STREAM_CHUNK;
		char *grown = realloc(stream->buffer, capacity);
		if (grown == NULL)
			return false;
		stream->buffer = grown;
		stream->capacity = capacity;
	}
	ssize_t got = read(stream->fd, stream->buffer + stream->used, STREAM_CHUNK);
	if (got < 0)
		return errno == EINTR || errno == EAGAIN;
	if (got == 0)
		stream->ended = true;
	stream->used += (size_t)got;
	return true;
}

enum stream_event line_stream_next(struct line_stream *stream, int timeout_ms, const char **line, size_t *length)
{
	enum stream_event event;
	struct pollfd fds[2] = { { stream->signal_fd, POLLIN, 0 }, { stream->fd, POLLIN, 0 } };

	for (;;) {
		if (take_line(stream, &event, line, length))
			return event;
		if (stream->ended)
			return STREAM_END;
		int ready = poll(fds, stream->ended ? 1 : 2, timeout_ms);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0)
			return STREAM_ERROR;
		if (ready == 0)
			return STREAM_DEADLINE;
		if (fds[0].revents & POLLIN) {
			struct signalfd_siginfo info;
			if (read(stream->signal_fd, &info, sizeof(info)) == (ssize_t)sizeof(info)) {
				stream->last_signal = (int)info.ssi_signo;
				return STREAM_SIGNAL;
			}
		}
		if (fds[1].revents & (POLLIN | POLLHUP | POLLERR) && !fill(stream))
			return STREAM_ERROR;
	}
}
