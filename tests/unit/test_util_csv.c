/* test_util_csv.c — the one CSV rule (src/util/csv.h): RFC 4180 minimal quoting, quotes
 * doubled, numbers at full precision, missing values empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/csv.h"

/* What csv_field writes for s. */
static char *field(const char *s)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    csv_field(f, s);
    fclose(f);
    return out;
}

static char *number(double x, int integer)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    csv_number(f, x, integer);
    fclose(f);
    return out;
}

static void expect_field(const char *in, const char *want)
{
    char *got = field(in);
    assert_string_equal(got, want);
    free(got);
}

static void expect_number(double x, int integer, const char *want)
{
    char *got = number(x, integer);
    assert_string_equal(got, want);
    free(got);
}

static void test_plain_fields_are_written_as_they_are(void **state)
{
    (void)state;
    expect_field("data-factor", "data-factor");
    expect_field("数据要素 乘数", "数据要素 乘数");
    expect_field("alpha;beta", "alpha;beta");
    expect_field(" spaces kept ", " spaces kept ");
    expect_field("", "");
    expect_field(NULL, "");
}

static void test_commas_quotes_and_line_breaks_are_quoted(void **state)
{
    (void)state;
    expect_field("a,b", "\"a,b\"");
    expect_field("say \"hi\"", "\"say \"\"hi\"\"\"");
    expect_field("\"", "\"\"\"\"");
    expect_field("line\nbreak", "\"line\nbreak\"");
    expect_field("cr\rhere", "\"cr\rhere\"");
}

static void test_numbers_are_full_precision_and_nan_is_empty(void **state)
{
    (void)state;
    expect_number(0.1, 0, "0.10000000000000001");
    expect_number(0.6, 0, "0.59999999999999998");
    expect_number(3.0, 0, "3");
    expect_number(-2.5, 0, "-2.5");
    expect_number(7.0, 1, "7");
    expect_number(NAN, 0, "");
    expect_number(NAN, 1, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_fields_are_written_as_they_are),
        cmocka_unit_test(test_commas_quotes_and_line_breaks_are_quoted),
        cmocka_unit_test(test_numbers_are_full_precision_and_nan_is_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
