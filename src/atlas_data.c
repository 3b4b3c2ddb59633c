/* atlas_data.c — the atlas page's data: one JSON object with every concept as `ckg show`
 * and `ckg neighbors` see it, the papers, themes, relation kinds and scopes, and the
 * paragraphs of the source texts its quotes lie in. src/atlas/atlas.js documents the shape
 * the page reads.
 *
 * Everything comes from the library's queries: names and definitions from the ontology,
 * broader, narrower and the papers of a concept from query_concept, its relations from
 * query_neighbors_walk (depth 1, every kind and direction: the order `ckg neighbors` prints
 * and groups), ranks from query_ranks_scope (all papers and each paper: the numbers of
 * `ckg show`), and each quote's passage from atlas_text_passage on the paper's source text.
 * A relation's quotes are built once and shared by the two concepts it links (jansson
 * counts the references); paragraphs are stored once and quotes point at them by index. */
#include "atlas_internal.h"

#include "ckg/query.h"
#include "ckg/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct data_ctx {
    const ckg_ontology *o;
    corpus *cp;
    diag_list *diags;
    atlas_summary *sum;
    atlas_text **texts;    /* per paper, opened on first use; NULL without a text */
    unsigned char *tried;  /* per paper: its source was looked up */
    json_t ***rel_quotes;  /* per paper, per relation: its quotes (an array), or NULL */
    json_t *paragraphs;
    strmap para_index;     /* "paper:first:last" -> index into paragraphs */
    arena keys;            /* the keys of para_index */
    int source_failed;
} data_ctx;

/* ------------------------------------------------------------------ small builders */

/* Sets key to v in obj; v may be NULL only when allocation failed. CKG_OK or CKG_ENOMEM. */
static int set(json_t *obj, const char *key, json_t *v)
{
    return v && json_object_set_new(obj, key, v) == 0 ? CKG_OK : CKG_ENOMEM;
}

