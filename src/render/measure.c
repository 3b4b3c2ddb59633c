/* measure.c — the centrality that sizes each box, and the font size it gives (stage:
 * select; uses the metrics module).
 *
 * The measure is that of the whole scope graph, computed before anything is selected, so
 * selection may rank by it; font sizes are spread over the concepts shown. */
#include "render_internal.h"

#include "ckg/metrics.h"
#include "ckg/status.h"

#include <math.h>
#include <string.h>

/* The centrality that sizes the nodes: the values `ckg metrics` reports for the same scope
 * (metrics_*, DESIGN.md definitions), so a map and a table never disagree. */
int render_size_measure(map *m, render_size_by by, diag_list *diags)
{
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
