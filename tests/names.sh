#!/bin/sh
# Issue 3's promises about names, checked through the whole program:
# - every row of Falco's event table (tests/data/falco-event-names.tsv, a
#   copy of the project's reference) gives exactly the kernel names the
#   table lists, plus the 32-bit names libs folds into it, plus exit and
#   exit_group (and clone for clone3, whose ENOSYS sends the C library
#   to clone); events that are not syscalls give no profile at all;
# - --exact leaves family members out;
# - the 2016 nginx log gives pread64, pwrite64 and rt_sigreturn, never
#   Falco's or sysdig's own names;
# - an aarch64 profile holds only names that exist on aarch64, and every
#   name it left out was warned about.
# Usage: tests/names.sh BINARY
set -eu
export LC_ALL=C
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
arches=x86_64,x86,x32,aarch64,arm,ppc64le,riscv64

fail() {
	echo "FAIL names $1" >&2
	failed=$((failed + 1))
}

# Prints the names a profile's rules name, one a line, sorted, each once
# (clone has a rule per architecture kind, with its argument conditions), but
# for the vDSO's calls that every profile allows, the newer syscalls
# answered with ENOSYS and the generic calls allowed for the architectures
# that lack a legacy one (tests/cli covers all three).
vdso="clock_getres clock_gettime clock_gettime64 getcpu gettimeofday time"
profile_names() {
	jq -r '.syscalls[] | select((.errnoRet == 38 and .names != ["clone3"]) | not)
		| select((.includes.arches != null and .args == null) | not) | (.names // [.name])[]' "$1" |
		sort -u |
		grep -vxF "$(echo $vdso | tr ' ' '\n')"
}

# Runs one event through the program; prints the names or NOT-A-SYSCALL.
run_event() {
	name=$1
	shift
	printf '{"output_fields":{"container.id":"3ad7b26ded6d","evt.type":"%s","syscall.type":"%s"}}\n' \
		"$name" "$name" >"$work/log"
	status=0
	"$binary" -q -log "$work/log" -container-id 3ad7b26ded6d --runtime none --arch $arches "$@" \
		>"$work/profile" 2>"$work/stderr" || status=$?
	case $status in
	0) profile_names "$work/profile" ;;
	4) echo NOT-A-SYSCALL ;;
	*) echo "STATUS-$status" ;;
	esac
}

# Prints a list of names (commas or spaces) one a line, sorted, without blanks.
one_per_line() {
	echo "$*" | tr ', ' '\n\n' | sed '/^$/d' | sort -u
}

rows=0
# A tab is white space to read(1), so an empty column becomes "-" first.
awk -F'\t' 'NR > 1 { print $1 "\t" ($2 == "" ? "-" : $2) "\t" $3 }' "$here/data/falco-event-names.tsv" |
while IFS="$(printf '\t')" read -r event kernel note; do
	[ "$event" = syscall ] || [ "$kernel" = - ] && kernel=""
	folded=$(echo "$note" | sed -n 's/.*syscall_ia32_64_map.c): \([a-z0-9_, ]*\).*/\1/p')
	if [ -z "$kernel" ]; then
		expected=NOT-A-SYSCALL
	else
		fallback=""
		# clone3 brings clone for the C library's fallback; clone brings clone3 answered with ENOSYS.
		[ "$event" = clone3 ] && fallback=clone
		[ "$event" = clone ] && fallback=clone3
		# aarch64 has no fork: its C library clones, with clone's rule (and clone3 answered with ENOSYS).
		case $event in fork | vfork) fallback="clone clone3" ;; esac
		expected=$(one_per_line "$kernel" "$folded" $fallback exit exit_group)
	fi
	actual=$(run_event "$event")
	if [ "$actual" = "$expected" ]; then
		echo pass
	else
		echo "fail $event: got [$(echo $actual)] expected [$(echo $expected)]"
	fi
	# With --exact only the event's own syscall and its 32-bit names remain.
	case $kernel in
	*,*)
		own=${kernel%%,*}
		[ "$event" = umount ] && own=umount
		case " $(echo "$folded" | tr ',' ' ') " in
		*" ${kernel#*,} "*) expected_exact=$(one_per_line "$kernel" exit exit_group) ;;
		*) expected_exact=$(one_per_line "$own" "$folded" exit exit_group) ;;
		esac
		actual=$(run_event "$event" --exact)
		if [ "$actual" = "$expected_exact" ]; then
			echo pass
		else
			echo "fail $event --exact: got [$(echo $actual)] expected [$(echo $expected_exact)]"
		fi
		;;
	esac
done >"$work/results"
passed=$(grep -c '^pass$' "$work/results" || true)
rows=$(grep -c . "$work/results" || true)
grep '^fail' "$work/results" | while read -r line; do echo "FAIL names ${line#fail }" >&2; done
failed=$((rows - passed))
# Every row of the table ran, and the table has rows: an emptied table guards nothing.
table_rows=$(awk -F'\t' 'NR > 1 && $1 != ""' "$here/data/falco-event-names.tsv" | wc -l)
if [ "$table_rows" -eq 0 ] || [ "$rows" -lt "$table_rows" ]; then
	fail "the event table has $table_rows rows and $rows results: it was emptied or a row did not run"
fi

# The 2016 log, with the default options.
"$binary" -q -log "$here/data/falco-2016-nginx-events.jsonl" -container-id 7a68a113b2a4 >"$work/nginx.json" 2>/dev/null
profile_names "$work/nginx.json" >"$work/nginx.names"
for name in pread64 pwrite64 rt_sigreturn exit exit_group; do
	if grep -qx "$name" "$work/nginx.names"; then passed=$((passed + 1)); else fail "2016 log lacks $name"; fi
done
for name in procexit signaldeliver pread pwrite sigreturn '<unknown>' unknown; do
	if grep -qx "$name" "$work/nginx.names" || grep -qF "\"$name\"" "$work/nginx.json"; then
		fail "2016 log profile has $name"
	else
		passed=$((passed + 1))
	fi
done

# aarch64: every name exists there, and each one left out was warned about.
"$binary" -log "$here/data/falco-2016-nginx-events.jsonl" -container-id 7a68a113b2a4 --arch aarch64 \
	>"$work/arm.json" 2>"$work/arm.stderr"
profile_names "$work/arm.json" >"$work/arm.names"
bad=""
for name in $(cat "$work/arm.names"); do
	number=$(scmp_sys_resolver -a aarch64 "$name")
	[ "$number" -ge 0 ] || bad="$bad $name"
done
if [ -z "$bad" ] && [ -s "$work/arm.names" ]; then passed=$((passed + 1)); else fail "aarch64 profile has non-aarch64 names:$bad"; fi
for name in open access getdents mkdir chown unlink arch_prctl; do
	if grep -q "'$name' is not a syscall on aarch64" "$work/arm.stderr" && ! grep -qx "$name" "$work/arm.names"; then
		passed=$((passed + 1))
	else
		fail "aarch64: $name was not warned about and left out"
	fi
done

echo "names: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
