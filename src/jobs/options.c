/*
 * options: getopt_long_only, so that both "-log FILE" (the spelling of the
 * original falco2seccomp) and GNU "--log FILE" / "--log=FILE" work.
 */
#include "jobs/options.h"

#include "jobs/workload_selection.h"

#include "policy/runtime_baseline.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum option_code {
	OPT_LOG = 256, OPT_CONTAINER_ID, OPT_DEFAULT_ACTION, OPT_ERRNO_RET, OPT_ARCH, OPT_FORMAT,
	OPT_RUNTIME, OPT_EXACT, OPT_ADD, OPT_REMOVE, OPT_MERGE, OPT_CHECK, OPT_LIST_CONTAINERS,
	OPT_ALL_CONTAINERS, OPT_OUTPUT_DIR, OPT_STRICT, OPT_ALLOW_EMPTY, OPT_VERSION, OPT_FULL_PARSE,
	OPT_PROGRESS, OPT_NO_PROGRESS, OPT_ALLOW_NAMESPACES, OPT_NO_ARG_RULE, OPT_DENY_RISKY, OPT_NO_ENOSYS, OPT_COMPANIONS, OPT_AUDIT, OPT_AUDIT_LOG, OPT_AUDIT_EXE, OPT_AUDIT_COMM, OPT_AUDIT_SINCE, OPT_OCI_LAYOUT, OPT_OCI_ANNOTATION, OPT_FLUSH_EVERY,
	OPT_CAP_ADD, OPT_REPORT, OPT_DIFF, OPT_PROFILE_NAME, OPT_BASE_PROFILE,
	OPT_IMAGE, OPT_NAME, OPT_K8S, OPT_LABEL, OPT_GROUP_BY, OPT_JOBS
};

/* The most threads --jobs may ask for. */

/* The report formats, in the order of enum report_format: help, checks and messages come from here. */
static const char *const report_formats[] = { "text", "json", "markdown", "github" };

static const struct option long_options[] = {
	{ "log", required_argument, NULL, OPT_LOG },
	{ "container-id", required_argument, NULL, OPT_CONTAINER_ID },
	{ "default-action", required_argument, NULL, OPT_DEFAULT_ACTION },
	{ "errno-ret", required_argument, NULL, OPT_ERRNO_RET },
	{ "arch", required_argument, NULL, OPT_ARCH },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "runtime", required_argument, NULL, OPT_RUNTIME },
	{ "exact", no_argument, NULL, OPT_EXACT },
	{ "add", required_argument, NULL, OPT_ADD },
	{ "remove", required_argument, NULL, OPT_REMOVE },
	{ "merge", required_argument, NULL, OPT_MERGE },
	{ "allow-namespaces", no_argument, NULL, OPT_ALLOW_NAMESPACES },
	{ "no-arg-rule", required_argument, NULL, OPT_NO_ARG_RULE },
	{ "deny-risky", no_argument, NULL, OPT_DENY_RISKY },
	{ "no-enosys", no_argument, NULL, OPT_NO_ENOSYS },
	{ "companions", no_argument, NULL, OPT_COMPANIONS },
	{ "audit", no_argument, NULL, OPT_AUDIT },
	{ "audit-log", required_argument, NULL, OPT_AUDIT_LOG },
	{ "audit-exe", required_argument, NULL, OPT_AUDIT_EXE },
	{ "audit-comm", required_argument, NULL, OPT_AUDIT_COMM },
	{ "audit-since", required_argument, NULL, OPT_AUDIT_SINCE },
	{ "cap-add", required_argument, NULL, OPT_CAP_ADD },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "diff", required_argument, NULL, OPT_DIFF },
	{ "profile-name", required_argument, NULL, OPT_PROFILE_NAME },
	{ "base-profile", required_argument, NULL, OPT_BASE_PROFILE },
	{ "image", required_argument, NULL, OPT_IMAGE },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "k8s", required_argument, NULL, OPT_K8S },
	{ "label", required_argument, NULL, OPT_LABEL },
	{ "group-by", required_argument, NULL, OPT_GROUP_BY },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "check", required_argument, NULL, OPT_CHECK },
	{ "list-containers", no_argument, NULL, OPT_LIST_CONTAINERS },
	{ "all-containers", no_argument, NULL, OPT_ALL_CONTAINERS },
	{ "output-dir", required_argument, NULL, OPT_OUTPUT_DIR },
	{ "oci-layout", required_argument, NULL, OPT_OCI_LAYOUT },
	{ "flush-every", required_argument, NULL, OPT_FLUSH_EVERY },
	{ "oci-annotation", required_argument, NULL, OPT_OCI_ANNOTATION },
	{ "output", required_argument, NULL, 'o' },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY },
	{ "quiet", no_argument, NULL, 'q' },
	{ "full-parse", no_argument, NULL, OPT_FULL_PARSE },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

