/* export_catalog.c — the JSON documents and CSV tables of `ckg papers` and `ckg themes`
 * (export.h), from query_catalog's counts. */
#include "ckg/render.h"
#include "ckg/status.h"
#include "export_internal.h"
#include "util/csv.h"
#include "util/strbuf.h"

#include <math.h>

/* The strings of l joined by ';' into b (reset first). */
static void join(strbuf *b, const ckg_strs *l)
{
    strbuf_reset(b);
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].s)
            strbuf_printf(b, "%s%s", b->len ? ";" : "", l->items[i].s);
    }
}

int export_papers_json(const ckg_ontology *o, const query_catalog_result *c, json_t **out)
{
    json_t *papers = json_array(), *root = json_pack("{s:o}", "papers", papers);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < c->n_papers; i++) {
        const query_paper_counts *pc = &c->papers[i];
        const ckg_paper *p = &o->papers[pc->paper];
        json_t *sections = json_array();
        json_t *jp = json_pack(
            "{s:s, s:s?, s:o, s:o?, s:s?, s:s?, s:s?, s:o, s:I, s:I, s:I, s:I}", "id", p->id.s,
            "title", p->title.s, "authors", export_json_strings(&p->authors), "year",
            p->year ? json_integer(p->year) : json_null(), "venue", p->venue.s, "doi", p->doi.s,
            "source", p->source.s, "sections", sections, "concepts", (json_int_t)pc->concepts,
            "mentions", (json_int_t)pc->mentions, "relations", (json_int_t)pc->relations,
            "quotes", (json_int_t)pc->quotes);
        if (!jp || json_array_append_new(papers, jp))
            goto fail;
        for (size_t k = 0; k < p->n_sections; k++) {
            const ckg_section *s = &p->sections[k];
            json_t *js = json_pack("{s:s, s:s?, s:o}", "id", s->id.s, "title", s->title.s,
                                   "authors", export_json_strings(&s->authors));
            if (!js || json_array_append_new(sections, js))
                goto fail;
        }
    }
    *out = root;
    return CKG_OK;
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

int export_papers_csv(const ckg_ontology *o, const query_catalog_result *c, FILE *f)
{
    strbuf authors = {0}, sections = {0};
    fputs("id,title,authors,year,venue,doi,source,sections,concepts,mentions,relations,quotes\n",
          f);
    for (size_t i = 0; i < c->n_papers; i++) {
        const query_paper_counts *pc = &c->papers[i];
        const ckg_paper *p = &o->papers[pc->paper];
        join(&authors, &p->authors);
        strbuf_reset(&sections);
        for (size_t k = 0; k < p->n_sections; k++)
            strbuf_printf(&sections, "%s%s", k ? ";" : "", p->sections[k].id.s);
        csv_fields(f, 3, p->id.s, p->title.s, strbuf_str(&authors));
        fputc(',', f);
        csv_number(f, p->year ? (double)p->year : (double)NAN, 1);
        fputc(',', f);
        csv_fields(f, 4, p->venue.s, p->doi.s, p->source.s, strbuf_str(&sections));
        fprintf(f, ",%zu,%zu,%zu,%zu\n", pc->concepts, pc->mentions, pc->relations, pc->quotes);
    }
    int oom = authors.oom || sections.oom;
    strbuf_free(&authors);
    strbuf_free(&sections);
    return oom ? CKG_ENOMEM : CKG_OK;
}

int export_themes_json(const ckg_ontology *o, const query_catalog_result *c, json_t **out)
{
    json_t *themes = json_array(), *root = json_pack("{s:o}", "themes", themes);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < c->n_themes; i++) {
        const query_theme_counts *tc = &c->themes[i];
        const ckg_theme *t = &o->themes[tc->theme];
        json_t *jt = json_pack("{s:s, s:s?, s:s?, s:s?, s:s, s:I, s:I, s:I, s:I}", "id",
                               t->id.s, "zh", t->zh.s, "en", t->en.s, "description",
                               t->description.s, "color", render_theme_color(tc->theme),
                               "concepts", (json_int_t)tc->concepts, "papers",
                               (json_int_t)tc->papers, "mentions", (json_int_t)tc->mentions,
                               "relations", (json_int_t)tc->relations);
        if (!jt || json_array_append_new(themes, jt)) {
            json_decref(root);
            return CKG_ENOMEM;
        }
    }
    *out = root;
    return CKG_OK;
}

int export_themes_csv(const ckg_ontology *o, const query_catalog_result *c, FILE *f)
{
    fputs("id,zh,en,color,concepts,papers,mentions,relations\n", f);
    for (size_t i = 0; i < c->n_themes; i++) {
        const query_theme_counts *tc = &c->themes[i];
        const ckg_theme *t = &o->themes[tc->theme];
        csv_fields(f, 4, t->id.s, t->zh.s, t->en.s, render_theme_color(tc->theme));
        fprintf(f, ",%zu,%zu,%zu,%zu\n", tc->concepts, tc->papers, tc->mentions, tc->relations);
    }
    return CKG_OK;
}
