/*
 * Fuzzes the reducer's line framing (input/line_stream.c): the input, in a
 * memory file, is read as an endless stream would be, with a short line
 * limit so that lines too long, their tails and a last line without a
 * newline all come up. Every line handed out holds no newline and fits the
 * limit, the lines never add up to more than the input, and the stream
 * ends.
 */
#include "input/line_stream.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t limits[] = { 1, 7, 64, 4096 };
	int fd = memfd_create("stream", MFD_CLOEXEC);

	if (fd < 0 || (size > 0 && write(fd, data, size) != (ssize_t)size)) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	for (size_t l = 0; l < sizeof(limits) / sizeof(limits[0]); l++) {
		struct line_stream stream;
		size_t handed = 0, events = 0;
		lseek(fd, 0, SEEK_SET);
		if (line_stream_open(&stream, fd, limits[l]) != 0)
			abort();
		for (;;) {
			const char *line = NULL;
			size_t length = 0;
			enum stream_event event = line_stream_next(&stream, 0, &line, &length);
			if (event == STREAM_END)
				break;
			if (event == STREAM_LINE) {
				if (length > limits[l] || (length > 0 && memchr(line, '\n', length) != NULL))
					abort();
				handed += length + 1;
			} else if (event != STREAM_TOO_LONG) {
				abort(); /* a memory file is always readable: no deadline, signal or error */
			}
			if (++events > size + 1 || handed > size + events)
				abort();
		}
		line_stream_close(&stream);
	}
	close(fd);
	return 0;
}
