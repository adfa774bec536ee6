/*
 * falco2seccomp: turns the syscalls a container made, as Falco logged them,
 * into a seccomp profile that allows exactly those syscalls.
 *
 * main parses the options and runs one job; it alone prints diagnostics and
 * decides the exit status.
 */
#include "arg_facts.h"
#include "arg_rules.h"
#include "container_filter.h"
#include "docker_default.h"
#include "merge.h"
#include "options.h"
#include "output.h"
#include "profile.h"
#include "profile_judge.h"
#include "runtime_baseline.h"
#include "scan.h"
#include "syscall_set.h"
#include "translate.h"

#include <errno.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libgen.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifndef F2S_VERSION
#define F2S_VERSION "0.1.0"
#endif

#define PROGRAM "falco2seccomp"

/* Exit statuses; the man page and --help list them. */
enum exit_status {
	EXIT_OK = 0,          /* done */
	EXIT_NOT_ALLOWED = 1, /* --check: the log shows syscalls the profile does not allow */
	EXIT_USAGE = 2,       /* the command line is wrong */
	EXIT_INPUT = 3,       /* an input could not be read or is malformed; --strict found a problem */
	EXIT_NO_EVENTS = 4,   /* no syscall events of the named containers: nothing written */
	EXIT_OUTPUT = 5,      /* the profile could not be written */
	EXIT_RESOURCES = 6    /* out of memory, or more containers than can be tracked */
};

static const char help_text[] =
	"Usage: " PROGRAM " [OPTION]... [-log FILE]... -container-id ID...\n"
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
	"  --strict               stop at the first unusable line, unknown syscall name\n"
	"                         or Falco drop alert, instead of warning\n"
	"Profile:\n"
	"  --default-action ACT   action for syscalls not allowed (SCMP_ACT_ERRNO)\n"
	"  --errno-ret N          defaultErrnoRet: errno for denied syscalls\n"
	"  --arch LIST            comma-separated architectures (x86_64,x86,x32);\n"
	"                         x86_64 or SCMP_ARCH_X86_64 spellings, or native\n"
	"  --format FORMAT        docker (default), legacy (one rule per syscall) or\n"
	"                         oci (the linux.seccomp object of an OCI config)\n"
	"  --runtime NAME         add what runc (default) or crun needs after loading\n"
	"                         the filter; none adds nothing\n"
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
	"Output:\n"
	"  -o, --output FILE      write the profile to FILE, replacing it only when\n"
	"                         complete (default: standard output)\n"
	"  -q, --quiet            no summary on standard error\n"
	"  --progress, --no-progress  show progress (default: when stderr is a terminal)\n"
	"  --full-parse           decode every line (slower; same result)\n"
	"Other jobs:\n"
	"  --check PROFILE        report syscalls in the log that PROFILE does not allow\n"
	"  --cap-add CAP          with --check: the container also has CAP; repeatable\n"
	"  --list-containers      list the containers in the log\n"
	"  --all-containers --output-dir DIR   one profile per container\n"
	"  -h, --help             show this help\n"
	"  --version              show the version\n"
	"\n"
	"Exit status:\n"
	"  0  done\n"
	"  1  --check: the log shows syscalls the profile does not allow\n"
	"  2  the command line is wrong\n"
	"  3  an input cannot be read or is malformed, or --strict found a problem\n"
	"  4  no syscall events of the named containers; nothing was written\n"
	"  5  the profile could not be written\n"
	"  6  out of memory, or more containers than can be tracked\n"
	"\n"
	"Example:\n"
	"  " PROGRAM " -log events.log -container-id 3ad7b26ded6d > profile.json\n"
	"See falco2seccomp(1) for more.\n";

__attribute__((format(printf, 1, 2)))
static void warn(const char *format, ...)
{
	va_list args;

	fputs(PROGRAM ": ", stderr);
	va_start(args, format);
	vfprintf(stderr, format, args);
	va_end(args);
	fputc('\n', stderr);
}

/* State shared by the jobs. */
struct run {
	struct options options;            /* the command line */
	struct profile_input *merged;      /* --merge profiles, options.merge.count of them */
	struct arch_list arches;           /* the target architectures */
	const struct arch_map *arch_map;   /* the archMap to write, or NULL */
	struct merge_header header;        /* what --merge and the command line settled */
	const char *default_action;        /* for the profile written */
	bool has_errno_ret;                /* defaultErrnoRet to write */
	long errno_ret;                    /* its value */
	struct syscall_catalog catalog;    /* every kernel name in play */
	struct translator translator;      /* Falco names to kernel ids */
	struct scan scan;                  /* the pass over the logs */
	cJSON *kept_rules;                 /* merged rules written as they are */
	struct arg_facts merged_facts;     /* what the merged profiles' argument rules allow */
	bool progress_shown;               /* a progress line is on the terminal */
	struct timespec started;           /* when the scan started */
};

static void report_problem(void *context, const char *file, uint64_t line, const char *message)
{
	struct run *run = context;

	if (run->progress_shown) {
		fputs("\r\033[K", stderr);
		run->progress_shown = false;
	}
	if (line > 0)
		warn("%s:%llu: %s", file, (unsigned long long)line, message);
	else
		warn("%s: %s", file, message);
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static void show_progress(void *context, uint64_t bytes)
{
	struct run *run = context;
	double seconds = seconds_since(&run->started);

	fprintf(stderr, "\r\033[K" PROGRAM ": %.0f MB read, %.0f MB/s", (double)bytes / 1e6,
	        seconds > 0 ? (double)bytes / 1e6 / seconds : 0.0);
	run->progress_shown = true;
}

static const char *file_name(const struct run *run, uint32_t index)
{
	const char *file = run->options.logs.items[index];
	return strcmp(file, "-") == 0 ? "<stdin>" : file;
}

/* Writes the architectures as "x86_64, x86, x32" into text. */
static void describe_arches(const struct arch_list *arches, char *text, size_t size)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < arches->count && used < size; i++)
		used += (size_t)snprintf(text + used, size - used, "%s%s", i ? ", " : "",
		                         arch_short_name(arches->tokens[i]));
}

