/* hash.h — a fast 64-bit hash of bytes, to tell whether bytes are the ones seen before.
 *
 * XXH64 (Yann Collet's xxHash, 64-bit variant), written here from its specification: several
 * bytes per cycle, and any change of the input changes the result but with a chance of 2^-64.
 * Not a cryptographic hash: it detects change and corruption, not forgery. The caches of
 * parsed ontologies (ontology_cache.c) and of quote lines (lines_cache.c) check their sources
 * and themselves with it. */
#ifndef CKG_UTIL_HASH_H
#define CKG_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

/* XXH64 of the len bytes at data with the given seed (XXH64(data, len, seed) of libxxhash). */
uint64_t hash64(const void *data, size_t len, uint64_t seed);

/* The same hash of bytes given piece by piece: hash64_init, hash64_update for each piece in
 * order, then hash64_digest equals hash64 of the pieces joined, however they are split. A
 * file is hashed through a small buffer this way, without holding it whole in memory. */
typedef struct hash64_state {
    uint64_t v[4], seed, total;
    unsigned char buf[32];
    size_t held; /* bytes of buf that wait for the rest of their stripe */
} hash64_state;

void hash64_init(hash64_state *st, uint64_t seed);
void hash64_update(hash64_state *st, const void *data, size_t len);
uint64_t hash64_digest(const hash64_state *st);

#endif
