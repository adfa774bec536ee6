#!/bin/sh
# The fuzz targets' inputs replayed under ASan and UBSan in make check: each
# target built with gcc and fuzz/replay.c (the Makefile's build/asan/fuzz_*)
# runs once on every file of its seed corpus and its saved regressions. The
# timed fuzzing with libFuzzer is `make fuzz` (fuzz/run.sh).
# Usage: tests/fuzz.sh
suite=fuzz
. "$(dirname "$0")/suite.sh"
cd "$(dirname "$0")/.."
for source in fuzz/fuzz_*.c; do
	target=${source#fuzz/fuzz_}
	target=${target%.c}
	set -- fuzz/corpus/$target
	[ -d fuzz/regressions/$target ] && set -- "$@" fuzz/regressions/$target
	if [ ! -x build/asan/fuzz_$target ]; then
		fail "$target: build/asan/fuzz_$target is not built (make check-builds)"
	elif ! build/asan/fuzz_$target "$@" >"$work/$target.log" 2>&1; then
		fail "$target: an input fails; see the sanitizer's report:"
		tail -20 "$work/$target.log" >&2
	elif [ "$(sed -n 's/^\([0-9]*\) inputs$/\1/p' "$work/$target.log")" -lt 1 ]; then
		fail "$target: no input replayed"
	else
		pass
	fi
done
finish
