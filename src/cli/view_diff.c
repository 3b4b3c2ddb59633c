/* view_diff.c — the text of `ckg diff`, one screen: the two scopes, headline figures and
 * the rank correlation, the top concepts of each with their rank in the other, the biggest
 * movers, what each has that the other lacks, theme shares, and the relations one states
 * and the other does not. Two lists stand side by side, a's on the left. */
#include "ckg/status.h"
#include "view_diff.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static const ckg_concept *concept_of(const diff_result *d, int32_t c)
{
    return &d->o->concepts[c];
}

/* The paper or section of a side: its title, authors and year. */
static void side_title(const diff_side *s, const char **title, const ckg_strs **authors,
                       int *year)
{
    const ckg_paper *p = &s->g->o->papers[s->g->paper];
    *year = p->year;
    if (s->g->section >= 0) {
        *title = p->sections[s->g->section].title.s;
        *authors = &p->sections[s->g->section].authors;
    } else {
        *title = p->title.s;
        *authors = &p->authors;
    }
}

enum { NAME_COLS = 20, RANK_COLS = 5 };

static void format_share(char *buf, size_t size, double x)
{
    if (isnan(x))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.0f%%", 100.0 * x);
}

static void format_fixed(char *buf, size_t size, double x)
{
    if (isnan(x))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.2f", x);
}

/* How much rho says the two papers agree on what is central (also in --help). */
static const char *agreement(double rho)
{
    if (isnan(rho))
        return "undefined";
    if (rho <= -0.3)
        return "opposite orders";
    if (rho < 0.3)
        return "little agreement";
    return rho < 0.6 ? "some agreement" : "much agreement";
}

typedef diff_layout layout;

static void pad(size_t n)
{
    while (n--)
        putchar(' ');
}

static void cell(const char *s, size_t cols, text_align align, const char *style,
                 const char *reset)
{
    cli_cell(stdout, s, cols, align, style, reset);
}

/* "  rank  name  other-rank", padded to width (0: no padding). */
static void list_entry(const layout *l, const diff_side *own, const diff_side *other,
                       int32_t concept, size_t width)
{
    char r1[32], r2[32];
    metrics_measure k = l->d->options.measure;
    size_t used = 2 + RANK_COLS + 2 + NAME_COLS;
    printf("  ");
    cell(cli_rank_text(diff_side_rank(own, concept, k), r1, sizeof r1), RANK_COLS,
         TEXT_ALIGN_RIGHT, "", "");
    printf("  ");
    const char *name = concept_of(l->d, concept)->zh.s;
    if (!other && !width && cli_width(name) <= NAME_COLS)
        cli_text(stdout, name); /* the last cell of its line: no trailing blanks */
    else
        cell(name, NAME_COLS, TEXT_ALIGN_LEFT, "", "");
    if (other) {
        double x = diff_side_rank(other, concept, k);
        printf("  ");
        cell(cli_rank_text(x, r2, sizeof r2), l->wn, TEXT_ALIGN_RIGHT, isnan(x) ? l->st->dim : "",
             isnan(x) ? l->st->reset : "");
        used += 2 + l->wn;
    }
    if (width > used)
        pad(width - used);
}

/* Two lists side by side, a's on the left, b's on the right. */
static void two_lists(const layout *l, const int32_t *la, size_t na, const int32_t *lb,
                      size_t nb, int with_other)
{
    const diff_result *d = l->d;
    for (size_t i = 0; i < na || i < nb; i++) {
        if (i < na)
            list_entry(l, &d->a, with_other ? &d->b : NULL, la[i], l->half);
        else
            pad(l->half);
        if (i < nb)
            list_entry(l, &d->b, with_other ? &d->a : NULL, lb[i], 0);
        printf("\n");
    }
}

static void heading(const layout *l, const char *title, const char *note)
{
    printf("\n%s", l->st->head);
    cli_text(stdout, title);
    printf("%s  %s", l->st->reset, l->st->dim);
    cli_text(stdout, note);
    printf("%s\n", l->st->reset);
}

static void print_scopes(const layout *l)
{
    const diff_result *d = l->d;
    const diff_side *sides[2] = {&d->a, &d->b};
    size_t w = cli_width(d->a.name) > cli_width(d->b.name) ? cli_width(d->a.name)
                                                            : cli_width(d->b.name);
    fputs(l->st->bold, stdout);
    cli_text(stdout, d->a.name);
    printf("%s vs %s", l->st->reset, l->st->bold);
    cli_text(stdout, d->b.name);
    printf("%s, by %s; relations by %s\n", l->st->reset, metrics_measure_name(d->options.measure),
           diff_key_name(d->options.by));
    for (int i = 0; i < 2; i++) {
        const char *title;
        const ckg_strs *authors;
        int year;
        side_title(sides[i], &title, &authors, &year);
        printf("  ");
        cell(sides[i]->name, w, TEXT_ALIGN_LEFT, "", "");
        printf("  ");
        cli_text(stdout, title);
        printf("  %s(", l->st->dim);
        for (size_t j = 0; j < authors->n; j++) {
            fputs(j ? "、" : "", stdout);
            cli_text(stdout, authors->items[j].s);
        }
        printf("%s%d)%s\n", authors->n ? ", " : "", year, l->st->reset);
    }
}

