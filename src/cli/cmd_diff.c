/* cmd_diff.c — `ckg diff A B`: how two papers (or two sections, or a paper and a section)
 * differ: which concepts and relations each has, how their centralities and ranks compare,
 * which themes each stresses. The text fits one screen (headline figures, the top concepts
 * of each, the biggest movers, what each has that the other lacks, theme shares, relations
 * one states); JSON (doc/design.md's shape) and CSV carry the full data. Everything
 * is computed by diff_compute (diff.h); this file selects and prints. */
#include "ckg/diff.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg diff A B [--measure M] [--top N] [--format text|json|csv] [--table T]\n"
            "\n"
            "How two papers differ. A and B are papers by id (peng2024) or sections of a\n"
            "paper that declares them, as paper/section (forum2024/yi-tong).\n"
            "\n"
            "Each is measured in its own graph, exactly as 'ckg metrics --paper P' does:\n"
            "a concept's rank is its place in that paper's graph by the measure, from the\n"
            "largest value (rank 1) down; tied concepts share the average of the ranks they\n"
            "span (1, 2.5, 2.5, 4). The text shows:\n"
            "  - concepts and relations of each, shared, and their Jaccard index\n"
            "    (shared / either); a relation is an ordered pair (from, to), whatever kinds\n"
            "    each paper states for it;\n"
            "  - Spearman's rho (Pearson correlation of the average ranks among the shared\n"
            "    concepts) and Kendall's tau-b (ties corrected) of the measure over the\n"
            "    shared concepts: do the papers put the same concepts at the center?\n"
            "    The text reads rho as little agreement when |rho| < 0.3, some below 0.6,\n"
            "    much from 0.6, and opposite orders at -0.3 or below;\n"
            "  - the top concepts of each, with their rank in the other;\n"
            "  - the biggest movers: shared concepts whose rank changes most;\n"
            "  - the concepts each has that the other lacks, by rank;\n"
            "  - theme shares: of the paper's concepts, and of its relation ends (each\n"
            "    relation has two ends, each counts for its concept's theme);\n"
            "  - relations one paper states and the other does not, those joining two\n"
            "    concepts both papers use first (a link the other could have made).\n"
            "\n"
            "measures: degree in_degree out_degree betweenness harmonic pagerank hub authority\n"
            "          coreness (see 'ckg metrics --help'; community labels are not ranked)\n"
            "\n"
            "options:\n"
            "  -m, --measure M   rank, correlate and order by M (default: pagerank)\n"
            "  -n, --top N       text: N concepts and relations per list (default 5)\n"
            "  -f, --format F    text (default), json or csv\n"
            "      --table T     csv: one table only: concepts, relations or themes\n"
            "                    (default: all three, each after an empty line)\n"
            "  -h, --help        this help\n"
            "\n"
            "JSON: {a, b, measure, shared, only_a, only_b, jaccard, jaccard_relations,\n"
            "spearman_pagerank, kendall_pagerank, spearman_M, kendall_M, correlations,\n"
            "concepts: [{id, zh, en, theme, a: {measures, rank, ranks}, b, delta}] (shared,\n"
            "biggest movers first; delta = b - a), only_a_concepts, only_b_concepts,\n"
            "themes: {theme: {a, b, ...}} (a, b: concept shares), relations: {shared, only_a,\n"
            "only_b}, scopes}.\n"
            "\n"
            "examples:\n"
            "  ckg diff peng2024 hong2024\n"
            "  ckg diff peng2024 hong2024 --measure betweenness --top 8\n"
            "  ckg diff forum2024/yang-ruilong forum2024/yi-tong\n"
            "  ckg diff zhai2024 conditions2024 --format json\n"
            "  ckg diff peng2024 hong2024 --format csv --table concepts\n");
}

/* ------------------------------------------------------------------ shared pieces */

static const ckg_concept *concept_of(const diff_result *d, int32_t c)
{
    return &d->o->concepts[c];
}

static const char *theme_id(const ckg_ontology *o, const ckg_concept *k)
{
    return k->theme_index >= 0 ? o->themes[k->theme_index].id.s : "";
}

