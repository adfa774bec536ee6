/*
 * run: what a run holds, freed.
 */
#include "jobs/run.h"

#include <stdlib.h>

void run_free(struct run *run)
{
	free(run->workload.groups);
	profile_frame_free(&run->frame);
	translator_free(&run->translator);
	scan_free(&run->scan);
	judge_memo_free(&run->judge);
}
