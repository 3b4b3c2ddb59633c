/* export_links.c — the documents made of query_links (export.h): a link as the JSON of a
 * neighbor and as CSV rows, the neighbors of a concept, the shortest paths between two.
 * Quotes carry the line of their source text when lines can find it, null otherwise. */
#include "ckg/status.h"
#include "export_internal.h"
#include "util/csv.h"
#include "util/strbuf.h"

/* ------------------------------------------------------------------ one link */

/* The quotes behind a link: [{paper, from, kind, to, quote, section, note, line, end_line}]. */
static json_t *json_evidence(const ckg_ontology *o, const query_link *l, query_lines *lines)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n_stmts; i++) {
        const query_stmt *s = l->stmts[i];
        for (size_t e = 0; e < s->rel->evidence.n; e++) {
            const ckg_evidence *ev = &s->rel->evidence.items[e];
            size_t line, end;
            query_lines_get(lines, s->paper, ev, &line, &end);
            json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s?, s:s?}", "paper",
                                  o->papers[s->paper].id.s, "from", o->concepts[s->from].id.s,
                                  "kind", o->kinds[s->kind].id.s, "to", o->concepts[s->to].id.s,
                                  "quote", ev->quote.s, "section", ev->section.s, "note",
                                  ev->note.s);
            if (j && (json_object_set_new(j, "line", line ? json_integer((json_int_t)line)
                                                           : json_null()) ||
                      (line &&
                       json_object_set_new(j, "end_line", json_integer((json_int_t)end))))) {
                json_decref(j);
                j = NULL;
            }
            if (!j || json_array_append_new(a, j)) {
                json_decref(a);
                return NULL;
            }
        }
    }
    return a;
}

json_t *export_json_link(const ckg_ontology *o, const query_link *l, int evidence,
                         query_lines *lines)
{
    const ckg_concept *c = &o->concepts[l->concept];
    const ckg_kind *k = &o->kinds[l->kind];
    int out = l->direction == QUERY_OUT;
    json_t *via = json_array();
    for (size_t i = 0; via && i < l->n_via; i++) {
        if (json_array_append_new(via, json_string(o->concepts[l->via[i]].id.s))) {
            json_decref(via);
            via = NULL;
        }
    }
    json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:o, s:{s:s?, s:s?}, s:o}",
                          "id", c->id.s, "zh", c->zh.s, "en", c->en.s, "theme", c->theme.s,
                          "kind", k->id.s, "direction", out ? "out" : "in", "depth",
                          (int)l->depth, "papers",
                          export_json_paper_ids(o, l->papers, l->n_papers), "phrase", "zh",
                          out ? k->zh.s : k->inverse_zh.s, "en", out ? k->en.s : k->inverse_en.s,
                          "via", via);
    if (j && evidence) {
        json_t *ev = json_evidence(o, l, lines);
        if (!ev || json_object_set_new(j, "evidence", ev)) {
            json_decref(j);
            return NULL;
        }
    }
    return j;
}

/* ids[0..n) of concepts (papers: of papers) joined by ';' into b. */
static const char *joined_ids(strbuf *b, const ckg_ontology *o, const int32_t *ids, size_t n,
                              int papers)
{
    strbuf_reset(b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strbuf_putc(b, ';');
        strbuf_puts(b, papers ? o->papers[ids[i]].id.s : o->concepts[ids[i]].id.s);
    }
    return strbuf_str(b);
}

/* depth,direction,kind,phrase,via,id,zh,en,theme,papers of a link (no line end). */
static void csv_link_fields(FILE *f, const ckg_ontology *o, const query_link *l, strbuf *b)
{
    const ckg_concept *c = &o->concepts[l->concept];
    const ckg_kind *k = &o->kinds[l->kind];
    int out = l->direction == QUERY_OUT;
    fprintf(f, "%u,%s,", (unsigned)l->depth, out ? "out" : "in");
    csv_fields(f, 3, k->id.s, out ? k->zh.s : k->inverse_zh.s,
               joined_ids(b, o, l->via, l->n_via, 0));
    fputc(',', f);
    csv_fields(f, 4, c->id.s, c->zh.s, c->en.s, c->theme.s);
    fputc(',', f);
    csv_field(f, joined_ids(b, o, l->papers, l->n_papers, 1));
}

