/*
 * profile_read: the profiles given to --merge, --check and --diff, read as
 * the runtimes read them (Go's JSON, moby's fields, runc's rules), or
 * refused with the line and column of what is wrong.
 */
#include "profile/profile.h"

#include "profile/rule_order.h"
#include "profile/yaml_tree.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct reader {
	const char *path;   /* for messages */
	char *message;      /* where the first problem is described */
	size_t size;        /* bytes in message */
	struct profile_input *input; /* what is being read */
};

__attribute__((format(printf, 2, 3)))
static int problem(struct reader *reader, const char *format, ...)
{
	va_list args;
	int used = snprintf(reader->message, reader->size, "%s: ", reader->path);

	if (used < 0 || (size_t)used >= reader->size)
		return -1;
	va_start(args, format);
	vsnprintf(reader->message + used, reader->size - (size_t)used, format, args);
	va_end(args);
	return -1;
}

/* Numbers in rules must survive being written again unchanged. */
static bool exact_integer(const cJSON *item)
{
	return cJSON_IsNumber(item) && item->valuedouble == floor(item->valuedouble) &&
	       item->valuedouble >= 0 && item->valuedouble < 9007199254740992.0;
}

static int check_args(struct reader *reader, const cJSON *args, int index)
{
	int arg_index = 0;

	if (args == NULL || cJSON_IsNull(args))
		return 0;
	if (!cJSON_IsArray(args))
		return problem(reader, "syscalls[%d]: args must be an array", index);
	for (const cJSON *arg = args->child; arg; arg = arg->next, arg_index++) {
		const cJSON *op = cJSON_GetObjectItemCaseSensitive(arg, "op");
		const char *keys[] = { "index", "value", "valueTwo" };
		if (!cJSON_IsObject(arg))
			return problem(reader, "syscalls[%d].args[%d]: must be an object", index, arg_index);
		for (size_t k = 0; k < 3; k++) {
			const cJSON *number = cJSON_GetObjectItemCaseSensitive(arg, keys[k]);
			if (number == NULL && k == 2)
				continue;
			if (!exact_integer(number))
				return problem(reader,
				               "syscalls[%d].args[%d].%s: must be a whole number from 0 to 2^53 "
				               "(larger values cannot be kept exactly)",
				               index, arg_index, keys[k]);
		}
		if (cJSON_GetObjectItemCaseSensitive(arg, "index")->valuedouble > 5)
			return problem(reader, "syscalls[%d].args[%d].index: must be 0 to 5 (a syscall has six "
			               "arguments, and runc refuses a profile that names another)", index, arg_index);
		if (!cJSON_IsString(op) ||
		    !profile_comparison_valid(op->valuestring))
			return problem(reader, "syscalls[%d].args[%d].op: must be one of SCMP_CMP_EQ, SCMP_CMP_NE, "
			               "SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_GE, SCMP_CMP_GT, SCMP_CMP_MASKED_EQ",
			               index, arg_index);
	}
	return 0;
}

/* Tells whether two conditions of args (checked by check_args) name the same argument. */
static bool repeats_an_index(const cJSON *args)
{
	unsigned seen = 0;

	for (const cJSON *arg = args != NULL ? args->child : NULL; arg; arg = arg->next) {
		unsigned bit = 1u << (unsigned)cJSON_GetObjectItemCaseSensitive(arg, "index")->valuedouble;
		if (seen & bit)
			return true;
		seen |= bit;
	}
	return false;
}

/*
 * Keeps rule as runc applies it when two of its conditions name the same
 * argument: libseccomp cannot hold that in one rule, so runc adds one rule
 * per condition (libcontainer/seccomp/seccomp_linux.go, matchCall), and any
 * one of them allows the call. So {clone, arg0 & 0x7E020000 == 0, arg0 >= 0}
 * allows every clone; judged as written (both at once) it would look like
 * Docker's rule. Each condition becomes a rule of its own here, which every
 * judge (the never-weaker check, --check, --diff) then sees as it is.
 */