/* Refuses architectures that cannot share one filter; returns an exit status. */
static int check_loadable(const struct arch_list *arches)
{
	uint32_t bad;
	char list[256];

	if (arch_list_loadable(arches, &bad))
		return EXIT_OK;
	describe_arches(arches, list, sizeof(list));
	warn("%s cannot share one seccomp filter with the others of %s (libseccomp refuses to mix byte orders); "
	     "name the architectures of one kind with --arch",
	     arch_short_name(bad), list);
	return EXIT_USAGE;
}

/* Checks that the profile to write loads: each archMap entry on its own, else the whole list. */
static int check_architectures(const struct run *run)
{
	int status = EXIT_OK;

	if (run->arch_map == NULL || run->options.format != PROFILE_FORMAT_DOCKER)
		return check_loadable(&run->arches);
	for (size_t e = 0; e < run->arch_map->count && status == EXIT_OK; e++) {
		struct arch_list group = run->arch_map->entries[e].subs;
		arch_list_add(&group, run->arch_map->entries[e].arch);
		status = check_loadable(&group);
	}
	return status;
}

/* Settles the profile's header and the kept rules from the merged profiles. */
static int merge_profiles(struct run *run)
{
	struct merge_header *header = &run->header;
	char message[512];

	switch (merge_header(&run->options, run->merged, run->options.merge.count, header, message, sizeof(message))) {
	case MERGE_OK:
		break;
	case MERGE_CONFLICT:
		warn("%s", message);
		return EXIT_USAGE;
	case MERGE_NO_MEMORY:
		return EXIT_RESOURCES;
	}
	run->arches = header->arches;
	run->arch_map = header->has_arch_map ? &header->arch_map : NULL;
	run->default_action = header->default_action;
	run->has_errno_ret = header->has_errno_ret;
	run->errno_ret = header->errno_ret;
	merge_absorb_arg_rules(run->merged, run->options.merge.count, &run->merged_facts);
	if (merge_kept_rules(run->merged, run->options.merge.count, &run->kept_rules) != MERGE_OK) {
		warn("out of memory");
		return EXIT_RESOURCES;
	}
	return check_architectures(run);
}

static int read_merged_profiles(struct run *run)
{
	char message[512];

	run->merged = calloc(run->options.merge.count + 1, sizeof(run->merged[0]));
	if (run->merged == NULL)
		return EXIT_RESOURCES;
	for (size_t i = 0; i < run->options.merge.count; i++)
		if (profile_read(run->options.merge.items[i], &run->merged[i], message, sizeof(message)) != 0) {
			warn("--merge %s", message);
			return EXIT_INPUT;
		}
	return EXIT_OK;
}

/* Adds a space-separated list of kernel names to set; returns how many were new. */
static size_t add_name_list(struct run *run, const char *list, struct syscall_set *set)
{
	size_t added = 0;
	char name[SYSCALL_NAME_MAX + 1];

	while (*list != '\0') {
		size_t length = strcspn(list, " ");
		if (length <= SYSCALL_NAME_MAX) {
			memcpy(name, list, length);
			name[length] = '\0';
			int id = syscall_catalog_intern(&run->catalog, name);
			if (id >= 0 && !syscall_set_has(set, id)) {
				syscall_set_add(set, id);
				added++;
			}
		}
		list += length;
		list += strspn(list, " ");
	}
	return added;
}

/* Checks an --add or --remove name; returns its id or -1 after saying why. */
static int user_syscall(struct run *run, const char *option, const char *name)
{
	int id = syscall_catalog_intern(&run->catalog, name);
	char arches[256];

	if (id >= 0)
		return id;
	describe_arches(&run->arches, arches, sizeof(arches));
	const struct falco_event_name *row = syscall_names_lookup(name, strlen(name));
	if (row != NULL && row->own != NULL && strcmp(row->own, name) != 0)
		warn("%s %s: '%s' is Falco's name; the kernel's is '%s'", option, name, name, row->own);
	else
		warn("%s %s: no such syscall on %s", option, name, arches);
	return -1;
}

/*
 * The capability a container needs, beyond Docker's default set, before
 * Docker's default profile allows name ("" when it never does); NULL when
 * a default container may make it.
 */
static const char *risky_capability(const char *name)
{
	const char *cap = docker_default_capability(name);
	return cap != NULL && !docker_default_has_capability(cap) ? cap : NULL;
}

/* What finish_set added, for the summary. */
struct additions {
	size_t always;          /* exit, exit_group */
	size_t baseline;        /* the runtime's list */
	size_t merged;          /* names from --merge */
	size_t added;           /* --add */
	size_t removed;         /* --remove */
	bool clone_fallback;    /* clone added because clone3 answers ENOSYS */
	size_t risky_denied;    /* left out by --deny-risky */
	struct syscall_set by_user; /* named with --add */
};

