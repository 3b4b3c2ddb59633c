/* test_metrics.c — every measure on tiny graphs whose values are worked out by hand, the
 * breadth-first pass against igraph on a random graph, and the API around the values.
 *
 * Fixtures (tests/fixtures/metrics): star (four leaves -> a center, plus a concept no paper
 * names), path (a -> b -> c -> d), bridge (two directed triangles a b c and d e f joined by
 * c -> d; a second paper restates a->b, c->a and c->d, so those weigh 2; a third names a
 * and e and relates nothing). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/metrics_internal.h"
#include "ckg/metrics.h"
#include "ckg/status.h"

#define EPS 1e-12

typedef struct fixture {
    ckg_ontology *o;
    diag_list diags;
    ckg_graph *g;
    metrics_result *m;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list_init(&f->diags);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    metrics_free(f->m);
    graph_free(f->g);
    ontology_free(f->o);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

/* Loads tests/fixtures/metrics/<name>, builds the scope's graph and its metrics. */
static void compute(fixture *f, const char *name, const char *paper, const char *section,
                    int weighted)
{
    char dir[256];
    snprintf(dir, sizeof dir, "tests/fixtures/metrics/%s", name);
    assert_int_equal(ontology_load(dir, &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    graph_scope scope = {.paper = paper, .section = section};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_OK);
    metrics_options opt;
    metrics_options_default(&opt);
    opt.weighted = weighted;
    assert_int_equal(metrics_compute(f->g, &opt, &f->diags, &f->m), CKG_OK);
}

static double value(const fixture *f, const char *id, metrics_measure k)
{
    int32_t c = strmap_get(&f->o->concept_by_id, id);
    assert_true(c >= 0);
    int32_t v = f->g->vertex_of[c];
    assert_true(v >= 0);
    return metrics_value(f->m, (size_t)v, k);
}

#define assert_close(x, y) assert_true(fabs((x) - (y)) < EPS)

static const char *const leaves[] = {"star-leaf-a", "star-leaf-b", "star-leaf-c", "star-leaf-d"};

/* ------------------------------------------------------------------ star */

static void test_star_degrees_betweenness_harmonic_coreness(void **state)
{
    fixture *f = *state;
    compute(f, "star", "star", NULL, 0);
    assert_int_equal(f->m->n, 5);
    assert_close(value(f, "star-center", METRICS_DEGREE), 4);
    assert_close(value(f, "star-center", METRICS_IN_DEGREE), 4);
    assert_close(value(f, "star-center", METRICS_OUT_DEGREE), 0);
    /* all 6 pairs of leaves pass through the center: 6 * 2 / (4 * 3) = 1 */
    assert_close(value(f, "star-center", METRICS_BETWEENNESS), 1.0);
    /* center: 4 neighbors / 4; a leaf: (1 + 3 * 1/2) / 4 */
    assert_close(value(f, "star-center", METRICS_HARMONIC), 1.0);
    for (int i = 0; i < 4; i++) {
        assert_close(value(f, leaves[i], METRICS_DEGREE), 1);
        assert_close(value(f, leaves[i], METRICS_OUT_DEGREE), 1);
        assert_close(value(f, leaves[i], METRICS_BETWEENNESS), 0.0);
        assert_close(value(f, leaves[i], METRICS_HARMONIC), 0.625);
        assert_close(value(f, leaves[i], METRICS_CORENESS), 1);
    }
    assert_close(value(f, "star-center", METRICS_CORENESS), 1);
}

static void test_star_pagerank_closed_form(void **state)
{
    fixture *f = *state;
    compute(f, "star", "star", NULL, 0);
    /* leaf x, center y (dangling): x = 0.15/5 + 0.85 y/5, 4x + y = 1 -> y = 11/21, x = 5/42 */
    assert_close(value(f, "star-center", METRICS_PAGERANK), 11.0 / 21.0);
    for (int i = 0; i < 4; i++)
        assert_close(value(f, leaves[i], METRICS_PAGERANK), 5.0 / 42.0);
}

static void test_star_leaves_are_hubs_center_is_authority(void **state)
{
    fixture *f = *state;
    compute(f, "star", "star", NULL, 0);
    assert_close(value(f, "star-center", METRICS_HUB), 0.0);
    assert_close(value(f, "star-center", METRICS_AUTHORITY), 1.0);
    for (int i = 0; i < 4; i++) {
        assert_close(value(f, leaves[i], METRICS_HUB), 1.0);
        assert_close(value(f, leaves[i], METRICS_AUTHORITY), 0.0);
    }
}

static void test_star_figures(void **state)
{
    fixture *f = *state;
    compute(f, "star", "star", NULL, 0);
    const metrics_figures *g = &f->m->graph;
    assert_int_equal(g->nodes, 5);
    assert_int_equal(g->edges, 4);
    assert_close(g->density, 4.0 / 20.0);
    assert_int_equal(g->components, 1);
    assert_int_equal(g->diameter, 2);
    /* any split of a star lowers modularity below that of one community, 0 */
    assert_int_equal(g->communities, 1);
    assert_close(g->modularity, 0.0);
    /* center (core) vs leaves (factors): no edge inside a theme, -(4/8)² - (4/8)² */
    assert_close(g->theme_modularity, -0.5);
}

static void test_all_scope_keeps_the_isolated_concept(void **state)
{
    fixture *f = *state;
    compute(f, "star", NULL, NULL, 0);
    const metrics_figures *g = &f->m->graph;
    assert_int_equal(g->nodes, 6);
    assert_int_equal(g->components, 2);
    assert_int_equal(g->largest_component, 5);
    assert_int_equal(g->communities, 2);
    assert_close(value(f, "star-alone", METRICS_DEGREE), 0);
    assert_close(value(f, "star-alone", METRICS_HARMONIC), 0);
    assert_close(value(f, "star-alone", METRICS_COMMUNITY), 2); /* the smaller one */
    assert_close(value(f, "star-center", METRICS_COMMUNITY), 1);
    /* n = 6 now: 6 * 2 / (5 * 4) and 4 / 5 */
    assert_close(value(f, "star-center", METRICS_BETWEENNESS), 0.6);
    assert_close(value(f, "star-center", METRICS_HARMONIC), 0.8);
    assert_close(value(f, "star-leaf-a", METRICS_HARMONIC), 0.5);
}

/* ------------------------------------------------------------------ path */

static void test_path_betweenness_harmonic_diameter(void **state)
{
    fixture *f = *state;
    compute(f, "path", NULL, NULL, 0);
    /* b lies between (a,c) and (a,d): 2 * 2 / (3 * 2) */
    assert_close(value(f, "path-b", METRICS_BETWEENNESS), 2.0 / 3.0);
    assert_close(value(f, "path-c", METRICS_BETWEENNESS), 2.0 / 3.0);
    assert_close(value(f, "path-a", METRICS_BETWEENNESS), 0.0);
    assert_close(value(f, "path-a", METRICS_HARMONIC), (1.0 + 1.0 / 2 + 1.0 / 3) / 3);
    assert_close(value(f, "path-b", METRICS_HARMONIC), (1.0 + 1.0 + 1.0 / 2) / 3);
    assert_int_equal(f->m->graph.diameter, 3);
    assert_close(f->m->graph.density, 3.0 / 12.0);
    /* themes {a,b} {c,d}: 2 (1/3 - (3/6)²) */
    assert_close(f->m->graph.theme_modularity, 1.0 / 6.0);
}

static void test_path_pagerank_solves_its_equations(void **state)
{
    fixture *f = *state;
    compute(f, "path", NULL, NULL, 0);
    double a = value(f, "path-a", METRICS_PAGERANK), b = value(f, "path-b", METRICS_PAGERANK);
    double c = value(f, "path-c", METRICS_PAGERANK), d = value(f, "path-d", METRICS_PAGERANK);
    /* d is dangling: everyone gets t = 0.15/4 + 0.85 d/4, then what flows in */
    double t = 0.15 / 4 + 0.85 * d / 4;
    assert_close(a, t);
    assert_close(b, t + 0.85 * a);
    assert_close(c, t + 0.85 * b);
    assert_close(d, t + 0.85 * c);
    assert_close(a + b + c + d, 1.0);
}

static void test_path_repeated_eigenvalue_gives_kleinbergs_limit(void **state)
{
    fixture *f = *state;
    compute(f, "path", NULL, NULL, 0);
    /* A·Aᵀ = diag(1, 1, 1, 0): ones projected onto span{a, b, c} */
    assert_close(value(f, "path-a", METRICS_HUB), 1.0);
    assert_close(value(f, "path-b", METRICS_HUB), 1.0);
    assert_close(value(f, "path-c", METRICS_HUB), 1.0);
    assert_close(value(f, "path-d", METRICS_HUB), 0.0);
    assert_close(value(f, "path-a", METRICS_AUTHORITY), 0.0);
    assert_close(value(f, "path-b", METRICS_AUTHORITY), 1.0);
    assert_close(value(f, "path-d", METRICS_AUTHORITY), 1.0);
}

/* ------------------------------------------------------------------ bridge */

static void test_bridge_communities_are_the_two_triangles(void **state)
{
    fixture *f = *state;
    compute(f, "bridge", NULL, NULL, 0);
    double ca = value(f, "tri-a", METRICS_COMMUNITY), cd = value(f, "tri-d", METRICS_COMMUNITY);
    assert_true(ca != cd);
    assert_close(ca, 1); /* equal sizes: the one holding the first vertex comes first */
    assert_close(value(f, "tri-b", METRICS_COMMUNITY), ca);
    assert_close(value(f, "tri-c", METRICS_COMMUNITY), ca);
    assert_close(value(f, "tri-e", METRICS_COMMUNITY), cd);
    assert_close(value(f, "tri-f", METRICS_COMMUNITY), cd);
    assert_int_equal(f->m->graph.communities, 2);
    /* m = 7, each triangle 3 edges and degree sum 7: 2 (3/7 - (7/14)²) = 5/14 */
    assert_close(f->m->graph.modularity, 5.0 / 14.0);
    /* themes {a,b,c,f} {d,e}: (3/7 - (9/14)²) + (1/7 - (5/14)²) = 3/98 */
    assert_close(f->m->graph.theme_modularity, 3.0 / 98.0);
}

static void test_bridge_unweighted_paths_and_cores(void **state)
{
    fixture *f = *state;
    compute(f, "bridge", NULL, NULL, 0);
    /* c and d carry the 2 x 3 pairs across: 6 * 2 / (5 * 4) */
    assert_close(value(f, "tri-c", METRICS_BETWEENNESS), 0.6);
    assert_close(value(f, "tri-d", METRICS_BETWEENNESS), 0.6);
    assert_close(value(f, "tri-a", METRICS_BETWEENNESS), 0.0);
    assert_close(value(f, "tri-c", METRICS_HARMONIC), (3 + 2 * 0.5) / 5.0);
    assert_close(value(f, "tri-a", METRICS_HARMONIC), (2 + 0.5 + 2.0 / 3) / 5.0);
    for (const char *id = "abcdef"; *id; id++) {
        char name[8] = "tri-?";
        name[4] = *id;
        assert_close(value(f, name, METRICS_CORENESS), 2);
    }
    assert_int_equal(f->m->graph.diameter, 3);
    assert_close(f->m->graph.density, 7.0 / 30.0);
}

static void test_bridge_weighted_counts_papers_and_ties_paths(void **state)
{
    fixture *f = *state;
    compute(f, "bridge", NULL, NULL, 1);
    /* a->b, c->a, c->d weigh 2: strengths */
    assert_close(value(f, "tri-c", METRICS_DEGREE), 5);
    assert_close(value(f, "tri-c", METRICS_OUT_DEGREE), 4);
    assert_close(value(f, "tri-a", METRICS_DEGREE), 4);
    /* lengths 1/w: b-a-c (0.5 + 0.5) ties b-c (1), so a carries half of (b,c), (b,d),
     * (b,e), (b,f): 2 * 2 / 20 */
    assert_close(value(f, "tri-a", METRICS_BETWEENNESS), 0.2);
    assert_close(value(f, "tri-c", METRICS_BETWEENNESS), 0.6);
    assert_close(value(f, "tri-b", METRICS_BETWEENNESS), 0.0);
    /* a: b 0.5, c 0.5, d 1, e 2, f 2 away */
    assert_close(value(f, "tri-a", METRICS_HARMONIC), (2 + 2 + 1 + 0.5 + 0.5) / 5.0);
    /* W = 10, strengths abc 12, def 8, inside 5 and 3 */
    assert_close(f->m->graph.modularity, 0.5 - 0.36 + 0.3 - 0.16);
    /* themes {a,b,c,f}: inside 5, strength 14; {d,e}: inside 1, strength 6 */
    assert_close(f->m->graph.theme_modularity, 0.5 - 0.49 + 0.1 - 0.09);
    assert_int_equal(f->m->graph.diameter, 3); /* always in edges */
    /* coreness ignores weights */
    assert_close(value(f, "tri-c", METRICS_CORENESS), 2);
}

static void test_graph_without_edges(void **state)
{
    fixture *f = *state;
    compute(f, "bridge", "quiet", NULL, 0);
    const metrics_figures *g = &f->m->graph;
    assert_int_equal(g->nodes, 2);
    assert_int_equal(g->edges, 0);
    assert_int_equal(g->components, 2);
    assert_int_equal(g->communities, 2);
    assert_int_equal(g->diameter, 0);
    assert_true(isnan(g->modularity));
    assert_true(isnan(g->theme_modularity));
    assert_close(value(f, "tri-a", METRICS_PAGERANK), 0.5);
    assert_close(value(f, "tri-a", METRICS_HUB), 1.0);
    assert_close(value(f, "tri-e", METRICS_AUTHORITY), 1.0);
}

static void test_graph_without_vertices(void **state)
{
    fixture *f = *state;
    compute(f, "bridge", "quiet", "silent", 0);
    assert_int_equal(f->m->n, 0);
    assert_int_equal(f->m->graph.components, 0);
    assert_int_equal(f->m->graph.communities, 0);
}

/* ------------------------------------------------------------------ communities, options */

static void test_communities_repeat_and_leave_the_callers_rng_alone(void **state)
{
    fixture *f = *state;
    compute(f, "bridge", NULL, NULL, 0);
    metrics_options opt;
    metrics_options_default(&opt);
    const metrics_community_method methods[] = {METRICS_LEIDEN, METRICS_LOUVAIN};
    for (int i = 0; i < 2; i++) {
        opt.method = methods[i];
        opt.seed = 42;
        metrics_result *x, *y;
        igraph_rng_seed(igraph_rng_default(), 7);
        igraph_integer_t before = igraph_rng_get_integer(igraph_rng_default(), 0, 1 << 30);
        igraph_rng_seed(igraph_rng_default(), 7);
        assert_int_equal(metrics_compute(f->g, &opt, &f->diags, &x), CKG_OK);
        igraph_integer_t after = igraph_rng_get_integer(igraph_rng_default(), 0, 1 << 30);
        assert_int_equal(before, after);
        assert_int_equal(metrics_compute(f->g, &opt, &f->diags, &y), CKG_OK);
        assert_memory_equal(x->values[METRICS_COMMUNITY], y->values[METRICS_COMMUNITY],
                            x->n * sizeof(double));
        assert_true(x->graph.modularity == y->graph.modularity);
        metrics_free(x);
        metrics_free(y);
    }
}

static void test_damping_out_of_range_is_refused(void **state)
{
    fixture *f = *state;
    compute(f, "path", NULL, NULL, 0);
    metrics_options opt;
    metrics_options_default(&opt);
    opt.damping = 1.0;
    metrics_result *x = NULL;
    assert_int_equal(metrics_compute(f->g, &opt, &f->diags, &x), CKG_EUSAGE);
    assert_null(x);
    assert_non_null(strstr(f->diags.items[f->diags.n - 1].message, "damping"));
}

/* skip_paths leaves the path measures out (NaN, diameter 0) and the others as they were. */
static void test_skip_paths_leaves_the_path_measures_out_only(void **state)
{
    fixture *f = *state;
    compute(f, "bridge", NULL, NULL, 0);
    metrics_options opt;
    metrics_options_default(&opt);
    opt.skip_paths = 1;
    metrics_result *x = NULL;
    assert_int_equal(metrics_compute(f->g, &opt, &f->diags, &x), CKG_OK);
    for (size_t v = 0; v < x->n; v++) {
        assert_true(isnan(metrics_value(x, v, METRICS_BETWEENNESS)));
        assert_true(isnan(metrics_value(x, v, METRICS_HARMONIC)));
        for (int k = 0; k < METRICS_N_MEASURES; k++) {
            if (k != METRICS_BETWEENNESS && k != METRICS_HARMONIC)
                assert_true(metrics_value(x, v, k) == metrics_value(f->m, v, k));
        }
    }
    assert_int_equal(x->graph.diameter, 0);
    assert_int_equal(f->m->graph.diameter, 3);
    metrics_free(x);
}

/* metrics_compute_basic gives the degrees and PageRank of metrics_compute to the last digit,
 * weighted or not, and leaves every measure igraph computes NaN. */
static void test_basic_gives_degrees_and_pagerank_alone(void **state)
{
    fixture *f = *state;
    static const char *const fixtures[] = {"bridge", "star", "escape"};
    for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
        for (int weighted = 0; weighted <= 1; weighted++) {
            compute(f, fixtures[i], NULL, NULL, weighted);
            metrics_options opt;
            metrics_options_default(&opt);
            opt.weighted = weighted;
            metrics_result *x = NULL;
            assert_int_equal(metrics_compute_basic(f->g, &opt, &f->diags, &x), CKG_OK);
            assert_int_equal(x->n, f->m->n);
            assert_true(x->n > 0);
            for (size_t v = 0; v < x->n; v++) {
                for (int k = 0; k < METRICS_N_MEASURES; k++) {
                    int basic = k == METRICS_DEGREE || k == METRICS_IN_DEGREE ||
                                k == METRICS_OUT_DEGREE || k == METRICS_PAGERANK;
                    if (basic)
                        assert_true(metrics_value(x, v, k) == metrics_value(f->m, v, k));
                    else
                        assert_true(isnan(metrics_value(x, v, k)));
                }
            }
            assert_int_equal(x->graph.nodes, f->m->graph.nodes);
            assert_int_equal(x->graph.edges, f->m->graph.edges);
            assert_true(x->graph.density == f->m->graph.density);
            metrics_free(x);
            metrics_free(f->m);
            graph_free(f->g);
            ontology_free(f->o);
            f->m = NULL;
            f->g = NULL;
            f->o = NULL;
        }
    }
}

