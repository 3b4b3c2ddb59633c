/* test_query.c — the query module on the query fixture (tests/fixtures/query): the statement
 * index, neighbor walks (filters, depth, cycles), shortest paths, text search and its
 * ranking, the facts about one concept, quote lines and centrality ranks.
 *
 * The fixture's relations (alpha: a, beta: b):
 *   data-factor -supports-> tfp (a, b)      data-factor -promotes-> tfp (b)
 *   data-factor -part_of-> digital-economy (a)   digital-economy -promotes-> data-factor (b)
 *   computing-power -supports-> data-factor (a)  growth -promotes-> data-factor (a)
 *   tfp -causes-> growth (a)                 new-momentum -promotes-> growth (b)
 *   digital-economy -causes-> new-momentum (a)   innovation -causes-> new-momentum (a)
 *   innovation -causes-> tfp (a)             innovation -promotes-> tfp (b)
 *   digital-platform -supports-> digital-economy (a)
 *   platform-economy -part_of-> digital-economy (b)
 * orphan has no relation; data-factor -> tfp -> growth -> data-factor is a cycle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/query.h"
#include "ckg/status.h"

#define FIXTURE "tests/fixtures/query"

typedef struct fixture {
    ckg_ontology *o;
    query_index *qi;
    diag_list diags;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list_init(&f->diags);
    assert_int_equal(ontology_load(FIXTURE, &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    assert_int_equal(query_index_build(f->o, &f->qi), CKG_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    query_index_free(f->qi);
    ontology_free(f->o);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

static int32_t C(const fixture *f, const char *id)
{
    int32_t c = strmap_get(&f->o->concept_by_id, id);
    assert_true(c >= 0);
    return c;
}

static int32_t K(const fixture *f, const char *id)
{
    int32_t k = strmap_get(&f->o->kind_by_id, id);
    assert_true(k >= 0);
    return k;
}

static int32_t P(const fixture *f, const char *id)
{
    int32_t p = strmap_get(&f->o->paper_by_id, id);
    assert_true(p >= 0);
    return p;
}

/* The link to concept by kind in direction, or NULL. */
static const query_link *find_link(const fixture *f, const query_link *links, size_t n,
                                   const char *concept, const char *kind, unsigned dir)
{
    for (size_t i = 0; i < n; i++) {
        if (links[i].concept == C(f, concept) && links[i].kind == K(f, kind) &&
            links[i].direction == dir)
            return &links[i];
    }
    return NULL;
}

static query_neighbors *walk(fixture *f, const char *from, uint32_t depth,
                             const query_filter *filter)
{
    query_neighbors *nb = NULL;
    assert_int_equal(query_neighbors_walk(f->qi, C(f, from), depth, filter, &nb), CKG_OK);
    assert_non_null(nb);
    return nb;
}

/* ---------------------------------------------------------------- index */

static void test_index_groups_statements_by_both_ends(void **state)
{
    fixture *f = *state;
    int32_t d = C(f, "data-factor");
    assert_int_equal(f->qi->n_stmts, 15);
    /* supports tfp twice (alpha, beta), promotes tfp, part_of digital-economy */
    assert_int_equal(f->qi->out_start[d + 1] - f->qi->out_start[d], 4);
    assert_int_equal(f->qi->in_start[d + 1] - f->qi->in_start[d], 3);
    for (uint32_t k = f->qi->out_start[d]; k < f->qi->out_start[d + 1]; k++)
        assert_int_equal(f->qi->stmts[k].from, d);
    for (uint32_t k = f->qi->in_start[d]; k < f->qi->in_start[d + 1]; k++)
        assert_int_equal(f->qi->stmts[f->qi->in_stmts[k]].to, d);
    int32_t o = C(f, "orphan");
    assert_int_equal(f->qi->out_start[o + 1] - f->qi->out_start[o], 0);
    assert_int_equal(f->qi->in_start[o + 1] - f->qi->in_start[o], 0);
}

static void test_index_leaves_out_self_relations(void **state)
{
    fixture *f = *state;
    ckg_relation *r = (ckg_relation *)&f->o->papers[P(f, "alpha")].relations[0];
    r->to_index = r->from_index;
    query_index_free(f->qi);
    assert_int_equal(query_index_build(f->o, &f->qi), CKG_OK);
    assert_int_equal(f->qi->n_stmts, 14);
}

/* ---------------------------------------------------------------- neighbors */

static void test_neighbors_depth_one_lists_each_kind_and_direction(void **state)
{
    fixture *f = *state;
    query_neighbors *nb = walk(f, "data-factor", 1, NULL);
    assert_int_equal(nb->n_links, 6);
    assert_int_equal(nb->n_concepts, 4);
    assert_int_equal(nb->n_papers, 2);
    const query_link *l = find_link(f, nb->links, nb->n_links, "tfp", "supports", QUERY_OUT);
    assert_non_null(l);
    assert_int_equal(l->depth, 1);
    assert_int_equal(l->n_papers, 2);
    assert_int_equal(l->papers[0], P(f, "alpha"));
    assert_int_equal(l->papers[1], P(f, "beta"));
    assert_int_equal(l->n_stmts, 2);
    assert_int_equal(l->n_via, 1);
    assert_int_equal(l->via[0], C(f, "data-factor"));
    l = find_link(f, nb->links, nb->n_links, "tfp", "promotes", QUERY_OUT);
    assert_non_null(l);
    assert_int_equal(l->n_papers, 1);
    assert_int_equal(l->papers[0], P(f, "beta"));
    assert_non_null(find_link(f, nb->links, nb->n_links, "digital-economy", "part_of", QUERY_OUT));
    assert_non_null(find_link(f, nb->links, nb->n_links, "digital-economy", "promotes", QUERY_IN));
    assert_non_null(find_link(f, nb->links, nb->n_links, "computing-power", "supports", QUERY_IN));
    assert_non_null(find_link(f, nb->links, nb->n_links, "growth", "promotes", QUERY_IN));
    query_neighbors_free(nb);
}

