/* cmd_export.c — `ckg export`: the analysis graph of a scope as JSON, GraphML, GEXF, DOT or
 * CSV, to stdout or to a file written whole (temporary file + rename).
 *
 * The format is --format's, else the one the file name ends in (cli_output_format). GraphML,
 * GEXF and CSV carry the measures of `ckg metrics`, the evidence counts, definitions and
 * theme colors (export_attrs); GEXF also each node's size and a Graphviz layout. A CSV file
 * holds one table (--table nodes|edges; --nodes and --edges still say the same), written
 * after a UTF-8 byte order mark with --bom, which Excel needs to read Chinese. */
#include "ckg/export.h"
#include "ckg/graph.h"
#include "ckg/metrics.h"
#include "ckg/render.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg export [-o FILE] [--format json|graphml|gexf|dot|csv]\n"
            "                  [--table nodes|edges] [--bom] [--paper P [--section S]]\n"
            "\n"
            "Write the analysis graph (one vertex per concept in scope, one edge per distinct\n"
            "ordered pair, weight = papers stating it) for other tools. The format is the one\n"
            "the file name ends in (.json .graphml .gexf .dot .csv), or --format's.\n"
            "\n"
            "  json     {scope, papers, concepts, relations}; one relation per (from, kind, to)\n"
            "           with the papers stating it\n"
            "  graphml  typed attributes, for python-igraph, NetworkX, Gephi: names, theme,\n"
            "           color, definitions, papers, evidence and every measure of ckg metrics\n"
            "  gexf     GEXF 1.3, the same attributes, and each node's color, size and position\n"
            "           (a Graphviz layout): Gephi opens a finished map\n"
            "  dot      a plain Graphviz digraph (no styling; see 'ckg render' for maps)\n"
            "  csv      one table: --table nodes (with every measure) or --table edges, the\n"
            "           columns Gephi's spreadsheet import expects (RFC 4180)\n"
            "\n"
            "options:\n"
            "  -o, --output FILE write FILE (whole or not at all) instead of stdout\n"
            "  -f, --format F    json (default on stdout), graphml, gexf, dot or csv; must\n"
            "                    agree with FILE's ending when it has one of those\n"
            "  -t, --table T     csv: nodes or edges\n"
            "      --bom         csv: start with a UTF-8 byte order mark (for Excel)\n"
            "  -p, --paper P     one paper's graph (its id or the start of it)\n"
            "  -s, --section S   one section of that paper (for texts that declare sections)\n"
            "\n"
            "examples:\n"
            "  ckg export -o ckg.gexf\n"
            "  ckg export -o ckg.graphml --paper hong2024\n"
            "  ckg export -o nodes.csv --table nodes --bom\n"
            "  ckg export --paper forum2024 --section yi-tong --format json | jq .concepts\n");
}

enum { TABLE_NODES = 1, TABLE_EDGES = 2 };

typedef struct options {
    graph_scope scope;
    int format, table, nodes, edges, bom;
    const char *output;
} options;

static const cli_choice formats[] = {{"json", EXPORT_JSON}, {"graphml", EXPORT_GRAPHML},
                                     {"gexf", EXPORT_GEXF}, {"dot", EXPORT_DOT},
                                     {"csv", EXPORT_CSV},   {NULL, 0}};
static const cli_extension endings[] = {{".json", EXPORT_JSON}, {".graphml", EXPORT_GRAPHML},
                                        {".gexf", EXPORT_GEXF}, {".dot", EXPORT_DOT},
                                        {".csv", EXPORT_CSV},   {NULL, 0}};
static const cli_choice tables[] = {
    {"nodes", TABLE_NODES}, {"edges", TABLE_EDGES}, {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("paper", 'p', CLI_STRING, options, scope.paper)},
    {CLI_OPTION("section", 's', CLI_STRING, options, scope.section)},
    {CLI_OPTION("table", 't', CLI_CHOICE, options, table), .choices = tables, .what = "table"},
    {CLI_OPTION("bom", 0, CLI_FLAG, options, bom), .value = 1},
    /* the names before --table, kept */
    {CLI_OPTION("nodes", 0, CLI_FLAG, options, nodes), .value = 1},
    {CLI_OPTION("edges", 0, CLI_FLAG, options, edges), .value = 1},
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {0},
};

