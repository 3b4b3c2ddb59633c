/* test_text_normalize.c — the quote-matching normalization and name folding, on the
 * quirks of the five corpus texts (fragments typed here, a few words each). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ckg/text.h"
#include "text_t2s_table.h" /* generated in $(BUILD)/gen: the table text_t2s reads */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define U3000 "\xE3\x80\x80"         /* ideographic space */
#define PUA_DOT "\xF4\x80\x86\xB0"   /* U+1001B0, 004's decimal point */
#define FFFD "\xEF\xBF\xBD"

static char *norm(const char *s)
{
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(text_normalize(s, strlen(s), &out, &len, NULL), TEXT_OK);
    assert_int_equal(strlen(out), len);
    return out;
}

static void assert_norm(const char *in, const char *want)
{
    char *got = norm(in);
    assert_string_equal(got, want);
    free(got);
}

static void assert_norm_equal(const char *a, const char *b)
{
    char *na = norm(a), *nb = norm(b);
    assert_string_equal(na, nb);
    free(na);
    free(nb);
}

/* 000 writes ASCII , : ( ) inside Chinese text; quotes are typed full-width. */
static void test_normalize_folds_ascii_punctuation_to_fullwidth(void **state)
{
    (void)state;
    assert_norm_equal("前置条件:颠覆性创新引致主导技术体系更迭", "前置条件：颠覆性创新引致主导技术体系更迭");
    assert_norm_equal("(中国社会科学院大学商学院,北京 102445)", "（中国社会科学院大学商学院，北京102445）");
    assert_norm_equal("新质生产力;创新;成果转化", "新质生产力；创新；成果转化");
    assert_norm("a,b;c:d(e)", "a，b；c：d（e）");
}

static void test_normalize_drops_all_whitespace_including_ideographic_space(void **state)
{
    (void)state;
    assert_norm("浙江杭州" U3000 " ３１００５８", "浙江杭州310058");
    assert_norm(" a\tb\r\nc\xC2\xA0" "d\xE2\x80\x83" "e", "abcde"); /* NBSP, em space */
    assert_norm("新质生\n\n产力", "新质生产力");
}

/* 004: the PDF glyphs stand for Chinese punctuation. */
static void test_normalize_maps_pdf_glyphs_to_chinese_punctuation(void **state)
{
    (void)state;
    assert_norm_equal("创新起主导作用ꎬ 摆脱传统经济增长方式", "创新起主导作用，摆脱传统经济增长方式");
    assert_norm_equal("导高质量发展的新的生产力理论ꎮ", "导高质量发展的新的生产力理论。");
    assert_norm_equal("流动、 出现调整ꎻ", "流动、出现调整；");
}

static void test_normalize_maps_guillemets_to_book_title_marks(void **state)
{
    (void)state;
    assert_norm_equal("马克思在 «资本论» 中指出", "马克思在《资本论》中指出");
}

static void test_normalize_makes_fullwidth_digits_ascii(void **state)
{
    (void)state;
    assert_norm("２０２３ 年 ７ 月以来", "2023年7月以来");
    assert_norm_equal("ＡＩ框架", "AI框架");
}

/* ① must be dropped before NFKC, which would turn it into 1. */
static void test_normalize_drops_circled_footnote_numbers_not_as_digits(void **state)
{
    (void)state;
    assert_norm("最新成果②ꎬ 成为", "最新成果，成为");
    assert_norm("甲①乙⑳丙㉑丁", "甲乙丙丁");
    char *n = norm("成果②");
    assert_string_not_equal(n, "成果2");
    free(n);
}

static void test_normalize_drops_citation_marks(void **state)
{
    (void)state;
    assert_norm("增强发展新动能”[1]，随后", "增强发展新动能”，随后");
    assert_norm("甲[12]乙[3,4]丙[5-7]丁[1，3]戊[2–4]", "甲乙丙丁戊");
    assert_norm("现新的突破。 [12]在量子科技领域", "现新的突破。在量子科技领域");
    /* not citations: reference types, letters, an empty pair */
    assert_norm("再解读[J].当代经济研究", "再解读[J].当代经济研究");
    assert_norm("x[2a]y[]z", "x[2a]y[]z");
}