__attribute__((format(printf, 3, 4)))
static enum options_status usage_error(char *message, size_t size, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	vsnprintf(message, size, format, args);
	va_end(args);
	return OPTIONS_USAGE;
}

static bool push(struct name_list *list, const char *item)
{
	if (list->count == OPTIONS_LIST_MAX)
		return false;
	list->items[list->count++] = item;
	return true;
}

static bool parse_errno(const char *text, long *value)
{
	char *end;

	errno = 0;
	*value = strtol(text, &end, 10);
	return errno == 0 && end != text && *end == '\0' && *value >= 0 && *value <= PROFILE_ERRNO_MAX;
}

/* Reads --audit-since's @SECONDS (digits only, as date +%s prints them) into milliseconds. */
static bool parse_epoch(const char *text, uint64_t *ms)
{
	char *end;
	unsigned long long seconds;

	if (text[0] < '0' || text[0] > '9')
		return false;
	errno = 0;
	seconds = strtoull(text, &end, 10);
	if (errno != 0 || *end != '\0' || seconds > UINT64_MAX / 2000)
		return false;
	*ms = seconds * 1000;
	return true;
}

/* Adds --cap-add's capability, spelled CAP_SYS_ADMIN or SYS_ADMIN in any case. */
static enum options_status add_capability(struct options *opts, const char *arg, char *message, size_t size)
{
	const char *name = strncasecmp(arg, "CAP_", 4) == 0 ? arg + 4 : arg;
	char *cap;

	if (*name == '\0' || strlen(name) + 4 >= OPTIONS_CAP_NAME_MAX || strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz_") != strlen(name))
		return usage_error(message, size, "--cap-add: '%s' is not a capability such as CAP_SYS_ADMIN", arg);
	if (opts->cap_add_count == OPTIONS_CAPS_MAX)
		return usage_error(message, size, "too many --cap-add capabilities");
	cap = opts->cap_add[opts->cap_add_count++];
	memcpy(cap, "CAP_", 4);
	for (size_t i = 0; i <= strlen(name); i++)
		cap[4 + i] = (char)toupper((unsigned char)name[i]);
	return OPTIONS_OK;
}

/* Adds a value of --image, --name, --k8s or --label to the workload selection. */
static enum options_status add_workload(int code, const char *arg, struct workload_selection *selection, char *message,
                                        size_t size)
{
	const char **values = code == OPT_IMAGE ? selection->images : code == OPT_NAME ? selection->names
	                      : code == OPT_K8S ? selection->pods : selection->labels;
	size_t *count = code == OPT_IMAGE ? &selection->image_count : code == OPT_NAME ? &selection->name_count
	                : code == OPT_K8S ? &selection->pod_count : &selection->label_count;

	if (*arg == '\0')
		return usage_error(message, size, "an empty --image, --name, --k8s or --label selects nothing");
	if (code == OPT_K8S && (strchr(arg, '/') == NULL || arg[0] == '/'))
		return usage_error(message, size, "--k8s: '%s' is not NAMESPACE/POD (POD may end in *)", arg);
	if (code == OPT_LABEL && (strchr(arg, '=') == NULL || arg[0] == '='))
		return usage_error(message, size, "--label: '%s' is not KEY=VALUE", arg);
	if (*count == WORKLOAD_VALUES_MAX)
		return usage_error(message, size, "too many values for --image, --name, --k8s or --label (the most is %d)",
		                   WORKLOAD_VALUES_MAX);
	values[(*count)++] = arg;
	return OPTIONS_OK;
}

/* Names the option argv[optind - 1] that getopt refused, for the message. */
static const char *refused_option(int argc, char **argv)
{
	return (optind - 1 < argc && optind > 0) ? argv[optind - 1] : "?";
}

static enum options_status parse_one(int code, const char *arg, struct options *opts, char *message, size_t size)
{
	char reason[320];
	const char *bad;
	size_t bad_len;

