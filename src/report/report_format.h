/*
 * report_format: how results are told (--report), a header of its own so
 * that the options can name it without the report's inputs.
 */
#ifndef F2S_REPORT_FORMAT_H
#define F2S_REPORT_FORMAT_H

enum report_format {
	REPORT_TEXT,     /* sentences on standard error (the default) */
	REPORT_JSON,     /* one JSON document on standard output */
	REPORT_MARKDOWN, /* a Markdown table on standard output, for a pull request */
	REPORT_GITHUB    /* GitHub workflow commands on standard output */
};

#endif
