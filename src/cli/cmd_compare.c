/* cmd_compare.c — `ckg compare`: every paper (or the sections of one, or the scopes named)
 * side by side: per-scope figures with the top concepts, the scope × scope overlap of
 * concepts and of relations (Jaccard) and the rank correlation of the measure, and the
 * concept × scope matrix of ranks. Computed by diff_compare (diff.h); printed here. */
#include "ckg/diff.h"
#include "ckg/status.h"
#include "cli.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg compare [SCOPE...] [--sections PAPER] [--measure M] [--top N | --all]\n"
            "                   [--format text|json|csv] [--table T]\n"
            "\n"
            "Papers side by side: every paper of the ontology, the sections of one paper\n"
            "(--sections forum2024: its four essays), or the scopes named (paper ids, or\n"
            "paper/section as in 'ckg diff').\n"
            "\n"
            "  - per scope: concepts, relations, density, modularity of its communities,\n"
            "    and its top 5 concepts by the measure;\n"
            "  - scope × scope: the Jaccard index (shared / either) of the concepts and of\n"
            "    the relations (ordered pairs (from, to)), and Spearman's rho of the measure\n"
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
            "  -m, --measure M   rank and correlate by M (default: pagerank)\n"
            "  -n, --top N       the first N concepts of the rank matrix (text default: 25;\n"
            "                    json and csv: all)\n"
            "  -a, --all         every concept\n"
            "  -f, --format F    text (default), json or csv\n"
            "      --table T     csv: one table only: ranks, pairs or figures (default: all\n"
            "                    three, each after an empty line)\n"
            "  -h, --help        this help\n"
            "\n"
            "JSON: {measure, scopes: [{scope, paper, section, title, nodes, edges, density,\n"
            "modularity, top}], pairs: [{a, b, shared_concepts, jaccard, shared_relations,\n"
            "jaccard_relations, n, spearman_M, kendall_M}], jaccard: {concepts, relations}\n"
            "(matrices in scope order), spearman_M, kendall_M (matrices), concepts: [{id, zh,\n"
            "en, theme, ranks: {scope: rank or null}, values: {scope: value or null}}]}.\n"
            "\n"
            "examples:\n"
            "  ckg compare\n"
            "  ckg compare --measure betweenness --top 10\n"
            "  ckg compare --sections forum2024\n"
            "  ckg compare peng2024 hong2024 forum2024/yi-tong --format json\n");
}

/* ------------------------------------------------------------------ shared pieces */

typedef struct view {
    const diff_table *t;
    const char **labels; /* column label of each side */
    size_t top;          /* concept rows to show */
} view;

static const char *theme_id(const ckg_ontology *o, const ckg_concept *k)
{
    return k->theme_index >= 0 ? o->themes[k->theme_index].id.s : "";
}

static void format_number(char *buf, size_t size, const char *fmt, double x)
{
    if (isnan(x))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, fmt, x);
}

/* ------------------------------------------------------------------ text */

static size_t label_width(const view *w, size_t min)
{
    for (size_t i = 0; i < w->t->n_sides; i++) {
        size_t x = cli_width(w->labels[i]);
        min = x > min ? x : min;
    }
    return min;
}

/* A scope × scope matrix of values (NaN shown as '-'). */
static void print_matrix(const view *w, const double *m, const char *fmt, const cli_style *st)
{
    size_t n = w->t->n_sides, wl = label_width(w, 6);
    char buf[64];
    printf("  %s", st->dim);
    cli_cell(stdout, "", wl, TEXT_ALIGN_LEFT, "", "");
    for (size_t j = 0; j < n; j++) {
        printf("  ");
        cli_cell(stdout, w->labels[j], wl, TEXT_ALIGN_RIGHT, "", "");
    }
    printf("%s\n", st->reset);
    for (size_t i = 0; i < n; i++) {
        printf("  ");
        cli_cell(stdout, w->labels[i], wl, TEXT_ALIGN_LEFT, "", "");
        for (size_t j = 0; j < n; j++) {
            format_number(buf, sizeof buf, fmt, m[i * n + j]);
            printf("  ");
            cli_cell(stdout, i == j ? "·" : buf, wl, TEXT_ALIGN_RIGHT, i == j ? st->dim : "",
                     i == j ? st->reset : "");
        }
        printf("\n");
    }
}

