/* cmd_check.c — `ckg check`: validate everything, verify every quote, report all problems. */
#include "ckg/check.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg check [--verbose] [--no-quotes] [--werror]\n"
            "\n"
            "Validate the ontology: YAML syntax and types, required and unknown keys, duplicate\n"
            "ids and names, references (concept, theme, kind, broader, section), broader\n"
            "cycles, self-relations; and find every quote in its paper's source text.\n"
            "All problems of a run are reported as FILE:LINE:COL: error: MESSAGE.\n"
            "\n"
            "options:\n"
            "  -v, --verbose    also list where each quote was found (SOURCE:LINE)\n"
            "      --no-quotes  skip quote verification (no corpus needed)\n"
            "      --werror     treat warnings as errors\n"
            "\n"
            "examples:\n"
            "  ckg check\n"
            "  ckg --corpus ../shared/corpus check --verbose\n");
}

static void list_quotes(const ckg_ontology *o)
{
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *paper = &o->papers[p];
        for (size_t k = 0; k < paper->n_mentions + paper->n_relations; k++) {
            const ckg_evidences *ev = k < paper->n_mentions
                                          ? &paper->mentions[k].evidence
                                          : &paper->relations[k - paper->n_mentions].evidence;
            for (size_t e = 0; e < ev->n; e++) {
                const ckg_evidence *x = &ev->items[e];
                if (!x->found_line)
                    continue;
                cli_text(stdout, x->quote.loc.file);
                printf(":%u:%u: ", (unsigned)x->quote.loc.line, (unsigned)x->quote.loc.col);
                cli_text(stdout, paper->source.s);
                printf(":%u", (unsigned)x->found_line);
                if (x->found_end_line != x->found_line)
                    printf("-%u", (unsigned)x->found_end_line);
                printf("\n");
            }
        }
    }
}

typedef struct options {
    int verbose, no_quotes, werror;
} options;

static const cli_option option_table[] = {
    {CLI_OPTION("verbose", 'v', CLI_FLAG, options, verbose), .value = 1},
    {CLI_OPTION("no-quotes", 0, CLI_FLAG, options, no_quotes), .value = 1},
    {CLI_OPTION("werror", 0, CLI_FLAG, options, werror), .value = 1},
    {0},
};

static const cli_spec spec = {
    .name = "check", .usage = usage, .options = option_table, .max_args = 0,
};

int cmd_check(const cli *c, int argc, char **argv)
{
    options opt = {0};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    if (!opt.no_quotes && !c->corpus_dir) {
        code = cli_no_corpus(c, spec.name, "use --corpus DIR or set CKG_CORPUS "
                                           "(or --no-quotes to skip quote verification)");
        goto out;
    }
    /* every problem is reported, those of the load with those of the check */
    if ((code = cli_load_ontology(&s, NULL, 1)) != EXIT_OK)
        goto out;
    check_options copt = {.corpus_dir = opt.no_quotes ? NULL : c->corpus_dir};
    check_stats stats = {0};
    rc = check_ontology(s.o, &copt, &s.diags, &stats);
    cli_print_diags(c, &s.diags);
    if (rc != CKG_OK) {
        fprintf(stderr, "%s check: %s\n", c->program,
                rc == CKG_EIO ? "cannot read the corpus folder" : ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    if (opt.verbose)
        list_quotes(s.o);
    const diag_list *d = &s.diags;
    int failed = d->n_errors > 0 || (opt.werror && d->n_warnings > 0);
    FILE *summary = failed ? stderr : stdout;
    fprintf(summary, "ckg check: %s: %zu error%s, %zu warning%s; %zu papers, %zu concepts, "
                     "%zu mentions, %zu relations",
            failed ? "FAILED" : "ok", d->n_errors, d->n_errors == 1 ? "" : "s", d->n_warnings,
            d->n_warnings == 1 ? "" : "s", s.o->n_papers, s.o->n_concepts, stats.mentions,
            stats.relations);
    if (!opt.no_quotes)
        fprintf(summary, "; %zu of %zu quotes found", stats.quotes_found, stats.quotes);
    fprintf(summary, "\n");
    code = failed ? EXIT_INVALID : EXIT_OK;
out:
    return cli_end(&s, code);
}