/* Adds to an observed set what every profile gets; returns an exit status. */
static int finish_set(struct run *run, struct syscall_set *set, struct additions *added)
{
	const struct options *opts = &run->options;

	memset(added, 0, sizeof(*added));
	for (size_t i = 0; i < opts->merge.count; i++)
		for (int list = 0; list < 2; list++)
			for (const cJSON *item = (list ? run->merged[i].arg_names : run->merged[i].allow_names)->child; item;
			     item = item->next) {
				int id = syscall_catalog_intern(&run->catalog, item->valuestring);
				if (id >= 0 && !syscall_set_has(set, id)) {
					syscall_set_add(set, id);
					added->merged++;
				}
			}
	added->always = add_name_list(run, runtime_always_needed, set);
	for (const struct runtime_baseline *baseline = runtime_baseline_find(opts->runtime); baseline;
	     baseline = baseline->extends ? runtime_baseline_find(baseline->extends) : NULL)
		added->baseline += add_name_list(run, baseline->syscalls, set);
	for (size_t i = 0; i < opts->add.count; i++) {
		int id = user_syscall(run, "--add", opts->add.items[i]);
		if (id < 0)
			return EXIT_USAGE;
		if (!syscall_set_has(set, id))
			added->added++;
		syscall_set_add(set, id);
		syscall_set_add(&added->by_user, id);
	}
	/* clone3 answers ENOSYS, so the C library falls back to clone. */
	int clone3 = syscall_catalog_intern(&run->catalog, "clone3");
	int clone = syscall_catalog_intern(&run->catalog, "clone");
	if (clone3 >= 0 && clone >= 0 && syscall_set_has(set, clone3) && !syscall_set_has(set, clone) &&
	    arg_rule_active(&opts->arg_rules, ARG_RULE_CLONE3)) {
		syscall_set_add(set, clone);
		added->clone_fallback = true;
	}
	for (size_t id = 0; opts->deny_risky && id < run->catalog.count; id++)
		if (syscall_set_has(set, (int)id) && !syscall_set_has(&added->by_user, (int)id) &&
		    risky_capability(syscall_catalog_name(&run->catalog, (int)id)) != NULL) {
			syscall_set_remove(set, (int)id);
			added->risky_denied++;
		}
	for (size_t i = 0; i < opts->remove.count; i++) {
		int id = user_syscall(run, "--remove", opts->remove.items[i]);
		if (id < 0)
			return EXIT_USAGE;
		if (syscall_set_has(set, id))
			added->removed++;
		syscall_set_remove(set, id);
	}
	return EXIT_OK;
}

/*
 * The container rules are weighed for: architecture token, this host's
 * kernel, Docker's default capabilities and --cap-add (caps has room for
 * them all).
 */
static void rule_context_for(const struct options *opts, uint32_t arch, const char **caps, struct rule_context *ctx)
{
	struct utsname host;

	memset(ctx, 0, sizeof(*ctx));
	ctx->arch = arch_moby_name(arch);
	if (ctx->arch == NULL)
		ctx->arch = "";
	for (size_t i = 0; i < DOCKER_DEFAULT_CAPABILITY_COUNT; i++)
		caps[ctx->cap_count++] = docker_default_capabilities[i];
	for (size_t i = 0; i < opts->cap_add_count; i++)
		caps[ctx->cap_count++] = opts->cap_add[i];
	ctx->caps = caps;
	if (uname(&host) == 0 && sscanf(host.release, "%u.%u", &ctx->kernel_major, &ctx->kernel_minor) != 2)
		ctx->kernel_major = ctx->kernel_minor = 0;
}

/* Writes the profile for set to path (NULL: stdout); returns an exit status. */
static int write_profile(struct run *run, const struct syscall_set *set, const struct arg_facts *facts,
                         const char *path, struct arg_rule_plan *plan)
{
	static const char *names[SYSCALL_NAMES_MAX], *plain[SYSCALL_NAMES_MAX];
	size_t count = syscall_set_sorted_names(set, &run->catalog, names);
	struct profile profile = {
		.default_action = run->default_action,
		.has_errno_ret = run->has_errno_ret,
		.errno_ret = run->errno_ret,
		.arches = &run->arches,
		.arch_map = run->arch_map,
		.names = plain,
		.kept_rules = run->kept_rules,
	};
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct rule_context oci;
	cJSON *rules;
	struct output out;
	int status;

	rule_context_for(&run->options, run->arches.tokens[0], caps, &oci);
	profile.oci = &oci;
	if (arg_rules_build(names, count, &run->arches, facts, &run->options.arg_rules, plain, &profile.name_count,
	                    &rules, plan) != 0) {
		warn("out of memory");
		return EXIT_RESOURCES;
	}
	profile.arg_rules = rules;
	switch (output_open(&out, path)) {
	case OUTPUT_OK:
		break;
	case OUTPUT_DIRECTORY_LOCKED:
		warn("cannot write %s: its directory is not writable (%s), so the file cannot be replaced safely; "
		     "write it elsewhere with -o, or to standard output", path, strerror(errno));
		cJSON_Delete(rules);
		return EXIT_OUTPUT;
	case OUTPUT_FAILED:
	default:
		warn("cannot write %s: %s", path, strerror(errno));
		cJSON_Delete(rules);
		return EXIT_OUTPUT;
	}
	status = profile_write(out.file, &profile, run->options.format);
	cJSON_Delete(rules);
	if (status != 0 || output_commit(&out) != 0) {
		warn("cannot write %s: %s", path && strcmp(path, "-") != 0 ? path : "the profile to standard output",
		     strerror(errno));
		output_abort(&out);
		return EXIT_OUTPUT;
	}
	return EXIT_OK;
}

/* Warns about event names that are no syscall; returns how many there were. */
static size_t report_unknown_names(struct run *run)
{
	char arches[256];
	size_t count = 0;

	describe_arches(&run->arches, arches, sizeof(arches));
	for (size_t i = 0; i < run->translator.count; i++) {
		const struct translation *t = &run->translator.entries[i];
		if (t->kind != TRANSLATION_UNKNOWN)
			continue;
		if (++count <= SCAN_REPORTS_MAX)
			warn("%s:%llu: '%s' is not a syscall on %s; %s", file_name(run, t->first.file),
			     (unsigned long long)t->first.line, t->falco, arches,
			     run->options.strict ? "--strict stops here" : "left out of the profile");
	}
	if (count > SCAN_REPORTS_MAX)
		warn("%zu more names that are no syscall on %s were left out", count - SCAN_REPORTS_MAX, arches);
	if (run->translator.names_not_remembered > 0) {
		count++;
		warn("%llu events had names beyond the first %d distinct ones; those that are no syscall "
		     "were left out without a report of their own",
		     (unsigned long long)run->translator.names_not_remembered, TRANSLATE_NAMES_MAX);
	}
	if (run->translator.catalog_full) {
		count++;
		warn("more than %d distinct syscall names: some were left out", SYSCALL_NAMES_MAX);
	}
	return count;
}

