/* cmd_papers.c — `ckg papers`: the papers of the ontology with their authors, year, sections
 * and what each holds (concepts, mentions, relations, quotes), so a user sees which ids
 * --paper takes. Counts are query_catalog's; JSON and CSV export_papers_*; the text
 * view_catalog.c. */
#include "ckg/export.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>

static void usage(FILE *f)
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

typedef struct options {
    int format;
} options;

static const cli_option option_table[] = {
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_csv_json,
     .what = "format"},
    {0},
};

static const cli_spec spec = {
    .name = "papers", .usage = usage, .options = option_table, .max_args = 0,
    .too_many = "unexpected argument '%s' (ckg papers lists them all)",
};

int cmd_papers(const cli *c, int argc, char **argv)
{
    options opt = {.format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    query_catalog_result cat = {0};
    json_t *doc;
    if ((code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK)
        goto out;
    if ((rc = query_catalog(s.o, &cat)) == CKG_OK) {
        rc = opt.format == CLI_JSON  ? cli_print_json(export_papers_json(s.o, &cat, &doc), &doc)
             : opt.format == CLI_CSV ? export_papers_csv(s.o, &cat, stdout)
                                     : view_papers(c, s.o, &cat);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    query_catalog_free(&cat);
    return cli_end(&s, code);
}
