/* test_phrase.c — linking phrases to kinds: own phrases, ids, inverse phrases, synonyms,
 * folding, precedence, families. */
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
    assert_int_equal(phrase_table_default(f->o, &f->t), CKG_OK);
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

static void test_synonyms_forward_and_inverse(void **state)
{
    fixture *f = *state;
    phrase_source s;
    assert_string_equal(kind_of(f, "促进", &s), "promotes");
    assert_int_equal(s, PHRASE_SYNONYM);
    assert_string_equal(kind_of(f, "leads to", &s), "causes");
    assert_string_equal(kind_of(f, "是…的前提", &s), "requires");
    assert_string_equal(kind_of(f, "是...的前提", &s), "requires");
    assert_string_equal(kind_of(f, "依赖", &s), "~requires");
    assert_string_equal(kind_of(f, "depends on", &s), "~requires");
    assert_string_equal(kind_of(f, "阻碍", &s), "constrains");
    assert_string_equal(kind_of(f, "is hindered by", &s), "~constrains");
    /* synonyms of kinds the fixture's vocabulary lacks (is_a, adapts_to) are skipped */
    assert_string_equal(kind_of(f, "是一种", &s), "?");
    assert_string_equal(kind_of(f, "fits", &s), "?");
}

static void test_unrecognised_and_empty_phrases(void **state)
{
    fixture *f = *state;
    assert_string_equal(kind_of(f, "相互关联", NULL), "?");
    assert_string_equal(kind_of(f, "", NULL), "?");
    assert_string_equal(kind_of(f, " … ", NULL), "?");
}

static void test_own_phrases_win_over_synonyms(void **state)
{
    fixture *f = *state;
    /* a synonym list that claims the vocabulary's own phrase for another kind loses */
    phrase_entry syn[] = {{"支撑", "causes", 0}, {"新说法", "causes", 0}, {"新说法", "supports", 0},
                          {"whatever", "no-such-kind", 0}};
    phrase_table *t;
    assert_int_equal(phrase_table_build(f->o, syn, 4, NULL, &t), CKG_OK);
    phrase_match m;
    assert_int_equal(phrase_resolve(t, "支撑", &m), CKG_OK);
    assert_string_equal(f->o->kinds[m.kind].id.s, "supports");
    assert_int_equal(m.source, PHRASE_OWN);
    assert_int_equal(phrase_resolve(t, "新说法", &m), CKG_OK);
    assert_string_equal(f->o->kinds[m.kind].id.s, "causes"); /* the earlier synonym */
    assert_int_equal(phrase_resolve(t, "whatever", &m), CKG_OK);
    assert_int_equal(m.source, PHRASE_UNRECOGNISED);
    /* without families, kinds are compatible with themselves only */
    int32_t causes = ontology_kind(f->o, "causes") - f->o->kinds;
    int32_t promotes = ontology_kind(f->o, "promotes") - f->o->kinds;
    assert_true(phrase_compatible(t, causes, causes));
    assert_false(phrase_compatible(t, causes, promotes));
    phrase_table_free(t);
}

static void test_families_make_kinds_compatible(void **state)
{
    fixture *f = *state;
    const ckg_ontology *o = f->o;
#define K(id) ((int32_t)(ontology_kind(o, id) - o->kinds))
    assert_true(phrase_compatible(f->t, K("causes"), K("promotes")));
    assert_true(phrase_compatible(f->t, K("supports"), K("carrier_of")));
    assert_true(phrase_compatible(f->t, K("part_of"), K("core_of")));
    assert_false(phrase_compatible(f->t, K("promotes"), K("constrains")));
    assert_false(phrase_compatible(f->t, K("supports"), K("promotes")));
    assert_string_equal(phrase_family(f->t, K("constrains")), "hinders");
    assert_null(phrase_family(f->t, -1));
#undef K
    assert_string_equal(phrase_provisional_family("adapts_to"), "fits");
    assert_null(phrase_provisional_family("no-such-kind"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_phrases_ids_and_inverse_phrases),
        cmocka_unit_test(test_folding_ignores_case_width_space_dots_arrows_particles),
        cmocka_unit_test(test_synonyms_forward_and_inverse),
        cmocka_unit_test(test_unrecognised_and_empty_phrases),
        cmocka_unit_test(test_own_phrases_win_over_synonyms),
        cmocka_unit_test(test_families_make_kinds_compatible),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