/* Warns about Falco's drop alerts; returns true when there were any. */
static bool report_drops(struct run *run)
{
	if (run->scan.drop_alerts == 0)
		return false;
	warn("%s:%llu: %s: the log has %llu 'syscall event drop' alerts, the first here (%llu events lost): "
	     "Falco missed events, so the profile may miss syscalls; record again with fewer events or a "
	     "larger buffer (see falco2seccomp(1))",
	     file_name(run, run->scan.first_drop.file), (unsigned long long)run->scan.first_drop.line,
	     run->options.strict ? "error" : "warning", (unsigned long long)run->scan.drop_alerts,
	     (unsigned long long)run->scan.drops);
	return true;
}

static void summarize_translations(struct run *run)
{
	char text[1024];
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < run->translator.count && used < sizeof(text); i++) {
		const struct translation *t = &run->translator.entries[i];
		if (!t->expanded)
			continue;
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s ->", used ? "; " : "", t->falco);
		for (int k = 0; k < t->count && used < sizeof(text); k++)
			used += (size_t)snprintf(text + used, sizeof(text) - used, " %s",
			                         syscall_catalog_name(&run->catalog, t->ids[k]));
	}
	if (used > 0)
		warn("expanded Falco family events (--exact turns this off): %s", text);
	used = 0;
	text[0] = '\0';
	for (size_t i = 0; i < run->translator.count && used < sizeof(text); i++) {
		const struct translation *t = &run->translator.entries[i];
		if (t->kind == TRANSLATION_NOT_SYSCALL)
			used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s (%llu)", used ? ", " : "",
			                         t->falco, (unsigned long long)t->events);
	}
	if (used > 0)
		warn("left out events that are not syscalls: %s", text);
}

/* Says where an argument fact came from: a log line and its process, or a merged profile. */
static void describe_origin(const struct run *run, const struct arg_origin *origin, char *text, size_t size)
{
	if (origin->profile != NULL)
		snprintf(text, size, "the merged profile %s allows it", origin->profile);
	else if (origin->process[0] != '\0')
		snprintf(text, size, "process '%s' needed it at %s:%llu", origin->process,
		         file_name(run, origin->where.file), (unsigned long long)origin->where.line);
	else
		snprintf(text, size, "needed at %s:%llu", file_name(run, origin->where.file),
		         (unsigned long long)origin->where.line);
}

/* Appends the names of the families in bits, as "AF_INET, AF_UNIX", to text. */
static size_t describe_families(uint64_t bits, char *text, size_t size, size_t used)
{
	const char *separator = "";

	for (unsigned family = 0; family < 64 && used < size; family++)
		if (bits >> family & 1) {
			const char *name = docker_socket_family_name(family);
			used += (size_t)(name ? snprintf(text + used, size - used, "%s%s", separator, name)
			                      : snprintf(text + used, size - used, "%s%u", separator, family));
			separator = ", ";
		}
	return used;
}

static bool set_has_name(struct run *run, const struct syscall_set *set, const char *name)
{
	int id = syscall_catalog_intern(&run->catalog, name);
	return id >= 0 && syscall_set_has(set, id);
}

/* The summary of the argument rules: what was kept from Docker's default, and what was opened and why. */
static void summarize_arg_rules(struct run *run, const struct syscall_set *set, const struct syscall_set *observed,
                                const struct arg_facts *facts, const struct arg_rule_plan *plan)
{
	const struct arg_rule_choice *choice = &run->options.arg_rules;
	char text[1024], origin[256];
	size_t used = 0;

	text[0] = '\0';
	if (plan->written[ARG_RULE_CLONE])
		used += (size_t)snprintf(text + used, sizeof(text) - used, "clone without namespace flags%s",
		                         facts->namespaces ? " but those the log needs" : "");
	if (plan->written[ARG_RULE_CLONE3] && used < sizeof(text))
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%sclone3 answers ENOSYS", used ? "; " : "");
	if (plan->written[ARG_RULE_PERSONALITY] && used < sizeof(text))
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%spersonality only with Docker's values",
		                         used ? "; " : "");
	for (int call = 0; call < ARG_SOCKET_CALLS && used < sizeof(text); call++) {
		enum arg_rule rule = call == ARG_SOCKET ? ARG_RULE_SOCKET : ARG_RULE_SOCKETPAIR;
		if (!plan->written[rule])
			continue;
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s ", used ? "; " : "",
		                         arg_socket_call_name((enum arg_socket_call)call));
		if (plan->restricted[call] && used < sizeof(text)) {
			used += (size_t)snprintf(text + used, sizeof(text) - used, "only ");
			used = describe_families(plan->families[call], text, sizeof(text), used);
		} else if (used < sizeof(text)) {
			used += (size_t)snprintf(text + used, sizeof(text) - used, "never AF_VSOCK");
		}
	}
	if (used > 0)
		warn("argument rules (Docker's, narrowed to the log): %s", text);
	for (size_t i = 0; plan->written[ARG_RULE_CLONE] && i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if (facts->namespaces & docker_namespace_flags[i].value) {
			describe_origin(run, &facts->namespace_at[i], origin, sizeof(origin));
			warn("clone may use %s: %s", docker_namespace_flags[i].name, origin);
		}
	for (int call = 0; call < ARG_SOCKET_CALLS; call++) {
		const char *name = arg_socket_call_name((enum arg_socket_call)call);
		const struct family_facts *families = &facts->families[call];
		enum arg_rule rule = call == ARG_SOCKET ? ARG_RULE_SOCKET : ARG_RULE_SOCKETPAIR;
		if (plan->restricted[call] || !arg_rule_active(choice, rule) || !set_has_name(run, observed, name))
			continue;
		if (families->unrestricted && families->why_at.profile != NULL) {
			warn("%s families are not restricted: %s (%s)", name, families->why, families->why_at.profile);
		} else if (families->unrestricted) {
			warn("%s families are not restricted: %s (first at %s:%llu)%s", name, families->why,
			     file_name(run, families->why_at.where.file), (unsigned long long)families->why_at.where.line,
			     call == ARG_SOCKET ? "; only AF_VSOCK is refused" : "");
		} else {
			warn("%s families are not restricted: the log shows none (log evt.arg.domain: see "
			     "examples/falco2seccomp_rules.yaml)", name);
		}
	}
	if (choice->allow_namespaces && (set_has_name(run, set, "clone") || set_has_name(run, set, "clone3")))
		warn("--allow-namespaces: clone and clone3 may create namespaces");
	for (int rule = 0; rule < ARG_RULE_COUNT; rule++)
		if (choice->lifted[rule] && set_has_name(run, set, arg_rule_name((enum arg_rule)rule)))
			warn("--no-arg-rule %s: %s is allowed with any arguments", arg_rule_name((enum arg_rule)rule),
			     arg_rule_name((enum arg_rule)rule));
}

