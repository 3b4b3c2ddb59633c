/* cmd_score.c — `ckg score MAP`: a student's concept map (CmapTools CXL or CSV) compared
 * with the propositions of the papers, each proposition with its verdict and evidence, and
 * a summary (score.h). Text for the terminal, a Markdown feedback sheet, or JSON. */
#include "ckg/score.h"
#include "ckg/status.h"
#include "teach.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

enum { VERDICT_COLS = 17 };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg score MAP [--paper P | --all] [--format text|md|json] [--key N] [-o FILE]\n"
            "\n"
            "Scores a concept map a student drew against the propositions the papers state.\n"
            "MAP is a CmapTools export (CXL) or a CSV file of from,phrase,to rows. Labels are\n"
            "concept names as ckg knows them (id, Chinese, English or alternative name; case,\n"
            "width and spaces do not matter); a phrase is a relation kind's phrase, its inverse\n"
            "(which reads the arrow the other way) or a known synonym; an unknown phrase is\n"
            "compared with every kind and flagged. Each proposition is\n"
            "  stated           the text states it (kinds of one family count as the same)\n"
            "  reversed         the text states it the other way round\n"
            "  other-kind       the text relates the two concepts, but not as the phrase says\n"
            "  unstated         the text says nothing of the two (a teacher may still accept it)\n"
            "  unknown-concept  a label names no concept (with suggestions)\n"
            "then precision, recall, the key propositions missed and a Novak-Gowin structural\n"
            "score (valid propositions + 5 per level of hierarchy + 10 per cross-link).\n"
            "\n"
            "options:\n"
            "  -p, --paper P      compare with paper P (by id)\n"
            "  -a, --all          compare with every paper (the default)\n"
            "  -f, --format F     text (default), md (a feedback sheet to hand back) or json\n"
            "  -k, --key N        list the N most central propositions missed (default 5)\n"
            "  -o, --output FILE  write FILE (whole or not at all) instead of stdout\n"
            "  -h, --help         this help\n"
            "\n"
            "examples:\n"
            "  ckg score wang-lei.cxl --paper peng2024\n"
            "  ckg score wang-lei.cxl --paper peng2024 --format md -o wang-lei-feedback.md\n"
            "  ckg score map.csv --format json\n");
}

static void text_relation(FILE *f, const ckg_ontology *o, const proposition *p)
{
    cli_text(f, o->concepts[p->from].zh.s);
    fputs(" —", f);
    cli_text(f, o->kinds[p->kind].zh.s);
    fputs("→ ", f);
    cli_text(f, o->concepts[p->to].zh.s);
}

static void text_quotes(FILE *f, const ckg_ontology *o, const proposition *p, const char *indent,
                        const cli_style *st)
{
    for (size_t i = 0; i < p->n_quotes; i++) {
        const prop_quote *q = &p->quotes[i];
        fprintf(f, "%s%s%s", indent, st->dim, o->papers[q->paper].id.s);
        if (q->line)
            fprintf(f, ":%u", (unsigned)q->line);
        fprintf(f, "%s  ", st->reset);
        cli_text(f, q->evidence->quote.s);
        fputc('\n', f);
    }
}

static void text_unknown(FILE *f, const ckg_ontology *o, const score_end *e, const char *indent)
{
    if (e->concept >= 0)
        return;
    fprintf(f, "%s'", indent);
    cli_text(f, e->label);
    if (e->names.verdict == NAMES_AMBIGUOUS) {
        fputs("' names several concepts:", f);
        for (size_t i = 0; i < e->names.n; i++) {
            fputs(i ? ", " : " ", f);
            cli_text(f, o->concepts[e->names.concepts[i]].id.s);
        }
    } else {
        fputs("' is no concept", f);
        for (size_t i = 0; i < e->names.n_suggestions; i++) {
            fputs(i ? ", '" : " (did you mean '", f);
            cli_text(f, e->names.suggestions[i]);
            fputc('\'', f);
        }
        if (e->names.n_suggestions)
            fputs("?)", f);
    }
    fputc('\n', f);
}

