#!/bin/sh
# Hostile and broken input: each case has a documented outcome (see the man
# page, BAD INPUT), checked here for its exit status and message, and run
# under a 64 MiB address-space limit (ulimit -v) with the plain build, so
# that memory growing with the input fails the test.
# Usage: tests/hostile.sh ASAN_BINARY PLAIN_BINARY
suite=hostile
. "$(dirname "$0")/suite.sh"
asan=$1
plain=$2
ID=3ad7b26ded6d
good='{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"openat","syscall.type":"openat"}}'

# expect LABEL STATUS PATTERN -- ARGS...: runs both builds, checks the
# status of each and that stderr of the sanitizer build matches PATTERN.
expect() {
	label=$1 status=$2 pattern=$3
	shift 4
	for build in asan plain; do
		actual=0
		if [ $build = asan ]; then
			"$asan" "$@" >"$work/out" 2>"$work/err" || actual=$?
		else
			(ulimit -v 65536; exec "$plain" "$@") >"$work/out" 2>"$work/err" || actual=$?
		fi
		if [ "$actual" != "$status" ]; then
			fail "$label ($build): exit status $actual, expected $status"
			head -5 "$work/err" >&2
		elif [ $build = asan ] && ! grep -q -- "$pattern" "$work/err"; then
			fail "$label: stderr lacks '$pattern'"
			head -5 "$work/err" >&2
		else
			pass
		fi
	done
}

# Deeply nested JSON: cJSON refuses nesting deeper than 1000 levels.
{
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; printf "\n" }'
	echo "$good"
} >"$work/nested.jsonl"
expect "deeply nested JSON" 0 "nested.jsonl:1: not JSON" -- -log "$work/nested.jsonl" -container-id $ID

# A 100 MB single line: refused with its number, and memory stays bounded.
{
	echo "$good"
	printf '{"output":"'
	head -c 100000000 /dev/zero | tr '\0' 'x'
	printf '"}\n'
	echo "$good"
} >"$work/huge.jsonl"
expect "100 MB line" 0 "huge.jsonl:2: longer than the 8 MiB line limit" -- -log "$work/huge.jsonl" -container-id $ID
expect "100 MB line, strict" 3 "huge.jsonl:2: longer than the 8 MiB line limit" -- -log "$work/huge.jsonl" -container-id $ID --strict
rm -f "$work/huge.jsonl"

# A million distinct container ids: one profile still takes little memory;
# the all-containers jobs stop at their documented limit.
awk 'BEGIN { for (i = 0; i < 1000000; i++)
	printf "{\"output_fields\":{\"container.id\":\"%012x\",\"evt.type\":\"read\",\"syscall.type\":\"read\"}}\n", i }' >"$work/million.jsonl"
expect "a million container ids" 0 "1000000 events read, 1 of the named" -- -log "$work/million.jsonl" -container-id 0000000f4240 -container-id 00000000002a
# Progress shows on a terminal or with --progress, never otherwise.
"$asan" -log "$work/million.jsonl" -container-id 0000000f4240 --progress >/dev/null 2>"$work/err" || true
if grep -q "MB read, [0-9]* MB/s" "$work/err"; then pass; else fail "--progress showed no progress"; fi
"$asan" -log "$work/million.jsonl" -container-id 0000000f4240 >/dev/null 2>"$work/err" || true
if grep -q "MB read" "$work/err"; then fail "progress shown although stderr is no terminal"; else pass; fi
# On a terminal (script(1) gives it one) progress shows by default.
script -qec "'$asan' -log '$work/million.jsonl' -container-id 0000000f4240 >/dev/null" /dev/null >"$work/tty" 2>&1 || true
if grep -q "MB read, [0-9]* MB/s" "$work/tty"; then pass; else fail "no progress on a terminal"; fi
expect "a million container ids, listed" 6 "more than 65536 containers" -- --list-containers "$work/million.jsonl"
rm -f "$work/million.jsonl"

