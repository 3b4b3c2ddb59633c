/* lookup.c — command-line arguments that name things in the ontology (concepts, papers and
 * sections, kinds, themes, measures), each failing with a message that helps. */
#include "ckg/metrics.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "cli.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

static void prefix(const cli *c, const char *cmd)
{
    fprintf(stderr, "%s %s: ", c->program, cmd);
}

/* Prints " (did you mean 'a', 'b'?)" for the suggestions, or nothing. */
static void did_you_mean(const char *const *s, size_t n)
{
    if (!n)
        return;
    fprintf(stderr, " (did you mean ");
    for (size_t i = 0; i < n; i++) {
        fprintf(stderr, "%s'", i ? ", " : "");
        cli_fputs_safe(stderr, s[i]);
        fputc('\'', stderr);
    }
    fprintf(stderr, "?)");
}

int cli_concept_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                    int32_t *out)
{
    names_result r;
    *out = -1;
    if (names_resolve_once(o, name, &r) != CKG_OK)
        return cli_status_error(c, cmd, CKG_ENOMEM);
    if (r.verdict == NAMES_FOUND) {
        *out = r.concepts[0];
        return EXIT_OK;
    }
    prefix(c, cmd);
    if (r.verdict == NAMES_UNKNOWN && !r.n_containing) {
        fputs("unknown concept '", stderr);
        cli_fputs_safe(stderr, name);
        fputc('\'', stderr);
        did_you_mean(r.suggestions, r.n_suggestions);
        fprintf(stderr, "\n");
        return EXIT_INVALID;
    }
    if (r.verdict == NAMES_UNKNOWN) {
        /* the names that contain it first: typing part of a name is the common case */
        fputs("unknown concept '", stderr);
        cli_fputs_safe(stderr, name);
        fprintf(stderr, "'\n  in the name%s of %zu concept%s: ", r.containing_total == 1 ? "" : "s",
                r.containing_total, r.containing_total == 1 ? "" : "s");
        for (size_t i = 0; i < r.n_containing; i++) {
            fputs(i ? ", " : "", stderr);
            cli_fputs_safe(stderr, r.containing_names[i]);
        }
        if (r.containing_total > r.n_containing) {
            fprintf(stderr, ", ... (%zu of %zu; 'ckg search ", r.n_containing, r.containing_total);
            cli_fputs_safe(stderr, name);
            fputs("' lists them all)", stderr);
        }
        fputc('\n', stderr);
        if (r.n_suggestions) {
            fputs("  did you mean ", stderr);
            for (size_t i = 0; i < r.n_suggestions; i++) {
                fprintf(stderr, "%s'", i ? ", " : "");
                cli_fputs_safe(stderr, r.suggestions[i]);
                fputc('\'', stderr);
            }
            fputs("?\n", stderr);
        }
        return EXIT_INVALID;
    }
    fprintf(stderr, "'%s' is ambiguous: it names %zu concepts\n", name, r.n);
    size_t wid = 0, wzh = 0;
    for (size_t i = 0; i < r.n; i++) {
        const ckg_concept *k = &o->concepts[r.concepts[i]];
        size_t a = cli_width(k->id.s), b = cli_width(k->zh.s);
        wid = a > wid ? a : wid;
        wzh = b > wzh ? b : wzh;
    }
    for (size_t i = 0; i < r.n; i++) {
        const ckg_concept *k = &o->concepts[r.concepts[i]];
        fprintf(stderr, "  ");
        cli_cell(stderr, k->id.s, wid, TEXT_ALIGN_LEFT, "", "");
        fprintf(stderr, "  ");
        cli_cell(stderr, k->zh.s, wzh, TEXT_ALIGN_LEFT, "", "");
        fprintf(stderr, "  ");
        cli_fputs_safe(stderr, k->en.s);
        fprintf(stderr, "  (");
        cli_fputs_safe(stderr, k->theme.s);
        fprintf(stderr, ")\n");
    }
    fprintf(stderr, "name one of them by its id, e.g. 'ckg %s %s'\n", cmd,
            o->concepts[r.concepts[0]].id.s);
    return EXIT_INVALID;
}

/* "a, b, c" (or, with last " or ", "a, b or c") of the n names (at most 12, then "..."),
 * to stderr. */
static void name_list(const char *const *names, size_t n, const char *last)
{
    for (size_t i = 0; i < n && i < 12; i++) {
        fputs(i == 0 ? "" : i + 1 == n ? last : ", ", stderr);
        cli_fputs_safe(stderr, names[i]);
    }
    if (n > 12)
        fputs(", ...", stderr);
}

