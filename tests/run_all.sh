#!/bin/sh
# Runs every test suite against the builds `make check` made, and ends with
# one "N passed, N failed" line that adds up every suite's own line.
# Each suite prints "NAME: N passed, N failed" and exits non-zero on failure;
# a suite that fails, or that ran without printing its counts, fails the run.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log" "$log.status"' EXIT
status=0

suites=0
broken=0
suite() {
	suites=$((suites + 1))
	before=$(grep -c '' "$log")
	{ "$@" 2>&1 || echo "exit status $?" >"$log.status"; } | tee -a "$log"
	if [ -s "$log.status" ]; then
		echo "run_all: $1 failed ($(cat "$log.status"))" >&2
		broken=$((broken + 1))
		rm -f "$log.status"
	fi
	if [ "$(tail -n +$((before + 1)) "$log" | grep -c '^[a-z0-9-]*: [0-9]* passed, [0-9]* failed$')" -eq 0 ]; then
		echo "run_all: $1 printed no counts" >&2
		broken=$((broken + 1))
	fi
}

suite build/asan/unit_tests
suite tests/cli.sh build/asan/falco2seccomp
suite tests/cli.sh build/plain/falco2seccomp --valgrind
suite tests/names.sh build/asan/falco2seccomp
suite tests/fastpath.sh build/asan/falco2seccomp
suite tests/hostile.sh build/asan/falco2seccomp build/plain/falco2seccomp
suite tests/hosts.sh build/asan/falco2seccomp
suite tests/jobs.sh build/asan/falco2seccomp
suite tests/real_falco.sh build/asan/falco2seccomp
suite tests/fuzz.sh
suite tests/e2e_runc.sh falco2seccomp
suite tests/e2e_nginx.sh falco2seccomp
suite tests/project.sh

passed=0
failed=$broken
for counts in $(sed -n 's/^[a-z0-9-]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1:\2/p' "$log"); do
	passed=$((passed + ${counts%:*}))
	failed=$((failed + ${counts#*:}))
done
echo "run_all: $suites suites ran"
echo "all: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