static void print_figures(const view *w, const cli_style *st)
{
    const diff_table *t = w->t;
    metrics_measure k = t->options.measure;
    size_t wl = label_width(w, 5);
    printf("  %s", st->dim);
    cli_cell(stdout, "scope", wl, TEXT_ALIGN_LEFT, "", "");
    printf("  concepts  relations  density  modularity  top 5 by %s%s\n",
           metrics_measure_name(k), st->reset);
    for (size_t i = 0; i < t->n_sides; i++) {
        const diff_side *s = &t->sides[i];
        const metrics_figures *f = &s->m->graph;
        char mod[32], top[512];
        format_number(mod, sizeof mod, "%.4f", f->modularity);
        size_t used = 0;
        top[0] = '\0';
        for (size_t r = 0; r < 5 && r < s->g->n_vertices && used + 1 < sizeof top; r++) {
            const ckg_concept *c = &t->o->concepts[s->g->vertices[s->order[r]].concept];
            int x = snprintf(top + used, sizeof top - used, "%s%s", r ? "、" : "", c->zh.s);
            if (x < 0)
                break;
            used += (size_t)x;
        }
        printf("  ");
        cli_cell(stdout, w->labels[i], wl, TEXT_ALIGN_LEFT, st->bold, st->reset);
        printf("  %8zu  %9zu  %7.4f  %10s", f->nodes, f->edges, f->density, mod);
        if (*top) { /* the line ends within 100 columns */
            printf("  ");
            cli_fit(stdout, top, 100 > 2 + wl + 45 + 20 ? 100 - (2 + wl + 45) : 20, "", "");
        }
        printf("\n");
    }
}

static void print_ranks(const view *w, const cli_style *st)
{
    const diff_table *t = w->t;
    metrics_measure k = t->options.measure;
    size_t n = t->n_sides, wl = label_width(w, 5), wz = 7;
    size_t rows = w->top < t->n_concepts ? w->top : t->n_concepts;
    for (size_t r = 0; r < rows; r++) {
        size_t a = cli_width(t->o->concepts[t->concepts[r]].zh.s);
        wz = a > wz ? a : wz;
    }
    wz = wz > 18 ? 18 : wz;
    printf("  %s", st->dim);
    cli_cell(stdout, "concept", wz, TEXT_ALIGN_LEFT, "", "");
    for (size_t j = 0; j < n; j++) {
        printf("  ");
        cli_cell(stdout, w->labels[j], wl, TEXT_ALIGN_RIGHT, "", "");
    }
    printf("%s\n", st->reset);
    char buf[32];
    for (size_t r = 0; r < rows; r++) {
        int32_t concept = t->concepts[r];
        printf("  ");
        cli_cell(stdout, t->o->concepts[concept].zh.s, wz, TEXT_ALIGN_LEFT, st->name, st->reset);
        for (size_t j = 0; j < n; j++) {
            double x = diff_side_rank(&t->sides[j], concept, k);
            printf("  ");
            cli_cell(stdout, cli_rank_text(x, buf, sizeof buf), wl, TEXT_ALIGN_RIGHT,
                     isnan(x) ? st->dim : "", isnan(x) ? st->reset : "");
        }
        printf("\n");
    }
    if (rows < t->n_concepts)
        printf("%s  (%zu of %zu concepts; --top N or --all for more, --format csv for ids)%s\n",
               st->dim, rows, t->n_concepts, st->reset);
}

