/* export_internal.h — the pieces the documents of export_*.c share: JSON values for
 * numbers that may be undefined, concepts and lists of ids (export_values.c), and the links
 * of the query documents (export_links.c). Each returns a new reference, or NULL when out
 * of memory. */
#ifndef CKG_EXPORT_INTERNAL_H
#define CKG_EXPORT_INTERNAL_H

#include "ckg/export.h"

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

/* A link as the JSON of a neighbor (README): id, zh, en, theme, kind, direction, depth,
 * papers, phrase, via, and with evidence its quotes with their lines. */
json_t *export_json_link(const ckg_ontology *o, const query_link *l, int evidence,
                         query_lines *lines);

#endif
