#!/bin/sh
# Runs every test suite against the builds `make check` made, as many at a
# time as there are cores, and ends with one "N passed, N failed" line that
# adds up every suite's own line. Each suite prints "NAME: N passed, N
# failed" and exits non-zero on failure; a suite that fails, or that ran
# without printing its counts, fails the run. Each suite's output is shown
# whole when it ends, with the seconds it took.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The suites, the longest first so that the cores stay busy to the end. The
# two end-to-end suites share runc and its state folder, so they run one
# after the other.
cat >"$out/suites" <<'LIST'
tests/cli.sh build/plain/falco2seccomp --valgrind
tests/jobs.sh build/tsan/falco2seccomp jobs-tsan
tests/names.sh build/asan/falco2seccomp
tests/jobs.sh build/asan/falco2seccomp
tests/cli.sh build/asan/falco2seccomp
tests/fastpath.sh build/nosimd/falco2seccomp fastpath-nosimd
tests/e2e_runc.sh falco2seccomp; tests/e2e_nginx.sh falco2seccomp
tests/hostile.sh build/asan/falco2seccomp build/plain/falco2seccomp
tests/real_falco.sh build/asan/falco2seccomp
tests/fastpath.sh build/asan/falco2seccomp
tests/hosts.sh build/asan/falco2seccomp
tests/readme.sh build/asan/falco2seccomp
tests/reducer.sh build/asan/falco2seccomp
tests/fuzz.sh
tests/aarch64.sh
tests/multiarch.sh build/asan/falco2seccomp
build/asan/unit_tests
tests/project.sh
LIST

# run_one N COMMAND: runs one line of the list, keeping its output and status under $out/N.
cat >"$out/run_one" <<'RUN'
#!/bin/sh
n=$1 out=$2
shift 2
start=$(date +%s.%N)
# A data race ends the run of the ThreadSanitizer build with its report.
TSAN_OPTIONS="halt_on_error=1 exitcode=66" sh -c "$*" >"$out/$n.out" 2>&1
echo $? >"$out/$n.status"
echo "$start $(date +%s.%N)" >"$out/$n.time"
{ cat "$out/$n.out"; awk '{ printf "  (%.1f s: ", $2 - $1 }' "$out/$n.time"; echo "$*)"; } >"$out/$n.show"
cat "$out/$n.show"
RUN
chmod +x "$out/run_one"
cores=$(nproc 2>/dev/null || echo 2)
awk '{ print NR "\t" $0 }' "$out/suites" | xargs -P "$cores" -L 1 -d '\n' sh -c \
	'n=${1%%	*}; exec "$0" "$n" "'"$out"'" "${1#*	}"' "$out/run_one"

broken=0
suites=0
passed=0
failed=0
while read -r line; do
	suites=$((suites + 1))
	if [ "$(cat "$out/$suites.status" 2>/dev/null)" != 0 ]; then
		echo "run_all: $line failed (exit status $(cat "$out/$suites.status" 2>/dev/null || echo none))" >&2
		broken=$((broken + 1))
	fi
	counts=$(sed -n 's/^[a-z0-9-]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1:\2/p' "$out/$suites.out" 2>/dev/null)
	if [ -z "$counts" ]; then
		echo "run_all: $line printed no counts" >&2
		broken=$((broken + 1))
	fi
	for c in $counts; do
		passed=$((passed + ${c%:*}))
		failed=$((failed + ${c#*:}))
	done
done <"$out/suites"
failed=$((failed + broken))
echo "run_all: $suites suites ran"
echo "all: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
