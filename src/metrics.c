/* metrics.c — every centrality of metrics.h for one analysis graph, and its figures: the
 * measures igraph computes, on top of metrics_compute_basic's degrees and PageRank
 * (metrics_basic.c).
 *
 * The directed graph D is the igraph view of the ckg_graph (graph_igraph.c), made here. The
 * undirected collapse U is built here once (one edge per unordered pair, weights summed) as
 * an igraph_t for coreness, communities and modularity, and as compressed adjacency for the
 * breadth-first pass of metrics_paths.c. igraph's errors are ignored by its handler
 * (graph_igraph_quiet), so every call's status is checked here, and every igraph object is
 * destroyed at the one out: label whatever path leads there. */
#include "ckg/metrics.h"
#include "ckg/status.h"
#include "graph_igraph.h"
#include "metrics_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ igraph plumbing */

static int igraph_failed(diag_list *diags, const char *what, igraph_error_t err)
{
    if (err == IGRAPH_ENOMEM)
        return CKG_ENOMEM;
    diag_add(diags, DIAG_ERROR, NULL, "igraph could not compute %s: %s", what,
             igraph_strerror(err));
    return CKG_EINVALID;
}

#define IG(call, what)                                                                       \
    do {                                                                                     \
        igraph_error_t e_ = (call);                                                          \
        if (e_ != IGRAPH_SUCCESS) {                                                          \
            rc = igraph_failed(diags, (what), e_);                                           \
            goto out;                                                                        \
        }                                                                                    \
    } while (0)

/* ------------------------------------------------------------------ the undirected collapse */

typedef struct upair {
    int32_t a, b; /* a < b */
    double w;
} upair;

static int compare_upairs(const void *pa, const void *pb)
{
    const upair *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return 0;
}

typedef struct collapse {
    upair *pairs; /* unique, sorted, weights summed */
    size_t n_pairs;
    metrics_csr csr;
} collapse;

static void collapse_free(collapse *c)
{
    free(c->pairs);
    free(c->csr.offset);
    free(c->csr.adj);
}