static void test_neighbors_are_ordered_by_direction_kind_then_papers(void **state)
{
    fixture *f = *state;
    query_neighbors *nb = walk(f, "data-factor", 1, NULL);
    /* out: supports tfp (2 papers), part_of digital-economy, promotes tfp;
     * in: supports computing-power, promotes digital-economy, promotes growth */
    static const char *const want[][3] = {
        {"tfp", "supports", "out"},           {"digital-economy", "part_of", "out"},
        {"tfp", "promotes", "out"},           {"computing-power", "supports", "in"},
        {"digital-economy", "promotes", "in"}, {"growth", "promotes", "in"},
    };
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(nb->links[i].concept, C(f, want[i][0]));
        assert_int_equal(nb->links[i].kind, K(f, want[i][1]));
        assert_int_equal(nb->links[i].direction,
                         strcmp(want[i][2], "out") == 0 ? QUERY_OUT : QUERY_IN);
    }
    query_neighbors_free(nb);
}

static void test_neighbors_direction_out_and_in(void **state)
{
    fixture *f = *state;
    query_filter out = QUERY_FILTER_ALL, in = QUERY_FILTER_ALL;
    out.direction = QUERY_OUT;
    in.direction = QUERY_IN;
    query_neighbors *nb = walk(f, "data-factor", 1, &out);
    assert_int_equal(nb->n_links, 3);
    for (size_t i = 0; i < nb->n_links; i++)
        assert_int_equal(nb->links[i].direction, QUERY_OUT);
    query_neighbors_free(nb);
    nb = walk(f, "data-factor", 1, &in);
    assert_int_equal(nb->n_links, 3);
    for (size_t i = 0; i < nb->n_links; i++)
        assert_int_equal(nb->links[i].direction, QUERY_IN);
    query_neighbors_free(nb);
}

static void test_neighbors_kind_filter_keeps_only_those_kinds(void **state)
{
    fixture *f = *state;
    int32_t kinds[] = {K(f, "promotes")};
    query_filter flt = QUERY_FILTER_ALL;
    flt.kinds = kinds;
    flt.n_kinds = 1;
    query_neighbors *nb = walk(f, "data-factor", 1, &flt);
    assert_int_equal(nb->n_links, 3);
    for (size_t i = 0; i < nb->n_links; i++)
        assert_int_equal(nb->links[i].kind, K(f, "promotes"));
    query_neighbors_free(nb);
}

static void test_neighbors_paper_filter_keeps_only_its_statements(void **state)
{
    fixture *f = *state;
    query_filter flt = QUERY_FILTER_ALL;
    flt.paper = P(f, "beta");
    query_neighbors *nb = walk(f, "data-factor", 1, &flt);
    assert_int_equal(nb->n_links, 3); /* supports tfp, promotes tfp, in: promotes digital-economy */
    assert_int_equal(nb->n_papers, 1);
    const query_link *l = find_link(f, nb->links, nb->n_links, "tfp", "supports", QUERY_OUT);
    assert_non_null(l);
    assert_int_equal(l->n_papers, 1);
    assert_int_equal(l->n_stmts, 1);
    assert_int_equal(l->stmts[0]->paper, P(f, "beta"));
    query_neighbors_free(nb);
}

static void test_neighbors_theme_filter_stops_the_walk_at_other_themes(void **state)
{
    fixture *f = *state;
    query_filter flt = QUERY_FILTER_ALL;
    flt.theme = strmap_get(&f->o->theme_by_id, "core");
    query_neighbors *nb = walk(f, "data-factor", 1, &flt);
    assert_null(find_link(f, nb->links, nb->n_links, "computing-power", "supports", QUERY_IN));
    assert_int_equal(nb->n_concepts, 3); /* tfp, digital-economy, growth */
    query_neighbors_free(nb);
    /* from computing-power (technology) within core: data-factor (factors) is not walked */
    nb = walk(f, "computing-power", 3, &flt);
    assert_int_equal(nb->n_links, 0);
    query_neighbors_free(nb);
}

static void test_neighbors_depth_two_follows_chains_with_via(void **state)
{
    fixture *f = *state;
    query_filter out = QUERY_FILTER_ALL;
    out.direction = QUERY_OUT;
    query_neighbors *nb = walk(f, "computing-power", 2, &out);
    const query_link *l = find_link(f, nb->links, nb->n_links, "data-factor", "supports", QUERY_OUT);
    assert_non_null(l);
    assert_int_equal(l->depth, 1);
    l = find_link(f, nb->links, nb->n_links, "tfp", "supports", QUERY_OUT);
    assert_non_null(l);
    assert_int_equal(l->depth, 2);
    assert_int_equal(l->via[0], C(f, "data-factor"));
    l = find_link(f, nb->links, nb->n_links, "digital-economy", "part_of", QUERY_OUT);
    assert_non_null(l);
    assert_int_equal(l->depth, 2);
    assert_int_equal(nb->n_concepts, 3);
    for (size_t i = 1; i < nb->n_links; i++)
        assert_true(nb->links[i - 1].depth <= nb->links[i].depth);
    query_neighbors_free(nb);
}

static void test_neighbors_concept_reached_from_two_vias_lists_both(void **state)
{
    fixture *f = *state;
    query_filter in = QUERY_FILTER_ALL;
    in.direction = QUERY_IN;
    /* growth <- tfp <- innovation (causes) and growth <- new-momentum <- innovation (causes) */
    query_neighbors *nb = walk(f, "growth", 2, &in);
    const query_link *l = find_link(f, nb->links, nb->n_links, "innovation", "causes", QUERY_IN);
    assert_non_null(l);
    assert_int_equal(l->depth, 2);
    assert_int_equal(l->n_via, 2);
    assert_int_equal(l->via[0], C(f, "new-momentum")); /* ascending: ontology order */
    assert_int_equal(l->via[1], C(f, "tfp"));
    assert_int_equal(l->n_stmts, 2);
    query_neighbors_free(nb);
}