int cli_paper_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *id,
                  int32_t *out)
{
    names_result r;
    *out = -1;
    if (names_paper(o, id, &r) != CKG_OK)
        return cli_status_error(c, cmd, CKG_ENOMEM);
    if (r.verdict == NAMES_FOUND) {
        *out = r.concepts[0];
        return EXIT_OK;
    }
    const char **ids = malloc((o->n_papers ? o->n_papers : 1) * sizeof *ids);
    if (!ids)
        return cli_status_error(c, cmd, CKG_ENOMEM);
    prefix(c, cmd);
    if (r.verdict == NAMES_AMBIGUOUS) {
        for (size_t i = 0; i < r.n; i++)
            ids[i] = o->papers[r.concepts[i]].id.s;
        fputs("paper '", stderr);
        cli_fputs_safe(stderr, id);
        fputs("' could be ", stderr);
        name_list(ids, r.n, " or ");
        fputs(" (give more of its id)\n", stderr);
    } else {
        for (size_t i = 0; i < o->n_papers; i++)
            ids[i] = o->papers[i].id.s;
        fputs("unknown paper '", stderr);
        cli_fputs_safe(stderr, id);
        fputc('\'', stderr);
        did_you_mean(r.suggestions, r.n_suggestions);
        fputs(o->n_papers ? "; the papers: " : "; the ontology has no papers", stderr);
        name_list(ids, o->n_papers, ", ");
        fputs(o->n_papers ? " (see 'ckg papers')\n" : "\n", stderr);
    }
    free(ids);
    return EXIT_INVALID;
}

/* pp's section named section, by id or the start of it (NULL: the whole paper), into *out
 * (-1 for none); fails listing them. */
static int section_arg(const cli *c, const char *cmd, const ckg_paper *pp, const char *section,
                       int32_t *out)
{
    names_result r;
    *out = -1;
    if (!section)
        return EXIT_OK;
    if (pp->n_sections && names_section(pp, section, &r) != CKG_OK)
        return cli_status_error(c, cmd, CKG_ENOMEM);
    if (pp->n_sections && r.verdict == NAMES_FOUND) {
        *out = r.concepts[0];
        return EXIT_OK;
    }
    prefix(c, cmd);
    if (!pp->n_sections) {
        fprintf(stderr, "paper '%s' has no sections; name it as '%s'\n", pp->id.s, pp->id.s);
        return EXIT_INVALID;
    }
    fprintf(stderr, "paper '%s' has no section '", pp->id.s);
    cli_fputs_safe(stderr, section);
    fputc('\'', stderr);
    if (r.verdict == NAMES_AMBIGUOUS)
        fputs(" (it starts several)", stderr);
    did_you_mean(r.suggestions, r.n_suggestions);
    fprintf(stderr, "; its sections:");
    for (size_t i = 0; i < pp->n_sections; i++)
        fprintf(stderr, "%s%s/%s", i ? ", " : " ", pp->id.s, pp->sections[i].id.s);
    fprintf(stderr, "\n");
    return EXIT_INVALID;
}

int cli_scope_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *text,
                  graph_scope *out)
{
    const char *slash = strchr(text, '/');
    size_t len = slash ? (size_t)(slash - text) : strlen(text);
    char *paper = strndup(text, len);
    int32_t p, s;
    int code = paper ? cli_paper_arg(c, cmd, o, paper, &p) : EXIT_INVALID;
    free(paper);
    if (code != EXIT_OK || (code = section_arg(c, cmd, &o->papers[p], slash ? slash + 1 : NULL,
                                               &s)) != EXIT_OK)
        return code;
    const ckg_paper *pp = &o->papers[p];
    *out = (graph_scope){pp->id.s, s >= 0 ? pp->sections[s].id.s : NULL};
    return EXIT_OK;
}

int cli_scope_indexes(const cli *c, const char *cmd, const ckg_ontology *o,
                      const graph_scope *scope, int32_t *paper, int32_t *section)
{
    *paper = *section = -1;
    if (scope->section && !scope->paper)
        return cli_usage_error(c, cmd, "--section needs --paper");
    if (!scope->paper)
        return EXIT_OK;
    int code = cli_paper_arg(c, cmd, o, scope->paper, paper);
    if (code != EXIT_OK)
        return code;
    return section_arg(c, cmd, &o->papers[*paper], scope->section, section);
}

int cli_scope_options(const cli *c, const char *cmd, const ckg_ontology *o, graph_scope *scope)
{
    int32_t p, s;
    int code = cli_scope_indexes(c, cmd, o, scope, &p, &s);
    if (code != EXIT_OK || p < 0)
        return code;
    const ckg_paper *pp = &o->papers[p];
    *scope = (graph_scope){pp->id.s, s >= 0 ? pp->sections[s].id.s : NULL};
    return EXIT_OK;
}

