/* cmd_neighbors.c — `ckg neighbors C`: the concepts related to C, grouped by relation kind
 * and direction, with the papers that state each relation and, on request, their quotes.
 *
 * This is the everyday query and it is timed: it loads the ontology (without the quotes
 * unless --evidence), resolves the name in one pass, indexes the relations, walks, prints.
 * It builds no igraph graph and verifies no quote; with --evidence it opens only the source
 * texts of the quotes it shows. */
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_KIND_ARGS = 64 };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg neighbors CONCEPT [--depth N] [--direction in|out|both] [--kind K]...\n"
            "                     [--paper P] [--theme T] [--evidence] [--format text|json|csv]\n"
            "\n"
            "The concepts related to CONCEPT, grouped by relation kind and direction, each with\n"
            "its linking phrase and the papers that state it:\n"
            "\n"
            "  数据要素 —支撑→ 全要素生产率   total factor productivity   [peng2024, zhai2024]\n"
            "  数据要素 ←赋能— 数字技术       digital technology          [zhai2024]\n"
            "\n"
            "An arrow pointing right reads 'CONCEPT does this to the neighbor'; pointing left,\n"
            "'the neighbor does this to CONCEPT' (the group title gives the inverse wording).\n"
            "CONCEPT is an id, a Chinese or English name or any alternative name; case, width\n"
            "and spaces do not matter.\n"
            "\n"
            "options:\n"
            "  -d, --depth N        follow relations N steps out (default 1); each concept is\n"
            "                       listed at the depth where it is first reached, with the\n"
            "                       concepts of the step before that lead to it\n"
            "      --direction D    out (relations CONCEPT states of others), in, or both\n"
            "                       (default)\n"
            "  -k, --kind K         only relations of kind K (id, or its zh/en phrase); repeat\n"
            "                       or separate with commas for several\n"
            "  -p, --paper P        only relations stated by paper P (by id)\n"
            "  -t, --theme T        only concepts of theme T (id, zh or en); the walk does not\n"
            "                       pass through other themes\n"
            "  -e, --evidence       the quotes behind each relation, with paper and line\n"
            "  -f, --format F       text (default), json or csv\n"
            "  -h, --help           this help\n"
            "\n"
            "examples:\n"
            "  ckg neighbors 数据要素 --evidence\n"
            "  ckg neighbors data-factor --direction out --kind causes,enables\n"
            "  ckg neighbors 新质生产力 --depth 2 --theme technology\n"
            "  ckg neighbors 'total factor productivity' --paper zhai2024 --format json\n");
}

static void print_text(const cli *c, const ckg_ontology *o, const query_neighbors *nb,
                       int filtered, int evidence, cli_lines *lines)
{
    cli_style st = cli_style_of(c);
    const ckg_concept *k = &o->concepts[nb->concept];
    fputs(st.bold, stdout);
    cli_text(stdout, k->zh.s);
    printf("%s  ", st.reset);
    cli_text(stdout, k->en.s);
    printf("  %s(", st.dim);
    cli_text(stdout, k->id.s);
    printf(", ");
    cli_text(stdout, k->theme.s);
    printf(")%s\n", st.reset);
    if (!nb->n_links) {
        printf("no related concepts%s\n", filtered ? " with these filters" : "");
        return;
    }
    printf("%s%zu related concept%s, %zu relation%s, in %zu paper%s", st.dim, nb->n_concepts,
           nb->n_concepts == 1 ? "" : "s", nb->n_links, nb->n_links == 1 ? "" : "s",
           nb->n_papers, nb->n_papers == 1 ? "" : "s");
    if (nb->depth > 1)
        printf(", up to %u steps away", (unsigned)nb->depth);
    printf("%s\n\n", st.reset);
    cli_print_links(stdout, c, o, nb->links, nb->n_links, 1, evidence, lines, "");
}

static int print_json(const ckg_ontology *o, const query_neighbors *nb, int evidence,
                      cli_lines *lines)
{
    json_t *list = json_array();
    json_t *root = json_pack("{s:o, s:i, s:o}", "concept", cli_json_concept(o, nb->concept),
                             "depth", (int)nb->depth, "neighbors", list);
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < nb->n_links; i++) {
        json_t *j = cli_json_link(o, &nb->links[i], evidence, lines);
        if (!j || json_array_append_new(list, j)) {
            json_decref(root);
            return CKG_ENOMEM;
        }
    }
    return cli_json_print(root);
}