static int split_conditions(const cJSON *rule, const cJSON *args, cJSON *rules)
{
	for (const cJSON *arg = args->child; arg; arg = arg->next) {
		cJSON *one = cJSON_Duplicate(rule, 1);
		cJSON *only = cJSON_CreateArray();
		if (one == NULL || only == NULL || !cJSON_AddItemToArray(only, cJSON_Duplicate(arg, 1)) ||
		    !cJSON_ReplaceItemInObjectCaseSensitive(one, "args", only) || !cJSON_AddItemToArray(rules, one)) {
			cJSON_Delete(one);
			cJSON_Delete(only);
			return -1;
		}
	}
	return 0;
}

/* Checks a rule's includes or excludes (key) as Docker's loader reads it. */
static int check_filter(struct reader *reader, const cJSON *rule, const char *key, int index)
{
	const char *why = profile_filter_problem(cJSON_GetObjectItemCaseSensitive(rule, key));

	return why != NULL ? problem(reader, "syscalls[%d].%s: %s", index, key, why) : 0;
}

/* Reads one rule: a plain allow list goes to allow_names, any other rule is kept. */
static int read_rule(struct reader *reader, const cJSON *rule, int index, struct profile_input *input)
{
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(rule, "names");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(rule, "name");
	const cJSON *action = cJSON_GetObjectItemCaseSensitive(rule, "action");
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(rule, "args");
	const cJSON *errno_ret = cJSON_GetObjectItemCaseSensitive(rule, "errnoRet");
	bool plain;

	if (!cJSON_IsObject(rule))
		return problem(reader, "syscalls[%d]: must be an object", index);
	if (names != NULL && name != NULL)
		return problem(reader, "syscalls[%d]: has both name and names; Docker refuses such a rule (use names)", index);
	if (names != NULL) {
		if (!cJSON_IsArray(names))
			return problem(reader, "syscalls[%d].names: must be an array of syscall names", index);
		for (const cJSON *item = names->child; item; item = item->next)
			if (!cJSON_IsString(item) ||
			    !syscall_names_well_formed(item->valuestring, strlen(item->valuestring)))
				return problem(reader, "syscalls[%d].names: must be an array of syscall names", index);
	} else if (!cJSON_IsString(name) || !syscall_names_well_formed(name->valuestring, strlen(name->valuestring))) {
		return problem(reader, "syscalls[%d]: has neither names nor name", index);
	}
	if (!cJSON_IsString(action) || !profile_action_valid(action->valuestring))
		return problem(reader, "syscalls[%d].action: must be one of %s", index, profile_action_list());
	if (errno_ret != NULL && (!exact_integer(errno_ret) || errno_ret->valuedouble > PROFILE_ERRNO_MAX))
		return problem(reader, "syscalls[%d].errnoRet: must be an errno number from 0 to %d", index, PROFILE_ERRNO_MAX);
	if (check_args(reader, args, index) != 0 || check_filter(reader, rule, "includes", index) != 0 ||
	    check_filter(reader, rule, "excludes", index) != 0)
		return -1;
	plain = strcmp(action->valuestring, "SCMP_ACT_ALLOW") == 0 && profile_empty_or_absent(args) &&
	        errno_ret == NULL &&
	        profile_empty_or_absent(cJSON_GetObjectItemCaseSensitive(rule, "includes")) &&
	        profile_empty_or_absent(cJSON_GetObjectItemCaseSensitive(rule, "excludes"));
	if (!plain && cJSON_IsArray(names) && names->child == NULL)
		return 0; /* names nothing, or only what earlier rules decide: it does nothing */
	if (!plain && repeats_an_index(args))
		return split_conditions(rule, args, input->other_rules);
	if (!plain)
		return cJSON_AddItemToArray(input->other_rules, cJSON_Duplicate(rule, 1)) ? 0 : -1;
	if (names == NULL)
		return cJSON_AddItemToArray(input->allow_names, cJSON_CreateString(name->valuestring)) ? 0 : -1;
	for (const cJSON *item = names->child; item; item = item->next)
		if (!cJSON_AddItemToArray(input->allow_names, cJSON_CreateString(item->valuestring)))
			return -1;
	return 0;
}

/*
 * The architectures libseccomp releases after 2.5 added (include/seccomp.h.in
 * of https://github.com/seccomp/libseccomp, v2.6.0): Docker's default names
 * SCMP_ARCH_LOONGARCH64 since moby/profiles 8a31106 (2025-10).
 */
