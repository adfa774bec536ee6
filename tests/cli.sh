#!/bin/sh
# Golden command-line cases: each folder in tests/cli holds
#   args             the arguments, in shell syntax, run from inside a copy of the folder
#   stdin            (optional) standard input; /dev/null otherwise
#   run              (optional) a script run instead, given the binary as $1
#   expected_status  the exact exit status
#   expected_stdout, expected_stderr   the exact output ("stderr" may be absent)
#   expected_files   (optional) "PATH" lines: files the run must leave, compared
#                    with expected_files.d/PATH
# A case without its own events.jsonl gets a copy of examples/events.jsonl.
# Usage: tests/cli.sh BINARY [--update] [--valgrind [--all]]
# With --valgrind the cases named in tests/cli-valgrind.list (with --all,
# every case) run through valgrind, which must report nothing.
set -eu
export LC_ALL=C
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
update=no
valgrind=no
all=no
for arg in "$@"; do
	case $arg in
	--update) update=yes ;;
	--valgrind) valgrind=yes ;;
	--all) all=yes ;;
	esac
done
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
label=cli
[ $valgrind = yes ] && label=cli-valgrind

if [ $valgrind = yes ]; then
	wrapper="$work/valgrind-wrapper"
	cat >"$wrapper" <<WRAP
#!/bin/sh
# valgrind reports to a descriptor opened here, so that it never takes the
# place of a standard stream a case closed on purpose.
exec 9>"$work/valgrind.\$\$.log"
exec valgrind -q --error-exitcode=99 --leak-check=full --log-fd=9 "$binary" "\$@"
WRAP
	chmod +x "$wrapper"
	program=$wrapper
else
	program=$binary
fi

fail() {
	echo "FAIL $label $1: $2" >&2
	failed=$((failed + 1))
}

if [ $valgrind = yes ] && [ $all = no ]; then
	cases=$(sed -e '/^#/d' -e "s|^|$here/cli/|" -e 's|$|/|' "$here/cli-valgrind.list")
	for dir in $cases; do
		[ -d "$dir" ] || fail "$(basename "$dir")" "named in tests/cli-valgrind.list, but there is no such case"
	done
else
	cases=$(ls -d "$here"/cli/*/)
fi
for dir in $cases; do
	[ -d "$dir" ] || continue
	name=$(basename "$dir")
	case_dir="$work/$name"
	rm -rf "$case_dir"
	cp -R "$dir" "$case_dir"
	[ -f "$case_dir/events.jsonl" ] || cp "$here/../examples/events.jsonl" "$case_dir/events.jsonl"
	rm -f "$work"/valgrind.*.log
	status=0
	(
		cd "$case_dir"
		input=/dev/null
		[ -f stdin ] && input=stdin
		if [ -f run ]; then
			F2S="$program" sh ./run "$program" <"$input" >actual_stdout 2>actual_stderr
		else
			eval "set -- $(cat args)"
			"$program" "$@" <"$input" >actual_stdout 2>actual_stderr
		fi
	) || status=$?
	if [ $update = yes ] && [ $valgrind = no ]; then
		echo "$status" >"$dir/expected_status"
		cp "$case_dir/actual_stdout" "$dir/expected_stdout"
		cp "$case_dir/actual_stderr" "$dir/expected_stderr"
		if [ -f "$dir/expected_files" ]; then
			while read -r path; do
				mkdir -p "$(dirname "$dir/expected_files.d/$path")"
				cp "$case_dir/$path" "$dir/expected_files.d/$path"
			done <"$dir/expected_files"
		fi
	fi
	ok=yes
	expected_status=$(cat "$dir/expected_status")
	if [ "$status" != "$expected_status" ]; then
		fail "$name" "exit status $status, expected $expected_status"
		ok=no
	fi
	if ! diff -u "$dir/expected_stdout" "$case_dir/actual_stdout" >"$work/diff" 2>&1; then
		fail "$name" "standard output differs"; head -40 "$work/diff" >&2; ok=no
	fi
	# Valgrind slows runs down, so progress and timing never show; stderr
	# is compared in the plain run only.
	if [ $valgrind = no ] && [ -f "$dir/expected_stderr" ] &&
		! diff -u "$dir/expected_stderr" "$case_dir/actual_stderr" >"$work/diff" 2>&1; then
		fail "$name" "standard error differs"; head -40 "$work/diff" >&2; ok=no
	fi
	if [ -f "$dir/expected_files" ]; then
		while read -r path; do
			if ! diff -u "$dir/expected_files.d/$path" "$case_dir/$path" >"$work/diff" 2>&1; then
				fail "$name" "file $path differs"; head -40 "$work/diff" >&2; ok=no
			fi
		done <"$dir/expected_files"
	fi
	if [ $valgrind = yes ]; then
		for log in "$work"/valgrind.*.log; do
			if [ -s "$log" ]; then
				fail "$name" "valgrind reported:"; cat "$log" >&2; ok=no
			fi
		done
	fi
	[ $ok = yes ] && passed=$((passed + 1))
done
echo "$label: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
