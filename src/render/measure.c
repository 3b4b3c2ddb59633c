/* measure.c — the measure that sizes each box, and the font size it gives (stage: select;
 * uses the metrics module).
 *
 * The measure is that of the whole scope graph, computed before anything is selected, so
 * selection may rank by it; font sizes are spread over the concepts shown. The default,
 * RENDER_SIZE_RELATIONS (render.h defines it), counts what the scope states about a
 * concept; the others are the centralities `ckg metrics` reports for the same scope. */
#include "render_internal.h"

#include "ckg/metrics.h"
#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The evidence items of ev that count in g's scope (each item on its own: in a section
 * scope, those tagged with the section). */
static size_t quotes_in_scope(const ckg_graph *g, int32_t paper, const ckg_evidences *ev)
{
    size_t n = 0;
    for (size_t i = 0; i < ev->n; i++) {
        ckg_evidences one = {.items = &ev->items[i], .n = 1};
        n += (size_t)graph_statement_in_scope(g, paper, &one);
    }
    return n;
}

void render_relations_measure(const ckg_graph *g, double *out)
{
    const ckg_ontology *o = g->o;
    size_t nv = g->n_vertices;
    for (size_t v = 0; v < nv; v++)
        out[v] = 0;
    /* quotes first, into out, then turned into the fraction that breaks ties */
    for (size_t pi = 0; pi < o->n_papers; pi++) {
        const ckg_paper *p = &o->papers[pi];
        for (size_t i = 0; i < p->n_mentions; i++) {
            const ckg_mention *mn = &p->mentions[i];
            int32_t v = mn->concept_index >= 0 ? g->vertex_of[mn->concept_index] : -1;
            if (v >= 0)
                out[v] += (double)quotes_in_scope(g, (int32_t)pi, &mn->evidence);
        }
        for (size_t i = 0; i < p->n_relations; i++) {
            const ckg_relation *r = &p->relations[i];
            int32_t vf = r->from_index >= 0 ? g->vertex_of[r->from_index] : -1;
            int32_t vt = r->to_index >= 0 ? g->vertex_of[r->to_index] : -1;
            if (vf < 0 || vt < 0)
                continue;
            double q = (double)quotes_in_scope(g, (int32_t)pi, &r->evidence);
            out[vf] += q;
            if (vt != vf)
                out[vt] += q;
        }
    }
    double q_max = 0;
    for (size_t v = 0; v < nv; v++)
        q_max = fmax(q_max, out[v]);
    for (size_t v = 0; v < nv; v++)
        out[v] /= q_max + 1;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        out[e->from] += (double)e->n_papers;
        if (e->to != e->from)
            out[e->to] += (double)e->n_papers;
    }
}

/* The centralities are the values `ckg metrics` reports for the same scope (metrics_*,
 * doc/design.md definitions), so a map and a table never disagree. */
int render_size_measure(map *m, render_size_by by, diag_list *diags)
{
    if (by == RENDER_SIZE_RELATIONS) {
        render_relations_measure(m->g, m->measure);
        return CKG_OK;
    }
    metrics_measure k = by == RENDER_SIZE_BETWEENNESS ? METRICS_BETWEENNESS
                        : by == RENDER_SIZE_DEGREE    ? METRICS_DEGREE
                                                      : METRICS_PAGERANK;
    metrics_result *r = NULL;
    int rc = metrics_compute(m->g, NULL, diags, &r);
    if (rc == CKG_OK && m->g->n_vertices)
        memcpy(m->measure, metrics_values(r, k), m->g->n_vertices * sizeof *m->measure);
    metrics_free(r);
    return rc;
}

/* Font sizes from the sizing measure: the square root of the value's place between the
 * smallest and largest shown, so one dominant concept does not flatten all others. */
void render_size_nodes(map *m, double small, double large)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (!m->shown[v])
            continue;
        lo = fmin(lo, m->measure[v]);
        hi = fmax(hi, m->measure[v]);
    }
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        double t = hi > lo ? (m->measure[v] - lo) / (hi - lo) : 0;
        m->font[v] = round((small + (large - small) * sqrt(t)) * 2) / 2;
    }
}