/* The kinds stated for an edge, as zh phrases ("催生/支撑") or ids ("causes;supports"). */
static void edge_kinds(const ckg_graph *g, int64_t e, int zh, char *buf, size_t size)
{
    const graph_edge *x = &g->edges[e];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < x->n_kinds && used + 1 < size; i++) {
        const ckg_kind *k = &g->o->kinds[x->kinds[i]];
        int n = snprintf(buf + used, size - used, "%s%s", i ? (zh ? "/" : ";") : "",
                         zh ? k->zh.s : k->id.s);
        if (n < 0)
            break;
        used += (size_t)n;
    }
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

static double value_of(const diff_side *s, int32_t v, metrics_measure k)
{
    return metrics_value(s->m, (size_t)v, k);
}

/* ------------------------------------------------------------------ text */

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

/* The widths of the text layout. */
typedef struct layout {
    const diff_result *d;
    const cli_style *st;
    size_t wn;   /* a column holding a scope name (or a number under it) */
    size_t half; /* the left half of two lists side by side */
    const char *name[2]; /* a's and b's names in columns: the section ids for two sections
                          * of one paper, else the scope names */
} layout;

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
    printf("%s, by %s\n", l->st->reset, metrics_measure_name(d->options.measure));
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
                           {d->a.g->n_edges, d->b.g->n_edges, d->n_shared_rel}};
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

/* "from —kind→ to" of a relation of side s, in exactly width columns (0: unpadded). */
static void relation_entry(const layout *l, const diff_side *s, const diff_relation *r,
                           size_t width)
{
    const diff_result *d = l->d;
    char kinds[128], arrow[160];
    edge_kinds(s->g, s == &d->a ? r->ea : r->eb, 1, kinds, sizeof kinds);
    snprintf(arrow, sizeof arrow, "—%s→", kinds);
    const char *from = concept_of(d, r->from)->zh.s, *to = concept_of(d, r->to)->zh.s;
    size_t wf = cli_width(from) < 16 ? cli_width(from) : 16, wa = cli_width(arrow);
    size_t used = 2 + wf + 1 + wa + 1, star = r->ends_shared ? 0 : 2;
    printf("  ");
    used -= wf - cli_fit(stdout, from, wf, "", ""); /* "新一轮科技革命…" fills 15 of 16 */
    printf(" %s", l->st->arrow);
    cli_text(stdout, arrow);
    printf("%s ", l->st->reset);
    /* within a left half, keep two columns free before the right one */
    size_t room = !width ? SIZE_MAX : width > used + 2 + star ? width - used - 2 - star : 1;
    used += cli_fit(stdout, to, room, "", "");
    if (star)
        printf(" *");
    used += star;
    if (width > used)
        pad(width - used);
}

static void print_relations(const layout *l, size_t top)
{
    const diff_result *d = l->d;
    size_t shared_ends[2] = {0, 0};
    for (size_t i = 0; i < d->n_only_a_rel; i++)
        shared_ends[0] += d->only_a_rel[i].ends_shared != 0;
    for (size_t i = 0; i < d->n_only_b_rel; i++)
        shared_ends[1] += d->only_b_rel[i].ends_shared != 0;
    heading(l, "relations only one states", "(those between shared concepts first)");
    char left[160];
    snprintf(left, sizeof left, "only %s: %zu, %zu between shared", l->name[0], d->n_only_a_rel,
             shared_ends[0]);
    printf("  %s", l->st->dim);
    cell(left, l->half - 2, TEXT_ALIGN_LEFT, "", "");
    snprintf(left, sizeof left, "only %s: %zu, %zu between shared", l->name[1], d->n_only_b_rel,
             shared_ends[1]);
    printf("  ");
    cli_text(stdout, left);
    printf("%s\n", l->st->reset);
    size_t na = top < d->n_only_a_rel ? top : d->n_only_a_rel;
    size_t nb = top < d->n_only_b_rel ? top : d->n_only_b_rel;
    int starred = 0;
    for (size_t i = 0; i < na || i < nb; i++) {
        if (i < na) {
            relation_entry(l, &d->a, &d->only_a_rel[i], l->half);
            starred |= !d->only_a_rel[i].ends_shared;
        } else {
            pad(l->half);
        }
        if (i < nb) {
            relation_entry(l, &d->b, &d->only_b_rel[i], 0);
            starred |= !d->only_b_rel[i].ends_shared;
        }
        printf("\n");
    }
    if (!na && !nb)
        printf("  none\n");
    if (starred)
        printf("  %s* one end is a concept the other paper does not use%s\n", l->st->dim,
               l->st->reset);
}

