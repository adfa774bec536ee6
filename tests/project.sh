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
check "man page has no mandoc style message" \
	"[ -z \"\$(mandoc -T lint -W style man/falco2seccomp.1 2>&1 | grep -v 'outdated mandoc.db')\" ]"
check "man page renders in groff without a warning" "[ -z \"\$(groff -mandoc -Tutf8 -ww -z man/falco2seccomp.1 2>&1)\" ]"
./falco2seccomp --help >"$work/help"
check "--help exits 0" "[ \$? -eq 0 ]"
man_text=$(mandoc -Tascii man/falco2seccomp.1 | col -b)
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


# By file, not only by folder: the include graph of src/ (each .c with its .h one module, an arrow per
# #include) has no circle, so that no room reaches back into one that reaches it.
cycle=$(python3 - <<'PY'
import glob, os, re
edges = {}
for path in glob.glob("src/*/*.[ch]"):
    stem = os.path.relpath(path, "src")[:-2]
    edges.setdefault(stem, set())
    for target in re.findall(r'#include "([a-z_/0-9]+)\.h"', open(path).read()):
        if target != stem:
            edges[stem].add(target)
state = {}
def visit(node, stack):
    state[node] = 1
    stack.append(node)
    for other in sorted(edges.get(node, ())):
        if state.get(other) == 1:
            return " -> ".join(stack[stack.index(other):] + [other])
        if other not in state:
            found = visit(other, stack)
            if found:
                return found
    stack.pop()
    state[node] = 2
    return None
for node in sorted(edges):
    if node not in state:
        found = visit(node, [])
        if found:
            print(found)
            break
print(len(edges), "modules")
PY
)
check "no include circle between files ($(echo "$cycle" | tail -1))" "[ \"\$(echo \"\$cycle\" | wc -l)\" -eq 1 ] && echo \"\$cycle\" | grep -q ' modules\$'"

# Levels by file (each .c and each .h a node, an arrow per #include, the longest path): at most 9, so that
# a room reads through few others; a header that only names a struct by pointer declares it instead.
levels=$(python3 - <<'PY'
import glob, os, re
edges = {}
for path in glob.glob("src/*/*.[ch]"):
    node = os.path.relpath(path, "src")
    edges[node] = {t for t in re.findall(r'#include "([a-z_/0-9]+\.h)"', open(path).read()) if t != node}
memo = {}
def depth(node, seen=()):
    if node not in memo:
        memo[node] = 1 + max((depth(other) for other in edges.get(node, ())), default=0)
    return memo[node]
top = max(edges, key=depth)
path = [top]
while edges.get(path[-1]):
    path.append(max(edges[path[-1]], key=depth))
print(depth(top), " -> ".join(path))
PY
)
check "at most 9 include levels by file ($levels)" "[ '${levels%% *}' -le 9 ]"

# Today's Docker is the floor: the generated table is what the script makes of the checked-in copy of
# Docker's file, the copy names its source, and --version names the floor.
check "src/policy/docker_facts.c is what scripts/docker_facts.py makes of data/moby/default.json" \
	"python3 scripts/docker_facts.py --check"
check "data/moby/README.md names the upstream tag and commit of default.json" \
	"grep -q 'seccomp/v0.2.3' data/moby/README.md && grep -q '836ae4d37ef2ec995c77c99fc55f5b5f3af3a897' data/moby/README.md"
check "CHANGELOG.md has an entry for this version ($(make -s --no-print-directory print-version))" \
	"grep -q \"^## $(make -s --no-print-directory print-version) \" CHANGELOG.md"
check "--version names the floor" "./falco2seccomp --version | grep -q \"^floor: Docker's default profile of moby/profiles seccomp/v0.2.3\""

# One table per fact: every name of the tables that --format, --report, --runtime, --no-arg-rule and
# --default-action take is in --help and in the man page, and the tables are where the suite reads them.
names_of() { sed -n "$2" "$1" | grep -o '"[a-zA-Z0-9_]*"' | tr -d '"'; }
formats=$(sed -n 's/^	\[PROFILE_FORMAT_[A-Z]*\] = { "\([a-z]*\)".*/\1/p' src/profile/profile.c)
reports=$(names_of src/jobs/options.c '/^static const char \*const report_formats\[\]/p')
runtimes=$(sed -n 's/^	{ "\([a-z]*\)", "\([a-z]*\) [0-9].*/\1/p' src/policy/runtime_baseline.c)
rules=$(names_of src/policy/arg_rules.c '/^static const char \*const rule_names\[/p')
actions=$(grep -o '{ "SCMP_ACT_[A-Z_]*"' src/profile/profile.c | tr -d '{ "')
check "the tables are found: formats, reports, runtimes, rules, actions" \
	"[ $(echo $formats | wc -w) -eq 4 ] && [ $(echo $reports | wc -w) -eq 4 ] && [ $(echo $runtimes | wc -w) -ge 2 ] && [ $(echo $rules | wc -w) -eq 5 ] && [ $(echo $actions | wc -w) -eq 9 ]"
for name in $formats $reports $runtimes $rules; do
	check "'$name' in --help" "grep -qw -- '$name' '$work/help'"
	check "'$name' in the man page" "echo \"\$man_text\" | grep -qw -- '$name'"
done
successors=$(sed -n 's/^	{ "\([a-z0-9_]*\)", "\([a-z0-9_]*\)", .*/\1 \2/p' src/policy/successors.c)
check "the successor table is found" "[ $(echo $successors | wc -w) -ge 16 ]"
for name in $successors; do
	check "successor pair name $name in the man page" "echo \"\$man_text\" | grep -qw -- '$name'"
done
for name in $actions; do
	check "$name in the man page" "echo \"\$man_text\" | grep -qw -- '$name'"
done

# The house (ARCHITECTURE.md): the folders of src/ from the top of the data flow down; a file
# includes only headers of its own folder or of folders below it, no source file is over 700
# lines, and ARCHITECTURE.md describes every folder.
floors="cli jobs report scan policy profile decode syscalls input text"
check "src/ has exactly the folders of the house" "[ \"\$(ls src | tr '\\n' ' ')\" = \"\$(echo $floors | tr ' ' '\\n' | sort | tr '\\n' ' ')\" ]"
rank() {
	i=0
	for f in $floors; do
		i=$((i + 1))
		[ "$f" = "$1" ] && echo $i && return
	done
	echo 0
}
upward=""
for file in src/*/*.c src/*/*.h; do
	folder=$(basename "$(dirname "$file")")
	for included in $(sed -n 's/^#include "\([a-z_]*\)\/[a-z_]*\.h"$/\1/p' "$file"); do
		[ "$(rank "$included")" -ge "$(rank "$folder")" ] || upward="$upward $file->$included"
	done
done
check "no include runs back up the house:$upward" "[ -z '$upward' ]"
# A generated table (GENERATED in its first lines) is data, not code a person reads through.
long=$(for f in src/*/*.c src/*/*.h; do head -5 "$f" | grep -q GENERATED || wc -l "$f"; done |
	awk '$1 > 700 { printf " %s (%d)", $2, $1 }')
check "no source file over 700 lines:$long" "[ -z '$long' ]"
for f in $floors; do
	check "ARCHITECTURE.md describes src/$f/" "grep -q '^### \`src/$f/\`' ARCHITECTURE.md"
done

echo "project: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
