/*
 * run: what a run holds, freed.
 */
#include "jobs/run.h"

#include <stdlib.h>

void run_free(struct run *run)
{
	free(run->groups);
	for (size_t i = 0; run->merged != NULL && i < run->options.merge.count; i++)
		profile_input_free(&run->merged[i]);
	free(run->merged);
	translator_free(&run->translator);
	scan_free(&run->scan);
	cJSON_Delete(run->kept_rules);
	for (size_t i = 0; i < run->judged_count; i++)
		free(run->judged[i].text);
	free(run->judged);
}
