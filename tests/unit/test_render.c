/* test_render.c — concept maps: what they show, how they are built, and that everything from
 * the ontology arrives as text. The browser test (tests/browser) checks how they look. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/graph.h"
#include "ckg/render.h"
#include "ckg/status.h"

typedef struct fixture {
    ckg_ontology *o;
    diag_list diags;
    render_context *ctx;
    render_options opt;
    char *out;
    size_t len;
    render_summary sum;
} fixture;

static render_context *shared_ctx;

static int group_setup(void **state)
{
    (void)state;
    diag_list diags;
    diag_list_init(&diags);
    int rc = render_context_new(&diags, &shared_ctx);
    diag_list_free(&diags);
    return rc == CKG_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    render_context_free(shared_ctx);
    return 0;
}

static int setup_dir(void **state, const char *dir)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list_init(&f->diags);
    assert_int_equal(ontology_load(dir, &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    f->ctx = shared_ctx;
    render_options_init(&f->opt);
    *state = f;
    return 0;
}

static int setup(void **state)
{
    return setup_dir(state, "tests/fixtures/good");
}

static int setup_hostile(void **state)
{
    return setup_dir(state, "tests/fixtures/render/hostile");
}

static int setup_diff(void **state)
{
    return setup_dir(state, "tests/fixtures/diff");
}

/* Forty concepts k01..k40 (see tests/fixtures/render/slide/themes.yaml): in paper big the hub
 * k01 supports k02..k25, k02..k11 form a ladder, k26..k35 support k36, which causes k37, a
 * dead end; paper small restates k01 -> k02, k01 -> k03, k02 -> k03 and has k39 -> k40. */
static int setup_slide(void **state)
{
    return setup_dir(state, "tests/fixtures/render/slide");
}

static int teardown(void **state)
{
    fixture *f = *state;
    free(f->out);
    free(f->sum.concepts);
    free(f->sum.concept_in);
    ontology_free(f->o);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

static int render(fixture *f)
{
    free(f->out);
    free(f->sum.concepts);
    free(f->sum.concept_in);
    f->out = NULL;
    f->sum.concepts = NULL;
    f->sum.concept_in = NULL;
    return render_map(f->ctx, f->o, &f->opt, &f->diags, &f->out, &f->len, &f->sum);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static int32_t concept(const fixture *f, const char *id)
{
    int32_t c = strmap_get(&f->o->concept_by_id, id);
    assert_true(c >= 0);
    return c;
}

static int shows(const fixture *f, const char *id)
{
    int32_t c = concept(f, id);
    for (size_t i = 0; i < f->sum.n_concepts; i++) {
        if (f->sum.concepts[i] == c)
            return 1;
    }
    return 0;
}

static const char *last_message(const fixture *f)
{
    assert_true(f->diags.n > 0);
    return f->diags.items[f->diags.n - 1].message;
}

/* ------------------------------------------------------------------ what a map shows */

static void test_all_scope_draws_one_box_per_concept(void **state)
{
    fixture *f = *state;
    f->opt.engine = "dot"; /* a layered engine: one arrow per relation */
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 7);
    assert_int_equal(count(f->out, "class=\"node concept "), 7);
    assert_int_equal(f->sum.n_relations, 3);
    assert_int_equal(count(f->out, "class=\"edge relation\""), 3);
    assert_int_equal(f->len, strlen(f->out));
}

static void test_paper_scope_draws_only_its_concepts(void **state)
{
    fixture *f = *state;
    f->opt.paper = "beta";
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 4);
    assert_int_equal(count(f->out, "class=\"node concept "), 4);
    assert_false(shows(f, "laborers"));
    assert_non_null(strstr(f->out, "测试文本乙"));
}

static void test_ego_map_keeps_concepts_within_depth(void **state)
{
    fixture *f = *state;
    f->opt.focus = concept(f, "new-momentum");
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 2);
    assert_true(shows(f, "new-momentum") && shows(f, "innovation"));
    assert_int_equal(f->sum.n_relations, 1);
    assert_non_null(strstr(f->out, "class=\"node concept theme&#45;core focus\""));
}

static void test_ego_map_of_concept_outside_scope_fails(void **state)
{
    fixture *f = *state;
    f->opt.paper = "beta";
    f->opt.focus = concept(f, "laborers");
    assert_int_equal(render(f), CKG_ENOTFOUND);
    assert_non_null(strstr(last_message(f), "not in scope 'beta'"));
    assert_null(f->out);
}

static void test_theme_map_keeps_theme_concepts_and_their_relations(void **state)
{
    fixture *f = *state;
    f->opt.theme = "factors";
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 2);
    assert_true(shows(f, "data-factor") && shows(f, "laborers"));
    assert_int_equal(f->sum.n_relations, 0); /* their relations lead out of the theme */
    f->opt.theme = "core";
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 3);
}

static void test_unknown_theme_fails(void **state)
{
    fixture *f = *state;
    f->opt.theme = "cores";
    assert_int_equal(render(f), CKG_ENOTFOUND);
    assert_non_null(strstr(last_message(f), "unknown theme 'cores'"));
}

static void test_unknown_paper_fails(void **state)
{
    fixture *f = *state;
    f->opt.paper = "alhpa";
    assert_int_equal(render(f), CKG_ENOTFOUND);
    assert_non_null(strstr(last_message(f), "did you mean 'alpha'"));
}

static void test_unknown_engine_is_a_usage_error(void **state)
{
    fixture *f = *state;
    f->opt.engine = "osage";
    assert_int_equal(render(f), CKG_EUSAGE);
    assert_non_null(strstr(last_message(f), "unknown layout engine 'osage'"));
}

static void test_radial_needs_a_focus(void **state)
{
    fixture *f = *state;
    f->opt.engine = "radial";
    assert_int_equal(render(f), CKG_EUSAGE);
    assert_non_null(strstr(last_message(f), "--focus"));
}

/* ------------------------------------------------------------------ how it is drawn */

static void test_legend_names_themes_and_encodings(void **state)
{
    fixture *f = *state;
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "新质生产力文献概念图"));
    assert_non_null(strstr(f->out, "核心范畴"));
    assert_non_null(strstr(f->out, "要素"));
    /* the default size measure, and the papers key of a map of several papers */
    assert_non_null(strstr(f->out, "方框大小：关系数"));
    assert_non_null(strstr(f->out, "2 篇论文陈述该关系"));
    assert_non_null(strstr(f->out, "font-size=\"18.00\" fill=\"#e69f00\">■</text>"));
    assert_non_null(strstr(f->out, "7 个概念，3 条关系"));
    f->opt.size_by = RENDER_SIZE_PAGERANK;
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "方框大小：PageRank"));
}

