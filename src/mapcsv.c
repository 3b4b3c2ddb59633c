/* mapcsv.c — a student's map as CSV rows `from,phrase,to` (RFC 4180).
 *
 * A field is quoted ("…", with "" for a quote; it may hold commas and line breaks) or not
 * (spaces around it trimmed). Rows end with LF or CRLF; a blank row is skipped; a first row
 * that reads from,phrase,to (any case) is a header. Every row must have three fields and
 * both concepts; the phrase may be empty. The whole file must be UTF-8 (a byte order mark
 * is skipped). Every problem is an error at its line and column, and reading goes on with
 * the next row so one run reports them all. */
#include "cmap_internal.h"
#include "ckg/status.h"
#include "ckg/text.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_FIELDS = 3 };

typedef struct cursor {
    const char *p, *end;
    uint32_t line, col; /* of *p; col counts characters */
} cursor;

static void step(cursor *c)
{
    if (*c->p == '\n') {
        c->line++;
        c->col = 1;
    } else if (((unsigned char)*c->p & 0xC0) != 0x80) {
        c->col++;
    }
    c->p++;
}

static int put(strbuf *f, char ch)
{
    strbuf_putc(f, ch);
    return f->oom ? CKG_ENOMEM : CKG_OK;
}

static void trim(strbuf *f)
{
    if (!f->len)
        return;
    size_t a = 0, b = f->len;
    while (a < b && (f->s[a] == ' ' || f->s[a] == '\t'))
        a++;
    while (b > a && (f->s[b - 1] == ' ' || f->s[b - 1] == '\t'))
        b--;
    memmove(f->s, f->s + a, b - a);
    f->len = b - a;
    f->s[f->len] = '\0';
}

static int at_row_end(const cursor *c)
{
    return c->p == c->end || *c->p == '\n' || (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n');
}

static void skip_row_end(cursor *c)
{
    if (c->p < c->end && *c->p == '\r')
        step(c);
    if (c->p < c->end && *c->p == '\n')
        step(c);
}

/* Skips to the start of the next row (after an error in this one). */
static void skip_row(cursor *c)
{
    while (c->p < c->end && *c->p != '\n')
        step(c);
    skip_row_end(c);
}

int cmap_read_csv(const char *name, const char *data, size_t len, diag_list *diags, cmap **out)
{
    int rc = CKG_ENOMEM;
    cmap_builder b = {0};
    strbuf f[MAX_FIELDS + 1] = {{0}};
    size_t errors = 0, rows = 0;
    *out = NULL;
    size_t bad;
    if (text_utf8_check(data, len, &bad) != TEXT_OK) {
        size_t line, col;
        text_utf8_linecol(data, len, bad, &line, &col);
        ckg_loc at = {name, (uint32_t)line, (uint32_t)col};
        diag_add(diags, DIAG_ERROR, &at, "invalid UTF-8 (byte 0x%02x); save the map as UTF-8",
                 (unsigned char)data[bad]);
        return CKG_EINVALID;
    }
    if ((rc = cmap_begin(&b, name, "csv")) != CKG_OK)
        return rc;
    cursor c = {data, data + len, 1, 1};
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        c.p += 3;
    while (c.p < c.end) {
        uint32_t row_line = c.line;
        size_t nf = 0;
        int broken = 0;
        for (size_t i = 0; i <= MAX_FIELDS; i++)
            strbuf_reset(&f[i]);
        for (;;) {
            /* fields past the third are read into one spare, only to be counted */
            strbuf *cur = &f[nf < MAX_FIELDS ? nf : MAX_FIELDS];
            strbuf_reset(cur);
            /* leading spaces, then a quoted or a plain field */
            cursor start = c;
            while (c.p < c.end && (*c.p == ' ' || *c.p == '\t'))
                step(&c);
            if (c.p < c.end && *c.p == '"') {
                start = c;
                step(&c);
                for (;;) {
                    if (c.p == c.end) {
                        ckg_loc at = {b.m->file, start.line, start.col};
                        diag_add(diags, DIAG_ERROR, &at, "a quoted field is never closed");
                        errors++;
                        broken = 1;
                        break;
                    }
                    if (*c.p == '"') {
                        if (c.p + 1 < c.end && c.p[1] == '"') {
                            if (put(cur, '"') != CKG_OK)
                                goto out;
                            step(&c);
                            step(&c);
                            continue;
                        }
                        step(&c);
                        break;
                    }
                    if (put(cur, *c.p) != CKG_OK)
                        goto out;
                    step(&c);
                }
                if (broken)
                    break;
                while (c.p < c.end && (*c.p == ' ' || *c.p == '\t'))
                    step(&c);
                if (!at_row_end(&c) && *c.p != ',') {
                    ckg_loc at = {b.m->file, c.line, c.col};
                    diag_add(diags, DIAG_ERROR, &at,
                             "text after a closing quote (a quote inside a quoted field is "
                             "written \"\")");
                    errors++;
                    broken = 1;
                    skip_row(&c);
                    break;
                }
            } else {
                c = start;
                while (!at_row_end(&c) && *c.p != ',') {
                    if (put(cur, *c.p) != CKG_OK)
                        goto out;
                    step(&c);
                }
                trim(cur);
            }
            nf++;
            if (c.p < c.end && *c.p == ',') {
                step(&c);
                continue;
            }
            skip_row_end(&c);
            break;
        }
        if (broken)
            continue;
        if (nf == 1 && f[0].len == 0)
            continue; /* a blank row */
        rows++;
        if (nf != 3) {
            ckg_loc at = {b.m->file, row_line, 1};
            diag_add(diags, DIAG_ERROR, &at,
                     "a row has %zu field%s; a map's rows are from,phrase,to", nf,
                     nf == 1 ? "" : "s");
            errors++;
            continue;
        }
        const char *from = strbuf_str(&f[0]), *phrase = strbuf_str(&f[1]), *to = strbuf_str(&f[2]);
        if (rows == 1 && strcasecmp(from, "from") == 0 && strcasecmp(phrase, "phrase") == 0 &&
            strcasecmp(to, "to") == 0)
            continue; /* the header */
        if (!f[0].len || !f[2].len) {
            ckg_loc at = {b.m->file, row_line, 1};
            diag_add(diags, DIAG_ERROR, &at, "a row without its %s concept",
                     !f[0].len ? "first" : "second");
            errors++;
            continue;
        }
        if (cmap_add(&b, from, phrase, to, row_line, 0) != CKG_OK)
            goto out;
    }
    if (errors) {
        rc = CKG_EINVALID;
        goto out;
    }
    *out = b.m;
    b.m = NULL;
    rc = CKG_OK;
out:
    for (size_t i = 0; i <= MAX_FIELDS; i++)
        strbuf_free(&f[i]);
    cmap_abandon(&b);
    return rc;
}
