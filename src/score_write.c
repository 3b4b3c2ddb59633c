/* score_write.c — a scored map as documents: the Markdown feedback sheet and JSON (shapes in
 * score.h). Labels come from a student's file and names from the ontology: both are escaped
 * for the format. */
#include "ckg/score.h"
#include "ckg/status.h"
#include "teach_format.h"

#include <math.h>
#include <string.h>

const char *score_verdict_zh(score_verdict v)
{
    switch (v) {
    case SCORE_STATED: return "文中有据";
    case SCORE_REVERSED: return "方向相反";
    case SCORE_OTHER_KIND: return "关系不同";
    case SCORE_UNSTATED: return "文中未述";
    default: return "概念未识别";
    }
}

static void md_relation(FILE *f, const ckg_ontology *o, const proposition *p)
{
    fputs("**", f);
    teach_md(f, o->concepts[p->from].zh.s);
    fputs("** —", f);
    teach_md(f, o->kinds[p->kind].zh.s);
    fputs("→ **", f);
    teach_md(f, o->concepts[p->to].zh.s);
    fputs("**", f);
}

static void md_quotes(FILE *f, const ckg_ontology *o, const proposition *p)
{
    for (size_t i = 0; i < p->n_quotes; i++) {
        char place[96];
        fprintf(f, "   > %s 「", teach_quote_place(o, &p->quotes[i], place, sizeof place));
        teach_md(f, p->quotes[i].evidence->quote.s);
        fputs("」  \n", f);
    }
}

static void md_names(FILE *f, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs(i ? "、" : "", f);
        teach_md(f, names[i]);
    }
}

static void md_end(FILE *f, const ckg_ontology *o, const score_end *e)
{
    if (e->concept >= 0)
        return;
    fputs("   「", f);
    teach_md(f, e->label);
    if (e->names.verdict == NAMES_AMBIGUOUS) {
        fputs("」 names several concepts: ", f);
        for (size_t i = 0; i < e->names.n; i++) {
            fputs(i ? "、" : "", f);
            teach_md(f, o->concepts[e->names.concepts[i]].zh.s);
        }
        fputs("  \n", f);
    } else if (e->names.n_suggestions) {
        fputs("」 is no concept of the papers; did you mean ", f);
        md_names(f, e->names.suggestions, e->names.n_suggestions);
        fputs("?  \n", f);
    } else {
        fputs("」 is no concept of the papers  \n", f);
    }
}

static void md_item(FILE *f, const ckg_ontology *o, const score_result *r, size_t i)
{
    const score_item *it = &r->items[i];
    fprintf(f, "%zu. **", i + 1);
    teach_md(f, it->prop->from);
    fputs("** —", f);
    teach_md(f, it->prop->phrase);
    fputs("→ **", f);
    teach_md(f, it->prop->to);
    fprintf(f, "** — %s %s", score_verdict_zh(it->verdict), score_verdict_name(it->verdict));
    if (it->prop->loc.line)
        fprintf(f, " (line %u)", (unsigned)it->prop->loc.line);
    fputs("  \n", f);
    if (it->verdict != SCORE_UNKNOWN_CONCEPT && it->phrase.source == PHRASE_UNRECOGNISED)
        fputs("   the linking phrase is not one ckg knows: it was compared with every kind  \n", f);
    else if (it->phrase.inverse) {
        fputs("   read the other way round: the phrase is the inverse of ", f);
        teach_md(f, o->kinds[it->phrase.kind].zh.s);
        fputs("  \n", f);
    }
    switch (it->verdict) {
    case SCORE_UNKNOWN_CONCEPT:
        md_end(f, o, &it->from);
        md_end(f, o, &it->to);
        break;
    case SCORE_UNSTATED:
        fputs("   not in the text (a teacher may still accept it)", f);
        if (it->n_elsewhere) {
            fputs("; stated in ", f);
            for (size_t k = 0; k < it->n_elsewhere; k++) {
                fputs(k ? ", " : "", f);
                teach_md(f, o->papers[it->elsewhere[k]].id.s);
            }
        }
        fputs("  \n", f);
        break;
    default:
        if (it->verdict == SCORE_REVERSED)
            fputs("   the text states it the other way round:  \n", f);
        else if (it->verdict == SCORE_OTHER_KIND)
            fputs("   the text relates them differently:  \n", f);
        for (size_t k = 0; k < it->n_evidence; k++) {
            if (score_names_relation(it, k)) {
                fputs("   ", f);
                md_relation(f, o, it->evidence[k]);
                fputs("  \n", f);
            }
            md_quotes(f, o, it->evidence[k]);
        }
    }
    fputc('\n', f);
}

