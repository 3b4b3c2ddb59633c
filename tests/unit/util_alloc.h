/* util_alloc.h — for the unit tests of src/util: whether a request the allocator cannot
 * meet may be made. Under AddressSanitizer it may not (ASan reports an allocation larger than
 * it supports as an error instead of returning NULL), so those checks are skipped there; the
 * plain and valgrind runs make them. */
#ifndef CKG_TEST_UTIL_ALLOC_H
#define CKG_TEST_UTIL_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SANITIZE_ADDRESS__)
#define IMPOSSIBLE_ALLOCATIONS_FAIL_QUIETLY 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IMPOSSIBLE_ALLOCATIONS_FAIL_QUIETLY 0
#endif
#endif
#ifndef IMPOSSIBLE_ALLOCATIONS_FAIL_QUIETLY
#define IMPOSSIBLE_ALLOCATIONS_FAIL_QUIETLY 1
#endif

/* More bytes than any address space holds, yet small enough that the doublings of a growing
 * buffer stay below 2^63 (a size valgrind would call negative): malloc tries and fails. */
#define IMPOSSIBLE_BYTES ((size_t)1 << 61)

#endif
