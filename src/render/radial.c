/* radial.c — ckg's own layout for ego maps ("radial"): rings of ellipses (stage: layout;
 * uses label.c for the size of each box).
 *
 * A hub such as 新质生产力 has a hundred neighbours. Force-directed engines pile them up and
 * cross its spokes; twopi puts them on one circle, which must be huge because boxes are wide
 * and the circle spaces them the same all round. Here ring d (the concepts d steps from the
 * focus) is an ellipse: on its flat top and bottom neighbours sit side by side and need their
 * width, on its sides they sit one above the other and need only their height, so an ellipse
 * wider than high holds the same boxes in much less room, in the proportions of a slide.
 *
 * Order round a ring: the first ring by theme (so each theme is one sector, one color) and
 * then ontology order; further rings next to the concept that leads to them. Each ring's
 * ellipse is the smallest (by area) among a few proportions that keeps every box clear of its
 * neighbours on the ring and of the ring inside it, found by growing in small steps; so the
 * positions depend only on the input. Each linking phrase is a node of its own on its spoke,
 * just inside the outer concept, on white, so the arrow runs straight through it and no
 * line crosses its text. Graphviz then draws with these positions pinned. */
#include "render_internal.h"

#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>

typedef struct slot {
    int32_t v;
    double key1, key2; /* sort keys: theme or parent position, then vertex */
    double w, h;
} slot;

static int compare_slots(const void *pa, const void *pb)
{
    const slot *a = pa, *b = pb;
    if (a->key1 != b->key1)
        return a->key1 < b->key1 ? -1 : 1;
    if (a->key2 != b->key2)
        return a->key2 < b->key2 ? -1 : 1;
    return a->v < b->v ? -1 : a->v > b->v;
}

enum { GAP = 10 }; /* points kept free between boxes */

static int boxes_touch(const slot *p, double tp, const slot *q, double tq, double a, double b)
{
    double dx = a * (cos(tp) - cos(tq)), dy = b * (sin(tp) - sin(tq));
    return fabs(dx) < (p->w + q->w) / 2 + GAP && fabs(dy) < (p->h + q->h) / 2 + GAP;
}

/* Packs the n boxes of a ring clockwise round the ellipse (a, b) from the top, each as close
 * to those before it as it can be without touching them, then spreads them evenly over the
 * full turn. Fills theta[] and returns 1, or returns 0 when they do not fit in one turn. */
static int pack(const slot *r, size_t n, double a, double b, double *theta)
{
    const double step = 0.002, turn = 2 * M_PI;
    theta[0] = M_PI / 2;
    for (size_t i = 1; i < n; i++) {
        double t = theta[i - 1];
        for (;;) {
            t -= step;
            if (theta[0] - t >= turn)
                return 0;
            int touch = 0;
            for (size_t k = 1; k <= 4 && k <= i && !touch; k++)
                touch = boxes_touch(&r[i], t, &r[i - k], theta[i - k], a, b);
            if (!touch)
                break;
        }
        theta[i] = t;
    }
    /* Closing the ring: the first box, one turn on, must clear the last ones as well. */
    double t = theta[n - 1];
    for (int touch = n > 1; touch;) {
        t -= step;
        if (theta[0] - t >= turn)
            return 0;
        touch = 0;
        for (size_t k = 1; k <= 4 && k <= n - 1 && !touch; k++)
            touch = boxes_touch(&r[0], t, &r[n - k], theta[n - k], a, b);
    }
    double used = n > 1 ? theta[0] - t : turn;
    double spread = turn / used;
    for (size_t i = 0; i < n; i++)
        theta[i] = M_PI / 2 - (M_PI / 2 - theta[i]) * spread;
    return 1;
}

/* How far from a box's center, along the unit direction (ux, uy), its edge lies. */
static double exit_along(double half_w, double half_h, double ux, double uy)
{
    double tx = fabs(ux) > 1e-9 ? half_w / fabs(ux) : INFINITY;
    double ty = fabs(uy) > 1e-9 ? half_h / fabs(uy) : INFINITY;
    return fmin(tx, ty);
}

