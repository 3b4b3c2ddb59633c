/* test_phrase.c — linking phrases to kinds from the vocabulary: own phrases, ids, inverse
 * phrases, synonyms both ways, folding and frames, precedence, families. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/phrase.h"
#include "ckg/status.h"

typedef struct fixture {
    ckg_ontology *o;
    phrase_table *t;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list d;
    diag_list_init(&d);
    assert_int_equal(ontology_load("tests/fixtures/teach", &d, &f->o), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(phrase_table_build(f->o, &f->t), CKG_OK);
    diag_list_free(&d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    phrase_table_free(f->t);
    ontology_free(f->o);
    free(f);
    return 0;
}

/* The kind id a phrase names ("?" when unrecognised), with "~" before it when inverse. */
static const char *kind_of(fixture *f, const char *phrase, phrase_source *src)
{
    static char buf[64];
    phrase_match m;
    assert_int_equal(phrase_resolve(f->t, phrase, &m), CKG_OK);
    if (src)
        *src = m.source;
    if (m.source == PHRASE_UNRECOGNISED) {
        assert_int_equal(m.kind, -1);
        return "?";
    }
    snprintf(buf, sizeof buf, "%s%s", m.inverse ? "~" : "", f->o->kinds[m.kind].id.s);
    return buf;
}

static void test_own_phrases_ids_and_inverse_phrases(void **state)
{
    fixture *f = *state;
    phrase_source s;
    assert_string_equal(kind_of(f, "支撑", &s), "supports");
    assert_int_equal(s, PHRASE_OWN);
    assert_string_equal(kind_of(f, "supports", &s), "supports");
    assert_string_equal(kind_of(f, "is a prerequisite of", &s), "requires");
    assert_int_equal(s, PHRASE_OWN);
    assert_string_equal(kind_of(f, "carrier_of", &s), "carrier_of");
    assert_int_equal(s, PHRASE_ID);
    /* an id loses to a phrase: "requires" reads to -> from, as English does */
    assert_string_equal(kind_of(f, "requires", &s), "~requires");
    assert_int_equal(s, PHRASE_INVERSE);
    assert_string_equal(kind_of(f, "依托", &s), "~supports");
    assert_int_equal(s, PHRASE_INVERSE);
    assert_string_equal(kind_of(f, "rests on", &s), "~supports");
    assert_string_equal(kind_of(f, "以…为载体", &s), "~carrier_of");
    assert_string_equal(kind_of(f, "is driven by", &s), "~promotes");
}

static void test_folding_ignores_case_width_space_dots_arrows_particles(void **state)
{
    fixture *f = *state;
    assert_string_equal(kind_of(f, "IS A PREREQUISITE OF", NULL), "requires");
    assert_string_equal(kind_of(f, "  is  a prerequisite   of ", NULL), "requires");
    assert_string_equal(kind_of(f, "ｄｒｉｖｅｓ", NULL), "promotes");
    assert_string_equal(kind_of(f, "以...为载体", NULL), "~carrier_of");
    assert_string_equal(kind_of(f, "以 为载体", NULL), "~carrier_of");
    assert_string_equal(kind_of(f, "—推动→", NULL), "promotes");
    assert_string_equal(kind_of(f, "推动了", NULL), "promotes");
    assert_string_equal(kind_of(f, "支撑着", NULL), "supports");
    /* a particle alone is not stripped to nothing */
    assert_string_equal(kind_of(f, "了", NULL), "?");
}

/* Every mark phrase_fold drops, and characters that share their first bytes, which it
 * keeps: the marks are recognised byte by byte (phrase.c). */
