/* proposition.c — the relations of a scope as propositions: grouped by (from, kind, to),
 * their quotes located in the source text, ordered by the text or by theme, and worded as
 * sentences.
 *
 * Statements are gathered in file order over the papers in paper order (the `order` of a
 * proposition is the place of its first statement there), sorted stably by (from, kind, to)
 * so each group keeps that order, and folded into propositions. Lines come from
 * query_lines, which trusts a line ckg check already found and otherwise looks the quote up
 * in the corpus. */
#include "ckg/proposition.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "ckg/text.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

static const char ELLIPSIS[] = "\xE2\x80\xA6"; /* … */

/* ---------------------------------------------------------------- scope */

int prop_quote_in_scope(const prop_scope *scope, const ckg_evidence *ev)
{
    return scope->section < 0 || ev->section_index == scope->section;
}

int prop_in_scope(const prop_scope *scope, int32_t paper, const ckg_evidences *ev)
{
    if (scope->paper >= 0 && paper != scope->paper)
        return 0;
    if (scope->section < 0)
        return 1;
    for (size_t i = 0; i < ev->n; i++) {
        if (ev->items[i].section_index == scope->section)
            return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- sentences */

char *prop_sentence(const ckg_kind *kind, prop_lang lang, const char *from, const char *to)
{
    const char *phrase = lang == PROP_ZH ? kind->zh.s : kind->en.s;
    if (!phrase)
        phrase = kind->id.s ? kind->id.s : "";
    strbuf b = {0};
    const char *dots = strstr(phrase, ELLIPSIS);
    const char *sep = lang == PROP_EN ? " " : "";
    if (dots) {
        /* the phrase wraps the object: 以…为载体 */
        const char *right = dots + strlen(ELLIPSIS);
        strbuf_printf(&b, "%s%s%.*s%s%s%s%s", from, sep, (int)(dots - phrase), phrase,
                      lang == PROP_EN && dots > phrase ? " " : "", to,
                      lang == PROP_EN && *right ? " " : "", right);
    } else if (lang == PROP_ZH && strncmp(phrase, "是", strlen("是")) == 0 &&
               phrase[strlen("是")]) {
        /* 是前提: A是B的前提 */
        strbuf_printf(&b, "%s是%s的%s", from, to, phrase + strlen("是"));
    } else {
        strbuf_printf(&b, "%s%s%s%s%s", from, sep, phrase, sep, to);
    }
    strbuf_puts(&b, lang == PROP_ZH ? "。" : ".");
    char *s = strbuf_take(&b, NULL);
    if (s && lang == PROP_EN && s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

/* ---------------------------------------------------------------- gathering */

typedef struct stmt {
    int32_t from, kind, to, paper;
    const ckg_relation *rel;
    size_t order;
} stmt;

static int cmp_stmt(const void *pa, const void *pb)
{
    const stmt *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The key a proposition sorts by in text order: its first paper, its first quote's line
 * (unknown lines after known ones), then file order. */
static int cmp_text(const proposition *a, const proposition *b)
{
    int32_t pa = a->n_quotes ? a->quotes[0].paper : -1, pb = b->n_quotes ? b->quotes[0].paper : -1;
    if (pa != pb)
        return pa < pb ? -1 : 1;
    uint32_t la = a->n_quotes && a->quotes[0].line ? a->quotes[0].line : UINT32_MAX;
    uint32_t lb = b->n_quotes && b->quotes[0].line ? b->quotes[0].line : UINT32_MAX;
    if (la != lb)
        return la < lb ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int cmp_by_text(const void *a, const void *b)
{
    return cmp_text(a, b);
}

static int cmp_by_theme(const void *pa, const void *pb)
{
    const proposition *a = pa, *b = pb;
    uint32_t ta = (uint32_t)a->theme, tb = (uint32_t)b->theme; /* -1: after every theme */
    if (ta != tb)
        return ta < tb ? -1 : 1;
    return cmp_text(a, b);
}

/* Where in its text the proposition's first quote lies: the heading above it. */
static int locate_section(prop_list *l, query_lines *lines, proposition *p)
{
    if (!lines || !lines->cp || !p->n_quotes || !p->quotes[0].line)
        return CKG_OK;
    const ckg_paper *paper = &l->o->papers[p->quotes[0].paper];
    const text_doc *doc;
    if (!paper->source.s || corpus_doc(lines->cp, paper->source.s, &doc, &lines->diags,
                                       &paper->source.loc) != CKG_OK)
        return CKG_OK;
    size_t off = text_doc_line_offset(doc, p->quotes[0].line);
    size_t h = off == TEXT_NPOS ? TEXT_NPOS : text_doc_heading_at(doc, off);
    const text_heading *hd = h == TEXT_NPOS ? NULL : text_doc_heading(doc, h);
    if (!hd || !text_heading_is_body(hd) || !hd->title)
        return CKG_OK;
    /* the heading as the paper numbers it: "一、" + title */
    const char *label = hd->label ? hd->label : "";
    char *title = arena_alloc(&l->mem, strlen(label) + strlen(hd->title) + 1);
    if (!title)
        return CKG_ENOMEM;
    strcpy(title, label);
    strcat(title, hd->title);
    p->section = title;
    p->section_line = (uint32_t)hd->line;
    return CKG_OK;
}

static int add_quotes(prop_list *l, proposition *p, const stmt *s, size_t n, query_lines *lines)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t e = 0; e < s[i].rel->evidence.n; e++)
            count += prop_quote_in_scope(&l->scope, &s[i].rel->evidence.items[e]);
    }
    p->quotes = arena_calloc(&l->mem, count ? count : 1, sizeof *p->quotes);
    p->papers = arena_calloc(&l->mem, n ? n : 1, sizeof *p->papers);
    if (!p->quotes || !p->papers)
        return CKG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!p->n_papers || p->papers[p->n_papers - 1] != s[i].paper)
            p->papers[p->n_papers++] = s[i].paper;
        for (size_t e = 0; e < s[i].rel->evidence.n; e++) {
            const ckg_evidence *ev = &s[i].rel->evidence.items[e];
            if (!prop_quote_in_scope(&l->scope, ev))
                continue;
            prop_quote *q = &p->quotes[p->n_quotes++];
            *q = (prop_quote){s[i].paper, s[i].rel, ev, 0};
            size_t line = 0, end = 0;
            if (lines)
                query_lines_get(lines, s[i].paper, ev, &line, &end);
            q->line = (uint32_t)line;
        }
    }
    /* papers come in paper order already (statements are gathered paper by paper), but a
     * group's statements are sorted by order, which is paper-major: nothing to sort */
    return CKG_OK;
}

static int word(prop_list *l, proposition *p)
{
    const ckg_concept *a = &l->o->concepts[p->from], *b = &l->o->concepts[p->to];
    const ckg_kind *k = &l->o->kinds[p->kind];
    char *zh = prop_sentence(k, PROP_ZH, a->zh.s ? a->zh.s : a->id.s, b->zh.s ? b->zh.s : b->id.s);
    char *en = prop_sentence(k, PROP_EN, a->en.s ? a->en.s : a->id.s, b->en.s ? b->en.s : b->id.s);
    int rc = CKG_ENOMEM;
    if (zh && en && (p->zh = arena_strdup(&l->mem, zh)) && (p->en = arena_strdup(&l->mem, en)))
        rc = CKG_OK;
    free(zh);
    free(en);
    return rc;
}

void prop_list_free(prop_list *l)
{
    if (!l)
        return;
    arena_free(&l->mem);
    free(l->items);
    free(l);
}

int prop_collect(const ckg_ontology *o, const prop_scope *scope, prop_order order,
                 query_lines *lines, prop_list **out)
{
    int rc = CKG_ENOMEM;
    stmt *s = NULL;
    prop_list *l = NULL;
    *out = NULL;
    if (scope->paper >= (int32_t)o->n_papers || (scope->section >= 0 && scope->paper < 0) ||
        (scope->section >= 0 && (size_t)scope->section >= o->papers[scope->paper].n_sections))
        return CKG_EUSAGE;
    if (!(l = calloc(1, sizeof *l)))
        return CKG_ENOMEM;
    l->o = o;
    l->scope = *scope;
    l->order = order;
    size_t n = 0, total = 0;
    for (size_t p = 0; p < o->n_papers; p++)
        total += o->papers[p].n_relations;
    if (!(s = malloc((total ? total : 1) * sizeof *s)))
        goto out;
    size_t seq = 0;
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *pp = &o->papers[p];
        for (size_t r = 0; r < pp->n_relations; r++, seq++) {
            const ckg_relation *rel = &pp->relations[r];
            if (rel->from_index < 0 || rel->to_index < 0 || rel->kind_index < 0 ||
                rel->from_index == rel->to_index ||
                !prop_in_scope(scope, (int32_t)p, &rel->evidence))
                continue;
            s[n++] = (stmt){rel->from_index, rel->kind_index, rel->to_index, (int32_t)p, rel, seq};
        }
    }
    qsort(s, n, sizeof *s, cmp_stmt);
    if (!(l->items = calloc(n ? n : 1, sizeof *l->items)))
        goto out;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && s[j].from == s[i].from && s[j].kind == s[i].kind && s[j].to == s[i].to)
            j++;
        proposition *p = &l->items[l->n++];
        *p = (proposition){.from = s[i].from, .kind = s[i].kind, .to = s[i].to,
                           .theme = o->concepts[s[i].from].theme_index, .order = s[i].order};
        if ((rc = add_quotes(l, p, s + i, j - i, lines)) != CKG_OK ||
            (rc = locate_section(l, lines, p)) != CKG_OK || (rc = word(l, p)) != CKG_OK)
            goto out;
        i = j;
    }
    qsort(l->items, l->n, sizeof *l->items, order == PROP_ORDER_THEME ? cmp_by_theme : cmp_by_text);
    *out = l;
    l = NULL;
    rc = CKG_OK;
out:
    free(s);
    prop_list_free(l);
    return rc;
}
