/* cmd_export.c — `ckg export`: the analysis graph of a scope as JSON, GraphML, DOT or CSV,
 * to stdout or to a file written whole (temporary file + rename). */
#include "ckg/export.h"
#include "ckg/graph.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <string.h>

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

int cmd_export(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"paper", required_argument, NULL, 'p'},
        {"section", required_argument, NULL, 's'}, {"nodes", no_argument, NULL, 'N'},
        {"edges", no_argument, NULL, 'E'},        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    const char *format = "json", *output = NULL;
    graph_scope scope = {0};
    int nodes = 0, edges = 0, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "f:p:s:o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'f': format = optarg; break;
        case 'p': scope.paper = optarg; break;
        case 's': scope.section = optarg; break;
        case 'N': nodes = 1; break;
        case 'E': edges = 1; break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error(c, "export", "unexpected argument '%s'", argv[optind]);
    export_format fmt;
    if (export_format_from_name(format, &fmt) != CKG_OK)
        return cli_usage_error(c, "export", "unknown format '%s' (json, graphml, dot or csv)",
                               format);
    if ((nodes || edges) && fmt != EXPORT_CSV)
        return cli_usage_error(c, "export", "--nodes and --edges go with --format csv");
    if (nodes && edges)
        return cli_usage_error(c, "export", "--nodes and --edges exclude each other "
                                            "(without either, csv has both tables)");
    if (nodes)
        fmt = EXPORT_CSV_NODES;
    else if (edges)
        fmt = EXPORT_CSV_EDGES;
    if (scope.section && !scope.paper)
        return cli_usage_error(c, "export", "--section needs --paper");

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    ckg_graph *g = NULL;
    cli_output out = {0};
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = scope.section == NULL};
    if ((code = cli_load_with(c, &lopt, &o, 0, &diags)) != EXIT_OK)
        goto out;
    if ((rc = graph_build(o, &scope, &diags, &g)) != CKG_OK) {
        cli_print_diags(c, &diags);
        code = cli_exit_code(rc);
        goto out;
    }
    if ((code = cli_output_open(c, "export", output, &out)) != EXIT_OK)
        goto out;
    rc = export_write(g, fmt, out.f);
    if (rc == CKG_ENOMEM)
        fprintf(stderr, "%s export: out of memory\n", c->program);
    code = cli_output_close(c, "export", &out, rc == CKG_OK);
    if (code == EXIT_OK && rc != CKG_OK)
        code = cli_exit_code(rc);
out:
    graph_free(g);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
