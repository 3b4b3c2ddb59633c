/* cmd_render.c — `ckg render`: a concept map as SVG, PNG, PDF or its DOT text, to a file
 * written atomically or to stdout. The format is --format's, else the output file's
 * extension's (an extension ckg cannot write is a usage error, never a mislabelled file);
 * PNG and PDF never go to a terminal. `--diff A B` draws two papers (or sections) on one
 * map; its second scope is the one positional argument, so `--diff A B` reads as it is
 * written whatever getopt does with the order of arguments. A diff map's counts go to
 * stderr. */
#include "ckg/render.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs("usage: ckg render [--paper P [--section S] | --diff A B] [--focus C [--depth N]]\n"
            "                  [--theme T] [--top N|all] [--hide C]... [--min-papers K]\n"
            "                  [--engine E] [--lang zh|en|both] [--size-by M]\n"
            "                  [--edge-labels auto|all|none] [--format F] [--dpi N] [-o FILE]\n"
            "\n"
            "Draw a concept map with Graphviz: boxes are concepts colored by theme and sized by\n"
            "how much the scope says about them, arrows are relations labeled with their\n"
            "linking phrase and drawn wider the more papers state them. By default the map is\n"
            "a slide: the most important concepts that stay readable on a 1920x1080 slide (10\n"
            "to 30), its subtitle saying how many of how many; --top all draws every one.\n"
            "Hovering over an SVG shows each concept's definition and each relation's first\n"
            "quote. The map goes to FILE (replaced atomically) or stdout.\n"
            "\n"
            "scope:\n"
            "  -p, --paper P        one paper (id or its start); default: all papers\n"
            "      --section S      one section of that paper (papers that declare sections)\n"
            "      --diff A B       two papers on one map, A and B by id (peng2024) or as\n"
            "                       paper/section (forum2024/yi-tong): concepts and relations\n"
            "                       both state in grey, A's own in orange with solid lines,\n"
            "                       B's own in blue with dashed lines; sizes from the two\n"
            "                       together, tooltips with each one's rank and quote; the\n"
            "                       counts of each go to stderr; every concept unless --top\n"
            "  -c, --focus C        C and the concepts within N relation steps of it (either\n"
            "                       direction), by id, zh, en or alternative name\n"
            "  -d, --depth N        steps for --focus (default 1)\n"
            "      --ties           with --focus, also draw the relations among concepts the\n"
            "                       same number of steps away (default: only those leading out)\n"
            "  -t, --theme T        only the concepts of theme T (id, zh or en: ckg themes)\n"
            "\n"
            "filters:\n"
            "  -n, --top N|all      the N concepts with the largest size (an ego map: its focus\n"
            "                       and N-1 more), with the relations among them; all: every\n"
            "                       concept (the poster map); default: as many as fit a slide\n"
            "  -x, --hide C         leave out concept C and its relations (by any name;\n"
            "                       repeatable), e.g. the hub, so the mechanisms around it show\n"
            "  -m, --min-papers K   only relations that at least K of the papers state, and the\n"
            "                       concepts they join\n"
            "\n", f);
    fprintf(f,
            "drawing:\n"
            "  -K, --engine E       sfdp (default; radial with --focus), neato, fdp, dot, circo,\n"
            "                       twopi, or radial (ckg's own, for ego maps: rings of ellipses\n"
            "                       round the focus). sfdp, neato, fdp and radial maps are\n"
            "                       arranged as slides (the key at the left, 16:9). All but fdp\n"
            "                       give the same bytes for the same input\n"
            "  -l, --lang L         labels in zh (default), en, or both (zh over en)\n"
            "  -s, --size-by M      relations (default: the relations the scope states about a\n"
            "                       concept, once per paper stating each), pagerank, betweenness\n"
            "                       or degree, computed on the scope's graph\n"
            "  -e, --edge-labels W  auto (default: all phrases on maps of up to %d relations,\n"
            "                       else those between the most central concepts or stated by\n"
            "                       several papers), all, or none\n"
            "  -f, --format F       svg, png, pdf or dot (the DOT text Graphviz lays out);\n"
            "                       default: from -o's extension (.svg .png .pdf .dot .gv),\n"
            "                       else svg. PNG and PDF are never written to a terminal\n"
            "      --dpi N          PNG resolution, pixels per inch (default: the smallest that\n"
            "                       covers a 1920x1080 slide)\n"
            "  -o, --output FILE    write to FILE instead of stdout\n"
            "\n"
            "examples:\n"
            "  ckg render --paper peng2024 -o peng2024.png\n"
            "  ckg render --paper peng2024 --top all -o peng2024-full.svg\n"
            "  ckg render -o overview.svg\n"
            "  ckg render --focus 新质生产力 -o ego.svg\n"
            "  ckg render --paper zhai2024 --hide 新质生产力 -o mechanisms.pdf\n"
            "  ckg render --min-papers 3 --top all -o consensus.svg\n"
            "  ckg render --theme technology --lang both -o technology.svg\n"
            "  ckg render --paper hong2024 --engine dot --format dot | dot -Tsvg -o hong2024.svg\n"
            "  ckg render --diff peng2024 hong2024 -o diff.svg\n",
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
    int engine, depth, format;
    double dpi;
    const char *focus, *output, *diff_a, *theme;
    int top, min_papers;
    cli_list hide;
} options;

