/* test_text_heading.c — headings found by the tool (markdown in 000/001/003, numbered in
 * 002/004), their levels, titles, flags and body ranges; the line recognizers for page
 * numbers and running headers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>

static text_doc *doc_of(const char *s)
{
    text_doc *doc = NULL;
    assert_int_equal(text_doc_from_buffer(s, strlen(s), 0, &doc, NULL), TEXT_OK);
    return doc;
}

static bool md(const char *s, text_heading_line *h)
{
    return text_line_markdown_heading(s, strlen(s), h);
}

static bool numbered(const char *s, text_heading_line *h)
{
    return text_line_numbered_heading(s, strlen(s), h);
}

static void assert_title(const char *line, const text_heading_line *h, const char *title)
{
    assert_int_equal(h->title_len, strlen(title));
    assert_memory_equal(line + h->title_off, title, h->title_len);
}

/* ---------------------------------------------------------------- line recognizers */

static void test_markdown_heading_level_counts_hashes(void **state)
{
    (void)state;
    text_heading_line h;
    const char *l = "### (一)前置条件:颠覆性创新引致主导技术体系更迭";
    assert_true(md(l, &h));
    assert_int_equal(h.level, 3);
    assert_int_equal(h.label_kind, TEXT_LABEL_CN_PAREN);
    assert_int_equal(h.label_len, strlen("(一)"));
    assert_title(l, &h, "前置条件:颠覆性创新引致主导技术体系更迭");
    l = "#### 参考文献:";
    assert_true(md(l, &h));
    assert_int_equal(h.level, 4);
    assert_int_equal(h.label_kind, TEXT_LABEL_NONE);
    assert_title(l, &h, "参考文献:");
    l = "## 整合科技创新资源，加快形成新质生产力 ##";
    assert_true(md(l, &h));
    assert_title(l, &h, "整合科技创新资源，加快形成新质生产力");
}

static void test_markdown_heading_needs_space_and_title(void **state)
{
    (void)state;
    text_heading_line h;
    assert_false(md("#hashtag", &h));
    assert_false(md("## ", &h));
    assert_false(md("####### seven", &h));
    assert_false(md("    # indented code", &h));
    assert_false(md("正文 # 不是标题", &h));
}

static void test_numbered_heading_styles(void **state)
{
    (void)state;
    text_heading_line h;
    const char *l = "一、新质生产力的内涵特征";
    assert_true(numbered(l, &h));
    assert_int_equal(h.label_kind, TEXT_LABEL_CN);
    assert_title(l, &h, "新质生产力的内涵特征");
    l = "(一)新质生产力的内涵";
    assert_true(numbered(l, &h));
    assert_int_equal(h.label_kind, TEXT_LABEL_CN_PAREN);
    assert_title(l, &h, "新质生产力的内涵");
    assert_true(numbered("（六）促进企业和企业家发展", &h));
    assert_int_equal(h.label_kind, TEXT_LABEL_CN_PAREN);
    l = " 一、 技术革命性突破的理论逻辑"; /* 004: leading space, space after 、 */
    assert_true(numbered(l, &h));
    assert_title(l, &h, "技术革命性突破的理论逻辑");
    l = "１. 技术革命性突破的基本内涵";
    assert_true(numbered(l, &h));
    assert_int_equal(h.label_kind, TEXT_LABEL_DIGIT);
    assert_title(l, &h, "技术革命性突破的基本内涵");
    assert_true(numbered(" ２. 技术革命性突破的生成条件", &h)); /* ASCII dot */
    assert_true(numbered("3．产业现代化塑造新质生产力整体格局", &h));
    assert_true(numbered("十二、结论与展望", &h));
}

static void test_numbered_heading_rejects_sentence_starting_with_yi(void **state)
{
    (void)state;
    text_heading_line h;
    assert_false(numbered("一、要加快形成新质生产力，推动高质量发展。", &h));
    assert_false(numbered("一、是原始创新能力不强；二是科技生态有待完善", &h));
    assert_false(numbered("(一)新质生产力的形成对劳动者产生新的需求，", &h)); /* wraps on */
    assert_false(numbered("一、新质生产力的内涵特征和形成条件以及它们在中国式现代化进程中的具体体现与实践路径和政策建议研究",
                          &h)); /* too long */
}

static void test_numbered_heading_rejects_enumerations_and_numbers(void **state)
{
    (void)state;
    text_heading_line h;
    assert_false(numbered("一、二、三产业融合发展", &h));
    assert_false(numbered("52.3%，超过了美国、日本、欧盟和韩国的总和。中国", &h)); /* 002 line 334 */
    assert_false(numbered("1.5倍", &h));
    assert_false(numbered("2. 2024", &h));
    assert_false(numbered("100. 一百", &h));
    assert_false(numbered("一、", &h));
    assert_false(numbered("第一ꎬ 技术范式更迭是技术革命性突破的机会窗口ꎮ", &h)); /* 004 */
}