/* 000 and 003 mark footnotes as <sup>[1]</sup> and <sup>①</sup>. */
static void test_normalize_drops_sup_footnotes(void **state)
{
    (void)state;
    assert_norm("基础驱动力,<sup>[1]</sup>生产力的质量", "基础驱动力，生产力的质量");
    assert_norm("新动能。”<sup>①</sup>新质生产力", "新动能。”新质生产力");
    assert_norm("a<SUP>2</SUP>b", "ab");
    assert_norm("a<sup>unclosed", "a<sup>unclosed"); /* nothing to drop without </sup> */
}

/* 003: markdown escapes and bold markers. */
static void test_normalize_unescapes_markdown_and_drops_bold(void **state)
{
    (void)state;
    assert_norm("新质生产力及其培育和发展\\*", "新质生产力及其培育和发展*");
    assert_norm("**摘要:**新质生产力反映生产力的新性质", "摘要：新质生产力反映生产力的新性质");
    assert_norm("content\\_6936752", "content_6936752");
}

static void test_normalize_maps_private_use_to_one_placeholder(void **state)
{
    (void)state;
    assert_norm("１１" PUA_DOT " ２ 万亿", "11" FFFD "2万亿");
    assert_norm("a\xEE\x80\x80" "b\xF3\xB0\x80\x80" "c", "a" FFFD "b" FFFD "c"); /* U+E000, U+F0000 */
}

static void test_normalize_applies_nfkc(void **state)
{
    (void)state;
    assert_norm("\xEF\xAC\x81", "fi");                 /* ﬁ ligature */
    assert_norm("e\xCC\x81", "\xC3\xA9");              /* e + combining acute -> é */
    assert_norm("\xEF\xBC\xA5\xCC\x81", "\xC3\x89");   /* full-width E + acute -> É */
    assert_norm("\xE3\x8D\xBF", "株式会社");           /* ㍿ */
    assert_norm("＜\xCC\xB8", "\xE2\x89\xAE");        /* full-width < + U+0338 -> ≮ */
}

static void test_normalize_drops_format_and_control_characters(void **state)
{
    (void)state;
    assert_norm("\xEF\xBB\xBF" "新质\xE2\x80\x8B生产\xC2\xAD力\x07", "新质生产力"); /* BOM, ZWSP, SHY, BEL */
}

static void test_normalize_reports_invalid_utf8_offset(void **state)
{
    (void)state;
    char *out = (char *)1;
    text_error err;
    const char bad[] = "新质\n生产\xE5\x8A力"; /* truncated 力 at byte 13 */
    assert_int_equal(text_normalize(bad, sizeof bad - 1, &out, NULL, &err), TEXT_EUTF8);
    assert_int_equal(err.code, TEXT_EUTF8);
    assert_int_equal(err.offset, 13);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 3);
    assert_ptr_equal(out, (char *)1); /* untouched on failure */
}

static void test_normalize_reports_invalid_utf8_inside_sup(void **state)
{
    (void)state;
    char *out = NULL;
    text_error err;
    const char bad[] = "ab<sup>\xFF</sup>";
    assert_int_equal(text_normalize(bad, sizeof bad - 1, &out, NULL, &err), TEXT_EUTF8);
    assert_int_equal(err.offset, 7);
}

static void test_normalize_line_flag_drops_markdown_heading_marker(void **state)
{
    (void)state;
    text_normbuf nb = {0};
    const char *line = "## 一、新质生产力的形成逻辑";
    assert_int_equal(text_normalize_append(&nb, line, strlen(line), TEXT_NORM_LINE, NULL), TEXT_OK);
    assert_string_equal(nb.data, "一、新质生产力的形成逻辑");
    text_normbuf_free(&nb);
    assert_norm(line, "##一、新质生产力的形成逻辑");
}

static void test_normalize_append_keeps_citations_within_a_piece(void **state)
{
    (void)state;
    text_normbuf nb = {0};
    assert_int_equal(text_normalize_append(&nb, "甲[1", strlen("甲[1"), 0, NULL), TEXT_OK);
    assert_int_equal(text_normalize_append(&nb, "2]乙", strlen("2]乙"), 0, NULL), TEXT_OK);
    assert_string_equal(nb.data, "甲[12]乙");
    text_normbuf_free(&nb);
}

