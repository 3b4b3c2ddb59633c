/* cmd_metrics.c — `ckg metrics`: centralities per concept and figures of the graph, for all
 * papers, one paper or one section; as an aligned table (CJK counts two columns), CSV or the
  * JSON of doc/commands.md. The measures are metrics_* (see metrics.h for definitions), the rows
 * metrics_select's, the JSON and CSV export_metrics_*; the text is view_metrics.c. */
#include "ckg/export.h"
#include "ckg/metrics.h"
#include "ckg/status.h"
#include "cli.h"
#include "suggest.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
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
            "long). Communities are seeded, so runs repeat exactly. The # column (rank in CSV\n"
            "and JSON) is the rank by the sort measure (by PageRank when sorted by id or\n"
            "community); tied concepts share the average of the ranks they span.\n"
            "\n"
            "measures: degree in_degree out_degree betweenness harmonic pagerank hub authority\n"
            "          coreness community\n"
            "\n"
            "options:\n"
            "  -p, --paper P       one paper's graph (its id or the start of it)\n"
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

/* A seed: any whole number (0 too). */
static int parse_seed(const cli *c, const char *cmd, const char *s, void *dest)
{
    char *end;
    errno = 0;
    unsigned long long v = *s && *s != '-' && *s != '+' ? strtoull(s, &end, 10) : 0;
    if (!*s || *s == '-' || *s == '+' || errno || *end)
        return cli_usage_error(c, cmd, "--seed wants a whole number, not '%s'", s);
    *(uint64_t *)dest = v;
    return EXIT_OK;
}

typedef struct options {
    graph_scope scope;
    unsigned long top, threads;
    const char *sort, *theme;
    int format;
    metrics_options metrics;
} options;

static const cli_choice methods[] = {
    {"leiden", METRICS_LEIDEN}, {"louvain", METRICS_LOUVAIN}, {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("paper", 'p', CLI_STRING, options, scope.paper)},
    {CLI_OPTION("section", 's', CLI_STRING, options, scope.section)},
    {CLI_OPTION("top", 'n', CLI_COUNT, options, top)},
    {CLI_OPTION("sort", 'S', CLI_STRING, options, sort)},
    {CLI_OPTION("theme", 't', CLI_STRING, options, theme)},
    {CLI_OPTION("weighted", 'w', CLI_FLAG, options, metrics.weighted), .value = 1},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_csv_json,
     .what = "format"},
    {CLI_OPTION("method", 0, CLI_CHOICE, options, metrics.method), .choices = methods,
     .what = "method"},
    {CLI_OPTION("seed", 0, CLI_CUSTOM, options, metrics.seed), .parse = parse_seed},
    {CLI_OPTION("threads", 0, CLI_COUNT, options, threads), .max = 64},
    {0},
};

static const cli_spec spec = {
    .name = "metrics", .usage = usage, .options = option_table, .max_args = 0,
};

/* --sort: a measure or "id"; a usage error with a suggestion otherwise. */
static int sort_arg(const cli *c, const char *sort, metrics_selection *sel)
{
    sel->by_id = strcmp(sort, "id") == 0;
    if (sel->by_id || metrics_measure_from_name(sort, &sel->sort) == CKG_OK)
        return EXIT_OK;
    const char *names[METRICS_N_MEASURES + 1], *best;
    for (int k = 0; k < METRICS_N_MEASURES; k++)
        names[k] = metrics_measure_name((metrics_measure)k);
    names[METRICS_N_MEASURES] = "id";
    if (suggest_closest(sort, names, METRICS_N_MEASURES + 1, &best, 1))
        return cli_usage_error(c, spec.name, "unknown measure '%s' (did you mean '%s'?)", sort,
                               best);
    return cli_usage_error(c, spec.name, "unknown measure '%s' (see 'ckg metrics --help')",
                           sort);
}

/* The rows in the format asked for, each with its rank (tied concepts share the average). */
static int print(const cli_session *s, const options *opt, const metrics_result *m,
                 const size_t *rows, size_t n_rows, const double *ranks)
{
    json_t *doc;
    switch (opt->format) {
    case CLI_JSON:
        return cli_print_json(export_metrics_json(m, rows, n_rows, ranks, &doc), &doc);
    case CLI_CSV: return export_metrics_csv(m, rows, n_rows, ranks, stdout);
    default: return view_metrics(s->c, m, rows, n_rows, ranks, opt->sort);
    }
}

int cmd_metrics(const cli *c, int argc, char **argv)
{
    options opt = {.sort = "pagerank", .format = CLI_TEXT};
    metrics_options_default(&opt.metrics);
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    metrics_selection sel = {.theme = -1};
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    size_t *rows = NULL, n_rows;
    double *ranks = NULL;
    if ((code = sort_arg(c, opt.sort, &sel)) != EXIT_OK)
        goto out;
    if (opt.scope.section && !opt.scope.paper) {
        code = cli_usage_error(c, spec.name, "--section needs --paper");
        goto out;
    }
    opt.metrics.threads = (unsigned)opt.threads;
    sel.top = (size_t)opt.top;
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = opt.scope.section == NULL};
    if ((code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK ||
        (code = cli_scope_options(c, spec.name, s.o, &opt.scope)) != EXIT_OK ||
        (opt.theme && (code = cli_theme_arg(c, spec.name, s.o, opt.theme, &sel.theme))))
        goto out;
    if ((rc = graph_build(s.o, &opt.scope, &s.diags, &g)) == CKG_OK &&
        (rc = metrics_compute(g, &opt.metrics, &s.diags, &m)) == CKG_OK &&
        (rc = metrics_select(m, &sel, &rows, &n_rows)) == CKG_OK) {
        rc = (ranks = malloc((m->n ? m->n : 1) * sizeof *ranks)) ? CKG_OK : CKG_ENOMEM;
        if (rc == CKG_OK && (rc = metrics_ranks(m, metrics_rank_measure(&sel), ranks)) == CKG_OK)
            rc = print(&s, &opt, m, rows, n_rows, ranks);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    free(ranks);
    free(rows);
    metrics_free(m);
    graph_free(g);
    return cli_end(&s, code);
}
