/* export_diff.c — the JSON document and the CSV tables of `ckg diff` (export.h): everything
 * diff_compute found, shared concepts first (biggest movers first), then each side's own. */
#include "ckg/status.h"
#include "export_internal.h"
#include "util/csv.h"

#include <math.h>
#include <stdio.h>

static const ckg_concept *concept_of(const diff_result *d, int32_t c)
{
    return &d->o->concepts[c];
}

static double value_of(const diff_side *s, int32_t v, metrics_measure k)
{
    return metrics_value(s->m, (size_t)v, k);
}

/* The paper or section of a side: its title and authors. */
static void side_title(const diff_side *s, const char **title, const ckg_strs **authors)
{
    const ckg_paper *p = &s->g->o->papers[s->g->paper];
    if (s->g->section >= 0) {
        *title = p->sections[s->g->section].title.s;
        *authors = &p->sections[s->g->section].authors;
    } else {
        *title = p->title.s;
        *authors = &p->authors;
    }
}

/* ------------------------------------------------------------------ JSON */

/* Every measure of vertex v of a side, its rank by the chosen measure and by each. */
static json_t *json_side_values(const diff_result *d, const diff_side *s, int32_t v)
{
    json_t *o = json_object(), *ranks = json_object();
    int bad = !o || !ranks;
    for (int q = 0; !bad && q < METRICS_N_MEASURES; q++) {
        metrics_measure mq = (metrics_measure)q;
        bad = json_object_set_new(o, metrics_measure_name(mq),
                                  export_json_measure(mq, value_of(s, v, mq)));
        if (!bad && s->ranks[q])
            bad = json_object_set_new(ranks, metrics_measure_name(mq), json_real(s->ranks[q][v]));
    }
    if (!bad)
        bad = json_object_set_new(o, "rank", json_real(s->ranks[d->options.measure][v]));
    if (!bad) {
        bad = json_object_set_new(o, "ranks", ranks);
        ranks = NULL;
    }
    json_decref(ranks);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_shared_concept(const diff_result *d, const diff_concept *x)
{
    json_t *j = export_json_concept_row(d->o, concept_of(d, x->concept)), *delta = json_object();
    int bad = !j || !delta || json_object_set_new(j, "a", json_side_values(d, &d->a, x->va)) ||
              json_object_set_new(j, "b", json_side_values(d, &d->b, x->vb));
    for (int q = 0; !bad && q < METRICS_N_MEASURES; q++) {
        metrics_measure mq = (metrics_measure)q;
        if (mq == METRICS_COMMUNITY)
            continue;
        bad = json_object_set_new(
            delta, metrics_measure_name(mq),
            export_json_measure(mq, value_of(&d->b, x->vb, mq) - value_of(&d->a, x->va, mq)));
    }
    metrics_measure k = d->options.measure;
    if (!bad)
        bad = json_object_set_new(delta, "rank",
                                  json_real(d->b.ranks[k][x->vb] - d->a.ranks[k][x->va]));
    if (!bad) {
        bad = json_object_set_new(j, "delta", delta);
        delta = NULL;
    }
    json_decref(delta);
    if (bad) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *json_only_concept(const diff_result *d, const diff_concept *x)
{
    json_t *j = export_json_concept_row(d->o, concept_of(d, x->concept));
    const char *key = x->va >= 0 ? "a" : "b";
    const diff_side *s = x->va >= 0 ? &d->a : &d->b;
    if (!j || json_object_set_new(j, key, json_side_values(d, s, x->va >= 0 ? x->va : x->vb))) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *json_ids(const diff_result *d, const diff_concept *list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        if (json_array_append_new(a, json_string(concept_of(d, list[i].concept)->id.s))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

/* The kind ids of edge e of g under the key of r (all of them by pair, or with all set),
 * or null when e < 0. */
static json_t *json_kinds(const diff_result *d, const ckg_graph *g, int64_t e,
                          const diff_relation *r, int all)
{
    if (e < 0)
        return json_null();
    const graph_edge *x = &g->edges[e];
    diff_key by = all ? DIFF_BY_PAIR : d->options.by;
    json_t *a = json_array();
    for (size_t i = 0; a && i < x->n_kinds; i++) {
        if (!diff_kind_under(d->o, x->kinds[i], by, r->key))
            continue;
        if (json_array_append_new(a, json_string(g->o->kinds[x->kinds[i]].id.s))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_relations(const diff_result *d, const diff_relation *list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        const diff_relation *r = &list[i];
        const char *kind = d->options.by == DIFF_BY_KIND ? diff_relation_key_name(d, r) : NULL;
        json_t *j = json_pack("{s:s, s:s, s:s?, s:s?, s:o, s:o, s:o, s:o, s:b}", "from",
                              concept_of(d, r->from)->id.s, "to", concept_of(d, r->to)->id.s,
                              "family", ontology_family_name(diff_relation_family(d, r)), "kind",
                              kind && *kind ? kind : NULL, "kinds_a",
                              json_kinds(d, d->a.g, r->ea, r, 0), "kinds_b",
                              json_kinds(d, d->b.g, r->eb, r, 0), "pair_kinds_a",
                              json_kinds(d, d->a.g, r->pair_ea, r, 1), "pair_kinds_b",
                              json_kinds(d, d->b.g, r->pair_eb, r, 1), "ends_shared",
                              r->ends_shared);
        if (!j || json_array_append_new(a, j)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_scope(const diff_side *s)
{
    const ckg_paper *p = &s->g->o->papers[s->g->paper];
    const char *title;
    const ckg_strs *authors;
    side_title(s, &title, &authors);
    json_t *au = json_array();
    for (size_t i = 0; au && i < authors->n; i++) {
        if (json_array_append_new(au, json_string(authors->items[i].s))) {
            json_decref(au);
            au = NULL;
        }
    }
    const metrics_figures *f = &s->m->graph;
    return json_pack("{s:s, s:s, s:s?, s:s?, s:o, s:i, s:I, s:I, s:o, s:I, s:o}", "scope",
                     s->name, "paper", p->id.s, "section",
                     s->g->section >= 0 ? p->sections[s->g->section].id.s : NULL, "title", title,
                     "authors", au, "year", p->year, "nodes", (json_int_t)f->nodes, "edges",
                     (json_int_t)f->edges, "density", export_json_number(f->density),
                     "communities", (json_int_t)f->communities, "modularity",
                     export_json_number(f->modularity));
}

/* spearman_pagerank, kendall_pagerank, spearman_M, kendall_M; correlations of each. */
static int add_correlations(const diff_result *d, json_t *root, json_t *corr)
{
    char key[64];
    const metrics_measure keys[2] = {METRICS_PAGERANK, d->options.measure};
    for (int i = 0; i < 2; i++) {
        const diff_correlation *c = &d->corr[keys[i]];
        snprintf(key, sizeof key, "spearman_%s", metrics_measure_name(keys[i]));
        if (json_object_set_new(root, key, export_json_number(c->spearman)))
            return CKG_ENOMEM;
        snprintf(key, sizeof key, "kendall_%s", metrics_measure_name(keys[i]));
        if (json_object_set_new(root, key, export_json_number(c->kendall)))
            return CKG_ENOMEM;
    }
    for (int q = 0; q < METRICS_N_MEASURES; q++) {
        if (q == METRICS_COMMUNITY)
            continue;
        const diff_correlation *c = &d->corr[q];
        if (json_object_set_new(corr, metrics_measure_name((metrics_measure)q),
                                json_pack("{s:I, s:o, s:o}", "n", (json_int_t)c->n, "spearman",
                                          export_json_number(c->spearman), "kendall",
                                          export_json_number(c->kendall))))
            return CKG_ENOMEM;
    }
    return CKG_OK;
}

static int add_concepts(const diff_result *d, json_t *concepts, json_t *only_a, json_t *only_b)
{
    for (size_t i = 0; i < d->n_shared; i++) {
        json_t *j = json_shared_concept(d, &d->shared[i]);
        if (!j || json_array_append_new(concepts, j))
            return CKG_ENOMEM;
    }
    for (size_t i = 0; i < d->n_only_a; i++) {
        json_t *j = json_only_concept(d, &d->only_a[i]);
        if (!j || json_array_append_new(only_a, j))
            return CKG_ENOMEM;
    }
    for (size_t i = 0; i < d->n_only_b; i++) {
        json_t *j = json_only_concept(d, &d->only_b[i]);
        if (!j || json_array_append_new(only_b, j))
            return CKG_ENOMEM;
    }
    return CKG_OK;
}

static int add_themes(const diff_result *d, json_t *themes)
{
    for (size_t t = 0; t < d->o->n_themes; t++) {
        const diff_theme *x = &d->themes[t];
        json_t *j = json_pack("{s:o, s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "a",
                              export_json_number(x->concept_share[0]), "b",
                              export_json_number(x->concept_share[1]), "a_concepts",
                              (json_int_t)x->concepts[0], "b_concepts",
                              (json_int_t)x->concepts[1], "a_relation_ends",
                              (json_int_t)x->ends[0], "b_relation_ends", (json_int_t)x->ends[1],
                              "a_relation_share", export_json_number(x->end_share[0]),
                              "b_relation_share", export_json_number(x->end_share[1]));
        if (!j || json_object_set_new(themes, d->o->themes[t].id.s, j))
            return CKG_ENOMEM;
    }
    return CKG_OK;
}

int export_diff_json(const diff_result *d, json_t **out)
{
    json_t *concepts = json_array(), *only_a = json_array(), *only_b = json_array();
    json_t *themes = json_object(), *corr = json_object();
    json_t *root = json_pack(
        "{s:s, s:s, s:s, s:s, s:{s:I, s:I, s:I}, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, "
        "s:o, s:o, s:o}",
        "a", d->a.name, "b", d->b.name, "measure", metrics_measure_name(d->options.measure),
        "by", diff_key_name(d->options.by), "shared_relations_by", "family",
        (json_int_t)d->shared_by[DIFF_BY_FAMILY], "kind", (json_int_t)d->shared_by[DIFF_BY_KIND],
        "pair", (json_int_t)d->shared_by[DIFF_BY_PAIR],
        "scopes", json_pack("[o, o]", json_scope(&d->a), json_scope(&d->b)), "shared",
        json_ids(d, d->shared, d->n_shared), "only_a", json_ids(d, d->only_a, d->n_only_a),
        "only_b", json_ids(d, d->only_b, d->n_only_b), "jaccard",
        export_json_number(d->jaccard_concepts), "jaccard_relations",
        export_json_number(d->jaccard_relations), "correlations", corr, "concepts", concepts,
        "only_a_concepts", only_a, "only_b_concepts", only_b, "themes", themes, "relations",
        json_pack("{s:o, s:o, s:o}", "shared", json_relations(d, d->shared_rel, d->n_shared_rel),
                  "only_a", json_relations(d, d->only_a_rel, d->n_only_a_rel), "only_b",
                  json_relations(d, d->only_b_rel, d->n_only_b_rel)));
    *out = NULL;
    if (!root || add_correlations(d, root, corr) != CKG_OK ||
        add_concepts(d, concepts, only_a, only_b) != CKG_OK || add_themes(d, themes) != CKG_OK) {
        json_decref(root);
        return CKG_ENOMEM;
    }
    *out = root;
    return CKG_OK;
}

/* ------------------------------------------------------------------ CSV */

/* The kind ids of edge e of g under r's key (all with by pair), joined by ';'; nothing when
 * e < 0. */
static void csv_kinds(FILE *f, const diff_result *d, const ckg_graph *g, int64_t e,
                      const diff_relation *r, diff_key by)
{
    if (e < 0)
        return;
    const graph_edge *x = &g->edges[e];
    char buf[256];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < x->n_kinds && used + 1 < sizeof buf; i++) {
        if (!diff_kind_under(d->o, x->kinds[i], by, r->key))
            continue;
        int n = snprintf(buf + used, sizeof buf - used, "%s%s", used ? ";" : "",
                         d->o->kinds[x->kinds[i]].id.s);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    csv_field(f, buf);
}

/* "both", or the name of the side that has it. */
static const char *in_which(const diff_result *d, int in_a, int in_b)
{
    return in_a && in_b ? "both" : in_a ? d->a.name : d->b.name;
}

static void csv_concept_row(const diff_result *d, const diff_concept *x, FILE *f)
{
    const ckg_concept *k = concept_of(d, x->concept);
    metrics_measure m = d->options.measure;
    csv_fields(f, 5, k->id.s, k->zh.s, k->en.s, export_theme_id(d->o, k),
               in_which(d, x->va >= 0, x->vb >= 0));
    double ra = x->va >= 0 ? d->a.ranks[m][x->va] : NAN;
    double rb = x->vb >= 0 ? d->b.ranks[m][x->vb] : NAN;
    fputc(',', f);
    csv_number(f, ra, 0);
    fputc(',', f);
    csv_number(f, rb, 0);
    fputc(',', f);
    csv_number(f, rb - ra, 0);
    for (int q = 0; q < METRICS_N_MEASURES; q++) {
        metrics_measure mq = (metrics_measure)q;
        int integer = metrics_measure_is_integer(mq);
        double va = x->va >= 0 ? value_of(&d->a, x->va, mq) : NAN;
        double vb = x->vb >= 0 ? value_of(&d->b, x->vb, mq) : NAN;
        fputc(',', f);
        csv_number(f, va, integer);
        fputc(',', f);
        csv_number(f, vb, integer);
        if (mq != METRICS_COMMUNITY) {
            fputc(',', f);
            csv_number(f, vb - va, integer);
        }
    }
    fputc('\n', f);
}

static void csv_concepts(const diff_result *d, FILE *f)
{
    fputs("id,zh,en,theme,in,rank_a,rank_b,rank_delta", f);
    for (int q = 0; q < METRICS_N_MEASURES; q++) {
        const char *n = metrics_measure_name((metrics_measure)q);
        fprintf(f, ",%s_a,%s_b", n, n);
        if (q != METRICS_COMMUNITY)
            fprintf(f, ",%s_delta", n);
    }
    fputc('\n', f);
    for (size_t i = 0; i < d->n_shared; i++)
        csv_concept_row(d, &d->shared[i], f);
    for (size_t i = 0; i < d->n_only_a; i++)
        csv_concept_row(d, &d->only_a[i], f);
    for (size_t i = 0; i < d->n_only_b; i++)
        csv_concept_row(d, &d->only_b[i], f);
}

static void csv_relation_rows(const diff_result *d, const diff_relation *list, size_t n,
                              FILE *f)
{
    for (size_t i = 0; i < n; i++) {
        const diff_relation *r = &list[i];
        csv_fields(f, 3, concept_of(d, r->from)->id.s, concept_of(d, r->to)->id.s,
                   in_which(d, r->ea >= 0, r->eb >= 0));
        diff_key by = d->options.by;
        fputc(',', f);
        csv_kinds(f, d, d->a.g, r->ea, r, by);
        fputc(',', f);
        csv_kinds(f, d, d->b.g, r->eb, r, by);
        fprintf(f, ",%d,", r->ends_shared ? 1 : 0);
        const char *family = ontology_family_name(diff_relation_family(d, r));
        csv_field(f, family ? family : "");
        fputc(',', f);
        csv_field(f, by == DIFF_BY_KIND ? diff_relation_key_name(d, r) : "");
        fputc(',', f);
        csv_kinds(f, d, d->a.g, r->pair_ea, r, DIFF_BY_PAIR);
        fputc(',', f);
        csv_kinds(f, d, d->b.g, r->pair_eb, r, DIFF_BY_PAIR);
        fputc('\n', f);
    }
}

static void csv_relations(const diff_result *d, FILE *f)
{
    fputs("from,to,in,kinds_a,kinds_b,ends_shared,family,kind,pair_kinds_a,pair_kinds_b\n", f);
    csv_relation_rows(d, d->shared_rel, d->n_shared_rel, f);
    csv_relation_rows(d, d->only_a_rel, d->n_only_a_rel, f);
    csv_relation_rows(d, d->only_b_rel, d->n_only_b_rel, f);
}

static void csv_themes(const diff_result *d, FILE *f)
{
    fputs("theme,zh,en,concepts_a,concepts_b,concept_share_a,concept_share_b,"
          "relation_ends_a,relation_ends_b,relation_end_share_a,relation_end_share_b\n",
          f);
    for (size_t t = 0; t < d->o->n_themes; t++) {
        const ckg_theme *th = &d->o->themes[t];
        const diff_theme *x = &d->themes[t];
        csv_fields(f, 3, th->id.s, th->zh.s, th->en.s);
        fprintf(f, ",%zu,%zu,", x->concepts[0], x->concepts[1]);
        csv_number(f, x->concept_share[0], 0);
        fputc(',', f);
        csv_number(f, x->concept_share[1], 0);
        fprintf(f, ",%zu,%zu,", x->ends[0], x->ends[1]);
        csv_number(f, x->end_share[0], 0);
        fputc(',', f);
        csv_number(f, x->end_share[1], 0);
        fputc('\n', f);
    }
}

int export_diff_csv(const diff_result *d, export_diff_table table, FILE *f)
{
    int all = table == EXPORT_DIFF_ALL;
    if (all || table == EXPORT_DIFF_CONCEPTS)
        csv_concepts(d, f);
    if (all)
        fputc('\n', f);
    if (all || table == EXPORT_DIFF_RELATIONS)
        csv_relations(d, f);
    if (all)
        fputc('\n', f);
    if (all || table == EXPORT_DIFF_THEMES)
        csv_themes(d, f);
    return CKG_OK;
}
