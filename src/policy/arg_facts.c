/*
 * arg_facts: reading Falco's spelling of clone flags and socket families.
 * Falco writes names, joined by '|', or a bare number in its own encoding
 * (PPM bits) when no flag has a name; see README.md, "Which events carry
 * which argument".
 */
#include "policy/arg_facts.h"

#include <stdio.h>
#include <string.h>

const char *arg_socket_call_name(enum arg_socket_call call)
{
	return call == ARG_SOCKET ? "socket" : "socketpair";
}

static bool name_is(const struct event_text *name, const char *word)
{
	return name->text != NULL && name->length == strlen(word) && memcmp(name->text, word, name->length) == 0;
}

/* Copies up to 40 bytes of value into out for a message, odd bytes as '?'. */
static void quote_value(char *out, size_t size, const struct json_value *value)
{
	size_t used = 0;

	if (value->kind != JSON_STRING) {
		snprintf(out, size, "%s", value->kind == JSON_NUMBER ? "a number" : "a JSON value that is no string");
		return;
	}
	out[used++] = '"';
	for (size_t i = 0; i < value->length && i < 40 && used + 5 < size; i++) {
		unsigned char c = (unsigned char)value->text[i];
		out[used++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	if (value->length > 40 && used + 5 < size) {
		memcpy(out + used, "...", 3);
		used += 3;
	}
	out[used++] = '"';
	out[used] = '\0';
}

static void set_origin(struct arg_origin *origin, const struct event *event, struct location where)
{
	size_t length = event->process.length < sizeof(origin->process) - 1 ? event->process.length
	                                                                     : sizeof(origin->process) - 1;

	memset(origin, 0, sizeof(*origin));
	origin->where = where;
	if (event->process.text != NULL)
		memcpy(origin->process, event->process.text, length);
}

static bool all_digits(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return length > 0;
}

static bool is_flag_name(const char *text, size_t length)
{
	if (length == 1 && text[0] == '0')
		return true;
	if (length < 7 || memcmp(text, "CLONE_", 6) != 0)
		return false;
	for (size_t i = 6; i < length; i++)
		if (!((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= '0' && text[i] <= '9') || text[i] == '_'))
			return false;
	return true;
}

/*
 * Falco's own bit for each namespace flag (PPM_CL_CLONE_NEW*), for logs
 * that give the flags as a bare number. Source: falcosecurity/libs 0.20.0
 * (Falco 0.40.0), driver/ppm_events_public.h,
 * https://github.com/falcosecurity/libs/blob/0.20.0/driver/ppm_events_public.h
 */
static const struct {
	const char *name; /* as in docker_namespace_flags */
	unsigned bit;     /* PPM_CL_CLONE_NEW* */
} ppm_namespace_bits[] = {
	{ "CLONE_NEWIPC", 3 }, { "CLONE_NEWNET", 4 }, { "CLONE_NEWNS", 5 },     { "CLONE_NEWPID", 6 },
	{ "CLONE_NEWUTS", 7 }, { "CLONE_NEWUSER", 20 }, { "CLONE_NEWCGROUP", 28 },
};

/* The index in docker_namespace_flags of a flag name (length bytes), or -1. */
static int namespace_index(const char *name, size_t length)
{
	for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if (strlen(docker_namespace_flags[i].name) == length && memcmp(docker_namespace_flags[i].name, name, length) == 0)
			return (int)i;
	return -1;
}

/* Reads PPM bits into found (bit i: docker_namespace_flags[i]); false when bits is no number Falco writes. */
static bool namespaces_of_number(const struct json_value *flags, uint32_t *found)
{
	uint64_t bits = 0;

	if (flags->kind == JSON_NUMBER) {
		if (!(flags->number >= 0 && flags->number < 4294967296.0))
			return false;
		bits = (uint64_t)flags->number;
	} else {
		/* Digits only (the caller checked), at most ten: no overflow. */
		if (flags->length > 10)
			return false;
		for (size_t i = 0; i < flags->length; i++)
			bits = bits * 10 + (uint64_t)(flags->text[i] - '0');
		if (bits > UINT32_MAX)
			return false;
	}
	for (size_t i = 0; i < sizeof(ppm_namespace_bits) / sizeof(ppm_namespace_bits[0]); i++)
		if (bits >> ppm_namespace_bits[i].bit & 1)
			*found |= 1u << namespace_index(ppm_namespace_bits[i].name, strlen(ppm_namespace_bits[i].name));
	return true;
}

/* Reads flag names joined by '|' into found; false when flags is of no shape Falco writes. */
static bool namespaces_of_names(const struct json_value *flags, uint32_t *found)
{
	for (size_t start = 0; start <= flags->length;) {
		const char *token = flags->text + start;
		const char *bar = memchr(token, '|', flags->length - start);
		size_t length = bar ? (size_t)(bar - token) : flags->length - start;
		if (!is_flag_name(token, length))
			return false;
		int index = namespace_index(token, length);
		if (index >= 0)
			*found |= 1u << index;
		start += length + 1;
		if (bar == NULL)
			return true;
	}
	return false;
}

/* Adds the kernel flags of from to *into, each new one with its origin from from_at. */
static void take_namespaces(uint32_t *into, struct arg_origin *into_at, uint32_t from, const struct arg_origin *from_at)
{
	for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if ((from & docker_namespace_flags[i].value) && !(*into & docker_namespace_flags[i].value)) {
			*into |= docker_namespace_flags[i].value;
			into_at[i] = from_at[i];
		}
}

/* Notes the flags of found (bit i: docker_namespace_flags[i]) as seen at this event. */
static void note_namespaces(uint32_t *into, struct arg_origin *at, uint32_t found, const struct event *event,
                            struct location where)
{
	struct arg_origin here[DOCKER_NAMESPACE_FLAG_COUNT];
	uint32_t bits = 0;

	for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if (found >> i & 1) {
			bits |= docker_namespace_flags[i].value;
			set_origin(&here[i], event, where);
		}
	take_namespaces(into, at, bits, here);
}

/*
 * The namespace flags of a clone or clone3 event. Falco reads clone's
 * flags from the registers, the same in the parent and the child; but it
 * reads clone3's struct clone_args from user memory in the exit event of
 * each side, and in the child (whose evt.rawres is 0) the parent may
 * already have reused that memory: a plain thread shows up there as
 * CLONE_NEWUSER|CLONE_NEWNET|... So a child's event is passed over, and
 * where the log has no evt.rawres to tell the two apart, clone3's flags
 * are only noted as untrusted: they never open the clone rule.
 */
/* Tells whether a |-separated flag list names flag. */
static bool has_flag_name(const struct json_value *flags, const char *flag)
{
	size_t length = strlen(flag);

	for (size_t at = 0; at < flags->length;) {
		size_t end = at;
		while (end < flags->length && flags->text[end] != '|')
			end++;
		if (end - at == length && memcmp(flags->text + at, flag, length) == 0)
			return true;
		at = end + 1;
	}
	return false;
}

static enum arg_observation observe_flags(struct arg_facts *facts, const struct event *event, struct location where,
                                          char *message, size_t size)
{
	const struct json_value *flags = &event->flags;
	uint32_t found = 0;
	char quoted[64];
	bool understood;

	if (event->result.kind == JSON_NUMBER && event->result.number == 0)
		return ARG_OK;
	/*
	 * A thread is not a child: 0.44's parent event says CLONE_THREAD. An
	 * enter event of 0.40 (evt.rawres null) says nothing either way; an
	 * event without flags, or with a number, may have made a child.
	 */
	if (event->result.kind != JSON_NULL) {
		facts->clones_seen = true;
		if (flags->kind != JSON_STRING || !has_flag_name(flags, "CLONE_THREAD"))
			facts->children_made = true;
	}
	if (flags->kind == JSON_ABSENT || flags->kind == JSON_NULL)
		return ARG_OK;
	if (flags->kind == JSON_NUMBER || (flags->kind == JSON_STRING && all_digits(flags->text, flags->length)))
		understood = namespaces_of_number(flags, &found);
	else
		understood = flags->kind == JSON_STRING && namespaces_of_names(flags, &found);
	if (!understood) {
		quote_value(quoted, sizeof(quoted), flags);
		snprintf(message, size,
		         "clone flags %s are not understood (Falco's evt.arg.flags names them, as in "
		         "\"CLONE_VM|CLONE_NEWNS\"); taken as absent, so clone keeps Docker's namespace rule",
		         quoted);
		return ARG_NOT_UNDERSTOOD;
	}
	facts->flags_logged = true;
	if (event->result.kind == JSON_ABSENT && name_is(&event->name, "clone3"))
		note_namespaces(&facts->untrusted_namespaces, facts->untrusted_at, found, event, where);
	else
		note_namespaces(&facts->namespaces, facts->namespace_at, found, event, where);
	return ARG_OK;
}

void arg_facts_unrestrict(struct arg_facts *facts, enum arg_socket_call call, const struct arg_origin *at,
                          const char *why)
{
	struct family_facts *families = &facts->families[call];

	if (families->unrestricted)
		return;
	families->unrestricted = true;
	families->why_at = *at;
	snprintf(families->why, sizeof(families->why), "%s", why);
}

static enum arg_observation observe_domain(struct arg_facts *facts, enum arg_socket_call call,
                                           const struct event *event, struct location where, char *message,
                                           size_t size)
{
	const struct json_value *domain = &event->domain;
	struct arg_origin origin;
	char quoted[64], why[128];
	int family = -2;

	set_origin(&origin, event, where);
	if (domain->kind == JSON_NULL)
		return ARG_OK;
	if (domain->kind == JSON_ABSENT) {
		arg_facts_unrestrict(facts, call, &origin, "the log has no evt.arg.domain");
		return ARG_OK;
	}
	quote_value(quoted, sizeof(quoted), domain);
	if (domain->kind == JSON_STRING && all_digits(domain->text, domain->length)) {
		snprintf(why, sizeof(why), "domain %s is a family Falco has no name for", quoted);
		arg_facts_unrestrict(facts, call, &origin, why);
		return ARG_OK;
	}
	/* Every name of "AF_LOCAL|AF_UNIX" must stand for the same family. */
	for (size_t start = 0; domain->kind == JSON_STRING && start <= domain->length;) {
		const char *token = domain->text + start;
		const char *bar = memchr(token, '|', domain->length - start);
		size_t length = bar ? (size_t)(bar - token) : domain->length - start;
		int number = docker_socket_family(token, length);
		if (number < 0 || (family != -2 && number != family)) {
			family = -1;
			break;
		}
		family = number;
		start += length + 1;
		if (bar == NULL)
			break;
	}
	if (family < 0) {
		snprintf(message, size,
		         "%s domain %s is not a socket family Falco names (such as \"AF_INET\"); taken as absent, "
		         "so %s families are not restricted",
		         arg_socket_call_name(call), quoted, arg_socket_call_name(call));
		snprintf(why, sizeof(why), "domain %s is not understood", quoted);
		arg_facts_unrestrict(facts, call, &origin, why);
		return ARG_NOT_UNDERSTOOD;
	}
	if (family == 0) {
		arg_facts_unrestrict(facts, call, &origin, "\"AF_UNSPEC\" may stand for a family Falco cannot name");
		return ARG_OK;
	}
	facts->families[call].seen |= (uint64_t)1 << family;
	return ARG_OK;
}

enum arg_observation arg_facts_observe(struct arg_facts *facts, const struct event *event, struct location where,
                                       char *message, size_t size)
{
	if (name_is(&event->name, "clone") || name_is(&event->name, "clone3"))
		return observe_flags(facts, event, where, message, size);
	if (name_is(&event->name, "socket"))
		return observe_domain(facts, ARG_SOCKET, event, where, message, size);
	if (name_is(&event->name, "socketpair"))
		return observe_domain(facts, ARG_SOCKETPAIR, event, where, message, size);
	return ARG_OK;
}

void arg_facts_unite(struct arg_facts *into, const struct arg_facts *from)
{
	into->flags_logged |= from->flags_logged;
	into->clones_seen |= from->clones_seen;
	into->children_made |= from->children_made;
	take_namespaces(&into->namespaces, into->namespace_at, from->namespaces, from->namespace_at);
	take_namespaces(&into->untrusted_namespaces, into->untrusted_at, from->untrusted_namespaces, from->untrusted_at);
	for (int call = 0; call < ARG_SOCKET_CALLS; call++) {
		const struct family_facts *theirs = &from->families[call];
		into->families[call].seen |= theirs->seen;
		if (theirs->unrestricted)
			arg_facts_unrestrict(into, (enum arg_socket_call)call, &theirs->why_at, theirs->why);
	}
}

bool arg_facts_families_known(const struct arg_facts *facts, enum arg_socket_call call)
{
	return facts->families[call].seen != 0 && !facts->families[call].unrestricted;
}
