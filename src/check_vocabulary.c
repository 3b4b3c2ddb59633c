/* check_vocabulary.c — the rules that keep the relation vocabulary consistent (issue 16).
 *
 *  - Phrases: a linking phrase (a kind's zh, en or synonym, its inverse's zh, en or
 *    synonym) names one kind, read one way, only; compared folded as `ckg score` folds a
 *    student's phrase (phrase_fold), so every phrase maps onto one kind and direction.
 *  - Families within a paper: an ordered pair of concepts carries kinds of one family only;
 *    the second relation that breaks this is an error that names the first.
 *  - is_a and broader agree: an is_a relation A -> B needs B among A's broader concepts
 *    (directly or through a chain), and a concept and any of its broader concepts are never
 *    stated as part_of or core_of of each other (a kind is not a part).
 *  - Families across papers: an ordered pair that two papers state in different families is
 *    a warning at the later paper's relation, unless a relation `note` of one of the two
 *    names the other paper (the curator says how the papers differ).
 *
 * Relations whose ends or kind did not resolve, and kinds without a valid family, are
 * skipped: loading has reported them. Nothing here allocates per concept more than once. */
#include "check_internal.h"
#include "ckg/phrase.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "util/array.h"

#include <stdlib.h>
#include <string.h>

/* The family of relation r, or -1. */
static int family_of(const ckg_ontology *o, const ckg_relation *r)
{
    if (r->kind_index < 0 || r->from_index < 0 || r->to_index < 0)
        return -1;
    return o->kinds[r->kind_index].family;
}

static const char *kind_family_name(const ckg_ontology *o, const ckg_relation *r)
{
    return ontology_family_name(o->kinds[r->kind_index].family);
}

/* ---------------------------------------------------------------- phrases */

typedef struct phrase_seen {
    strmap owner;             /* folded phrase -> index into first */
    phrase_of_kind *first;    /* the first phrase of each folded form */
    size_t n, cap;
    char **folded;            /* the keys of owner, freed at the end */
    size_t n_folded, cap_folded;
    const ckg_ontology *o;
    diag_list *diags;
} phrase_seen;

static const char *direction(const phrase_of_kind *p)
{
    return p->inverse ? " (inverse)" : "";
}

/* phrase_each's callback: the phrase against the first one that folds alike. */
static int see_phrase(const phrase_of_kind *p, void *arg)
{
    phrase_seen *ps = arg;
    const ckg_kind *k = &ps->o->kinds[p->kind];
    if (p->source == PHRASE_ID)
        return CKG_OK; /* a name for curators, which any phrase outranks (phrase.h) */
    char *f = phrase_fold(p->phrase->s);
    if (f && !*f) { /* nothing left to compare ("…") */
        free(f);
        return CKG_OK;
    }
    if (!f || ARRAY_GROW(ps->folded, ps->cap_folded, ps->n_folded + 1) != CKG_OK ||
        ARRAY_GROW(ps->first, ps->cap, ps->n + 1) != CKG_OK) {
        free(f);
        return CKG_ENOMEM;
    }
    ps->folded[ps->n_folded++] = f;
    int32_t at;
    if (strmap_put(&ps->owner, f, (int32_t)ps->n, &at) != CKG_OK)
        return CKG_ENOMEM;
    if (at < 0) {
        ps->first[ps->n++] = *p;
        return CKG_OK;
    }
    const phrase_of_kind *q = &ps->first[at];
    const ckg_kind *qk = &ps->o->kinds[q->kind];
    unsigned line = (unsigned)q->phrase->loc.line;
    if (q->kind != p->kind)
        diag_add(ps->diags, DIAG_ERROR, &p->phrase->loc, "phrase '%s' of kind '%s'%s is already a "
                 "phrase of kind '%s'%s (line %u); a linking phrase names one kind only",
                 p->phrase->s, k->id.s, direction(p), qk->id.s, direction(q), line);
    else if (q->inverse != p->inverse)
        diag_add(ps->diags, DIAG_ERROR, &p->phrase->loc, "phrase '%s' of kind '%s'%s is already "
                 "a phrase of kind '%s'%s (line %u); a linking phrase reads one way only",
                 p->phrase->s, k->id.s, direction(p), qk->id.s, direction(q), line);
    else
        diag_add(ps->diags, DIAG_WARNING, &p->phrase->loc, "phrase '%s' repeats a phrase kind "
                 "'%s'%s already has (line %u)", p->phrase->s, k->id.s, direction(p), line);
    return CKG_OK;
}

int check_kind_phrases(const ckg_ontology *o, diag_list *diags)
{
    phrase_seen ps = {.o = o, .diags = diags};
    strmap_init(&ps.owner);
    int rc = phrase_each(o, see_phrase, &ps);
    for (size_t i = 0; i < ps.n_folded; i++)
        free(ps.folded[i]);
    free(ps.folded);
    free(ps.first);
    strmap_free(&ps.owner);
    return rc;
}

/* ---------------------------------------------------------------- families within a paper */

