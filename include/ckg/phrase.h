/* phrase.h — a linking phrase as a person writes it, mapped to a relation kind of the
 * vocabulary (relations.yaml), and which kinds make the same claim.
 *
 * A phrase names a kind when it is one of the kind's phrases: its zh or en phrase or one of
 * its `synonyms`, which read from -> to; its `inverse` zh or en phrase or one of the
 * inverse's `synonyms`, which read to -> from (the proposition's direction flips: "B 依赖
 * A" is "A 是前提 B"). Phrases are compared folded (phrase_fold): NFKC, case, width and
 * spaces do not matter, nor do ellipses, dots, dashes, arrows and a trailing 了/着, and the
 * two frames a linking phrase is written in are read as the phrase inside them: 是…的X is
 * 是X (the vocabulary writes 是前提 for 是…的前提) and 为…X is X (为…提供条件 is 提供条件).
 * So "是…的前提", "是...的前提" and "是 的前提" are 是前提, and "—推动→" and "推动了" are 推动.
 * The kind's id (carrier_of) names it too, read from -> to.
 *
 * `ckg check` refuses a folded phrase that two kinds share, or that one kind reads both ways
 * (check_vocabulary.c). On a vocabulary that has one all the same, the first entry wins, in
 * this order: each kind's zh and en; then inverse phrases; then synonyms; then inverse
 * synonyms; each pass over the kinds in vocabulary order. Ids come last: an id is a name for
 * curators, not a linking phrase, and loses to a phrase that folds alike (the id `requires`
 * to the inverse phrase "requires", which reads to -> from as English does).
 *
 * Families (ontology.h) group the kinds that make the same kind of claim: two kinds are
 * compatible when they are equal or of one family; a kind without a valid family is
 * compatible with itself only. */
#ifndef CKG_PHRASE_H
#define CKG_PHRASE_H

#include "ckg/ontology.h"

#include <stddef.h>
#include <stdint.h>

typedef struct phrase_table phrase_table;

/* How a phrase was recognised. */
typedef enum phrase_source {
    PHRASE_UNRECOGNISED = 0,
    PHRASE_ID,       /* the kind's id */
    PHRASE_OWN,      /* the kind's zh or en phrase */
    PHRASE_INVERSE,  /* the kind's inverse zh or en phrase */
    PHRASE_SYNONYM,  /* a synonym of the kind's phrase or of its inverse */
} phrase_source;

typedef struct phrase_match {
    phrase_source source;
    int32_t kind;    /* -1 when unrecognised */
    int inverse;     /* the phrase reads to -> from */
} phrase_match;

/* The table of o's kinds and every phrase of each. The ontology must outlive the table.
 * CKG_OK or CKG_ENOMEM. */
int phrase_table_build(const ckg_ontology *o, phrase_table **out);
void phrase_table_free(phrase_table *t);

/* Recognises phrase (an empty phrase is unrecognised). CKG_OK or CKG_ENOMEM. */
int phrase_resolve(const phrase_table *t, const char *phrase, phrase_match *m);

/* Are kinds a and b of o compatible (equal, or of one family)? */
int phrase_compatible(const ckg_ontology *o, int32_t a, int32_t b);

/* phrase folded for comparison: a malloc'd string, NULL when out of memory. */
char *phrase_fold(const char *phrase);

/* One phrase of a kind, for walking them all (phrase_each). */
typedef struct phrase_of_kind {
    const ckg_str *phrase;
    int32_t kind;
    int inverse;          /* reads to -> from */
    phrase_source source; /* PHRASE_ID, PHRASE_OWN, PHRASE_INVERSE or PHRASE_SYNONYM */
} phrase_of_kind;

/* Calls each(&p, arg) for every phrase of every kind of o, in the order of precedence
 * above (a phrase the vocabulary leaves out is skipped); stops at the first non-zero return
 * and returns it, else 0. */
int phrase_each(const ckg_ontology *o, int (*each)(const phrase_of_kind *p, void *arg),
                void *arg);

#endif
