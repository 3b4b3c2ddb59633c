/* view_metrics.c — the text of `ckg metrics`: the figures of the graph, then a table of the
 * rows chosen with every measure, columns aligned by display width (CJK counts two) and cut
 * to a width where names run long. */
#include "ckg/status.h"
#include "cli.h"

#include <math.h>
#include <string.h>

static const ckg_concept *row_concept(const metrics_result *m, size_t v)
{
    return &m->g->o->concepts[m->g->vertices[v].concept];
}

static const char *theme_id(const ckg_ontology *o, const ckg_concept *c)
{
    return c->theme_index >= 0 ? o->themes[c->theme_index].id.s : "";
}

typedef struct column {
    const char *header;
    text_align align;
    size_t cap; /* widest a cell may be (0: no limit) */
    size_t width;
} column;

enum {
    COL_RANK,
    COL_ID,
    COL_ZH,
    COL_THEME,
    COL_FIRST_MEASURE,
    N_COLS = COL_FIRST_MEASURE + METRICS_N_MEASURES
};

static void format_measure(char *buf, size_t size, metrics_measure k, double x)
{
    if (isnan(x))
        snprintf(buf, size, "-");
    else if (metrics_measure_is_integer(k))
        snprintf(buf, size, "%.0f", x);
    else if (k == METRICS_PAGERANK)
        snprintf(buf, size, "%.5f", x);
    else if (k == METRICS_HUB || k == METRICS_AUTHORITY)
        snprintf(buf, size, "%.3f", x);
    else
        snprintf(buf, size, "%.4f", x);
    /* a score of -1e-17 (numerical noise around 0) shows as 0, not -0.000 */
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
        memmove(buf, buf + 1, strlen(buf));
}

static void print_cell(const char *s, const column *col, int last, const cli_style *st,
                       int head)
{
    cli_cell(stdout, s, col->width, col->align, head ? st->head : "", head ? st->reset : "");
    if (!last)
        fputs("  ", stdout);
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void print_figures(const metrics_result *m, const char *scope)
{
    const metrics_figures *f = &m->graph;
    printf("scope ");
    cli_text(stdout, scope);
    printf(": %zu %s, %zu %s (%zu undirected), density %.4f\n", f->nodes,
           plural(f->nodes, "concept", "concepts"), f->edges, plural(f->edges, "edge", "edges"),
           f->undirected_edges, f->density);
    printf("%zu %s (largest: %zu %s), diameter %zu (undirected, in edges)\n", f->components,
           plural(f->components, "component", "components"), f->largest_component,
           plural(f->largest_component, "concept", "concepts"), f->diameter);
    printf("%zu %s (%s, seed %llu), modularity ", f->communities,
           plural(f->communities, "community", "communities"),
           metrics_community_method_name(m->options.method),
           (unsigned long long)m->options.seed);
    if (isnan(f->modularity))
        printf("-");
    else
        printf("%.4f", f->modularity);
    printf("; modularity of the themes ");
    if (isnan(f->theme_modularity))
        printf("-");
    else
        printf("%.4f", f->theme_modularity);
    printf("\n%s\n", m->options.weighted ? "weighted: an edge weighs the papers stating it"
                                          : "unweighted");
}

int view_metrics(const cli *cl, const metrics_result *m, const size_t *rows, size_t n_rows,
                 const double *ranks, const char *sort)
{
    static const char *const headers[METRICS_N_MEASURES] = {
        "deg", "in", "out", "betweenness", "harmonic", "pagerank",
        "hub", "authority", "core", "comm",
    };
    column cols[N_COLS] = {
        [COL_RANK] = {"#", TEXT_ALIGN_RIGHT, 0, 0},
        [COL_ID] = {"concept", TEXT_ALIGN_LEFT, 40, 0},
        [COL_ZH] = {"zh", TEXT_ALIGN_LEFT, 20, 0},
        [COL_THEME] = {"theme", TEXT_ALIGN_LEFT, 14, 0},
    };
    for (int k = 0; k < METRICS_N_MEASURES; k++)
        cols[COL_FIRST_MEASURE + k] = (column){headers[k], TEXT_ALIGN_RIGHT, 0, 0};
    const ckg_ontology *o = m->g->o;
    cli_style style = cli_style_of(cl), *st = &style;
    char scope[256];
    graph_scope_name(m->g, scope, sizeof scope);

    /* widths: the widest cell of each column, within its cap */
    char buf[64];
    for (int i = 0; i < N_COLS; i++)
        cols[i].width = text_width(cols[i].header, strlen(cols[i].header));
    for (size_t r = 0; r < n_rows; r++) {
        size_t v = rows[r];
        const ckg_concept *c = row_concept(m, v);
        const char *texts[] = {c->id.s, c->zh.s ? c->zh.s : "", theme_id(o, c)};
        cli_rank_text(ranks[v], buf, sizeof buf);
        if (strlen(buf) > cols[COL_RANK].width)
            cols[COL_RANK].width = strlen(buf);
        for (int i = 0; i < 3; i++) {
            size_t tw = cli_width(texts[i]);
            if (tw > cols[COL_ID + i].width)
                cols[COL_ID + i].width = tw;
        }
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            format_measure(buf, sizeof buf, (metrics_measure)k, metrics_value(m, v, k));
            if (strlen(buf) > cols[COL_FIRST_MEASURE + k].width)
                cols[COL_FIRST_MEASURE + k].width = strlen(buf);
        }
    }
    for (int i = 0; i < N_COLS; i++) {
        if (cols[i].cap && cols[i].width > cols[i].cap)
            cols[i].width = cols[i].cap;
    }

    print_figures(m, scope);
    printf("\n");
    for (int i = 0; i < N_COLS; i++)
        print_cell(cols[i].header, &cols[i], i == N_COLS - 1, st, 1);
    printf("\n");
    for (size_t r = 0; r < n_rows; r++) {
        size_t v = rows[r];
        const ckg_concept *c = row_concept(m, v);
        print_cell(cli_rank_text(ranks[v], buf, sizeof buf), &cols[COL_RANK], 0, st, 0);
        print_cell(c->id.s, &cols[COL_ID], 0, st, 0);
        print_cell(c->zh.s ? c->zh.s : "", &cols[COL_ZH], 0, st, 0);
        print_cell(theme_id(o, c), &cols[COL_THEME], 0, st, 0);
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            format_measure(buf, sizeof buf, (metrics_measure)k, metrics_value(m, v, k));
            print_cell(buf, &cols[COL_FIRST_MEASURE + k], k == METRICS_N_MEASURES - 1, st, 0);
        }
        printf("\n");
    }
    /* # is the rank by the sort measure, or by PageRank when sorted by id or community */
    int by_label = strcmp(sort, "id") == 0 || strcmp(sort, "community") == 0;
    if (n_rows < m->n || by_label)
        printf("(%zu of %zu concepts, by %s%s)\n", n_rows, m->n, sort,
               by_label ? "; # is the rank by pagerank" : "");
    return CKG_OK;
}

