/* test_graph.c — assembling the analysis graph of a scope from the fixture ontology, and its
 * igraph view (graph_igraph.h): the same vertices, and the same edges in the same order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/graph.h"
#include "ckg/status.h"
#include "graph_igraph.h"

typedef struct fixture {
    ckg_ontology *o;
    diag_list diags;
    ckg_graph *g;
    ckg_graph *parts[2]; /* the graphs a union joins */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list_init(&f->diags);
    assert_int_equal(ontology_load("tests/fixtures/good", &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    *state = f;
    return 0;
}

/* The diff fixture: left and right share ka..kd and the pairs ka -> kb, kb -> kc; essays
 * has two sections. */
static int setup_diff(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list_init(&f->diags);
    assert_int_equal(ontology_load("tests/fixtures/diff", &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    graph_free(f->g);
    graph_free(f->parts[0]);
    graph_free(f->parts[1]);
    ontology_free(f->o);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

/* The igraph view of a graph, with its weights. */
typedef struct view {
    igraph_t g;
    igraph_vector_t w;
} view;

static void view_make(const ckg_graph *g, view *v)
{
    graph_igraph_quiet();
    assert_int_equal(igraph_vector_init(&v->w, 0), IGRAPH_SUCCESS);
    assert_int_equal(graph_igraph(g, &v->g, &v->w), CKG_OK);
}

static void view_free(view *v)
{
    igraph_destroy(&v->g);
    igraph_vector_destroy(&v->w);
}

static int32_t vertex(const fixture *f, const char *id)
{
    int32_t c = strmap_get(&f->o->concept_by_id, id);
    assert_true(c >= 0);
    return f->g->vertex_of[c];
}

static const graph_edge *edge(const fixture *f, const char *from, const char *to)
{
    int64_t e = graph_find_edge(f->g, vertex(f, from), vertex(f, to));
    assert_true(e >= 0);
    return &f->g->edges[e];
}

static void test_all_scope_has_every_concept_and_pair(void **state)
{
    fixture *f = *state;
    assert_int_equal(graph_build(f->o, NULL, &f->diags, &f->g), CKG_OK);
    assert_int_equal(f->g->n_vertices, 7);
    assert_int_equal(f->g->n_edges, 3);
    view v;
    view_make(f->g, &v);
    assert_int_equal(igraph_vcount(&v.g), 7);
    assert_int_equal(igraph_ecount(&v.g), 3);
    assert_true(igraph_is_directed(&v.g));
    view_free(&v);
}

static void test_edge_weight_counts_papers_stating_the_pair(void **state)
{
    fixture *f = *state;
    assert_int_equal(graph_build(f->o, NULL, &f->diags, &f->g), CKG_OK);
    const graph_edge *e = edge(f, "innovation", "new-momentum");
    assert_int_equal(e->n_papers, 2);
    view v;
    view_make(f->g, &v);
    assert_int_equal(VECTOR(v.w)[e - f->g->edges], 2.0);
    view_free(&v);
    e = edge(f, "laborers", "production-system");
    assert_int_equal(e->n_papers, 1);
    assert_string_equal(f->o->papers[e->papers[0]].id.s, "alpha");
    assert_string_equal(f->o->kinds[e->kinds[0]].id.s, "part_of");
    assert_int_equal(graph_find_edge(f->g, vertex(f, "new-momentum"), vertex(f, "innovation")), -1);
}

static void test_edge_order_matches_igraph_edge_ids(void **state)
{
    fixture *f = *state;
    assert_int_equal(graph_build(f->o, NULL, &f->diags, &f->g), CKG_OK);
    view v;
    view_make(f->g, &v);
    assert_int_equal(igraph_ecount(&v.g), (igraph_integer_t)f->g->n_edges);
    for (size_t j = 0; j < f->g->n_edges; j++) {
        igraph_integer_t from, to;
        igraph_edge(&v.g, (igraph_integer_t)j, &from, &to);
        assert_int_equal(from, f->g->edges[j].from);
        assert_int_equal(to, f->g->edges[j].to);
        if (j)
            assert_true(f->g->edges[j - 1].from < f->g->edges[j].from ||
                        (f->g->edges[j - 1].from == f->g->edges[j].from &&
                         f->g->edges[j - 1].to < f->g->edges[j].to));
    }
    view_free(&v);
}

static void test_paper_scope_keeps_only_its_concepts(void **state)
{
    fixture *f = *state;
    graph_scope scope = {.paper = "beta"};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_OK);
    assert_int_equal(f->g->n_vertices, 4);
    assert_int_equal(f->g->n_edges, 2);
    assert_int_equal(f->g->vertex_of[strmap_get(&f->o->concept_by_id, "laborers")], -1);
    assert_int_equal(edge(f, "data-factor", "efficiency")->n_papers, 1);
}

static void test_vertex_papers_list_where_a_concept_belongs(void **state)
{
    fixture *f = *state;
    assert_int_equal(graph_build(f->o, NULL, &f->diags, &f->g), CKG_OK);
    const graph_vertex *v = &f->g->vertices[vertex(f, "innovation")];
    assert_int_equal(v->n_papers, 2);
    v = &f->g->vertices[vertex(f, "laborers")];
    assert_int_equal(v->n_papers, 1);
}

static void test_section_scope(void **state)
{
    fixture *f = *state;
    graph_scope scope = {.paper = "beta", .section = "part-one"};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_OK);
    assert_int_equal(f->g->n_vertices, 4);
    char name[64];
    assert_string_equal(graph_scope_name(f->g, name, sizeof name), "beta/part-one");
}

static void test_unknown_paper_suggests_the_closest(void **state)
{
    fixture *f = *state;
    graph_scope scope = {.paper = "alpah"};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_ENOTFOUND);
    assert_null(f->g);
    assert_non_null(strstr(f->diags.items[f->diags.n - 1].message, "did you mean 'alpha'"));
}

static void test_unknown_section_and_section_without_paper(void **state)
{
    fixture *f = *state;
    graph_scope scope = {.paper = "beta", .section = "part-two"};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_ENOTFOUND);
    scope = (graph_scope){.paper = "alpha", .section = "x"};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_ENOTFOUND);
    assert_non_null(strstr(f->diags.items[f->diags.n - 1].message, "declares no sections"));
    scope = (graph_scope){.section = "part-one"};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_EUSAGE);
}

