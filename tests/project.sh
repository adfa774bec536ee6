#!/bin/sh
# The project around the program: the man page is clean, every option is
# documented in --help, the man page and the README, the exit statuses agree,
# the shipped example profile is what the README's command prints, and
# `make install` honours PREFIX and DESTDIR.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {
	if eval "$2"; then passed=$((passed + 1)); else echo "FAIL project: $1" >&2; failed=$((failed + 1)); fi
}

check "man page passes mandoc -Tlint" "mandoc -Tlint -W warning man/falco2seccomp.1 >&2"
./falco2seccomp --help >"$work/help"
check "--help exits 0" "[ \$? -eq 0 ]"
man_text=$(mandoc -Tutf8 man/falco2seccomp.1 | col -b)
# An option counts as documented only as a whole word: -o must not be found
# inside --output-dir, nor --check inside --check-something.
whole() {
	grep -Eq -- "(^|[^a-z-])--?$1([^a-z-]|\$)"
}
options=$(sed -n 's/^	{ "\([a-z-]*\)", .*/\1/p' src/jobs/options.c)
check "the option table is found (src/jobs/options.c)" "[ $(echo "$options" | wc -w) -ge 30 ]"
for option in $options; do
	check "--$option in --help" "whole '$option' <'$work/help'"
	check "--$option in the man page" "echo \"\$man_text\" | whole '$option'"
	check "--$option in README.md" "whole '$option' <README.md"
done
check "the whole-word match refuses a part of an option" "! echo '--output-dir DIR' | whole output"
for status in 0 1 2 3 4 5 6; do
	check "exit status $status in --help" "grep -q '^  $status  ' '$work/help'"
	check "exit status $status in the man page" "echo \"\$man_text\" | sed -n '/^EXIT STATUS/,/^EXAMPLES/p' | grep -Eq '^ +$status[[:space:]]'"
done
./falco2seccomp -q -log examples/events.jsonl -container-id 3ad7b26ded6d >"$work/example.json"
check "examples/profile.json is what make example prints" "cmp -s '$work/example.json' examples/profile.json"
make -s install DESTDIR="$work/root" PREFIX=/opt/f2s >/dev/null
check "make install honours PREFIX and DESTDIR" \
	"[ -x '$work/root/opt/f2s/bin/falco2seccomp' ] && [ -f '$work/root/opt/f2s/share/man/man1/falco2seccomp.1' ]"
make -s uninstall DESTDIR="$work/root" PREFIX=/opt/f2s >/dev/null
check "make uninstall removes both files" "[ ! -e '$work/root/opt/f2s/bin/falco2seccomp' ] && [ ! -e '$work/root/opt/f2s/share/man/man1/falco2seccomp.1' ]"

echo "project: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
