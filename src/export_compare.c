/* export_compare.c — the JSON document and the CSV tables of `ckg compare` (export.h): the
 * figures and top concepts of each scope, every pair of scopes, and the concept × scope
 * matrix of ranks. */
#include "ckg/status.h"
#include "export_internal.h"
#include "util/csv.h"

#include <stdio.h>

enum { TOP = 5 }; /* concepts named per scope */

/* ------------------------------------------------------------------ JSON */

/* A scope × scope matrix: of m, or of the correlations' rho (kendall: tau). */
static json_t *json_matrix(const diff_table *t, const double *m, const diff_correlation *c,
                           int kendall)
{
    size_t n = t->n_sides;
    json_t *rows = json_array();
    for (size_t i = 0; rows && i < n; i++) {
        json_t *row = json_array();
        if (!row || json_array_append_new(rows, row)) {
            json_decref(rows);
            return NULL;
        }
        for (size_t j = 0; j < n; j++) {
            double x = m ? m[i * n + j] : kendall ? c[i * n + j].kendall : c[i * n + j].spearman;
            if (json_array_append_new(row, export_json_number(x))) {
                json_decref(rows);
                return NULL;
            }
        }
    }
    return rows;
}

static json_t *json_scope(const diff_table *t, const diff_side *s)
{
    const ckg_paper *p = &t->o->papers[s->g->paper];
    const metrics_figures *f = &s->m->graph;
    json_t *top = json_array();
    for (size_t r = 0; top && r < TOP && r < s->g->n_vertices; r++) {
        size_t v = s->order[r];
        const ckg_concept *c = &t->o->concepts[s->g->vertices[v].concept];
        json_t *j = json_pack("{s:s, s:s?, s:o, s:f}", "id", c->id.s, "zh", c->zh.s, "value",
                              export_json_number(metrics_value(s->m, v, t->options.measure)),
                              "rank", s->ranks[t->options.measure][v]);
        if (!j || json_array_append_new(top, j)) {
            json_decref(top);
            top = NULL;
        }
    }
    const char *title = s->g->section >= 0 ? p->sections[s->g->section].title.s : p->title.s;
    return json_pack("{s:s, s:s, s:s?, s:s?, s:I, s:I, s:I, s:o, s:I, s:o, s:o}", "scope",
                     s->name, "paper", p->id.s, "section",
                     s->g->section >= 0 ? p->sections[s->g->section].id.s : NULL, "title", title,
                     "nodes", (json_int_t)f->nodes, "edges", (json_int_t)f->edges, "relations",
                     (json_int_t)s->n_relations, "density",
                     export_json_number(f->density), "communities", (json_int_t)f->communities,
                     "modularity", export_json_number(f->modularity), "top", top);
}

static int add_pairs(const diff_table *t, const char *sp, const char *kd, json_t *pairs)
{
    size_t n = t->n_sides;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            size_t x = i * n + j;
            json_t *p = json_pack("{s:s, s:s, s:I, s:o, s:I, s:o, s:I, s:o, s:o}", "a",
                                  t->sides[i].name, "b", t->sides[j].name, "shared_concepts",
                                  (json_int_t)t->shared_concepts[x], "jaccard",
                                  export_json_number(t->jaccard_concepts[x]), "shared_relations",
                                  (json_int_t)t->shared_relations[x], "jaccard_relations",
                                  export_json_number(t->jaccard_relations[x]), "n",
                                  (json_int_t)t->corr[x].n, sp,
                                  export_json_number(t->corr[x].spearman), kd,
                                  export_json_number(t->corr[x].kendall));
            if (!p || json_array_append_new(pairs, p))
                return CKG_ENOMEM;
        }
    }
    return CKG_OK;
}

static int add_concepts(const diff_table *t, size_t rows, json_t *concepts)
{
    metrics_measure k = t->options.measure;
    rows = rows < t->n_concepts ? rows : t->n_concepts;
    for (size_t r = 0; r < rows; r++) {
        int32_t concept = t->concepts[r];
        json_t *ranks = json_object(), *values = json_object();
        json_t *j = export_json_concept_row(t->o, &t->o->concepts[concept]);
        if (!j || json_array_append_new(concepts, j)) {
            json_decref(ranks);
            json_decref(values);
            return CKG_ENOMEM;
        }
        if (json_object_set_new(j, "ranks", ranks)) {
            json_decref(values);
            return CKG_ENOMEM;
        }
        if (json_object_set_new(j, "values", values))
            return CKG_ENOMEM;
        for (size_t i = 0; i < t->n_sides; i++) {
            const diff_side *s = &t->sides[i];
            int32_t v = s->g->vertex_of[concept];
            if (json_object_set_new(ranks, s->name,
                                    export_json_number(diff_side_rank(s, concept, k))) ||
                json_object_set_new(values, s->name,
                                    v < 0 ? json_null()
                                          : export_json_number(metrics_value(s->m, (size_t)v, k))))
                return CKG_ENOMEM;
        }
    }
    return CKG_OK;
}