/* An ontology without concepts or relations gives an empty graph, not undefined
 * behaviour (found by fuzz_load: qsort was handed a NULL array). */
static void test_empty_ontology_gives_empty_graph(void **state)
{
    (void)state;
    ontology_file themes = {"themes.yaml", "themes:\n", 8};
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load_files(&themes, 1, &d, &o), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    ckg_graph *g = NULL;
    graph_scope all = {NULL, NULL};
    assert_int_equal(graph_build(o, &all, &d, &g), CKG_OK);
    assert_int_equal(g->n_vertices, 0);
    assert_int_equal(g->n_edges, 0);
    view v;
    view_make(g, &v);
    assert_int_equal(igraph_vcount(&v.g), 0);
    view_free(&v);
    graph_free(g);
    ontology_free(o);
    diag_list_free(&d);
}

static void build_union(fixture *f, graph_scope a, graph_scope b)
{
    assert_int_equal(graph_build(f->o, &a, &f->diags, &f->parts[0]), CKG_OK);
    assert_int_equal(graph_build(f->o, &b, &f->diags, &f->parts[1]), CKG_OK);
    assert_int_equal(graph_union(f->parts[0], f->parts[1], &f->g), CKG_OK);
}

static void test_union_joins_the_concepts_and_pairs_of_both(void **state)
{
    fixture *f = *state;
    build_union(f, (graph_scope){"left", NULL}, (graph_scope){"right", NULL});
    /* ka..kf of left, kg and kh (related to nothing) of right */
    assert_int_equal(f->g->n_vertices, 8);
    assert_true(vertex(f, "kh") >= 0);
    /* 6 + 6 pairs, 2 of them stated by both */
    assert_int_equal(f->g->n_edges, 10);
    view v;
    view_make(f->g, &v);
    assert_int_equal(igraph_vcount(&v.g), 8);
    assert_int_equal(igraph_ecount(&v.g), 10);
    const graph_edge *e = edge(f, "ka", "kb");
    assert_int_equal(e->n_papers, 2);
    assert_int_equal(VECTOR(v.w)[e - f->g->edges], 2.0);
    view_free(&v);
    assert_int_equal(e->n_kinds, 2); /* causes in left, supports in right */
    e = edge(f, "kc", "ka");
    assert_int_equal(e->n_papers, 1);
    assert_string_equal(f->o->papers[e->papers[0]].id.s, "right");
    assert_string_equal(f->o->papers[e->first_paper].id.s, "right");
    for (size_t j = 1; j < f->g->n_edges; j++) {
        const graph_edge *x = &f->g->edges[j - 1], *y = &f->g->edges[j];
        assert_true(x->from < y->from || (x->from == y->from && x->to < y->to));
    }
    assert_int_equal(f->g->paper, -1);
    char name[64];
    assert_string_equal(graph_scope_name(f->g, name, sizeof name), "left + right");
}

