/* diag.c — the diagnostics list. */
#include "ckg/diag.h"
#include "ckg/status.h"
#include "util/array.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(diag_list *l)
{
    memset(l, 0, sizeof *l);
}

void diag_list_free(diag_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].file);
        free(l->items[i].message);
    }
    free(l->items);
    diag_list_init(l);
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (len < 0)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (s)
        vsnprintf(s, (size_t)len + 1, fmt, ap);
    return s;
}

int diag_add(diag_list *l, diag_severity sev, const ckg_loc *loc, const char *fmt, ...)
{
    int rc = CKG_ENOMEM;
    char *file = NULL, *message = NULL;

    if (ARRAY_GROW(l->items, l->cap, l->n + 1) != CKG_OK)
        goto out;
    va_list ap;
    va_start(ap, fmt);
    message = vformat(fmt, ap);
    va_end(ap);
    if (!message)
        goto out;
    if (loc && loc->file && !(file = strdup(loc->file)))
        goto out;

    l->items[l->n++] = (diag){
        .severity = sev,
        .file = file,
        .line = loc ? loc->line : 0,
        .col = loc ? loc->col : 0,
        .message = message,
    };
    file = message = NULL;
    rc = CKG_OK;
out:
    if (sev == DIAG_ERROR)
        l->n_errors++;
    else if (sev == DIAG_WARNING)
        l->n_warnings++;
    if (rc != CKG_OK)
        l->out_of_memory = 1;
    free(file);
    free(message);
    return rc;
}

int diag_list_take(diag_list *dst, diag_list *src)
{
    int rc = CKG_OK;
    if (src->n && ARRAY_GROW(dst->items, dst->cap, dst->n + src->n) != CKG_OK) {
        rc = CKG_ENOMEM;
        goto out;
    }
    if (src->n)
        memcpy(dst->items + dst->n, src->items, src->n * sizeof *src->items);
    dst->n += src->n;
    src->n = 0; /* the items moved; only the counts and the array are left to free */
out:
    dst->n_errors += src->n_errors;
    dst->n_warnings += src->n_warnings;
    if (rc != CKG_OK || src->out_of_memory)
        dst->out_of_memory = 1;
    diag_list_free(src);
    return rc;
}

static int compare_place(const diag *a, const diag *b)
{
    if (!a->file != !b->file)
        return a->file ? 1 : -1; /* diagnostics about no file first */
    if (a->file) {
        int c = strcmp(a->file, b->file);
        if (c)
            return c;
    }
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

void diag_list_sort(diag_list *l)
{
    /* Stable bottom-up merge sort; checks walk the files in order, so this mostly merges
     * runs that are already sorted. Without memory the list just stays in discovery order. */
    if (l->n < 2)
        return;
    diag *tmp = malloc(l->n * sizeof *tmp);
    if (!tmp)
        return;
    diag *src = l->items, *dst = tmp;
    for (size_t width = 1; width < l->n; width *= 2) {
        for (size_t lo = 0; lo < l->n; lo += 2 * width) {
            size_t mid = lo + width < l->n ? lo + width : l->n;
            size_t hi = lo + 2 * width < l->n ? lo + 2 * width : l->n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = compare_place(&src[j], &src[i]) < 0 ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        diag *swap = src;
        src = dst;
        dst = swap;
    }
    if (src != l->items)
        memcpy(l->items, src, l->n * sizeof *src);
    free(tmp);
}

const char *diag_severity_name(diag_severity sev)
{
    switch (sev) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    default: return "note";
    }
}
