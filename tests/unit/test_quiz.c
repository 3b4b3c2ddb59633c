/* test_quiz.c — propositions (grouping, scope, order by text and theme, sentences) and
 * quizzes (reproducible, seed-dependent, every invariant of quiz.h checked on many seeds). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/quiz.h"
#include "ckg/status.h"

typedef struct fixture {
    ckg_ontology *o;
    query_lines lines; /* the fixture's corpus */
    prop_list *all;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list d;
    diag_list_init(&d);
    assert_int_equal(ontology_load("tests/fixtures/teach", &d, &f->o), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    query_lines_init(&f->lines, f->o, "tests/fixtures/teach/corpus");
    prop_scope all = PROP_SCOPE_ALL;
    assert_int_equal(prop_collect(f->o, &all, PROP_ORDER_TEXT, &f->lines, &f->all), CKG_OK);
    assert_int_equal(f->lines.unlocated, 0);
    assert_int_equal(f->lines.diags.n, 0);
    assert_int_equal(d.n, 0);
    diag_list_free(&d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    prop_list_free(f->all);
    query_lines_free(&f->lines);
    ontology_free(f->o);
    free(f);
    return 0;
}

static int32_t concept(const ckg_ontology *o, const char *id)
{
    return (int32_t)(ontology_concept(o, id) - o->concepts);
}

static const proposition *find(const prop_list *l, const char *from, const char *kind, const char *to)
{
    for (size_t i = 0; i < l->n; i++) {
        const proposition *p = &l->items[i];
        if (strcmp(l->o->concepts[p->from].id.s, from) == 0 &&
            strcmp(l->o->kinds[p->kind].id.s, kind) == 0 && strcmp(l->o->concepts[p->to].id.s, to) == 0)
            return p;
    }
    return NULL;
}

/* ---------------------------------------------------------------- propositions */

static void test_one_proposition_per_relation_with_every_quote(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->all->n, 15); /* 10 in alpha, 5 in beta, none shared by kind */
    size_t quotes = 0, located = 0;
    for (size_t i = 0; i < f->all->n; i++) {
        quotes += f->all->items[i].n_quotes;
        for (size_t q = 0; q < f->all->items[i].n_quotes; q++)
            located += f->all->items[i].quotes[q].line > 0;
    }
    assert_int_equal(quotes, 15);
    assert_int_equal(located, 15);
    const proposition *p = find(f->all, "sti", "causes", "nqpf");
    assert_non_null(p);
    assert_int_equal(p->n_quotes, 1);
    assert_int_equal(p->quotes[0].line, 5);
    assert_string_equal(p->section, "一、科技创新与新质生产力");
    assert_non_null(find(f->all, "sti", "promotes", "nqpf")); /* the same pair, another kind */
}

static void test_text_order_follows_the_lines_not_the_yaml(void **state)
{
    fixture *f = *state;
    /* alpha lists nqpf -> hq-development first, but the text says it on line 19 */
    const prop_list *l = f->all;
    assert_string_equal(l->o->concepts[l->items[0].from].id.s, "sti");
    for (size_t i = 1; i < l->n; i++) {
        const prop_quote *a = &l->items[i - 1].quotes[0], *b = &l->items[i].quotes[0];
        assert_true(a->paper < b->paper || (a->paper == b->paper && a->line < b->line));
    }
}

static void test_theme_order_groups_by_the_theme_of_from(void **state)
{
    fixture *f = *state;
    prop_scope all = PROP_SCOPE_ALL;
    prop_list *l;
    assert_int_equal(prop_collect(f->o, &all, PROP_ORDER_THEME, NULL, &l), CKG_OK);
    assert_int_equal(l->n, 15);
    for (size_t i = 0; i < l->n; i++) { /* no corpus, no lines */
        for (size_t q = 0; q < l->items[i].n_quotes; q++)
            assert_int_equal(l->items[i].quotes[q].line, 0);
    }
    for (size_t i = 1; i < l->n; i++)
        assert_true(l->items[i - 1].theme <= l->items[i].theme);
    assert_null(l->items[0].section);
    prop_list_free(l);
    /* a corpus folder that is not there: no lines, each quote counted as unlocated */
    query_lines none;
    query_lines_init(&none, f->o, "tests/fixtures/teach/no-such-corpus");
    assert_int_equal(prop_collect(f->o, &all, PROP_ORDER_THEME, &none, &l), CKG_OK);
    assert_int_equal(l->items[0].quotes[0].line, 0);
    assert_true(none.unlocated > 0);
    prop_list_free(l);
    query_lines_free(&none);
}

