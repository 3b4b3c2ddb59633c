/* metrics.h — centralities per concept and figures of the whole graph, for one scope.
 *
 * Every measure is computed once for every vertex of a ckg_graph and kept by measure, so a
 * caller (ckg metrics, show, diff, compare) reads any of them by enum or by name, ranks
 * them, or sorts vertices by them. The definitions, fixed so results can be checked against
 * python-igraph or NetworkX on the same edges (doc/design.md, "The analysis graph"):
 *
 *   The directed graph D: one edge per distinct ordered pair (from, to) in scope, its weight
 *   w = the number of papers stating the pair. The undirected collapse U: one edge per
 *   unordered pair {a, b} joined in D, its weight the sum of the weights of a->b and b->a.
 *   n = vertices in scope (for "all", every concept, isolated ones included).
 *
 *   degree, in_degree, out_degree  on D; with weights, the strengths (sums of w).
 *   pagerank     on D, damping 0.85 (metrics_options), a vertex without out-edges jumps
 *                to any vertex alike; sums to 1. With weights, a walker follows an edge in
 *                proportion to w. Power iteration to an L1 change below 1e-14, in one
 *                thread, so runs repeat to the last digit (igraph's PRPACK, which
 *                python-igraph uses, stops at 1e-10 and sums in OpenMP threads).
 *   hub, authority  Kleinberg's scores on D, with A[i][j] = w of i->j (or 1): hub = the
 *                all-ones vector projected onto the principal eigenspace of A·Aᵀ (where
 *                Kleinberg's iteration from all ones ends; simply the principal
 *                eigenvector when that eigenvalue is simple, as in igraph), authority =
 *                Aᵀ·hub; each scaled so the largest is 1. Unique even when the principal
 *                eigenvalue is repeated (metrics_hits.c). Without edges every score is 1.
 *   betweenness  on U, normalized: the sum over unordered pairs {s, t} (s, t != v) of the
 *                share of shortest s-t paths through v, times 2 / ((n-1)(n-2)); 0 when n < 3.
 *   harmonic     on U, normalized: the sum of 1/d(v, t) over t != v (unreachable t add 0),
 *                divided by n - 1; 0 when n < 2.
 *                Unweighted, path lengths count edges; with weights, an edge of U is
 *                1/w long (a pair more papers state is closer).
 *   coreness     k-core index on U, always unweighted (a vertex with k neighbors counts k).
 *   community    on U: Leiden with the modularity objective (resolution 1, beta 0.01, run
 *                until stable) or Louvain (igraph's multilevel), with igraph's default RNG
 *                replaced for the call by a PCG32 seeded with metrics_options.seed, so the
 *                same input gives the same partition. Communities are numbered from 1 by
 *                size, largest first (ties: the one holding the earlier vertex first).
 *                With weights, U's weights are used.
 *
 * Figures of the graph:
 *   nodes, edges         n and the number of edges of D; undirected_edges those of U.
 *   density              edges of D / (n (n-1)), no loops; 0 when n < 2.
 *   components           weakly connected components of D (= components of U); also the
 *                        size of the largest.
 *   diameter             the longest shortest path of U in edges, over the pairs that are
 *                        connected (always unweighted); 0 with no edges.
 *   communities          the number of communities (an isolated vertex is one).
 *   modularity           Newman's modularity of the communities on U (weighted like them);
 *   theme_modularity     the same for the partition by theme: do themes hang together?
 *                        Both are NaN when U has no edges (JSON: null).
 *
 * Betweenness, harmonic centrality and the diameter come from one breadth-first search per
 * vertex (metrics_paths.c), shared by all three and spread over threads; the result does not
 * depend on the number of threads. With weights, betweenness and harmonic centrality are
 * igraph's (Dijkstra). Coreness, components, communities and modularity are igraph's; hub
 * and authority blocks use igraph's ARPACK. Every result is the same on every run. Degrees
 * and PageRank are ckg's own code (metrics_basic.c, metrics_pagerank.c) and need no igraph. */
#ifndef CKG_METRICS_H
#define CKG_METRICS_H

#include "ckg/diag.h"
#include "ckg/graph.h"

#include <stddef.h>
#include <stdint.h>

typedef enum metrics_measure {
    METRICS_DEGREE,
    METRICS_IN_DEGREE,
    METRICS_OUT_DEGREE,
    METRICS_BETWEENNESS,
    METRICS_HARMONIC,
    METRICS_PAGERANK,
    METRICS_HUB,
    METRICS_AUTHORITY,
    METRICS_CORENESS,
    METRICS_COMMUNITY,
    METRICS_N_MEASURES
} metrics_measure;

/* "degree", "in_degree", "out_degree", "betweenness", "harmonic", "pagerank", "hub",
 * "authority", "coreness", "community" (the names of the JSON output); NULL out of range. */
const char *metrics_measure_name(metrics_measure m);

/* The measure called name (one of the above; '-' may stand for '_'). Returns CKG_OK or
 * CKG_ENOTFOUND. */