static void md_ratio(FILE *f, double v)
{
    if (isnan(v))
        fputs("-", f);
    else
        fprintf(f, "%.2f", v);
}

int score_write_md(const ckg_ontology *o, const score_result *r, size_t key, FILE *f)
{
    const score_summary *s = &r->summary;
    char scope[256];
    teach_scope_name(o, &r->props->scope, scope, sizeof scope);
    fputs("# 概念图反馈 · Concept map feedback\n\n", f);
    fputs("Map `", f);
    teach_md(f, r->map->file);
    fprintf(f, "` compared with the propositions of %s (%zu).\n\n",
            r->props->scope.paper < 0 ? "all papers" : scope, s->curated);
    fputs("| verdict | | propositions |\n|---|---|---:|\n", f);
    for (int v = 0; v < SCORE_N_VERDICTS; v++)
        fprintf(f, "| %s | %s | %zu |\n", score_verdict_name((score_verdict)v),
                score_verdict_zh((score_verdict)v), s->counts[v]);
    fputs("\nPrecision ", f);
    md_ratio(f, s->precision);
    fprintf(f, " (%zu stated of %zu propositions whose concepts resolve); recall ",
            s->counts[SCORE_STATED], s->resolved);
    md_ratio(f, s->recall);
    fprintf(f, " (%zu of the %zu propositions of the text).\n\n", s->matched, s->curated);
    const score_structure *st = &s->structure;
    fprintf(f, "Structure (Novak–Gowin): %zu valid proposition%s, %zu level%s of hierarchy, "
               "%zu cross-link%s: %zu + 5 × %zu + 10 × %zu = **%zu**",
            st->valid, st->valid == 1 ? "" : "s", st->levels, st->levels == 1 ? "" : "s",
            st->cross_links, st->cross_links == 1 ? "" : "s", st->valid, st->levels,
            st->cross_links, st->score);
    if (st->root >= 0) {
        fputs(" (root: ", f);
        teach_md(f, o->concepts[st->root].zh.s);
        fputs(")", f);
    }
    fputs(".\n\n## 你的命题 · Your propositions\n\n", f);
    for (size_t i = 0; i < r->n; i++)
        md_item(f, o, r, i);
    if (r->map->n_isolated) {
        fputs("Concepts drawn without a proposition: ", f);
        md_names(f, r->map->isolated, r->map->n_isolated);
        fputs("\n\n", f);
    }
    size_t n = s->n_missed < key ? s->n_missed : key;
    if (n) {
        fprintf(f, "## 遗漏的关键命题 · Key propositions missed (%zu of %zu missed)\n\n", n,
                s->n_missed);
        for (size_t i = 0; i < n; i++) {
            fprintf(f, "%zu. ", i + 1);
            md_relation(f, o, s->missed[i]);
            fputs("  \n   ", f);
            teach_md(f, s->missed[i]->zh);
            fputs("  \n", f);
            md_quotes(f, o, s->missed[i]);
            fputc('\n', f);
        }
    }
    return teach_stream_status(f);
}

int score_write(const ckg_ontology *o, const score_result *r, score_format fmt, size_t key,
                FILE *f)
{
    json_t *doc = NULL;
    if (fmt == SCORE_MD)
        return score_write_md(o, r, key, f);
    int rc = score_json(o, r, key, &doc); /* before doc is read */
    return teach_write_json(rc, doc, f);
}

/* ---------------------------------------------------------------- JSON */

static json_t *id_or_null(const ckg_ontology *o, int32_t c)
{
    return c >= 0 ? json_string(o->concepts[c].id.s) : json_null();
}

static json_t *ratio(double v)
{
    return isnan(v) ? json_null() : json_real(v);
}