static void test_every_text_names_the_cjk_font_first(void **state)
{
    fixture *f = *state;
    f->opt.lang = RENDER_LANG_BOTH;
    assert_int_equal(render(f), CKG_OK);
    size_t texts = count(f->out, "<text "), fonts = count(f->out, "font-family=\"" RENDER_FONT_STACK "\"");
    assert_true(texts > 7);
    assert_int_equal(texts, fonts);
    assert_int_equal(strncmp(RENDER_FONT_STACK, RENDER_FONT ",", strlen(RENDER_FONT) + 1), 0);
}

static void test_node_title_has_names_definition_and_quote(void **state)
{
    fixture *f = *state;
    assert_int_equal(render(f), CKG_OK);
    const char *g = strstr(f->out, "<g id=\"data&#45;factor\"");
    assert_non_null(g);
    const char *t = strstr(g, "<title>"), *end = strstr(g, "</title>");
    assert_true(t && end && t < end);
    char *title = strndup(t, (size_t)(end - t));
    assert_non_null(strstr(title, "数据要素（data as a factor of production）"));
    assert_non_null(strstr(title, "定义：作为生产要素的数据。"));
    assert_non_null(strstr(title, "「数据要素支撑效率提升」—— alpha（甲作者，2024）"));
    free(title);
}

static void test_edge_title_has_relation_and_quote(void **state)
{
    fixture *f = *state;
    f->opt.engine = "dot"; /* a layered engine: one arrow per relation */
    assert_int_equal(render(f), CKG_OK);
    const char *g = strstr(f->out, "<g id=\"innovation&#45;&#45;new&#45;momentum\" class=\"edge relation\">");
    assert_non_null(g);
    assert_non_null(strstr(g, "<title>创新 → 新动能：催生（innovation gives rise to new growth drivers）\n"
                              "「创新催生新动能」—— alpha"));
}

/* essays/two: kb and kb -> kc are stated in both sections; the quotes are section two's. */
static void test_section_map_quotes_its_own_section(void **state)
{
    fixture *f = *state;
    f->opt.paper = "essays";
    f->opt.section = "two";
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "「第二篇谈到概念乙」"));
    assert_non_null(strstr(f->out, "「第二篇说概念乙催生概念丙」"));
    assert_null(strstr(f->out, "「第一篇"));
}

static void test_edge_labels_carry_the_zh_phrase(void **state)
{
    fixture *f = *state;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_labeled, 3);
    assert_non_null(strstr(f->out, ">催生</text>"));
    f->opt.edge_labels = RENDER_EDGE_LABELS_NONE;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_labeled, 0);
    assert_null(strstr(f->out, ">催生</text>"));
}

static void test_edge_width_grows_with_papers(void **state)
{
    fixture *f = *state;
    f->opt.engine = "dot"; /* a layered engine: one arrow per relation */
    assert_int_equal(render(f), CKG_OK);
    /* innovation -> new-momentum: 2 papers; laborers -> production-system: 1 */
    const char *two = strstr(f->out, "<g id=\"innovation&#45;&#45;new&#45;momentum\"");
    const char *one = strstr(f->out, "<g id=\"laborers&#45;&#45;production&#45;system\"");
    assert_non_null(two);
    assert_non_null(one);
    assert_non_null(strstr(two, "stroke-width=\"2\""));
    assert_non_null(strstr(one, "stroke-width=\"0.8\""));
    assert_true(strstr(one, "stroke-width=\"0.8\"") < strstr(one + 1, "<g id="));
}

static void test_force_directed_engines_draw_phrases_as_nodes(void **state)
{
    fixture *f = *state;
    f->opt.engine = "sfdp";
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(count(f->out, "class=\"node phrase\""), 3);
    assert_int_equal(count(f->out, "class=\"node concept "), 7);
    assert_int_equal(count(f->out, "class=\"edge relation\""), 6);
}

/* fdp is left out: Graphviz 2.42's fdp keeps state from one layout to the next within a
 * process (the same DOT laid out four times in a row gives two different drawings). The
 * CLI lays out one map per process, where fdp is deterministic too: test_render.sh checks
 * every engine there. */
static void test_same_input_gives_identical_bytes(void **state)
{
    fixture *f = *state;
    static const char *const engines[] = {"dot", "neato", "sfdp", "circo", "twopi", "radial"};
    for (size_t e = 0; e < sizeof engines / sizeof *engines; e++) {
        f->opt.engine = engines[e];
        f->opt.focus = strcmp(engines[e], "radial") == 0 ? concept(f, "innovation") : -1;
        assert_int_equal(render(f), CKG_OK);
        char *first = f->out;
        size_t first_len = f->len;
        f->out = NULL;
        assert_int_equal(render(f), CKG_OK);
        if (first_len != f->len || memcmp(first, f->out, f->len) != 0)
            fail_msg("engine %s: two renders differ", engines[e]);
        free(first);
    }
}

/* A layered engine's map of every concept is the graph before any layout: no context. */
static void test_dot_format_is_the_graph_before_layout(void **state)
{
    fixture *f = *state;
    f->opt.format = RENDER_FORMAT_DOT;
    f->opt.engine = "dot";
    f->opt.top = RENDER_TOP_ALL;
    assert_false(render_needs_context(&f->opt));
    assert_int_equal(render_map(NULL, f->o, &f->opt, &f->diags, &f->out, &f->len, NULL), CKG_OK);
    assert_int_equal(strncmp(f->out, "strict digraph", 14), 0);
    assert_non_null(strstr(f->out, "layout=dot"));
    assert_null(strstr(f->out, "pos="));
    assert_non_null(strstr(f->out, "tooltip=\"数据要素（data as a factor of production）"));
    assert_null(strstr(f->out, "<svg"));
}

/* A slide, and a force-directed map, are laid out before their DOT text is written: the
 * text pins every node where ckg put it, and render_map wants a context for it. */
static void test_dot_format_of_an_arranged_map_pins_positions(void **state)
{
    fixture *f = *state;
    f->opt.format = RENDER_FORMAT_DOT;
    f->opt.engine = "neato";
    assert_true(render_needs_context(&f->opt));
    f->opt.top = RENDER_TOP_ALL;
    assert_true(render_needs_context(&f->opt));
    f->opt.engine = "dot";
    f->opt.top = RENDER_TOP_SLIDE;
    assert_true(render_needs_context(&f->opt));
    assert_int_equal(render_map(NULL, f->o, &f->opt, &f->diags, &f->out, &f->len, NULL),
                     CKG_EUSAGE);
    assert_non_null(strstr(last_message(f), "needs a Graphviz context"));
    f->opt.engine = "neato";
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "layout=neato"));
    /* 7 concepts, 3 phrases and the key */
    assert_int_equal(count(f->out, "!\""), 11);
    assert_non_null(strstr(f->out, "class=key"));
}

