/* cmd_export.c — `ckg export`: the analysis graph of a scope as JSON, GraphML, DOT or CSV,
 * to stdout or to a file written whole (temporary file + rename). */
#include "ckg/export.h"
#include "ckg/graph.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg export [--format json|graphml|dot|csv] [--paper P [--section S]]\n"
            "                  [--nodes|--edges] [-o FILE]\n"
            "\n"
            "Write the analysis graph (one vertex per concept in scope, one edge per distinct\n"
            "ordered pair, weight = papers stating it) for other tools.\n"
            "\n"
            "  json     {scope, papers, concepts, relations}; one relation per (from, kind, to)\n"
            "           with the papers stating it\n"
            "  graphml  typed attributes, for python-igraph, NetworkX, Gephi\n"
            "  dot      a plain Graphviz digraph (no styling; see 'ckg render' for maps)\n"
            "  csv      a nodes table, an empty line, an edges table (RFC 4180)\n"
            "\n"
            "options:\n"
            "  -f, --format F    json (default), graphml, dot or csv\n"
            "  -p, --paper P     one paper's graph (papers are named by id)\n"
            "  -s, --section S   one section of that paper (for texts that declare sections)\n"
            "      --nodes       csv: the nodes table only\n"
            "      --edges       csv: the edges table only\n"
            "  -o, --output FILE write FILE (whole or not at all) instead of stdout\n"
            "\n"
            "examples:\n"
            "  ckg export --format graphml -o output/ckg.graphml\n"
            "  ckg export --paper hong2024 --format csv --edges\n"
            "  ckg export --paper forum2024 --section yi-tong\n");
}

typedef struct options {
    graph_scope scope;
    int format, nodes, edges;
    const char *output;
} options;

static const cli_choice formats[] = {{"json", EXPORT_JSON},
                                     {"graphml", EXPORT_GRAPHML},
                                     {"dot", EXPORT_DOT},
                                     {"csv", EXPORT_CSV},
                                     {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("paper", 'p', CLI_STRING, options, scope.paper)},
    {CLI_OPTION("section", 's', CLI_STRING, options, scope.section)},
    {CLI_OPTION("nodes", 0, CLI_FLAG, options, nodes), .value = 1},
    {CLI_OPTION("edges", 0, CLI_FLAG, options, edges), .value = 1},
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {0},
};

static const cli_spec spec = {
    .name = "export", .usage = usage, .options = option_table, .max_args = 0,
};

/* The format to write, with --nodes or --edges; a usage error for what makes no sense. */
static int format_of(const cli *c, const options *opt, export_format *fmt)
{
    *fmt = (export_format)opt->format;
    if ((opt->nodes || opt->edges) && *fmt != EXPORT_CSV)
        return cli_usage_error(c, spec.name, "--nodes and --edges go with --format csv");
    if (opt->nodes && opt->edges)
        return cli_usage_error(c, spec.name, "--nodes and --edges exclude each other "
                                             "(without either, csv has both tables)");
    if (opt->nodes)
        *fmt = EXPORT_CSV_NODES;
    else if (opt->edges)
        *fmt = EXPORT_CSV_EDGES;
    if (opt->scope.section && !opt->scope.paper)
        return cli_usage_error(c, spec.name, "--section needs --paper");
    return EXIT_OK;
}

int cmd_export(const cli *c, int argc, char **argv)
{
    options opt = {.format = EXPORT_JSON};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    export_format fmt;
    ckg_graph *g = NULL;
    cli_output out = {0};
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = opt.scope.section == NULL};
    if ((code = format_of(c, &opt, &fmt)) != EXIT_OK ||
        (code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK)
        goto out;
    if ((rc = graph_build(s.o, &opt.scope, &s.diags, &g)) != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    if ((code = cli_output_open(c, spec.name, opt.output, &out)) != EXIT_OK)
        goto out;
    rc = export_write(g, fmt, out.f);
    code = cli_output_close(c, spec.name, &out, rc == CKG_OK);
    if (code == EXIT_OK && rc != CKG_OK)
        code = cli_fail(&s, rc);
out:
    graph_free(g);
    return cli_end(&s, code);
}
