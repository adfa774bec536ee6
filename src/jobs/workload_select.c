/*
 * workload_select: the containers of the workload the command line
 * selects (--image, --name, --k8s, --label), united as if they had been
 * named by id.
 */
#include "jobs/workload_select.h"

#include "jobs/options.h"
#include "jobs/runtime_choice.h"
#include "jobs/workload.h"
#include "report/report.h"

#include <stdio.h>
#include <string.h>

/* Writes the selection as the user gave it ("--image nginx --label app=web") into found->selection. */
static void describe_selection(const struct workload_selection *s, struct workload_found *found)
{
	const struct { const char *option; const char *const *values; size_t count; } parts[] = {
		{ "--image", s->images, s->image_count }, { "--name", s->names, s->name_count },
		{ "--k8s", s->pods, s->pod_count }, { "--label", s->labels, s->label_count },
	};
	size_t used = 0;

	found->selection[0] = '\0';
	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++)
		for (size_t i = 0; i < parts[p].count && used < sizeof(found->selection); i++)
			used += (size_t)snprintf(found->selection + used, sizeof(found->selection) - used, "%s%s %s",
			                         used ? " " : "", parts[p].option, parts[p].values[i]);
}

/*
 * Unites the containers of the selected workload into the scan's results,
 * as if they had been named by id: every event of a container counts once
 * any of its events carried the fields that select it. Pause containers
 * are left out unless --image names their image.
 */
/* Adds image to the workload's list of images, once. */
static void note_image(struct workload_found *found, const char *image)
{
	size_t used = strlen(found->images), length = strlen(image);
	const char *at = found->images;

	if (image[0] == '\0')
		return;
	while ((at = strstr(at, image)) != NULL) {
		if ((at == found->images || at[-1] == ',') && (at[length] == ',' || at[length] == '\0'))
			return;
		at += length;
	}
	if (used + length + 2 < sizeof(found->images))
		snprintf(found->images + used, sizeof(found->images) - used, "%s%s", used ? "," : "", image);
}

enum run_status workload_select(struct log_pass *pass, const struct options *opts, struct runtime_choice *runtime,
                                struct workload_found *found, struct report *report, const struct run_results *results)
{
	const struct workload_selection *selection = &opts->workload;
	struct scan *scan = &pass->scan;
	uint64_t events = 0;

	describe_selection(selection, found);
	memset(&scan->syscalls, 0, sizeof(scan->syscalls));
	memset(&scan->refused, 0, sizeof(scan->refused));
	memset(&scan->provenance, 0, sizeof(scan->provenance));
	memset(&scan->facts, 0, sizeof(scan->facts));
	for (size_t i = 0; i < scan->container_count; i++) {
		const struct scan_container *c = &scan->containers[i];
		if (!workload_matches(selection, c, pass->label_keys, pass->label_key_count))
			continue;
		if (workload_is_infrastructure(c) && !workload_image_named(selection, c)) {
			found->infrastructure++;
			continue;
		}
		syscall_set_union(&scan->syscalls, &c->syscalls);
		syscall_set_union(&scan->refused, &c->refused);
		note_image(found, c->image);
		scan_provenance_unite(&scan->provenance, &c->provenance);
		arg_facts_unite(&scan->facts, &c->facts);
		container_life_unite(&runtime->life, &c->life);
		events += c->events;
		found->late_events += c->events_before_fields;
		found->containers++;
	}
	scan->matched = events;
	runtime_choice_settle(runtime, &runtime->life, false, report);
	if (found->containers > 0 && syscall_set_count(&scan->syscalls) > 0)
		return RUN_OK;
	if (found->containers > 0 && opts->allow_empty)
		return RUN_OK;
	report_no_workload(report, results, opts->job == JOB_CHECK ? "nothing to check" : "nothing written");
	return RUN_NO_EVENTS;
}