static int print_text(const view *w, const char *what, const cli_style *st)
{
    const diff_table *t = w->t;
    metrics_measure k = t->options.measure;
    const char *mname = metrics_measure_name(k);
    size_t n = t->n_sides;
    printf("%s%zu %s%s, by %s %s(ranks within each one's own graph; ties share the average "
           "rank)%s\n\n",
           st->bold, n, what, st->reset, mname, st->dim, st->reset);
    print_figures(w, st);

    printf("\n%sshared concepts%s %s(Jaccard: shared / either)%s\n", st->head, st->reset,
           st->dim, st->reset);
    print_matrix(w, t->jaccard_concepts, "%.2f", st);
    printf("\n%sshared relations%s %s(Jaccard of the (from, to) pairs)%s\n", st->head,
           st->reset, st->dim, st->reset);
    print_matrix(w, t->jaccard_relations, "%.2f", st);
    double *rho = malloc((n ? n * n : 1) * sizeof *rho);
    if (!rho)
        return CKG_ENOMEM;
    for (size_t i = 0; i < n * n; i++)
        rho[i] = t->corr[i].spearman;
    printf("\n%sagreement on what is central%s %s(Spearman's rho of %s over the shared "
           "concepts)%s\n",
           st->head, st->reset, st->dim, mname, st->reset);
    print_matrix(w, rho, "%.2f", st);
    free(rho);

    printf("\n%srank by %s%s %s('-': not in that one)%s\n", st->head, mname, st->reset,
           st->dim, st->reset);
    print_ranks(w, st);
    return CKG_OK;
}

/* ------------------------------------------------------------------ CSV */

static void csv_number(double x, const char *fmt)
{
    if (!isnan(x))
        printf(fmt, x);
}

static void csv_ranks(const view *w)
{
    const diff_table *t = w->t;
    printf("id,zh,en,theme");
    for (size_t j = 0; j < t->n_sides; j++) {
        putchar(',');
        cli_csv_field(stdout, t->sides[j].name);
    }
    putchar('\n');
    size_t rows = w->top < t->n_concepts ? w->top : t->n_concepts;
    for (size_t r = 0; r < rows; r++) {
        const ckg_concept *c = &t->o->concepts[t->concepts[r]];
        cli_csv_field(stdout, c->id.s);
        putchar(',');
        cli_csv_field(stdout, c->zh.s);
        putchar(',');
        cli_csv_field(stdout, c->en.s);
        putchar(',');
        cli_csv_field(stdout, theme_id(t->o, c));
        for (size_t j = 0; j < t->n_sides; j++) {
            putchar(',');
            csv_number(diff_side_rank(&t->sides[j], t->concepts[r], t->options.measure),
                       "%.17g");
        }
        putchar('\n');
    }
}

static void csv_pairs(const view *w)
{
    const diff_table *t = w->t;
    const char *m = metrics_measure_name(t->options.measure);
    size_t n = t->n_sides;
    printf("a,b,shared_concepts,jaccard,shared_relations,jaccard_relations,n,spearman_%s,"
           "kendall_%s\n",
           m, m);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            size_t x = i * n + j;
            cli_csv_field(stdout, t->sides[i].name);
            putchar(',');
            cli_csv_field(stdout, t->sides[j].name);
            printf(",%zu,", t->shared_concepts[x]);
            csv_number(t->jaccard_concepts[x], "%.17g");
            printf(",%zu,", t->shared_relations[x]);
            csv_number(t->jaccard_relations[x], "%.17g");
            printf(",%zu,", t->corr[x].n);
            csv_number(t->corr[x].spearman, "%.17g");
            putchar(',');
            csv_number(t->corr[x].kendall, "%.17g");
            putchar('\n');
        }
    }
}

