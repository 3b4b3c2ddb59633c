/* text_doc.c — a source text: its lines, its page furniture, its headings, its normalized
 * text and where each normalized byte came from; and quote lookup in it.
 *
 * Loading classifies every line, then:
 *  - furniture: a page-number line ("··35") and, on each side, up to three non-blank lines
 *    that may be running headers (text_line_may_be_running_header: in 002 the journal's
 *    name with its issue and its English name) are left out of the text; the scan stops at
 *    the first line that is body text or a heading candidate, so headings are never lost;
 *  - headings: markdown heading lines if the text has any, else numbered heading lines
 *    (text_heading.c), whose levels rank the numbering styles present (一、 above (一)
 *    above 1.); in a text wrapped at a fixed width (002) a numbered heading as long as a
 *    body line continues on the next line when that one is short and unpunctuated;
 *  - the text: each remaining line normalized (text_normalize_append, TEXT_NORM_LINE)
 *    and appended with nothing between, so a quote spans line breaks, blank lines, wrapped
 *    words and page furniture; norm_off[n] records where line n begins;
 *  - the search index (text_index.c).
 * Finer positions (column of a match) are recomputed on demand by normalizing the one
 * line again with source tracking, which costs nothing while loading.
 *
 * Reading (filebuf_read): only a regular file is read, a FIFO or a device is refused without
 * waiting on it; a non-empty file is mapped (mmap, read-only, private) rather than copied:
 * the corpus is kept in memory while quotes are checked and mapping saves the copy and the
 * fresh pages (a failed mmap falls back to reading). A mapped text is not NUL-terminated, so
 * nothing here reads past len. (A file truncated by another process while mapped would
 * fault; source texts are reference data nobody edits during a run.)
 *
 * Invariants: lines are 1-based everywhere; norm_off is non-decreasing with
 * norm_off[n_lines + 1] == text_len; headings are in line order and their sections tile
 * [headings[0].start, text_len). */
#include "ckg/status.h"
#include "ckg/text.h"
#include "util/filebuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { CAND_NONE, CAND_MD, CAND_NUM };

/* The largest source text read: its offsets are 32-bit, and normalizing may grow it. */
#define TEXT_MAX_FILE_BYTES ((size_t)UINT32_MAX / 2 - 1)

struct text_doc {
    filebuf file; /* the text's bytes: mapped, or malloc'd and NUL-terminated */
    size_t n_lines;
    uint32_t *line_off;  /* [1..n_lines + 1]: byte offset where line n starts; the last
                            as if a line followed the text's final line break */
    unsigned char *kind; /* [1..n_lines]: text_line_kind */
    uint32_t *norm_off;  /* [1..n_lines + 1]: normalized offset where line n begins */
    char *text;
    size_t text_len;
    text_index *ix;
    text_heading *headings;
    size_t n_headings;
};

typedef struct line_info {
    unsigned char cand;
    text_heading_line h;
} line_info;

/* ------------------------------------------------------------------ reading */

static void set_error(text_error *err, int code)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = code;
    }
}

void text_doc_free(text_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->n_headings; i++) {
        free((char *)doc->headings[i].label);
        free((char *)doc->headings[i].title);
    }
    free(doc->headings);
    text_index_free(doc->ix);
    free(doc->text);
    free(doc->norm_off);
    free(doc->kind);
    free(doc->line_off);
    filebuf_free(&doc->file);
    free(doc);
}

/* ------------------------------------------------------------------ building */

static int split_lines(text_doc *doc)
{
    const char *b = doc->file.data, *end = doc->file.data + doc->file.len, *p = b;
    size_t n = 0;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    if (doc->file.len > 0 && end[-1] != '\n')
        n++;
    doc->n_lines = n;
    doc->line_off = malloc((n + 2) * sizeof *doc->line_off);
    doc->kind = calloc(n + 2, 1);
    doc->norm_off = calloc(n + 2, sizeof *doc->norm_off);
    if (!doc->line_off || !doc->kind || !doc->norm_off)
        return TEXT_ENOMEM;
    p = b;
    for (size_t line = 1; line <= n; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        doc->line_off[line] = (uint32_t)(p - b);
        p = nl ? nl + 1 : end;
    }
    doc->line_off[n + 1] = (uint32_t)(doc->file.len > 0 && end[-1] != '\n' ? doc->file.len + 1 : doc->file.len);
    return TEXT_OK;
}

