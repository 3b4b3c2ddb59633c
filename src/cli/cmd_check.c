/* cmd_check.c — `ckg check`: validate everything, verify every quote, report all problems. */
#include "ckg/check.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <string.h>

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

int cmd_check(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"verbose", no_argument, NULL, 'v'},
        {"no-quotes", no_argument, NULL, 'Q'},
        {"werror", no_argument, NULL, 'W'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int verbose = 0, quotes = 1, werror = 0, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "vh", options, NULL)) != -1) {
        switch (opt) {
        case 'v': verbose = 1; break;
        case 'Q': quotes = 0; break;
        case 'W': werror = 1; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error(c, "check", "unexpected argument '%s'", argv[optind]);
    if (quotes && !c->corpus_dir)
        return cli_usage_error(c, "check",
                               "no corpus folder: use --corpus DIR or set CKG_CORPUS "
                               "(or --no-quotes to skip quote verification)");

    int code;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    int rc = ontology_load(c->ontology_dir, &diags, &o);
    if (rc != CKG_OK) {
        cli_print_diags(c, &diags);
        code = cli_exit_code(rc);
        goto out;
    }
    check_options copt = {.corpus_dir = quotes ? c->corpus_dir : NULL};
    check_stats stats = {0};
    rc = check_ontology(o, &copt, &diags, &stats);
    cli_print_diags(c, &diags);
    if (rc != CKG_OK) {
        fprintf(stderr, "ckg check: %s\n", rc == CKG_EIO ? "cannot read the corpus folder"
                                                          : ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    if (verbose)
        list_quotes(o);
    int failed = diags.n_errors > 0 || (werror && diags.n_warnings > 0);
    FILE *summary = failed ? stderr : stdout;
    fprintf(summary, "ckg check: %s: %zu error%s, %zu warning%s; %zu papers, %zu concepts, "
                     "%zu mentions, %zu relations",
            failed ? "FAILED" : "ok", diags.n_errors, diags.n_errors == 1 ? "" : "s",
            diags.n_warnings, diags.n_warnings == 1 ? "" : "s", o->n_papers, o->n_concepts,
            stats.mentions, stats.relations);
    if (quotes)
        fprintf(summary, "; %zu of %zu quotes found", stats.quotes_found, stats.quotes);
    fprintf(summary, "\n");
    code = failed ? EXIT_INVALID : EXIT_OK;
out:
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
