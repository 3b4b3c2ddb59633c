/* diff.c — two scopes compared (diff_compute) and several side by side (diff_compare).
 *
 * Each scope is built and measured once into a diff_side (its graph, every measure, the
 * ranks of every measure within the scope, its order by the chosen measure). Concepts are
 * matched between sides through graph->vertex_of (concept index -> vertex), relations
 * through graph_find_edge on the (from, to) vertices and then by key (family, kind, or the
 * pair alone: diff_relations.c), so a comparison costs O((n + m) log m) on top of the
 * metrics. Every list is sorted with explicit keys that end in concept ids,
 * so results never depend on memory order. The definitions are in diff.h. */
#include "ckg/diff.h"
#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void diff_options_default(diff_options *opt)
{
    metrics_options_default(&opt->metrics);
    opt->measure = METRICS_PAGERANK;
    opt->by = DIFF_BY_FAMILY;
}

/* ------------------------------------------------------------------ sides */

static void side_free(diff_side *s)
{
    for (int k = 0; k < METRICS_N_MEASURES; k++)
        free(s->ranks[k]);
    free(s->order);
    free(s->name);
    metrics_free(s->m);
    graph_free(s->g);
    memset(s, 0, sizeof *s);
}

static int side_build(const ckg_ontology *o, const graph_scope *scope, const diff_options *opt,
                      diag_list *diags, diff_side *s)
{
    int rc;
    memset(s, 0, sizeof *s);
    if ((rc = graph_build(o, scope, diags, &s->g)) != CKG_OK ||
        (rc = metrics_compute(s->g, &opt->metrics, diags, &s->m)) != CKG_OK)
        return rc;
    size_t n = s->g->n_vertices, len = 8;
    if (s->g->paper >= 0)
        len += strlen(o->papers[s->g->paper].id.s);
    if (s->g->section >= 0)
        len += strlen(o->papers[s->g->paper].sections[s->g->section].id.s);
    if (!(s->name = malloc(len)) || !(s->order = malloc((n ? n : 1) * sizeof *s->order)))
        return CKG_ENOMEM;
    graph_scope_name(s->g, s->name, len);
    s->n_relations = diff_count_relations(s->g, opt->by);
    for (int k = 0; k < METRICS_N_MEASURES; k++) {
        if (k == METRICS_COMMUNITY)
            continue;
        if (!(s->ranks[k] = malloc((n ? n : 1) * sizeof *s->ranks[k])) ||
            metrics_ranks(s->m, (metrics_measure)k, s->ranks[k]) != CKG_OK)
            return CKG_ENOMEM;
    }
    return metrics_order(s->m, opt->measure, s->order);
}

static int32_t vertex_in(const diff_side *s, int32_t concept)
{
    return s->g->vertex_of[concept];
}

double diff_side_rank(const diff_side *s, int32_t concept, metrics_measure k)
{
    if ((unsigned)k >= METRICS_N_MEASURES || !s->ranks[k] || concept < 0 ||
        (size_t)concept >= s->g->o->n_concepts)
        return NAN;
    int32_t v = vertex_in(s, concept);
    return v < 0 ? NAN : s->ranks[k][v];
}

static const char *concept_id(const ckg_ontology *o, int32_t concept)
{
    return o->concepts[concept].id.s;
}

/* The edge of b joining the concepts that edge j of a joins, or -1. */
static int64_t matching_edge(const diff_side *a, size_t j, const diff_side *b)
{
    const graph_edge *e = &a->g->edges[j];
    int32_t from = vertex_in(b, a->g->vertices[e->from].concept);
    int32_t to = vertex_in(b, a->g->vertices[e->to].concept);
    return from < 0 || to < 0 ? -1 : graph_find_edge(b->g, from, to);
}

/* ------------------------------------------------------------------ sorting by keys */

typedef struct keyed {
    double k1, k2;          /* ascending; NaN last */
    const char *s1, *s2;    /* then these, ascending */
    size_t index;
    const char *s3;         /* then this (NULL: ""), then the index */
} keyed;

static int compare_double(double x, double y)
{
    int xn = isnan(x), yn = isnan(y);
    if (xn || yn)
        return xn - yn;
    return x < y ? -1 : x > y;
}

