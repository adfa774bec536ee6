#!/bin/sh
# Real Falco 0.40.0 recordings (tests/data/real-falco, see its README):
# the container runtime's setup never reaches a profile, the clone mask is
# opened only by the parent's event, the runtime's baseline comes from the
# log, the drop alert is warned about, and --jobs, --full-parse, gzip and
# standard input give the same bytes.
# Usage: tests/real_falco.sh BINARY
suite=real-falco
. "$(dirname "$0")/suite.sh"
binary=$1
data=$(dirname "$0")/data/real-falco

cid() { cat "$data/falco-0.40.0-$1.cid"; }
log() { echo "$data/falco-0.40.0-$1.jsonl.gz"; }

# profile NAME [OPTION...]: the profile of recording NAME into $work/NAME.json, the summary into $work/NAME.err.
profile() {
	name=$1
	shift
	if "$binary" -log "$(log "$name")" -container-id "$(cid "$name")" "$@" >"$work/$name.json" 2>"$work/$name.err"; then
		pass
	else
		fail "$name: exit status $? ($(head -c 300 "$work/$name.err"))"
	fi
}

# allowed FILE NAME: whether profile FILE allows NAME by some rule.
allowed() {
	jq -e --arg n "$2" '[.syscalls[] | select(.action == "SCMP_ACT_ALLOW") | .names[]] | index($n) != null' "$1" >/dev/null
}

