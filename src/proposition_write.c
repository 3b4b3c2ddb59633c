/* proposition_write.c — propositions as documents: a Markdown handout, CSV, JSON (shapes in
 * proposition.h). Every text from the ontology is escaped for its format: Markdown by
 * teach_format, CSV by util/csv (the one RFC 4180 rule), JSON by jansson. */
#include "ckg/proposition.h"
#include "ckg/status.h"
#include "teach_format.h"
#include "util/csv.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

static const char *name_of(const ckg_concept *c, unsigned lang)
{
    const char *s = lang == PROP_LANG_EN ? c->en.s : c->zh.s;
    return s ? s : c->id.s;
}

static const char *phrase_of(const ckg_kind *k, unsigned lang)
{
    const char *s = lang == PROP_LANG_EN ? k->en.s : k->zh.s;
    return s ? s : k->id.s;
}

static void md_paper_heading(FILE *f, const ckg_paper *p)
{
    fputs("## ", f);
    teach_md(f, p->title.s ? p->title.s : p->id.s);
    fputs(" (", f);
    teach_md(f, p->id.s);
    fputs(")\n\n", f);
}

static void md_item(FILE *f, const prop_list *l, const proposition *p, size_t n, unsigned langs)
{
    const ckg_ontology *o = l->o;
    unsigned first = langs & PROP_LANG_ZH ? PROP_LANG_ZH : PROP_LANG_EN;
    fprintf(f, "%zu. **", n);
    teach_md(f, name_of(&o->concepts[p->from], first));
    fputs("** —", f);
    teach_md(f, phrase_of(&o->kinds[p->kind], first));
    fputs("→ **", f);
    teach_md(f, name_of(&o->concepts[p->to], first));
    fputs("**  \n", f);
    if (langs & PROP_LANG_ZH) {
        fputs("   ", f);
        teach_md(f, p->zh);
        fputs("  \n", f);
    }
    if (langs & PROP_LANG_EN) {
        fputs("   ", f);
        teach_md(f, p->en);
        fputs("  \n", f);
    }
    for (size_t i = 0; i < p->n_quotes; i++) {
        char place[96];
        fprintf(f, "   > %s 「", teach_quote_place(o, &p->quotes[i], place, sizeof place));
        teach_md(f, p->quotes[i].evidence->quote.s);
        fputs(i + 1 < p->n_quotes ? "」  \n" : "」\n", f);
    }
    fputc('\n', f);
}

int prop_write_md(const prop_list *l, unsigned langs, FILE *f)
{
    const ckg_ontology *o = l->o;
    char scope[256];
    teach_scope_name(o, &l->scope, scope, sizeof scope);
    fputs("# ", f);
    if (langs & PROP_LANG_ZH)
        fputs("命题", f);
    if (langs == PROP_LANG_BOTH)
        fputs(" · ", f);
    if (langs & PROP_LANG_EN)
        fputs("Propositions", f);
    fputs(" — ", f);
    if (l->scope.paper >= 0) {
        const ckg_paper *pp = &o->papers[l->scope.paper];
        teach_md(f, pp->title.s ? pp->title.s : pp->id.s);
        if (l->scope.section >= 0) {
            fputs(" · ", f);
            teach_md(f, pp->sections[l->scope.section].title.s);
        }
        fputs("\n\n", f);
        for (size_t a = 0; a < pp->authors.n; a++) {
            fputs(a ? "、" : "", f);
            teach_md(f, pp->authors.items[a].s);
        }
        if (pp->year)
            fprintf(f, " (%d)", pp->year);
        fputs(pp->authors.n || pp->year ? " · " : "", f);
    } else {
        fputs(langs & PROP_LANG_ZH ? "全部文献" : "all papers", f);
        fputs("\n\n", f);
    }
    fprintf(f, "%s · %zu proposition%s, ordered by %s.\n\n", scope, l->n, l->n == 1 ? "" : "s",
            l->order == PROP_ORDER_THEME ? "theme" : "the text's sections");
    int32_t paper = -2, theme = -2;
    const char *section = NULL;
    for (size_t i = 0; i < l->n; i++) {
        const proposition *p = &l->items[i];
        int32_t pp = p->n_quotes ? p->quotes[0].paper : -1;
        if (l->order == PROP_ORDER_THEME) {
            if (p->theme != theme) {
                theme = p->theme;
                fputs("## ", f);
                if (theme < 0) {
                    fputs("(no theme)", f);
                } else {
                    const ckg_theme *t = &o->themes[theme];
                    if (langs & PROP_LANG_ZH)
                        teach_md(f, t->zh.s);
                    if (langs == PROP_LANG_BOTH)
                        fputc(' ', f);
                    if (langs & PROP_LANG_EN)
                        teach_md(f, t->en.s);
                }
                fputs("\n\n", f);
            }
        } else {
            if (l->scope.paper < 0 && pp != paper && pp >= 0) {
                md_paper_heading(f, &o->papers[pp]);
                section = NULL;
            }
            paper = pp;
            if (p->section && (!section || strcmp(section, p->section) != 0)) {
                fputs(l->scope.paper < 0 ? "### " : "## ", f);
                teach_md(f, p->section);
                fputs("\n\n", f);
            }
            if (p->section)
                section = p->section;
        }
        md_item(f, l, p, i + 1, langs);
    }
    return teach_stream_status(f);
}