static int print_text(const diff_result *d, size_t top, const cli_style *st)
{
    layout l = {d, st, 8, 0, {d->a.name, d->b.name}};
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
    print_relations(&l, top);
    free(la);
    free(lb);
    return CKG_OK;
}

/* ------------------------------------------------------------------ CSV */

static void csv_number(double x, int integer)
{
    if (isnan(x))
        return;
    if (integer)
        printf("%.0f", x);
    else
        printf("%.17g", x);
}

static void csv_concept_row(const diff_result *d, const diff_concept *x)
{
    const ckg_concept *k = concept_of(d, x->concept);
    metrics_measure m = d->options.measure;
    cli_csv_field(stdout, k->id.s);
    putchar(',');
    cli_csv_field(stdout, k->zh.s);
    putchar(',');
    cli_csv_field(stdout, k->en.s);
    putchar(',');
    cli_csv_field(stdout, theme_id(d->o, k));
    putchar(',');
    cli_csv_field(stdout, x->va >= 0 && x->vb >= 0 ? "both" : x->va >= 0 ? d->a.name : d->b.name);
    double ra = x->va >= 0 ? d->a.ranks[m][x->va] : NAN;
    double rb = x->vb >= 0 ? d->b.ranks[m][x->vb] : NAN;
    printf(",");
    csv_number(ra, 0);
    printf(",");
    csv_number(rb, 0);
    printf(",");
    csv_number(rb - ra, 0);
    for (int q = 0; q < METRICS_N_MEASURES; q++) {
        metrics_measure mq = (metrics_measure)q;
        int integer = metrics_measure_is_integer(mq);
        double va = x->va >= 0 ? value_of(&d->a, x->va, mq) : NAN;
        double vb = x->vb >= 0 ? value_of(&d->b, x->vb, mq) : NAN;
        printf(",");
        csv_number(va, integer);
        printf(",");
        csv_number(vb, integer);
        if (mq != METRICS_COMMUNITY) {
            printf(",");
            csv_number(vb - va, integer);
        }
    }
    printf("\n");
}

static void csv_concepts(const diff_result *d)
{
    printf("id,zh,en,theme,in,rank_a,rank_b,rank_delta");
    for (int q = 0; q < METRICS_N_MEASURES; q++) {
        const char *n = metrics_measure_name((metrics_measure)q);
        printf(",%s_a,%s_b", n, n);
        if (q != METRICS_COMMUNITY)
            printf(",%s_delta", n);
    }
    printf("\n");
    for (size_t i = 0; i < d->n_shared; i++)
        csv_concept_row(d, &d->shared[i]);
    for (size_t i = 0; i < d->n_only_a; i++)
        csv_concept_row(d, &d->only_a[i]);
    for (size_t i = 0; i < d->n_only_b; i++)
        csv_concept_row(d, &d->only_b[i]);
}

static void csv_relation_rows(const diff_result *d, const diff_relation *list, size_t n)
{
    char kinds[256];
    for (size_t i = 0; i < n; i++) {
        const diff_relation *r = &list[i];
        cli_csv_field(stdout, concept_of(d, r->from)->id.s);
        putchar(',');
        cli_csv_field(stdout, concept_of(d, r->to)->id.s);
        putchar(',');
        cli_csv_field(stdout, r->ea >= 0 && r->eb >= 0 ? "both" : r->ea >= 0 ? d->a.name
                                                                            : d->b.name);
        putchar(',');
        if (r->ea >= 0) {
            edge_kinds(d->a.g, r->ea, 0, kinds, sizeof kinds);
            cli_csv_field(stdout, kinds);
        }
        putchar(',');
        if (r->eb >= 0) {
            edge_kinds(d->b.g, r->eb, 0, kinds, sizeof kinds);
            cli_csv_field(stdout, kinds);
        }
        printf(",%d\n", r->ends_shared ? 1 : 0);
    }
}

static void csv_relations(const diff_result *d)
{
    printf("from,to,in,kinds_a,kinds_b,ends_shared\n");
    csv_relation_rows(d, d->shared_rel, d->n_shared_rel);
    csv_relation_rows(d, d->only_a_rel, d->n_only_a_rel);
    csv_relation_rows(d, d->only_b_rel, d->n_only_b_rel);
}

