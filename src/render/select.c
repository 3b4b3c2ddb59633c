/* select.c — what a map shows (stage: select; uses the map's graph and m->measure only).
 *
 * First the candidates: the concepts of the scope that the options leave (a theme; the ego
 * neighbourhood of a focus, found over the relations the filters leave; hidden concepts
 * out; with a minimum of papers, only relations that many papers state and the concepts
 * left with one). Then the concepts shown: the first N candidates by the size measure
 * (measure.c, computed first; ties in vertex order, which is ontology order), every one
 * for RENDER_TOP_ALL. In an ego map the focus always comes first, and a concept further
 * out than one step comes only after one that leads to it; on a slide, past the first few,
 * a concept comes only once one it has a relation with has (no box stands alone). Then
 * the relations drawn among
 * those shown, and which of them carry their linking phrase. Everything here is decided
 * from the graph and the measure, before any text, style or Graphviz; render_map may call
 * render_select_top again with a smaller N until the map fits its slide. */
#include "render_internal.h"

#include "ckg/status.h"
#include "ckg/strmap.h"

#include <math.h>
#include <stdlib.h>

/* The number of papers of the whole ontology stating each relation of the graph, into
 * count[j] (a paper's map keeps only the relations that other papers state too). */
static int papers_stating(const ckg_graph *g, int32_t *count)
{
    const ckg_ontology *o = g->o;
    int32_t *last = calloc(g->n_edges ? g->n_edges : 1, sizeof *last);
    if (!last)
        return CKG_ENOMEM;
    for (size_t j = 0; j < g->n_edges; j++)
        count[j] = 0;
    for (size_t pi = 0; pi < o->n_papers; pi++) {
        const ckg_paper *p = &o->papers[pi];
        for (size_t i = 0; i < p->n_relations; i++) {
            const ckg_relation *r = &p->relations[i];
            if (r->from_index < 0 || r->to_index < 0)
                continue;
            int32_t vf = g->vertex_of[r->from_index], vt = g->vertex_of[r->to_index];
            int64_t j = vf >= 0 && vt >= 0 ? graph_find_edge(g, vf, vt) : -1;
            if (j >= 0 && last[j] != (int32_t)pi + 1) {
                last[j] = (int32_t)pi + 1;
                count[j]++;
            }
        }
    }
    free(last);
    return CKG_OK;
}

typedef struct ranked {
    double measure;
    int32_t v;
} ranked;

/* Largest measure first; ties in vertex order. */
static int compare_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->measure != b->measure)
        return a->measure > b->measure ? -1 : 1;
    return a->v < b->v ? -1 : a->v > b->v;
}

