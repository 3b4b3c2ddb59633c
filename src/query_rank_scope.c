/* query_rank_scope.c — the centrality ranks of every concept of a scope at once, for pages
 * that show every concept (the atlas): one graph and one metrics run per scope instead of
 * one per concept. The values and ranks are exactly query_ranks_of's (query_rank.c): the
 * metrics module's degrees and PageRank, unweighted, without the path measures, ranked from
 * the largest down with ties sharing the average of the ranks they span. */
#include "ckg/metrics.h"
#include "ckg/query.h"
#include "ckg/status.h"

#include <stdlib.h>

int query_ranks_scope(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                      query_ranks **out)
{
    static const metrics_measure measures[] = {METRICS_DEGREE, METRICS_IN_DEGREE,
                                               METRICS_OUT_DEGREE, METRICS_PAGERANK};
    int rc;
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    double *ranks = NULL;
    query_ranks *r = NULL;
    *out = NULL;
    if ((rc = graph_build(o, scope, diags, &g)) != CKG_OK)
        return rc;
    metrics_options opt;
    metrics_options_default(&opt);
    opt.skip_paths = 1;
    if ((rc = metrics_compute(g, &opt, diags, &m)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    if (!(r = calloc(o->n_concepts ? o->n_concepts : 1, sizeof *r)) ||
        !(ranks = malloc((m->n ? m->n : 1) * sizeof *ranks)))
        goto out;
    for (size_t i = 0; i < sizeof measures / sizeof *measures; i++) {
        if (metrics_ranks(m, measures[i], ranks) != CKG_OK)
            goto out;
        for (size_t c = 0; c < o->n_concepts; c++) {
            int32_t v = g->vertex_of[c];
            if (v < 0)
                continue;
            query_rank *dst[] = {&r[c].degree, &r[c].in_degree, &r[c].out_degree,
                                 &r[c].pagerank};
            r[c].n = m->n;
            dst[i]->value = metrics_value(m, (size_t)v, measures[i]);
            dst[i]->rank = ranks[v];
        }
    }
    *out = r;
    r = NULL;
    rc = CKG_OK;
out:
    free(r);
    free(ranks);
    metrics_free(m);
    graph_free(g);
    return rc;
}
