/* cmd_atlas.c — `ckg atlas`: the concept atlas, one self-contained HTML page (atlas.h), to a
 * file written atomically or to stdout, with a one-line account of what it holds on stderr.
 * `--diff A B` takes its second scope as the one positional argument, as `ckg render` does.
 * Needs igraph (the ranks) and Graphviz (the maps). */
#include "ckg/atlas.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>
#include <stdlib.h>

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

typedef struct options {
    int engine, lang, no_sources;
    const char *output, *diff_a;
} options;

/* The Graphviz engines; the atlas has no ego map for ckg's radial layout. */
enum { SFDP = 3 };
static const cli_choice engines[] = {{"dot", 0},  {"neato", 1}, {"fdp", 2}, {"sfdp", SFDP},
                                     {"circo", 4}, {"twopi", 5}, {NULL, 0}};
static const cli_choice langs[] = {{"zh", RENDER_LANG_ZH}, {"en", RENDER_LANG_EN}, {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {CLI_OPTION("diff", 0, CLI_STRING, options, diff_a)},
    {CLI_OPTION("engine", 'K', CLI_CHOICE, options, engine), .choices = engines,
     .what = "engine"},
    {CLI_OPTION("lang", 'l', CLI_CHOICE, options, lang), .choices = langs,
     .what = "language"},
    {CLI_OPTION("no-sources", 0, CLI_FLAG, options, no_sources), .value = 1},
    {0},
};

/* The positional argument is --diff's second scope. */
static const cli_spec spec = {
    .name = "atlas", .usage = usage, .options = option_table, .max_args = -1,
};

/* The combinations of options that make no sense; takes --diff's second scope. */
static int check_options(cli_session *s, const options *opt, atlas_options *ao)
{
    const cli *c = s->c;
    int code = cli_diff_args(s, opt->diff_a);
    if (code != EXIT_OK)
        return code;
    if (opt->output && !*opt->output)
        return cli_usage_error(c, spec.name, "-o needs a file name");
    if (!opt->no_sources && !c->corpus_dir)
        return cli_no_corpus(c, spec.name, "the paragraphs around the quotes need it: use "
                                           "--corpus DIR, set CKG_CORPUS, or --no-sources");
    ao->engine = engines[opt->engine].name;
    ao->lang = (render_lang)opt->lang;
    return EXIT_OK;
}

int cmd_atlas(const cli *c, int argc, char **argv)
{
    options opt = {.engine = SFDP, .lang = RENDER_LANG_ZH};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc = CKG_OK;
    if (code != CLI_CONTINUE)
        return code;
    atlas_options ao;
    atlas_options_init(&ao);
    corpus *cp = NULL;
    render_context *ctx = NULL;
    char *page = NULL;
    size_t len = 0;
    atlas_summary sum;
    cli_output dest = {0};
    if ((code = check_options(&s, &opt, &ao)) != EXIT_OK ||
        (code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK)
        goto out;
    if ((code = cli_diff_scopes(&s, opt.diff_a, ao.diff)) != EXIT_OK)
        goto out;
    if (!opt.no_sources)
        rc = corpus_open(c->corpus_dir, &s.diags, &cp);
    if (rc == CKG_OK)
        rc = render_context_new(&s.diags, &ctx);
    if (rc == CKG_OK)
        rc = atlas_build(ctx, s.o, cp, &ao, &s.diags, &page, &len, &sum);
    if (rc != CKG_OK) {
        code = cli_fail(&s, rc);
        if (rc == CKG_EINVALID)
            fprintf(stderr, "%s atlas: nothing written\n", c->program);
        goto out;
    }
    cli_print_diags(c, &s.diags);
    if ((code = cli_output_open(c, spec.name, opt.output, &dest)) != EXIT_OK)
        goto out;
    code = cli_output_close(c, spec.name, &dest, fwrite(page, 1, len, dest.f) == len);
    if (code == EXIT_OK)
        print_summary(c, opt.output, len, &sum, cp != NULL);
out:
    free(page);
    render_context_free(ctx);
    corpus_free(cp);
    return cli_end(&s, code);
}
