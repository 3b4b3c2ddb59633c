/* export.h — the analysis graph of a scope written for other tools.
 *
 * Formats (everything that comes from YAML is escaped for the format):
 *   JSON     doc/design.md's shape: {"scope", "papers":[{id, source, title, authors, venue,
 *            year, sections:[{id, title, authors}]}], "concepts":[{id, zh, en, alt, theme, broader, papers}],
 *            "relations":[{from, to, kind, papers}]}. concepts are the graph's vertices in
 *            vertex order; relations hold one entry per distinct statement (from, kind, to)
 *            in scope, with the papers stating that very kind, ordered by (from vertex,
 *            to vertex, kind). The analysis graph is rebuilt from it exactly: one edge per
 *            distinct (from, to), weight = the number of distinct papers over its entries.
 *   GraphML  typed <key>s; nodes carry label (= zh), zh, en, alt, theme, papers (string)
 *            and n_papers (int), their XML id being the concept id; edges carry weight
 *            (double), kinds, label (the kinds' zh phrases) and papers; the graph carries
 *            scope. Lists inside one value are joined with ';' (in alt, a ';' or '\' of a
 *            name is escaped by a backslash; ids never hold either). Read back by
 *            python-igraph (Graph.Read_GraphML), NetworkX (read_graphml) and Gephi.
 *   DOT      a plain digraph with the same attributes (weight an integer), no styling.
 *   CSV      RFC 4180 (fields with , " CR or LF quoted, quotes doubled; LF line ends): a
 *            nodes table (id, label, zh, en, theme, alt, papers) and an edges table
 *            (source, target, type, weight, kinds, label, papers), one row per edge of the
 *            graph; both (nodes, an empty line, edges) or one of them.
 * The writers return CKG_OK, CKG_ENOMEM, or CKG_EIO when the stream reports an error. */
#ifndef CKG_EXPORT_H
#define CKG_EXPORT_H

#include "ckg/graph.h"

#include <jansson.h>
#include <stdio.h>

typedef enum export_format {
    EXPORT_JSON,
    EXPORT_GRAPHML,
    EXPORT_DOT,
    EXPORT_CSV,       /* nodes, an empty line, edges */
    EXPORT_CSV_NODES, /* the nodes table only */
    EXPORT_CSV_EDGES, /* the edges table only */
} export_format;

/* "json", "graphml", "dot", "csv" -> the format; CKG_OK or CKG_ENOTFOUND. */
int export_format_from_name(const char *name, export_format *out);

/* The JSON document of g (a new reference). CKG_OK or CKG_ENOMEM. */
int export_json(const ckg_graph *g, json_t **out);

/* Writes g in format f to out. */
int export_write(const ckg_graph *g, export_format f, FILE *out);

#endif
