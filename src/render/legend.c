/* legend.c — the legend's frame (stage: text; uses the base stage, and the style only
 * through m->style).
 *
 * Two parts. The header: the title, the scope, the style's head rows and the counts,
 * which say how many of how many concepts the map shows and how to see the rest. The key:
 * the style's key of the boxes (themes, or which text has a concept), what box size means,
 * the style's key of the arrows, what the phrases mean and, in SVG, what hovering shows.
 * Above a map (the layered engines) both make one table, the key in two columns; beside
 * a map (m->key_beside: a slide's left column) the header is the graph's label and the key
 * one column of its own. Samples are glyphs in the row's text (■ in a theme's color, ━ in
 * an edge's gray), not cells of their own: a table column that a long title widens then
 * only gains space on the right. Every piece of ontology text in it goes through
 * render_put_label. */
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

/* What ranks the concepts, as the counts line names it. */
static const char *const rank_zh[] = {"PageRank", "中介中心性", "度", "关系数"};
static const char *const rank_en[] = {"PageRank", "betweenness", "degree", "relations"};

/* "25 个概念，47 条关系", or when the map leaves some out, which it shows of how many and
 * how to see them all. */
static void legend_counts(strbuf *b, const map *m)
{
    int en = m->opt->lang == RENDER_LANG_EN;
    size_t more = m->n_candidates - m->n_shown, by = (size_t)m->opt->size_by;
    strbuf t = {0};
    if (!more && en)
        strbuf_printf(&t, "%zu concepts, %zu relations", m->n_shown, m->n_edges);
    else if (!more)
        strbuf_printf(&t, "%zu 个概念，%zu 条关系", m->n_shown, m->n_edges);
    else if (m->opt->focus >= 0 && en)
        strbuf_printf(&t, "%zu of the concepts around it, chosen by %s, %zu relations; %zu more "
                          "not drawn (all: --top all)",
                      m->n_shown - 1, rank_en[by], m->n_edges, more);
    else if (m->opt->focus >= 0)
        strbuf_printf(&t, "按%s选出 %zu 个周边概念、%zu 条关系；另有 %zu 个未画出（全部：--top all）",
                      rank_zh[by], m->n_shown - 1, m->n_edges, more);
    else if (en)
        strbuf_printf(&t, "%zu of %zu concepts, chosen by %s, %zu relations (all: --top all)",
                      m->n_shown, m->n_candidates, rank_en[by], m->n_edges);
    else
        strbuf_printf(&t, "按%s选出 %zu 个概念（共 %zu 个；全部：--top all），%zu 条关系",
                      rank_zh[by], m->n_shown, m->n_candidates, m->n_edges);
    if (!t.oom && t.s)
        render_put_label(b, t.s);
    b->oom |= t.oom;
    strbuf_free(&t);
}

void render_legend_header(strbuf *b, const map *m)
{
    const render_style *style = m->style;
    render_lang lang = m->opt->lang;
    strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    strbuf_puts(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"24\"><B>");
    render_legend_text(b, lang, style->title_zh, style->title_en);
    strbuf_puts(b, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"17\">");
    legend_scope(b, m);
    strbuf_puts(b, "</FONT></TD></TR>");
    if (style->legend_head_rows)
        style->legend_head_rows(b, m);
    strbuf_puts(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\">");
    legend_counts(b, m);
    strbuf_puts(b, "</FONT></TD></TR></TABLE>");
}

/* The size row: what box size means. */
static void size_row(strbuf *b, const map *m)
{
    const render_style *style = m->style;
    int en = m->opt->lang == RENDER_LANG_EN;
    static const char *const size_zh[] = {"PageRank 中心性", "中介中心性", "度（关系数）",
                                          "关系数"};
    static const char *const size_en[] = {"PageRank", "betweenness", "degree (relations)",
                                          "relations"};
    render_legend_row(b);
    if (en)
        strbuf_printf(b, "box and type size: %s%s", size_en[m->opt->size_by], style->size_where_en);
    else
        strbuf_printf(b, "方框大小：%s%s", style->size_where_zh, size_zh[m->opt->size_by]);
    if (m->opt->size_by == RENDER_SIZE_RELATIONS)
        strbuf_puts(b, en ? (m->key_beside ? "<BR ALIGN=\"LEFT\"/>(the more stated about it, the larger)"
                                           : " (the more stated about it, the larger)")
                          : (m->key_beside ? "<BR ALIGN=\"LEFT\"/>（论述越多，方框越大）" : "（论述越多，方框越大）"));
    else
        strbuf_puts(b, en ? "" : "（越大越核心）");
    strbuf_puts(b, "</TD></TR>");
}

/* The rows of the arrows and phrases, and what hovering shows (SVG only). */
static void arrow_rows(strbuf *b, const map *m)
{
    const render_style *style = m->style;
    int en = m->opt->lang == RENDER_LANG_EN;
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
    if (m->opt->format == RENDER_FORMAT_SVG || m->opt->format == RENDER_FORMAT_DOT) {
        render_legend_row(b);
        strbuf_puts(b, en ? style->hover_en : style->hover_zh);
        strbuf_puts(b, "</TD></TR>");
    }
}

void render_legend_key(strbuf *b, const map *m)
{
    static const char table[] = "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">";
    if (m->key_beside) {
        strbuf_printf(b, "%s<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\">%s", table, table);
        m->style->legend_box_key(b, m);
        strbuf_puts(b, "<TR><TD> </TD></TR>");
        size_row(b, m);
        arrow_rows(b, m);
        strbuf_puts(b, "</TABLE></FONT></TD></TR></TABLE>");
        return;
    }
    strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                   "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"13\">");
    strbuf_puts(b, table);
    m->style->legend_box_key(b, m);
    strbuf_printf(b, "</TABLE></FONT></TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"13\">%s", table);
    size_row(b, m);
    arrow_rows(b, m);
    strbuf_puts(b, "</TABLE></FONT></TD></TR></TABLE>");
}

void render_legend(strbuf *b, const map *m)
{
    strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD ALIGN=\"LEFT\">");
    render_legend_header(b, m);
    strbuf_puts(b, "</TD></TR><TR><TD ALIGN=\"LEFT\">");
    render_legend_key(b, m);
    strbuf_puts(b, "</TD></TR></TABLE>");
}
