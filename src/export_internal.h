/* export_internal.h — the pieces the documents of export_*.c share: JSON values for
 * numbers that may be undefined, concepts and lists of ids (export_values.c), and the links
 * of the query documents (export_links.c). Each returns a new reference, or NULL when out
 * of memory. */
#ifndef CKG_EXPORT_INTERNAL_H
#define CKG_EXPORT_INTERNAL_H

#include "ckg/export.h"
#include "util/strbuf.h"

#include <stdio.h>

/* x as a real, null for NaN. */
json_t *export_json_number(double x);
/* A value of measure k: an integer for whole-number measures, a real otherwise, null for
 * NaN. */
json_t *export_json_measure(metrics_measure k, double x);
/* The theme id of a concept, "" when its theme did not resolve. */
const char *export_theme_id(const ckg_ontology *o, const ckg_concept *c);
/* {id, zh, en, theme} of a concept in a table of measures (metrics, diff, compare): theme is
 * the resolved theme's id; zh and en are left out when absent. */
json_t *export_json_concept_row(const ckg_ontology *o, const ckg_concept *c);
/* {id, zh, en, theme} of a concept in a query document: theme as written, left out when
 * absent. */
json_t *export_json_concept(const ckg_ontology *o, int32_t concept);
/* [id, ...] of papers by index. */
json_t *export_json_paper_ids(const ckg_ontology *o, const int32_t *papers, size_t n);
/* [s, ...] of a list of strings (absent ones left out). */
json_t *export_json_strings(const ckg_strs *l);

/* A link as the JSON of a neighbor (doc/commands.md): id, zh, en, theme, kind, direction, depth,
 * papers, phrase, via, and with evidence its quotes with their lines. */
json_t *export_json_link(const ckg_ontology *o, const query_link *l, int evidence,
                         query_lines *lines);

/* ------------------------------------------------------------------ the graph formats
 * (export_fields.c; the writers are export.c and export_gexf.c) */

/* The texts every graph format writes of a vertex (EXPORT_V_*) or an edge (EXPORT_E_*), the
 * lists among them joined in the strbufs; a NULL list (out of memory) is written empty and
 * the writer fails at the end (export_texts_done). Zero-initialize; reuse for every vertex. */
enum {
    EXPORT_V_ZH, EXPORT_V_EN, EXPORT_V_ALT, EXPORT_V_THEME, EXPORT_V_PAPERS, EXPORT_V_COLOR,
    EXPORT_V_DEFINITION_ZH, EXPORT_V_DEFINITION_EN, EXPORT_V_N
};
enum { EXPORT_E_KINDS, EXPORT_E_LABEL, EXPORT_E_PAPERS, EXPORT_E_N };

typedef struct export_texts {
    strbuf lists[3];
    const char *v[EXPORT_V_N];
} export_texts;

const ckg_concept *export_vertex_concept(const ckg_graph *g, int32_t v);
void export_vertex_texts(export_texts *t, const ckg_graph *g, size_t v);
void export_edge_texts(export_texts *t, const ckg_graph *g, const graph_edge *e);
/* Frees the lists; CKG_ENOMEM when one of them ran out of memory. */
int export_texts_done(export_texts *t);

/* The numbers of a vertex, 0 .. export_vertex_numbers(a): n_papers, then with attrs
 * evidence and every measure in metrics_measure order; their names, whether each is whole,
 * their values (NaN: undefined, left out). */
size_t export_vertex_numbers(const export_attrs *a);
const char *export_vertex_number_name(size_t i);
int export_vertex_number_is_integer(size_t i);
double export_vertex_number(const ckg_graph *g, const export_attrs *a, size_t v, size_t i);
/* x as "%.0f" (whole) or "%.17g"; nothing for NaN. */
void export_number(FILE *f, double x, int integer);

/* s escaped for XML: as character data, or (attribute) as an attribute value, where line
 * breaks and tabs become character references so that a reader keeps them. Characters XML
 * 1.0 forbids become U+FFFD. */
void export_xml_escaped(FILE *f, const char *s, int attribute);

/* GEXF 1.3 of g (export_gexf.c). */
int export_write_gexf(const ckg_graph *g, const export_attrs *a, FILE *f);

#endif