# A line of 6 MB under the limit is read like any other.
{
	printf '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"mkdir","syscall.type":"mkdir","proc.cmdline":"'
	head -c 6000000 /dev/zero | tr '\0' 'y'
	printf '"}}\n'
} >"$work/big.jsonl"
expect "6 MB line" 0 "1 events read, 1 of the named containers, 1 distinct" -- -log "$work/big.jsonl" -container-id $ID
if grep -q '"mkdir"' "$work/out"; then pass; else fail "the 6 MB line's syscall is missing"; fi

# A syscall name of 10 kB.
{
	printf '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"'
	head -c 10240 /dev/zero | tr '\0' 'a'
	printf '"}}\n'
	echo "$good"
} >"$work/longname.jsonl"
expect "10 kB syscall name" 0 "longname.jsonl:1: event name \"aaaa.*(10240 bytes) is not a syscall name" -- -log "$work/longname.jsonl" -container-id $ID

# Ten thousand distinct names that are no syscall: a few reports, bounded memory.
awk 'BEGIN { for (i = 0; i < 10000; i++)
	printf "{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"bogus%d\"}}\n", i
	print "{\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"evt.type\":\"read\"}}" }' >"$work/names.jsonl"
expect "10000 distinct unknown names" 0 "4076 more names that are no syscall" -- -log "$work/names.jsonl" -container-id $ID
if [ "$(grep -c "is not a syscall on" "$work/err")" -le 20 ]; then pass; else fail "more than 20 unknown names reported one by one"; fi

# Binary garbage: every line is reported or passed over, nothing matches.
head -c 2000000 /dev/urandom >"$work/garbage.bin"
expect "binary garbage" 4 "no syscall events of container" -- -log "$work/garbage.bin" -container-id $ID

# A file removed after it was opened is read to its end.
{
	echo "$good"
	echo '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"mkdir","syscall.type":"mkdir"}}'
} >"$work/gone.jsonl"
actual=0
{ rm "$work/gone.jsonl"; "$asan" -q -container-id $ID >"$work/out" 2>"$work/err"; } <"$work/gone.jsonl" || actual=$?
if [ $actual = 0 ] && grep -q '"mkdir"' "$work/out"; then pass; else fail "removed file was not read to its end"; fi

# A file cut short after it was opened: the cut line is reported, the rest used.
{
	echo "$good"
	echo '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"mkdir","syscall.type":"mkdir"}}'
} >"$work/cut.jsonl"
actual=0
{ truncate -s 130 "$work/cut.jsonl"; "$asan" -container-id $ID >"$work/out" 2>"$work/err"; } <"$work/cut.jsonl" || actual=$?
if [ $actual = 0 ] && grep -q '"openat"' "$work/out" && ! grep -q '"mkdir"' "$work/out" &&
	grep -q '<stdin>:2: not JSON' "$work/err"; then pass; else
	fail "truncated file outcome (status $actual)"; cat "$work/err" >&2; fi

# --diff of a profile whose logging rule names 3,000 syscalls: the list of what
# it adds has room for every name of every allowing rule (it overflowed once).
awk 'BEGIN { printf "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[";
	for (i = 0; i < 3000; i++) printf "%s\"made_up_%d\"", i ? "," : "", i;
	printf "],\"action\":\"SCMP_ACT_LOG\"},{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}\n" }' >"$work/logging.json"
expect "--diff with a 3,000-name logging rule" 1 "3072 differences between" -- --diff examples/profile.json "$work/logging.json"
# --diff of two profiles of 20,000 rules each: each rule made canonical once (it was once per pair).
for side in old new; do
	awk -v side=$side 'BEGIN { printf "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[";
		for (i = 0; i < 20000; i++) printf "%s{\"names\":[\"x_%s_%d\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":%d}",
			i ? "," : "", (i == 7 ? side : "same"), i, 1 + i % 100;
		printf "]}\n" }' >"$work/rules-$side.json"
