/* arena.c — bump allocation in chained blocks.
 *
 * Blocks grow geometrically from 64 KiB; a request larger than half a block gets a block of
 * its own so big scalars do not waste the rest of a shared block. Strings are packed
 * (alignment 1), everything else aligned for any type: an ontology is mostly short
 * strings, and rounding each up to 16 bytes cost an eighth of its memory. */
#include "ckg/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_MIN_BLOCK = 64 * 1024 };

static size_t align_up(size_t n)
{
    size_t a = alignof(max_align_t);
    return (n + a - 1) & ~(a - 1);
}

/* n bytes at the next multiple of align (a power of two, at most max_align_t's) */
static void *alloc_aligned(arena *a, size_t n, size_t align)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    arena_block *b = a->head;
    if (b) {
        size_t at = (b->used + align - 1) & ~(align - 1);
        if (at <= b->size && b->size - at >= n) {
            b->used = at + n;
            return b->data + at;
        }
    }
    size_t size = b ? b->size * 2 : ARENA_MIN_BLOCK;
    if (size > 16u * 1024 * 1024)
        size = 16u * 1024 * 1024;
    int dedicated = n > size / 2;
    if (dedicated)
        size = align_up(n);
    arena_block *nb = malloc(sizeof *nb + size);
    if (!nb)
        return NULL;
    nb->size = size;
    nb->used = n;
    if (b && dedicated && b->size - b->used > 0) {
        /* A dedicated block for a large request: keep the current block in front so
         * its free space is still used by the next small requests. */
        nb->next = b->next;
        b->next = nb;
    } else {
        nb->next = b;
        a->head = nb;
    }
    return nb->data;
}

void *arena_alloc(arena *a, size_t n)
{
    return alloc_aligned(a, n, alignof(max_align_t));
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = len < SIZE_MAX ? alloc_aligned(a, len + 1, 1) : NULL; /* text needs no alignment */
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void arena_reset(arena *a)
{
    arena_block *keep = NULL;
    for (arena_block *b = a->head; b; b = b->next) {
        if (!keep || b->size > keep->size)
            keep = b;
    }
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        if (b != keep)
            free(b);
        b = next;
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    a->head = keep;
}
