/* cmd_metrics.c — `ckg metrics`: centralities per concept and figures of the graph, for all
 * papers, one paper or one section; as an aligned table (CJK counts two columns), CSV or the
 * JSON of doc/design.md. The measures themselves are metrics_* (see metrics.h for definitions);
 * this file only selects, orders and prints them. */
#include "ckg/metrics.h"
#include "ckg/status.h"
#include "ckg/text.h"
#include "cli.h"
#include "../suggest.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg metrics [--paper P [--section S]] [--top N] [--sort MEASURE]\n"
            "                   [--theme T] [--weighted] [--format text|csv|json]\n"
            "\n"
            "Centralities of every concept in scope and figures of the whole graph.\n"
            "Degrees, PageRank (damping 0.85) and hub/authority scores are computed on the\n"
            "directed graph; betweenness and harmonic centrality (both normalized), coreness\n"
            "and communities on its undirected collapse. Unweighted unless --weighted (weight\n"
            "= papers stating a pair; then degrees are strengths and a path step is 1/weight\n"
            "long). Communities are seeded, so runs repeat exactly.\n"
            "\n"
            "measures: degree in_degree out_degree betweenness harmonic pagerank hub authority\n"
            "          coreness community\n"
            "\n"
            "options:\n"
            "  -p, --paper P       one paper's graph (papers are named by id)\n"
            "  -s, --section S     one section of that paper (for texts that declare sections)\n"
            "  -n, --top N         list the first N concepts only\n"
            "  -S, --sort MEASURE  order by MEASURE, largest first, ties by id (default:\n"
            "                      pagerank; community: smallest first); also 'id'\n"
            "  -t, --theme T       list the concepts of theme T only (the measures still\n"
            "                      come from the whole graph)\n"
            "  -w, --weighted      weight edges by the number of papers stating them\n"
            "      --method M      communities by leiden (default) or louvain\n"
            "      --seed N        seed of the community search (default 1)\n"
            "      --threads N     threads for betweenness and harmonic (default: all CPUs)\n"
            "  -f, --format F      text (default), csv or json\n"
            "\n"
            "examples:\n"
            "  ckg metrics --top 10\n"
            "  ckg metrics --paper hong2024 --sort betweenness --top 5\n"
            "  ckg metrics --paper forum2024 --section yi-tong --format json\n"
            "  ckg metrics --theme technology --format csv\n");
}

/* ------------------------------------------------------------------ options */

