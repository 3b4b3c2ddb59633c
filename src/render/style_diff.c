/* style_diff.c — the map of two scopes (papers or sections) drawn as one (stage: style;
 * uses the base and text stages, and the diff module).
 *
 * Its scope measures both with diff_compute (so ranks are those `ckg diff` reports), joins
 * their graphs with graph_union (the map's graph: sizes come from a centrality of the union)
 * and marks each vertex and edge with the scopes that have it (RENDER_IN_A, RENDER_IN_B or
 * both; an edge is the pair (from, to): diff.h's relation --by pair, so a pair the two
 * state in different families is drawn once, as both), kept in
 * m->style_data. The looks: shared concepts and relations neutral grey, a's own in Okabe–Ito
 * orange with solid lines, b's own in blue with dashed lines, so the two stay apart in
 * greyscale and for readers who do not tell the hues apart (orange and sky blue are about
 * equally light). Titles say, for each scope, whether it has the concept or relation, its
 * rank there and its first quote; the legend names both texts and counts what is only in
 * one and in both; the summary gives the membership of each concept shown. */
#include "render_internal.h"

#include "ckg/diff.h"
#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>

/* What a diff map keeps in m->style_data. */
typedef struct diff_map {
    diff_result *diff; /* the two scopes, measured; m->g is their union */
    unsigned char *in; /* per vertex, then per edge: RENDER_IN_A, RENDER_IN_B or both */
} diff_map;

static const diff_map *state(const map *m)
{
    return m->style_data;
}

/* ------------------------------------------------------------------ scope */

/* The measure each scope is ranked by in the titles (`ckg diff --measure`): the size
 * measure, or for RELATIONS, which `ckg diff` does not rank by, the degree. */
static metrics_measure measure_of(render_size_by by)
{
    return by == RENDER_SIZE_BETWEENNESS                            ? METRICS_BETWEENNESS
           : by == RENDER_SIZE_DEGREE || by == RENDER_SIZE_RELATIONS ? METRICS_DEGREE
                                                                     : METRICS_PAGERANK;
}

/* Membership of the concept pair (from, to) in one scope's graph. */
static int side_has_edge(const ckg_graph *g, int32_t from, int32_t to)
{
    int32_t vf = g->vertex_of[from], vt = g->vertex_of[to];
    return vf >= 0 && vt >= 0 && graph_find_edge(g, vf, vt) >= 0;
}

/* Measures and compares the two scopes of opt->diff (diff_compute), builds their union as
 * m->g and marks the membership of each vertex and edge. CKG_OK; CKG_EUSAGE (with --paper,
 * or the same scope twice); what diff_compute returns. */
static int diff_scope(map *m, diag_list *diags)
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
    diff_map *d = calloc(1, sizeof *d);
    if (!d)
        return CKG_ENOMEM;
    m->style_data = d;
    diff_options dopt;
    diff_options_default(&dopt);
    dopt.measure = measure_of(opt->size_by);
    dopt.by = DIFF_BY_PAIR; /* one arrow per pair, as the memberships below */
    int rc = diff_compute(m->o, &opt->diff[0], &opt->diff[1], &dopt, diags, &d->diff);
    if (rc != CKG_OK)
        return rc;
    const ckg_graph *a = d->diff->a.g, *b = d->diff->b.g;
    if (a->paper == b->paper && a->section == b->section) {
        diag_add(diags, DIAG_ERROR, NULL, "a diff map needs two different scopes, not '%s' "
                                          "twice", d->diff->a.name);
        return CKG_EUSAGE;
    }
    if ((rc = graph_union(a, b, &m->g)) != CKG_OK)
        return rc;
    const ckg_graph *u = m->g;
    if (!(d->in = calloc(u->n_vertices + u->n_edges + 1, 1)))
        return CKG_ENOMEM;
    for (size_t v = 0; v < u->n_vertices; v++) {
        int32_t c = u->vertices[v].concept;
        d->in[v] = (unsigned char)((a->vertex_of[c] >= 0 ? RENDER_IN_A : 0) |
                                   (b->vertex_of[c] >= 0 ? RENDER_IN_B : 0));
    }
    for (size_t j = 0; j < u->n_edges; j++) {
        int32_t from = u->vertices[u->edges[j].from].concept;
        int32_t to = u->vertices[u->edges[j].to].concept;
        d->in[u->n_vertices + j] =
            (unsigned char)((side_has_edge(a, from, to) ? RENDER_IN_A : 0) |
                            (side_has_edge(b, from, to) ? RENDER_IN_B : 0));
    }
    return CKG_OK;
}