static void csv_figures(const view *w)
{
    const diff_table *t = w->t;
    printf("scope,nodes,edges,density,communities,modularity,top\n");
    for (size_t i = 0; i < t->n_sides; i++) {
        const diff_side *s = &t->sides[i];
        const metrics_figures *f = &s->m->graph;
        cli_csv_field(stdout, s->name);
        printf(",%zu,%zu,", f->nodes, f->edges);
        csv_number(f->density, "%.17g");
        printf(",%zu,", f->communities);
        csv_number(f->modularity, "%.17g");
        /* the ids of the top 5, joined by ';' into one field */
        char top[1024];
        size_t used = 0;
        top[0] = '\0';
        for (size_t r = 0; r < 5 && r < s->g->n_vertices; r++) {
            const char *id = t->o->concepts[s->g->vertices[s->order[r]].concept].id.s;
            int x = snprintf(top + used, sizeof top - used, "%s%s", r ? ";" : "", id);
            if (x < 0 || (size_t)x >= sizeof top - used)
                break;
            used += (size_t)x;
        }
        putchar(',');
        cli_csv_field(stdout, top);
        putchar('\n');
    }
}

static int print_csv(const view *w, const char *table)
{
    if (!table || strcmp(table, "ranks") == 0)
        csv_ranks(w);
    if (!table)
        putchar('\n');
    if (!table || strcmp(table, "pairs") == 0)
        csv_pairs(w);
    if (!table)
        putchar('\n');
    if (!table || strcmp(table, "figures") == 0)
        csv_figures(w);
    return CKG_OK;
}

/* ------------------------------------------------------------------ JSON */

static json_t *json_number(double x)
{
    return isnan(x) ? json_null() : json_real(x);
}

static json_t *json_matrix(const diff_table *t, const double *m, const diff_correlation *c,
                           int kendall)
{
    size_t n = t->n_sides;
    json_t *rows = json_array();
    for (size_t i = 0; rows && i < n; i++) {
        json_t *row = json_array();
        if (!row || json_array_append_new(rows, row)) {
            json_decref(rows);
            return NULL;
        }
        for (size_t j = 0; j < n; j++) {
            double x = m ? m[i * n + j] : kendall ? c[i * n + j].kendall : c[i * n + j].spearman;
            if (json_array_append_new(row, json_number(x))) {
                json_decref(rows);
                return NULL;
            }
        }
    }
    return rows;
}

static json_t *json_scope(const diff_table *t, const diff_side *s)
{
    const ckg_paper *p = &t->o->papers[s->g->paper];
    const metrics_figures *f = &s->m->graph;
    json_t *top = json_array();
    for (size_t r = 0; top && r < 5 && r < s->g->n_vertices; r++) {
        size_t v = s->order[r];
        const ckg_concept *c = &t->o->concepts[s->g->vertices[v].concept];
        json_t *j = json_pack("{s:s, s:s?, s:o, s:f}", "id", c->id.s, "zh", c->zh.s, "value",
                              json_number(metrics_value(s->m, v, t->options.measure)), "rank",
                              s->ranks[t->options.measure][v]);
        if (!j || json_array_append_new(top, j)) {
            json_decref(top);
            top = NULL;
        }
    }
    const char *title = s->g->section >= 0 ? p->sections[s->g->section].title.s : p->title.s;
    return json_pack("{s:s, s:s, s:s?, s:s?, s:I, s:I, s:o, s:I, s:o, s:o}", "scope", s->name,
                     "paper", p->id.s, "section",
                     s->g->section >= 0 ? p->sections[s->g->section].id.s : NULL, "title", title,
                     "nodes", (json_int_t)f->nodes, "edges", (json_int_t)f->edges, "density",
                     json_number(f->density), "communities", (json_int_t)f->communities,
                     "modularity", json_number(f->modularity), "top", top);
}

