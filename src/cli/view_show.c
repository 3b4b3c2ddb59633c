/* view_show.c — the text of `ckg show`: a concept's names, theme, broader and narrower
 * concepts, definition, its centrality ranks in each scope, the papers that mention it with
 * their quotes, and its relations both ways. */
#include "ckg/status.h"
#include "cli.h"

static void print_names_line(const ckg_ontology *o, const char *label, const int32_t *list,
                             size_t n, const cli_style *st)
{
    if (!n)
        return;
    printf("  %s%-12s%s", st->dim, label, st->reset);
    for (size_t i = 0; i < n; i++) {
        const ckg_concept *k = &o->concepts[list[i]];
        printf("%s", i ? ", " : "");
        cli_text(stdout, k->zh.s);
        printf(" %s(", st->dim);
        cli_text(stdout, k->id.s);
        printf(")%s", st->reset);
    }
    printf("\n");
}

static void print_quotes(const ckg_ontology *o, int32_t paper, const ckg_evidences *ev,
                         query_lines *lines, const cli_style *st)
{
    const ckg_paper *p = &o->papers[paper];
    for (size_t e = 0; e < ev->n; e++) {
        const ckg_evidence *x = &ev->items[e];
        size_t line, end;
        char where[160];
        query_lines_get(lines, paper, x, &line, &end);
        printf("      %s", st->dim);
        cli_text(stdout, cli_quote_place(p->id.s, line, end, where, sizeof where));
        printf("%s  ", st->reset);
        cli_text(stdout, x->quote.s);
        if (x->section.s) {
            printf("  %s[", st->dim);
            cli_text(stdout, x->section.s);
            printf("]%s", st->reset);
        }
        printf("\n");
    }
}

int view_show(const cli *c, const ckg_ontology *o, const query_concept_info *info,
              const query_scoped_ranks *sr, size_t n_sr, const query_neighbors *nb,
              query_lines *lines)
{
    cli_style st = cli_style_of(c);
    const ckg_concept *k = &o->concepts[info->concept];
    cli_concept_names(stdout, &st, k);
    printf("\n  %s%-12s%s", st.dim, "id", st.reset);
    cli_text(stdout, k->id.s);
    printf("\n");
    if (k->alt.n) {
        printf("  %s%-12s%s", st.dim, "also", st.reset);
        for (size_t i = 0; i < k->alt.n; i++) {
            printf("%s", i ? "、" : "");
            cli_text(stdout, k->alt.items[i].s);
        }
        printf("\n");
    }
    const ckg_theme *t = k->theme_index >= 0 ? &o->themes[k->theme_index] : NULL;
    printf("  %s%-12s%s", st.dim, "theme", st.reset);
    cli_text(stdout, k->theme.s);
    if (t) {
        printf(" · ");
        cli_text(stdout, t->zh.s);
        printf(" %s(", st.dim);
        cli_text(stdout, t->en.s);
        printf(")%s", st.reset);
    }
    printf("\n");
    print_names_line(o, "broader", info->broader, info->n_broader, &st);
    print_names_line(o, "narrower", info->narrower, info->n_narrower, &st);
    /* a definition's own line breaks are kept, its next lines under its first */
    printf("  %s%-12s%s", st.dim, "definition", st.reset);
    cli_text_lines(stdout, k->definition_zh.s, "              ");
    printf("\n  %-12s", "");
    cli_text_lines(stdout, k->definition_en.s, "              ");
    printf("\n");

    printf("\n%scentrality%s %s(directed graph; tied concepts share the average of their "
           "ranks)%s\n", st.head, st.reset, st.dim, st.reset);
    size_t ws = 5;
    for (size_t i = 0; i < n_sr; i++)
        ws = cli_width(sr[i].scope) > ws ? cli_width(sr[i].scope) : ws;
    printf("  %s", st.dim);
    cli_cell(stdout, "scope", ws, TEXT_ALIGN_LEFT, "", "");
    printf("  concepts  degree   rank    in   rank   out   rank  pagerank   rank%s\n", st.reset);
    for (size_t i = 0; i < n_sr; i++) {
        const query_ranks *r = &sr[i].r;
        char rd[32], ri[32], ro[32], rp[32];
        printf("  ");
        cli_cell(stdout, sr[i].scope, ws, TEXT_ALIGN_LEFT, "", "");
        printf("  %8zu  %6.0f %6s  %4.0f %6s  %4.0f %6s  %8.4f %6s\n", r->n, r->degree.value,
               cli_rank_text(r->degree.rank, rd, sizeof rd), r->in_degree.value,
               cli_rank_text(r->in_degree.rank, ri, sizeof ri), r->out_degree.value,
               cli_rank_text(r->out_degree.rank, ro, sizeof ro), r->pagerank.value,
               cli_rank_text(r->pagerank.rank, rp, sizeof rp));
    }

    printf("\n%spapers%s (%zu)\n", st.head, st.reset, info->n_papers);
    if (!info->n_papers)
        printf("  none\n");
    for (size_t i = 0; i < info->n_papers; i++) {
        const query_paper_mentions *pm = &info->papers[i];
        const ckg_paper *p = &o->papers[pm->paper];
        fputs("  ", stdout);
        fputs(st.bold, stdout);
        cli_text(stdout, p->id.s);
        printf("%s  %d  ", st.reset, p->year);
        cli_text(stdout, p->title.s);
        printf("  %s(", st.dim);
        if (pm->mention)
            printf("mentioned%s", pm->n_relations ? ", " : "");
        if (pm->n_relations)
            printf("%zu relation%s", pm->n_relations, pm->n_relations == 1 ? "" : "s");
        printf(")%s\n", st.reset);
        if (pm->mention)
            print_quotes(o, pm->paper, &pm->mention->evidence, lines, &st);
    }

    printf("\n%srelations%s (%zu)\n", st.head, st.reset, nb->n_links);
    if (nb->n_links)
        cli_print_links(stdout, c, o, nb->links, nb->n_links, 1, 0, lines, "  ");
    else
        printf("  none\n");
    return CKG_OK;
}