static void test_radial_pins_positions_around_the_focus(void **state)
{
    fixture *f = *state;
    f->opt.engine = "radial";
    f->opt.focus = concept(f, "innovation");
    f->opt.format = RENDER_FORMAT_DOT;
    assert_int_equal(render(f), CKG_OK);
    /* the two concepts, the phrase between them and the key, pinned */
    assert_int_equal(count(f->out, "pos=\""), 4);
    assert_non_null(strstr(f->out, "layout=neato"));
    const char *focus = strstr(f->out, "\tinnovation\t[");
    assert_non_null(focus);
    const char *pos = strstr(focus, "pos=\"");
    assert_non_null(pos);
    double fx, fy, nx, ny;
    assert_int_equal(sscanf(pos, "pos=\"%lf,%lf!", &fx, &fy), 2);
    pos = strstr(strstr(f->out, "\t\"new-momentum\"\t["), "pos=\"");
    assert_int_equal(sscanf(pos, "pos=\"%lf,%lf!", &nx, &ny), 2);
    assert_true(nx != fx || ny != fy);
}

static void test_size_by_measure_orders_font_sizes(void **state)
{
    fixture *f = *state;
    f->opt.size_by = RENDER_SIZE_DEGREE;
    f->opt.engine = "dot";
    f->opt.format = RENDER_FORMAT_DOT;
    assert_int_equal(render(f), CKG_OK);
    /* six concepts have degree 1, disruptive-innovation none: two sizes, 22 and 11 */
    assert_int_equal(count(f->out, "fontsize=22.0"), 6);
    assert_int_equal(count(f->out, "fontsize=11.0"), 1);
}

/* ------------------------------------------------------------------ slides: measure and filters */

static double measure_of_concept(const ckg_graph *g, const double *measure, int32_t c)
{
    int32_t v = g->vertex_of[c];
    assert_true(v >= 0);
    return measure[v];
}

/* The relations at either end of a concept, once per paper stating each, and quotes only to
 * break ties. */
static void test_relations_measure_counts_relations_per_paper(void **state)
{
    fixture *f = *state;
    graph_scope big = {"big", NULL}, all = {NULL, NULL};
    ckg_graph *g = NULL;
    assert_int_equal(graph_build(f->o, &big, &f->diags, &g), CKG_OK);
    double *m = calloc(g->n_vertices, sizeof *m);
    render_relations_measure(g, m);
    /* in one paper: its relations, whatever their direction */
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k01")), 24);
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k36")), 11);
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k37")), 1);
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k05")), 5);
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k38")), 0);
    for (size_t v = 0; v < g->n_vertices; v++) {
        size_t degree = 0;
        for (size_t j = 0; j < g->n_edges; j++)
            degree += (g->edges[j].from == (int32_t)v) + (g->edges[j].to == (int32_t)v);
        assert_true(m[v] >= (double)degree && m[v] < (double)degree + 1);
    }
    /* quotes break ties: k36 has 11 relation quotes and a mention, k05 five and one */
    assert_true(measure_of_concept(g, m, concept(f, "k36")) - 11 >
                measure_of_concept(g, m, concept(f, "k05")) - 5);
    free(m);
    graph_free(g);
    /* over all papers, a relation counts once for each paper stating it: k01 -> k02 and
     * k01 -> k03 are stated by both */
    assert_int_equal(graph_build(f->o, &all, &f->diags, &g), CKG_OK);
    m = calloc(g->n_vertices, sizeof *m);
    render_relations_measure(g, m);
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k01")), 26);
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k02")), 5);
    assert_int_equal((int)measure_of_concept(g, m, concept(f, "k40")), 1);
    free(m);
    graph_free(g);
}

/* PageRank makes the dead end k37 (one relation) the second largest box; the default
 * measure keeps every one of the five largest at three relations or more. */
static void test_default_sizes_follow_relations_not_pagerank(void **state)
{
    fixture *f = *state;
    f->opt.paper = "big";
    f->opt.top = 5;
    assert_int_equal(f->opt.size_by, RENDER_SIZE_RELATIONS);
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 5);
    assert_true(shows(f, "k01") && shows(f, "k36"));
    assert_false(shows(f, "k37"));
    f->opt.size_by = RENDER_SIZE_PAGERANK;
    assert_int_equal(render(f), CKG_OK);
    assert_true(shows(f, "k37"));
    assert_false(shows(f, "k01"));
}

/* --top 10: the ten concepts with the most relations (k01, k36 and k03..k10, each with four
 * or more; every other has three or fewer) and the relations among them. */
static void test_top_n_keeps_the_concepts_with_most_relations(void **state)
{
    fixture *f = *state;
    f->opt.paper = "big";
    f->opt.top = 10;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 10);
    assert_int_equal(f->sum.n_candidates, 38);
    static const char *const kept[] = {"k01", "k36", "k03", "k04", "k05",
                                       "k06", "k07", "k08", "k09", "k10"};
    for (size_t i = 0; i < 10; i++)
        assert_true(shows(f, kept[i]));
    /* k01 to k03..k10 (8), the ladder among k03..k10 (7 + 6) */
    assert_int_equal(f->sum.n_relations, 21);
    assert_non_null(strstr(f->out, "按关系数选出 10 个概念（共 38 个；全部：&#45;&#45;top all），21 条关系"));
    f->opt.lang = RENDER_LANG_EN;
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "10 of 38 concepts, chosen by relations, 21 relations "
                                   "(all: &#45;&#45;top all)"));
    /* every concept of the paper, and its every relation */
    f->opt.top = RENDER_TOP_ALL;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 38);
    assert_int_equal(f->sum.n_relations, 52);
    assert_non_null(strstr(f->out, "38 concepts, 52 relations"));
}

/* The default: a slide of at most 30 concepts (never fewer than 10), that says how many of
 * how many it shows, in a slide's proportions. */
static void test_default_map_is_a_slide(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->opt.top, RENDER_TOP_SLIDE);
    assert_int_equal(render(f), CKG_OK);
    assert_true(f->sum.n_concepts >= 10 && f->sum.n_concepts <= 30);
    assert_int_equal(f->sum.n_candidates, 40);
    char expect[128];
    snprintf(expect, sizeof expect, "按关系数选出 %zu 个概念（共 40 个；全部：&#45;&#45;top all）",
             f->sum.n_concepts);
    assert_non_null(strstr(f->out, expect));
    double w, h;
    const char *svg = strstr(f->out, "<svg width=\"");
    assert_non_null(svg);
    assert_int_equal(sscanf(svg, "<svg width=\"%lfpt\" height=\"%lfpt\"", &w, &h), 2);
    assert_true(w / h >= RENDER_SLIDE_MIN_ASPECT && w / h <= RENDER_SLIDE_MAX_ASPECT);
    /* the key is a node of its own, at the left */
    assert_non_null(strstr(f->out, "class=\"node key\""));
    /* past the first ten, no box stands alone: k39's one relation is to k40, which is not
     * taken, so k39 is left out though its rank would have it (--top 30 takes it) */
    assert_int_equal(f->sum.n_concepts, 30);
    assert_false(shows(f, "k39"));
    f->opt.top = 30;
    assert_int_equal(render(f), CKG_OK);
    assert_true(shows(f, "k39"));
    f->opt.top = RENDER_TOP_SLIDE;
    /* a map that shows every candidate says so plainly */
    f->opt.paper = "small";
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 5);
    assert_non_null(strstr(f->out, "5 个概念，4 条关系"));
    assert_null(strstr(f->out, "top all"));
}

