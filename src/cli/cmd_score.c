/* cmd_score.c — `ckg score MAP`: a student's concept map (CmapTools CXL or CSV) compared
 * with the propositions of the papers, each proposition with its verdict and evidence, and
 * a summary (score.h). Text for the terminal (view_score.c), a Markdown feedback sheet, or
 * JSON. */
#include "ckg/score.h"
#include "ckg/status.h"
#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg score MAP [--paper P | --all] [--format text|md|json] [--key N] [-o FILE]\n"
            "\n"
            "Scores a concept map a student drew against the propositions the papers state.\n"
            "MAP is a CmapTools export (CXL) or a CSV file of from,phrase,to rows. Labels are\n"
            "concept names as ckg knows them (id, Chinese, English or alternative name; case,\n"
            "width and spaces do not matter); a phrase is a relation kind's phrase, its inverse\n"
            "(which reads the arrow the other way) or a synonym of either in relations.yaml;\n"
            "an unknown phrase is compared with every kind and flagged. Each proposition is\n"
            "  stated           the text states it (kinds of one family count as the same)\n"
            "  reversed         the text states it the other way round\n"
            "  other-kind       the text relates the two concepts, but not as the phrase says\n"
            "  unstated         the text says nothing of the two (a teacher may still accept it)\n"
            "  unknown-concept  a label names no concept (with suggestions)\n"
            "then precision, recall, the key propositions missed and a Novak-Gowin structural\n"
            "score (valid propositions + 5 per level of hierarchy + 10 per cross-link).\n"
            "\n"
            "options:\n"
            "  -p, --paper P      compare with paper P (by id)\n"
            "  -a, --all          compare with every paper (the default)\n"
            "  -f, --format F     text (default), md (a feedback sheet to hand back) or json\n"
            "  -k, --key N        list the N most central propositions missed (default 5)\n"
            "  -o, --output FILE  write FILE (whole or not at all) instead of stdout\n"
            "  -h, --help         this help\n"
            "\n"
            "examples:\n"
            "  ckg score wang-lei.cxl --paper peng2024\n"
            "  ckg score wang-lei.cxl --paper peng2024 --format md -o wang-lei-feedback.md\n"
            "  ckg score map.csv --format json\n");
}

enum { FORMAT_TEXT = -1 }; /* the view; the documents are score_format's */

typedef struct options {
    graph_scope scope;
    int all, format;
    unsigned long key;
    const char *output;
} options;

static const cli_choice formats[] = {
    {"text", FORMAT_TEXT}, {"md", SCORE_MD}, {"json", SCORE_JSON}, {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("paper", 'p', CLI_STRING, options, scope.paper)},
    {CLI_OPTION("all", 'a', CLI_FLAG, options, all), .value = 1},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("key", 'k', CLI_COUNT, options, key), .max = 100000},
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {0},
};

static const cli_spec spec = {
    .name = "score", .usage = usage, .options = option_table, .min_args = 1, .max_args = 1,
    .missing = "which map? (see 'ckg score --help')",
};

typedef struct document {
    const ckg_ontology *o;
    const score_result *r;
    const options *opt;
} document;

static int write_doc(const void *arg, FILE *f)
{
    const document *d = arg;
    return score_write(d->o, d->r, (score_format)d->opt->format, d->opt->key, f);
}

/* The map in path, its diagnostics printed. Returns the exit code. */
static int read_map(cli_session *s, const char *path, cmap **m)
{
    diag_list diags;
    diag_list_init(&diags);
    int rc = cmap_read(path, &diags, m);
    cli_print_diags(s->c, &diags);
    diag_list_free(&diags);
    if (rc == CKG_OK)
        return EXIT_OK;
    fprintf(stderr, "%s %s: ", s->c->program, spec.name);
    cli_fputs_safe(stderr, path);
    fprintf(stderr, ": %s\n", rc == CKG_EINVALID ? "the map cannot be read (errors above)"
                                                 : ckg_strerror(rc));
    return cli_exit_code(rc);
}

/* What the table cannot say: --paper and --all exclude each other; -o wants a document. */
static int check_options(const cli *c, const options *opt)
{
    if (opt->scope.paper && opt->all)
        return cli_usage_error(c, spec.name, "--paper and --all exclude each other");
    if (opt->format == FORMAT_TEXT && opt->output)
        return cli_usage_error(c, spec.name, "-o writes md or json (--format); text is for the "
                                             "terminal");
    return EXIT_OK;
}

/* With the ontology loaded: the map read, scored against the scope, shown or written. */
static int score(cli_session *s, const options *opt)
{
    cmap *m = NULL;
    prop_list *l = NULL;
    phrase_table *t = NULL;
    score_result *r = NULL;
    prop_scope scope;
    int rc, code;
    if ((code = cli_scope_indexes(s->c, spec.name, s->o, &opt->scope, &scope.paper,
                                  &scope.section)) != EXIT_OK ||
        (code = read_map(s, s->args[0], &m)) != EXIT_OK)
        goto out;
    if ((rc = prop_collect(s->o, &scope, PROP_ORDER_TEXT, &s->lines, &l)) != CKG_OK ||
        (rc = phrase_table_build(s->o, &t)) != CKG_OK ||
        (rc = score_map(s->o, m, l, t, &s->diags, &r)) != CKG_OK) {
        code = cli_fail(s, rc);
        goto out;
    }
    if (opt->format == FORMAT_TEXT)
        code = cli_exit_code(view_score(s->c, s->o, r, opt->key));
    else
        code = cli_write_output(s, opt->output, write_doc, &(document){s->o, r, opt});
out:
    score_free(r);
    phrase_table_free(t);
    prop_list_free(l);
    cmap_free(m);
    return code;
}

int cmd_score(const cli *c, int argc, char **argv)
{
    options opt = {.format = FORMAT_TEXT, .key = 5};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt);
    if (code != CLI_CONTINUE)
        return code;
    if ((code = check_options(c, &opt)) == EXIT_OK &&
        (code = cli_load_ontology(&s, NULL, 0)) == EXIT_OK)
        code = score(&s, &opt);
    return cli_end(&s, code);
}
