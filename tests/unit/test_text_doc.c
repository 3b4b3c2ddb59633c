/* test_text_doc.c — source documents: furniture, the normalized text and its map back to
 * lines, quote lookup (index and placeholders), load errors. Fragments imitate the corpus
 * layouts: 002's wrapped lines with blank lines and a page break, 004's PDF glyphs. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen, unlink */
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ckg/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PUA_DOT "\xF4\x80\x86\xB0" /* U+1001B0 */

/* 002 around its page break (lines 1-15). */
static const char PAGE_BREAK[] =
    "产业化并赋能新兴产业发展和传统产业升级，实现\n" /* 1 */
    "\n"
    "产业结构升级与深度融合发展。[10]\n"            /* 3 */
    "\n"
    "··35\n"                                          /* 5 */
    "\n"
    "\n"
    "\n"
    "社会主义经济理论与实践 2024.7\n"                /* 9 */
    "THE SOCIALIST ECONOMY: THEORY AND PRACTICE\n"   /* 10 */
    "\n"
    "三是要素配置优。新质生产力的形成过程实质\n"    /* 12 */
    "\n"
    "上是科技、金融、人才、数据、信息等一系列重要生产\n" /* 14 */
    "\n";

static text_doc *doc_of(const char *s)
{
    text_doc *doc = NULL;
    text_error err;
    assert_int_equal(text_doc_from_buffer(s, strlen(s), 0, &doc, &err), TEXT_OK);
    assert_int_equal(err.code, TEXT_OK);
    assert_non_null(doc);
    return doc;
}

static int find(const text_doc *doc, const char *quote, text_span *span)
{
    return text_doc_find(doc, quote, strlen(quote), span, NULL);
}

