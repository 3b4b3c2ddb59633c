/* test_names.c — concept lookup by id, zh, en or alt, folded; ambiguity; suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/names.h"
#include "ckg/status.h"

typedef struct fixture {
    ckg_ontology *o;
    names_index *ix;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list d;
    diag_list_init(&d);
    assert_int_equal(ontology_load("tests/fixtures/good", &d, &f->o), CKG_OK);
    assert_int_equal(names_build(f->o, &f->ix), CKG_OK);
    diag_list_free(&d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    names_free(f->ix);
    ontology_free(f->o);
    free(f);
    return 0;
}

static const char *resolve_id(fixture *f, const char *name)
{
    names_result r;
    assert_int_equal(names_resolve(f->ix, name, &r), CKG_OK);
    if (r.verdict != NAMES_FOUND)
        return NULL;
    return f->o->concepts[r.concepts[0]].id.s;
}

static void test_every_kind_of_name_resolves(void **state)
{
    fixture *f = *state;
    assert_string_equal(resolve_id(f, "data-factor"), "data-factor");
    assert_string_equal(resolve_id(f, "数据要素"), "data-factor");
    assert_string_equal(resolve_id(f, "data as a factor of production"), "data-factor");
    assert_string_equal(resolve_id(f, "数据"), "data-factor");
}

static void test_case_width_and_spaces_do_not_matter(void **state)
{
    fixture *f = *state;
    assert_string_equal(resolve_id(f, "DATA-FACTOR"), "data-factor");
    assert_string_equal(resolve_id(f, "ｄａｔａ－ｆａｃｔｏｒ"), "data-factor");
    assert_string_equal(resolve_id(f, " 数 据 要 素 "), "data-factor");
    assert_string_equal(resolve_id(f, "Disruptive Innovation"), "disruptive-innovation");
}

static void test_unknown_name_gets_suggestions(void **state)
{
    fixture *f = *state;
    names_result r;
    assert_int_equal(names_resolve(f->ix, "data-factr", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_true(r.n_suggestions >= 1);
    assert_string_equal(r.suggestions[0], "data-factor");
    assert_int_equal(names_resolve(f->ix, "数据要数", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_string_equal(r.suggestions[0], "数据要素");
    assert_int_equal(names_resolve(f->ix, "完全无关的东西", &r), CKG_OK);
    assert_int_equal(r.n_suggestions, 0);
}

static void test_name_shared_by_two_concepts_is_ambiguous(void **state)
{
    fixture *f = *state;
    /* an en name equal to another concept's id */
    ckg_concept *c = (ckg_concept *)ontology_concept(f->o, "laborers");
    c->en.s = "innovation";
    names_free(f->ix);
    assert_int_equal(names_build(f->o, &f->ix), CKG_OK);
    names_result r;
    assert_int_equal(names_resolve(f->ix, "Innovation", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_AMBIGUOUS);
    assert_int_equal(r.n, 2);
}

