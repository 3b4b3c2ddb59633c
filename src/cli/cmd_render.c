/* cmd_render.c — `ckg render`: a concept map as SVG (or its DOT text), to a file written
 * atomically or to stdout. `--diff A B` draws two papers (or sections) on one map; its
 * second scope is the one positional argument, so `--diff A B` reads as it is written
 * whatever getopt does with the order of arguments. A diff map's counts go to stderr. */
#include "ckg/render.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

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

int cmd_render(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"paper", required_argument, NULL, 'p'},
        {"section", required_argument, NULL, 'S'},
        {"diff", required_argument, NULL, 'D'},
        {"focus", required_argument, NULL, 'c'},
        {"depth", required_argument, NULL, 'd'},
        {"theme", required_argument, NULL, 't'},
        {"ties", no_argument, NULL, 'T'},
        {"engine", required_argument, NULL, 'K'},
        {"lang", required_argument, NULL, 'l'},
        {"size-by", required_argument, NULL, 's'},
        {"edge-labels", required_argument, NULL, 'e'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    render_options ro;
    render_options_init(&ro);
    const char *focus = NULL, *output = NULL, *depth = NULL, *diff_a = NULL, *diff_b = NULL;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "p:c:d:t:K:l:s:e:f:o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'p': ro.paper = optarg; break;
        case 'S': ro.section = optarg; break;
        case 'D': diff_a = optarg; break;
        case 'c': focus = optarg; break;
        case 'd': depth = optarg; break;
        case 't': ro.theme = optarg; break;
        case 'T': ro.ego_ties = 1; break;
        case 'K':
            if (!(ro.engine = render_engine_check(optarg)))
                return cli_usage_error(c, "render", "unknown engine '%s' (dot, neato, fdp, "
                                       "sfdp, circo, twopi or radial)", optarg);
            break;
        case 'l':
            if (render_lang_parse(optarg, &ro.lang) != CKG_OK)
                return cli_usage_error(c, "render", "unknown language '%s' (zh, en or both)",
                                       optarg);
            break;
        case 's':
            if (render_size_by_parse(optarg, &ro.size_by) != CKG_OK)
                return cli_usage_error(c, "render", "unknown measure '%s' (pagerank, "
                                       "betweenness or degree)", optarg);
            break;
        case 'e':
            if (render_edge_labels_parse(optarg, &ro.edge_labels) != CKG_OK)
                return cli_usage_error(c, "render", "unknown edge label choice '%s' (auto, all "
                                       "or none)", optarg);
            break;
        case 'f':
            if (strcmp(optarg, "svg") == 0)
                ro.format = RENDER_FORMAT_SVG;
            else if (strcmp(optarg, "dot") == 0)
                ro.format = RENDER_FORMAT_DOT;
            else
                return cli_usage_error(c, "render", "unknown format '%s' (svg or dot)", optarg);
            break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (diff_a && optind < argc)
        diff_b = argv[optind++];
    if (optind < argc)
        return cli_usage_error(c, "render", "unexpected argument '%s'", argv[optind]);
    if (diff_a && !diff_b)
        return cli_usage_error(c, "render", "--diff needs two papers or sections: --diff A B");
    if (diff_a && (ro.paper || ro.section))
        return cli_usage_error(c, "render", "--diff draws the two scopes it names; it takes no "
                               "--paper or --section");
    if (depth) {
        char *end;
        long d = strtol(depth, &end, 10);
        if (!*depth || *end || d < 1 || d > 100)
            return cli_usage_error(c, "render", "--depth must be a number from 1 to 100, not '%s'",
                                   depth);
        if (!focus)
            return cli_usage_error(c, "render", "--depth needs --focus");
        ro.depth = (int)d;
    }
    if (ro.ego_ties && !focus)
        return cli_usage_error(c, "render", "--ties needs --focus");
    if (ro.section && !ro.paper)
        return cli_usage_error(c, "render", "--section needs --paper");
    if (output && !*output)
        return cli_usage_error(c, "render", "-o needs a file name");

    int code;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    render_context *ctx = NULL;
    char *data = NULL;
    size_t len = 0;
    render_summary sum = {0};
    if ((code = cli_load(c, &o, 0, &diags)) != EXIT_OK)
        goto out;
    if (diff_a && ((code = cli_scope_arg(c, "render", o, diff_a, &ro.diff[0])) != EXIT_OK ||
                   (code = cli_scope_arg(c, "render", o, diff_b, &ro.diff[1])) != EXIT_OK))
        goto out;
    if (focus && (code = cli_concept_arg(c, "render", o, focus, &ro.focus)) != EXIT_OK)
        goto out;
    int rc = CKG_OK;
    if (ro.format == RENDER_FORMAT_SVG)
        rc = render_context_new(&diags, &ctx);
    if (rc == CKG_OK)
        rc = render_map(ctx, o, &ro, &diags, &data, &len, &sum);
    cli_print_diags(c, &diags);
    if (rc != CKG_OK) {
        if (rc == CKG_ENOMEM)
            fprintf(stderr, "%s render: out of memory\n", c->program);
        code = cli_exit_code(rc);
        goto out;
    }
    cli_output dest = {0};
    if ((code = cli_output_open(c, "render", output, &dest)) != EXIT_OK)
        goto out;
    code = cli_output_close(c, "render", &dest, fwrite(data, 1, len, dest.f) == len);
    if (code == EXIT_OK && diff_a)
        print_diff_summary(c, &ro, &sum);
out:
    free(sum.concepts);
    free(sum.concept_in);
    free(data);
    render_context_free(ctx);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