static void test_doc_quote_spans_page_number_and_running_header(void **state)
{
    (void)state;
    text_doc *doc = doc_of(PAGE_BREAK);
    text_span span;
    assert_int_equal(find(doc, "产业结构升级与深度融合发展。三是要素配置优。", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 3);
    assert_int_equal(span.end_line, 12);
    text_doc_free(doc);
}

static void test_doc_furniture_lines_are_left_out_of_the_text(void **state)
{
    (void)state;
    text_doc *doc = doc_of(PAGE_BREAK);
    assert_int_equal(text_doc_line_kind(doc, 5), TEXT_LINE_PAGE_NUMBER);
    assert_int_equal(text_doc_line_kind(doc, 9), TEXT_LINE_RUNNING_HEADER);
    assert_int_equal(text_doc_line_kind(doc, 10), TEXT_LINE_RUNNING_HEADER);
    assert_int_equal(text_doc_line_kind(doc, 3), TEXT_LINE_TEXT);
    assert_int_equal(text_doc_line_kind(doc, 2), TEXT_LINE_BLANK);
    const char *t = text_doc_text(doc, NULL);
    assert_null(strstr(t, "35"));
    assert_null(strstr(t, "SOCIALIST"));
    assert_null(strstr(t, "2024"));
    text_span span;
    assert_int_equal(find(doc, "THE SOCIALIST ECONOMY", &span), TEXT_NOT_FOUND);
    text_doc_free(doc);
}

static void test_doc_quote_spans_midword_breaks_and_blank_lines(void **state)
{
    (void)state;
    text_doc *doc = doc_of("加快形成新质生产力的重要论断，是着眼于中国式现\n"
                           "\n"
                           "代化全局的新要求，也是引领新一轮科技革命与产业\n"
                           "\n"
                           "变革的新方略。\n");
    text_span span;
    assert_int_equal(find(doc, "是着眼于中国式现代化全局的新要求，也是引领新一轮科技革命与产业变革的新方略",
                          &span),
                     TEXT_FOUND);
    assert_int_equal(span.start_line, 1);
    assert_int_equal(span.end_line, 5);
    text_doc_free(doc);
}

/* A body line without punctuation next to a page number stays body text. */
static void test_doc_unpunctuated_body_line_by_page_number_is_kept(void **state)
{
    (void)state;
    text_doc *doc = doc_of("习近平总书记在主持召开新时代推动东北全面\n"
                           "\n"
                           "··35\n"
                           "\n"
                           "振兴座谈会时提出，“积极培育新能源、新材料”\n");
    text_span span;
    assert_int_equal(text_doc_line_kind(doc, 1), TEXT_LINE_TEXT);
    assert_int_equal(find(doc, "推动东北全面振兴座谈会", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 1);
    assert_int_equal(span.end_line, 5);
    text_doc_free(doc);
}

static void test_doc_heading_next_to_page_number_is_not_furniture(void **state)
{
    (void)state;
    text_doc *doc = doc_of("一、新质生产力的内涵特征\n\n"
                           "正文第一段，说明内涵。\n\n"
                           "··36\n\n"
                           "(二)数据等新生产要素进入生产函数\n\n"
                           "正文第二段，说明要素。\n");
    assert_int_equal(text_doc_line_kind(doc, 5), TEXT_LINE_PAGE_NUMBER);
    assert_int_equal(text_doc_line_kind(doc, 7), TEXT_LINE_HEADING);
    assert_int_equal(text_doc_heading_count(doc), 2);
    text_doc_free(doc);
}

static void test_doc_reports_line_of_match_starting_mid_line(void **state)
{
    (void)state;
    text_doc *doc = doc_of("第一行没有引文。\n"
                           "**摘要:**新质生产力本质上是时代最新科技产业化的产物,代表了生产力发展方向\n"
                           "和趋势。\n");
    text_span span;
    assert_int_equal(find(doc, "代表了生产力发展方向和趋势", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 2);
    assert_int_equal(span.end_line, 3);
    text_pos pos;
    assert_int_equal(text_doc_locate(doc, span.start, &pos), TEXT_OK);
    assert_int_equal(pos.line, 2);
    assert_int_equal(pos.col, 30); /* after "**摘要:**" (8) and 21 characters */
    size_t len;
    const char *line2 = text_doc_line(doc, 2, &len);
    assert_int_equal(pos.offset, (size_t)(line2 - text_doc_line(doc, 1, NULL)) +
                                     (size_t)(strstr(line2, "代表") - line2));
    text_doc_free(doc);
}

static void test_doc_quote_not_found(void **state)
{
    (void)state;
    text_doc *doc = doc_of(PAGE_BREAK);
    text_span span;
    text_error err;
    assert_int_equal(text_doc_find(doc, "三是要素配置差", strlen("三是要素配置差"), &span, &err),
                     TEXT_NOT_FOUND);
    assert_int_equal(err.code, TEXT_NOT_FOUND);
    assert_int_equal(text_doc_find_n(doc, "完全不存在的一句话而且很长", 39, &span), TEXT_NOT_FOUND);
    text_doc_free(doc);
}

static void test_doc_empty_quote_after_normalization(void **state)
{
    (void)state;
    text_doc *doc = doc_of(PAGE_BREAK);
    text_span span;
    assert_int_equal(find(doc, "", &span), TEXT_EMPTY_QUOTE);
    assert_int_equal(find(doc, " ①\xE3\x80\x80[12]\n", &span), TEXT_EMPTY_QUOTE);
    text_doc_free(doc);
}

static void test_doc_find_reports_invalid_utf8_in_quote(void **state)
{
    (void)state;
    text_doc *doc = doc_of(PAGE_BREAK);
    text_span span;
    text_error err;
    assert_int_equal(text_doc_find(doc, "产业\xFF", 7, &span, &err), TEXT_EUTF8);
    assert_int_equal(err.offset, 6);
    text_doc_free(doc);
}

/* 004 writes the decimal point as U+1001B0; a curator types "11.2". */
static void test_doc_placeholder_matches_any_quote_character(void **state)
{
    (void)state;
    text_doc *doc = doc_of("数字产业蓬勃发展ꎬ 数字经济规模从 ２０１２ 年的 １１" PUA_DOT " ２ 万亿\n"
                           "\n"
                           "元增长至 ２０２３ 年的 ５３" PUA_DOT " ９ 万亿元①ꎮ\n");
    text_span span;
    assert_int_equal(find(doc, "数字经济规模从2012年的11.2万亿元增长至2023年的53.9万亿元。", &span),
                     TEXT_FOUND);
    assert_int_equal(span.start_line, 1);
    assert_int_equal(span.end_line, 3);
    assert_int_equal(find(doc, "11.2万亿", &span), TEXT_FOUND); /* short: found by scanning */
    assert_int_equal(find(doc, "的11\xEF\xBF\xBD" "2万亿元", &span), TEXT_FOUND);
    assert_int_equal(find(doc, "53.9万亿元", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 3);
    assert_int_equal(find(doc, "数字经济规模从2012年的11·2万亿元", &span), TEXT_FOUND); /* any char */
    assert_int_equal(find(doc, "数字经济规模从2012年的11.20万亿元", &span), TEXT_NOT_FOUND);
    text_doc_free(doc);
}

static void test_doc_matches_004_quirks_with_plain_punctuation(void **state)
{
    (void)state;
    text_doc *doc = doc_of(" 作者简介: 翟绪权 (１９８９－ )ꎬ 浙江大学马克思主义学院副教授 (浙江杭州\xE3\x80\x80 "
                           "３１００５８)ꎮ\n"
                           "马克思在 «资本论» 中指出ꎬ 企业采用新技术是为了\n");
    text_span span;
    assert_int_equal(find(doc, "浙江大学马克思主义学院副教授（浙江杭州310058）。", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 1);
    assert_int_equal(find(doc, "马克思在《资本论》中指出，企业采用新技术", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 2);
    text_doc_free(doc);
}

static void test_doc_first_occurrence_wins(void **state)
{
    (void)state;
    text_doc *doc = doc_of("开头。\n新质生产力是先进生产力质态。\n中间。\n新质生产力是先进生产力质态。\n");
    text_span span;
    assert_int_equal(find(doc, "新质生产力是先进生产力质态", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 2);
    text_doc_free(doc);
}

static void test_doc_line_offsets_map_back_to_lines(void **state)
{
    (void)state;
    text_doc *doc = doc_of(PAGE_BREAK);
    size_t len, n = text_doc_line_count(doc);
    text_doc_text(doc, &len);
    assert_int_equal(n, 15); /* the last line is empty */
    assert_int_equal(text_doc_line_offset(doc, 1), 0);
    assert_int_equal(text_doc_line_offset(doc, n + 1), len);
    assert_int_equal(text_doc_line_offset(doc, n + 2), TEXT_NPOS);
    assert_int_equal(text_doc_line_offset(doc, 0), TEXT_NPOS);
    for (size_t line = 1; line <= n; line++) {
        size_t off = text_doc_line_offset(doc, line);
        if (text_doc_line_offset(doc, line + 1) > off) /* a line with text */
            assert_int_equal(text_doc_offset_line(doc, off), line);
    }
    assert_int_equal(text_doc_offset_line(doc, len), 14);
    assert_int_equal(text_doc_offset_line(doc, len + 1), 0);
    text_doc_free(doc);
}

static void test_doc_lines_keep_original_text_without_line_breaks(void **state)
{
    (void)state;
    text_doc *doc = doc_of("甲 乙\r\n丙\n\n丁");
    size_t len;
    assert_int_equal(text_doc_line_count(doc), 4);
    const char *l = text_doc_line(doc, 1, &len);
    assert_int_equal(len, strlen("甲 乙"));
    assert_memory_equal(l, "甲 乙", len);
    assert_non_null(text_doc_line(doc, 4, &len));
    assert_int_equal(len, strlen("丁"));
    assert_null(text_doc_line(doc, 5, &len));
    assert_null(text_doc_line(doc, 0, &len));
    text_doc_free(doc);
}

static void test_doc_invalid_utf8_reports_line_and_column(void **state)
{
    (void)state;
    const char bad[] = "第一行\n第二\xFF行\n";
    text_doc *doc = (text_doc *)1;
    text_error err;
    assert_int_equal(text_doc_from_buffer(bad, sizeof bad - 1, 0, &doc, &err), TEXT_EUTF8);
    assert_null(doc);
    assert_int_equal(err.code, TEXT_EUTF8);
    assert_int_equal(err.offset, 16);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 3);
}

static void test_doc_invalid_utf8_in_furniture_line_is_reported(void **state)
{
    (void)state;
    const char bad[] = "正文，结束。\n\n··35\n\n社会主义经济理论与实践 2024.7\xC3\n\n正文，继续。\n";
    text_doc *doc = NULL;
    text_error err;
    assert_int_equal(text_doc_from_buffer(bad, sizeof bad - 1, 0, &doc, &err), TEXT_EUTF8);
    assert_int_equal(err.line, 5);
    assert_int_equal(err.col, 19);
}

static void test_doc_missing_file_is_io_error(void **state)
{
    (void)state;
    text_doc *doc = (text_doc *)1;
    text_error err;
    assert_int_equal(text_doc_load("/nonexistent/ckg/000.txt", 0, &doc, &err), TEXT_EIO);
    assert_null(doc);
    assert_int_equal(err.code, TEXT_EIO);
    assert_int_equal(err.sys_errno, ENOENT);
}

static void test_doc_directory_is_io_error(void **state)
{
    (void)state;
    text_doc *doc = NULL;
    text_error err;
    assert_int_equal(text_doc_load("/", 0, &doc, &err), TEXT_EIO);
    assert_int_not_equal(err.sys_errno, 0);
}

static void test_doc_rejects_missing_arguments(void **state)
{
    (void)state;
    text_doc *doc = (text_doc *)1;
    assert_int_equal(text_doc_load(NULL, 0, &doc, NULL), TEXT_EINVAL);
    assert_null(doc);
    assert_int_equal(text_doc_from_buffer(NULL, 5, 0, &doc, NULL), TEXT_EINVAL);
    assert_null(doc);
}

static void test_doc_load_reads_a_file(void **state)
{
    (void)state;
    char path[] = "/tmp/ckg-test-text-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    fputs(PAGE_BREAK, f);
    fclose(f);
    text_doc *doc = NULL;
    text_error err;
    int rc = text_doc_load(path, 0, &doc, &err);
    unlink(path);
    assert_int_equal(rc, TEXT_OK);
    text_span span;
    assert_int_equal(find(doc, "三是要素配置优", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, 12);
    text_doc_free(doc);
}

/* A mapped file is not NUL-terminated: a text filling whole pages, without a final line
 * break, must be read to its last byte and no further. */
static void test_doc_file_of_whole_pages_without_final_newline(void **state)
{
    (void)state;
    char path[] = "/tmp/ckg-test-text-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    size_t written = 0;
    while (written + 19 <= 8192 - 15 - 19) { /* lines of "新质生产力。\n" (19 bytes) */
        fputs("新质生产力。\n", f);
        written += 19;
    }
    for (; written < 8192 - 15; written++)
        fputc('x', f);
    fputs("结尾的句子", f); /* 15 bytes: the file ends at 8192, no line break */
    fclose(f);
    text_doc *doc = NULL;
    int rc = text_doc_load(path, 0, &doc, NULL);
    unlink(path);
    assert_int_equal(rc, TEXT_OK);
    text_span span;
    size_t n = text_doc_line_count(doc), len;
    const char *last = text_doc_line(doc, n, &len);
    assert_int_equal((size_t)(last + len - text_doc_line(doc, 1, NULL)), 8192);
    assert_memory_equal(last + len - 15, "结尾的句子", 15);
    assert_int_equal(find(doc, "结尾的句子", &span), TEXT_FOUND);
    assert_int_equal(span.start_line, n);
    text_doc_free(doc);
}

/* Only regular files are read (filebuf_read): a device would be read forever and a FIFO
 * would block the run, so both are refused at once, with EINVAL. */
static void test_doc_load_refuses_devices_and_fifos(void **state)
{
    (void)state;
    text_doc *doc = (text_doc *)1;
    text_error err;
    assert_int_equal(text_doc_load("/dev/null", 0, &doc, &err), TEXT_EIO);
    assert_null(doc);
    assert_int_equal(err.code, TEXT_EIO);
    assert_int_equal(err.sys_errno, EINVAL);
    char dir[] = "/tmp/ckg-test-fifo-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/pipe.txt", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    int rc = text_doc_load(path, 0, &doc, &err); /* no writer: a blocking open would hang */
    unlink(path);
    rmdir(dir);
    assert_int_equal(rc, TEXT_EIO);
    assert_int_equal(err.sys_errno, EINVAL);
}

static void test_doc_load_reads_empty_files(void **state)
{
    (void)state;
    text_doc *doc = NULL;
    char path[] = "/tmp/ckg-test-text-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    int rc = text_doc_load(path, 0, &doc, NULL);
    unlink(path);
    assert_int_equal(rc, TEXT_OK);
    assert_int_equal(text_doc_line_count(doc), 0);
    text_doc_free(doc);
}

static void test_doc_empty_buffer_has_no_lines(void **state)
{
    (void)state;
    text_doc *doc = NULL;
    assert_int_equal(text_doc_from_buffer("", 0, 0, &doc, NULL), TEXT_OK);
    assert_int_equal(text_doc_line_count(doc), 0);
    assert_int_equal(text_doc_heading_count(doc), 0);
    text_span span;
    assert_int_equal(find(doc, "新质", &span), TEXT_NOT_FOUND);
    assert_int_equal(text_doc_offset_line(doc, 0), 0);
    text_pos pos;
    assert_int_equal(text_doc_locate(doc, 0, &pos), TEXT_EINVAL);
    text_doc_free(doc);
}

/* A text of nothing but blank lines and page furniture has an empty normalized text, and
 * that text is a proper (NUL-terminated) empty string (found by fuzz_text). */
static void test_doc_without_body_lines_has_empty_text(void **state)
{
    (void)state;
    const char *src = "\n··12\n\n测试期刊 2024.1\nTEST JOURNAL\n\n";
    text_doc *doc = NULL;
    assert_int_equal(text_doc_from_buffer(src, strlen(src), 0, &doc, NULL), TEXT_OK);
    size_t len = 99;
    const char *text = text_doc_text(doc, &len);
    assert_int_equal(len, 0);
    assert_string_equal(text, "");
    text_doc_free(doc);
}

static void test_doc_noindex_finds_the_same(void **state)
{
    (void)state;
    text_doc *a = doc_of(PAGE_BREAK), *b = NULL;
    assert_int_equal(text_doc_from_buffer(PAGE_BREAK, strlen(PAGE_BREAK), TEXT_DOC_NOINDEX, &b, NULL),
                     TEXT_OK);
    const char *quotes[] = {"深度融合发展。三是", "新质生产力的形成过程实质上是科技", "实现产业结构", "缺失的句子"};
    for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
        text_span sa = {0}, sb = {0};
        assert_int_equal(find(a, quotes[i], &sa), find(b, quotes[i], &sb));
        assert_int_equal(sa.start, sb.start);
        assert_int_equal(sa.end, sb.end);
    }
    text_doc_free(a);
    text_doc_free(b);
}

/* The index must find exactly what a scan finds, first occurrence included. */
static void test_index_search_agrees_with_scan(void **state)
{
    (void)state;
    static const char *const alphabet[] = {"新", "质", "生", "产", "力", "a", "b", "，", "1"};
    unsigned seed = 99;
    for (int round = 0; round < 200; round++) {
        char text[4096];
        size_t len = 0;
        size_t n = 50 + (seed >> 16) % 400;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *a = alphabet[(seed >> 16) % 9];
            memcpy(text + len, a, strlen(a));
            len += strlen(a);
        }
        text[len] = '\0';
        text_index *ix = NULL;
        assert_int_equal(text_index_build(text, len, &ix), TEXT_OK);
        for (int q = 0; q < 50; q++) {
            char needle[256];
            size_t nlen = 0;
            seed = seed * 1103515245u + 12345u;
            if (q % 2 == 0) { /* a substring of the text, starting at a character */
                size_t at = (seed >> 16) % len;
                while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
                    at--;
                size_t want = 3 + (seed >> 8) % 30, end = at;
                while (end < len && end - at < want)
                    end++;
                while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80)
                    end++;
                nlen = end - at;
                memcpy(needle, text + at, nlen);
            } else { /* random characters, usually absent */
                size_t k = 2 + (seed >> 16) % 8;
                for (size_t i = 0; i < k; i++) {
                    seed = seed * 1103515245u + 12345u;
                    const char *a = alphabet[(seed >> 16) % 9];
                    memcpy(needle + nlen, a, strlen(a));
                    nlen += strlen(a);
                }
            }
            size_t want = SIZE_MAX;
            for (size_t p = 0; p + nlen <= len && want == SIZE_MAX; p++) {
                if (memcmp(text + p, needle, nlen) == 0)
                    want = p;
            }
            size_t s = 0, e = 0;
            int rc = text_search(ix, text, len, needle, nlen, &s, &e);
            if (want == SIZE_MAX) {
                assert_int_equal(rc, TEXT_NOT_FOUND);
            } else {
                assert_int_equal(rc, TEXT_FOUND);
                assert_int_equal(s, want);
                assert_int_equal(e, want + nlen);
            }
            size_t s2 = 0, e2 = 0;
            assert_int_equal(text_search(NULL, text, len, needle, nlen, &s2, &e2), rc);
            if (rc == TEXT_FOUND)
                assert_int_equal(s2, s);
        }
        text_index_free(ix);
    }
}

static void test_search_empty_needle_is_not_found(void **state)
{
    (void)state;
    size_t s, e;
    assert_int_equal(text_search(NULL, "abc", 3, "", 0, &s, &e), TEXT_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_quote_spans_page_number_and_running_header),
        cmocka_unit_test(test_doc_furniture_lines_are_left_out_of_the_text),
        cmocka_unit_test(test_doc_quote_spans_midword_breaks_and_blank_lines),
        cmocka_unit_test(test_doc_unpunctuated_body_line_by_page_number_is_kept),
        cmocka_unit_test(test_doc_heading_next_to_page_number_is_not_furniture),
        cmocka_unit_test(test_doc_reports_line_of_match_starting_mid_line),
        cmocka_unit_test(test_doc_quote_not_found),
        cmocka_unit_test(test_doc_empty_quote_after_normalization),
        cmocka_unit_test(test_doc_find_reports_invalid_utf8_in_quote),
        cmocka_unit_test(test_doc_placeholder_matches_any_quote_character),
        cmocka_unit_test(test_doc_matches_004_quirks_with_plain_punctuation),
        cmocka_unit_test(test_doc_first_occurrence_wins),
        cmocka_unit_test(test_doc_line_offsets_map_back_to_lines),
        cmocka_unit_test(test_doc_lines_keep_original_text_without_line_breaks),
        cmocka_unit_test(test_doc_invalid_utf8_reports_line_and_column),
        cmocka_unit_test(test_doc_invalid_utf8_in_furniture_line_is_reported),
        cmocka_unit_test(test_doc_missing_file_is_io_error),
        cmocka_unit_test(test_doc_directory_is_io_error),
        cmocka_unit_test(test_doc_rejects_missing_arguments),
        cmocka_unit_test(test_doc_load_reads_a_file),
        cmocka_unit_test(test_doc_file_of_whole_pages_without_final_newline),
        cmocka_unit_test(test_doc_load_refuses_devices_and_fifos),
        cmocka_unit_test(test_doc_load_reads_empty_files),
        cmocka_unit_test(test_doc_empty_buffer_has_no_lines),
        cmocka_unit_test(test_doc_without_body_lines_has_empty_text),
        cmocka_unit_test(test_doc_noindex_finds_the_same),
        cmocka_unit_test(test_index_search_agrees_with_scan),
        cmocka_unit_test(test_search_empty_needle_is_not_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
