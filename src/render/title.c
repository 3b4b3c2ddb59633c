/* title.c — the pieces every <title> is made of (stage: text; uses util/strbuf and label.c).
 *
 * A concept's names, theme and definition; a relation's ends and phrases; the first quote
 * that counts in a scope, with its paper; a list of paper ids. The styles put their titles
 * together from these. Everything here is plain text, escaped by whoever writes it
 * (render_put_xml in <title>, render_put_tooltip in DOT). */
#include "render_internal.h"

const ckg_evidence *render_scoped_evidence(const ckg_graph *g, int32_t paper,
                                          const ckg_evidences *ev)
{
    for (size_t i = 0; i < ev->n; i++) {
        ckg_evidences one = {.items = &ev->items[i], .n = 1};
        if (graph_statement_in_scope(g, paper, &one))
            return &ev->items[i];
    }
    return NULL;
}

const ckg_evidence *render_first_evidence(const ckg_graph *g, int32_t c, const ckg_paper **paper)
{
    const ckg_ontology *o = g->o;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t pi = 0; pi < o->n_papers; pi++) {
            const ckg_paper *p = &o->papers[pi];
            const ckg_evidence *ev = NULL;
            *paper = p;
            if (pass == 0) {
                for (size_t i = 0; i < p->n_mentions && !ev; i++) {
                    const ckg_mention *mn = &p->mentions[i];
                    if (mn->concept_index == c)
                        ev = render_scoped_evidence(g, (int32_t)pi, &mn->evidence);
                }
            } else {
                for (size_t i = 0; i < p->n_relations && !ev; i++) {
                    const ckg_relation *r = &p->relations[i];
                    if (r->from_index == c || r->to_index == c)
                        ev = render_scoped_evidence(g, (int32_t)pi, &r->evidence);
                }
            }
            if (ev)
                return ev;
        }
    }
    *paper = NULL;
    return NULL;
}

void render_add_papers(strbuf *b, const ckg_ontology *o, const int32_t *papers, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            strbuf_puts(b, ", ");
        strbuf_puts(b, o->papers[papers[i]].id.s);
    }
}

void render_add_quote(strbuf *b, const ckg_evidence *ev, const ckg_paper *p)
{
    if (!ev || !ev->quote.s)
        return;
    strbuf_printf(b, "\n「%s」—— %s", ev->quote.s, p ? p->id.s : "");
    if (p && p->authors.n)
        strbuf_printf(b, "（%s，%d）", p->authors.items[0].s ? p->authors.items[0].s : "", p->year);
}

void render_add_concept_facts(strbuf *b, const ckg_ontology *o, const ckg_concept *c)
{
    strbuf_printf(b, "%s（%s）", c->zh.s, c->en.s);
    if (c->theme_index >= 0) {
        const ckg_theme *t = &o->themes[c->theme_index];
        strbuf_printf(b, "\n主题 theme：%s（%s）", t->zh.s, t->en.s);
    }
    if (c->definition_zh.s)
        strbuf_printf(b, "\n定义：%s", c->definition_zh.s);
    if (c->definition_en.s)
        strbuf_printf(b, "\nDefinition: %s", c->definition_en.s);
}

void render_add_relation_head(strbuf *b, const map *m, const graph_edge *e)
{
    const ckg_concept *from = render_concept_of(m, (size_t)e->from);
    const ckg_concept *to = render_concept_of(m, (size_t)e->to);
    strbuf_printf(b, "%s → %s：", from->zh.s, to->zh.s);
    render_add_phrase(b, m, e, 0, (size_t)-1);
    strbuf_puts(b, "（");
    strbuf_puts(b, from->en.s);
    strbuf_puts(b, " ");
    render_add_phrase(b, m, e, 1, (size_t)-1);
    strbuf_puts(b, " ");
    strbuf_puts(b, to->en.s);
    strbuf_puts(b, "）");
}
