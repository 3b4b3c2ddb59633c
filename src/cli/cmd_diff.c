/* cmd_diff.c — `ckg diff A B`: how two papers (or two sections, or a paper and a section)
 * differ: which concepts and relations each has, how their centralities and ranks compare,
 * which themes each stresses. The text fits one screen (headline figures, the top concepts
 * of each, the biggest movers, what each has that the other lacks, theme shares, relations
 * one states); JSON (doc/design.md's shape, with more) and CSV carry the full data. Everything
 * is computed by diff_compute (diff.h); the JSON and CSV are export_diff_*, the text is
 * view_diff.c. */
#include "ckg/diff.h"
#include "ckg/export.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg diff A B [--by family|kind|pair] [--measure M] [--top N]\n"
            "                  [--format text|json|csv] [--table T]\n"
            "\n"
            "How two papers differ. A and B are papers by id (peng2024) or sections of a\n"
            "paper that declares them, as paper/section (forum2024/yi-tong).\n"
            "\n"
            "Each is measured in its own graph, exactly as 'ckg metrics --paper P' does:\n"
            "a concept's rank is its place in that paper's graph by the measure, from the\n"
            "largest value (rank 1) down; tied concepts share the average of the ranks they\n"
            "span (1, 2.5, 2.5, 4). The text shows:\n"
            "  - concepts and relations of each, shared, and their Jaccard index\n"
            "    (shared / either); a relation is (from, family, to): two papers that state\n"
            "    a link with kinds of one family (promotes, causes: drives) state the same\n"
            "    relation, whatever verb each used (--by kind: (from, kind, to); --by pair:\n"
            "    (from, to), whatever kinds);\n"
            "  - Spearman's rho (Pearson correlation of the average ranks among the shared\n"
            "    concepts) and Kendall's tau-b (ties corrected) of the measure over the\n"
            "    shared concepts: do the papers put the same concepts at the center?\n"
            "    The text reads rho as little agreement when |rho| < 0.3, some below 0.6,\n"
            "    much from 0.6, and opposite orders at -0.3 or below;\n"
            "  - the top concepts of each, with their rank in the other;\n"
            "  - the biggest movers: shared concepts whose rank changes most;\n"
            "  - the concepts each has that the other lacks, by rank;\n"
            "  - theme shares: of the paper's concepts, and of its relation ends (each\n"
            "    relation has two ends, each counts for its concept's theme);\n"
            "  - relations one paper states and the other does not, those joining two\n"
            "    concepts both papers use first (a link the other could have made), as\n"
            "    from —family:kinds→ to; ≠ marks a pair the other paper links in another\n"
            "    family (kind with --by kind).\n"
            "\n"
            "measures: degree in_degree out_degree betweenness harmonic pagerank hub authority\n"
            "          coreness (see 'ckg metrics --help'; community labels are not ranked)\n"
            "\n"
            "options:\n"
            "  -b, --by K        relations are the same by family (default), kind or pair\n"
            "  -m, --measure M   rank, correlate and order by M (default: pagerank)\n"
            "  -n, --top N       text: N concepts and relations per list (default 5)\n"
            "  -f, --format F    text (default), json or csv\n"
            "      --table T     csv: one table only: concepts, relations or themes\n"
            "                    (default: all three, each after an empty line)\n"
            "  -h, --help        this help\n"
            "\n"
            "JSON: {a, b, measure, by, shared, only_a, only_b, jaccard, jaccard_relations,\n"
            "shared_relations_by: {family, kind, pair},\n"
            "spearman_pagerank, kendall_pagerank, spearman_M, kendall_M, correlations,\n"
            "concepts: [{id, zh, en, theme, a: {measures, rank, ranks}, b, delta}] (shared,\n"
            "biggest movers first; delta = b - a), only_a_concepts, only_b_concepts,\n"
            "themes: {theme: {a, b, ...}} (a, b: concept shares), relations: {shared, only_a,\n"
            "only_b: [{from, to, family, kind, kinds_a, kinds_b, pair_kinds_a, pair_kinds_b,\n"
            "ends_shared}]}, scopes}.\n"
            "\n"
            "examples:\n"
            "  ckg diff peng2024 hong2024\n"
            "  ckg diff peng2024 hong2024 --by kind\n"
            "  ckg diff peng2024 hong2024 --measure betweenness --top 8\n"
            "  ckg diff forum2024/yang-ruilong forum2024/yi-tong\n"
            "  ckg diff zhai2024 conditions2024 --format json\n"
            "  ckg diff peng2024 hong2024 --format csv --table concepts\n");
}

typedef struct options {
    diff_options diff;
    unsigned long top;
    int format, table, by;
} options;

static const cli_choice tables[] = {{"concepts", EXPORT_DIFF_CONCEPTS},
                                    {"relations", EXPORT_DIFF_RELATIONS},
                                    {"themes", EXPORT_DIFF_THEMES},
                                    {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("by", 'b', CLI_CHOICE, options, by), .choices = cli_relation_keys,
     .what = "relation key"},
    {CLI_OPTION("measure", 'm', CLI_CUSTOM, options, diff.measure),
     .parse = cli_parse_rankable_measure},
    {CLI_OPTION("top", 'n', CLI_COUNT, options, top), .max = 1000000},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_csv_json,
     .what = "format"},
    {CLI_OPTION("table", 0, CLI_CHOICE, options, table), .choices = tables, .what = "table"},
    {0},
};

static const cli_spec spec = {
    .name = "diff", .usage = usage, .options = option_table, .min_args = 2, .max_args = 2,
    .missing = "name two papers (or paper/section), e.g. 'ckg diff peng2024 hong2024'",
};

/* The comparison in the format asked for. */
static int print(const cli_session *s, const options *opt, const diff_result *d)
{
    json_t *doc;
    switch (opt->format) {
    case CLI_JSON:
        return cli_print_json(export_diff_json(d, &doc), &doc);
    case CLI_CSV: return export_diff_csv(d, (export_diff_table)opt->table, stdout);
    default: return view_diff(s->c, d, (size_t)opt->top);
    }
}

int cmd_diff(const cli *c, int argc, char **argv)
{
    options opt = {.top = 5, .format = CLI_TEXT, .table = EXPORT_DIFF_ALL, .by = DIFF_BY_FAMILY};
    diff_options_default(&opt.diff);
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    diff_result *d = NULL;
    graph_scope a, b;
    opt.diff.by = (diff_key)opt.by;
    if (opt.table != EXPORT_DIFF_ALL && opt.format != CLI_CSV) {
        code = cli_usage_error(c, spec.name, "--table goes with --format csv");
        goto out;
    }
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = !strchr(s.args[0], '/') &&
                                                   !strchr(s.args[1], '/')};
    if ((code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK ||
        (code = cli_scope_arg(c, spec.name, s.o, s.args[0], &a)) != EXIT_OK ||
        (code = cli_scope_arg(c, spec.name, s.o, s.args[1], &b)) != EXIT_OK)
        goto out;
    if ((rc = diff_compute(s.o, &a, &b, &opt.diff, &s.diags, &d)) == CKG_OK)
        rc = print(&s, &opt, d);
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    diff_free(d);
    return cli_end(&s, code);
}