static void test_hide_leaves_out_a_concept_and_its_relations(void **state)
{
    fixture *f = *state;
    int32_t hide[] = {concept(f, "k01"), concept(f, "k37")};
    f->opt.paper = "big";
    f->opt.top = RENDER_TOP_ALL;
    f->opt.hide = hide;
    f->opt.n_hide = 2;
    assert_int_equal(render(f), CKG_OK);
    assert_false(shows(f, "k01") || shows(f, "k37"));
    assert_int_equal(f->sum.n_concepts, 36);
    assert_int_equal(f->sum.n_relations, 52 - 24 - 1);
    assert_null(strstr(f->out, "<g id=\"k01&#45;&#45;"));
    /* hidden before the top N are taken: the next ones move up */
    f->opt.n_hide = 1;
    f->opt.top = 2;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 2);
    assert_true(shows(f, "k36") && !shows(f, "k01"));
    /* an ego map: not its focus */
    f->opt.focus = concept(f, "k01");
    assert_int_equal(render(f), CKG_EUSAGE);
    assert_non_null(strstr(last_message(f), "focus of an ego map cannot be hidden ('k01')"));
}

/* Relations at least K papers of the ontology state, and the concepts they join; in a
 * paper's map too (small restates three of big's relations). */
static void test_min_papers_keeps_relations_several_papers_state(void **state)
{
    fixture *f = *state;
    f->opt.min_papers = 2;
    f->opt.top = RENDER_TOP_ALL;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 3);
    assert_true(shows(f, "k01") && shows(f, "k02") && shows(f, "k03"));
    assert_int_equal(f->sum.n_relations, 3);
    f->opt.paper = "big";
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 3);
    assert_int_equal(f->sum.n_relations, 3);
    f->opt.min_papers = 3;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 0);
    /* an ego map keeps its focus, and follows only those relations */
    f->opt.min_papers = 2;
    f->opt.paper = NULL;
    f->opt.focus = concept(f, "k02");
    f->opt.depth = 2;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 3);
    f->opt.min_papers = 1;
    assert_int_equal(render(f), CKG_OK);
    assert_true(f->sum.n_concepts > 3);
}

/* An ego map's top N: the focus, then the neighbours with the most relations; the focus is
 * the largest box; the subtitle says how many more there are. */
static void test_ego_map_takes_the_largest_neighbours(void **state)
{
    fixture *f = *state;
    f->opt.focus = concept(f, "k01");
    f->opt.top = 5;
    f->opt.format = RENDER_FORMAT_DOT;
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 5);
    assert_int_equal(f->sum.n_candidates, 25);
    /* k03 (6 over both papers), k02 (5, most quotes), then k06 and k09, the first of the
     * fives in ontology order */
    assert_true(shows(f, "k01") && shows(f, "k03") && shows(f, "k02") && shows(f, "k06") &&
                shows(f, "k09"));
    assert_non_null(strstr(f->out, "另有 20 个未画出"));
    /* each node statement runs to its "];", its font size in it */
    double focus = 0, largest = 0;
    for (const char *p = strstr(f->out, "\n\tk"); p; p = strstr(p + 1, "\n\tk")) {
        const char *end = strstr(p, "];"), *fs = strstr(p, "fontsize="), *arrow = strstr(p, "->");
        if (!end || !fs || fs > end || (arrow && arrow < end))
            continue;
        if (strncmp(p, "\n\tk01\t", 6) == 0)
            focus = atof(fs + 9);
        else
            largest = fmax(largest, atof(fs + 9));
    }
    assert_true(largest > 0 && focus > largest);
    /* depth 2: a concept two steps out only after one that leads to it */
    f->opt.focus = concept(f, "k37");
    f->opt.depth = 2;
    f->opt.top = 2;
    assert_int_equal(render(f), CKG_OK);
    assert_true(shows(f, "k37") && shows(f, "k36"));
}

static void test_legend_of_one_paper_has_no_papers_key(void **state)
{
    fixture *f = *state;
    f->opt.paper = "big";
    assert_int_equal(render(f), CKG_OK);
    assert_null(strstr(f->out, "篇论文陈述该关系"));
    /* themes under their own heading, named as themes */
    assert_non_null(strstr(f->out, "方框颜色：概念所属主题"));
    assert_non_null(strstr(f->out, "主题·核心范畴"));
    f->opt.paper = NULL;
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "2 篇论文陈述该关系"));
    f->opt.lang = RENDER_LANG_EN;
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "box colour: the concept&#39;s theme"));
    assert_non_null(strstr(f->out, "theme core notion"));
}

/* ------------------------------------------------------------------ formats */

