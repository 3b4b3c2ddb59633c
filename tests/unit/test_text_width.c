/* test_text_width.c — display width and table cells, text made safe for a terminal, edit
 * distance, UTF-8 helpers and status strings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>

static size_t width(const char *s)
{
    return text_width(s, strlen(s));
}

static char *fit(const char *s, size_t cols, text_align align, const char *ellipsis)
{
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(text_fit(s, strlen(s), cols, align, ellipsis, &out, &len), TEXT_OK);
    assert_int_equal(strlen(out), len);
    assert_int_equal(width(out), cols);
    return out;
}

/* ---------------------------------------------------------------- width */

static void test_width_counts_cjk_and_fullwidth_as_two_columns(void **state)
{
    (void)state;
    assert_int_equal(width(""), 0);
    assert_int_equal(width("TFP"), 3);
    assert_int_equal(width("新质生产力"), 10);
    assert_int_equal(width("数据要素 data factor"), 20);
    assert_int_equal(width("ＴＦＰ"), 6);
    assert_int_equal(width("，。"), 4);
}

static void test_width_counts_combining_marks_as_zero(void **state)
{
    (void)state;
    assert_int_equal(width("e\xCC\x81"), 1);    /* e + combining acute */
    assert_int_equal(width("a\x01" "b"), 2);    /* a control character */
    assert_int_equal(width("a\xFF" "b"), 3);    /* an invalid byte shows as one glyph */
}

static void test_next_char_width_steps_through_a_string(void **state)
{
    (void)state;
    const char *s = "新a\xCC\x81";
    size_t w;
    const char *p = text_next_char_width(s, &w);
    assert_int_equal(w, 2);
    assert_ptr_equal(p, s + 3);
    p = text_next_char_width(p, &w);
    assert_int_equal(w, 1);
    p = text_next_char_width(p, &w);
    assert_int_equal(w, 0);
    assert_ptr_equal(p, s + strlen(s));
    assert_ptr_equal(text_next_char_width(p, &w), p);
    assert_int_equal(w, 0);
}

static void test_width_prefix_never_splits_a_wide_character(void **state)
{
    (void)state;
    const char *s = "新质ab";
    size_t cols;
    assert_int_equal(text_width_prefix(s, strlen(s), 3, &cols), 3);
    assert_int_equal(cols, 2);
    assert_int_equal(text_width_prefix(s, strlen(s), 5, &cols), 7);
    assert_int_equal(cols, 5);
    const char *c = "ae\xCC\x81z"; /* the combining mark stays with its e */
    assert_int_equal(text_width_prefix(c, strlen(c), 2, &cols), 4);
    assert_int_equal(cols, 2);
}

static void test_fit_pads_to_the_requested_alignment(void **state)
{
    (void)state;
    char *s = fit("数据", 8, TEXT_ALIGN_LEFT, NULL);
    assert_string_equal(s, "数据    ");
    free(s);
    s = fit("数据", 8, TEXT_ALIGN_RIGHT, NULL);
    assert_string_equal(s, "    数据");
    free(s);
    s = fit("数据", 7, TEXT_ALIGN_CENTER, NULL);
    assert_string_equal(s, " 数据  ");
    free(s);
    s = fit("数据", 4, TEXT_ALIGN_LEFT, "…");
    assert_string_equal(s, "数据");
    free(s);
}

static void test_fit_cuts_with_ellipsis_to_the_exact_width(void **state)
{
    (void)state;
    char *s = fit("新质生产力", 7, TEXT_ALIGN_LEFT, "…");
    assert_string_equal(s, "新质生…");
    free(s);
    s = fit("新质生产力", 6, TEXT_ALIGN_RIGHT, "…"); /* 5 columns left: 2 characters and a gap */
    assert_string_equal(s, "新质… ");
    free(s);
    s = fit("新质生产力", 5, TEXT_ALIGN_LEFT, NULL);
    assert_string_equal(s, "新质 ");
    free(s);
    s = fit("abc", 0, TEXT_ALIGN_LEFT, "…");
    assert_string_equal(s, "");
    free(s);
}

/* ---------------------------------------------------------------- edit distance */