int cmd_neighbors(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"depth", required_argument, NULL, 'd'},
        {"direction", required_argument, NULL, 'D'},
        {"kind", required_argument, NULL, 'k'},
        {"paper", required_argument, NULL, 'p'},
        {"theme", required_argument, NULL, 't'},
        {"evidence", no_argument, NULL, 'e'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "text", *direction = "both", *paper = NULL, *theme = NULL;
    const char *kind_args[MAX_KIND_ARGS];
    size_t n_kind_args = 0;
    unsigned long depth = 1;
    int evidence = 0, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "d:k:p:t:ef:h", options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            if (cli_count_arg(c, "neighbors", "--depth", optarg, 1000000, &depth) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'D': direction = optarg; break;
        case 'k':
            if (n_kind_args == MAX_KIND_ARGS)
                return cli_usage_error(c, "neighbors", "too many --kind options");
            kind_args[n_kind_args++] = optarg;
            break;
        case 'p': paper = optarg; break;
        case 't': theme = optarg; break;
        case 'e': evidence = 1; break;
        case 'f':
            if (!cli_format_arg(c, "neighbors", optarg, 1, &format))
                return EXIT_USAGE;
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    query_filter filter = QUERY_FILTER_ALL;
    if (strcmp(direction, "out") == 0)
        filter.direction = QUERY_OUT;
    else if (strcmp(direction, "in") == 0)
        filter.direction = QUERY_IN;
    else if (strcmp(direction, "both") != 0)
        return cli_usage_error(c, "neighbors", "--direction is in, out or both, not '%s'",
                               direction);
    if (optind >= argc)
        return cli_usage_error(c, "neighbors", "which concept? (see 'ckg neighbors --help')");
    if (argc - optind > 1)
        return cli_usage_error(c, "neighbors",
                               "unexpected argument '%s' (quote a name with spaces)",
                               argv[optind + 1]);

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    query_index *qi = NULL;
    query_neighbors *nb = NULL;
    cli_lines lines;
    int32_t concept, kinds[MAX_KIND_ARGS];
    size_t n_kinds = 0;
    cli_lines_init(&lines, c, "neighbors", NULL);
    /* without --evidence no quote is shown: the quotes need not even be read */
    ontology_load_options lopt = {.skip_evidence = !evidence};
    if ((code = cli_load_with(c, &lopt, &o, 0, &diags)) != EXIT_OK)
        goto out;
    lines.o = o;
    if ((code = cli_kinds_arg(c, "neighbors", o, kind_args, n_kind_args, kinds, MAX_KIND_ARGS,
                              &n_kinds)) != EXIT_OK)
        goto out;
    filter.kinds = kinds;
    filter.n_kinds = n_kinds;
    if ((paper && (code = cli_paper_arg(c, "neighbors", o, paper, &filter.paper)) != EXIT_OK) ||
        (theme && (code = cli_theme_arg(c, "neighbors", o, theme, &filter.theme)) != EXIT_OK))
        goto out;
    if ((rc = query_index_build(o, &qi)) != CKG_OK) {
        code = cli_exit_code(rc);
        goto out;
    }
    if ((code = cli_concept_arg(c, "neighbors", o, argv[optind], &concept)) != EXIT_OK)
        goto out;
    if ((rc = query_neighbors_walk(qi, concept, (uint32_t)depth, &filter, &nb)) != CKG_OK) {
        code = cli_exit_code(rc);
        goto out;
    }
    rc = CKG_OK;
    if (strcmp(format, "json") == 0) {
        rc = print_json(o, nb, evidence, &lines);
    } else if (strcmp(format, "csv") == 0) {
        cli_csv_links_header(stdout, evidence);
        for (size_t i = 0; i < nb->n_links; i++)
            cli_csv_link(stdout, o, &nb->links[i], evidence, &lines);
    } else {
        print_text(c, o, nb, paper || theme || n_kinds || filter.direction != QUERY_BOTH,
                   evidence, &lines);
    }
    code = cli_exit_code(rc);
    if (rc != CKG_OK)
        fprintf(stderr, "ckg neighbors: %s\n", ckg_strerror(rc));
out:
    cli_lines_done(&lines);
    query_neighbors_free(nb);
    query_index_free(qi);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
