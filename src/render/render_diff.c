/* render_diff.c — diff maps: two scopes (papers or sections) drawn as one map.
 *
 * render_diff_prepare measures both scopes with diff_compute (so ranks are those `ckg diff`
 * reports), joins their graphs with graph_union (the map's graph: sizes come from a
 * centrality of the union) and marks each vertex and edge with the scopes that have it
 * (RENDER_IN_A, RENDER_IN_B or both; an edge is the pair (from, to), as diff.h defines a
 * relation). The looks: shared concepts and relations neutral grey, a's own in Okabe–Ito
 * orange with solid lines, b's own in blue with dashed lines, so the two stay apart in
 * greyscale and for readers who do not tell the hues apart (orange and sky blue are about
 * equally light). Titles say, for each scope, whether it has the concept or relation, its
 * rank there and its first quote; everything here is plain text, escaped by whoever writes
 * it (rbuf_label in the legend, rbuf_xml in <title>). */
#include "render_internal.h"

#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ preparing */

static metrics_measure measure_of(render_size_by by)
{
    return by == RENDER_SIZE_BETWEENNESS ? METRICS_BETWEENNESS
           : by == RENDER_SIZE_DEGREE    ? METRICS_DEGREE
                                         : METRICS_PAGERANK;
}

/* Membership of the concept pair (from, to) in one scope's graph. */
static int side_has_edge(const ckg_graph *g, int32_t from, int32_t to)
{
    int32_t vf = g->vertex_of[from], vt = g->vertex_of[to];
    return vf >= 0 && vt >= 0 && graph_find_edge(g, vf, vt) >= 0;
}

int render_diff_prepare(map *m, diag_list *diags)
{
    const render_options *opt = m->opt;
    if (opt->paper || opt->section) {
        diag_add(diags, DIAG_ERROR, NULL, "a diff map draws the two scopes it is given "
                                          "(--diff A B); it takes no --paper or --section");
        return CKG_EUSAGE;
    }
    if (!opt->diff[0].paper || !opt->diff[1].paper) {
        diag_add(diags, DIAG_ERROR, NULL, "a diff map needs two papers or sections "
                                          "(--diff A B)");
        return CKG_EUSAGE;
    }
    diff_options dopt;
    diff_options_default(&dopt);
    dopt.measure = measure_of(opt->size_by);
    int rc = diff_compute(m->o, &opt->diff[0], &opt->diff[1], &dopt, diags, &m->diff);
    if (rc != CKG_OK)
        return rc;
    const ckg_graph *a = m->diff->a.g, *b = m->diff->b.g;
    if (a->paper == b->paper && a->section == b->section) {
        diag_add(diags, DIAG_ERROR, NULL, "a diff map needs two different scopes, not '%s' "
                                          "twice", m->diff->a.name);
        return CKG_EUSAGE;
    }
    if ((rc = graph_union(a, b, &m->g)) != CKG_OK)
        return rc;
    const ckg_graph *u = m->g;
    if (!(m->in = calloc(u->n_vertices + u->n_edges + 1, 1)))
        return CKG_ENOMEM;
    for (size_t v = 0; v < u->n_vertices; v++) {
        int32_t c = u->vertices[v].concept;
        m->in[v] = (unsigned char)((a->vertex_of[c] >= 0 ? RENDER_IN_A : 0) |
                                   (b->vertex_of[c] >= 0 ? RENDER_IN_B : 0));
    }
    for (size_t j = 0; j < u->n_edges; j++) {
        int32_t from = u->vertices[u->edges[j].from].concept;
        int32_t to = u->vertices[u->edges[j].to].concept;
        m->in[u->n_vertices + j] =
            (unsigned char)((side_has_edge(a, from, to) ? RENDER_IN_A : 0) |
                            (side_has_edge(b, from, to) ? RENDER_IN_B : 0));
    }
    return CKG_OK;
}

/* ------------------------------------------------------------------ looks */

void render_diff_look_of(int in, int edge, render_look *look)
{
    switch (in) {
    case RENDER_IN_A:
        *look = (render_look){"#E69F00", edge ? "#E69F00" : "#8A5F00",
                              edge ? "solid" : "rounded,filled", 2.0, " diff-a"};
        break;
    case RENDER_IN_B:
        *look = (render_look){"#56B4E9", "#0072B2", edge ? "dashed" : "rounded,filled,dashed",
                              2.0, " diff-b"};
        break;
    default:
        *look = (render_look){"#E6E6E6", edge ? "#8C8C8C" : "#7F7F7F",
                              edge ? "solid" : "rounded,filled", 1.2, " diff-both"};
        break;
    }
}