/* A string, or null for an absent one. */
static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *strs(const ckg_strs *l)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n; i++) {
        if (l->items[i].s && json_array_append_new(a, json_string(l->items[i].s)) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *ints(const int32_t *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        if (json_array_append_new(a, json_integer(v[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *pair(double a, double b)
{
    return json_pack("[f, f]", a, b);
}

/* ------------------------------------------------------------------ quotes and paragraphs */

/* The paragraph list's index of passage p of paper, adding it the first time. */
static int paragraph_index(data_ctx *d, int32_t paper, const atlas_passage *p,
                           const atlas_text *t, json_int_t *out)
{
    char key[96];
    snprintf(key, sizeof key, "%d:%zu:%zu", (int)paper, p->first, p->last);
    int32_t found = strmap_get(&d->para_index, key);
    if (found >= 0) {
        *out = found;
        return CKG_OK;
    }
    char *k = arena_strdup(&d->keys, key);
    int32_t index = (int32_t)json_array_size(d->paragraphs), existing;
    size_t first, last;
    atlas_text_paragraph_lines(t, p->first, &first, &last);
    json_t *j = json_pack("{s:i, s:I, s:s}", "paper", (int)paper, "line", (json_int_t)first,
                          "text", p->text);
    if (!k || !j || json_array_append_new(d->paragraphs, j) != 0 ||
        strmap_put(&d->para_index, k, index, &existing) != CKG_OK)
        return CKG_ENOMEM;
    *out = index;
    return CKG_OK;
}

/* The paragraphs of paper's source text, opened on first use. NULL without one: no corpus,
 * or a source that cannot be read (corpus_doc reports it, once). */
static int text_of(data_ctx *d, int32_t paper, atlas_text **out)
{
    *out = NULL;
    if (!d->cp)
        return CKG_OK;
    if (!d->tried[paper]) {
        d->tried[paper] = 1;
        const ckg_paper *p = &d->o->papers[paper];
        const text_doc *doc;
        int rc = CKG_ENOTFOUND;
        if (p->source.s)
            rc = corpus_doc(d->cp, p->source.s, &doc, d->diags, &p->source.loc);
        else
            diag_add(d->diags, DIAG_ERROR, &p->loc, "paper '%s' names no source text", p->id.s);
        if (rc == CKG_ENOMEM)
            return rc;
        if (rc != CKG_OK) {
            d->source_failed = 1;
            return CKG_OK;
        }
        if ((rc = atlas_text_new(doc, &d->texts[paper])) != CKG_OK)
            return rc;
    }
    *out = d->texts[paper];
    return CKG_OK;
}

/* {paper, quote, section, note, line, end, para, mark}: where the quote lies and the
 * paragraph it lies in (null when not known). */
static int quote_json(data_ctx *d, int32_t paper, const ckg_evidence *ev, json_t **out)
{
    atlas_text *t;
    atlas_passage p = {0};
    int rc = text_of(d, paper, &t), placed = 0;
    json_int_t para = 0;
    *out = NULL;
    if (rc != CKG_OK)
        return rc;
    if (t && ev->quote.s) {
        rc = atlas_text_passage(t, ev->quote.s, strlen(ev->quote.s), &p);
        if (rc == CKG_ENOMEM)
            return rc;
        if (rc == CKG_OK) {
            if ((rc = paragraph_index(d, paper, &p, t, &para)) != CKG_OK)
                goto out;
            placed = 1;
        } else {
            diag_add(d->diags, DIAG_WARNING, &ev->quote.loc,
                     "quote not found in %s; the atlas shows it without its paragraph",
                     d->o->papers[paper].source.s);
        }
    }
    rc = CKG_ENOMEM;
    json_t *q = json_pack("{s:i, s:s, s:o, s:o}", "paper", (int)paper, "quote",
                          ev->quote.s ? ev->quote.s : "", "section", str_or_null(ev->section.s),
                          "note", str_or_null(ev->note.s));
    if (!q)
        goto out;
    if (set(q, "line", placed ? json_integer((json_int_t)p.line) : json_null()) ||
        set(q, "end", placed ? json_integer((json_int_t)p.end_line) : json_null()) ||
        set(q, "para", placed ? json_integer(para) : json_null()) ||
        set(q, "mark", placed ? json_pack("[I, I]", (json_int_t)p.mark_start16,
                                          (json_int_t)p.mark_end16)
                              : json_null())) {
        json_decref(q);
        goto out;
    }
    d->sum->n_quotes++;
    d->sum->n_placed += (size_t)placed;
    *out = q;
    rc = CKG_OK;
out:
    atlas_passage_free(&p);
    return rc;
}

static int quotes_json(data_ctx *d, int32_t paper, const ckg_evidences *ev, json_t **out)
{
    json_t *a = json_array();
    *out = NULL;
    if (!a)
        return CKG_ENOMEM;
    for (size_t i = 0; i < ev->n; i++) {
        json_t *q;
        int rc = quote_json(d, paper, &ev->items[i], &q);
        if (rc != CKG_OK || json_array_append_new(a, q) != 0) {
            json_decref(a);
            return rc != CKG_OK ? rc : CKG_ENOMEM;
        }
    }
    *out = a;
    return CKG_OK;
}

/* The quotes of a relation statement, built on first use and shared. */
static int relation_quotes(data_ctx *d, const query_stmt *s, json_t **out)
{
    const ckg_paper *p = &d->o->papers[s->paper];
    size_t r = (size_t)(s->rel - p->relations);
    if (!d->rel_quotes[s->paper]) {
        if (!(d->rel_quotes[s->paper] = calloc(p->n_relations ? p->n_relations : 1,
                                               sizeof **d->rel_quotes)))
            return CKG_ENOMEM;
    }
    json_t **slot = &d->rel_quotes[s->paper][r];
    if (!*slot) {
        int rc = quotes_json(d, s->paper, &s->rel->evidence, slot);
        if (rc != CKG_OK)
            return rc;
    }
    *out = *slot;
    return CKG_OK;
}

/* ------------------------------------------------------------------ one concept */

static json_t *ranks_json(const char *scope, const query_ranks *r)
{
    return json_pack("{s:s, s:I, s:o, s:o, s:o, s:o}", "scope", scope, "n", (json_int_t)r->n,
                     "degree", pair(r->degree.value, r->degree.rank), "in",
                     pair(r->in_degree.value, r->in_degree.rank), "out",
                     pair(r->out_degree.value, r->out_degree.rank), "pagerank",
                     pair(r->pagerank.value, r->pagerank.rank));
}

static int links_json(data_ctx *d, const query_neighbors *nb, json_t **out)
{
    json_t *a = json_array();
    int rc = CKG_ENOMEM;
    *out = NULL;
    for (size_t i = 0; a && i < nb->n_links; i++) {
        const query_link *l = &nb->links[i];
        json_t *quotes = json_array();
        json_t *j = json_pack("{s:i, s:i, s:s, s:o, s:o}", "concept", (int)l->concept, "kind",
                              (int)l->kind, "dir", l->direction == QUERY_OUT ? "out" : "in",
                              "papers", ints(l->papers, l->n_papers), "quotes", quotes);
        if (!j || json_array_append_new(a, j) != 0)
            goto out;
        for (size_t s = 0; s < l->n_stmts; s++) {
            json_t *rq;
            if ((rc = relation_quotes(d, l->stmts[s], &rq)) != CKG_OK)
                goto out;
            rc = CKG_ENOMEM;
            for (size_t k = 0; k < json_array_size(rq); k++) {
                if (json_array_append(quotes, json_array_get(rq, k)) != 0)
                    goto out;
            }
        }
    }
    if (a) {
        *out = a;
        a = NULL;
        rc = CKG_OK;
    }
out:
    json_decref(a);
    return rc;
}

static int concept_json(data_ctx *d, const query_index *qi, int32_t c, query_ranks *const *ranks,
                        json_t **out)
{
    const ckg_ontology *o = d->o;
    const ckg_concept *k = &o->concepts[c];
    query_concept_info *info = NULL;
    query_neighbors *nb = NULL;
    json_t *j = NULL, *papers = NULL, *rk = NULL, *links = NULL;
    int rc;
    *out = NULL;
    if ((rc = query_concept(o, c, &info)) != CKG_OK ||
        (rc = query_neighbors_walk(qi, c, 1, NULL, &nb)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    j = json_pack("{s:s, s:s, s:s, s:o, s:i, s:{s:o, s:o}, s:o, s:o}", "id", k->id.s, "zh",
                  k->zh.s ? k->zh.s : "", "en", k->en.s ? k->en.s : "", "alt", strs(&k->alt),
                  "theme", (int)k->theme_index, "def", "zh", str_or_null(k->definition_zh.s),
                  "en", str_or_null(k->definition_en.s), "broader",
                  ints(info->broader, info->n_broader), "narrower",
                  ints(info->narrower, info->n_narrower));
    if (!j || !(papers = json_array()) || !(rk = json_array()))
        goto out;
    /* ranks over all papers, then in each paper that names the concept */
    if (ranks[0][c].n && json_array_append_new(rk, ranks_json("all", &ranks[0][c])) != 0)
        goto out;
    for (size_t i = 0; i < info->n_papers; i++) {
        const query_paper_mentions *pm = &info->papers[i];
        const query_ranks *r = &ranks[1 + pm->paper][c];
        if (r->n && json_array_append_new(rk, ranks_json(o->papers[pm->paper].id.s, r)) != 0)
            goto out;
        json_t *quotes = NULL;
        if (pm->mention) {
            if ((rc = quotes_json(d, pm->paper, &pm->mention->evidence, &quotes)) != CKG_OK)
                goto out;
            rc = CKG_ENOMEM;
        } else if (!(quotes = json_array()))
            goto out;
        json_t *jp = json_pack("{s:i, s:b, s:I, s:o}", "paper", (int)pm->paper, "mentioned",
                               pm->mention != NULL, "relations", (json_int_t)pm->n_relations,
                               "quotes", quotes);
        if (!jp || json_array_append_new(papers, jp) != 0)
            goto out;
    }
    if ((rc = links_json(d, nb, &links)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    /* set takes its value whether or not it succeeds */
    int bad = set(j, "ranks", rk) != CKG_OK;
    rk = NULL;
    bad |= set(j, "papers", papers) != CKG_OK;
    papers = NULL;
    bad |= set(j, "links", links) != CKG_OK;
    links = NULL;
    if (bad)
        goto out;
    *out = j;
    j = NULL;
    rc = CKG_OK;
out:
    json_decref(j);
    json_decref(papers);
    json_decref(rk);
    json_decref(links);
    query_neighbors_free(nb);
    query_concept_free(info);
    return rc;
}

/* ------------------------------------------------------------------ the rest */

static json_t *papers_json(const ckg_ontology *o)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < o->n_papers; i++) {
        const ckg_paper *p = &o->papers[i];
        json_t *sections = json_array();
        json_t *j = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "id", p->id.s, "title",
                              str_or_null(p->title.s), "authors", strs(&p->authors), "venue",
                              str_or_null(p->venue.s), "year",
                              p->year ? json_integer(p->year) : json_null(), "source",
                              str_or_null(p->source.s), "sections", sections);
        if (!j || json_array_append_new(a, j) != 0) {
            json_decref(a);
            return NULL;
        }
        for (size_t s = 0; s < p->n_sections; s++) {
            const ckg_section *sec = &p->sections[s];
            json_t *js = json_pack("{s:s, s:o, s:o}", "id", sec->id.s, "title",
                                   str_or_null(sec->title.s), "authors", strs(&sec->authors));
            if (!js || json_array_append_new(sections, js) != 0) {
                json_decref(a);
                return NULL;
            }
        }
    }
    return a;
}

static json_t *themes_json(const ckg_ontology *o)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < o->n_themes; i++) {
        const ckg_theme *t = &o->themes[i];
        const char *fill, *border;
        render_theme_colors((int32_t)i, &fill, &border);
        json_t *j = json_pack("{s:s, s:o, s:o, s:s}", "id", t->id.s, "zh", str_or_null(t->zh.s),
                              "en", str_or_null(t->en.s), "color", fill);
        if (!j || json_array_append_new(a, j) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *kinds_json(const ckg_ontology *o)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < o->n_kinds; i++) {
        const ckg_kind *k = &o->kinds[i];
        json_t *j = json_pack("{s:s, s:o, s:o, s:o, s:o}", "id", k->id.s, "zh",
                              str_or_null(k->zh.s), "en", str_or_null(k->en.s), "inverse_zh",
                              str_or_null(k->inverse_zh.s), "inverse_en",
                              str_or_null(k->inverse_en.s));
        if (!j || json_array_append_new(a, j) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *side_json(const ckg_ontology *o, const graph_scope *s)
{
    const ckg_paper *p = ontology_paper(o, s->paper);
    int32_t sec = s->section && p ? ontology_section_index(p, s->section) : -1;
    return json_pack("{s:I, s:o}", "paper", (json_int_t)(p - o->papers), "section",
                     sec >= 0 ? json_integer(sec) : json_null());
}

static json_t *scopes_json(const ckg_ontology *o, const atlas_scope *scopes, size_t n)
{
    static const char *const kinds[] = {"all", "paper", "section", "diff"};
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        const atlas_scope *s = &scopes[i];
        char zh[32], en[32];
        snprintf(zh, sizeof zh, "atlas-map-%zu", s->map[0]);
        snprintf(en, sizeof en, "atlas-map-%zu", s->map[1]);
        json_t *j = json_pack("{s:s, s:s, s:o, s:o, s:I, s:I, s:{s:s, s:s}}", "value", s->value,
                              "kind", kinds[s->kind], "paper",
                              s->paper >= 0 ? json_integer(s->paper) : json_null(), "section",
                              s->section >= 0 ? json_integer(s->section) : json_null(),
                              "concepts", (json_int_t)s->n_concepts, "relations",
                              (json_int_t)s->n_relations, "maps", "zh", zh, "en", en);
        if (j && s->kind == ATLAS_SCOPE_DIFF &&
            (set(j, "a", side_json(o, &s->diff[0])) || set(j, "b", side_json(o, &s->diff[1])))) {
            json_decref(j);
            j = NULL;
        }
        if (!j || json_array_append_new(a, j) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

int atlas_data_build(const ckg_ontology *o, corpus *cp, const atlas_scope *scopes,
                     size_t n_scopes, const atlas_options *opt, diag_list *diags,
                     json_t **out, atlas_summary *summary)
{
    data_ctx d = {.o = o, .cp = cp, .diags = diags, .sum = summary};
    query_index *qi = NULL;
    query_ranks **ranks = NULL; /* [0]: all papers, [1 + p]: paper p */
    json_t *root = NULL, *concepts = NULL;
    int rc = CKG_ENOMEM;
    *out = NULL;
    strmap_init(&d.para_index);
    size_t np = o->n_papers ? o->n_papers : 1;
    if (!(d.texts = calloc(np, sizeof *d.texts)) || !(d.tried = calloc(np, 1)) ||
        !(d.rel_quotes = calloc(np, sizeof *d.rel_quotes)) ||
        !(ranks = calloc(o->n_papers + 1, sizeof *ranks)) || !(d.paragraphs = json_array()) ||
        !(concepts = json_array()))
        goto out;
    if ((rc = query_index_build(o, &qi)) != CKG_OK ||
        (rc = query_ranks_scope(o, NULL, diags, &ranks[0])) != CKG_OK)
        goto out;
    for (size_t p = 0; p < o->n_papers; p++) {
        graph_scope s = {o->papers[p].id.s, NULL};
        if ((rc = query_ranks_scope(o, &s, diags, &ranks[1 + p])) != CKG_OK)
            goto out;
    }
    for (size_t c = 0; c < o->n_concepts; c++) {
        json_t *j;
        if ((rc = concept_json(&d, qi, (int32_t)c, ranks, &j)) != CKG_OK)
            goto out;
        if (json_array_append_new(concepts, j) != 0) {
            rc = CKG_ENOMEM;
            goto out;
        }
    }
    rc = CKG_ENOMEM;
    root = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:O, s:O}", "lang",
                     opt->lang == RENDER_LANG_EN ? "en" : "zh", "font", RENDER_FONT_STACK,
                     "themes", themes_json(o), "kinds", kinds_json(o), "papers", papers_json(o),
                     "scopes", scopes_json(o, scopes, n_scopes), "concepts", concepts,
                     "paragraphs", d.paragraphs);
    if (!root)
        goto out;
    summary->n_concepts = o->n_concepts;
    summary->n_paragraphs = json_array_size(d.paragraphs);
    rc = d.source_failed ? CKG_EINVALID : CKG_OK;
    if (rc == CKG_OK) {
        *out = root;
        root = NULL;
    }
out:
    json_decref(root);
    json_decref(concepts);
    json_decref(d.paragraphs);
    for (size_t p = 0; p < o->n_papers; p++) {
        if (d.texts)
            atlas_text_free(d.texts[p]);
        for (size_t r = 0; d.rel_quotes && d.rel_quotes[p] && r < o->papers[p].n_relations; r++)
            json_decref(d.rel_quotes[p][r]);
        if (d.rel_quotes)
            free(d.rel_quotes[p]);
    }
    for (size_t p = 0; ranks && p <= o->n_papers; p++)
        free(ranks[p]);
    free(ranks);
    free(d.texts);
    free(d.tried);
    free(d.rel_quotes);
    strmap_free(&d.para_index);
    arena_free(&d.keys);
    query_index_free(qi);
    return rc;
}
