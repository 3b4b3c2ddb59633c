/* arena.h — a bump allocator for data that lives as long as its owner.
 *
 * The ontology keeps every string and array it loads in one arena, so tearing it down is one
 * call and loading allocates in large blocks instead of one malloc per scalar. */
#ifndef CKG_ARENA_H
#define CKG_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;
} arena;

/* Memory for n bytes, aligned for any type; NULL when out of memory. */
void *arena_alloc(arena *a, size_t n);
/* Zeroed memory for count elements of size bytes; NULL on overflow or out of memory. */
void *arena_calloc(arena *a, size_t count, size_t size);
/* A NUL-terminated copy of the first len bytes of s. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
/* Releases every block; the arena is empty and reusable afterwards. */
void arena_free(arena *a);
/* Forgets everything allocated but keeps the largest block for what comes next: a scratch
 * arena used over and over (one tree per file) then costs no malloc and no fresh pages. */
void arena_reset(arena *a);

#endif
