#!/bin/sh
# The tool itself on arm64: the aarch64 build (cross-compiled by make
# check-builds) runs under qemu-user its unit tests, and every golden case
# that names its architectures with --arch, whose outputs must be the same
# bytes as on x86_64. Cases without --arch take the host's default
# architectures, which differ on arm64 by design (aarch64 and arm), and are
# left to the x86_64 run.
# Usage: tests/aarch64.sh
suite=aarch64
. "$(dirname "$0")/suite.sh"
here=$(cd "$(dirname "$0")" && pwd)
binary=$here/../build/aarch64/falco2seccomp
qemu=$(command -v qemu-aarch64-static || true)
if [ -z "$qemu" ] || [ ! -x "$binary" ] || [ ! -x "$here/../build/aarch64/unit_tests" ]; then
	fail "needs qemu-aarch64-static (scripts/deps.sh test) and build/aarch64 (make check-builds)"
	finish
fi
if "$qemu" "$here/../build/aarch64/unit_tests" >"$work/unit.out" 2>&1; then
	pass
else
	fail "the unit tests fail on aarch64: $(grep FAIL "$work/unit.out" | head -3)"
fi
grep -q "^unit: [0-9]* passed, 0 failed$" "$work/unit.out" && pass || fail "the aarch64 unit tests printed no clean count"
cases=0
for dir in "$here"/cli/*/; do
	[ -f "$dir/args" ] && [ ! -f "$dir/run" ] && grep -q -- '--arch ' "$dir/args" || continue
	name=$(basename "$dir")
	rm -rf "$work/case"
	cp -R "$dir" "$work/case"
	[ -f "$work/case/events.jsonl" ] || cp "$here/../examples/events.jsonl" "$work/case/events.jsonl"
	status=0
	(
		cd "$work/case"
		input=/dev/null
		[ -f stdin ] && input=stdin
		eval "set -- $(cat args)"
		"$qemu" "$binary" "$@" <"$input" >actual_stdout 2>actual_stderr
	) || status=$?
	cases=$((cases + 1))
	if [ "$status" = "$(cat "$dir/expected_status")" ] && cmp -s "$dir/expected_stdout" "$work/case/actual_stdout" &&
		cmp -s "$dir/expected_stderr" "$work/case/actual_stderr"; then
		pass
	else
		fail "$name differs on aarch64 (status $status): $(diff "$dir/expected_stderr" "$work/case/actual_stderr" | head -3)"
	fi
done
[ $cases -ge 5 ] && pass || fail "only $cases golden cases name --arch"
# On an arm64 host the default architectures are the host's, as Docker maps them: aarch64 and arm.
"$qemu" "$binary" -q -log "$here/../examples/events.jsonl" -container-id 3ad7b26ded6d >"$work/native.json" 2>"$work/native.err" || true
if grep -q '"SCMP_ARCH_AARCH64"' "$work/native.json" && grep -q '"SCMP_ARCH_ARM"' "$work/native.json" &&
	! grep -q 'X86' "$work/native.json"; then
	pass
else
	fail "the default architectures on arm64 are not aarch64 and arm: $(grep -A3 architectures "$work/native.json" | tr -d ' \n')"
fi
finish
