/* metrics_internal.h — what metrics.c and metrics_paths.c share and nobody else needs. */
#ifndef CKG_METRICS_INTERNAL_H
#define CKG_METRICS_INTERNAL_H

#include <igraph/igraph.h>
#include <stddef.h>
#include <stdint.h>

/* An undirected graph as compressed adjacency: the neighbors of v are
 * adj[offset[v] .. offset[v+1]), each edge listed from both ends, no loops or repeats. */
typedef struct metrics_csr {
    size_t n;
    int32_t *offset; /* n + 1 entries */
    int32_t *adj;    /* offset[n] entries */
} metrics_csr;

/* One breadth-first search from every vertex of the unweighted graph g, giving any of:
 * betweenness (normalized: 2 / ((n-1)(n-2)) times the shares of shortest paths between
 * unordered pairs), harmonic centrality (normalized by n - 1) and the diameter (the longest
 * finite distance). NULL outputs are skipped. Sources are processed in fixed blocks whose
 * partial sums are added in block order, so the result is the same for any thread count
 * (threads 0: one per online CPU). Returns CKG_OK or CKG_ENOMEM. */
int metrics_paths(const metrics_csr *g, unsigned threads, double *betweenness,
                  double *harmonic, size_t *diameter);

/* Hub and authority scores of the directed graph with edges from[e] -> to[e] (weights w, or
 * NULL for 1), no loops or repeated pairs: the projection of all ones onto the principal
 * eigenspace of A·Aᵀ, and Aᵀ times it, each scaled to a largest score of 1 (metrics_hits.c
 * says why and how). Returns an igraph status. */
igraph_error_t metrics_hits(size_t n, const int32_t *from, const int32_t *to, const double *w,
                            size_t ne, double *hub, double *authority);

#endif
