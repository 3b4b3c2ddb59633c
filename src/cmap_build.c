/* cmap_build.c — a student's map under construction, as the two readers (cxl.c, mapcsv.c)
 * build it, and its release: the map's strings are copied into its arena, its propositions
 * grow with array_grow. Depends on nothing of the map's own but cmap.h, so the readers use it
 * and cmap.c uses the readers, one way. */
#include "cmap_internal.h"
#include "ckg/status.h"
#include "util/array.h"

#include <stdlib.h>

int cmap_begin(cmap_builder *b, const char *name, const char *format)
{
    b->cap = 0;
    if (!(b->m = calloc(1, sizeof *b->m)))
        return CKG_ENOMEM;
    b->m->format = format;
    if (!(b->m->file = arena_strdup(&b->m->mem, name))) {
        cmap_abandon(b);
        return CKG_ENOMEM;
    }
    return CKG_OK;
}

int cmap_add(cmap_builder *b, const char *from, const char *phrase, const char *to,
             uint32_t line, uint32_t col)
{
    cmap *m = b->m;
    if (ARRAY_GROW(m->props, b->cap, m->n + 1) != CKG_OK)
        return CKG_ENOMEM;
    cmap_prop *p = &m->props[m->n];
    if (!(p->from = arena_strdup(&m->mem, from)) ||
        !(p->phrase = arena_strdup(&m->mem, phrase ? phrase : "")) ||
        !(p->to = arena_strdup(&m->mem, to)))
        return CKG_ENOMEM;
    p->loc = (ckg_loc){m->file, line, col};
    m->n++;
    return CKG_OK;
}

void cmap_abandon(cmap_builder *b)
{
    cmap_free(b->m);
    b->m = NULL;
}

void cmap_free(cmap *m)
{
    if (!m)
        return;
    free(m->props);
    free(m->isolated);
    arena_free(&m->mem);
    free(m);
}