	switch (code) {
	case OPT_LOG:
		if (!push(&opts->logs, arg))
			return usage_error(message, size, "too many --log files (the most is %d)", OPTIONS_LIST_MAX);
		return OPTIONS_OK;
	case OPT_CONTAINER_ID:
		if (container_filter_add(&opts->containers, arg, reason, sizeof(reason)) != 0)
			return usage_error(message, size, "%s", reason);
		return OPTIONS_OK;
	case OPT_DEFAULT_ACTION:
		if (!profile_action_valid(arg))
			return usage_error(message, size, "--default-action: '%s' is not a seccomp action; valid actions: %s",
			                   arg, profile_default_action_list());
		if (!profile_default_action_valid(arg))
			return usage_error(message, size,
			                   "--default-action: %s needs a listener and runtimes refuse it as the "
			                   "default action",
			                   arg);
		opts->default_action = arg;
		return OPTIONS_OK;
	case OPT_ERRNO_RET:
		if (!parse_errno(arg, &opts->errno_ret))
			return usage_error(message, size, "--errno-ret: '%s' is not an errno number (0 to %d)", arg, PROFILE_ERRNO_MAX);
		opts->has_errno_ret = true;
		return OPTIONS_OK;
	case OPT_ARCH:
		if (strcmp(arg, "all-supported") == 0) {
			struct arch_map map;
			arch_map_docker_default(&map, &opts->arches);
			opts->has_arches = opts->all_arches = true;
			return OPTIONS_OK;
		}
		opts->all_arches = false;
		if (!arch_list_parse(arg, &opts->arches, &bad, &bad_len)) {
			char names[512];
			arch_name_list(names, sizeof(names));
			snprintf(message, size,
			         "--arch: '%.*s' is not an architecture; use %s (or SCMP_ARCH_X86_64, ...), native or "
			         "all-supported", (int)(bad_len > 40 ? 40 : bad_len), bad, names);
			return OPTIONS_USAGE;
		}
		/* One order whatever the command line's: the profile is the same for x86_64,aarch64 and aarch64,x86_64. */
		arch_list_sort(&opts->arches);
		opts->has_arches = true;
		return OPTIONS_OK;
	case OPT_FORMAT:
		if (profile_format_from_name(arg) < 0)
			return usage_error(message, size, "--format: '%s' is not %s", arg, profile_format_list());
		opts->format = (enum profile_format)profile_format_from_name(arg);
		opts->format_given = true;
		return OPTIONS_OK;
	case OPT_RUNTIME:
		if (strcmp(arg, "none") != 0 && runtime_baseline_find(arg) == NULL)
			return usage_error(message, size, "--runtime: '%s' is not %s or none", arg, runtime_baseline_list());
		opts->runtime = arg;
		return OPTIONS_OK;
	case OPT_ADD:
	case OPT_REMOVE:
		if (!syscall_names_well_formed(arg, strlen(arg)))
			return usage_error(message, size, "'%s' is not spelled like a syscall name", arg);
		if (!push(code == OPT_ADD ? &opts->add : &opts->remove, arg))
			return usage_error(message, size, "too many --add or --remove names");
		return OPTIONS_OK;
	case OPT_MERGE:
		if (!push(&opts->merge, arg))
			return usage_error(message, size, "too many --merge profiles");
		return OPTIONS_OK;
	case OPT_AUDIT_LOG:
		if (!push(&opts->audit_logs, arg))
			return usage_error(message, size, "too many --audit-log files");
		return OPTIONS_OK;
	case OPT_AUDIT_SINCE:
		if (arg[0] == '\0' || (arg[0] == '@' && !parse_epoch(arg + 1, &opts->audit_since_ms)))
			return usage_error(message, size, "--audit-since: '%s' is neither @SECONDS (since the epoch, as "
			                   "date +%%s prints) nor a marker text", arg);
		opts->audit_since = arg;
		return OPTIONS_OK;
	case OPT_AUDIT_EXE:
	case OPT_AUDIT_COMM:
		if (!push(code == OPT_AUDIT_EXE ? &opts->audit_exes : &opts->audit_comms, arg))
			return usage_error(message, size, "too many %s values", code == OPT_AUDIT_EXE ? "--audit-exe" : "--audit-comm");
		return OPTIONS_OK;
	case OPT_NO_ARG_RULE: {
		int rule = arg_rule_from_name(arg);
		if (rule < 0)
			return usage_error(message, size, "--no-arg-rule: '%s' has no argument rule; the rules are "
			                   "for %s", arg, arg_rule_list());
		opts->arg_rules.lifted[rule] = true;
		return OPTIONS_OK;
	}
	case OPT_CAP_ADD:
		return add_capability(opts, arg, message, size);
	case OPT_IMAGE:
	case OPT_NAME:
	case OPT_K8S:
	case OPT_LABEL:
		return add_workload(code, arg, &opts->workload, message, size);
	case OPT_GROUP_BY:
		if (!workload_group_parse(arg, &opts->group_by, &opts->group_label))
			return usage_error(message, size, "--group-by: '%s' is not %s", arg, workload_group_list());
		return OPTIONS_OK;
	case OPT_JOBS: {
		char *end;
		errno = 0;
		long jobs = strtol(arg, &end, 10);
		if (errno != 0 || end == arg || *end != '\0' || jobs < 1 || jobs > JOBS_MAX)
			return usage_error(message, size, "--jobs: '%s' is not a number of threads from 1 to %d", arg, JOBS_MAX);
		opts->jobs = (unsigned)jobs;
		return OPTIONS_OK;
	}
	case OPT_PROFILE_NAME:
		opts->profile_name = arg;
		return OPTIONS_OK;
	case OPT_BASE_PROFILE:
		if (*arg == '\0')
			return usage_error(message, size, "--base-profile needs the name of a base profile, such as runc-v1.4.2");
		opts->base_profile = arg;
		return OPTIONS_OK;
	case OPT_REPORT:
		for (size_t i = 0; i < sizeof(report_formats) / sizeof(report_formats[0]); i++)
			if (strcmp(arg, report_formats[i]) == 0) {
				opts->report = (enum report_format)i;
				return OPTIONS_OK;
			}
		return usage_error(message, size, "--report: '%s' is not a report format; valid formats: %s, %s, %s, %s",
		                   arg, report_formats[0], report_formats[1], report_formats[2], report_formats[3]);
	case OPT_DIFF:
		opts->diff_old = arg;
		opts->job = JOB_DIFF;
		opts->jobs_given |= 1u << JOB_DIFF;
		return OPTIONS_OK;
	case OPT_CHECK:
		opts->check = arg;
		opts->job = JOB_CHECK;
		opts->jobs_given |= 1u << JOB_CHECK;
		return OPTIONS_OK;
	case OPT_OUTPUT_DIR:
		opts->output_dir = arg;
		return OPTIONS_OK;
	case OPT_OCI_LAYOUT:
		opts->oci_layout = arg;
		return OPTIONS_OK;
	case OPT_FLUSH_EVERY: {
		char *end;
		errno = 0;
		long seconds = strtol(arg, &end, 10);
		if (errno != 0 || end == arg || *end != '\0' || seconds < 1 || seconds > FLUSH_EVERY_MAX)
			return usage_error(message, size, "--flush-every: '%s' is not a number of seconds from 1 to %d", arg,
			                   FLUSH_EVERY_MAX);
		opts->flush_every = (unsigned)seconds;
		return OPTIONS_OK;
	}
	case OPT_OCI_ANNOTATION: {
		const char *equals = strchr(arg, '=');
		/* The image spec's rule for keys: reverse-DNS, no '=' in them; a value may be empty. */
		if (equals == NULL || equals == arg || strspn(arg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                                                 "0123456789.-_/") != (size_t)(equals - arg))
			return usage_error(message, size, "--oci-annotation: '%s' is not KEY=VALUE with a key of letters, "
			                   "digits, '.', '-', '_' and '/'", arg);
		if (!push(&opts->oci_annotations, arg))
			return usage_error(message, size, "too many --oci-annotation values");
		return OPTIONS_OK;
	}
	case 'o':
		opts->output = arg;
		return OPTIONS_OK;
	}
	return usage_error(message, size, "unexpected option");
}

static void set_flag(int code, struct options *opts)
{
	switch (code) {
	case OPT_EXACT: opts->exact = true; break;
	case OPT_STRICT: opts->strict = true; break;
	case OPT_ALLOW_EMPTY: opts->allow_empty = true; break;
	case OPT_FULL_PARSE: opts->full_parse = true; break;
	case OPT_ALLOW_NAMESPACES: opts->arg_rules.allow_namespaces = true; break;
	case OPT_DENY_RISKY: opts->deny_risky = true; break;
	case OPT_NO_ENOSYS: opts->no_enosys = true; break;
	case OPT_COMPANIONS: opts->companions = true; break;
	case OPT_AUDIT: opts->audit = true; break;
	case OPT_LIST_CONTAINERS: opts->job = JOB_LIST_CONTAINERS; opts->jobs_given |= 1u << JOB_LIST_CONTAINERS; break;
	case OPT_ALL_CONTAINERS: opts->job = JOB_ALL_CONTAINERS; opts->jobs_given |= 1u << JOB_ALL_CONTAINERS; break;
	case OPT_PROGRESS: opts->progress = opts->progress_set = true; break;
	case OPT_NO_PROGRESS: opts->progress = false, opts->progress_set = true; break;
	case 'q': opts->quiet = true; break;
	}
}

/* --diff OLD NEW takes its NEW as the one operand, and reads no log. */
static enum options_status check_diff(struct options *opts, char *message, size_t size)
{
	if (opts->logs.count != 1 || opts->containers.count > 0 || opts->merge.count > 0 || opts->output != NULL)
		return usage_error(message, size, "--diff OLD NEW compares two profiles: give NEW after it, and no log, "
		                   "container, --merge or -o");
	opts->diff_new = opts->logs.items[0];
	return OPTIONS_OK;
}

/* Checks that the options given make one coherent job. */
static enum options_status check_job(struct options *opts, char *message, size_t size)
{
	bool selecting = opts->containers.count > 0 || workload_selecting(&opts->workload);