/* A seed: any whole number (0 too). */
static int parse_seed(const char *s, unsigned long long *out)
{
    char *end;
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

typedef struct view {
    const metrics_result *m;
    size_t *rows; /* vertex ids to list, in order */
    size_t n_rows;
    const char *sort; /* measure name or "id" */
} view;

static const ckg_concept *row_concept(const view *w, size_t v)
{
    return &w->m->g->o->concepts[w->m->g->vertices[v].concept];
}

static const char *theme_id(const ckg_ontology *o, const ckg_concept *c)
{
    return c->theme_index >= 0 ? o->themes[c->theme_index].id.s : "";
}

/* ------------------------------------------------------------------ text */

typedef struct column {
    const char *header;
    text_align align;
    size_t cap; /* widest a cell may be (0: no limit) */
    size_t width;
} column;

enum { COL_RANK, COL_ID, COL_ZH, COL_THEME, COL_FIRST_MEASURE, N_COLS = COL_FIRST_MEASURE + METRICS_N_MEASURES };

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

static int print_text(const view *w, const char *scope, const cli_style *st)
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
    const ckg_ontology *o = w->m->g->o;

    /* widths: the widest cell of each column, within its cap */
    char buf[64];
    for (int i = 0; i < N_COLS; i++)
        cols[i].width = text_width(cols[i].header, strlen(cols[i].header));
    for (size_t r = 0; r < w->n_rows; r++) {
        size_t v = w->rows[r];
        const ckg_concept *c = row_concept(w, v);
        const char *texts[] = {c->id.s, c->zh.s ? c->zh.s : "", theme_id(o, c)};
        snprintf(buf, sizeof buf, "%zu", r + 1);
        if (strlen(buf) > cols[COL_RANK].width)
            cols[COL_RANK].width = strlen(buf);
        for (int i = 0; i < 3; i++) {
            size_t tw = cli_width(texts[i]);
            if (tw > cols[COL_ID + i].width)
                cols[COL_ID + i].width = tw;
        }
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            format_measure(buf, sizeof buf, (metrics_measure)k, metrics_value(w->m, v, k));
            if (strlen(buf) > cols[COL_FIRST_MEASURE + k].width)
                cols[COL_FIRST_MEASURE + k].width = strlen(buf);
        }
    }
    for (int i = 0; i < N_COLS; i++) {
        if (cols[i].cap && cols[i].width > cols[i].cap)
            cols[i].width = cols[i].cap;
    }

    print_figures(w->m, scope);
    printf("\n");
    for (int i = 0; i < N_COLS; i++)
        print_cell(cols[i].header, &cols[i], i == N_COLS - 1, st, 1);
    printf("\n");
    for (size_t r = 0; r < w->n_rows; r++) {
        size_t v = w->rows[r];
        const ckg_concept *c = row_concept(w, v);
        snprintf(buf, sizeof buf, "%zu", r + 1);
        print_cell(buf, &cols[COL_RANK], 0, st, 0);
        print_cell(c->id.s, &cols[COL_ID], 0, st, 0);
        print_cell(c->zh.s ? c->zh.s : "", &cols[COL_ZH], 0, st, 0);
        print_cell(theme_id(o, c), &cols[COL_THEME], 0, st, 0);
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            format_measure(buf, sizeof buf, (metrics_measure)k, metrics_value(w->m, v, k));
            print_cell(buf, &cols[COL_FIRST_MEASURE + k], k == METRICS_N_MEASURES - 1, st, 0);
        }
        printf("\n");
    }
    if (w->n_rows < w->m->n)
        printf("(%zu of %zu concepts, by %s)\n", w->n_rows, w->m->n, w->sort);
    return CKG_OK;
}

/* ------------------------------------------------------------------ CSV */

static void csv_number(metrics_measure k, double x)
{
    if (isnan(x))
        return;
    if (metrics_measure_is_integer(k))
        printf("%.0f", x);
    else
        printf("%.17g", x);
}

static int print_csv(const view *w)
{
    const ckg_ontology *o = w->m->g->o;
    printf("rank,id,zh,en,theme");
    for (int k = 0; k < METRICS_N_MEASURES; k++)
        printf(",%s", metrics_measure_name((metrics_measure)k));
    printf("\n");
    for (size_t r = 0; r < w->n_rows; r++) {
        size_t v = w->rows[r];
        const ckg_concept *c = row_concept(w, v);
        printf("%zu,", r + 1);
        cli_csv_field(stdout, c->id.s);
        putchar(',');
        cli_csv_field(stdout, c->zh.s);
        putchar(',');
        cli_csv_field(stdout, c->en.s);
        putchar(',');
        cli_csv_field(stdout, theme_id(o, c));
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            putchar(',');
            csv_number((metrics_measure)k, metrics_value(w->m, v, k));
        }
        putchar('\n');
    }
    return CKG_OK;
}

/* ------------------------------------------------------------------ JSON */

/* A measure as JSON: an integer for whole-number measures, a real otherwise, null for NaN. */
static json_t *json_measure(metrics_measure k, double x)
{
    if (isnan(x))
        return json_null();
    if (metrics_measure_is_integer(k))
        return json_integer((json_int_t)x);
    return json_real(x);
}

static json_t *json_number(double x)
{
    return isnan(x) ? json_null() : json_real(x);
}