static void csv_themes(const diff_result *d)
{
    printf("theme,zh,en,concepts_a,concepts_b,concept_share_a,concept_share_b,"
           "relation_ends_a,relation_ends_b,relation_end_share_a,relation_end_share_b\n");
    for (size_t t = 0; t < d->o->n_themes; t++) {
        const ckg_theme *th = &d->o->themes[t];
        const diff_theme *x = &d->themes[t];
        cli_csv_field(stdout, th->id.s);
        putchar(',');
        cli_csv_field(stdout, th->zh.s);
        putchar(',');
        cli_csv_field(stdout, th->en.s);
        printf(",%zu,%zu,", x->concepts[0], x->concepts[1]);
        csv_number(x->concept_share[0], 0);
        putchar(',');
        csv_number(x->concept_share[1], 0);
        printf(",%zu,%zu,", x->ends[0], x->ends[1]);
        csv_number(x->end_share[0], 0);
        putchar(',');
        csv_number(x->end_share[1], 0);
        putchar('\n');
    }
}

static int print_csv(const diff_result *d, const char *table)
{
    if (!table || strcmp(table, "concepts") == 0)
        csv_concepts(d);
    if (!table)
        putchar('\n');
    if (!table || strcmp(table, "relations") == 0)
        csv_relations(d);
    if (!table)
        putchar('\n');
    if (!table || strcmp(table, "themes") == 0)
        csv_themes(d);
    return CKG_OK;
}

/* ------------------------------------------------------------------ JSON */

static json_t *json_number(double x)
{
    return isnan(x) ? json_null() : json_real(x);
}

static json_t *json_measure(metrics_measure k, double x)
{
    if (isnan(x))
        return json_null();
    if (metrics_measure_is_integer(k))
        return json_integer((json_int_t)x);
    return json_real(x);
}