static void test_normalize_tracks_source_offsets(void **state)
{
    (void)state;
    text_normbuf nb = {.track = true};
    const char *s = "a, 新[1]质"; /* a=0 ,=1 space=2 新=3 [=6 1=7 ]=8 质=9 */
    assert_int_equal(text_normalize_append(&nb, s, strlen(s), 0, NULL), TEXT_OK);
    assert_string_equal(nb.data, "a，新质");
    size_t want[] = {0, 1, 1, 1, 3, 4, 5, 9, 10, 11};
    assert_int_equal(nb.len, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < nb.len; i++)
        assert_int_equal(nb.src[i], want[i]);
    text_normbuf_free(&nb);
}

static void test_normalize_empty_input_gives_empty_string(void **state)
{
    (void)state;
    assert_norm("", "");
    assert_norm(" \n" U3000 "①[3]", "");
}

/* The fast path must agree with utf8proc's NFKC. Reference: NFKC of the whole string by
 * utf8proc, then the same drop/fold table, on random strings over an alphabet that mixes
 * whitelisted characters with ones that compose, decompose or combine. */
static void append_reference_char(char *out, size_t *w, int32_t cp)
{
    const char *fold = NULL;
    switch (cp) {
    case ',': case 0xA3AC: fold = "，"; break;
    case ';': case 0xA3BB: fold = "；"; break;
    case 0xA3AE: fold = "。"; break;
    case ':': fold = "："; break;
    case '(': fold = "（"; break;
    case ')': fold = "）"; break;
    case 0xAB: fold = "《"; break;
    case 0xBB: fold = "》"; break;
    default: break;
    }
    if (fold) {
        memcpy(out + *w, fold, strlen(fold));
        *w += strlen(fold);
        return;
    }
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
        c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF)
        return;
    if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000)
        cp = 0xFFFD;
    *w += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + *w);
}

static void test_normalize_fast_path_agrees_with_utf8proc_nfkc(void **state)
{
    (void)state;
    static const char *const alphabet[] = {
        "a", "e", "Z", "<", "=", ">", "1", ",", ":", "(", ")", ";", " ", "-", ".",
        "\xCC\x81", "\xCC\xB8", "\xCC\xA3",          /* combining acute, long solidus, dot below */
        "ｅ", "＜", "，", "（", "）", "：", "；", "！", "１",
        "新", "质", "、", "。", "《", "》", "“", "”", "—", "·",
        "ꎬ", "ꎮ", "ꎻ", "«", "»", U3000,
        "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "한", /* jamo L, V, T; a syllable */
        "\xE3\x81\x8B", "\xE3\x82\x99",              /* か + combining voiced mark */
        "\xEF\xAC\x81", "\xE3\x8D\xBF", "\xC3\xA9", "\xE2\x84\xAB", /* ﬁ ㍿ é Å(sign) */
        "\xEF\xBF\xBD", "\xEE\x80\x80", PUA_DOT, "\xE2\x80\x8B", "\xC2\xA0",
    };
    const size_t n_alpha = sizeof alphabet / sizeof alphabet[0];
    unsigned seed = 12345;
    for (int round = 0; round < 3000; round++) {
        char in[256];
        size_t w = 0;
        size_t len = 1 + (seed >> 16) % 12;
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *a = alphabet[(seed >> 16) % n_alpha];
            memcpy(in + w, a, strlen(a));
            w += strlen(a);
        }
        in[w] = '\0';
        utf8proc_uint8_t *nfkc = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)w, &nfkc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE);
        assert_true(n >= 0);
        char want[1024];
        size_t ww = 0;
        for (utf8proc_ssize_t i = 0; i < n;) {
            int32_t cp;
            i += utf8proc_iterate(nfkc + i, n - i, &cp);
            append_reference_char(want, &ww, cp);
        }
        want[ww] = '\0';
        free(nfkc);
        char *got = norm(in);
        if (strcmp(got, want) != 0)
            fail_msg("input '%s': got '%s', want '%s'", in, got, want);
        free(got);
    }
}