static void test_edit_distance_counts_code_points(void **state)
{
    (void)state;
    assert_int_equal(text_edit_distance("kitten", "sitting", SIZE_MAX), 3);
    assert_int_equal(text_edit_distance("数据要素", "数据要数", SIZE_MAX), 1);
    assert_int_equal(text_edit_distance("数据要素", "数据生产要素", SIZE_MAX), 2);
    assert_int_equal(text_edit_distance("digtal-economy", "digital-economy", SIZE_MAX), 1);
    assert_int_equal(text_edit_distance("新质生产力", "新质生产力", SIZE_MAX), 0);
}

static void test_edit_distance_of_empty_strings(void **state)
{
    (void)state;
    assert_int_equal(text_edit_distance("", "", SIZE_MAX), 0);
    assert_int_equal(text_edit_distance("", "数据", SIZE_MAX), 2);
    assert_int_equal(text_edit_distance("abc", "", SIZE_MAX), 3);
}

static void test_edit_distance_cutoff_reports_max_plus_one(void **state)
{
    (void)state;
    assert_int_equal(text_edit_distance("kitten", "sitting", 2), 3);
    assert_int_equal(text_edit_distance("kitten", "sitting", 1), 2);
    assert_int_equal(text_edit_distance("kitten", "sitting", 3), 3);
    assert_int_equal(text_edit_distance("a", "abcdefgh", 2), 3); /* length gap alone */
    assert_int_equal(text_edit_distance("abcdef", "uvwxyz", 0), 1);
    assert_int_equal(text_edit_distance("same", "same", 0), 0);
}

/* The banded computation must agree with the full one wherever it answers. */
static void test_edit_distance_cutoff_agrees_with_full_computation(void **state)
{
    (void)state;
    static const char *const words[] = {"数据要素", "数据生产要素", "新质生产力", "新质生产", "tfp",
                                        "TFP", "全要素生产率", "要素", "", "生产力要素数据"};
    const size_t n = sizeof words / sizeof words[0];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            size_t full = text_edit_distance(words[i], words[j], SIZE_MAX);
            assert_int_equal(full, text_edit_distance(words[j], words[i], SIZE_MAX));
            for (size_t max = 0; max < 8; max++) {
                size_t d = text_edit_distance(words[i], words[j], max);
                assert_int_equal(d, full <= max ? full : max + 1);
            }
        }
    }
}

static void test_edit_distance_of_long_strings(void **state)
{
    (void)state;
    char a[400], b[400];
    for (int i = 0; i < 100; i++) {
        memcpy(a + 3 * i, "新", 3);
        memcpy(b + 3 * i, i % 10 == 0 ? "质" : "新", 3);
    }
    a[300] = b[300] = '\0';
    assert_int_equal(text_edit_distance(a, b, SIZE_MAX), 10);
    assert_int_equal(text_edit_distance(a, b, 4), 5);
}

/* ---------------------------------------------------------------- UTF-8 */

static void test_utf8_check_rejects_malformed_sequences(void **state)
{
    (void)state;
    struct { const char *s; size_t len, bad; } cases[] = {
        {"ab\x80", 3, 2},              /* stray continuation byte */
        {"a\xC0\xAF", 3, 1},           /* overlong '/' */
        {"\xE0\x80\xAF", 3, 0},        /* overlong, 3 bytes */
        {"xx\xED\xA0\x80", 5, 2},      /* surrogate U+D800 */
        {"\xF4\x90\x80\x80", 4, 0},    /* past U+10FFFF */
        {"新质\xE7\x94", 8, 6},        /* truncated at the end */
        {"新\xE7" "a", 5, 3},          /* truncated before ASCII */
        {"aaaaaaaaaaaaaaaa\xFF", 17, 16},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t bad = 99;
        assert_int_equal(text_utf8_check(cases[i].s, cases[i].len, &bad), TEXT_EUTF8);
        assert_int_equal(bad, cases[i].bad);
    }
    const char *ok = "ASCII, 新质生产力, \xF0\x9F\x98\x80, \xF4\x80\x86\xB0, \xEF\xBF\xBF";
    assert_int_equal(text_utf8_check(ok, strlen(ok), NULL), TEXT_OK);
    assert_int_equal(text_utf8_check("", 0, NULL), TEXT_OK);
}

