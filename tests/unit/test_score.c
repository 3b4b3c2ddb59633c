/* test_score.c — a student's map scored: labels resolved as the CLI resolves names (id, zh,
 * en, alt; case and width; typos with suggestions; ambiguous names), phrases read (own,
 * inverse, synonym, unrecognised), every verdict with its evidence, scope and elsewhere,
 * precision, recall, the key propositions missed, and the structural score. */
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
#include "ckg/metrics.h"
#include "ckg/score.h"
#include "ckg/status.h"

typedef struct scored {
    ckg_ontology *o;
    phrase_table *t;
    prop_list *props;
    cmap *map;
    score_result *r;
} scored;

static scored *score_text(const char *onto, const char *paper, const char *csv)
{
    scored *s = calloc(1, sizeof *s);
    diag_list d;
    diag_list_init(&d);
    assert_int_equal(ontology_load(onto, &d, &s->o), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(phrase_table_build(s->o, &s->t), CKG_OK);
    prop_scope scope = PROP_SCOPE_ALL;
    if (paper)
        scope.paper = (int32_t)(ontology_paper(s->o, paper) - s->o->papers);
    assert_int_equal(prop_collect(s->o, &scope, PROP_ORDER_TEXT, NULL, &s->props), CKG_OK);
    assert_int_equal(cmap_read_csv("map.csv", csv, strlen(csv), &d, &s->map), CKG_OK);
    assert_int_equal(score_map(s->o, s->map, s->props, s->t, &d, &s->r), CKG_OK);
    assert_int_equal(d.n, 0);
    diag_list_free(&d);
    return s;
}

static void scored_free(scored *s)
{
    score_free(s->r);
    cmap_free(s->map);
    prop_list_free(s->props);
    phrase_table_free(s->t);
    ontology_free(s->o);
    free(s);
}

static const char *id(const scored *s, int32_t c)
{
    return c >= 0 ? s->o->concepts[c].id.s : "-";
}

/* Item i has verdict v, reads as a -> b (ids, "-" for none) and has n pieces of evidence. */
static void item_is(const scored *s, size_t i, score_verdict v, const char *a, const char *b, size_t n)
{
    const score_item *it = &s->r->items[i];
    if (it->verdict != v)
        fail_msg("item %zu (%s —%s→ %s): %s, not %s", i + 1, it->prop->from, it->prop->phrase,
                 it->prop->to, score_verdict_name(it->verdict), score_verdict_name(v));
    assert_string_equal(id(s, it->a), a);
    assert_string_equal(id(s, it->b), b);
    assert_int_equal(it->n_evidence, n);
}

static const char MAP[] =
    "from,phrase,to\n"
    "sti,催生,nqpf\n"                                              /* 1 ids */
    "科技创新,推动,新质生产力\n"                                    /* 2 zh, two kinds of one family */
    " Scientific and Technological  Innovation ,依托,TALENT\n"      /* 3 en, case, spaces; inverse */
    "高质量发展,推动,新质生产力\n"                                  /* 4 reversed */
    "AI,制约,TFP\n"                                                /* 5 alt names; other kind */
    "新质生产力,制约,全要素生产率\n"                                /* 6 other kind, other way round */
    "新质生产力,构成,全要素生产率\n"                                /* 7 reversed in the family */
    "科技创新,催生,经济增长\n"                                      /* 8 unstated */
    "数剧要素,支撑,新质生产力\n"                                    /* 9 typo */
    "ＡＩ,需要,算力\n"                                             /* 10 width; inverse phrase */
    "体制障碍,相互关联,新质生产力\n"                                /* 11 unrecognised phrase */
    "新质生产力,推动,新质生产力\n"                                  /* 12 itself */
    "新质生产力,促进,经济增长\n"                                    /* 13 synonym */
    "人才,赋能,科技创新\n"                                          /* 14 same family, other kind */
    "人才,推动,科技创新\n"                                          /* 15 another family */
    "科技创新,依赖于,人才\n"                                        /* 16 inverse synonym */
    "新质生产力,是…的前提,算力\n";                                  /* 17 a frame; unstated */

static void test_every_verdict_with_its_evidence(void **state)
{
    (void)state;
    scored *s = score_text("tests/fixtures/teach", NULL, MAP);
    assert_int_equal(s->r->n, 17);
    item_is(s, 0, SCORE_STATED, "sti", "nqpf", 2);      /* causes and promotes: both drives */
    item_is(s, 1, SCORE_STATED, "sti", "nqpf", 2);
    item_is(s, 2, SCORE_STATED, "talent", "sti", 1);    /* 依托 flips it */
    assert_true(s->r->items[2].phrase.inverse);
    item_is(s, 3, SCORE_REVERSED, "hq-development", "nqpf", 1);
    assert_string_equal(id(s, s->r->items[3].evidence[0]->from), "nqpf");
    item_is(s, 4, SCORE_OTHER_KIND, "ai", "tfp", 1);
    assert_string_equal(s->o->kinds[s->r->items[4].evidence[0]->kind].id.s, "promotes");
    item_is(s, 5, SCORE_OTHER_KIND, "nqpf", "tfp", 1);  /* tfp —core_of→ nqpf only */
    item_is(s, 6, SCORE_REVERSED, "nqpf", "tfp", 1);    /* part_of ~ core_of: structure */
    item_is(s, 7, SCORE_UNSTATED, "sti", "growth", 0);
    assert_int_equal(s->r->items[7].n_elsewhere, 0);
    item_is(s, 8, SCORE_UNKNOWN_CONCEPT, "-", "-", 0);
    assert_int_equal(s->r->items[8].from.names.verdict, NAMES_UNKNOWN);
    assert_string_equal(s->r->items[8].from.names.suggestions[0], "数据要素");
    assert_string_equal(id(s, s->r->items[8].to.concept), "nqpf"); /* the other end resolves */
    item_is(s, 9, SCORE_STATED, "computing-power", "ai", 1);
    item_is(s, 10, SCORE_STATED, "barriers", "nqpf", 1);
    assert_int_equal(s->r->items[10].phrase.source, PHRASE_UNRECOGNISED);
    item_is(s, 11, SCORE_UNSTATED, "nqpf", "nqpf", 0);
    item_is(s, 12, SCORE_STATED, "nqpf", "growth", 1);
    assert_int_equal(s->r->items[12].phrase.source, PHRASE_SYNONYM);
    /* 赋能 (enables) where the text states supports only: both conditions */
    item_is(s, 13, SCORE_STATED, "talent", "sti", 1);
    assert_string_equal(s->o->kinds[s->r->items[13].phrase.kind].id.s, "enables");
    assert_string_equal(s->o->kinds[s->r->items[13].evidence[0]->kind].id.s, "supports");
    /* 推动 (drives) where the text states supports (conditions) */
    item_is(s, 14, SCORE_OTHER_KIND, "talent", "sti", 1);
    /* 依赖于, a synonym of requires' inverse: sti needs talent, talent is the prerequisite;
     * the text's supports is of the same family */
    item_is(s, 15, SCORE_STATED, "talent", "sti", 1);
    assert_true(s->r->items[15].phrase.inverse);
    assert_int_equal(s->r->items[15].phrase.source, PHRASE_SYNONYM);
    /* 是…的前提 is 是前提 (requires), which the text states the other way round only for
     * computing power and AI: nothing between nqpf and computing power */
    item_is(s, 16, SCORE_UNSTATED, "nqpf", "computing-power", 0);
    assert_string_equal(s->o->kinds[s->r->items[16].phrase.kind].id.s, "requires");
    scored_free(s);
}

static void test_summary_precision_recall_and_missed(void **state)
{
    (void)state;
    scored *s = score_text("tests/fixtures/teach", NULL, MAP);
    const score_summary *m = &s->r->summary;
    assert_int_equal(m->counts[SCORE_STATED], 8);
    assert_int_equal(m->counts[SCORE_REVERSED], 2);
    assert_int_equal(m->counts[SCORE_OTHER_KIND], 3);
    assert_int_equal(m->counts[SCORE_UNSTATED], 3);
    assert_int_equal(m->counts[SCORE_UNKNOWN_CONCEPT], 1);
    assert_int_equal(m->resolved, 16);
    assert_true(fabs(m->precision - 8.0 / 16.0) < 1e-12);
    /* matched: sti causes/promotes nqpf, talent supports sti, cp requires ai, barriers
     * constrains nqpf, nqpf promotes growth */
    assert_int_equal(m->curated, 15);
    assert_int_equal(m->matched, 6);
    assert_true(fabs(m->recall - 6.0 / 15.0) < 1e-12);
    assert_int_equal(m->n_missed, 9);
    /* most central first: PageRank of the two ends, recomputed here */
    diag_list d;
    diag_list_init(&d);
    graph_scope gs = {NULL, NULL};
    ckg_graph *g;
    metrics_result *mr;
    metrics_options mo;
    metrics_options_default(&mo);
    mo.skip_paths = 1;
    assert_int_equal(graph_build(s->o, &gs, &d, &g), CKG_OK);
    assert_int_equal(metrics_compute(g, &mo, &d, &mr), CKG_OK);
    const double *pr = metrics_values(mr, METRICS_PAGERANK);
    double last = INFINITY;
    for (size_t i = 0; i < m->n_missed; i++) {
        const proposition *p = m->missed[i];
        double key = pr[g->vertex_of[p->from]] + pr[g->vertex_of[p->to]];
        assert_true(key <= last + 1e-15);
        last = key;
    }
    metrics_free(mr);
    graph_free(g);
    diag_list_free(&d);
    scored_free(s);
}

static void test_scope_and_elsewhere(void **state)
{
    (void)state;
    scored *s = score_text("tests/fixtures/teach", "alpha", "新质生产力,推动,经济增长\n科技创新,催生,新质生产力\n");
    item_is(s, 0, SCORE_UNSTATED, "nqpf", "growth", 0);
    assert_int_equal(s->r->items[0].n_elsewhere, 1);
    assert_string_equal(s->o->papers[s->r->items[0].elsewhere[0]].id.s, "beta");
    item_is(s, 1, SCORE_STATED, "sti", "nqpf", 1); /* alpha's causes only */
    assert_int_equal(s->r->summary.curated, 10);
    assert_int_equal(s->r->summary.matched, 1);
    scored_free(s);
}

static void test_ambiguous_names_are_unknown_with_candidates(void **state)
{
    (void)state;
    scored *s = score_text("tests/fixtures/query", NULL, "PLATFORM,支撑,数字经济\n数据,支撑,tfp\n");
    item_is(s, 0, SCORE_UNKNOWN_CONCEPT, "-", "-", 0);
    assert_int_equal(s->r->items[0].from.names.verdict, NAMES_AMBIGUOUS);
    assert_int_equal(s->r->items[0].from.names.n, 2);
    item_is(s, 1, SCORE_STATED, "data-factor", "tfp", 1); /* an alt name */
    assert_true(isnan(s->r->summary.precision) == 0);
    scored_free(s);
}

static void test_structure_levels_and_cross_links(void **state)
{
    (void)state;
    /* root nqpf (4 links); sti and tfp on level 1, talent on level 2 under sti; data
     * linked to nqpf and to tfp: data–tfp joins two branches (a cross-link); ai—cp apart */
    scored *s = score_text("tests/fixtures/teach", NULL,
                           "科技创新,催生,新质生产力\n人才,支撑,科技创新\n全要素生产率,是核心,新质生产力\n"
                           "数据要素,支撑,新质生产力\n数据要素,支撑,全要素生产率\n算力,是前提,人工智能\n"
                           "新质生产力,推动,新质生产力\n");
    const score_structure *st = &s->r->summary.structure;
    assert_int_equal(st->valid, 6);
    assert_string_equal(id(s, st->root), "nqpf");
    assert_int_equal(st->levels, 2);
    assert_int_equal(st->cross_links, 1);
    assert_int_equal(st->score, 6 + 5 * 2 + 10 * 1);
    scored_free(s);
    s = score_text("tests/fixtures/teach", NULL, "科技创新,催生,经济增长\n");
    assert_int_equal(s->r->summary.structure.valid, 0);
    assert_int_equal(s->r->summary.structure.score, 0);
    assert_int_equal(s->r->summary.structure.root, -1);
    assert_int_equal(s->r->summary.matched, 0);
    assert_true(fabs(s->r->summary.precision) < 1e-12);
    scored_free(s);
    s = score_text("tests/fixtures/teach", NULL, "无此概念,催生,经济增长\n");
    assert_true(isnan(s->r->summary.precision));
    scored_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_verdict_with_its_evidence),
        cmocka_unit_test(test_summary_precision_recall_and_missed),
        cmocka_unit_test(test_scope_and_elsewhere),
        cmocka_unit_test(test_ambiguous_names_are_unknown_with_candidates),
        cmocka_unit_test(test_structure_levels_and_cross_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
