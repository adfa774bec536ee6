#include "input/line_reader.h"
#include "test.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

/* A pipe holding text, read end returned; text must fit the pipe buffer. */
static int pipe_with(const char *text, size_t length)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	if (write(fds[1], text, length) != (ssize_t)length)
		return -1;
	close(fds[1]);
	return fds[0];
}

/* Opens source on fd and reader on source, as the scan does. */
static int open_reader(struct line_reader *r, struct log_source *source, int fd, size_t max_line)
{
	if (log_source_open(source, fd) != LOG_OK)
		return -1;
	return line_reader_init(r, source, max_line);
}

/* text as gzip bytes in out (room for size); returns their number, or 0. */
static size_t gzip_bytes(const char *text, size_t length, unsigned char *out, size_t size)
{
	z_stream z;
	size_t made;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)(uintptr_t)text;
	z.avail_in = (uInt)length;
	z.next_out = out;
	z.avail_out = (uInt)size;
	made = deflate(&z, Z_FINISH) == Z_STREAM_END ? size - z.avail_out : 0;
	deflateEnd(&z);
	return made;
}

static void reader_should_read_gzip_members_one_after_the_other(void)
{
	static const char text[] = "first\nsecond\n";
	unsigned char bytes[512];
	size_t one = gzip_bytes(text, sizeof(text) - 1, bytes, sizeof(bytes));
	struct log_source source;
	struct line_reader r;
	const char *line;
	size_t length;
	int fd;
	CHECK(one > 0 && 2 * one < sizeof(bytes));
	memcpy(bytes + one, bytes, one);
	fd = pipe_with((const char *)bytes, 2 * one);
	CHECK(open_reader(&r, &source, fd, 100) == 0 && source.decoder.kind == LOG_GZIP);
	for (int round = 0; round < 2; round++) {
		CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 5 && memcmp(line, "first", 5) == 0);
		CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 6 && memcmp(line, "second", 6) == 0);
	}
	CHECK(line_reader_next(&r, &line, &length) == LINE_END);
	line_reader_free(&r);
	log_source_close(&source);
	close(fd);
}

static void reader_should_say_when_gzip_data_is_cut_short(void)
{
	static const char text[] = "first line\nsecond line, longer, so that the cut falls in the data\n";
	unsigned char bytes[512];
	size_t made = gzip_bytes(text, sizeof(text) - 1, bytes, sizeof(bytes));
	struct log_source source;
	struct line_reader r;
	const char *line;
	size_t length;
	int fd = pipe_with((const char *)bytes, made - 12);
	CHECK(made > 20);
	enum line_status got;
	CHECK(open_reader(&r, &source, fd, 100) == 0);
	/* The lines before the cut come out; then the cut is told, not taken for the end. */
	while ((got = line_reader_next(&r, &line, &length)) == LINE_OK)
		CHECK(length == 10 && memcmp(line, "first line", 10) == 0);
	CHECK(got == LINE_READ_ERROR);
	CHECK(r.source_status == LOG_CORRUPT && strstr(source.decoder.message, "cut short") != NULL);
	line_reader_free(&r);
	log_source_close(&source);
	close(fd);
}

static void reader_should_strip_newlines_and_carriage_returns(void)
{
	static const char text[] = "one\r\ntwo\n\nthree";
	struct line_reader r;
	struct log_source source;
	const char *line;
	size_t length;
	int fd = pipe_with(text, sizeof(text) - 1);
	CHECK(open_reader(&r, &source, fd, 100) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 3 && memcmp(line, "one", 3) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 3 && memcmp(line, "two", 3) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 5 && memcmp(line, "three", 5) == 0);
	CHECK(r.line_number == 4);
	CHECK(line_reader_next(&r, &line, &length) == LINE_END);
	line_reader_free(&r);
	log_source_close(&source);
	close(fd);
}

static void reader_should_pass_over_a_line_above_the_limit_and_go_on(void)
{
	char text[3000];
	struct line_reader r;
	struct log_source source;
	const char *line;
	size_t length;
	memset(text, 'x', sizeof(text));
	memcpy(text, "ok\n", 3);
	text[2500] = '\n';
	memcpy(text + 2501, "after\n", 6);
	int fd = pipe_with(text, 2507);
	CHECK(open_reader(&r, &source, fd, 1000) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 2);
	CHECK(line_reader_next(&r, &line, &length) == LINE_TOO_LONG);
	CHECK(r.line_number == 2);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 5 && memcmp(line, "after", 5) == 0);
	CHECK(r.line_number == 3);
	CHECK(line_reader_next(&r, &line, &length) == LINE_END);
	line_reader_free(&r);
	log_source_close(&source);
	close(fd);
}

/* A line as long as the limit is read whether it ends in LF or in CRLF. */
static void reader_should_take_a_line_at_the_limit_with_lf_or_crlf(void)
{
	static const char text[] = "12345678\n12345678\r\n123456789\r\nok";
	struct line_reader r;
	struct log_source source;
	const char *line;
	size_t length;
	int fd = pipe_with(text, sizeof(text) - 1);
	CHECK(open_reader(&r, &source, fd, 8) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 8);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 8 && memcmp(line, "12345678", 8) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_TOO_LONG);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 2 && r.line_number == 4);
	line_reader_free(&r);
	log_source_close(&source);
	close(fd);
}

static void reader_should_keep_nul_bytes_inside_lines(void)
{
	struct line_reader r;
	struct log_source source;
	const char *line;
	size_t length;
	int fd = pipe_with("a\0b\n", 4);
	CHECK(open_reader(&r, &source, fd, 100) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 3 && line[1] == '\0');
	line_reader_free(&r);
	log_source_close(&source);
	close(fd);
}

static void reader_free_should_accept_null_and_forget_its_buffer(void)
{
	struct line_reader r;
	struct log_source source;
	int fd = pipe_with("a\n", 2);
	line_reader_free(NULL);
	CHECK(open_reader(&r, &source, fd, 100) == 0);
	line_reader_free(&r);
	CHECK(r.buffer == NULL);
	line_reader_free(&r);
	log_source_close(&source);
	close(fd);
}

const struct test_case reader_tests[] = {
	TEST_CASE(reader_should_read_gzip_members_one_after_the_other),
	TEST_CASE(reader_should_say_when_gzip_data_is_cut_short),
	TEST_CASE(reader_should_strip_newlines_and_carriage_returns),
	TEST_CASE(reader_should_pass_over_a_line_above_the_limit_and_go_on),
	TEST_CASE(reader_should_take_a_line_at_the_limit_with_lf_or_crlf),
	TEST_CASE(reader_should_keep_nul_bytes_inside_lines),
	TEST_CASE(reader_free_should_accept_null_and_forget_its_buffer),
	{ NULL, NULL },
};
