/* test_ontology.c — loading, linking and checking the fixture ontology; suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/check.h"
#include "ckg/ontology.h"
#include "ckg/status.h"
#include "ckg/suggest.h"

static void test_good_fixture_loads_without_diagnostics(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load("tests/fixtures/good", &d, &o), CKG_OK);
    assert_int_equal(d.n, 0);
    assert_int_equal(o->n_themes, 3);
    assert_int_equal(o->n_kinds, 3);
    assert_int_equal(o->n_concepts, 7);
    assert_int_equal(o->n_papers, 2);
    const ckg_concept *c = ontology_concept(o, "disruptive-innovation");
    assert_non_null(c);
    assert_string_equal(o->themes[c->theme_index].id.s, "technology");
    assert_int_equal(c->broader.n, 1);
    assert_string_equal(o->concepts[c->broader_index[0]].id.s, "innovation");
    assert_non_null(strstr(c->id.loc.file, "concepts/technology.yaml"));
    assert_int_equal(c->id.loc.line, 2);
    assert_int_equal(c->id.loc.col, 9);
    const ckg_paper *p = ontology_paper(o, "beta");
    assert_non_null(p);
    assert_int_equal(p->year, 2024);
    assert_int_equal(p->authors.n, 2);
    assert_int_equal(p->n_sections, 1);
    assert_int_equal(p->relations[0].evidence.items[0].section_index, 0);
    assert_null(ontology_concept(o, "nope"));
    assert_null(ontology_kind(o, "nope"));
    assert_non_null(ontology_theme(o, "core"));
    ontology_free(o);
    diag_list_free(&d);
}

static void test_skip_evidence_keeps_mentions_and_relations_without_quotes(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    ontology_load_options opt = {.skip_evidence = 1};
    assert_int_equal(ontology_load_with("tests/fixtures/good", &opt, &d, &o), CKG_OK);
    assert_int_equal(d.n, 0);
    const ckg_paper *p = ontology_paper(o, "alpha");
    assert_int_equal(p->n_mentions, 7);
    assert_int_equal(p->n_relations, 3);
    for (size_t i = 0; i < p->n_relations; i++) {
        assert_true(p->relations[i].from_index >= 0 && p->relations[i].to_index >= 0);
        assert_int_equal(p->relations[i].evidence.n, 0);
    }
    assert_int_equal(p->mentions[0].evidence.n, 0);
    ontology_free(o);
    /* the same load with evidence has it */
    assert_int_equal(ontology_load_with("tests/fixtures/good", NULL, &d, &o), CKG_OK);
    assert_int_equal(ontology_paper(o, "alpha")->relations[0].evidence.n, 1);
    ontology_free(o);
    diag_list_free(&d);
}

static void test_check_records_where_each_quote_lies(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load("tests/fixtures/good", &d, &o), CKG_OK);
    check_options opt = {.corpus_dir = "tests/fixtures/corpus"};
    check_stats stats;
    assert_int_equal(check_ontology(o, &opt, &d, &stats), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(stats.quotes, 16);
    assert_int_equal(stats.quotes_found, 16);
    const ckg_paper *beta = ontology_paper(o, "beta");
    /* "数据要素的作用在于支撑效率提升" runs from line 3 across a page break to line 11 */
    assert_int_equal(beta->mentions[0].evidence.items[0].found_line, 3);
    assert_int_equal(beta->mentions[0].evidence.items[0].found_end_line, 11);
    ontology_free(o);
    diag_list_free(&d);
}

static void test_missing_corpus_folder_is_an_io_error(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load("tests/fixtures/good", &d, &o), CKG_OK);
    check_options opt = {.corpus_dir = "tests/fixtures/no-such-corpus"};
    check_stats stats;
    assert_int_equal(check_ontology(o, &opt, &d, &stats), CKG_EIO);
    ontology_free(o);
    diag_list_free(&d);
}

static void test_suggestions_are_ordered_by_distance(void **state)
{
    (void)state;
    const char *candidates[] = {"data-factors", "data-factor", "digital-economy", NULL, "data-factor"};
    const char *out[3];
    size_t n = suggest_closest("data-factr", candidates, 5, out, 3);
    assert_int_equal(n, 2);
    assert_string_equal(out[0], "data-factor");
    assert_string_equal(out[1], "data-factors");
}

static void test_suggestions_count_cjk_characters_not_bytes(void **state)
{
    (void)state;
    const char *candidates[] = {"数据要素", "数字经济"};
    const char *out[2];
    assert_int_equal(suggest_closest("数据要数", candidates, 2, out, 2), 1);
    assert_string_equal(out[0], "数据要素");
    assert_int_equal(suggest_closest("完全无关的词", candidates, 2, out, 2), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_fixture_loads_without_diagnostics),
        cmocka_unit_test(test_skip_evidence_keeps_mentions_and_relations_without_quotes),
        cmocka_unit_test(test_check_records_where_each_quote_lies),
        cmocka_unit_test(test_missing_corpus_folder_is_an_io_error),
        cmocka_unit_test(test_suggestions_are_ordered_by_distance),
        cmocka_unit_test(test_suggestions_count_cjk_characters_not_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
