/*
 * help: the text of --help and --version, and the hint after a usage
 * error. The options, formats and exit statuses it lists are checked
 * against the option table and the man page by tests/project.sh.
 */
#include "report/report.h"

#include "policy/docker_default.h"

#include <cJSON.h>
#include <seccomp.h>
#include <stdio.h>

#define PROGRAM F2S_PROGRAM

/* The help, in parts: C compilers need not take one string literal this long. */
static const char *const help_text[] = {
	"Usage: " PROGRAM " [OPTION]... [-log FILE]... -container-id ID...\n"
	"       " PROGRAM " [OPTION]... [-log FILE]... --image REPO[:TAG]...\n"
	"Write a seccomp profile (Docker's JSON format) that allows the syscalls that\n"
	"Falco logged for the named containers.\n"
	"\n"
	"Long options take one dash or two: -log FILE, --log FILE, --log=FILE.\n"
	"\n"
	"Input:\n"
	"  -log FILE              a Falco log (JSON lines or text); repeatable; '-' or\n"
	"                         none reads standard input\n"
	"  -container-id ID       keep the events of container ID: 12 to 64 hex\n"
	"                         characters, short or full id; repeatable\n"
	"  --image REPO[:TAG], --name NAME, --k8s NS/POD[*], --label KEY=VALUE\n"
	"                         instead, keep the containers of a workload: each\n"
	"                         repeatable (ORed), different ones ANDed\n"
	"  --strict               stop at the first unusable line, unknown syscall name\n"
	"                         or Falco drop alert, instead of warning\n"
	"Profile:\n"
	"  --default-action ACT   action for syscalls not allowed (SCMP_ACT_ERRNO)\n"
	"  --errno-ret N          defaultErrnoRet: errno for denied syscalls\n"
	"  --arch LIST            comma-separated architectures (on an amd64 host\n"
	"                         x86_64,x86,x32, on arm64 aarch64,arm, else native);\n"
	"                         x86_64 or SCMP_ARCH_X86_64 spellings, native, or\n"
	"                         all-supported (Docker's archMap of every one)\n"
	"  --format FORMAT        docker (default), legacy (one rule per syscall),\n"
	"                         oci (the linux.seccomp object of an OCI config) or\n"
	"                         spo (a SeccompProfile of the Security Profiles Operator)\n"
	"  --profile-name NAME    with spo: metadata.name\n"
	"  --base-profile NAME    with spo: spec.baseProfileName, no runtime baseline\n"
	"  --runtime NAME         add what runc or crun needs after loading the filter\n"
	"                         (default: the one the log shows, else runc); none adds nothing\n"
	"  --exact                do not expand Falco's family events (dup: dup2, dup3)\n"
	"  --add NAME             allow syscall NAME too; repeatable\n"
	"  --remove NAME          never allow NAME; repeatable\n"
	"  --merge PROFILE        start from PROFILE's rules; repeatable\n"
	"  --allow-empty          write a profile even with no events\n"
	"  --allow-namespaces     allow clone and clone3 with namespace flags\n"
	"  --no-arg-rule NAME     allow NAME (clone, clone3, personality, socket,\n"
	"                         socketpair) with any arguments; repeatable\n"
	"  --deny-risky           leave out syscalls Docker's default allows only with\n"
	"                         a capability or never, unless --add names them\n"
	"  --no-enosys            do not answer a newer syscall with ENOSYS where the\n"
	"                         log shows the older one it falls back to\n"
	"  --audit                an audit profile: SCMP_ACT_LOG for what no rule allows,\n"
	"                         what Docker's default refuses still refused\n"
	"  --audit-log FILE       add the syscalls of the kernel's seccomp LOG records in\n"
	"                         FILE (dmesg, /dev/kmsg, journal, kern.log, audit.log;\n"
	"                         gzip or zstd; - for standard input); repeatable\n"
	"  --audit-exe PATH, --audit-comm NAME\n"
	"                         take only the records of these processes (PATH's\n"
	"                         symlinks resolved, as the kernel names it); repeatable\n"
	"  --audit-since @SECONDS|MARKER\n"
	"                         take only the records from that time on, or after the\n"
	"                         last line holding MARKER (echo MARKER >/dev/kmsg)\n"
	"  --companions           add the syscalls the log's calls need off its path\n"
	"                         (wait4 for a fork, shutdown for an accept, ...)\n",
	"Output:\n"
	"  -o, --output FILE      write the profile to FILE, replacing it only when\n"
	"                         complete (default: standard output)\n"
	"  --oci-layout DIR       write the profile instead as an OCI artifact (KEP-6061)\n"
	"                         in the OCI image layout DIR, for skopeo copy or oras;\n"
	"                         with --all-containers, a layout per profile under DIR\n"
	"  --oci-annotation KEY=VALUE  another annotation of its manifest; repeatable\n"
	"  --flush-every SECONDS  with --all-containers --output-dir: read an endless\n"
	"                         standard input (Falco's program_output) and write the\n"
	"                         profiles every SECONDS, at SIGTERM and at its end\n"
	"  -q, --quiet            no summary on standard error\n"
	"  --progress, --no-progress  show progress (default: when stderr is a terminal)\n"
	"  --full-parse           decode every line (slower; same result)\n"
	"  --jobs N               threads for a large regular file, and a thread to\n"
	"                         decompress (default: one per online CPU; the result\n"
	"                         is the same)\n"
	"  --report FORMAT        text (default, on standard error), or json, markdown\n"
	"                         or github (workflow commands) on standard output\n"
	"Other jobs:\n"
	"  --check PROFILE        report syscalls in the log (or the --audit-log records alone)\n"
	"                         that PROFILE does not allow\n"
	"  --cap-add CAP          with --check: the container also has CAP; repeatable\n"
	"  --diff OLD NEW         compare two profiles: syscalls, rules, action, arches\n"
	"  --list-containers      list the containers in the log\n"
	"  --all-containers --output-dir DIR   one profile per container\n"
	"  --group-by KEY         with those two: per workload: image, name, k8s or\n"
	"                         label:KEY\n"
	"  -h, --help             show this help\n"
	"  --version              show the version\n"
	"\n"
	"Exit status:\n"
	"  0  done\n"
	"  1  --check: the log shows syscalls the profile does not allow;\n"
	"     --diff: the profiles differ\n"
	"  2  the command line is wrong\n"
	"  3  an input cannot be read or is malformed, or --strict found a problem\n"
	"  4  no syscall events of the named containers; nothing was written\n"
	"  5  the profile could not be written\n"
	"  6  out of memory, or more containers than can be tracked\n"
	"\n"
	"Example:\n"
	"  " PROGRAM " -log events.log -container-id 3ad7b26ded6d > profile.json\n"
	"See falco2seccomp(1) for more.\n",
};

void report_help(FILE *out)
{
	for (size_t i = 0; i < sizeof(help_text) / sizeof(help_text[0]); i++)
		fputs(help_text[i], out);
}

void report_version(FILE *out)
{
	fprintf(out, PROGRAM " %s (cJSON %s, libseccomp %u.%u.%u)\n", F2S_VERSION, cJSON_Version(),
	        seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro);
	fprintf(out, "floor: Docker's default profile of %s\n", docker_default_version());
}

void report_usage_hint(FILE *out)
{
	fputs("Try '" PROGRAM " --help' for more information.\n", out);
}
