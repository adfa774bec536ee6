/*
 * timeit: runs a shell command once, its output thrown away, and prints
 * "SECONDS PEAK_KIB": the wall time to the microsecond (a monotonic clock,
 * where GNU time's %e rounds to hundredths) and the peak resident set size
 * that wait4 reports. Used by bench/run.sh. Exits 1 when the command
 * does not exit 0.
 *   timeit 'COMMAND'
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec start, end;
	struct rusage usage;
	int status;
	pid_t child;

	if (argc != 2) {
		fprintf(stderr, "usage: timeit 'COMMAND'\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	child = fork();
	if (child < 0) {
		perror("timeit: fork");
		return 1;
	}
	if (child == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execl("/bin/sh", "sh", "-c", argv[1], (char *)NULL);
		_exit(127);
	}
	if (wait4(child, &status, 0, &usage) < 0) {
		perror("timeit: wait4");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	printf("%.4f %ld\n", (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9,
	       usage.ru_maxrss);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
