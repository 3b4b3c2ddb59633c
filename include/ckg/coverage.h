/* coverage.h — how much of each paper's text is tied to evidence, section by section.
 *
 * Sections are the text's own headings, found by text_doc (markdown `#` lines, or numbered
 * heading lines where a text has none); each section runs from its heading to the next one.
 * Text before the first heading counts as a section of its own when it is long enough to be
 * an introduction (a short run is a journal's column line or similar front matter), and a
 * text without headings is one section.
 * References, the trailing English abstract and an editor's note (编者按) are not body text:
 * they are listed but count neither towards the paper's size nor as missing evidence.
 * Sizes are in characters of the normalized text (no spaces, no page furniture), and a
 * character is covered when some quote of the paper (found as `check` finds it) spans it. */
#ifndef CKG_COVERAGE_H
#define CKG_COVERAGE_H

#include "ckg/corpus.h"
#include "ckg/diag.h"
#include "ckg/ontology.h"

#include <stddef.h>

typedef struct coverage_section {
    const char *title;   /* the heading's title, or "(before the first heading)" */
    const char *label;   /* the numbering as written ("一、", "(二)"), "" if none */
    int level;           /* depth in the outline (1 = top; from the numbering where there is
                          * one), 0 for the text before any heading */
    size_t line;         /* first line of the heading (or 1) */
    int body;            /* counts as body text (see above) */
    const char *section_id; /* the paper's declared section whose title it carries, or NULL */
    size_t chars;        /* characters from the heading to the next heading */
    size_t covered;      /* of which spanned by a quote */
    size_t quotes;       /* quotes that begin in it */
} coverage_section;

typedef struct coverage_paper {
    const ckg_paper *paper;
    size_t chars, covered; /* body text only */
    size_t quotes;         /* verified quotes of the paper */
    coverage_section *sections;
    size_t n_sections;
    size_t n_uncovered; /* body sections without any quote */
} coverage_paper;

typedef struct coverage_report {
    coverage_paper *papers;
    size_t n_papers;
} coverage_report;

/* Computes coverage for one paper (only != NULL) or all. A source that cannot be read is
 * reported at the paper's source key and the paper left out; quotes that are not found
 * simply cover nothing (`check` is the place that reports them). Returns CKG_OK or
 * CKG_ENOMEM. */
int coverage_compute(const ckg_ontology *o, corpus *cp, const ckg_paper *only, diag_list *diags,
                     coverage_report **out);

void coverage_free(coverage_report *r);

#endif
