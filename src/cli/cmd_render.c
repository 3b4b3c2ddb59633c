/* cmd_render.c — `ckg render`: a concept map as SVG (or its DOT text), to a file written
 * atomically or to stdout. `--diff A B` draws two papers (or sections) on one map; its
 * second scope is the one positional argument, so `--diff A B` reads as it is written
 * whatever getopt does with the order of arguments. A diff map's counts go to stderr. */
#include "ckg/render.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>
#include <stdlib.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg render [--paper P [--section S] | --diff A B] [--focus C [--depth N]]\n"
            "                  [--theme T] [--engine E] [--lang zh|en|both] [--size-by M]\n"
            "                  [--edge-labels auto|all|none] [--format svg|dot] [-o FILE]\n"
            "\n"
            "Draw a concept map with Graphviz: boxes are concepts colored by theme and sized by\n"
            "a centrality, arrows are relations labeled with their linking phrase and drawn\n"
            "wider the more papers state them. Hovering shows each concept's definition and\n"
            "each relation's first quote. The map goes to FILE (replaced atomically) or stdout.\n"
            "\n"
            "scope:\n"
            "  -p, --paper P        one paper (by id); default: all papers\n"
            "      --section S      one section of that paper (papers that declare sections)\n"
            "      --diff A B       two papers on one map, A and B by id (peng2024) or as\n"
            "                       paper/section (forum2024/yi-tong): concepts and relations\n"
            "                       both state in grey, A's own in orange with solid lines,\n"
            "                       B's own in blue with dashed lines; sizes from the two\n"
            "                       together, tooltips with each one's rank and quote; the\n"
            "                       counts of each go to stderr\n"
            "  -c, --focus C        only concepts within N relation steps of C (either direction)\n"
            "  -d, --depth N        steps for --focus (default 1)\n"
            "      --ties           with --focus, also draw the relations among concepts the\n"
            "                       same number of steps away (default: only those leading out)\n"
            "  -t, --theme T        only the concepts of theme T (core, technology, ...)\n"
            "\n"
            "drawing:\n"
            "  -K, --engine E       dot (default), neato, fdp, sfdp, circo, twopi, or radial\n"
            "                       (ckg's own, for ego maps: rings of ellipses round the focus);\n"
            "                       maps of more than ~80 concepts read better with sfdp or\n"
            "                       neato. All but fdp give the same bytes for the same input\n"
            "                       (Graphviz's fdp packs components differently run to run)\n"
            "  -l, --lang L         labels in zh (default), en, or both (zh over en)\n"
            "  -s, --size-by M      pagerank (default), betweenness or degree, computed on the\n"
            "                       scope's graph (all papers or the paper)\n"
            "  -e, --edge-labels W  auto (default: all phrases on maps of up to %d relations,\n"
            "                       else those between the most central concepts or stated by\n"
            "                       several papers), all, or none\n"
            "  -f, --format F       svg (default) or dot (the DOT text Graphviz lays out)\n"
            "  -o, --output FILE    write to FILE instead of stdout\n"
            "\n"
            "examples:\n"
            "  ckg render -o map.svg --engine sfdp\n"
            "  ckg render --paper peng2024 -o peng2024.svg\n"
            "  ckg render --focus 新质生产力 --engine radial -o ego.svg\n"
            "  ckg render --theme technology --lang both -o technology.svg\n"
            "  ckg render --paper hong2024 --format dot | dot -Tpng -o hong2024.png\n"
            "  ckg render --diff peng2024 hong2024 --engine sfdp -o diff.svg\n"
            "  ckg render --diff forum2024/yang-ruilong forum2024/yi-tong -o forum.svg\n",
            RENDER_AUTO_LABEL_EDGES);
}

/* "ckg render: peng2024 vs hong2024: 40 concepts (12 only in peng2024, ...), ..." */
static void print_diff_summary(const cli *c, const render_options *ro, const render_summary *s)
{
    char a[256], b[256];
    snprintf(a, sizeof a, "%s%s%s", ro->diff[0].paper, ro->diff[0].section ? "/" : "",
             ro->diff[0].section ? ro->diff[0].section : "");
    snprintf(b, sizeof b, "%s%s%s", ro->diff[1].paper, ro->diff[1].section ? "/" : "",
             ro->diff[1].section ? ro->diff[1].section : "");
    fprintf(stderr,
            "%s render: %s vs %s: %zu concepts (%zu only in %s, %zu only in %s, %zu in both), "
            "%zu relations (%zu only in %s, %zu only in %s, %zu in both)\n",
            c->program, a, b, s->n_concepts, s->concepts_in[RENDER_IN_A - 1], a,
            s->concepts_in[RENDER_IN_B - 1], b, s->concepts_in[RENDER_IN_BOTH - 1],
            s->n_relations, s->relations_in[RENDER_IN_A - 1], a,
            s->relations_in[RENDER_IN_B - 1], b, s->relations_in[RENDER_IN_BOTH - 1]);
}

typedef struct options {
    render_options render;
    int engine, depth;
    const char *focus, *output, *diff_a;
} options;

static const cli_choice engines[] = {{"dot", 0},   {"neato", 1}, {"fdp", 2},    {"sfdp", 3},
                                     {"circo", 4}, {"twopi", 5}, {"radial", 6}, {NULL, 0}};
