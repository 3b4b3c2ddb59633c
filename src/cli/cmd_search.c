/* cmd_search.c — `ckg search TEXT`: concepts whose names or definition contain the text,
 * and the evidence quotes that do, ranked (see query_search). */
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
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

/* "zh name", "definition (en)", ...: what matched, for people. */
static const char *match_label(const query_concept_hit *h, char *buf, size_t size)
{
    const char *m = h->match == QUERY_MATCH_EXACT    ? "exact"
                    : h->match == QUERY_MATCH_PREFIX ? "starts"
                    : h->match == QUERY_MATCH_NAME   ? "contains"
                    : h->match == QUERY_MATCH_DEFINITION ? "definition"
                                                         : "quote";
    if (h->match <= QUERY_MATCH_NAME)
        snprintf(buf, size, "%s (%s)", m, h->field);
    else if (h->match == QUERY_MATCH_DEFINITION)
        snprintf(buf, size, "%s (%s)", m, strchr(h->field, '.') + 1);
    else
        snprintf(buf, size, "%s", m);
    return buf;
}

/* Prints s as cli_text shows it, the literal occurrences of needle highlighted (folded
 * matches stay plain). Both are made safe first, so the pieces between can go out as they
 * are. */
static void print_highlighted(const char *s, const char *needle, const cli_style *st)
{
    char *shown = NULL, *nshown = NULL;
    if (text_display(s, 0, &shown, NULL) != TEXT_OK ||
        text_display(needle, 0, &nshown, NULL) != TEXT_OK) {
        cli_text(stdout, s); /* out of memory: no highlight */
        goto out;
    }
    size_t n = strlen(nshown);
    const char *p, *rest = shown;
    while (*st->match && n && (p = strstr(rest, nshown))) {
        fwrite(rest, 1, (size_t)(p - rest), stdout);
        printf("%s%.*s%s", st->match, (int)n, p, st->reset);
        rest = p + n;
    }
    fputs(rest, stdout);
out:
    free(shown);
    free(nshown);
}

/* "数据要素" for a mention, "数据要素 —支撑→ 全要素生产率" for a relation. */
static void print_use(const ckg_ontology *o, const query_use *u, const cli_style *st)
{
    if (u->mention) {
        cli_text(stdout, o->concepts[u->mention->concept_index].zh.s);
        return;
    }
    const ckg_relation *r = u->relation;
    cli_text(stdout, o->concepts[r->from_index].zh.s);
    printf(" %s—", st->arrow);
    cli_text(stdout, o->kinds[r->kind_index].zh.s);
    printf("→%s ", st->reset);
    cli_text(stdout, o->concepts[r->to_index].zh.s);
}

static void print_text(const cli *c, const ckg_ontology *o, const char *text,
                       const query_search_result *r, size_t limit, cli_lines *lines)
{
    cli_style st = cli_style_of(c);
    size_t nc = limit && r->n_concepts > limit ? limit : r->n_concepts;
    size_t nq = limit && r->n_quotes > limit ? limit : r->n_quotes;
    char buf[64];
    printf("%sconcepts%s (%zu)\n", st.head, st.reset, r->n_concepts);
    size_t wzh = 0, wen = 0, wid = 0;
    for (size_t i = 0; i < nc; i++) {
        const ckg_concept *k = &o->concepts[r->concepts[i].concept];
        size_t a = cli_width(k->zh.s), b = cli_width(k->en.s), d = cli_width(k->id.s);
        wzh = a > wzh ? (a > 26 ? 26 : a) : wzh;
        wen = b > wen ? (b > 34 ? 34 : b) : wen;
        wid = d > wid ? (d > 30 ? 30 : d) : wid;
    }
    for (size_t i = 0; i < nc; i++) {
        const query_concept_hit *h = &r->concepts[i];
        const ckg_concept *k = &o->concepts[h->concept];
        printf("  ");
        cli_cell(stdout, k->zh.s, wzh, TEXT_ALIGN_LEFT, st.name, st.reset);
        printf("  ");
        cli_cell(stdout, k->en.s, wen, TEXT_ALIGN_LEFT, "", "");
        printf("  ");
        cli_cell(stdout, k->id.s, wid, TEXT_ALIGN_LEFT, st.dim, st.reset);
        printf("  %s%s%s", st.dim, match_label(h, buf, sizeof buf), st.reset);
        if (h->n_quotes)
            printf("%s, %zu quote%s%s", st.dim, h->n_quotes, h->n_quotes == 1 ? "" : "s",
                   st.reset);
        printf("\n");
    }
    if (nc < r->n_concepts)
        printf("  %s… %zu more (--all)%s\n", st.dim, r->n_concepts - nc, st.reset);

    printf("\n%squotes%s (%zu)\n", st.head, st.reset, r->n_quotes);
    for (size_t i = 0; i < nq; i++) {
        const query_quote_hit *q = &r->quotes[i];
        const ckg_paper *p = &o->papers[q->paper];
        size_t line, end;
        cli_lines_get(lines, q->paper, q->evidence, &line, &end);
        char where[160];
        if (line && end > line)
            snprintf(where, sizeof where, "%s:%zu-%zu", p->id.s, line, end);
        else if (line)
            snprintf(where, sizeof where, "%s:%zu", p->id.s, line);
        else
            snprintf(where, sizeof where, "%s", p->id.s);
        printf("  %s", st.dim);
        cli_text(stdout, where);
        printf("%s  ", st.reset);
        print_highlighted(q->evidence->quote.s, text, &st);
        printf("\n      %sfor%s ", st.dim, st.reset);
        for (size_t u = 0; u < q->n_uses; u++) {
            if (u)
                printf("%s; %s", st.dim, st.reset);
            print_use(o, &q->uses[u], &st);
        }
        printf("\n");
    }
    if (nq < r->n_quotes)
        printf("  %s… %zu more (--all)%s\n", st.dim, r->n_quotes - nq, st.reset);
}