/* The size (points) of relation j's phrase node: its text, one em a CJK character. */
static void phrase_box(const map *m, size_t j, double *w, double *h)
{
    strbuf b = {0};
    double em = 0;
    int lines = 1;
    render_add_phrase(&b, m, &m->g->edges[j], m->opt->lang == RENDER_LANG_EN, 3);
    if (!b.oom)
        render_measure_lines(b.s, &em, &lines);
    strbuf_free(&b);
    *w = em * m->phrase_font + 4;
    *h = lines * 1.2 * m->phrase_font + 2;
}

/* Does a phrase of size (w, h) at (cx, cy) come near a box of another phrase placed before
 * it (placed[k], the first n) or of a concept other than a and b? */
typedef struct spot {
    double x, y, w, h;
} spot;

static int phrase_blocked(const map *m, const double *x, const double *y, const spot *placed,
                          size_t n, double cx, double cy, double w, double h, int32_t a,
                          int32_t b)
{
    for (size_t k = 0; k < n; k++) {
        if (fabs(cx - placed[k].x) < (w + placed[k].w) / 2 + 2 &&
            fabs(cy - placed[k].y) < (h + placed[k].h) / 2 + 2)
            return 1;
    }
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (!m->shown[v] || (int32_t)v == a || (int32_t)v == b)
            continue;
        double bw, bh;
        render_estimate_box(m, v, &bw, &bh);
        if (fabs(cx - x[v]) < (w + bw) / 2 + 4 && fabs(cy - y[v]) < (h + bh) / 2 + 4)
            return 1;
    }
    return 0;
}

/* Each labeled relation's phrase node on its spoke, just inside the outer concept (for a
 * pair stated both ways, the outward relation's further in, past the inward one's), so the
 * two halves of the arrow make one straight line; where several spokes leave one concept,
 * a phrase that would cover another moves inwards along its spoke until it is clear (at
 * most to the inner concept). Between concepts of one ring (--ties), halfway. In edge
 * order. */
static int place_phrases(const map *m, double *x, double *y)
{
    const ckg_graph *g = m->g;
    size_t nv = g->n_vertices, n = 0;
    spot *placed = malloc((g->n_edges ? g->n_edges : 1) * sizeof *placed);
    if (!placed)
        return CKG_ENOMEM;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (!m->drawn[j] || !m->labeled[j])
            continue;
        double dx = 0, dy = 0, len = 0, pw, ph;
        int32_t outer = m->dist[e->from] > m->dist[e->to] ? e->from : e->to;
        int32_t inner = outer == e->from ? e->to : e->from;
        if (m->dist[e->from] != m->dist[e->to]) {
            dx = x[inner] - x[outer];
            dy = y[inner] - y[outer];
            len = hypot(dx, dy);
        }
        phrase_box(m, j, &pw, &ph);
        double px = (x[e->from] + x[e->to]) / 2, py = (y[e->from] + y[e->to]) / 2;
        if (len >= 1) {
            double ux = dx / len, uy = dy / len, ow, oh, iw, ih;
            render_estimate_box(m, (size_t)outer, &ow, &oh);
            render_estimate_box(m, (size_t)inner, &iw, &ih);
            double half = exit_along(pw / 2, ph / 2, ux, uy);
            double along = exit_along(ow / 2, oh / 2, ux, uy) + half + 6;
            /* the furthest in: clear of the inner concept */
            double last = fmax(len / 2, len - exit_along(iw / 2, ih / 2, ux, uy) - half - 6);
            int64_t back = graph_find_edge(g, e->to, e->from);
            if (e->from == inner && back >= 0 && m->drawn[back] && m->labeled[back]) {
                double bw, bh;
                phrase_box(m, (size_t)back, &bw, &bh);
                along += 2 * exit_along(bw / 2, bh / 2, ux, uy) + 4;
            }
            while (along < last &&
                   phrase_blocked(m, x, y, placed, n, x[outer] + ux * along,
                                  y[outer] + uy * along, pw, ph, e->from, e->to))
                along += 4;
            along = fmin(along, last);
            px = x[outer] + ux * along;
            py = y[outer] + uy * along;
        }
        x[nv + j] = round(px * 10) / 10;
        y[nv + j] = round(py * 10) / 10;
        placed[n++] = (spot){x[nv + j], y[nv + j], pw, ph};
    }
    free(placed);
    return CKG_OK;
}

