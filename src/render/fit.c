/* fit.c — a map arranged as a slide (stage: layout; uses the base and text stages,
 * layout.c, and the Graphviz context).
 *
 * The maps of the force-directed engines and of the radial layout are arranged, not just
 * laid out: Graphviz (or radial.c) places the concepts and phrases once, without the
 * legend; then the key goes in a column at the left of the map, the header (title, scope,
 * counts) above both, and the map's positions are stretched, along the one axis that is
 * short, until the whole is as wide as a slide for its height (16:9). Stretching the short
 * side costs nothing on a slide: a slide program fits a picture by its long side, so the
 * labels keep their size there, and positions that move apart cannot make boxes overlap.
 * Then each linking phrase moves to the middle of its relation's line wherever it is clear
 * of everything else there, so the arrow runs straight through it. The caller pins the
 * positions and has Graphviz draw (render_build_graph with x, y).
 *
 * Positions and sizes come from Graphviz's own layout, measured with pango, so the
 * arrangement knows every box as it will be drawn. Everything is arithmetic on those,
 * in a fixed order: the same map gives the same positions. */
#include "render_internal.h"

#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { KEY_GAP = 28 }; /* points between the key and the map */
#define SLIDE_ASPECT (RENDER_SLIDE_W / RENDER_SLIDE_H)
#define MAX_STRETCH 4.0

/* A box placed by the layout: its center and size, points. */
typedef struct placed {
    double x, y, w, h;
} placed;

/* The extent of the boxes along one axis with their centers scaled by s. */
static void extent(const placed *p, size_t n, int axis, double s, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double c = (axis ? p[i].y : p[i].x) * s, half = (axis ? p[i].h : p[i].w) / 2;
        *lo = fmin(*lo, c - half);
        *hi = fmax(*hi, c + half);
    }
    if (n == 0)
        *lo = *hi = 0;
}

/* The whole drawing's width and height (with the pad) for the map's boxes stretched by
 * (sx, sy), the key beside them and the header above. */
static void frame(const placed *p, size_t n, double sx, double sy, double key_w, double key_h,
                  double head_w, double head_h, double *w, double *h)
{
    double x0, x1, y0, y1;
    extent(p, n, 0, sx, &x0, &x1);
    extent(p, n, 1, sy, &y0, &y1);
    double content_w = key_w + KEY_GAP + (x1 - x0), content_h = fmax(key_h, y1 - y0);
    *w = fmax(head_w, content_w) + 2 * RENDER_PAD;
    *h = content_h + head_h + 2 * RENDER_PAD;
}

/* The smallest stretch s in [1, MAX_STRETCH] of one axis that makes the frame's aspect
 * reach the slide's (from below for x, from above for y); MAX_STRETCH when none does. */
