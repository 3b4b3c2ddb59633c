/* test_util_strbuf.c — the growable string (src/util/strbuf.h): appends of every kind, long
 * printf output, reset, take, and the out-of-memory flag that makes a failed append sticky. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util_alloc.h"

static void test_appends_build_one_string(void **state)
{
    (void)state;
    strbuf b = {0};
    assert_string_equal(strbuf_str(&b), ""); /* before the first append */
    strbuf_puts(&b, "新质");
    strbuf_add(&b, "生产力xyz", 9); /* not NUL-terminated at len */
    strbuf_putc(&b, ';');
    strbuf_printf(&b, "%d-%s", 42, "x");
    assert_string_equal(strbuf_str(&b), "新质生产力;42-x");
    assert_int_equal(b.len, strlen("新质生产力;42-x"));
    assert_false(b.oom);
    strbuf_free(&b);
    assert_null(b.s);
    assert_int_equal(b.len, 0);
}

/* printf output longer than the small stack buffer is formatted straight into the string. */
static void test_long_printf_output_is_whole(void **state)
{
    (void)state;
    strbuf b = {0};
    char word[1001];
    memset(word, 'w', 1000);
    word[1000] = '\0';
    strbuf_puts(&b, "<");
    strbuf_printf(&b, "%s|%s", word, word);
    strbuf_puts(&b, ">");
    assert_int_equal(b.len, 2003);
    assert_int_equal(b.s[0], '<');
    assert_int_equal(b.s[1001], '|');
    assert_int_equal(b.s[2002], '>');
    assert_int_equal(b.s[2003], '\0');
    strbuf_free(&b);
}

static void test_reset_empties_and_keeps_the_memory(void **state)
{
    (void)state;
    strbuf b = {0};
    strbuf_puts(&b, "some text");
    char *mem = b.s;
    size_t cap = b.cap;
    strbuf_reset(&b);
    assert_string_equal(strbuf_str(&b), "");
    assert_ptr_equal(b.s, mem);
    assert_int_equal(b.cap, cap);
    strbuf_puts(&b, "more");
    assert_string_equal(strbuf_str(&b), "more");
    strbuf_free(&b);
    strbuf_reset(&b); /* an empty buffer: nothing to do */
    assert_null(b.s);
}

static void test_take_hands_over_the_string(void **state)
{
    (void)state;
    strbuf b = {0};
    size_t len = 0;
    strbuf_puts(&b, "taken");
    char *s = strbuf_take(&b, &len);
    assert_string_equal(s, "taken");
    assert_int_equal(len, 5);
    assert_null(b.s);
    assert_int_equal(b.len, 0);
    free(s);
    s = strbuf_take(&b, NULL); /* nothing appended: an empty string all the same */
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
}

/* A length that cannot be added sets oom; every later append is ignored; the text stays. */
static void test_failed_append_is_sticky(void **state)
{
    (void)state;
    strbuf b = {0};
    strbuf_puts(&b, "kept");
    strbuf_add(&b, "x", SIZE_MAX - 2);
    assert_true(b.oom);
    assert_null(strbuf_str(&b));
    strbuf_puts(&b, "ignored");
    strbuf_putc(&b, 'c');
    strbuf_printf(&b, "%s", "ignored");
    assert_int_equal(b.len, 4);
    assert_memory_equal(b.s, "kept", 5);
    strbuf_reset(&b);
    assert_true(b.oom); /* reset empties, the failure stays known */
    strbuf_free(&b);
    assert_false(b.oom);
}

static void test_take_after_a_failure_gives_null_and_frees(void **state)
{
    (void)state;
    strbuf b = {0};
    size_t len = 99;
    strbuf_puts(&b, "lost");
    strbuf_add(&b, "x", SIZE_MAX);
    assert_null(strbuf_take(&b, &len));
    assert_int_equal(len, 99);
    assert_null(b.s);
    assert_false(b.oom);
}

static void test_an_allocation_that_fails_sets_oom(void **state)
{
    (void)state;
    if (!IMPOSSIBLE_ALLOCATIONS_FAIL_QUIETLY)
        skip();
    strbuf b = {0};
    strbuf_puts(&b, "abc");
    strbuf_add(&b, "never read", IMPOSSIBLE_BYTES); /* fails before reading a byte */
    assert_true(b.oom);
    assert_int_equal(b.len, 3);
    assert_string_equal(b.s, "abc");
    strbuf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_build_one_string),
        cmocka_unit_test(test_long_printf_output_is_whole),
        cmocka_unit_test(test_reset_empties_and_keeps_the_memory),
        cmocka_unit_test(test_take_hands_over_the_string),
        cmocka_unit_test(test_failed_append_is_sticky),
        cmocka_unit_test(test_take_after_a_failure_gives_null_and_frees),
        cmocka_unit_test(test_an_allocation_that_fails_sets_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
