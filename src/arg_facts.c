/*
 * arg_facts: reading Falco's spelling of clone flags and socket families
 * (see ../shared/reference/falco-args.md). Falco writes names, joined by
 * '|'; its numbers are its own encoding, so only names are read.
 */
#include "arg_facts.h"

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

static enum arg_observation observe_flags(struct arg_facts *facts, const struct event *event, struct location where,
                                          char *message, size_t size)
{
	const struct json_value *flags = &event->flags;
	uint32_t found = 0;
	char quoted[64];

	if (flags->kind == JSON_ABSENT || flags->kind == JSON_NULL)
		return ARG_OK;
	for (size_t start = 0; flags->kind == JSON_STRING && start <= flags->length;) {
		const char *token = flags->text + start;
		const char *bar = memchr(token, '|', flags->length - start);
		size_t length = bar ? (size_t)(bar - token) : flags->length - start;
		if (!is_flag_name(token, length))
			break;
		for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
			if (strlen(docker_namespace_flags[i].name) == length &&
			    memcmp(docker_namespace_flags[i].name, token, length) == 0)
				found |= 1u << i;
		start += length + 1;
		if (bar == NULL) {
			facts->flags_logged = true;
			for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
				if ((found >> i & 1) && !(facts->namespaces & docker_namespace_flags[i].value)) {
					facts->namespaces |= docker_namespace_flags[i].value;
					set_origin(&facts->namespace_at[i], event, where);
				}
			return ARG_OK;
		}
	}
	quote_value(quoted, sizeof(quoted), flags);
	snprintf(message, size,
	         "clone flags %s are not understood (Falco's evt.arg.flags names them, as in "
	         "\"CLONE_VM|CLONE_NEWNS\"); taken as absent, so clone keeps Docker's namespace rule",
	         quoted);
	return ARG_NOT_UNDERSTOOD;
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

static bool all_digits(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return length > 0;
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
	for (size_t i = 0; i < DOCKER_NAMESPACE_FLAG_COUNT; i++)
		if ((from->namespaces & docker_namespace_flags[i].value) &&
		    !(into->namespaces & docker_namespace_flags[i].value)) {
			into->namespaces |= docker_namespace_flags[i].value;
			into->namespace_at[i] = from->namespace_at[i];
		}
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
