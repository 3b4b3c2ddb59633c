/* style_theme.c — the map of one scope (all papers, a paper, or a section): boxes colored by
 * theme, arrows wider and darker the more papers state them (stage: style; uses the base
 * and text stages).
 *
 * Titles name a concept (names, theme, definition), quote its first evidence in the scope
 * and list the papers that mention it; a relation's title gives its ends and phrases, its
 * first quote and its papers. The legend keys the themes the map shows and the number of
 * papers behind an arrow. */
#include "render_internal.h"

#include "ckg/status.h"

/* ------------------------------------------------------------------ scope */

static int theme_scope(map *m, diag_list *diags)
{
    graph_scope scope = {.paper = m->opt->paper, .section = m->opt->section};
    return graph_build(m->o, &scope, diags, &m->g);
}

/* ------------------------------------------------------------------ looks */

static size_t edge_weight_class(const graph_edge *e)
{
    return e->n_papers >= 3 ? 2 : e->n_papers == 2 ? 1 : 0;
}

static double edge_width(const graph_edge *e)
{
    return 0.8 + 1.2 * (double)edge_weight_class(e);
}

/* A box by its theme. */
static void theme_node_look(const map *m, size_t v, render_look *look)
{
    *look = (render_look){NULL, NULL, NULL, 0, ""};
    render_theme_colors(render_concept_of(m, v)->theme_index, &look->fill, &look->color);
}

/* A relation by the number of papers stating it. */
static void theme_edge_look(const map *m, size_t j, render_look *look)
{
    const graph_edge *e = &m->g->edges[j];
    *look = (render_look){NULL, render_edge_colors[edge_weight_class(e)], NULL, edge_width(e), ""};
}

/* ------------------------------------------------------------------ titles */

static int theme_node_title(const map *m, size_t v, char **out)
{
    const ckg_concept *c = render_concept_of(m, v);
    const graph_vertex *gv = &m->g->vertices[v];
    strbuf b = {0};
    render_add_concept_facts(&b, m->o, c);
    const ckg_paper *p = NULL;
    const ckg_evidence *ev = render_first_evidence(m->g, gv->concept, &p);
    render_add_quote(&b, ev, p);
    if (gv->n_papers) {
        strbuf_printf(&b, "\n论文 papers（%zu）：", gv->n_papers);
        render_add_papers(&b, m->o, gv->papers, gv->n_papers);
    }
    strbuf_printf(&b, "\nid: %s", c->id.s);
    if (b.oom) {
        strbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}

static int theme_edge_title(const map *m, size_t j, char **out)
{
    const graph_edge *e = &m->g->edges[j];
    strbuf b = {0};
    render_add_relation_head(&b, m, e);
    if (e->first)
        render_add_quote(&b, render_scoped_evidence(m->g, e->first_paper, &e->first->evidence),
                         &m->o->papers[e->first_paper]);
    strbuf_printf(&b, "\n论文 papers（%zu）：", e->n_papers);
    render_add_papers(&b, m->o, e->papers, e->n_papers);
    if (b.oom) {
        strbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}

/* ------------------------------------------------------------------ legend */

/* All papers, or the paper: 《title》 authors（year）, and its section. */
static void theme_legend_scope(strbuf *t, const map *m)
{
    const ckg_ontology *o = m->o;
    if (m->g->paper < 0) {
        strbuf_printf(t, m->opt->lang == RENDER_LANG_EN ? "all %zu papers" : "全部 %zu 篇论文",
                    o->n_papers);
        return;
    }
    const ckg_paper *p = &o->papers[m->g->paper];
    strbuf_printf(t, "《%s》", p->title.s ? p->title.s : p->id.s);
    for (size_t i = 0; i < p->authors.n; i++)
        strbuf_printf(t, "%s%s", i ? "、" : " ", p->authors.items[i].s);
    if (p->year)
        strbuf_printf(t, "（%d）", p->year);
    if (m->g->section >= 0)
        strbuf_printf(t, " · %s", p->sections[m->g->section].title.s);
}

/* The themes the map shows, in ontology order, each with a box of its color, under a
 * heading that says they are themes: three themes share their names with concepts. */
static void theme_legend_box_key(strbuf *b, const map *m)
{
    const ckg_ontology *o = m->o;
    int en = m->opt->lang == RENDER_LANG_EN;
    render_legend_row(b);
    strbuf_puts(b, en ? "<B>box colour: the concept's theme</B>" : "<B>方框颜色：概念所属主题</B>");
    strbuf_puts(b, "</TD></TR>");
    for (size_t t = 0; t < o->n_themes; t++) {
        int present = 0;
        for (size_t v = 0; v < m->g->n_vertices && !present; v++)
            present = m->shown[v] && render_concept_of(m, v)->theme_index == (int32_t)t;
        if (!present)
            continue;
        render_legend_row(b);
        const char *fill, *border;
        render_theme_colors((int32_t)t, &fill, &border);
        strbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"18\">■</FONT> <FONT COLOR=\"#444444\">",
                      fill);
        strbuf_puts(b, en ? "theme " : "主题·");
        if (m->key_beside && m->opt->lang == RENDER_LANG_BOTH) {
            /* a column: the English name on a line of its own */
            render_put_label(b, o->themes[t].zh.s);
            strbuf_puts(b, "<BR ALIGN=\"LEFT\"/>     <FONT POINT-SIZE=\"12\">");
            render_put_label(b, o->themes[t].en.s);
            strbuf_puts(b, "</FONT>");
        } else {
            render_legend_text(b, m->opt->lang, o->themes[t].zh.s, o->themes[t].en.s);
        }
        strbuf_puts(b, "</FONT></TD></TR>");
    }
}

/* An arrow's width and gray for 1, 2, and 3 or more papers stating the relation; nothing
 * on the map of one paper, where one paper states every relation. */
static void theme_legend_arrow_key(strbuf *b, const map *m)
{
    int en = m->opt->lang == RENDER_LANG_EN;
    if (m->g->paper >= 0)
        return;
    static const char *const sample_size[] = {"9", "13", "17"};
    for (int k = 1; k <= 3; k++) {
        render_legend_row(b);
        strbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"%s\">━━</FONT>  ", render_edge_swatches[k - 1],
                    sample_size[k - 1]);
        if (en)
            strbuf_printf(b, "stated by %d%s paper%s", k, k == 3 ? " or more" : "", k == 1 ? "" : "s");
        else
            strbuf_printf(b, "%d 篇%s论文陈述该关系", k, k == 3 ? "及以上" : "");
        strbuf_puts(b, "</TD></TR>");
    }
}

const render_style render_style_theme = {
    .scope = theme_scope,
    .node_look = theme_node_look,
    .edge_look = theme_edge_look,
    .node_title = theme_node_title,
    .edge_title = theme_edge_title,
    .title_zh = "新质生产力文献概念图",
    .title_en = "Concept map of the 新质生产力 literature",
    .legend_scope = theme_legend_scope,
    .legend_box_key = theme_legend_box_key,
    .legend_arrow_key = theme_legend_arrow_key,
    .size_where_zh = "",
    .size_where_en = "",
    .hover_zh = "鼠标悬停在方框或箭头上：定义与原文引文",
    .hover_en = "hover over a box or an arrow: definition and source quote",
};
