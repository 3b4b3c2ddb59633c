/* export_values.c — the JSON values the documents of export_*.c share (export_internal.h). */
#include "export_internal.h"

#include <math.h>

json_t *export_json_number(double x)
{
    return isnan(x) ? json_null() : json_real(x);
}

json_t *export_json_measure(metrics_measure k, double x)
{
    if (isnan(x))
        return json_null();
    if (metrics_measure_is_integer(k))
        return json_integer((json_int_t)x);
    return json_real(x);
}

const char *export_theme_id(const ckg_ontology *o, const ckg_concept *c)
{
    return c->theme_index >= 0 ? o->themes[c->theme_index].id.s : "";
}

json_t *export_json_concept_row(const ckg_ontology *o, const ckg_concept *c)
{
    return json_pack("{s:s, s:s?, s:s?, s:s}", "id", c->id.s, "zh", c->zh.s, "en", c->en.s,
                     "theme", export_theme_id(o, c));
}

json_t *export_json_concept(const ckg_ontology *o, int32_t concept)
{
    const ckg_concept *c = &o->concepts[concept];
    return json_pack("{s:s, s:s, s:s, s:s?}", "id", c->id.s, "zh", c->zh.s, "en", c->en.s,
                     "theme", c->theme.s);
}

json_t *export_json_paper_ids(const ckg_ontology *o, const int32_t *papers, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        if (json_array_append_new(a, json_string(o->papers[papers[i]].id.s))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

json_t *export_json_strings(const ckg_strs *l)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n; i++) {
        if (l->items[i].s && json_array_append_new(a, json_string(l->items[i].s))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}