static int print_text(const cli *c, const ckg_ontology *o, const score_result *r, size_t key)
{
    cli_style st = cli_style_of(c);
    const score_summary *s = &r->summary;
    const char *indent = "                         ";
    char scope[256] = "all";
    if (r->props->scope.paper >= 0)
        snprintf(scope, sizeof scope, "%s", o->papers[r->props->scope.paper].id.s);
    printf("%s", st.bold);
    cli_text(stdout, r->map->file);
    printf("%s: %zu proposition%s against %s (%zu propositions)\n\n", st.reset, r->n,
           r->n == 1 ? "" : "s", scope, s->curated);
    for (size_t i = 0; i < r->n; i++) {
        const score_item *it = &r->items[i];
        if (it->prop->loc.line)
            printf("%6u  ", (unsigned)it->prop->loc.line);
        else
            printf("%6s  ", "-");
        cli_cell(stdout, score_verdict_name(it->verdict), VERDICT_COLS, TEXT_ALIGN_LEFT,
                 it->verdict == SCORE_STATED ? st.bold : st.match, st.reset);
        cli_text(stdout, it->prop->from);
        fputs(" —", stdout);
        cli_text(stdout, it->prop->phrase);
        fputs("→ ", stdout);
        cli_text(stdout, it->prop->to);
        if (it->verdict != SCORE_UNKNOWN_CONCEPT && it->phrase.source == PHRASE_UNRECOGNISED)
            printf("  %s(phrase not recognised: compared with every kind)%s", st.dim, st.reset);
        else if (it->verdict != SCORE_UNKNOWN_CONCEPT && it->phrase.inverse)
            printf("  %s(inverse phrase: read the other way round)%s", st.dim, st.reset);
        fputc('\n', stdout);
        switch (it->verdict) {
        case SCORE_UNKNOWN_CONCEPT:
            text_unknown(stdout, o, &it->from, indent);
            text_unknown(stdout, o, &it->to, indent);
            break;
        case SCORE_UNSTATED:
            printf("%snot in the text", indent);
            for (size_t k = 0; k < it->n_elsewhere; k++)
                printf("%s%s", k ? ", " : "; stated in ", o->papers[it->elsewhere[k]].id.s);
            fputc('\n', stdout);
            break;
        default:
            for (size_t k = 0; k < it->n_evidence; k++) {
                if (it->verdict != SCORE_STATED) {
                    printf("%sthe text: ", indent);
                    text_relation(stdout, o, it->evidence[k]);
                    fputc('\n', stdout);
                }
                text_quotes(stdout, o, it->evidence[k], indent, &st);
            }
        }
    }
    printf("\n%zu stated, %zu reversed, %zu other-kind, %zu unstated, %zu unknown-concept\n",
           s->counts[SCORE_STATED], s->counts[SCORE_REVERSED], s->counts[SCORE_OTHER_KIND],
           s->counts[SCORE_UNSTATED], s->counts[SCORE_UNKNOWN_CONCEPT]);
    if (isnan(s->precision))
        printf("precision -");
    else
        printf("precision %.2f (%zu of %zu)", s->precision, s->counts[SCORE_STATED], s->resolved);
    if (isnan(s->recall))
        printf(", recall -\n");
    else
        printf(", recall %.2f (%zu of %zu)\n", s->recall, s->matched, s->curated);
    const score_structure *ss = &s->structure;
    printf("structure (Novak-Gowin): %zu valid, %zu level%s, %zu cross-link%s: score %zu\n",
           ss->valid, ss->levels, ss->levels == 1 ? "" : "s", ss->cross_links,
           ss->cross_links == 1 ? "" : "s", ss->score);
    if (r->map->n_isolated) {
        printf("concepts without a proposition:");
        for (size_t i = 0; i < r->map->n_isolated; i++) {
            fputs(i ? ", " : " ", stdout);
            cli_text(stdout, r->map->isolated[i]);
        }
        fputc('\n', stdout);
    }
    size_t n = s->n_missed < key ? s->n_missed : key;
    if (n) {
        printf("\n%skey propositions missed%s (%zu of %zu missed, most central first)\n", st.head,
               st.reset, n, s->n_missed);
        for (size_t i = 0; i < n; i++) {
            fputs("  ", stdout);
            text_relation(stdout, o, s->missed[i]);
            fputc('\n', stdout);
            text_quotes(stdout, o, s->missed[i], "      ", &st);
        }
    }
    return CKG_OK;
}