done
actual=0
"$asan" --diff "$work/rules-old.json" "$work/rules-new.json" >"$work/out" 2>"$work/err" || actual=$?
if [ $actual = 1 ] && grep -c 'x_old_7\|x_new_7' "$work/out" "$work/err" | grep -q ':[1-9]'; then pass; else
	fail "--diff of two 20,000-rule profiles (status $actual): $(head -3 "$work/err")"; fi

# 20 MB of junk read by two threads: each keeps only the problems it can show, so memory stays
# small (it kept every bad line once: 50 MB for this log, 3.7 MB now). Under a 64 MiB address space.
awk 'BEGIN { for (i = 0; i < 400000; i++) print "junk junk junk junk junk junk junk junk junk junk junk" }' >"$work/junk.log"
actual=0
(ulimit -v 65536; exec "$plain" -log "$work/junk.log" -container-id $ID --jobs 2) >"$work/out" 2>"$work/err" || actual=$?
if [ $actual = 4 ] && grep -q "further unusable lines are counted, not shown" "$work/err" &&
	[ "$(grep -c 'line skipped' "$work/err")" = 20 ]; then pass; else
	fail "20 MB of junk with --jobs 2 (status $actual): $(tail -2 "$work/err")"; fi

# -o onto the log it is made from is refused, and the log kept.
cp examples/events.jsonl "$work/self.jsonl"
expect "-o onto its own log" 2 "is the log" -- -log "$work/self.jsonl" -container-id $ID -o "$work/self.jsonl"
if cmp -s examples/events.jsonl "$work/self.jsonl"; then pass; else fail "-o replaced the log it was made from"; fi
# A 250-byte file name: the temporary file beside it has a short name of its own.
long=$(printf 'p%.0s' $(seq 1 245)).json
actual=0
"$asan" -q -log examples/events.jsonl -container-id $ID -o "$work/$long" 2>"$work/err" || actual=$?
if [ $actual = 0 ] && grep -q defaultAction "$work/$long"; then pass; else fail "a 250-byte -o name: $(cat "$work/err")"; fi
# --output-dir never writes through a symlink already there: it replaces the link.
mkdir -p "$work/dir"
echo precious >"$work/victim"
ln -s "$work/victim" "$work/dir/web.json"
"$asan" -q -log examples/events.jsonl --all-containers --output-dir "$work/dir" >/dev/null 2>&1 || true
if [ "$(cat "$work/victim")" = precious ] && [ ! -L "$work/dir/web.json" ] && grep -q defaultAction "$work/dir/web.json"; then
	pass
else
	fail "--output-dir wrote through a symlink in the directory"
fi
# A run that fails on its second profile (a directory stands at its name) puts none in place.
mkdir -p "$work/all/redis.json"
echo old >"$work/all/web.json"
actual=0
"$asan" -log examples/events.jsonl --all-containers --output-dir "$work/all" >/dev/null 2>"$work/err" || actual=$?
if [ $actual = 5 ] && grep -q "no profile of this run was put in place" "$work/err" && [ "$(cat "$work/all/web.json")" = old ] && [ "$(ls -A "$work/all" | tr '\n' ' ')" = "redis.json web.json " ]; then
	pass
else
	fail "a failed --output-dir run changed the directory: $(ls -A "$work/all" | tr '\n' ' ')"
fi
# Two containers whose names differ only in case get their ids as file names, not Web.json and web.json.
printf '%s\n' '{"output_fields":{"container.id":"aaaaaaaaaaaa","container.name":"Web","evt.type":"read","syscall.type":"read"}}' \
	'{"output_fields":{"container.id":"bbbbbbbbbbbb","container.name":"web","evt.type":"read","syscall.type":"read"}}' >"$work/case.jsonl"
