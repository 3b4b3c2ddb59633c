/* cmd_propositions.c — `ckg propositions`: every relation of a scope as a proposition with
 * its sentences and quotes, as a Markdown handout, CSV or JSON (proposition.h). */
#include "ckg/proposition.h"
#include "ckg/status.h"
#include "cli.h"

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

typedef struct options {
    graph_scope scope;
    int lang, order, format;
    const char *output;
} options;

static const cli_choice langs[] = {
    {"zh", PROP_LANG_ZH}, {"en", PROP_LANG_EN}, {"both", PROP_LANG_BOTH}, {NULL, 0}};
static const cli_choice orders[] = {
    {"text", PROP_ORDER_TEXT}, {"theme", PROP_ORDER_THEME}, {NULL, 0}};
static const cli_choice formats[] = {
    {"md", PROP_MD}, {"csv", PROP_CSV}, {"json", PROP_JSON}, {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("paper", 'p', CLI_STRING, options, scope.paper)},
    {CLI_OPTION("section", 's', CLI_STRING, options, scope.section)},
    {CLI_OPTION("lang", 'l', CLI_CHOICE, options, lang), .choices = langs,
     .invalid = "--lang is %s, not '%s'"},
    {CLI_OPTION("order", 0, CLI_CHOICE, options, order), .choices = orders,
     .invalid = "--order is %s, not '%s'"},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {0},
};

static const cli_spec spec = {
    .name = "propositions", .usage = usage, .options = option_table, .max_args = 0,
};

typedef struct document {
    const prop_list *l;
    const options *opt;
} document;

static int write_doc(const void *arg, FILE *f)
{
    const document *d = arg;
    return prop_write(d->l, (prop_format)d->opt->format, (unsigned)d->opt->lang, f);
}

int cmd_propositions(const cli *c, int argc, char **argv)
{
    options opt = {.lang = PROP_LANG_BOTH, .order = PROP_ORDER_TEXT, .format = PROP_MD};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    prop_list *l = NULL;
    prop_scope scope;
    if ((code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK ||
        (code = cli_scope_indexes(c, spec.name, s.o, &opt.scope, &scope.paper,
                                  &scope.section)) != EXIT_OK)
        goto out;
    if ((rc = prop_collect(s.o, &scope, (prop_order)opt.order, &s.lines, &l)) != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    code = cli_write_output(&s, opt.output, write_doc, &(document){l, &opt});
out:
    prop_list_free(l);
    return cli_end(&s, code);
}
