/* coverage.c — the share of each section's text that quotes span.
 *
 * Per paper: find every quote again in the indexed source (cheap), mark the normalized bytes
 * each one spans in a bitmap, then walk the sections and count characters (UTF-8 lead
 * bytes) and covered characters. Linear in the text plus the quotes. */
#include "ckg/coverage.h"
#include "ckg/status.h"

#include <stdlib.h>
#include <string.h>

enum { MIN_INTRO_CHARS = 200 };

static const char BEFORE_FIRST[] = "(before the first heading)";

static size_t count_chars(const char *text, const unsigned char *mark, size_t from, size_t to,
                          size_t *covered)
{
    size_t n = 0, c = 0;
    for (size_t i = from; i < to; i++) {
        if (((unsigned char)text[i] & 0xC0) == 0x80)
            continue;
        n++;
        c += mark[i];
    }
    *covered = c;
    return n;
}

static void mark_quotes(const text_doc *doc, const ckg_evidences *ev, unsigned char *mark,
                        size_t *starts, size_t *n_starts)
{
    for (size_t i = 0; i < ev->n; i++) {
        text_span span;
        const char *q = ev->items[i].quote.s;
        if (text_doc_find_n(doc, q, strlen(q), &span) != TEXT_FOUND)
            continue;
        memset(mark + span.start, 1, span.end - span.start);
        starts[(*n_starts)++] = span.start;
    }
}

/* The declared section (multi-author papers) whose title is this heading's title. */
static const char *declared_section(const ckg_paper *p, const char *title)
{
    if (!p->n_sections || !title)
        return NULL;
    const char *id = NULL;
    char *t = text_fold(title);
    for (size_t i = 0; t && !id && i < p->n_sections; i++) {
        char *s = p->sections[i].title.s ? text_fold(p->sections[i].title.s) : NULL;
        if (s && strcmp(s, t) == 0)
            id = p->sections[i].id.s;
        free(s);
    }
    free(t);
    return id;
}

static int is_editors_note(const char *text, size_t body_start, size_t end)
{
    static const char note[] = "编者按";
    return end - body_start >= sizeof note - 1 &&
           memcmp(text + body_start, note, sizeof note - 1) == 0;
}

/* The depth of a heading in the paper's outline. Markdown levels are not consistent within
 * a text (a "(二)" may be "##" after a "###" "(一)"), so where a heading is numbered its
 * numbering decides: 一、 below the title, (一) below 一、, 1. below (一). */
static int outline_level(const text_heading *h)
{
    if (h->style != TEXT_HEADING_MARKDOWN)
        return h->level;
    switch (h->label_kind) {
    case TEXT_LABEL_CN: return 2;
    case TEXT_LABEL_CN_PAREN: return 3;
    case TEXT_LABEL_DIGIT: return 4;
    default: return h->level <= 1 ? 1 : 2;
    }
}

static size_t count_evidence(const ckg_paper *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_mentions; i++)
        n += p->mentions[i].evidence.n;
    for (size_t i = 0; i < p->n_relations; i++)
        n += p->relations[i].evidence.n;
    return n;
}

static int cover_paper(const ckg_paper *p, const text_doc *doc, coverage_paper *out)
{
    int rc = CKG_ENOMEM;
    size_t len;
    const char *text = text_doc_text(doc, &len);
    size_t n_headings = text_doc_heading_count(doc);
    size_t first = n_headings ? text_doc_heading(doc, 0)->start : len;
    size_t n_quotes = 0;
    unsigned char *mark = calloc(len ? len : 1, 1);
    size_t *starts = malloc((count_evidence(p) + 1) * sizeof *starts);
    memset(out, 0, sizeof *out);
    out->paper = p;
    out->sections = calloc(n_headings + 1, sizeof *out->sections);
    if (!mark || !starts || !out->sections)
        goto out;

    for (size_t i = 0; i < p->n_mentions; i++)
        mark_quotes(doc, &p->mentions[i].evidence, mark, starts, &n_quotes);
    for (size_t i = 0; i < p->n_relations; i++)
        mark_quotes(doc, &p->relations[i].evidence, mark, starts, &n_quotes);
    out->quotes = n_quotes;

    if (first > 0) {
        coverage_section *s = &out->sections[out->n_sections++];
        s->title = BEFORE_FIRST;
        s->label = "";
        s->line = 1;
        s->chars = count_chars(text, mark, 0, first, &s->covered);
        s->body = s->chars >= MIN_INTRO_CHARS || n_headings == 0;
        for (size_t q = 0; q < n_quotes; q++)
            s->quotes += starts[q] < first;
    }
    for (size_t i = 0; i < n_headings; i++) {
        const text_heading *h = text_doc_heading(doc, i);
        coverage_section *s = &out->sections[out->n_sections++];
        s->title = h->title;
        s->label = h->label ? h->label : "";
        s->level = outline_level(h);
        s->line = h->line;
        s->chars = count_chars(text, mark, h->start, h->body_end, &s->covered);
        s->body = text_heading_is_body(h) && !is_editors_note(text, h->body_start, h->body_end);
        s->section_id = declared_section(p, h->title);
        for (size_t q = 0; q < n_quotes; q++)
            s->quotes += starts[q] >= h->start && starts[q] < h->body_end;
    }
    for (size_t i = 0; i < out->n_sections; i++) {
        const coverage_section *s = &out->sections[i];
        if (!s->body)
            continue;
        out->chars += s->chars;
        out->covered += s->covered;
        out->n_uncovered += s->quotes == 0;
    }
    rc = CKG_OK;
out:
    free(mark);
    free(starts);
    return rc;
}

int coverage_compute(const ckg_ontology *o, corpus *cp, const ckg_paper *only, diag_list *diags,
                     coverage_report **out)
{
    int rc = CKG_ENOMEM;
    coverage_report *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r || !(r->papers = calloc(o->n_papers ? o->n_papers : 1, sizeof *r->papers)))
        goto out;
    for (size_t i = 0; i < o->n_papers; i++) {
        const ckg_paper *p = &o->papers[i];
        if ((only && p != only) || !p->source.s)
            continue;
        const text_doc *doc;
        int drc = corpus_doc(cp, p->source.s, &doc, diags, &p->source.loc);
        if (drc == CKG_ENOMEM)
            goto out;
        if (drc != CKG_OK)
            continue;
        if (cover_paper(p, doc, &r->papers[r->n_papers]) != CKG_OK) {
            free(r->papers[r->n_papers].sections);
            goto out;
        }
        r->n_papers++;
    }
    *out = r;
    r = NULL;
    rc = CKG_OK;
out:
    coverage_free(r);
    return rc;
}

void coverage_free(coverage_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_papers; i++)
        free(r->papers[i].sections);
    free(r->papers);
    free(r);
}