mkdir -p "$work/case"
"$asan" -q -log "$work/case.jsonl" --all-containers --output-dir "$work/case" --allow-empty >/dev/null 2>&1 || true
if [ -f "$work/case/aaaaaaaaaaaa.json" ] && [ -f "$work/case/bbbbbbbbbbbb.json" ] && [ ! -e "$work/case/web.json" ]; then
	pass
else
	fail "names alike but for case: $(ls "$work/case" | tr '\n' ' ')"
fi

# --group-by: 65,536 distinct images are 65,536 workloads, and 4,000 keys that make one file name
# get -2 to -4000 in key order (both were quadratic or worse once).
awk 'BEGIN { for (i = 0; i < 65536; i++) printf "{\"output_fields\":{\"container.id\":\"%012x\",\"container.image.repository\":\"img%d\",\"evt.type\":\"read\",\"syscall.type\":\"read\"}}\n", i + 1, i }' >"$work/many.jsonl"
if [ "$("$asan" -q --list-containers --group-by image -log "$work/many.jsonl" | grep -c ' img[0-9]* ')" = 65536 ]; then pass; else
	fail "--group-by image of 65,536 images did not list 65,536 workloads"; fi
awk 'BEGIN { for (i = 0; i < 4000; i++) { s = "web"; for (j = 0; j < i % 200; j++) s = s "_"; for (j = 0; j < int(i / 200); j++) s = s "/";
	printf "{\"output_fields\":{\"container.id\":\"%012x\",\"container.image.repository\":\"%s\",\"evt.type\":\"read\",\"syscall.type\":\"read\"}}\n", i + 1, s } }' >"$work/same.jsonl"
"$asan" --list-containers --group-by image -log "$work/same.jsonl" >"$work/out" 2>"$work/err" || true
if [ "$(grep -c 'another workload took web first' "$work/err")" = 3999 ] && grep -q ' web-4000 ' "$work/out" &&
	[ "$(awk '{print $2}' "$work/out" | sort | uniq -d | wc -l)" = 0 ]; then pass; else
	fail "4,000 workloads of one file name were not named web, web-2 ... web-4000"; fi

# A container id of any length in an alert without a syscall: refused with its line
# wherever it is read (it once overran a 65-byte array in the jobs without a filter).
long=$(head -c 400 /dev/zero | tr '\0' 'a')
{
	echo "$good"
	printf '{"output_fields":{"container.id":"%s","evt.type":null,"syscall.type":null}}\n' "$long"
	printf '{"output_fields":{"container.id":"%s","evt.type":"","syscall.type":null}}\n' "$long"
} >"$work/longid.jsonl"
expect "a 400-byte id in an alert without a syscall, listed" 0 "longid.jsonl:2: container.id \"aaaa.*(400 bytes) is not a container id" -- --list-containers "$work/longid.jsonl"
expect "a 400-byte id, all containers" 0 "longid.jsonl:3: container.id" -- -log "$work/longid.jsonl" --all-containers --output-dir "$work"
if "$asan" -q --list-containers "$work/longid.jsonl" 2>/dev/null | awk 'NR > 1' | grep -q '^3ad7b26ded6d .* 1 *1$'; then pass; else
	fail "the container beside a 400-byte id is not listed with 1 event and 1 syscall"; fi

# Memory follows the containers a log has: the jobs without a filter run on the
# example under the 64 MiB limit (they once reserved 200 MB up front).
for job in --list-containers "--all-containers --output-dir $work/few"; do
	mkdir -p "$work/few"
	# shellcheck disable=SC2086 # the job's words are meant to split
	if (ulimit -v 65536; exec "$plain" -q -log "$(dirname "$0")/../examples/events.jsonl" $job) >/dev/null 2>"$work/err"; then
		pass
	else
		fail "$job on the example log under 64 MiB: $(head -1 "$work/err")"
	fi
done

