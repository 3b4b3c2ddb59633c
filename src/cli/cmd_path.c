/* cmd_path.c — `ckg path A B`: the shortest chain of relations linking two concepts, each
 * step with the papers and quotes that state it.
 *
 * By default a relation links its two concepts whichever way it points (the question is
 * usually "how are these connected at all?"), and each step shows its real direction with
 * its arrow, in the chain as in the steps; --directed follows relations from cause to effect
 * only. The hub 新质生产力 is one step from most concepts: --avoid C keeps a path away from
 * a concept, and --k N lists the N shortest paths of any length (query_k_shortest_paths). */
#include "ckg/export.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

enum { DEFAULT_MAX_PATHS = 20, MAX_K = 1000 };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg path FROM TO [--all-shortest | --k N] [--avoid C]... [--directed]\n"
            "                [--kind K]... [--paper P] [--max N] [--no-evidence]\n"
            "                [--format text|json]\n"
            "\n"
            "The shortest chain of relations linking two concepts, step by step, each step with\n"
            "the papers that state it and their quotes. Relations are followed whichever way\n"
            "they point unless --directed; the arrows of the chain and of every step show\n"
            "which way each relation runs:\n"
            "\n"
            "  算力 → 发展新动能 ← 新质生产力 → 高质量发展\n"
            "  算力     —构成→ 数字经济    digital economy            [hong2024]\n"
            "  数据要素 ←赋能— 数字技术    digital technology         [zhai2024]\n"
            "\n"
            "options:\n"
            "  -a, --all-shortest  every shortest path, not just one (up to --max)\n"
            "  -K, --k N           the N shortest paths of any length, shortest first, then in\n"
            "                      the ontology's order of their concepts (at most %d)\n"
            "  -x, --avoid C       no path through concept C (repeat for several): a way\n"
            "                      around a hub such as 新质生产力\n"
            "  -D, --directed      follow relations from cause to effect (from -> to) only\n"
            "  -k, --kind K        only relations of kind K (id or phrase; repeat or use commas)\n"
            "  -p, --paper P       only relations stated by paper P\n"
            "  -m, --max N         list at most N paths with --all-shortest (default %d)\n"
            "  -n, --no-evidence   the steps without their quotes\n"
            "  -f, --format F      text (default) or json\n"
            "  -h, --help          this help\n"
            "\n"
            "Exits 1 when no chain of relations links the two concepts.\n"
            "\n"
            "examples:\n"
            "  ckg path 数据要素 新质生产力\n"
            "  ckg path 算力 全要素生产率 --all-shortest\n"
            "  ckg path 算力 高质量发展 --avoid 新质生产力 --k 3 --no-evidence\n"
            "  ckg path data-factor high-quality-development --directed --format json\n",
            MAX_K, DEFAULT_MAX_PATHS);
}

typedef struct options {
    int all, directed, no_evidence, format;
    unsigned long max, k;
    const char *paper;
    cli_list kinds, avoid;
} options;

static const cli_option option_table[] = {
    {CLI_OPTION("all-shortest", 'a', CLI_FLAG, options, all), .value = 1},
    {CLI_OPTION("k", 'K', CLI_COUNT, options, k), .max = MAX_K},
    {CLI_OPTION("avoid", 'x', CLI_LIST, options, avoid)},
    {CLI_OPTION("directed", 'D', CLI_FLAG, options, directed), .value = 1},
    {CLI_OPTION("kind", 'k', CLI_LIST, options, kinds)},
    {CLI_OPTION("paper", 'p', CLI_STRING, options, paper)},
    {CLI_OPTION("max", 'm', CLI_COUNT, options, max), .max = 1000000},
    {CLI_OPTION("no-evidence", 'n', CLI_FLAG, options, no_evidence), .value = 1},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_json,
     .what = "format"},
    {0},
};

