#!/bin/sh
# The node-side reducer (--flush-every) fed as Falco's program_output feeds
# it: a long-running writer process through a pipe, one alert per line.
# Its profiles are written on the interval, at SIGTERM and at the end of
# the input, atomically, and equal what one pass over the same lines gives;
# a writer killed mid-stream, a broken line and a restart lose nothing.
# Usage: tests/reducer.sh BINARY
suite=reducer
. "$(dirname "$0")/suite.sh"
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
check() {
	if eval "$2"; then pass; else fail "$1"; fi
}
cd "$work"
cat "$root/examples/events-k8s.jsonl" "$root/examples/events.jsonl" >all.jsonl
head -100 all.jsonl >first.jsonl
tail -n +101 all.jsonl >rest.jsonl
# The command Falco's program_output starts (examples/falco-program-output.yaml), its directory and
# interval made the test's; the DaemonSet runs the same.
program=$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["program_output"]["program"])' \
	"$root/examples/falco-program-output.yaml")
check "examples/falco-program-output.yaml does not start the reducer with keep_alive: $program" \
	"python3 -c 'import sys, yaml; c = yaml.safe_load(open(sys.argv[1]))[\"program_output\"]; sys.exit(not (c[\"enabled\"] and c[\"keep_alive\"]))' '$root/examples/falco-program-output.yaml' && printf '%s' '$program' | grep -q -- '--flush-every'"
reduce() {
	command=$(printf '%s' "$program" | sed "s#^[^ ]*falco2seccomp #$binary #; s#--output-dir [^ ]*#--output-dir $1#; s#--flush-every [0-9]*#--flush-every 1#")
	eval "exec $command 2>>\"$work/$1.err\""
}
once() { "$binary" -q -log "$2" --all-containers --group-by label:app --output-dir "$1" 2>/dev/null; }
once batch all.jsonl

# A writer that keeps the pipe open, then is killed (Falco restarting): the reducer writes on the interval,
# and at the pipe's end writes the rest and exits 0.
mkfifo feed
sh -c 'cat first.jsonl; sleep 2.5; echo "{\"broken"; cat rest.jsonl; exec sleep 60' >feed &
writer=$!
reduce stream <feed &
reducer=$!
sleep 1.8
check "nothing written after the first interval: $(ls stream 2>&1)" "[ -s stream/shop.json ]"
sleep 2.5
kill -9 $writer
status=0
wait $reducer || status=$?
check "the reducer did not exit 0 when the writer died (status $status): $(tail -3 stream.err)" "[ $status -eq 0 ]"
for name in shop cache; do
	check "stream/$name.json differs from one pass over the same lines" "cmp -s stream/$name.json batch/$name.json"
done
check "no half-written file is left: $(ls -a stream)" "[ \"\$(ls -A stream | grep -cv '\\.json\$')\" -eq 0 ]"
check "the broken line was not counted at a writing: $(grep broken stream.err | tail -1)" \
	"grep -q 'so far, 1 broken line' stream.err"

# SIGTERM mid-stream: the profiles so far are written, then it stops with 0.
mkfifo feed2
sh -c 'cat first.jsonl; exec sleep 60' >feed2 &
writer=$!
reduce term <feed2 &
reducer=$!
# Once it has written on its interval (a signal before it runs is the shell's default: it dies unwritten).
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s term/shop.json ] && break; sleep 0.5; done
kill -TERM $reducer
status=0
wait $reducer || status=$?
kill $writer 2>/dev/null
check "SIGTERM did not end the reducer with 0 (status $status)" "[ $status -eq 0 ]"
check "SIGTERM did not write the profiles so far: $(tail -2 term.err)" "[ -s term/shop.json ] && grep -q 'Terminated: writing' term.err"
once firstpass first.jsonl
check "the profile written at SIGTERM differs from one pass over the lines it had" "cmp -s term/shop.json firstpass/shop.json"

# A restart (Falco restarts its program_output): the second reducer keeps what the first wrote.
once part first.jsonl
"$binary" --all-containers --group-by label:app --output-dir part --flush-every 60 <rest.jsonl 2>>part.err
status=$?
check "the restarted reducer failed (status $status)" "[ $status -eq 0 ]"
for name in shop cache; do
	check "part/$name.json after a restart differs from one pass over every line" "cmp -s part/$name.json batch/$name.json"
done

# Reduce on each node, merge once: the merge Job's script (examples/k8s/merge-job.yaml), as written, on two
# nodes' directories, with no registry to push to; the merged profile is one pass over every line.
python3 -c 'import sys, yaml
for document in yaml.safe_load_all(open(sys.argv[1])):
    print(document["spec"]["template"]["spec"]["containers"][0]["args"][0])' "$root/examples/k8s/merge-job.yaml" >merge-job.sh
check "examples/k8s/daemonset.yaml is not a DaemonSet" \
	"python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); sys.exit(d[\"kind\"] != \"DaemonSet\" or d[\"apiVersion\"] != \"apps/v1\")' '$root/examples/k8s/daemonset.yaml'"
mkdir -p nodes/a nodes/b bin
cp stream/*.json nodes/a/
once nodes/b first.jsonl
ln -s "$binary" bin/falco2seccomp
status=0
PATH="$work/bin:$PATH" PROFILES="$work/nodes" MERGED="$work/merged" REGISTRY="" sh merge-job.sh 2>merge.err || status=$?
check "the merge Job's script failed (status $status): $(tail -2 merge.err)" "[ $status -eq 0 ]"
check "the merge Job did not merge to one pass over every line" "cmp -s merged/shop.json batch/shop.json"
check "the merge Job wrote no OCI layout: $(ls merged)" "[ -s merged/shop-layout/index.json ] && [ -s merged/cache-layout/oci-layout ]"

# What it refuses: a log file (it reads standard input), --strict, another job.
refused() {
	status=0
	"$binary" "$@" 2>>refused.err </dev/null || status=$?
	check "--flush-every with $* was not refused (status $status)" "[ $status -eq 2 ]"
}
refused --all-containers --output-dir x --flush-every 1 -log all.jsonl
refused --all-containers --output-dir x --flush-every 1 --strict
refused -container-id 3ad7b26ded6d --flush-every 1
refused --all-containers --output-dir x --flush-every 0
finish