static int compare_keyed(const void *pa, const void *pb)
{
    const keyed *x = pa, *y = pb;
    int c;
    if ((c = compare_double(x->k1, y->k1)) || (c = compare_double(x->k2, y->k2)) ||
        (c = strcmp(x->s1, y->s1)) || (c = strcmp(x->s2 ? x->s2 : "", y->s2 ? y->s2 : "")) ||
        (c = strcmp(x->s3 ? x->s3 : "", y->s3 ? y->s3 : "")))
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Reorders items[0..n) (each size bytes) as keys, filled for them, sort. */
static int sort_by_keys(void *items, size_t n, size_t size, keyed *keys)
{
    char *copy = malloc(n ? n * size : 1);
    if (!copy)
        return CKG_ENOMEM;
    memcpy(copy, items, n * size);
    qsort(keys, n, sizeof *keys, compare_keyed);
    for (size_t i = 0; i < n; i++)
        memcpy((char *)items + i * size, copy + keys[i].index * size, size);
    free(copy);
    return CKG_OK;
}

/* ------------------------------------------------------------------ the pair */

static int sort_concepts(const diff_result *d, diff_concept *list, size_t n, int which)
{
    keyed *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return CKG_ENOMEM;
    const double *ra = d->a.ranks[d->options.measure], *rb = d->b.ranks[d->options.measure];
    for (size_t i = 0; i < n; i++) {
        const diff_concept *c = &list[i];
        keyed k = {0, 0, concept_id(d->o, c->concept), NULL, i, NULL};
        if (which == 0) { /* shared: biggest movers, then the better rank */
            double x = ra[c->va], y = rb[c->vb];
            k.k1 = -fabs(y - x);
            k.k2 = x < y ? x : y;
        } else {
            k.k1 = which == 1 ? ra[c->va] : rb[c->vb];
        }
        keys[i] = k;
    }
    int rc = sort_by_keys(list, n, sizeof *list, keys);
    free(keys);
    return rc;
}

/* The rank sum of an edge's ends in side s. */
static double end_ranks(const diff_side *s, metrics_measure k, int64_t e)
{
    return s->ranks[k][s->g->edges[e].from] + s->ranks[k][s->g->edges[e].to];
}

static int sort_relations(const diff_result *d, diff_relation *list, size_t n, int which)
{
    keyed *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return CKG_ENOMEM;
    metrics_measure k = d->options.measure;
    for (size_t i = 0; i < n; i++) {
        const diff_relation *r = &list[i];
        keyed key = {0, 0, concept_id(d->o, r->from), concept_id(d->o, r->to), i,
                     diff_relation_key_name(d, r)};
        if (which == 0) {
            key.k1 = end_ranks(&d->a, k, r->ea);
        } else {
            key.k1 = r->ends_shared ? 0 : 1;
            key.k2 = which == 1 ? end_ranks(&d->a, k, r->ea) : end_ranks(&d->b, k, r->eb);
        }
        keys[i] = key;
    }
    int rc = sort_by_keys(list, n, sizeof *list, keys);
    free(keys);
    return rc;
}

static int both_have(const diff_result *d, int32_t concept)
{
    return vertex_in(&d->a, concept) >= 0 && vertex_in(&d->b, concept) >= 0;
}

/* The relation (edge j of side s, key): ea/eb where a/b state it, pair_ea/pair_eb where they
 * link the pair at all. */
static diff_relation relation_of(const diff_result *d, const diff_side *s, size_t j,
                                 int32_t key, int64_t pair_ea, int64_t pair_eb)
{
    const graph_edge *e = &s->g->edges[j];
    int32_t from = s->g->vertices[e->from].concept, to = s->g->vertices[e->to].concept;
    diff_key by = d->options.by;
    int64_t ea = pair_ea >= 0 && diff_edge_has_key(d->a.g, pair_ea, by, key) ? pair_ea : -1;
    int64_t eb = pair_eb >= 0 && diff_edge_has_key(d->b.g, pair_eb, by, key) ? pair_eb : -1;
    return (diff_relation){from, to, key, ea, eb, pair_ea, pair_eb,
                           both_have(d, from) && both_have(d, to)};
}

/* Sorts the relations of both sides under the key into shared, only_a and only_b. */
static int split_relations(diff_result *d)
{
    const ckg_ontology *o = d->o;
    int32_t *keys = malloc((o->n_kinds + 1) * sizeof *keys);
    if (!keys)
        return CKG_ENOMEM;
    for (size_t j = 0; j < d->a.g->n_edges; j++) {
        int64_t eb = matching_edge(&d->a, j, &d->b);
        size_t nk = diff_edge_keys(d->a.g, (int64_t)j, d->options.by, keys);
        for (size_t i = 0; i < nk; i++) {
            diff_relation r = relation_of(d, &d->a, j, keys[i], (int64_t)j, eb);
            if (r.eb >= 0)
                d->shared_rel[d->n_shared_rel++] = r;
            else
                d->only_a_rel[d->n_only_a_rel++] = r;
        }
    }
    for (size_t j = 0; j < d->b.g->n_edges; j++) {
        int64_t ea = matching_edge(&d->b, j, &d->a);
        size_t nk = diff_edge_keys(d->b.g, (int64_t)j, d->options.by, keys);
        for (size_t i = 0; i < nk; i++) {
            diff_relation r = relation_of(d, &d->b, j, keys[i], ea, (int64_t)j);
            if (r.ea < 0)
                d->only_b_rel[d->n_only_b_rel++] = r;
        }
    }
    free(keys);
    return CKG_OK;
}

/* x[i], y[i]: the values of measure k of the concepts both sides hold; *n of them. */
static int shared_values(const diff_side *a, const diff_side *b, metrics_measure k, double **x,
                         double **y, size_t *n)
{
    size_t na = a->g->n_vertices;
    *n = 0;
    *x = malloc((na ? na : 1) * sizeof **x);
    *y = malloc((na ? na : 1) * sizeof **y);
    if (!*x || !*y)
        return CKG_ENOMEM;
    for (size_t v = 0; v < na; v++) {
        int32_t w = vertex_in(b, a->g->vertices[v].concept);
        if (w < 0)
            continue;
        (*x)[*n] = metrics_value(a->m, v, k);
        (*y)[*n] = metrics_value(b->m, (size_t)w, k);
        (*n)++;
    }
    return CKG_OK;
}

static int correlate(const diff_side *a, const diff_side *b, metrics_measure k,
                     diff_correlation *out)
{
    double *x = NULL, *y = NULL;
    size_t n;
    int rc = shared_values(a, b, k, &x, &y, &n);
    *out = (diff_correlation){n, NAN, NAN};
    if (rc == CKG_OK && k != METRICS_COMMUNITY &&
        (rc = diff_spearman(x, y, n, &out->spearman)) == CKG_OK)
        rc = diff_kendall_tau_b(x, y, n, &out->kendall);
    free(x);
    free(y);
    return rc;
}

static void count_themes(const diff_side *s, int i, diff_theme *themes, size_t n_themes)
{
    const ckg_ontology *o = s->g->o;
    for (size_t v = 0; v < s->g->n_vertices; v++) {
        int32_t t = o->concepts[s->g->vertices[v].concept].theme_index;
        if (t >= 0 && (size_t)t < n_themes)
            themes[t].concepts[i]++;
    }
    for (size_t j = 0; j < s->g->n_edges; j++) {
        int32_t ends[2] = {s->g->edges[j].from, s->g->edges[j].to};
        for (int e = 0; e < 2; e++) {
            int32_t t = o->concepts[s->g->vertices[ends[e]].concept].theme_index;
            if (t >= 0 && (size_t)t < n_themes)
                themes[t].ends[i]++;
        }
    }
    double nv = (double)s->g->n_vertices, ne = 2.0 * (double)s->g->n_edges;
    for (size_t t = 0; t < n_themes; t++) {
        themes[t].concept_share[i] = nv > 0 ? (double)themes[t].concepts[i] / nv : NAN;
        themes[t].end_share[i] = ne > 0 ? (double)themes[t].ends[i] / ne : NAN;
    }
}

/* The options in force (opt_in, or the defaults) into *opt, checked: a community label
 * cannot be ranked. CKG_OK or CKG_EUSAGE (with a diagnostic). */
static int options_in_force(const diff_options *opt_in, diag_list *diags, diff_options *opt)
{
    if (opt_in)
        *opt = *opt_in;
    else
        diff_options_default(opt);
    if ((unsigned)opt->by >= DIFF_N_KEYS) {
        diag_add(diags, DIAG_ERROR, NULL, "relations are compared by family, kind or pair");
        return CKG_EUSAGE;
    }
    if ((unsigned)opt->measure >= METRICS_N_MEASURES || opt->measure == METRICS_COMMUNITY) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "communities are labels, not quantities: they cannot be ranked or correlated");
        return CKG_EUSAGE;
    }
    return CKG_OK;
}