/* Bytes of line n without its line break (nor a \r before it). */
static size_t line_len(const text_doc *doc, size_t n)
{
    size_t start = doc->line_off[n], end = doc->line_off[n + 1] - 1; /* at the \n */
    if (end > start && doc->file.data[end - 1] == '\r')
        end--;
    return end - start;
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') {
            i++;
        } else if (len - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
            i += 3;
        } else if (len - i >= 2 && memcmp(s + i, "\xC2\xA0", 2) == 0) {
            i += 2;
        } else {
            return false;
        }
    }
    return true;
}

static const char *line_ptr(const text_doc *doc, size_t n)
{
    return doc->file.data + doc->line_off[n];
}

static bool is_furniture(unsigned char kind)
{
    return kind == TEXT_LINE_PAGE_NUMBER || kind == TEXT_LINE_RUNNING_HEADER;
}

static void classify_lines(text_doc *doc, line_info *info)
{
    for (size_t n = 1; n <= doc->n_lines; n++) {
        const char *s = line_ptr(doc, n);
        size_t len = line_len(doc, n);
        if (is_blank(s, len))
            doc->kind[n] = TEXT_LINE_BLANK;
        else if (text_line_markdown_heading(s, len, &info[n].h))
            info[n].cand = CAND_MD;
        else if (text_line_numbered_heading(s, len, &info[n].h))
            info[n].cand = CAND_NUM;
        else if (text_line_is_page_number(s, len))
            doc->kind[n] = TEXT_LINE_PAGE_NUMBER;
    }
}

/* Running headers and footers: up to three non-blank lines on each side of a page number,
 * each of which may be one; the first that is not ends the scan. */
static void mark_furniture(text_doc *doc, const line_info *info)
{
    for (size_t n = 1; n <= doc->n_lines; n++) {
        if (doc->kind[n] != TEXT_LINE_PAGE_NUMBER)
            continue;
        for (int dir = -1; dir <= 1; dir += 2) {
            size_t taken = 0, m = n;
            while (taken < 3) {
                if ((dir < 0 && m == 1) || (dir > 0 && m == doc->n_lines))
                    break;
                m = dir < 0 ? m - 1 : m + 1;
                unsigned char k = doc->kind[m];
                if (k == TEXT_LINE_BLANK || k == TEXT_LINE_PAGE_NUMBER)
                    continue;
                if (info[m].cand != CAND_NONE)
                    break;
                if (k != TEXT_LINE_RUNNING_HEADER &&
                    !text_line_may_be_running_header(line_ptr(doc, m), line_len(doc, m)))
                    break;
                doc->kind[m] = TEXT_LINE_RUNNING_HEADER;
                taken++;
            }
        }
    }
}

static size_t median_body_chars(const text_doc *doc)
{
    enum { CAP = 256 };
    size_t hist[CAP + 1] = {0}, total = 0;
    for (size_t n = 1; n <= doc->n_lines && total < 400; n++) { /* a sample is enough */
        if (doc->kind[n] != TEXT_LINE_TEXT)
            continue;
        size_t c = 0, len = line_len(doc, n);
        const char *s = line_ptr(doc, n);
        for (size_t i = 0; i < len; i++)
            c += ((unsigned char)s[i] & 0xC0) != 0x80;
        hist[c < CAP ? c : CAP]++;
        total++;
    }
    size_t seen = 0;
    for (size_t c = 0; c <= CAP; c++) {
        seen += hist[c];
        if (total && seen * 2 >= total)
            return c;
    }
    return 0;
}

static bool has_punctuation(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = text_utf8_decode(s + i, len - i, &cp);
        if (k == 0)
            return true;
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        if (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO)
            return true;
        i += k;
    }
    return false;
}

