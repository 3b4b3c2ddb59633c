/* cmap_internal.h — what the two map readers (cxl.c, mapcsv.c) share: a map under
 * construction (cmap_build.c). */
#ifndef CKG_CMAP_INTERNAL_H
#define CKG_CMAP_INTERNAL_H

#include "ckg/cmap.h"

#include <stdint.h>

typedef struct cmap_builder {
    cmap *m;
    size_t cap;
} cmap_builder;

/* A new empty map named name, format "cxl" or "csv". CKG_OK or CKG_ENOMEM. */
int cmap_begin(cmap_builder *b, const char *name, const char *format);
/* Appends a proposition; the strings are copied. */
int cmap_add(cmap_builder *b, const char *from, const char *phrase, const char *to,
             uint32_t line, uint32_t col);
/* Frees a map that is not handed out. */
void cmap_abandon(cmap_builder *b);

#endif
