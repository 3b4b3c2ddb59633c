/* names.h — find a concept by any of its names, the way a person types it.
 *
 * A concept answers to its id, zh, en and every alt, compared folded (NFKC, case, width and
 * whitespace insensitive: "ＴＦＰ", "tfp" and "T F P" are one name). A name shared by several
 * concepts resolves to all of them (ambiguous); an unknown name gets suggestions by edit
 * distance over ids, zh and en names, after the concepts one of whose names contains it
 * ("数据" is in 28 names). Every command that takes a concept uses this. */
#ifndef CKG_NAMES_H
#define CKG_NAMES_H

#include "ckg/ontology.h"

#include <stddef.h>
#include <stdint.h>

typedef struct names_index names_index;

/* Builds the index of every name of every concept. CKG_OK or CKG_ENOMEM. */
int names_build(const ckg_ontology *o, names_index **out);
void names_free(names_index *ix);

typedef enum { NAMES_FOUND, NAMES_AMBIGUOUS, NAMES_UNKNOWN } names_verdict;

enum { NAMES_MAX_MATCHES = 8, NAMES_MAX_CONTAINING = 10 };

typedef struct names_result {
    names_verdict verdict;
    int32_t concepts[NAMES_MAX_MATCHES]; /* FOUND: one; AMBIGUOUS: the candidates */
    size_t n;
    /* UNKNOWN: the concepts one of whose names contains the name (folded), the shortest such
     * name first (then ontology order), each with that name as written; n_containing of
     * them listed, containing_total in all. */
    int32_t containing[NAMES_MAX_CONTAINING];
    const char *containing_names[NAMES_MAX_CONTAINING];
    size_t n_containing, containing_total;
    /* UNKNOWN: closest names by edit distance, best first, none of a concept listed in
     * containing */
    const char *suggestions[NAMES_MAX_MATCHES];
    size_t n_suggestions;
} names_result;

/* Resolves name. Returns CKG_OK (see r->verdict) or CKG_ENOMEM. */
int names_resolve(const names_index *ix, const char *name, names_result *r);

/* The same verdict without an index: one pass over every name, folding each and keeping
 * nothing, which is cheaper than indexing them when a command looks up one or two names
 * (ckg neighbors at 20k concepts). Only an unknown name builds the index, for its
 * suggestions. CKG_OK or CKG_ENOMEM. */
int names_resolve_once(const ckg_ontology *o, const char *name, names_result *r);

/* ------------------------------------------------------------------ papers, sections, themes
 *
 * The same rules wherever a command takes one: compared folded (text_fold), a paper or a
 * section by its id or by the start of it when no other one starts so (`peng` for peng2024,
 * `forum2024/yi` for the essay yi-tong), a theme by its id, zh or en name. Each returns
 * CKG_OK with r->verdict set (FOUND: r->concepts[0] is the index of the paper, section or
 * theme; AMBIGUOUS: the candidates, in ontology order; UNKNOWN: suggestions by edit
 * distance, the ids or names as written), or CKG_ENOMEM. */
int names_paper(const ckg_ontology *o, const char *name, names_result *r);
int names_section(const ckg_paper *p, const char *name, names_result *r);
int names_theme(const ckg_ontology *o, const char *name, names_result *r);

#endif