/*
 * Warns about each syscall in set that Docker's default allows only with a
 * capability a container lacks, or never, unless --add named it. observed
 * holds the syscalls seen in the log, whose first line and process are
 * told; container is the container's id in --all-containers, else NULL.
 * Returns how many were warned about.
 */
static size_t report_risky(struct run *run, const struct syscall_set *set, const struct syscall_set *observed,
                           const struct additions *added, const char *container)
{
	const char *level = run->options.strict ? "error" : "warning";
	size_t count = 0, merged = 0, used = 0;
	char where[320], list[2048];

	list[0] = '\0';
	for (size_t id = 0; id < run->catalog.count; id++) {
		const char *name = syscall_catalog_name(&run->catalog, (int)id);
		const char *cap = risky_capability(name);
		if (cap == NULL || !syscall_set_has(set, (int)id) || syscall_set_has(&added->by_user, (int)id))
			continue;
		count++;
		if (!syscall_set_has(observed, (int)id)) {
			/* What merged profiles bring is told in one line. */
			if (used < sizeof(list))
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s (%s)", merged ? ", " : "", name,
				                         cap[0] ? cap : "never");
			merged++;
			continue;
		}
		if (container != NULL)
			snprintf(where, sizeof(where), "container %s made it", container);
		else if (run->scan.first_process[id][0] != '\0')
			snprintf(where, sizeof(where), "process '%s' made it first at %s:%llu", run->scan.first_process[id],
			         file_name(run, run->scan.first_seen[id].file),
			         (unsigned long long)run->scan.first_seen[id].line);
		else
			snprintf(where, sizeof(where), "first made at %s:%llu", file_name(run, run->scan.first_seen[id].file),
			         (unsigned long long)run->scan.first_seen[id].line);
		if (cap[0] != '\0')
			warn("%s: %s is allowed, which Docker's default allows only with %s; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", level, name, cap, where, name);
		else
			warn("%s: %s is allowed, which Docker's default never allows; %s (--add %s keeps it, "
			     "--deny-risky leaves such syscalls out)", level, name, where, name);
	}
	if (merged > 0)
		warn("%s: the merged profiles allow %zu syscalls that Docker's default allows only with a capability "
		     "(or never): %s; --deny-risky leaves them out, --add keeps one", level, merged, list);
	return count;
}

static void summarize(struct run *run, const struct syscall_set *set, const struct additions *added)
{
	const struct scan *scan = &run->scan;

	if (run->options.quiet)
		return;
	summarize_translations(run);
	size_t observed = translator_count_observed(&run->translator, &scan->syscalls);
	warn("%llu events read, %llu of the named containers, %zu distinct syscalls observed (and %zu 32-bit x86 "
	     "names of them added)",
	     (unsigned long long)scan->events, (unsigned long long)scan->matched, observed,
	     syscall_set_count(&scan->syscalls) - observed);
	const struct runtime_baseline *baseline = runtime_baseline_find(run->options.runtime);
	char runtime[200];
	if (baseline != NULL)
		snprintf(runtime, sizeof(runtime), "%zu from the %s baseline (%s)", added->baseline, baseline->name,
		         baseline->source);
	else
		snprintf(runtime, sizeof(runtime), "no runtime baseline (--runtime none)");
	warn("profile allows %zu syscalls: added %zu always needed (exit, exit_group), %s, "
	     "%zu from merged profiles, %zu by --add; removed %zu by --remove",
	     syscall_set_count(set), added->always, runtime, added->merged, added->added, added->removed);
	if (added->clone_fallback)
		warn("added clone: clone3 answers ENOSYS, and the C library then falls back to clone");
	if (added->risky_denied > 0)
		warn("--deny-risky left out %zu syscalls that Docker's default allows only with a capability or never",
		     added->risky_denied);
	if (scan->bad_lines > 0)
		warn("%llu unusable lines were skipped", (unsigned long long)scan->bad_lines);
	if (scan->other_rules > 0)
		warn("skipped alerts of other rules about the named containers, which carry no syscall: %llu",
		     (unsigned long long)scan->other_rules);
}