static const cli_spec spec = {
    .name = "export", .usage = usage, .options = option_table, .max_args = 0,
};

/* The format to write: by --format or the file name, one table for CSV; a usage error for
 * what makes no sense. */
static int format_of(const cli *c, options *opt, export_format *fmt)
{
    int format = opt->format, code;
    if (opt->nodes && opt->edges)
        return cli_usage_error(c, spec.name, "--nodes and --edges exclude each other (a CSV "
                                             "file holds one table)");
    if ((opt->nodes || opt->edges) && opt->table)
        return cli_usage_error(c, spec.name, "--%s is --table %s: give one of them",
                               opt->nodes ? "nodes" : "edges", opt->nodes ? "nodes" : "edges");
    if (opt->nodes || opt->edges)
        opt->table = opt->nodes ? TABLE_NODES : TABLE_EDGES;
    if ((code = cli_output_format(c, spec.name, formats, endings, opt->output, EXPORT_JSON,
                                  &format)) != EXIT_OK)
        return code;
    *fmt = (export_format)format;
    if (opt->table && *fmt != EXPORT_CSV)
        return cli_usage_error(c, spec.name, "--table goes with CSV (the other formats hold "
                                             "nodes and edges together)");
    if (opt->bom && *fmt != EXPORT_CSV)
        return cli_usage_error(c, spec.name, "--bom goes with CSV (for Excel)");
    if (*fmt == EXPORT_CSV && !opt->table)
        return cli_usage_error(c, spec.name, "a CSV file holds one table: add --table nodes or "
                                             "--table edges");
    if (*fmt == EXPORT_CSV)
        *fmt = opt->table == TABLE_NODES ? EXPORT_CSV_NODES : EXPORT_CSV_EDGES;
    if (opt->scope.section && !opt->scope.paper)
        return cli_usage_error(c, spec.name, "--section needs --paper");
    return EXIT_OK;
}

/* The measures, evidence and layout the format carries (none for JSON and DOT). */
static int attributes(cli_session *s, const ckg_graph *g, export_format fmt,
                      metrics_result **m, export_attrs *attrs)
{
    metrics_options mopt;
    render_context *layout = NULL;
    int rc;
    if (fmt == EXPORT_JSON || fmt == EXPORT_DOT)
        return CKG_OK;
    metrics_options_default(&mopt);
    if ((rc = metrics_compute(g, &mopt, &s->diags, m)) == CKG_OK &&
        (fmt != EXPORT_GEXF || (rc = render_context_new(&s->diags, &layout)) == CKG_OK))
        rc = export_attrs_build(g, *m, layout, &s->diags, attrs);
    render_context_free(layout);
    return rc;
}

int cmd_export(const cli *c, int argc, char **argv)
{
    options opt = {.format = CLI_UNSET};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    export_format fmt = EXPORT_JSON;
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    export_attrs attrs = {0};
    cli_output out = {0};
    if ((code = format_of(c, &opt, &fmt)) != EXIT_OK)
        goto out;
    /* quotes matter to count the evidence, and to find what a section states */
    ontology_load_options lopt = {.skip_evidence = opt.scope.section == NULL &&
                                                   (fmt == EXPORT_JSON || fmt == EXPORT_DOT)};
    if ((code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK ||
        (code = cli_scope_options(c, spec.name, s.o, &opt.scope)) != EXIT_OK)
        goto out;
    if ((rc = graph_build(s.o, &opt.scope, &s.diags, &g)) != CKG_OK ||
        (rc = attributes(&s, g, fmt, &m, &attrs)) != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    if ((code = cli_output_open(c, spec.name, opt.output, &out)) != EXIT_OK)
        goto out;
    if (opt.bom)
        fputs("\xEF\xBB\xBF", out.f);
    rc = export_write(g, fmt, m ? &attrs : NULL, out.f);
    code = cli_output_close(c, spec.name, &out, rc == CKG_OK);
    if (code == EXIT_OK && rc != CKG_OK)
        code = cli_fail(&s, rc);
out:
    export_attrs_free(&attrs);
    metrics_free(m);
    graph_free(g);
    return cli_end(&s, code);
}