/* Every measure of vertex v of a side, its rank by the chosen measure and by each. */
static json_t *json_side_values(const diff_result *d, const diff_side *s, int32_t v)
{
    json_t *o = json_object(), *ranks = json_object();
    int bad = !o || !ranks;
    for (int q = 0; !bad && q < METRICS_N_MEASURES; q++) {
        metrics_measure mq = (metrics_measure)q;
        bad = json_object_set_new(o, metrics_measure_name(mq),
                                  json_measure(mq, value_of(s, v, mq)));
        if (!bad && s->ranks[q])
            bad = json_object_set_new(ranks, metrics_measure_name(mq), json_real(s->ranks[q][v]));
    }
    if (!bad)
        bad = json_object_set_new(o, "rank", json_real(s->ranks[d->options.measure][v]));
    if (!bad) {
        bad = json_object_set_new(o, "ranks", ranks);
        ranks = NULL;
    }
    json_decref(ranks);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_concept_head(const diff_result *d, int32_t c)
{
    const ckg_concept *k = concept_of(d, c);
    return json_pack("{s:s, s:s?, s:s?, s:s}", "id", k->id.s, "zh", k->zh.s, "en", k->en.s,
                     "theme", theme_id(d->o, k));
}

static json_t *json_shared_concept(const diff_result *d, const diff_concept *x)
{
    json_t *j = json_concept_head(d, x->concept), *delta = json_object();
    int bad = !j || !delta || json_object_set_new(j, "a", json_side_values(d, &d->a, x->va)) ||
              json_object_set_new(j, "b", json_side_values(d, &d->b, x->vb));
    for (int q = 0; !bad && q < METRICS_N_MEASURES; q++) {
        metrics_measure mq = (metrics_measure)q;
        if (mq == METRICS_COMMUNITY)
            continue;
        bad = json_object_set_new(
            delta, metrics_measure_name(mq),
            json_measure(mq, value_of(&d->b, x->vb, mq) - value_of(&d->a, x->va, mq)));
    }
    metrics_measure k = d->options.measure;
    if (!bad)
        bad = json_object_set_new(delta, "rank",
                                  json_real(d->b.ranks[k][x->vb] - d->a.ranks[k][x->va]));
    if (!bad) {
        bad = json_object_set_new(j, "delta", delta);
        delta = NULL;
    }
    json_decref(delta);
    if (bad) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *json_only_concept(const diff_result *d, const diff_concept *x)
{
    json_t *j = json_concept_head(d, x->concept);
    const char *key = x->va >= 0 ? "a" : "b";
    const diff_side *s = x->va >= 0 ? &d->a : &d->b;
    if (!j || json_object_set_new(j, key, json_side_values(d, s, x->va >= 0 ? x->va : x->vb))) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *json_ids(const diff_result *d, const diff_concept *list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        if (json_array_append_new(a, json_string(concept_of(d, list[i].concept)->id.s))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_kinds(const ckg_graph *g, int64_t e)
{
    json_t *a = json_array();
    for (size_t i = 0; a && e >= 0 && i < g->edges[e].n_kinds; i++) {
        if (json_array_append_new(a, json_string(g->o->kinds[g->edges[e].kinds[i]].id.s))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_relations(const diff_result *d, const diff_relation *list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        const diff_relation *r = &list[i];
        json_t *j = json_pack("{s:s, s:s, s:o, s:o, s:b}", "from", concept_of(d, r->from)->id.s,
                              "to", concept_of(d, r->to)->id.s, "kinds_a",
                              r->ea >= 0 ? json_kinds(d->a.g, r->ea) : json_null(), "kinds_b",
                              r->eb >= 0 ? json_kinds(d->b.g, r->eb) : json_null(),
                              "ends_shared", r->ends_shared);
        if (!j || json_array_append_new(a, j)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_scope(const diff_side *s)
{
    const ckg_paper *p = &s->g->o->papers[s->g->paper];
    const char *title;
    const ckg_strs *authors;
    int year;
    side_title(s, &title, &authors, &year);
    json_t *au = json_array();
    for (size_t i = 0; au && i < authors->n; i++) {
        if (json_array_append_new(au, json_string(authors->items[i].s))) {
            json_decref(au);
            au = NULL;
        }
    }
    const metrics_figures *f = &s->m->graph;
    return json_pack("{s:s, s:s, s:s?, s:s?, s:o, s:i, s:I, s:I, s:o, s:I, s:o}", "scope",
                     s->name, "paper", p->id.s, "section",
                     s->g->section >= 0 ? p->sections[s->g->section].id.s : NULL, "title", title,
                     "authors", au, "year", year, "nodes", (json_int_t)f->nodes, "edges",
                     (json_int_t)f->edges, "density", json_number(f->density), "communities",
                     (json_int_t)f->communities, "modularity", json_number(f->modularity));
}

static int print_json(const diff_result *d)
{
    int rc = CKG_ENOMEM;
    metrics_measure k = d->options.measure;
    const char *mname = metrics_measure_name(k);
    json_t *concepts = json_array(), *only_a = json_array(), *only_b = json_array();
    json_t *themes = json_object(), *corr = json_object();
    json_t *root = json_pack(
        "{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
        "a", d->a.name, "b", d->b.name, "measure", mname, "scopes", json_pack("[o, o]", json_scope(&d->a),
                                                         json_scope(&d->b)),
        "shared", json_ids(d, d->shared, d->n_shared), "only_a",
        json_ids(d, d->only_a, d->n_only_a), "only_b", json_ids(d, d->only_b, d->n_only_b),
        "jaccard", json_number(d->jaccard_concepts), "jaccard_relations",
        json_number(d->jaccard_relations), "correlations", corr, "concepts", concepts,
        "only_a_concepts", only_a, "only_b_concepts", only_b, "themes", themes, "relations",
        json_pack("{s:o, s:o, s:o}", "shared", json_relations(d, d->shared_rel, d->n_shared_rel),
                  "only_a", json_relations(d, d->only_a_rel, d->n_only_a_rel), "only_b",
                  json_relations(d, d->only_b_rel, d->n_only_b_rel)));
    if (!root)
        goto out;
    /* spearman_pagerank always; spearman_M and kendall_M of the chosen measure */
    char key[64];
    const metrics_measure keys[2] = {METRICS_PAGERANK, k};
    for (int i = 0; i < 2; i++) {
        const diff_correlation *c = &d->corr[keys[i]];
        snprintf(key, sizeof key, "spearman_%s", metrics_measure_name(keys[i]));
        if (json_object_set_new(root, key, json_number(c->spearman)))
            goto out;
        snprintf(key, sizeof key, "kendall_%s", metrics_measure_name(keys[i]));
        if (json_object_set_new(root, key, json_number(c->kendall)))
            goto out;
    }
    for (int q = 0; q < METRICS_N_MEASURES; q++) {
        if (q == METRICS_COMMUNITY)
            continue;
        const diff_correlation *c = &d->corr[q];
        if (json_object_set_new(corr, metrics_measure_name((metrics_measure)q),
                                json_pack("{s:I, s:o, s:o}", "n", (json_int_t)c->n, "spearman",
                                          json_number(c->spearman), "kendall",
                                          json_number(c->kendall))))
            goto out;
    }
    for (size_t i = 0; i < d->n_shared; i++) {
        json_t *j = json_shared_concept(d, &d->shared[i]);
        if (!j || json_array_append_new(concepts, j))
            goto out;
    }
    for (size_t i = 0; i < d->n_only_a; i++) {
        json_t *j = json_only_concept(d, &d->only_a[i]);
        if (!j || json_array_append_new(only_a, j))
            goto out;
    }
    for (size_t i = 0; i < d->n_only_b; i++) {
        json_t *j = json_only_concept(d, &d->only_b[i]);
        if (!j || json_array_append_new(only_b, j))
            goto out;
    }
    for (size_t t = 0; t < d->o->n_themes; t++) {
        const diff_theme *x = &d->themes[t];
        json_t *j = json_pack("{s:o, s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "a",
                              json_number(x->concept_share[0]), "b",
                              json_number(x->concept_share[1]), "a_concepts",
                              (json_int_t)x->concepts[0], "b_concepts",
                              (json_int_t)x->concepts[1], "a_relation_ends",
                              (json_int_t)x->ends[0], "b_relation_ends", (json_int_t)x->ends[1],
                              "a_relation_share", json_number(x->end_share[0]),
                              "b_relation_share", json_number(x->end_share[1]));
        if (!j || json_object_set_new(themes, d->o->themes[t].id.s, j))
            goto out;
    }
    rc = cli_json_print(root);
    root = NULL;
out:
    json_decref(root);
    return rc;
}

/* ------------------------------------------------------------------ the command */

int cmd_diff(const cli *c, int argc, char **argv)
{
    enum { OPT_TABLE = 256 };
    static const struct option options[] = {
        {"measure", required_argument, NULL, 'm'}, {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},
        {"table", required_argument, NULL, OPT_TABLE}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "text", *table = NULL;
    diff_options dopt;
    diff_options_default(&dopt);
    unsigned long top = 5;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "m:n:f:h", options, NULL)) != -1) {
        switch (opt) {
        case 'm':
            if (cli_measure_arg(c, "diff", optarg, 1, &dopt.measure) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'n':
            if (cli_count_arg(c, "diff", "--top", optarg, 1000000, &top) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'f':
            if (!cli_format_arg(c, "diff", optarg, 1, &format))
                return EXIT_USAGE;
            break;
        case OPT_TABLE:
            if (strcmp(optarg, "concepts") && strcmp(optarg, "relations") &&
                strcmp(optarg, "themes"))
                return cli_usage_error(c, "diff",
                                       "unknown table '%s' (concepts, relations or themes)",
                                       optarg);
            table = optarg;
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (argc - optind != 2) {
        if (argc - optind > 2)
            return cli_usage_error(c, "diff", "unexpected argument '%s'", argv[optind + 2]);
        return cli_usage_error(c, "diff", "name two papers (or paper/section), e.g. "
                                          "'ckg diff peng2024 hong2024'");
    }
    if (table && strcmp(format, "csv") != 0)
        return cli_usage_error(c, "diff", "--table goes with --format csv");

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    diff_result *d = NULL;
    graph_scope a, b;
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = !strchr(argv[optind], '/') &&
                                                   !strchr(argv[optind + 1], '/')};
    if ((code = cli_load_with(c, &lopt, &o, 0, &diags)) != EXIT_OK ||
        (code = cli_scope_arg(c, "diff", o, argv[optind], &a)) != EXIT_OK ||
        (code = cli_scope_arg(c, "diff", o, argv[optind + 1], &b)) != EXIT_OK)
        goto out;
    if ((rc = diff_compute(o, &a, &b, &dopt, &diags, &d)) != CKG_OK) {
        cli_print_diags(c, &diags);
        if (rc == CKG_ENOMEM)
            fprintf(stderr, "%s diff: out of memory\n", c->program);
        code = cli_exit_code(rc);
        goto out;
    }
    if (strcmp(format, "json") == 0)
        rc = print_json(d);
    else if (strcmp(format, "csv") == 0)
        rc = print_csv(d, table);
    else {
        cli_style st = cli_style_of(c);
        rc = print_text(d, (size_t)top, &st);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_exit_code(rc);
    if (rc == CKG_ENOMEM)
        fprintf(stderr, "%s diff: out of memory\n", c->program);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s diff: cannot write the output\n", c->program);
        code = EXIT_IO;
    }
out:
    diff_free(d);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