static void test_utf8_decode_and_encode_round_trip(void **state)
{
    (void)state;
    const uint32_t cps[] = {0, 'A', 0x7F, 0x80, 0x7FF, 0x800, 0x4E00, 0xFFFD, 0x10000, 0x1001B0, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        uint32_t back = 1;
        size_t n = text_utf8_encode(cps[i], buf);
        assert_true(n >= 1 && n <= 4);
        assert_int_equal(text_utf8_decode(buf, n, &back), n);
        assert_int_equal(back, cps[i]);
        assert_int_equal(text_utf8_decode(buf, n - 1, &back), n == 1 ? 0 : 0);
    }
    char buf[4];
    assert_int_equal(text_utf8_encode(0xD800, buf), 0);
    assert_int_equal(text_utf8_encode(0x110000, buf), 0);
}

static void test_utf8_linecol_counts_characters(void **state)
{
    (void)state;
    const char *s = "第一行\n第二行ab";
    size_t line, col;
    text_utf8_linecol(s, strlen(s), strlen("第一行\n第二"), &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 3);
    text_utf8_linecol(s, strlen(s), 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
}

static void test_codepoints_and_prefix_bytes(void **state)
{
    (void)state;
    assert_int_equal(text_codepoints("新质a"), 3);
    assert_int_equal(text_codepoints(""), 0);
    assert_int_equal(text_codepoints("a\xFF" "b"), 3);
    assert_int_equal(text_prefix_bytes("新质a", 2), 6);
    assert_int_equal(text_prefix_bytes("新质a", 9), 7);
    assert_int_equal(text_prefix_bytes("新质a", 0), 0);
}

static void test_strerror_names_every_status(void **state)
{
    (void)state;
    const int codes[] = {TEXT_OK, TEXT_NOT_FOUND, TEXT_EMPTY_QUOTE, TEXT_ENOMEM, TEXT_EIO, TEXT_EUTF8,
                         TEXT_EINVAL};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        assert_string_not_equal(text_strerror(codes[i]), "unknown error");
    assert_string_equal(text_strerror(12345), "unknown error");
    assert_int_equal(TEXT_FOUND, TEXT_OK);
}

/* ---------------------------------------------------------------- terminal display */

static char *display(const char *s, unsigned flags)
{
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(text_display(s, flags, &out, &len), TEXT_OK);
    assert_int_equal(strlen(out), len);
    return out;
}

static void test_control_len_finds_c0_del_c1_separators_and_noncharacters(void **state)
{
    (void)state;
    assert_int_equal(text_control_len("\x01" "a"), 1);
    assert_int_equal(text_control_len("\x1b[31m"), 1);
    assert_int_equal(text_control_len("\t"), 1);
    assert_int_equal(text_control_len("\x7f"), 1);
    assert_int_equal(text_control_len("\xC2\x85"), 2);     /* NEL */
    assert_int_equal(text_control_len("\xC2\x9B" "31m"), 2); /* CSI */
    assert_int_equal(text_control_len("\xE2\x80\xA8"), 3); /* LINE SEPARATOR */
    assert_int_equal(text_control_len("\xE2\x80\xA9"), 3);
    assert_int_equal(text_control_len("\xEF\xBF\xBE"), 3); /* U+FFFE */
    assert_int_equal(text_control_len("\xEF\xB7\x90"), 3); /* U+FDD0 */
    assert_int_equal(text_control_len("\xF0\x9F\xBF\xBF"), 4); /* U+1FFFF */
    /* what a terminal shows is not one */
    assert_int_equal(text_control_len(""), 0);
    assert_int_equal(text_control_len("a"), 0);
    assert_int_equal(text_control_len("\xC2\xA0"), 0);     /* NO-BREAK SPACE */
    assert_int_equal(text_control_len("\xE2\x80\x94"), 0); /* — */
    assert_int_equal(text_control_len("\xEF\xBF\xBD"), 0); /* U+FFFD itself */
    assert_int_equal(text_control_len("控"), 0);
    assert_int_equal(text_control_len("\xEF"), 0);         /* cut short: not read past */
}

static void test_display_shows_breaks_as_spaces_and_other_controls_as_fffd(void **state)
{
    (void)state;
    char *s = display("控制\x01\x1b[31m字符", 0);
    assert_string_equal(s, "控制\xEF\xBF\xBD\xEF\xBF\xBD[31m字符");
    free(s);
    s = display("a\tb\rc\nd\r\ne\xC2\x85" "f\xE2\x80\xA8g", 0);
    assert_string_equal(s, "a b c d e f g"); /* \r\n is one break */
    free(s);
    s = display("x\x7f\xC2\x9by\xEF\xBF\xBE", 0);
    assert_string_equal(s, "x\xEF\xBF\xBD\xEF\xBF\xBDy\xEF\xBF\xBD");
    free(s);
    s = display("plain 数据要素 — ok", 0);
    assert_string_equal(s, "plain 数据要素 — ok");
    free(s);
    s = display("", 0);
    assert_string_equal(s, "");
    free(s);
}

static void test_display_lines_keeps_newlines_only(void **state)
{
    (void)state;
    char *s = display("行一\n行二\r\n行三\r行\x01四", TEXT_DISPLAY_LINES);
    assert_string_equal(s, "行一\n行二\n行三 行\xEF\xBF\xBD四");
    free(s);
    size_t n;
    assert_string_equal(text_display_control("\r\nx", TEXT_DISPLAY_LINES, &n), "\n");
    assert_int_equal(n, 2);
    assert_string_equal(text_display_control("\r\nx", 0, &n), " ");
    assert_int_equal(n, 2);
    assert_null(text_display_control("x\n", 0, &n));
    assert_int_equal(n, 0);
}

static void test_display_width_counts_each_control_one_column(void **state)
{
    (void)state;
    const char *hostile = "控制\x01\x02\x1b[31m字符\t\xC2\x85\xE2\x80\xA8\xEF\xBF\xBF";
    char *s = display(hostile, 0);
    /* 控制字符 4 x 2, [31m 4, seven controls 1 each */
    assert_int_equal(text_display_width(hostile), 8 + 4 + 7);
    assert_int_equal(text_display_width(hostile), width(s));
    assert_int_equal(width("\xEF\xBF\xBD"), 1); /* U+FFFD: one column, as the tables count */
    assert_int_equal(text_display_width("\r\n"), 1);
    assert_int_equal(text_display_width(""), 0);
    free(s);
}

/* text_display_width is the width of what text_display shows, for every pair of bytes
 * around an ASCII letter (printable ASCII counted on its own path, the rest as before). */
static void test_display_width_is_the_width_of_the_display(void **state)
{
    (void)state;
    for (unsigned a = 1; a < 256; a++) {
        for (unsigned b = 1; b < 256; b += (a & 1) ? 1 : 7) {
            char in[4] = {(char)a, 'x', (char)b, '\0'};
            char *s = display(in, 0);
            if (text_display_width(in) != width(s))
                fail_msg("bytes %02x 78 %02x: %zu, displayed %zu", a, b,
                         text_display_width(in), width(s));
            free(s);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width_counts_cjk_and_fullwidth_as_two_columns),
        cmocka_unit_test(test_width_counts_combining_marks_as_zero),
        cmocka_unit_test(test_next_char_width_steps_through_a_string),
        cmocka_unit_test(test_width_prefix_never_splits_a_wide_character),
        cmocka_unit_test(test_fit_pads_to_the_requested_alignment),
        cmocka_unit_test(test_fit_cuts_with_ellipsis_to_the_exact_width),
        cmocka_unit_test(test_edit_distance_counts_code_points),
        cmocka_unit_test(test_edit_distance_of_empty_strings),
        cmocka_unit_test(test_edit_distance_cutoff_reports_max_plus_one),
        cmocka_unit_test(test_edit_distance_cutoff_agrees_with_full_computation),
        cmocka_unit_test(test_edit_distance_of_long_strings),
        cmocka_unit_test(test_utf8_check_rejects_malformed_sequences),
        cmocka_unit_test(test_utf8_decode_and_encode_round_trip),
        cmocka_unit_test(test_utf8_linecol_counts_characters),
        cmocka_unit_test(test_codepoints_and_prefix_bytes),
        cmocka_unit_test(test_strerror_names_every_status),
        cmocka_unit_test(test_control_len_finds_c0_del_c1_separators_and_noncharacters),
        cmocka_unit_test(test_display_shows_breaks_as_spaces_and_other_controls_as_fffd),
        cmocka_unit_test(test_display_lines_keeps_newlines_only),
        cmocka_unit_test(test_display_width_counts_each_control_one_column),
        cmocka_unit_test(test_display_width_is_the_width_of_the_display),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
