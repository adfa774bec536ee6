#!/bin/sh
# End to end on a real recording: the profile falco2seccomp makes from the
# real Falco 0.40.0 log of nginx-light 1.22.1 (tests/data/real-falco, runc's
# setup under the container's id) runs Debian 12's own nginx-light under
# runc: it serves, reloads, and what runc's setup did (unshare -U,
# clone(CLONE_NEWUSER)) is refused inside it, while without a profile both
# succeed. The container shares the host's binaries read-only (/usr, /etc,
# ...) and network; nginx listens on 127.0.0.1:18080 with a small config.
# Then the profile of the Falco 0.44.1 recording of the same nginx under
# crun (no runtime process in it: crun's baseline, which holds runc's)
# serves under runc and refuses the same escapes. (crun 1.8.1 itself
# refuses this machine's hybrid cgroups, so it cannot run here.)
# It needs root, runc, curl, cc and nginx-light (scripts/deps.sh test
# installs them); when it cannot run, it fails and says why.
# Usage: tests/e2e_nginx.sh BINARY
suite=e2e-nginx
. "$(dirname "$0")/suite.sh"
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
data=$here/data/real-falco
name=f2s-nginx-$$
port=18080

for need in runc curl cc /usr/sbin/nginx /usr/bin/unshare; do
	if ! command -v "$need" >/dev/null 2>&1; then
		fail "cannot run: $need is missing (scripts/deps.sh test installs it)"
		finish
	fi
done
if [ "$(id -u)" -ne 0 ]; then
	fail "cannot run: runc needs root here"
	finish
fi
trap 'runc delete -f "$name" >/dev/null 2>&1; rm -rf "$work"' EXIT

mkdir -p "$work/rootfs" "$work/conf" "$work/srv"
for dir in usr lib lib64 bin sbin etc var/lib/nginx var/log/nginx run tmp proc dev sys conf srv; do
	mkdir -p "$work/rootfs/$dir"
done
echo hello-from-nginx >"$work/srv/index.html"
cat >"$work/conf/nginx.conf" <<CONF
user www-data;
worker_processes 1;
pid /run/nginx.pid;
error_log /var/log/nginx/error.log;
events { worker_connections 64; }
http {
	access_log /var/log/nginx/access.log;
	sendfile on;
	server { listen 127.0.0.1:$port; root /srv; index index.html; }
}
CONF
if ! cc -static -O2 -pthread -o "$work/conf/probe" "$here/e2e/probe.c" 2>"$work/cc.err"; then
	fail "cannot build the probe: $(head -3 "$work/cc.err")"
	finish
fi
"$binary" -q -log "$data/falco-0.40.0-nginx.jsonl.gz" -container-id "$(cat "$data/falco-0.40.0-nginx.cid")" \
	--format oci -o "$work/profile.json" || { fail "falco2seccomp failed on the real nginx log"; finish; }
(cd "$work" && runc spec) || { fail "runc spec failed"; finish; }
mv "$work/config.json" "$work/spec.json"

