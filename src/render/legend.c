/* legend.c — the legend's frame, drawn as the graph's own HTML-like label (stage: text;
 * uses the base stage, and the style only through m->style).
 *
 * Title, scope and counts on top; then two columns of single-cell rows: on the left the
 * style's key of the boxes (themes, or which text has a concept), on the right what box
 * size means, the style's key of the arrows, what the phrases mean and what hovering shows.
 * Samples are glyphs in the row's text (■ in a theme's color, ━ in an edge's gray), not
 * cells of their own: a table column that a long title widens then only gains space on the
 * right. Every piece of ontology text in it goes through render_put_label. */
#include "render_internal.h"

#include "ckg/strmap.h"

/* The scope line: the focus and theme that narrow the map, then the style's scope. */
static void legend_scope(strbuf *b, const map *m)
{
    const ckg_ontology *o = m->o;
    const render_options *opt = m->opt;
    render_lang lang = opt->lang;
    strbuf t = {0};
    if (opt->focus >= 0) {
        const ckg_concept *c = &o->concepts[opt->focus];
        strbuf_printf(&t, lang == RENDER_LANG_EN ? "Around “%s”, %d step%s: " : "「%s」及其 %d 步以内的关系：",
                    lang == RENDER_LANG_EN ? c->en.s : c->zh.s, opt->depth,
                    opt->depth == 1 ? "" : "s");
    }
    if (opt->theme) {
        const ckg_theme *th = &o->themes[strmap_get(&o->theme_by_id, opt->theme)];
        strbuf_printf(&t, lang == RENDER_LANG_EN ? "theme “%s”, " : "主题「%s」，",
                    lang == RENDER_LANG_EN ? th->en.s : th->zh.s);
    }
    m->style->legend_scope(&t, m);
    if (!t.oom && t.s)
        render_put_label(b, t.s);
    b->oom |= t.oom;
    strbuf_free(&t);
}

void render_legend(strbuf *b, const map *m)
{
    const render_style *style = m->style;
    render_lang lang = m->opt->lang;
    int en = lang == RENDER_LANG_EN;
    static const char *const size_zh[] = {"PageRank 中心性", "中介中心性", "度（关系数）"};
    static const char *const size_en[] = {"PageRank", "betweenness", "degree (relations)"};
    strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    strbuf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"22\"><B>");
    render_legend_text(b, lang, style->title_zh, style->title_en);
    strbuf_puts(b, "</B></FONT></TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\">");
    legend_scope(b, m);
    strbuf_puts(b, "</FONT></TD></TR>");
    if (style->legend_head_rows)
        style->legend_head_rows(b, m);
    strbuf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\">");
    if (en)
        strbuf_printf(b, "%zu concepts, %zu relations", m->n_shown, m->n_edges);
    else
        strbuf_printf(b, "%zu 个概念，%zu 条关系", m->n_shown, m->n_edges);
    strbuf_puts(b, "</FONT></TD></TR><TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">");

    /* Left: the key of the boxes. */
    strbuf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
    style->legend_box_key(b, m);
    strbuf_puts(b, "</TABLE></TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">");

    /* Right: what size, arrows and phrases mean. */
    strbuf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
    render_legend_row(b);
    if (en)
        strbuf_printf(b, "box and type size: %s%s", size_en[m->opt->size_by], style->size_where_en);
    else
        strbuf_printf(b, "方框与字号：%s%s（越大越核心）", style->size_where_zh, size_zh[m->opt->size_by]);
    strbuf_puts(b, "</TD></TR>");
    if (style->legend_arrow_key)
        style->legend_arrow_key(b, m);
    render_legend_row(b);
    if (m->n_labeled == 0)
        strbuf_puts(b, en ? "arrow: a relation (hover for its phrase and quote)"
                        : "箭头：关系（悬停可见关系词与引文）");
    else if (m->n_labeled < m->n_edges)
        strbuf_puts(b, en ? "phrase on an arrow: the relation (shown between the most central "
                          "concepts and for relations several papers state)"
                        : "箭头上的词：关系（只标出核心概念之间及多篇论文共同陈述的关系）");
    else
        strbuf_puts(b, en ? "phrase on an arrow: the relation" : "箭头上的词：关系");
    strbuf_puts(b, "</TD></TR>");
    render_legend_row(b);
    strbuf_puts(b, en ? style->hover_en : style->hover_zh);
    strbuf_puts(b, "</TD></TR></TABLE></TD></TR></TABLE>");
}