static int print_json(const view *w, const char *scope)
{
    int rc = CKG_ENOMEM;
    const metrics_result *m = w->m;
    const metrics_figures *f = &m->graph;
    const ckg_ontology *o = m->g->o;
    json_t *concepts = json_array();
    json_t *graph = json_pack("{s:I, s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "nodes",
                              (json_int_t)f->nodes, "edges", (json_int_t)f->edges,
                              "undirected_edges", (json_int_t)f->undirected_edges, "density",
                              json_number(f->density), "components", (json_int_t)f->components,
                              "largest_component", (json_int_t)f->largest_component,
                              "diameter", (json_int_t)f->diameter, "communities",
                              (json_int_t)f->communities, "modularity",
                              json_number(f->modularity), "theme_modularity",
                              json_number(f->theme_modularity));
    json_t *root = json_pack("{s:s, s:I, s:I, s:b, s:s, s:I, s:f, s:o, s:o}", "scope", scope,
                             "nodes", (json_int_t)f->nodes, "edges", (json_int_t)f->edges,
                             "weighted", m->options.weighted, "method",
                             metrics_community_method_name(m->options.method), "seed",
                             (json_int_t)m->options.seed, "damping", m->options.damping,
                             "concepts", concepts, "graph", graph);
    if (!root)
        goto out;
    for (size_t r = 0; r < w->n_rows; r++) {
        size_t v = w->rows[r];
        const ckg_concept *c = row_concept(w, v);
        json_t *jc = json_pack("{s:s, s:s?, s:s?, s:s}", "id", c->id.s, "zh", c->zh.s, "en",
                               c->en.s, "theme", theme_id(o, c));
        if (!jc || json_array_append_new(concepts, jc))
            goto out;
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            json_t *x = json_measure((metrics_measure)k, metrics_value(m, v, k));
            if (!x || json_object_set_new(jc, metrics_measure_name((metrics_measure)k), x))
                goto out;
        }
    }
    if (json_dumpf(root, stdout, JSON_INDENT(2)) != 0) {
        rc = CKG_EIO;
        goto out;
    }
    putchar('\n');
    rc = CKG_OK;
out:
    json_decref(root);
    return rc;
}

/* ------------------------------------------------------------------ the command */

typedef struct named {
    const char *id;
    size_t v;
} named;

static int compare_named(const void *pa, const void *pb)
{
    return strcmp(((const named *)pa)->id, ((const named *)pb)->id);
}

