/* query_rank.c — a concept's centrality ranks for `ckg show`.
 *
 * The values and ranks are the metrics module's (metrics.h), so `show`, `metrics`, `diff`
 * and `compare` report the same numbers for the same scope: degrees and PageRank of the
 * analysis graph (directed, one edge per ordered pair, unweighted, damping 0.85), ranked
 * from the largest down with ties sharing the average of the ranks they span. The path
 * measures are left out (metrics_options.skip_paths): show does not print them, and on a
 * large graph they would cost nearly all the time. */
#include "ckg/metrics.h"
#include "ckg/query.h"
#include "ckg/status.h"

#include <stdlib.h>

int query_ranks_of(const ckg_ontology *o, const graph_scope *scope, int32_t concept,
                   diag_list *diags, query_ranks *out)
{
    static const metrics_measure measures[] = {METRICS_DEGREE, METRICS_IN_DEGREE,
                                               METRICS_OUT_DEGREE, METRICS_PAGERANK};
    query_rank *dst[] = {&out->degree, &out->in_degree, &out->out_degree, &out->pagerank};
    int rc;
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    double *ranks = NULL;
    if (concept < 0 || (size_t)concept >= o->n_concepts)
        return CKG_EUSAGE;
    if ((rc = graph_build(o, scope, diags, &g)) != CKG_OK)
        return rc;
    int32_t v = g->vertex_of[concept];
    if (v < 0) {
        rc = CKG_ENOTFOUND;
        goto out;
    }
    metrics_options opt;
    metrics_options_default(&opt);
    opt.skip_paths = 1;
    if ((rc = metrics_compute(g, &opt, diags, &m)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    if (!(ranks = malloc(m->n * sizeof *ranks)))
        goto out;
    out->n = m->n;
    for (size_t i = 0; i < sizeof measures / sizeof *measures; i++) {
        if (metrics_ranks(m, measures[i], ranks) != CKG_OK)
            goto out;
        dst[i]->value = metrics_value(m, (size_t)v, measures[i]);
        dst[i]->rank = ranks[v];
    }
    rc = CKG_OK;
out:
    free(ranks);
    metrics_free(m);
    graph_free(g);
    return rc;
}

int query_ranks_by_scope(const ckg_ontology *o, const query_concept_info *info,
                         diag_list *diags, query_scoped_ranks **out, size_t *n)
{
    query_scoped_ranks *sr = calloc(info->n_papers + 1, sizeof *sr);
    size_t k = 0;
    int rc = CKG_ENOMEM;
    *out = NULL;
    *n = 0;
    if (!sr)
        goto out;
    if ((rc = query_ranks_of(o, NULL, info->concept, diags, &sr[0].r)) != CKG_OK)
        goto out;
    sr[k++].scope = "all";
    for (size_t i = 0; i < info->n_papers; i++) {
        graph_scope scope = {o->papers[info->papers[i].paper].id.s, NULL};
        rc = query_ranks_of(o, &scope, info->concept, diags, &sr[k].r);
        if (rc == CKG_ENOTFOUND)
            continue;
        if (rc != CKG_OK)
            goto out;
        sr[k++].scope = scope.paper;
    }
    *out = sr;
    *n = k;
    sr = NULL;
    rc = CKG_OK;
out:
    free(sr);
    return rc;
}