static bool newer_arch(const char *name)
{
	static const char *const newer[] = { "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_M68K", "SCMP_ARCH_SH", "SCMP_ARCH_SHEB" };

	for (size_t i = 0; i < sizeof(newer) / sizeof(newer[0]); i++)
		if (strcmp(name, newer[i]) == 0)
			return true;
	return false;
}

/* Reads one architecture name into *token and adds it to list; 1 when it is left out as a newer one. */
static int read_arch(struct reader *reader, const cJSON *item, const char *where, struct arch_list *list,
                     uint32_t *token)
{
	if (!cJSON_IsString(item))
		return problem(reader, "%s: must hold architecture names such as SCMP_ARCH_X86_64", where);
	*token = arch_from_name(item->valuestring, strlen(item->valuestring));
	if (*token == 0 && !newer_arch(item->valuestring))
		return problem(reader, "%s: unknown architecture \"%.40s\"", where, item->valuestring);
	/* An architecture a newer libseccomp knows: no host this program runs on has it, so it is left out, and said. */
	if (*token == 0) {
		struct profile_input *input = reader->input;
		size_t used = strlen(input->unknown_arches);
		if (strstr(input->unknown_arches, item->valuestring) == NULL && used + strlen(item->valuestring) + 3 <
		    sizeof(input->unknown_arches))
			snprintf(input->unknown_arches + used, sizeof(input->unknown_arches) - used, "%s%s",
			         used ? ", " : "", item->valuestring);
		return 1;
	}
	if (!arch_list_add(list, *token))
		return problem(reader, "%s: too many architectures", where);
	return 0;
}

static int read_arch_map(struct reader *reader, const cJSON *arch_map, struct profile_input *input)
{
	uint32_t token;

	if (!cJSON_IsArray(arch_map))
		return problem(reader, "archMap: must be an array");
	input->has_arch_map = true;
	for (const cJSON *entry = arch_map->child; entry; entry = entry->next) {
		const cJSON *sub = cJSON_GetObjectItemCaseSensitive(entry, "subArchitectures");
		struct arch_map_entry *slot;
		if (input->arch_map.count == ARCH_MAX)
			return problem(reader, "archMap: too many entries");
		slot = &input->arch_map.entries[input->arch_map.count++];
		memset(slot, 0, sizeof(*slot));
		int read = read_arch(reader, cJSON_GetObjectItemCaseSensitive(entry, "architecture"), "archMap",
		                     &input->arches, &slot->arch);
		if (read < 0)
			return -1;
		if (sub != NULL && !cJSON_IsNull(sub) && !cJSON_IsArray(sub))
			return problem(reader, "archMap: subArchitectures must be an array");
		if (read > 0) {
			/* No host of an architecture this libseccomp lacks runs this program: the entry goes. */
			input->arch_map.count--;
			continue;
		}
		for (const cJSON *item = sub ? sub->child : NULL; item; item = item->next) {
			int known = read_arch(reader, item, "archMap", &slot->subs, &token);
			if (known < 0)
				return -1;
			if (known == 0 && !arch_list_add(&input->arches, token))
				return problem(reader, "archMap: too many architectures");
		}
	}
	return 0;
}

static int read_arches(struct reader *reader, const cJSON *root, struct profile_input *input)
{
	const cJSON *arches = cJSON_GetObjectItemCaseSensitive(root, "architectures");
	const cJSON *arch_map = cJSON_GetObjectItemCaseSensitive(root, "archMap");
	uint32_t token;

	if (cJSON_GetArraySize(arches) > 0 && cJSON_GetArraySize(arch_map) > 0)
		return problem(reader, "has both architectures and archMap, which Docker refuses: keep one");
	if (arches != NULL && !cJSON_IsNull(arches)) {
		if (!cJSON_IsArray(arches))
			return problem(reader, "architectures: must be an array");
		for (const cJSON *item = arches->child; item; item = item->next)
			if (read_arch(reader, item, "architectures", &input->arches, &token) < 0)
				return -1;
	}
	if (arch_map != NULL && !cJSON_IsNull(arch_map) && read_arch_map(reader, arch_map, input) != 0)
		return -1;
	arch_list_sort(&input->arches);
	return 0;
}