/* After m->g, the union, which points into the two scopes' graphs. */
static void diff_release(map *m)
{
    diff_map *d = m->style_data;
    if (!d)
        return;
    diff_free(d->diff);
    free(d->in);
    free(d);
    m->style_data = NULL;
}

/* The concepts and relations drawn by membership (indexes RENDER_IN_* - 1). */
static void count_memberships(const map *m, size_t concepts[3], size_t relations[3])
{
    const unsigned char *in = state(m)->in;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (m->shown[v])
            concepts[in[v] - 1]++;
    }
    for (size_t j = 0; j < m->g->n_edges; j++) {
        if (render_edge_shown(m, j))
            relations[in[m->g->n_vertices + j] - 1]++;
    }
}

/* ------------------------------------------------------------------ looks */

/* The look of one membership, for a box or an arrow (edge) and for the legend. */
static void look_of(int in, int edge, render_look *look)
{
    switch (in) {
    case RENDER_IN_A:
        *look = (render_look){render_palette[RENDER_ORANGE][0],
                              edge ? render_palette[RENDER_ORANGE][0] : render_palette[RENDER_ORANGE][1],
                              edge ? "solid" : "rounded,filled", 2.0, " diff-a"};
        break;
    case RENDER_IN_B:
        *look = (render_look){render_palette[RENDER_SKY_BLUE][0], render_palette[RENDER_BLUE][0],
                              edge ? "dashed" : "rounded,filled,dashed", 2.0, " diff-b"};
        break;
    default:
        *look = (render_look){"#E6E6E6", edge ? "#8C8C8C" : "#7F7F7F",
                              edge ? "solid" : "rounded,filled", 1.2, " diff-both"};
        break;
    }
}

static void diff_node_look(const map *m, size_t v, render_look *look)
{
    look_of(state(m)->in[v], 0, look);
}

static void diff_edge_look(const map *m, size_t j, render_look *look)
{
    look_of(state(m)->in[m->g->n_vertices + j], 1, look);
}

/* ------------------------------------------------------------------ names */

/* Appends a scope's authors, title and year: 彭绪庶《…》（2024）. */
static void side_name(strbuf *b, const diff_side *s, int with_id)
{
    const ckg_paper *p = &s->g->o->papers[s->g->paper];
    const ckg_section *sec = s->g->section >= 0 ? &p->sections[s->g->section] : NULL;
    const ckg_strs *authors = sec ? &sec->authors : &p->authors;
    if (with_id)
        strbuf_printf(b, "%s：", s->name);
    for (size_t i = 0; i < authors->n; i++)
        strbuf_printf(b, "%s%s", i ? "、" : "", authors->items[i].s ? authors->items[i].s : "");
    strbuf_printf(b, "《%s》", p->title.s ? p->title.s : p->id.s);
    if (sec)
        strbuf_printf(b, "·%s", sec->title.s ? sec->title.s : sec->id.s);
    if (p->year)
        strbuf_printf(b, "（%d）", p->year);
}

/* ------------------------------------------------------------------ titles */

static const char *const measure_zh[] = {"PageRank", "中介中心性", "度", "度"};

static void add_membership(strbuf *b, const map *m, int in)
{
    const diff_result *d = state(m)->diff;
    if (in == RENDER_IN_BOTH)
        strbuf_printf(b, "\n两篇共有 in both：%s、%s", d->a.name, d->b.name);
    else
        strbuf_printf(b, "\n仅见于 only in %s", in == RENDER_IN_A ? d->a.name : d->b.name);
}

