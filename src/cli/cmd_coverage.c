/* cmd_coverage.c — `ckg coverage [PAPER]`: the share of each paper and section tied to
 * evidence, and the sections that have none. */
#include "ckg/corpus.h"
#include "ckg/coverage.h"
#include "ckg/export.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg coverage [PAPER] [--format text|json|csv] [--check]\n"
            "\n"
            "For each paper (or one), the share of its text that evidence quotes span, per\n"
            "section of the text's own headings, and the sections without any evidence.\n"
            "References, the English abstract and an editor's note are listed but not counted.\n"
            "\n"
            "options:\n"
            "  -f, --format F  text (default), json or csv\n"
            "      --check     exit 1 when a body section has no evidence\n"
            "\n"
            "examples:\n"
            "  ckg coverage\n"
            "  ckg coverage hong2024 --format json\n");
}

typedef struct options {
    int format, strict;
} options;

/* (the order the messages have always listed them in) */
static const cli_choice formats[] = {
    {"text", CLI_TEXT}, {"json", CLI_JSON}, {"csv", CLI_CSV}, {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("check", 0, CLI_FLAG, options, strict), .value = 1},
    {0},
};

static const cli_spec spec = {
    .name = "coverage", .usage = usage, .options = option_table, .max_args = 1,
};

/* The report in the format asked for. */
static int print(const cli_session *s, const options *opt, const coverage_report *r)
{
    json_t *doc;
    switch (opt->format) {
    case CLI_JSON:
        return cli_print_json(export_coverage_json(r, &doc), &doc);
    case CLI_CSV: return export_coverage_csv(r, stdout);
    default: return view_coverage(s->c, r);
    }
}

int cmd_coverage(const cli *c, int argc, char **argv)
{
    options opt = {.format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    corpus *cp = NULL;
    coverage_report *r = NULL;
    const ckg_paper *only = NULL;
    int32_t paper;
    if (!c->corpus_dir) {
        code = cli_no_corpus(c, spec.name, "use --corpus DIR or set CKG_CORPUS");
        goto out;
    }
    if ((code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK ||
        (s.n_args && (code = cli_paper_arg(c, spec.name, s.o, s.args[0], &paper))))
        goto out;
    if (s.n_args)
        only = &s.o->papers[paper];
    if ((rc = corpus_open(c->corpus_dir, &s.diags, &cp)) == CKG_OK)
        rc = coverage_compute(s.o, cp, only, &s.diags, &r);
    if (rc != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    cli_print_diags(c, &s.diags); /* the sources that could not be read */
    if ((rc = print(&s, &opt, r)) != CKG_OK) {
        code = cli_status_error(c, spec.name, rc);
        goto out;
    }
    code = s.diags.n_errors ? EXIT_INVALID : EXIT_OK;
    for (size_t i = 0; opt.strict && i < r->n_papers; i++) {
        if (r->papers[i].n_uncovered)
            code = EXIT_INVALID;
    }
out:
    coverage_free(r);
    corpus_free(cp);
    return cli_end(&s, code);
}
