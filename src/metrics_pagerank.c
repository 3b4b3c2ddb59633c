/* metrics_pagerank.c — PageRank of an analysis graph, computed by ckg itself from the graph's
 * edge list: no igraph call, so the commands that need nothing else (show, score) run
 * without igraph; metrics_compute_basic, and so metrics_compute, take theirs from here.
 *
 * PageRank by power iteration on D: p <- (1-d)/n + d (Pᵀp + (dangling mass)/n), where a
 * vertex passes its score along its out-edges in proportion to their weights (1 unweighted)
 * and a vertex without out-edges spreads it over all n. Iterates until the L1 change is
 * below 1e-14 (the error is then below 1e-13), sequentially, so the result is the same on
 * every run. Why not igraph_pagerank: its PRPACK solver stops at 1e-10 and sums in OpenMP
 * threads, so its last digits change from run to run, and with them the order of ties. */
#include "ckg/metrics.h"
#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int metrics_pagerank(const ckg_graph *g, int weighted, double damping, double *p)
{
    int rc = CKG_ENOMEM;
    size_t n = g->n_vertices, ne = g->n_edges, n_dangling = 0;
    if (!n)
        return CKG_OK;
    /* in-edges grouped by target, in edge order within a target: their source and share */
    double *out_w = calloc(n, sizeof *out_w), *share = malloc((ne ? ne : 1) * sizeof *share);
    double *next = malloc(n * sizeof *next);
    int32_t *in_off = calloc(n + 1, sizeof *in_off);
    int32_t *in_from = malloc((ne ? ne : 1) * sizeof *in_from);
    int32_t *fill = malloc(n * sizeof *fill), *dangling_v = malloc(n * sizeof *dangling_v);
    if (!out_w || !share || !next || !in_off || !in_from || !fill || !dangling_v)
        goto out;
    for (size_t j = 0; j < ne; j++) {
        out_w[g->edges[j].from] += weighted ? (double)g->edges[j].n_papers : 1.0;
        in_off[g->edges[j].to + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        in_off[v + 1] += in_off[v];
    memcpy(fill, in_off, n * sizeof *fill);
    for (size_t j = 0; j < ne; j++) {
        int32_t k = fill[g->edges[j].to]++;
        in_from[k] = g->edges[j].from;
        share[k] = (weighted ? (double)g->edges[j].n_papers : 1.0) / out_w[g->edges[j].from];
    }
    for (size_t v = 0; v < n; v++) {
        if (out_w[v] == 0.0)
            dangling_v[n_dangling++] = (int32_t)v;
    }
    /* The sums run in the same order as ever (vertices ascending, in-edges in edge order),
     * so the result is the same to the last bit; the two buffers swap instead of copying. */
    double nn = (double)n, *cur = p;
    for (size_t v = 0; v < n; v++)
        cur[v] = 1.0 / nn;
    for (int iter = 0; iter < 100000; iter++) {
        double dangling = 0.0;
        for (size_t d = 0; d < n_dangling; d++)
            dangling += cur[dangling_v[d]];
        double base = (1.0 - damping) / nn + damping * dangling / nn, change = 0.0;
        for (size_t v = 0; v < n; v++) {
            double x = 0.0;
            for (int32_t k = in_off[v]; k < in_off[v + 1]; k++)
                x += cur[in_from[k]] * share[k];
            next[v] = base + damping * x;
            change += fabs(next[v] - cur[v]);
        }
        double *t = cur;
        cur = next;
        next = t;
        if (change < 1e-14)
            break;
    }
    if (cur != p) {
        memcpy(p, cur, n * sizeof *p);
        next = cur; /* the malloc'd buffer, freed below */
    }
    double sum = 0.0;
    for (size_t v = 0; v < n; v++)
        sum += p[v];
    for (size_t v = 0; v < n; v++)
        p[v] /= sum;
    rc = CKG_OK;
out:
    free(out_w);
    free(share);
    free(next);
    free(in_off);
    free(in_from);
    free(fill);
    free(dangling_v);
    return rc;
}
