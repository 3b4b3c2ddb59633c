/* links.c — printing query_links (neighbors, the relations in `show`, the steps of a path):
 * one aligned line per link with its linking phrase and papers, the evidence quotes under it
 * on request. (Their JSON and CSV are the library's: export_links.c.)
 *
 *   数据要素 —支撑→ 全要素生产率   total factor productivity   [alpha, beta]
 *   数据要素 ←推动— 经济增长       economic growth             [alpha]
 *
 * An out-link reads via —phrase→ concept with the kind's phrase; an in-link keeps the
 * phrase and turns the arrow (via ←phrase— concept: concept does it to via), and its group
 * is titled with the kind's inverse wording (依托 rests on). Every name, phrase and quote
 * goes out through cli_text or cli_cell, never raw (see cli.h). */
#include "ckg/query.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_NAME_COLS = 26, MAX_EN_COLS = 34 };

/* The via side of a link: the zh names of its via concepts joined with 、. */
static char *via_names(const ckg_ontology *o, const query_link *l)
{
    size_t len = 1;
    for (size_t i = 0; i < l->n_via; i++)
        len += strlen(o->concepts[l->via[i]].zh.s) + 3;
    char *s = malloc(len), *p = s;
    if (!s)
        return NULL;
    *p = '\0';
    for (size_t i = 0; i < l->n_via; i++) {
        if (i) {
            memcpy(p, "、", 3);
            p += 3;
        }
        size_t n = strlen(o->concepts[l->via[i]].zh.s);
        memcpy(p, o->concepts[l->via[i]].zh.s, n);
        p += n;
        *p = '\0';
    }
    return s;
}

/* "—支撑→" or "←支撑—" into buf, the shaft lengthened by pad columns so that the arrows of
 * one listing line up ("—催生——→" next to "—是前提→"). */
static const char *arrow(const ckg_ontology *o, const query_link *l, size_t pad, char *buf,
                         size_t size)
{
    char shaft[64] = "";
    for (size_t i = 0; i < pad && i < 20; i++)
        strcat(shaft, "—");
    const char *phrase = o->kinds[l->kind].zh.s;
    if (l->direction == QUERY_OUT)
        snprintf(buf, size, "—%s%s→", phrase, shaft);
    else
        snprintf(buf, size, "←%s—%s", phrase, shaft);
    return buf;
}

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

static void print_papers(FILE *f, const ckg_ontology *o, const query_link *l, const cli_style *st)
{
    fprintf(f, "%s[", st->dim);
    for (size_t i = 0; i < l->n_papers; i++) {
        fputs(i ? ", " : "", f);
        cli_text(f, o->papers[l->papers[i]].id.s);
    }
    fprintf(f, "]%s", st->reset);
}

/* The evidence of one link, one quote a line, indented under it:
 *       beta:5-6  数据要素同样支撑全要素生产率，并且持续推动全要素生产率  [part-one] — note */
static void print_evidence(FILE *f, const ckg_ontology *o, const query_link *l,
                           query_lines *lines, const cli_style *st, const char *indent)
{
    for (size_t i = 0; i < l->n_stmts; i++) {
        const query_stmt *s = l->stmts[i];
        const ckg_paper *p = &o->papers[s->paper];
        for (size_t e = 0; e < s->rel->evidence.n; e++) {
            const ckg_evidence *ev = &s->rel->evidence.items[e];
            size_t line, end;
            char where[160];
            query_lines_get(lines, s->paper, ev, &line, &end);
            fprintf(f, "%s      %s", indent, st->dim);
            cli_text(f, cli_quote_place(p->id.s, line, end, where, sizeof where));
            fprintf(f, "%s  ", st->reset);
            cli_text(f, ev->quote.s);
            if (ev->section.s) {
                fprintf(f, "  %s[", st->dim);
                cli_text(f, ev->section.s);
                fprintf(f, "]%s", st->reset);
            }
            if (ev->note.s) {
                fprintf(f, "  %s— ", st->dim);
                cli_text(f, ev->note.s);
                fputs(st->reset, f);
            }
            fputc('\n', f);
        }
    }
}