/* "2" for a whole rank, "2.5" for the average rank of a tie. */
static void add_rank(strbuf *b, double rank)
{
    if (rank == floor(rank))
        strbuf_printf(b, "%.0f", rank);
    else
        strbuf_printf(b, "%.1f", rank);
}

static void add_side_head(strbuf *b, const diff_side *s, char letter)
{
    strbuf_printf(b, "\n\n%c ", letter);
    side_name(b, s, 1);
}

/* The concept's facts and, for each scope, its rank there and its first quote. */
static int diff_node_title(const map *m, size_t v, char **out)
{
    const diff_result *d = state(m)->diff;
    int32_t c = m->g->vertices[v].concept;
    metrics_measure k = measure_of(m->opt->size_by);
    strbuf b = {0};
    render_add_concept_facts(&b, m->o, &m->o->concepts[c]);
    add_membership(&b, m, state(m)->in[v]);
    for (int side = 0; side < 2; side++) {
        const diff_side *s = side ? &d->b : &d->a;
        add_side_head(&b, s, side ? 'B' : 'A');
        if (s->g->vertex_of[c] < 0) {
            strbuf_puts(&b, "\n未涉及该概念 not in this scope");
            continue;
        }
        strbuf_printf(&b, "\n%s 排名 rank ", measure_zh[m->opt->size_by]);
        add_rank(&b, diff_side_rank(s, c, k));
        strbuf_printf(&b, " / %zu", s->g->n_vertices);
        const ckg_paper *p = NULL;
        const ckg_evidence *ev = render_first_evidence(s->g, c, &p);
        render_add_quote(&b, ev, p);
    }
    if (b.oom) {
        strbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}

/* The relation and, for each scope that states it, its kinds and first quote. */
static int diff_edge_title(const map *m, size_t j, char **out)
{
    const diff_result *d = state(m)->diff;
    const graph_edge *e = &m->g->edges[j];
    int32_t from = m->g->vertices[e->from].concept, to = m->g->vertices[e->to].concept;
    strbuf b = {0};
    render_add_relation_head(&b, m, e);
    add_membership(&b, m, state(m)->in[m->g->n_vertices + j]);
    for (int side = 0; side < 2; side++) {
        const diff_side *s = side ? &d->b : &d->a;
        add_side_head(&b, s, side ? 'B' : 'A');
        int32_t vf = s->g->vertex_of[from], vt = s->g->vertex_of[to];
        int64_t x = vf >= 0 && vt >= 0 ? graph_find_edge(s->g, vf, vt) : -1;
        if (x < 0) {
            strbuf_puts(&b, "\n未陈述该关系 not stated");
            continue;
        }
        const graph_edge *se = &s->g->edges[x];
        strbuf_puts(&b, "\n陈述为 stated as：");
        render_add_phrase(&b, m, se, 0, (size_t)-1);
        if (se->first)
            render_add_quote(&b, render_scoped_evidence(s->g, se->first_paper, &se->first->evidence),
                             &m->o->papers[se->first_paper]);
    }
    if (b.oom) {
        strbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}

/* ------------------------------------------------------------------ legend */

static void diff_legend_scope(strbuf *t, const map *m)
{
    const diff_result *d = state(m)->diff;
    strbuf_printf(t, m->opt->lang == RENDER_LANG_EN ? "A %s compared with B %s" : "A %s 与 B %s 对比",
                d->a.name, d->b.name);
}

/* One line per scope, its sample in its color, its authors, title and year. */
static void diff_legend_head_rows(strbuf *b, const map *m)
{
    const diff_result *d = state(m)->diff;
    for (int side = 0; side < 2; side++) {
        render_look look;
        look_of(side ? RENDER_IN_B : RENDER_IN_A, 0, &look);
        strbuf t = {0};
        strbuf_printf(&t, "%c ", side ? 'B' : 'A');
        side_name(&t, side ? &d->b : &d->a, 1);
        strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\">"
                       "<FONT COLOR=\"%s\">■</FONT> ", look.fill);
        if (!t.oom && t.s)
            render_put_label(b, t.s);
        b->oom |= t.oom;
        strbuf_free(&t);
        strbuf_puts(b, "</FONT></TD></TR>");
    }
}

/* The three memberships, each with its box and arrow samples and the numbers of concepts
 * and relations drawn. */
static void diff_legend_box_key(strbuf *b, const map *m)
{
    const diff_result *d = state(m)->diff;
    size_t concepts[3] = {0}, relations[3] = {0};
    count_memberships(m, concepts, relations);
    static const int order[] = {RENDER_IN_A, RENDER_IN_B, RENDER_IN_BOTH};
    int en = m->opt->lang == RENDER_LANG_EN;
    for (size_t i = 0; i < 3; i++) {
        int in = order[i];
        render_look box, arrow;
        look_of(in, 0, &box);
        look_of(in, 1, &arrow);
        render_legend_row(b);
        strbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"16\">■</FONT> <FONT COLOR=\"%s\" "
                       "POINT-SIZE=\"13\">%s</FONT>  ",
                    /* the shared boxes' pale fill would vanish as a glyph on white */
                    in == RENDER_IN_BOTH ? "#BFBFBF" : box.fill, arrow.color,
                    in == RENDER_IN_B ? "╍╍" : "━━");
        const char *name = in == RENDER_IN_A ? d->a.name : d->b.name;
        strbuf t = {0};
        if (in == RENDER_IN_BOTH)
            strbuf_printf(&t, en ? "in both: %zu concepts, %zu relations (grey)"
                               : "两篇共有：%zu 个概念，%zu 条关系（灰色）",
                        concepts[in - 1], relations[in - 1]);
        else
            strbuf_printf(&t, en ? "only in %c %s: %zu concepts, %zu relations (%s)"
                               : "仅见于 %c %s：%zu 个概念，%zu 条关系（%s）",
                        in == RENDER_IN_A ? 'A' : 'B', name, concepts[in - 1], relations[in - 1],
                        in == RENDER_IN_A ? (en ? "orange, solid lines" : "橙色，实线")
                                          : (en ? "blue, dashed lines" : "蓝色，虚线"));
        if (!t.oom && t.s)
            render_put_label(b, t.s);
        b->oom |= t.oom;
        strbuf_free(&t);
        strbuf_puts(b, "</TD></TR>");
    }
}

