/* strmap.c — linear probing with stored hashes, grown at 70% load. */
#include "ckg/strmap.h"
#include "ckg/status.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

/* XXH64 of the key's bytes: eight at a time, where FNV-1a took a multiply per byte (keys
 * are ids, folded names and "from kind to" triples of 10 to 60 bytes). Nothing depends on
 * the order of the slots, only on which key is in which. */
static uint64_t hash_string(const char *s)
{
    return hash64(s, strlen(s), 0);
}

void strmap_init(strmap *m)
{
    memset(m, 0, sizeof *m);
}

void strmap_free(strmap *m)
{
    free(m->slots);
    strmap_init(m);
}

static strmap_slot *find_slot(strmap_slot *slots, size_t cap, const char *key, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (slots[i].key && !(slots[i].hash == h && strcmp(slots[i].key, key) == 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

/* Moves the entries into a table of cap slots (a power of two, above the entries). */
static int resize(strmap *m, size_t cap)
{
    strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return CKG_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key)
            *find_slot(slots, cap, m->slots[i].key, m->slots[i].hash) = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return CKG_OK;
}

static int grow(strmap *m)
{
    return resize(m, m->cap ? m->cap * 2 : 64);
}

int strmap_reserve(strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    if (n > SIZE_MAX / 10)
        return CKG_ENOMEM;
    while (n * 10 > cap * 7) {
        if (cap > SIZE_MAX / 20)
            return CKG_ENOMEM;
        cap *= 2;
    }
    return cap > m->cap ? resize(m, cap) : CKG_OK;
}

int strmap_put(strmap *m, const char *key, int32_t value, int32_t *existing)
{
    if ((m->n + 1) * 10 > m->cap * 7) {
        int rc = grow(m);
        if (rc != CKG_OK)
            return rc;
    }
    uint64_t h = hash_string(key);
    strmap_slot *s = find_slot(m->slots, m->cap, key, h);
    if (s->key) {
        if (existing)
            *existing = s->value;
        return CKG_OK;
    }
    *s = (strmap_slot){.key = key, .hash = h, .value = value};
    m->n++;
    if (existing)
        *existing = -1;
    return CKG_OK;
}

int32_t strmap_get(const strmap *m, const char *key)
{
    if (!m->cap)
        return -1;
    const strmap_slot *s = find_slot(m->slots, m->cap, key, hash_string(key));
    return s->key ? s->value : -1;
}
