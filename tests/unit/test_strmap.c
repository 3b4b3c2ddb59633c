/* test_strmap.c — the string map (include/ckg/strmap.h): every key put is found with its
 * first value, a repeated key reports the value it has, and strmap_reserve makes room
 * beforehand without changing what the map holds (room it has costs nothing; a request it
 * cannot meet leaves the map as it was). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/status.h"
#include "ckg/strmap.h"
#include "util_alloc.h"

enum { N_KEYS = 3000 };

/* N_KEYS distinct keys of 1 to 60 bytes ("k0", "k1-k1", ...). */
static char **make_keys(void)
{
    char **keys = calloc(N_KEYS, sizeof *keys);
    assert_non_null(keys);
    for (int i = 0; i < N_KEYS; i++) {
        char buf[80];
        int n = snprintf(buf, sizeof buf, "k%d", i);
        for (int r = 0; r < i % 8 && n < 56; r++)
            n += snprintf(buf + n, sizeof buf - (size_t)n, "-k%d", i);
        keys[i] = strdup(buf);
        assert_non_null(keys[i]);
    }
    return keys;
}

static void free_keys(char **keys)
{
    for (int i = 0; i < N_KEYS; i++)
        free(keys[i]);
    free(keys);
}

/* Puts every key (values i), then every key again (values reported, not replaced), and
 * finds each with its first value and no other string. */
static void fill_and_check(strmap *m, char **keys)
{
    for (int i = 0; i < N_KEYS; i++) {
        int32_t existing = 0;
        assert_int_equal(strmap_put(m, keys[i], i, &existing), CKG_OK);
        assert_int_equal(existing, -1);
    }
    for (int i = 0; i < N_KEYS; i++) {
        int32_t existing = -1;
        assert_int_equal(strmap_put(m, keys[i], i + N_KEYS, &existing), CKG_OK);
        assert_int_equal(existing, i);
    }
    assert_int_equal(m->n, N_KEYS);
    for (int i = 0; i < N_KEYS; i++)
        assert_int_equal(strmap_get(m, keys[i]), i);
    assert_int_equal(strmap_get(m, "k"), -1);
    assert_int_equal(strmap_get(m, ""), -1);
    assert_int_equal(strmap_get(m, "k1-k"), -1);
}

static void test_keys_are_found_with_their_first_value(void **state)
{
    (void)state;
    char **keys = make_keys();
    strmap m;
    strmap_init(&m);
    assert_int_equal(strmap_get(&m, "k0"), -1);
    fill_and_check(&m, keys);
    strmap_free(&m);
    free_keys(keys);
}

static void test_reserve_makes_room_once_and_changes_nothing_held(void **state)
{
    (void)state;
    char **keys = make_keys();
    strmap m;
    strmap_init(&m);
    assert_int_equal(strmap_reserve(&m, N_KEYS), CKG_OK);
    size_t cap = m.cap;
    assert_true(cap * 7 >= (size_t)N_KEYS * 10);
    fill_and_check(&m, keys);
    assert_int_equal(m.cap, cap); /* no growth on the way */
    assert_int_equal(strmap_reserve(&m, 10), CKG_OK); /* room it has: nothing */
    assert_int_equal(m.cap, cap);
    assert_int_equal(strmap_reserve(&m, 4 * N_KEYS), CKG_OK); /* more: moved, all kept */
    assert_true(m.cap > cap);
    for (int i = 0; i < N_KEYS; i++)
        assert_int_equal(strmap_get(&m, keys[i]), i);
    strmap_free(&m);
    free_keys(keys);
}

static void test_reserve_that_cannot_be_met_leaves_the_map(void **state)
{
    (void)state;
    strmap m;
    strmap_init(&m);
    assert_int_equal(strmap_put(&m, "a", 1, NULL), CKG_OK);
    size_t cap = m.cap;
    assert_int_equal(strmap_reserve(&m, SIZE_MAX / 2), CKG_ENOMEM); /* overflows */
    if (IMPOSSIBLE_ALLOCATIONS_FAIL_QUIETLY)
        assert_int_equal(strmap_reserve(&m, IMPOSSIBLE_BYTES / 64), CKG_ENOMEM);
    assert_int_equal(m.cap, cap);
    assert_int_equal(strmap_get(&m, "a"), 1);
    strmap_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_are_found_with_their_first_value),
        cmocka_unit_test(test_reserve_makes_room_once_and_changes_nothing_held),
        cmocka_unit_test(test_reserve_that_cannot_be_met_leaves_the_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