static void test_neighbors_cycle_ends_the_walk(void **state)
{
    fixture *f = *state;
    query_filter out = QUERY_FILTER_ALL;
    out.direction = QUERY_OUT;
    /* data-factor -> tfp -> growth -> data-factor: the way back is not a neighbor */
    query_neighbors *nb = walk(f, "data-factor", 50, &out);
    assert_int_equal(nb->n_concepts, 4); /* tfp, digital-economy; growth, new-momentum */
    for (size_t i = 0; i < nb->n_links; i++) {
        assert_int_not_equal(nb->links[i].concept, C(f, "data-factor"));
        assert_true(nb->links[i].depth <= 2);
    }
    query_neighbors_free(nb);
}

static void test_neighbors_of_a_concept_without_relations_is_empty(void **state)
{
    fixture *f = *state;
    query_neighbors *nb = walk(f, "orphan", 3, NULL);
    assert_int_equal(nb->n_links, 0);
    assert_int_equal(nb->n_concepts, 0);
    query_neighbors_free(nb);
}

static void test_neighbors_reject_depth_zero_and_bad_concept(void **state)
{
    fixture *f = *state;
    query_neighbors *nb = NULL;
    assert_int_equal(query_neighbors_walk(f->qi, C(f, "tfp"), 0, NULL, &nb), CKG_EUSAGE);
    assert_null(nb);
    assert_int_equal(query_neighbors_walk(f->qi, -1, 1, NULL, &nb), CKG_EUSAGE);
    assert_int_equal(query_neighbors_walk(f->qi, (int32_t)f->o->n_concepts, 1, NULL, &nb),
                     CKG_EUSAGE);
}

/* ---------------------------------------------------------------- paths */

static query_paths *paths(fixture *f, const char *a, const char *b, const query_filter *flt,
                          size_t max)
{
    query_paths *ps = NULL;
    assert_int_equal(query_shortest_paths(f->qi, C(f, a), C(f, b), flt, max, &ps), CKG_OK);
    assert_non_null(ps);
    return ps;
}

static void test_path_ignores_direction_by_default(void **state)
{
    fixture *f = *state;
    /* computing-power -> data-factor, then data-factor <- growth / -> digital-economy, ... */
    query_paths *ps = paths(f, "computing-power", "new-momentum", NULL, 0);
    assert_true(ps->found);
    assert_int_equal(ps->length, 3);
    assert_int_equal(ps->total, 2);
    assert_int_equal(ps->n_paths, 2);
    const query_path *p = &ps->paths[0];
    assert_int_equal(p->concepts[0], C(f, "computing-power"));
    assert_int_equal(p->concepts[1], C(f, "data-factor"));
    assert_int_equal(p->concepts[2], C(f, "digital-economy"));
    assert_int_equal(p->concepts[3], C(f, "new-momentum"));
    assert_int_equal(ps->paths[1].concepts[2], C(f, "growth"));
    /* the step data-factor - digital-economy has both directions */
    assert_int_equal(p->steps[1].n_links, 2);
    assert_int_equal(p->steps[1].links[0].direction, QUERY_OUT);
    assert_int_equal(p->steps[1].links[0].kind, K(f, "part_of"));
    assert_int_equal(p->steps[1].links[1].direction, QUERY_IN);
    assert_int_equal(p->steps[1].links[1].kind, K(f, "promotes"));
    /* growth <- new-momentum goes against the relation */
    assert_int_equal(ps->paths[1].steps[2].links[0].direction, QUERY_IN);
    query_paths_free(ps);
}

static void test_path_directed_follows_from_to_only(void **state)
{
    fixture *f = *state;
    query_filter out = QUERY_FILTER_ALL;
    out.direction = QUERY_OUT;
    query_paths *ps = paths(f, "computing-power", "new-momentum", &out, 0);
    assert_true(ps->found);
    assert_int_equal(ps->length, 3);
    assert_int_equal(ps->total, 1);
    for (size_t i = 0; i < ps->length; i++) {
        assert_int_equal(ps->paths[0].steps[i].n_links, 1);
        assert_int_equal(ps->paths[0].steps[i].links[0].direction, QUERY_OUT);
    }
    query_paths_free(ps);
    /* and the other way round there is none */
    ps = paths(f, "new-momentum", "computing-power", &out, 0);
    assert_false(ps->found);
    assert_int_equal(ps->n_paths, 0);
    query_paths_free(ps);
}

static void test_path_one_shortest_still_counts_all(void **state)
{
    fixture *f = *state;
    query_paths *ps = paths(f, "computing-power", "new-momentum", NULL, 1);
    assert_int_equal(ps->n_paths, 1);
    assert_int_equal(ps->total, 2);
    query_paths_free(ps);
}

static void test_path_honors_kind_paper_and_theme(void **state)
{
    fixture *f = *state;
    int32_t kinds[] = {K(f, "supports")};
    query_filter flt = QUERY_FILTER_ALL;
    flt.kinds = kinds;
    flt.n_kinds = 1;
    query_paths *ps = paths(f, "computing-power", "tfp", &flt, 0);
    assert_int_equal(ps->length, 2);
    assert_int_equal(ps->paths[0].steps[1].n_links, 1); /* promotes is filtered out */
    query_paths_free(ps);
    flt = QUERY_FILTER_ALL;
    flt.paper = P(f, "beta");
    ps = paths(f, "computing-power", "tfp", &flt, 0);
    assert_false(ps->found); /* computing-power is only in alpha */
    query_paths_free(ps);
    flt = QUERY_FILTER_ALL;
    flt.theme = strmap_get(&f->o->theme_by_id, "core");
    ps = paths(f, "computing-power", "tfp", &flt, 0);
    assert_false(ps->found); /* the way is through data-factor, theme factors */
    query_paths_free(ps);
}

