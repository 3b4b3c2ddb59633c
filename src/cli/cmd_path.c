/* cmd_path.c — `ckg path A B`: the shortest chain of relations linking two concepts, each
 * step with the papers and quotes that state it.
 *
 * By default a relation links its two concepts whichever way it points (the question is
 * usually "how are these connected at all?"), and each step shows its real direction with
 * its arrow; --directed follows relations from cause to effect only. */
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_KIND_ARGS = 64, DEFAULT_MAX_PATHS = 20 };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg path FROM TO [--all-shortest] [--directed] [--kind K]... [--paper P]\n"
            "                [--max N] [--no-evidence] [--format text|json]\n"
            "\n"
            "The shortest chain of relations linking two concepts, step by step, each step with\n"
            "the papers that state it and their quotes. Relations are followed whichever way\n"
            "they point unless --directed; every step shows its direction with its arrow:\n"
            "\n"
            "  算力     —构成→ 数字经济    digital economy            [hong2024]\n"
            "  数据要素 ←赋能— 数字技术    digital technology         [zhai2024]\n"
            "\n"
            "options:\n"
            "  -a, --all-shortest  every shortest path, not just one (up to --max)\n"
            "  -D, --directed      follow relations from cause to effect (from -> to) only\n"
            "  -k, --kind K        only relations of kind K (id or phrase; repeat or use commas)\n"
            "  -p, --paper P       only relations stated by paper P\n"
            "  -m, --max N         list at most N paths with --all-shortest (default %d)\n"
            "  -n, --no-evidence   the steps without their quotes\n"
            "  -f, --format F      text (default) or json\n"
            "  -h, --help          this help\n"
            "\n"
            "Exits 1 when no chain of relations links the two concepts.\n"
            "\n"
            "examples:\n"
            "  ckg path 数据要素 新质生产力\n"
            "  ckg path 算力 经济增长 --all-shortest\n"
            "  ckg path data-factor high-quality-development --directed --format json\n",
            DEFAULT_MAX_PATHS);
}

/* Every link of a path, its steps in order, for one aligned listing. */
static query_link *path_links(const query_path *p, size_t length, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < length; i++)
        *n += p->steps[i].n_links;
    query_link *all = malloc((*n ? *n : 1) * sizeof *all);
    if (!all)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < length; i++) {
        memcpy(all + k, p->steps[i].links, p->steps[i].n_links * sizeof *all);
        k += p->steps[i].n_links;
    }
    return all;
}

static int print_text(const cli *c, const ckg_ontology *o, const query_paths *ps, int directed,
                      int evidence, cli_lines *lines)
{
    cli_style st = cli_style_of(c);
    const ckg_concept *a = &o->concepts[ps->from], *b = &o->concepts[ps->to];
    fputs(st.bold, stdout);
    cli_text(stdout, a->zh.s);
    printf("%s → %s", st.reset, st.bold);
    cli_text(stdout, b->zh.s);
    printf("%s: ", st.reset);
    printf("%zu step%s; %llu shortest path%s%s\n", ps->length, ps->length == 1 ? "" : "s",
           (unsigned long long)ps->total, ps->total == 1 ? "" : "s",
           ps->total == UINT64_MAX ? " or more" : "");
    printf("%s%s%s\n", st.dim,
           directed ? "relations followed from cause to effect"
                    : "relations followed either way; arrows show their direction",
           st.reset);
    for (size_t i = 0; i < ps->n_paths; i++) {
        const query_path *p = &ps->paths[i];
        printf("\n");
        if (ps->n_paths > 1)
            printf("%spath %zu%s  ", st.head, i + 1, st.reset);
        for (size_t k = 0; k <= ps->length; k++) {
            fputs(k ? " → " : "", stdout);
            cli_text(stdout, o->concepts[p->concepts[k]].zh.s);
        }
        printf("\n");
        size_t n;
        query_link *all = path_links(p, ps->length, &n);
        if (!all)
            return CKG_ENOMEM;
        cli_print_links(stdout, c, o, all, n, 0, evidence, lines, "  ");
        free(all);
    }
    if (ps->n_paths < ps->total)
        printf("\n%s%zu of %llu%s shortest paths shown (--all-shortest, --max N)%s\n", st.dim,
               ps->n_paths, (unsigned long long)ps->total,
               ps->total == UINT64_MAX ? " or more" : "", st.reset);
    return CKG_OK;
}