/* ---------------------------------------------------------------- folding */

static void test_fold_equates_width_case_and_spacing(void **state)
{
    (void)state;
    const char *names[] = {"ＴＦＰ", "tfp", "T F P", "Ｔ" U3000 "f p", "TFP"};
    char *first = text_fold(names[0]);
    assert_non_null(first);
    assert_string_equal(first, "tfp");
    for (size_t i = 1; i < sizeof names / sizeof names[0]; i++) {
        char *f = text_fold(names[i]);
        assert_non_null(f);
        assert_string_equal(f, first);
        free(f);
    }
    free(first);
}

static void test_fold_keeps_distinct_names_distinct(void **state)
{
    (void)state;
    char *a = text_fold("数据要素"), *b = text_fold("数据生产要素");
    assert_string_equal(a, "数据要素");
    assert_string_not_equal(a, b);
    free(a);
    free(b);
}

/* The fast path of folding (ASCII, full-width ASCII, ideographs, U+3000) must agree with
 * utf8proc's NFKC + case folding, also for strings that mix in characters it leaves to
 * utf8proc: random strings over such an alphabet, folded both ways. */
static void test_fold_fast_path_agrees_with_utf8proc(void **state)
{
    (void)state;
    static const char *const alphabet[] = {
        "a", "Z", "q", "1", "-", " ", "\t", "(", ",", "\x7F", "\x01",
        "Ａ", "ｚ", "１", "－", "（", U3000, "数", "据", "\xE3\x90\x80" /* U+3400 */,
        "\xCC\x81", "\xC3\xA9", "\xE2\x84\xAA" /* Kelvin sign */, "\xC3\x9F" /* sharp s */,
        "\xEF\xAC\x81" /* ﬁ */, "\xE2\x80\x8B" /* zero width space */, "\xC2\xA0", "·",
        "\xE4\xB8\x80", "\xE9\xBF\xBF", "\xE4\xB6\xBF", /* U+4E00 U+9FFF U+4DBF: block ends */
        "\xEF\xA4\x80" /* U+F900, a compatibility ideograph */, "\xC3\x89" /* É */, "Ｔ", "Q",
        "數", "據", "發", "\xE3\x91\xAE" /* U+346E, traditional, whose simplified is U+2B748 */,
        "\xE2\x80\x94" /* em dash */, "\xE2\x80\x90" /* hyphen */, "\xE3\x80\x9C" /* wave dash */,
        /* the punctuation of quotes, which the fast path keeps, and its neighbours, which
         * it leaves to utf8proc */
        "、", "。", "〈", "〉", "《", "》", "「", "」", "『", "』", "【", "】", "‘", "’", "“", "”",
        "\xE3\x80\x83" /* U+3003 */, "\xE3\x80\x87" /* U+3007 */, "\xE3\x80\x92" /* U+3012 */,
        "\xE2\x80\x9A" /* U+201A */, "\xE2\x80\x9E" /* U+201E */, "…", "\xCC\x88" /* U+0308 */,
    };
    const size_t n_alpha = sizeof alphabet / sizeof alphabet[0];
    unsigned seed = 777;
    for (int round = 0; round < 3000; round++) {
        char in[256];
        size_t w = 0;
        size_t len = 1 + (seed >> 16) % 10;
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *a = alphabet[(seed >> 16) % n_alpha];
            memcpy(in + w, a, strlen(a));
            w += strlen(a);
        }
        in[w] = '\0';
        utf8proc_uint8_t *ref = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)w, &ref,
                                          UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                              UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
        assert_true(n >= 0);
        char want[1024];
        size_t ww = 0;
        for (utf8proc_ssize_t i = 0; i < n;) {
            int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate(ref + i, n - i, &cp);
            utf8proc_category_t c = utf8proc_category(cp);
            if (!(cp <= 0x20 || cp == 0x7F || cp == '-' || c == UTF8PROC_CATEGORY_ZS ||
                  c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
                  c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF ||
                  c == UTF8PROC_CATEGORY_PD))
                ww += text_utf8_encode(text_t2s((uint32_t)cp), want + ww);
            i += k;
        }
        want[ww] = '\0';
        free(ref);
        char *got = text_fold(in);
        assert_non_null(got);
        if (strcmp(got, want) != 0)
            fail_msg("input '%s': got '%s', want '%s'", in, got, want);
        free(got);
    }
}

