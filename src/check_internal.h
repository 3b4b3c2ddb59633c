/* check_internal.h — the rules of check.c that live in their own files. Each appends to
 * diags and returns CKG_OK or CKG_ENOMEM. */
#ifndef CKG_CHECK_INTERNAL_H
#define CKG_CHECK_INTERNAL_H

#include "ckg/diag.h"
#include "ckg/ontology.h"

/* check_vocabulary.c: a linking phrase (zh, en, synonym; of the kind or its inverse),
 * folded as phrase_fold folds it, belongs to one kind and one direction only. */
int check_kind_phrases(const ckg_ontology *o, diag_list *diags);

/* check_vocabulary.c: one family per ordered pair within a paper (errors); the same pair in
 * different families in two papers (warnings, unless a relation note names the other). */
int check_pair_families(const ckg_ontology *o, diag_list *diags);

/* check_vocabulary.c: is_a relations agree with the broader hierarchy, and no part_of or
 * core_of joins a concept and one of its broader concepts. */
int check_is_a_broader(const ckg_ontology *o, diag_list *diags);

#endif