	if (__builtin_popcount(opts->jobs_given) > 1)
		return usage_error(message, size, "--check, --diff, --list-containers and --all-containers are "
		                   "separate jobs: give one");
	if (opts->job == JOB_DIFF)
		return check_diff(opts, message, size);
	if (opts->report != REPORT_TEXT && opts->job == JOB_ALL_CONTAINERS)
		return usage_error(message, size, "--all-containers tells its results as text: --report %s goes with "
		                   "the profile job, --check, --diff and --list-containers",
		                   report_formats[opts->report]);
	if (opts->report != REPORT_TEXT && opts->job == JOB_PROFILE && (opts->output == NULL ||
	                                                             strcmp(opts->output, "-") == 0))
		return usage_error(message, size, "--report %s writes to standard output: give the profile a file with -o",
		                   report_formats[opts->report]);
	for (size_t i = 0; i < opts->audit_logs.count; i++)
		for (size_t j = 0; j < opts->logs.count; j++)
			if (strcmp(opts->audit_logs.items[i], "-") == 0 && strcmp(opts->logs.items[j], "-") == 0)
				return usage_error(message, size, "standard input can be read once: give the Falco log or "
				                   "the audit log as a file");
	if ((opts->audit_exes.count > 0 || opts->audit_comms.count > 0 || opts->audit_since != NULL) &&
	    opts->audit_logs.count == 0)
		return usage_error(message, size, "--audit-exe, --audit-comm and --audit-since narrow the records of "
		                   "--audit-log");
	/* --merge alone: the union of the merged profiles, with the audit log, --add and --remove. */
	opts->merge_only = opts->job == JOB_PROFILE && !selecting && opts->merge.count > 0 && opts->logs.count == 0;
	/* The production gate without Falco: the kernel's records judged alone. */
	opts->audit_only = opts->job == JOB_CHECK && !selecting && opts->audit_logs.count > 0 && opts->logs.count == 0;
	if ((opts->job == JOB_PROFILE || opts->job == JOB_CHECK) && !selecting && !opts->merge_only && !opts->audit_only)
		return usage_error(message, size, "no container named: give -container-id ID, or select a workload with "
		                   "--image, --name, --k8s or --label (--list-containers shows what the log has)%s",
		                   opts->job == JOB_CHECK ? "; --check PROFILE --audit-log FILE alone judges the kernel's "
		                                            "records" : "");
	if ((opts->job == JOB_LIST_CONTAINERS || opts->job == JOB_ALL_CONTAINERS) && selecting)
		return usage_error(message, size, "--container-id does not go with --list-containers "
		                   "or --all-containers");
	if ((opts->job == JOB_CHECK || opts->job == JOB_LIST_CONTAINERS) && opts->merge.count > 0)
		return usage_error(message, size, "--merge builds profiles: it does not go with --check or "
		                   "--list-containers");
	if (opts->containers.count > 0 && workload_selecting(&opts->workload))
		return usage_error(message, size, "-container-id and --image, --name, --k8s or --label are two ways to "
		                   "select: give one");
	if (workload_selecting(&opts->workload) && opts->job != JOB_PROFILE && opts->job != JOB_CHECK)
		return usage_error(message, size, "--image, --name, --k8s and --label select the containers of one profile "
		                   "or one check; --all-containers and --list-containers take --group-by");
	if (workload_selecting(&opts->workload) && opts->report != REPORT_TEXT)
		return usage_error(message, size, "--report %s goes with -container-id; a workload's profile reports as text",
		                   report_formats[opts->report]);
	if (opts->group_by != GROUP_NONE && opts->job != JOB_ALL_CONTAINERS && opts->job != JOB_LIST_CONTAINERS)
		return usage_error(message, size, "--group-by goes with --all-containers or --list-containers");
	if ((opts->add.count > 0 || opts->remove.count > 0) &&
	    (opts->job == JOB_CHECK || opts->job == JOB_LIST_CONTAINERS))
		return usage_error(message, size, "--add and --remove change the profile being written: they do not go "
		                   "with --check or --list-containers");
	if (opts->cap_add_count > 0 && opts->job != JOB_CHECK)
		return usage_error(message, size, "--cap-add says which capabilities --check judges a profile for; "
		                   "it goes with --check");
	if (opts->oci_layout != NULL && ((opts->job != JOB_PROFILE && opts->job != JOB_ALL_CONTAINERS) ||
	                                 opts->output != NULL || opts->output_dir != NULL || opts->flush_every > 0))
		return usage_error(message, size, "--oci-layout DIR writes the profile as an OCI artifact instead of a "
		                   "file, or with --all-containers one layout per profile under DIR: it goes with neither -o, "
		                   "--output-dir, --flush-every nor another job");
	/* --all-containers --oci-layout DIR: DIR holds a layout per profile, as --output-dir holds a file. */
	if (opts->oci_layout != NULL && opts->job == JOB_ALL_CONTAINERS)
		opts->output_dir = opts->oci_layout;
	if (opts->oci_layout != NULL && opts->format_given && opts->format != PROFILE_FORMAT_OCI)
		return usage_error(message, size, "--oci-layout holds the profile as OCI runtime-spec JSON, as runtimes "
		                   "pull it (KEP-6061): give --format oci, or leave --format out");
	if (opts->oci_layout != NULL)
		opts->format = PROFILE_FORMAT_OCI;
	if (opts->oci_annotations.count > 0 && opts->oci_layout == NULL)
		return usage_error(message, size, "--oci-annotation annotates the manifest of --oci-layout");
	if (opts->flush_every > 0 && (opts->job != JOB_ALL_CONTAINERS || opts->logs.count > 1 ||
	                               (opts->logs.count == 1 && strcmp(opts->logs.items[0], "-") != 0)))
		return usage_error(message, size, "--flush-every reads an endless standard input (Falco's program_output) "
		                   "and writes --all-containers --output-dir's profiles as it goes: it takes no log file");
	if (opts->flush_every > 0 && (opts->strict || opts->merge.count > 0 || opts->audit_logs.count > 0))
		return usage_error(message, size, "--flush-every never stops on a broken line and writes what each "
		                   "workload made: it does not go with --strict, --merge or --audit-log");
	if (opts->job == JOB_ALL_CONTAINERS && opts->output_dir == NULL)
		return usage_error(message, size, "--all-containers needs --output-dir DIR (or --oci-layout DIR)");
	if (opts->job != JOB_ALL_CONTAINERS && opts->output_dir != NULL)
		return usage_error(message, size, "--output-dir goes with --all-containers");
	if (opts->job == JOB_ALL_CONTAINERS && opts->output != NULL)
		return usage_error(message, size, "--all-containers writes into --output-dir, not -o");
	if ((opts->job == JOB_CHECK || opts->job == JOB_LIST_CONTAINERS) && opts->output != NULL)
		return usage_error(message, size, "--check and --list-containers write no profile: "
		                   "-o does not apply");
	if (opts->has_errno_ret && opts->default_action != NULL && !profile_action_takes_errno(opts->default_action))
		return usage_error(message, size, "--errno-ret goes with SCMP_ACT_ERRNO or SCMP_ACT_TRACE, "
		                   "not %s", opts->default_action);
	if (opts->audit && opts->default_action != NULL)
		return usage_error(message, size, "--audit sets the default action to SCMP_ACT_LOG; drop --default-action");
	if (opts->audit && (opts->job == JOB_CHECK || opts->job == JOB_DIFF || opts->job == JOB_LIST_CONTAINERS))
		return usage_error(message, size, "--audit writes a profile: it does not go with --check, --diff or "
		                   "--list-containers");
	if (opts->audit)
		opts->default_action = "SCMP_ACT_LOG";
	if ((opts->profile_name != NULL || opts->base_profile != NULL) && !profile_format_row(opts->format)->wrapped)
		return usage_error(message, size, "--profile-name and --base-profile name parts of a SeccompProfile: "
		                   "they go with --format spo");
	if (opts->base_profile != NULL)
		opts->runtime = "none"; /* the base profile brings what the runtime needs */
	if (opts->logs.count == 0 && !opts->merge_only && !opts->audit_only)
		push(&opts->logs, "-");
	return OPTIONS_OK;
}

enum options_status options_parse(int argc, char **argv, struct options *opts, char *message, size_t size)
{
	int code;

