#!/bin/sh
# All cores: a regular file read by several threads (--jobs N) must give
# exactly what one thread gives: the profile bytes, every warning with its
# file:line and in its order, the counts, the exit status, --strict
# stopping at the first bad line of the file, and --check's findings. The
# logs mix bad lines (some right after the places where the file is split),
# names that are no syscall, argument values not understood, drop alerts
# and a line over the 8 MiB limit, in files large enough to be split.
# Usage: tests/jobs.sh BINARY [SUITE-NAME]   (make check runs it with the ASan build as "jobs"
# and with the ThreadSanitizer build as "jobs-tsan")
suite=${2:-jobs}
. "$(dirname "$0")/suite.sh"
binary=$1

# gen SEED LINES: a log of five containers with problems sprinkled in.
gen() {
	awk -v seed="$1" -v lines="$2" 'BEGIN {
		srand(seed);
		split("3ad7b26ded6d 91f0c0de4b2a 0123456789ab abcdefabcdef host", ids, " ");
		split("read write openat close mmap futex clone clone3 socket socketpair pread accept nosuchcall procexit bpf", names, " ");
		for (i = 1; i <= lines; i++) {
			r = rand();
			id = ids[int(rand() * 5) + 1]; name = names[int(rand() * 15) + 1];
			if (r < 0.004) { print "{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"read\""; continue }
			if (r < 0.006) { print "not a falco line at all"; continue }
			if (r < 0.007) { printf "{\"rule\":\"Falco internal: syscall event drop\",\"output_fields\":{\"n_drops\":%d}}\n", int(rand() * 9) + 1; continue }
			flags = "null"; domain = "null"
			if (name == "clone" || name == "clone3") flags = rand() < 0.02 ? "\"12345\"" : (rand() < 0.01 ? "\"CLONE_NEWNET\"" : "\"CLONE_VM\"")
			if (name == "socket" || name == "socketpair") domain = rand() < 0.02 ? "\"AF_WHAT\"" : (rand() < 0.5 ? "\"AF_INET\"" : "\"AF_LOCAL|AF_UNIX\"")
			printf "{\"output_fields\":{\"container.id\":\"%s\",\"evt.arg.domain\":%s,\"evt.arg.flags\":%s,\"evt.type\":\"%s\",\"proc.name\":\"p%d\",\"syscall.type\":\"%s\"},\"rule\":\"r\",\"output\":\"%s padding padding padding padding padding padding padding padding padding\"}\n", id, domain, flags, name, int(rand() * 5), name, id
		}
	}'
}
gen 7 22000 >"$work/a.jsonl"
gen 11 15000 >"$work/b.jsonl"
# One line over the limit in the middle of a third file.
{ gen 13 9000; head -c 9000000 /dev/zero | tr '\0' x; echo; gen 17 9000; } >"$work/c.jsonl"
# Bad lines just after each place where two, three or five threads split a.jsonl.
size=$(wc -c <"$work/a.jsonl")
for parts in 2 3 5; do
	k=1
	while [ $k -lt $parts ]; do
		offset=$((size / parts * k))
		line=$(head -c "$offset" "$work/a.jsonl" | wc -l)
		sed -i "$((line + 2))s/.*/{\"broken\": /" "$work/a.jsonl"
		k=$((k + 1))
	done
done
if [ "$(wc -c <"$work/a.jsonl")" -lt 4194304 ]; then
	fail "the generated log is too small to be split"
fi

"$binary" -q -log "$work/a.jsonl" -container-id 3ad7b26ded6d -o "$work/profile.json" --jobs 1 2>/dev/null || true

# run ARGS...: the binary, with standard input from $stdin_file when it is set.
stdin_file=""
run() {
	if [ -n "$stdin_file" ]; then
		"$binary" "$@" <"$stdin_file"
	else
		"$binary" "$@" </dev/null
	fi
}

