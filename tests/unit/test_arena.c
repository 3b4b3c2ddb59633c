/* test_arena.c — the bump allocator: alignment, large requests, reset for reuse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdalign.h>
#include <string.h>

#include "ckg/arena.h"

static void test_allocations_are_aligned_and_distinct(void **state)
{
    (void)state;
    arena a = {0};
    char *p = arena_alloc(&a, 1), *q = arena_alloc(&a, 3);
    assert_non_null(p);
    assert_non_null(q);
    assert_ptr_not_equal(p, q);
    assert_int_equal((uintptr_t)q % alignof(max_align_t), 0);
    assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
    arena_free(&a);
    assert_null(a.head);
}

static void test_reset_reuses_the_current_block(void **state)
{
    (void)state;
    arena a = {0};
    /* fill past the first block so there are several */
    void *last = NULL;
    for (int i = 0; i < 100; i++)
        last = arena_alloc(&a, 4096);
    assert_non_null(last);
    void *big = arena_alloc(&a, 8u * 1024 * 1024); /* a block of its own */
    assert_non_null(big);
    arena_reset(&a);
    void *again = arena_alloc(&a, 16);
    assert_non_null(again);
    /* the first allocation after a reset is at the start of the kept block */
    void *second = arena_alloc(&a, 16);
    assert_true((char *)second > (char *)again);
    memset(again, 1, 16);
    arena_reset(&a);
    assert_ptr_equal(arena_alloc(&a, 16), again);
    arena_free(&a);
}

static void test_reset_of_an_empty_arena_does_nothing(void **state)
{
    (void)state;
    arena a = {0};
    arena_reset(&a);
    assert_null(a.head);
    assert_non_null(arena_alloc(&a, 10));
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allocations_are_aligned_and_distinct),
        cmocka_unit_test(test_reset_reuses_the_current_block),
        cmocka_unit_test(test_reset_of_an_empty_arena_does_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