static int print_json(const view *w)
{
    const diff_table *t = w->t;
    metrics_measure k = t->options.measure;
    const char *m = metrics_measure_name(k);
    size_t n = t->n_sides;
    char sp[64], kd[64];
    snprintf(sp, sizeof sp, "spearman_%s", m);
    snprintf(kd, sizeof kd, "kendall_%s", m);
    json_t *scopes = json_array(), *pairs = json_array(), *concepts = json_array();
    json_t *root = json_pack("{s:s, s:o, s:o, s:{s:o, s:o}, s:o, s:o, s:o}", "measure", m,
                             "scopes", scopes, "pairs", pairs, "jaccard", "concepts",
                             json_matrix(t, t->jaccard_concepts, NULL, 0), "relations",
                             json_matrix(t, t->jaccard_relations, NULL, 0), sp,
                             json_matrix(t, NULL, t->corr, 0), kd,
                             json_matrix(t, NULL, t->corr, 1), "concepts", concepts);
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        json_t *j = json_scope(t, &t->sides[i]);
        if (!j || json_array_append_new(scopes, j))
            goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            size_t x = i * n + j;
            json_t *p = json_pack("{s:s, s:s, s:I, s:o, s:I, s:o, s:I, s:o, s:o}", "a",
                                  t->sides[i].name, "b", t->sides[j].name, "shared_concepts",
                                  (json_int_t)t->shared_concepts[x], "jaccard",
                                  json_number(t->jaccard_concepts[x]), "shared_relations",
                                  (json_int_t)t->shared_relations[x], "jaccard_relations",
                                  json_number(t->jaccard_relations[x]), "n",
                                  (json_int_t)t->corr[x].n, sp, json_number(t->corr[x].spearman),
                                  kd, json_number(t->corr[x].kendall));
            if (!p || json_array_append_new(pairs, p))
                goto fail;
        }
    }
    size_t rows = w->top < t->n_concepts ? w->top : t->n_concepts;
    for (size_t r = 0; r < rows; r++) {
        int32_t concept = t->concepts[r];
        const ckg_concept *c = &t->o->concepts[concept];
        json_t *ranks = json_object(), *values = json_object();
        json_t *j = json_pack("{s:s, s:s?, s:s?, s:s, s:o, s:o}", "id", c->id.s, "zh", c->zh.s,
                              "en", c->en.s, "theme", theme_id(t->o, c), "ranks", ranks,
                              "values", values);
        if (!j || json_array_append_new(concepts, j))
            goto fail;
        for (size_t i = 0; i < n; i++) {
            const diff_side *s = &t->sides[i];
            int32_t v = s->g->vertex_of[concept];
            if (json_object_set_new(ranks, s->name, json_number(diff_side_rank(s, concept, k))) ||
                json_object_set_new(values, s->name,
                                    v < 0 ? json_null()
                                          : json_number(metrics_value(s->m, (size_t)v, k))))
                goto fail;
        }
    }
    return cli_json_print(root);
fail:
    json_decref(root);
    return CKG_ENOMEM;
}

/* ------------------------------------------------------------------ the command */

