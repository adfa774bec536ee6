#!/bin/sh
# Many hosts: the union that --merge computes is associative, commutative
# and idempotent. A log is split into three "host" logs, each converted on
# its own (in parallel, xargs -P), and the results merged in every order
# and in both trees; every merge must give the bytes of one pass over the
# whole log, in every format, argument rules included.
# Usage: tests/hosts.sh BINARY
suite=hosts
. "$(dirname "$0")/suite.sh"
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
check() {
	if cmp -s "$2" "$3"; then
		pass
	else
		fail "$1"
		diff "$2" "$3" | head -10 >&2
	fi
}
id=abcdef012345
cat "$here/cli/arg_rules_keep_dockers_protections/events.jsonl" \
	"$here/cli/merge_with_arg_rules_is_order_free_and_equals_one_pass/a.jsonl" \
	"$here/cli/merge_with_arg_rules_is_order_free_and_equals_one_pass/b.jsonl" >"$work/all.jsonl"
awk -v dir="$work" '{ print > (dir "/host" (NR % 3 + 1) ".jsonl") }' "$work/all.jsonl"

for format in docker legacy oci; do
	f2s() { "$binary" -q -container-id $id --format $format "$@"; }
	f2s -log "$work/all.jsonl" -o "$work/one-pass.$format"
	# Each host on its own, in parallel, as a fleet would.
	# The placeholder must not be a letter that a mktemp name may hold.
	printf '%s\n' 1 2 3 | xargs -P 3 -I @@ "$binary" -q -container-id $id --format $format \
		-log "$work/host@@.jsonl" -o "$work/host@@.$format"
	merge() { out=$1; shift; f2s --allow-empty -log /dev/null "$@" -o "$out"; }
	for order in "1 2 3" "1 3 2" "2 1 3" "2 3 1" "3 1 2" "3 2 1"; do
		set -- $order
		merge "$work/merged.$format" --merge "$work/host$1.$format" --merge "$work/host$2.$format" \
			--merge "$work/host$3.$format"
		check "$format: merge in the order $order differs from one pass" "$work/one-pass.$format" "$work/merged.$format"
	done
	merge "$work/left.$format" --merge "$work/host1.$format" --merge "$work/host2.$format"
	merge "$work/tree.$format" --merge "$work/left.$format" --merge "$work/host3.$format"
	check "$format: merge((1 2) 3) differs from one pass" "$work/one-pass.$format" "$work/tree.$format"
	merge "$work/right.$format" --merge "$work/host2.$format" --merge "$work/host3.$format"
	merge "$work/tree.$format" --merge "$work/host1.$format" --merge "$work/right.$format"
	check "$format: merge(1 (2 3)) differs from one pass" "$work/one-pass.$format" "$work/tree.$format"
	merge "$work/twice.$format" --merge "$work/one-pass.$format" --merge "$work/one-pass.$format"
	check "$format: merging a profile with itself changes it" "$work/one-pass.$format" "$work/twice.$format"
done
grep -q '"SCMP_CMP_MASKED_EQ"' "$work/one-pass.docker" && grep -q '"errnoRet": 38' "$work/one-pass.docker" &&
	pass || fail "the profile has no argument rules to merge"
finish
