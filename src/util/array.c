/* array.c — array_grow (array.h).
 *
 * The array's pointer is read and written through memcpy, so one function serves arrays of
 * every element type without accessing a T * through a void * lvalue (which C's aliasing
 * rules forbid); POSIX gives all object pointers one representation. */
#include "util/array.h"

#include "ckg/status.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { FIRST_CAPACITY = 8 };

int array_grow(void *items_ptr, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap)
        return CKG_OK;
    if (!elsize)
        return CKG_ENOMEM;
    size_t limit = SIZE_MAX / elsize, n = *cap ? *cap : FIRST_CAPACITY;
    if (need > limit)
        return CKG_ENOMEM;
    while (n < need)
        n = n > limit / 2 ? limit : 2 * n;
    void *items;
    memcpy(&items, items_ptr, sizeof items);
    void *p = realloc(items, n * elsize);
    if (!p)
        return CKG_ENOMEM;
    memcpy(items_ptr, &p, sizeof p);
    *cap = n;
    return CKG_OK;
}