static json_t *strings(const char *const *s, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        if (json_array_append_new(a, json_string(s[i]))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *evidence(const ckg_ontology *o, const score_item *it)
{
    json_t *a = json_array();
    for (size_t k = 0; a && k < it->n_evidence; k++) {
        json_t *q = teach_json_quotes(o, it->evidence[k], 1);
        if (!q || json_array_extend(a, q)) {
            json_decref(q);
            json_decref(a);
            return NULL;
        }
        json_decref(q);
    }
    return a;
}

static json_t *item_json(const ckg_ontology *o, const score_item *it)
{
    json_t *elsewhere = json_array();
    for (size_t k = 0; elsewhere && k < it->n_elsewhere; k++) {
        if (json_array_append_new(elsewhere, json_string(o->papers[it->elsewhere[k]].id.s))) {
            json_decref(elsewhere);
            elsewhere = NULL;
        }
    }
    json_t *e = json_pack(
        "{s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:b, s:b, s:o, s:{s:o, s:o}, s:o}",
        "from_label", it->prop->from, "phrase", it->prop->phrase, "to_label", it->prop->to,
        "from", id_or_null(o, it->from.concept), "to", id_or_null(o, it->to.concept), "verdict",
        score_verdict_name(it->verdict), "line",
        it->prop->loc.line ? json_integer(it->prop->loc.line) : json_null(), "kind",
        it->phrase.kind >= 0 ? json_string(o->kinds[it->phrase.kind].id.s) : json_null(),
        "phrase_recognised", it->phrase.source != PHRASE_UNRECOGNISED, "inverse",
        it->phrase.inverse, "evidence", evidence(o, it), "suggestions", "from",
        strings(it->from.names.suggestions, it->from.concept < 0 ? it->from.names.n_suggestions : 0),
        "to", strings(it->to.names.suggestions, it->to.concept < 0 ? it->to.names.n_suggestions : 0),
        "elsewhere", elsewhere);
    return e;
}

int score_json(const ckg_ontology *o, const score_result *r, size_t key, json_t **out)
{
    const score_summary *s = &r->summary;
    const score_structure *st = &s->structure;
    char scope[256];
    *out = NULL;
    json_t *props = json_array(), *missed = json_array();
    size_t n = s->n_missed < key ? s->n_missed : key;
    for (size_t i = 0; props && i < r->n; i++) {
        json_t *e = item_json(o, &r->items[i]);
        if (!e || json_array_append_new(props, e)) {
            json_decref(props);
            props = NULL;
        }
    }
    for (size_t i = 0; missed && i < n; i++) {
        const proposition *p = s->missed[i];
        json_t *e = json_pack("{s:s, s:s, s:s, s:{s:s, s:s}, s:o}", "from",
                              o->concepts[p->from].id.s, "kind", o->kinds[p->kind].id.s, "to",
                              o->concepts[p->to].id.s, "text", "zh", p->zh, "en", p->en,
                              "evidence", teach_json_quotes(o, p, 0));
        if (!e || json_array_append_new(missed, e)) {
            json_decref(missed);
            missed = NULL;
        }
    }
    json_t *root = json_pack(
        "{s:s, s:s, s:o, s:{s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:I, s:I, s:I, s:I, s:o, "
        "s:{s:I, s:I, s:I, s:I, s:o}}, s:o}",
        "map", r->map->file, "scope", teach_scope_name(o, &r->props->scope, scope, sizeof scope),
        "propositions", props, "summary", "stated", (json_int_t)s->counts[SCORE_STATED],
        "reversed", (json_int_t)s->counts[SCORE_REVERSED], "other_kind",
        (json_int_t)s->counts[SCORE_OTHER_KIND], "unstated", (json_int_t)s->counts[SCORE_UNSTATED],
        "unknown", (json_int_t)s->counts[SCORE_UNKNOWN_CONCEPT], "precision", ratio(s->precision),
        "recall", ratio(s->recall), "propositions", (json_int_t)s->propositions, "resolved",
        (json_int_t)s->resolved, "curated", (json_int_t)s->curated, "matched",
        (json_int_t)s->matched, "key_missed", missed, "structure", "valid", (json_int_t)st->valid,
        "levels", (json_int_t)st->levels, "cross_links", (json_int_t)st->cross_links, "score",
        (json_int_t)st->score, "root", id_or_null(o, st->root), "isolated",
        strings(r->map->isolated, r->map->n_isolated));
    if (!root)
        return CKG_ENOMEM;
    *out = root;
    return CKG_OK;
}
