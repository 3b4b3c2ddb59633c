/* cmd_compare.c — `ckg compare`: every paper (or the sections of one, or the scopes named)
 * side by side: per-scope figures with the top concepts, the scope × scope overlap of
 * concepts and of relations (Jaccard) and the rank correlation of the measure, and the
 * concept × scope matrix of ranks. Computed by diff_compare (diff.h); the JSON and CSV are
 * export_compare_*, the text is view_compare.c. */
#include "ckg/diff.h"
#include "ckg/export.h"
#include "ckg/status.h"
#include "cli.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg compare [SCOPE...] [--sections PAPER] [--by family|kind|pair]\n"
            "                   [--measure M] [--top N | --all] [--format text|json|csv]\n"
            "                   [--table T]\n"
            "\n"
            "Papers side by side: every paper of the ontology, the sections of one paper\n"
            "(--sections forum2024: its four essays), or the scopes named (paper ids, or\n"
            "paper/section as in 'ckg diff').\n"
            "\n"
            "  - per scope: concepts, relations, density, modularity of its communities,\n"
            "    and its top 5 concepts by the measure;\n"
            "  - scope × scope: the Jaccard index (shared / either) of the concepts and of\n"
            "    the relations ((from, family, to), as 'ckg diff' compares them; --by kind:\n"
            "    (from, kind, to), --by pair: (from, to)), and Spearman's rho of the measure\n"
            "    over the concepts two scopes share;\n"
            "  - concept × scope: the concept's rank by the measure within each scope's own\n"
            "    graph (1 = largest; tied concepts share the average of the ranks they span:\n"
            "    1, 2.5, 2.5, 4; '-' where the scope lacks the concept), for the concepts of\n"
            "    at least one scope, by their best rank, then by how many scopes hold them.\n"
            "\n"
            "measures: degree in_degree out_degree betweenness harmonic pagerank hub authority\n"
            "          coreness (see 'ckg metrics --help'; community labels are not ranked)\n"
            "\n"
            "options:\n"
            "  -s, --sections P  the sections of paper P\n"
            "  -b, --by K        relations are the same by family (default), kind or pair\n"
            "  -m, --measure M   rank and correlate by M (default: pagerank)\n"
            "  -n, --top N       the first N concepts of the rank matrix (text default: 25;\n"
            "                    json and csv: all)\n"
            "  -a, --all         every concept\n"
            "  -f, --format F    text (default), json or csv\n"
            "      --table T     csv: one table only: ranks, pairs or figures (default: all\n"
            "                    three, each after an empty line)\n"
            "  -h, --help        this help\n"
            "\n"
            "JSON: {measure, by, scopes: [{scope, paper, section, title, nodes, edges,\n"
            "relations, density, modularity, top}], pairs: [{a, b, shared_concepts, jaccard, shared_relations,\n"
            "jaccard_relations, n, spearman_M, kendall_M}], jaccard: {concepts, relations}\n"
            "(matrices in scope order), spearman_M, kendall_M (matrices), concepts: [{id, zh,\n"
            "en, theme, ranks: {scope: rank or null}, values: {scope: value or null}}]}.\n"
            "\n"
            "examples:\n"
            "  ckg compare\n"
            "  ckg compare --measure betweenness --top 10\n"
            "  ckg compare --by kind\n"
            "  ckg compare --sections forum2024\n"
            "  ckg compare peng2024 hong2024 forum2024/yi-tong --format json\n");
}

typedef struct options {
    diff_options diff;
    const char *sections;
    unsigned long top;
    int all, format, table, by;
} options;

static const cli_choice tables[] = {{"ranks", EXPORT_COMPARE_RANKS},
                                    {"pairs", EXPORT_COMPARE_PAIRS},
                                    {"figures", EXPORT_COMPARE_FIGURES},
                                    {NULL, 0}};

static const cli_option option_table[] = {
    {CLI_OPTION("sections", 's', CLI_STRING, options, sections)},
    {CLI_OPTION("by", 'b', CLI_CHOICE, options, by), .choices = cli_relation_keys,
     .what = "relation key"},
    {CLI_OPTION("measure", 'm', CLI_CUSTOM, options, diff.measure),
     .parse = cli_parse_rankable_measure},
    {CLI_OPTION("top", 'n', CLI_COUNT, options, top)},
    {CLI_OPTION("all", 'a', CLI_FLAG, options, all), .value = 1},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = cli_text_csv_json,
     .what = "format"},
    {CLI_OPTION("table", 0, CLI_CHOICE, options, table), .choices = tables, .what = "table"},
    {0},
};

static const cli_spec spec = {
    .name = "compare", .usage = usage, .options = option_table, .max_args = -1,
};

