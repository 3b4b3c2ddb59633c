/* cmd_coverage.c — `ckg coverage [PAPER]`: the share of each paper and section tied to
 * evidence, and the sections that have none. */
#include "ckg/corpus.h"
#include "ckg/coverage.h"
#include "ckg/status.h"
#include "ckg/text.h"
#include "cli.h"

#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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

static double share(size_t part, size_t whole)
{
    return whole ? (double)part / (double)whole : 0.0;
}

/* Prints s fitted into cols display columns (CJK counts two), made safe (cli_cell). */
static void cell(const char *s, size_t cols, text_align align)
{
    cli_cell(stdout, s, cols, align, "", "");
}

static void print_text(const coverage_report *r)
{
    for (size_t i = 0; i < r->n_papers; i++) {
        const coverage_paper *p = &r->papers[i];
        fputs(i ? "\n" : "", stdout);
        cli_text(stdout, p->paper->id.s);
        fputs(" (", stdout);
        cli_text(stdout, p->paper->source.s);
        printf("): %zu characters, %zu quotes, %.1f%% covered\n", p->chars, p->quotes,
               100.0 * share(p->covered, p->chars));
        printf("  line  ");
        cell("section", 52, TEXT_ALIGN_LEFT);
        printf("  chars quotes covered\n");
        for (size_t k = 0; k < p->n_sections; k++) {
            const coverage_section *s = &p->sections[k];
            char title[512];
            int indent = s->level > 1 ? 2 * (s->level - 1) : 0;
            snprintf(title, sizeof title, "%*s%s%s%s%s%s", indent, "", s->label,
                     s->title, s->section_id ? " [" : "", s->section_id ? s->section_id : "",
                     s->section_id ? "]" : "");
            printf("  %4zu  ", s->line);
            cell(title, 52, TEXT_ALIGN_LEFT);
            if (s->body)
                printf(" %6zu %6zu %6.1f%%%s\n", s->chars, s->quotes,
                       100.0 * share(s->covered, s->chars), s->quotes ? "" : "  <- no evidence");
            else
                printf(" %6zu %6zu       -  (not body text)\n", s->chars, s->quotes);
        }
        if (p->n_uncovered)
            printf("  %zu section%s without evidence\n", p->n_uncovered,
                   p->n_uncovered == 1 ? "" : "s");
        else
            printf("  every section has evidence\n");
    }
}

static void csv_field(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

static void print_csv(const coverage_report *r)
{
    printf("paper,line,level,label,title,section,body,chars,covered,quotes,share\n");
    for (size_t i = 0; i < r->n_papers; i++) {
        const coverage_paper *p = &r->papers[i];
        for (size_t k = 0; k < p->n_sections; k++) {
            const coverage_section *s = &p->sections[k];
            csv_field(p->paper->id.s);
            printf(",%zu,%d,", s->line, s->level);
            csv_field(s->label);
            putchar(',');
            csv_field(s->title);
            putchar(',');
            csv_field(s->section_id ? s->section_id : "");
            printf(",%s,%zu,%zu,%zu,%.4f\n", s->body ? "true" : "false", s->chars, s->covered,
                   s->quotes, share(s->covered, s->chars));
        }
    }
}

static int print_json(const coverage_report *r)
{
    int rc = CKG_ENOMEM;
    json_t *papers = json_array(), *root = json_pack("{s:o}", "papers", papers);
    if (!root)
        goto out;
    for (size_t i = 0; i < r->n_papers; i++) {
        const coverage_paper *p = &r->papers[i];
        json_t *sections = json_array(), *uncovered = json_array();
        json_t *jp = json_pack("{s:s, s:s, s:I, s:I, s:f, s:I, s:o, s:o}", "id", p->paper->id.s,
                               "source", p->paper->source.s, "chars", (json_int_t)p->chars,
                               "covered", (json_int_t)p->covered, "share",
                               share(p->covered, p->chars), "quotes", (json_int_t)p->quotes,
                               "sections", sections, "uncovered", uncovered);
        if (!jp || json_array_append_new(papers, jp))
            goto out;
        for (size_t k = 0; k < p->n_sections; k++) {
            const coverage_section *s = &p->sections[k];
            json_t *js = json_pack("{s:s, s:s, s:i, s:I, s:b, s:s?, s:I, s:I, s:f, s:I}",
                                   "title", s->title, "label", s->label, "level", s->level,
                                   "line", (json_int_t)s->line, "body", s->body, "section",
                                   s->section_id, "chars", (json_int_t)s->chars, "covered",
                                   (json_int_t)s->covered, "share", share(s->covered, s->chars),
                                   "quotes", (json_int_t)s->quotes);
            if (!js || json_array_append_new(sections, js))
                goto out;
            if (s->body && !s->quotes && json_array_append_new(uncovered, json_string(s->title)))
                goto out;
        }
    }
    if (json_dumpf(root, stdout, JSON_INDENT(2)) == 0) {
        putchar('\n');
        rc = CKG_OK;
    }
out:
    json_decref(root);
    return rc;
}

int cmd_coverage(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"check", no_argument, NULL, 'C'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "text";
    int strict = 0, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
        switch (opt) {
        case 'f': format = optarg; break;
        case 'C': strict = 1; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv"))
        return cli_usage_error(c, "coverage", "unknown format '%s' (text, json or csv)", format);
    if (argc - optind > 1)
        return cli_usage_error(c, "coverage", "unexpected argument '%s'", argv[optind + 1]);
    if (!c->corpus_dir)
        return cli_usage_error(c, "coverage", "no corpus folder: use --corpus DIR or set CKG_CORPUS");

    int code;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    corpus *cp = NULL;
    coverage_report *r = NULL;
    if ((code = cli_load(c, &o, 0, &diags)) != EXIT_OK)
        goto out;
    const ckg_paper *only = NULL;
    if (optind < argc) {
        int32_t paper;
        if ((code = cli_paper_arg(c, "coverage", o, argv[optind], &paper)) != EXIT_OK)
            goto out;
        only = &o->papers[paper];
    }
    int rc = corpus_open(c->corpus_dir, &diags, &cp);
    if (rc == CKG_OK)
        rc = coverage_compute(o, cp, only, &diags, &r);
    cli_print_diags(c, &diags);
    if (rc != CKG_OK) {
        code = cli_exit_code(rc);
        goto out;
    }
    if (strcmp(format, "json") == 0)
        rc = print_json(r);
    else if (strcmp(format, "csv") == 0)
        print_csv(r);
    else
        print_text(r);
    if (rc != CKG_OK) {
        code = cli_exit_code(rc);
        goto out;
    }
    code = diags.n_errors ? EXIT_INVALID : EXIT_OK;
    for (size_t i = 0; strict && i < r->n_papers; i++) {
        if (r->papers[i].n_uncovered)
            code = EXIT_INVALID;
    }
out:
    coverage_free(r);
    corpus_free(cp);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