static int print_json(const ckg_ontology *o, const query_paths *ps, int directed, int evidence,
                      cli_lines *lines)
{
    json_t *paths = json_array();
    json_t *root = json_pack("{s:o, s:o, s:b, s:b, s:I, s:I, s:o}", "from",
                             cli_json_concept(o, ps->from), "to", cli_json_concept(o, ps->to),
                             "directed", directed, "found", ps->found, "length",
                             (json_int_t)ps->length, "total",
                             (json_int_t)(ps->total > INT64_MAX ? INT64_MAX : ps->total), "paths",
                             paths);
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < ps->n_paths; i++) {
        const query_path *p = &ps->paths[i];
        json_t *ids = json_array(), *steps = json_array();
        json_t *jp = json_pack("{s:o, s:o}", "concepts", ids, "steps", steps);
        if (!jp || json_array_append_new(paths, jp))
            goto fail;
        for (size_t k = 0; k <= ps->length; k++) {
            if (json_array_append_new(ids, json_string(o->concepts[p->concepts[k]].id.s)))
                goto fail;
        }
        for (size_t k = 0; k < ps->length; k++) {
            json_t *rels = json_array();
            json_t *js = json_pack("{s:s, s:s, s:o}", "from", o->concepts[p->concepts[k]].id.s,
                                   "to", o->concepts[p->concepts[k + 1]].id.s, "relations", rels);
            if (!js || json_array_append_new(steps, js))
                goto fail;
            for (size_t l = 0; l < p->steps[k].n_links; l++) {
                json_t *jl = cli_json_link(o, &p->steps[k].links[l], evidence, lines);
                if (!jl || json_array_append_new(rels, jl))
                    goto fail;
            }
        }
    }
    return cli_json_print(root);
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

int cmd_path(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"all-shortest", no_argument, NULL, 'a'},
        {"directed", no_argument, NULL, 'D'},
        {"kind", required_argument, NULL, 'k'},
        {"paper", required_argument, NULL, 'p'},
        {"max", required_argument, NULL, 'm'},
        {"no-evidence", no_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "text", *paper = NULL, *kind_args[MAX_KIND_ARGS];
    size_t n_kind_args = 0;
    unsigned long max = DEFAULT_MAX_PATHS;
    int all = 0, directed = 0, evidence = 1, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "aDk:p:m:nf:h", options, NULL)) != -1) {
        switch (opt) {
        case 'a': all = 1; break;
        case 'D': directed = 1; break;
        case 'k':
            if (n_kind_args == MAX_KIND_ARGS)
                return cli_usage_error(c, "path", "too many --kind options");
            kind_args[n_kind_args++] = optarg;
            break;
        case 'p': paper = optarg; break;
        case 'm':
            if (cli_count_arg(c, "path", "--max", optarg, 1000000, &max) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'n': evidence = 0; break;
        case 'f':
            if (!cli_format_arg(c, "path", optarg, 0, &format))
                return EXIT_USAGE;
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (argc - optind != 2)
        return cli_usage_error(c, "path", "%s (see 'ckg path --help')",
                               argc - optind < 2 ? "which two concepts?"
                                                 : "give two concepts (quote names with spaces)");

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    query_index *qi = NULL;
    query_paths *ps = NULL;
    int32_t from, to, kinds[MAX_KIND_ARGS];
    size_t n_kinds = 0;
    query_filter filter = QUERY_FILTER_ALL;
    cli_lines lines;
    cli_lines_init(&lines, c, "path", NULL);
    if ((code = cli_load(c, &o, 0, &diags)) != EXIT_OK)
        goto out;
    lines.o = o;
    if ((code = cli_kinds_arg(c, "path", o, kind_args, n_kind_args, kinds, MAX_KIND_ARGS,
                              &n_kinds)) != EXIT_OK)
        goto out;
    filter.kinds = kinds;
    filter.n_kinds = n_kinds;
    filter.direction = directed ? QUERY_OUT : QUERY_BOTH;
    if (paper && (code = cli_paper_arg(c, "path", o, paper, &filter.paper)) != EXIT_OK)
        goto out;
    if ((rc = query_index_build(o, &qi)) != CKG_OK) {
        code = cli_exit_code(rc);
        goto out;
    }
    if ((code = cli_concept_arg(c, "path", o, argv[optind], &from)) != EXIT_OK ||
        (code = cli_concept_arg(c, "path", o, argv[optind + 1], &to)) != EXIT_OK)
        goto out;
    if ((rc = query_shortest_paths(qi, from, to, &filter, all ? max : 1, &ps)) != CKG_OK) {
        code = cli_exit_code(rc);
        goto out;
    }
    if (strcmp(format, "json") == 0) {
        rc = print_json(o, ps, directed, evidence, &lines);
    } else if (ps->found) {
        rc = print_text(c, o, ps, directed, evidence, &lines);
    }
    if (rc != CKG_OK) {
        fprintf(stderr, "ckg path: %s\n", ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    code = EXIT_OK;
    if (!ps->found) {
        fprintf(stderr, "ckg path: no chain of relations links %s (%s) and %s (%s)%s\n",
                o->concepts[from].zh.s, o->concepts[from].id.s, o->concepts[to].zh.s,
                o->concepts[to].id.s,
                directed ? " from cause to effect (try without --directed)"
                         : (paper || n_kinds) ? " with these filters" : "");
        code = EXIT_INVALID;
    }
out:
    cli_lines_done(&lines);
    query_paths_free(ps);
    query_index_free(qi);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