/* ------------------------------------------------------------------ summary */

/* The membership of each concept shown and the counts of each, for the caller. */
static int diff_summarize(const map *m, render_summary *summary)
{
    const unsigned char *in = state(m)->in;
    if (!(summary->concept_in = malloc(summary->n_concepts ? summary->n_concepts : 1)))
        return CKG_ENOMEM;
    size_t i = 0;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (m->shown[v])
            summary->concept_in[i++] = in[v];
    }
    count_memberships(m, summary->concepts_in, summary->relations_in);
    return CKG_OK;
}

const render_style render_style_diff = {
    .scope = diff_scope,
    .release = diff_release,
    .node_look = diff_node_look,
    .edge_look = diff_edge_look,
    .node_title = diff_node_title,
    .edge_title = diff_edge_title,
    .title_zh = "新质生产力文献概念图：两篇对比",
    .title_en = "Concept map of the 新质生产力 literature: two texts compared",
    .legend_scope = diff_legend_scope,
    .legend_head_rows = diff_legend_head_rows,
    .legend_box_key = diff_legend_box_key,
    .size_where_zh = "两篇合并图中的",
    .size_where_en = " in the two texts together",
    .hover_zh = "鼠标悬停在方框或箭头上：哪篇陈述、在各篇中的排名与原文引文",
    .hover_en = "hover over a box or an arrow: which text states it, its rank in each, and "
                "their quotes",
    .summarize = diff_summarize,
};
