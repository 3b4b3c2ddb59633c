/* arena.c — bump allocation in chained blocks.
 *
 * Blocks grow geometrically from 64 KiB; a request larger than half a block gets a block of
 * its own so big scalars do not waste the rest of a shared block. */
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

void *arena_alloc(arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    n = align_up(n);
    arena_block *b = a->head;
    if (b && b->size - b->used >= n) {
        void *p = b->data + b->used;
        b->used += n;
        return p;
    }
    size_t size = b ? b->size * 2 : ARENA_MIN_BLOCK;
    if (size > 16u * 1024 * 1024)
        size = 16u * 1024 * 1024;
    if (n > size / 2)
        size = n;
    arena_block *nb = malloc(sizeof *nb + size);
    if (!nb)
        return NULL;
    nb->size = size;
    nb->used = n;
    if (b && size == n && b->size - b->used > 0) {
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
    char *p = arena_alloc(a, len + 1);
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
    arena_block *keep = a->head;
    if (!keep)
        return;
    arena_block *b = keep->next;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    keep->next = NULL;
    keep->used = 0;
}