static void test_fold_makes_traditional_characters_simplified(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"數據要素", "数据要素"},
        {"高質量發展", "高质量发展"},
        {"新質生產力", "新质生产力"},
        {"創新鏈產業鏈資金鏈深度融合", "创新链产业链资金链深度融合"},
        {"數據 要素", "数据要素"},                              /* the general path too */
        {"\xEF\xA4\x80", "\xE5\xB2\x82"},                      /* U+F900 -> NFKC 豈 -> 岂 */
        {"\xE3\x91\xAE", "\xF0\xAB\x9D\x88"},                  /* U+346E -> U+2B748, longer */
        {"\xF0\xA0\x81\x9E", "\xF0\xA0\x80\xBE"},              /* U+2005E -> U+2003E */
        {"数据要素", "数据要素"},                               /* simplified stays */
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        char *f = text_fold(pairs[i][0]);
        assert_non_null(f);
        if (strcmp(f, pairs[i][1]) != 0)
            fail_msg("fold('%s') = '%s', want '%s'", pairs[i][0], f, pairs[i][1]);
        free(f);
    }
    /* many 3-byte characters that each become 4 bytes do not overflow the output */
    char in[3 * 300 + 1], want[4 * 300 + 1];
    for (size_t i = 0; i < 300; i++) {
        memcpy(in + 3 * i, "\xE3\x91\xAE", 3);
        memcpy(want + 4 * i, "\xF0\xAB\x9D\x88", 4);
    }
    in[900] = '\0';
    want[1200] = '\0';
    char *f = text_fold(in);
    assert_non_null(f);
    assert_string_equal(f, want);
    free(f);
}

/* text_t2s agrees with a plain search of the generated table for every code point (the
 * bitmap that answers for the characters that stay included). */
static void test_t2s_agrees_with_its_table_everywhere(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        size_t lo = 0, hi = T2S_PAIRS;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (t2s_from[mid] < cp)
                lo = mid + 1;
            else
                hi = mid;
        }
        uint32_t want = lo < T2S_PAIRS && t2s_from[lo] == cp ? t2s_to[lo] : cp;
        if (text_t2s(cp) != want)
            fail_msg("text_t2s(U+%04X) = U+%04X, want U+%04X", (unsigned)cp,
                     (unsigned)text_t2s(cp), (unsigned)want);
        if (cp < 0x10000)
            assert_int_equal(!!(t2s_bmp_bits[cp >> 3] & (1u << (cp & 7))),
                             lo < T2S_PAIRS && t2s_from[lo] == cp);
    }
}

static void test_t2s_table_maps_one_character(void **state)
{
    (void)state;
    assert_int_equal(text_t2s(0x6578 /* 數 */), 0x6570 /* 数 */);
    assert_int_equal(text_t2s(0x6570), 0x6570);
    assert_int_equal(text_t2s('A'), 'A');
    assert_int_equal(text_t2s(0x8457 /* 著: t2s keeps it (着 only in Taiwan's usage) */), 0x8457);
    assert_int_equal(text_t2s(0x346E), 0x2B748);
    assert_int_equal(text_t2s(0x10FFFF), 0x10FFFF);
}

static void test_fold_ignores_hyphens_and_dashes(void **state)
{
    (void)state;
    const char *names[] = {"high-quality development", "high quality development",
                           "High–Quality Development", "highquality-development",
                           "HIGH\xE2\x80\x90QUALITY DEVELOPMENT", "high—quality development"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *f = text_fold(names[i]);
        assert_non_null(f);
        if (strcmp(f, "highqualitydevelopment") != 0)
            fail_msg("fold('%s') = '%s'", names[i], f);
        free(f);
    }
}

static void test_fold_n_rejects_invalid_utf8_with_offset(void **state)
{
    (void)state;
    char *out = NULL;
    text_error err;
    assert_int_equal(text_fold_n("ab\xC0\x80", 4, &out, NULL, &err), TEXT_EUTF8); /* overlong */
    assert_int_equal(err.offset, 2);
    assert_null(out);
}

