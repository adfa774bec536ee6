#!/bin/sh
# The pre-filter that passes over lines without parsing them must never
# change the result: for varied and malformed inputs, the default run and a
# --full-parse run must write the same profile, exit with the same status
# and give the same warnings, but for the one documented difference: a
# malformed line framed as a JSON object that names none of the wanted ids
# is passed over, so only --full-parse reports it (and counts it). Inputs mix escaped characters, \u escapes spelling the id, the id
# in other fields or in upper case, keys in any order, text lines, drop
# alerts and broken lines; several generated logs add volume.
# Usage: tests/fastpath.sh BINARY [SUITE-NAME]   (make check runs it also with the build without SIMD)
suite=${2:-fastpath}
. "$(dirname "$0")/suite.sh"
binary=$1
ID=3ad7b26ded6d

cat >"$work/tricky.jsonl" <<'LOG'
{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"openat","syscall.type":"openat"}}
{"output_fields":{"container.id":"\u0033ad7b26ded6d","evt.type":"mkdir","syscall.type":"mkdir"}}
{"output_fields":{"container.id":"3ad7\u0062\u0032\u0036ded6d","evt.type":"rmdir","syscall.type":"rmdir"}}
{"output_fields":{"syscall.type":"chroot","evt.type":"chroot","container.id":"3AD7B26DED6D"}}
{"output_fields":{"container.id":"3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e","evt.type":"pread","syscall.type":"pread"}}
{"output_fields":{"container.id":"aaaaaaaaaaaa","evt.type":"unlink","proc.cmdline":"sh -c echo 3ad7b26ded6d","syscall.type":"unlink"}}
{"output_fields":{"container.id":"aaaaaaaaaaaa","evt.type":"link","proc.cmdline":"echo \"quoted\\\" 3ad7b26ded6d","syscall.type":"link"}}
{"output_fields":{"container.id":"aaaaaaaaaaaa","evt.type":"symlink","proc.cmdline":"\\\\u0033ad7b26ded6d","syscall.type":"symlink"}}
{"output":"15:07:59.736531417: Warning 3ad7b26ded6d:clone","priority":"Warning"}
{"output":"15:07:59.736531417: Warning bbbbbbbbbbbb:fork","priority":"Warning"}
18:03:57.123456789: Informational 3ad7b26ded6d:getcwd
18:03:57.123456789: Informational cccccccccccc:vfork
{"output_fields":{"container.id":"aaaaaaaaaaaa","evt.type":"ptrace","syscall.type":"ptrace"}, "broken": }
{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"kill"
   {"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"tkill","syscall.type":"tkill"}}   
{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"procexit","syscall.type":null}}
{"output_fields":{"container.id":null,"evt.type":"bpf","syscall.type":"bpf"}}
{"rule":"Falco internal: syscall event drop","output_fields":{"n_drops":"4"}}
{"output":"Falco internal: syscall event drop. 5 system calls dropped","rule":"Falco intern\u0061l: syscall event drop"}
{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"Not A Name","syscall.type":"x"}}
{"a":"3ad7b26ded6d"}
["3ad7b26ded6d"]

LOG

# Generated logs: five containers, host events, one event in eight not a syscall.
awk -v seed=42 'BEGIN {
	srand(seed);
	split("3ad7b26ded6d 91f0c0de4b2a 0123456789ab abcdefabcdef 5a5a5a5a5a5a host", ids, " ");
	split("read write openat close mmap futex epoll_wait recvfrom sendto pread prlimit dup accept pipe procexit signaldeliver switch getdents64 newfstatat clone", names, " ");
	for (i = 0; i < 20000; i++) {
		id = ids[int(rand() * 6) + 1]; name = names[int(rand() * 20) + 1];
		if (rand() < 0.1 && id != "host") id = toupper(id);
		if (rand() < 0.5)
			printf "{\"output_fields\":{\"container.id\":\"%s\",\"evt.type\":\"%s\",\"syscall.type\":\"%s\"},\"rule\":\"r\"}\n", id, name, name;
		else
			printf "{\"rule\":\"r\",\"output_fields\":{\"evt.type\":\"%s\",\"container.id\":\"%s\"}, \"output\":\"x \\\"%s\\\"\"}\n", name, id, id;
	}
}' >"$work/generated.jsonl"

# Long runs of wanted lines, after which lines are decoded before the
# pre-filter is asked, broken by lines it would pass over: a broken line of
# another container, a drop alert spelled with an escape, and a broken line
# of the wanted one.
runs() {
	i=0
	while [ $i -lt 40 ]; do
		echo '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"read","syscall.type":"read"},"rule":"r"}'
		i=$((i + 1))
	done
}
{
	runs
	echo '{"output_fields":{"container.id":"aaaaaaaaaaaa","evt.type":"ptrace",}}'
	runs
	echo '{"output_fields":{"container.id":"aaaaaaaaaaaa","evt.type":"ptrace","syscall.type":"ptrace"},"rule":"r"}'
	runs
	echo '{"rule":"Falco intern\u0061l: syscall event drop","output_fields":{"n_drops":7}}'
	runs
	echo '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"kill"'
	runs
	echo '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"bpf","syscall.type":"bpf"},"rule":"r"}'
} >"$work/runs.jsonl"