# clone_mask FILE: the value of the clone rule's MASKED_EQ condition, or "none" when clone is allowed plainly.
clone_mask() {
	jq -r '[.syscalls[] | select(.names | index("clone")) | select(.action == "SCMP_ACT_ALLOW")
	        | (.args // []) | map(select(.op == "SCMP_CMP_MASKED_EQ") | .value) | .[0] // "none"] | .[0] // "absent"' "$1"
}

for name in nginx nginx-crun probe-rawres stress; do
	profile "$name"
done
# The log recorded without runc's processes shows no runtime: runc, as the first log shows, is named.
profile nginx-rule-norunc --runtime runc

# 1. runc's setup (unshare, mount, umount2, pivot_root, sethostname, keyctl, seccomp...) is not the workload's.
# (The probe's own `unshare -U`, a program of the workload, made unshare: that one is the workload's.)
for file in nginx nginx-crun probe-rawres stress; do
	for name in unshare mount umount umount2 pivot_root sethostname keyctl seccomp setns; do
		[ "$file/$name" = probe-rawres/unshare ] && continue
		if allowed "$work/$file.json" "$name"; then
			fail "$file: the profile allows $name, which only the runtime's setup made"
		else
			pass
		fi
	done
done
if grep -q "left out 3483 events of the container runtime's own processes (runc), the first at .*nginx.jsonl.gz:1:" "$work/nginx.err"; then
	pass
else
	fail "nginx: the summary does not say that 3483 events of runc were left out: $(cat "$work/nginx.err")"
fi
# The log recorded with runc's processes left out at the source gives the same profile.
if cmp -s "$work/nginx.json" "$work/nginx-rule-norunc.json"; then
	pass
else
	fail "nginx: the profile differs from the one of the log recorded without runc's events: $(diff "$work/nginx.json" "$work/nginx-rule-norunc.json" | head -5)"
fi

# 2. The clone mask: Docker's whole mask unless the parent's event asked for a flag.
for file in nginx nginx-crun nginx-rule-norunc; do
	mask=$(clone_mask "$work/$file.json")
	if [ "$mask" = 2114060288 ]; then pass; else fail "$file: clone's mask is $mask, not Docker's 2114060288 (0x7E020000)"; fi
done
# The stress workload never clones: no clone at all, and no rule opened by runc's threads.
mask=$(clone_mask "$work/stress.json")
if [ "$mask" = absent ]; then pass; else fail "stress: clone is allowed ($mask), though only runc cloned"; fi
# The probe really made clone(CLONE_NEWUSER) (line 3612, rawres 11): only that flag opens.
mask=$(clone_mask "$work/probe-rawres.json")
if [ "$mask" = $((0x7E020000 & ~0x10000000)) ]; then pass; else fail "probe-rawres: clone's mask is $mask, not 0x7E020000 without CLONE_NEWUSER"; fi
if grep -q "clone may use CLONE_NEWUSER: process 'probe' needed it at .*probe-rawres.jsonl.gz:3612" "$work/probe-rawres.err" &&
	! grep -q "clone may use CLONE_NEW[^U]" "$work/probe-rawres.err"; then
	pass
else
	fail "probe-rawres: the summary does not name only CLONE_NEWUSER at line 3612: $(grep clone "$work/probe-rawres.err")"
fi
# No "not understood" for Falco's bare bit 29 ("536870912").
if grep -q "not understood" "$work/nginx.err"; then fail "nginx: $(grep 'not understood' "$work/nginx.err" | head -1)"; else pass; fi

# 3. The runtime from the log: crun's baseline for the crun recording, runc's for the others; a --runtime
# that the log contradicts is warned about.
if grep -q "from the crun baseline (.*the log shows its processes)" "$work/nginx-crun.err"; then pass; else fail "nginx-crun: not the crun baseline: $(grep baseline "$work/nginx-crun.err")"; fi
for name in pselect6 readlink setsid statfs; do
	if allowed "$work/nginx-crun.json" "$name"; then pass; else fail "nginx-crun: crun needs $name after its filter"; fi
done
if grep -q "from the runc baseline (.*the log shows its processes)" "$work/nginx.err"; then pass; else fail "nginx: not the runc baseline from the log"; fi
"$binary" -log "$(log nginx-crun)" -container-id "$(cid nginx-crun)" --runtime runc >/dev/null 2>"$work/mismatch.err" || true
if grep -q "warning: --runtime runc, but the log shows the processes of crun" "$work/mismatch.err"; then pass; else fail "nginx-crun --runtime runc: no warning: $(cat "$work/mismatch.err")"; fi

# 4. The drop alert of the stress recording is warned about, with its line.
if grep -q "stress.jsonl.gz:17114: warning: the log has 1 'syscall event drop' alerts" "$work/stress.err"; then pass; else fail "stress: the drop alert is not warned about"; fi

# 5. Events not yet in a container: counted and named where every line is read, never a bad line.
"$binary" --list-containers -log "$(log nginx)" >"$work/list.out" 2>"$work/list.err"
if grep -q '^falco2seccomp: 864 events had no container id yet (container.id "" or null), the first at .*nginx.jsonl.gz:4838 (runc)' "$work/list.err"; then
	pass
else
	fail "nginx --list-containers: the events without an id are not counted: $(cat "$work/list.err")"
fi
# Text lines have no proc.name, so runc's setup cannot be told there: --deny-risky leaves it out.
gzip -dc "$(log nginx)" | jq -r .output >"$work/nginx.txt"
if "$binary" --strict --deny-risky -log "$work/nginx.txt" -container-id "$(cid nginx)" >/dev/null 2>"$work/text.err"; then
	pass
else
	fail "nginx as text lines with --strict: $(head -3 "$work/text.err")"
fi

# 6. One thread or two, every line decoded or not, gzip or plain, a file or standard input: the same bytes.
gzip -dc "$(log nginx)" >"$work/nginx.jsonl"
for way in "--jobs 1" "--jobs 2" "--full-parse" "--jobs 2 --full-parse"; do
	# shellcheck disable=SC2086 # way is meant to split
	"$binary" -q $way -log "$work/nginx.jsonl" -container-id "$(cid nginx)" >"$work/way.json"
	if cmp -s "$work/way.json" "$work/nginx.json"; then pass; else fail "nginx with $way: another profile"; fi
done
gzip -dc "$(log nginx)" | "$binary" -q -container-id "$(cid nginx)" >"$work/stdin.json"
if cmp -s "$work/stdin.json" "$work/nginx.json"; then pass; else fail "nginx from standard input: another profile"; fi

# 7. --check does not call the runtime's setup "not allowed".
if "$binary" --check "$work/nginx.json" -log "$(log nginx)" -container-id "$(cid nginx)" >"$work/check.out" 2>&1; then
	pass
else
	fail "nginx --check of its own profile: $(grep -i 'not allowed' "$work/check.out" | head -3)"
fi

# Issue 21: the real nginx recording (amd64) made into an aarch64 profile allows what Debian's arm64
# build of the same nginx makes instead of the legacy calls it shows (measured under qemu-aarch64-static
# -strace: dup3, epoll_create1, faccessat, fchownat, mkdirat; this recording's nginx never chmods) and the
# vDSO's clock calls.
"$binary" -q -log "$(log nginx)" -container-id "$(cid nginx)" --arch aarch64 >"$work/nginx-arm64.json" 2>/dev/null ||
	fail "the aarch64 profile of the nginx log failed"
for name in dup3 epoll_create1 faccessat fchownat mkdirat clock_gettime gettimeofday; do
	if allowed "$work/nginx-arm64.json" $name; then pass; else fail "the aarch64 profile of the nginx log lacks $name"; fi
done
# Falco 0.44.1 (tests/data/real-falco/README.md): exit events only, 64 events named runc per start, and
# nothing at all of crun. The crun recording shows no runtime process: no runtime is assumed, and crun's
# baseline, which starts under runc too, is taken and said (runc's lacked setresgid: "crun: cannot
# setresgid to 0"); the runc recordings show runc's processes.
cid44() { cat "$data/falco-0.44.1-$1.cid"; }
log44() { echo "$data/falco-0.44.1-$1.jsonl.gz"; }
for name in nginx-ci nginx-prod nginx-crun-prod probe; do
	if "$binary" -log "$(log44 $name)" -container-id "$(cid44 $name)" >"$work/44-$name.json" 2>"$work/44-$name.err"; then
		pass
	else
		fail "0.44.1 $name: exit status $? ($(head -c 300 "$work/44-$name.err"))"
	fi
done
if grep -q "from the crun baseline (.*the log shows no runtime's processes, and crun's baseline, which holds runc's, starts under both" \
	"$work/44-nginx-crun-prod.err"; then pass; else fail "0.44.1 crun: $(grep baseline "$work/44-nginx-crun-prod.err")"; fi
for name in setresgid setresuid pselect6 readlink setsid statfs; do
	if allowed "$work/44-nginx-crun-prod.json" "$name"; then pass; else fail "0.44.1 crun: the profile lacks $name, which crun makes after its filter"; fi
done
for name in nginx-ci nginx-prod; do
	if grep -q "from the runc baseline (.*the log shows its processes)" "$work/44-$name.err"; then pass; else
		fail "0.44.1 $name: not runc's baseline from the log: $(grep baseline "$work/44-$name.err")"; fi
done
# A restart (podman restart at line 4870: runc executes itself again, 64 events, then nginx starts again)
# is the runtime's, not the workload's: 128 events left out, and --check of the CI profile against the
# production log no longer counts what only runc's second start made.
if grep -q "left out 128 events of the container runtime's own processes (runc), .* and 1 more start of the container" \
	"$work/44-nginx-prod.err"; then pass; else fail "0.44.1 nginx-prod: the restart is not left out: $(grep 'left out' "$work/44-nginx-prod.err")"; fi
gzip -dc "$(log44 nginx-prod)" >"$work/44-prod.jsonl"
"$binary" --check "$work/44-nginx-ci.json" -log "$(log44 nginx-prod)" -container-id "$(cid44 nginx-prod)" >/dev/null 2>"$work/44-check.err" || true
if grep -q "1 of [0-9]* syscalls observed are not allowed" "$work/44-check.err" && grep -q "shutdown is not allowed" "$work/44-check.err"; then
	pass
else
	fail "0.44.1 --check of the CI profile against production: $(grep 'not allowed' "$work/44-check.err")"
fi
# Recorded under the profile, the refused call fails (evt.rawres -1): --check names it as refused, a
# denial source no printk limit cuts. After 4 MiB of another container's events, --jobs 2 splits the
# file so that only the second part sees it, and that part tells the whole.
gzip -dc "$(log44 nginx-ci)" >"$work/44-ci.jsonl"
cat "$work/44-ci.jsonl" "$work/44-ci.jsonl" "$work/44-ci.jsonl" "$work/44-prod.jsonl" >"$work/44-split.jsonl"
for jobs in 1 2; do
	"$binary" --check "$work/44-nginx-ci.json" -log "$work/44-split.jsonl" --jobs $jobs -container-id "$(cid44 nginx-prod)" \
		>/dev/null 2>"$work/44-refused.err" || true
	if grep -q "shutdown is not allowed by .*; the log shows it failing with EPERM or ENOSYS" "$work/44-refused.err"; then pass; else
		fail "0.44.1 --check --jobs $jobs does not say the log shows shutdown refused: $(grep shutdown "$work/44-refused.err")"
	fi
done
# The same profile however it is read: the part that sees evt.rawres tells the others (families stay apart).
for way in "--jobs 1" "--jobs 2" "--full-parse"; do
	# shellcheck disable=SC2086 # way is meant to split
	"$binary" -q $way -log "$work/44-prod.jsonl" -container-id "$(cid44 nginx-prod)" >"$work/44-way.json" 2>/dev/null
	if cmp -s "$work/44-way.json" "$work/44-nginx-prod.json"; then pass; else fail "0.44.1 nginx-prod with $way: another profile"; fi
done
# The text form of each recording (the rule's output line) gives the JSON form's profile: the rule writes
# proc=, flags=, domain= and result= there too.
for name in nginx-ci nginx-prod nginx-crun-prod probe; do
	gzip -dc "$(log44 $name)" | jq -r .output >"$work/44-$name.txt"
	"$binary" -q -log "$work/44-$name.txt" -container-id "$(cid44 $name)" >"$work/44-$name-text.json" 2>/dev/null
	if cmp -s "$work/44-$name-text.json" "$work/44-$name.json"; then pass; else
		fail "0.44.1 $name: the text form gives another profile: $(diff "$work/44-$name-text.json" "$work/44-$name.json" | head -4)"; fi
done
# --runtime crun for a runc recording: crun's baseline holds runc's, so nothing to warn about.
"$binary" -log "$(log44 nginx-ci)" -container-id "$(cid44 nginx-ci)" --runtime crun >/dev/null 2>"$work/44-crun-given.err"
if grep -q "warning: --runtime" "$work/44-crun-given.err"; then fail "0.44.1 nginx-ci --runtime crun: $(grep 'warning: --runtime' "$work/44-crun-given.err")"; else pass; fi
# Every escape stays refused in the 0.44.1 profiles: the promises were proven on the built filters.
for name in nginx-ci nginx-prod nginx-crun-prod probe; do
	if grep -q "promises proven on the filters libseccomp builds" "$work/44-$name.err"; then pass; else fail "0.44.1 $name: no proof on the filter"; fi
	for escape in unshare mount setns; do
		# The probe's own `unshare -U` is a program of the workload: its unshare is the workload's, and warned about.
		[ "$name/$escape" = probe/unshare ] && continue
		if allowed "$work/44-$name.json" $escape; then fail "0.44.1 $name: the profile allows $escape"; else pass; fi
	done
done
finish