static int collapse_build(const ckg_graph *g, int weighted, collapse *c)
{
    size_t n = g->n_vertices, m = g->n_edges;
    memset(c, 0, sizeof *c);
    c->csr.n = n;
    if (!(c->pairs = malloc((m ? m : 1) * sizeof *c->pairs)) ||
        !(c->csr.offset = calloc(n + 1, sizeof *c->csr.offset)) ||
        !(c->csr.adj = malloc((m ? 2 * m : 1) * sizeof *c->csr.adj)))
        return CKG_ENOMEM;
    for (size_t j = 0; j < m; j++) {
        const graph_edge *e = &g->edges[j];
        c->pairs[j] = (upair){e->from < e->to ? e->from : e->to, e->from < e->to ? e->to : e->from,
                              weighted ? (double)e->n_papers : 1.0};
    }
    qsort(c->pairs, m, sizeof *c->pairs, compare_upairs);
    size_t k = 0;
    for (size_t j = 0; j < m; j++) {
        if (k && c->pairs[k - 1].a == c->pairs[j].a && c->pairs[k - 1].b == c->pairs[j].b) {
            if (weighted) /* unweighted, a pair joined both ways is still one edge of U */
                c->pairs[k - 1].w += c->pairs[j].w;
        }
        else
            c->pairs[k++] = c->pairs[j];
    }
    c->n_pairs = k;
    for (size_t j = 0; j < k; j++) {
        c->csr.offset[c->pairs[j].a + 1]++;
        c->csr.offset[c->pairs[j].b + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        c->csr.offset[v + 1] += c->csr.offset[v];
    int32_t *fill = malloc((n ? n : 1) * sizeof *fill);
    if (!fill)
        return CKG_ENOMEM;
    memcpy(fill, c->csr.offset, n * sizeof *fill);
    for (size_t j = 0; j < k; j++) {
        c->csr.adj[fill[c->pairs[j].a]++] = c->pairs[j].b;
        c->csr.adj[fill[c->pairs[j].b]++] = c->pairs[j].a;
    }
    free(fill);
    return CKG_OK;
}

/* ------------------------------------------------------------------ communities */

typedef struct community_order {
    igraph_integer_t raw;
    size_t size, first;
} community_order;

static int compare_communities(const void *pa, const void *pb)
{
    const community_order *x = pa, *y = pb;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Renumbers a membership vector 0..k-1 (any labels) into 1..k by size, largest first, ties
 * by the first vertex; writes the labels into out and returns k, or 0 when out of memory. */
static size_t canonical_communities(const igraph_vector_int_t *memb, size_t n, double *out)
{
    igraph_integer_t max = -1;
    for (size_t v = 0; v < n; v++) {
        if (VECTOR(*memb)[v] > max)
            max = VECTOR(*memb)[v];
    }
    size_t k = (size_t)(max + 1), used = 0;
    community_order *co = calloc(k ? k : 1, sizeof *co);
    size_t *label = malloc((k ? k : 1) * sizeof *label);
    if (!co || !label) {
        free(co);
        free(label);
        return 0;
    }
    for (size_t c = 0; c < k; c++)
        co[c] = (community_order){(igraph_integer_t)c, 0, n};
    for (size_t v = 0; v < n; v++) {
        community_order *x = &co[VECTOR(*memb)[v]];
        if (!x->size++)
            x->first = v;
    }
    qsort(co, k, sizeof *co, compare_communities);
    for (size_t c = 0; c < k; c++) {
        if (co[c].size)
            label[co[c].raw] = ++used;
    }
    for (size_t v = 0; v < n; v++)
        out[v] = (double)label[VECTOR(*memb)[v]];
    free(co);
    free(label);
    return used;
}

/* Runs Leiden or Louvain on u with igraph's default RNG swapped for a seeded PCG32, so the
 * caller's RNG state is left alone and the partition depends on the seed only.
 * igraph_rng_set_default copies the struct it is given into the default one, so the
 * caller's is saved by value and copied back. */
static igraph_error_t find_communities(const igraph_t *u, const igraph_vector_t *weights,
                                       const igraph_vector_t *node_weights, double total,
                                       const metrics_options *opt, igraph_vector_int_t *memb)
{
    igraph_rng_t rng, previous = *igraph_rng_default();
    igraph_error_t err = igraph_rng_init(&rng, &igraph_rngtype_pcg32);
    if (err != IGRAPH_SUCCESS)
        return err;
    err = igraph_rng_seed(&rng, (igraph_uint_t)opt->seed);
    if (err == IGRAPH_SUCCESS) {
        igraph_rng_set_default(&rng);
        if (opt->method == METRICS_LOUVAIN) {
            err = igraph_community_multilevel(u, weights, 1.0, memb, NULL, NULL);
        } else {
            igraph_integer_t k;
            igraph_real_t quality;
            err = igraph_community_leiden(u, weights, node_weights, 1.0 / (2.0 * total), 0.01,
                                          0, -1, memb, &k, &quality);
        }
        igraph_rng_set_default(&previous);
    }
    igraph_rng_destroy(&rng);
    return err;
}

/* ------------------------------------------------------------------ compute */

int metrics_compute(const ckg_graph *g, const metrics_options *opt_in, diag_list *diags,
                    metrics_result **out)
{
    int rc;
    metrics_result *m = NULL;
    collapse c = {0};
    igraph_t u, d;
    int have_u = 0, have_d = 0;
    igraph_vector_t uw, node_w, lengths, res;
    igraph_vector_int_t cores, memb, themes, comp, csize;
    igraph_vector_t *reals[] = {&uw, &node_w, &lengths, &res};
    igraph_vector_int_t *ints[] = {&cores, &memb, &themes, &comp, &csize};
    size_t n_reals = 0, n_ints = 0;
    enum { N_REALS = sizeof reals / sizeof *reals, N_INTS = sizeof ints / sizeof *ints };

    *out = NULL;
    /* degrees and PageRank, and the result every other measure is written into */
    if ((rc = metrics_compute_basic(g, opt_in, diags, &m)) != CKG_OK)
        return rc;
    const metrics_options opt = m->options;
    metrics_figures *fig = &m->graph;
    size_t n = g->n_vertices, ne = g->n_edges;
    graph_igraph_quiet();
    rc = CKG_ENOMEM;
    for (; n_reals < N_REALS; n_reals++) {
        if (igraph_vector_init(reals[n_reals], 0) != IGRAPH_SUCCESS)
            goto out;
    }
    for (; n_ints < N_INTS; n_ints++) {
        if (igraph_vector_int_init(ints[n_ints], 0) != IGRAPH_SUCCESS)
            goto out;
    }
    if (n == 0) {
        rc = CKG_OK;
        goto out;
    }

    /* U, as igraph graph and adjacency */
    if ((rc = collapse_build(g, opt.weighted, &c)) != CKG_OK)
        goto out;
    fig->undirected_edges = c.n_pairs;
    {
        igraph_vector_int_t ends;
        rc = CKG_ENOMEM;
        if (igraph_vector_int_init(&ends, (igraph_integer_t)(2 * c.n_pairs)) != IGRAPH_SUCCESS)
            goto out;
        for (size_t j = 0; j < c.n_pairs; j++) {
            VECTOR(ends)[2 * j] = c.pairs[j].a;
            VECTOR(ends)[2 * j + 1] = c.pairs[j].b;
        }
        igraph_error_t err = igraph_create(&u, &ends, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
        igraph_vector_int_destroy(&ends);
        IG(err, "the undirected graph");
        have_u = 1;
    }
    IG(igraph_vector_resize(&uw, (igraph_integer_t)c.n_pairs), "edge weights");
    IG(igraph_vector_resize(&node_w, (igraph_integer_t)n), "vertex weights");
    igraph_vector_null(&node_w);
    double total = 0.0;
    for (size_t j = 0; j < c.n_pairs; j++) {
        VECTOR(uw)[j] = c.pairs[j].w;
        VECTOR(node_w)[c.pairs[j].a] += c.pairs[j].w;
        VECTOR(node_w)[c.pairs[j].b] += c.pairs[j].w;
        total += c.pairs[j].w;
    }
    const igraph_vector_t *uwp = opt.weighted ? &uw : NULL;

    /* hubs and authorities on D (PageRank is metrics_compute_basic's) */
    {
        int32_t *ends = malloc((ne ? 2 * ne : 1) * sizeof *ends);
        double *w = malloc((ne ? ne : 1) * sizeof *w);
        igraph_error_t err = IGRAPH_ENOMEM;
        if (ends && w) {
            for (size_t j = 0; j < ne; j++) {
                ends[j] = g->edges[j].from;
                ends[ne + j] = g->edges[j].to;
                w[j] = (double)g->edges[j].n_papers;
            }
            err = metrics_hits(n, ends, ends + ne, opt.weighted ? w : NULL, ne,
                               m->values[METRICS_HUB], m->values[METRICS_AUTHORITY]);
        }
        free(ends);
        free(w);
        IG(err, "hub and authority scores");
    }

    /* coreness, components, communities and modularity on U */
    IG(igraph_coreness(&u, &cores, IGRAPH_ALL), "coreness");
    for (size_t v = 0; v < n; v++)
        m->values[METRICS_CORENESS][v] = (double)VECTOR(cores)[v];
    {
        igraph_integer_t no;
        if ((rc = graph_igraph(g, &d, NULL)) != CKG_OK)
            goto out;
        have_d = 1;
        IG(igraph_connected_components(&d, &comp, &csize, &no, IGRAPH_WEAK), "components");
        fig->components = (size_t)no;
        for (igraph_integer_t i = 0; i < no; i++) {
            if ((size_t)VECTOR(csize)[i] > fig->largest_component)
                fig->largest_component = (size_t)VECTOR(csize)[i];
        }
    }
    if (c.n_pairs) {
        IG(find_communities(&u, uwp, &node_w, total, &opt, &memb), "communities");
        IG(igraph_modularity(&u, &memb, uwp, 1.0, 0, &fig->modularity), "modularity");
    } else {
        /* no edges: every vertex is its own community, modularity undefined */
        IG(igraph_vector_int_resize(&memb, (igraph_integer_t)n), "communities");
        for (size_t v = 0; v < n; v++)
            VECTOR(memb)[v] = (igraph_integer_t)v;
    }
    rc = CKG_ENOMEM;
    if (!(fig->communities = canonical_communities(&memb, n, m->values[METRICS_COMMUNITY])))
        goto out;
    IG(igraph_vector_int_resize(&themes, (igraph_integer_t)n), "theme partition");
    for (size_t v = 0; v < n; v++) {
        int32_t t = g->o->concepts[g->vertices[v].concept].theme_index;
        VECTOR(themes)[v] = t >= 0 ? t : (igraph_integer_t)g->o->n_themes;
    }
    if (c.n_pairs)
        IG(igraph_modularity(&u, &themes, uwp, 1.0, 0, &fig->theme_modularity),
           "theme modularity");

    /* betweenness, harmonic centrality, diameter on U */
    if (opt.skip_paths) {
        for (size_t v = 0; v < n; v++)
            m->values[METRICS_BETWEENNESS][v] = m->values[METRICS_HARMONIC][v] = NAN;
    } else if (!opt.weighted) {
        if ((rc = metrics_paths(&c.csr, opt.threads, m->values[METRICS_BETWEENNESS],
                                m->values[METRICS_HARMONIC], &fig->diameter)) != CKG_OK)
            goto out;
    } else {
        if ((rc = metrics_paths(&c.csr, opt.threads, NULL, NULL, &fig->diameter)) != CKG_OK)
            goto out;
        IG(igraph_vector_resize(&lengths, (igraph_integer_t)c.n_pairs), "edge lengths");
        for (size_t j = 0; j < c.n_pairs; j++)
            VECTOR(lengths)[j] = 1.0 / c.pairs[j].w;
        IG(igraph_betweenness(&u, &res, igraph_vss_all(), 0, &lengths), "betweenness");
        double nn = (double)n;
        for (size_t v = 0; v < n; v++)
            m->values[METRICS_BETWEENNESS][v] =
                n > 2 ? VECTOR(res)[v] * 2.0 / ((nn - 1.0) * (nn - 2.0)) : 0.0;
        IG(igraph_harmonic_centrality(&u, &res, igraph_vss_all(), IGRAPH_ALL, &lengths, 1),
           "harmonic centrality");
        for (size_t v = 0; v < n; v++)
            m->values[METRICS_HARMONIC][v] = n > 1 ? VECTOR(res)[v] : 0.0;
    }
    /* -0.0 (igraph's scaling of a zero score) reads as 0 everywhere */
    for (int k = 0; k < METRICS_N_MEASURES; k++) {
        for (size_t v = 0; v < n; v++) {
            if (m->values[k][v] == 0.0)
                m->values[k][v] = 0.0;
        }
    }
    rc = CKG_OK;
out:
    if (have_u)
        igraph_destroy(&u);
    if (have_d)
        igraph_destroy(&d);
    for (size_t i = 0; i < n_reals; i++)
        igraph_vector_destroy(reals[i]);
    for (size_t i = 0; i < n_ints; i++)
        igraph_vector_int_destroy(ints[i]);
    collapse_free(&c);
    if (rc == CKG_OK)
        *out = m;
    else
        metrics_free(m);
    return rc;
}

