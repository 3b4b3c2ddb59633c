/* export.h — what ckg writes for other tools: the analysis graph of a scope (below), and
 * the JSON documents and CSV tables of the commands (further down).
 *
 * Formats of the graph (everything that comes from YAML is escaped for the format):
 *   JSON     doc/design.md's shape: {"scope", "papers":[{id, source, title, authors, venue,
 *            year, sections:[{id, title, authors}]}], "concepts":[{id, zh, en, alt, theme, broader, papers}],
 *            "relations":[{from, to, kind, papers}]}. concepts are the graph's vertices in
 *            vertex order; relations hold one entry per distinct statement (from, kind, to)
 *            in scope, with the papers stating that very kind, ordered by (from vertex,
 *            to vertex, kind). The analysis graph is rebuilt from it exactly: one edge per
 *            distinct (from, to), weight = the number of distinct papers over its entries.
 *   GraphML  typed <key>s; nodes carry label (= zh), zh, en, alt, theme, papers, color,
 *            definition_zh, definition_en (string), n_papers (int) and, with the graph's
 *            export_attrs, evidence (int) and every measure of metrics.h (int for the
 *            whole-number ones, double for the others), their XML id being the concept id;
 *            edges carry weight (double), kinds, label (the kinds' zh phrases), papers and
 *            with attrs evidence (int); the graph carries scope. Lists inside one value are
 *            joined with ';' (in alt, a ';' or '\' of a name is escaped by a backslash; ids
 *            never hold either). Read back by python-igraph (Graph.Read_GraphML), NetworkX
 *            (read_graphml) and Gephi.
 *   GEXF     GEXF 1.3 (export_gexf.c): the same attributes as GraphML, declared as
 *            <attributes> and given as <attvalue>s, the edges' weight and label as theirs,
 *            and per node the viz module's color (its theme's, as on the maps), size (by
 *            PageRank) and position (a Graphviz layout, export_attrs), so that Gephi opens
 *            a finished map. Text goes into attribute values, line breaks and tabs as
 *            character references so they survive.
 *   DOT      a plain digraph with the attributes of the first GraphML (weight an integer),
 *            no styling and no measures.
 *   CSV      RFC 4180 (fields with , " CR or LF quoted, quotes doubled; LF line ends): a
 *            nodes table (id, label, zh, en, theme, alt, papers, color, definition_zh,
 *            definition_en, n_papers, then evidence and every measure with attrs) and an
 *            edges table (source, target, type, weight, kinds, label, papers, then
 *            evidence with attrs), one row per edge of the graph; both (nodes, an empty
 *            line, edges) or one of them.
 * The writers return CKG_OK, CKG_ENOMEM, or CKG_EIO when the stream reports an error. */
#ifndef CKG_EXPORT_H
#define CKG_EXPORT_H

#include "ckg/coverage.h"
#include "ckg/diff.h"
#include "ckg/graph.h"
#include "ckg/metrics.h"
#include "ckg/query.h"
#include "ckg/render.h"

#include <jansson.h>
#include <stdio.h>

typedef enum export_format {
    EXPORT_JSON,
    EXPORT_GRAPHML,
    EXPORT_GEXF,
    EXPORT_DOT,
    EXPORT_CSV,       /* nodes, an empty line, edges */
    EXPORT_CSV_NODES, /* the nodes table only */
    EXPORT_CSV_EDGES, /* the edges table only */
} export_format;

/* "json", "graphml", "gexf", "dot", "csv" -> the format; CKG_OK or CKG_ENOTFOUND. */
int export_format_from_name(const char *name, export_format *out);

/* What the graph formats carry besides the graph (export_attrs.c): every measure of the
 * graph (metrics_compute, unweighted), the evidence of each vertex (the quotes of its
 * mentions in scope) and each edge (the quotes of the relations stated for the pair in
 * scope; in a section scope only the quotes tagged with the section), and for GEXF each
 * node's size (10 to 50 by PageRank, the square root of its share of the largest) and
 * position (Graphviz's sfdp with those sizes, deterministic). */
typedef struct export_attrs {
    const metrics_result *m;           /* of the graph exported */
    size_t *vertex_evidence, *edge_evidence;
    double *size;                      /* per vertex */
    double *x, *y;                     /* per vertex; NULL unless laid out */
} export_attrs;

/* Builds the attributes of g with m (metrics_compute of g), laid out in the Graphviz
 * context layout when it is not NULL (render_context_new; one context serves every layout
 * of a process: Graphviz 2.42's pango plugin reads freed memory in a second one). CKG_OK,
 * CKG_EINVALID when Graphviz cannot lay the graph out (a diagnostic says why) or
 * CKG_ENOMEM; *out is zeroed on failure. */
