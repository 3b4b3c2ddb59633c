/* query_rank.c — centrality ranks of concepts: every concept of a scope at once (the atlas),
 * one concept (`ckg show`), and one concept in every paper that has it.
 *
 * The values and ranks are the metrics module's (metrics.h), so `show`, `metrics`, `diff`,
 * `compare` and the atlas report the same numbers for the same scope: degrees and PageRank
 * of the analysis graph (directed, one edge per ordered pair, unweighted, damping 0.85),
 * ranked from the largest down with ties sharing the average of the ranks they span. Only
 * those are computed (metrics_compute_basic): nothing here reports the others, on a large
 * graph the path measures would cost nearly all the time, and without igraph the query
 * commands start faster. One graph and one metrics run per scope, whether one concept or all
 * of them is asked for; the graph is graph_build_pairs' (the same vertices and edges, without
 * the kinds and papers nothing here reads). For one concept (`ckg show`, six scopes on the
 * shipped ontology) its ranks are counted (metrics_rank_of), not read off a sort of all. */
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
    if ((rc = graph_build_pairs(o, scope, diags, &g)) != CKG_OK)
        goto out;
    if ((rc = metrics_compute_basic(g, NULL, diags, &m)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    if (!(r = calloc(o->n_concepts ? o->n_concepts : 1, sizeof *r)) ||
        !(ranks = malloc((m->n ? m->n : 1) * sizeof *ranks)))
        goto out;
    for (size_t i = 0; i < sizeof measures / sizeof *measures; i++) {
        if ((rc = metrics_ranks(m, measures[i], ranks)) != CKG_OK)
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

int query_ranks_of(const ckg_ontology *o, const graph_scope *scope, int32_t concept,
                   diag_list *diags, query_ranks *out)
{
    static const metrics_measure measures[] = {METRICS_DEGREE, METRICS_IN_DEGREE,
                                               METRICS_OUT_DEGREE, METRICS_PAGERANK};
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    int rc = CKG_EUSAGE;
    if (concept < 0 || (size_t)concept >= o->n_concepts)
        goto out;
    if ((rc = graph_build_pairs(o, scope, diags, &g)) != CKG_OK)
        goto out;
    rc = CKG_ENOTFOUND;
    int32_t v = g->vertex_of[concept];
    if (v < 0) /* not in the scope's graph */
        goto out;
    if ((rc = metrics_compute_basic(g, NULL, diags, &m)) != CKG_OK)
        goto out;
    query_ranks r = {.n = m->n};
    query_rank *dst[] = {&r.degree, &r.in_degree, &r.out_degree, &r.pagerank};
    for (size_t i = 0; i < sizeof measures / sizeof *measures; i++) {
        dst[i]->value = metrics_value(m, (size_t)v, measures[i]);
        dst[i]->rank = metrics_rank_of(metrics_values(m, measures[i]), m->n, (size_t)v);
    }
    *out = r;
    rc = CKG_OK;
out:
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
