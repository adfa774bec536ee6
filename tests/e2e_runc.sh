#!/bin/sh
# End to end: a real runtime (runc) enforces the profile falco2seccomp makes.
#
# 1. A minimal root filesystem holds a static busybox.
# 2. Recording: Falco needs a kernel driver, which a test cannot load, so the
#    workload's syscalls are recorded with strace instead, run on the same
#    root filesystem (chroot) with the same binary and kernel. Every syscall
#    after the workload's execve is turned into a Falco-shaped JSON alert of
#    container e2e0e2e0e2e0. strace writes kernel names (pread64, not pread);
#    falco2seccomp takes those as Falco's generic events, unchanged. Like
#    Falco's container.id filter, this sees the workload only, not runc.
# 3. falco2seccomp turns the log into a profile (--format oci, default
#    runtime baseline runc), which goes into the bundle's config.json with
#    noNewPrivileges off, as Docker and Kubernetes run containers.
# 4. Checks: the workload runs under `runc run`; the same container running
#    mkdir, which the recording never did, is denied with EPERM (and the same
#    mkdir succeeds without the profile, so the denial is seccomp's); and the
#    profile made with --runtime none from the same log does not even start
#    the container, because runc itself makes syscalls after loading the
#    filter that no log of the container shows.
#
# It needs root, runc, strace, jq and busybox-static; when it cannot run,
# it fails and says why, never passes silently.
# Usage: tests/e2e_runc.sh BINARY
set -u
export LC_ALL=C
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
passed=0
failed=0
work=$(mktemp -d)
name=f2s-e2e-$$
cleanup() {
	for c in ok denied control none; do runc delete -f "$name-$c" >/dev/null 2>&1; done
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

busybox=$(command -v busybox || echo /bin/busybox)
for need in runc strace jq; do
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
workload='echo hello; cat /etc/hostname; ls /'

# 2. Recording.
if ! env -i PATH=/bin "$(command -v strace)" -f -qq -o "$work/trace.txt" "$(command -v chroot)" "$rootfs" /bin/sh -c "$workload" >"$work/recorded.out" 2>&1; then
	fail "cannot record the workload with strace: $(head -3 "$work/recorded.out")"
	finish
fi
awk '
	/execve\("\/bin\/sh"/ { started = 1 }
	!started { next }
	$2 ~ /^[a-z_0-9]+\(/ {
		name = $2; sub(/\(.*/, "", name)
		printf "{\"output\":\"00:00:00.000000000: Informational e2e0e2e0e2e0:%s\",", name
		printf "\"output_fields\":{\"container.id\":\"e2e0e2e0e2e0\",\"evt.type\":\"%s\",\"syscall.type\":\"%s\"},", name, name
		printf "\"priority\":\"Informational\",\"rule\":\"Container syscalls\",\"source\":\"syscall\"}\n"
	}' "$work/trace.txt" >"$work/events.jsonl"
if [ "$(wc -l <"$work/events.jsonl")" -lt 20 ]; then
	fail "the recording holds too few events: $(wc -l <"$work/events.jsonl")"
	finish
fi

# 3. Profiles and bundles.
"$binary" -q -log "$work/events.jsonl" -container-id e2e0e2e0e2e0 --format oci -o "$work/profile.json" ||
	fail "falco2seccomp failed on the recording"
"$binary" -q -log "$work/events.jsonl" -container-id e2e0e2e0e2e0 --format oci --runtime none -o "$work/bare.json" ||
	fail "falco2seccomp --runtime none failed on the recording"
(cd "$work/bundle" && runc spec) || { fail "runc spec failed"; finish; }

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
mv "$work/bundle/config.json" "$work/spec.json"
echo '{}' >"$work/empty.json"

# run_container NAME: runs the bundle, output in $work/NAME.out, status in $run_status.
run_container() {
	run_status=0
	(cd "$work/bundle" && timeout 60 runc run "$name-$1") >"$work/$1.out" 2>&1 </dev/null || run_status=$?
	runc delete -f "$name-$1" >/dev/null 2>&1
}

# 4a. The recorded workload runs under its profile.
bundle_config "$work/profile.json" "[\"/bin/sh\", \"-c\", \"$workload\"]"
run_container ok
if [ $run_status -eq 0 ] && grep -qx hello "$work/ok.out" && grep -qx e2e "$work/ok.out"; then
	passed=$((passed + 1))
else
	fail "the recorded workload did not run under its profile (status $run_status): $(head -5 "$work/ok.out")"
fi

# 4b. Something never recorded is denied with EPERM...
bundle_config "$work/profile.json" '["/bin/mkdir", "/made-by-test"]'
run_container denied
if [ $run_status -ne 0 ] && grep -q "Operation not permitted" "$work/denied.out" && [ ! -d "$rootfs/made-by-test" ]; then
	passed=$((passed + 1))
else
	fail "mkdir was not denied with EPERM (status $run_status): $(head -5 "$work/denied.out")"
fi
# ...by seccomp: without the profile the same mkdir works.
bundle_config none '["/bin/mkdir", "/made-by-test"]'
run_container control
if [ $run_status -eq 0 ] && [ -d "$rootfs/made-by-test" ]; then
	passed=$((passed + 1))
else
	fail "mkdir failed even without a profile (status $run_status): $(head -5 "$work/control.out")"
fi

# 4c. Without the runtime baseline the container does not start.
bundle_config "$work/bare.json" "[\"/bin/sh\", \"-c\", \"$workload\"]"
run_container none
if [ $run_status -ne 0 ] && ! grep -qx hello "$work/none.out"; then
	passed=$((passed + 1))
	echo "e2e: as expected, --runtime none stops the container: $(grep -m1 'operation not permitted' "$work/none.out" || tail -1 "$work/none.out")"
else
	fail "with --runtime none the container started (status $run_status); the baseline would be unneeded"
fi
finish