/* Turns a position in text into "LINE:COLUMN". */
static void position(const char *text, const char *at, size_t *line, size_t *column)
{
	*line = 1;
	*column = 1;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			++*line;
			*column = 1;
		} else {
			++*column;
		}
	}
}

/*
 * Keys as the runtimes read them. Docker, runc, podman and the kubelet are
 * Go programs: encoding/json takes the last of two equal keys where cJSON
 * takes the first, and matches a key to a field without regard to case
 * (Unicode's simple folding, under which U+017F is s and U+212A is k). So a
 * profile ending in ,"DefaultAction":"SCMP_ACT_ALLOW"} runs unconfined under
 * runc while it reads as SCMP_ACT_ERRNO here. Two keys of one object that
 * fold to the same text, and a key that folds to a field's name without
 * being it, are refused.
 */
static const char *const profile_fields[] = {
	"defaultAction", "defaultErrnoRet", "architectures", "archMap", "syscalls", "flags", "listenerPath",
	"listenerMetadata", "architecture", "subArchitectures", "names", "name", "action", "errnoRet", "args",
	"includes", "excludes", "comment", "index", "value", "valueTwo", "op", "caps", "arches", "minKernel",
	"apiVersion", "kind", "metadata", "spec", "baseProfileName",
};

/* The next character of *p folded as Go folds it (ASCII lower case, U+017F as s, U+212A as k); 0 at the end. */
static char next_folded(const unsigned char **p)
{
	const unsigned char *c = *p;

	if (c[0] == 0xc5 && c[1] == 0xbf) {
		*p += 2;
		return 's';
	}
	if (c[0] == 0xe2 && c[1] == 0x84 && c[2] == 0xaa) {
		*p += 3;
		return 'k';
	}
	if (c[0] != '\0')
		++*p;
	return c[0] >= 'A' && c[0] <= 'Z' ? (char)(c[0] - 'A' + 'a') : (char)c[0];
}

/* Compares two keys as Go matches them. */
static int compare_keys(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

	for (;;) {
		char fx = next_folded(&x), fy = next_folded(&y);
		if (fx != fy || fx == '\0')
			return (unsigned char)fx - (unsigned char)fy;
	}
}

/* A key of the document, in the order the text has it. */
struct key_place {
	const char *name; /* borrowed from the tree */
	size_t order;     /* its number in document order */
};

static int compare_places(const void *a, const void *b)
{
	const struct key_place *x = a, *y = b;
	int diff = compare_keys(x->name, y->name);

	return diff != 0 ? diff : (x->order > y->order) - (x->order < y->order);
}

/* The offsets of every object key of text, in document order; how many into *count. Caller frees. */
static size_t *key_offsets(const char *text, size_t length, size_t *count)
{
	size_t capacity = 64, *offsets = malloc(capacity * sizeof(offsets[0]));

	*count = 0;
	for (size_t i = 0; offsets != NULL && i < length; i++) {
		if (text[i] != '"')
			continue;
		size_t start = i++;
		while (i < length && text[i] != '"')
			i += text[i] == '\\' ? 2 : 1;
		size_t after = i + 1;
		while (after < length && (text[after] == ' ' || text[after] == '\n' || text[after] == '\r' || text[after] == '\t'))
			after++;
		if (after >= length || text[after] != ':')
			continue;
		if (*count == capacity) {
			size_t *grown = realloc(offsets, 2 * capacity * sizeof(offsets[0]));
			if (grown == NULL) {
				free(offsets);
				return NULL;
			}
			offsets = grown;
			capacity *= 2;
		}
		offsets[(*count)++] = start;
	}
	return offsets;
}

