#!/bin/sh
# End to end: a real runtime (runc) enforces the profile falco2seccomp makes.
#
# 1. A minimal root filesystem holds a static busybox and tests/e2e/probe.c,
#    built static here.
# 2. Recording: Falco needs a kernel driver, which a test cannot load, so the
#    workloads' syscalls are recorded with strace instead, run on the same
#    root filesystem (chroot) with the same binaries and kernel, and turned
#    into Falco's JSON alerts by tests/e2e/strace2falco.awk, with the clone
#    flags and socket families as Falco writes them. strace writes kernel
#    names (pread64, not pread); falco2seccomp takes those as Falco's generic
#    events, unchanged. Like Falco's container.id filter, this sees the
#    workload only, not runc.
# 3. falco2seccomp turns each log into a profile (--format oci, default
#    runtime baseline runc), which goes into the bundle's config.json with
#    noNewPrivileges off, as Docker and Kubernetes run containers.
# 4. Checks, each the way an attacker would try it:
#    - busybox: the workload runs; mkdir, never recorded, is denied with
#      EPERM (and works without the profile); the --runtime none profile does
#      not even start the container, because runc itself makes syscalls
#      after loading the filter that no log of the container shows.
#    - probe: its normal work (a thread, which glibc makes with clone3 and,
#      once clone3 answers ENOSYS, with clone; fork; an AF_INET socket) runs
#      under its profile, while clone(CLONE_NEWUSER) gets EPERM, clone3 gets
#      ENOSYS, socket(AF_VSOCK), socket(AF_NETLINK) and
#      personality(READ_IMPLIES_EXEC) get EPERM. Under the profile made with
#      --allow-namespaces both clones create the namespace; without any
#      profile every probe succeeds, so each denial is seccomp's.
#    - socketcall (x86_64 hosts): AF_VSOCK through int $0x80 socketcall
#      passes the profile of the default architectures, as its summary says,
#      and stops the process (SIGSYS) under --arch x86_64.
#    - a newer C library under a profile recorded with an older one: threads
#      made with clone in the log are made with clone3 (ENOSYS, then clone);
#      fchmodat2 tried first gets ENOSYS, not EPERM, though the profile
#      names futex_wake above it; the clock read through the real syscalls
#      works though no log shows them (the vDSO's calls); a fork recorded
#      without its reap is named in the summary and reaped with --companions.
#      Each has its control, where the same program fails without the rule.
#    - --check passes the log the profile came from.
#    - a profile merged with a runtime's own default (podman's, from Debian's
#      containers-common, whose archMap lists every architecture) starts the
#      container: only this machine's archMap entry is kept.
#
# It needs root, runc, strace, jq, cc, busybox-static and containers-common; when it cannot run,
# it fails and says why, never passes silently.
# Usage: tests/e2e_runc.sh BINARY
set -u
export LC_ALL=C
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
work=$(mktemp -d)
name=f2s-e2e-$$
# The kernel's rate limit of printk would drop LOG records of a burst; lifted during the test, restored after.
ratelimit=$(sysctl -n kernel.printk_ratelimit 2>/dev/null || echo "")
cleanup() {
	runc list -q 2>/dev/null | grep "^$name-" | while read -r c; do runc delete -f "$c" >/dev/null 2>&1; done
	[ -n "$ratelimit" ] && sysctl -q -w kernel.printk_ratelimit="$ratelimit" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "FAIL e2e: $*" >&2
	failed=$((failed + 1))
}
finish() {
	echo "e2e: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}
check() {
	if eval "$2"; then passed=$((passed + 1)); else fail "$1"; fi
}

busybox=$(command -v busybox || echo /bin/busybox)
for need in runc strace jq cc; do
	if ! command -v $need >/dev/null 2>&1; then
		fail "cannot run: $need is missing (scripts/deps.sh test installs it)"
		finish
	fi
done
if [ "$(id -u)" -ne 0 ]; then
	fail "cannot run: runc needs root here (run make check as root)"
	finish
fi
if ! file_is_static=$("$busybox" true 2>&1) || [ ! -x "$busybox" ]; then
	fail "cannot run: no busybox at $busybox ($file_is_static)"
	finish
fi

# 1. The root filesystem.
rootfs=$work/bundle/rootfs
mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/proc" "$rootfs/dev" "$rootfs/sys" "$rootfs/tmp"
cp "$busybox" "$rootfs/bin/busybox"
for applet in sh echo cat ls mkdir; do ln -s busybox "$rootfs/bin/$applet"; done
echo e2e >"$rootfs/etc/hostname"
if ! cc -static -O2 -pthread -o "$rootfs/bin/probe" "$here/e2e/probe.c" 2>"$work/cc.err"; then
	fail "cannot build the probe: $(head -3 "$work/cc.err")"
	finish
fi
workload='echo hello; cat /etc/hostname; ls /'

# 2. Recording: record LOG START COMMAND... runs COMMAND in the root
# filesystem under strace and writes the alerts of container e2e0e2e0e2e0.
record() {
	log=$1
	start=$2
	shift 2
	if ! env -i PATH=/bin "$(command -v strace)" -f -qq -o "$work/trace.txt" "$(command -v chroot)" "$rootfs" "$@" >"$work/recorded.out" 2>&1; then
		fail "cannot record $* with strace: $(head -3 "$work/recorded.out")"
		finish
	fi
	awk -v cid=e2e0e2e0e2e0 -v proc="$(basename "$start")" -v start="$start" -f "$here/e2e/strace2falco.awk" \
		"$work/trace.txt" >"$log"
	if [ "$(wc -l <"$log")" -lt 20 ]; then
		fail "the recording of $* holds too few events: $(wc -l <"$log")"
		finish
	fi
}
record "$work/events.jsonl" /bin/sh /bin/sh -c "$workload"
record "$work/probe.jsonl" /bin/probe /bin/probe work
record "$work/chmod.jsonl" /bin/probe /bin/probe chmod-old
check "the chmod recording shows fchmodat and not fchmodat2" \
	"grep -q '\"evt.type\":\"fchmodat\"' '$work/chmod.jsonl' && ! grep -q fchmodat2 '$work/chmod.jsonl'"
# As an older C library would have recorded the same work: threads made with clone, no clone3.
sed 's/"clone3"/"clone"/g' "$work/probe.jsonl" >"$work/probe-clone.jsonl"
check "the probe's recording shows glibc making its thread with clone3" \
	"grep -q '\"evt.type\":\"clone3\"' '$work/probe.jsonl'"

# The same recording shaped as a real Falco 0.40 writes it (tests/data/real-falco): runc's setup first,
# under the container's id (unshare, mount, pivot_root, sethostname, keyctl, seccomp, and clone3 children
# whose flags name every namespace), then each event twice, enter (no result, no flags) and exit (the
# result), with a child's exit event after each clone and clone3 whose flags Falco read after the parent
# reused the memory.
gzip -dc "$here/data/real-falco/falco-0.40.0-probe-rawres.jsonl.gz" | head -n 3392 |
	sed 's/"container.id":"da3e4763b8de"/"container.id":"e2e0e2e0e2e0"/' >"$work/probe-real.jsonl"
jq -c '(. | .output_fields["evt.rawres"] = null | .output_fields["evt.arg.flags"] = null),
	(. | .output_fields["evt.rawres"] = 5),
	(select(.output_fields["evt.type"] | test("^clone3?$")) | .output_fields["evt.rawres"] = 0
	 | .output_fields["evt.arg.flags"] = "CLONE_NEWUSER|CLONE_NEWNET|CLONE_NEWNS|CLONE_NEWPID|CLONE_THREAD")' \
	"$work/probe.jsonl" >>"$work/probe-real.jsonl"
check "the real-shaped log holds runc's unshare and a child's clone3 with CLONE_NEWUSER" \
	"grep -q '\"proc.name\":\"runc:\[0:PARENT\]\",\"syscall.type\":\"unshare\"' '$work/probe-real.jsonl' &&
	 grep -q 'CLONE_NEWUSER|CLONE_NEWNET|CLONE_NEWNS|CLONE_NEWPID|CLONE_THREAD' '$work/probe-real.jsonl'"

# 3. Profiles and bundles.
profile() {
	out=$1
	shift
	"$binary" -q -container-id e2e0e2e0e2e0 --format oci -o "$out" "$@" || fail "falco2seccomp $* failed"
}
profile "$work/profile.json" -log "$work/events.jsonl"
profile "$work/bare.json" -log "$work/events.jsonl" --runtime none
profile "$work/probe-profile.json" -log "$work/probe.jsonl"
profile "$work/probe-namespaces.json" -log "$work/probe.jsonl" --allow-namespaces
# Without evt.arg.domain the families cannot be narrowed: socket gets Docker's three rules.
jq -c 'del(.output_fields["evt.arg.domain"])' "$work/probe.jsonl" >"$work/probe-nodomain.jsonl"
profile "$work/probe-nodomain.json" -log "$work/probe-nodomain.jsonl"
check "the profile of a log without domains lacks Docker's three socket rules" \
	"[ \"\$(jq -c '[.syscalls[] | select(.names == [\"socket\"]) | .args[0] | [.op, .value]]' '$work/probe-nodomain.json')\" = \
	  '[[\"SCMP_CMP_LT\",38],[\"SCMP_CMP_EQ\",39],[\"SCMP_CMP_GT\",40]]' ]"
profile "$work/probe-real-profile.json" -log "$work/probe-real.jsonl"
profile "$work/probe-clone-profile.json" -log "$work/probe-clone.jsonl"
profile "$work/probe-clone-no-clone3.json" -log "$work/probe-clone.jsonl" --no-arg-rule clone3
# futex_wake (454) is named above fchmodat2 (452), so runc's own ENOSYS for numbers past the
# profile's largest does not reach fchmodat2: only the profile's rule answers it.
profile "$work/chmod-profile.json" -log "$work/chmod.jsonl" --add futex_wake
profile "$work/chmod-no-enosys.json" -log "$work/chmod.jsonl" --add futex_wake --no-enosys
profile "$work/probe-no-clock.json" -log "$work/probe.jsonl" --remove clock_gettime --remove gettimeofday
# Recorded without the reap (the child exited after the recording stopped): the summary names wait4.
grep -v '"evt.type":"wait4"' "$work/probe.jsonl" >"$work/probe-no-reap.jsonl"
"$binary" -container-id e2e0e2e0e2e0 --format oci -o "$work/probe-no-reap.json" -log "$work/probe-no-reap.jsonl" \
	2>"$work/no-reap.err" || fail "falco2seccomp failed on the log without the reap"
check "the summary of the log without the reap does not name wait4: $(grep -i wait "$work/no-reap.err")" \
	"grep -q 'never wait4, waitid' '$work/no-reap.err'"
profile "$work/probe-companions.json" -log "$work/probe-no-reap.jsonl" --companions
profile "$work/probe-audit.json" -log "$work/probe.jsonl" --audit
# socketcall: the default architectures of an amd64 host hold x86, where a family rule cannot reach
# through socketcall; the summary says so, and --arch x86_64 closes the way.
"$binary" -container-id e2e0e2e0e2e0 --format oci -o "$work/probe-x86.json" -log "$work/probe.jsonl" \
	2>"$work/probe-x86.err" || fail "falco2seccomp failed on the probe's recording"
check "the summary does not say that the family rules do not hold through socketcall on x86: $(grep -i socketcall "$work/probe-x86.err")" \
	"grep -q \"socket's family rules do not hold through socketcall on x86\" '$work/probe-x86.err'"
"$binary" -container-id e2e0e2e0e2e0 --format oci -o "$work/probe-64.json" -log "$work/probe.jsonl" --arch x86_64 \
	2>"$work/probe-64.err" || fail "falco2seccomp --arch x86_64 failed on the probe's recording"
check "with --arch x86_64 the summary still names a socketcall way: $(grep -i socketcall "$work/probe-64.err")" \
	"! grep -q socketcall '$work/probe-64.err'"
profile "$work/probe-audit-64.json" -log "$work/probe.jsonl" --audit --arch x86_64
profile "$work/audit.json" -log "$work/events.jsonl" --audit
(cd "$work/bundle" && runc spec) || { fail "runc spec failed"; finish; }
mv "$work/bundle/config.json" "$work/spec.json"
echo '{}' >"$work/empty.json"

# bundle_config PROFILE|none ARGS_JSON: writes config.json for one run.
bundle_config() {
	profile=$1
	filter='.linux.seccomp = $profile[0]'
	if [ "$profile" = none ]; then
		profile=$work/empty.json
		filter='del(.linux.seccomp)'
	fi
	jq --slurpfile profile "$profile" --argjson args "$2" \
		".process.terminal = false | .process.args = \$args | .process.noNewPrivileges = false
		 | .root.readonly = false | $filter" "$work/spec.json" >"$work/bundle/config.json" 2>"$work/jq.err" ||
		{ fail "jq could not write config.json: $(cat "$work/jq.err")"; finish; }
}

# run_container NAME PROFILE|none ARGS_JSON: runs the bundle, output in
# $work/NAME.out, status in $run_status.
run_container() {
	bundle_config "$2" "$3"
	run_status=0
	(cd "$work/bundle" && timeout 60 runc run "$name-$1") >"$work/$1.out" 2>&1 </dev/null || run_status=$?
	runc delete -f "$name-$1" >/dev/null 2>&1
}

# 4a. The recorded workload runs under its profile.
run_container ok "$work/profile.json" "[\"/bin/sh\", \"-c\", \"$workload\"]"
check "the recorded workload did not run under its profile (status $run_status): $(head -5 "$work/ok.out")" \
	"[ $run_status -eq 0 ] && grep -qx hello '$work/ok.out' && grep -qx e2e '$work/ok.out'"

# 4b. Something never recorded is denied with EPERM...
run_container denied "$work/profile.json" '["/bin/mkdir", "/made-by-test"]'
check "mkdir was not denied with EPERM (status $run_status): $(head -5 "$work/denied.out")" \
	"[ $run_status -ne 0 ] && grep -q 'Operation not permitted' '$work/denied.out' && [ ! -d '$rootfs/made-by-test' ]"
# ...by seccomp: without the profile the same mkdir works.
run_container control none '["/bin/mkdir", "/made-by-test"]'
check "mkdir failed even without a profile (status $run_status): $(head -5 "$work/control.out")" \
	"[ $run_status -eq 0 ] && [ -d '$rootfs/made-by-test' ]"

# 4c. Without the runtime baseline the container does not start.
run_container none "$work/bare.json" "[\"/bin/sh\", \"-c\", \"$workload\"]"
if [ $run_status -ne 0 ] && ! grep -qx hello "$work/none.out"; then
	passed=$((passed + 1))
	echo "e2e: as expected, --runtime none stops the container: $(grep -m1 'operation not permitted' "$work/none.out" || tail -1 "$work/none.out")"
else
	fail "with --runtime none the container started (status $run_status); the baseline would be unneeded"
fi

# 4d. The probe, under each profile: expect NAME PROFILE MODE LINE.
expect() {
	run_container "$1" "$2" "[\"/bin/probe\", \"$3\"]"
	check "probe $3 under $(basename "$2"): expected '$4', got (status $run_status): $(head -3 "$work/$1.out")" \
		"grep -qx '$4' '$work/$1.out'"
}
expect work "$work/probe-profile.json" work "work: ok"
expect newuser "$work/probe-profile.json" clone-newuser "clone-newuser: EPERM"
expect clone3 "$work/probe-profile.json" clone3-newuser "clone3-newuser: ENOSYS"
expect vsock "$work/probe-profile.json" socket-vsock "socket-vsock: EPERM"
expect alg "$work/probe-profile.json" socket-alg "socket-alg: EPERM"
# The way the summary names: AF_VSOCK through socketcall passes the profile that refuses it to socket...
if [ "$(uname -m)" = x86_64 ]; then
	run_container socketcall-vsock "$work/probe-x86.json" '["/bin/probe", "socketcall-vsock"]'
	check "socket(AF_VSOCK) through socketcall was refused under the default architectures, though the summary says it passes: $(head -3 "$work/socketcall-vsock.out")" \
		"grep -q '^socketcall-vsock: ' '$work/socketcall-vsock.out' && ! grep -qx 'socketcall-vsock: EPERM' '$work/socketcall-vsock.out'"
	# ...and --arch x86_64 closes it: a call of another architecture stops the process.
	run_container socketcall-64 "$work/probe-64.json" '["/bin/probe", "socketcall-vsock"]'
	check "socket(AF_VSOCK) through socketcall was not stopped under --arch x86_64 (status $run_status): $(head -3 "$work/socketcall-64.out")" \
		"[ $run_status -ne 0 ] && ! grep -q '^socketcall-vsock: ' '$work/socketcall-64.out'"
	echo "e2e: socketcall: under the default architectures $(cat "$work/socketcall-vsock.out"); under --arch x86_64 status $run_status"
	expect socket-64 "$work/probe-64.json" work "work: ok"
	# The audit profile logs socket rather than allowing it by family: libseccomp then refuses socketcall's
	# socket whole, so AF_VSOCK stays refused that way too (a 32-bit process must use the socket syscall).
	expect audit-socketcall "$work/probe-audit.json" socketcall-vsock "socketcall-vsock: EPERM"
fi
expect nodomain-work "$work/probe-nodomain.json" work "work: ok"
expect nodomain-alg "$work/probe-nodomain.json" socket-alg "socket-alg: EPERM"
expect nodomain-vsock "$work/probe-nodomain.json" socket-vsock "socket-vsock: EPERM"
expect netlink "$work/probe-profile.json" socket-netlink "socket-netlink: EPERM"
expect persona "$work/probe-profile.json" personality "personality: EPERM"
expect unshare "$work/probe-profile.json" unshare-newuser "unshare-newuser: EPERM"
expect real-work "$work/probe-real-profile.json" work "work: ok"
expect real-newuser "$work/probe-real-profile.json" clone-newuser "clone-newuser: EPERM"
expect real-clone3 "$work/probe-real-profile.json" clone3-newuser "clone3-newuser: ENOSYS"
expect real-unshare "$work/probe-real-profile.json" unshare-newuser "unshare-newuser: EPERM"
expect ns-work "$work/probe-namespaces.json" work "work: ok"
expect ns-newuser "$work/probe-namespaces.json" clone-newuser "clone-newuser: ok"
expect ns-clone3 "$work/probe-namespaces.json" clone3-newuser "clone3-newuser: ok"
# Issue 19: a newer C library under a profile recorded with an older one.
expect clone-work "$work/probe-clone-profile.json" work "work: ok"
expect clone-no-clone3 "$work/probe-clone-no-clone3.json" work "work: pthread_create failed"
expect chmod-new "$work/chmod-profile.json" chmod-new "chmod-new: ok"
expect chmod-no-enosys "$work/chmod-no-enosys.json" chmod-new "chmod-new: EPERM"
expect chmod-old "$work/chmod-no-enosys.json" chmod-old "chmod-old: ok"
expect no-reap "$work/probe-no-reap.json" work "work: fork failed: EPERM"
expect companions "$work/probe-companions.json" work "work: ok"
# Issue 20: an audit profile lets what was not recorded run (and the kernel logs it), but never what
# Docker's default refuses.
# The README's rollout as written: the printk limit lifted for the audit run and restored, a marker, the
# whole kernel log saved, and only the records after the marker taken.
old_ratelimit=$(sysctl -n kernel.printk_ratelimit)
sysctl -q -w kernel.printk_ratelimit=0
echo "$name: audit starts" >/dev/kmsg
run_container audit-mkdir "$work/audit.json" '["/bin/mkdir", "/made-under-audit"]'
check "mkdir, never recorded, did not run under the audit profile (status $run_status): $(head -3 "$work/audit-mkdir.out")" \
	"[ $run_status -eq 0 ] && [ -d '$rootfs/made-under-audit' ]"
# The rollout: the kernel's records of the audit run, read back, fix the profile, which then enforces.
dmesg >"$work/audit.log"
sysctl -q -w kernel.printk_ratelimit="$old_ratelimit"
check "the printk rate limit was not restored ($(sysctl -n kernel.printk_ratelimit), was $old_ratelimit)" \
	"[ \"\$(sysctl -n kernel.printk_ratelimit)\" = '$old_ratelimit' ]"
sed -n "/$name: audit starts/,\$p" "$work/audit.log" >"$work/audit-run.log"
check "the kernel logged no seccomp record of the mkdir run: $(tail -2 "$work/audit-run.log")" \
	"grep -q 'type=1326.*comm=\"mkdir\".*syscall=83 ' '$work/audit-run.log'"
profile "$work/fixed.json" -log "$work/events.jsonl" --audit-log "$work/audit.log" --audit-since "$name: audit starts"
rmdir "$rootfs/made-under-audit" 2>/dev/null || true
run_container fixed-mkdir "$work/fixed.json" '["/bin/mkdir", "/made-under-audit"]'
check "mkdir did not run under the profile fixed from the audit log (status $run_status): $(head -3 "$work/fixed-mkdir.out")" \
	"[ $run_status -eq 0 ] && [ -d '$rootfs/made-under-audit' ]"
# The fixed profile allows what a recording of both paths gives: the audit logged exactly what was missing.
record "$work/mkdir.jsonl" /bin/sh /bin/sh -c "mkdir /made-recorded"
rmdir "$rootfs/made-recorded" 2>/dev/null || true
cat "$work/events.jsonl" "$work/mkdir.jsonl" >"$work/both.jsonl"
profile "$work/both.json" -log "$work/both.jsonl"
names_of() { jq -r '[.syscalls[] | select(.action == "SCMP_ACT_ALLOW") | .names[]] | unique | join(" ")' "$1"; }
check "the profile fixed from the audit log differs from the one of both paths recorded: $(names_of "$work/fixed.json") / $(names_of "$work/both.json")" \
	"[ \"\$(names_of '$work/fixed.json')\" = \"\$(names_of '$work/both.json')\" ]"
run_container fixed-rmdir "$work/fixed.json" '["/bin/rmdir", "/made-under-audit"]'
check "rmdir, neither recorded nor audited, was not denied by the fixed profile (status $run_status)" \
	"[ $run_status -ne 0 ] && [ -d '$rootfs/made-under-audit' ]"
expect audit-work "$work/probe-audit.json" work "work: ok"
expect audit-newuser "$work/probe-audit.json" clone-newuser "clone-newuser: EPERM"
expect audit-clone3 "$work/probe-audit.json" clone3-newuser "clone3-newuser: ENOSYS"
expect audit-unshare "$work/probe-audit.json" unshare-newuser "unshare-newuser: EPERM"
expect audit-vsock "$work/probe-audit-64.json" socket-vsock "socket-vsock: EPERM"
# Under the default architectures too (x86_64, x86, x32), where socket is logged rather than allowed by
# family: a 64-bit socket(AF_VSOCK) is refused; only socketcall, which the summary names, passes.
expect audit-vsock-default "$work/probe-audit.json" socket-vsock "socket-vsock: EPERM"
expect audit-netlink "$work/probe-audit.json" socket-netlink "socket-netlink: ok"
expect audit-persona "$work/probe-audit.json" personality "personality: EPERM"
expect clock "$work/probe-profile.json" clock-syscalls "clock-syscalls: ok"
expect no-clock "$work/probe-no-clock.json" clock-syscalls "clock-syscalls: EPERM"
check "the probe's recording shows no clock syscall, so its profile allows them for the vDSO alone" \
	"! grep -q '\"evt.type\":\"clock_gettime\"\\|\"evt.type\":\"gettimeofday\"' '$work/probe.jsonl'"
expect free-newuser none clone-newuser "clone-newuser: ok"
expect free-clone3 none clone3-newuser "clone3-newuser: ok"
expect free-unshare none unshare-newuser "unshare-newuser: ok"
expect free-netlink none socket-netlink "socket-netlink: ok"
expect free-persona none personality "personality: ok"
run_container free-vsock none '["/bin/probe", "socket-vsock"]'
run_container free-alg none '["/bin/probe", "socket-alg"]'
check "socket(AF_ALG) without a profile was refused with EPERM, so its denial would prove nothing" \
	"grep -q '^socket-alg: ' '$work/free-alg.out' && ! grep -qx 'socket-alg: EPERM' '$work/free-alg.out'"
check "socket(AF_VSOCK) without a profile was refused with EPERM, so its denial would prove nothing" \
	"grep -q '^socket-vsock: ' '$work/free-vsock.out' && ! grep -qx 'socket-vsock: EPERM' '$work/free-vsock.out'"

# 4e. --check passes the log the profile came from (clone3 answers ENOSYS,
# and clone is allowed for the fallback).
"$binary" -q -container-id e2e0e2e0e2e0 -log "$work/probe.jsonl" -o "$work/probe-docker.json" ||
	fail "falco2seccomp failed on the probe's recording"
check "--check did not pass the log the profile came from: $("$binary" --check "$work/probe-docker.json" -container-id e2e0e2e0e2e0 -log "$work/probe.jsonl" 2>&1 | tail -3)" \
	"'$binary' -q --check '$work/probe-docker.json' -container-id e2e0e2e0e2e0 -log '$work/probe.jsonl'"
# 4f. Merged with podman's default, the profile still loads and runs the
# workload. That default allows clone, clone3 and socket without Docker's
# argument rules, so keeping it is a choice the command line must make.
podman_default=/usr/share/containers/seccomp.json
if [ ! -f "$podman_default" ]; then
	fail "cannot merge podman's default: $podman_default is missing (scripts/deps.sh test installs containers-common)"
else
	# Merged as it is, podman's and today's Docker's defaults keep the floor: what is wider is narrowed to
	# Docker's rules, and said with the option that would keep it.
	for base in "$podman_default" "$here/../data/moby/default.json"; do
		name=$(basename "$(dirname "$base")")
		"$binary" -q -container-id e2e0e2e0e2e0 -log "$work/probe.jsonl" --merge "$base" --format oci \
			-o "$work/floor-$name.json" 2>"$work/floor-$name.err" ||
			fail "merging $base failed: $(head -3 "$work/floor-$name.err")"
		expect "floor-$name-work" "$work/floor-$name.json" work "work: ok"
		# podman's default answers what it refuses with ENOSYS, Docker's with EPERM: either refuses.
		for mode in clone-newuser socket-alg socket-vsock; do
			run_container "floor-$name-$mode" "$work/floor-$name.json" "[\"/bin/probe\", \"$mode\"]"
			check "probe $mode under the profile merged with $base was not refused: $(head -3 "$work/floor-$name-$mode.out")" \
				"grep -Eqx '$mode: (EPERM|ENOSYS)' '$work/floor-$name-$mode.out'"
		done
	done
	check "merging podman's default did not name the option that keeps its wider rules: $(cat "$work/floor-containers.err")" \
		"grep -q -- '--allow-namespaces' '$work/floor-containers.err'"
	for format in docker oci; do
		"$binary" -q -container-id e2e0e2e0e2e0 -log "$work/events.jsonl" --merge "$podman_default" \
			--allow-namespaces --no-arg-rule socket --format $format -o "$work/merged-$format.json" 2>>"$work/merge.log" ||
			fail "falco2seccomp --merge $podman_default --format $format failed"
	done
	check "the merged docker profile does not keep exactly this machine's archMap entry" \
		"jq -e '(.archMap | length) == 1 and (has(\"architectures\") | not)' '$work/merged-docker.json' >/dev/null"
	run_container merged "$work/merged-oci.json" "[\"/bin/sh\", \"-c\", \"$workload\"]"
	check "the workload did not run under the profile merged with podman's default (status $run_status): $(head -3 "$work/merged.out")" \
		"[ $run_status -eq 0 ] && grep -qx hello '$work/merged.out'"
fi
# Issue 31: the profile as an OCI artifact, through a real registry (Debian's docker-registry, the
# distribution project's) on localhost and Debian's skopeo: pushed, pulled back with its digests kept, and
# the pulled layer run under runc. Run under runc as pulled: the workload runs, and what it never did is
# refused.
if command -v docker-registry >/dev/null && command -v skopeo >/dev/null; then
	port=$((20000 + $$ % 20000))
	mkdir -p "$work/registry"
	printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%s\n' \
		"$work/registry" "$port" >"$work/registry.yml"
	docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
	registry_pid=$!
	for _ in 1 2 3 4 5 6 7 8 9 10; do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.5; done
	"$binary" -q -container-id e2e0e2e0e2e0 -log "$work/probe.jsonl" --oci-layout "$work/artifact" \
		--oci-annotation org.opencontainers.image.source=https://example.org/probe || fail "--oci-layout failed"
	ref=$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' "$work/artifact/index.json")
	pushed=$(jq -r '.manifests[0].digest' "$work/artifact/index.json")
	skopeo copy -q --dest-tls-verify=false "oci:$work/artifact:$ref" "docker://127.0.0.1:$port/f2s/probe:v1" \
		>"$work/push.log" 2>&1 || fail "skopeo could not push the layout: $(tail -2 "$work/push.log")"
	served=$(skopeo inspect --tls-verify=false --raw "docker://127.0.0.1:$port/f2s/probe:v1" 2>/dev/null)
	check "the registry does not serve the manifest as written (artifactType, config media type, one JSON layer): $served" \
		"printf '%s' '$served' | jq -e '.artifactType == \"application/vnd.cncf.seccomp-profile.config.v1+json\" and .config.mediaType == .artifactType and (.layers | length) == 1 and .layers[0].mediaType == \"application/json\"' >/dev/null"
	check "the registry's manifest digest differs from the layout's ($pushed)" \
		"[ \"sha256:\$(printf '%s' '$served' | sha256sum | cut -d' ' -f1)\" = '$pushed' ]"
	skopeo copy -q --src-tls-verify=false "docker://127.0.0.1:$port/f2s/probe:v1" "oci:$work/pulled:v1" \
		>"$work/pull.log" 2>&1 || fail "skopeo could not pull the artifact back: $(tail -2 "$work/pull.log")"
	check "the pulled artifact's manifest digest differs from the pushed one" \
		"[ \"\$(jq -r '.manifests[0].digest' '$work/pulled/index.json')\" = '$pushed' ]"
	layer=$(jq -r '.layers[0].digest' "$work/pulled/blobs/sha256/${pushed#sha256:}")
	cp "$work/pulled/blobs/sha256/${layer#sha256:}" "$work/pulled-profile.json"
	expect pulled-work "$work/pulled-profile.json" work "work: ok"
	expect pulled-vsock "$work/pulled-profile.json" socket-vsock "socket-vsock: EPERM"
	kill "$registry_pid" 2>/dev/null
	wait "$registry_pid" 2>/dev/null || true
else
	fail "docker-registry and skopeo are missing (scripts/deps.sh test installs them)"
fi
finish
