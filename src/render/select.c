/* select.c — what a map shows (stage: select; uses the map's graph and m->measure only).
 *
 * The concepts of the scope it keeps (a theme, or the ego neighbourhood of a focus), the
 * relations it draws among them, and which of those carry their linking phrase. Everything
 * here is decided from the graph and the sizing centrality (measure.c, computed first),
 * before any text, style or Graphviz. Filters that narrow a map (top N, hidden concepts,
 * a minimum of papers) are added in render_select_concepts. */
#include "render_internal.h"

#include "ckg/status.h"
#include "ckg/strmap.h"

#include <stdlib.h>

int render_select_concepts(map *m, diag_list *diags)
{
    const render_options *opt = m->opt;
    ckg_graph *g = m->g;
    const ckg_ontology *o = m->o;
    int32_t theme = -1;
    if (opt->theme) {
        theme = strmap_get(&o->theme_by_id, opt->theme);
        if (theme < 0) {
            diag_add(diags, DIAG_ERROR, NULL, "unknown theme '%s'", opt->theme);
            return CKG_ENOTFOUND;
        }
    }
    for (size_t v = 0; v < g->n_vertices; v++)
        m->dist[v] = opt->focus >= 0 ? -1 : 0;
    if (opt->focus >= 0) {
        if (opt->depth < 1) {
            diag_add(diags, DIAG_ERROR, NULL, "the depth of an ego map must be at least 1");
            return CKG_EUSAGE;
        }
        int32_t f = (size_t)opt->focus < o->n_concepts ? g->vertex_of[opt->focus] : -1;
        if (f < 0) {
            char scope[256];
            diag_add(diags, DIAG_ERROR, NULL, "concept '%s' is not in scope '%s'",
                     (size_t)opt->focus < o->n_concepts ? o->concepts[opt->focus].id.s : "?",
                     graph_scope_name(g, scope, sizeof scope));
            return CKG_ENOTFOUND;
        }
        /* Breadth-first over relations in either direction, one ring per step. */
        m->dist[f] = 0;
        for (int d = 0; d < opt->depth; d++) {
            int grew = 0;
            for (size_t j = 0; j < g->n_edges; j++) {
                const graph_edge *e = &g->edges[j];
                if (m->dist[e->from] == d && m->dist[e->to] < 0)
                    m->dist[e->to] = d + 1, grew = 1;
                else if (m->dist[e->to] == d && m->dist[e->from] < 0)
                    m->dist[e->from] = d + 1, grew = 1;
            }
            if (!grew)
                break;
        }
    }
    /* Filters that narrow the map further (the N most central concepts by m->measure,
     * hidden concepts, relations stated by at least K papers) belong here: a concept's into
     * the test of shown, a relation's into the test of drawn. */
    for (size_t v = 0; v < g->n_vertices; v++) {
        const ckg_concept *c = &o->concepts[g->vertices[v].concept];
        m->shown[v] = m->dist[v] >= 0 &&
                      (theme < 0 || c->theme_index == theme || g->vertices[v].concept == opt->focus);
        m->n_shown += m->shown[v];
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        int32_t step = m->dist[e->from] - m->dist[e->to];
        m->drawn[j] = m->shown[e->from] && m->shown[e->to] &&
                      (opt->focus < 0 || opt->ego_ties || step == 1 || step == -1);
        m->n_edges += m->drawn[j];
    }
    return CKG_OK;
}

/* The K most central concepts shown, by the sizing measure (ties: ontology order). */
typedef struct ranked {
    double measure;
    int32_t v;
} ranked;

static int compare_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->measure != b->measure)
        return a->measure > b->measure ? -1 : 1;
    return a->v < b->v ? -1 : a->v > b->v;
}

enum { AUTO_LABEL_TOP = 24 };

int render_choose_labels(map *m)
{
    const ckg_graph *g = m->g;
    unsigned char *top = calloc(g->n_vertices ? g->n_vertices : 1, 1);
    ranked *order = malloc((g->n_vertices ? g->n_vertices : 1) * sizeof *order);
    if (!top || !order) {
        free(top);
        free(order);
        return CKG_ENOMEM;
    }
    size_t k = 0;
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (m->shown[v])
            order[k++] = (ranked){m->measure[v], (int32_t)v};
    }
    qsort(order, k, sizeof *order, compare_ranked);
    for (size_t i = 0; i < k && i < AUTO_LABEL_TOP; i++)
        top[order[i].v] = 1;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        int on = 0;
        if (render_edge_shown(m, j)) {
            switch (m->opt->edge_labels) {
            case RENDER_EDGE_LABELS_ALL: on = 1; break;
            case RENDER_EDGE_LABELS_NONE: on = 0; break;
            case RENDER_EDGE_LABELS_AUTO:
                on = m->n_edges <= RENDER_AUTO_LABEL_EDGES || (top[e->from] && top[e->to]) ||
                     e->n_papers > 1;
                break;
            }
        }
        m->labeled[j] = (unsigned char)on;
        m->n_labeled += (size_t)on;
    }
    free(top);
    free(order);
    return CKG_OK;
}