# Kernel records are read only where a kernel or auditd record begins: a
# record forged inside another kernel message (a program's name, printed
# unescaped) is passed over, and a syscall number past 32 bits is broken,
# not truncated to another syscall (4294967461 is 165, mount, in 32 bits).
printf '%s\n' \
	'Dec  2 04:00:00 host kernel: traps: audit: type=1326 audit(1.0:1): pid=7 comm="myapp" exe="/app" sig=0 arch=c000003e syscall=165 compat=0 ip=0x1 code=0x7ffc0000' \
	'[  1.0] myapp[7]: segfault audit: type=1326 audit(1.0:2): pid=7 comm="myapp" exe="/app" sig=0 arch=c000003e syscall=165 compat=0 ip=0x1 code=0x7ffc0000' \
	'audit: type=1326 audit(1.0:3): pid=7 comm="myapp" exe="/app" sig=0 arch=c000003e syscall=4294967461 compat=0 ip=0x1 code=0x7ffc0000' \
	>"$work/forged.log"
expect "forged and overflowing kernel records" 0 "forged.log:3: .*syscall=" -- -log "$(dirname "$0")/../examples/events.jsonl" -container-id $ID --audit-log "$work/forged.log"
if grep -q '"mount"' "$work/out"; then fail "a forged or truncated record put mount into the profile"; else pass; fi
# A real record's risky syscall is named as the audit log's, and --strict refuses it unless --add names it.
printf '%s\n' 'audit: type=1326 audit(1.0:3): pid=7 comm="myapp" exe="/app" sig=0 arch=c000003e syscall=165 compat=0 ip=0x1 code=0x7ffc0000' >"$work/mount.log"
expect "a risky syscall from the audit log" 3 "error: mount is allowed, .*the audit log's records made it" -- -log "$(dirname "$0")/../examples/events.jsonl" -container-id $ID --audit-log "$work/mount.log" --strict
expect "a risky syscall from the audit log, added" 0 "" -- -log "$(dirname "$0")/../examples/events.jsonl" -container-id $ID --audit-log "$work/mount.log" --strict --add mount

# -o onto an input under another name, or read as standard input, is refused before anything is
# read or written (files are told apart by device and inode); so is -o into a missing directory,
# before the log is read.
cp "$(dirname "$0")/../examples/events.jsonl" "$work/in.jsonl"
expect "-o onto the log read as standard input" 2 "is the log read from standard input" -- -log - -container-id $ID -o "$work/in.jsonl" <"$work/in.jsonl"
expect "-o onto the log read as standard input, no -log" 2 "is the log read from standard input" -- -container-id $ID -o "$work/in.jsonl" <"$work/in.jsonl"
ln -sf "$work/in.jsonl" "$work/other-name.jsonl"
expect "-o onto the log through a symlink" 2 "is the log" -- -log "$work/other-name.jsonl" -container-id $ID -o "$work/in.jsonl"
if cmp -s "$work/in.jsonl" "$(dirname "$0")/../examples/events.jsonl"; then pass; else fail "a refused -o changed the log"; fi
printf '%s\n' 'audit: type=1326 audit(1.0:3): pid=7 comm="a" exe="/a" sig=0 arch=c000003e syscall=0 compat=0 ip=0x1 code=0x7ffc0000' >"$work/rec.log"
cp "$work/rec.log" "$work/rec.keep"
expect "-o onto the audit log" 2 "is the audit log" -- --merge "$(dirname "$0")/../examples/profile.json" --audit-log "$work/rec.log" -o "$work/rec.log"
if cmp -s "$work/rec.log" "$work/rec.keep"; then pass; else fail "a refused -o changed the audit log"; fi
expect "-o into a missing directory, said before the log is read" 5 "is not a directory that exists" -- -log "$work/million-absent.jsonl" -container-id $ID -o "$work/no/such/p.json"

# A directory instead of a log: a read error naming it.
expect "directory as log" 3 "cannot read: Is a directory" -- -log "$work" -container-id $ID

finish
