/* hash.h — a fast 64-bit hash of bytes, to tell whether bytes are the ones seen before.
 *
 * XXH64 (Yann Collet's xxHash, 64-bit variant), written here from its specification: several
 * bytes per cycle, and any change of the input changes the result but with a chance of 2^-64.
 * Not a cryptographic hash: it detects change and corruption, not forgery. The cache of
 * parsed ontologies (ontology_cache.c) checks its sources and itself with it. */
#ifndef CKG_UTIL_HASH_H
#define CKG_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

/* XXH64 of the len bytes at data with the given seed (XXH64(data, len, seed) of libxxhash). */
uint64_t hash64(const void *data, size_t len, uint64_t seed);

#endif