int export_attrs_build(const ckg_graph *g, const metrics_result *m, render_context *layout,
                       diag_list *diags, export_attrs *out);
void export_attrs_free(export_attrs *a);

/* The JSON document of g (a new reference). CKG_OK or CKG_ENOMEM. */
int export_json(const ckg_graph *g, json_t **out);

/* Writes g in format f to out, with attrs (NULL: without evidence, measures or layout;
 * GEXF then has no viz sizes or positions). */
int export_write(const ckg_graph *g, export_format f, const export_attrs *attrs, FILE *out);

/* ------------------------------------------------------------------ the commands' documents
 *
 * The JSON documents and CSV tables of `ckg metrics`, `diff`, `compare`, `coverage`,
 * `neighbors`, `show`, `path` and `search`, in the shapes doc/commands.md documents, built here so
 * that unit tests check them against those shapes (tests/unit/test_documents.c) and the
 * commands only print them. Strings from the ontology are escaped by jansson or written by
 * csv_field (RFC 4180, quoted only where a comma, quote or line break needs it); an undefined
 * number (NaN) is JSON null or an empty CSV field; whole-number measures are JSON integers.
 * JSON builders return CKG_OK with a new reference in *out, or CKG_ENOMEM; CSV writers
 * return CKG_OK or CKG_ENOMEM and leave stream errors to the caller. */

/* export_metrics.c. {scope, nodes, edges, weighted, method, seed, damping, concepts: [{id,
 * zh, en, theme, degree, in_degree, out_degree, betweenness, harmonic, pagerank, hub,
 * authority, coreness, community, rank}], graph: {nodes, edges, undirected_edges, density,
 * components, largest_component, diameter, communities, modularity, theme_modularity}}:
 * concepts are the vertices rows[0..n_rows) (metrics_select), in that order; rank is
 * ranks[v] (metrics_ranks of metrics_rank_measure: tied concepts share the average rank),
 * left out when ranks is NULL. */
int export_metrics_json(const metrics_result *m, const size_t *rows, size_t n_rows,
                        const double *ranks, json_t **out);
/* rank,id,zh,en,theme and one column per measure; rank is ranks[v] as in the JSON (an
 * empty field when ranks is NULL). */
int export_metrics_csv(const metrics_result *m, const size_t *rows, size_t n_rows,
                       const double *ranks, FILE *f);

/* export_diff.c. {a, b, measure, scopes: [{scope, paper, section, title, authors, year,
 * nodes, edges, density, communities, modularity}] (a's, b's), shared, only_a, only_b (ids),
 * jaccard, jaccard_relations, correlations: {measure: {n, spearman, kendall}}, concepts:
 * [{id, zh, en, theme, a: {every measure, rank, ranks: {measure: rank}}, b, delta: {every
 * measure, rank}}] (shared, biggest movers first; delta = b - a), only_a_concepts: [{id, zh,
 * en, theme, a}], only_b_concepts: [{..., b}], themes: {theme id: {a, b, a_concepts,
 * b_concepts, a_relation_ends, b_relation_ends, a_relation_share, b_relation_share}},
 * relations: {shared, only_a, only_b: [{from, to, kinds_a, kinds_b, ends_shared}]},
 * spearman_pagerank, kendall_pagerank, spearman_M, kendall_M} (M the chosen measure). */
int export_diff_json(const diff_result *d, json_t **out);

typedef enum export_diff_table {
    EXPORT_DIFF_ALL,       /* the three below, each after an empty line */
    EXPORT_DIFF_CONCEPTS,  /* id,zh,en,theme,in,rank_a,rank_b,rank_delta, per measure
                            * M_a,M_b,M_delta (community: no delta); shared, only a, only b */
    EXPORT_DIFF_RELATIONS, /* from,to,in,kinds_a,kinds_b,ends_shared */
    EXPORT_DIFF_THEMES,    /* theme,zh,en,concepts_a,concepts_b,concept_share_a,... */
} export_diff_table;

int export_diff_csv(const diff_result *d, export_diff_table table, FILE *f);

/* export_compare.c. {measure, scopes: [{scope, paper, section, title, nodes, edges, density,
 * communities, modularity, top: [{id, zh, value, rank}] (the first 5)}], pairs: [{a, b,
 * shared_concepts, jaccard, shared_relations, jaccard_relations, n, spearman_M, kendall_M}]
 * (each pair once), jaccard: {concepts, relations}, spearman_M, kendall_M (scope x scope
 * matrices), concepts: [{id, zh, en, theme, ranks: {scope: rank|null}, values: {scope:
 * value|null}}] (the first rows of t->concepts)}. */