int prop_write_csv(const prop_list *l, unsigned langs, FILE *f)
{
    const ckg_ontology *o = l->o;
    strbuf papers = {0}, evidence = {0};
    char n[32], place[96];
    fprintf(f, "n,papers,section,from,kind,to%s%s,evidence\n", langs & PROP_LANG_ZH ? ",zh" : "",
            langs & PROP_LANG_EN ? ",en" : "");
    for (size_t i = 0; i < l->n; i++) {
        const proposition *p = &l->items[i];
        /* the papers joined by ';', the evidence one "paper:line quote" per line of its cell */
        strbuf_reset(&papers);
        strbuf_reset(&evidence);
        for (size_t k = 0; k < p->n_papers; k++)
            strbuf_printf(&papers, "%s%s", k ? ";" : "", o->papers[p->papers[k]].id.s);
        for (size_t k = 0; k < p->n_quotes; k++) {
            const char *quote = p->quotes[k].evidence->quote.s;
            strbuf_printf(&evidence, "%s%s %s", k ? "\n" : "",
                          teach_quote_place(o, &p->quotes[k], place, sizeof place),
                          quote ? quote : "");
        }
        if (papers.oom || evidence.oom)
            break;
        snprintf(n, sizeof n, "%zu", i + 1);
        csv_fields(f, 6, n, strbuf_str(&papers), p->section, o->concepts[p->from].id.s,
                   o->kinds[p->kind].id.s, o->concepts[p->to].id.s);
        if (langs & PROP_LANG_ZH) {
            fputc(',', f);
            csv_field(f, p->zh);
        }
        if (langs & PROP_LANG_EN) {
            fputc(',', f);
            csv_field(f, p->en);
        }
        fputc(',', f);
        csv_field(f, strbuf_str(&evidence));
        fputc('\n', f);
    }
    int rc = papers.oom || evidence.oom ? CKG_ENOMEM : teach_stream_status(f);
    strbuf_free(&papers);
    strbuf_free(&evidence);
    return rc;
}

int prop_json(const prop_list *l, json_t **out)
{
    const ckg_ontology *o = l->o;
    char scope[256];
    json_t *list = json_array();
    json_t *root = json_pack("{s:s, s:s, s:o}", "scope", teach_scope_name(o, &l->scope, scope, sizeof scope),
                             "order", l->order == PROP_ORDER_THEME ? "theme" : "text",
                             "propositions", list);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < l->n; i++) {
        const proposition *p = &l->items[i];
        json_t *papers = json_array();
        for (size_t k = 0; papers && k < p->n_papers; k++) {
            if (json_array_append_new(papers, json_string(o->papers[p->papers[k]].id.s))) {
                json_decref(papers);
                papers = NULL;
            }
        }
        json_t *e = json_pack("{s:s, s:s, s:s, s:{s:s, s:s}, s:o, s:s?, s:o}", "from",
                              o->concepts[p->from].id.s, "kind", o->kinds[p->kind].id.s, "to",
                              o->concepts[p->to].id.s, "text", "zh", p->zh, "en", p->en,
                              "papers", papers, "section", p->section, "evidence",
                              teach_json_quotes(o, p, 0));
        if (!e || json_array_append_new(list, e)) {
            json_decref(root);
            return CKG_ENOMEM;
        }
    }
    *out = root;
    return CKG_OK;
}

int prop_write(const prop_list *l, prop_format fmt, unsigned langs, FILE *f)
{
    if (fmt == PROP_MD)
        return prop_write_md(l, langs, f);
    if (fmt == PROP_CSV)
        return prop_write_csv(l, langs, f);
    json_t *doc = NULL;
    int rc = prop_json(l, &doc);
    return teach_write_json(rc, doc, f);
}
