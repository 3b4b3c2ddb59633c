/* cmd_neighbors.c — `ckg neighbors C`: the concepts related to C, grouped by relation kind
 * and direction, with the papers that state each relation and, on request, their quotes.
 *
 * This is the everyday query and it is timed: it loads the ontology (without the quotes
 * unless --evidence), resolves the name in one pass, indexes the relations, walks, prints.
 * It builds no igraph graph and verifies no quote; with --evidence it opens only the source
 * texts of the quotes it shows. */
#include "ckg/export.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg neighbors CONCEPT [--depth N] [--direction in|out|both] [--kind K]...\n"
            "                     [--paper P] [--theme T] [--evidence] [--format text|json|csv]\n"
            "\n"
            "The concepts related to CONCEPT, grouped by relation kind and direction, each with\n"
            "its linking phrase and the papers that state it:\n"
            "\n"
            "  数据要素 —支撑→ 全要素生产率   total factor productivity   [peng2024, zhai2024]\n"
            "  数据要素 ←赋能— 数字技术       digital technology          [zhai2024]\n"
            "\n"
            "An arrow pointing right reads 'CONCEPT does this to the neighbor'; pointing left,\n"
            "'the neighbor does this to CONCEPT' (the group title gives the inverse wording).\n"
            "CONCEPT is an id, a Chinese or English name or any alternative name; case, width\n"
            "and spaces do not matter.\n"
            "\n"
            "options:\n"
            "  -d, --depth N        follow relations N steps out (default 1); each concept is\n"
            "                       listed at the depth where it is first reached, with the\n"
            "                       concepts of the step before that lead to it\n"
            "      --direction D    out (relations CONCEPT states of others), in, or both\n"
            "                       (default)\n"
            "  -k, --kind K         only relations of kind K (id, or its zh/en phrase); repeat\n"
            "                       or separate with commas for several\n"
            "  -p, --paper P        only relations stated by paper P (id or its start)\n"
            "  -t, --theme T        only concepts of theme T (id, zh or en); the walk does not\n"
            "                       pass through other themes\n"
            "  -e, --evidence       the quotes behind each relation, with paper and line\n"
            "  -f, --format F       text (default), json or csv\n"
            "  -h, --help           this help\n"
            "\n"
            "examples:\n"
            "  ckg neighbors 数据要素 --evidence\n"
            "  ckg neighbors data-factor --direction out --kind causes,enables\n"
            "  ckg neighbors 新质生产力 --depth 2 --theme technology\n"
            "  ckg neighbors 'total factor productivity' --paper zhai2024 --format json\n");
}

typedef struct options {
    unsigned long depth;
    int direction, evidence, format;
    const char *paper, *theme;
    cli_list kinds;
} options;

static const cli_choice directions[] = {
    {"in", QUERY_IN}, {"out", QUERY_OUT}, {"both", QUERY_BOTH}, {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("depth", 'd', CLI_COUNT, options, depth), .max = 1000000},
    {CLI_OPTION("direction", 0, CLI_CHOICE, options, direction), .choices = directions,
     .invalid = "--direction is %s, not '%s'"},
    {CLI_OPTION("kind", 'k', CLI_LIST, options, kinds)},
    {CLI_OPTION("paper", 'p', CLI_STRING, options, paper)},
    {CLI_OPTION("theme", 't', CLI_STRING, options, theme)},
    {CLI_OPTION("evidence", 'e', CLI_FLAG, options, evidence), .value = 1},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_csv_json,
     .what = "format"},
    {0},
};

static const cli_spec spec = {
    .name = "neighbors", .usage = usage, .options = option_table, .min_args = 1,
    .max_args = 1, .missing = "which concept? (see 'ckg neighbors --help')",
    .too_many = "unexpected argument '%s' (quote a name with spaces)",
};

/* The neighbors in the format asked for. */
static int print(const cli_session *s, const options *opt, const query_neighbors *nb,
                 int filtered, query_lines *lines)
{
    json_t *doc;
    switch (opt->format) {
    case CLI_JSON:
        return cli_print_json(export_neighbors_json(s->o, nb, opt->evidence, lines, &doc),
                              &doc);
    case CLI_CSV: return export_neighbors_csv(s->o, nb, opt->evidence, lines, stdout);
    default: return view_neighbors(s->c, s->o, nb, filtered, opt->evidence, lines);
    }
}

int cmd_neighbors(const cli *c, int argc, char **argv)
{
    options opt = {.depth = 1, .direction = QUERY_BOTH, .format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    query_index *qi = NULL;
    query_neighbors *nb = NULL;
    int32_t concept, kinds[CLI_LIST_MAX];
    query_filter filter = QUERY_FILTER_ALL;
    filter.direction = (unsigned)opt.direction;
    filter.kinds = kinds;
    /* without --evidence no quote is shown: the quotes need not even be read */
    ontology_load_options lopt = {.skip_evidence = !opt.evidence};
    if ((code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK ||
        (code = cli_kinds_arg(c, spec.name, s.o, &opt.kinds, kinds, CLI_LIST_MAX,
                              &filter.n_kinds)) != EXIT_OK ||
        (opt.paper && (code = cli_paper_arg(c, spec.name, s.o, opt.paper, &filter.paper))) ||
        (opt.theme && (code = cli_theme_arg(c, spec.name, s.o, opt.theme, &filter.theme))))
        goto out;
    if ((rc = query_index_build(s.o, &qi)) != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    if ((code = cli_concept_arg(c, spec.name, s.o, s.args[0], &concept)) != EXIT_OK)
        goto out;
    int filtered = opt.paper || opt.theme || filter.n_kinds || filter.direction != QUERY_BOTH;
    if ((rc = query_neighbors_walk(qi, concept, (uint32_t)opt.depth, &filter, &nb)) == CKG_OK)
        rc = print(&s, &opt, nb, filtered, &s.lines);
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    query_neighbors_free(nb);
    query_index_free(qi);
    return cli_end(&s, code);
}