int cmd_compare(const cli *c, int argc, char **argv)
{
    enum { OPT_TABLE = 256 };
    static const struct option options[] = {
        {"sections", required_argument, NULL, 's'}, {"measure", required_argument, NULL, 'm'},
        {"top", required_argument, NULL, 'n'},      {"all", no_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},   {"table", required_argument, NULL, OPT_TABLE},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
    };
    const char *format = "text", *table = NULL, *sections = NULL;
    diff_options dopt;
    diff_options_default(&dopt);
    unsigned long top = 0;
    int all = 0, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "s:m:n:af:h", options, NULL)) != -1) {
        switch (opt) {
        case 's': sections = optarg; break;
        case 'm':
            if (cli_measure_arg(c, "compare", optarg, 1, &dopt.measure) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'n':
            if (cli_count_arg(c, "compare", "--top", optarg, 100000000, &top) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'a': all = 1; break;
        case 'f':
            if (!cli_format_arg(c, "compare", optarg, 1, &format))
                return EXIT_USAGE;
            break;
        case OPT_TABLE:
            if (strcmp(optarg, "ranks") && strcmp(optarg, "pairs") && strcmp(optarg, "figures"))
                return cli_usage_error(c, "compare",
                                       "unknown table '%s' (ranks, pairs or figures)", optarg);
            table = optarg;
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (sections && optind < argc)
        return cli_usage_error(c, "compare", "name scopes or --sections, not both");
    if (all && top)
        return cli_usage_error(c, "compare", "--top and --all exclude each other");
    if (table && strcmp(format, "csv") != 0)
        return cli_usage_error(c, "compare", "--table goes with --format csv");
    int text = strcmp(format, "text") == 0;

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    diff_table *t = NULL;
    graph_scope *scopes = NULL;
    view w = {0};
    size_t n = 0;
    const char *what = "papers";
    int any_section = sections != NULL;
    for (int i = optind; i < argc; i++)
        any_section |= strchr(argv[i], '/') != NULL;
    /* quotes matter only to find what a section states */
    ontology_load_options lopt = {.skip_evidence = !any_section};
    if ((code = cli_load_with(c, &lopt, &o, 0, &diags)) != EXIT_OK)
        goto out;
    code = EXIT_INVALID;
    size_t cap = (size_t)(argc - optind) + o->n_papers + 1;
    if (sections) {
        int32_t p;
        if ((code = cli_paper_arg(c, "compare", o, sections, &p)) != EXIT_OK)
            goto out;
        cap += o->papers[p].n_sections;
        code = EXIT_INVALID;
        if (!(scopes = calloc(cap, sizeof *scopes)) || !(w.labels = calloc(cap, sizeof *w.labels)))
            goto out;
        if (!o->papers[p].n_sections) {
            fprintf(stderr, "%s compare: paper '%s' declares no sections\n", c->program,
                    o->papers[p].id.s);
            goto out;
        }
        for (size_t s = 0; s < o->papers[p].n_sections; s++) {
            w.labels[n] = o->papers[p].sections[s].id.s;
            scopes[n++] = (graph_scope){o->papers[p].id.s, o->papers[p].sections[s].id.s};
        }
        what = "sections";
    } else {
        if (!(scopes = calloc(cap, sizeof *scopes)) || !(w.labels = calloc(cap, sizeof *w.labels)))
            goto out;
        if (optind < argc) {
            for (int i = optind; i < argc; i++) {
                if ((code = cli_scope_arg(c, "compare", o, argv[i], &scopes[n])) != EXIT_OK)
                    goto out;
                w.labels[n] = argv[i];
                n++;
            }
            what = "scopes";
        } else {
            for (size_t p = 0; p < o->n_papers; p++) {
                w.labels[n] = o->papers[p].id.s;
                scopes[n++] = (graph_scope){o->papers[p].id.s, NULL};
            }
        }
    }
    if (!n) {
        fprintf(stderr, "%s compare: the ontology has no papers\n", c->program);
        code = EXIT_INVALID;
        goto out;
    }
    if ((rc = diff_compare(o, scopes, n, &dopt, &diags, &t)) != CKG_OK) {
        cli_print_diags(c, &diags);
        if (rc == CKG_ENOMEM)
            fprintf(stderr, "%s compare: out of memory\n", c->program);
        code = cli_exit_code(rc);
        goto out;
    }
    /* labels from the side names, now that every scope is known good */
    if (!sections) {
        for (size_t i = 0; i < n; i++)
            w.labels[i] = t->sides[i].name;
    }
    w.t = t;
    w.top = all ? t->n_concepts : top ? (size_t)top : text ? 25 : t->n_concepts;
    if (strcmp(format, "json") == 0)
        rc = print_json(&w);
    else if (strcmp(format, "csv") == 0)
        rc = print_csv(&w, table);
    else {
        cli_style st = cli_style_of(c);
        rc = print_text(&w, what, &st);
    }
    code = rc == CKG_OK ? EXIT_OK : cli_exit_code(rc);
    if (rc == CKG_ENOMEM)
        fprintf(stderr, "%s compare: out of memory\n", c->program);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s compare: cannot write the output\n", c->program);
        code = EXIT_IO;
    }
out:
    diff_table_free(t);
    free(scopes);
    free(w.labels);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
