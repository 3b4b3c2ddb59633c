/* score.c — verdicts on a student's propositions, precision and recall, the key
 * propositions missed, and the Novak–Gowin structural score (see score.h for the rules).
 *
 * A student's map is small (tens of propositions), the scope's curated propositions a few
 * hundred: each item is compared with every curated proposition by a linear scan, which is
 * simpler than an index and fast enough by orders of magnitude. */
#include "ckg/score.h"
#include "ckg/graph.h"
#include "ckg/metrics.h"
#include "ckg/status.h"
#include "util/array.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *score_verdict_name(score_verdict v)
{
    switch (v) {
    case SCORE_STATED: return "stated";
    case SCORE_REVERSED: return "reversed";
    case SCORE_OTHER_KIND: return "other-kind";
    case SCORE_UNSTATED: return "unstated";
    default: return "unknown-concept";
    }
}

int score_names_relation(const score_item *it, size_t k)
{
    return it->verdict != SCORE_STATED || it->phrase.source == PHRASE_UNRECOGNISED ||
           it->evidence[k]->kind != it->phrase.kind;
}

void score_free(score_result *r)
{
    if (!r)
        return;
    free(r->items);
    arena_free(&r->mem);
    free(r);
}

/* ---------------------------------------------------------------- one proposition */

static int compatible(const ckg_ontology *o, const phrase_match *m, int32_t kind)
{
    return m->source == PHRASE_UNRECOGNISED || phrase_compatible(o, m->kind, kind);
}

static int resolve_end(const names_index *ix, const char *label, score_end *e)
{
    e->label = label;
    e->concept = -1;
    int rc = names_resolve(ix, label, &e->names);
    if (rc == CKG_OK && e->names.verdict == NAMES_FOUND)
        e->concept = e->names.concepts[0];
    return rc;
}

/* Papers outside the scope stating any relation between a and b. */
static int elsewhere(score_result *r, const ckg_ontology *o, score_item *it)
{
    const prop_scope *sc = &r->props->scope;
    int32_t *found = arena_calloc(&r->mem, o->n_papers ? o->n_papers : 1, sizeof *found);
    if (!found)
        return CKG_ENOMEM;
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *pp = &o->papers[p];
        int hit = 0;
        for (size_t i = 0; i < pp->n_relations && !hit; i++) {
            const ckg_relation *rel = &pp->relations[i];
            if (!((rel->from_index == it->a && rel->to_index == it->b) ||
                  (rel->from_index == it->b && rel->to_index == it->a)))
                continue;
            hit = !prop_in_scope(sc, (int32_t)p, &rel->evidence);
        }
        if (hit)
            found[it->n_elsewhere++] = (int32_t)p;
    }
    it->elsewhere = found;
    return CKG_OK;
}

static int judge(score_result *r, const ckg_ontology *o, score_item *it, unsigned char *matched)
{
    const prop_list *pl = r->props;
    if (it->from.concept < 0 || it->to.concept < 0) {
        it->verdict = SCORE_UNKNOWN_CONCEPT;
        it->a = it->b = -1;
        return CKG_OK;
    }
    it->a = it->phrase.inverse ? it->to.concept : it->from.concept;
    it->b = it->phrase.inverse ? it->from.concept : it->to.concept;
    size_t fwd = 0, fwd_ok = 0, rev = 0, rev_ok = 0;
    for (size_t i = 0; i < pl->n; i++) {
        const proposition *p = &pl->items[i];
        if (p->from == it->a && p->to == it->b) {
            fwd++;
            fwd_ok += compatible(o, &it->phrase, p->kind);
        } else if (p->from == it->b && p->to == it->a) {
            rev++;
            rev_ok += compatible(o, &it->phrase, p->kind);
        }
    }
    it->verdict = fwd_ok ? SCORE_STATED
                  : rev_ok ? SCORE_REVERSED
                  : fwd + rev ? SCORE_OTHER_KIND
                              : SCORE_UNSTATED;
    size_t n = it->verdict == SCORE_STATED ? fwd_ok : it->verdict == SCORE_REVERSED ? rev_ok : fwd + rev;
    if (it->verdict == SCORE_UNSTATED)
        return it->a == it->b ? CKG_OK : elsewhere(r, o, it);
    if (!(it->evidence = arena_calloc(&r->mem, n, sizeof *it->evidence)))
        return CKG_ENOMEM;
    for (size_t i = 0; i < pl->n; i++) {
        const proposition *p = &pl->items[i];
        int f = p->from == it->a && p->to == it->b, b = p->from == it->b && p->to == it->a;
        int ok = compatible(o, &it->phrase, p->kind);
        int take = it->verdict == SCORE_STATED     ? f && ok
                   : it->verdict == SCORE_REVERSED ? b && ok
                                                   : f || b;
        if (!take)
            continue;
        it->evidence[it->n_evidence++] = p;
        if (it->verdict == SCORE_STATED)
            matched[i] = 1;
    }
    return CKG_OK;
}

