/* strmap.h — an open-addressing hash map from borrowed strings to int32 values.
 *
 * Keys are not copied: they must outlive the map (the ontology's arena holds them). Used for
 * the id and name indexes, so lookups by id are O(1) at any ontology size. */
#ifndef CKG_STRMAP_H
#define CKG_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct strmap_slot {
    const char *key;
    uint64_t hash;
    int32_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap, n; /* cap is 0 or a power of two */
} strmap;

void strmap_init(strmap *m);
void strmap_free(strmap *m);

/* Inserts key -> value unless key is present. Returns CKG_OK and sets *existing to -1 on
 * insertion, or to the value already stored; CKG_ENOMEM when the table cannot grow. */
int strmap_put(strmap *m, const char *key, int32_t value, int32_t *existing);

/* Makes room for n entries in all, so that putting them allocates the table once instead
 * of doubling it on the way. CKG_OK, or CKG_ENOMEM (the map is unchanged). */
int strmap_reserve(strmap *m, size_t n);

/* The value stored for key, or -1. */
int32_t strmap_get(const strmap *m, const char *key);

#endif