static const cli_spec spec = {
    .name = "path", .usage = usage, .options = option_table, .min_args = 2, .max_args = 2,
    .missing = "which two concepts? (see 'ckg path --help')",
    .too_many = "give two concepts (quote names with spaces) (see 'ckg path --help')",
};

/* The paths in the format asked for (text only when there is one). */
static int print(cli_session *s, const options *opt, const query_filter *f,
                 const query_paths *ps)
{
    json_t *doc;
    int evidence = !opt->no_evidence;
    if (opt->format == CLI_JSON)
        return cli_print_json(
            export_path_json(s->o, ps, f, opt->k, evidence, &s->lines, &doc), &doc);
    return ps->found ? view_path(s->c, s->o, ps, f, opt->k, evidence, &s->lines) : CKG_OK;
}

/* The --avoid concepts into avoid[*n]; a usage error when one is an end of the path. */
static int avoid_arg(cli_session *s, const options *opt, int32_t from, int32_t to,
                     int32_t *avoid, size_t *n)
{
    int code;
    for (size_t i = 0; i < opt->avoid.n; i++) {
        if ((code = cli_concept_arg(s->c, spec.name, s->o, opt->avoid.items[i], &avoid[*n])))
            return code;
        if (avoid[*n] == from || avoid[*n] == to)
            return cli_usage_error(s->c, spec.name, "--avoid %s names an end of the path",
                                   opt->avoid.items[i]);
        (*n)++;
    }
    return EXIT_OK;
}

int cmd_path(const cli *c, int argc, char **argv)
{
    options opt = {.max = DEFAULT_MAX_PATHS, .format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    query_index *qi = NULL;
    query_paths *ps = NULL;
    int32_t from, to, kinds[CLI_LIST_MAX], avoid[CLI_LIST_MAX];
    query_filter filter = QUERY_FILTER_ALL;
    filter.kinds = kinds;
    filter.avoid = avoid;
    filter.direction = opt.directed ? QUERY_OUT : QUERY_BOTH;
    if (opt.k && opt.all) {
        code = cli_usage_error(c, spec.name, "--k and --all-shortest exclude each other (--k "
                                             "lists the k shortest paths of any length)");
        goto out;
    }
    if ((code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK ||
        (code = cli_kinds_arg(c, spec.name, s.o, &opt.kinds, kinds, CLI_LIST_MAX,
                              &filter.n_kinds)) != EXIT_OK ||
        (opt.paper && (code = cli_paper_arg(c, spec.name, s.o, opt.paper, &filter.paper))))
        goto out;
    if ((rc = query_index_build(s.o, &qi)) != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    if ((code = cli_concept_arg(c, spec.name, s.o, s.args[0], &from)) != EXIT_OK ||
        (code = cli_concept_arg(c, spec.name, s.o, s.args[1], &to)) != EXIT_OK ||
        (code = avoid_arg(&s, &opt, from, to, avoid, &filter.n_avoid)) != EXIT_OK)
        goto out;
    rc = opt.k ? query_k_shortest_paths(qi, from, to, &filter, opt.k, &ps)
               : query_shortest_paths(qi, from, to, &filter, opt.all ? opt.max : 1, &ps);
    if (rc != CKG_OK || (rc = print(&s, &opt, &filter, ps)) != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    code = EXIT_OK;
    if (!ps->found) {
        const ckg_concept *a = &s.o->concepts[from], *b = &s.o->concepts[to];
        fprintf(stderr, "%s path: no chain of relations links %s (%s) and %s (%s)%s\n",
                c->program, a->zh.s, a->id.s, b->zh.s, b->id.s,
                opt.directed ? " from cause to effect (try without --directed)"
                : (opt.paper || filter.n_kinds || filter.n_avoid) ? " with these filters"
                                                                   : "");
        code = EXIT_INVALID;
    }
out:
    query_paths_free(ps);
    query_index_free(qi);
    return cli_end(&s, code);
}
