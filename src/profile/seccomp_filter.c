/*
 * seccomp_filter: a profile's filter built through libseccomp as runc
 * builds it, exported with seccomp_export_bpf and run by bpf_run.
 */
#include "profile/seccomp_filter.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* The kernel's actions (include/uapi/linux/seccomp.h), as the program returns them. */
#define RET_ACTION_FULL 0xffff0000u
#define RET_DATA 0x0000ffffu
#define RET_KILL_PROCESS 0x80000000u
#define RET_KILL_THREAD 0x00000000u
#define RET_TRAP 0x00030000u
#define RET_ERRNO 0x00050000u
#define RET_USER_NOTIF 0x7fc00000u
#define RET_TRACE 0x7ff00000u
#define RET_LOG 0x7ffc0000u
#define RET_ALLOW 0x7fff0000u

/* libseccomp's API level of a kernel with every action runc may use (seccomp_api_get(3): 5 has NOTIFY). */
#define SECCOMP_API_LEVEL 5u

/* The bit of an AUDIT_ARCH_* value that says little-endian (include/uapi/linux/audit.h). */
#define AUDIT_ARCH_LITTLE_ENDIAN 0x40000000u

__attribute__((format(printf, 3, 4)))
static int fail(char *message, size_t size, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vsnprintf(message, size, format, args);
	va_end(args);
	return -1;
}

/* The libseccomp action of a profile's action name and errno (runc's getAction); false when there is none. */
static bool action_of(const char *name, const cJSON *errno_ret, uint32_t *out)
{
	uint16_t code = EPERM;

	if (cJSON_IsNumber(errno_ret)) {
		/* libseccomp keeps 16 bits of an errno; the reader allows up to PROFILE_ERRNO_MAX. */
		if (!(errno_ret->valuedouble >= 0 && errno_ret->valuedouble <= UINT16_MAX))
			return false;
		code = (uint16_t)errno_ret->valuedouble;
	}
	if (strcmp(name, "SCMP_ACT_KILL") == 0 || strcmp(name, "SCMP_ACT_KILL_THREAD") == 0)
		*out = SCMP_ACT_KILL_THREAD;
	else if (strcmp(name, "SCMP_ACT_KILL_PROCESS") == 0)
		*out = SCMP_ACT_KILL_PROCESS;
	else if (strcmp(name, "SCMP_ACT_TRAP") == 0)
		*out = SCMP_ACT_TRAP;
	else if (strcmp(name, "SCMP_ACT_ERRNO") == 0)
		*out = SCMP_ACT_ERRNO(code);
	else if (strcmp(name, "SCMP_ACT_TRACE") == 0)
		*out = SCMP_ACT_TRACE(code);
	else if (strcmp(name, "SCMP_ACT_ALLOW") == 0)
		*out = SCMP_ACT_ALLOW;
	else if (strcmp(name, "SCMP_ACT_LOG") == 0)
		*out = SCMP_ACT_LOG;
	else if (strcmp(name, "SCMP_ACT_NOTIFY") == 0)
		*out = SCMP_ACT_NOTIFY;
	else
		return false;
	return true;
}

/* Tells whether item is a number a condition can compare with: a whole one from 0 to 2^64 - 1. */
static bool datum(const cJSON *item)
{
	return cJSON_IsNumber(item) && profile_datum_fits(item->valuedouble) && item->valuedouble == floor(item->valuedouble);
}