static void test_path_from_a_concept_to_itself_has_no_steps(void **state)
{
    fixture *f = *state;
    query_paths *ps = paths(f, "tfp", "tfp", NULL, 0);
    assert_true(ps->found);
    assert_int_equal(ps->length, 0);
    assert_int_equal(ps->total, 1);
    assert_int_equal(ps->n_paths, 1);
    assert_int_equal(ps->paths[0].concepts[0], C(f, "tfp"));
    query_paths_free(ps);
}

static void test_path_to_an_isolated_concept_is_not_found(void **state)
{
    fixture *f = *state;
    query_paths *ps = paths(f, "tfp", "orphan", NULL, 0);
    assert_false(ps->found);
    assert_int_equal(ps->total, 0);
    query_paths_free(ps);
    assert_int_equal(query_shortest_paths(f->qi, -1, 0, NULL, 0, &ps), CKG_EUSAGE);
}

static void test_path_through_a_cycle_is_shortest(void **state)
{
    fixture *f = *state;
    query_filter out = QUERY_FILTER_ALL;
    out.direction = QUERY_OUT;
    /* growth -> data-factor -> tfp: two steps, not around the cycle */
    query_paths *ps = paths(f, "growth", "tfp", &out, 0);
    assert_int_equal(ps->length, 2);
    assert_int_equal(ps->total, 1);
    assert_int_equal(ps->paths[0].concepts[1], C(f, "data-factor"));
    assert_int_equal(ps->paths[0].steps[1].n_links, 2); /* supports and promotes */
    query_paths_free(ps);
}

/* ---------------------------------------------------------------- avoid, k shortest */

static void test_path_avoid_goes_around_a_concept(void **state)
{
    fixture *f = *state;
    /* computing-power - data-factor - tfp is the only way of 2 steps */
    int32_t avoid[] = {C(f, "data-factor")};
    query_filter flt = QUERY_FILTER_ALL;
    flt.avoid = avoid;
    flt.n_avoid = 1;
    query_paths *ps = paths(f, "computing-power", "tfp", &flt, 0);
    assert_false(ps->found); /* computing-power's one relation is with data-factor */
    query_paths_free(ps);
    ps = paths(f, "digital-economy", "tfp", NULL, 0);
    assert_int_equal(ps->length, 2); /* through data-factor */
    query_paths_free(ps);
    ps = paths(f, "digital-economy", "tfp", &flt, 0);
    assert_true(ps->found);
    assert_int_equal(ps->length, 3); /* digital-economy - new-momentum - growth|innovation - tfp */
    for (size_t i = 0; i < ps->n_paths; i++)
        for (size_t k = 0; k <= ps->paths[i].length; k++)
            assert_int_not_equal(ps->paths[i].concepts[k], C(f, "data-factor"));
    query_paths_free(ps);
    /* an end is never avoided */
    int32_t ends[] = {C(f, "tfp")};
    flt.avoid = ends;
    ps = paths(f, "data-factor", "tfp", &flt, 0);
    assert_int_equal(ps->length, 1);
    query_paths_free(ps);
}

static query_paths *kpaths(fixture *f, const char *a, const char *b, const query_filter *flt,
                           size_t k)
{
    query_paths *ps = NULL;
    assert_int_equal(query_k_shortest_paths(f->qi, C(f, a), C(f, b), flt, k, &ps), CKG_OK);
    assert_non_null(ps);
    return ps;
}

static void test_k_shortest_paths_are_simple_and_in_order(void **state)
{
    fixture *f = *state;
    query_paths *ps = kpaths(f, "digital-economy", "tfp", NULL, 50);
    assert_true(ps->found);
    assert_true(ps->n_paths > 3);
    assert_int_equal(ps->total, ps->n_paths);
    assert_int_equal(ps->length, ps->paths[0].length);
    assert_int_equal(ps->paths[0].length, 2);
    for (size_t i = 0; i < ps->n_paths; i++) {
        const query_path *p = &ps->paths[i];
        assert_int_equal(p->concepts[0], C(f, "digital-economy"));
        assert_int_equal(p->concepts[p->length], C(f, "tfp"));
        for (size_t x = 0; x <= p->length; x++) /* simple */
            for (size_t y = x + 1; y <= p->length; y++)
                assert_int_not_equal(p->concepts[x], p->concepts[y]);
        for (size_t st = 0; st < p->length; st++) { /* every step has its relations */
            assert_true(p->steps[st].n_links > 0);
            assert_int_equal(p->steps[st].links[0].via[0], p->concepts[st]);
            assert_int_equal(p->steps[st].links[0].concept, p->concepts[st + 1]);
        }
        if (i) { /* (length, concepts) ascending, no repeats */
            const query_path *q = &ps->paths[i - 1];
            int cmp = q->length < p->length ? -1 : q->length > p->length ? 1 : 0;
            for (size_t x = 0; !cmp && x <= p->length; x++)
                cmp = q->concepts[x] < p->concepts[x] ? -1 : q->concepts[x] > p->concepts[x];
            assert_true(cmp < 0);
        }
    }
    query_paths_free(ps);
    /* fewer than asked when fewer exist; k 1 is the first shortest */
    ps = kpaths(f, "computing-power", "data-factor", NULL, 5);
    assert_int_equal(ps->n_paths, 1);
    query_paths_free(ps);
    ps = kpaths(f, "tfp", "tfp", NULL, 3);
    assert_int_equal(ps->n_paths, 1);
    assert_int_equal(ps->length, 0);
    query_paths_free(ps);
    ps = kpaths(f, "tfp", "orphan", NULL, 3);
    assert_false(ps->found);
    assert_int_equal(ps->n_paths, 0);
    query_paths_free(ps);
    assert_int_equal(query_k_shortest_paths(f->qi, C(f, "tfp"), C(f, "growth"), NULL, 0, &ps),
                     CKG_EUSAGE);
}