static const cli_choice engines[] = {{"dot", 0},   {"neato", 1}, {"fdp", 2},    {"sfdp", 3},
                                     {"circo", 4}, {"twopi", 5}, {"radial", 6}, {NULL, 0}};
static const cli_choice langs[] = {
    {"zh", RENDER_LANG_ZH}, {"en", RENDER_LANG_EN}, {"both", RENDER_LANG_BOTH}, {NULL, 0}};
static const cli_choice sizes[] = {{"relations", RENDER_SIZE_RELATIONS},
                                   {"pagerank", RENDER_SIZE_PAGERANK},
                                   {"betweenness", RENDER_SIZE_BETWEENNESS},
                                   {"degree", RENDER_SIZE_DEGREE},
                                   {NULL, 0}};
static const cli_choice edge_labels[] = {{"auto", RENDER_EDGE_LABELS_AUTO},
                                         {"all", RENDER_EDGE_LABELS_ALL},
                                         {"none", RENDER_EDGE_LABELS_NONE},
                                         {NULL, 0}};
static const cli_choice formats[] = {{"svg", RENDER_FORMAT_SVG},
                                     {"png", RENDER_FORMAT_PNG},
                                     {"pdf", RENDER_FORMAT_PDF},
                                     {"dot", RENDER_FORMAT_DOT},
                                     {NULL, 0}};

/* A count option from 1 to max, into an int. */
static int count_into_int(const cli *c, const char *cmd, const char *option, const char *value,
                          unsigned long max, void *dest)
{
    unsigned long n;
    int code = cli_count_arg(c, cmd, option, value, max, &n);
    if (code == EXIT_OK)
        *(int *)dest = (int)n;
    return code;
}

static int parse_depth(const cli *c, const char *cmd, const char *value, void *dest)
{
    return count_into_int(c, cmd, "--depth", value, 100, dest);
}

/* --top: a number from 1 to 10000, or "all" */
static int parse_top(const cli *c, const char *cmd, const char *value, void *dest)
{
    if (strcmp(value, "all") == 0) {
        *(int *)dest = RENDER_TOP_ALL;
        return EXIT_OK;
    }
    return count_into_int(c, cmd, "--top", value, 10000, dest);
}

/* --dpi: a number from 10 to 2400 */
static int parse_dpi(const cli *c, const char *cmd, const char *value, void *dest)
{
    char *end;
    double d = strtod(value, &end);
    if (!*value || *end || !(d >= 10 && d <= 2400))
        return cli_usage_error(c, cmd, "--dpi must be a number from 10 to 2400, not '%s'",
                               value);
    *(double *)dest = d;
    return EXIT_OK;
}

static int parse_min_papers(const cli *c, const char *cmd, const char *value, void *dest)
{
    return count_into_int(c, cmd, "--min-papers", value, 1000, dest);
}

