#!/bin/sh
# The README's commands as written: every falco2seccomp command of its
# sections "A CI workflow, end to end", "Audit profiles" and "From CI to
# the cluster", in the
# README's order, on inputs named as the README names them (the shipped
# examples, with the workload of events-k8s.jsonl renamed myorg/myapp, and
# a kernel log of an audit run). A profile job must exit 0, --check and
# --diff 0 or 1 (findings); no command may be refused (2), fail on its
# input (3) or find nothing (4).
# Usage: tests/readme.sh BINARY
suite=readme
. "$(dirname "$0")/suite.sh"
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

# The README's commands, one per line, continuations joined.
python3 - "$root/README.md" >"$work/commands" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
sections = []
for title in ("## A CI workflow, end to end", "### Audit profiles", "## From CI to the cluster"):
    start = text.index(title)
    end = text.find("\n#", start + len(title))
    sections.append(text[start:end if end >= 0 else len(text)])
for section in sections:
    lines = section.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("falco2seccomp "):
            while line.endswith("\\") and i + 1 < len(lines):
                i += 1
                line = line[:-1].rstrip() + " " + lines[i].strip()
            print(line)
        i += 1
PY
count=$(wc -l <"$work/commands")
[ "$count" -ge 12 ] && pass || fail "only $count commands found in the README's sections"

# The inputs, under the names the README gives them.
mkdir -p "$work/run/seccomp"
cd "$work/run"
sed 's#"example.org/shop"#"myorg/myapp"#g' "$root/examples/events-k8s.jsonl" | cat "$root/examples/events.jsonl" - >events.jsonl
{ echo "[  1.000] f2s-audit-start"; cat "$here/cli/audit_exe_takes_only_the_records_of_that_process/kern.log"; } >audit.log
cp audit.log node.log
cp "$root/examples/profile.json" new-profile.json
export CID=3ad7b26ded6d ID=3ad7b26ded6d

while IFS= read -r command; do
	# The log Falco writes in /var/log/falco is this directory's; the binary is the one tested.
	line=$(printf '%s\n' "$command" | sed "s#/var/log/falco/events.jsonl#events.jsonl#g; s#examples/#$root/examples/#g; s#^falco2seccomp #\"\$binary\" #")
	status=0
	binary="$binary" sh -c "$line" >"$work/out" 2>"$work/err" || status=$?
	case "$command" in
	*--check*|*--diff*) ok="[ $status -le 1 ]" ;;
	*) ok="[ $status -eq 0 ]" ;;
	esac
	if eval "$ok"; then
		pass
	else
		fail "exit status $status: $command: $(grep -v '^falco2seccomp: warning' "$work/err" | head -2)"
	fi
done <"$work/commands"
finish
