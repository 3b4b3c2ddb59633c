/* view_score.c — the text of `ckg score`: each proposition of the student's map with its
 * line, verdict and evidence (or what the text states instead, or the labels it could not
 * resolve), then the counts, precision, recall, the structural score, the concepts drawn
 * without a proposition and the key propositions missed. */
#include "ckg/status.h"
#include "cli.h"

#include <math.h>

enum { VERDICT_COLS = 17 };

static const char INDENT[] = "                         ";

static void relation(const ckg_ontology *o, const proposition *p)
{
    cli_text(stdout, o->concepts[p->from].zh.s);
    fputs(" —", stdout);
    cli_text(stdout, o->kinds[p->kind].zh.s);
    fputs("→ ", stdout);
    cli_text(stdout, o->concepts[p->to].zh.s);
}

static void quotes(const ckg_ontology *o, const proposition *p, const char *indent,
                   const cli_style *st)
{
    char place[96];
    for (size_t i = 0; i < p->n_quotes; i++) {
        const prop_quote *q = &p->quotes[i];
        printf("%s%s%s%s  ", indent, st->dim,
               cli_quote_place(o->papers[q->paper].id.s, q->line, q->line, place, sizeof place),
               st->reset);
        cli_text(stdout, q->evidence->quote.s);
        fputc('\n', stdout);
    }
}

/* Why a label resolves to no concept: the candidates, or did-you-mean. */
static void unknown(const ckg_ontology *o, const score_end *e)
{
    if (e->concept >= 0)
        return;
    printf("%s'", INDENT);
    cli_text(stdout, e->label);
    if (e->names.verdict == NAMES_AMBIGUOUS) {
        fputs("' names several concepts:", stdout);
        for (size_t i = 0; i < e->names.n; i++) {
            fputs(i ? ", " : " ", stdout);
            cli_text(stdout, o->concepts[e->names.concepts[i]].id.s);
        }
    } else {
        fputs("' is no concept", stdout);
        for (size_t i = 0; i < e->names.n_suggestions; i++) {
            fputs(i ? ", '" : " (did you mean '", stdout);
            cli_text(stdout, e->names.suggestions[i]);
            fputc('\'', stdout);
        }
        if (e->names.n_suggestions)
            fputs("?)", stdout);
    }
    fputc('\n', stdout);
}

static void item(const ckg_ontology *o, const score_item *it, const cli_style *st)
{
    if (it->prop->loc.line)
        printf("%6u  ", (unsigned)it->prop->loc.line);
    else
        printf("%6s  ", "-");
    cli_cell(stdout, score_verdict_name(it->verdict), VERDICT_COLS, TEXT_ALIGN_LEFT,
             it->verdict == SCORE_STATED ? st->bold : st->match, st->reset);
    cli_text(stdout, it->prop->from);
    fputs(" —", stdout);
    cli_text(stdout, it->prop->phrase);
    fputs("→ ", stdout);
    cli_text(stdout, it->prop->to);
    if (it->verdict != SCORE_UNKNOWN_CONCEPT && it->phrase.source == PHRASE_UNRECOGNISED)
        printf("  %s(phrase not recognised: compared with every kind)%s", st->dim, st->reset);
    else if (it->verdict != SCORE_UNKNOWN_CONCEPT && it->phrase.inverse)
        printf("  %s(inverse phrase: read the other way round)%s", st->dim, st->reset);
    fputc('\n', stdout);
    switch (it->verdict) {
    case SCORE_UNKNOWN_CONCEPT:
        unknown(o, &it->from);
        unknown(o, &it->to);
        break;
    case SCORE_UNSTATED:
        printf("%snot in the text", INDENT);
        for (size_t k = 0; k < it->n_elsewhere; k++) {
            fputs(k ? ", " : "; stated in ", stdout);
            cli_text(stdout, o->papers[it->elsewhere[k]].id.s);
        }
        fputc('\n', stdout);
        break;
    default:
        for (size_t k = 0; k < it->n_evidence; k++) {
            if (score_names_relation(it, k)) {
                printf("%sthe text: ", INDENT);
                relation(o, it->evidence[k]);
                fputc('\n', stdout);
            }
            quotes(o, it->evidence[k], INDENT, st);
        }
    }
}

static void summary(const ckg_ontology *o, const score_result *r, size_t key,
                    const cli_style *st)
{
    const score_summary *s = &r->summary;
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
    if (!n)
        return;
    printf("\n%skey propositions missed%s (%zu of %zu missed, most central first)\n", st->head,
           st->reset, n, s->n_missed);
    for (size_t i = 0; i < n; i++) {
        fputs("  ", stdout);
        relation(o, s->missed[i]);
        fputc('\n', stdout);
        quotes(o, s->missed[i], "      ", st);
    }
}

int view_score(const cli *c, const ckg_ontology *o, const score_result *r, size_t key)
{
    cli_style st = cli_style_of(c);
    const prop_scope *sc = &r->props->scope;
    fputs(st.bold, stdout);
    cli_text(stdout, r->map->file);
    printf("%s: %zu proposition%s against ", st.reset, r->n, r->n == 1 ? "" : "s");
    cli_text(stdout, sc->paper >= 0 ? o->papers[sc->paper].id.s : "all");
    printf(" (%zu propositions)\n\n", r->summary.curated);
    for (size_t i = 0; i < r->n; i++)
        item(o, &r->items[i], &st);
    summary(o, r, key, &st);
    return CKG_OK;
}
