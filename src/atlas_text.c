/* atlas_text.c — the paragraphs of a source text, and the passage around a quote as the atlas
 * shows it: the paragraph (or the paragraphs a quote spans) cleaned for reading, with the
 * quote's place in it (atlas.h says what a paragraph is and what the cleaning does).
 *
 * The quote is found by the library's quote matching (text_doc_find on the normalized text);
 * its first and last characters are located in the file (text_doc_locate: line and column),
 * and the passage is composed line by line from the file's own bytes, noting where those two
 * characters land in the text shown. The mark therefore holds exactly the source's
 * characters that matched, cleaned as the rest of the paragraph is: normalizing it gives the
 * normalized quote (tests/unit/test_atlas.c checks this for every quote of the fixtures and,
 * when the corpus is at hand, of the shipped ontology). */
#include "ckg/atlas.h"
#include "ckg/status.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

enum {
    WRAPPED_MIN_LINES = 20,  /* a text needs this many text lines to count as wrapped */
    WRAPPED_MAX_COLS = 120,  /* ... and nine in ten of them at most this wide */
    SHORT_LINE_PERCENT = 85, /* a line under this share of a full one may end a paragraph */
};

struct atlas_text {
    const text_doc *doc;
    size_t n_lines;
    int32_t *para_of; /* [1..n_lines]: the paragraph a line belongs to, -1 for none */
    size_t *first, *last;
    size_t n_paras;
    int wrapped;
};

/* ------------------------------------------------------------------ characters */

static size_t decode(const char *s, size_t len, uint32_t *cp)
{
    size_t n = text_utf8_decode(s, len, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        n = 1;
    }
    return n;
}

/* What a terminal would act on rather than show (text.h, "terminal display"). */
static int is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 ||
           cp == 0x2029 || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x1680 || is_control(cp);
}

