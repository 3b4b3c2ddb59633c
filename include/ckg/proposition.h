/* proposition.h — the relations of a scope as Novak propositions (concept — linking phrase →
 * concept), with sentences in Chinese and English and the quotes behind each.
 *
 * One proposition per distinct relation (from, kind, to) stated in the scope, whatever the
 * number of papers stating it; its evidence is every quote of the scope behind it, by paper
 * then file order. Scope: all papers, one paper, or one declared section of a paper (a
 * statement counts when one of its quotes is tagged with the section, as in graph.h, and only
 * the quotes so tagged are kept). Relations whose ends or kind did not resolve, and
 * self-relations, are left out, as everywhere else.
 *
 * Order (prop_collect): by text — the paper of the first statement (paper order), then the
 * line of its first quote in the source text (when the corpus is at hand), then file order —
 * or by theme — the theme of `from` (vocabulary order), then by text. Each proposition knows
 * the heading of the source text its first quote lies under, so a handout can be sectioned
 * like the paper.
 *
 * Sentences (prop_sentence) are built from the kind's linking phrase by three rules, so a
 * phrase written as a label still reads as Chinese: a phrase with "…" wraps the object
 * ("以…为载体": B以A为载体), a phrase "是X" takes the object before X ("是前提": A是B的前提),
 * any other phrase stands between the two (A催生B). English: "A <phrase> B." with the
 * first letter raised. Everything a list holds lives in its arena; strings from the
 * ontology are borrowed, so the ontology must outlive the list. */
#ifndef CKG_PROPOSITION_H
#define CKG_PROPOSITION_H

#include "ckg/arena.h"
#include "ckg/ontology.h"
#include "ckg/query.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct prop_scope {
    int32_t paper;   /* paper index, -1 for all papers */
    int32_t section; /* declared section of that paper, -1 for the whole paper */
} prop_scope;

#define PROP_SCOPE_ALL ((prop_scope){-1, -1})

/* One quote behind a proposition. */
typedef struct prop_quote {
    int32_t paper;
    const ckg_relation *relation;
    const ckg_evidence *evidence;
    uint32_t line; /* 1-based line in the paper's source text; 0 when not known */
} prop_quote;

typedef struct proposition {
    int32_t from, kind, to;
    int32_t theme;      /* the theme of from (-1 when unresolved), for ordering by theme */
    prop_quote *quotes; /* by paper, then file order */
    size_t n_quotes;
    int32_t *papers;    /* papers stating it in scope, ascending */
    size_t n_papers;
    size_t order;       /* place of its first statement in file order over all papers */
    const char *section; /* heading of the text its first quote lies under, or NULL */
    uint32_t section_line; /* that heading's line, 0 when none */
    const char *zh, *en; /* the sentences */
} proposition;

typedef enum prop_order { PROP_ORDER_TEXT, PROP_ORDER_THEME } prop_order;

typedef struct prop_list {
    const ckg_ontology *o;
    prop_scope scope;
    prop_order order;
    proposition *items;
    size_t n;
    arena mem;
} prop_list;

/* The propositions of scope, ordered. With lines (query.h; may be NULL), each quote gets its
 * line and each proposition its section, from the corpus lines opens; a quote whose source
 * cannot be read has no line (lines counts it in unlocated and keeps the diagnostic).
 * Returns CKG_OK, CKG_EUSAGE (a paper or section out of range, a section without a paper)
 * or CKG_ENOMEM. The ontology must be free of load errors. */
int prop_collect(const ckg_ontology *o, const prop_scope *scope, prop_order order,
                 query_lines *lines, prop_list **out);
void prop_list_free(prop_list *l);

typedef enum prop_lang { PROP_ZH, PROP_EN } prop_lang;

/* The sentence "from kind to" in lang, with the given texts standing for the two concepts
 * (their names, or a blank): a malloc'd string the caller frees, NULL when out of memory. */
char *prop_sentence(const ckg_kind *kind, prop_lang lang, const char *from, const char *to);

/* ---------------------------------------------------------------- documents
 * (proposition_write.c). Languages: PROP_LANG_ZH, PROP_LANG_EN or both. The writers return
 * CKG_OK, CKG_ENOMEM, or CKG_EIO when the stream reports an error. */
enum { PROP_LANG_ZH = 1u, PROP_LANG_EN = 2u, PROP_LANG_BOTH = 3u };

typedef enum prop_format { PROP_MD, PROP_CSV, PROP_JSON } prop_format;

/* l in format fmt: prop_write_md, prop_write_csv (both in langs), or the JSON of
 * prop_json, indented, with a newline after it. */
int prop_write(const prop_list *l, prop_format fmt, unsigned langs, FILE *f);

/* A Markdown handout: a title naming the scope, then each proposition numbered under the
 * heading of its section (text order; papers under their own heading when the scope is all
 * papers) or of its theme: the proposition as concept —phrase→ concept, its sentences, and
 * its quotes with paper:line. */
int prop_write_md(const prop_list *l, unsigned langs, FILE *f);

/* CSV (RFC 4180, LF): n, papers, section, from, kind, to, zh and/or en, evidence (one
 * "paper:line quote" per line of the cell). */
int prop_write_csv(const prop_list *l, unsigned langs, FILE *f);

/* {"scope", "order", "propositions":[{"from", "kind", "to", "text":{"zh","en"}, "papers",
 * "section", "evidence":[{"paper","quote","line"}]}]} (a new reference). CKG_OK or
 * CKG_ENOMEM. */
int prop_json(const prop_list *l, json_t **out);

/* Does the relation statement count in the scope, and which of its quotes do? (The rule of
 * graph_statement_in_scope, for an index-based scope.) */
int prop_in_scope(const prop_scope *scope, int32_t paper, const ckg_evidences *ev);
int prop_quote_in_scope(const prop_scope *scope, const ckg_evidence *ev);

#endif
