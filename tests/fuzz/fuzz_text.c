/* fuzz_text.c — libFuzzer target: quote normalization and lookup in a source document.
 *
 * The input is a source text and a quote: the first two bytes give the quote's length q
 * (big-endian, clamped), the last q bytes are the quote and everything between is the
 * text. The target loads the text as a document twice, with and without the search index,
 * looks the quote up in both, and exercises the rest of the text module on the quote
 * (normalization, folding, width and fitting, heading recognizers, title cleaning, edit
 * distance).
 *
 * Oracles beyond the sanitizers: the indexed and the scanning search agree on every
 * verdict and span; a match lies inside the text and its lines in order; an exact match
 * (no placeholder in the matched text) is byte for byte the normalized quote; the
 * document's line offsets, headings and section lookups are consistent. */
#include "ckg/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);     \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

static void exercise_quote(const char *q, size_t qlen)
{
    char *out = NULL;
    size_t out_len = 0;
    text_error err;
    if (text_fold_n(q, qlen, &out, &out_len, &err) == TEXT_OK)
        CHECK(strlen(out) <= out_len);
    free(out);
    out = NULL;
    if (text_title_clean(q, qlen, &out) == TEXT_OK)
        CHECK(out != NULL);
    free(out);
    out = NULL;
    size_t cols = text_width(q, qlen);
    size_t fit_len = 0, w = 0;
    for (size_t target = 0; target < 12; target += 5) {
        if (text_fit(q, qlen, target, (text_align)(target % 3), "…", &out, &fit_len) == TEXT_OK)
            CHECK(text_width(out, fit_len) == target);
        free(out);
        out = NULL;
    }
    CHECK(text_width_prefix(q, qlen, cols, &w) <= qlen && w <= cols);
    text_heading_line h;
    if (text_line_markdown_heading(q, qlen, &h))
        CHECK(h.title_off + h.title_len <= qlen);
    if (text_line_numbered_heading(q, qlen, &h))
        CHECK(h.label_off + h.label_len <= qlen && h.title_off + h.title_len <= qlen);
    (void)text_line_is_page_number(q, qlen);
    (void)text_line_may_be_running_header(q, qlen);
    if (qlen <= 64)
        (void)text_edit_distance_n(q, qlen, "新质生产力", strlen("新质生产力"), 8);
}

static void check_doc(const text_doc *doc)
{
    size_t len;
    const char *text = text_doc_text(doc, &len);
    CHECK(text && strlen(text) <= len);
    size_t lines = text_doc_line_count(doc), prev = 0;
    for (size_t n = 1; n <= lines + 1; n++) {
        size_t off = text_doc_line_offset(doc, n);
        CHECK(off != TEXT_NPOS && off >= prev && off <= len);
        prev = off;
    }
    CHECK(prev == len);
    for (size_t i = 0; i < text_doc_heading_count(doc); i++) {
        const text_heading *h = text_doc_heading(doc, i);
        CHECK(h->line >= 1 && h->line <= h->last_line && h->last_line <= lines);
        CHECK(h->start <= h->body_start && h->body_start <= h->body_end && h->body_end <= len);
        CHECK(h->title && h->label);
        if (h->start < len && h->start < h->body_end)
            CHECK(text_doc_heading_at(doc, h->start) == i);
    }
    for (size_t off = 0; off < len; off += 1 + len / 7) {
        size_t n = text_doc_offset_line(doc, off);
        CHECK(n >= 1 && n <= lines && text_doc_line_offset(doc, n) <= off);
        text_pos pos;
        CHECK(text_doc_locate(doc, off, &pos) == TEXT_OK && pos.line == n);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t qlen = (size_t)data[0] << 8 | data[1];
    if (qlen > size - 2)
        qlen = size - 2;
    const char *text = (const char *)data + 2, *q = (const char *)data + size - qlen;
    size_t tlen = size - 2 - qlen;

    exercise_quote(q, qlen);

    text_doc *indexed = NULL, *scanned = NULL;
    text_error e1, e2;
    int r1 = text_doc_from_buffer(text, tlen, 0, &indexed, &e1);
    int r2 = text_doc_from_buffer(text, tlen, TEXT_DOC_NOINDEX, &scanned, &e2);
    CHECK(r1 == r2);
    if (r1 != TEXT_OK) {
        CHECK(r1 == TEXT_EUTF8 || r1 == TEXT_ENOMEM || r1 == TEXT_EINVAL);
        if (r1 == TEXT_EUTF8)
            CHECK(e1.offset < tlen && e1.offset == e2.offset && e1.line >= 1 && e1.col >= 1);
        goto out;
    }
    check_doc(indexed);

    text_span s1, s2;
    text_error qe;
    int f1 = text_doc_find(indexed, q, qlen, &s1, &qe);
    int f2 = text_doc_find(scanned, q, qlen, &s2, NULL);
    CHECK(f1 == f2);
    if (f1 == TEXT_EUTF8)
        CHECK(qe.offset < qlen);
    if (f1 != TEXT_FOUND)
        goto out;
    CHECK(s1.start == s2.start && s1.end == s2.end);
    CHECK(s1.start_line == s2.start_line && s1.end_line == s2.end_line);
    size_t len;
    const char *norm = text_doc_text(indexed, &len);
    CHECK(s1.start < s1.end && s1.end <= len);
    CHECK(s1.start_line >= 1 && s1.start_line <= s1.end_line &&
          s1.end_line <= text_doc_line_count(indexed));
    char *nq = NULL;
    size_t nlen = 0;
    CHECK(text_normalize(q, qlen, &nq, &nlen, NULL) == TEXT_OK);
    int wild = 0;
    for (size_t i = s1.start; i + 3 <= s1.end; i++)
        wild |= memcmp(norm + i, "\xEF\xBF\xBD", 3) == 0;
    if (!wild)
        CHECK(s1.end - s1.start == nlen && memcmp(norm + s1.start, nq, nlen) == 0);
    free(nq);
out:
    text_doc_free(indexed);
    text_doc_free(scanned);
    return 0;
}