int export_compare_json(const diff_table *t, size_t rows, json_t **out)
{
    const char *m = metrics_measure_name(t->options.measure);
    char sp[64], kd[64];
    snprintf(sp, sizeof sp, "spearman_%s", m);
    snprintf(kd, sizeof kd, "kendall_%s", m);
    json_t *scopes = json_array(), *pairs = json_array(), *concepts = json_array();
    json_t *root = json_pack("{s:s, s:s, s:o, s:o, s:{s:o, s:o}, s:o, s:o, s:o}", "measure", m,
                             "by", diff_key_name(t->options.by), "scopes", scopes, "pairs", pairs, "jaccard", "concepts",
                             json_matrix(t, t->jaccard_concepts, NULL, 0), "relations",
                             json_matrix(t, t->jaccard_relations, NULL, 0), sp,
                             json_matrix(t, NULL, t->corr, 0), kd,
                             json_matrix(t, NULL, t->corr, 1), "concepts", concepts);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < t->n_sides; i++) {
        json_t *j = json_scope(t, &t->sides[i]);
        if (!j || json_array_append_new(scopes, j))
            goto fail;
    }
    if (add_pairs(t, sp, kd, pairs) != CKG_OK || add_concepts(t, rows, concepts) != CKG_OK)
        goto fail;
    *out = root;
    return CKG_OK;
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

/* ------------------------------------------------------------------ CSV */

static void csv_ranks(const diff_table *t, size_t rows, FILE *f)
{
    fputs("id,zh,en,theme", f);
    for (size_t j = 0; j < t->n_sides; j++) {
        fputc(',', f);
        csv_field(f, t->sides[j].name);
    }
    fputc('\n', f);
    rows = rows < t->n_concepts ? rows : t->n_concepts;
    for (size_t r = 0; r < rows; r++) {
        const ckg_concept *c = &t->o->concepts[t->concepts[r]];
        csv_fields(f, 4, c->id.s, c->zh.s, c->en.s, export_theme_id(t->o, c));
        for (size_t j = 0; j < t->n_sides; j++) {
            fputc(',', f);
            csv_number(f, diff_side_rank(&t->sides[j], t->concepts[r], t->options.measure), 0);
        }
        fputc('\n', f);
    }
}

static void csv_pairs(const diff_table *t, FILE *f)
{
    const char *m = metrics_measure_name(t->options.measure);
    size_t n = t->n_sides;
    fprintf(f, "a,b,shared_concepts,jaccard,shared_relations,jaccard_relations,n,spearman_%s,"
               "kendall_%s\n",
            m, m);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            size_t x = i * n + j;
            csv_fields(f, 2, t->sides[i].name, t->sides[j].name);
            fprintf(f, ",%zu,", t->shared_concepts[x]);
            csv_number(f, t->jaccard_concepts[x], 0);
            fprintf(f, ",%zu,", t->shared_relations[x]);
            csv_number(f, t->jaccard_relations[x], 0);
            fprintf(f, ",%zu,", t->corr[x].n);
            csv_number(f, t->corr[x].spearman, 0);
            fputc(',', f);
            csv_number(f, t->corr[x].kendall, 0);
            fputc('\n', f);
        }
    }
}

static void csv_figures(const diff_table *t, FILE *f)
{
    fputs("scope,nodes,edges,density,communities,modularity,top,relations\n", f);
    for (size_t i = 0; i < t->n_sides; i++) {
        const diff_side *s = &t->sides[i];
        const metrics_figures *fig = &s->m->graph;
        csv_field(f, s->name);
        fprintf(f, ",%zu,%zu,", fig->nodes, fig->edges);
        csv_number(f, fig->density, 0);
        fprintf(f, ",%zu,", fig->communities);
        csv_number(f, fig->modularity, 0);
        /* the ids of the top 5, joined by ';' into one field */
        char top[1024];
        size_t used = 0;
        top[0] = '\0';
        for (size_t r = 0; r < TOP && r < s->g->n_vertices; r++) {
            const char *id = t->o->concepts[s->g->vertices[s->order[r]].concept].id.s;
            int x = snprintf(top + used, sizeof top - used, "%s%s", r ? ";" : "", id);
            if (x < 0 || (size_t)x >= sizeof top - used)
                break;
            used += (size_t)x;
        }
        fputc(',', f);
        csv_field(f, top);
        fprintf(f, ",%zu\n", s->n_relations);
    }
}

int export_compare_csv(const diff_table *t, size_t rows, export_compare_table table, FILE *f)
{
    int all = table == EXPORT_COMPARE_ALL;
    if (all || table == EXPORT_COMPARE_RANKS)
        csv_ranks(t, rows, f);
    if (all)
        fputc('\n', f);
    if (all || table == EXPORT_COMPARE_PAIRS)
        csv_pairs(t, f);
    if (all)
        fputc('\n', f);
    if (all || table == EXPORT_COMPARE_FIGURES)
        csv_figures(t, f);
    return CKG_OK;
}