static void test_format_from_the_file_name(void **state)
{
    (void)state;
    render_format fm = RENDER_FORMAT_DOT;
    assert_int_equal(render_format_of_path("map.svg", &fm), CKG_OK);
    assert_int_equal(fm, RENDER_FORMAT_SVG);
    assert_int_equal(render_format_of_path("out/Map.PNG", &fm), CKG_OK);
    assert_int_equal(fm, RENDER_FORMAT_PNG);
    assert_int_equal(render_format_of_path("a.b/map.pdf", &fm), CKG_OK);
    assert_int_equal(fm, RENDER_FORMAT_PDF);
    assert_int_equal(render_format_of_path("map.gv", &fm), CKG_OK);
    assert_int_equal(fm, RENDER_FORMAT_DOT);
    assert_int_equal(render_format_of_path("map.dot", &fm), CKG_OK);
    assert_int_equal(fm, RENDER_FORMAT_DOT);
    fm = RENDER_FORMAT_PNG;
    assert_int_equal(render_format_of_path("map.jpg", &fm), CKG_ENOTFOUND);
    assert_int_equal(render_format_of_path("map.svg.txt", &fm), CKG_ENOTFOUND);
    assert_int_equal(render_format_of_path("map", &fm), CKG_EINVALID);
    assert_int_equal(render_format_of_path("maps.d/map", &fm), CKG_EINVALID);
    assert_int_equal(render_format_of_path(".svg", &fm), CKG_EINVALID);
    assert_int_equal(render_format_of_path("map.", &fm), CKG_EINVALID);
    assert_int_equal(fm, RENDER_FORMAT_PNG); /* untouched */
    assert_int_equal(render_format_parse("pdf", &fm), CKG_OK);
    assert_int_equal(fm, RENDER_FORMAT_PDF);
    assert_int_equal(render_format_parse("jpg", &fm), CKG_ENOTFOUND);
    assert_true(render_format_is_binary(RENDER_FORMAT_PNG) && render_format_is_binary(RENDER_FORMAT_PDF));
    assert_false(render_format_is_binary(RENDER_FORMAT_SVG) || render_format_is_binary(RENDER_FORMAT_DOT));
    assert_string_equal(render_format_name(RENDER_FORMAT_PNG), "png");
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* PNG through cairo: by default the smallest resolution that covers a 1920x1080 slide; at
 * 72 dpi a pixel a point, as big as the PDF's page. PDF: one page. */
static void test_png_and_pdf_are_drawn_by_cairo(void **state)
{
    fixture *f = *state;
    f->opt.format = RENDER_FORMAT_PDF;
    assert_int_equal(render(f), CKG_OK);
    assert_memory_equal(f->out, "%PDF-", 5);
    assert_non_null(memmem(f->out, f->len, "/Type /Page", 11));
    const char *box = memmem(f->out, f->len, "/MediaBox [ 0 0 ", 16);
    assert_non_null(box);
    double w, h;
    assert_int_equal(sscanf(box + 16, "%lf %lf", &w, &h), 2);
    f->opt.format = RENDER_FORMAT_PNG;
    assert_int_equal(render(f), CKG_OK);
    const unsigned char *png = (const unsigned char *)f->out;
    assert_true(f->len > 1000);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    assert_memory_equal(png + 12, "IHDR", 4);
    uint32_t pw = be32(png + 16), ph = be32(png + 20);
    assert_true(pw >= 1920 && ph >= 1080);
    assert_true(pw < 1920 * 1.05 || ph < 1080 * 1.05); /* the smallest that covers */
    f->opt.dpi = 72;
    assert_int_equal(render(f), CKG_OK);
    png = (const unsigned char *)f->out;
    assert_true(fabs((double)be32(png + 16) - w) <= 1 && fabs((double)be32(png + 20) - h) <= 1);
    f->opt.dpi = 144;
    assert_int_equal(render(f), CKG_OK);
    png = (const unsigned char *)f->out;
    assert_true(fabs((double)be32(png + 16) - 2 * w) <= 2);
    f->opt.dpi = 100000;
    assert_int_equal(render(f), CKG_EUSAGE);
    assert_non_null(strstr(last_message(f), "choose a lower --dpi"));
    assert_null(f->out);
}

/* ------------------------------------------------------------------ escaping */

/* Nothing from the hostile fixture reaches the output as markup or control characters. */
static void assert_only_text(const fixture *f)
{
    assert_null(strstr(f->out, "<script"));
    assert_null(strstr(f->out, "<b>"));
    assert_null(strstr(f->out, "<i>"));
    assert_null(strstr(f->out, "]]>"));
    assert_null(strstr(f->out, "<![CDATA["));
    assert_null(strstr(f->out, "<?xml version=\"1.0\"?>"));
    assert_non_null(strstr(f->out, "&lt;script&gt;alert(&quot;XSS&quot;)"));
    for (size_t i = 0; i < f->len; i++) {
        unsigned char ch = (unsigned char)f->out[i];
        assert_true(ch >= 0x20 || ch == '\n' || ch == '\t');
    }
    /* \G would have become the graph's name */
    assert_null(strstr(f->out, "concept&#45;map\\"));
}

static void test_hostile_text_arrives_as_text(void **state)
{
    fixture *f = *state;
    static const char *const engines[] = {"dot", "sfdp"};
    for (size_t e = 0; e < 4; e++) { /* each engine as a file, then for the atlas */
        f->opt.engine = engines[e % 2];
        f->opt.lang = RENDER_LANG_BOTH;
        f->opt.atlas = e >= 2;
        assert_int_equal(render(f), CKG_OK);
        assert_only_text(f);
        assert_int_equal(f->sum.n_concepts, 4);
    }
}

static void test_hostile_text_in_a_diff_map_arrives_as_text(void **state)
{
    fixture *f = *state;
    static const char *const engines[] = {"dot", "sfdp"};
    for (size_t e = 0; e < 2; e++) {
        f->opt.engine = engines[e];
        f->opt.lang = RENDER_LANG_BOTH;
        f->opt.diff[0] = (graph_scope){"hostile", NULL};
        f->opt.diff[1] = (graph_scope){"hostile-b", "part"};
        assert_int_equal(render(f), CKG_OK);
        assert_only_text(f);
        assert_null(strstr(f->out, "</TABLE>《"));
        assert_non_null(strstr(f->out, "&lt;/FONT&gt;&lt;/TD&gt;"));
        assert_non_null(strstr(f->out, "&lt;b&gt;节作者&lt;/b&gt;《"));
        assert_int_equal(f->sum.concepts_in[RENDER_IN_A - 1], 2);
        assert_int_equal(f->sum.concepts_in[RENDER_IN_BOTH - 1], 2);
        assert_int_equal(f->sum.relations_in[RENDER_IN_B - 1], 1);
        assert_int_equal(f->sum.relations_in[RENDER_IN_BOTH - 1], 1);
    }
}

static void test_escape_xml_turns_markup_into_entities(void **state)
{
    (void)state;
    char *s = render_escape_xml("<a href=\"x\">&\x01\x7f\t</a>\nz", 0);
    assert_string_equal(s, "&lt;a href=&quot;x&quot;&gt;&amp; &lt;/a&gt; z");
    free(s);
    s = render_escape_xml("a\nb\x0b", 1);
    assert_string_equal(s, "a\nb");
    free(s);
}

/* ------------------------------------------------------------------ diff maps
 * The diff fixture: left and right share ka, kb, kc, kd and the pairs ka -> kb, kb -> kc;
 * ke, kf and ka -> kc, ka -> kd, kd -> ke, kf -> ka are left's own; kg, kh and kc -> ka,
 * kc -> kd, kd -> kb, kg -> kc right's. essays has sections one (ka -> kb -> kc) and two
 * (kb -> kc -> kd). */

static void set_diff(fixture *f, const char *a, const char *sa, const char *b, const char *sb)
{
    f->opt.diff[0] = (graph_scope){a, sa};
    f->opt.diff[1] = (graph_scope){b, sb};
}

/* The SVG group of the node or edge with this (SVG-escaped) id, up to its end, in a
 * static buffer. */
static const char *group(const fixture *f, const char *id)
{
    static char buf[8192];
    char open[256];
    snprintf(open, sizeof open, "<g id=\"%s\"", id);
    const char *g = strstr(f->out, open);
    assert_non_null(g);
    const char *end = strstr(g, "</g>");
    assert_non_null(end);
    size_t n = (size_t)(end - g);
    assert_true(n < sizeof buf);
    memcpy(buf, g, n);
    buf[n] = '\0';
    return buf;
}

static unsigned char membership(const fixture *f, const char *id)
{
    int32_t c = concept(f, id);
    for (size_t i = 0; i < f->sum.n_concepts; i++) {
        if (f->sum.concepts[i] == c)
            return f->sum.concept_in[i];
    }
    fail_msg("%s is not on the map", id);
    return 0;
}

static void test_diff_map_counts_each_membership(void **state)
{
    fixture *f = *state;
    f->opt.engine = "dot"; /* a layered engine: one arrow per relation */
    set_diff(f, "left", NULL, "right", NULL);
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 8);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_A - 1], 2);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_B - 1], 2);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_BOTH - 1], 4);
    assert_int_equal(f->sum.n_relations, 10);
    assert_int_equal(f->sum.relations_in[RENDER_IN_A - 1], 4);
    assert_int_equal(f->sum.relations_in[RENDER_IN_B - 1], 4);
    assert_int_equal(f->sum.relations_in[RENDER_IN_BOTH - 1], 2);
    assert_int_equal(membership(f, "ke"), RENDER_IN_A);
    assert_int_equal(membership(f, "kh"), RENDER_IN_B);
    assert_int_equal(membership(f, "ka"), RENDER_IN_BOTH);
    /* 2 concepts + 4 relations of each side, 4 + 2 of both */
    assert_int_equal(count(f->out, "diff&#45;a\""), 6);
    assert_int_equal(count(f->out, "diff&#45;b\""), 6);
    assert_int_equal(count(f->out, "diff&#45;both\""), 6);
}