static void test_page_number_recognizer(void **state)
{
    (void)state;
    const char *yes[] = {"··35", "35", "- 12 -", "·35·", "２４", " 7 ", "— 101 —", "2024  "};
    const char *no[] = {"2024.7", "52.3%", "一、", "第35页", "12345", "", "··", "THE 35"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(text_line_is_page_number(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(text_line_is_page_number(no[i], strlen(no[i])));
}

static void test_running_header_recognizer(void **state)
{
    (void)state;
    const char *yes[] = {"社会主义经济理论与实践 2024.7", "THE SOCIALIST ECONOMY: THEORY AND PRACTICE",
                         "中国科技论坛", "Zhongguo Keji Luntan", "(责任编辑 迟凤玲)"};
    const char *no[] = {"产业结构升级与深度融合发展。[10]",
                        "习近平总书记在主持召开新时代推动东北全面", /* body, unpunctuated */
                        "振兴座谈会时提出，“积极培育新能源、新材料、先进", ""};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(text_line_may_be_running_header(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(text_line_may_be_running_header(no[i], strlen(no[i])));
}

static void test_title_tests_for_references_and_foreign(void **state)
{
    (void)state;
    const char *refs[] = {"参考文献", "参考文献:", "参考文献：", "References", "REFERENCES", "Bibliography"};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        assert_true(text_title_is_references(refs[i], strlen(refs[i])));
    assert_false(text_title_is_references("参考", strlen("参考")));
    const char *en = "Formation Logic, Development Path, and Key Levers of New Quality Productive Forces";
    assert_true(text_title_is_foreign(en, strlen(en)));
    assert_false(text_title_is_foreign("AI赋能新质生产力发展", strlen("AI赋能新质生产力发展")));
    assert_false(text_title_is_foreign("5G", 2));
}

static void test_title_clean_strips_markers(void **state)
{
    (void)state;
    struct { const char *in, *out; } cases[] = {
        {"新质生产力及其培育和发展\\*", "新质生产力及其培育和发展"},
        {"**参考文献:**", "参考文献"},
        {"技术革命<sup>[1]</sup>性突破①", "技术革命性突破"},
        {"  新质生产力\xE3\x80\x80 与  科技创新 ", "新质生产力 与 科技创新"},
        {"马克思 «资本论» 研究ꎬ 续", "马克思 《资本论》 研究， 续"},
        {"结论[2]", "结论"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *t = NULL;
        assert_int_equal(text_title_clean(cases[i].in, strlen(cases[i].in), &t), TEXT_OK);
        assert_string_equal(t, cases[i].out);
        free(t);
    }
}

/* ---------------------------------------------------------------- documents */

/* 000's layout: markdown levels as written, references, the English abstract. */
static const char MD_DOC[] =
    "# 新质生产力的形成逻辑、发展路径与关键着力点\n"       /* 1 */
    "\n"
    "**摘要:**新质生产力本质上是时代最新科技产业化的产物。\n" /* 3 */
    "## 一、新质生产力的形成逻辑\n"                        /* 4 */
    "### (一)前置条件:颠覆性创新引致主导技术体系更迭\n"  /* 5 */
    "颠覆性创新是形成新质生产力的技术前提。\n"            /* 6 */
    "1.促进数据要素合法合规有序高效流通。数字技术与生产力基本要素结合。\n" /* 7 */
    "#### 参考文献:\n"                                      /* 8 */
    "- [1]郭冠清.回到马克思[J].当代经济研究,2020(3):5-13.\n"
    "##### Journals\n"                                      /* 10: nested in references */
    "## Formation Logic, Development Path, and Key Levers\n" /* 11 */
    "PENG Xushu\n";

static void test_doc_markdown_heading_levels_and_titles(void **state)
{
    (void)state;
    text_doc *doc = doc_of(MD_DOC);
    assert_int_equal(text_doc_heading_count(doc), 6);
    const text_heading *h = text_doc_heading(doc, 0);
    assert_int_equal(h->line, 1);
    assert_int_equal(h->level, 1);
    assert_int_equal(h->style, TEXT_HEADING_MARKDOWN);
    assert_string_equal(h->title, "新质生产力的形成逻辑、发展路径与关键着力点");
    assert_string_equal(h->label, "");
    h = text_doc_heading(doc, 1);
    assert_int_equal(h->line, 4);
    assert_int_equal(h->level, 2);
    assert_int_equal(h->label_kind, TEXT_LABEL_CN);
    assert_string_equal(h->label, "一、");
    assert_string_equal(h->title, "新质生产力的形成逻辑");
    h = text_doc_heading(doc, 2);
    assert_int_equal(h->level, 3);
    assert_string_equal(h->label, "(一)");
    assert_string_equal(h->title, "前置条件:颠覆性创新引致主导技术体系更迭");
    assert_int_equal(text_doc_line_kind(doc, 7), TEXT_LINE_TEXT); /* "1." paragraph */
    assert_null(text_doc_heading(doc, 6));
    text_doc_free(doc);
}

static void test_doc_flags_references_and_trailing_english(void **state)
{
    (void)state;
    text_doc *doc = doc_of(MD_DOC);
    for (size_t i = 0; i < 3; i++)
        assert_true(text_heading_is_body(text_doc_heading(doc, i)));
    const text_heading *refs = text_doc_heading(doc, 3), *nested = text_doc_heading(doc, 4),
                       *en = text_doc_heading(doc, 5);
    assert_string_equal(refs->title, "参考文献");
    assert_int_equal(refs->flags, TEXT_HEADING_REFERENCES | TEXT_HEADING_NONBODY);
    assert_int_equal(nested->line, 10);
    assert_int_equal(nested->flags & TEXT_HEADING_NONBODY, TEXT_HEADING_NONBODY);
    assert_int_equal(en->flags, TEXT_HEADING_FOREIGN | TEXT_HEADING_NONBODY);
    text_doc_free(doc);
}

static void test_doc_english_heading_followed_by_chinese_is_body(void **state)
{
    (void)state;
    text_doc *doc = doc_of("## Artificial Intelligence and Data\n正文。\n## 二、数据要素\n正文。\n");
    assert_int_equal(text_doc_heading(doc, 0)->flags, 0);
    text_doc_free(doc);
}

/* 002's layout: wrapped lines, blank lines, 一、 and (一), a heading that wraps. */
static const char NUM_DOC[] =
    "新质生产力的形成是先进生产力替代传统生产力，\n" /* 1 */
    "\n"
    "一、新质生产力的内涵特征\n"                      /* 3 */
    "\n"
    "(一)新质生产力的内涵\n"                          /* 5 */
    "\n"
    "从本源看，生产力是具有劳动能力的人和生产资\n"  /* 7 */
    "\n"
    "料相结合而形成的征服和改造自然的能力。\n"      /* 9 */
    "\n"
    "一、二产业融合发展也很重要，需要统筹兼顾。\n"  /* 11: a sentence */
    "\n"
    "(三)构建科技、产业、金融深度融合的新质生产\n"  /* 13 */
    "\n"
    "力实现机制\n"                                    /* 15 */
    "\n"
    "顺畅的“科技—产业—金融”循环机制是新技术产\n"  /* 17 */
    "\n"
    "业化的重要通道，也是新质生产力的实现机制。\n"  /* 19 */
    "\n"
    "二、新质生产力的六大形成条件\n";                /* 21 */

static void test_doc_numbered_headings_rank_styles_present(void **state)
{
    (void)state;
    text_doc *doc = doc_of(NUM_DOC);
    assert_int_equal(text_doc_heading_count(doc), 4);
    const text_heading *h = text_doc_heading(doc, 0);
    assert_int_equal(h->line, 3);
    assert_int_equal(h->level, 1);
    assert_int_equal(h->style, TEXT_HEADING_NUMBERED);
    assert_string_equal(h->label, "一、");
    assert_string_equal(h->title, "新质生产力的内涵特征");
    h = text_doc_heading(doc, 1);
    assert_int_equal(h->line, 5);
    assert_int_equal(h->level, 2);
    assert_int_equal(text_doc_line_kind(doc, 11), TEXT_LINE_TEXT);
    assert_int_equal(text_doc_heading(doc, 3)->level, 1);
    text_doc_free(doc);
}

static void test_doc_wrapped_numbered_heading_is_joined(void **state)
{
    (void)state;
    text_doc *doc = doc_of(NUM_DOC);
    const text_heading *h = text_doc_heading(doc, 2);
    assert_int_equal(h->line, 13);
    assert_int_equal(h->last_line, 15);
    assert_string_equal(h->title, "构建科技、产业、金融深度融合的新质生产力实现机制");
    assert_int_equal(text_doc_line_kind(doc, 15), TEXT_LINE_HEADING);
    assert_int_equal(h->body_start, text_doc_line_offset(doc, 16));
    text_doc_free(doc);
}

/* 004's layout: 一、 and １. give levels 1 and 2; all three styles give 1, 2, 3. */
static void test_doc_digit_headings_rank_below_chinese_numerals(void **state)
{
    (void)state;
    text_doc *doc = doc_of(" 一、 技术革命性突破的理论逻辑\n正文ꎬ 说明ꎮ\n１. 技术革命性突破的基本内涵\n"
                           "正文ꎮ\n ２. 技术革命性突破的生成条件\n正文ꎮ\n");
    assert_int_equal(text_doc_heading_count(doc), 3);
    assert_int_equal(text_doc_heading(doc, 0)->level, 1);
    assert_int_equal(text_doc_heading(doc, 1)->level, 2);
    assert_int_equal(text_doc_heading(doc, 2)->level, 2);
    assert_string_equal(text_doc_heading(doc, 2)->label, "２.");
    text_doc_free(doc);
    doc = doc_of("一、甲部分\n正文。\n(一)乙小节\n正文。\n1.丙小点\n正文。\n");
    assert_int_equal(text_doc_heading(doc, 2)->level, 3);
    text_doc_free(doc);
}

static void test_doc_markdown_headings_win_over_numbered(void **state)
{
    (void)state;
    text_doc *doc = doc_of("# 标题\n一、新质生产力的内涵特征\n正文。\n");
    assert_int_equal(text_doc_heading_count(doc), 1);
    assert_int_equal(text_doc_line_kind(doc, 2), TEXT_LINE_TEXT);
    text_doc_free(doc);
}

static void test_doc_heading_sections_tile_the_text(void **state)
{
    (void)state;
    text_doc *doc = doc_of(NUM_DOC);
    size_t len, n = text_doc_heading_count(doc);
    text_doc_text(doc, &len);
    const text_heading *first = text_doc_heading(doc, 0);
    assert_int_equal(first->start, text_doc_line_offset(doc, 3));
    assert_int_equal(first->body_start, text_doc_line_offset(doc, 4));
    for (size_t i = 0; i < n; i++) {
        const text_heading *h = text_doc_heading(doc, i);
        assert_true(h->start <= h->body_start && h->body_start <= h->body_end);
        assert_int_equal(h->body_end, i + 1 < n ? text_doc_heading(doc, i + 1)->start : len);
        assert_int_equal(text_doc_heading_at(doc, h->start), i);
        if (h->body_end > h->body_start) {
            assert_int_equal(text_doc_heading_at(doc, h->body_start), i);
            assert_int_equal(text_doc_heading_at(doc, h->body_end - 1), i);
        }
    }
    assert_int_equal(text_doc_heading_at(doc, 0), TEXT_NPOS); /* the preamble */
    text_span span;
    assert_int_equal(text_doc_find(doc, "征服和改造自然的能力", strlen("征服和改造自然的能力"), &span, NULL),
                     TEXT_FOUND);
    assert_int_equal(text_doc_heading_at(doc, span.start), 1);
    text_doc_free(doc);
}

static void test_doc_without_headings(void **state)
{
    (void)state;
    text_doc *doc = doc_of("只有正文，没有标题。\n");
    assert_int_equal(text_doc_heading_count(doc), 0);
    assert_int_equal(text_doc_heading_at(doc, 0), TEXT_NPOS);
    text_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown_heading_level_counts_hashes),
        cmocka_unit_test(test_markdown_heading_needs_space_and_title),
        cmocka_unit_test(test_numbered_heading_styles),
        cmocka_unit_test(test_numbered_heading_rejects_sentence_starting_with_yi),
        cmocka_unit_test(test_numbered_heading_rejects_enumerations_and_numbers),
        cmocka_unit_test(test_page_number_recognizer),
        cmocka_unit_test(test_running_header_recognizer),
        cmocka_unit_test(test_title_tests_for_references_and_foreign),
        cmocka_unit_test(test_title_clean_strips_markers),
        cmocka_unit_test(test_doc_markdown_heading_levels_and_titles),
        cmocka_unit_test(test_doc_flags_references_and_trailing_english),
        cmocka_unit_test(test_doc_english_heading_followed_by_chinese_is_body),
        cmocka_unit_test(test_doc_numbered_headings_rank_styles_present),
        cmocka_unit_test(test_doc_wrapped_numbered_heading_is_joined),
        cmocka_unit_test(test_doc_digit_headings_rank_below_chinese_numerals),
        cmocka_unit_test(test_doc_markdown_headings_win_over_numbered),
        cmocka_unit_test(test_doc_heading_sections_tile_the_text),
        cmocka_unit_test(test_doc_without_headings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
