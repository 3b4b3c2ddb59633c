/* render_legend.c — the legend, drawn as the graph's own HTML-like label: title, scope
 * and counts on top, then the themes the map shows and what box size, arrow width and
 * phrases mean; for a diff map, the two texts (authors《title》year) and the three
 * memberships (only a, only b, both) with their counts instead of themes and widths. Every piece of ontology text in it goes through rbuf_label. */
#include "render_internal.h"

#include "ckg/strmap.h"

#include <stdlib.h>

/* ------------------------------------------------------------------ legend */

static void legend_text(rbuf *b, render_lang lang, const char *zh, const char *en)
{
    if (lang == RENDER_LANG_EN) {
        rbuf_label(b, en);
    } else {
        rbuf_label(b, zh);
        if (lang == RENDER_LANG_BOTH && en) {
            rbuf_puts(b, "  ");
            rbuf_label(b, en);
        }
    }
}

static void legend_scope(rbuf *b, const map *m)
{
    const ckg_ontology *o = m->o;
    const render_options *opt = m->opt;
    render_lang lang = opt->lang;
    rbuf t = {0};
    if (opt->focus >= 0) {
        const ckg_concept *c = &o->concepts[opt->focus];
        rbuf_printf(&t, lang == RENDER_LANG_EN ? "Around “%s”, %d step%s: " : "「%s」及其 %d 步以内的关系：",
                    lang == RENDER_LANG_EN ? c->en.s : c->zh.s, opt->depth,
                    opt->depth == 1 ? "" : "s");
    }
    if (opt->theme) {
        const ckg_theme *th = &o->themes[strmap_get(&o->theme_by_id, opt->theme)];
        rbuf_printf(&t, lang == RENDER_LANG_EN ? "theme “%s”, " : "主题「%s」，",
                    lang == RENDER_LANG_EN ? th->en.s : th->zh.s);
    }
    if (m->diff) {
        rbuf_printf(&t, lang == RENDER_LANG_EN ? "A %s compared with B %s" : "A %s 与 B %s 对比",
                    m->diff->a.name, m->diff->b.name);
    } else if (m->g->paper < 0) {
        rbuf_printf(&t, lang == RENDER_LANG_EN ? "all %zu papers" : "全部 %zu 篇论文", o->n_papers);
    } else {
        const ckg_paper *p = &o->papers[m->g->paper];
        rbuf_printf(&t, "《%s》", p->title.s ? p->title.s : p->id.s);
        for (size_t i = 0; i < p->authors.n; i++)
            rbuf_printf(&t, "%s%s", i ? "、" : " ", p->authors.items[i].s);
        if (p->year)
            rbuf_printf(&t, "（%d）", p->year);
        if (m->g->section >= 0)
            rbuf_printf(&t, " · %s", p->sections[m->g->section].title.s);
    }
    if (!t.oom && t.s)
        rbuf_label(b, t.s);
    b->oom |= t.oom;
    rbuf_free(&t);
}

/* The legend is the graph's label: title, scope and counts on top, then two columns of
 * single-cell rows, the themes and what size, width and phrases mean. Samples are glyphs in
 * the row's text (■ in a theme's color, ━ in an edge's gray), not cells of their own: a
 * table column that a long title widens then only gains space on the right. */
static void legend_row(rbuf *b)
{
    rbuf_puts(b, "<TR><TD ALIGN=\"LEFT\">");
}

/* A diff map: one line per scope, its sample in its color, its authors, title and year. */
static void legend_diff_sides(rbuf *b, const map *m)
{
    for (int side = 0; side < 2; side++) {
        render_look look;
        render_diff_look_of(side ? RENDER_IN_B : RENDER_IN_A, 0, &look);
        rbuf t = {0};
        rbuf_printf(&t, "%c ", side ? 'B' : 'A');
        render_diff_side_name(&t, side ? &m->diff->b : &m->diff->a, 1);
        rbuf_printf(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\">"
                       "<FONT COLOR=\"%s\">■</FONT> ", look.fill);
        if (!t.oom && t.s)
            rbuf_label(b, t.s);
        b->oom |= t.oom;
        rbuf_free(&t);
        rbuf_puts(b, "</FONT></TD></TR>");
    }
}

/* A diff map: the three memberships, each with its box and arrow samples and the numbers of
 * concepts and relations drawn. */
