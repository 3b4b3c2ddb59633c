/* test_arena.c — the bump allocator: alignment, packed strings, large requests, reset for
 * reuse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdalign.h>
#include <stdio.h>
#include <string.h>

#include "ckg/arena.h"

static int aligned(const void *p)
{
    return (uintptr_t)p % alignof(max_align_t) == 0;
}

static void test_allocations_after_strings_are_aligned(void **state)
{
    (void)state;
    arena a = {0};
    char *s = arena_strdup(&a, "abc");
    void *p = arena_alloc(&a, 24);
    char *t = arena_strndup(&a, "xyzw", 2);
    double *q = arena_calloc(&a, 3, sizeof *q);
    assert_string_equal(s, "abc");
    assert_string_equal(t, "xy");
    assert_true(aligned(p));
    assert_true(aligned(q));
    assert_true(q[0] == 0.0 && q[2] == 0.0);
    arena_free(&a);
}

static void test_strings_are_packed(void **state)
{
    (void)state;
    arena a = {0};
    char *s = arena_strdup(&a, "ab");
    char *t = arena_strdup(&a, "cd");
    assert_ptr_equal(t, s + 3); /* no padding between strings */
    arena_free(&a);
}

static void test_large_request_gets_its_own_block_and_small_ones_continue(void **state)
{
    (void)state;
    arena a = {0};
    char *s = arena_strdup(&a, "small");
    char *big = arena_alloc(&a, 1u << 20);
    assert_non_null(big);
    memset(big, 'x', 1u << 20);
    char *t = arena_strdup(&a, "next");
    assert_ptr_equal(t, s + 6); /* the shared block is still used */
    arena_free(&a);
}

static void test_reset_forgets_contents_and_reuses_memory(void **state)
{
    (void)state;
    arena a = {0};
    for (int i = 0; i < 1000; i++)
        assert_non_null(arena_alloc(&a, 1000));
    arena_reset(&a);
    assert_non_null(a.head);
    char *s = arena_strdup(&a, "again");
    assert_string_equal(s, "again");
    arena_reset(&a);
    arena_reset(&a);
    arena_free(&a);
    assert_null(a.head);
    arena_reset(&a); /* an empty arena */
    assert_null(a.head);
}

static void test_overflowing_requests_fail(void **state)
{
    (void)state;
    arena a = {0};
    assert_null(arena_alloc(&a, SIZE_MAX));
    assert_null(arena_calloc(&a, SIZE_MAX / 2, 4));
    arena_free(&a);
}

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

/* Blocks of 2 MiB and more are mapped on their own (arena.c): they hold what was written,
 * big and small requests mix in them, the growing blocks reach that size, and reset keeps
 * the largest one in use. */
static void test_blocks_of_megabytes_hold_their_contents(void **state)
{
    (void)state;
    arena a = {0};
    enum { BIG = 5 << 20 };
    unsigned char *big = arena_alloc(&a, BIG);
    assert_non_null(big);
    assert_true(aligned(big));
    for (size_t i = 0; i < BIG; i += 4096)
        big[i] = (unsigned char)(i >> 12);
    char *strs[4096];
    for (int i = 0; i < 4096; i++) { /* 64 KiB, then 128, ... past 2 MiB in all */
        char text[32];
        int n = snprintf(text, sizeof text, "string %d", i);
        strs[i] = arena_strndup(&a, text, (size_t)n);
        assert_non_null(strs[i]);
        assert_non_null(arena_alloc(&a, 1000));
    }
    for (int i = 0; i < 4096; i++) {
        char text[32];
        snprintf(text, sizeof text, "string %d", i);
        assert_string_equal(strs[i], text);
    }
    for (size_t i = 0; i < BIG; i += 4096)
        assert_int_equal(big[i], (unsigned char)(i >> 12));
    arena_reset(&a);
    unsigned char *again = arena_alloc(&a, BIG);
    assert_non_null(again);
    memset(again, 0xAB, BIG);
    assert_int_equal(again[BIG - 1], 0xAB);
    arena_free(&a);
    assert_null(a.head);
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
        cmocka_unit_test(test_allocations_after_strings_are_aligned),
        cmocka_unit_test(test_strings_are_packed),
        cmocka_unit_test(test_large_request_gets_its_own_block_and_small_ones_continue),
        cmocka_unit_test(test_reset_forgets_contents_and_reuses_memory),
        cmocka_unit_test(test_overflowing_requests_fail),
        cmocka_unit_test(test_allocations_are_aligned_and_distinct),
        cmocka_unit_test(test_reset_reuses_the_current_block),
        cmocka_unit_test(test_reset_of_an_empty_arena_does_nothing),
        cmocka_unit_test(test_blocks_of_megabytes_hold_their_contents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