int cli_measure_arg(const cli *c, const char *cmd, const char *name, int rankable,
                    metrics_measure *out)
{
    if (metrics_measure_from_name(name, out) == CKG_OK) {
        if (rankable && *out == METRICS_COMMUNITY)
            return cli_usage_error(c, cmd, "communities are labels, not quantities: they "
                                           "cannot be ranked or correlated");
        return EXIT_OK;
    }
    const char *names[METRICS_N_MEASURES], *best;
    size_t n = 0;
    for (int k = 0; k < METRICS_N_MEASURES; k++) {
        if (!rankable || k != METRICS_COMMUNITY)
            names[n++] = metrics_measure_name((metrics_measure)k);
    }
    if (suggest_closest(name, names, n, &best, 1))
        return cli_usage_error(c, cmd, "unknown measure '%s' (did you mean '%s'?)", name, best);
    return cli_usage_error(c, cmd, "unknown measure '%s' (see 'ckg %s --help')", name, cmd);
}

int cli_parse_rankable_measure(const cli *c, const char *cmd, const char *value, void *dest)
{
    return cli_measure_arg(c, cmd, value, 1, dest);
}

/* The id, zh and en names of item i of one of the ontology's lists, into three[0..3). */
typedef void (*names_of_fn)(const ckg_ontology *o, size_t i, const char **three);

static void kind_names(const ckg_ontology *o, size_t i, const char **three)
{
    three[0] = o->kinds[i].id.s;
    three[1] = o->kinds[i].zh.s;
    three[2] = o->kinds[i].en.s;
}

/* Finds name among the folded names of n items (three per item: id, zh, en); fails with
 * suggestions over them. */
static int named_arg(const cli *c, const char *cmd, const char *what, const ckg_ontology *o,
                     size_t n, names_of_fn names_of, const char *name, int32_t *out)
{
    const char **names = malloc((3 * n + 1) * sizeof *names);
    *out = -1;
    if (!names)
        return cli_status_error(c, cmd, CKG_ENOMEM);
    for (size_t i = 0; i < n; i++)
        names_of(o, i, names + 3 * i);
    char *key = text_fold(name);
    for (size_t i = 0; key && i < 3 * n && *out < 0; i++) {
        if (!names[i])
            continue;
        char *f = text_fold(names[i]);
        if (f && strcmp(f, key) == 0)
            *out = (int32_t)(i / 3);
        free(f);
    }
    free(key);
    if (*out >= 0) {
        free(names);
        return EXIT_OK;
    }
    const char *best[3];
    size_t k = suggest_closest(name, names, 3 * n, best, 3);
    prefix(c, cmd);
    fprintf(stderr, "unknown %s '%s'", what, name);
    did_you_mean(best, k);
    fprintf(stderr, "; one of:");
    for (size_t i = 0; i < n; i++) {
        fputc(' ', stderr);
        cli_fputs_safe(stderr, names[3 * i]);
    }
    fprintf(stderr, "\n");
    free(names);
    return EXIT_INVALID;
}

int cli_kind_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                 int32_t *out)
{
    return named_arg(c, cmd, "relation kind", o, o->n_kinds, kind_names, name, out);
}

int cli_theme_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                  int32_t *out)
{
    names_result r;
    *out = -1;
    if (names_theme(o, name, &r) != CKG_OK)
        return cli_status_error(c, cmd, CKG_ENOMEM);
    if (r.verdict == NAMES_FOUND) {
        *out = r.concepts[0];
        return EXIT_OK;
    }
    prefix(c, cmd);
    fputs("unknown theme '", stderr);
    cli_fputs_safe(stderr, name);
    fputc('\'', stderr);
    did_you_mean(r.suggestions, r.n_suggestions);
    fputs(o->n_themes ? "; the themes:" : "; the ontology has no themes", stderr);
    for (size_t i = 0; i < o->n_themes; i++) {
        const ckg_theme *t = &o->themes[i];
        fputs(i ? ", " : " ", stderr);
        cli_fputs_safe(stderr, t->id.s);
        if (t->zh.s) {
            fputc(' ', stderr);
            cli_fputs_safe(stderr, t->zh.s);
        }
    }
    fputs(o->n_themes ? " (see 'ckg themes')\n" : "\n", stderr);
    return EXIT_INVALID;
}

int cli_kinds_arg(const cli *c, const char *cmd, const ckg_ontology *o, const cli_list *values,
                  int32_t *kinds, size_t max, size_t *n)
{
    int code = EXIT_OK;
    for (size_t i = 0; i < values->n && code == EXIT_OK; i++) {
        char *copy = strdup(values->items[i]), *save = NULL;
        if (!copy)
            return cli_status_error(c, cmd, CKG_ENOMEM);
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            int32_t k;
            if ((code = cli_kind_arg(c, cmd, o, tok, &k)) != EXIT_OK)
                break;
            if (*n >= max) {
                code = cli_usage_error(c, cmd, "too many --kind values");
                break;
            }
            kinds[(*n)++] = k;
        }
        free(copy);
    }
    return code;
}