static double stretch(const placed *p, size_t n, int axis, double key_w, double key_h,
                      double head_w, double head_h)
{
    double lo = 1, hi = MAX_STRETCH, w, h;
    frame(p, n, axis ? 1 : hi, axis ? hi : 1, key_w, key_h, head_w, head_h, &w, &h);
    if (axis ? w / h > SLIDE_ASPECT : w / h < SLIDE_ASPECT)
        return hi;
    for (int i = 0; i < 40; i++) {
        double mid = (lo + hi) / 2;
        frame(p, n, axis ? 1 : mid, axis ? mid : 1, key_w, key_h, head_w, head_h, &w, &h);
        if (axis ? w / h > SLIDE_ASPECT : w / h < SLIDE_ASPECT)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

/* Lays out ag with engine and reads where it put each node of the map: concepts at [v],
 * phrase nodes at [n_vertices + j]; placed[].w == 0 for what is not drawn. */
static int read_layout(render_context *ctx, const map *m, Agraph_t *ag, const char *engine,
                       placed *out, diag_list *diags)
{
    const ckg_graph *g = m->g;
    int rc = render_layout(ctx, ag, engine, diags, "lay the map out");
    if (rc != CKG_OK)
        return rc;
    for (size_t v = 0; v < g->n_vertices; v++) {
        Agnode_t *n = m->shown[v] ? agnode(ag, (char *)render_concept_of(m, v)->id.s, 0) : NULL;
        out[v] = n ? (placed){ND_coord(n).x, ND_coord(n).y, ND_width(n) * 72, ND_height(n) * 72}
                   : (placed){0};
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        placed *p = &out[g->n_vertices + j];
        *p = (placed){0};
        if (!m->phrase_nodes || !m->drawn[j] || !m->labeled[j])
            continue;
        char id[512];
        snprintf(id, sizeof id, "%s--%s", render_concept_of(m, (size_t)g->edges[j].from)->id.s,
                 render_concept_of(m, (size_t)g->edges[j].to)->id.s);
        Agnode_t *n = agnode(ag, id, 0);
        if (n)
            *p = (placed){ND_coord(n).x, ND_coord(n).y, ND_width(n) * 72, ND_height(n) * 72};
    }
    gvFreeLayout(ctx->gvc, ag);
    return CKG_OK;
}

/* The size of the key (a plain node) and of the header (the graph's label), as Graphviz
 * lays them out. */
static int measure_legend(render_context *ctx, const map *m, double *key_w, double *key_h,
                          double *head_w, double *head_h, diag_list *diags)
{
    strbuf b = {0};
    int rc = CKG_ENOMEM;
    Agraph_t *ag = agopen("legend", Agstrictdirected, NULL);
    if (!ag)
        return CKG_ENOMEM;
    agattr(ag, AGRAPH, "fontname", RENDER_FONT_STACK);
    agattr(ag, AGNODE, "fontname", RENDER_FONT_STACK);
    agattr(ag, AGRAPH, "labelloc", "t");
    render_legend_header(&b, m);
    if (b.oom)
        goto out;
    char *h = agstrdup_html(ag, b.s);
    agattr(ag, AGRAPH, "label", h);
    agstrfree(ag, h);
    b.len = 0;
    render_legend_key(&b, m);
    Agnode_t *k = agnode(ag, RENDER_KEY_NODE, 1);
    if (b.oom || !k)
        goto out;
    h = agstrdup_html(ag, b.s);
    agsafeset(k, "label", h, "");
    agstrfree(ag, h);
    agsafeset(k, "shape", "plain", "");
    if ((rc = render_layout(ctx, ag, "neato", diags, "lay the legend out")) != CKG_OK)
        goto out;
    *key_w = ND_width(k) * 72;
    *key_h = ND_height(k) * 72;
    *head_w = GD_label(ag) ? GD_label(ag)->dimen.x : 0;
    *head_h = GD_label(ag) ? GD_label(ag)->dimen.y : 0;
    gvFreeLayout(ctx->gvc, ag);
    rc = CKG_OK;
out:
    agclose(ag);
    strbuf_free(&b);
    return rc;
}

/* Does box i, centered at (cx, cy), come within PHRASE_GAP of another box (at x, y)? */
enum { PHRASE_GAP = 3 };
static int box_clear(const placed *p, const size_t *index, size_t n, size_t i, double cx,
                     double cy, const double *x, const double *y)
{
    for (size_t k = 0; k < n; k++) {
        if (k == i)
            continue;
        double dx = fabs(cx - x[index[k]]), dy = fabs(cy - y[index[k]]);
        if (dx < (p[i].w + p[k].w) / 2 + PHRASE_GAP && dy < (p[i].h + p[k].h) / 2 + PHRASE_GAP)
            return 0;
    }
    return 1;
}

/* Each phrase to the middle of its relation's line, where that leaves it clear of every
 * other box and phrase, so the two halves of the arrow make one straight line; the layout
 * left it near there, pulled by both ends. In edge order, each against the places of the
 * others so far. */
static void phrases_to_middles(const map *m, const placed *p, const size_t *index, size_t n,
                               double *x, double *y)
{
    const ckg_graph *g = m->g;
    for (size_t i = 0; i < n; i++) {
        if (index[i] < g->n_vertices)
            continue;
        const graph_edge *e = &g->edges[index[i] - g->n_vertices];
        double cx = round((x[e->from] + x[e->to]) / 2 * 10) / 10;
        double cy = round((y[e->from] + y[e->to]) / 2 * 10) / 10;
        if (box_clear(p, index, n, i, cx, cy, x, y)) {
            x[index[i]] = cx;
            y[index[i]] = cy;
        }
    }
}

int render_arrange(render_context *ctx, const map *m, const char *engine, double *x, double *y,
                   diag_list *diags)
{
    const ckg_graph *g = m->g;
    size_t total = g->n_vertices + g->n_edges;
    int radial = strcmp(engine, "radial") == 0;
    Agraph_t *ag = NULL;
    placed *all = malloc((total ? total : 1) * sizeof *all), *p = NULL;
    size_t *index = malloc((total ? total : 1) * sizeof *index);
    int rc = CKG_ENOMEM;
    if (!all || !index || !(p = malloc((total ? total : 1) * sizeof *p)))
        goto out;
    /* The map alone, laid out by its engine (radial: already placed, Graphviz measures). */
    if ((rc = render_build_graph(m, engine, radial ? x : NULL, radial ? y : NULL, 0, 0, &ag)) !=
            CKG_OK ||
        (rc = read_layout(ctx, m, ag, radial ? "neato" : engine, all, diags)) != CKG_OK)
        goto out;
    size_t n = 0;
    for (size_t i = 0; i < total; i++) {
        if (all[i].w > 0) {
            index[n] = i;
            p[n++] = all[i];
        }
    }
    double key_w, key_h, head_w, head_h;
    if ((rc = measure_legend(ctx, m, &key_w, &key_h, &head_w, &head_h, diags)) != CKG_OK)
        goto out;
    /* Stretch the short side to the slide's aspect. */
    double w, h, sx = 1, sy = 1;
    frame(p, n, 1, 1, key_w, key_h, head_w, head_h, &w, &h);
    if (w / h < SLIDE_ASPECT)
        sx = stretch(p, n, 0, key_w, key_h, head_w, head_h);
    else
        sy = stretch(p, n, 1, key_w, key_h, head_w, head_h);
    /* The map right of the key, its middle level with the middle of the content; the key
     * at the top left. Graphviz's y grows upwards. */
    double x0, x1, y0, y1;
    extent(p, n, 0, sx, &x0, &x1);
    extent(p, n, 1, sy, &y0, &y1);
    double content_h = fmax(key_h, y1 - y0);
    double dx = key_w + KEY_GAP - x0, dy = content_h / 2 - (y0 + y1) / 2;
    for (size_t i = 0; i < n; i++) {
        x[index[i]] = round((p[i].x * sx + dx) * 10) / 10;
        y[index[i]] = round((p[i].y * sy + dy) * 10) / 10;
    }
    if (!radial) /* radial.c put them by the outer concept, where the spokes are apart */
        phrases_to_middles(m, p, index, n, x, y);
    x[total] = round(key_w / 2 * 10) / 10;
    y[total] = round((content_h - key_h / 2) * 10) / 10;
    rc = CKG_OK;
out:
    if (ag)
        agclose(ag);
    free(all);
    free(index);
    free(p);
    return rc;
}
