/* cmd_show.c — `ckg show C`: everything about one concept: its names, theme, broader and
 * narrower concepts, definition, centrality ranks, the papers that name it with their
 * quotes, and its relations both ways. */
#include "ckg/export.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>
#include <stdlib.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg show CONCEPT [--format text|json]\n"
            "\n"
            "Everything about one concept: id, Chinese and English names and the other names\n"
            "the papers use, theme, broader and narrower concepts, definition, its centrality\n"
            "ranks (degree and PageRank, over all papers and in each paper that names it), the\n"
            "papers that mention it with their quotes (and lines, when the corpus is at hand),\n"
            "and its relations, outgoing and incoming.\n"
            "\n"
            "Ranks are those of 'ckg metrics' and 'ckg diff': from the largest value down;\n"
            "concepts with equal values share the average of the ranks they span (1, 2.5,\n"
            "2.5, 4).\n"
            "\n"
            "options:\n"
            "  -f, --format F  text (default) or json\n"
            "  -h, --help      this help\n"
            "\n"
            "examples:\n"
            "  ckg show 数据要素\n"
            "  ckg show tfp --format json\n");
}

typedef struct options {
    int format;
} options;

static const cli_option option_table[] = {
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_json,
     .what = "format"},
    {0},
};

static const cli_spec spec = {
    .name = "show", .usage = usage, .options = option_table, .min_args = 1, .max_args = 1,
    .missing = "which concept? (see 'ckg show --help')",
    .too_many = "unexpected argument '%s' (quote a name with spaces)",
};

int cmd_show(const cli *c, int argc, char **argv)
{
    options opt = {.format = CLI_TEXT};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    query_index *qi = NULL;
    query_concept_info *info = NULL;
    query_neighbors *nb = NULL;
    query_scoped_ranks *ranks = NULL;
    size_t n_ranks = 0;
    int32_t concept;
    json_t *doc;
    if ((code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK ||
        (code = cli_concept_arg(c, spec.name, s.o, s.args[0], &concept)) != EXIT_OK)
        goto out;
    if ((rc = query_index_build(s.o, &qi)) == CKG_OK &&
        (rc = query_concept(s.o, concept, &info)) == CKG_OK &&
        (rc = query_neighbors_walk(qi, concept, 1, NULL, &nb)) == CKG_OK &&
        (rc = query_ranks_by_scope(s.o, info, &s.diags, &ranks, &n_ranks)) == CKG_OK) {
        rc = opt.format == CLI_JSON
                 ? cli_print_json(
                       export_show_json(s.o, info, ranks, n_ranks, nb, &s.lines, &doc), &doc)
                 : view_show(c, s.o, info, ranks, n_ranks, nb, &s.lines);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    free(ranks);
    query_neighbors_free(nb);
    query_concept_free(info);
    query_index_free(qi);
    return cli_end(&s, code);
}
