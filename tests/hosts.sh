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
# The provenance a SeccompProfile carries (the window, the hosts, the selection) unites as its rules do:
# a log of five Falco hosts (more than the four names kept) split over three, merged in every order and
# tree, gives one pass's bytes.
awk '{ sub(/"hostname":"[^"]*"/, "\"hostname\":\"node-" substr("edcba", NR % 5 + 1, 1) "\""); print }' \
	"$here/../examples/events.jsonl" >"$work/timed.jsonl"
awk -v dir="$work" '{ print > (dir "/timed" (NR % 3 + 1) ".jsonl") }' "$work/timed.jsonl"
spo() { "$binary" -q -container-id 3ad7b26ded6d --format spo "$@" 2>/dev/null; }
spo -log "$work/timed.jsonl" -o "$work/timed-one.yaml"
for part in 1 2 3; do spo -log "$work/timed$part.jsonl" -o "$work/timed-$part.yaml"; done
for order in "1 2 3" "3 2 1" "2 3 1"; do
	set -- $order
	spo --allow-empty -log /dev/null --merge "$work/timed-$1.yaml" --merge "$work/timed-$2.yaml" \
		--merge "$work/timed-$3.yaml" -o "$work/timed-merged.yaml"
	check "spo provenance: merge in the order $order differs from one pass" "$work/timed-one.yaml" "$work/timed-merged.yaml"
done
spo --allow-empty -log /dev/null --merge "$work/timed-1.yaml" --merge "$work/timed-2.yaml" -o "$work/timed-left.yaml"
spo --allow-empty -log /dev/null --merge "$work/timed-left.yaml" --merge "$work/timed-3.yaml" -o "$work/timed-tree.yaml"
check "spo provenance: merge((1 2) 3) differs from one pass" "$work/timed-one.yaml" "$work/timed-tree.yaml"
spo --allow-empty -log /dev/null --merge "$work/timed-one.yaml" --merge "$work/timed-one.yaml" -o "$work/timed-twice.yaml"
check "spo provenance: merging a SeccompProfile with itself changes it" "$work/timed-one.yaml" "$work/timed-twice.yaml"
if grep -q 'dev.falco2seccomp.hosts: node-a,node-b,node-c,node-d,...' "$work/timed-one.yaml" &&
	grep -q 'dev.falco2seccomp.first-event' "$work/timed-one.yaml"; then
	pass
else
	fail "spo provenance: the one pass does not name the four smallest hosts and more: $(grep hosts "$work/timed-one.yaml")"
fi

# The same properties over generated logs: each draws syscalls from a pool that
# brings every kind of rule the tool writes (the ENOSYS answers of newer calls,
# clone's and socket's argument rules, the generic calls of other architectures
# with includes), for several option sets; a merge with itself, with its own log,
# in either order and in either tree gives one pass's bytes.
pool="read write openat open close set_robust_list faccessat fchmodat stat preadv pwritev dup2 mkdir
	unlink rename clone fork socket connect accept4 epoll_wait poll getdents chown access readlink"
for seed in 1 2 3 4 5 6; do
	awk -v seed=$seed -v id=$id -v pool="$pool" 'BEGIN {
		srand(seed); n = split(pool, names, /[ \t\n]+/)
		for (i = 0; i < 40; i++) {
			name = names[int(rand() * n) + 1]
			if (name == "") continue
			args = ""
			if (name == "socket") args = ",\"evt.arg.domain\":\"" (rand() < 0.5 ? "AF_INET" : "AF_UNIX") "\""
			if (name == "clone") args = ",\"evt.arg.flags\":\"CLONE_VM|CLONE_THREAD\",\"evt.rawres\":12"
			printf "{\"output_fields\":{\"container.id\":\"%s\",\"evt.type\":\"%s\",\"syscall.type\":\"%s\",\"proc.name\":\"app\"%s}}\n", id, name, name, args
		}
	}' >"$work/gen$seed.jsonl"
done
for opts in "--runtime none" "--arch x86_64,aarch64" "--format oci --arch x86_64,aarch64" "--format spo --profile-name gen" \
	"--format legacy"; do
	g() { "$binary" -q -container-id $id $opts "$@"; }
	gm() { "$binary" -q $opts "$@"; }
	for seed in 1 2 3 4 5 6; do g -log "$work/gen$seed.jsonl" -o "$work/gen$seed.out"; done
	for seed in 1 3 5; do
		a=$work/gen$seed.out b=$work/gen$((seed + 1)).out
		gm --merge "$a" --merge "$a" -o "$work/self" && check "$opts, log $seed: a merge with itself changes it" "$a" "$work/self"
		g -log "$work/gen$seed.jsonl" --merge "$a" -o "$work/again" &&
			check "$opts, log $seed: a merge with its own log changes it" "$a" "$work/again"
		gm --merge "$a" --merge "$b" -o "$work/ab"
		gm --merge "$b" --merge "$a" -o "$work/ba"
		check "$opts, logs $seed and $((seed + 1)): merge order matters" "$work/ab" "$work/ba"
		g -log "$work/gen$seed.jsonl" -log "$work/gen$((seed + 1)).jsonl" -o "$work/both"
		check "$opts, logs $seed and $((seed + 1)): the merge differs from one pass" "$work/both" "$work/ab"
	done
	gm --merge "$work/gen1.out" --merge "$work/gen2.out" -o "$work/left"
	gm --merge "$work/left" --merge "$work/gen3.out" -o "$work/left3"
	gm --merge "$work/gen2.out" --merge "$work/gen3.out" -o "$work/right"
	gm --merge "$work/gen1.out" --merge "$work/right" -o "$work/right3"
	check "$opts: merge((1 2) 3) differs from merge(1 (2 3))" "$work/left3" "$work/right3"
done
grep -q '"errnoRet": 38' "$work/gen1.out" "$work/gen2.out" "$work/gen3.out" && pass || fail "no generated profile has an ENOSYS rule"

grep -q '"SCMP_CMP_MASKED_EQ"' "$work/one-pass.docker" && grep -q '"errnoRet": 38' "$work/one-pass.docker" &&
	pass || fail "the profile has no argument rules to merge"
finish