compare() {
	label=$1
	shift
	s1=0
	run "$@" --jobs 1 >"$work/one.out" 2>"$work/one.err" || s1=$?
	for jobs in 2 3 5; do
		sn=0
		run "$@" --jobs $jobs >"$work/many.out" 2>"$work/many.err" || sn=$?
		if [ "$s1" = "$sn" ] && cmp -s "$work/one.out" "$work/many.out" && cmp -s "$work/one.err" "$work/many.err"; then
			pass
		else
			fail "$label with --jobs $jobs: status $s1 vs $sn"
			diff "$work/one.out" "$work/many.out" | head -5 >&2
			diff "$work/one.err" "$work/many.err" | head -10 >&2
		fi
	done
}
compare "profile" -log "$work/a.jsonl" -container-id 3ad7b26ded6d
compare "two containers, two logs" -log "$work/a.jsonl" -log "$work/b.jsonl" -container-id 3ad7b26ded6d -container-id 91f0c0de4b2a
compare "a line over the limit" -log "$work/c.jsonl" -container-id 0123456789ab
compare "--strict" -log "$work/b.jsonl" -log "$work/a.jsonl" -container-id 3ad7b26ded6d --strict
compare "--full-parse" -log "$work/a.jsonl" -container-id abcdefabcdef --full-parse
compare "--exact, legacy" -log "$work/b.jsonl" -container-id 91f0c0de4b2a --exact --format legacy
compare "--check" --check "$work/profile.json" -log "$work/b.jsonl" -container-id 3ad7b26ded6d
# A part that cannot be opened (no descriptor left) ends the run with its error; with progress shown
# the main thread waited for it for ever once. On a loaded machine the parts may also run one after
# another, each closing its descriptor before the next opens one: then the run succeeds, with the
# profile one thread gives. Either is right; hanging (124) or another profile is not.
status=0
(ulimit -n 5; exec timeout 60 "$binary" -q -log "$work/a.jsonl" -container-id 3ad7b26ded6d --jobs 32 --progress) \
	>"$work/fds.json" 2>"$work/fds.err" || status=$?
if [ "$status" = 3 ] && grep -q "cannot read its part: Too many open files" "$work/fds.err"; then
	pass
elif [ "$status" = 0 ] && cmp -s "$work/fds.json" "$work/profile.json"; then
	pass
else
	fail "--jobs 32 --progress with 5 descriptors: status $status (124: it hung): $(head -2 "$work/fds.err")"
fi
# The runtime's setup: runc's stages before the workload's start and crun exec after it are left out, but
# a program called runc that the workload executed early is the workload's, in every later part too
# (where a thread that guesses must read its part again): fsync stands only in the second half.
awk 'BEGIN {
	line = "{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.rawres\":0,\"evt.type\":\"%s\",\"proc.name\":\"%s\",\"syscall.type\":\"%s\"},\"rule\":\"r\",\"output\":\"padding padding padding padding padding padding padding padding padding padding padding\"}\n"
	for (i = 1; i <= 50; i++) printf line, "mount", "runc:[1:CHILD]", "mount"
	printf line, "execve", "sh", "execve"
	for (i = 1; i <= 20000; i++) {
		if (i == 100) printf line, "execve", "runc", "execve"
		if (i % 10 == 0) printf line, i < 10000 ? "flock" : "fsync", "runc", i < 10000 ? "flock" : "fsync"
		else if (i % 17 == 0) printf line, "utime", "crun", "utime"
		else printf line, "read", "sh", "read"
	}
}' >"$work/life.jsonl"
compare "a runtime's name executed by the workload" -log "$work/life.jsonl" -container-id 3ad7b26ded6d
# A restart whose runtime events straddle the place where the file is split: the runtime's (flock, only
# runc's second start makes it), whatever the part; the workload started again after it (fsync) is not.
awk 'BEGIN {
	line = "{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.rawres\":0,\"evt.type\":\"%s\",\"proc.name\":\"%s\",\"syscall.type\":\"%s\"},\"rule\":\"r\",\"output\":\"padding padding padding padding padding padding padding padding padding padding padding\"}\n"
	for (i = 1; i <= 50; i++) printf line, "mount", "runc:[1:CHILD]", "mount"
	printf line, "execve", "sh", "execve"
	for (i = 1; i <= 8000; i++) printf line, "read", "sh", "read"
	printf line, "execve", "runc", "execve"
	for (i = 1; i <= 6000; i++) printf line, "flock", "runc", "flock"
	printf line, "execve", "sh", "execve"
	for (i = 1; i <= 8000; i++) printf line, i % 2 ? "fsync" : "read", "sh", i % 2 ? "fsync" : "read"
}' >"$work/restart.jsonl"
compare "a restart across the split" -log "$work/restart.jsonl" -container-id 3ad7b26ded6d
"$binary" -q -log "$work/restart.jsonl" -container-id 3ad7b26ded6d --jobs 2 >"$work/restart.json" 2>/dev/null || true
if jq -e '[.syscalls[].names[]] | (index("fsync") != null) and (index("flock") == null) and (index("mount") == null)' \
	"$work/restart.json" >/dev/null; then pass; else fail "the restart's flock is in the profile, or the workload's fsync is not"; fi
