#include "line_reader.h"
#include "test.h"

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

static void reader_should_strip_newlines_and_carriage_returns(void)
{
	static const char text[] = "one\r\ntwo\n\nthree";
	struct line_reader r;
	const char *line;
	size_t length;
	int fd = pipe_with(text, sizeof(text) - 1);
	CHECK(line_reader_init(&r, fd, 100) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 3 && memcmp(line, "one", 3) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 3 && memcmp(line, "two", 3) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 5 && memcmp(line, "three", 5) == 0);
	CHECK(r.line_number == 4);
	CHECK(line_reader_next(&r, &line, &length) == LINE_END);
	line_reader_free(&r);
	close(fd);
}

static void reader_should_pass_over_a_line_above_the_limit_and_go_on(void)
{
	char text[3000];
	struct line_reader r;
	const char *line;
	size_t length;
	memset(text, 'x', sizeof(text));
	memcpy(text, "ok\n", 3);
	text[2500] = '\n';
	memcpy(text + 2501, "after\n", 6);
	int fd = pipe_with(text, 2507);
	CHECK(line_reader_init(&r, fd, 1000) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 2);
	CHECK(line_reader_next(&r, &line, &length) == LINE_TOO_LONG);
	CHECK(r.line_number == 2);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 5 && memcmp(line, "after", 5) == 0);
	CHECK(r.line_number == 3);
	CHECK(line_reader_next(&r, &line, &length) == LINE_END);
	line_reader_free(&r);
	close(fd);
}

static void reader_should_keep_nul_bytes_inside_lines(void)
{
	struct line_reader r;
	const char *line;
	size_t length;
	int fd = pipe_with("a\0b\n", 4);
	CHECK(line_reader_init(&r, fd, 100) == 0);
	CHECK(line_reader_next(&r, &line, &length) == LINE_OK && length == 3 && line[1] == '\0');
	line_reader_free(&r);
	close(fd);
}

static void reader_free_should_accept_null_and_forget_its_buffer(void)
{
	struct line_reader r;
	int fd = pipe_with("a\n", 2);
	line_reader_free(NULL);
	CHECK(line_reader_init(&r, fd, 100) == 0);
	line_reader_free(&r);
	CHECK(r.buffer == NULL);
	line_reader_free(&r);
	close(fd);
}

const struct test_case reader_tests[] = {
	TEST_CASE(reader_should_strip_newlines_and_carriage_returns),
	TEST_CASE(reader_should_pass_over_a_line_above_the_limit_and_go_on),
	TEST_CASE(reader_should_keep_nul_bytes_inside_lines),
	TEST_CASE(reader_free_should_accept_null_and_forget_its_buffer),
	{ NULL, NULL },
};
