/* export_attrs.c — what the graph formats carry besides the graph (export.h): evidence
 * counts, the measures (given), node sizes and, for GEXF, a layout.
 *
 * Evidence is counted from the papers' statements with graph_build's scope rule: a paper in
 * scope, and in a section scope only the quotes tagged with the section. A vertex counts the
 * quotes of its mentions, an edge those of every relation stated for its pair (whatever the
 * kind). Sizes follow PageRank as the maps' boxes do (its square root, so areas go with it);
 * the layout is render_positions with sfdp, the engine of the shipped maps of all papers. */
#include "ckg/render.h"
#include "ckg/status.h"
#include "export_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { SMALL = 10, LARGE = 50 };

/* The quotes of ev that count in g's scope for paper p. */
static size_t quotes_in_scope(const ckg_graph *g, int32_t p, const ckg_evidences *ev)
{
    if (g->paper >= 0 && p != g->paper)
        return 0;
    if (g->section < 0)
        return ev->n;
    size_t n = 0;
    for (size_t i = 0; i < ev->n; i++)
        n += ev->items[i].section_index == g->section;
    return n;
}

static void count_evidence(const ckg_graph *g, export_attrs *a)
{
    const ckg_ontology *o = g->o;
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *paper = &o->papers[p];
        for (size_t k = 0; k < paper->n_mentions; k++) {
            const ckg_mention *mn = &paper->mentions[k];
            int32_t v = mn->concept_index >= 0 ? g->vertex_of[mn->concept_index] : -1;
            if (v >= 0)
                a->vertex_evidence[v] += quotes_in_scope(g, (int32_t)p, &mn->evidence);
        }
        for (size_t r = 0; r < paper->n_relations; r++) {
            const ckg_relation *rel = &paper->relations[r];
            if (rel->from_index < 0 || rel->to_index < 0)
                continue;
            int32_t vf = g->vertex_of[rel->from_index], vt = g->vertex_of[rel->to_index];
            int64_t e = vf >= 0 && vt >= 0 ? graph_find_edge(g, vf, vt) : -1;
            if (e >= 0)
                a->edge_evidence[e] += quotes_in_scope(g, (int32_t)p, &rel->evidence);
        }
    }
}

static void size_by_pagerank(const export_attrs *a, size_t n)
{
    const double *pr = metrics_values(a->m, METRICS_PAGERANK);
    double top = 0;
    for (size_t v = 0; v < n; v++)
        top = pr[v] > top ? pr[v] : top;
    for (size_t v = 0; v < n; v++)
        a->size[v] = SMALL + (LARGE - SMALL) * (top > 0 ? sqrt(pr[v] / top) : 0);
}

int export_attrs_build(const ckg_graph *g, const metrics_result *m, render_context *layout,
                       diag_list *diags, export_attrs *out)
{
    size_t nv = g->n_vertices ? g->n_vertices : 1, ne = g->n_edges ? g->n_edges : 1;
    int rc = CKG_ENOMEM;
    memset(out, 0, sizeof *out);
    out->m = m;
    if (!(out->vertex_evidence = calloc(nv, sizeof *out->vertex_evidence)) ||
        !(out->edge_evidence = calloc(ne, sizeof *out->edge_evidence)) ||
        !(out->size = calloc(nv, sizeof *out->size)))
        goto out;
    count_evidence(g, out);
    size_by_pagerank(out, g->n_vertices);
    if (layout) {
        if (!(out->x = calloc(nv, sizeof *out->x)) || !(out->y = calloc(nv, sizeof *out->y)))
            goto out;
        if ((rc = render_positions(layout, g, "sfdp", out->size, diags, out->x, out->y)) !=
            CKG_OK)
            goto out;
    }
    rc = CKG_OK;
out:
    if (rc != CKG_OK)
        export_attrs_free(out);
    return rc;
}

void export_attrs_free(export_attrs *a)
{
    free(a->vertex_evidence);
    free(a->edge_evidence);
    free(a->size);
    free(a->x);
    free(a->y);
    memset(a, 0, sizeof *a);
}