/* Brute force: every simple path from a to b of at most max_len steps over the relations
 * the filter allows, sorted by (length, concepts); Yen's first k must be its first k. */
typedef struct brute {
    int32_t **next; /* per concept: the concepts one step on, ascending, no repeats */
    size_t *n_next;
    int32_t b;
    int32_t stack[16];
    unsigned char on[4096];
    int32_t (*found)[16];
    size_t *lens, n, cap;
} brute;

static void brute_walk(brute *br, size_t depth, size_t max_len)
{
    int32_t u = br->stack[depth];
    if (u == br->b) {
        if (br->n < br->cap) {
            memcpy(br->found[br->n], br->stack, (depth + 1) * sizeof *br->stack);
            br->lens[br->n] = depth;
        }
        br->n++;
        return;
    }
    if (depth == max_len)
        return;
    for (size_t k = 0; k < br->n_next[u]; k++) {
        int32_t v = br->next[u][k];
        if (br->on[v])
            continue;
        br->on[v] = 1;
        br->stack[depth + 1] = v;
        brute_walk(br, depth + 1, max_len);
        br->on[v] = 0;
    }
}

/* The steps the filter allows, as neighbor lists (avoided concepts only as b). */
static void brute_graph(brute *br, const query_index *qi, unsigned direction,
                        const unsigned char *avoided)
{
    size_t nc = qi->o->n_concepts;
    br->next = calloc(nc, sizeof *br->next);
    br->n_next = calloc(nc, sizeof *br->n_next);
    for (size_t u = 0; u < nc; u++) {
        unsigned char *mark = calloc(nc, 1);
        for (size_t k = 0; k < qi->n_stmts; k++) {
            const query_stmt *s = &qi->stmts[k];
            if ((direction & QUERY_OUT) && s->from == (int32_t)u)
                mark[s->to] = 1;
            if ((direction & QUERY_IN) && s->to == (int32_t)u)
                mark[s->from] = 1;
        }
        br->next[u] = malloc(nc * sizeof **br->next);
        for (size_t v = 0; v < nc; v++) {
            if (mark[v] && (!avoided || !avoided[v] || (int32_t)v == br->b))
                br->next[u][br->n_next[u]++] = (int32_t)v;
        }
        free(mark);
    }
}

static int compare_found(const brute *br, size_t x, size_t y)
{
    if (br->lens[x] != br->lens[y])
        return br->lens[x] < br->lens[y] ? -1 : 1;
    for (size_t i = 0; i <= br->lens[x]; i++) {
        if (br->found[x][i] != br->found[y][i])
            return br->found[x][i] < br->found[y][i] ? -1 : 1;
    }
    return 0;
}

/* exhaustive: when Yen finds fewer than k paths, look for every simple path (the fixture's
 * graph is small enough); otherwise up to the length of Yen's last. */
static int expect_yen_equals_brute_force(const query_index *qi, int32_t a, int32_t b,
                                         const query_filter *flt, size_t k, int exhaustive)
{
    query_paths *ps = NULL;
    assert_int_equal(query_k_shortest_paths(qi, a, b, flt, k, &ps), CKG_OK);
    if (ps->n_paths < k && !exhaustive) {
        query_paths_free(ps);
        return 0;
    }
    size_t max_len = 0;
    for (size_t i = 0; i < ps->n_paths; i++)
        max_len = ps->paths[i].length > max_len ? ps->paths[i].length : max_len;
    unsigned char *avoided = NULL;
    if (flt && flt->n_avoid) {
        avoided = calloc(qi->o->n_concepts, 1);
        for (size_t i = 0; i < flt->n_avoid; i++)
            avoided[flt->avoid[i]] = 1;
    }
    brute br = {.b = b, .cap = 100000};
    assert_true(qi->o->n_concepts <= sizeof br.on);
    brute_graph(&br, qi, flt ? flt->direction : QUERY_BOTH, avoided);
    br.found = malloc(br.cap * sizeof *br.found);
    br.lens = malloc(br.cap * sizeof *br.lens);
    br.stack[0] = a;
    br.on[a] = 1;
    brute_walk(&br, 0, ps->n_paths < k ? 15 : max_len);
    assert_true(br.n <= br.cap);
    size_t want = br.n < k ? br.n : k;
    if (ps->n_paths != want)
        fail_msg("%s -> %s: Yen found %zu paths, brute force %zu (k %zu)",
                 qi->o->concepts[a].id.s, qi->o->concepts[b].id.s, ps->n_paths, br.n, k);
    unsigned char *used = calloc(br.n ? br.n : 1, 1);
    for (size_t i = 0; i < want; i++) {
        size_t best = SIZE_MAX;
        for (size_t j = 0; j < br.n; j++) {
            if (!used[j] && (best == SIZE_MAX || compare_found(&br, j, best) < 0))
                best = j;
        }
        used[best] = 1;
        const query_path *p = &ps->paths[i];
        assert_int_equal(p->length, br.lens[best]);
        for (size_t x = 0; x <= p->length; x++)
            if (p->concepts[x] != br.found[best][x])
                fail_msg("%s -> %s: path %zu differs at concept %zu", qi->o->concepts[a].id.s,
                         qi->o->concepts[b].id.s, i + 1, x);
    }
    for (size_t u = 0; u < qi->o->n_concepts; u++)
        free(br.next[u]);
    free(br.next);
    free(br.n_next);
    free(used);
    free(br.found);
    free(br.lens);
    free(avoided);
    query_paths_free(ps);
    return 1;
}