/* ---------------------------------------------------------------- key propositions missed */

typedef struct keyed {
    const proposition *p;
    double key;
    size_t at;
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

static int rank_missed(score_result *r, const ckg_ontology *o, const unsigned char *matched,
                       diag_list *diags)
{
    const prop_list *pl = r->props;
    score_summary *s = &r->summary;
    ckg_graph *g = NULL;
    double *pr = NULL;
    keyed *k = NULL;
    int rc = CKG_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < pl->n; i++)
        n += !matched[i];
    if (!n)
        return CKG_OK;
    graph_scope gs = {NULL, NULL};
    if (pl->scope.paper >= 0) {
        gs.paper = o->papers[pl->scope.paper].id.s;
        if (pl->scope.section >= 0)
            gs.section = o->papers[pl->scope.paper].sections[pl->scope.section].id.s;
    }
    metrics_options mo; /* PageRank as ckg metrics computes it by default */
    metrics_options_default(&mo);
    if ((rc = graph_build(o, &gs, diags, &g)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    if (!(pr = malloc((g->n_vertices ? g->n_vertices : 1) * sizeof *pr)) ||
        (rc = metrics_pagerank(g, mo.weighted, mo.damping, pr)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    if (!(k = malloc(n * sizeof *k)) ||
        !(s->missed = arena_calloc(&r->mem, n, sizeof *s->missed)))
        goto out;
    size_t j = 0;
    for (size_t i = 0; i < pl->n; i++) {
        if (matched[i])
            continue;
        const proposition *p = &pl->items[i];
        int32_t va = g->vertex_of[p->from], vb = g->vertex_of[p->to];
        double key = (va >= 0 ? pr[va] : 0) + (vb >= 0 ? pr[vb] : 0);
        k[j++] = (keyed){p, key, i};
    }
    qsort(k, n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < n; i++)
        s->missed[i] = k[i].p;
    s->n_missed = n;
    rc = CKG_OK;
out:
    free(k);
    free(pr);
    graph_free(g);
    return rc;
}

/* ---------------------------------------------------------------- structure */

typedef struct adj {
    int32_t *nb;
    size_t n, cap;
} adj;

/* Adds x to a's neighbors unless it is there. CKG_OK or CKG_ENOMEM. */
static int link_add(adj *a, int32_t x)
{
    for (size_t i = 0; i < a->n; i++) {
        if (a->nb[i] == x)
            return CKG_OK;
    }
    if (ARRAY_GROW(a->nb, a->cap, a->n + 1) != CKG_OK)
        return CKG_ENOMEM;
    a->nb[a->n++] = x;
    return CKG_OK;
}

/* The structure of the stated propositions, over the map's concepts numbered by first
 * appearance. */
static int structure(score_result *r, const ckg_ontology *o)
{
    score_structure *st = &r->summary.structure;
    int rc = CKG_ENOMEM;
    size_t nc = o->n_concepts;
    int32_t *local = NULL, *concept_of = NULL, *depth = NULL, *branch = NULL, *parent = NULL,
            *queue = NULL;
    adj *g = NULL;
    size_t n = 0;
    st->root = -1;
    for (size_t i = 0; i < r->n; i++)
        st->valid += r->items[i].verdict == SCORE_STATED;
    if (!st->valid)
        return CKG_OK;
    if (!(local = malloc((nc ? nc : 1) * sizeof *local)) ||
        !(concept_of = malloc(2 * r->n * sizeof *concept_of)) ||
        !(g = calloc(2 * r->n, sizeof *g)))
        goto out;
    for (size_t c = 0; c < nc; c++)
        local[c] = -1;
    for (size_t i = 0; i < r->n; i++) {
        const score_item *it = &r->items[i];
        if (it->verdict != SCORE_STATED)
            continue;
        int32_t ends[2] = {it->from.concept, it->to.concept};
        for (int e = 0; e < 2; e++) {
            if (local[ends[e]] < 0) {
                local[ends[e]] = (int32_t)n;
                concept_of[n++] = ends[e];
            }
        }
        int32_t u = local[ends[0]], v = local[ends[1]];
        if (link_add(&g[u], v) != CKG_OK || link_add(&g[v], u) != CKG_OK)
            goto out;
    }
    size_t root = 0;
    for (size_t v = 1; v < n; v++) {
        if (g[v].n > g[root].n)
            root = v;
    }
    st->root = concept_of[root];
    if (!(depth = malloc(n * sizeof *depth)) || !(branch = malloc(n * sizeof *branch)) ||
        !(parent = malloc(n * sizeof *parent)) || !(queue = malloc(n * sizeof *queue)))
        goto out;
    for (size_t v = 0; v < n; v++)
        depth[v] = branch[v] = parent[v] = -1;
    size_t head = 0, tail = 0;
    depth[root] = 0;
    queue[tail++] = (int32_t)root;
    while (head < tail) {
        int32_t u = queue[head++];
        for (size_t i = 0; i < g[u].n; i++) {
            int32_t v = g[u].nb[i];
            if (depth[v] >= 0)
                continue;
            depth[v] = depth[u] + 1;
            parent[v] = u;
            branch[v] = depth[u] == 0 ? v : branch[u];
            if ((size_t)depth[v] > st->levels)
                st->levels = (size_t)depth[v];
            queue[tail++] = v;
        }
    }
    /* each undirected link once (u < v), not on the tree, between two branches */
    for (size_t u = 0; u < n; u++) {
        for (size_t i = 0; i < g[u].n; i++) {
            int32_t v = g[u].nb[i];
            if ((size_t)v <= u || depth[u] < 0 || parent[v] == (int32_t)u || parent[u] == v)
                continue;
            if (branch[u] >= 0 && branch[v] >= 0 && branch[u] != branch[v])
                st->cross_links++;
        }
    }
    st->score = st->valid + 5 * st->levels + 10 * st->cross_links;
    rc = CKG_OK;
out:
    for (size_t v = 0; g && v < 2 * r->n; v++)
        free(g[v].nb);
    free(g);
    free(local);
    free(concept_of);
    free(depth);
    free(branch);
    free(parent);
    free(queue);
    return rc;
}

/* ---------------------------------------------------------------- the map */

int score_map(const ckg_ontology *o, const cmap *map, const prop_list *props,
              const phrase_table *t, diag_list *diags, score_result **out)
{
    int rc = CKG_ENOMEM;
    names_index *ix = NULL;
    unsigned char *matched = NULL;
    score_result *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return CKG_ENOMEM;
    r->map = map;
    r->props = props;
    if (!(r->items = calloc(map->n ? map->n : 1, sizeof *r->items)) ||
        !(matched = calloc(props->n ? props->n : 1, 1)) || (rc = names_build(o, &ix)) != CKG_OK)
        goto out;
    score_summary *s = &r->summary;
    for (size_t i = 0; i < map->n; i++) {
        score_item *it = &r->items[r->n++];
        it->prop = &map->props[i];
        if ((rc = resolve_end(ix, it->prop->from, &it->from)) != CKG_OK ||
            (rc = resolve_end(ix, it->prop->to, &it->to)) != CKG_OK ||
            (rc = phrase_resolve(t, it->prop->phrase, &it->phrase)) != CKG_OK ||
            (rc = judge(r, o, it, matched)) != CKG_OK)
            goto out;
        s->counts[it->verdict]++;
    }
    s->propositions = r->n;
    s->resolved = r->n - s->counts[SCORE_UNKNOWN_CONCEPT];
    s->curated = props->n;
    for (size_t i = 0; i < props->n; i++)
        s->matched += matched[i];
    s->precision = s->resolved ? (double)s->counts[SCORE_STATED] / (double)s->resolved : NAN;
    s->recall = s->curated ? (double)s->matched / (double)s->curated : NAN;
    if ((rc = rank_missed(r, o, matched, diags)) != CKG_OK || (rc = structure(r, o)) != CKG_OK)
        goto out;
    *out = r;
    r = NULL;
out:
    free(matched);
    names_free(ix);
    score_free(r);
    return rc;
}
