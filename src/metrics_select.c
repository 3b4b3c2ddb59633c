/* metrics_select.c — the rows of a table of measures (ckg metrics): every vertex in the
 * order asked for, then those of one theme, then the first N. */
#include "ckg/metrics.h"
#include "ckg/status.h"

#include <stdlib.h>
#include <string.h>

typedef struct named {
    const char *id;
    size_t v;
} named;

static int compare_named(const void *pa, const void *pb)
{
    return strcmp(((const named *)pa)->id, ((const named *)pb)->id);
}

static const ckg_concept *concept_of(const metrics_result *m, size_t v)
{
    return &m->g->o->concepts[m->g->vertices[v].concept];
}

/* Every vertex, by concept id (ids are unique: no ties). */
static int order_by_id(const metrics_result *m, size_t *rows)
{
    named *by_name = malloc((m->n ? m->n : 1) * sizeof *by_name);
    if (!by_name)
        return CKG_ENOMEM;
    for (size_t v = 0; v < m->n; v++)
        by_name[v] = (named){concept_of(m, v)->id.s, v};
    qsort(by_name, m->n, sizeof *by_name, compare_named);
    for (size_t v = 0; v < m->n; v++)
        rows[v] = by_name[v].v;
    free(by_name);
    return CKG_OK;
}

int metrics_select(const metrics_result *m, const metrics_selection *sel, size_t **rows,
                   size_t *n)
{
    size_t *r = malloc((m->n ? m->n : 1) * sizeof *r), kept = 0;
    *rows = NULL;
    *n = 0;
    if (!r)
        return CKG_ENOMEM;
    int rc = sel->by_id ? order_by_id(m, r) : metrics_order(m, sel->sort, r);
    if (rc != CKG_OK) {
        free(r);
        return rc;
    }
    for (size_t i = 0; i < m->n; i++) {
        if (sel->theme < 0 || concept_of(m, r[i])->theme_index == sel->theme)
            r[kept++] = r[i];
    }
    if (sel->top && sel->top < kept)
        kept = sel->top;
    *rows = r;
    *n = kept;
    return CKG_OK;
}

metrics_measure metrics_rank_measure(const metrics_selection *sel)
{
    return sel->by_id || sel->sort == METRICS_COMMUNITY ? METRICS_PAGERANK : sel->sort;
}
