/* export_metrics.c — the JSON document and the CSV table of `ckg metrics` (export.h): the
 * rows a metrics_selection chose, every measure at full precision. */
#include "ckg/status.h"
#include "export_internal.h"
#include "util/csv.h"

static const ckg_concept *row_concept(const metrics_result *m, size_t v)
{
    return &m->g->o->concepts[m->g->vertices[v].concept];
}

int export_metrics_json(const metrics_result *m, const size_t *rows, size_t n_rows,
                        const double *ranks, json_t **out)
{
    const metrics_figures *f = &m->graph;
    const ckg_ontology *o = m->g->o;
    char scope[256];
    json_t *concepts = json_array();
    json_t *graph = json_pack("{s:I, s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "nodes",
                              (json_int_t)f->nodes, "edges", (json_int_t)f->edges,
                              "undirected_edges", (json_int_t)f->undirected_edges, "density",
                              export_json_number(f->density), "components",
                              (json_int_t)f->components, "largest_component",
                              (json_int_t)f->largest_component, "diameter",
                              (json_int_t)f->diameter, "communities",
                              (json_int_t)f->communities, "modularity",
                              export_json_number(f->modularity), "theme_modularity",
                              export_json_number(f->theme_modularity));
    json_t *root = json_pack("{s:s, s:I, s:I, s:b, s:s, s:I, s:f, s:o, s:o}", "scope",
                             graph_scope_name(m->g, scope, sizeof scope), "nodes",
                             (json_int_t)f->nodes, "edges", (json_int_t)f->edges, "weighted",
                             m->options.weighted, "method",
                             metrics_community_method_name(m->options.method), "seed",
                             (json_int_t)m->options.seed, "damping", m->options.damping,
                             "concepts", concepts, "graph", graph);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t r = 0; r < n_rows; r++) {
        size_t v = rows[r];
        json_t *jc = export_json_concept_row(o, row_concept(m, v));
        if (!jc || json_array_append_new(concepts, jc))
            goto fail;
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            json_t *x = export_json_measure((metrics_measure)k, metrics_value(m, v, k));
            if (!x || json_object_set_new(jc, metrics_measure_name((metrics_measure)k), x))
                goto fail;
        }
        if (ranks && json_object_set_new(jc, "rank", json_real(ranks[v])))
            goto fail;
    }
    *out = root;
    return CKG_OK;
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

int export_metrics_csv(const metrics_result *m, const size_t *rows, size_t n_rows,
                       const double *ranks, FILE *f)
{
    const ckg_ontology *o = m->g->o;
    fputs("rank,id,zh,en,theme", f);
    for (int k = 0; k < METRICS_N_MEASURES; k++)
        fprintf(f, ",%s", metrics_measure_name((metrics_measure)k));
    fputc('\n', f);
    for (size_t r = 0; r < n_rows; r++) {
        size_t v = rows[r];
        const ckg_concept *c = row_concept(m, v);
        if (ranks)
            csv_number(f, ranks[v], 0); /* "3" or "4.5", as diff and compare write them */
        fputc(',', f);
        csv_fields(f, 4, c->id.s, c->zh.s, c->en.s, export_theme_id(o, c));
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            fputc(',', f);
            csv_number(f, metrics_value(m, v, k), metrics_measure_is_integer(k));
        }
        fputc('\n', f);
    }
    return CKG_OK;
}