/* Numbers the keys of item's objects in document order from *next, checking each object; the bad key's number, or -1. */
static long check_object_keys(const cJSON *item, size_t *next, const char **why)
{
	size_t count = 0, k = 0;

	for (const cJSON *child = item->child; child; child = child->next)
		count++;
	struct key_place *keys = cJSON_IsObject(item) && count > 0 ? malloc(count * sizeof(keys[0])) : NULL;
	long bad = -1;
	for (const cJSON *child = item->child; child; child = child->next) {
		if (cJSON_IsObject(item)) {
			size_t order = (*next)++;
			if (keys != NULL)
				keys[k++] = (struct key_place){ child->string, order };
			for (size_t f = 0; bad < 0 && f < sizeof(profile_fields) / sizeof(profile_fields[0]); f++) {
				if (compare_keys(child->string, profile_fields[f]) == 0 &&
				    strcmp(child->string, profile_fields[f]) != 0) {
					bad = (long)order;
					*why = profile_fields[f];
				}
			}
		}
		/* The explanation goes with the key it explains: an inner one only when the inner key is the one told. */
		const char *inner_why = NULL;
		long inner = check_object_keys(child, next, &inner_why);
		if (bad < 0 && inner >= 0) {
			bad = inner;
			*why = inner_why;
		}
	}
	if (keys != NULL && bad < 0) {
		qsort(keys, count, sizeof(keys[0]), compare_places);
		for (size_t i = 1; i < count && bad < 0; i++) {
			if (compare_keys(keys[i - 1].name, keys[i].name) == 0) {
				bad = (long)keys[i].order;
				*why = NULL;
			}
		}
	}
	free(keys);
	return bad;
}

/* The keys whose values moby's types.Seccomp holds in Go integers (uint, uint64). */
static const char *const integer_fields[] = { "index", "value", "valueTwo", "errnoRet", "defaultErrnoRet" };

/*
 * Refuses a number that Go's encoding/json will not put into an integer
 * field (1e2, 1.0, -0: Docker's loader refuses the profile), where cJSON
 * reads them all as the same double. Numbers under other keys are left to
 * the reading of the tree.
 */
static int check_integers(struct reader *reader, const char *text, size_t length)
{
	const char *key = NULL;
	size_t key_length = 0;

	for (size_t i = 0; i < length; i++) {
		if (text[i] == '"') {
			size_t start = ++i;
			while (i < length && text[i] != '"')
				i += text[i] == '\\' ? 2 : 1;
			key = text + start;
			key_length = (i < length ? i : length) - start;
			continue;
		}
		if (text[i] != '-' && (text[i] < '0' || text[i] > '9'))
			continue;
		size_t start = i, before = i;
		while (i < length && strchr("+-.0123456789eE", text[i]) != NULL)
			i++;
		while (before > 0 && strchr(" \t\r\n", text[before - 1]) != NULL)
			before--;
		bool valued = before > 0 && text[before - 1] == ':' && key != NULL;
		bool whole = text[start] != '-' && strspn(text + start, "0123456789") == i - start;
		for (size_t f = 0; valued && !whole && f < sizeof(integer_fields) / sizeof(integer_fields[0]); f++) {
			if (strlen(integer_fields[f]) == key_length && strncasecmp(key, integer_fields[f], key_length) == 0) {
				size_t line, column;
				position(text, text + start, &line, &column);
				return problem(reader, "%zu:%zu: %s must be written as a whole number (%.*s is not one to "
				               "Go's encoding/json, and Docker refuses the profile)", line, column,
				               integer_fields[f], (int)(i - start < 24 ? i - start : 24), text + start);
			}
		}
		i--;
	}
	return 0;
}

/* Refuses a profile whose keys Go would read otherwise than cJSON does (see profile_fields). */
static int check_keys(struct reader *reader, const char *text, size_t length, const cJSON *root)
{
	size_t count = 0, next = 0, line, column;
	size_t *offsets = key_offsets(text, length, &count);
	const char *field = NULL;
	long bad;

	if (offsets == NULL)
		return problem(reader, "out of memory");
	bad = check_object_keys(root, &next, &field);
	if (bad < 0 || next != count) {
		free(offsets);
		return bad < 0 && next == count ? 0 : problem(reader, "keys not understood");
	}
	position(text, text + offsets[bad], &line, &column);
	free(offsets);
	if (field != NULL)
		return problem(reader, "%zu:%zu: a key spelt like %s in another case; runc, Docker and the kubelet read "
		               "it as %s, so write it so", line, column, field, field);
	return problem(reader, "%zu:%zu: a key that this object already has (in some case): runc, Docker and the "
	               "kubelet take the last, falco2seccomp the first, so they would not agree on the profile", line,
	               column);
}

/*
 * Reads the rules as a runtime applies them: the first rule without
 * conditions that names a syscall decides it (rule_order.h). When a later
 * rule names one dead, *settled is a copy of syscalls without the dead
 * names, and input counts them. Returns 0, or -1 when memory runs out.
 */
