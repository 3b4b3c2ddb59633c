/* cmd_themes.c — `ckg themes`: the themes of the ontology with their names, map colors and
 * what each holds (concepts, the papers naming them, mentions, relations), so a user sees
 * what --theme takes. Counts are query_catalog's; JSON and CSV export_themes_*; the text
 * view_catalog.c. */
#include "ckg/export.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg themes [--format text|json|csv]\n"
            "\n"
            "The themes every concept belongs to: id, Chinese and English name, and how many\n"
            "concepts each has, how many papers name one of them, their mentions and the\n"
            "relations with an end among them. JSON and CSV add the color of the theme's\n"
            "boxes on the maps. Other commands take a theme by its id, zh or en name\n"
            "(--theme institutions, --theme 体制机制).\n"
            "\n"
            "options:\n"
            "  -f, --format F   text (default), json ({\"themes\": [{\"id\", ...}]}) or csv\n"
            "  -h, --help       this help\n"
            "\n"
            "examples:\n"
            "  ckg themes\n"
            "  ckg themes --format json\n");
}

typedef struct options {
    int format;
} options;

static const cli_option option_table[] = {
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_csv_json,
     .what = "format"},
    {0},
};

static const cli_spec spec = {
    .name = "themes", .usage = usage, .options = option_table, .max_args = 0,
    .too_many = "unexpected argument '%s' (ckg themes lists them all)",
};

int cmd_themes(const cli *c, int argc, char **argv)
{
    options opt = {.format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    query_catalog_result cat = {0};
    json_t *doc;
    /* no quote is counted: they need not be read */
    ontology_load_options lopt = {.skip_evidence = 1};
    if ((code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK)
        goto out;
    if ((rc = query_catalog(s.o, &cat)) == CKG_OK) {
        rc = opt.format == CLI_JSON  ? cli_print_json(export_themes_json(s.o, &cat, &doc), &doc)
             : opt.format == CLI_CSV ? export_themes_csv(s.o, &cat, stdout)
                                     : view_themes(c, s.o, &cat);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    query_catalog_free(&cat);
    return cli_end(&s, code);
}
