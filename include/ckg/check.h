/* check.h — validate a loaded ontology beyond what loading already reports.
 *
 * Loading reports syntax, types, keys, duplicate ids and unresolved references. check adds
 * the rules that need the whole picture: names shared by two concepts, cycles in broader,
 * self-relations, repeated mentions or relations, and above all that every quote is found in
 * its paper's source text (doc/design.md, "Quote matching"); it records where each quote lies.
 * The vocabulary's rules (issue 16): a linking phrase names one kind; within a paper an
 * ordered pair of concepts carries kinds of one family; is_a relations agree with broader.
 * Warnings (a concept no paper mentions, a relation end the paper never mentions, an
 * evidence item without a section in a paper that declares sections, a pair two papers
 * state in different families with no note saying why) are kept apart from errors. */
#ifndef CKG_CHECK_H
#define CKG_CHECK_H

#include "ckg/diag.h"
#include "ckg/ontology.h"

#include <stddef.h>

typedef struct check_options {
    const char *corpus_dir; /* the folder of source texts; NULL skips quote verification */
} check_options;

typedef struct check_stats {
    size_t quotes, quotes_found;
    size_t mentions, relations;
} check_stats;

/* Runs every check, appending to diags and filling each evidence's found_line. Returns
 * CKG_OK (the verdict is diags->n_errors), CKG_EIO when the corpus folder cannot be read,
 * or CKG_ENOMEM. */
int check_ontology(ckg_ontology *o, const check_options *opt, diag_list *diags,
                   check_stats *stats);

#endif