static void test_section_scope_keeps_its_own_statements_and_quotes(void **state)
{
    fixture *f = *state;
    int32_t beta = (int32_t)(ontology_paper(f->o, "beta") - f->o->papers);
    prop_scope s = {beta, ontology_section_index(&f->o->papers[beta], "part-two")};
    prop_list *l;
    assert_int_equal(prop_collect(f->o, &s, PROP_ORDER_TEXT, &f->lines, &l), CKG_OK);
    assert_int_equal(l->n, 2);
    assert_non_null(find(l, "nqpf", "promotes", "growth"));
    assert_non_null(find(l, "barriers", "constrains", "nqpf"));
    prop_list_free(l);
    prop_scope bad = {-1, 0};
    assert_int_equal(prop_collect(f->o, &bad, PROP_ORDER_TEXT, NULL, &l), CKG_EUSAGE);
}

static void test_sentences_follow_the_phrase_shape(void **state)
{
    fixture *f = *state;
    const ckg_ontology *o = f->o;
    char *s;
    s = prop_sentence(ontology_kind(o, "causes"), PROP_ZH, "甲", "乙");
    assert_string_equal(s, "甲催生乙。");
    free(s);
    s = prop_sentence(ontology_kind(o, "requires"), PROP_ZH, "甲", "乙");
    assert_string_equal(s, "甲是乙的前提。");
    free(s);
    ckg_kind wrap = {.id = {"x", {0}}, .zh = {"以…为载体", {0}}, .en = {"is carried by", {0}}};
    s = prop_sentence(&wrap, PROP_ZH, "乙", "甲");
    assert_string_equal(s, "乙以甲为载体。");
    free(s);
    s = prop_sentence(ontology_kind(o, "requires"), PROP_EN, "computing power", "AI");
    assert_string_equal(s, "Computing power is a prerequisite of AI.");
    free(s);
    assert_string_equal(find(f->all, "computing-power", "requires", "ai")->zh, "算力是人工智能的前提。");
}

/* ---------------------------------------------------------------- quizzes */

static quiz *make(fixture *f, uint64_t seed, quiz_mode mode, size_t count)
{
    quiz_options opt = {.count = count, .seed = seed, .mode = mode, .choices = 4};
    quiz *q;
    assert_int_equal(quiz_make(f->o, f->all, &opt, &q), CKG_OK);
    return q;
}

static int stated_between(const ckg_ontology *o, int32_t a, int32_t b)
{
    for (size_t p = 0; p < o->n_papers; p++) {
        for (size_t r = 0; r < o->papers[p].n_relations; r++) {
            const ckg_relation *rel = &o->papers[p].relations[r];
            if ((rel->from_index == a && rel->to_index == b) ||
                (rel->from_index == b && rel->to_index == a))
                return 1;
        }
    }
    return 0;
}

static int kind_family_stated(fixture *f, int32_t a, int32_t b, int32_t kind)
{
    const ckg_ontology *o = f->o;
    for (size_t p = 0; p < o->n_papers; p++) {
        for (size_t r = 0; r < o->papers[p].n_relations; r++) {
            const ckg_relation *rel = &o->papers[p].relations[r];
            if (((rel->from_index == a && rel->to_index == b) ||
                 (rel->from_index == b && rel->to_index == a)) &&
                phrase_compatible(f->o, kind, rel->kind_index))
                return 1;
        }
    }
    return 0;
}

static void check_invariants(fixture *f, const quiz *q)
{
    const ckg_ontology *o = f->o;
    for (size_t i = 0; i < q->n; i++) {
        const quiz_item *it = &q->items[i];
        const proposition *p = it->prop;
        assert_true(it->n_choices >= 3 && it->n_choices <= 4);
        assert_true(it->answer < it->n_choices);
        for (size_t j = 0; j < i; j++) {
            const proposition *u = q->items[j].prop;
            assert_false((u->from == p->from && u->to == p->to) || (u->from == p->to && u->to == p->from));
        }
        for (size_t c = 0; c < it->n_choices; c++) {
            int32_t x = it->choices[c];
            for (size_t d = 0; d < c; d++)
                assert_int_not_equal(it->choices[d], x);
            if (c == it->answer) {
                assert_int_equal(x, it->blank == QUIZ_BLANK_KIND ? p->kind
                                    : it->blank == QUIZ_BLANK_FROM ? p->from : p->to);
                continue;
            }
            if (it->blank == QUIZ_BLANK_KIND) {
                assert_false(kind_family_stated(f, p->from, p->to, x));
            } else {
                int32_t shown = it->blank == QUIZ_BLANK_FROM ? p->to : p->from;
                assert_false(stated_between(o, shown, x));
                assert_int_not_equal(x, shown);
            }
        }
        assert_non_null(strstr(it->stem, "____"));
    }
}

