/* cmd_catalog.c — `ckg papers` and `ckg themes`: what the ontology holds, so a user sees
 * which ids --paper and --theme take. papers: each paper's authors, year, sections and
 * counts (concepts, mentions, relations, quotes); themes: names, map colors and counts
 * (concepts, the papers naming them, mentions, relations). Both are query_catalog's
 * counts, their JSON and CSV export_papers_* / export_themes_*, their text view_catalog.c;
 * the two commands differ only by the table below. */
#include "ckg/export.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void papers_usage(FILE *f)
{
    fprintf(f,
            "usage: ckg papers [--format text|json|csv]\n"
            "\n"
            "The papers of the ontology: id, year, how many concepts each names (in mentions\n"
            "or relations), its mentions, relations and quotes, its authors and title, and\n"
            "the sections of texts that declare them (scopes such as forum2024/yi-tong).\n"
            "Other commands take a paper by its id or by the start of it when no other id\n"
            "starts so (--paper peng for peng2024).\n"
            "\n"
            "options:\n"
            "  -f, --format F   text (default), json ({\"papers\": [{\"id\", ...}]}) or csv\n"
            "  -h, --help       this help\n"
            "\n"
            "examples:\n"
            "  ckg papers\n"
            "  ckg papers --format csv > papers.csv\n");
}

static void themes_usage(FILE *f)
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

/* One of the two listings. */
typedef struct catalog_command {
    cli_spec spec;
    int skip_evidence; /* no quote is counted: they need not be read */
    int (*json)(const ckg_ontology *o, const query_catalog_result *c, json_t **out);
    int (*csv)(const ckg_ontology *o, const query_catalog_result *c, FILE *f);
    int (*text)(const cli *c, const ckg_ontology *o, const query_catalog_result *cat);
} catalog_command;

static const catalog_command papers = {
    .spec = {.name = "papers", .usage = papers_usage, .options = option_table, .max_args = 0,
             .too_many = "unexpected argument '%s' (ckg papers lists them all)"},
    .json = export_papers_json, .csv = export_papers_csv, .text = view_papers,
};

static const catalog_command themes = {
    .spec = {.name = "themes", .usage = themes_usage, .options = option_table, .max_args = 0,
             .too_many = "unexpected argument '%s' (ckg themes lists them all)"},
    .skip_evidence = 1,
    .json = export_themes_json, .csv = export_themes_csv, .text = view_themes,
};

static int run_catalog(const cli *c, int argc, char **argv, const catalog_command *k)
{
    options opt = {.format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &k->spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    query_catalog_result cat = {0};
    json_t *doc;
    ontology_load_options lopt = {.skip_evidence = k->skip_evidence};
    if ((code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK)
        goto out;
    if ((rc = query_catalog(s.o, &cat)) == CKG_OK) {
        rc = opt.format == CLI_JSON  ? cli_print_json(k->json(s.o, &cat, &doc), &doc)
             : opt.format == CLI_CSV ? k->csv(s.o, &cat, stdout)
                                     : k->text(c, s.o, &cat);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    query_catalog_free(&cat);
    return cli_end(&s, code);
}

int cmd_papers(const cli *c, int argc, char **argv)
{
    return run_catalog(c, argc, argv, &papers);
}

int cmd_themes(const cli *c, int argc, char **argv)
{
    return run_catalog(c, argc, argv, &themes);
}