static void test_measure_names_round_trip(void **state)
{
    (void)state;
    for (int k = 0; k < METRICS_N_MEASURES; k++) {
        metrics_measure back;
        assert_int_equal(metrics_measure_from_name(metrics_measure_name(k), &back), CKG_OK);
        assert_int_equal(back, k);
    }
    metrics_measure m;
    assert_int_equal(metrics_measure_from_name("in-degree", &m), CKG_OK);
    assert_int_equal(m, METRICS_IN_DEGREE);
    assert_int_equal(metrics_measure_from_name("page_rank", &m), CKG_ENOTFOUND);
    assert_int_equal(metrics_measure_from_name("", &m), CKG_ENOTFOUND);
    assert_null(metrics_measure_name(METRICS_N_MEASURES));
    assert_true(metrics_measure_is_integer(METRICS_CORENESS));
    assert_false(metrics_measure_is_integer(METRICS_PAGERANK));
}

static void test_ranks_share_the_average_of_ties(void **state)
{
    (void)state;
    const double values[] = {3.0, 1.0, 3.0, 2.0, 3.0};
    double ranks[5];
    assert_int_equal(metrics_rank_values(values, 5, ranks), CKG_OK);
    assert_close(ranks[0], 2.0); /* the three 3s hold ranks 1, 2, 3 */
    assert_close(ranks[2], 2.0);
    assert_close(ranks[4], 2.0);
    assert_close(ranks[3], 4.0);
    assert_close(ranks[1], 5.0);
}