void render_diff_node_look(const map *m, size_t v, render_look *look)
{
    render_diff_look_of(m->in[v], 0, look);
}

void render_diff_edge_look(const map *m, size_t j, render_look *look)
{
    render_diff_look_of(m->in[m->g->n_vertices + j], 1, look);
}

/* ------------------------------------------------------------------ names */

void render_diff_side_name(rbuf *b, const diff_side *s, int with_id)
{
    const ckg_paper *p = &s->g->o->papers[s->g->paper];
    const ckg_section *sec = s->g->section >= 0 ? &p->sections[s->g->section] : NULL;
    const ckg_strs *authors = sec ? &sec->authors : &p->authors;
    if (with_id)
        rbuf_printf(b, "%s：", s->name);
    for (size_t i = 0; i < authors->n; i++)
        rbuf_printf(b, "%s%s", i ? "、" : "", authors->items[i].s ? authors->items[i].s : "");
    rbuf_printf(b, "《%s》", p->title.s ? p->title.s : p->id.s);
    if (sec)
        rbuf_printf(b, "·%s", sec->title.s ? sec->title.s : sec->id.s);
    if (p->year)
        rbuf_printf(b, "（%d）", p->year);
}

/* ------------------------------------------------------------------ titles */

static const char *const measure_zh[] = {"PageRank", "中介中心性", "度"};

static void add_membership(rbuf *b, const map *m, int in)
{
    const diff_result *d = m->diff;
    if (in == RENDER_IN_BOTH)
        rbuf_printf(b, "\n两篇共有 in both：%s、%s", d->a.name, d->b.name);
    else
        rbuf_printf(b, "\n仅见于 only in %s", in == RENDER_IN_A ? d->a.name : d->b.name);
}

/* "2" for a whole rank, "2.5" for the average rank of a tie. */
static void add_rank(rbuf *b, double rank)
{
    if (rank == floor(rank))
        rbuf_printf(b, "%.0f", rank);
    else
        rbuf_printf(b, "%.1f", rank);
}

static void add_side_head(rbuf *b, const diff_side *s, char letter)
{
    rbuf_printf(b, "\n\n%c ", letter);
    render_diff_side_name(b, s, 1);
}

int render_diff_node_title(const map *m, size_t v, char **out)
{
    const diff_result *d = m->diff;
    int32_t c = m->g->vertices[v].concept;
    metrics_measure k = measure_of(m->opt->size_by);
    rbuf b = {0};
    render_add_concept_facts(&b, m->o, &m->o->concepts[c]);
    add_membership(&b, m, m->in[v]);
    for (int side = 0; side < 2; side++) {
        const diff_side *s = side ? &d->b : &d->a;
        add_side_head(&b, s, side ? 'B' : 'A');
        if (s->g->vertex_of[c] < 0) {
            rbuf_puts(&b, "\n未涉及该概念 not in this scope");
            continue;
        }
        rbuf_printf(&b, "\n%s 排名 rank ", measure_zh[m->opt->size_by]);
        add_rank(&b, diff_side_rank(s, c, k));
        rbuf_printf(&b, " / %zu", s->g->n_vertices);
        const ckg_paper *p = NULL;
        const ckg_evidence *ev = render_first_evidence(s->g, c, &p);
        render_add_quote(&b, ev, p);
    }
    if (b.oom) {
        rbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}

int render_diff_edge_title(const map *m, size_t j, char **out)
{
    const diff_result *d = m->diff;
    const graph_edge *e = &m->g->edges[j];
    int32_t from = m->g->vertices[e->from].concept, to = m->g->vertices[e->to].concept;
    rbuf b = {0};
    render_add_relation_head(&b, m, e);
    add_membership(&b, m, m->in[m->g->n_vertices + j]);
    for (int side = 0; side < 2; side++) {
        const diff_side *s = side ? &d->b : &d->a;
        add_side_head(&b, s, side ? 'B' : 'A');
        int32_t vf = s->g->vertex_of[from], vt = s->g->vertex_of[to];
        int64_t x = vf >= 0 && vt >= 0 ? graph_find_edge(s->g, vf, vt) : -1;
        if (x < 0) {
            rbuf_puts(&b, "\n未陈述该关系 not stated");
            continue;
        }
        const graph_edge *se = &s->g->edges[x];
        rbuf_puts(&b, "\n陈述为 stated as：");
        render_add_phrase(&b, m, se, 0, (size_t)-1);
        if (se->first)
            render_add_quote(&b, render_scoped_evidence(s->g, se->first_paper, &se->first->evidence),
                             &m->o->papers[se->first_paper]);
    }
    if (b.oom) {
        rbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}