static size_t trimmed_chars(const char *s, size_t len)
{
    size_t c = 0;
    for (size_t i = 0; i < len; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != ' ' && s[i] != '\t';
    return c;
}

/* A numbered heading wrapped onto the next line (002: "(三)构建科技、产业、金融深度融合的
 * 新质生产" / "力实现机制"): the next non-blank line is short body text without punctuation
 * and the heading is as long as a body line of a wrapped text (4/5 of the median body
 * line, computed on first need into *median). Returns that line or 0. */
static size_t continuation_of(const text_doc *doc, const line_info *info, size_t n,
                              size_t *median)
{
    size_t m = n + 1;
    while (m <= doc->n_lines && doc->kind[m] == TEXT_LINE_BLANK)
        m++;
    if (m > doc->n_lines || doc->kind[m] != TEXT_LINE_TEXT || info[m].cand != CAND_NONE)
        return 0;
    const char *s = line_ptr(doc, m);
    size_t len = line_len(doc, m);
    if (trimmed_chars(s, len) > 12 || has_punctuation(s, len))
        return 0;
    if (*median == TEXT_NPOS)
        *median = median_body_chars(doc);
    if (*median < 10 || trimmed_chars(line_ptr(doc, n), line_len(doc, n)) * 5 < *median * 4)
        return 0;
    return m;
}

static char *dup_range(const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

static int make_title(const text_doc *doc, const line_info *info, size_t n, size_t last,
                      text_heading *h)
{
    const char *s = line_ptr(doc, n);
    const text_heading_line *hl = &info[n].h;
    char *joined = NULL;
    int rc = TEXT_OK;

    if (!(h->label = dup_range(s + hl->label_off, hl->label_len)))
        return TEXT_ENOMEM;
    size_t len = hl->title_len;
    if (last != n)
        len += line_len(doc, last);
    if (!(joined = malloc(len + 1))) {
        rc = TEXT_ENOMEM;
        goto out;
    }
    memcpy(joined, s + hl->title_off, hl->title_len);
    if (last != n)
        memcpy(joined + hl->title_len, line_ptr(doc, last), line_len(doc, last));
    char *title = NULL;
    if ((rc = text_title_clean(joined, len, &title)) != TEXT_OK)
        goto out;
    h->title = title;
out:
    free(joined);
    return rc;
}

static void flag_headings(text_doc *doc)
{
    text_heading *hs = doc->headings;
    size_t n = doc->n_headings;
    for (size_t i = 0; i < n; i++) {
        if (text_title_is_references(hs[i].title, strlen(hs[i].title)))
            hs[i].flags |= TEXT_HEADING_REFERENCES;
    }
    /* foreign only in the trailing block of foreign and reference headings */
    for (size_t i = n; i-- > 0;) {
        if (text_title_is_foreign(hs[i].title, strlen(hs[i].title)))
            hs[i].flags |= TEXT_HEADING_FOREIGN;
        else if (!(hs[i].flags & TEXT_HEADING_REFERENCES))
            break;
    }
    /* nested in a non-body heading: non-body. Ancestors are the nearest earlier headings
       of lower level, found with a stack. */
    size_t *stack = malloc((n ? n : 1) * sizeof *stack), top = 0;
    for (size_t i = 0; i < n; i++) {
        if (hs[i].flags & (TEXT_HEADING_REFERENCES | TEXT_HEADING_FOREIGN))
            hs[i].flags |= TEXT_HEADING_NONBODY;
        if (!stack)
            continue; /* out of memory: own flags only, still correct for flat texts */
        while (top > 0 && hs[stack[top - 1]].level >= hs[i].level)
            top--;
        if (top > 0 && (hs[stack[top - 1]].flags & TEXT_HEADING_NONBODY))
            hs[i].flags |= TEXT_HEADING_NONBODY;
        stack[top++] = i;
    }
    free(stack);
}

static int find_headings(text_doc *doc, line_info *info)
{
    bool has_md = false;
    size_t count = 0;
    for (size_t n = 1; n <= doc->n_lines; n++)
        has_md = has_md || info[n].cand == CAND_MD;
    unsigned char want = has_md ? CAND_MD : CAND_NUM;
    bool present[4] = {false};
    for (size_t n = 1; n <= doc->n_lines; n++) {
        if (info[n].cand == want) {
            count++;
            present[info[n].h.label_kind] = true;
        }
    }
    if (count == 0)
        return TEXT_OK;
    doc->headings = calloc(count, sizeof *doc->headings);
    if (!doc->headings)
        return TEXT_ENOMEM;
    size_t median = TEXT_NPOS; /* computed when a heading may wrap */
    for (size_t n = 1; n <= doc->n_lines; n++) {
        if (info[n].cand != want)
            continue;
        text_heading *h = &doc->headings[doc->n_headings++];
        size_t last = n;
        h->line = n;
        h->label_kind = info[n].h.label_kind;
        if (has_md) {
            h->style = TEXT_HEADING_MARKDOWN;
            h->level = info[n].h.level;
        } else {
            h->style = TEXT_HEADING_NUMBERED;
            h->level = 1;
            for (int k = 1; k < (int)h->label_kind; k++)
                h->level += present[k];
            size_t c = continuation_of(doc, info, n, &median);
            if (c)
                last = c;
        }
        h->last_line = last;
        for (size_t m = n; m <= last; m++) {
            if (doc->kind[m] == TEXT_LINE_TEXT)
                doc->kind[m] = TEXT_LINE_HEADING;
        }
        int rc = make_title(doc, info, n, last, h);
        if (rc != TEXT_OK)
            return rc;
    }
    flag_headings(doc);
    return TEXT_OK;
}

/* Normalizes the text lines into doc->text. This is also where the file is validated:
 * the normalizer checks every byte it reads, and the lines it does not read (furniture,
 * blank lines) are checked here, so the first bad byte is reported with its place. */
static int normalize_lines(text_doc *doc, text_error *err)
{
    text_normbuf nb = {0};
    text_error e;
    size_t n, bad = 0;
    int rc = TEXT_OK;

    if (!(nb.data = malloc(doc->file.len + 64))) /* normalizing rarely grows a text */
        return TEXT_ENOMEM;
    nb.data[0] = '\0'; /* a text with no body line at all is "" */
    nb.cap = doc->file.len + 64;
    for (n = 1; n <= doc->n_lines; n++) {
        const char *s = line_ptr(doc, n);
        size_t len = line_len(doc, n);
        doc->norm_off[n] = (uint32_t)nb.len;
        if (is_furniture(doc->kind[n]) || doc->kind[n] == TEXT_LINE_BLANK) {
            if (text_utf8_check(s, len, &bad) != TEXT_OK) {
                rc = TEXT_EUTF8;
                goto out;
            }
            continue;
        }
        rc = text_normalize_append(&nb, s, len, TEXT_NORM_LINE, &e);
        bad = e.offset;
        if (rc != TEXT_OK)
            goto out;
    }
    if (nb.len >= UINT32_MAX) {
        rc = TEXT_EINVAL;
        goto out;
    }
    doc->norm_off[doc->n_lines + 1] = (uint32_t)nb.len;
    char *fit = realloc(nb.data, nb.len + 1); /* documents are kept: give back the slack */
    if (fit)
        nb.data = fit;
    doc->text = nb.data;
    doc->text_len = nb.len;
    nb.data = NULL;
out:
    if (rc == TEXT_EUTF8 && err) {
        err->offset = doc->line_off[n] + bad;
        err->line = n;
        text_utf8_linecol(line_ptr(doc, n), line_len(doc, n), bad, NULL, &err->col);
    }
    text_normbuf_free(&nb);
    return rc;
}

static void place_headings(text_doc *doc)
{
    for (size_t i = 0; i < doc->n_headings; i++) {
        text_heading *h = &doc->headings[i];
        h->start = doc->norm_off[h->line];
        h->body_start = doc->norm_off[h->last_line + 1];
        h->body_end =
            i + 1 < doc->n_headings ? doc->norm_off[doc->headings[i + 1].line] : doc->text_len;
    }
}

/* Takes ownership of the bytes in *file (and zeroes it). */
static int build(filebuf *file, unsigned flags, text_doc **out, text_error *err)
{
    int rc;
    line_info *info = NULL;
    text_doc *doc = calloc(1, sizeof *doc);

    *out = NULL;
    if (!doc) {
        filebuf_free(file);
        rc = TEXT_ENOMEM;
        goto out;
    }
    doc->file = *file;
    *file = (filebuf){0};
    if (doc->file.len >= UINT32_MAX / 2) { /* offsets are 32-bit; normalizing may grow it */
        rc = TEXT_EINVAL;
        goto out;
    }
    if ((rc = split_lines(doc)) != TEXT_OK)
        goto out;
    if (!(info = calloc(doc->n_lines + 2, sizeof *info))) {
        rc = TEXT_ENOMEM;
        goto out;
    }
    classify_lines(doc, info);
    mark_furniture(doc, info);
    if ((rc = find_headings(doc, info)) != TEXT_OK ||
        (rc = normalize_lines(doc, err)) != TEXT_OK)
        goto out;
    place_headings(doc);
    if (!(flags & TEXT_DOC_NOINDEX) &&
        (rc = text_index_build(doc->text, doc->text_len, &doc->ix)) != TEXT_OK)
        goto out;
    *out = doc;
    doc = NULL;
out:
    free(info);
    text_doc_free(doc);
    if (err)
        err->code = rc;
    return rc;
}

int text_doc_load(const char *path, unsigned flags, text_doc **out, text_error *err)
{
    filebuf file;
    int sys_errno;
    set_error(err, TEXT_OK);
    *out = NULL;
    if (!path)
        return TEXT_EINVAL;
    int rc = filebuf_read(path, TEXT_MAX_FILE_BYTES, FILEBUF_MAP, &file, &sys_errno);
    if (rc != CKG_OK) {
        rc = rc == CKG_ENOMEM ? TEXT_ENOMEM : TEXT_EIO;
        if (err) {
            err->code = rc;
            err->sys_errno = rc == TEXT_EIO ? sys_errno : 0;
        }
        return rc;
    }
    return build(&file, flags, out, err);
}

int text_doc_from_buffer(const char *buf, size_t len, unsigned flags, text_doc **out,
                         text_error *err)
{
    set_error(err, TEXT_OK);
    *out = NULL;
    if (!buf && len)
        return TEXT_EINVAL;
    char *copy = malloc(len + 1);
    if (!copy) {
        set_error(err, TEXT_ENOMEM);
        return TEXT_ENOMEM;
    }
    if (len)
        memcpy(copy, buf, len);
    copy[len] = '\0';
    filebuf file = {.data = copy, .len = len};
    return build(&file, flags, out, err);
}

/* ------------------------------------------------------------------ queries */

size_t text_doc_line_count(const text_doc *doc)
{
    return doc->n_lines;
}

const char *text_doc_line(const text_doc *doc, size_t n, size_t *len)
{
    if (n < 1 || n > doc->n_lines)
        return NULL;
    if (len)
        *len = line_len(doc, n);
    return line_ptr(doc, n);
}

text_line_kind text_doc_line_kind(const text_doc *doc, size_t n)
{
    if (n < 1 || n > doc->n_lines)
        return TEXT_LINE_BLANK;
    return (text_line_kind)doc->kind[n];
}

const char *text_doc_text(const text_doc *doc, size_t *len)
{
    if (len)
        *len = doc->text_len;
    return doc->text;
}

size_t text_doc_line_offset(const text_doc *doc, size_t n)
{
    if (n < 1 || n > doc->n_lines + 1)
        return TEXT_NPOS;
    return doc->norm_off[n];
}

size_t text_doc_offset_line(const text_doc *doc, size_t offset)
{
    if (doc->text_len == 0 || offset > doc->text_len)
        return 0;
    size_t target = offset == doc->text_len ? offset - 1 : offset;
    /* the last line n with norm_off[n] <= target: its extent holds target */
    size_t lo = 1, hi = doc->n_lines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (doc->norm_off[mid] <= target)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

int text_doc_locate(const text_doc *doc, size_t offset, text_pos *pos)
{
    text_normbuf nb = {.track = true};
    size_t n = text_doc_offset_line(doc, offset);
    int rc;
    if (n == 0)
        return TEXT_EINVAL;
    const char *s = line_ptr(doc, n);
    size_t len = line_len(doc, n);
    if ((rc = text_normalize_append(&nb, s, len, TEXT_NORM_LINE, NULL)) != TEXT_OK)
        goto out;
    size_t k = offset - doc->norm_off[n];
    size_t byte = k < nb.len ? nb.src[k] : len;
    pos->line = n;
    pos->offset = doc->line_off[n] + byte;
    pos->col = 1;
    for (size_t i = 0; i < byte; i++)
        pos->col += ((unsigned char)s[i] & 0xC0) != 0x80;
out:
    text_normbuf_free(&nb);
    return rc;
}

int text_doc_find_normalized(const text_doc *doc, const char *nquote, size_t nlen,
                             text_span *span)
{
    size_t start, end;
    if (nlen == 0)
        return TEXT_EMPTY_QUOTE;
    int rc = text_search(doc->ix, doc->text, doc->text_len, nquote, nlen, &start, &end);
    if (rc != TEXT_FOUND)
        return rc;
    span->start = start;
    span->end = end;
    span->start_line = text_doc_offset_line(doc, start);
    span->end_line = text_doc_offset_line(doc, end - 1);
    return TEXT_FOUND;
}

int text_doc_find(const text_doc *doc, const char *quote, size_t len, text_span *span,
                  text_error *err)
{
    char *nq = NULL;
    size_t nlen = 0;
    int rc = text_normalize(quote, len, &nq, &nlen, err);
    if (rc != TEXT_OK)
        goto out;
    rc = text_doc_find_normalized(doc, nq, nlen, span);
out:
    free(nq);
    if (err)
        err->code = rc;
    return rc;
}

int text_doc_find_n(const text_doc *doc, const char *quote, size_t len, text_span *span)
{
    return text_doc_find(doc, quote, len, span, NULL);
}

size_t text_doc_heading_count(const text_doc *doc)
{
    return doc->n_headings;
}

const text_heading *text_doc_heading(const text_doc *doc, size_t i)
{
    return i < doc->n_headings ? &doc->headings[i] : NULL;
}

size_t text_doc_heading_at(const text_doc *doc, size_t offset)
{
    if (doc->n_headings == 0 || offset < doc->headings[0].start)
        return TEXT_NPOS;
    size_t lo = 0, hi = doc->n_headings - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (doc->headings[mid].start <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