static void test_name_shared_by_three_concepts_lists_all_three(void **state)
{
    fixture *f = *state;
    ((ckg_concept *)ontology_concept(f->o, "laborers"))->en.s = "Innovation";
    ((ckg_concept *)ontology_concept(f->o, "efficiency"))->en.s = "ＩＮＮＯＶＡＴＩＯＮ";
    names_free(f->ix);
    assert_int_equal(names_build(f->o, &f->ix), CKG_OK);
    names_result r;
    assert_int_equal(names_resolve(f->ix, "innovation", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_AMBIGUOUS);
    assert_int_equal(r.n, 3);
    /* in ontology order: core (efficiency), factors (laborers), technology (innovation) */
    assert_string_equal(f->o->concepts[r.concepts[0]].id.s, "efficiency");
    assert_string_equal(f->o->concepts[r.concepts[1]].id.s, "laborers");
    assert_string_equal(f->o->concepts[r.concepts[2]].id.s, "innovation");
}

static void test_names_of_one_concept_that_fold_alike_are_not_ambiguous(void **state)
{
    fixture *f = *state;
    /* id "innovation" and en "innovation" already coincide; make zh fold alike too */
    ((ckg_concept *)ontology_concept(f->o, "innovation"))->zh.s = "INNOVATION";
    names_free(f->ix);
    assert_int_equal(names_build(f->o, &f->ix), CKG_OK);
    assert_string_equal(resolve_id(f, "Innovation"), "innovation");
}

static void test_alt_names_resolve_but_are_not_suggested(void **state)
{
    fixture *f = *state;
    names_result r;
    /* "效率" is an alt of efficiency; one character off must not suggest it */
    assert_int_equal(names_resolve(f->ix, "效律", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    for (size_t i = 0; i < r.n_suggestions; i++)
        assert_string_not_equal(r.suggestions[i], "效率");
    assert_string_equal(resolve_id(f, "效率"), "efficiency");
}

/* names_resolve_once gives what names_build + names_resolve give, for every verdict. */
static void test_resolve_once_agrees_with_the_index(void **state)
{
    fixture *f = *state;
    ((ckg_concept *)ontology_concept(f->o, "laborers"))->en.s = "Innovation";
    /* names that fold through utf8proc: a letter and a combining accent (é when folded), and
     * a byte that is not UTF-8 (U+FFFD when folded) */
    ((ckg_concept *)ontology_concept(f->o, "efficiency"))->en.s = "Efficience\xCC\x81";
    ((ckg_concept *)ontology_concept(f->o, "data-factor"))->en.s = "data \xFF factor";
    names_free(f->ix);
    assert_int_equal(names_build(f->o, &f->ix), CKG_OK);
    const char *fixed[] = {"data-factor", "数据", " 数 据 要 素 ", "ＤＡＴＡ-factor", "innovation",
                           "data-factr", "数据要数", "完全无关的东西", "efficiencé", "EFFICIENCE",
                           "efficience", "data\xEF\xBF\xBD factor", "data factor", "數據要素"};
    /* and every name of every concept, as written and upper-cased */
    const char *names[256];
    static char upper[128][64];
    size_t n = 0, n_upper = 0;
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        names[n++] = fixed[i];
    for (size_t c = 0; c < f->o->n_concepts; c++) {
        const ckg_concept *k = &f->o->concepts[c];
        const char *own[] = {k->id.s, k->zh.s, k->en.s, k->alt.n ? k->alt.items[0].s : NULL};
        for (size_t j = 0; j < 4 && n + 2 <= 256; j++) {
            if (!own[j])
                continue;
            names[n++] = own[j];
            if (n_upper < 128 && strlen(own[j]) < 64) {
                char *u = upper[n_upper++];
                for (size_t b = 0; (u[b] = own[j][b]) != '\0'; b++)
                    if (u[b] >= 'a' && u[b] <= 'z')
                        u[b] = (char)(u[b] - 'a' + 'A');
                names[n++] = u;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        names_result a, b;
        assert_int_equal(names_resolve(f->ix, names[i], &a), CKG_OK);
        assert_int_equal(names_resolve_once(f->o, names[i], &b), CKG_OK);
        assert_int_equal(a.verdict, b.verdict);
        assert_int_equal(a.n, b.n);
        for (size_t k = 0; k < a.n; k++)
            assert_int_equal(a.concepts[k], b.concepts[k]);
        assert_int_equal(a.n_suggestions, b.n_suggestions);
        for (size_t k = 0; k < a.n_suggestions; k++)
            assert_string_equal(a.suggestions[k], b.suggestions[k]);
    }
    names_result r;
    assert_int_equal(names_resolve_once(f->o, "EFFICIENC\xC3\x89", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_FOUND);
    assert_int_equal(r.concepts[0], strmap_get(&f->o->concept_by_id, "efficiency"));
    assert_int_equal(names_resolve_once(f->o, "efficience", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN); /* the accent is part of the name */
    assert_int_equal(names_resolve_once(f->o, "data\xEF\xBF\xBD factor", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_FOUND);
    assert_int_equal(r.concepts[0], strmap_get(&f->o->concept_by_id, "data-factor"));
    assert_int_equal(names_resolve_once(f->o, "innovation", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_AMBIGUOUS);
    assert_int_equal(names_resolve_once(f->o, "data-factr", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_string_equal(r.suggestions[0], "data-factor");
}

static void test_traditional_and_hyphenless_names_resolve(void **state)
{
    fixture *f = *state;
    assert_string_equal(resolve_id(f, "數據要素"), "data-factor");
    assert_string_equal(resolve_id(f, "顛覆性創新"), "disruptive-innovation");
    assert_string_equal(resolve_id(f, "data factor"), "data-factor"); /* the id, spaced */
    assert_string_equal(resolve_id(f, "datafactor"), "data-factor");
    assert_string_equal(resolve_id(f, "efficiency—gains"), "efficiency");
}

static void test_unknown_name_lists_the_concepts_whose_names_contain_it(void **state)
{
    fixture *f = *state;
    names_result r;
    assert_int_equal(names_resolve(f->ix, "新", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_int_equal(r.containing_total, 3);
    assert_int_equal(r.n_containing, 3);
    /* the shortest shown name first, ties in ontology order */
    assert_string_equal(r.containing_names[0], "创新");
    assert_string_equal(r.containing_names[1], "新动能");
    assert_string_equal(r.containing_names[2], "颠覆性创新");
    assert_string_equal(f->o->concepts[r.containing[0]].id.s, "innovation");
    /* an English text shows the English name, not the id that folds alike */
    assert_int_equal(names_resolve(f->ix, "innov", &r), CKG_OK);
    assert_int_equal(r.n_containing, 2);
    assert_string_equal(r.containing_names[0], "innovation");
    assert_string_equal(r.containing_names[1], "disruptive innovation");
    /* traditional input finds them too, and suggestions leave out those listed */
    assert_int_equal(names_resolve(f->ix, "創", &r), CKG_OK);
    assert_int_equal(r.n_containing, 2);
    for (size_t i = 0; i < r.n_suggestions; i++) {
        assert_string_not_equal(r.suggestions[i], "创新");
        assert_string_not_equal(r.suggestions[i], "颠覆性创新");
    }
    /* none: the edit-distance suggestions alone, as before */
    assert_int_equal(names_resolve(f->ix, "数据要数", &r), CKG_OK);
    assert_int_equal(r.n_containing, 0);
    assert_int_equal(r.containing_total, 0);
    assert_true(r.n_suggestions >= 1);
    assert_string_equal(r.suggestions[0], "数据要素");
}

static void test_containing_keeps_the_ten_shortest_of_many(void **state)
{
    (void)state;
    diag_list d;
    ckg_ontology *o;
    names_index *ix;
    names_result r;
    diag_list_init(&d);
    ontology_load_options lopt = {.skip_evidence = 1};
    assert_int_equal(ontology_load_with("ontology", &lopt, &d, &o), CKG_OK);
    assert_int_equal(names_build(o, &ix), CKG_OK);
    assert_int_equal(names_resolve(ix, "生产", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_int_equal(r.n_containing, NAMES_MAX_CONTAINING);
    assert_true(r.containing_total > NAMES_MAX_CONTAINING);
    for (size_t i = 0; i < r.n_containing; i++) {
        assert_non_null(strstr(r.containing_names[i], "生产"));
        if (i)
            assert_true(strlen(r.containing_names[i - 1]) <= strlen(r.containing_names[i]));
    }
    /* no concept left out is shorter than the last one listed */
    size_t last = strlen(r.containing_names[r.n_containing - 1]), shorter = 0;
    for (size_t i = 0; i < o->n_concepts; i++) {
        const char *zh = o->concepts[i].zh.s;
        if (zh && strstr(zh, "生产") && strlen(zh) < last)
            shorter++;
    }
    assert_true(shorter <= r.n_containing);
    names_free(ix);
    ontology_free(o);
    diag_list_free(&d);
}

/* ------------------------------------------------------------------ papers and themes */

static void test_paper_by_id_or_unique_start(void **state)
{
    fixture *f = *state;
    names_result r;
    assert_int_equal(names_paper(f->o, "alpha", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_FOUND);
    assert_string_equal(f->o->papers[r.concepts[0]].id.s, "alpha");
    assert_int_equal(names_paper(f->o, "BE", &r), CKG_OK); /* folded, then the start */
    assert_int_equal(r.verdict, NAMES_FOUND);
    assert_string_equal(f->o->papers[r.concepts[0]].id.s, "beta");
    assert_int_equal(names_paper(f->o, "alpah", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_int_equal(r.n_suggestions, 1);
    assert_string_equal(r.suggestions[0], "alpha");
    assert_int_equal(names_paper(f->o, "", &r), CKG_OK); /* names nothing */
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
}

static void test_paper_start_shared_by_two_is_ambiguous_but_an_exact_id_wins(void **state)
{
    (void)state;
    diag_list d;
    ckg_ontology *o;
    names_result r;
    diag_list_init(&d);
    assert_int_equal(ontology_load("tests/fixtures/metrics/bridge", &d, &o), CKG_OK);
    assert_int_equal(names_paper(o, "bri", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_AMBIGUOUS);
    assert_int_equal(r.n, 2);
    assert_string_equal(o->papers[r.concepts[0]].id.s, "bridge");
    assert_string_equal(o->papers[r.concepts[1]].id.s, "bridge2");
    assert_int_equal(names_paper(o, "bridge", &r), CKG_OK); /* bridge2 starts so too */
    assert_int_equal(r.verdict, NAMES_FOUND);
    assert_string_equal(o->papers[r.concepts[0]].id.s, "bridge");
    const ckg_paper *quiet = ontology_paper(o, "quiet");
    assert_int_equal(names_section(quiet, "sil", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_FOUND);
    assert_string_equal(quiet->sections[r.concepts[0]].id.s, "silent");
    ontology_free(o);
    diag_list_free(&d);
}

static void test_theme_by_id_zh_or_en(void **state)
{
    fixture *f = *state;
    names_result r;
    const char *names[] = {"technology", "技术", "Technology", "ＴＥＣＨＮＯＬＯＧＹ"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        assert_int_equal(names_theme(f->o, names[i], &r), CKG_OK);
        assert_int_equal(r.verdict, NAMES_FOUND);
        assert_string_equal(f->o->themes[r.concepts[0]].id.s, "technology");
    }
    assert_int_equal(names_theme(f->o, "tech", &r), CKG_OK); /* no prefixes for themes */
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_int_equal(names_theme(f->o, "核心范筹", &r), CKG_OK);
    assert_int_equal(r.verdict, NAMES_UNKNOWN);
    assert_int_equal(r.n_suggestions, 1);
    assert_string_equal(r.suggestions[0], "核心范畴");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_kind_of_name_resolves, setup, teardown),
        cmocka_unit_test_setup_teardown(test_case_width_and_spaces_do_not_matter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_name_gets_suggestions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name_shared_by_two_concepts_is_ambiguous, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name_shared_by_three_concepts_lists_all_three, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_of_one_concept_that_fold_alike_are_not_ambiguous, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alt_names_resolve_but_are_not_suggested, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resolve_once_agrees_with_the_index, setup, teardown),
        cmocka_unit_test_setup_teardown(test_traditional_and_hyphenless_names_resolve, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_name_lists_the_concepts_whose_names_contain_it, setup, teardown),
        cmocka_unit_test(test_containing_keeps_the_ten_shortest_of_many),
        cmocka_unit_test_setup_teardown(test_paper_by_id_or_unique_start, setup, teardown),
        cmocka_unit_test(test_paper_start_shared_by_two_is_ambiguous_but_an_exact_id_wins),
        cmocka_unit_test_setup_teardown(test_theme_by_id_zh_or_en, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