static json_t *json_use(const ckg_ontology *o, const query_use *u)
{
    if (u->mention)
        return json_pack("{s:s, s:s}", "type", "mention", "concept",
                         o->concepts[u->mention->concept_index].id.s);
    const ckg_relation *r = u->relation;
    return json_pack("{s:s, s:s, s:s, s:s}", "type", "relation", "from",
                     o->concepts[r->from_index].id.s, "kind", o->kinds[r->kind_index].id.s, "to",
                     o->concepts[r->to_index].id.s);
}

static int print_json(const ckg_ontology *o, const char *text, const query_search_result *r,
                      cli_lines *lines)
{
    json_t *concepts = json_array(), *quotes = json_array();
    json_t *root = json_pack("{s:s, s:o, s:o}", "query", text, "concepts", concepts, "quotes",
                             quotes);
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < r->n_concepts; i++) {
        const query_concept_hit *h = &r->concepts[i];
        json_t *j = cli_json_concept(o, h->concept);
        if (!j || json_array_append_new(concepts, j) ||
            json_object_set_new(j, "match", json_string(query_match_name(h->match))) ||
            json_object_set_new(j, "field", json_string(h->field)) ||
            json_object_set_new(j, "text", json_string(h->text)) ||
            json_object_set_new(j, "quotes", json_integer((json_int_t)h->n_quotes)))
            goto fail;
    }
    for (size_t i = 0; i < r->n_quotes; i++) {
        const query_quote_hit *q = &r->quotes[i];
        size_t line, end;
        cli_lines_get(lines, q->paper, q->evidence, &line, &end);
        json_t *uses = json_array();
        json_t *j = json_pack("{s:s, s:s, s:s?, s:o, s:o}", "paper", o->papers[q->paper].id.s,
                              "quote", q->evidence->quote.s, "section",
                              q->evidence->section.s, "line",
                              line ? json_integer((json_int_t)line) : json_null(), "uses", uses);
        if (!j || json_array_append_new(quotes, j))
            goto fail;
        for (size_t u = 0; u < q->n_uses; u++) {
            json_t *ju = json_use(o, &q->uses[u]);
            if (!ju || json_array_append_new(uses, ju))
                goto fail;
        }
    }
    return cli_json_print(root);
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

static void print_csv(const ckg_ontology *o, const query_search_result *r, cli_lines *lines)
{
    printf("type,rank,id,zh,en,theme,match,field,paper,line,text\n");
    for (size_t i = 0; i < r->n_concepts; i++) {
        const query_concept_hit *h = &r->concepts[i];
        const ckg_concept *k = &o->concepts[h->concept];
        printf("concept,%zu,%s,", i + 1, k->id.s);
        cli_csv_field(stdout, k->zh.s);
        putchar(',');
        cli_csv_field(stdout, k->en.s);
        printf(",%s,%s,%s,,,", k->theme.s, query_match_name(h->match), h->field);
        cli_csv_field(stdout, h->text);
        putchar('\n');
    }
    for (size_t i = 0; i < r->n_quotes; i++) {
        const query_quote_hit *q = &r->quotes[i];
        size_t line, end;
        cli_lines_get(lines, q->paper, q->evidence, &line, &end);
        printf("quote,%zu,,,,,,,%s,", i + 1, o->papers[q->paper].id.s);
        if (line)
            printf("%zu", line);
        putchar(',');
        cli_csv_field(stdout, q->evidence->quote.s);
        putchar('\n');
    }
}

int cmd_search(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"limit", required_argument, NULL, 'l'},
        {"all", no_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "text";
    unsigned long limit = DEFAULT_LIMIT;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "l:af:h", options, NULL)) != -1) {
        switch (opt) {
        case 'l':
            if (cli_count_arg(c, "search", "--limit", optarg, 1000000000, &limit) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'a': limit = 0; break;
        case 'f':
            if (!cli_format_arg(c, "search", optarg, 1, &format))
                return EXIT_USAGE;
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return cli_usage_error(c, "search", "search for what? (see 'ckg search --help')");
    if (argc - optind > 1)
        return cli_usage_error(c, "search", "unexpected argument '%s' (quote text with spaces)",
                               argv[optind + 1]);
    const char *text = argv[optind];
    if (text_utf8_check(text, strlen(text), NULL) != TEXT_OK)
        return cli_usage_error(c, "search", "the search text is not valid UTF-8");

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    query_search_result *r = NULL;
    cli_lines lines;
    cli_lines_init(&lines, c, "search", NULL);
    if ((code = cli_load(c, &o, 0, &diags)) != EXIT_OK)
        goto out;
    lines.o = o;
    rc = query_search(o, text, &r);
    if (rc == CKG_EUSAGE) {
        code = cli_usage_error(c, "search", "nothing to search for once spaces are dropped");
        goto out;
    }
    if (rc == CKG_OK) {
        if (strcmp(format, "json") == 0)
            rc = print_json(o, text, r, &lines);
        else if (strcmp(format, "csv") == 0)
            print_csv(o, r, &lines);
        else
            print_text(c, o, text, r, limit, &lines);
    }
    if (rc != CKG_OK) {
        fprintf(stderr, "ckg search: %s\n", ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    /* like grep: nothing found is exit 1 */
    code = r->n_concepts || r->n_quotes ? EXIT_OK : EXIT_INVALID;
out:
    cli_lines_done(&lines);
    query_search_free(r);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
