/*
 * table: the terminal tables of --list-containers, columns padded to the
 * display width of their text (mbrtowc and wcwidth, in the locale).
 */
#include "report/report.h"
#include "scan/scan.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define PROGRAM F2S_PROGRAM

/*
 * Reads the UTF-8 character at p: its length in bytes (1 for a byte that
 * starts none, shown as '?') and the columns a terminal gives it. Falco
 * writes UTF-8 whatever the locale, so it is decoded in C.UTF-8.
 */
static size_t utf8_char(const unsigned char *p, int *columns)
{
	static locale_t utf8 = (locale_t)0;
	mbstate_t state;
	wchar_t wide;
	size_t length;
	int width = 1;

	*columns = 1;
	if (*p < 0x80)
		return 1;
	if (utf8 == (locale_t)0)
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (utf8 == (locale_t)0)
		return 1;
	memset(&state, 0, sizeof(state));
	locale_t before = uselocale(utf8);
	length = mbrtowc(&wide, (const char *)p, MB_LEN_MAX, &state);
	if (length != (size_t)-1 && length != (size_t)-2 && length > 0)
		width = wcwidth(wide);
	uselocale(before);
	if (length == (size_t)-1 || length == (size_t)-2 || length == 0)
		return 1;
	*columns = width < 0 ? 1 : width;
	return length;
}

/*
 * Writes text in a column width terminal cells wide, cut short with '~'
 * when wider, with bytes a terminal would act on, and broken UTF-8, shown
 * as '?'.
 */
static void print_cell(FILE *out, const char *text, int width)
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
			fputc('~', out);
			printed++;
			break;
		}
		if (length == 1 && (*p < 0x20 || *p >= 0x7f))
			fputc('?', out);
		else
			fwrite(p, 1, length, out);
		printed += columns;
		p += length;
	}
	for (; printed < width; printed++)
		fputc(' ', out);
}

void report_container_table(struct report *report, const struct run_results *res)
{
	FILE *out = report->out;
	int id_width = CONTAINER_SHORT_ID;

	if (report->format != REPORT_TEXT) {
		report_container_document(report, res);
		return;
	}
	for (size_t i = 0; i < res->scan->container_count; i++)
		if ((int)strlen(res->scan->containers[i].id) > id_width)
			id_width = (int)strlen(res->scan->containers[i].id);
	fprintf(out, "%-*s  %-24s  %-32s  %10s  %8s\n", id_width, "CONTAINER ID", "NAME", "IMAGE", "EVENTS", "SYSCALLS");
	for (size_t i = 0; i < res->scan->container_count; i++) {
		const struct scan_container *c = &res->scan->containers[i];
		print_cell(out, c->id, id_width);
		fputs("  ", out);
		print_cell(out, c->name, 24);
		fputs("  ", out);
		print_cell(out, c->image, 32);
		fprintf(out, "  %10llu  %8zu\n", (unsigned long long)c->events,
		        translator_count_observed(res->translator, &c->syscalls));
	}
}

void report_workload_table(struct report *report, const struct run_results *res)
{
	FILE *out = report->out;

	fprintf(out, "%-40s  %-32s  %10s  %10s  %8s\n", "WORKLOAD", "FILE", "CONTAINERS", "EVENTS", "SYSCALLS");
	for (size_t g = 0; g < res->workload->group_count; g++) {
		const struct workload_profile *w = &res->workload->groups[g];
		print_cell(out, w->key, 40);
		fputs("  ", out);
		print_cell(out, w->file, 32);
		fprintf(out, "  %10zu  %10llu  %8zu\n", w->containers, (unsigned long long)w->events,
		        translator_count_observed(res->translator, &w->syscalls));
	}
	if (res->workload->infrastructure > 0 || res->workload->ungrouped > 0)
		report_say(report, "left out %zu pause %s and %zu %s without the field grouped by",
		            res->workload->infrastructure, res->workload->infrastructure == 1 ? "container" : "containers",
		            res->workload->ungrouped, res->workload->ungrouped == 1 ? "container" : "containers");
}