int diff_compute(const ckg_ontology *o, const graph_scope *a, const graph_scope *b,
                 const diff_options *opt_in, diag_list *diags, diff_result **out)
{
    int rc;
    diff_options opt;
    *out = NULL;
    if ((rc = options_in_force(opt_in, diags, &opt)) != CKG_OK)
        return rc;
    diff_result *d = calloc(1, sizeof *d);
    if (!d)
        return CKG_ENOMEM;
    d->o = o;
    d->options = opt;
    if ((rc = side_build(o, a, &opt, diags, &d->a)) != CKG_OK ||
        (rc = side_build(o, b, &opt, diags, &d->b)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    size_t na = d->a.g->n_vertices, nb = d->b.g->n_vertices;
    size_t ma = d->a.n_relations, mb = d->b.n_relations;
    if (!(d->shared = malloc((na ? na : 1) * sizeof *d->shared)) ||
        !(d->only_a = malloc((na ? na : 1) * sizeof *d->only_a)) ||
        !(d->only_b = malloc((nb ? nb : 1) * sizeof *d->only_b)) ||
        !(d->shared_rel = malloc((ma ? ma : 1) * sizeof *d->shared_rel)) ||
        !(d->only_a_rel = malloc((ma ? ma : 1) * sizeof *d->only_a_rel)) ||
        !(d->only_b_rel = malloc((mb ? mb : 1) * sizeof *d->only_b_rel)) ||
        !(d->themes = calloc(o->n_themes ? o->n_themes : 1, sizeof *d->themes)))
        goto out;

    /* concepts */
    for (size_t v = 0; v < na; v++) {
        int32_t c = d->a.g->vertices[v].concept, w = vertex_in(&d->b, c);
        diff_concept x = {c, (int32_t)v, w};
        if (w >= 0)
            d->shared[d->n_shared++] = x;
        else
            d->only_a[d->n_only_a++] = x;
    }
    for (size_t v = 0; v < nb; v++) {
        int32_t c = d->b.g->vertices[v].concept;
        if (vertex_in(&d->a, c) < 0)
            d->only_b[d->n_only_b++] = (diff_concept){c, -1, (int32_t)v};
    }
    d->jaccard_concepts = diff_jaccard(d->n_shared, d->n_shared + d->n_only_a + d->n_only_b);

    /* relations: (from, key, to) */
    if ((rc = split_relations(d)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    for (int k = 0; k < DIFF_N_KEYS; k++)
        d->shared_by[k] = diff_count_shared_relations(d->a.g, d->b.g, (diff_key)k);
    d->jaccard_relations =
        diff_jaccard(d->n_shared_rel, d->n_shared_rel + d->n_only_a_rel + d->n_only_b_rel);

    if ((rc = sort_concepts(d, d->shared, d->n_shared, 0)) != CKG_OK ||
        (rc = sort_concepts(d, d->only_a, d->n_only_a, 1)) != CKG_OK ||
        (rc = sort_concepts(d, d->only_b, d->n_only_b, 2)) != CKG_OK ||
        (rc = sort_relations(d, d->shared_rel, d->n_shared_rel, 0)) != CKG_OK ||
        (rc = sort_relations(d, d->only_a_rel, d->n_only_a_rel, 1)) != CKG_OK ||
        (rc = sort_relations(d, d->only_b_rel, d->n_only_b_rel, 2)) != CKG_OK)
        goto out;
    for (int k = 0; k < METRICS_N_MEASURES; k++) {
        if ((rc = correlate(&d->a, &d->b, (metrics_measure)k, &d->corr[k])) != CKG_OK)
            goto out;
    }
    count_themes(&d->a, 0, d->themes, o->n_themes);
    count_themes(&d->b, 1, d->themes, o->n_themes);
    rc = CKG_OK;
out:
    if (rc == CKG_OK)
        *out = d;
    else
        diff_free(d);
    return rc;
}

void diff_free(diff_result *d)
{
    if (!d)
        return;
    side_free(&d->a);
    side_free(&d->b);
    free(d->shared);
    free(d->only_a);
    free(d->only_b);
    free(d->shared_rel);
    free(d->only_a_rel);
    free(d->only_b_rel);
    free(d->themes);
    free(d);
}

/* ------------------------------------------------------------------ several scopes */

static size_t shared_vertices(const diff_side *a, const diff_side *b)
{
    size_t n = 0;
    for (size_t v = 0; v < a->g->n_vertices; v++)
        n += vertex_in(b, a->g->vertices[v].concept) >= 0;
    return n;
}

/* The concepts of at least one side, by best rank, then sides holding them, then id. */
static int table_concepts(diff_table *t)
{
    const ckg_ontology *o = t->o;
    metrics_measure k = t->options.measure;
    keyed *keys = malloc((o->n_concepts ? o->n_concepts : 1) * sizeof *keys);
    if (!keys || !(t->concepts = malloc((o->n_concepts ? o->n_concepts : 1) * sizeof *t->concepts))) {
        free(keys);
        return CKG_ENOMEM;
    }
    for (size_t c = 0; c < o->n_concepts; c++) {
        double best = NAN;
        size_t holders = 0;
        for (size_t i = 0; i < t->n_sides; i++) {
            double r = diff_side_rank(&t->sides[i], (int32_t)c, k);
            if (isnan(r))
                continue;
            holders++;
            if (isnan(best) || r < best)
                best = r;
        }
        if (holders) {
            keys[t->n_concepts] = (keyed){best, -(double)holders, concept_id(o, (int32_t)c), NULL,
                                          t->n_concepts, NULL};
            t->concepts[t->n_concepts++] = (int32_t)c;
        }
    }
    int rc = sort_by_keys(t->concepts, t->n_concepts, sizeof *t->concepts, keys);
    free(keys);
    return rc;
}

int diff_compare(const ckg_ontology *o, const graph_scope *scopes, size_t n,
                 const diff_options *opt_in, diag_list *diags, diff_table **out)
{
    int rc;
    diff_options opt;
    *out = NULL;
    if ((rc = options_in_force(opt_in, diags, &opt)) != CKG_OK)
        return rc;
    diff_table *t = calloc(1, sizeof *t);
    if (!t)
        return CKG_ENOMEM;
    t->o = o;
    t->options = opt;
    size_t nn = n ? n * n : 1;
    rc = CKG_ENOMEM;
    if (!(t->sides = calloc(n ? n : 1, sizeof *t->sides)) ||
        !(t->jaccard_concepts = malloc(nn * sizeof *t->jaccard_concepts)) ||
        !(t->jaccard_relations = malloc(nn * sizeof *t->jaccard_relations)) ||
        !(t->shared_concepts = malloc(nn * sizeof *t->shared_concepts)) ||
        !(t->shared_relations = malloc(nn * sizeof *t->shared_relations)) ||
        !(t->corr = malloc(nn * sizeof *t->corr)))
        goto out;
    for (; t->n_sides < n; t->n_sides++) {
        if ((rc = side_build(o, &scopes[t->n_sides], &opt, diags, &t->sides[t->n_sides])) !=
            CKG_OK) {
            t->n_sides++; /* so the partly built side is freed */
            goto out;
        }
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            const diff_side *a = &t->sides[i], *b = &t->sides[j];
            size_t sc = shared_vertices(a, b);
            size_t sr = diff_count_shared_relations(a->g, b->g, opt.by);
            t->shared_concepts[i * n + j] = sc;
            t->shared_relations[i * n + j] = sr;
            t->jaccard_concepts[i * n + j] =
                diff_jaccard(sc, a->g->n_vertices + b->g->n_vertices - sc);
            t->jaccard_relations[i * n + j] =
                diff_jaccard(sr, a->n_relations + b->n_relations - sr);
            if ((rc = correlate(a, b, opt.measure, &t->corr[i * n + j])) != CKG_OK)
                goto out;
        }
    }
    rc = table_concepts(t);
out:
    if (rc == CKG_OK)
        *out = t;
    else
        diff_table_free(t);
    return rc;
}

void diff_table_free(diff_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_sides; i++)
        side_free(&t->sides[i]);
    free(t->sides);
    free(t->concepts);
    free(t->jaccard_concepts);
    free(t->jaccard_relations);
    free(t->shared_concepts);
    free(t->shared_relations);
    free(t->corr);
    free(t);
}
