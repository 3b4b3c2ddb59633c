/* view_compare.c — the text of `ckg compare`: per scope its figures and top 5, the scope ×
 * scope matrices (Jaccard of concepts and of relations under the key of diff.h, Spearman's
 * rho of the measure) and the concept × scope matrix of ranks, columns labeled by scope. */
#include "ckg/status.h"
#include "cli.h"

#include <math.h>
#include <stdlib.h>

typedef struct view {
    const diff_table *t;
    const char *const *labels; /* column label of each side */
    size_t top;                /* concept rows to show */
} view;

static void format_number(char *buf, size_t size, const char *fmt, double x)
{
    if (isnan(x))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, fmt, x);
}

static size_t label_width(const view *w, size_t min)
{
    for (size_t i = 0; i < w->t->n_sides; i++) {
        size_t x = cli_width(w->labels[i]);
        min = x > min ? x : min;
    }
    return min;
}

/* The header of a matrix: first in a column of first_cols, then the scopes' labels. */
static void print_header(const view *w, const char *first, size_t first_cols, size_t wl,
                         const cli_style *st)
{
    printf("  %s", st->dim);
    cli_cell(stdout, first, first_cols, TEXT_ALIGN_LEFT, "", "");
    for (size_t j = 0; j < w->t->n_sides; j++) {
        printf("  ");
        cli_cell(stdout, w->labels[j], wl, TEXT_ALIGN_RIGHT, "", "");
    }
    printf("%s\n", st->reset);
}

/* A scope × scope matrix of values (NaN shown as '-'). */
static void print_matrix(const view *w, const double *m, const char *fmt, const cli_style *st)
{
    size_t n = w->t->n_sides, wl = label_width(w, 6);
    char buf[64];
    print_header(w, "", wl, wl, st);
    for (size_t i = 0; i < n; i++) {
        printf("  ");
        cli_cell(stdout, w->labels[i], wl, TEXT_ALIGN_LEFT, "", "");
        for (size_t j = 0; j < n; j++) {
            format_number(buf, sizeof buf, fmt, m[i * n + j]);
            printf("  ");
            cli_cell(stdout, i == j ? "·" : buf, wl, TEXT_ALIGN_RIGHT, i == j ? st->dim : "",
                     i == j ? st->reset : "");
        }
        printf("\n");
    }
}

static void print_figures(const view *w, const cli_style *st)
{
    const diff_table *t = w->t;
    metrics_measure k = t->options.measure;
    size_t wl = label_width(w, 5);
    printf("  %s", st->dim);
    cli_cell(stdout, "scope", wl, TEXT_ALIGN_LEFT, "", "");
    printf("  concepts  relations  density  modularity  top 5 by %s%s\n",
           metrics_measure_name(k), st->reset);
    for (size_t i = 0; i < t->n_sides; i++) {
        const diff_side *s = &t->sides[i];
        const metrics_figures *f = &s->m->graph;
        char mod[32], top[512];
        format_number(mod, sizeof mod, "%.4f", f->modularity);
        size_t used = 0;
        top[0] = '\0';
        for (size_t r = 0; r < 5 && r < s->g->n_vertices && used + 1 < sizeof top; r++) {
            const ckg_concept *c = &t->o->concepts[s->g->vertices[s->order[r]].concept];
            int x = snprintf(top + used, sizeof top - used, "%s%s", r ? "、" : "", c->zh.s);
            if (x < 0)
                break;
            used += (size_t)x;
        }
        printf("  ");
        cli_cell(stdout, w->labels[i], wl, TEXT_ALIGN_LEFT, st->bold, st->reset);
        printf("  %8zu  %9zu  %7.4f  %10s", f->nodes, s->n_relations, f->density, mod);
        if (*top) { /* the line ends within 100 columns */
            printf("  ");
            cli_fit(stdout, top, 100 > 2 + wl + 45 + 20 ? 100 - (2 + wl + 45) : 20, "", "");
        }
        printf("\n");
    }
}

static void print_ranks(const view *w, const cli_style *st)
{
    const diff_table *t = w->t;
    metrics_measure k = t->options.measure;
    size_t n = t->n_sides, wl = label_width(w, 5), wz = 7;
    size_t rows = w->top < t->n_concepts ? w->top : t->n_concepts;
    for (size_t r = 0; r < rows; r++) {
        size_t a = cli_width(t->o->concepts[t->concepts[r]].zh.s);
        wz = a > wz ? a : wz;
    }
    wz = wz > 18 ? 18 : wz;
    print_header(w, "concept", wz, wl, st);
    char buf[32];
    for (size_t r = 0; r < rows; r++) {
        int32_t concept = t->concepts[r];
        printf("  ");
        cli_cell(stdout, t->o->concepts[concept].zh.s, wz, TEXT_ALIGN_LEFT, st->name, st->reset);
        for (size_t j = 0; j < n; j++) {
            double x = diff_side_rank(&t->sides[j], concept, k);
            printf("  ");
            cli_cell(stdout, cli_rank_text(x, buf, sizeof buf), wl, TEXT_ALIGN_RIGHT,
                     isnan(x) ? st->dim : "", isnan(x) ? st->reset : "");
        }
        printf("\n");
    }
    if (rows < t->n_concepts)
        printf("%s  (%zu of %zu concepts; --top N or --all for more, --format csv for ids)%s\n",
               st->dim, rows, t->n_concepts, st->reset);
}

int view_compare(const cli *c, const diff_table *t, const char *const *labels, size_t rows,
                 const char *what)
{
    cli_style style = cli_style_of(c), *st = &style;
    const view v = {t, labels, rows}, *w = &v;
    metrics_measure k = t->options.measure;
    const char *mname = metrics_measure_name(k);
    size_t n = t->n_sides;
    printf("%s%zu %s%s, by %s %s(ranks within each one's own graph; ties share the average "
           "rank)%s\n\n",
           st->bold, n, what, st->reset, mname, st->dim, st->reset);
    print_figures(w, st);

    printf("\n%sshared concepts%s %s(Jaccard: shared / either)%s\n", st->head, st->reset,
           st->dim, st->reset);
    print_matrix(w, t->jaccard_concepts, "%.2f", st);
    static const char *const keys[DIFF_N_KEYS] = {"(from, family, to) relations",
                                                  "(from, kind, to) relations",
                                                  "(from, to) pairs"};
    printf("\n%sshared relations%s %s(Jaccard of the %s)%s\n", st->head, st->reset, st->dim,
           keys[t->options.by], st->reset);
    print_matrix(w, t->jaccard_relations, "%.2f", st);
    double *rho = malloc((n ? n * n : 1) * sizeof *rho);
    if (!rho)
        return CKG_ENOMEM;
    for (size_t i = 0; i < n * n; i++)
        rho[i] = t->corr[i].spearman;
    printf("\n%sagreement on what is central%s %s(Spearman's rho of %s over the shared "
           "concepts)%s\n",
           st->head, st->reset, st->dim, mname, st->reset);
    print_matrix(w, rho, "%.2f", st);
    free(rho);

    printf("\n%srank by %s%s %s('-': not in that one)%s\n", st->head, mname, st->reset,
           st->dim, st->reset);
    print_ranks(w, st);
    return CKG_OK;
}