/* metrics_rank_of counts what metrics_rank_values sorts: the same double, bit for bit, for
 * every vertex of lists full of ties (few distinct values), with NaN and signed zeros. */
static void test_rank_of_one_equals_the_rank_among_all(void **state)
{
    (void)state;
    double values[257], ranks[257];
    unsigned seed = 12345;
    for (size_t n = 1; n <= 257; n += 32) {
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % 9;
            values[i] = r == 7 ? NAN : r == 8 ? -0.0 : (double)(r % 4) / 3.0;
        }
        assert_int_equal(metrics_rank_values(values, n, ranks), CKG_OK);
        for (size_t v = 0; v < n; v++) {
            double one = metrics_rank_of(values, n, v);
            assert_memory_equal(&one, &ranks[v], sizeof one);
        }
    }
}

static void test_order_breaks_ties_by_id_and_lists_communities_smallest_first(void **state)
{
    fixture *f = *state;
    compute(f, "star", NULL, NULL, 0);
    size_t order[6];
    assert_int_equal(metrics_order(f->m, METRICS_PAGERANK, order), CKG_OK);
    const char *expect[] = {"star-center", "star-alone", "star-leaf-a", "star-leaf-b",
                            "star-leaf-c", "star-leaf-d"};
    for (int i = 0; i < 6; i++)
        assert_string_equal(f->o->concepts[f->g->vertices[order[i]].concept].id.s, expect[i]);
    assert_int_equal(metrics_order(f->m, METRICS_COMMUNITY, order), CKG_OK);
    assert_string_equal(f->o->concepts[f->g->vertices[order[5]].concept].id.s, "star-alone");
    double ranks[6];
    assert_int_equal(metrics_ranks(f->m, METRICS_DEGREE, ranks), CKG_OK);
    assert_close(ranks[f->g->vertex_of[strmap_get(&f->o->concept_by_id, "star-center")]], 1.0);
    assert_close(ranks[f->g->vertex_of[strmap_get(&f->o->concept_by_id, "star-leaf-b")]], 3.5);
}

