/* arena.c — bump allocation in chained blocks.
 *
 * Blocks grow geometrically from 64 KiB; a request larger than half a block gets a block of
 * its own so big scalars do not waste the rest of a shared block. Strings are packed
 * (alignment 1), everything else aligned for any type: an ontology is mostly short
 * strings, and rounding each up to 16 bytes cost an eighth of its memory.
 *
 * A block of 2 MiB or more is mapped on its own, aligned to 2 MiB and advised
 * MADV_HUGEPAGE where the system has transparent huge pages: a large ontology fills tens of
 * such blocks, and a fresh 4 KiB page costs a fault of its own (about 12 us on the build
 * machine), a huge page one fault for 512 of them. */
#include "ckg/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

struct arena_block {
    arena_block *next;
    size_t used, size;
    size_t mapped; /* bytes mapped for it (block_new), 0 when malloc'd */
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_MIN_BLOCK = 64 * 1024 };

#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
#define HUGE_PAGE ((size_t)2 << 20)

/* A block of total bytes (header included), mapped and 2 MiB-aligned; NULL when it cannot
 * be mapped. */
static arena_block *block_map(size_t total)
{
    size_t len = (total + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    if (len < total || len > SIZE_MAX - HUGE_PAGE)
        return NULL;
    char *p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    char *start = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (start > p)
        munmap(p, (size_t)(start - p));
    if (start + len < p + len + HUGE_PAGE)
        munmap(start + len, (size_t)(p + len + HUGE_PAGE - (start + len)));
    madvise(start, len, MADV_HUGEPAGE); /* a hint: without it, 4 KiB pages */
    arena_block *b = (arena_block *)(void *)start;
    b->mapped = len;
    return b;
}
#endif

/* A block with room for size bytes. */
static arena_block *block_new(size_t size)
{
    size_t total = sizeof(arena_block) + size;
    if (total < size)
        return NULL;
#ifdef HUGE_PAGE
    if (total >= HUGE_PAGE) {
        arena_block *b = block_map(total);
        if (b)
            return b;
    }
#endif
    arena_block *b = malloc(total);
    if (b)
        b->mapped = 0;
    return b;
}

static void block_free(arena_block *b)
{
#ifdef HUGE_PAGE
    if (b->mapped) {
        munmap(b, b->mapped);
        return;
    }
#endif
    free(b);
}

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
    arena_block *nb = block_new(size);
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
        block_free(b);
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
            block_free(b);
        b = next;
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    a->head = keep;
}