static void test_diff_map_colors_a_solid_b_dashed_both_grey(void **state)
{
    fixture *f = *state;
    f->opt.engine = "dot"; /* a layered engine: one arrow per relation */
    set_diff(f, "left", NULL, "right", NULL);
    assert_int_equal(render(f), CKG_OK);
    const char *g = group(f, "ke");
    assert_non_null(strstr(g, "class=\"node concept theme&#45;industry diff&#45;a\""));
    assert_non_null(strstr(g, "fill=\"#e69f00\""));
    assert_null(strstr(g, "stroke-dasharray"));
    g = group(f, "kg");
    assert_non_null(strstr(g, "class=\"node concept theme&#45;factors diff&#45;b\""));
    assert_non_null(strstr(g, "fill=\"#56b4e9\" stroke=\"#0072b2\""));
    assert_non_null(strstr(g, "stroke-dasharray"));
    g = group(f, "ka");
    assert_non_null(strstr(g, "fill=\"#e6e6e6\""));
    assert_null(strstr(g, "stroke-dasharray"));
    g = group(f, "kd&#45;&#45;ke");
    assert_non_null(strstr(g, "class=\"edge relation diff&#45;a\""));
    assert_non_null(strstr(g, "stroke=\"#e69f00\""));
    assert_null(strstr(g, "stroke-dasharray"));
    g = group(f, "kc&#45;&#45;ka");
    assert_non_null(strstr(g, "class=\"edge relation diff&#45;b\""));
    assert_non_null(strstr(g, "stroke=\"#0072b2\" stroke-width=\"2\" stroke-dasharray"));
    g = group(f, "ka&#45;&#45;kb");
    assert_non_null(strstr(g, "class=\"edge relation diff&#45;both\""));
    assert_non_null(strstr(g, "stroke=\"#8c8c8c\""));
}

static void test_diff_map_legend_names_papers_and_counts(void **state)
{
    fixture *f = *state;
    set_diff(f, "left", NULL, "right", NULL);
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "新质生产力文献概念图：两篇对比"));
    assert_non_null(strstr(f->out, "A left：测试作者《左边的文本》（2024）"));
    assert_non_null(strstr(f->out, "B right：测试作者《右边的文本》（2024）"));
    assert_non_null(strstr(f->out, "仅见于 A left：2 个概念，4 条关系（橙色，实线）"));
    assert_non_null(strstr(f->out, "仅见于 B right：2 个概念，4 条关系（蓝色，虚线）"));
    assert_non_null(strstr(f->out, "两篇共有：4 个概念，2 条关系（灰色）"));
    assert_non_null(strstr(f->out, "8 个概念，10 条关系"));
    /* themes and paper counts do not apply */
    assert_null(strstr(f->out, "篇论文陈述该关系"));
    f->opt.lang = RENDER_LANG_EN;
    assert_int_equal(render(f), CKG_OK);
    assert_non_null(strstr(f->out, "only in B right: 2 concepts, 4 relations (blue, dashed lines)"));
    assert_non_null(strstr(f->out, "in both: 4 concepts, 2 relations (grey)"));
}

static void test_diff_map_titles_say_who_states_what(void **state)
{
    fixture *f = *state;
    f->opt.engine = "dot"; /* a layered engine: one arrow per relation */
    set_diff(f, "left", NULL, "right", NULL);
    f->opt.size_by = RENDER_SIZE_DEGREE;
    assert_int_equal(render(f), CKG_OK);
    /* ka: degree 4 of 6 in left (rank 1); degree 2 in right, tied with kd (rank 3.5) */
    const char *g = group(f, "ka");
    assert_non_null(strstr(g, "两篇共有 in both：left、right"));
    assert_non_null(strstr(g, "A left：测试作者《左边的文本》（2024）\n度 排名 rank 1 / 6\n"
                              "「本文讨论概念甲」—— left（测试作者，2024）"));
    assert_non_null(strstr(g, "B right：测试作者《右边的文本》（2024）\n度 排名 rank 3.5 / 6\n"
                              "「本文讨论概念甲」—— right"));
    g = group(f, "ke");
    assert_non_null(strstr(g, "仅见于 only in left"));
    assert_non_null(strstr(g, "B right：测试作者《右边的文本》（2024）\n未涉及该概念"));
    /* a pair both state, with a different kind each: each one's phrase and quote */
    g = group(f, "ka&#45;&#45;kb");
    assert_non_null(strstr(g, "陈述为 stated as：催生\n「概念甲催生概念乙」—— left"));
    assert_non_null(strstr(g, "陈述为 stated as：支撑\n「概念甲支撑概念乙」—— right"));
    g = group(f, "kc&#45;&#45;ka");
    assert_non_null(strstr(g, "仅见于 only in right"));
    assert_non_null(strstr(g, "A left：测试作者《左边的文本》（2024）\n未陈述该关系"));
}

static void test_diff_map_of_two_sections_quotes_each_section(void **state)
{
    fixture *f = *state;
    f->opt.engine = "dot"; /* a layered engine: one arrow per relation */
    set_diff(f, "essays", "one", "essays", "two");
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_A - 1], 1);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_B - 1], 1);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_BOTH - 1], 2);
    assert_int_equal(f->sum.relations_in[RENDER_IN_A - 1], 1);
    assert_int_equal(f->sum.relations_in[RENDER_IN_B - 1], 1);
    assert_int_equal(f->sum.relations_in[RENDER_IN_BOTH - 1], 1);
    assert_int_equal(membership(f, "ka"), RENDER_IN_A);
    assert_int_equal(membership(f, "kd"), RENDER_IN_B);
    assert_non_null(strstr(f->out, "A essays/one：测试作者甲《两篇短文》·第一篇（2024）"));
    assert_non_null(strstr(f->out, "B essays/two：测试作者乙《两篇短文》·第二篇（2024）"));
    const char *g = group(f, "kb&#45;&#45;kc");
    assert_non_null(strstr(g, "「第一篇说概念乙催生概念丙」"));
    assert_non_null(strstr(g, "「第二篇说概念乙催生概念丙」"));
    g = group(f, "kc");
    assert_non_null(strstr(g, "「第一篇谈到概念丙」"));
    assert_non_null(strstr(g, "「第二篇谈到概念丙」"));
}