# crun exec in long runs after the start: a part that begins inside one must not take crun for the
# runtime that made the container (runc did), so every --jobs writes runc's baseline.
awk 'BEGIN {
	line = "{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.rawres\":0,\"evt.type\":\"%s\",\"proc.name\":\"%s\",\"syscall.type\":\"%s\"},\"rule\":\"r\",\"output\":\"padding padding padding padding padding padding padding padding padding padding padding\"}\n"
	for (i = 1; i <= 50; i++) printf line, "mount", "runc:[1:CHILD]", "mount"
	printf line, "execve", "sh", "execve"
	for (i = 1; i <= 40000; i++) if (int(i / 100) % 2) printf line, "utime", "crun", "utime"; else printf line, "read", "sh", "read"
}' >"$work/crun-exec.jsonl"
compare "crun exec in long runs" -log "$work/crun-exec.jsonl" -container-id 3ad7b26ded6d
"$binary" -q -log "$work/life.jsonl" -container-id 3ad7b26ded6d --jobs 2 >"$work/life.json" 2>/dev/null || true
if jq -e '[.syscalls[].names[]] | (index("fsync") != null) and (index("flock") != null) and (index("mount") == null)
	and (index("utime") == null)' "$work/life.json" >/dev/null; then
	pass
else
	fail "the profile of life.jsonl with --jobs 2 lacks fsync or flock, or has mount or utime"
fi
# Compressed logs: decompressed by a thread of their own above --jobs 1,
# whole, cut short, or broken in the middle, from files and standard input.
gzip -c "$work/a.jsonl" >"$work/a.gz"
zstd -q -c "$work/b.jsonl" >"$work/b.zst"
head -c $(($(wc -c <"$work/a.gz") / 2)) "$work/a.gz" >"$work/cut.gz"
cp "$work/b.zst" "$work/broken.zst"
printf 'garbage!' | dd of="$work/broken.zst" bs=1 seek=$(($(wc -c <"$work/b.zst") / 3)) conv=notrunc 2>/dev/null
compare "gzip" -log "$work/a.gz" -container-id 3ad7b26ded6d
compare "zstd and plain" -log "$work/b.zst" -log "$work/a.jsonl" -container-id 91f0c0de4b2a
compare "gzip cut short" -log "$work/cut.gz" -container-id 3ad7b26ded6d
compare "gzip cut short, --strict" -log "$work/cut.gz" -log "$work/b.jsonl" -container-id 3ad7b26ded6d --strict
compare "zstd broken" -log "$work/broken.zst" -container-id 3ad7b26ded6d
stdin_file="$work/broken.zst"
compare "broken zstd on standard input" -log - -container-id 3ad7b26ded6d
stdin_file=""
for log in cut.gz broken.zst; do
	if "$binary" -q -log "$work/$log" -container-id 3ad7b26ded6d --jobs 2 2>&1 >/dev/null | grep -q "data ends or breaks after line [1-9]"; then
		pass
	else
		fail "$log was not told as broken after some lines"
	fi