int export_compare_json(const diff_table *t, size_t rows, json_t **out);

typedef enum export_compare_table {
    EXPORT_COMPARE_ALL,     /* the three below, each after an empty line */
    EXPORT_COMPARE_RANKS,   /* id,zh,en,theme, one rank column per scope; the first rows */
    EXPORT_COMPARE_PAIRS,   /* a,b,shared_concepts,jaccard,...: every ordered pair */
    EXPORT_COMPARE_FIGURES, /* scope,nodes,edges,density,communities,modularity,top */
} export_compare_table;

int export_compare_csv(const diff_table *t, size_t rows, export_compare_table table, FILE *f);

/* export_coverage.c. {papers: [{id, source, chars, covered, share, quotes, sections:
 * [{title, label, level, line, body, section, chars, covered, share, quotes}], uncovered:
 * [title, ...]}]}. */
int export_coverage_json(const coverage_report *r, json_t **out);
/* paper,line,level,label,title,section,body,chars,covered,quotes,share: one row a section. */
int export_coverage_csv(const coverage_report *r, FILE *f);

/* export_links.c: the documents made of query_links; quote lines come from lines.
 * {concept: {id, zh, en, theme}, depth, neighbors: [{id, zh, en, theme, kind, direction,
 * depth, papers, phrase: {zh, en}, via, evidence?: [{paper, from, kind, to, quote, section,
 * note, line, end_line}]}]}. */
int export_neighbors_json(const ckg_ontology *o, const query_neighbors *nb, int evidence,
                          query_lines *lines, json_t **out);
/* depth,direction,kind,phrase,via,id,zh,en,theme,papers (lists joined by ';'): one row a
 * link; with evidence, one row a quote, with paper,section,line,quote. */
int export_neighbors_csv(const ckg_ontology *o, const query_neighbors *nb, int evidence,
                         query_lines *lines, FILE *f);
/* {from, to: {id, zh, en, theme}, directed, avoid: [id], k, found, length, total, paths:
 * [{length, concepts: [id], steps: [{from, to, relations: [neighbor objects]}]}]}: f is the
 * filter the paths were found with (NULL: none; directed when it follows QUERY_OUT only,
 * avoid its concepts), k the number of shortest paths asked for (0: the shortest ones,
 * null in the JSON). */
int export_path_json(const ckg_ontology *o, const query_paths *ps, const query_filter *f,
                     size_t k, int evidence, query_lines *lines, json_t **out);

/* export_query.c. {id, zh, en, alt, theme, broader, narrower: [{id, zh, en, theme}],
 * definition: {zh, en}, centrality: [{scope, concepts, degree, in_degree, out_degree,
 * pagerank: {value, rank}}], papers: [{id, title, year, mentioned, relations, quotes:
 * [{quote, section, line}]}], relations: [neighbor objects]}. */
int export_show_json(const ckg_ontology *o, const query_concept_info *info,
                     const query_scoped_ranks *ranks, size_t n_ranks,
                     const query_neighbors *relations, query_lines *lines, json_t **out);
/* {query, concepts: [{id, zh, en, theme, match, field, text, quotes}], quotes: [{paper,
 * quote, section, line, uses: [{type: mention, concept} | {type: relation, from, kind,
 * to}]}]}. */
int export_search_json(const ckg_ontology *o, const char *text, const query_search_result *r,
                       query_lines *lines, json_t **out);
/* type,rank,id,zh,en,theme,match,field,paper,line,text: a row a concept, then a row a
 * quote. */
int export_search_csv(const ckg_ontology *o, const query_search_result *r, query_lines *lines,
                      FILE *f);

/* export_catalog.c. {papers: [{id, title, authors, year, venue, doi, source, sections: [{id,
 * title, authors}], concepts, mentions, relations, quotes}]} in ontology order (counts of
 * query_catalog; title, year, venue, doi, source null when absent). */
int export_papers_json(const ckg_ontology *o, const query_catalog_result *c, json_t **out);
/* id,title,authors,year,venue,doi,source,sections,concepts,mentions,relations,quotes (authors
 * and section ids joined by ';'): one row a paper. */
int export_papers_csv(const ckg_ontology *o, const query_catalog_result *c, FILE *f);
/* {themes: [{id, zh, en, description, color, concepts, papers, mentions, relations}]} in
 * ontology order; color is the fill of the theme's boxes on the maps. */
int export_themes_json(const ckg_ontology *o, const query_catalog_result *c, json_t **out);
/* id,zh,en,color,concepts,papers,mentions,relations: one row a theme. */
int export_themes_csv(const ckg_ontology *o, const query_catalog_result *c, FILE *f);

#endif