static void legend_diff_memberships(rbuf *b, const map *m)
{
    size_t concepts[3] = {0}, relations[3] = {0};
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (m->shown[v])
            concepts[m->in[v] - 1]++;
    }
    for (size_t j = 0; j < m->g->n_edges; j++) {
        if (render_edge_shown(m, j))
            relations[m->in[m->g->n_vertices + j] - 1]++;
    }
    static const int order[] = {RENDER_IN_A, RENDER_IN_B, RENDER_IN_BOTH};
    int en = m->opt->lang == RENDER_LANG_EN;
    for (size_t i = 0; i < 3; i++) {
        int in = order[i];
        render_look box, arrow;
        render_diff_look_of(in, 0, &box);
        render_diff_look_of(in, 1, &arrow);
        legend_row(b);
        rbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"16\">■</FONT> <FONT COLOR=\"%s\" "
                       "POINT-SIZE=\"13\">%s</FONT>  ",
                    /* the shared boxes' pale fill would vanish as a glyph on white */
                    in == RENDER_IN_BOTH ? "#BFBFBF" : box.fill, arrow.color,
                    in == RENDER_IN_B ? "╍╍" : "━━");
        const char *name = in == RENDER_IN_A ? m->diff->a.name : m->diff->b.name;
        rbuf t = {0};
        if (in == RENDER_IN_BOTH)
            rbuf_printf(&t, en ? "in both: %zu concepts, %zu relations (grey)"
                               : "两篇共有：%zu 个概念，%zu 条关系（灰色）",
                        concepts[in - 1], relations[in - 1]);
        else
            rbuf_printf(&t, en ? "only in %c %s: %zu concepts, %zu relations (%s)"
                               : "仅见于 %c %s：%zu 个概念，%zu 条关系（%s）",
                        in == RENDER_IN_A ? 'A' : 'B', name, concepts[in - 1], relations[in - 1],
                        in == RENDER_IN_A ? (en ? "orange, solid lines" : "橙色，实线")
                                          : (en ? "blue, dashed lines" : "蓝色，虚线"));
        if (!t.oom && t.s)
            rbuf_label(b, t.s);
        b->oom |= t.oom;
        rbuf_free(&t);
        rbuf_puts(b, "</TD></TR>");
    }
}

void render_legend(rbuf *b, const map *m)
{
    const ckg_ontology *o = m->o;
    render_lang lang = m->opt->lang;
    int en = lang == RENDER_LANG_EN;
    static const char *const size_zh[] = {"PageRank 中心性", "中介中心性", "度（关系数）"};
    static const char *const size_en[] = {"PageRank", "betweenness", "degree (relations)"};
    rbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    rbuf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"22\"><B>");
    if (m->diff)
        legend_text(b, lang, "新质生产力文献概念图：两篇对比",
                    "Concept map of the 新质生产力 literature: two texts compared");
    else
        legend_text(b, lang, "新质生产力文献概念图", "Concept map of the 新质生产力 literature");
    rbuf_puts(b, "</B></FONT></TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\">");
    legend_scope(b, m);
    rbuf_puts(b, "</FONT></TD></TR>");
    if (m->diff)
        legend_diff_sides(b, m);
    rbuf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\">");
    if (en)
        rbuf_printf(b, "%zu concepts, %zu relations", m->n_shown, m->n_edges);
    else
        rbuf_printf(b, "%zu 个概念，%zu 条关系", m->n_shown, m->n_edges);
    rbuf_puts(b, "</FONT></TD></TR><TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">");

    /* Left: the themes the map shows, in ontology order; in a diff map, the memberships. */
    rbuf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
    if (m->diff)
        legend_diff_memberships(b, m);
    for (size_t t = 0; t < o->n_themes && !m->diff; t++) {
        int present = 0;
        for (size_t v = 0; v < m->g->n_vertices && !present; v++)
            present = m->shown[v] && render_concept_of(m, v)->theme_index == (int32_t)t;
        if (!present)
            continue;
        legend_row(b);
        rbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"16\">■</FONT> ", render_palette[t % RENDER_N_PALETTE][0]);
        legend_text(b, lang, o->themes[t].zh.s, o->themes[t].en.s);
        rbuf_puts(b, "</TD></TR>");
    }
    rbuf_puts(b, "</TABLE></TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">");

    /* Right: what size, width and phrases mean. */
    rbuf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
    legend_row(b);
    if (en)
        rbuf_printf(b, "box and type size: %s%s", size_en[m->opt->size_by],
                    m->diff ? " in the two texts together" : "");
    else
        rbuf_printf(b, "方框与字号：%s%s（越大越核心）", m->diff ? "两篇合并图中的" : "",
                    size_zh[m->opt->size_by]);
    rbuf_puts(b, "</TD></TR>");
    static const char *const sample_size[] = {"9", "13", "17"};
    for (int k = 1; k <= 3 && !m->diff; k++) {
        legend_row(b);
        rbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"%s\">━━</FONT>  ", render_edge_swatches[k - 1],
                    sample_size[k - 1]);
        if (en)
            rbuf_printf(b, "stated by %d%s paper%s", k, k == 3 ? " or more" : "", k == 1 ? "" : "s");
        else
            rbuf_printf(b, "%d 篇%s论文陈述该关系", k, k == 3 ? "及以上" : "");
        rbuf_puts(b, "</TD></TR>");
    }
    legend_row(b);
    if (m->n_labeled == 0)
        rbuf_puts(b, en ? "arrow: a relation (hover for its phrase and quote)"
                        : "箭头：关系（悬停可见关系词与引文）");
    else if (m->n_labeled < m->n_edges)
        rbuf_puts(b, en ? "phrase on an arrow: the relation (shown between the most central "
                          "concepts and for relations several papers state)"
                        : "箭头上的词：关系（只标出核心概念之间及多篇论文共同陈述的关系）");
    else
        rbuf_puts(b, en ? "phrase on an arrow: the relation" : "箭头上的词：关系");
    rbuf_puts(b, "</TD></TR>");
    legend_row(b);
    if (m->diff)
        rbuf_puts(b, en ? "hover over a box or an arrow: which text states it, its rank in "
                          "each, and their quotes"
                        : "鼠标悬停在方框或箭头上：哪篇陈述、在各篇中的排名与原文引文");
    else
        rbuf_puts(b, en ? "hover over a box or an arrow: definition and source quote"
                        : "鼠标悬停在方框或箭头上：定义与原文引文");
    rbuf_puts(b, "</TD></TR></TABLE></TD></TR></TABLE>");
}
