/* cmd_show.c — `ckg show C`: everything about one concept: its names, theme, broader and
 * narrower concepts, definition, centrality ranks, the papers that name it with their
 * quotes, and its relations both ways. */
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

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

/* Ranks over all papers and in each paper the concept belongs to. */
typedef struct scoped_ranks {
    const char *scope; /* "all" or a paper id */
    query_ranks r;
} scoped_ranks;

static int compute_ranks(const ckg_ontology *o, const query_concept_info *info,
                         scoped_ranks **out, size_t *n, diag_list *diags)
{
    scoped_ranks *sr = calloc(info->n_papers + 1, sizeof *sr);
    *out = sr;
    *n = 0;
    if (!sr)
        return CKG_ENOMEM;
    int rc = query_ranks_of(o, NULL, info->concept, diags, &sr[0].r);
    if (rc != CKG_OK)
        return rc;
    sr[(*n)++].scope = "all";
    for (size_t i = 0; i < info->n_papers; i++) {
        graph_scope scope = {o->papers[info->papers[i].paper].id.s, NULL};
        rc = query_ranks_of(o, &scope, info->concept, diags, &sr[*n].r);
        if (rc == CKG_ENOTFOUND)
            continue;
        if (rc != CKG_OK)
            return rc;
        sr[(*n)++].scope = scope.paper;
    }
    return CKG_OK;
}

static void print_names_line(const ckg_ontology *o, const char *label, const int32_t *list,
                             size_t n, const cli_style *st)
{
    if (!n)
        return;
    printf("  %s%-12s%s", st->dim, label, st->reset);
    for (size_t i = 0; i < n; i++) {
        const ckg_concept *k = &o->concepts[list[i]];
        printf("%s", i ? ", " : "");
        cli_text(stdout, k->zh.s);
        printf(" %s(", st->dim);
        cli_text(stdout, k->id.s);
        printf(")%s", st->reset);
    }
    printf("\n");
}

static void print_quotes(const ckg_ontology *o, int32_t paper, const ckg_evidences *ev,
                         cli_lines *lines, const cli_style *st)
{
    const ckg_paper *p = &o->papers[paper];
    for (size_t e = 0; e < ev->n; e++) {
        const ckg_evidence *x = &ev->items[e];
        size_t line, end;
        cli_lines_get(lines, paper, x, &line, &end);
        char where[160];
        if (line && end > line)
            snprintf(where, sizeof where, "%s:%zu-%zu", p->id.s, line, end);
        else if (line)
            snprintf(where, sizeof where, "%s:%zu", p->id.s, line);
        else
            snprintf(where, sizeof where, "%s", p->id.s);
        printf("      %s", st->dim);
        cli_text(stdout, where);
        printf("%s  ", st->reset);
        cli_text(stdout, x->quote.s);
        if (x->section.s) {
            printf("  %s[", st->dim);
            cli_text(stdout, x->section.s);
            printf("]%s", st->reset);
        }
        printf("\n");
    }
}