/* Bytes that are not UTF-8 where folding's fast path reads its three-byte characters: each
 * rejected at the offset text_utf8_check gives, never folded. */
static void test_fold_n_rejects_what_the_fast_path_cannot_take(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "数\xE6\x8D",          /* an ideograph cut short */
        "数\xE6\x41\x80",      /* a lead without its continuations */
        "数\xE6\x8D\x41",
        "\xED\xA0\x80",        /* a surrogate */
        "a\xE0\x80\x80",       /* an overlong NUL */
        "a\xE0\x9F\xBF",       /* an overlong U+07FF */
        "数\x80",               /* a lone continuation */
        "Ａ\xFF",
        "\xEF\xBC",             /* a full-width form cut short */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t len = strlen(bad[i]), want;
        char *out = NULL;
        text_error err;
        assert_int_equal(text_utf8_check(bad[i], len, &want), TEXT_EUTF8);
        assert_int_equal(text_fold_n(bad[i], len, &out, NULL, &err), TEXT_EUTF8);
        assert_int_equal(err.offset, want);
        assert_null(out);
        bool eq = true;
        assert_int_equal(text_fold_equals(bad[i], len, "", 0, &eq), TEXT_EUTF8);
    }
}

/* text_fold_equals gives what folding and comparing give, on random strings that mix the
 * fast path's characters with others (combining marks that compose with a letter before
 * them, a ligature, a traditional character, bytes that are not UTF-8) and keys that are
 * their own folds, those folds cut or extended by a byte, and other strings' folds. */
static void test_fold_equals_agrees_with_folding_and_comparing(void **state)
{
    (void)state;
    static const char *const alphabet[] = {
        "a", "E", "e", "1", "-", " ", "数", "据", "數", "Ａ", "ｅ", U3000, "。", "“",
        "\xCC\x81", "\xEF\xAC\x81", "\xE2\x80\x8B", "\xE2\x80\x94", "\xFF", "\xE6\x8D",
        "<", "\xCC\xB8", "\xE4\xB7\x80" /* U+4DC0, a hexagram: not an ideograph */,
    };
    const size_t n_alpha = sizeof alphabet / sizeof alphabet[0];
    enum { N = 400 };
    static char in[N][64];
    static char *folded[N];
    static size_t flen[N];
    static int frc[N];
    unsigned seed = 4242;
    for (size_t r = 0; r < N; r++) {
        size_t w = 0, len = (seed >> 16) % 7;
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *a = alphabet[(seed >> 16) % n_alpha];
            memcpy(in[r] + w, a, strlen(a));
            w += strlen(a);
        }
        seed = seed * 1103515245u + 12345u;
        in[r][w] = '\0';
        folded[r] = NULL;
        frc[r] = text_fold_n(in[r], w, &folded[r], &flen[r], NULL);
    }
    for (size_t r = 0; r < N; r++) {
        size_t len = strlen(in[r]);
        for (size_t q = 0; q < N; q += (r % 7) + 1) { /* a sample of the other folds */
            if (frc[q] != TEXT_OK)
                continue;
            char key[256];
            size_t klen = flen[q];
            memcpy(key, folded[q], klen);
            size_t variants = q == r ? 3 : 1;
            for (size_t v = 0; v < variants; v++) {
                if (v == 1 && klen == 0)
                    continue;
                size_t kl = v == 0 ? klen : v == 1 ? klen - 1 : klen + 1;
                if (v == 2)
                    key[klen] = 'x';
                bool eq = false;
                int rc = text_fold_equals(in[r], len, key, kl, &eq);
                assert_int_equal(rc, frc[r]);
                if (rc == TEXT_OK) {
                    bool want = flen[r] == kl && memcmp(folded[r], key, kl) == 0;
                    if (eq != want)
                        fail_msg("'%s' against key %zu (variant %zu): %d, want %d", in[r], q,
                                 v, eq, want);
                }
            }
        }
    }
    for (size_t r = 0; r < N; r++)
        free(folded[r]);
}