static void test_k_shortest_paths_match_brute_force_on_the_fixture(void **state)
{
    fixture *f = *state;
    query_filter out = QUERY_FILTER_ALL;
    out.direction = QUERY_OUT;
    for (size_t a = 0; a < f->o->n_concepts; a++)
        for (size_t b = 0; b < f->o->n_concepts; b++) {
            expect_yen_equals_brute_force(f->qi, (int32_t)a, (int32_t)b, NULL, 8, 1);
            expect_yen_equals_brute_force(f->qi, (int32_t)a, (int32_t)b, &out, 4, 1);
        }
}

/* The shipped ontology: a hub most concepts touch, avoided or not. */
static void test_k_shortest_paths_match_brute_force_on_the_ontology(void **state)
{
    (void)state;
    diag_list d;
    ckg_ontology *o;
    query_index *qi;
    diag_list_init(&d);
    ontology_load_options lopt = {.skip_evidence = 1};
    assert_int_equal(ontology_load_with("ontology", &lopt, &d, &o), CKG_OK);
    assert_int_equal(query_index_build(o, &qi), CKG_OK);
    int32_t hub = strmap_get(&o->concept_by_id, "new-quality-productive-forces");
    assert_true(hub >= 0);
    query_filter around = QUERY_FILTER_ALL;
    around.avoid = &hub;
    around.n_avoid = 1;
    unsigned seed = 17;
    int compared = 0;
    for (int round = 0; round < 12; round++) {
        seed = seed * 1103515245u + 12345u;
        int32_t a = (int32_t)((seed >> 16) % o->n_concepts);
        seed = seed * 1103515245u + 12345u;
        int32_t b = (int32_t)((seed >> 16) % o->n_concepts);
        if (a == hub || b == hub)
            continue;
        compared += expect_yen_equals_brute_force(qi, a, b, &around, 6, 0);
        compared += expect_yen_equals_brute_force(qi, a, b, NULL, 6, 0);
    }
    assert_true(compared >= 16); /* pairs in one component, with six paths or more */
    query_index_free(qi);
    ontology_free(o);
    diag_list_free(&d);
}

/* ---------------------------------------------------------------- search */

static query_search_result *search(fixture *f, const char *text)
{
    query_search_result *r = NULL;
    assert_int_equal(query_search(f->o, text, &r), CKG_OK);
    assert_non_null(r);
    return r;
}

static void test_search_ranks_exact_then_prefix_then_definition_then_quote(void **state)
{
    fixture *f = *state;
    query_search_result *r = search(f, "数据");
    assert_true(r->n_concepts >= 4);
    assert_int_equal(r->concepts[0].concept, C(f, "data-factor"));
    assert_int_equal(r->concepts[0].match, QUERY_MATCH_EXACT);
    assert_string_equal(r->concepts[0].field, "alt");
    for (size_t i = 1; i < r->n_concepts; i++)
        assert_true(r->concepts[i - 1].match <= r->concepts[i].match);
    int saw_definition = 0, saw_quote = 0;
    for (size_t i = 0; i < r->n_concepts; i++) {
        if (r->concepts[i].concept == C(f, "computing-power")) {
            assert_int_equal(r->concepts[i].match, QUERY_MATCH_DEFINITION);
            saw_definition = 1;
        }
        if (r->concepts[i].concept == C(f, "tfp")) {
            assert_int_equal(r->concepts[i].match, QUERY_MATCH_QUOTE);
            assert_int_equal(r->concepts[i].n_quotes, 1);
            saw_quote = 1;
        }
    }
    assert_true(saw_definition && saw_quote);
    query_search_free(r);
}

static void test_search_prefix_beats_contains_and_shorter_name_first(void **state)
{
    fixture *f = *state;
    query_search_result *r = search(f, "platform");
    /* en "platform" and "Platform": exact, then "digital-platform" would only contain it */
    assert_int_equal(r->concepts[0].match, QUERY_MATCH_EXACT);
    assert_int_equal(r->concepts[1].match, QUERY_MATCH_EXACT);
    query_search_free(r);
    r = search(f, "数字");
    assert_int_equal(r->concepts[0].match, QUERY_MATCH_PREFIX);
    /* 数字经济 and 数字平台 are as long; digital-economy is named by more papers */
    assert_int_equal(r->concepts[0].concept, C(f, "digital-economy"));
    assert_int_equal(r->concepts[1].concept, C(f, "digital-platform"));
    query_search_free(r);
    r = search(f, "product");
    /* productivity (prefix of id and en) before production-factors (prefix too, longer) */
    assert_int_equal(r->concepts[0].match, QUERY_MATCH_PREFIX);
    assert_int_equal(r->concepts[0].concept, C(f, "productivity"));
    query_search_free(r);
}

static void test_search_folds_case_width_and_spaces(void **state)
{
    fixture *f = *state;
    query_search_result *r = search(f, "ＴＦＰ");
    assert_int_equal(r->concepts[0].concept, C(f, "tfp"));
    assert_int_equal(r->concepts[0].match, QUERY_MATCH_EXACT);
    query_search_free(r);
    r = search(f, "Total  Factor productivity");
    assert_int_equal(r->concepts[0].concept, C(f, "tfp"));
    assert_int_equal(r->concepts[0].match, QUERY_MATCH_EXACT);
    query_search_free(r);
}

static void test_search_groups_uses_of_one_quote(void **state)
{
    fixture *f = *state;
    query_search_result *r = search(f, "创新催生新动能");
    assert_int_equal(r->n_quotes, 1);
    assert_int_equal(r->quotes[0].paper, P(f, "alpha"));
    /* mentions of innovation and new-momentum, and the relation between them */
    assert_int_equal(r->quotes[0].n_uses, 3);
    int relations = 0;
    for (size_t i = 0; i < r->quotes[0].n_uses; i++)
        relations += r->quotes[0].uses[i].relation != NULL;
    assert_int_equal(relations, 1);
    query_search_free(r);
}