# Prints the warnings of a --full-parse run without those the pre-filter is
# documented to pass over: reports of lines that name none of the wanted ids
# (in any case), and the count of unusable lines.
# Usage: documented_only STDERR IDS LOG...
documented_only() {
	errors=$1
	ids=$2
	shift 2
	awk -v ids="$ids" '
		FILENAME != errors { text[FILENAME ":" FNR] = tolower($0); next }
		/^falco2seccomp: .*:[0-9]+: .*line skipped$/ {
			place = $0
			sub(/^falco2seccomp: /, "", place)
			sub(/: .*/, "", place)
			count = split(tolower(ids), wanted, " ")
			named = 0
			for (i = 1; i <= count; i++)
				if (index(text[place], substr(wanted[i], 1, 12)))
					named = 1
			if (!named)
				next
		}
		/unusable lines were skipped$/ || /further unusable lines are counted/ { next }
		{ print }' errors="$errors" "$@" "$errors"
}

compare() {
	label=$1
	shift
	s1=0
	s2=0
	"$binary" "$@" >"$work/fast.out" 2>"$work/fast.err" || s1=$?
	"$binary" "$@" --full-parse >"$work/full.out" 2>"$work/full.err" || s2=$?
	ids=$(echo "$@" | tr ' ' '\n' | awk 'previous == "-container-id" { printf "%s ", $0 } { previous = $0 }')
	logs=$(echo "$@" | tr ' ' '\n' | awk 'previous == "-log" { printf "%s ", $0 } { previous = $0 }')
	# shellcheck disable=SC2086 # the list of logs is meant to split
	documented_only "$work/full.err" "$ids" $logs >"$work/full.documented"
	# shellcheck disable=SC2086
	documented_only "$work/fast.err" "$ids" $logs >"$work/fast.documented"
	if [ "$s1" = "$s2" ] && cmp -s "$work/fast.out" "$work/full.out" && [ -s "$work/fast.out" ] &&
		cmp -s "$work/fast.documented" "$work/full.documented"; then
		pass
	else
		fail "$label: status $s1 vs $s2"
		diff "$work/fast.out" "$work/full.out" | head -20 >&2
		diff "$work/fast.documented" "$work/full.documented" | head -20 >&2
	fi
}

for id in $ID 3AD7B26DED6D 3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e aaaaaaaaaaaa bbbbbbbbbbbb cccccccccccc; do
	compare "tricky $id" -log "$work/tricky.jsonl" -container-id "$id" --runtime none --allow-empty
done
compare "tricky two ids" -log "$work/tricky.jsonl" -container-id aaaaaaaaaaaa -container-id $ID
for id in 3ad7b26ded6d 91f0c0de4b2a abcdefabcdef; do
	compare "generated $id" -log "$work/generated.jsonl" -container-id $id
	compare "generated $id --exact" -log "$work/generated.jsonl" -container-id $id --exact --runtime none
done
compare "generated all" -log "$work/generated.jsonl" -log "$work/tricky.jsonl" -container-id 3ad7b26ded6d \
	-container-id 91f0c0de4b2a -container-id 0123456789ab -container-id abcdefabcdef -container-id 5a5a5a5a5a5a

compare "runs of wanted lines" -log "$work/runs.jsonl" -container-id $ID
"$binary" -log "$work/runs.jsonl" -container-id $ID --runtime none >"$work/profile.json" 2>"$work/stderr" || true
if grep -q "runs.jsonl:164: not JSON" "$work/stderr" && ! grep -q "runs.jsonl:41:" "$work/stderr" &&
	grep -q "runs.jsonl:123: .*(7 events lost)" "$work/stderr" && grep -q '"bpf"' "$work/profile.json" &&
	! grep -q '"ptrace"' "$work/profile.json"; then
	pass
else
	fail "runs of wanted lines: the broken line of the wanted container, the drop alert or bpf was missed"
	cat "$work/stderr" >&2
fi

# The \u-spelled ids must really have matched, or the comparison proves little.
"$binary" -q -log "$work/tricky.jsonl" -container-id $ID --runtime none >"$work/profile.json" 2>"$work/stderr"
for name in mkdir rmdir chroot pread64 clone getcwd tkill; do
	if grep -q "\"$name\"" "$work/profile.json"; then pass; else fail "$name missing from the tricky profile"; fi
done
for name in unlink link symlink fork vfork ptrace bpf; do
	if grep -q "\"$name\"" "$work/profile.json"; then fail "$name wrongly in the tricky profile"; else pass; fi
done

finish