/* The scan and its checks, shared by every job. */
static int run_scan(struct run *run, const struct container_filter *filter, bool with_ia32)
{
	const struct options *opts = &run->options;
	enum scan_status status;

	syscall_catalog_init(&run->catalog, &run->arches);
	if (translator_init(&run->translator, &run->catalog, opts->exact, with_ia32) != 0)
		return EXIT_RESOURCES;
	run->scan.files = opts->logs.items;
	run->scan.file_count = opts->logs.count;
	run->scan.filter = filter;
	run->scan.strict = opts->strict;
	run->scan.full_parse = opts->full_parse || opts->strict;
	run->scan.report = report_problem;
	run->scan.progress = opts->progress ? show_progress : NULL;
	run->scan.context = run;
	run->scan.translator = &run->translator;
	clock_gettime(CLOCK_MONOTONIC, &run->started);
	status = scan_run(&run->scan);
	if (run->progress_shown)
		fputs("\r\033[K", stderr);
	switch (status) {
	case SCAN_OK:
		break;
	case SCAN_INPUT_ERROR:
		return EXIT_INPUT;
	case SCAN_NO_MEMORY:
		warn("out of memory");
		return EXIT_RESOURCES;
	case SCAN_TOO_MANY:
		warn("more than %d containers in the log; name the ones you want with -container-id",
		     SCAN_CONTAINERS_MAX);
		return EXIT_RESOURCES;
	}
	bool unknown = report_unknown_names(run) > 0;
	bool drops = report_drops(run);
	if (opts->strict && (unknown || drops))
		return EXIT_INPUT;
	return EXIT_OK;
}

static void describe_wanted(const struct container_filter *filter, char *text, size_t size)
{
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < filter->count && used < size; i++)
		used += (size_t)snprintf(text + used, size - used, "%s%s", i ? ", " : "", filter->wanted[i].id);
}

/* Says which named containers the log never mentions; returns an exit status. */
static int check_matches(struct run *run)
{
	const struct container_filter *filter = &run->options.containers;
	char wanted[1024];

	for (size_t i = 0; i < filter->count; i++)
		if (run->scan.matched_per_wanted[i] == 0 && filter->count > 1)
			warn("warning: no events of container %s", filter->wanted[i].id);
	if (syscall_set_count(&run->scan.syscalls) > 0 || run->options.allow_empty)
		return EXIT_OK;
	describe_wanted(filter, wanted, sizeof(wanted));
	warn("no syscall events of container %s in %zu events read; nothing written "
	     "(--list-containers shows the containers in the log, --allow-empty writes a profile anyway)",
	     wanted, (size_t)run->scan.events);
	return EXIT_NO_EVENTS;
}

/*
 * Tells whether dir can take the profiles of --all-containers: an existing
 * writable directory, or a new one in a writable directory. Says why not.
 */
static bool output_dir_usable(const char *dir)
{
	struct stat info;
	char *copy;
	bool usable;

	if (stat(dir, &info) == 0) {
		if (!S_ISDIR(info.st_mode)) {
			warn("--output-dir %s: not a directory", dir);
			return false;
		}
		if (access(dir, W_OK | X_OK) != 0) {
			warn("--output-dir %s: %s", dir, strerror(errno));
			return false;
		}
		return true;
	}
	copy = strdup(dir);
	usable = copy != NULL && access(dirname(copy), W_OK | X_OK) == 0;
	if (!usable)
		warn("--output-dir %s: cannot be created: %s", dir, strerror(errno));
	free(copy);
	return usable;
}

/* Checks what the command line names before the first byte of a log is read; returns an exit status. */
static int check_command_line(struct run *run)
{
	syscall_catalog_init(&run->catalog, &run->arches);
	for (size_t i = 0; i < run->options.add.count; i++)
		if (user_syscall(run, "--add", run->options.add.items[i]) < 0)
			return EXIT_USAGE;
	for (size_t i = 0; i < run->options.remove.count; i++)
		if (user_syscall(run, "--remove", run->options.remove.items[i]) < 0)
			return EXIT_USAGE;
	if (run->options.output_dir != NULL && !output_dir_usable(run->options.output_dir))
		return EXIT_OUTPUT;
	return EXIT_OK;
}

/* What the jobs that write profiles do first: merged profiles, the command line's names, then the scan. */
static int read_inputs(struct run *run, const struct container_filter *filter)
{
	int status = read_merged_profiles(run);

	if (status == EXIT_OK)
		status = merge_profiles(run);
	if (status == EXIT_OK)
		status = check_command_line(run);
	if (status == EXIT_OK)
		status = run_scan(run, filter, true);
	return status;
}

/*
 * Unites the merged profiles' argument facts with facts and checks that no
 * merged rule is wider than the rules in force; returns an exit status.
 */
static int settle_arg_facts(struct run *run, struct arg_facts *facts)
{
	char message[640];

	arg_facts_unite(facts, &run->merged_facts);
	switch (merge_check_arg_rules(run->merged, run->options.merge.count, facts, &run->options.arg_rules, message,
	                              sizeof(message))) {
	case MERGE_OK:
		return EXIT_OK;
	case MERGE_CONFLICT:
		warn("%s", message);
		return EXIT_USAGE;
	case MERGE_NO_MEMORY:
	default:
		warn("out of memory");
		return EXIT_RESOURCES;
	}
}

static int job_profile(struct run *run)
{
	struct syscall_set set;
	struct additions added;
	struct arg_facts facts;
	struct arg_rule_plan plan;
	int status = read_inputs(run, &run->options.containers);

	if (status == EXIT_OK)
		status = check_matches(run);
	if (status != EXIT_OK)
		return status;
	facts = run->scan.facts;
	set = run->scan.syscalls;
	status = settle_arg_facts(run, &facts);
	if (status == EXIT_OK)
		status = finish_set(run, &set, &added);
	if (status == EXIT_OK && report_risky(run, &set, &run->scan.syscalls, &added, NULL) > 0 && run->options.strict)
		status = EXIT_INPUT;
	if (status == EXIT_OK)
		status = write_profile(run, &set, &facts, run->options.output, &plan);
	if (status == EXIT_OK && !run->options.quiet) {
		summarize(run, &set, &added);
		summarize_arg_rules(run, &set, &run->scan.syscalls, &facts, &plan);
	}
	return status;
}


/*
 * Judges one observed syscall for --check; returns true when the profile
 * does not allow it, after saying why.
 */
