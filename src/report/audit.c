/*
 * audit: the sentences about the audit log's records: what they added to
 * the profile, and every process they came from.
 */
#include "report/report.h"

#include "decode/audit_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Orders processes by their records, most first, then by name (qsort). */
static int compare_processes(const void *a, const void *b)
{
	const struct audit_process *x = a, *y = b;
	size_t nx = x->taken + x->left_out, ny = y->taken + y->left_out;

	return nx != ny ? (nx < ny) - (nx > ny) : strcmp(x->name, y->name);
}

/*
 * Writes every process of processes (count of them, sorted here) that
 * taken_only keeps, with its records, into a new string; NULL without
 * memory.
 */
static char *process_list(struct audit_process *processes, size_t count, bool taken_only)
{
	char *text = NULL;
	size_t size = 0, shown = 0;
	FILE *out = open_memstream(&text, &size);

	if (out == NULL)
		return NULL;
	qsort(processes, count, sizeof(processes[0]), compare_processes);
	for (size_t i = 0; i < count; i++) {
		if (taken_only && processes[i].taken == 0)
			continue;
		size_t records = taken_only ? processes[i].taken : processes[i].taken + processes[i].left_out;
		fprintf(out, "%s%s (%zu record%s", shown++ ? ", " : "", processes[i].name[0] ? processes[i].name : "no name",
		        records, records == 1 ? "" : "s");
		if (!taken_only)
			fprintf(out, ", %zu taken", processes[i].taken);
		fputc(')', out);
	}
	if (fclose(out) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

void report_audit(struct report *report, size_t added, size_t records, size_t denials,
                  struct audit_process *processes, size_t process_count)
{
	if (report->quiet && report->format == REPORT_TEXT)
		return;
	char *list = process_list(processes, process_count, true);
	report_say(report, "the audit log added %zu syscalls from %zu records of the logging default, made by %s; "
	            "check that each is the workload's%s", added, records, list && list[0] ? list : "unnamed processes",
	            denials > 0 ? " (records of denials, from enforcing profiles, were not taken)" : "");
	free(list);
}

void report_audit_processes(struct report *report, struct audit_process *processes, size_t count, size_t untold,
                            size_t left_out, size_t taken)
{
	char *list = process_list(processes, count, false);
	char more[96] = "";

	if (untold > 0)
		snprintf(more, sizeof(more), ", and %zu records of further processes", untold);
	if (taken == 0)
		report_strictly(report, "--audit-exe and --audit-comm left out every one of the %zu seccomp records: "
		                "they came from %s%s (the kernel names an executable with its symlinks resolved)",
		                left_out, list ? list : "processes not named for want of memory", more);
	else if (!report->quiet)
		report_say(report, "left out %zu seccomp records of other processes than --audit-exe and --audit-comm "
		           "name; the records came from %s%s", left_out, list ? list : "processes not named for want of "
		           "memory", more);
	free(list);
}
