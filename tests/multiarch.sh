#!/bin/sh
# One recording, another architecture: the probe (tests/e2e/probe.c) is
# built twice from the same source, for amd64 and for arm64; the amd64
# build is recorded with strace and turned into Falco's alerts, the
# --arch aarch64 profile is made from that log, and the arm64 build, run
# under qemu-aarch64-static -strace, must make no syscall that profile
# neither allows nor answers with ENOSYS (a newer call its C library falls
# back from). The same for an x86_64+aarch64 docker profile, whose aarch64
# part comes from includes.arches.
# Usage: tests/multiarch.sh BINARY
suite=multiarch
. "$(dirname "$0")/suite.sh"
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
for need in strace qemu-aarch64-static aarch64-linux-gnu-gcc jq scmp_sys_resolver; do
	command -v "$need" >/dev/null 2>&1 || { fail "needs $need (scripts/deps.sh test)"; finish; }
done
cc -static -O2 -pthread -o "$work/probe-amd64" "$here/e2e/probe.c" || { fail "cannot build the amd64 probe"; finish; }
aarch64-linux-gnu-gcc -static -O2 -pthread -o "$work/probe-arm64" "$here/e2e/probe.c" ||
	{ fail "cannot build the arm64 probe"; finish; }
for mode in work chmod-old; do
	strace -f -qq -o "$work/trace-$mode" "$work/probe-amd64" $mode >/dev/null 2>&1 || fail "cannot trace the amd64 probe ($mode)"
	awk -v cid=e2e0e2e0e2e0 -v proc=probe-amd64 -v start="$work/probe-amd64" -f "$here/e2e/strace2falco.awk" \
		"$work/trace-$mode" >>"$work/amd64.jsonl"
	qemu-aarch64-static -strace "$work/probe-arm64" $mode 2>>"$work/arm64.trace" >/dev/null || fail "the arm64 probe failed ($mode)"
done
# What the arm64 build made, by name (qemu names what it knows, numbers the rest).
{
	sed -n 's/^[0-9][0-9]* \([a-z_0-9]*\)(.*/\1/p' "$work/arm64.trace"
	for number in $(sed -n 's/^[0-9][0-9]* Unknown syscall \([0-9]*\).*/\1/p' "$work/arm64.trace"); do
		scmp_sys_resolver -a aarch64 "$number"
	done
} | sort -u >"$work/arm64.names"
[ "$(wc -l <"$work/arm64.names")" -ge 15 ] && pass || fail "the arm64 trace names too few syscalls: $(wc -l <"$work/arm64.names")"
# covered PROFILE: the names of allowing rules (and the ENOSYS answers) that apply on arm64.
covered() {
	jq -r '.syscalls[] | select(.includes.arches == null or (.includes.arches | index("arm64")))
		| select(.excludes.arches == null or ((.excludes.arches | index("arm64")) | not))
		| select(.action == "SCMP_ACT_ALLOW" or .errnoRet == 38) | .names[]' "$1" | sort -u
}
for arches in aarch64 x86_64,aarch64; do
	"$binary" -q -log "$work/amd64.jsonl" -container-id e2e0e2e0e2e0 --runtime none --arch $arches -o "$work/profile.json" \
		2>"$work/profile.err" ||
		{ fail "falco2seccomp --arch $arches failed"; continue; }
	covered "$work/profile.json" >"$work/covered"
	missing=$(comm -23 "$work/arm64.names" "$work/covered" | tr '\n' ' ')
	if [ -z "$missing" ]; then pass; else fail "--arch $arches: the arm64 build made syscalls its profile denies: $missing"; fi
done
# The equivalents are what made the difference: without the aarch64 rules the same check fails.
"$binary" -q -log "$work/amd64.jsonl" -container-id e2e0e2e0e2e0 --runtime none --arch x86_64,aarch64 2>/dev/null |
	jq '.syscalls |= map(select(.includes.arches == null))' >"$work/stripped.json" 2>/dev/null
covered "$work/stripped.json" >"$work/covered"
if [ -n "$(comm -23 "$work/arm64.names" "$work/covered")" ]; then pass; else
	fail "the arm64 build needed nothing of the includes.arches rules, so the check proves nothing"; fi
finish