static void test_union_of_two_sections_counts_the_paper_once(void **state)
{
    fixture *f = *state;
    build_union(f, (graph_scope){"essays", "one"}, (graph_scope){"essays", "two"});
    assert_int_equal(f->g->n_vertices, 4);
    assert_int_equal(f->g->n_edges, 3);
    assert_int_equal(edge(f, "kb", "kc")->n_papers, 1);
    assert_string_equal(f->o->papers[f->g->paper].id.s, "essays");
    assert_int_equal(f->g->section, -1);
    /* a statement counts when either section tags it */
    const ckg_paper *p = &f->o->papers[f->g->paper];
    for (size_t i = 0; i < p->n_relations; i++)
        assert_true(graph_statement_in_scope(f->g, f->g->paper, &p->relations[i].evidence));
    char name[64];
    assert_string_equal(graph_scope_name(f->g, name, sizeof name), "essays/one + essays/two");
}

/* graph_build_pairs gives graph_build's vertices and (from, to) pairs, in the same order. */
static void assert_pairs_match(fixture *f, const graph_scope *scope)
{
    ckg_graph *g = NULL, *p = NULL;
    assert_int_equal(graph_build(f->o, scope, &f->diags, &g), CKG_OK);
    assert_int_equal(graph_build_pairs(f->o, scope, &f->diags, &p), CKG_OK);
    assert_int_equal(p->n_vertices, g->n_vertices);
    assert_int_equal(p->paper, g->paper);
    assert_int_equal(p->section, g->section);
    assert_memory_equal(p->vertex_of, g->vertex_of, f->o->n_concepts * sizeof *g->vertex_of);
    for (size_t v = 0; v < g->n_vertices; v++) {
        assert_int_equal(p->vertices[v].concept, g->vertices[v].concept);
        assert_int_equal(p->vertices[v].n_papers, 0);
    }
    assert_int_equal(p->n_edges, g->n_edges);
    for (size_t j = 0; j < g->n_edges; j++) {
        assert_int_equal(p->edges[j].from, g->edges[j].from);
        assert_int_equal(p->edges[j].to, g->edges[j].to);
        assert_null(p->edges[j].kinds);
    }
    graph_free(g);
    graph_free(p);
}

static void test_pairs_graph_has_the_same_vertices_and_pairs(void **state)
{
    fixture *f = *state;
    assert_pairs_match(f, NULL);
    for (size_t i = 0; i < f->o->n_papers; i++) {
        const ckg_paper *paper = &f->o->papers[i];
        graph_scope scope = {.paper = paper->id.s};
        assert_pairs_match(f, &scope);
        for (size_t s = 0; s < paper->n_sections; s++) {
            scope.section = paper->sections[s].id.s;
            assert_pairs_match(f, &scope);
        }
    }
    graph_scope unknown = {.paper = "no-such-paper"};
    assert_int_equal(graph_build_pairs(f->o, &unknown, &f->diags, &f->g), CKG_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_ontology_gives_empty_graph),
        cmocka_unit_test_setup_teardown(test_all_scope_has_every_concept_and_pair, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edge_weight_counts_papers_stating_the_pair, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edge_order_matches_igraph_edge_ids, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paper_scope_keeps_only_its_concepts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vertex_papers_list_where_a_concept_belongs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_section_scope, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_paper_suggests_the_closest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_section_and_section_without_paper, setup, teardown),
        cmocka_unit_test_setup_teardown(test_union_joins_the_concepts_and_pairs_of_both, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_union_of_two_sections_counts_the_paper_once, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_pairs_graph_has_the_same_vertices_and_pairs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pairs_graph_has_the_same_vertices_and_pairs, setup_diff, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
