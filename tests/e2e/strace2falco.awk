# Turns the output of `strace -f -qq` into Falco's JSON alerts for one
# container, as the rule in examples/falco2seccomp_rules.yaml writes them:
# every syscall after the workload's first execve of start, with
# evt.arg.flags for clone and clone3 (flag names joined by '|', the exit
# signal left out, "0" when none) and evt.arg.domain for socket and
# socketpair (with Falco's double names for AF_UNIX and AF_NETLINK).
# Usage: awk -v cid=ID -v proc=NAME -v start=PATH -f strace2falco.awk TRACE
index($0, "execve(\"" start "\"") { started = 1 }
!started { next }
$2 ~ /^[a-z_0-9]+\(/ {
	name = $2
	sub(/\(.*/, "", name)
	flags = "null"
	domain = "null"
	if (name == "clone" || name == "clone3") {
		out = ""
		if (match($0, /flags=[A-Z0-9_|]+/)) {
			count = split(substr($0, RSTART + 6, RLENGTH - 6), parts, "|")
			for (i = 1; i <= count; i++)
				if (parts[i] ~ /^CLONE_/)
					out = out (out == "" ? "" : "|") parts[i]
		}
		flags = "\"" (out == "" ? "0" : out) "\""
	}
	if (name == "socket" || name == "socketpair") {
		family = $0
		sub(/^[^(]*\(/, "", family)
		sub(/,.*/, "", family)
		if (family == "AF_UNIX")
			family = "AF_LOCAL|AF_UNIX"
		else if (family == "AF_NETLINK")
			family = "AF_ROUTE|AF_NETLINK"
		domain = "\"" family "\""
	}
	printf "{\"output\":\"00:00:00.000000000: Informational %s:%s\",", cid, name
	printf "\"output_fields\":{\"container.id\":\"%s\",\"evt.arg.domain\":%s,\"evt.arg.flags\":%s,", cid, domain, flags
	printf "\"evt.type\":\"%s\",\"proc.name\":\"%s\",\"syscall.type\":\"%s\"},", name, proc, name
	printf "\"priority\":\"Informational\",\"rule\":\"Container syscalls\",\"source\":\"syscall\"}\n"
}
