/* cmd_search.c — `ckg search TEXT`: concepts whose names or definition contain the text,
 * and the evidence quotes that do, ranked (see query_search). */
#include "ckg/export.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>
#include <string.h>

enum { DEFAULT_LIMIT = 20 };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg search TEXT [--limit N | --all] [--format text|json|csv]\n"
            "\n"
            "Concepts whose id, names, other names or definition contain TEXT, and the evidence\n"
            "quotes that contain it. Case, width (ＴＦＰ = TFP) and spaces do not matter.\n"
            "Concepts are ranked by how they match: a name equal to TEXT, a name starting with\n"
            "it, a name containing it, the definition, then a quote of the concept's mentions;\n"
            "quotes by how much of the quote TEXT makes up.\n"
            "\n"
            "options:\n"
            "  -l, --limit N   show the first N concepts and the first N quotes (default %d)\n"
            "  -a, --all       show every match\n"
            "  -f, --format F  text (default), json or csv (json and csv list every match)\n"
            "  -h, --help      this help\n"
            "\n"
            "Exits 1 when nothing matches.\n"
            "\n"
            "examples:\n"
            "  ckg search 数据\n"
            "  ckg search productivity --all\n"
            "  ckg search 乘数效应 --format json\n",
            DEFAULT_LIMIT);
}

typedef struct options {
    unsigned long limit;
    int all, format;
} options;

static const cli_option option_table[] = {
    {CLI_OPTION("limit", 'l', CLI_COUNT, options, limit)},
    {CLI_OPTION("all", 'a', CLI_FLAG, options, all), .value = 1},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_csv_json,
     .what = "format"},
    {0},
};

static const cli_spec spec = {
    .name = "search", .usage = usage, .options = option_table, .min_args = 1, .max_args = 1,
    .missing = "search for what? (see 'ckg search --help')",
    .too_many = "unexpected argument '%s' (quote text with spaces)",
};

/* The matches in the format asked for. */
static int print(cli_session *s, const options *opt, const char *text,
                 const query_search_result *r)
{
    json_t *doc;
    switch (opt->format) {
    case CLI_JSON:
        return cli_print_json(export_search_json(s->o, text, r, &s->lines, &doc), &doc);
    case CLI_CSV: return export_search_csv(s->o, r, &s->lines, stdout);
    default: return view_search(s->c, s->o, text, r, opt->all ? 0 : opt->limit, &s->lines);
    }
}

int cmd_search(const cli *c, int argc, char **argv)
{
    options opt = {.limit = DEFAULT_LIMIT, .format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    query_search_result *r = NULL;
    const char *text = s.args[0];
    if (text_utf8_check(text, strlen(text), NULL) != TEXT_OK) {
        code = cli_usage_error(c, spec.name, "the search text is not valid UTF-8");
        goto out;
    }
    if ((code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK)
        goto out;
    rc = query_search(s.o, text, &r);
    if (rc == CKG_EUSAGE) {
        code = cli_usage_error(c, spec.name, "nothing to search for once spaces and dashes are dropped");
        goto out;
    }
    if (rc == CKG_OK)
        rc = print(&s, &opt, text, r);
    /* like grep: nothing found is exit 1 */
    code = rc != CKG_OK ? cli_fail(&s, rc) : r->n_concepts || r->n_quotes ? EXIT_OK : EXIT_INVALID;
out:
    query_search_free(r);
    return cli_end(&s, code);
}