static int settle_rule_order(const cJSON *syscalls, cJSON **settled, struct profile_input *input)
{
	struct dead_names dead;

	*settled = NULL;
	if (!cJSON_IsArray(syscalls))
		return 0;
	if (rule_order_find(syscalls, &dead) != 0)
		return -1;
	if (dead.count == 0)
		return 0;
	rule_order_free(&dead);
	/* Found again in the copy, whose names the dead list then points into. */
	*settled = cJSON_Duplicate(syscalls, 1);
	if (*settled == NULL || rule_order_find(*settled, &dead) != 0) {
		cJSON_Delete(*settled);
		*settled = NULL;
		return -1;
	}
	input->dead_names = dead.count;
	snprintf(input->dead_example, sizeof(input->dead_example), "syscalls[%zu] names %.60s after syscalls[%zu] decided it",
	         dead.items[0].rule, dead.items[0].name, dead.items[0].decider);
	int status = rule_order_drop(*settled, &dead);
	rule_order_free(&dead);
	return status;
}

static int read_tree(struct reader *reader, const cJSON *root, struct profile_input *input)
{
	const cJSON *action = cJSON_GetObjectItemCaseSensitive(root, "defaultAction");
	const cJSON *errno_ret = cJSON_GetObjectItemCaseSensitive(root, "defaultErrnoRet");
	const cJSON *syscalls = cJSON_GetObjectItemCaseSensitive(root, "syscalls");
	int index = 0;

	if (!cJSON_IsObject(root))
		return problem(reader, "not a seccomp profile (a JSON object was expected)");
	if (!cJSON_IsString(action) || !profile_action_valid(action->valuestring))
		return problem(reader, "defaultAction: must be one of %s", profile_action_list());
	input->default_action = strdup(action->valuestring);
	if (errno_ret != NULL && !cJSON_IsNull(errno_ret)) {
		if (!exact_integer(errno_ret) || errno_ret->valuedouble > PROFILE_ERRNO_MAX)
			return problem(reader, "defaultErrnoRet: must be an errno number from 0 to %d", PROFILE_ERRNO_MAX);
		input->has_errno_ret = true;
		input->errno_ret = (long)errno_ret->valuedouble;
	}
	if (read_arches(reader, root, input) != 0)
		return -1;
	if (syscalls != NULL && !cJSON_IsNull(syscalls) && !cJSON_IsArray(syscalls))
		return problem(reader, "syscalls: must be an array");
	cJSON *settled = NULL;
	if (settle_rule_order(syscalls, &settled, input) != 0)
		return problem(reader, "out of memory");
	if (settled != NULL)
		syscalls = settled;
	int status = 0;
	for (const cJSON *rule = syscalls ? syscalls->child : NULL; rule && status == 0; rule = rule->next, index++)
		if (read_rule(reader, rule, index, input) != 0)
			status = reader->message[0] ? -1 : problem(reader, "out of memory");
	cJSON_Delete(settled);
	if (status != 0)
		return status;
	input->document = cJSON_Duplicate(root, 1);
	return input->default_action && input->document ? 0 : problem(reader, "out of memory");
}