done
# --strict stops at once on a compressed pipe whose writer is still there:
# no thread is left waiting in read(2) for it.
{ echo '{"broken": '; head -100 "$work/b.jsonl"; } | zstd -q -c >"$work/early.zst"
mkfifo "$work/pipe"
(cat "$work/early.zst"; exec sleep 30) >"$work/pipe" &
writer=$!
status=0
timeout 10 "$binary" -q --strict -log "$work/pipe" -container-id 3ad7b26ded6d --jobs 2 >/dev/null 2>&1 || status=$?
kill $writer 2>/dev/null || true
if [ "$status" = 3 ]; then
	pass
else
	fail "--strict on a compressed pipe whose writer waits gave status $status (124: it hung)"
fi

# A file that grows while it is read (Falco still writing the log, the README's CI flow) is read up to
# the size it had when opened, by one thread and by many alike: no error, and the profile of what was
# there. What is appended all the time the run lasts is another container's, so the profile of the
# wanted one is that of the file as generated.
gen 19 80000 >"$work/growing.jsonl"
"$binary" -q -log "$work/growing.jsonl" -container-id 3ad7b26ded6d --jobs 1 -o "$work/still.json" 2>/dev/null || true
(while :; do echo '{"output_fields":{"container.id":"91f0c0de4b2a","evt.type":"mkdir","syscall.type":"mkdir"}}' \
	>>"$work/growing.jsonl"; done) &
appender=$!
sleep 0.2
for jobs in 1 2; do
	status=0
	"$binary" -q -log "$work/growing.jsonl" -container-id 3ad7b26ded6d --jobs $jobs -o "$work/grown.json" \
		2>"$work/grown.err" || status=$?
	if [ "$status" = 0 ] && cmp -s "$work/grown.json" "$work/still.json" && ! grep -q "while it was being read" "$work/grown.err"; then
		pass
	else
		fail "a file growing while read with --jobs $jobs gave status $status: $(head -2 "$work/grown.err")"
	fi
done
kill $appender
wait $appender 2>/dev/null || true

# A file cut shorter while it is read is an error (exit 3), with one thread and with many: what was
# read may be gone or rewritten. strace slows every read down, and the file is cut as soon as the
# trace shows a read of it, so it has been measured by then and most of it is still to be read
# (LeakSanitizer cannot work under ptrace).
gen 23 18000 >"$work/shrink-source.jsonl"
[ "$(wc -c <"$work/shrink-source.jsonl")" -gt 4194304 ] || fail "the file to cut is too small to be split"
for jobs in 1 2; do
	cp "$work/shrink-source.jsonl" "$work/shrinking.jsonl"
	rm -f "$work/trace"
	status=0
	ASAN_OPTIONS=detect_leaks=0 strace -f -o "$work/trace" -e trace=openat,read,pread64 -e inject=read,pread64:delay_exit=50000 \
		"$binary" -q -log "$work/shrinking.jsonl" -container-id 3ad7b26ded6d --jobs $jobs -o "$work/shrunk.json" \
		2>"$work/shrunk.err" &
	tracer=$!
	tries=0
	until awk '/shrinking\.jsonl/ && / = [0-9]+$/ { fd[$NF] = 1 }
		/ (read|pread64)\([0-9]+,/ { split($2, a, "("); sub(/,.*/, "", a[2]); if (a[2] in fd) found = 1 }
		END { exit !found }' "$work/trace" 2>/dev/null || [ $tries -ge 400 ]; do
		sleep 0.05
		tries=$((tries + 1))
	done
	truncate -s 100000 "$work/shrinking.jsonl"
	wait $tracer || status=$?
	if [ "$status" = 3 ] && grep -q "shrank while it was being read" "$work/shrunk.err"; then
		pass
	else
		fail "a file cut shorter while read with --jobs $jobs gave status $status: $(head -2 "$work/shrunk.err")"
	fi
done

# The comparison proves something only if the file was split and had problems.
if grep -q "line skipped" "$work/one.err" 2>/dev/null || "$binary" -log "$work/a.jsonl" -container-id 3ad7b26ded6d \
	--jobs 3 2>&1 >/dev/null | grep -q "line skipped"; then
	pass
else
	fail "the logs had no bad line to tell"
fi
finish