/* text_fold_buf, one buffer for many strings (short and long, fast path and utf8proc, not
 * UTF-8), gives what text_fold_n gives for each. */
static void test_fold_buf_reuses_one_buffer_for_what_fold_n_gives(void **state)
{
    (void)state;
    static const char *const in[] = {
        "数据要素", "ＡＢＣ def", "", "e\xCC\x81t\xC3\xA9", "數據\xEF\xAC\x81",
        "a\xFF" "b", "生产力生产力生产力生产力生产力生产力生产力生产力生产力生产力", "x",
        "\xE2\x80\x94 — 新质", "ab\xC0\x80",
    };
    char *buf = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        size_t len = strlen(in[i]), n_want = 0, n_got = 0;
        char *want = NULL;
        text_error e_want, e_got;
        int rc_want = text_fold_n(in[i], len, &want, &n_want, &e_want);
        int rc_got = text_fold_buf(in[i], len, &buf, &cap, &n_got, &e_got);
        assert_int_equal(rc_got, rc_want);
        assert_int_equal(e_got.code, e_want.code);
        if (rc_want == TEXT_OK) {
            assert_int_equal(n_got, n_want);
            assert_string_equal(buf, want);
        } else {
            assert_int_equal(e_got.offset, e_want.offset);
        }
        free(want);
    }
    free(buf);
}

static void test_fold_replaces_invalid_bytes(void **state)
{
    (void)state;
    char *f = text_fold("A\xFF" "B");
    assert_non_null(f);
    assert_string_equal(f, "a" FFFD "b");
    free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize_folds_ascii_punctuation_to_fullwidth),
        cmocka_unit_test(test_normalize_drops_all_whitespace_including_ideographic_space),
        cmocka_unit_test(test_normalize_maps_pdf_glyphs_to_chinese_punctuation),
        cmocka_unit_test(test_normalize_maps_guillemets_to_book_title_marks),
        cmocka_unit_test(test_normalize_makes_fullwidth_digits_ascii),
        cmocka_unit_test(test_normalize_drops_circled_footnote_numbers_not_as_digits),
        cmocka_unit_test(test_normalize_drops_citation_marks),
        cmocka_unit_test(test_normalize_drops_sup_footnotes),
        cmocka_unit_test(test_normalize_unescapes_markdown_and_drops_bold),
        cmocka_unit_test(test_normalize_maps_private_use_to_one_placeholder),
        cmocka_unit_test(test_normalize_applies_nfkc),
        cmocka_unit_test(test_normalize_drops_format_and_control_characters),
        cmocka_unit_test(test_normalize_reports_invalid_utf8_offset),
        cmocka_unit_test(test_normalize_reports_invalid_utf8_inside_sup),
        cmocka_unit_test(test_normalize_line_flag_drops_markdown_heading_marker),
        cmocka_unit_test(test_normalize_append_keeps_citations_within_a_piece),
        cmocka_unit_test(test_normalize_tracks_source_offsets),
        cmocka_unit_test(test_normalize_empty_input_gives_empty_string),
        cmocka_unit_test(test_normalize_fast_path_agrees_with_utf8proc_nfkc),
        cmocka_unit_test(test_fold_equates_width_case_and_spacing),
        cmocka_unit_test(test_fold_keeps_distinct_names_distinct),
        cmocka_unit_test(test_fold_fast_path_agrees_with_utf8proc),
        cmocka_unit_test(test_t2s_agrees_with_its_table_everywhere),
        cmocka_unit_test(test_fold_makes_traditional_characters_simplified),
        cmocka_unit_test(test_t2s_table_maps_one_character),
        cmocka_unit_test(test_fold_ignores_hyphens_and_dashes),
        cmocka_unit_test(test_fold_n_rejects_invalid_utf8_with_offset),
        cmocka_unit_test(test_fold_replaces_invalid_bytes),
        cmocka_unit_test(test_fold_n_rejects_what_the_fast_path_cannot_take),
        cmocka_unit_test(test_fold_equals_agrees_with_folding_and_comparing),
        cmocka_unit_test(test_fold_buf_reuses_one_buffer_for_what_fold_n_gives),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