int cmd_metrics(const cli *c, int argc, char **argv)
{
    enum { OPT_METHOD = 256, OPT_SEED, OPT_THREADS };
    static const struct option options[] = {
        {"paper", required_argument, NULL, 'p'},   {"section", required_argument, NULL, 's'},
        {"top", required_argument, NULL, 'n'},     {"sort", required_argument, NULL, 'S'},
        {"theme", required_argument, NULL, 't'},   {"weighted", no_argument, NULL, 'w'},
        {"format", required_argument, NULL, 'f'},  {"method", required_argument, NULL, OPT_METHOD},
        {"seed", required_argument, NULL, OPT_SEED}, {"threads", required_argument, NULL, OPT_THREADS},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    const char *format = "text", *sort = "pagerank", *theme = NULL;
    graph_scope scope = {0};
    metrics_options mopt;
    metrics_options_default(&mopt);
    unsigned long top = 0, threads = 0;
    unsigned long long seed;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "p:s:n:S:t:wf:h", options, NULL)) != -1) {
        switch (opt) {
        case 'p': scope.paper = optarg; break;
        case 's': scope.section = optarg; break;
        case 'n':
            if (cli_count_arg(c, "metrics", "--top", optarg, ULONG_MAX, &top) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'S': sort = optarg; break;
        case 't': theme = optarg; break;
        case 'w': mopt.weighted = 1; break;
        case 'f':
            if (!cli_format_arg(c, "metrics", optarg, 1, &format))
                return EXIT_USAGE;
            break;
        case OPT_METHOD:
            if (strcmp(optarg, "leiden") == 0)
                mopt.method = METRICS_LEIDEN;
            else if (strcmp(optarg, "louvain") == 0)
                mopt.method = METRICS_LOUVAIN;
            else
                return cli_usage_error(c, "metrics", "unknown method '%s' (leiden or louvain)",
                                       optarg);
            break;
        case OPT_SEED:
            if (parse_seed(optarg, &seed))
                return cli_usage_error(c, "metrics", "--seed wants a whole number, not '%s'",
                                       optarg);
            mopt.seed = seed;
            break;
        case OPT_THREADS:
            if (cli_count_arg(c, "metrics", "--threads", optarg, 64, &threads) != EXIT_OK)
                return EXIT_USAGE;
            mopt.threads = (unsigned)threads;
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error(c, "metrics", "unexpected argument '%s'", argv[optind]);
    metrics_measure sort_by = METRICS_PAGERANK;
    int by_id = strcmp(sort, "id") == 0;
    if (!by_id && metrics_measure_from_name(sort, &sort_by) != CKG_OK) {
        const char *names[METRICS_N_MEASURES + 1], *best;
        for (int k = 0; k < METRICS_N_MEASURES; k++)
            names[k] = metrics_measure_name((metrics_measure)k);
        names[METRICS_N_MEASURES] = "id";
        if (suggest_closest(sort, names, METRICS_N_MEASURES + 1, &best, 1))
            return cli_usage_error(c, "metrics", "unknown measure '%s' (did you mean '%s'?)",
                                   sort, best);
        return cli_usage_error(c, "metrics", "unknown measure '%s' (see 'ckg metrics --help')",
                               sort);
    }
    if (scope.section && !scope.paper)
        return cli_usage_error(c, "metrics", "--section needs --paper");

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    view w = {.sort = sort};
    named *by_name = NULL;
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = scope.section == NULL};
    if ((code = cli_load_with(c, &lopt, &o, 0, &diags)) != EXIT_OK)
        goto out;
    int32_t only_theme = -1;
    if (theme && (code = cli_theme_arg(c, "metrics", o, theme, &only_theme)) != EXIT_OK)
        goto out;
    if ((rc = graph_build(o, &scope, &diags, &g)) == CKG_OK)
        rc = metrics_compute(g, &mopt, &diags, &m);
    if (rc != CKG_OK) {
        cli_print_diags(c, &diags);
        if (rc == CKG_ENOMEM)
            fprintf(stderr, "%s metrics: out of memory\n", c->program);
        code = cli_exit_code(rc);
        goto out;
    }

    /* the rows: sorted, of the theme asked for, the first N */
    w.m = m;
    code = EXIT_INVALID;
    if (!(w.rows = malloc((m->n ? m->n : 1) * sizeof *w.rows)))
        goto out;
    if (by_id) {
        if (!(by_name = malloc((m->n ? m->n : 1) * sizeof *by_name)))
            goto out;
        for (size_t v = 0; v < m->n; v++)
            by_name[v] = (named){row_concept(&w, v)->id.s, v};
        qsort(by_name, m->n, sizeof *by_name, compare_named);
        for (size_t v = 0; v < m->n; v++)
            w.rows[v] = by_name[v].v;
    } else if (metrics_order(m, sort_by, w.rows) != CKG_OK) {
        goto out;
    }
    for (size_t i = 0; i < m->n; i++) {
        if (only_theme < 0 || row_concept(&w, w.rows[i])->theme_index == only_theme)
            w.rows[w.n_rows++] = w.rows[i];
    }
    if (top && top < w.n_rows)
        w.n_rows = (size_t)top;

    char name[256];
    graph_scope_name(g, name, sizeof name);
    if (strcmp(format, "json") == 0)
        rc = print_json(&w, name);
    else if (strcmp(format, "csv") == 0)
        rc = print_csv(&w);
    else {
        cli_style st = cli_style_of(c);
        rc = print_text(&w, name, &st);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_exit_code(rc);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s metrics: cannot write the output\n", c->program);
        code = EXIT_IO;
    }
out:
    free(by_name);
    free(w.rows);
    metrics_free(m);
    graph_free(g);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
