#!/bin/sh
# Builds the libFuzzer targets and runs each for SECONDS (default 10) on a
# scratch copy of its committed seed corpus, after replaying every saved
# regression input. Prints "fuzz: N passed, N failed", one count per target.
# Usage: fuzz/run.sh [SECONDS]
set -u
seconds=${1:-10}
cd "$(dirname "$0")/.."
mkdir -p build/fuzz
sources=$(make -s --no-print-directory print-lib-sources)
version=$(make -s --no-print-directory print-version)
flags="-std=c11 -D_GNU_SOURCE -DF2S_VERSION=\"$version\" -Isrc $(pkg-config --cflags libcjson libseccomp zlib libzstd yaml-0.1) -g -O1
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
libs="$(pkg-config --libs libcjson libseccomp zlib libzstd yaml-0.1) -lm -pthread"
passed=0
failed=0
for target in $(ls fuzz/fuzz_*.c | sed "s#fuzz/fuzz_\(.*\)\.c#\1#"); do
	# shellcheck disable=SC2086 # the lists are meant to split
	if ! clang $flags -o build/fuzz/fuzz_$target fuzz/fuzz_$target.c $sources $libs; then
		echo "FAIL fuzz $target: does not build" >&2
		failed=$((failed + 1))
		continue
	fi
	work=$(mktemp -d)
	cp fuzz/corpus/$target/* "$work"/
	ok=yes
	if [ -d fuzz/regressions/$target ] && ! build/fuzz/fuzz_$target fuzz/regressions/$target/* >build/fuzz/$target.log 2>&1; then
		ok=no
	fi
	if [ $ok = yes ] && ! build/fuzz/fuzz_$target -max_total_time="$seconds" -max_len=65536 -timeout=10 \
		-rss_limit_mb=1024 -artifact_prefix=build/fuzz/$target- "$work" >build/fuzz/$target.log 2>&1; then
		ok=no
	fi
	rm -rf "$work"
	if [ $ok = yes ]; then
		passed=$((passed + 1))
	else
		echo "FAIL fuzz $target: see build/fuzz/$target.log; save the crash input in fuzz/regressions/$target/" >&2
		tail -30 build/fuzz/$target.log >&2
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