static void print_figures(const layout *l)
{
    const diff_result *d = l->d;
    char buf[64];
    printf("\n  %s%-9s  ", l->st->dim, "");
    cell(l->name[0], l->wn, TEXT_ALIGN_RIGHT, "", "");
    printf("  ");
    cell(l->name[1], l->wn, TEXT_ALIGN_RIGHT, "", "");
    printf("    both  Jaccard%s\n", l->st->reset);
    size_t counts[2][3] = {{d->a.g->n_vertices, d->b.g->n_vertices, d->n_shared},
                           {d->a.n_relations, d->b.n_relations, d->n_shared_rel}};
    double jac[2] = {d->jaccard_concepts, d->jaccard_relations};
    const char *rows[2] = {"concepts", "relations"};
    for (int r = 0; r < 2; r++) {
        printf("  %-9s  ", rows[r]);
        for (int s = 0; s < 2; s++) {
            snprintf(buf, sizeof buf, "%zu", counts[r][s]);
            cell(buf, l->wn, TEXT_ALIGN_RIGHT, "", "");
            printf("  ");
        }
        format_fixed(buf, sizeof buf, jac[r]);
        printf("  %4zu  %7s\n", counts[r][2], buf);
    }
    static const char *const keys[DIFF_N_KEYS] = {"(from, family, to)", "(from, kind, to)",
                                                  "(from, to) pairs"};
    printf("  %srelations are %s; in both by family %zu, by kind %zu, by pair %zu%s\n",
           l->st->dim, keys[d->options.by], d->shared_by[DIFF_BY_FAMILY],
           d->shared_by[DIFF_BY_KIND], d->shared_by[DIFF_BY_PAIR], l->st->reset);
    const diff_correlation *c = &d->corr[d->options.measure];
    char rho[32], tau[32];
    format_fixed(rho, sizeof rho, c->spearman);
    format_fixed(tau, sizeof tau, c->kendall);
    printf("  %s ranks of the %zu shared concepts: Spearman %s, Kendall tau-b %s %s(%s)%s\n",
           metrics_measure_name(d->options.measure), c->n, rho, tau, l->st->dim,
           agreement(c->spearman), l->st->reset);
}

static void print_tops(const layout *l, size_t top, int32_t *la, int32_t *lb)
{
    const diff_result *d = l->d;
    char title[128];
    size_t na = 0, nb = 0;
    for (; na < top && na < d->a.g->n_vertices; na++)
        la[na] = d->a.g->vertices[d->a.order[na]].concept;
    for (; nb < top && nb < d->b.g->n_vertices; nb++)
        lb[nb] = d->b.g->vertices[d->b.order[nb]].concept;
    snprintf(title, sizeof title, "top %zu by %s", top, metrics_measure_name(d->options.measure));
    heading(l, title, "(rank in each paper; - not in it)");
    printf("  %s", l->st->bold);
    cell(l->name[0], l->half - 2, TEXT_ALIGN_LEFT, "", "");
    printf("  ");
    cli_text(stdout, l->name[1]);
    printf("%s\n%s", l->st->reset, l->st->dim);
    for (int s = 0; s < 2; s++) {
        printf("  ");
        cell("rank", RANK_COLS, TEXT_ALIGN_RIGHT, "", "");
        printf("  ");
        cell("concept", NAME_COLS, TEXT_ALIGN_LEFT, "", "");
        printf("  ");
        cell(l->name[1 - s], l->wn, TEXT_ALIGN_RIGHT, "", "");
        if (!s)
            pad(l->half - (2 + RANK_COLS + 2 + NAME_COLS + 2 + l->wn));
    }
    printf("%s\n", l->st->reset);
    two_lists(l, la, na, lb, nb, 1);
}

static void print_movers(const layout *l, size_t top)
{
    const diff_result *d = l->d;
    metrics_measure k = d->options.measure;
    char title[128], note[256];
    snprintf(title, sizeof title, "biggest movers among the %zu shared concepts", d->n_shared);
    snprintf(note, sizeof note, "(rank of %zu in %s → of %zu in %s)", d->a.g->n_vertices,
             l->name[0], d->b.g->n_vertices, l->name[1]);
    heading(l, title, note);
    size_t n = top < d->n_shared ? top : d->n_shared;
    if (!n)
        printf("  none\n");
    for (size_t i = 0; i < n; i++) {
        const diff_concept *x = &d->shared[i];
        double ra = d->a.ranks[k][x->va], rb = d->b.ranks[k][x->vb];
        char r1[32], r2[32], dl[40];
        cli_rank_text(ra, r1, sizeof r1);
        cli_rank_text(rb, r2, sizeof r2);
        dl[0] = rb > ra ? '+' : rb < ra ? '-' : ' ';
        cli_rank_text(fabs(rb - ra), dl + 1, sizeof dl - 1);
        printf("  %5s → %-5s  %6s  ", r1, r2, dl);
        cell(concept_of(d, x->concept)->zh.s, NAME_COLS, TEXT_ALIGN_LEFT, l->st->name,
             l->st->reset);
        printf("  ");
        cli_fit(stdout, concept_of(d, x->concept)->en.s, 44, l->st->dim, l->st->reset);
        printf("\n");
    }
}