/* The combinations of options that make no sense. */
static int check_options(const cli_session *s, const options *opt)
{
    if (opt->sections && s->n_args)
        return cli_usage_error(s->c, spec.name, "name scopes or --sections, not both");
    if (opt->all && opt->top)
        return cli_usage_error(s->c, spec.name, "--top and --all exclude each other");
    if (opt->table != EXPORT_COMPARE_ALL && opt->format != CLI_CSV)
        return cli_usage_error(s->c, spec.name, "--table goes with --format csv");
    return EXIT_OK;
}

/* The scopes to compare (into scopes and labels, at least n_papers + args + sections long):
 * the sections of one paper, the scopes named, or every paper. */
static int scopes_arg(cli_session *s, const options *opt, graph_scope *scopes,
                      const char **labels, size_t *n, const char **what)
{
    const ckg_ontology *o = s->o;
    int code;
    *n = 0;
    *what = "papers";
    if (opt->sections) {
        int32_t p;
        if ((code = cli_paper_arg(s->c, spec.name, o, opt->sections, &p)) != EXIT_OK)
            return code;
        const ckg_paper *pp = &o->papers[p];
        if (!pp->n_sections) {
            fprintf(stderr, "%s compare: paper '%s' declares no sections\n", s->c->program,
                    pp->id.s);
            return EXIT_INVALID;
        }
        for (size_t i = 0; i < pp->n_sections; i++) {
            labels[*n] = pp->sections[i].id.s;
            scopes[(*n)++] = (graph_scope){pp->id.s, pp->sections[i].id.s};
        }
        *what = "sections";
    } else if (s->n_args) {
        for (int i = 0; i < s->n_args; i++) {
            if ((code = cli_scope_arg(s->c, spec.name, o, s->args[i], &scopes[*n])) != EXIT_OK)
                return code;
            labels[(*n)++] = s->args[i];
        }
        *what = "scopes";
    } else {
        for (size_t p = 0; p < o->n_papers; p++) {
            labels[*n] = o->papers[p].id.s;
            scopes[(*n)++] = (graph_scope){o->papers[p].id.s, NULL};
        }
    }
    if (!*n) {
        fprintf(stderr, "%s compare: the ontology has no papers\n", s->c->program);
        return EXIT_INVALID;
    }
    return EXIT_OK;
}

/* The comparison in the format asked for. */
static int print(const cli_session *s, const options *opt, const diff_table *t,
                 const char *const *labels, const char *what)
{
    json_t *doc;
    size_t rows = opt->all                 ? t->n_concepts
                  : opt->top               ? (size_t)opt->top
                  : opt->format == CLI_TEXT ? 25
                                           : t->n_concepts;
    switch (opt->format) {
    case CLI_JSON:
        return cli_print_json(export_compare_json(t, rows, &doc), &doc);
    case CLI_CSV: return export_compare_csv(t, rows, (export_compare_table)opt->table, stdout);
    default: return view_compare(s->c, t, labels, rows, what);
    }
}

int cmd_compare(const cli *c, int argc, char **argv)
{
    options opt = {.format = CLI_TEXT, .table = EXPORT_COMPARE_ALL, .by = DIFF_BY_FAMILY};
    diff_options_default(&opt.diff);
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    diff_table *t = NULL;
    graph_scope *scopes = NULL;
    const char **labels = NULL, *what;
    size_t n;
    int any_section = opt.sections != NULL;
    for (int i = 0; i < s.n_args; i++)
        any_section |= strchr(s.args[i], '/') != NULL;
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = !any_section};
    opt.diff.by = (diff_key)opt.by;
    if ((code = check_options(&s, &opt)) != EXIT_OK ||
        (code = cli_load_ontology(&s, &lopt, 0)) != EXIT_OK)
        goto out;
    size_t cap = (size_t)s.n_args + s.o->n_papers + 1;
    for (size_t p = 0; opt.sections && p < s.o->n_papers; p++)
        cap += s.o->papers[p].n_sections;
    if (!(scopes = calloc(cap, sizeof *scopes)) || !(labels = calloc(cap, sizeof *labels))) {
        code = cli_fail(&s, CKG_ENOMEM);
        goto out;
    }
    if ((code = scopes_arg(&s, &opt, scopes, labels, &n, &what)) != EXIT_OK)
        goto out;
    if ((rc = diff_compare(s.o, scopes, n, &opt.diff, &s.diags, &t)) == CKG_OK) {
        if (!opt.sections) /* labels from the side names, now that every scope is known good */
            for (size_t i = 0; i < n; i++)
                labels[i] = t->sides[i].name;
        rc = print(&s, &opt, t, labels, what);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_fail(&s, rc);
out:
    diff_table_free(t);
    free(scopes);
    free(labels);
    return cli_end(&s, code);
}
