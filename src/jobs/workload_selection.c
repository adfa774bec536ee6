/*
 * workload_selection: the values of --group-by, one table, and whether a
 * selection names anything.
 */
#include "jobs/workload_selection.h"

#include "text/text.h"

#include <stdio.h>
#include <string.h>

/* --group-by's values: a word, or a prefix followed by a key. --help and the man page name them too. */
static const struct {
	const char *word;          /* as --group-by takes it */
	bool keyed;                /* the word is a prefix and a KEY follows it */
	enum workload_group group; /* what it groups by */
} groups[] = {
	{ "image", false, GROUP_IMAGE },
	{ "name", false, GROUP_NAME },
	{ "k8s", false, GROUP_K8S },
	{ "label:", true, GROUP_LABEL },
};

#define GROUP_COUNT (sizeof(groups) / sizeof(groups[0]))

bool workload_selecting(const struct workload_selection *selection)
{
	return selection->image_count + selection->name_count + selection->pod_count + selection->label_count > 0;
}

bool workload_group_parse(const char *text, enum workload_group *group, const char **label)
{
	*label = NULL;
	for (size_t i = 0; i < GROUP_COUNT; i++) {
		size_t length = strlen(groups[i].word);
		if (groups[i].keyed ? strncmp(text, groups[i].word, length) != 0 || text[length] == '\0'
		                    : strcmp(text, groups[i].word) != 0)
			continue;
		*group = groups[i].group;
		if (groups[i].keyed)
			*label = text + length;
		return true;
	}
	return false;
}

const char *workload_group_list(void)
{
	static char text[64];
	static char keyed[GROUP_COUNT][16];
	const char *words[GROUP_COUNT];

	if (text[0] == '\0') {
		for (size_t i = 0; i < GROUP_COUNT; i++) {
			snprintf(keyed[i], sizeof(keyed[i]), "%s%s", groups[i].word, groups[i].keyed ? "KEY" : "");
			words[i] = keyed[i];
		}
		text_join(text, sizeof(text), words, GROUP_COUNT, " or ");
	}
	return text;
}
