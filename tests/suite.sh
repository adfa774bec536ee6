# Shared by the shell suites, sourced once `suite` holds the suite's name:
# strict shell, the C locale, a scratch directory $work removed on exit,
# pass and fail MESSAGE to count results, and finish to print the suite's
# "NAME: N passed, N failed" line and exit non-zero when anything failed.
set -eu
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
	echo "FAIL $suite: $1" >&2
	failed=$((failed + 1))
}
finish() {
	# A suite that ran no case guards nothing: that is a failure of its own.
	[ $((passed + failed)) -gt 0 ] || fail "no case ran"
	echo "$suite: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
