/* render_sizing.c — the centralities that size a map's nodes.
 *
 * TEMPORARY (for the lead, at merge time): these three measures belong to the metrics_*
 * module, which is being written on another branch. They are computed here with igraph,
 * by the definitions of DESIGN.md, so that render could be built independently; once
 * metrics_* is on main, render_map should take its values and this file should go.
 *
 *   pagerank     damping 0.85 on the directed graph, unweighted (PRPACK)
 *   betweenness  on the undirected collapse (one edge per connected pair), normalized by
 *                (n-1)(n-2)/2
 *   degree       in + out on the directed graph */
#include "render_internal.h"

#include "ckg/status.h"

static int pagerank(const ckg_graph *g, double *out)
{
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS)
        return CKG_ENOMEM;
    int rc = CKG_ENOMEM;
    if (igraph_pagerank(&g->g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL, igraph_vss_all(), 1,
                        0.85, NULL, NULL) != IGRAPH_SUCCESS)
        goto out;
    for (size_t i = 0; i < g->n_vertices; i++)
        out[i] = VECTOR(res)[i];
    rc = CKG_OK;
out:
    igraph_vector_destroy(&res);
    return rc;
}

static int betweenness(const ckg_graph *g, double *out)
{
    igraph_t u;
    igraph_vector_t res;
    int rc = CKG_ENOMEM;
    if (igraph_copy(&u, &g->g) != IGRAPH_SUCCESS)
        return CKG_ENOMEM;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        igraph_destroy(&u);
        return CKG_ENOMEM;
    }
    if (igraph_to_undirected(&u, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL) != IGRAPH_SUCCESS ||
        igraph_betweenness(&u, &res, igraph_vss_all(), 0, NULL) != IGRAPH_SUCCESS)
        goto out;
    double n = (double)g->n_vertices;
    double norm = n > 2 ? (n - 1) * (n - 2) / 2 : 1;
    for (size_t i = 0; i < g->n_vertices; i++)
        out[i] = VECTOR(res)[i] / norm;
    rc = CKG_OK;
out:
    igraph_vector_destroy(&res);
    igraph_destroy(&u);
    return rc;
}

static void degree(const ckg_graph *g, double *out)
{
    for (size_t i = 0; i < g->n_vertices; i++)
        out[i] = 0;
    for (size_t j = 0; j < g->n_edges; j++) {
        out[g->edges[j].from] += 1;
        out[g->edges[j].to] += 1;
    }
}

int render_sizing(const ckg_graph *g, render_size_by by, double *out)
{
    if (g->n_vertices == 0)
        return CKG_OK;
    switch (by) {
    case RENDER_SIZE_PAGERANK: return pagerank(g, out);
    case RENDER_SIZE_BETWEENNESS: return betweenness(g, out);
    case RENDER_SIZE_DEGREE: degree(g, out); return CKG_OK;
    }
    return CKG_EUSAGE;
}