static void print_only(const layout *l, size_t top, int32_t *la, int32_t *lb)
{
    const diff_result *d = l->d;
    size_t na = top < d->n_only_a ? top : d->n_only_a;
    size_t nb = top < d->n_only_b ? top : d->n_only_b;
    for (size_t i = 0; i < na; i++)
        la[i] = d->only_a[i].concept;
    for (size_t i = 0; i < nb; i++)
        lb[i] = d->only_b[i].concept;
    char note[128], left[160];
    snprintf(note, sizeof note, "(the top by rank in its own paper)");
    heading(l, "what one has and the other lacks", note);
    snprintf(left, sizeof left, "only in %s (%zu)", l->name[0], d->n_only_a);
    printf("  %s", l->st->dim);
    cell(left, l->half - 2, TEXT_ALIGN_LEFT, "", "");
    snprintf(left, sizeof left, "only in %s (%zu)", l->name[1], d->n_only_b);
    printf("  ");
    cli_text(stdout, left);
    printf("%s\n", l->st->reset);
    two_lists(l, la, na, lb, nb, 0);
    if (!na && !nb)
        printf("  none\n");
}

static void print_themes(const layout *l)
{
    const diff_result *d = l->d;
    const ckg_ontology *o = d->o;
    size_t wt = 5, group = 2 * l->wn + 2;
    for (size_t t = 0; t < o->n_themes; t++) {
        size_t w = cli_width(o->themes[t].id.s) + 2 + cli_width(o->themes[t].zh.s);
        wt = w > wt ? w : wt;
    }
    wt = wt > 34 ? 34 : wt;
    heading(l, "themes", "(share of each paper's concepts, and of its relation ends)");
    printf("  %s", l->st->dim);
    pad(wt + 2);
    cell("concepts", group, TEXT_ALIGN_RIGHT, "", "");
    pad(4);
    cell("relation ends", group, TEXT_ALIGN_RIGHT, "", "");
    printf("\n  ");
    pad(wt);
    for (int g = 0; g < 2; g++) {
        printf(g ? "    " : "  ");
        cell(l->name[0], l->wn, TEXT_ALIGN_RIGHT, "", "");
        printf("  ");
        cell(l->name[1], l->wn, TEXT_ALIGN_RIGHT, "", "");
    }
    printf("%s\n", l->st->reset);
    for (size_t t = 0; t < o->n_themes; t++) {
        const diff_theme *x = &d->themes[t];
        char label[256], s[4][32];
        snprintf(label, sizeof label, "%s  %s", o->themes[t].id.s, o->themes[t].zh.s);
        format_share(s[0], sizeof s[0], x->concept_share[0]);
        format_share(s[1], sizeof s[1], x->concept_share[1]);
        format_share(s[2], sizeof s[2], x->end_share[0]);
        format_share(s[3], sizeof s[3], x->end_share[1]);
        printf("  ");
        cell(label, wt, TEXT_ALIGN_LEFT, "", "");
        for (int i = 0; i < 4; i++) {
            printf(i == 2 ? "    " : "  ");
            cell(s[i], l->wn, TEXT_ALIGN_RIGHT, "", "");
        }
        printf("\n");
    }
}

int view_diff(const cli *c, const diff_result *d, size_t top)
{
    cli_style st = cli_style_of(c);
    layout l = {d, &st, 8, 0, {d->a.name, d->b.name}};
    if (d->a.g->section >= 0 && d->b.g->section >= 0 && d->a.g->paper == d->b.g->paper) {
        l.name[0] = d->o->papers[d->a.g->paper].sections[d->a.g->section].id.s;
        l.name[1] = d->o->papers[d->b.g->paper].sections[d->b.g->section].id.s;
    }
    size_t wa = cli_width(l.name[0]), wb = cli_width(l.name[1]);
    l.wn = wa > l.wn ? wa : l.wn;
    l.wn = wb > l.wn ? wb : l.wn;
    l.half = 2 + RANK_COLS + 2 + NAME_COLS + 2 + l.wn + 3;
    int32_t *la = malloc(top * sizeof *la), *lb = malloc(top * sizeof *lb);
    if (!la || !lb) {
        free(la);
        free(lb);
        return CKG_ENOMEM;
    }
    print_scopes(&l);
    print_figures(&l);
    print_tops(&l, top, la, lb);
    print_movers(&l, top);
    print_only(&l, top, la, lb);
    print_themes(&l);
    view_diff_relations(&l, top);
    free(la);
    free(lb);
    return CKG_OK;
}