int metrics_measure_from_name(const char *name, metrics_measure *out);

/* Is the measure a whole number for every vertex (degrees, coreness, community)? */
int metrics_measure_is_integer(metrics_measure m);

typedef enum metrics_community_method {
    METRICS_LEIDEN,
    METRICS_LOUVAIN,
} metrics_community_method;

const char *metrics_community_method_name(metrics_community_method m); /* "leiden", "louvain" */

typedef struct metrics_options {
    int weighted;    /* use w (see above); 0: every edge counts 1 */
    double damping;  /* PageRank damping, 0.85 */
    uint64_t seed;   /* RNG seed for the communities, 1 */
    metrics_community_method method; /* METRICS_LEIDEN */
    unsigned threads; /* for the path measures; 0: one per online CPU (at most 64) */
    /* Leave out betweenness, harmonic centrality and the diameter (NaN, NaN and 0): they
     * cost one breadth-first search per vertex, most of the time on a large graph, and a
     * caller that needs degrees and PageRank only (ckg show) need not pay for them. */
    int skip_paths;
} metrics_options;

void metrics_options_default(metrics_options *opt);

/* The PageRank of every vertex of g into p (n_vertices entries), as metrics_compute and
 * metrics_compute_basic give it (see above), from g's edge list: no igraph. damping in
 * [0, 1). CKG_OK or CKG_ENOMEM. */
int metrics_pagerank(const ckg_graph *g, int weighted, double damping, double *p);

typedef struct metrics_figures {
    size_t nodes, edges, undirected_edges;
    double density;
    size_t components, largest_component;
    size_t diameter;
    size_t communities;
    double modularity, theme_modularity; /* NaN without edges */
} metrics_figures;

typedef struct metrics_result {
    const ckg_graph *g;
    metrics_options options;
    size_t n;                               /* = g->n_vertices */
    double *values[METRICS_N_MEASURES];     /* values[m][v] for vertex v */
    metrics_figures graph;
} metrics_result;

/* Computes every measure and figure of g. Returns CKG_OK, CKG_ENOMEM, or CKG_EINVALID when
 * igraph fails (a diagnostic says which computation and why). g must outlive the result. */
int metrics_compute(const ckg_graph *g, const metrics_options *opt, diag_list *diags,
                    metrics_result **out);

/* The measures that need no igraph: degrees and PageRank, as metrics_compute gives them to
 * the last digit; the others are NaN, and of the figures only nodes, edges and density are
 * set (for `ckg show`, which ranks by these, and starts without igraph). Returns CKG_OK,
 * CKG_ENOMEM or CKG_EUSAGE (damping out of range, with a diagnostic). */
int metrics_compute_basic(const ckg_graph *g, const metrics_options *opt, diag_list *diags,
                          metrics_result **out);

void metrics_free(metrics_result *m);

/* The value of measure k for vertex v. */
double metrics_value(const metrics_result *m, size_t v, metrics_measure k);

/* The n values of measure k, in vertex order. */
const double *metrics_values(const metrics_result *m, metrics_measure k);

/* Ranks of values[0..n) from the largest (rank 1) down; equal values share the average of
 * the ranks they span (1, 2.5, 2.5, 4). Returns CKG_OK or CKG_ENOMEM. */
int metrics_rank_values(const double *values, size_t n, double *ranks);

/* The rank metrics_rank_values gives values[v], to the last bit, without sorting: one pass
 * counting the values above it and those equal to it (NaN, ranked last, equals NaN). */
double metrics_rank_of(const double *values, size_t n, size_t v);

/* The same for measure k of every vertex. */
int metrics_ranks(const metrics_result *m, metrics_measure k, double *ranks);

/* Writes into order[0..n) the vertices sorted by measure k, largest first (community:
 * smallest first, so members of one community stand together), ties by concept id. */
int metrics_order(const metrics_result *m, metrics_measure k, size_t *order);

/* Which rows a table of measures lists, in which order (ckg metrics). */
typedef struct metrics_selection {
    metrics_measure sort; /* ordered as metrics_order orders by it ... */
    int by_id;            /* ... or by concept id */
    int32_t theme;        /* only the concepts of this theme (ontology index); -1: all */
    size_t top;           /* the first top of them; 0: all */
} metrics_selection;

/* The vertices sel selects, in its order: *rows (malloc'd, free it) holds *n of them.
 * CKG_OK or CKG_ENOMEM (metrics_select.c). */
int metrics_select(const metrics_result *m, const metrics_selection *sel, size_t **rows,
                   size_t *n);

/* The measure the rank column of such a table counts by: the one sorted by, or PageRank
 * when sorted by id or by community (labels, not quantities). Ranks are metrics_ranks of it
 * over every vertex of the graph, so tied concepts share the average rank in every table,
 * whatever rows are shown. */
metrics_measure metrics_rank_measure(const metrics_selection *sel);

#endif