static bool check_syscall(struct run *run, const struct profile_input *profile, const struct rule_context *ctx,
                          int id)
{
	const char *name = syscall_catalog_name(&run->catalog, id);
	const char *path = run->options.check;
	const struct location *at = &run->scan.first_seen[id];
	struct judgement judgement, fallback;
	char conditions[512];

	profile_judge(profile, name, ctx, &judgement);
	if (judgement.verdict == VERDICT_ALLOWED)
		return false;
	if (judgement.verdict == VERDICT_CONDITIONAL) {
		int holds = profile_judge_arguments(&judgement, name, &run->scan.facts);
		profile_judge_describe(&judgement, name, conditions, sizeof(conditions));
		if (holds == 0) {
			char origin[256] = "";
			for (size_t i = 0; strcmp(name, "clone") == 0 && i < DOCKER_NAMESPACE_FLAG_COUNT && !origin[0]; i++)
				if (run->scan.facts.namespaces & docker_namespace_flags[i].value) {
					size_t used = (size_t)snprintf(origin, sizeof(origin), " (%s: ", docker_namespace_flags[i].name);
					describe_origin(run, &run->scan.facts.namespace_at[i], origin + used, sizeof(origin) - used - 1);
					strcat(origin, ")");
				}
			warn("%s:%llu: %s is allowed by %s %s, which the arguments in the log do not meet%s",
			     file_name(run, at->file), (unsigned long long)at->line, name, path, conditions, origin);
			return true;
		}
		if (!run->options.quiet)
			warn("%s: allowed by %s %s%s", name, path, conditions,
			     holds < 0 ? " (the log does not show enough of its arguments to tell)" : ", as the log shows");
		return false;
	}
	profile_judge(profile, "clone", ctx, &fallback);
	if (strcmp(name, "clone3") == 0 && judgement.errno_rule && judgement.errno_ret == DOCKER_ENOSYS &&
	    fallback.verdict != VERDICT_DENIED) {
		if (!run->options.quiet)
			warn("clone3: answered with ENOSYS by %s; the C library then falls back to clone, which it allows",
			     path);
		return false;
	}
	if (judgement.needs_cap != NULL)
		warn("%s:%llu: %s is not allowed by %s without %s (--cap-add %s judges for a container that has it)",
		     file_name(run, at->file), (unsigned long long)at->line, name, path, judgement.needs_cap,
		     judgement.needs_cap);
	else
		warn("%s:%llu: %s is not allowed by %s", file_name(run, at->file), (unsigned long long)at->line, name,
		     path);
	return true;
}

static int job_check(struct run *run)
{
	const char *caps[DOCKER_DEFAULT_CAPABILITY_COUNT + OPTIONS_CAPS_MAX];
	struct rule_context ctx;
	struct profile_input profile;
	char message[512];
	size_t denied = 0;
	int status;

	if (profile_read(run->options.check, &profile, message, sizeof(message)) != 0) {
		warn("--check %s", message);
		profile_input_free(&profile);
		return EXIT_INPUT;
	}
	rule_context_for(&run->options, seccomp_arch_native(), caps, &ctx);
	run->arches = run->options.has_arches || profile.arches.count == 0 ? run->options.arches : profile.arches;
	status = run_scan(run, &run->options.containers, false);
	if (status == EXIT_OK)
		status = check_matches(run);
	for (size_t id = 0; status == EXIT_OK && id < run->catalog.count; id++)
		if (syscall_set_has(&run->scan.syscalls, (int)id) && check_syscall(run, &profile, &ctx, (int)id))
			denied++;
	if (status == EXIT_OK && !run->options.quiet)
		warn("%zu of %zu syscalls observed are not allowed by %s", denied,
		     translator_count_observed(&run->translator, &run->scan.syscalls), run->options.check);
	profile_input_free(&profile);
	if (status == EXIT_OK && denied > 0)
		status = EXIT_NOT_ALLOWED;
	return status;
}

static int compare_containers(const void *a, const void *b)
{
	const struct scan_container *x = a, *y = b;

	if (x->events != y->events)
		return x->events > y->events ? -1 : 1;
	return strcmp(x->id, y->id);
}

/*
 * Reads the UTF-8 character at p: its length in bytes (1 for a byte that
 * starts none, shown as '?') and the columns a terminal gives it.
 */
static size_t utf8_char(const unsigned char *p, int *columns)
{
	uint32_t code;
	size_t length = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;

	*columns = 1;
	if (length <= 1)
		return 1;
	code = *p & (0xff >> (length + 1));
	for (size_t i = 1; i < length; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 1;
		code = code << 6 | (p[i] & 0x3f);
	}
	if (code >= 0x300 && code <= 0x36f)
		*columns = 0;
	else if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) ||
	         (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
	         (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
	         (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) ||
	         (code >= 0x20000 && code <= 0x3fffd))
		*columns = 2;
	return length;
}

/*
 * Writes text in a column width terminal cells wide, cut short with '~'
 * when wider, with bytes a terminal would act on, and broken UTF-8, shown
 * as '?'.
 */
static void print_cell(const char *text, int width)
{
	const unsigned char *p = (const unsigned char *)(*text ? text : "-");
	int printed = 0, total = 0;

	for (const unsigned char *q = p; *q != '\0';) {
		int more;
		q += utf8_char(q, &more);
		total += more;
	}
	while (*p != '\0') {
		int columns;
		size_t length = utf8_char(p, &columns);
		if (total > width && printed + columns > width - 1) {
			putchar('~');
			printed++;
			break;
		}
		if (length == 1 && (*p < 0x20 || *p >= 0x7f))
			putchar('?');
		else
			fwrite(p, 1, length, stdout);
		printed += columns;
		p += length;
	}
	for (; printed < width; printed++)
		putchar(' ');
}