static void test_folding_drops_each_mark_and_keeps_its_neighbours(void **state)
{
    (void)state;
    static const struct {
        const char *phrase, *folded;
    } cases[] = { /* letters after the escapes are not hex digits: p, q, r, s, t, u */
        {"p.q-r_s>t<u", "pqrstu"},
        {"p\xC2\xB7q", "pq"},                                   /* · */
        {"p\xE2\x80\x94q\xE2\x80\x93r\xE2\x80\xA6s\xE2\x80\x95t", "pqrst"}, /* — – … ― */
        {"p\xE2\x86\x92q\xE2\x86\x90r", "pqr"},                 /* → ← */
        {"\xE6\x8E\xA8\xE3\x80\x80\xE5\x8A\xA8", "\xE6\x8E\xA8\xE5\x8A\xA8"}, /* 推　动 */
        {"p\xC2\xB0q", "p\xC2\xB0q"},                             /* ° */
        {"p\xE2\x80\xA0q", "p\xE2\x80\xA0q"},                     /* † */
        {"p\xE2\x86\x91q", "p\xE2\x86\x91q"},                     /* ↑ */
        {"p\xE2\x88\x92q", "p\xE2\x88\x92q"},                     /* − */
        {"p\xE3\x80\x81q", "p\xE3\x80\x81q"},                     /* 、 */
        {"\xE2\x80\xA6", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *f = phrase_fold(cases[i].phrase);
        assert_non_null(f);
        assert_string_equal(f, cases[i].folded);
        free(f);
    }
}

static void test_synonyms_forward_and_inverse(void **state)
{
    fixture *f = *state;
    phrase_source s;
    assert_string_equal(kind_of(f, "促进", &s), "promotes");
    assert_int_equal(s, PHRASE_SYNONYM);
    assert_string_equal(kind_of(f, "leads to", &s), "causes");
    assert_int_equal(s, PHRASE_SYNONYM);
    /* the inverse's synonyms read the other way, like the inverse itself */
    assert_string_equal(kind_of(f, "依赖", &s), "~requires");
    assert_int_equal(s, PHRASE_SYNONYM);
    assert_string_equal(kind_of(f, "依赖于", &s), "~requires");
    assert_string_equal(kind_of(f, "Depends  on", &s), "~requires");
    assert_string_equal(kind_of(f, "阻碍", &s), "constrains");
    assert_string_equal(kind_of(f, "is hindered by", &s), "~constrains");
    assert_string_equal(kind_of(f, "来源于", &s), "~causes");
    /* only what this vocabulary lists: the shipped one's 是一种 (is_a) is not here */
    assert_string_equal(kind_of(f, "是一种", &s), "?");
    assert_string_equal(kind_of(f, "fits", &s), "?");
}

static void test_frames_read_as_the_phrase_inside(void **state)
{
    fixture *f = *state;
    phrase_source s;
    /* 是…的X is the vocabulary's 是X */
    assert_string_equal(kind_of(f, "是…的前提", &s), "requires");
    assert_int_equal(s, PHRASE_OWN);
    assert_string_equal(kind_of(f, "是...的前提", &s), "requires");
    assert_string_equal(kind_of(f, "是 的前提", &s), "requires");
    assert_string_equal(kind_of(f, "是……的核心", &s), "core_of");
    /* 为…X is X */
    assert_string_equal(kind_of(f, "为…提供条件", &s), "enables");
    assert_int_equal(s, PHRASE_SYNONYM);
    assert_string_equal(kind_of(f, "为…奠定基础", &s), "supports");
    assert_string_equal(kind_of(f, "为 提供支撑", &s), "supports");
    /* never down to nothing, and only at the start */
    assert_string_equal(kind_of(f, "为", &s), "?");
    assert_string_equal(kind_of(f, "是的", &s), "?");
    assert_string_equal(kind_of(f, "提供条件为", &s), "?");
    char *x = phrase_fold("是…的前提了");
    assert_non_null(x);
    assert_string_equal(x, "是前提");
    free(x);
}

static void test_unrecognised_and_empty_phrases(void **state)
{
    fixture *f = *state;
    assert_string_equal(kind_of(f, "相互关联", NULL), "?");
    assert_string_equal(kind_of(f, "", NULL), "?");
    assert_string_equal(kind_of(f, " … ", NULL), "?");
}

/* A vocabulary in memory whose phrases collide (which ckg check refuses): the table takes
 * the first in the order of precedence. */
static void test_precedence_when_phrases_collide(void **state)
{
    (void)state;
    static const char relations[] =
        "relations:\n"
        "  - {id: causes, zh: 催生, en: gives rise to, family: drives,\n"
        "     inverse: {zh: 源于, en: arises from, synonyms: {zh: [新说法, 支撑], en: []}},\n"
        "     synonyms: {zh: [支撑, 依托], en: []}, test: {question: q, example: e, counter_example: c}}\n"
        "  - {id: supports, zh: 支撑, en: supports, inverse: {zh: 依托, en: rests on},\n"
        "     family: conditions, synonyms: {zh: [新说法], en: []},\n"
        "     test: {question: q, example: e, counter_example: c}}\n";
    ontology_file files[] = {{"themes.yaml", "themes: [{id: core, zh: 核心, en: core}]\n", 0},
                             {"relations.yaml", relations, sizeof relations - 1}};
    files[0].len = strlen(files[0].data);
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load_files(files, 2, &d, &o), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    phrase_table *t;
    assert_int_equal(phrase_table_build(o, &t), CKG_OK);
    phrase_match m;
    /* an own phrase beats another kind's synonym */
    assert_int_equal(phrase_resolve(t, "支撑", &m), CKG_OK);
    assert_string_equal(o->kinds[m.kind].id.s, "supports");
    assert_int_equal(m.source, PHRASE_OWN);
    /* an inverse phrase beats a synonym */
    assert_int_equal(phrase_resolve(t, "依托", &m), CKG_OK);
    assert_string_equal(o->kinds[m.kind].id.s, "supports");
    assert_int_equal(m.source, PHRASE_INVERSE);
    assert_true(m.inverse);
    /* a synonym beats an inverse synonym */
    assert_int_equal(phrase_resolve(t, "新说法", &m), CKG_OK);
    assert_string_equal(o->kinds[m.kind].id.s, "supports");
    assert_false(m.inverse);
    phrase_table_free(t);
    ontology_free(o);
    diag_list_free(&d);
}

static void test_families_make_kinds_compatible(void **state)
{
    fixture *f = *state;
    const ckg_ontology *o = f->o;
#define K(id) ((int32_t)(ontology_kind(o, id) - o->kinds))
    assert_true(phrase_compatible(o, K("causes"), K("causes")));
    assert_true(phrase_compatible(o, K("causes"), K("promotes")));
    assert_true(phrase_compatible(o, K("supports"), K("carrier_of")));
    assert_true(phrase_compatible(o, K("enables"), K("requires")));
    assert_true(phrase_compatible(o, K("part_of"), K("core_of")));
    assert_false(phrase_compatible(o, K("promotes"), K("constrains")));
    assert_false(phrase_compatible(o, K("supports"), K("promotes")));
    assert_false(phrase_compatible(o, K("part_of"), -1));
#undef K
}

/* A kind whose family did not resolve is compatible with itself only. */
static void test_a_kind_without_family_is_compatible_with_itself_only(void **state)
{
    fixture *f = *state;
    ckg_ontology *o = f->o;
    int32_t causes = (int32_t)(ontology_kind(o, "causes") - o->kinds);
    int32_t promotes = (int32_t)(ontology_kind(o, "promotes") - o->kinds);
    int saved = o->kinds[causes].family;
    o->kinds[causes].family = -1;
    assert_true(phrase_compatible(o, causes, causes));
    assert_false(phrase_compatible(o, causes, promotes));
    o->kinds[promotes].family = -1;
    assert_false(phrase_compatible(o, causes, promotes)); /* -1 and -1 are no family */
    o->kinds[causes].family = o->kinds[promotes].family = saved;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_phrases_ids_and_inverse_phrases),
        cmocka_unit_test(test_folding_ignores_case_width_space_dots_arrows_particles),
        cmocka_unit_test(test_folding_drops_each_mark_and_keeps_its_neighbours),
        cmocka_unit_test(test_synonyms_forward_and_inverse),
        cmocka_unit_test(test_frames_read_as_the_phrase_inside),
        cmocka_unit_test(test_unrecognised_and_empty_phrases),
        cmocka_unit_test(test_precedence_when_phrases_collide),
        cmocka_unit_test(test_families_make_kinds_compatible),
        cmocka_unit_test(test_a_kind_without_family_is_compatible_with_itself_only),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