int render_select_concepts(map *m, diag_list *diags)
{
    const render_options *opt = m->opt;
    ckg_graph *g = m->g;
    const ckg_ontology *o = m->o;
    int rc = CKG_ENOMEM;
    int32_t *stating = NULL;
    int32_t theme = -1;
    if (opt->theme) {
        theme = strmap_get(&o->theme_by_id, opt->theme);
        if (theme < 0) {
            diag_add(diags, DIAG_ERROR, NULL, "unknown theme '%s'", opt->theme);
            return CKG_ENOTFOUND;
        }
    }
    int32_t f = -1;
    if (opt->focus >= 0) {
        if (opt->depth < 1) {
            diag_add(diags, DIAG_ERROR, NULL, "the depth of an ego map must be at least 1");
            return CKG_EUSAGE;
        }
        f = (size_t)opt->focus < o->n_concepts ? g->vertex_of[opt->focus] : -1;
        if (f < 0) {
            char scope[256];
            diag_add(diags, DIAG_ERROR, NULL, "concept '%s' is not in scope '%s'",
                     (size_t)opt->focus < o->n_concepts ? o->concepts[opt->focus].id.s : "?",
                     graph_scope_name(g, scope, sizeof scope));
            return CKG_ENOTFOUND;
        }
    }
    unsigned char *hidden = m->candidate; /* borrowed until the candidates are known */
    for (size_t v = 0; v < g->n_vertices; v++)
        hidden[v] = 0;
    for (size_t i = 0; i < opt->n_hide; i++) {
        int32_t c = opt->hide[i];
        int32_t v = c >= 0 && (size_t)c < o->n_concepts ? g->vertex_of[c] : -1;
        if (v >= 0 && v == f) {
            diag_add(diags, DIAG_ERROR, NULL, "the focus of an ego map cannot be hidden ('%s')",
                     o->concepts[c].id.s);
            return CKG_EUSAGE;
        }
        if (v >= 0)
            hidden[v] = 1;
    }
    /* The relations the filters leave. */
    if (!(stating = malloc((g->n_edges ? g->n_edges : 1) * sizeof *stating)))
        goto out;
    if (opt->min_papers > 1 && papers_stating(g, stating) != CKG_OK)
        goto out;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        m->eligible[j] = !hidden[e->from] && !hidden[e->to] &&
                         (opt->min_papers <= 1 || stating[j] >= opt->min_papers);
    }
    /* The ego neighbourhood: breadth-first over those relations in either direction, one
     * ring per step. */
    for (size_t v = 0; v < g->n_vertices; v++)
        m->dist[v] = f >= 0 ? -1 : 0;
    if (f >= 0) {
        m->dist[f] = 0;
        for (int d = 0; d < opt->depth; d++) {
            int grew = 0;
            for (size_t j = 0; j < g->n_edges; j++) {
                const graph_edge *e = &g->edges[j];
                if (!m->eligible[j])
                    continue;
                if (m->dist[e->from] == d && m->dist[e->to] < 0)
                    m->dist[e->to] = d + 1, grew = 1;
                else if (m->dist[e->to] == d && m->dist[e->from] < 0)
                    m->dist[e->from] = d + 1, grew = 1;
            }
            if (!grew)
                break;
        }
    }
    /* The candidates; with a minimum of papers, only those left with a relation. */
    for (size_t v = 0; v < g->n_vertices; v++) {
        const ckg_concept *c = &o->concepts[g->vertices[v].concept];
        m->candidate[v] = !hidden[v] && m->dist[v] >= 0 &&
                          (theme < 0 || c->theme_index == theme || (int32_t)v == f);
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        m->eligible[j] = m->eligible[j] && m->candidate[e->from] && m->candidate[e->to];
    }
    if (opt->min_papers > 1) {
        unsigned char *linked = m->shown; /* borrowed: render_select_top fills it */
        for (size_t v = 0; v < g->n_vertices; v++)
            linked[v] = (int32_t)v == f;
        for (size_t j = 0; j < g->n_edges; j++) {
            if (m->eligible[j])
                linked[g->edges[j].from] = linked[g->edges[j].to] = 1;
        }
        for (size_t v = 0; v < g->n_vertices; v++)
            m->candidate[v] = m->candidate[v] && linked[v];
    }
    /* The candidates in the order they are taken. */
    m->n_candidates = 0;
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (m->candidate[v])
            m->order[m->n_candidates++] = (int32_t)v;
    }
    ranked *r = malloc((m->n_candidates ? m->n_candidates : 1) * sizeof *r);
    if (!r)
        goto out;
    for (size_t i = 0; i < m->n_candidates; i++)
        r[i] = (ranked){(int32_t)m->order[i] == f ? INFINITY : m->measure[m->order[i]],
                        m->order[i]};
    qsort(r, m->n_candidates, sizeof *r, compare_ranked);
    for (size_t i = 0; i < m->n_candidates; i++)
        m->order[i] = r[i].v;
    free(r);
    rc = CKG_OK;
out:
    free(stating);
    return rc;
}

/* Does an ego map's concept v have a relation to one already taken a step nearer the
 * focus? */
static int leads_in(const map *m, int32_t v)
{
    const ckg_graph *g = m->g;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (!m->eligible[j] || (e->from != v && e->to != v))
            continue;
        int32_t other = e->from == v ? e->to : e->from;
        if (m->shown[other] && m->dist[other] == m->dist[v] - 1)
            return 1;
    }
    return 0;
}

/* Does concept v have a relation to one already taken? */
static int joins(const map *m, int32_t v)
{
    const ckg_graph *g = m->g;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (m->eligible[j] && ((e->from == v && m->shown[e->to]) || (e->to == v && m->shown[e->from])))
            return 1;
    }
    return 0;
}

void render_select_top(map *m, size_t n, size_t as_they_come)
{
    const ckg_graph *g = m->g;
    const render_options *opt = m->opt;
    int ego_rings = opt->focus >= 0 && opt->depth >= 2;
    for (size_t v = 0; v < g->n_vertices; v++)
        m->shown[v] = 0;
    m->n_shown = 0;
    if (n > m->n_candidates)
        n = m->n_candidates;
    /* passes over the ranking, each taking what the last made reachable */
    for (int grew = 1; grew && m->n_shown < n;) {
        grew = 0;
        for (size_t i = 0; i < m->n_candidates && m->n_shown < n; i++) {
            int32_t v = m->order[i];
            int take = ego_rings ? m->dist[v] == 0 || leads_in(m, v)
                                 : i < as_they_come || joins(m, v);
            if (!m->shown[v] && take) {
                m->shown[v] = 1;
                m->n_shown++;
                grew = 1;
            }
        }
    }
    m->n_edges = 0;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        int32_t step = m->dist[e->from] - m->dist[e->to];
        m->drawn[j] = m->eligible[j] && m->shown[e->from] && m->shown[e->to] &&
                      (opt->focus < 0 || opt->ego_ties || step == 1 || step == -1);
        m->n_edges += m->drawn[j];
    }
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
    m->n_labeled = 0;
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