static void test_same_seed_same_quiz_other_seed_other_quiz(void **state)
{
    fixture *f = *state;
    quiz *a = make(f, 42, QUIZ_MIX, 6), *b = make(f, 42, QUIZ_MIX, 6), *c = make(f, 43, QUIZ_MIX, 6);
    assert_int_equal(a->n, 6);
    assert_int_equal(a->n, b->n);
    int differs = c->n != a->n;
    for (size_t i = 0; i < a->n; i++) {
        assert_ptr_equal(a->items[i].prop, b->items[i].prop);
        assert_int_equal(a->items[i].blank, b->items[i].blank);
        assert_int_equal(a->items[i].answer, b->items[i].answer);
        assert_memory_equal(a->items[i].choices, b->items[i].choices, a->items[i].n_choices * sizeof(int32_t));
        if (i < c->n && (c->items[i].prop != a->items[i].prop || c->items[i].blank != a->items[i].blank ||
                         c->items[i].answer != a->items[i].answer))
            differs = 1;
    }
    assert_true(differs);
    quiz_free(a);
    quiz_free(b);
    quiz_free(c);
}

static void test_invariants_hold_for_many_seeds_and_every_mode(void **state)
{
    fixture *f = *state;
    size_t answers[4] = {0}, blanks[3] = {0};
    for (uint64_t seed = 0; seed < 200; seed++) {
        for (int mode = QUIZ_CONCEPT; mode <= QUIZ_MIX; mode++) {
            quiz *q = make(f, seed, (quiz_mode)mode, 100);
            assert_true(q->n >= 5); /* 15 propositions over 14 pairs */
            check_invariants(f, q);
            for (size_t i = 0; i < q->n; i++) {
                if (mode == QUIZ_CONCEPT)
                    assert_int_not_equal(q->items[i].blank, QUIZ_BLANK_KIND);
                if (mode == QUIZ_PHRASE)
                    assert_int_equal(q->items[i].blank, QUIZ_BLANK_KIND);
                if (q->items[i].n_choices == 4)
                    answers[q->items[i].answer]++;
                blanks[q->items[i].blank]++;
            }
            quiz_free(q);
        }
    }
    /* the right answer lands on every letter, and every blank is used */
    for (int i = 0; i < 4; i++)
        assert_true(answers[i] > 0);
    for (int i = 0; i < 3; i++)
        assert_true(blanks[i] > 0);
}

static void test_concept_distractors_skip_broader_and_narrower(void **state)
{
    fixture *f = *state;
    /* ai's broader is digital-tech: neither may stand in for the other */
    int32_t ai = concept(f->o, "ai"), dt = concept(f->o, "digital-tech");
    for (uint64_t seed = 0; seed < 200; seed++) {
        quiz *q = make(f, seed, QUIZ_CONCEPT, 100);
        for (size_t i = 0; i < q->n; i++) {
            const quiz_item *it = &q->items[i];
            int32_t answer = it->choices[it->answer];
            for (size_t c = 0; c < it->n_choices; c++) {
                if (c == it->answer)
                    continue;
                assert_false(answer == ai && it->choices[c] == dt);
                assert_false(answer == dt && it->choices[c] == ai);
            }
        }
        quiz_free(q);
    }
}

static void test_bad_options(void **state)
{
    fixture *f = *state;
    quiz *q;
    quiz_options zero = {.count = 0, .seed = 1, .mode = QUIZ_MIX, .choices = 4};
    assert_int_equal(quiz_make(f->o, f->all, &zero, &q), CKG_EUSAGE);
    quiz_options two = {.count = 3, .seed = 1, .mode = QUIZ_MIX, .choices = 2};
    assert_int_equal(quiz_make(f->o, f->all, &two, &q), CKG_EUSAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_proposition_per_relation_with_every_quote),
        cmocka_unit_test(test_text_order_follows_the_lines_not_the_yaml),
        cmocka_unit_test(test_theme_order_groups_by_the_theme_of_from),
        cmocka_unit_test(test_section_scope_keeps_its_own_statements_and_quotes),
        cmocka_unit_test(test_sentences_follow_the_phrase_shape),
        cmocka_unit_test(test_same_seed_same_quiz_other_seed_other_quiz),
        cmocka_unit_test(test_invariants_hold_for_many_seeds_and_every_mode),
        cmocka_unit_test(test_concept_distractors_skip_broader_and_narrower),
        cmocka_unit_test(test_bad_options),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