static const cli_option option_table[] = {
    {CLI_OPTION("paper", 'p', CLI_STRING, options, render.paper)},
    {CLI_OPTION("section", 0, CLI_STRING, options, render.section)},
    {CLI_OPTION("diff", 0, CLI_STRING, options, diff_a)},
    {CLI_OPTION("focus", 'c', CLI_STRING, options, focus)},
    {CLI_OPTION("depth", 'd', CLI_CUSTOM, options, depth), .parse = parse_depth},
    {CLI_OPTION("theme", 't', CLI_STRING, options, theme)},
    {CLI_OPTION("top", 'n', CLI_CUSTOM, options, top), .parse = parse_top},
    {CLI_OPTION("hide", 'x', CLI_LIST, options, hide)},
    {CLI_OPTION("min-papers", 'm', CLI_CUSTOM, options, min_papers), .parse = parse_min_papers},
    {CLI_OPTION("ties", 0, CLI_FLAG, options, render.ego_ties), .value = 1},
    {CLI_OPTION("engine", 'K', CLI_CHOICE, options, engine), .choices = engines,
     .what = "engine"},
    {CLI_OPTION("lang", 'l', CLI_CHOICE, options, render.lang), .choices = langs,
     .what = "language"},
    {CLI_OPTION("size-by", 's', CLI_CHOICE, options, render.size_by), .choices = sizes,
     .what = "measure"},
    {CLI_OPTION("edge-labels", 'e', CLI_CHOICE, options, render.edge_labels),
     .choices = edge_labels, .what = "edge label choice"},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("dpi", 0, CLI_CUSTOM, options, dpi), .parse = parse_dpi},
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {0},
};

/* The positional argument is --diff's second scope. */
static const cli_spec spec = {
    .name = "render", .usage = usage, .options = option_table, .max_args = -1,
};

/* The format: --format's, else the output file's extension's, else SVG. A file whose
 * extension no format has is refused rather than written in another format; a binary
 * format is refused on a terminal; --dpi is for PNG. */
static int choose_format(const cli *c, options *opt)
{
    render_options *ro = &opt->render;
    const char *path = opt->output && strcmp(opt->output, "-") != 0 ? opt->output : NULL;
    if (opt->format >= 0) {
        ro->format = (render_format)opt->format;
    } else if (path) {
        render_format f;
        int rc = render_format_of_path(path, &f);
        if (rc == CKG_ENOTFOUND) {
            const char *ext = strrchr(path, '.');
            return cli_usage_error(c, spec.name,
                                   "cannot write '%s' files: the map is written as .svg, .png, "
                                   ".pdf or .dot (or name the format with --format)", ext);
        }
        ro->format = rc == CKG_OK ? f : RENDER_FORMAT_SVG;
    }
    if (!path && render_format_is_binary(ro->format) && isatty(STDOUT_FILENO))
        return cli_usage_error(c, spec.name,
                               "a %s is binary and stdout is a terminal: write it to a file "
                               "(-o map.%s) or pipe it", render_format_name(ro->format),
                               render_format_name(ro->format));
    if (opt->dpi > 0 && ro->format != RENDER_FORMAT_PNG)
        return cli_usage_error(c, spec.name, "--dpi is the resolution of a PNG; this map is %s",
                               render_format_name(ro->format));
    ro->dpi = opt->dpi;
    return EXIT_OK;
}

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
    if ((code = choose_format(c, opt)) != EXIT_OK)
        return code;
    if (opt->depth)
        opt->render.depth = opt->depth;
    opt->render.engine = opt->engine >= 0 ? engines[opt->engine].name : NULL;
    return EXIT_OK;
}

int cmd_render(const cli *c, int argc, char **argv)
{
    options opt = {.engine = -1, .format = -1};
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
    int32_t hide[CLI_LIST_MAX];
    if ((code = check_options(&s, &opt)) != EXIT_OK ||
        (code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK)
        goto out;
    if ((code = cli_diff_scopes(&s, opt.diff_a, ro->diff)) != EXIT_OK)
        goto out;
    if (opt.focus && (code = cli_concept_arg(c, spec.name, s.o, opt.focus, &ro->focus)))
        goto out;
    graph_scope scope = {ro->paper, ro->section};
    if ((code = cli_scope_options(c, spec.name, s.o, &scope)) != EXIT_OK)
        goto out;
    ro->paper = scope.paper;
    ro->section = scope.section;
    if (opt.theme) {
        int32_t t;
        if ((code = cli_theme_arg(c, spec.name, s.o, opt.theme, &t)) != EXIT_OK)
            goto out;
        ro->theme = s.o->themes[t].id.s;
    }
    for (size_t i = 0; i < opt.hide.n; i++) {
        if ((code = cli_concept_arg(c, spec.name, s.o, opt.hide.items[i], &hide[i])) != EXIT_OK)
            goto out;
    }
    ro->hide = hide;
    ro->n_hide = opt.hide.n;
    ro->top = opt.top;
    ro->min_papers = opt.min_papers;
    if (render_needs_context(ro))
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