int render_radial(const map *m, double *x, double *y)
{
    const ckg_graph *g = m->g;
    int rc = CKG_ENOMEM;
    int32_t focus = m->opt->focus >= 0 ? g->vertex_of[m->opt->focus] : -1;
    slot *slots = malloc((g->n_vertices ? g->n_vertices : 1) * sizeof *slots);
    double *pos = malloc((g->n_vertices ? g->n_vertices : 1) * sizeof *pos);
    double *theta = malloc((g->n_vertices ? g->n_vertices : 1) * sizeof *theta);
    if (!slots || !pos || !theta)
        goto out;
    for (size_t v = 0; v < g->n_vertices; v++)
        pos[v] = -1;
    rc = CKG_OK;
    if (focus < 0)
        goto out;
    x[focus] = y[focus] = 0;
    pos[focus] = 0;
    double fw, fh;
    render_estimate_box(m, (size_t)focus, &fw, &fh);
    /* What the next ring must clear: the extent of the ring inside it (half-axes plus the
     * half-size of its largest box), and room on the spokes for the linking phrases. */
    double inner_a = fw / 2, inner_b = fh / 2;
    int32_t max_dist = 0;
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (m->shown[v] && m->dist[v] > max_dist)
            max_dist = m->dist[v];
    }
    for (int32_t d = 1; d <= max_dist; d++) {
        size_t n = 0;
        double max_w = 0, max_h = 0;
        for (size_t v = 0; v < g->n_vertices; v++) {
            if (!m->shown[v] || m->dist[v] != d)
                continue;
            slot *s = &slots[n++];
            s->v = (int32_t)v;
            s->key2 = (double)v;
            if (d == 1) {
                s->key1 = (double)m->o->concepts[g->vertices[v].concept].theme_index;
            } else {
                /* beside the earliest placed concept of the ring inside that leads here */
                s->key1 = INFINITY;
                for (size_t j = 0; j < g->n_edges; j++) {
                    const graph_edge *e = &g->edges[j];
                    int32_t other = e->from == (int32_t)v ? e->to : e->to == (int32_t)v ? e->from : -1;
                    if (other >= 0 && m->drawn[j] && m->dist[other] == d - 1 && pos[other] >= 0 &&
                        pos[other] < s->key1)
                        s->key1 = pos[other];
                }
            }
            render_estimate_box(m, v, &s->w, &s->h);
            max_w = fmax(max_w, s->w);
            max_h = fmax(max_h, s->h);
        }
        if (n == 0)
            break;
        qsort(slots, n, sizeof *slots, compare_slots);
        /* Room for a phrase on the spokes between the rings. */
        double min_a = inner_a + max_w / 2 + 70, min_b = inner_b + max_h / 2 + 45;
        double best_a = 0, best_b = 0, best_area = INFINITY;
        for (int k = 0; k <= 10; k++) {
            double ratio = 0.45 + 0.055 * k; /* b / a, from wide to round */
            double lo = fmax(min_a, min_b / ratio), hi = lo;
            while (!pack(slots, n, hi, hi * ratio, theta) && hi < 1e6)
                hi *= 1.5;
            if (hi > lo) { /* the smallest that fits, to a point */
                while (hi - lo > 1) {
                    double mid = (lo + hi) / 2;
                    if (pack(slots, n, mid, mid * ratio, theta))
                        hi = mid;
                    else
                        lo = mid;
                }
            }
            /* the smallest area, with a liking for the proportions of a slide */
            double w = 2 * hi + max_w, h = 2 * hi * ratio + max_h;
            double area = w * h * (1 + 0.6 * fabs(log(w / h / 1.6)));
            if (area < best_area) {
                best_area = area;
                best_a = hi;
                best_b = hi * ratio;
            }
        }
        pack(slots, n, best_a, best_b, theta);
        for (size_t i = 0; i < n; i++) {
            x[slots[i].v] = round(best_a * cos(theta[i]) * 10) / 10;
            y[slots[i].v] = round(best_b * sin(theta[i]) * 10) / 10;
            /* position round the rings, for the order of the next ring */
            pos[slots[i].v] = (double)d * 10 + (double)i / (double)n;
        }
        inner_a = best_a + max_w / 2;
        inner_b = best_b + max_h / 2;
    }
    rc = place_phrases(m, x, y);
out:
    free(slots);
    free(pos);
    free(theta);
    return rc;
}
