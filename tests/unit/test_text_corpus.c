/* test_text_corpus.c — the five real corpus texts: a handful of real quotes per file are
 * found at the right lines, and the headings found are the expected ones.
 *
 * The corpus is reference data outside the repository: $CKG_CORPUS, else
 * ../shared/corpus. Without it the tests are skipped with a message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ckg/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *corpus_dir(void)
{
    const char *env = getenv("CKG_CORPUS");
    return env && *env ? env : "../shared/corpus";
}

static text_doc *load(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", corpus_dir(), file);
    text_doc *doc = NULL;
    text_error err;
    int rc = text_doc_load(path, 0, &doc, &err);
    if (rc != TEXT_OK)
        fail_msg("%s: %s", path, text_strerror(rc));
    return doc;
}

typedef struct quote_case {
    const char *quote;
    size_t start_line, end_line;
} quote_case;

typedef struct heading_case {
    size_t line;
    int level;
    bool body;
    const char *title; /* NULL: not checked */
} heading_case;

static void check_quotes(const text_doc *doc, const quote_case *q, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        text_span span;
        int rc = text_doc_find(doc, q[i].quote, strlen(q[i].quote), &span, NULL);
        if (rc != TEXT_FOUND)
            fail_msg("not found: %s", q[i].quote);
        if (span.start_line != q[i].start_line || span.end_line != q[i].end_line)
            fail_msg("%s: lines %zu-%zu, want %zu-%zu", q[i].quote, span.start_line, span.end_line,
                     q[i].start_line, q[i].end_line);
    }
}

