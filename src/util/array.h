/* array.h — growing a heap array, the one way the library does it.
 *
 *     size_t n = 0, cap = 0;
 *     item *items = NULL;
 *     ...
 *     if (ARRAY_GROW(items, cap, n + 1) != CKG_OK)
 *         goto out;                       (items and cap are as they were)
 *     items[n++] = x;
 *
 * The capacity doubles (from 8), so n appends cost O(n); a capacity whose size in bytes
 * would overflow size_t fails like an allocation that fails. */
#ifndef CKG_UTIL_ARRAY_H
#define CKG_UTIL_ARRAY_H

#include <stddef.h>

/* items_ptr is the address of the array's pointer (a T **, passed as void *). Makes room
 * for at least need elements of elsize bytes: when *cap is smaller, reallocates to the
 * first doubling of *cap (or 8) that holds need, and updates the pointer and *cap.
 * Returns CKG_OK, or CKG_ENOMEM with the array and *cap unchanged. */
int array_grow(void *items_ptr, size_t *cap, size_t need, size_t elsize);

/* array_grow for an array variable and its capacity variable; need is evaluated twice. */
#define ARRAY_GROW(items, cap, need)                                                        \
    ((size_t)(need) <= (cap) ? 0 : array_grow(&(items), &(cap), (need), sizeof *(items)))

#endif
