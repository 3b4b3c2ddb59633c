/* view_search.c — the text of `ckg search`: the concepts found, aligned, with how each
 * matched, then the quotes with the text highlighted and what each is evidence for. */
#include "ckg/status.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* "zh name", "definition (en)", ...: what matched, for people. */
static const char *match_label(const query_concept_hit *h, char *buf, size_t size)
{
    const char *m = h->match == QUERY_MATCH_EXACT    ? "exact"
                    : h->match == QUERY_MATCH_PREFIX ? "starts"
                    : h->match == QUERY_MATCH_NAME   ? "contains"
                    : h->match == QUERY_MATCH_DEFINITION ? "definition"
                                                         : "quote";
    if (h->match <= QUERY_MATCH_NAME)
        snprintf(buf, size, "%s (%s)", m, h->field);
    else if (h->match == QUERY_MATCH_DEFINITION)
        snprintf(buf, size, "%s (%s)", m, strchr(h->field, '.') + 1);
    else
        snprintf(buf, size, "%s", m);
    return buf;
}

/* Prints s as cli_text shows it, the literal occurrences of needle highlighted (folded
 * matches stay plain). Both are made safe first, so the pieces between can go out as they
 * are. */
static void print_highlighted(const char *s, const char *needle, const cli_style *st)
{
    char *shown = NULL, *nshown = NULL;
    if (text_display(s, 0, &shown, NULL) != TEXT_OK ||
        text_display(needle, 0, &nshown, NULL) != TEXT_OK) {
        cli_text(stdout, s); /* out of memory: no highlight */
        goto out;
    }
    size_t n = strlen(nshown);
    const char *p, *rest = shown;
    while (*st->match && n && (p = strstr(rest, nshown))) {
        fwrite(rest, 1, (size_t)(p - rest), stdout);
        printf("%s%.*s%s", st->match, (int)n, p, st->reset);
        rest = p + n;
    }
    fputs(rest, stdout);
out:
    free(shown);
    free(nshown);
}

/* "数据要素" for a mention, "数据要素 —支撑→ 全要素生产率" for a relation. */
static void print_use(const ckg_ontology *o, const query_use *u, const cli_style *st)
{
    if (u->mention) {
        cli_text(stdout, o->concepts[u->mention->concept_index].zh.s);
        return;
    }
    const ckg_relation *r = u->relation;
    cli_text(stdout, o->concepts[r->from_index].zh.s);
    printf(" %s—", st->arrow);
    cli_text(stdout, o->kinds[r->kind_index].zh.s);
    printf("→%s ", st->reset);
    cli_text(stdout, o->concepts[r->to_index].zh.s);
}

int view_search(const cli *c, const ckg_ontology *o, const char *text,
                const query_search_result *r, size_t limit, query_lines *lines)
{
    cli_style st = cli_style_of(c);
    size_t nc = limit && r->n_concepts > limit ? limit : r->n_concepts;
    size_t nq = limit && r->n_quotes > limit ? limit : r->n_quotes;
    char buf[64];
    printf("%sconcepts%s (%zu)\n", st.head, st.reset, r->n_concepts);
    size_t wzh = 0, wen = 0, wid = 0;
    for (size_t i = 0; i < nc; i++) {
        const ckg_concept *k = &o->concepts[r->concepts[i].concept];
        size_t a = cli_width(k->zh.s), b = cli_width(k->en.s), d = cli_width(k->id.s);
        wzh = a > wzh ? (a > 26 ? 26 : a) : wzh;
        wen = b > wen ? (b > 34 ? 34 : b) : wen;
        wid = d > wid ? (d > 30 ? 30 : d) : wid;
    }
    for (size_t i = 0; i < nc; i++) {
        const query_concept_hit *h = &r->concepts[i];
        const ckg_concept *k = &o->concepts[h->concept];
        printf("  ");
        cli_cell(stdout, k->zh.s, wzh, TEXT_ALIGN_LEFT, st.name, st.reset);
        printf("  ");
        cli_cell(stdout, k->en.s, wen, TEXT_ALIGN_LEFT, "", "");
        printf("  ");
        cli_cell(stdout, k->id.s, wid, TEXT_ALIGN_LEFT, st.dim, st.reset);
        printf("  %s%s%s", st.dim, match_label(h, buf, sizeof buf), st.reset);
        if (h->n_quotes)
            printf("%s, %zu quote%s%s", st.dim, h->n_quotes, h->n_quotes == 1 ? "" : "s",
                   st.reset);
        printf("\n");
    }
    if (nc < r->n_concepts)
        printf("  %s… %zu more (--all)%s\n", st.dim, r->n_concepts - nc, st.reset);

    printf("\n%squotes%s (%zu)\n", st.head, st.reset, r->n_quotes);
    for (size_t i = 0; i < nq; i++) {
        const query_quote_hit *q = &r->quotes[i];
        const ckg_paper *p = &o->papers[q->paper];
        size_t line, end;
        char where[160];
        query_lines_get(lines, q->paper, q->evidence, &line, &end);
        printf("  %s", st.dim);
        cli_text(stdout, cli_quote_place(p->id.s, line, end, where, sizeof where));
        printf("%s  ", st.reset);
        print_highlighted(q->evidence->quote.s, text, &st);
        printf("\n      %sfor%s ", st.dim, st.reset);
        for (size_t u = 0; u < q->n_uses; u++) {
            if (u)
                printf("%s; %s", st.dim, st.reset);
            print_use(o, &q->uses[u], &st);
        }
        printf("\n");
    }
    if (nq < r->n_quotes)
        printf("  %s… %zu more (--all)%s\n", st.dim, r->n_quotes - nq, st.reset);
    return CKG_OK;
}

