/* export_query.c — the documents of `ckg show` and `ckg search` (export.h): everything
 * about one concept, and the concepts and quotes a text search found. */
#include "ckg/status.h"
#include "export_internal.h"
#include "util/csv.h"

/* ------------------------------------------------------------------ show */

static json_t *json_concepts(const ckg_ontology *o, const int32_t *list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        json_t *j = export_json_concept(o, list[i]);
        if (!j || json_array_append_new(a, j)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_rank(const query_rank *r)
{
    return json_pack("{s:f, s:f}", "value", r->value, "rank", r->rank);
}

static int add_centrality(json_t *cent, const query_scoped_ranks *sr, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const query_ranks *r = &sr[i].r;
        json_t *j = json_pack("{s:s, s:I, s:o, s:o, s:o, s:o}", "scope", sr[i].scope,
                              "concepts", (json_int_t)r->n, "degree", json_rank(&r->degree),
                              "in_degree", json_rank(&r->in_degree), "out_degree",
                              json_rank(&r->out_degree), "pagerank", json_rank(&r->pagerank));
        if (!j || json_array_append_new(cent, j))
            return CKG_ENOMEM;
    }
    return CKG_OK;
}

static int add_papers(json_t *papers, const ckg_ontology *o, const query_concept_info *info,
                      query_lines *lines)
{
    for (size_t i = 0; i < info->n_papers; i++) {
        const query_paper_mentions *pm = &info->papers[i];
        const ckg_paper *p = &o->papers[pm->paper];
        json_t *quotes = json_array();
        json_t *j = json_pack("{s:s, s:s, s:i, s:b, s:I, s:o}", "id", p->id.s, "title",
                              p->title.s, "year", p->year, "mentioned", pm->mention != NULL,
                              "relations", (json_int_t)pm->n_relations, "quotes", quotes);
        if (!j || json_array_append_new(papers, j))
            return CKG_ENOMEM;
        for (size_t e = 0; pm->mention && e < pm->mention->evidence.n; e++) {
            const ckg_evidence *x = &pm->mention->evidence.items[e];
            size_t line, end;
            query_lines_get(lines, pm->paper, x, &line, &end);
            json_t *q = json_pack("{s:s, s:s?, s:o}", "quote", x->quote.s, "section",
                                  x->section.s, "line",
                                  line ? json_integer((json_int_t)line) : json_null());
            if (!q || json_array_append_new(quotes, q))
                return CKG_ENOMEM;
        }
    }
    return CKG_OK;
}

int export_show_json(const ckg_ontology *o, const query_concept_info *info,
                     const query_scoped_ranks *ranks, size_t n_ranks,
                     const query_neighbors *relations, query_lines *lines, json_t **out)
{
    const ckg_concept *k = &o->concepts[info->concept];
    json_t *root = json_object(), *alt = json_array(), *papers = json_array(),
           *rels = json_array(), *cent = json_array();
    *out = NULL;
    /* set_new takes its value even when it fails, so one check at the end covers them all */
    int bad = !root || json_object_set_new(root, "id", json_string(k->id.s)) ||
              json_object_set_new(root, "zh", json_string(k->zh.s)) ||
              json_object_set_new(root, "en", json_string(k->en.s)) ||
              json_object_set_new(root, "alt", alt) ||
              json_object_set_new(root, "theme", json_string(k->theme.s)) ||
              json_object_set_new(root, "broader",
                                  json_concepts(o, info->broader, info->n_broader)) ||
              json_object_set_new(root, "narrower",
                                  json_concepts(o, info->narrower, info->n_narrower)) ||
              json_object_set_new(root, "definition",
                                  json_pack("{s:s?, s:s?}", "zh", k->definition_zh.s, "en",
                                            k->definition_en.s)) ||
              json_object_set_new(root, "centrality", cent) ||
              json_object_set_new(root, "papers", papers) ||
              json_object_set_new(root, "relations", rels);
    if (bad) {
        if (!root) {
            json_decref(alt);
            json_decref(papers);
            json_decref(rels);
            json_decref(cent);
        }
        goto fail;
    }
    for (size_t i = 0; i < k->alt.n; i++) {
        if (json_array_append_new(alt, json_string(k->alt.items[i].s)))
            goto fail;
    }
    if (add_centrality(cent, ranks, n_ranks) != CKG_OK ||
        add_papers(papers, o, info, lines) != CKG_OK)
        goto fail;
    for (size_t i = 0; i < relations->n_links; i++) {
        json_t *j = export_json_link(o, &relations->links[i], 0, lines);
        if (!j || json_array_append_new(rels, j))
            goto fail;
    }
    *out = root;
    return CKG_OK;
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

/* ------------------------------------------------------------------ search */

static json_t *json_use(const ckg_ontology *o, const query_use *u)
{
    if (u->mention)
        return json_pack("{s:s, s:s}", "type", "mention", "concept",
                         o->concepts[u->mention->concept_index].id.s);
    const ckg_relation *r = u->relation;
    return json_pack("{s:s, s:s, s:s, s:s}", "type", "relation", "from",
                     o->concepts[r->from_index].id.s, "kind", o->kinds[r->kind_index].id.s, "to",
                     o->concepts[r->to_index].id.s);
}

static int add_quotes(json_t *quotes, const ckg_ontology *o, const query_search_result *r,
                      query_lines *lines)
{
    for (size_t i = 0; i < r->n_quotes; i++) {
        const query_quote_hit *q = &r->quotes[i];
        size_t line, end;
        query_lines_get(lines, q->paper, q->evidence, &line, &end);
        json_t *uses = json_array();
        json_t *j = json_pack("{s:s, s:s, s:s?, s:o, s:o}", "paper", o->papers[q->paper].id.s,
                              "quote", q->evidence->quote.s, "section", q->evidence->section.s,
                              "line", line ? json_integer((json_int_t)line) : json_null(),
                              "uses", uses);
        if (!j || json_array_append_new(quotes, j))
            return CKG_ENOMEM;
        for (size_t u = 0; u < q->n_uses; u++) {
            json_t *ju = json_use(o, &q->uses[u]);
            if (!ju || json_array_append_new(uses, ju))
                return CKG_ENOMEM;
        }
    }
    return CKG_OK;
}

int export_search_json(const ckg_ontology *o, const char *text, const query_search_result *r,
                       query_lines *lines, json_t **out)
{
    json_t *concepts = json_array(), *quotes = json_array();
    json_t *root = json_pack("{s:s, s:o, s:o}", "query", text, "concepts", concepts, "quotes",
                             quotes);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < r->n_concepts; i++) {
        const query_concept_hit *h = &r->concepts[i];
        json_t *j = export_json_concept(o, h->concept);
        if (!j || json_array_append_new(concepts, j) ||
            json_object_set_new(j, "match", json_string(query_match_name(h->match))) ||
            json_object_set_new(j, "field", json_string(h->field)) ||
            json_object_set_new(j, "text", json_string(h->text)) ||
            json_object_set_new(j, "quotes", json_integer((json_int_t)h->n_quotes)))
            goto fail;
    }
    if (add_quotes(quotes, o, r, lines) != CKG_OK)
        goto fail;
    *out = root;
    return CKG_OK;
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

int export_search_csv(const ckg_ontology *o, const query_search_result *r, query_lines *lines,
                      FILE *f)
{
    fputs("type,rank,id,zh,en,theme,match,field,paper,line,text\n", f);
    for (size_t i = 0; i < r->n_concepts; i++) {
        const query_concept_hit *h = &r->concepts[i];
        const ckg_concept *k = &o->concepts[h->concept];
        fprintf(f, "concept,%zu,", i + 1);
        csv_fields(f, 6, k->id.s, k->zh.s, k->en.s, k->theme.s, query_match_name(h->match),
                   h->field);
        fputs(",,,", f);
        csv_field(f, h->text);
        fputc('\n', f);
    }
    for (size_t i = 0; i < r->n_quotes; i++) {
        const query_quote_hit *q = &r->quotes[i];
        size_t line, end;
        query_lines_get(lines, q->paper, q->evidence, &line, &end);
        fprintf(f, "quote,%zu,,,,,,,", i + 1);
        csv_field(f, o->papers[q->paper].id.s);
        fputc(',', f);
        if (line)
            fprintf(f, "%zu", line);
        fputc(',', f);
        csv_field(f, q->evidence->quote.s);
        fputc('\n', f);
    }
    return CKG_OK;
}