static int is_invisible(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

static int is_ascii_punct(unsigned char c)
{
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

static int is_private_use(uint32_t cp)
{
    return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

/* The character shown for cp: the PDF's glyphs as what they stand for. */
static uint32_t shown(uint32_t cp)
{
    switch (cp) {
    case 0xA3AC: return 0xFF0C; /* ꎬ -> ， */
    case 0xA3AE: return 0x3002; /* ꎮ -> 。 */
    case 0xA3BB: return 0xFF1B; /* ꎻ -> ； */
    case 0x00AB: return 0x300A; /* « -> 《 */
    case 0x00BB: return 0x300B; /* » -> 》 */
    default: return is_private_use(cp) ? '.' : cp;
    }
}

static int ends_sentence(uint32_t cp)
{
    static const uint32_t enders[] = {0x3002, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0x2026, 0xA3AE,
                                      0xA3BB, '.', '!', '?', ':', ';', 0x201D, 0x2019,
                                      0x300D, 0x300F, 0xFF09, ')', 0x3011, 0x300B};
    for (size_t i = 0; i < sizeof enders / sizeof *enders; i++) {
        if (cp == enders[i])
            return 1;
    }
    return 0;
}

/* The line without leading and trailing white space: [*start, *end) of s[0..len). */
static void trim(const char *s, size_t len, size_t *start, size_t *end)
{
    size_t a = 0, b = len;
    uint32_t cp;
    while (a < b) {
        size_t n = decode(s + a, b - a, &cp);
        if (!is_space(cp) && !is_invisible(cp))
            break;
        a += n;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        decode(s + k, b - k, &cp);
        if (!is_space(cp) && !is_invisible(cp))
            break;
        b = k;
    }
    *start = a;
    *end = b;
}

/* The last character of s[0..len) (len > 0). */
static uint32_t last_char(const char *s, size_t len)
{
    size_t k = len - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    uint32_t cp;
    decode(s + k, len - k, &cp);
    return cp;
}

/* ------------------------------------------------------------------ paragraphs */

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

int atlas_text_new(const text_doc *doc, atlas_text **out)
{
    int rc = CKG_ENOMEM;
    atlas_text *t = calloc(1, sizeof *t);
    size_t *widths = NULL, n_widths = 0;
    *out = NULL;
    if (!t)
        return CKG_ENOMEM;
    t->doc = doc;
    t->n_lines = text_doc_line_count(doc);
    size_t n = t->n_lines + 1;
    if (!(t->para_of = malloc(n * sizeof *t->para_of)) ||
        !(t->first = malloc(n * sizeof *t->first)) || !(t->last = malloc(n * sizeof *t->last)) ||
        !(widths = malloc(n * sizeof *widths)))
        goto out;

    /* the heading each line belongs to (a numbered heading may take two lines) */
    for (size_t i = 0; i < n; i++)
        t->para_of[i] = -1;
    for (size_t h = 0; h < text_doc_heading_count(doc); h++) {
        const text_heading *hd = text_doc_heading(doc, h);
        for (size_t l = hd->line; l <= hd->last_line && l <= t->n_lines; l++)
            t->para_of[l] = -2 - (int32_t)h;
    }

    /* widths of the text lines, to tell a hard-wrapped text */
    for (size_t l = 1; l <= t->n_lines; l++) {
        size_t len, a, b;
        const char *s = text_doc_line(doc, l, &len);
        if (text_doc_line_kind(doc, l) != TEXT_LINE_TEXT || t->para_of[l] != -1)
            continue;
        trim(s, len, &a, &b);
        if (a < b)
            widths[n_widths++] = text_width(s + a, b - a);
    }
    size_t full = 0;
    if (n_widths) {
        qsort(widths, n_widths, sizeof *widths, cmp_size);
        full = widths[(n_widths - 1) * 9 / 10];
    }
    t->wrapped = n_widths >= WRAPPED_MIN_LINES && full <= WRAPPED_MAX_COLS;

    /* the paragraphs: open is the one being filled, -1 when none */
    int32_t open = -1, heading = -1;
    for (size_t l = 1; l <= t->n_lines; l++) {
        text_line_kind kind = text_doc_line_kind(doc, l);
        size_t len, a, b;
        const char *s = text_doc_line(doc, l, &len);
        trim(s, len, &a, &b);
        if (t->para_of[l] <= -2) { /* a heading: a paragraph of its own */
            int32_t h = -2 - t->para_of[l];
            if (h != heading) {
                t->first[t->n_paras] = l;
                open = (int32_t)t->n_paras++;
                heading = h;
            }
            t->para_of[l] = open;
            t->last[open] = l;
            continue;
        }
        if (heading >= 0) { /* the line after a heading starts afresh */
            heading = -1;
            open = -1;
        }
        if (kind == TEXT_LINE_PAGE_NUMBER || kind == TEXT_LINE_RUNNING_HEADER)
            continue;
        if (kind == TEXT_LINE_BLANK || a == b) {
            if (!t->wrapped)
                open = -1;
            continue;
        }
        if (open < 0) {
            t->first[t->n_paras] = l;
            open = (int32_t)t->n_paras++;
        }
        t->para_of[l] = open;
        t->last[open] = l;
        if (t->wrapped && text_width(s + a, b - a) * 100 < full * SHORT_LINE_PERCENT &&
            ends_sentence(last_char(s + a, b - a)))
            open = -1;
    }
    rc = CKG_OK;
out:
    free(widths);
    if (rc != CKG_OK) {
        atlas_text_free(t);
        t = NULL;
    }
    *out = t;
    return rc;
}

void atlas_text_free(atlas_text *t)
{
    if (!t)
        return;
    free(t->para_of);
    free(t->first);
    free(t->last);
    free(t);
}

size_t atlas_text_paragraph_count(const atlas_text *t)
{
    return t->n_paras;
}

void atlas_text_paragraph_lines(const atlas_text *t, size_t i, size_t *first, size_t *last)
{
    *first = t->first[i];
    *last = t->last[i];
}

int atlas_text_is_wrapped(const atlas_text *t)
{
    return t->wrapped;
}

/* ------------------------------------------------------------------ composing a passage */

typedef struct composer {
    strbuf text;
    size_t len16;  /* UTF-16 code units so far */
    int pending;   /* white space (or a line break) seen since the last character */
    int narrow;    /* the last character written is one column wide */
} composer;

/* Writes cp; a pending space first when both neighbours are narrow (Latin words). With
 * mark, the passage's mark starts at cp (after that space). */
static void put_char(composer *c, uint32_t cp, atlas_passage *mark)
{
    char buf[4];
    size_t n = text_utf8_encode(cp, buf);
    if (n == 0)
        n = text_utf8_encode(0xFFFD, buf);
    int narrow = text_width(buf, n) == 1;
    if (c->pending && c->text.len && c->narrow && narrow) {
        strbuf_putc(&c->text, ' ');
        c->len16++;
    }
    c->pending = 0;
    if (mark) {
        mark->mark_start = c->text.len;
        mark->mark_start16 = c->len16;
    }
    strbuf_add(&c->text, buf, n);
    c->len16 += cp >= 0x10000 ? 2 : 1;
    c->narrow = narrow;
}

static int starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* Where the quote's first and last characters are: byte offsets in their lines. */
typedef struct quote_place {
    size_t line_a, byte_a;     /* the first character starts here */
    size_t line_b, byte_b_end; /* the last character ends here */
} quote_place;

/* The byte offset of the col-th character (1-based) of s[0..len). */
static size_t byte_of_col(const char *s, size_t len, size_t col)
{
    size_t i = 0;
    uint32_t cp;
    for (size_t c = 1; c < col && i < len; c++)
        i += decode(s + i, len - i, &cp);
    return i;
}

/* One line of the passage, cleaned, noting the quote's ends as they go by. */
static void compose_line(composer *c, const atlas_text *t, size_t l, const quote_place *q,
                         atlas_passage *p, int *start_set, int *end_set)
{
    size_t len, a, b;
    const char *s = text_doc_line(t->doc, l, &len);
    trim(s, len, &a, &b);
    if (text_doc_line_kind(t->doc, l) == TEXT_LINE_HEADING) {
        while (a < b && s[a] == '#')
            a++;
        while (a < b && s[a] == ' ')
            a++;
    }
    int start_pending = 0;
    if (l == q->line_a && q->byte_a < a && !*start_set)
        start_pending = 1;
    for (size_t i = a; i < b;) {
        if (l == q->line_a && i >= q->byte_a && !*start_set)
            start_pending = 1;
        size_t skip = 0;
        if (starts_with(s + i, b - i, "<sup>") || starts_with(s + i, b - i, "<sub>"))
            skip = 5;
        else if (starts_with(s + i, b - i, "</sup>") || starts_with(s + i, b - i, "</sub>"))
            skip = 6;
        else if (starts_with(s + i, b - i, "**"))
            skip = 2;
        else if (s[i] == '\\' && i + 1 < b && is_ascii_punct((unsigned char)s[i + 1]))
            skip = 1; /* a markdown escape, as quote matching reads it */
        uint32_t cp;
        size_t n = skip ? skip : decode(s + i, b - i, &cp);
        if (!skip) {
            if (is_space(cp))
                c->pending = 1;
            else if (!is_invisible(cp)) {
                put_char(c, shown(cp), start_pending ? p : NULL);
                if (start_pending)
                    *start_set = 1;
                start_pending = 0;
            }
        }
        i += n;
        if (l == q->line_b && i >= q->byte_b_end && *start_set && !*end_set) {
            p->mark_end = c->text.len;
            p->mark_end16 = c->len16;
            *end_set = 1;
        }
    }
    c->pending = 1; /* the line break */
}

static int32_t para_near(const atlas_text *t, size_t line, int forward)
{
    for (size_t l = line; l >= 1 && l <= t->n_lines; l = forward ? l + 1 : l - 1) {
        if (t->para_of[l] >= 0)
            return t->para_of[l];
    }
    return -1;
}

static int locate(const text_doc *doc, size_t offset, size_t *line, size_t *byte,
                  size_t *byte_end)
{
    text_pos pos;
    if (text_doc_locate(doc, offset, &pos) != TEXT_OK)
        return CKG_ENOMEM;
    size_t len;
    const char *s = text_doc_line(doc, pos.line, &len);
    *line = pos.line;
    *byte = byte_of_col(s, len, pos.col);
    uint32_t cp;
    *byte_end = *byte < len ? *byte + decode(s + *byte, len - *byte, &cp) : len;
    return CKG_OK;
}

int atlas_text_passage(const atlas_text *t, const char *quote, size_t len, atlas_passage *out)
{
    *out = (atlas_passage){0};
    text_span span;
    text_error err;
    int rc = text_doc_find(t->doc, quote, len, &span, &err);
    if (rc == TEXT_NOT_FOUND)
        return CKG_ENOTFOUND;
    if (rc == TEXT_EMPTY_QUOTE || rc == TEXT_EUTF8)
        return CKG_EINVALID;
    if (rc != TEXT_FOUND)
        return CKG_ENOMEM;
    /* the last character's first byte: text_doc_locate gives the column of the character a
     * normalized offset starts (a later byte of it would name the next column) */
    size_t text_len, last = span.end - 1;
    const char *text = text_doc_text(t->doc, &text_len);
    while (last > span.start && ((unsigned char)text[last] & 0xC0) == 0x80)
        last--;
    quote_place q;
    size_t unused;
    if ((rc = locate(t->doc, span.start, &q.line_a, &q.byte_a, &unused)) != CKG_OK ||
        (rc = locate(t->doc, last, &q.line_b, &unused, &q.byte_b_end)) != CKG_OK)
        return rc;
    int32_t pa = para_near(t, q.line_a, 1), pb = para_near(t, q.line_b, 0);
    if (pa < 0 || pb < 0 || pb < pa)
        return CKG_ENOTFOUND; /* cannot happen: the matched lines hold text */
    out->first = (size_t)pa;
    out->last = (size_t)pb;
    out->line = span.start_line;
    out->end_line = span.end_line;

    composer c = {0};
    int start_set = 0, end_set = 0;
    for (size_t para = out->first; para <= out->last; para++) {
        if (para > out->first) {
            strbuf_putc(&c.text, '\n');
            c.len16++;
            c.pending = 0;
            c.narrow = 0;
        }
        for (size_t l = t->first[para]; l <= t->last[para]; l++) {
            if (t->para_of[l] == (int32_t)para)
                compose_line(&c, t, l, &q, out, &start_set, &end_set);
        }
    }
    strbuf_add(&c.text, "", 0); /* a text, even an empty one */
    if (c.text.oom) {
        strbuf_free(&c.text);
        return CKG_ENOMEM;
    }
    if (!start_set) { /* cannot happen: the first character matched is shown */
        out->mark_start = out->mark_end = c.text.len;
        out->mark_start16 = out->mark_end16 = c.len16;
    } else if (!end_set) {
        out->mark_end = c.text.len;
        out->mark_end16 = c.len16;
    }
    out->text = strbuf_take(&c.text, NULL);
    return CKG_OK;
}

void atlas_passage_free(atlas_passage *p)
{
    if (!p)
        return;
    free(p->text);
    p->text = NULL;
}