/* A SeccompProfile of the Security Profiles Operator, in YAML: its spec is the profile. */
static int parse_spo(struct reader *reader, const char *text, size_t length, struct profile_input *input)
{
	char why[200];
	cJSON *root = yaml_parse(text, length, why, sizeof(why));
	const cJSON *kind = cJSON_GetObjectItemCaseSensitive(root, "kind");
	int status;

	if (root == NULL)
		return problem(reader, "%s (neither JSON nor a YAML SeccompProfile)", why);
	const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "apiVersion");
	if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "SeccompProfile") != 0 ||
	    !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "spec"))) {
		cJSON_Delete(root);
		return problem(reader, "YAML, but not a SeccompProfile with a spec");
	}
	/* SPO 0.9 and later serve v1, earlier ones v1beta1; another version may mean another spec. */
	if (!cJSON_IsString(version) || (strcmp(version->valuestring, "security-profiles-operator.x-k8s.io/v1") != 0 &&
	                                 strcmp(version->valuestring, "security-profiles-operator.x-k8s.io/v1beta1") != 0)) {
		cJSON_Delete(root);
		return problem(reader, "apiVersion: must be security-profiles-operator.x-k8s.io/v1 (or v1beta1), the "
		               "versions whose spec falco2seccomp reads");
	}
	size_t keys = 0;
	const char *field = NULL;
	if (check_object_keys(root, &keys, &field) >= 0) {
		cJSON_Delete(root);
		return problem(reader, "a key spelt like %s in another case (or twice); write it as %s", field ? field : "another",
		               field ? field : "one key");
	}
	status = read_tree(reader, cJSON_GetObjectItemCaseSensitive(root, "spec"), input);
	/* Where it came from, which a merge unites (jobs/provenance.c). */
	const cJSON *metadata = cJSON_GetObjectItemCaseSensitive(root, "metadata");
	const cJSON *annotations = cJSON_GetObjectItemCaseSensitive(metadata, "annotations");
	if (status == 0 && cJSON_IsObject(annotations) &&
	    (input->annotations = cJSON_Duplicate(annotations, 1)) == NULL)
		status = problem(reader, "out of memory");
	cJSON_Delete(root);
	return status;
}

int profile_parse(const char *path, const char *text, size_t length, struct profile_input *input,
                  char *message, size_t size)
{
	struct reader reader = { path, message, size, input };
	const char *end = NULL;
	cJSON *root;
	int status;

	memset(input, 0, sizeof(*input));
	message[0] = '\0';
	input->path = strdup(path);
	input->allow_names = cJSON_CreateArray();
	input->other_rules = cJSON_CreateArray();
	input->arg_names = cJSON_CreateArray();
	if (input->path == NULL || input->allow_names == NULL || input->other_rules == NULL || input->arg_names == NULL)
		return problem(&reader, "out of memory");
	size_t first = 0;
	while (first < length && (text[first] == ' ' || text[first] == '\n' || text[first] == '\r' || text[first] == '\t'))
		first++;
	if (first < length && text[first] != '{' && text[first] != '[')
		return parse_spo(&reader, text, length, input);
	root = cJSON_ParseWithLengthOpts(text, length, &end, 0);
	if (root == NULL) {
		const char *at = cJSON_GetErrorPtr();
		size_t line, column;
		if (at == NULL || at < text || at > text + length)
			at = text + length;
		position(text, at, &line, &column);
		if (length == 0)
			return problem(&reader, "empty file, not a seccomp profile");
		return problem(&reader, "%zu:%zu: not JSON", line, column);
	}
	while (end < text + length && (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t'))
		end++;
	if (end < text + length) {
		size_t line, column;
		position(text, end, &line, &column);
		cJSON_Delete(root);
		return problem(&reader, "%zu:%zu: text after the end of the profile", line, column);
	}
	status = check_keys(&reader, text, length, root);
	if (status == 0)
		status = check_integers(&reader, text, length);
	if (status == 0)
		status = read_tree(&reader, root, input);
	cJSON_Delete(root);
	return status;
}

int profile_read(const char *path, struct profile_input *input, char *message, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *text = NULL;
	size_t length = 0;
	ssize_t got = 1;
	int status;

	memset(input, 0, sizeof(*input));
	if (fd < 0) {
		snprintf(message, size, "%s: %s", path, strerror(errno));
		return -1;
	}
	text = malloc(PROFILE_MAX_BYTES + 1);
	while (text != NULL && got > 0 && length <= PROFILE_MAX_BYTES) {
		got = read(fd, text + length, PROFILE_MAX_BYTES + 1 - length);
		if (got < 0 && errno == EINTR)
			got = 1;
		else if (got > 0)
			length += (size_t)got;
	}
	if (text == NULL || got < 0) {
		snprintf(message, size, "%s: %s", path, strerror(text == NULL ? ENOMEM : errno));
		status = -1;
	} else if (length > PROFILE_MAX_BYTES) {
		snprintf(message, size, "%s: larger than %zu MiB, not a seccomp profile", path,
		         PROFILE_MAX_BYTES >> 20);
		status = -1;
	} else {
		status = profile_parse(path, text, length, input, message, size);
	}
	free(text);
	close(fd);
	return status;
}