# start PROFILE|none: runs nginx in the background in a container of its own.
start() {
	filter='.linux.seccomp = $profile[0]'
	profile=$1
	if [ "$profile" = none ]; then
		echo '{}' >"$work/empty.json"
		profile=$work/empty.json
		filter='del(.linux.seccomp)'
	fi
	caps='["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FSETID","CAP_FOWNER","CAP_MKNOD","CAP_NET_RAW","CAP_SETGID",
		"CAP_SETUID","CAP_SETFCAP","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_KILL","CAP_AUDIT_WRITE"]'
	jq --slurpfile profile "$profile" --argjson caps "$caps" --arg work "$work" "
		.process.terminal = false | .process.noNewPrivileges = false | .root.readonly = false
		| .process.args = [\"/usr/sbin/nginx\", \"-c\", \"/conf/nginx.conf\", \"-g\", \"daemon off;\"]
		| .process.capabilities = {bounding: \$caps, effective: \$caps, permitted: \$caps}
		| .linux.namespaces |= map(select(.type != \"network\"))
		| .mounts += ([\"/usr\", \"/lib\", \"/lib64\", \"/bin\", \"/sbin\", \"/etc\"]
		              | map({destination: ., type: \"bind\", source: ., options: [\"rbind\", \"ro\"]}))
		| .mounts += ([\"/var/lib/nginx\", \"/var/log/nginx\", \"/run\"]
		              | map({destination: ., type: \"tmpfs\", source: \"tmpfs\", options: [\"nosuid\"]}))
		| .mounts += [{destination: \"/conf\", type: \"bind\", source: (\$work + \"/conf\"), options: [\"rbind\", \"ro\"]},
		              {destination: \"/srv\", type: \"bind\", source: (\$work + \"/srv\"), options: [\"rbind\", \"ro\"]}]
		| $filter" "$work/spec.json" >"$work/config.json" || { fail "jq could not write config.json"; finish; }
	(cd "$work" && exec timeout 120 runc run "$name") >"$work/run.out" 2>&1 </dev/null &
	for try in 1 2 3 4 5 6 7 8 9 10; do
		curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
		sleep 0.5
	done
	fail "nginx did not start under $1 with runc: $(head -3 "$work/run.out")"
}
stop() {
	runc kill "$name" KILL >/dev/null 2>&1
	sleep 0.5
	runc delete -f "$name" >/dev/null 2>&1
	wait 2>/dev/null || true
}

start "$work/profile.json"
if [ "$(curl -s "http://127.0.0.1:$port/")" = hello-from-nginx ] &&
	[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nope")" = 404 ]; then
	pass
else
	fail "nginx did not serve under the profile of its real recording"
fi
if runc exec "$name" /usr/sbin/nginx -c /conf/nginx.conf -s reload >"$work/reload.out" 2>&1 &&
	sleep 1 && [ "$(curl -s "http://127.0.0.1:$port/")" = hello-from-nginx ]; then
	pass
else
	fail "nginx -s reload failed under the profile: $(head -2 "$work/reload.out")"
fi
runc exec "$name" /usr/bin/unshare -U /bin/true >"$work/unshare.out" 2>&1 || true
if grep -q "unshare failed: Operation not permitted" "$work/unshare.out"; then pass; else
	fail "unshare -U was not refused under the profile: $(head -2 "$work/unshare.out")"; fi
runc exec "$name" /conf/probe clone-newuser >"$work/clone.out" 2>&1 || true
if grep -qx "clone-newuser: EPERM" "$work/clone.out"; then pass; else
	fail "clone(CLONE_NEWUSER) was not refused under the profile: $(head -2 "$work/clone.out")"; fi
stop

# Without a profile both succeed, so each refusal above is seccomp's.
start none
if runc exec "$name" /usr/bin/unshare -U /bin/true >"$work/free.out" 2>&1; then pass; else
	fail "unshare -U failed even without a profile: $(head -2 "$work/free.out")"; fi
runc exec "$name" /conf/probe clone-newuser >"$work/free-clone.out" 2>&1 || true
if grep -qx "clone-newuser: ok" "$work/free-clone.out"; then pass; else
	fail "clone(CLONE_NEWUSER) failed even without a profile: $(head -2 "$work/free-clone.out")"; fi
stop

# Falco 0.44.1 records nothing of crun: the profile of the crun recording takes crun's baseline, which
# holds runc's, and serves under runc while it refuses the escapes.
"$binary" -q -log "$data/falco-0.44.1-nginx-crun-prod.jsonl.gz" \
	-container-id "$(cat "$data/falco-0.44.1-nginx-crun-prod.cid")" --format oci -o "$work/crun-profile.json" ||
	fail "falco2seccomp failed on the 0.44.1 crun recording"
start "$work/crun-profile.json"
if [ "$(curl -s "http://127.0.0.1:$port/")" = hello-from-nginx ]; then pass; else
	fail "nginx did not serve under runc with the profile of the 0.44.1 crun recording: $(head -3 "$work/run.out")"; fi
for mode in clone-newuser socket-alg socket-vsock; do
	runc exec "$name" /conf/probe $mode >"$work/crun-$mode.out" 2>&1 || true
	if grep -qx "$mode: EPERM" "$work/crun-$mode.out"; then pass; else
		fail "$mode was not refused under the 0.44.1 crun recording's profile: $(head -2 "$work/crun-$mode.out")"; fi
done
stop

finish