static int job_list_containers(struct run *run)
{
	int status;

	run->arches = run->options.arches;
	status = run_scan(run, NULL, true);

	if (status != EXIT_OK)
		return status;
	int id_width = CONTAINER_SHORT_ID;
	for (size_t i = 0; i < run->scan.container_count; i++)
		if ((int)strlen(run->scan.containers[i].id) > id_width)
			id_width = (int)strlen(run->scan.containers[i].id);
	qsort(run->scan.containers, run->scan.container_count, sizeof(run->scan.containers[0]), compare_containers);
	printf("%-*s  %-24s  %-32s  %10s  %8s\n", id_width, "CONTAINER ID", "NAME", "IMAGE", "EVENTS", "SYSCALLS");
	for (size_t i = 0; i < run->scan.container_count; i++) {
		const struct scan_container *c = &run->scan.containers[i];
		print_cell(c->id, id_width);
		fputs("  ", stdout);
		print_cell(c->name, 24);
		fputs("  ", stdout);
		print_cell(c->image, 32);
		printf("  %10llu  %8zu\n", (unsigned long long)c->events,
		       translator_count_observed(&run->translator, &c->syscalls));
	}
	if (run->scan.container_count == 0) {
		warn("no container events in %llu events read", (unsigned long long)run->scan.events);
		return EXIT_NO_EVENTS;
	}
	return EXIT_OK;
}

/*
 * A container name usable as a file name inside --output-dir: letters,
 * digits, '.', '_' and '-', and a letter or digit first, so that it is
 * never hidden, never taken for an option, and never leaves the directory.
 */
static bool safe_file_name(const char *name)
{
	if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z') ||
	      (name[0] >= '0' && name[0] <= '9')) || strlen(name) > 100)
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

static bool name_taken(const struct scan *scan, size_t self, const char *name)
{
	for (size_t i = 0; i < scan->container_count; i++)
		if (i != self && (strcmp(scan->containers[i].name, name) == 0 || strcmp(scan->containers[i].id, name) == 0))
			return true;
	return false;
}

static int job_all_containers(struct run *run)
{
	const char *dir = run->options.output_dir;
	size_t written = 0;
	int status = read_inputs(run, NULL);

	if (status != EXIT_OK)
		return status;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		warn("cannot create %s: %s", dir, strerror(errno));
		return EXIT_OUTPUT;
	}
	qsort(run->scan.containers, run->scan.container_count, sizeof(run->scan.containers[0]), compare_containers);
	for (size_t i = 0; i < run->scan.container_count && status == EXIT_OK; i++) {
		struct scan_container *c = &run->scan.containers[i];
		struct additions added;
		struct arg_rule_plan plan;
		struct syscall_set set = c->syscalls;
		const char *base = safe_file_name(c->name) && !name_taken(&run->scan, i, c->name) ? c->name : c->id;
		if (!safe_file_name(base)) {
			/* Ids from the log are hexadecimal, so this cannot happen; a path outside dir never may. */
			warn("container %s: no safe file name for its profile; not written", c->id);
			continue;
		}
		char path[4096];

		if (syscall_set_count(&c->syscalls) == 0 && !run->options.allow_empty) {
			warn("warning: container %s has no syscall events; no profile written for it", c->id);
			continue;
		}
		if ((size_t)snprintf(path, sizeof(path), "%s/%s.json", dir, base) >= sizeof(path)) {
			warn("%s: path too long", dir);
			return EXIT_OUTPUT;
		}
		status = settle_arg_facts(run, &c->facts);
		if (status == EXIT_OK)
			status = finish_set(run, &set, &added);
		if (status == EXIT_OK && report_risky(run, &set, &c->syscalls, &added, c->id) > 0 && run->options.strict)
			status = EXIT_INPUT;
		if (status == EXIT_OK)
			status = write_profile(run, &set, &c->facts, path, &plan);
		if (status == EXIT_OK && !run->options.quiet)
			warn("%s: container %s, %llu events, %zu syscalls allowed", path, c->id,
			     (unsigned long long)c->events, syscall_set_count(&set));
		written += status == EXIT_OK;
	}
	if (status == EXIT_OK && written == 0) {
		warn("no container syscall events in %llu events read; nothing written",
		     (unsigned long long)run->scan.events);
		return EXIT_NO_EVENTS;
	}
	return status;
}

static void run_free(struct run *run)
{
	for (size_t i = 0; run->merged != NULL && i < run->options.merge.count; i++)
		profile_input_free(&run->merged[i]);
	free(run->merged);
	translator_free(&run->translator);
	scan_free(&run->scan);
	cJSON_Delete(run->kept_rules);
}

int main(int argc, char **argv)
{
	static struct run run;
	char message[512];
	int status;

	switch (options_parse(argc, argv, &run.options, message, sizeof(message))) {
	case OPTIONS_HELP:
		fputs(help_text, stdout);
		status = EXIT_OK;
		goto done;
	case OPTIONS_VERSION:
		printf(PROGRAM " %s (cJSON %s, libseccomp %u.%u.%u)\n", F2S_VERSION, cJSON_Version(),
		       seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro);
		status = EXIT_OK;
		goto done;
	case OPTIONS_USAGE:
		warn("%s", message);
		fputs("Try '" PROGRAM " --help' for more information.\n", stderr);
		return EXIT_USAGE;
	case OPTIONS_OK:
		break;
	}
	if (!run.options.progress_set)
		run.options.progress = !run.options.quiet && isatty(STDERR_FILENO);
	switch (run.options.job) {
	case JOB_PROFILE:
		status = job_profile(&run);
		break;
	case JOB_CHECK:
		status = job_check(&run);
		break;
	case JOB_LIST_CONTAINERS:
		status = job_list_containers(&run);
		break;
	case JOB_ALL_CONTAINERS:
	default:
		status = job_all_containers(&run);
		break;
	}
	run_free(&run);
done:
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (status == EXIT_OK || status == EXIT_NOT_ALLOWED)
			warn("cannot write to standard output: %s", strerror(errno));
		return status == EXIT_OK || status == EXIT_NOT_ALLOWED ? EXIT_OUTPUT : status;
	}
	return status;
}