static void print_text(const cli *c, const ckg_ontology *o, const query_concept_info *info,
                       const scoped_ranks *sr, size_t n_sr, const query_neighbors *nb,
                       cli_lines *lines)
{
    cli_style st = cli_style_of(c);
    const ckg_concept *k = &o->concepts[info->concept];
    fputs(st.bold, stdout);
    cli_text(stdout, k->zh.s);
    printf("%s  ", st.reset);
    cli_text(stdout, k->en.s);
    printf("\n  %s%-12s%s", st.dim, "id", st.reset);
    cli_text(stdout, k->id.s);
    printf("\n");
    if (k->alt.n) {
        printf("  %s%-12s%s", st.dim, "also", st.reset);
        for (size_t i = 0; i < k->alt.n; i++) {
            printf("%s", i ? "、" : "");
            cli_text(stdout, k->alt.items[i].s);
        }
        printf("\n");
    }
    const ckg_theme *t = k->theme_index >= 0 ? &o->themes[k->theme_index] : NULL;
    printf("  %s%-12s%s", st.dim, "theme", st.reset);
    cli_text(stdout, k->theme.s);
    if (t) {
        printf(" · ");
        cli_text(stdout, t->zh.s);
        printf(" %s(", st.dim);
        cli_text(stdout, t->en.s);
        printf(")%s", st.reset);
    }
    printf("\n");
    print_names_line(o, "broader", info->broader, info->n_broader, &st);
    print_names_line(o, "narrower", info->narrower, info->n_narrower, &st);
    /* a definition's own line breaks are kept, its next lines under its first */
    printf("  %s%-12s%s", st.dim, "definition", st.reset);
    cli_text_lines(stdout, k->definition_zh.s, "              ");
    printf("\n  %-12s", "");
    cli_text_lines(stdout, k->definition_en.s, "              ");
    printf("\n");

    printf("\n%scentrality%s %s(directed graph; tied concepts share the average of their "
           "ranks)%s\n", st.head, st.reset, st.dim, st.reset);
    size_t ws = 5;
    for (size_t i = 0; i < n_sr; i++)
        ws = cli_width(sr[i].scope) > ws ? cli_width(sr[i].scope) : ws;
    printf("  %s", st.dim);
    cli_cell(stdout, "scope", ws, TEXT_ALIGN_LEFT, "", "");
    printf("  concepts  degree   rank    in   rank   out   rank  pagerank   rank%s\n", st.reset);
    for (size_t i = 0; i < n_sr; i++) {
        const query_ranks *r = &sr[i].r;
        char rd[32], ri[32], ro[32], rp[32];
        printf("  ");
        cli_cell(stdout, sr[i].scope, ws, TEXT_ALIGN_LEFT, "", "");
        printf("  %8zu  %6.0f %6s  %4.0f %6s  %4.0f %6s  %8.4f %6s\n", r->n, r->degree.value,
               cli_rank_text(r->degree.rank, rd, sizeof rd), r->in_degree.value,
               cli_rank_text(r->in_degree.rank, ri, sizeof ri), r->out_degree.value,
               cli_rank_text(r->out_degree.rank, ro, sizeof ro), r->pagerank.value,
               cli_rank_text(r->pagerank.rank, rp, sizeof rp));
    }

    printf("\n%spapers%s (%zu)\n", st.head, st.reset, info->n_papers);
    if (!info->n_papers)
        printf("  none\n");
    for (size_t i = 0; i < info->n_papers; i++) {
        const query_paper_mentions *pm = &info->papers[i];
        const ckg_paper *p = &o->papers[pm->paper];
        fputs("  ", stdout);
        fputs(st.bold, stdout);
        cli_text(stdout, p->id.s);
        printf("%s  %d  ", st.reset, p->year);
        cli_text(stdout, p->title.s);
        printf("  %s(", st.dim);
        if (pm->mention)
            printf("mentioned%s", pm->n_relations ? ", " : "");
        if (pm->n_relations)
            printf("%zu relation%s", pm->n_relations, pm->n_relations == 1 ? "" : "s");
        printf(")%s\n", st.reset);
        if (pm->mention)
            print_quotes(o, pm->paper, &pm->mention->evidence, lines, &st);
    }

    printf("\n%srelations%s (%zu)\n", st.head, st.reset, nb->n_links);
    if (nb->n_links)
        cli_print_links(stdout, c, o, nb->links, nb->n_links, 1, 0, lines, "  ");
    else
        printf("  none\n");
}