static const cli_choice langs[] = {
    {"zh", RENDER_LANG_ZH}, {"en", RENDER_LANG_EN}, {"both", RENDER_LANG_BOTH}, {NULL, 0}};
static const cli_choice sizes[] = {{"pagerank", RENDER_SIZE_PAGERANK},
                                   {"betweenness", RENDER_SIZE_BETWEENNESS},
                                   {"degree", RENDER_SIZE_DEGREE},
                                   {NULL, 0}};
static const cli_choice edge_labels[] = {{"auto", RENDER_EDGE_LABELS_AUTO},
                                         {"all", RENDER_EDGE_LABELS_ALL},
                                         {"none", RENDER_EDGE_LABELS_NONE},
                                         {NULL, 0}};
static const cli_choice formats[] = {
    {"svg", RENDER_FORMAT_SVG}, {"dot", RENDER_FORMAT_DOT}, {NULL, 0}};

/* --depth: from 1 to 100 */
static int parse_depth(const cli *c, const char *cmd, const char *value, void *dest)
{
    char *end;
    long d = strtol(value, &end, 10);
    if (!*value || *end || d < 1 || d > 100)
        return cli_usage_error(c, cmd, "--depth must be a number from 1 to 100, not '%s'",
                               value);
    *(int *)dest = (int)d;
    return EXIT_OK;
}

static const cli_option option_table[] = {
    {CLI_OPTION("paper", 'p', CLI_STRING, options, render.paper)},
    {CLI_OPTION("section", 0, CLI_STRING, options, render.section)},
    {CLI_OPTION("diff", 0, CLI_STRING, options, diff_a)},
    {CLI_OPTION("focus", 'c', CLI_STRING, options, focus)},
    {CLI_OPTION("depth", 'd', CLI_CUSTOM, options, depth), .parse = parse_depth},
    {CLI_OPTION("theme", 't', CLI_STRING, options, render.theme)},
    {CLI_OPTION("ties", 0, CLI_FLAG, options, render.ego_ties), .value = 1},
    {CLI_OPTION("engine", 'K', CLI_CHOICE, options, engine), .choices = engines,
     .what = "engine"},
    {CLI_OPTION("lang", 'l', CLI_CHOICE, options, render.lang), .choices = langs,
     .what = "language"},
    {CLI_OPTION("size-by", 's', CLI_CHOICE, options, render.size_by), .choices = sizes,
     .what = "measure"},
    {CLI_OPTION("edge-labels", 'e', CLI_CHOICE, options, render.edge_labels),
     .choices = edge_labels, .what = "edge label choice"},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, render.format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {0},
};

/* The positional argument is --diff's second scope. */
static const cli_spec spec = {
    .name = "render", .usage = usage, .options = option_table, .max_args = -1,
};

/* The combinations of options that make no sense; takes --diff's second scope. */
static int check_options(cli_session *s, options *opt)
{
    const cli *c = s->c;
    int code = cli_diff_args(s, opt->diff_a);
    if (code != EXIT_OK)
        return code;
    if (opt->diff_a && (opt->render.paper || opt->render.section))
        return cli_usage_error(c, spec.name, "--diff draws the two scopes it names; it takes no "
                                             "--paper or --section");
    if (opt->depth && !opt->focus)
        return cli_usage_error(c, spec.name, "--depth needs --focus");
    if (opt->render.ego_ties && !opt->focus)
        return cli_usage_error(c, spec.name, "--ties needs --focus");
    if (opt->render.section && !opt->render.paper)
        return cli_usage_error(c, spec.name, "--section needs --paper");
    if (opt->output && !*opt->output)
        return cli_usage_error(c, spec.name, "-o needs a file name");
    if (opt->depth)
        opt->render.depth = opt->depth;
    opt->render.engine = engines[opt->engine].name;
    return EXIT_OK;
}

int cmd_render(const cli *c, int argc, char **argv)
{
    options opt = {0};
    render_options_init(&opt.render);
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc = CKG_OK;
    if (code != CLI_CONTINUE)
        return code;
    render_options *ro = &opt.render;
    render_context *ctx = NULL;
    char *data = NULL;
    size_t len = 0;
    render_summary sum = {0};
    cli_output dest = {0};
    if ((code = check_options(&s, &opt)) != EXIT_OK ||
        (code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK)
        goto out;
    if ((code = cli_diff_scopes(&s, opt.diff_a, ro->diff)) != EXIT_OK)
        goto out;
    if (opt.focus && (code = cli_concept_arg(c, spec.name, s.o, opt.focus, &ro->focus)))
        goto out;
    if (ro->format == RENDER_FORMAT_SVG)
        rc = render_context_new(&s.diags, &ctx);
    if (rc == CKG_OK)
        rc = render_map(ctx, s.o, ro, &s.diags, &data, &len, &sum);
    if (rc != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    cli_print_diags(c, &s.diags);
    if ((code = cli_output_open(c, spec.name, opt.output, &dest)) != EXIT_OK)
        goto out;
    code = cli_output_close(c, spec.name, &dest, fwrite(data, 1, len, dest.f) == len);
    if (code == EXIT_OK && opt.diff_a)
        print_diff_summary(c, ro, &sum);
out:
    free(sum.concepts);
    free(sum.concept_in);
    free(data);
    render_context_free(ctx);
    return cli_end(&s, code);
}