/* ------------------------------------------------------------------ the breadth-first pass */

/* A random undirected graph as igraph graph and compressed adjacency. */
static void random_graph(igraph_t *u, metrics_csr *c, igraph_integer_t n, igraph_integer_t m)
{
    igraph_rng_seed(igraph_rng_default(), 3);
    assert_int_equal(igraph_erdos_renyi_game_gnm(u, n, m, IGRAPH_UNDIRECTED, 0), IGRAPH_SUCCESS);
    c->n = (size_t)n;
    c->offset = calloc((size_t)n + 1, sizeof *c->offset);
    c->adj = malloc(2 * (size_t)m * sizeof *c->adj);
    for (igraph_integer_t e = 0; e < m; e++) {
        c->offset[IGRAPH_FROM(u, e) + 1]++;
        c->offset[IGRAPH_TO(u, e) + 1]++;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        c->offset[v + 1] += c->offset[v];
    int32_t *fill = malloc((size_t)n * sizeof *fill);
    memcpy(fill, c->offset, (size_t)n * sizeof *fill);
    for (igraph_integer_t e = 0; e < m; e++) {
        int32_t a = (int32_t)IGRAPH_FROM(u, e), b = (int32_t)IGRAPH_TO(u, e);
        c->adj[fill[a]++] = b;
        c->adj[fill[b]++] = a;
    }
    free(fill);
}

static void test_paths_match_igraph_for_any_thread_count(void **state)
{
    (void)state;
    igraph_t u;
    metrics_csr c;
    const igraph_integer_t n = 600, m = 1500; /* sparse: several components */
    random_graph(&u, &c, n, m);
    double *b1 = malloc(n * sizeof *b1), *h1 = malloc(n * sizeof *h1);
    double *b4 = malloc(n * sizeof *b4), *h4 = malloc(n * sizeof *h4);
    size_t d1, d4;
    assert_int_equal(metrics_paths(&c, 1, b1, h1, &d1), CKG_OK);
    assert_int_equal(metrics_paths(&c, 4, b4, h4, &d4), CKG_OK);
    /* identical bits, whatever the threads */
    assert_memory_equal(b1, b4, n * sizeof *b1);
    assert_memory_equal(h1, h4, n * sizeof *h1);
    assert_int_equal(d1, d4);

    igraph_vector_t res;
    igraph_vector_init(&res, 0);
    assert_int_equal(igraph_betweenness(&u, &res, igraph_vss_all(), 0, NULL), IGRAPH_SUCCESS);
    for (igraph_integer_t v = 0; v < n; v++)
        assert_true(fabs(b1[v] - VECTOR(res)[v] * 2.0 / ((n - 1.0) * (n - 2.0))) < 1e-12);
    assert_int_equal(igraph_harmonic_centrality(&u, &res, igraph_vss_all(), IGRAPH_ALL, NULL, 1),
                     IGRAPH_SUCCESS);
    for (igraph_integer_t v = 0; v < n; v++)
        assert_true(fabs(h1[v] - VECTOR(res)[v]) < 1e-12);
    igraph_real_t diameter;
    assert_int_equal(igraph_diameter(&u, &diameter, NULL, NULL, NULL, NULL, 0, 1), IGRAPH_SUCCESS);
    assert_int_equal(d1, (size_t)diameter);
    igraph_vector_destroy(&res);
    igraph_destroy(&u);
    free(c.offset);
    free(c.adj);
    free(b1);
    free(h1);
    free(b4);
    free(h4);
}

static void test_hits_matches_igraph_when_the_eigenvalue_is_simple(void **state)
{
    (void)state;
    igraph_t g;
    const igraph_integer_t n = 300;
    igraph_rng_seed(igraph_rng_default(), 5);
    /* one strongly tied graph: a ring plus random edges, so one block dominates */
    assert_int_equal(igraph_erdos_renyi_game_gnm(&g, n, 1200, IGRAPH_DIRECTED, 0), IGRAPH_SUCCESS);
    igraph_integer_t m = igraph_ecount(&g);
    int32_t *from = malloc(m * sizeof *from), *to = malloc(m * sizeof *to);
    double *w = malloc(m * sizeof *w);
    igraph_vector_t wv;
    igraph_vector_init(&wv, m);
    for (igraph_integer_t e = 0; e < m; e++) {
        from[e] = (int32_t)IGRAPH_FROM(&g, e);
        to[e] = (int32_t)IGRAPH_TO(&g, e);
        w[e] = VECTOR(wv)[e] = 1.0 + (double)(e % 3);
    }
    double *hub = malloc(n * sizeof *hub), *auth = malloc(n * sizeof *auth);
    igraph_vector_t h, a;
    igraph_vector_init(&h, 0);
    igraph_vector_init(&a, 0);
    for (int weighted = 0; weighted < 2; weighted++) {
        assert_int_equal(metrics_hits((size_t)n, from, to, weighted ? w : NULL, (size_t)m, hub, auth),
                         IGRAPH_SUCCESS);
        igraph_arpack_options_t arpack;
        igraph_arpack_options_init(&arpack);
        assert_int_equal(igraph_hub_and_authority_scores(&g, &h, &a, NULL, 1,
                                                         weighted ? &wv : NULL, &arpack),
                         IGRAPH_SUCCESS);
        for (igraph_integer_t v = 0; v < n; v++) {
            assert_true(fabs(hub[v] - VECTOR(h)[v]) < 1e-9);
            assert_true(fabs(auth[v] - VECTOR(a)[v]) < 1e-9);
        }
    }
    igraph_vector_destroy(&h);
    igraph_vector_destroy(&a);
    igraph_vector_destroy(&wv);
    igraph_destroy(&g);
    free(from);
    free(to);
    free(w);
    free(hub);
    free(auth);
}

/* metrics_pagerank alone (what ckg score calls) gives metrics_compute's PageRank to the last
 * bit, weighted and not. */
static void test_pagerank_alone(void **state)
{
    fixture *f = *state;
    static const char *const names[] = {"star", "path", "bridge"};
    for (size_t i = 0; i < 3; i++) {
        for (int weighted = 0; weighted < 2; weighted++) {
            compute(f, names[i], NULL, NULL, weighted);
            double *pr = malloc(f->g->n_vertices * sizeof *pr);
            assert_non_null(pr);
            assert_int_equal(metrics_pagerank(f->g, weighted, 0.85, pr), CKG_OK);
            const double *want = metrics_values(f->m, METRICS_PAGERANK);
            for (size_t v = 0; v < f->g->n_vertices; v++)
                assert_memory_equal(&pr[v], &want[v], sizeof pr[v]);
            free(pr);
            metrics_free(f->m);
            graph_free(f->g);
            ontology_free(f->o);
            f->m = NULL, f->g = NULL, f->o = NULL;
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_star_degrees_betweenness_harmonic_coreness, setup, teardown),
        cmocka_unit_test_setup_teardown(test_star_pagerank_closed_form, setup, teardown),
        cmocka_unit_test_setup_teardown(test_star_leaves_are_hubs_center_is_authority, setup, teardown),
        cmocka_unit_test_setup_teardown(test_star_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_all_scope_keeps_the_isolated_concept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_path_betweenness_harmonic_diameter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_path_pagerank_solves_its_equations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_path_repeated_eigenvalue_gives_kleinbergs_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bridge_communities_are_the_two_triangles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bridge_unweighted_paths_and_cores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bridge_weighted_counts_papers_and_ties_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_graph_without_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_graph_without_vertices, setup, teardown),
        cmocka_unit_test_setup_teardown(test_communities_repeat_and_leave_the_callers_rng_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damping_out_of_range_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_skip_paths_leaves_the_path_measures_out_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_basic_gives_degrees_and_pagerank_alone, setup, teardown),
        cmocka_unit_test(test_measure_names_round_trip),
        cmocka_unit_test(test_ranks_share_the_average_of_ties),
        cmocka_unit_test(test_rank_of_one_equals_the_rank_among_all),
        cmocka_unit_test_setup_teardown(test_order_breaks_ties_by_id_and_lists_communities_smallest_first, setup, teardown),
        cmocka_unit_test(test_paths_match_igraph_for_any_thread_count),
        cmocka_unit_test(test_hits_matches_igraph_when_the_eigenvalue_is_simple),
        cmocka_unit_test_setup_teardown(test_pagerank_alone, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
