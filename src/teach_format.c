/* teach_format.c — escaping for the teaching kit's documents (see teach_format.h). */
#include "teach_format.h"
#include "ckg/status.h"
#include "ckg/text.h"

#include <stdio.h>
#include <string.h>

/* Writes s, handing each character to put (one UTF-8 sequence at a time) unless it is a
 * control character, which becomes a space. */
static void each_char(FILE *f, const char *s, void (*put)(FILE *, const char *, size_t))
{
    const char *end = s ? s + strlen(s) : NULL;
    while (s && *s) {
        size_t n = text_control_len(s);
        if (n) {
            fputc(' ', f);
            s += n;
            continue;
        }
        uint32_t cp;
        n = text_utf8_decode(s, (size_t)(end - s), &cp);
        if (!n) { /* not UTF-8: the replacement character, never the raw byte */
            fputs("\xEF\xBF\xBD", f);
            s++;
            continue;
        }
        put(f, s, n);
        s += n;
    }
}

static void put_md(FILE *f, const char *s, size_t n)
{
    if (n == 1 && strchr("\\`*_[]<>#|", *s))
        fputc('\\', f);
    fwrite(s, 1, n, f);
}

void teach_md(FILE *f, const char *s)
{
    each_char(f, s, put_md);
}

static void put_gift(FILE *f, const char *s, size_t n)
{
    if (n == 1) {
        switch (*s) {
        case '&': fputs("&amp;", f); return;
        case '<': fputs("&lt;", f); return;
        case '>': fputs("&gt;", f); return;
        case '"': fputs("&quot;", f); return;
        default:
            if (strchr("~=#{}:\\", *s))
                fputc('\\', f);
        }
    }
    fwrite(s, 1, n, f);
}

void teach_gift(FILE *f, const char *s)
{
    each_char(f, s, put_gift);
}

json_t *teach_json_quotes(const ckg_ontology *o, const proposition *p, int relation)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < p->n_quotes; i++) {
        const prop_quote *q = &p->quotes[i];
        json_t *e = json_pack("{s:s, s:s?, s:o}", "paper", o->papers[q->paper].id.s, "quote",
                              q->evidence->quote.s,
                              "line", q->line ? json_integer(q->line) : json_null());
        if (e && relation &&
            (json_object_set_new(e, "from", json_string(o->concepts[p->from].id.s)) ||
             json_object_set_new(e, "kind", json_string(o->kinds[p->kind].id.s)) ||
             json_object_set_new(e, "to", json_string(o->concepts[p->to].id.s)))) {
            json_decref(e);
            e = NULL;
        }
        if (!e || json_array_append_new(a, e)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

const char *teach_scope_name(const ckg_ontology *o, const prop_scope *s, char *buf, size_t size)
{
    if (s->paper < 0)
        snprintf(buf, size, "all");
    else if (s->section < 0)
        snprintf(buf, size, "%s", o->papers[s->paper].id.s);
    else
        snprintf(buf, size, "%s/%s", o->papers[s->paper].id.s,
                 o->papers[s->paper].sections[s->section].id.s);
    return buf;
}

const char *teach_quote_place(const ckg_ontology *o, const prop_quote *q, char *buf, size_t size)
{
    if (q->line)
        snprintf(buf, size, "%s:%u", o->papers[q->paper].id.s, (unsigned)q->line);
    else
        snprintf(buf, size, "%s", o->papers[q->paper].id.s);
    return buf;
}

int teach_stream_status(FILE *f)
{
    return fflush(f) == 0 && !ferror(f) ? CKG_OK : CKG_EIO;
}

int teach_write_json(int status, json_t *doc, FILE *f)
{
    if (status == CKG_OK) {
        status = json_dumpf(doc, f, JSON_INDENT(2)) == 0 ? CKG_OK : CKG_EIO;
        fputc('\n', f);
        if (status == CKG_OK)
            status = teach_stream_status(f);
    }
    json_decref(doc);
    return status;
}