static void test_diff_map_narrows_by_focus_and_theme(void **state)
{
    fixture *f = *state;
    set_diff(f, "left", NULL, "right", NULL);
    f->opt.focus = concept(f, "ka");
    f->opt.engine = "sfdp";
    assert_int_equal(render(f), CKG_OK);
    /* ka and its neighbours kb, kc, kd (both) and kf (left); the relations one step out */
    assert_int_equal(f->sum.n_concepts, 5);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_A - 1], 1);
    assert_int_equal(f->sum.concepts_in[RENDER_IN_BOTH - 1], 4);
    assert_int_equal(f->sum.relations_in[RENDER_IN_A - 1], 3);
    assert_int_equal(f->sum.relations_in[RENDER_IN_B - 1], 1);
    assert_int_equal(f->sum.relations_in[RENDER_IN_BOTH - 1], 1);
    assert_non_null(strstr(f->out, "diff&#45;both focus\""));
    /* phrase nodes of the force-directed engines: both halves in the relation's look */
    assert_int_equal(count(f->out, "class=\"edge relation diff&#45;b\""), 2);
    f->opt.focus = -1;
    f->opt.engine = "dot";
    f->opt.theme = "core";
    assert_int_equal(render(f), CKG_OK);
    assert_int_equal(f->sum.n_concepts, 3);
    assert_int_equal(f->sum.relations_in[RENDER_IN_A - 1], 1);
    assert_int_equal(f->sum.relations_in[RENDER_IN_B - 1], 1);
    assert_int_equal(f->sum.relations_in[RENDER_IN_BOTH - 1], 2);
    assert_non_null(strstr(f->out, "仅见于 A left：0 个概念，1 条关系"));
}

static void test_diff_map_errors(void **state)
{
    fixture *f = *state;
    set_diff(f, "left", NULL, "left", NULL);
    assert_int_equal(render(f), CKG_EUSAGE);
    assert_non_null(strstr(last_message(f), "two different scopes, not 'left' twice"));
    assert_null(f->out);
    set_diff(f, "essays", "one", "essays", "one");
    assert_int_equal(render(f), CKG_EUSAGE);
    set_diff(f, "left", NULL, "right", NULL);
    f->opt.paper = "left";
    assert_int_equal(render(f), CKG_EUSAGE);
    assert_non_null(strstr(last_message(f), "no --paper or --section"));
    f->opt.paper = NULL;
    set_diff(f, "left", NULL, NULL, NULL);
    assert_int_equal(render(f), CKG_EUSAGE);
    set_diff(f, "left", NULL, "rigth", NULL);
    assert_int_equal(render(f), CKG_ENOTFOUND);
    assert_non_null(strstr(last_message(f), "did you mean 'right'"));
    set_diff(f, "essays", "three", "left", NULL);
    assert_int_equal(render(f), CKG_ENOTFOUND);
    set_diff(f, "left", NULL, "right", NULL);
    f->opt.focus = concept(f, "kh");
    f->opt.depth = 1;
    f->opt.theme = "nope";
    assert_int_equal(render(f), CKG_ENOTFOUND);
    assert_null(f->sum.concepts);
    assert_null(f->sum.concept_in);
}

static void test_diff_map_is_deterministic(void **state)
{
    fixture *f = *state;
    set_diff(f, "left", NULL, "right", NULL);
    assert_int_equal(render(f), CKG_OK);
    char *first = f->out;
    f->out = NULL;
    assert_int_equal(render(f), CKG_OK);
    assert_string_equal(first, f->out);
    free(first);
}

/* ------------------------------------------------------------------ line breaking */

static void test_wrap_zh_leaves_short_names_alone(void **state)
{
    (void)state;
    char *s;
    assert_int_equal(render_wrap_zh("新质生产力", 7, NULL, 0, &s), CKG_OK);
    assert_string_equal(s, "新质生产力");
    free(s);
}

static void test_wrap_zh_breaks_after_he(void **state)
{
    (void)state;
    char *s;
    assert_int_equal(render_wrap_zh("科技创新和产业创新融合发展", 7, NULL, 0, &s), CKG_OK);
    assert_string_equal(s, "科技创新和\n产业创新融合发展");
    free(s);
}

static void test_wrap_zh_keeps_dictionary_words_whole(void **state)
{
    (void)state;
    const char *dict[] = {"生产力"};
    char *s;
    assert_int_equal(render_wrap_zh("马克思主义生产力理论", 7, dict, 1, &s), CKG_OK);
    assert_string_equal(s, "马克思主义\n生产力理论");
    free(s);
}

static void test_wrap_words_balances_lines(void **state)
{
    (void)state;
    char *s;
    assert_int_equal(render_wrap_words("innovation of the industrial chain", 18, &s), CKG_OK);
    assert_string_equal(s, "innovation of the\nindustrial chain");
    free(s);
    assert_int_equal(render_wrap_words("short", 18, &s), CKG_OK);
    assert_string_equal(s, "short");
    free(s);
}

/* ------------------------------------------------------------------ option names */

static void test_option_names_parse(void **state)
{
    (void)state;
    render_lang lang;
    render_size_by by;
    render_edge_labels el;
    assert_int_equal(render_lang_parse("both", &lang), CKG_OK);
    assert_int_equal(lang, RENDER_LANG_BOTH);
    assert_int_equal(render_lang_parse("fr", &lang), CKG_ENOTFOUND);
    assert_int_equal(render_size_by_parse("betweenness", &by), CKG_OK);
    assert_int_equal(by, RENDER_SIZE_BETWEENNESS);
    assert_int_equal(render_size_by_parse("closeness", &by), CKG_ENOTFOUND);
    assert_int_equal(render_edge_labels_parse("none", &el), CKG_OK);
    assert_int_equal(el, RENDER_EDGE_LABELS_NONE);
    assert_string_equal(render_engine_check("twopi"), "twopi");
    assert_string_equal(render_engine_check("radial"), "radial");
    assert_null(render_engine_check("patchwork"));
}

/* ------------------------------------------------------------------ the atlas's map */

/* What the atlas's map must be, derived from the map of the same options by text alone:
 * from <svg> on, without comments (and the lines they filled) and font-family attributes,
 * each <g id="X"> without its id; a concept's group (class "node concept") with
 * data-concept="X", a relation's or a phrase's with data-from and data-to, the two ids
 * joined by "--" in X; the slide's key (class "node key") with neither. Graphviz writes '-' as "&#45;". */