/* One relation in a sort by ordered pair: its ends, its paper, its place. */
typedef struct pair_item {
    int32_t from, to;
    uint32_t paper, index; /* index of the relation in its paper */
} pair_item;

/* Every relation with resolved ends and a kind of known family, sorted by (from, to, paper,
 * place). NULL with *n = 0 when there is none; *rc = CKG_ENOMEM when out of memory.
 *
 * The relations are collected in (paper, place) order, so a stable sort by (from, to) gives
 * that order: two counting sorts, by to and then by from (ends are concept indexes), cost
 * the relations plus the concepts (qsort's comparisons cost 0.33 M instructions on the
 * shipped ontology, this 0.03 M). */
static pair_item *sorted_pairs(const ckg_ontology *o, size_t *n, int *rc)
{
    size_t total = 0, nc = o->n_concepts;
    pair_item *items = NULL, *tmp = NULL;
    size_t *start = NULL;
    *n = 0;
    for (size_t p = 0; p < o->n_papers; p++)
        total += o->papers[p].n_relations;
    items = malloc((total ? total : 1) * sizeof *items);
    tmp = malloc((total ? total : 1) * sizeof *tmp);
    start = malloc((nc + 1) * sizeof *start);
    if (!items || !tmp || !start) {
        *rc = CKG_ENOMEM;
        free(items);
        items = NULL;
        goto out;
    }
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *pp = &o->papers[p];
        for (size_t i = 0; i < pp->n_relations; i++) {
            const ckg_relation *r = &pp->relations[i];
            if (family_of(o, r) < 0)
                continue;
            tmp[(*n)++] = (pair_item){r->from_index, r->to_index, (uint32_t)p, (uint32_t)i};
        }
    }
    for (int pass = 0; pass < 2; pass++) { /* tmp by to into items, then items by from */
        pair_item *src = pass ? items : tmp, *dst = pass ? tmp : items;
        memset(start, 0, (nc + 1) * sizeof *start);
        for (size_t i = 0; i < *n; i++)
            start[(size_t)(pass ? src[i].from : src[i].to) + 1]++;
        for (size_t c = 0; c < nc; c++)
            start[c + 1] += start[c];
        for (size_t i = 0; i < *n; i++)
            dst[start[pass ? src[i].from : src[i].to]++] = src[i];
    }
    pair_item *sorted = tmp; /* the second pass wrote into tmp */
    tmp = items;
    items = sorted;
out:
    free(tmp);
    free(start);
    return items;
}

static const ckg_relation *relation_of(const ckg_ontology *o, const pair_item *it)
{
    return &o->papers[it->paper].relations[it->index];
}

/* Within one group of one paper (items [lo, hi) share from, to and paper, in file order):
 * every relation whose family differs from the first's is an error naming the first. */
static void check_one_paper_pair(const ckg_ontology *o, const pair_item *items, size_t lo,
                                 size_t hi, diag_list *diags)
{
    const ckg_relation *first = relation_of(o, &items[lo]);
    int fam = family_of(o, first);
    for (size_t i = lo + 1; i < hi; i++) {
        const ckg_relation *r = relation_of(o, &items[i]);
        if (family_of(o, r) == fam)
            continue;
        diag_add(diags, DIAG_ERROR, &r->kind.loc,
                 "%s -> %s is %s (%s) here but %s (%s) at line %u: within one paper a pair of "
                 "concepts carries kinds of one family only; keep the reading the passage states",
                 r->from.s, r->to.s, r->kind.s, kind_family_name(o, r), first->kind.s,
                 kind_family_name(o, first), (unsigned)first->loc.line);
    }
}

/* Is any note of relation r (the relation's own, or one of its evidence notes) naming the
 * paper id as a word? */