static void csv_link(FILE *f, const ckg_ontology *o, const query_link *l, int evidence,
                     query_lines *lines, strbuf *b)
{
    if (!evidence) {
        csv_link_fields(f, o, l, b);
        fputc('\n', f);
        return;
    }
    for (size_t i = 0; i < l->n_stmts; i++) {
        const query_stmt *s = l->stmts[i];
        for (size_t e = 0; e < s->rel->evidence.n; e++) {
            const ckg_evidence *ev = &s->rel->evidence.items[e];
            size_t line, end;
            query_lines_get(lines, s->paper, ev, &line, &end);
            csv_link_fields(f, o, l, b);
            fputc(',', f);
            csv_fields(f, 2, o->papers[s->paper].id.s, ev->section.s);
            fputc(',', f);
            if (line)
                fprintf(f, "%zu", line);
            fputc(',', f);
            csv_field(f, ev->quote.s);
            fputc('\n', f);
        }
    }
}

/* ------------------------------------------------------------------ neighbors and paths */

int export_neighbors_json(const ckg_ontology *o, const query_neighbors *nb, int evidence,
                          query_lines *lines, json_t **out)
{
    json_t *list = json_array();
    json_t *root = json_pack("{s:o, s:i, s:o}", "concept", export_json_concept(o, nb->concept),
                             "depth", (int)nb->depth, "neighbors", list);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < nb->n_links; i++) {
        json_t *j = export_json_link(o, &nb->links[i], evidence, lines);
        if (!j || json_array_append_new(list, j)) {
            json_decref(root);
            return CKG_ENOMEM;
        }
    }
    *out = root;
    return CKG_OK;
}

int export_neighbors_csv(const ckg_ontology *o, const query_neighbors *nb, int evidence,
                         query_lines *lines, FILE *f)
{
    fprintf(f, "depth,direction,kind,phrase,via,id,zh,en,theme,papers%s\n",
            evidence ? ",paper,section,line,quote" : "");
    strbuf b = {0};
    for (size_t i = 0; i < nb->n_links && !b.oom; i++)
        csv_link(f, o, &nb->links[i], evidence, lines, &b);
    int rc = b.oom ? CKG_ENOMEM : CKG_OK;
    strbuf_free(&b);
    return rc;
}

/* {length, concepts: [id], steps: [{from, to, relations}]} of one path. */
static json_t *json_path(const ckg_ontology *o, const query_path *p, int evidence,
                         query_lines *lines)
{
    json_t *ids = json_array(), *steps = json_array();
    json_t *jp = json_pack("{s:I, s:o, s:o}", "length", (json_int_t)p->length, "concepts", ids,
                           "steps", steps);
    if (!jp)
        return NULL;
    for (size_t k = 0; k <= p->length; k++) {
        if (json_array_append_new(ids, json_string(o->concepts[p->concepts[k]].id.s)))
            goto fail;
    }
    for (size_t k = 0; k < p->length; k++) {
        json_t *rels = json_array();
        json_t *js = json_pack("{s:s, s:s, s:o}", "from", o->concepts[p->concepts[k]].id.s, "to",
                               o->concepts[p->concepts[k + 1]].id.s, "relations", rels);
        if (!js || json_array_append_new(steps, js))
            goto fail;
        for (size_t l = 0; l < p->steps[k].n_links; l++) {
            json_t *jl = export_json_link(o, &p->steps[k].links[l], evidence, lines);
            if (!jl || json_array_append_new(rels, jl))
                goto fail;
        }
    }
    return jp;
fail:
    json_decref(jp);
    return NULL;
}

int export_path_json(const ckg_ontology *o, const query_paths *ps, const query_filter *f,
                     size_t k, int evidence, query_lines *lines, json_t **out)
{
    json_t *paths = json_array(), *avoid = json_array();
    int directed = f && (f->direction & QUERY_BOTH) == QUERY_OUT;
    json_t *root = json_pack("{s:o, s:o, s:b, s:o, s:o, s:b, s:I, s:I, s:o}", "from",
                             export_json_concept(o, ps->from), "to",
                             export_json_concept(o, ps->to), "directed", directed, "avoid",
                             avoid, "k", k ? json_integer((json_int_t)k) : json_null(), "found",
                             ps->found, "length", (json_int_t)ps->length, "total",
                             (json_int_t)(ps->total > INT64_MAX ? INT64_MAX : ps->total), "paths",
                             paths);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; f && f->avoid && i < f->n_avoid; i++) {
        if (json_array_append_new(avoid, json_string(o->concepts[f->avoid[i]].id.s)))
            goto fail;
    }
    for (size_t i = 0; i < ps->n_paths; i++) {
        json_t *jp = json_path(o, &ps->paths[i], evidence, lines);
        if (!jp || json_array_append_new(paths, jp))
            goto fail;
    }
    *out = root;
    return CKG_OK;
fail:
    json_decref(root);
    return CKG_ENOMEM;
}