static void test_search_ranks_quotes_by_share(void **state)
{
    fixture *f = *state;
    query_search_result *r = search(f, "全要素生产率");
    assert_true(r->n_quotes >= 3);
    for (size_t i = 1; i < r->n_quotes; i++)
        assert_true(strlen(r->quotes[i - 1].evidence->quote.s) <=
                    strlen(r->quotes[i].evidence->quote.s));
    query_search_free(r);
}

static void test_search_without_text_is_a_usage_error(void **state)
{
    fixture *f = *state;
    query_search_result *r = NULL;
    assert_int_equal(query_search(f->o, " \t　", &r), CKG_EUSAGE);
    assert_null(r);
    assert_int_equal(query_search(f->o, "\xff", &r), CKG_EUSAGE);
    r = search(f, "没有这个词");
    assert_int_equal(r->n_concepts, 0);
    assert_int_equal(r->n_quotes, 0);
    query_search_free(r);
}

/* ---------------------------------------------------------------- one concept */

static void test_concept_info_has_broader_narrower_and_papers(void **state)
{
    fixture *f = *state;
    query_concept_info *info = NULL;
    assert_int_equal(query_concept(f->o, C(f, "data-factor"), &info), CKG_OK);
    assert_int_equal(info->n_broader, 1);
    assert_int_equal(info->broader[0], C(f, "production-factors"));
    assert_int_equal(info->n_narrower, 0);
    assert_int_equal(info->n_papers, 2);
    assert_non_null(info->papers[0].mention);
    assert_int_equal(info->papers[0].n_relations, 4); /* alpha */
    assert_int_equal(info->papers[1].n_relations, 3); /* beta */
    query_concept_free(info);
    assert_int_equal(query_concept(f->o, C(f, "production-factors"), &info), CKG_OK);
    assert_int_equal(info->n_narrower, 1);
    assert_int_equal(info->narrower[0], C(f, "data-factor"));
    assert_int_equal(info->n_papers, 0);
    query_concept_free(info);
    assert_int_equal(query_concept(f->o, -1, &info), CKG_EUSAGE);
}

static void test_quote_line_from_the_corpus(void **state)
{
    fixture *f = *state;
    corpus *cp = NULL;
    assert_int_equal(corpus_open(FIXTURE "/corpus", &f->diags, &cp), CKG_OK);
    const ckg_paper *beta = &f->o->papers[P(f, "beta")];
    size_t line, end;
    /* the relation data-factor -promotes-> tfp, quoted across two lines */
    assert_int_equal(query_quote_line(f->o, cp, P(f, "beta"), &beta->relations[1].evidence.items[0],
                                      &f->diags, &line, &end),
                     CKG_OK);
    assert_int_equal(line, 5);
    assert_int_equal(end, 6);
    /* without a corpus there is no line, and no failure to report */
    assert_int_equal(query_quote_line(f->o, NULL, P(f, "beta"),
                                      &beta->relations[1].evidence.items[0], &f->diags, &line,
                                      &end),
                     CKG_EIO);
    assert_int_equal(line, 0);
    corpus_free(cp);
}

static void test_quote_line_reports_a_missing_source(void **state)
{
    fixture *f = *state;
    corpus *cp = NULL;
    assert_int_equal(corpus_open("tests/fixtures/corpus", &f->diags, &cp), CKG_OK);
    ckg_paper *alpha = &f->o->papers[P(f, "alpha")];
    alpha->source.s = "no-such-file.txt";
    size_t line, end;
    assert_int_not_equal(query_quote_line(f->o, cp, P(f, "alpha"),
                                          &alpha->mentions[0].evidence.items[0], &f->diags, &line,
                                          &end),
                         CKG_OK);
    assert_int_equal(line, 0);
    assert_true(f->diags.n_errors >= 1);
    corpus_free(cp);
}

static void test_quote_line_uses_what_check_found(void **state)
{
    fixture *f = *state;
    ckg_evidence *ev = &f->o->papers[P(f, "alpha")].mentions[0].evidence.items[0];
    ev->found_line = 42;
    ev->found_end_line = 43;
    size_t line, end;
    assert_int_equal(query_quote_line(f->o, NULL, P(f, "alpha"), ev, &f->diags, &line, &end),
                     CKG_OK);
    assert_int_equal(line, 42);
    assert_int_equal(end, 43);
}

/* ---------------------------------------------------------------- centrality ranks */

/* Expected values from python-igraph 0.10 on the same graph (one edge per distinct
 * (from, to) pair of both papers, all 12 concepts): Graph.degree(), .indegree(),
 * .outdegree(), .pagerank(damping=0.85, directed=True). Ranks by hand from those values,
 * ties sharing the average of the ranks they span (metrics_ranks):
 *   degree      5 data-factor, digital-economy | 3 growth, new-momentum, tfp | 2 | 1 x4 |
 *               0 orphan, production-factors, productivity   -> 1.5, 4, 11
 *   in_degree   3 data-factor, digital-economy | 2 x3 | 0 x7 (positions 6..12) -> 1.5, 9
 *   out_degree  2 data-factor, digital-economy, innovation -> 2
 *   pagerank    data-factor .280 > growth .214 > digital-economy .162 > tfp .142 > ...;
 *               the 7 concepts without in-edges all get (1-d)/n + d*dangling/n -> 9 */
