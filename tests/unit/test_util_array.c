/* test_util_array.c — array_grow and ARRAY_GROW (src/util/array.h): the capacity doubles,
 * room that exists costs nothing, and a request that overflows or cannot be met leaves the
 * array and its capacity as they were. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/status.h"
#include "util/array.h"
#include "util_alloc.h"

static void test_capacity_starts_at_eight_and_doubles(void **state)
{
    (void)state;
    int *a = NULL;
    size_t cap = 0;
    assert_int_equal(ARRAY_GROW(a, cap, 1), CKG_OK);
    assert_non_null(a);
    assert_int_equal(cap, 8);
    assert_int_equal(ARRAY_GROW(a, cap, 9), CKG_OK);
    assert_int_equal(cap, 16);
    assert_int_equal(ARRAY_GROW(a, cap, 100), CKG_OK);
    assert_int_equal(cap, 128);
    free(a);
}

static void test_appends_keep_every_element(void **state)
{
    (void)state;
    size_t *a = NULL, n = 0, cap = 0;
    for (size_t i = 0; i < 10000; i++) {
        assert_int_equal(ARRAY_GROW(a, cap, n + 1), CKG_OK);
        assert_true(cap >= n + 1);
        a[n++] = i;
    }
    for (size_t i = 0; i < n; i++)
        assert_int_equal(a[i], i);
    free(a);
}

static void test_room_that_exists_changes_nothing(void **state)
{
    (void)state;
    double *a = NULL;
    size_t cap = 0;
    assert_int_equal(ARRAY_GROW(a, cap, 5), CKG_OK);
    double *before = a;
    assert_int_equal(ARRAY_GROW(a, cap, 8), CKG_OK);
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 8);
    assert_int_equal(array_grow(&a, &cap, 0, sizeof *a), CKG_OK);
    assert_ptr_equal(a, before);
    free(a);
}

/* The struct-member form the library uses: list->items with list->cap. */
static void test_members_of_a_struct_grow(void **state)
{
    (void)state;
    struct {
        char **items;
        size_t n, cap;
    } l = {0};
    static const char *const words[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    for (size_t i = 0; i < 10; i++) {
        assert_int_equal(ARRAY_GROW(l.items, l.cap, l.n + 1), CKG_OK);
        l.items[l.n++] = (char *)words[i];
    }
    assert_int_equal(l.cap, 16);
    assert_string_equal(l.items[9], "j");
    free(l.items);
}

static void test_overflowing_sizes_fail_and_change_nothing(void **state)
{
    (void)state;
    uint64_t *a = NULL;
    size_t cap = 0;
    assert_int_equal(ARRAY_GROW(a, cap, 3), CKG_OK);
    a[2] = 42;
    uint64_t *before = a;
    assert_int_equal(ARRAY_GROW(a, cap, SIZE_MAX / sizeof *a + 1), CKG_ENOMEM);
    assert_int_equal(ARRAY_GROW(a, cap, SIZE_MAX), CKG_ENOMEM);
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 8);
    assert_int_equal(a[2], 42);
    assert_int_equal(array_grow(&a, &cap, 9, 0), CKG_ENOMEM); /* no element size */
    assert_ptr_equal(a, before);
    free(a);
}

static void test_an_allocation_that_fails_changes_nothing(void **state)
{
    (void)state;
    if (!IMPOSSIBLE_ALLOCATIONS_FAIL_QUIETLY)
        skip();
    char *a = NULL;
    size_t cap = 0;
    assert_int_equal(ARRAY_GROW(a, cap, 4), CKG_OK);
    memcpy(a, "abc", 4);
    char *before = a;
    assert_int_equal(ARRAY_GROW(a, cap, IMPOSSIBLE_BYTES), CKG_ENOMEM);
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 8);
    assert_string_equal(a, "abc");
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_capacity_starts_at_eight_and_doubles),
        cmocka_unit_test(test_appends_keep_every_element),
        cmocka_unit_test(test_room_that_exists_changes_nothing),
        cmocka_unit_test(test_members_of_a_struct_grow),
        cmocka_unit_test(test_overflowing_sizes_fail_and_change_nothing),
        cmocka_unit_test(test_an_allocation_that_fails_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