static void check_headings(const text_doc *doc, const heading_case *h, size_t n)
{
    assert_int_equal(text_doc_heading_count(doc), n);
    for (size_t i = 0; i < n; i++) {
        const text_heading *got = text_doc_heading(doc, i);
        if (got->line != h[i].line || got->level != h[i].level ||
            text_heading_is_body(got) != h[i].body)
            fail_msg("heading %zu: line %zu level %d body %d, want line %zu level %d body %d", i,
                     got->line, got->level, text_heading_is_body(got), h[i].line, h[i].level,
                     h[i].body);
        if (h[i].title)
            assert_string_equal(got->title, h[i].title);
    }
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 000: ASCII punctuation, <sup>[n]</sup>, markdown levels as written, references and the
 * English abstract at the end. */
static void test_corpus_000_quotes_and_headings(void **state)
{
    (void)state;
    text_doc *doc = load("000_1bd8a4bf033578ed.txt");
    const quote_case q[] = {
        {"颠覆性创新引致主导技术体系变更是形成新质生产力的技术前提", 9, 9},
        {"甚至是历史阶段发展的基础驱动力，生产力的质量直接关系经济高质量发展的进程和水平", 21, 21},
        {"前置条件：颠覆性创新引致主导技术体系更迭", 29, 29},
        {"促进数据要素合法合规有序高效流通", 101, 101},
    };
    const heading_case h[] = {
        {3, 1, true, "新质生产力的形成逻辑、发展路径与关键着力点"},
        {27, 2, true, "新质生产力的形成逻辑"},
        {29, 3, true, NULL}, {33, 3, true, NULL}, {37, 3, true, NULL}, {43, 4, true, NULL},
        {47, 2, true, NULL}, {49, 3, true, NULL}, {53, 3, true, NULL}, {61, 3, true, NULL},
        {65, 3, true, NULL}, {69, 2, true, NULL}, {71, 3, true, NULL},
        {81, 2, true, "促进高质量创新成果转化为新质生产力"},
        {87, 2, true, NULL}, {99, 4, true, NULL},
        {111, 4, false, "参考文献"},
        {136, 2, false, NULL},
    };
    check_quotes(doc, q, N(q));
    check_headings(doc, h, N(h));
    text_doc_free(doc);
}

/* 001: four essays under ## headings; a footer (2024 / 中国科技论坛) at the end. */
static void test_corpus_001_quotes_and_headings(void **state)
{
    (void)state;
    text_doc *doc = load("001_1e0a6d06a0da2fc2.txt");
    const quote_case q[] = {
        {"整合科技创新资源，加快形成新质生产力", 7, 7},
        {"聚焦关键核心技术攻关，健全新型举国体制", 13, 13},
        {"一要强化数据意识，深入挖掘数据价值", 75, 75},
    };
    const heading_case h[] = {
        {3, 1, true, "新质生产力与科技创新"},
        {7, 2, true, "整合科技创新资源，加快形成新质生产力"},
        {23, 2, true, "创新驱动新质生产力发展"},
        {41, 2, true, "以新质生产力提升中国科技和经济竞争力"},
        {61, 2, true, "加快培育形成数据新质生产力"},
    };
    check_quotes(doc, q, N(q));
    check_headings(doc, h, N(h));
    assert_int_equal(text_doc_line_kind(doc, 85), TEXT_LINE_PAGE_NUMBER);
    assert_int_equal(text_doc_line_kind(doc, 86), TEXT_LINE_RUNNING_HEADER);
    text_doc_free(doc);
}

/* 002: wrapped lines with blank lines, a page break with its running header, numbered
 * headings, one of them wrapped. */
static void test_corpus_002_quotes_and_headings(void **state)
{
    (void)state;
    text_doc *doc = load("002_e4b632a4713833b0.txt");
    const quote_case q[] = {
        {"产业结构升级与深度融合发展。三是要素配置优。", 226, 235},
        {"新一轮科技革命和产业变革深入发展，数据作为关键要素赋能经济发展的要求日益迫切", 19, 23},
        {"（三）构建科技、产业、金融深度融合的新质生产力实现机制", 1000, 1002},
        {"提高要素配置效率。四是环境友好。", 257, 259},
    };
    const heading_case h[] = {
        {39, 1, true, "新质生产力的内涵特征"},
        {41, 2, true, "新质生产力的内涵"},
        {144, 2, true, NULL},
        {283, 1, true, NULL},
        {285, 2, true, NULL}, {436, 2, true, NULL}, {558, 2, true, NULL}, {660, 2, true, NULL},
        {757, 2, true, NULL}, {828, 2, true, NULL},
        {908, 1, true, "推进新质生产力形成的思路与建议"},
        {932, 2, true, NULL}, {964, 2, true, NULL},
        {1000, 2, true, "构建科技、产业、金融深度融合的新质生产力实现机制"},
        {1049, 2, true, NULL}, {1093, 2, true, NULL}, {1139, 2, true, "促进企业和企业家发展"},
    };
    check_quotes(doc, q, N(q));
    check_headings(doc, h, N(h));
    assert_int_equal(text_doc_line_kind(doc, 228), TEXT_LINE_PAGE_NUMBER);
    assert_int_equal(text_doc_line_kind(doc, 232), TEXT_LINE_RUNNING_HEADER);
    assert_int_equal(text_doc_line_kind(doc, 233), TEXT_LINE_RUNNING_HEADER);
    assert_int_equal(text_doc_line_kind(doc, 334), TEXT_LINE_TEXT); /* "52.3%，..." */
    text_doc_free(doc);
}

/* 003: \* escapes, <sup>①</sup> marks, the English abstract at the end. */
static void test_corpus_003_quotes_and_headings(void **state)
{
    (void)state;
    text_doc *doc = load("003_0d26ef714c9f9c2d.txt");
    const quote_case q[] = {
        {"新质生产力反映生产力的新性质、新质态", 9, 9},
        {"要以科技创新引领产业全面振兴", 13, 13},
        {"加快形成新质生产力，增强发展新动能。”新质生产力概念的", 13, 13},
        {"新质生产力及其培育和发展", 5, 5},
    };
    const heading_case h[] = {
        {5, 1, true, "新质生产力及其培育和发展"},
        {15, 2, true, NULL}, {33, 3, true, "新科技"}, {41, 3, true, NULL},
        {55, 3, true, "新能源"}, {63, 3, true, "数字经济"},
        {77, 2, true, NULL}, {81, 3, true, NULL}, {99, 2, true, NULL}, {117, 3, true, NULL},
        {123, 4, true, NULL}, {139, 2, true, NULL},
        {163, 2, false, "New Quality Productivity and Its Cultivation and Development"},
    };
    check_quotes(doc, q, N(q));
    check_headings(doc, h, N(h));
    text_doc_free(doc);
}

/* 004: PDF glyphs, circled marks, «», U+3000, full-width digits, the private-use decimal
 * point; headings 一、 and １./２. with leading spaces. */
static void test_corpus_004_quotes_and_headings(void **state)
{
    (void)state;
    text_doc *doc = load("004_8c8db930267f326b.txt");
    const quote_case q[] = {
        {"技术革命性突破、生产要素创新性配置、产业深度转型升级催生新质生产力，"
         "发展新质生产力是推动高质量发展的内在要求和重要着力点。", 1, 3},
        {"马克思主义生产力理论中国化时代化的最新成果，成为习近平经济思想的重要组成部分", 27, 27},
        {"马克思在《资本论》中指出，企业采用新技术是为了", 214, 214},
        {"关键核心技术是要不来、买不来、讨不来的”。《中共中央国务院", 127, 129},
        {"数字经济规模从2012年的11.2万亿元增长至2023年的53.9万亿元。", 484, 486},
    };
    const heading_case h[] = {
        {42, 1, true, "技术革命性突破的理论逻辑"},
        {54, 2, true, "技术革命性突破的基本内涵"},
        {94, 2, true, "技术革命性突破的生成条件"},
        {150, 2, true, NULL},
        {200, 1, true, NULL}, {212, 2, true, NULL}, {256, 2, true, NULL}, {306, 2, true, NULL},
        {358, 1, true, NULL}, {370, 2, true, NULL}, {410, 2, true, NULL}, {445, 2, true, NULL},
        {501, 1, true, "改革发展新质生产力体制机制的政策建议"},
        {511, 2, true, NULL}, {559, 2, true, NULL},
        {605, 2, true, "健全提升优势产业领先地位体制机制"},
    };
    check_quotes(doc, q, N(q));
    check_headings(doc, h, N(h));
    text_doc_free(doc);
}

int main(void)
{
    char probe[1024];
    snprintf(probe, sizeof probe, "%s/000_1bd8a4bf033578ed.txt", corpus_dir());
    FILE *f = fopen(probe, "rb");
    if (!f) {
        printf("test_text_corpus: SKIPPED: no corpus at %s (set CKG_CORPUS)\n", corpus_dir());
        return 0;
    }
    fclose(f);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_000_quotes_and_headings),
        cmocka_unit_test(test_corpus_001_quotes_and_headings),
        cmocka_unit_test(test_corpus_002_quotes_and_headings),
        cmocka_unit_test(test_corpus_003_quotes_and_headings),
        cmocka_unit_test(test_corpus_004_quotes_and_headings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