/* Column widths shared by every line of a listing, so the whole listing aligns. */
typedef struct widths {
    size_t via, arrow, concept, en;
} widths;

static widths measure(const ckg_ontology *o, const query_link *links, size_t n)
{
    widths w = {0, 0, 0, 0};
    char buf[256];
    for (size_t i = 0; i < n; i++) {
        char *v = via_names(o, &links[i]);
        w.via = max_size(w.via, min_size(cli_width(v), MAX_NAME_COLS));
        free(v);
        w.arrow = max_size(w.arrow, cli_width(arrow(o, &links[i], 0, buf, sizeof buf)));
        const ckg_concept *c = &o->concepts[links[i].concept];
        w.concept = max_size(w.concept, min_size(cli_width(c->zh.s), MAX_NAME_COLS));
        w.en = max_size(w.en, min_size(cli_width(c->en.s), MAX_EN_COLS));
    }
    return w;
}

static void print_link(FILE *f, const cli *c, const ckg_ontology *o, const query_link *l,
                       const widths *w, int evidence, query_lines *lines, const char *indent)
{
    cli_style st = cli_style_of(c);
    char buf[256];
    char *v = via_names(o, l);
    const ckg_concept *k = &o->concepts[l->concept];
    fputs(indent, f);
    cli_cell(f, v ? v : "", w->via, TEXT_ALIGN_LEFT, "", "");
    fputc(' ', f);
    size_t aw = cli_width(arrow(o, l, 0, buf, sizeof buf));
    arrow(o, l, w->arrow > aw ? w->arrow - aw : 0, buf, sizeof buf);
    cli_cell(f, buf, w->arrow, TEXT_ALIGN_LEFT, st.arrow, st.reset);
    fputc(' ', f);
    cli_cell(f, k->zh.s, w->concept, TEXT_ALIGN_LEFT, st.name, st.reset);
    fputs("  ", f);
    cli_cell(f, k->en.s, w->en, TEXT_ALIGN_LEFT, st.dim, st.reset);
    fputs("  ", f);
    print_papers(f, o, l, &st);
    fputc('\n', f);
    free(v);
    if (evidence)
        print_evidence(f, o, l, lines, &st, indent);
}

void cli_print_links(FILE *f, const cli *c, const ckg_ontology *o, const query_link *links,
                     size_t n, int headings, int evidence, query_lines *lines, const char *indent)
{
    char deeper[64];
    snprintf(deeper, sizeof deeper, "%.40s%s", indent, headings ? "  " : "");
    cli_style st = cli_style_of(c);
    widths w = measure(o, links, n);
    uint32_t max_depth = 0;
    for (size_t i = 0; i < n; i++)
        max_depth = links[i].depth > max_depth ? links[i].depth : max_depth;
    for (size_t i = 0; i < n; i++) {
        const query_link *l = &links[i], *prev = i ? &links[i - 1] : NULL;
        if (headings && max_depth > 1 && (!prev || prev->depth != l->depth))
            fprintf(f, "%s%s%sdepth %u%s\n", i ? "\n" : "", indent, st.bold, (unsigned)l->depth,
                    st.reset);
        if (headings && (!prev || prev->depth != l->depth || prev->direction != l->direction ||
                         prev->kind != l->kind)) {
            const ckg_kind *k = &o->kinds[l->kind];
            size_t count = 0;
            for (size_t j = i; j < n && links[j].depth == l->depth &&
                               links[j].direction == l->direction && links[j].kind == l->kind;
                 j++)
                count++;
            int out = l->direction == QUERY_OUT;
            fprintf(f, "%s%s", indent, st.head);
            cli_text(f, out || !k->inverse_zh.s ? k->zh.s : k->inverse_zh.s);
            fputc(' ', f);
            cli_text(f, out || !k->inverse_en.s ? k->en.s : k->inverse_en.s);
            fprintf(f, "%s (%zu)\n", st.reset, count);
        }
        print_link(f, c, o, l, &w, evidence, lines, deeper);
    }
}
