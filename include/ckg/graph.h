/* graph.h — the analysis graph of doc/design.md for a scope: vertices and edges as plain arrays.
 *
 * Scope: all papers, one paper, or one section of a paper that declares sections. A concept
 * is in scope when a paper in scope mentions it or names it in a relation (for the section
 * scope: when evidence tagged with the section does); for "all", every concept is a vertex,
 * mentioned or not. One directed edge per distinct ordered pair (from, to) stated in scope,
 * weighted by the number of papers stating it; the kinds stated for the pair and the papers
 * are kept on the edge. Vertices follow the ontology's concept order and edges are sorted by
 * (from vertex, to vertex), so everything built from a graph is deterministic.
 *
 * Building a graph needs no igraph: the queries (ckg show's degrees and PageRank) use the
 * arrays as they are, and the measures igraph computes get an igraph view of the graph when
 * they run (graph_igraph.h, used by metrics.c). */
#ifndef CKG_GRAPH_H
#define CKG_GRAPH_H

#include "ckg/diag.h"
#include "ckg/ontology.h"

#include <stddef.h>
#include <stdint.h>

typedef struct graph_scope {
    const char *paper;   /* paper id; NULL for all papers */
    const char *section; /* section id of that paper; NULL for the whole paper */
} graph_scope;

typedef struct graph_vertex {
    int32_t concept;  /* index into ontology->concepts */
    int32_t *papers;  /* indexes of the papers (in scope) the concept belongs to, ascending */
    size_t n_papers;
} graph_vertex;

typedef struct graph_edge {
    int32_t from, to; /* vertex ids */
    int32_t *kinds;   /* kind indexes stated for the pair in scope, ascending */
    size_t n_kinds;
    int32_t *papers;  /* paper indexes stating the pair, ascending; weight = n_papers */
    size_t n_papers;
    const ckg_relation *first; /* the first statement in scope (paper order, file order) */
    int32_t first_paper;
} graph_edge;

typedef struct ckg_graph {
    const ckg_ontology *o;
    int32_t paper;   /* the paper in scope, -1 for all */
    int32_t section; /* the section in scope, -1 for the whole paper */
    graph_vertex *vertices;
    size_t n_vertices;
    graph_edge *edges;
    size_t n_edges;
    int32_t *vertex_of; /* concept index -> vertex id, -1 when not in scope */
    const struct ckg_graph *parts[2]; /* graph_union: the two graphs joined; NULL otherwise */
} ckg_graph;

/* Builds the graph of scope. Returns CKG_OK, CKG_ENOTFOUND (with a diagnostic naming the
 * unknown paper or section, with suggestions), CKG_EUSAGE (a section without a paper), or
 * CKG_ENOMEM. The ontology must outlive the graph and be free of load errors. */
int graph_build(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                ckg_graph **out);

/* The same graph reduced to what degrees and PageRank unweighted need (metrics_compute_basic
 * with the default options), for the queries that rank one concept in several scopes: the
 * same vertices with the same ids and the same edges in the same order, but each vertex's
 * papers empty (n_papers 0) and each edge's from and to only (no kinds, no papers, so no
 * weight, and no first statement). Cheaper: no per-vertex or per-edge allocation and no
 * sort of the statements. Returns as graph_build; free with graph_free. */
int graph_build_pairs(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                      ckg_graph **out);

void graph_free(ckg_graph *g);

/* The union of two graphs of the same ontology (a diff map draws it): one vertex per concept
 * of either, in concept order, its papers those of both; one edge per pair (from, to) of
 * either, its kinds and papers merged (weight = the papers stating it in either), its first
 * statement the one graph_build would pick from both. paper and section are those the two
 * share (-1 where they differ; the union of a paper and one of its sections is that paper);
 * parts[] names a and b, which must outlive the union: graph_statement_in_scope and
 * graph_scope_name ask them. CKG_OK or CKG_ENOMEM. */
int graph_union(const ckg_graph *a, const ckg_graph *b, ckg_graph **out);

/* Does a statement of paper (index) with this evidence count in g's scope? The rule
 * graph_build applies: the paper is in scope and, for a section scope, one of the evidence
 * items is tagged with the section; for a union, in the scope of either part. For walking
 * statements per kind (export) and finding their quotes (render). */
int graph_statement_in_scope(const ckg_graph *g, int32_t paper, const ckg_evidences *ev);

/* The edge id of from -> to (vertex ids), or -1. */
int64_t graph_find_edge(const ckg_graph *g, int32_t from, int32_t to);

/* "all", "<paper>" or "<paper>/<section>" into buf, "<a> + <b>" for a union; returns buf. */
const char *graph_scope_name(const ckg_graph *g, char *buf, size_t size);

#endif
