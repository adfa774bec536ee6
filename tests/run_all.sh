#!/bin/sh
# Runs every test suite against the builds `make check` made, and ends with
# one "N passed, N failed" line that adds up every suite's own line.
# Each suite prints "NAME: N passed, N failed" and exits non-zero on failure.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

suite() {
	"$@" 2>&1 | tee -a "$log" || true
}

suite build/asan/unit_tests
suite tests/cli.sh build/asan/falco2seccomp
suite tests/cli.sh build/plain/falco2seccomp --valgrind
suite tests/names.sh build/asan/falco2seccomp
suite tests/fastpath.sh build/asan/falco2seccomp
suite tests/hostile.sh build/asan/falco2seccomp build/plain/falco2seccomp
suite tests/fuzz.sh
suite tests/e2e_runc.sh falco2seccomp
suite tests/project.sh

passed=0
failed=0
suites=0
for counts in $(sed -n 's/^[a-z0-9-]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1:\2/p' "$log"); do
	passed=$((passed + ${counts%:*}))
	failed=$((failed + ${counts#*:}))
	suites=$((suites + 1))
done
if [ "$suites" -ne 9 ]; then
	echo "run_all: only $suites of 9 suites reported their counts" >&2
	failed=$((failed + 1))
fi
echo "all: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