static int note_names(const ckg_relation *r, const char *id)
{
    if (!id)
        return 0;
    size_t n = strlen(id);
    for (size_t e = 0; e <= r->evidence.n; e++) {
        const char *s = e == 0 ? r->note.s : r->evidence.items[e - 1].note.s;
        for (const char *p = s ? strstr(s, id) : NULL; p; p = strstr(p + 1, id)) {
            int before = p == s || !(p[-1] == '-' || p[-1] == '_' ||
                                     (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
            char c = p[n];
            int after = !(c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
            if (before && after)
                return 1;
        }
    }
    return 0;
}

/* Across papers, within one pair group [lo, hi) sorted by paper: each paper's first
 * relation against every earlier paper's first relation of another family. */
static void check_pair_across_papers(const ckg_ontology *o, const pair_item *items, size_t lo,
                                     size_t hi, diag_list *diags)
{
    for (size_t i = lo; i < hi; i++) {
        if (i > lo && items[i].paper == items[i - 1].paper)
            continue; /* a paper's first relation on the pair speaks for it */
        const ckg_relation *r = relation_of(o, &items[i]);
        const ckg_paper *p = &o->papers[items[i].paper];
        for (size_t j = lo; j < i; j++) {
            if (j > lo && items[j].paper == items[j - 1].paper)
                continue;
            const ckg_relation *q = relation_of(o, &items[j]);
            const ckg_paper *qp = &o->papers[items[j].paper];
            if (family_of(o, q) == family_of(o, r) || note_names(r, qp->id.s) ||
                note_names(q, p->id.s))
                continue;
            diag_add(diags, DIAG_WARNING, &r->kind.loc,
                     "%s -> %s is %s (%s) here but %s (%s) in %s (%s:%u); recode one, or give "
                     "one of them a note naming the other paper that says how they differ",
                     r->from.s, r->to.s, r->kind.s, kind_family_name(o, r), q->kind.s,
                     kind_family_name(o, q), qp->id.s ? qp->id.s : "?", qp->file,
                     (unsigned)q->loc.line);
        }
    }
}

int check_pair_families(const ckg_ontology *o, diag_list *diags)
{
    int rc = CKG_OK;
    size_t n = 0;
    pair_item *items = sorted_pairs(o, &n, &rc);
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        hi = lo + 1;
        while (hi < n && items[hi].from == items[lo].from && items[hi].to == items[lo].to)
            hi++;
        for (size_t a = lo, b; a < hi; a = b) { /* each paper's run */
            b = a + 1;
            while (b < hi && items[b].paper == items[a].paper)
                b++;
            check_one_paper_pair(o, items, a, b, diags);
        }
        check_pair_across_papers(o, items, lo, hi, diags);
    }
    free(items);
    return rc;
}

/* ---------------------------------------------------------------- is_a and broader */

/* Marks with stamp every concept reachable from start through broader links (start not
 * included unless on a cycle). stack holds n_concepts entries. */
static void mark_ancestors(const ckg_ontology *o, int32_t start, uint32_t *mark, uint32_t stamp,
                           int32_t *stack)
{
    size_t depth = 0;
    stack[depth++] = start;
    while (depth) {
        const ckg_concept *c = &o->concepts[stack[--depth]];
        for (size_t b = 0; b < c->broader.n; b++) {
            int32_t w = c->broader_index ? c->broader_index[b] : -1;
            if (w < 0 || mark[w] == stamp)
                continue;
            mark[w] = stamp;
            stack[depth++] = w; /* each concept is pushed once per stamp: depth < n */
        }
    }
}

/* Is b among the broader concepts of a (directly or through a chain)? */
static int is_ancestor(const ckg_ontology *o, int32_t a, int32_t b, uint32_t *mark,
                       uint32_t *stamp, int32_t *stack)
{
    ++*stamp;
    mark_ancestors(o, a, mark, *stamp, stack);
    return mark[b] == *stamp;
}

static const ckg_kind *kind_named(const ckg_ontology *o, const char *id)
{
    const ckg_kind *k = ontology_kind(o, id);
    return k;
}

int check_is_a_broader(const ckg_ontology *o, diag_list *diags)
{
    int rc = CKG_OK;
    size_t n = o->n_concepts ? o->n_concepts : 1;
    uint32_t *mark = calloc(n, sizeof *mark), stamp = 0;
    int32_t *stack = malloc(n * sizeof *stack);
    const ckg_kind *is_a = kind_named(o, "is_a");
    if (!mark || !stack) {
        rc = CKG_ENOMEM;
        goto out;
    }
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *pp = &o->papers[p];
        for (size_t i = 0; i < pp->n_relations; i++) {
            const ckg_relation *r = &pp->relations[i];
            if (family_of(o, r) != CKG_FAMILY_STRUCTURE || r->from_index == r->to_index)
                continue;
            const ckg_kind *k = &o->kinds[r->kind_index];
            const ckg_concept *from = &o->concepts[r->from_index], *to = &o->concepts[r->to_index];
            if (k == is_a) {
                if (!is_ancestor(o, r->from_index, r->to_index, mark, &stamp, stack))
                    diag_add(diags, DIAG_ERROR, &r->kind.loc,
                             "%s is_a %s, but %s is not among the broader concepts of %s (%s:%u): "
                             "add it to broader there, or choose the kind the passage states",
                             r->from.s, r->to.s, r->to.s, r->from.s, from->loc.file,
                             (unsigned)from->loc.line);
                continue;
            }
            /* a part or a core of B that the hierarchy makes a kind of B (or B a kind of it) */
            const ckg_concept *narrow = NULL, *wide = NULL;
            if (is_ancestor(o, r->from_index, r->to_index, mark, &stamp, stack))
                narrow = from, wide = to;
            else if (is_ancestor(o, r->to_index, r->from_index, mark, &stamp, stack))
                narrow = to, wide = from;
            if (narrow)
                diag_add(diags, DIAG_ERROR, &r->kind.loc,
                         "%s %s %s, but the concepts make %s a kind of %s (broader, %s:%u): a "
                         "kind is not a part; drop the broader link or code is_a",
                         r->from.s, r->kind.s, r->to.s, narrow->id.s, wide->id.s,
                         narrow->loc.file, (unsigned)narrow->loc.line);
        }
    }
out:
    free(mark);
    free(stack);
    return rc;
}