static json_t *json_concepts(const ckg_ontology *o, const int32_t *list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        json_t *j = cli_json_concept(o, list[i]);
        if (!j || json_array_append_new(a, j)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_rank(const query_rank *r)
{
    return json_pack("{s:f, s:f}", "value", r->value, "rank", r->rank);
}

static int print_json(const ckg_ontology *o, const query_concept_info *info,
                      const scoped_ranks *sr, size_t n_sr, const query_neighbors *nb,
                      cli_lines *lines)
{
    const ckg_concept *k = &o->concepts[info->concept];
    json_t *root = json_object(), *alt = json_array(), *papers = json_array(),
           *rels = json_array(), *cent = json_array();
    /* set_new takes its value even when it fails, so one check at the end covers them all */
    int bad = !root || json_object_set_new(root, "id", json_string(k->id.s)) ||
              json_object_set_new(root, "zh", json_string(k->zh.s)) ||
              json_object_set_new(root, "en", json_string(k->en.s)) ||
              json_object_set_new(root, "alt", alt) ||
              json_object_set_new(root, "theme", json_string(k->theme.s)) ||
              json_object_set_new(root, "broader",
                                  json_concepts(o, info->broader, info->n_broader)) ||
              json_object_set_new(root, "narrower",
                                  json_concepts(o, info->narrower, info->n_narrower)) ||
              json_object_set_new(root, "definition",
                                  json_pack("{s:s?, s:s?}", "zh", k->definition_zh.s, "en",
                                            k->definition_en.s)) ||
              json_object_set_new(root, "centrality", cent) ||
              json_object_set_new(root, "papers", papers) ||
              json_object_set_new(root, "relations", rels);
    if (bad) {
        if (!root) {
            json_decref(alt);
            json_decref(papers);
            json_decref(rels);
            json_decref(cent);
        }
        goto fail_root;
    }
    for (size_t i = 0; i < k->alt.n; i++) {
        if (json_array_append_new(alt, json_string(k->alt.items[i].s)))
            goto fail_root;
    }
    for (size_t i = 0; i < n_sr; i++) {
        const query_ranks *r = &sr[i].r;
        json_t *j = json_pack("{s:s, s:I, s:o, s:o, s:o, s:o}", "scope", sr[i].scope,
                              "concepts", (json_int_t)r->n, "degree", json_rank(&r->degree),
                              "in_degree", json_rank(&r->in_degree), "out_degree",
                              json_rank(&r->out_degree), "pagerank", json_rank(&r->pagerank));
        if (!j || json_array_append_new(cent, j))
            goto fail_root;
    }
    for (size_t i = 0; i < info->n_papers; i++) {
        const query_paper_mentions *pm = &info->papers[i];
        const ckg_paper *p = &o->papers[pm->paper];
        json_t *quotes = json_array();
        json_t *j = json_pack("{s:s, s:s, s:i, s:b, s:I, s:o}", "id", p->id.s, "title",
                              p->title.s, "year", p->year, "mentioned", pm->mention != NULL,
                              "relations", (json_int_t)pm->n_relations, "quotes", quotes);
        if (!j || json_array_append_new(papers, j))
            goto fail_root;
        for (size_t e = 0; pm->mention && e < pm->mention->evidence.n; e++) {
            const ckg_evidence *x = &pm->mention->evidence.items[e];
            size_t line, end;
            cli_lines_get(lines, pm->paper, x, &line, &end);
            json_t *q = json_pack("{s:s, s:s?, s:o}", "quote", x->quote.s, "section",
                                  x->section.s, "line",
                                  line ? json_integer((json_int_t)line) : json_null());
            if (!q || json_array_append_new(quotes, q))
                goto fail_root;
        }
    }
    for (size_t i = 0; i < nb->n_links; i++) {
        json_t *j = cli_json_link(o, &nb->links[i], 0, lines);
        if (!j || json_array_append_new(rels, j))
            goto fail_root;
    }
    return cli_json_print(root);
fail_root:
    json_decref(root);
    return CKG_ENOMEM;
}

int cmd_show(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "text";
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
        switch (opt) {
        case 'f':
            if (!cli_format_arg(c, "show", optarg, 0, &format))
                return EXIT_USAGE;
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return cli_usage_error(c, "show", "which concept? (see 'ckg show --help')");
    if (argc - optind > 1)
        return cli_usage_error(c, "show", "unexpected argument '%s' (quote a name with spaces)",
                               argv[optind + 1]);

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    query_index *qi = NULL;
    query_concept_info *info = NULL;
    query_neighbors *nb = NULL;
    scoped_ranks *sr = NULL;
    size_t n_sr = 0;
    int32_t concept;
    cli_lines lines;
    cli_lines_init(&lines, c, "show", NULL);
    if ((code = cli_load(c, &o, 0, &diags)) != EXIT_OK)
        goto out;
    lines.o = o;
    if ((code = cli_concept_arg(c, "show", o, argv[optind], &concept)) != EXIT_OK)
        goto out;
    if ((rc = query_index_build(o, &qi)) != CKG_OK ||
        (rc = query_concept(o, concept, &info)) != CKG_OK ||
        (rc = query_neighbors_walk(qi, concept, 1, NULL, &nb)) != CKG_OK ||
        (rc = compute_ranks(o, info, &sr, &n_sr, &diags)) != CKG_OK) {
        cli_print_diags(c, &diags);
        fprintf(stderr, "ckg show: %s\n", ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    if (strcmp(format, "json") == 0)
        rc = print_json(o, info, sr, n_sr, nb, &lines);
    else
        print_text(c, o, info, sr, n_sr, nb, &lines);
    if (rc != CKG_OK)
        fprintf(stderr, "ckg show: %s\n", ckg_strerror(rc));
    code = cli_exit_code(rc);
out:
    cli_lines_done(&lines);
    free(sr);
    query_neighbors_free(nb);
    query_concept_free(info);
    query_index_free(qi);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
