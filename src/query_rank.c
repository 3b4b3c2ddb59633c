/* query_rank.c — a concept's centrality ranks for `ckg show`.
 *
 * Kept apart from the other queries on purpose: the metrics module owns centralities, and
 * once it is merged this file is the one place to switch over to it. Until then it computes
 * what DESIGN.md fixes, directly with igraph on the analysis graph of the scope: degrees
 * and PageRank (damping 0.85, PRPACK) on the directed graph, one edge per ordered pair,
 * unweighted. */
#include "ckg/query.h"
#include "ckg/status.h"

#include <igraph/igraph.h>
#include <math.h>

/* 1 + the number of values strictly above values[v]. PageRank values that differ only by
 * floating-point noise (1e-12 relative) count as equal. */
static size_t rank_of(const igraph_vector_t *values, igraph_integer_t v)
{
    double mine = VECTOR(*values)[v], eps = 1e-12 * fabs(mine);
    size_t above = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_size(values); i++)
        above += VECTOR(*values)[i] > mine + eps;
    return above + 1;
}

int query_ranks_of(const ckg_ontology *o, const graph_scope *scope, int32_t concept,
                   diag_list *diags, query_ranks *out)
{
    int rc;
    ckg_graph *g = NULL;
    int have_deg = 0, have_val = 0;
    igraph_vector_int_t deg;
    igraph_vector_t val;
    if (concept < 0 || (size_t)concept >= o->n_concepts)
        return CKG_EUSAGE;
    if ((rc = graph_build(o, scope, diags, &g)) != CKG_OK)
        return rc;
    rc = CKG_ENOTFOUND;
    igraph_integer_t v = g->vertex_of[concept];
    if (v < 0)
        goto out;
    rc = CKG_ENOMEM;
    if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS)
        goto out;
    have_deg = 1;
    if (igraph_vector_init(&val, 0) != IGRAPH_SUCCESS)
        goto out;
    have_val = 1;
    out->n = g->n_vertices;
    static const igraph_neimode_t modes[] = {IGRAPH_ALL, IGRAPH_IN, IGRAPH_OUT};
    query_rank *dst[] = {&out->degree, &out->in_degree, &out->out_degree};
    for (size_t m = 0; m < 3; m++) {
        if (igraph_degree(&g->g, &deg, igraph_vss_all(), modes[m], IGRAPH_LOOPS) !=
                IGRAPH_SUCCESS ||
            igraph_vector_resize(&val, igraph_vector_int_size(&deg)) != IGRAPH_SUCCESS)
            goto out;
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&deg); i++)
            VECTOR(val)[i] = (double)VECTOR(deg)[i];
        dst[m]->value = VECTOR(val)[v];
        dst[m]->rank = rank_of(&val, v);
    }
    if (igraph_pagerank(&g->g, IGRAPH_PAGERANK_ALGO_PRPACK, &val, NULL, igraph_vss_all(), 1,
                        0.85, NULL, NULL) != IGRAPH_SUCCESS)
        goto out;
    out->pagerank.value = VECTOR(val)[v];
    out->pagerank.rank = rank_of(&val, v);
    rc = CKG_OK;
out:
    if (have_val)
        igraph_vector_destroy(&val);
    if (have_deg)
        igraph_vector_int_destroy(&deg);
    graph_free(g);
    return rc;
}