static bool comparison_of(const char *op, enum scmp_compare *out)
{
	static const struct {
		const char *name;
		enum scmp_compare op;
	} ops[] = {
		{ "SCMP_CMP_NE", SCMP_CMP_NE }, { "SCMP_CMP_LT", SCMP_CMP_LT }, { "SCMP_CMP_LE", SCMP_CMP_LE },
		{ "SCMP_CMP_EQ", SCMP_CMP_EQ }, { "SCMP_CMP_GE", SCMP_CMP_GE }, { "SCMP_CMP_GT", SCMP_CMP_GT },
		{ "SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ },
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(op, ops[i].name) == 0) {
			*out = ops[i].op;
			return true;
		}
	return false;
}

/* The architectures moby hands runc for host: its archMap entry, else the profile's list. */
static int arches_for(const cJSON *document, uint32_t host, struct arch_list *out, char *message, size_t size)
{
	const cJSON *map = cJSON_GetObjectItemCaseSensitive(document, "archMap");
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(document, "architectures");

	out->count = 0;
	arch_list_add(out, host);
	for (const cJSON *entry = cJSON_IsArray(map) ? map->child : NULL; entry; entry = entry->next) {
		const cJSON *arch = cJSON_GetObjectItemCaseSensitive(entry, "architecture");
		if (!cJSON_IsString(arch) || arch_from_name(arch->valuestring, strlen(arch->valuestring)) != host)
			continue;
		list = cJSON_GetObjectItemCaseSensitive(entry, "subArchitectures");
		break;
	}
	if (cJSON_IsArray(map) && map->child != NULL && list == cJSON_GetObjectItemCaseSensitive(document, "architectures"))
		list = NULL; /* no entry for this host: runc gets no architecture but its own */
	for (const cJSON *item = cJSON_IsArray(list) ? list->child : NULL; item; item = item->next) {
		uint32_t token = cJSON_IsString(item) ? arch_from_name(item->valuestring, strlen(item->valuestring)) : 0;
		if (token == 0)
			continue; /* one this libseccomp lacks: the reader said so */
		if (!arch_list_add(out, token))
			return fail(message, size, "too many architectures");
	}
	return 0;
}

/* Adds one rule's conditions for nr, as runc's matchCall does. */
static int add_conditions(scmp_filter_ctx filter, uint32_t action, int nr, const cJSON *args, int index,
                          const char *name, char *message, size_t size)
{
	struct scmp_arg_cmp conditions[6];
	unsigned count = 0, seen[6] = { 0 };
	bool split = false;
	int rc = 0;

	for (const cJSON *arg = args->child; arg; arg = arg->next) {
		const cJSON *item_index = cJSON_GetObjectItemCaseSensitive(arg, "index");
		const cJSON *item_op = cJSON_GetObjectItemCaseSensitive(arg, "op");
		const cJSON *item_value = cJSON_GetObjectItemCaseSensitive(arg, "value");
		const cJSON *item_two = cJSON_GetObjectItemCaseSensitive(arg, "valueTwo");
		enum scmp_compare op;
		if (count == 6)
			return fail(message, size, "syscalls[%d] (%s): more than 6 conditions, which runc cannot add", index,
			            name);
		if (!cJSON_IsNumber(item_index) || item_index->valuedouble < 0 || item_index->valuedouble > 5 ||
		    !cJSON_IsString(item_op) || !comparison_of(item_op->valuestring, &op) || !datum(item_value) ||
		    (cJSON_IsNumber(item_two) && !datum(item_two)))
			return fail(message, size, "syscalls[%d] (%s): a condition runc cannot read", index, name);
		unsigned at = (unsigned)item_index->valuedouble;
		split = split || seen[at]++ > 0;
		conditions[count++] = (struct scmp_arg_cmp){ at, op, (scmp_datum_t)item_value->valuedouble,
			                                     cJSON_IsNumber(item_two) ? (scmp_datum_t)item_two->valuedouble : 0 };
	}
	if (split) {
		for (unsigned i = 0; i < count && rc == 0; i++)
			rc = seccomp_rule_add_array(filter, action, nr, 1, &conditions[i]);
	} else {
		rc = seccomp_rule_add_array(filter, action, nr, count, count ? conditions : NULL);
	}
	if (rc < 0)
		return fail(message, size, "syscalls[%d] (%s): libseccomp refuses the rule (%s), so runc refuses the profile",
		            index, name, strerror(-rc));
	return 0;
}

/* Tells whether k is a return value libseccomp makes: an action, with data only for ERRNO and TRACE. */
static bool is_action(uint32_t k)
{
	uint32_t kind = k & RET_ACTION_FULL, data = k & RET_DATA;

	if (kind == RET_ERRNO || kind == RET_TRACE)
		return true;
	return data == 0 && (kind == RET_KILL_PROCESS || kind == RET_KILL_THREAD || kind == RET_TRAP ||
	                     kind == RET_USER_NOTIF || kind == RET_LOG || kind == RET_ALLOW);
}

/* Reads the exported program of filter into out. */
static int export_program(scmp_filter_ctx filter, struct seccomp_filter *out, char *message, size_t size)
{
	int fd = memfd_create("falco2seccomp-bpf", MFD_CLOEXEC);
	int rc;
	off_t length;

	if (fd < 0)
		return fail(message, size, "cannot export the filter: %s", strerror(errno));
	rc = seccomp_export_bpf(filter, fd);
	length = lseek(fd, 0, SEEK_END);
	if (rc < 0 || length < 0 || length % (off_t)sizeof(struct sock_filter) != 0) {
		close(fd);
		return fail(message, size, "cannot export the filter: %s", strerror(rc < 0 ? -rc : EINVAL));
	}
	out->length = (size_t)length / sizeof(struct sock_filter);
	out->program = malloc(out->length ? (size_t)length : 1);
	if (out->program == NULL || pread(fd, out->program, (size_t)length, 0) != length) {
		close(fd);
		return fail(message, size, "cannot export the filter: %s", out->program ? "short read" : "out of memory");
	}
	close(fd);
	/*
	 * libseccomp writes a filter in its architecture's byte order (gen_bpf.c,
	 * _htot32). But the return it inserts where a jump is too long for a
	 * return block (_gen_bpf_build_jmp_ret, v2.5.4) converts an action
	 * already converted, so on a machine of the other byte order its value
	 * ends in this machine's order: such a return is told by its value,
	 * which is an action only one way round.
	 */
	bool filter_big = (out->host & AUDIT_ARCH_LITTLE_ENDIAN) == 0;
	bool machine_big = (seccomp_arch_native() & AUDIT_ARCH_LITTLE_ENDIAN) == 0;
	for (size_t i = 0; filter_big != machine_big && i < out->length; i++) {
		struct sock_filter *in = &out->program[i];
		in->code = (uint16_t)(in->code >> 8 | in->code << 8);
		if (in->code != (BPF_RET | BPF_K) || !is_action(in->k) || is_action(__builtin_bswap32(in->k)))
			in->k = __builtin_bswap32(in->k);
	}
	return 0;
}

int seccomp_filter_build(const cJSON *document, uint32_t host, const struct rule_context *ctx,
                         struct seccomp_filter *out, char *message, size_t size)
{
	const cJSON *default_action = cJSON_GetObjectItemCaseSensitive(document, "defaultAction");
	const cJSON *syscalls = cJSON_GetObjectItemCaseSensitive(document, "syscalls");
	struct rule_context here = *ctx;
	uint32_t fallback;
	scmp_filter_ctx filter = NULL;
	int index = 0, status = -1, rc;

	memset(out, 0, sizeof(*out));
	out->host = host;
	here.arch = arch_moby_name(host);
	if (here.arch == NULL)
		here.arch = "";
	if (!cJSON_IsString(default_action) ||
	    !action_of(default_action->valuestring, cJSON_GetObjectItemCaseSensitive(document, "defaultErrnoRet"),
	               &fallback))
		return fail(message, size, "defaultAction: not an action runc knows");
	if (arches_for(document, host, &out->arches, message, size) != 0)
		return -1;
	/*
	 * As on a current kernel, whatever this machine's: libseccomp would
	 * otherwise ask the running kernel which actions it has (KILL_PROCESS,
	 * LOG, NOTIFY) and refuse them where a sandbox hides seccomp(2). Setting
	 * the level never calls the kernel (seccomp_api_get would).
	 */
	seccomp_api_set(SECCOMP_API_LEVEL);
	filter = seccomp_init(fallback);
	if (filter == NULL)
		return fail(message, size, "libseccomp refuses the default action %s", default_action->valuestring);
	/* The host's own architecture first, alone, so that one of another byte order is never mixed in. */
	if (host != seccomp_arch_native() && ((rc = seccomp_arch_remove(filter, SCMP_ARCH_NATIVE)) < 0 ||
	                                      (rc = seccomp_arch_add(filter, host)) < 0)) {
		fail(message, size, "architecture %s: libseccomp refuses it (%s)", arch_short_name(host), strerror(-rc));
		goto done;
	}
	for (size_t a = 1; a < out->arches.count; a++) {
		rc = seccomp_arch_add(filter, out->arches.tokens[a]);
		if (rc < 0 && rc != -EEXIST) {
			fail(message, size, "architecture %s beside %s: libseccomp refuses it (%s), so runc refuses the profile",
			     arch_short_name(out->arches.tokens[a]), arch_short_name(host), strerror(-rc));
			goto done;
		}
	}
	if ((rc = seccomp_attr_set(filter, SCMP_FLTATR_CTL_NNP, 0)) < 0) {
		fail(message, size, "libseccomp: %s", strerror(-rc));
		goto done;
	}
	for (const cJSON *rule = cJSON_IsArray(syscalls) ? syscalls->child : NULL; rule; rule = rule->next, index++) {
		const cJSON *action_item = cJSON_GetObjectItemCaseSensitive(rule, "action");
		const cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(rule, "name");
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
		const char *missing;
		uint32_t action;
		if (!profile_rule_applies(rule, &here, &missing))
			continue;
		if (!cJSON_IsString(action_item) ||
		    !action_of(action_item->valuestring, cJSON_GetObjectItemCaseSensitive(rule, "errnoRet"), &action)) {
			fail(message, size, "syscalls[%d]: not an action runc knows", index);
			goto done;
		}
		if (action == fallback)
			continue; /* runc skips a rule that does what the default does */
		for (const cJSON *item = cJSON_IsArray(names) ? names->child : name; item;
		     item = cJSON_IsArray(names) ? item->next : NULL) {
			if (!cJSON_IsString(item))
				continue;
			int nr = seccomp_syscall_resolve_name(item->valuestring);
			if (nr == __NR_SCMP_ERROR)
				continue; /* runc passes over a name libseccomp does not know */
			if (!cJSON_IsArray(args) || args->child == NULL) {
				rc = seccomp_rule_add_array(filter, action, nr, 0, NULL);
				if (rc < 0) {
					fail(message, size, "syscalls[%d] (%s): libseccomp refuses the rule (%s), so runc refuses "
					     "the profile", index, item->valuestring, strerror(-rc));
					goto done;
				}
			} else if (add_conditions(filter, action, nr, args, index, item->valuestring, message, size) != 0) {
				goto done;
			}
		}
	}
	status = export_program(filter, out, message, size);
done:
	seccomp_release(filter);
	if (status != 0)
		seccomp_filter_free(out);
	return status;
}

bool seccomp_filter_runs_on(uint32_t host, uint32_t arch)
{
	return arch == host || arch_host(arch) == host;
}

size_t seccomp_filter_hosts(const struct arch_list *arches, uint32_t *hosts, size_t room)
{
	size_t count = 0;

	/* A compat ABI is a host of its own only without its 64-bit host among the architectures. */
	for (size_t i = 0; i < arches->count && count < room; i++) {
		uint32_t token = arches->tokens[i];
		if (arch_host(token) == token || !arch_list_has(arches, arch_host(token)))
			hosts[count++] = token;
	}
	return count;
}

int seccomp_filter_answer_nr(const struct seccomp_filter *f, uint32_t arch, int nr, const uint64_t args[6],
                             uint32_t *action)
{
	struct bpf_call call;

	memset(&call, 0, sizeof(call));
	call.nr = nr;
	/* x32 calls reach the filter as x86_64's, told apart by the number's X32 bit. */
	call.arch = arch == SCMP_ARCH_X32 ? SCMP_ARCH_X86_64 : arch;
	call.big_endian = (arch & AUDIT_ARCH_LITTLE_ENDIAN) == 0;
	memcpy(call.args, args, sizeof(call.args));
	return bpf_run(f->program, f->length, &call, action) == BPF_OK ? 0 : -1;
}

int seccomp_filter_answer(const struct seccomp_filter *f, uint32_t arch, const char *name, const uint64_t args[6],
                          bool *exists, uint32_t *action)
{
	int nr = seccomp_syscall_resolve_name_arch(arch, name);

	*exists = nr >= 0;
	*action = RET_ERRNO | EPERM;
	if (!*exists)
		return 0;
	return seccomp_filter_answer_nr(f, arch, nr, args, action);
}

bool seccomp_action_runs(uint32_t action)
{
	uint32_t kind = action & RET_ACTION_FULL;
	return kind == RET_ALLOW || kind == RET_LOG || kind == RET_TRACE;
}

void seccomp_action_describe(uint32_t action, char *text, size_t size)
{
	uint32_t kind = action & RET_ACTION_FULL;

	switch (kind) {
	case RET_ALLOW: snprintf(text, size, "SCMP_ACT_ALLOW"); break;
	case RET_LOG: snprintf(text, size, "SCMP_ACT_LOG"); break;
	case RET_TRACE: snprintf(text, size, "SCMP_ACT_TRACE"); break;
	case RET_ERRNO: snprintf(text, size, "SCMP_ACT_ERRNO(%u)", action & RET_DATA); break;
	case RET_TRAP: snprintf(text, size, "SCMP_ACT_TRAP"); break;
	case RET_USER_NOTIF: snprintf(text, size, "SCMP_ACT_NOTIFY"); break;
	case RET_KILL_PROCESS: snprintf(text, size, "SCMP_ACT_KILL_PROCESS"); break;
	case RET_KILL_THREAD: snprintf(text, size, "SCMP_ACT_KILL_THREAD"); break;
	default: snprintf(text, size, "0x%08x", action); break;
	}
}

void seccomp_filter_free(struct seccomp_filter *f)
{
	if (f == NULL)
		return;
	free(f->program);
	f->program = NULL;
	f->length = 0;
}