static void test_ranks_match_python_igraph(void **state)
{
    fixture *f = *state;
    query_ranks r;
    assert_int_equal(query_ranks_of(f->o, NULL, C(f, "data-factor"), &f->diags, &r), CKG_OK);
    assert_int_equal(r.n, 12);
    assert_true(r.degree.value == 5 && r.degree.rank == 1.5);
    assert_true(r.in_degree.value == 3 && r.in_degree.rank == 1.5);
    assert_true(r.out_degree.value == 2 && r.out_degree.rank == 2);
    assert_true(fabs(r.pagerank.value - 0.2800228157673556) < 1e-9);
    assert_true(r.pagerank.rank == 1);
    assert_int_equal(query_ranks_of(f->o, NULL, C(f, "tfp"), &f->diags, &r), CKG_OK);
    assert_true(r.degree.value == 3 && r.degree.rank == 4);
    assert_true(fabs(r.pagerank.value - 0.14162874432017375) < 1e-9);
    assert_true(r.pagerank.rank == 4);
    /* ties share the average rank: orphan and the other concepts without in-edges */
    assert_int_equal(query_ranks_of(f->o, NULL, C(f, "orphan"), &f->diags, &r), CKG_OK);
    assert_true(r.degree.value == 0 && r.degree.rank == 11);
    assert_true(r.in_degree.rank == 9);
    assert_true(fabs(r.pagerank.value - 0.015873015873015876) < 1e-9);
    assert_true(r.pagerank.rank == 9);
}

static void test_ranks_in_a_paper_scope(void **state)
{
    fixture *f = *state;
    query_ranks r;
    graph_scope beta = {"beta", NULL};
    assert_int_equal(query_ranks_of(f->o, &beta, C(f, "data-factor"), &f->diags, &r), CKG_OK);
    assert_int_equal(r.n, 7); /* the concepts beta mentions or relates */
    assert_true(r.degree.value == 2);
    /* computing-power is not in beta */
    assert_int_equal(query_ranks_of(f->o, &beta, C(f, "computing-power"), &f->diags, &r),
                     CKG_ENOTFOUND);
    graph_scope nope = {"gamma", NULL};
    assert_int_equal(query_ranks_of(f->o, &nope, C(f, "tfp"), &f->diags, &r), CKG_ENOTFOUND);
}

/* Every concept of a scope at once: the same python-igraph values, and n = 0 for the
 * concepts the scope's graph does not hold. */
static void test_ranks_of_a_whole_scope(void **state)
{
    fixture *f = *state;
    query_ranks *all = NULL;
    assert_int_equal(query_ranks_scope(f->o, NULL, &f->diags, &all), CKG_OK);
    const query_ranks *r = &all[C(f, "data-factor")];
    assert_int_equal(r->n, 12);
    assert_true(r->degree.value == 5 && r->degree.rank == 1.5);
    assert_true(r->in_degree.rank == 1.5 && r->out_degree.rank == 2);
    assert_true(fabs(r->pagerank.value - 0.2800228157673556) < 1e-9 && r->pagerank.rank == 1);
    r = &all[C(f, "orphan")];
    assert_true(r->degree.value == 0 && r->degree.rank == 11 && r->in_degree.rank == 9);
    assert_true(fabs(r->pagerank.value - 0.015873015873015876) < 1e-9 && r->pagerank.rank == 9);
    free(all);
    graph_scope beta = {"beta", NULL};
    assert_int_equal(query_ranks_scope(f->o, &beta, &f->diags, &all), CKG_OK);
    size_t in_beta = 0;
    for (size_t c = 0; c < f->o->n_concepts; c++)
        in_beta += all[c].n == 7;
    assert_int_equal(in_beta, 7);
    assert_int_equal(all[C(f, "computing-power")].n, 0);
    assert_true(all[C(f, "data-factor")].degree.value == 2);
    free(all);
    graph_scope nope = {"gamma", NULL};
    assert_int_equal(query_ranks_scope(f->o, &nope, &f->diags, &all), CKG_ENOTFOUND);
    assert_null(all);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_index_groups_statements_by_both_ends),
        T(test_index_leaves_out_self_relations),
        T(test_neighbors_depth_one_lists_each_kind_and_direction),
        T(test_neighbors_are_ordered_by_direction_kind_then_papers),
        T(test_neighbors_direction_out_and_in),
        T(test_neighbors_kind_filter_keeps_only_those_kinds),
        T(test_neighbors_paper_filter_keeps_only_its_statements),
        T(test_neighbors_theme_filter_stops_the_walk_at_other_themes),
        T(test_neighbors_depth_two_follows_chains_with_via),
        T(test_neighbors_concept_reached_from_two_vias_lists_both),
        T(test_neighbors_cycle_ends_the_walk),
        T(test_neighbors_of_a_concept_without_relations_is_empty),
        T(test_neighbors_reject_depth_zero_and_bad_concept),
        T(test_path_ignores_direction_by_default),
        T(test_path_directed_follows_from_to_only),
        T(test_path_one_shortest_still_counts_all),
        T(test_path_honors_kind_paper_and_theme),
        T(test_path_from_a_concept_to_itself_has_no_steps),
        T(test_path_to_an_isolated_concept_is_not_found),
        T(test_path_through_a_cycle_is_shortest),
        T(test_path_avoid_goes_around_a_concept),
        T(test_k_shortest_paths_are_simple_and_in_order),
        T(test_k_shortest_paths_match_brute_force_on_the_fixture),
        cmocka_unit_test(test_k_shortest_paths_match_brute_force_on_the_ontology),
        T(test_search_ranks_exact_then_prefix_then_definition_then_quote),
        T(test_search_prefix_beats_contains_and_shorter_name_first),
        T(test_search_folds_case_width_and_spaces),
        T(test_search_groups_uses_of_one_quote),
        T(test_search_ranks_quotes_by_share),
        T(test_search_without_text_is_a_usage_error),
        T(test_concept_info_has_broader_narrower_and_papers),
        T(test_quote_line_from_the_corpus),
        T(test_quote_line_reports_a_missing_source),
        T(test_quote_line_uses_what_check_found),
        T(test_ranks_match_python_igraph),
        T(test_ranks_in_a_paper_scope),
        T(test_ranks_of_a_whole_scope),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