	memset(opts, 0, sizeof(*opts));
	arch_list_default(&opts->arches);
	opts->runtime = NULL; /* from the log, runc where it shows none */
	opts->format = PROFILE_FORMAT_DOCKER;
	message[0] = '\0';
	optind = 0;
	opterr = 0;
	while ((code = getopt_long_only(argc, argv, ":ho:q", long_options, NULL)) != -1) {
		enum options_status status;
		switch (code) {
		case 'h':
			return OPTIONS_HELP;
		case OPT_VERSION:
			return OPTIONS_VERSION;
		case ':':
			return usage_error(message, size, "%s needs a value", refused_option(argc, argv));
		case '?':
			return usage_error(message, size, "unknown or ambiguous option '%s'", refused_option(argc, argv));
		case OPT_EXACT: case OPT_STRICT: case OPT_ALLOW_EMPTY: case OPT_FULL_PARSE:
		case OPT_LIST_CONTAINERS: case OPT_ALL_CONTAINERS: case OPT_PROGRESS: case OPT_NO_PROGRESS:
		case OPT_ALLOW_NAMESPACES: case OPT_DENY_RISKY: case OPT_NO_ENOSYS: case OPT_COMPANIONS: case OPT_AUDIT: case 'q':
			set_flag(code, opts);
			break;
		default:
			status = parse_one(code, optarg, opts, message, size);
			if (status != OPTIONS_OK)
				return status;
		}
	}
	for (; optind < argc; optind++) {
		/* Operands are log files, as with cat(1). */
		if (!push(&opts->logs, argv[optind]))
			return usage_error(message, size, "too many log files");
	}
	return check_job(opts, message, size);
}