typedef struct doc {
    const ckg_ontology *o;
    const score_result *r;
    size_t key;
} doc;

static int write_md(const void *arg, FILE *f)
{
    const doc *d = arg;
    return score_write_md(d->o, d->r, d->key, f);
}

int cmd_score(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"paper", required_argument, NULL, 'p'},  {"all", no_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'}, {"key", required_argument, NULL, 'k'},
        {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *paper = NULL, *format = "text", *output = NULL;
    unsigned long key = 5;
    int all = 0, opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "p:af:k:o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'p': paper = optarg; break;
        case 'a': all = 1; break;
        case 'f':
            if (strcmp(optarg, "text") && strcmp(optarg, "md") && strcmp(optarg, "json"))
                return cli_usage_error(c, "score", "unknown format '%s' (text, md or json)", optarg);
            format = optarg;
            break;
        case 'k':
            if (cli_count_arg(c, "score", "--key", optarg, 100000, &key) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (paper && all)
        return cli_usage_error(c, "score", "--paper and --all exclude each other");
    if (optind >= argc)
        return cli_usage_error(c, "score", "which map? (see 'ckg score --help')");
    if (argc - optind > 1)
        return cli_usage_error(c, "score", "unexpected argument '%s'", argv[optind + 1]);
    if (strcmp(format, "text") == 0 && output)
        return cli_usage_error(c, "score", "-o writes md or json (--format); text is for the terminal");

    int code, rc;
    diag_list diags, map_diags;
    diag_list_init(&diags);
    diag_list_init(&map_diags);
    ckg_ontology *o = NULL;
    cmap *m = NULL;
    prop_list *l = NULL;
    phrase_table *t = NULL;
    score_result *r = NULL;
    prop_scope scope;
    if ((code = cli_load_with(c, NULL, &o, 0, &diags)) != EXIT_OK ||
        (code = teach_scope_arg(c, "score", o, paper, NULL, &scope)) != EXIT_OK)
        goto out;
    rc = cmap_read(argv[optind], &map_diags, &m);
    cli_print_diags(c, &map_diags);
    if (rc != CKG_OK) {
        fprintf(stderr, "ckg score: ");
        cli_fputs_safe(stderr, argv[optind]);
        fprintf(stderr, ": %s\n", rc == CKG_EINVALID ? "the map cannot be read (errors above)"
                                                     : ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    if ((code = teach_collect(c, "score", o, &scope, PROP_ORDER_TEXT, &l)) != EXIT_OK)
        goto out;
    if ((rc = phrase_table_build(o, &t)) != CKG_OK || (rc = score_map(o, m, l, t, &diags, &r)) != CKG_OK) {
        cli_print_diags(c, &diags);
        fprintf(stderr, "ckg score: %s\n", ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    if (strcmp(format, "json") == 0) {
        json_t *j = NULL;
        score_json(o, r, key, &j);
        code = teach_write_json(c, "score", output, j);
    } else if (strcmp(format, "md") == 0) {
        doc d = {o, r, key};
        code = teach_write(c, "score", output, write_md, &d);
    } else {
        code = cli_exit_code(print_text(c, o, r, key));
    }
out:
    score_free(r);
    phrase_table_free(t);
    cmap_free(m);
    prop_list_free(l);
    ontology_free(o);
    diag_list_free(&map_diags);
    diag_list_free(&diags);
    return code;
}
