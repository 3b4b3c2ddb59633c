/* cmd_propositions.c — `ckg propositions`: every relation of a scope as a proposition with
 * its sentences and quotes, as a Markdown handout, CSV or JSON (proposition.h). */
#include "ckg/status.h"
#include "teach.h"

#include <getopt.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg propositions [--paper P [--section S]] [--lang zh|en|both]\n"
            "                        [--order text|theme] [--format md|csv|json] [-o FILE]\n"
            "\n"
            "Every relation of the scope as a proposition (concept —linking phrase→ concept),\n"
            "worded as a sentence in Chinese and English, with its quotes and paper:line:\n"
            "\n"
            "  1. **科技创新** —催生→ **新质生产力**\n"
            "     科技创新催生新质生产力。\n"
            "     Scientific and technological innovation gives rise to new quality productive forces.\n"
            "     > alpha:5 「科技创新催生新质生产力」\n"
            "\n"
            "options:\n"
            "  -p, --paper P      the relations of paper P (by id; default: every paper)\n"
            "  -s, --section S    of one declared section of P\n"
            "  -l, --lang L       zh, en or both (default) in the handout and CSV\n"
            "      --order O      text (default): by the sections of the paper, in the order\n"
            "                     of the text; theme: grouped by the theme of the first concept\n"
            "  -f, --format F     md (default, a handout), csv or json\n"
            "  -o, --output FILE  write FILE (whole or not at all) instead of stdout\n"
            "  -h, --help         this help\n"
            "\n"
            "examples:\n"
            "  ckg propositions --paper peng2024 -o peng2024-handout.md\n"
            "  ckg propositions --paper forum2024 --section yi-tong --lang zh\n"
            "  ckg propositions --order theme --format csv > propositions.csv\n");
}

typedef struct doc {
    const prop_list *l;
    unsigned langs;
    int csv;
} doc;

static int write_doc(const void *arg, FILE *f)
{
    const doc *d = arg;
    return d->csv ? prop_write_csv(d->l, d->langs, f) : prop_write_md(d->l, d->langs, f);
}

int cmd_propositions(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"paper", required_argument, NULL, 'p'},  {"section", required_argument, NULL, 's'},
        {"lang", required_argument, NULL, 'l'},   {"order", required_argument, NULL, 'O'},
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    const char *paper = NULL, *section = NULL, *format = "md", *output = NULL;
    unsigned langs = PROP_LANG_BOTH;
    prop_order order = PROP_ORDER_TEXT;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "p:s:l:f:o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'p': paper = optarg; break;
        case 's': section = optarg; break;
        case 'l':
            if (strcmp(optarg, "zh") == 0)
                langs = PROP_LANG_ZH;
            else if (strcmp(optarg, "en") == 0)
                langs = PROP_LANG_EN;
            else if (strcmp(optarg, "both") == 0)
                langs = PROP_LANG_BOTH;
            else
                return cli_usage_error(c, "propositions", "--lang is zh, en or both, not '%s'", optarg);
            break;
        case 'O':
            if (strcmp(optarg, "text") == 0)
                order = PROP_ORDER_TEXT;
            else if (strcmp(optarg, "theme") == 0)
                order = PROP_ORDER_THEME;
            else
                return cli_usage_error(c, "propositions", "--order is text or theme, not '%s'", optarg);
            break;
        case 'f':
            if (strcmp(optarg, "md") && strcmp(optarg, "csv") && strcmp(optarg, "json"))
                return cli_usage_error(c, "propositions", "unknown format '%s' (md, csv or json)", optarg);
            format = optarg;
            break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error(c, "propositions", "unexpected argument '%s'", argv[optind]);

    int code;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    prop_list *l = NULL;
    prop_scope scope;
    if ((code = cli_load_with(c, NULL, &o, 0, &diags)) != EXIT_OK ||
        (code = teach_scope_arg(c, "propositions", o, paper, section, &scope)) != EXIT_OK ||
        (code = teach_collect(c, "propositions", o, &scope, order, &l)) != EXIT_OK)
        goto out;
    if (strcmp(format, "json") == 0) {
        json_t *j = NULL;
        prop_json(l, &j);
        code = teach_write_json(c, "propositions", output, j);
    } else {
        doc d = {l, langs, strcmp(format, "csv") == 0};
        code = teach_write(c, "propositions", output, write_doc, &d);
    }
out:
    prop_list_free(l);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