static char *page_of(const char *svg)
{
    size_t cap = strlen(svg) * 2 + 1, n = 0;
    char *out = malloc(cap), ids[3][256];
    const char *p = strstr(svg, "<svg");
    assert_non_null(p);
    while (*p) {
        if (strncmp(p, "<!--", 4) == 0) {
            p = strstr(p, "-->") + 3;
            if (*p == '\n' && (n == 0 || out[n - 1] == '\n'))
                p++;
        } else if (strncmp(p, " font-family=\"", 14) == 0) {
            p = strchr(p + 14, '"') + 1;
        } else if (strncmp(p, "<g id=\"", 7) == 0) {
            const char *id = p + 7, *q = strchr(id, '"');
            size_t k = 0, part = 0;
            for (const char *c = id; c < q;) {
                if (strncmp(c, "&#45;&#45;", 10) == 0 && part < 2) {
                    ids[part++][k] = '\0';
                    k = 0;
                    c += 10;
                } else if (strncmp(c, "&#45;", 5) == 0) {
                    ids[part][k++] = '-';
                    c += 5;
                } else {
                    ids[part][k++] = *c++;
                }
            }
            ids[part][k] = '\0';
            n += (size_t)sprintf(out + n, "<g");
            if (strncmp(q, "\" class=\"node concept", 21) == 0)
                n += (size_t)sprintf(out + n, " data-concept=\"%s\"", ids[0]);
            else if (strcmp(ids[0], "graph0") != 0 && strncmp(q, "\" class=\"node key\"", 18) != 0)
                n += (size_t)sprintf(out + n, " data-from=\"%s\" data-to=\"%s\"", ids[0], ids[1]);
            p = q + 1;
        } else {
            out[n++] = *p++;
        }
        assert_true(n + 600 < cap);
    }
    out[n] = '\0';
    return out;
}

/* The atlas's map is the map of the same options for a page, whatever the engine (phrases as
 * edge labels or as nodes on a relation's path) and the kind of map. */
static void check_atlas_map(fixture *f)
{
    static const char *const engines[] = {"dot", "sfdp"};
    for (size_t e = 0; e < 2; e++) {
        f->opt.engine = engines[e];
        f->opt.atlas = 0;
        assert_int_equal(render(f), CKG_OK);
        char *expected = page_of(f->out);
        size_t n_concepts = f->sum.n_concepts, n_relations = f->sum.n_relations;
        f->opt.atlas = 1;
        assert_int_equal(render(f), CKG_OK);
        assert_string_equal(f->out, expected);
        assert_int_equal(f->len, strlen(expected));
        assert_int_equal(f->sum.n_concepts, n_concepts);
        assert_int_equal(f->sum.n_relations, n_relations);
        assert_int_equal(strncmp(f->out, "<svg", 4), 0);
        assert_null(strstr(f->out, "<!--"));
        assert_null(strstr(f->out, " id=\""));
        assert_null(strstr(f->out, "font-family"));
        assert_int_equal(count(f->out, "data-concept=\""), n_concepts);
        assert_true(count(f->out, "data-from=\"") >= n_relations);
        assert_non_null(strstr(f->out, "<title>"));
        free(expected);
    }
}

static void test_atlas_map_is_the_map_for_a_page(void **state)
{
    fixture *f = *state;
    check_atlas_map(f);
    assert_non_null(strstr(f->out, "<g data-concept=\"data-factor\" class=\"node concept"));
    assert_non_null(strstr(f->out, " data-from=\"data-factor\" data-to=\"efficiency\" "
                                   "class=\"node phrase\""));
}

static void test_atlas_map_of_a_diff(void **state)
{
    fixture *f = *state;
    f->opt.diff[0] = (graph_scope){"alpha", NULL};
    f->opt.diff[1] = (graph_scope){"beta", NULL};
    check_atlas_map(f);
    assert_true(f->sum.concepts_in[RENDER_IN_A - 1] > 0);
}

/* The DOT text is the same with it: the atlas's map differs in its SVG only. */
static void test_atlas_map_in_dot_is_the_map(void **state)
{
    fixture *f = *state;
    f->opt.format = RENDER_FORMAT_DOT;
    assert_int_equal(render(f), CKG_OK);
    char *plain = f->out;
    f->out = NULL;
    f->opt.atlas = 1;
    assert_int_equal(render(f), CKG_OK);
    assert_string_equal(f->out, plain);
    free(plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_all_scope_draws_one_box_per_concept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paper_scope_draws_only_its_concepts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ego_map_keeps_concepts_within_depth, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ego_map_of_concept_outside_scope_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_theme_map_keeps_theme_concepts_and_their_relations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_theme_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_paper_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_engine_is_a_usage_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_radial_needs_a_focus, setup, teardown),
        cmocka_unit_test_setup_teardown(test_legend_names_themes_and_encodings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_text_names_the_cjk_font_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_node_title_has_names_definition_and_quote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edge_title_has_relation_and_quote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_section_map_quotes_its_own_section, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_edge_labels_carry_the_zh_phrase, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edge_width_grows_with_papers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_force_directed_engines_draw_phrases_as_nodes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_input_gives_identical_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dot_format_is_the_graph_before_layout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dot_format_of_an_arranged_map_pins_positions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_radial_pins_positions_around_the_focus, setup, teardown),
        cmocka_unit_test_setup_teardown(test_size_by_measure_orders_font_sizes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile_text_arrives_as_text, setup_hostile, teardown),
        cmocka_unit_test_setup_teardown(test_hostile_text_in_a_diff_map_arrives_as_text, setup_hostile, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_counts_each_membership, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_colors_a_solid_b_dashed_both_grey, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_legend_names_papers_and_counts, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_titles_say_who_states_what, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_of_two_sections_quotes_each_section, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_narrows_by_focus_and_theme, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_errors, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_diff_map_is_deterministic, setup_diff, teardown),
        cmocka_unit_test_setup_teardown(test_atlas_map_is_the_map_for_a_page, setup, teardown),
        cmocka_unit_test_setup_teardown(test_atlas_map_of_a_diff, setup, teardown),
        cmocka_unit_test_setup_teardown(test_atlas_map_in_dot_is_the_map, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relations_measure_counts_relations_per_paper, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_default_sizes_follow_relations_not_pagerank, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_top_n_keeps_the_concepts_with_most_relations, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_default_map_is_a_slide, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_hide_leaves_out_a_concept_and_its_relations, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_min_papers_keeps_relations_several_papers_state, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_ego_map_takes_the_largest_neighbours, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_legend_of_one_paper_has_no_papers_key, setup_slide, teardown),
        cmocka_unit_test_setup_teardown(test_png_and_pdf_are_drawn_by_cairo, setup, teardown),
        cmocka_unit_test(test_format_from_the_file_name),
        cmocka_unit_test(test_escape_xml_turns_markup_into_entities),
        cmocka_unit_test(test_wrap_zh_leaves_short_names_alone),
        cmocka_unit_test(test_wrap_zh_breaks_after_he),
        cmocka_unit_test(test_wrap_zh_keeps_dictionary_words_whole),
        cmocka_unit_test(test_wrap_words_balances_lines),
        cmocka_unit_test(test_option_names_parse),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
