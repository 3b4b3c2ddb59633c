/* phrase.h — a linking phrase as a person writes it, mapped to a relation kind.
 *
 * A phrase names a kind when it is the kind's id, its zh or en phrase (reading from -> to),
 * or its inverse zh or en phrase (reading to -> from: the proposition's direction flips),
 * or one of the synonyms given to phrase_table_build (each with its kind id and whether it
 * reads inverse). Phrases are compared folded (phrase_fold): NFKC, case, width and spaces
 * do not matter, nor do ellipses, dots, dashes, arrows and a trailing 了/着, so "是…的前提",
 * "是...的前提" and "是 的前提" are one phrase, and "—推动→" and "推动了" are 推动. When two
 * entries fold alike, the vocabulary's own phrases win over synonyms, and earlier over later.
 *
 * Families group kinds that make the same kind of claim (issue 16: drives, hinders,
 * conditions, structure, characterizes, fits). Two kinds are compatible when they are equal
 * or of one family; a kind without a family is compatible with itself only.
 *
 * PROVISIONAL: relations.yaml has neither `synonyms` nor `family` yet (branch `vocabulary`
 * adds them). Until then phrase_provisional_synonyms() and phrase_provisional_family() are
 * built-in tables keyed by the kind ids of the shipped vocabulary; a kind id the vocabulary
 * does not have is skipped. At merge, the table is built from the vocabulary's keys instead
 * and the two functions go. */
#ifndef CKG_PHRASE_H
#define CKG_PHRASE_H

#include "ckg/ontology.h"

#include <stddef.h>
#include <stdint.h>

typedef struct phrase_entry {
    const char *phrase;
    const char *kind; /* kind id */
    int inverse;      /* the phrase reads to -> from */
} phrase_entry;

typedef struct phrase_table phrase_table;

/* How a phrase was recognised. */
typedef enum phrase_source {
    PHRASE_UNRECOGNISED = 0,
    PHRASE_ID,       /* the kind's id */
    PHRASE_OWN,      /* the kind's zh or en phrase */
    PHRASE_INVERSE,  /* the kind's inverse zh or en phrase */
    PHRASE_SYNONYM,  /* a synonym */
} phrase_source;

typedef struct phrase_match {
    phrase_source source;
    int32_t kind;    /* -1 when unrecognised */
    int inverse;     /* the phrase reads to -> from */
} phrase_match;

/* Builds the table of o's kinds with the synonyms (may be NULL/0); families (may be NULL)
 * maps each kind index to its family name or NULL. The ontology must outlive the table.
 * CKG_OK or CKG_ENOMEM. */
int phrase_table_build(const ckg_ontology *o, const phrase_entry *synonyms, size_t n_synonyms,
                       const char *const *families, phrase_table **out);
void phrase_table_free(phrase_table *t);

/* Recognises phrase (an empty phrase is unrecognised). CKG_OK or CKG_ENOMEM. */
int phrase_resolve(const phrase_table *t, const char *phrase, phrase_match *m);

/* Are kinds a and b compatible (equal, or of one family)? */
int phrase_compatible(const phrase_table *t, int32_t a, int32_t b);

/* The family of kind k, or NULL. */
const char *phrase_family(const phrase_table *t, int32_t k);

/* phrase folded for comparison: a malloc'd string, NULL when out of memory. */
char *phrase_fold(const char *phrase);

/* PROVISIONAL (see above): the built-in synonyms, and the family of a kind id (NULL when
 * the table does not know it). */
const phrase_entry *phrase_provisional_synonyms(size_t *n);
const char *phrase_provisional_family(const char *kind_id);

/* The table ckg uses: o's kinds, the provisional synonyms and families. */
int phrase_table_default(const ckg_ontology *o, phrase_table **out);

#endif
