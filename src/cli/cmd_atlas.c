/* cmd_atlas.c — `ckg atlas`: the concept atlas, one self-contained HTML page (atlas.h), to a
 * file written atomically or to stdout, with a one-line account of what it holds on stderr.
 * `--diff A B` takes its second scope as the one positional argument, as `ckg render` does. */
#include "ckg/atlas.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg atlas [-o FILE] [--diff A B] [--engine E] [--lang zh|en] [--no-sources]\n"
            "\n"
            "Write the concept atlas: one HTML page that works opened from disk, with no\n"
            "server and no network. It holds the map of every scope (all papers, each paper,\n"
            "each section of a paper that has sections, and with --diff two scopes compared),\n"
            "in Chinese and in English, with pan and zoom; for every concept its names, theme,\n"
            "definition, broader and narrower concepts, ranks (as 'ckg show' gives them), the\n"
            "quotes of each paper shown in their paragraph of the source text, and its\n"
            "relations (as 'ckg neighbors' groups them) with their quotes; search by any name;\n"
            "links to a concept (atlas.html#c=ID&p=SCOPE). The paragraphs are read from the\n"
            "corpus now: give --corpus DIR (or $CKG_CORPUS) unless --no-sources.\n"
            "\n"
            "options:\n"
            "  -o, --output FILE  write to FILE (replaced atomically) instead of stdout\n"
            "      --diff A B     also the map of two scopes compared, as 'ckg render --diff'\n"
            "                     draws it; A and B by id (peng2024) or as paper/section\n"
            "  -K, --engine E     the maps' layout engine (default sfdp; see 'ckg render')\n"
            "  -l, --lang L       the language the page opens in: zh (default) or en\n"
            "      --no-sources   without the corpus: quotes are shown without their paragraph\n"
            "  -h, --help         this help\n"
            "\n"
            "examples:\n"
            "  ckg atlas -o atlas.html --diff peng2024 hong2024\n"
            "  ckg atlas --lang en -o atlas-en.html\n");
}

static void print_summary(const cli *c, const char *output, size_t len, const atlas_summary *s,
                          int sources)
{
    fprintf(stderr, "%s atlas: %s%s%zu concepts, %zu scopes (%zu maps), %zu quotes", c->program,
            output ? output : "", output ? ": " : "", s->n_concepts, s->n_scopes, s->n_maps,
            s->n_quotes);
    if (sources)
        fprintf(stderr, " (%zu in their paragraph; %zu paragraphs)", s->n_placed,
                s->n_paragraphs);
    fprintf(stderr, ", %.1f MB\n", (double)len / 1e6);
}

int cmd_atlas(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"diff", required_argument, NULL, 'D'},
        {"engine", required_argument, NULL, 'K'},
        {"lang", required_argument, NULL, 'l'},
        {"no-sources", no_argument, NULL, 'N'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    atlas_options ao;
    atlas_options_init(&ao);
    const char *output = NULL, *diff_a = NULL, *diff_b = NULL;
    int no_sources = 0, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "o:K:l:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o': output = optarg; break;
        case 'D': diff_a = optarg; break;
        case 'K':
            if (!(ao.engine = render_engine_check(optarg)) || strcmp(ao.engine, "radial") == 0)
                return cli_usage_error(c, "atlas", "unknown engine '%s' (dot, neato, fdp, sfdp, "
                                       "circo or twopi)", optarg);
            break;
        case 'l':
            if (strcmp(optarg, "zh") == 0)
                ao.lang = RENDER_LANG_ZH;
            else if (strcmp(optarg, "en") == 0)
                ao.lang = RENDER_LANG_EN;
            else
                return cli_usage_error(c, "atlas", "unknown language '%s' (zh or en)", optarg);
            break;
        case 'N': no_sources = 1; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (diff_a && optind < argc)
        diff_b = argv[optind++];
    if (optind < argc)
        return cli_usage_error(c, "atlas", "unexpected argument '%s'", argv[optind]);
    if (diff_a && !diff_b)
        return cli_usage_error(c, "atlas", "--diff needs two papers or sections: --diff A B");
    if (output && !*output)
        return cli_usage_error(c, "atlas", "-o needs a file name");
    if (!no_sources && !c->corpus_dir)
        return cli_usage_error(c, "atlas", "no corpus folder for the paragraphs around the "
                               "quotes: use --corpus DIR, set CKG_CORPUS, or --no-sources");

    int code, rc = CKG_OK;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    corpus *cp = NULL;
    render_context *ctx = NULL;
    char *page = NULL;
    size_t len = 0;
    atlas_summary sum;
    if ((code = cli_load_with(c, NULL, &o, 0, &diags)) != EXIT_OK)
        goto out;
    if (diff_a && ((code = cli_scope_arg(c, "atlas", o, diff_a, &ao.diff[0])) != EXIT_OK ||
                   (code = cli_scope_arg(c, "atlas", o, diff_b, &ao.diff[1])) != EXIT_OK))
        goto out;
    if (!no_sources)
        rc = corpus_open(c->corpus_dir, &diags, &cp);
    if (rc == CKG_OK)
        rc = render_context_new(&diags, &ctx);
    if (rc == CKG_OK)
        rc = atlas_build(ctx, o, cp, &ao, &diags, &page, &len, &sum);
    cli_print_diags(c, &diags);
    if (rc != CKG_OK) {
        if (rc == CKG_ENOMEM)
            fprintf(stderr, "%s atlas: out of memory\n", c->program);
        else if (rc == CKG_EINVALID)
            fprintf(stderr, "%s atlas: nothing written\n", c->program);
        code = cli_exit_code(rc);
        goto out;
    }
    cli_output dest = {0};
    if ((code = cli_output_open(c, "atlas", output, &dest)) != EXIT_OK)
        goto out;
    code = cli_output_close(c, "atlas", &dest, fwrite(page, 1, len, dest.f) == len);
    if (code == EXIT_OK)
        print_summary(c, output, len, &sum, cp != NULL);
out:
    free(page);
    render_context_free(ctx);
    corpus_free(cp);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
