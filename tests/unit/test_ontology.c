/* test_ontology.c — loading, linking and checking the fixture ontology; suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ckg/check.h"
#include "ckg/ontology.h"
#include "ckg/status.h"
#include "suggest.h"

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

/* Repeats are errors within a paper only: alpha and beta share mentions and relations,
 * and beta repeats one mention and one relation (tests/fixtures/harden/repeats). */
static void test_repeats_within_a_paper_are_errors_across_papers_not(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load("tests/fixtures/harden/repeats", &d, &o), CKG_OK);
    check_options opt = {.corpus_dir = NULL};
    check_stats stats;
    assert_int_equal(check_ontology(o, &opt, &d, &stats), CKG_OK);
    assert_int_equal(d.n_errors, 2);
    size_t mentioned = 0, stated = 0;
    for (size_t i = 0; i < d.n; i++) {
        assert_non_null(strstr(d.items[i].file, "papers/beta.yaml"));
        if (strstr(d.items[i].message, "concept 'efficiency' is mentioned twice (first at line 17)")) {
            mentioned++;
            assert_int_equal(d.items[i].line, 29);
        }
        if (strstr(d.items[i].message, "relation innovation -causes-> new-momentum is stated "
                                       "twice (first at line 34)")) {
            stated++;
            assert_int_equal(d.items[i].line, 47);
        }
    }
    assert_int_equal(mentioned, 1);
    assert_int_equal(stated, 1);
    ontology_free(o);
    diag_list_free(&d);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

/* The good fixture loaded from memory gives what loading its folder gives, and the same
 * verdict from check. */
static void test_loading_files_from_memory_equals_loading_the_folder(void **state)
{
    (void)state;
    static const char *const paths[] = {
        "themes.yaml", "relations.yaml", "concepts/core.yaml", "concepts/factors.yaml",
        "concepts/technology.yaml", "papers/alpha.yaml", "papers/beta.yaml"};
    enum { N = sizeof paths / sizeof paths[0] };
    ontology_file files[N];
    char *bufs[N];
    for (size_t i = 0; i < N; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/fixtures/good/%s", paths[i]);
        bufs[i] = slurp(path, &files[i].len);
        files[i].path = paths[i];
        files[i].data = bufs[i];
    }
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load_files(files, N, &d, &o), CKG_OK);
    assert_int_equal(d.n, 0);
    assert_int_equal(o->n_themes, 3);
    assert_int_equal(o->n_kinds, 3);
    assert_int_equal(o->n_concepts, 7);
    assert_int_equal(o->n_papers, 2);
    assert_string_equal(o->files[5], "papers/alpha.yaml");
    check_options opt = {.corpus_dir = "tests/fixtures/corpus"};
    check_stats stats;
    assert_int_equal(check_ontology(o, &opt, &d, &stats), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(stats.quotes_found, 16);
    ontology_free(o);
    diag_list_free(&d);
    for (size_t i = 0; i < N; i++)
        free(bufs[i]);
}

/* Writes text to dir/name. */
static void put(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Loads dir with $CKG_THREADS set to threads. */
static ckg_ontology *load_with_threads(const char *dir, const char *threads, diag_list *d)
{
    setenv("CKG_THREADS", threads, 1);
    ckg_ontology *o = NULL;
    diag_list_init(d);
    assert_int_equal(ontology_load(dir, d, &o), CKG_OK);
    unsetenv("CKG_THREADS");
    return o;
}

static void test_worker_threads_load_exactly_what_one_thread_loads(void **state)
{
    (void)state;
    char dir[] = "/tmp/ckg-threads-XXXXXX", sub[600];
    assert_non_null(mkdtemp(dir));
    put(dir, "themes.yaml", "themes:\n  - {id: core, zh: 核心, en: core}\n");
    put(dir, "relations.yaml", "relations:\n  - {id: causes, zh: 催生, en: causes, "
                               "inverse: {zh: 源于, en: arises from}, family: drives, "
                               "test: {question: q, example: e, counter_example: c}}\n");
    snprintf(sub, sizeof sub, "%s/concepts", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/papers", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    /* 60 concept files; every seventh broken in a different way */
    for (int i = 0; i < 60; i++) {
        char name[64], text[512];
        snprintf(name, sizeof name, "concepts/c%02d.yaml", i);
        if (i % 7 == 1)
            snprintf(text, sizeof text, "concepts:\n  - id: c%d\n    zh: [unclosed\n", i);
        else if (i % 7 == 3)
            snprintf(text, sizeof text, "concepts:\n  - id: c%d\n    id: again\n", i);
        else if (i % 7 == 5)
            snprintf(text, sizeof text, "concepts: 12\n");
        else
            snprintf(text, sizeof text,
                     "concepts:\n  - id: c%d\n    zh: 概念%d\n    en: concept %d\n"
                     "    theme: %s\n    definition: {zh: 定义, en: a definition}\n",
                     i, i, i, i % 11 == 0 ? "cor" : "core");
        put(dir, name, text);
    }
    snprintf(sub, sizeof sub, "%s/concepts/c99.yaml", dir); /* a folder where a file belongs */
    assert_int_equal(mkdir(sub, 0700), 0);

    diag_list one, four;
    ckg_ontology *a = load_with_threads(dir, "1", &one);
    ckg_ontology *b = load_with_threads(dir, "4", &four);
    assert_true(one.n_errors > 20);
    assert_int_equal(one.n, four.n);
    assert_int_equal(one.n_errors, four.n_errors);
    assert_int_equal(one.n_warnings, four.n_warnings);
    for (size_t i = 0; i < one.n; i++) {
        assert_int_equal(one.items[i].severity, four.items[i].severity);
        assert_string_equal(one.items[i].file ? one.items[i].file : "-",
                            four.items[i].file ? four.items[i].file : "-");
        assert_int_equal(one.items[i].line, four.items[i].line);
        assert_int_equal(one.items[i].col, four.items[i].col);
        assert_string_equal(one.items[i].message, four.items[i].message);
    }
    assert_int_equal(a->n_concepts, b->n_concepts);
    assert_int_equal(a->n_files, b->n_files);
    for (size_t i = 0; i < a->n_concepts; i++)
        assert_string_equal(a->concepts[i].id.s, b->concepts[i].id.s);
    ontology_free(a);
    ontology_free(b);
    diag_list_free(&one);
    diag_list_free(&four);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_loading_a_file_of_no_known_kind_is_an_error(void **state)
{
    (void)state;
    ontology_file f[] = {{"notes.yaml", "a: 1\n", 5}, {"concepts/sub/x.yaml", "concepts:\n", 10}};
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load_files(f, 2, &d, &o), CKG_OK);
    assert_int_equal(d.n_errors, 2);
    assert_string_equal(d.items[0].file, "notes.yaml");
    assert_non_null(strstr(d.items[0].message, "not a file of an ontology"));
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

/* Every kind of the fixture vocabulary has its family and test; family names round-trip. */
static void test_kinds_carry_their_family_and_test(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load("tests/fixtures/good", &d, &o), CKG_OK);
    assert_int_equal(d.n, 0);
    assert_int_equal(ontology_kind(o, "causes")->family, CKG_FAMILY_DRIVES);
    assert_int_equal(ontology_kind(o, "supports")->family, CKG_FAMILY_CONDITIONS);
    assert_int_equal(ontology_kind(o, "part_of")->family, CKG_FAMILY_STRUCTURE);
    assert_string_equal(ontology_kind(o, "causes")->test_question.s, "Does from bring to into being?");
    assert_null(ontology_kind(o, "causes")->polarity.s);
    for (int f = 0; f < CKG_N_FAMILIES; f++)
        assert_int_equal(ontology_family_by_name(ontology_family_name(f)), f);
    assert_null(ontology_family_name(CKG_N_FAMILIES));
    assert_null(ontology_family_name(-1));
    assert_int_equal(ontology_family_by_name("drive"), -1);
    ontology_free(o);
    diag_list_free(&d);
}

/* The family rules on a two-paper ontology in memory: p1 states a -> b in two families (an
 * error at the second), p2 states it in a third (a warning against p1), and a note of p2
 * naming p1 silences that warning; is_a needs broader, part_of may not join a broader pair. */
static void test_pair_family_and_is_a_rules(void **state)
{
    (void)state;
    static const char relations[] =
        "relations:\n"
        "  - {id: causes, zh: 催生, en: causes, inverse: {zh: 源于, en: arises from}, family: drives,\n"
        "     test: {question: q, example: e, counter_example: c}, synonyms: {zh: [产生], en: []}}\n"
        "  - {id: part_of, zh: 构成, en: is part of, inverse: {zh: 包含, en: includes},\n"
        "     family: structure, test: {question: q, example: e, counter_example: c}}\n"
        "  - {id: is_a, zh: 属于, en: is a kind of, inverse: {zh: 包括, en: has kind},\n"
        "     family: structure, test: {question: q, example: e, counter_example: c}}\n"
        "  - {id: supports, zh: 支撑, en: supports, inverse: {zh: 依托, en: rests on},\n"
        "     family: conditions, test: {question: q, example: e, counter_example: c}}\n";
    static const char concepts[] =
        "concepts:\n"
        "  - {id: a, zh: 甲, en: a, theme: core, broader: [c], definition: {zh: 甲, en: a}}\n"
        "  - {id: b, zh: 乙, en: b, theme: core, definition: {zh: 乙, en: b}}\n"
        "  - {id: c, zh: 丙, en: c, theme: core, definition: {zh: 丙, en: c}}\n";
#define REL(f, k, t) "  - {from: " f ", kind: " k ", to: " t ", evidence: [{quote: 甲乙}]}\n"
    static const char p1[] =
        "paper: {id: p1, source: p1.txt, title: t, authors: [], venue: v, year: 2024}\n"
        "mentions: [{concept: a, evidence: [{quote: 甲}]}, {concept: b, evidence: [{quote: 乙}]},\n"
        "           {concept: c, evidence: [{quote: 丙}]}]\n"
        "relations:\n" REL("a", "causes", "b") REL("a", "part_of", "b") REL("a", "is_a", "c")
        REL("b", "is_a", "c") REL("c", "part_of", "a");
    char p2[512];
    for (int noted = 0; noted < 2; noted++) {
        snprintf(p2, sizeof p2,
                 "paper: {id: p2, source: p2.txt, title: t, authors: [], venue: v, year: 2024}\n"
                 "mentions: [{concept: a, evidence: [{quote: 甲}]}, {concept: b, evidence: [{quote: 乙}]}]\n"
                 "relations:\n"
                 "  - {from: a, kind: supports, to: b, evidence: [{quote: 甲乙}]%s}\n",
                 noted ? ", note: 'p1 reads it as a cause'" : "");
        ontology_file files[] = {
            {"themes.yaml", "themes: [{id: core, zh: 核心, en: core}]\n", 0},
            {"relations.yaml", relations, sizeof relations - 1},
            {"concepts/core.yaml", concepts, sizeof concepts - 1},
            {"papers/p1.yaml", p1, sizeof p1 - 1},
            {"papers/p2.yaml", p2, strlen(p2)}};
        files[0].len = strlen(files[0].data);
        diag_list d;
        diag_list_init(&d);
        ckg_ontology *o = NULL;
        assert_int_equal(ontology_load_files(files, 5, &d, &o), CKG_OK);
        assert_int_equal(d.n, 0);
        check_options opt = {.corpus_dir = NULL};
        check_stats stats;
        assert_int_equal(check_ontology(o, &opt, &d, &stats), CKG_OK);
        size_t family = 0, is_a = 0, part = 0, across = 0;
        for (size_t i = 0; i < d.n; i++) {
            const diag *g = &d.items[i];
            if (strstr(g->message, "a -> b is part_of (structure) here but causes (drives) at line 5")) {
                family++;
                assert_int_equal(g->line, 6);
                assert_string_equal(g->file, "papers/p1.yaml");
            }
            if (strstr(g->message, "b is_a c, but c is not among the broader concepts of b"))
                is_a++, assert_int_equal(g->line, 8);
            if (strstr(g->message, "c part_of a, but the concepts make a a kind of c"))
                part++, assert_int_equal(g->line, 9);
            if (strstr(g->message, "a -> b is supports (conditions) here but causes (drives) in p1")) {
                across++;
                assert_int_equal(g->severity, DIAG_WARNING);
                assert_string_equal(g->file, "papers/p2.yaml");
            }
        }
        assert_int_equal(family, 1);
        assert_int_equal(is_a, 1); /* a is_a c agrees with a's broader link */
        assert_int_equal(part, 1);
        assert_int_equal(across, noted ? 0 : 1);
        assert_int_equal(d.n_errors, 3);
        assert_int_equal(d.n_warnings, noted ? 0 : 1);
        ontology_free(o);
        diag_list_free(&d);
    }
#undef REL
}

/* A kind's inverse may carry synonyms of its own, read to -> from; they are typed like the
 * kind's synonyms, and an unknown key under the inverse is still an error. */
static void test_inverse_synonyms_are_read_and_typed(void **state)
{
    (void)state;
    static const char good[] =
        "relations:\n"
        "  - id: requires\n"
        "    zh: 是前提\n"
        "    en: is a prerequisite of\n"
        "    inverse:\n"
        "      zh: 需要\n"
        "      en: requires\n"
        "      synonyms: {zh: [依赖, 取决于], en: [depends on]}\n"
        "    family: conditions\n"
        "    synonyms: {zh: [前提条件], en: []}\n"
        "    test: {question: q, example: e, counter_example: c}\n";
    static const char bad[] =
        "relations:\n"
        "  - id: requires\n"
        "    zh: 是前提\n"
        "    en: is a prerequisite of\n"
        "    inverse: {zh: 需要, en: requires, synonyms: {zh: 依赖, en: []}, synonym: {}}\n"
        "    family: conditions\n"
        "    test: {question: q, example: e, counter_example: c}\n";
    const char *texts[] = {good, bad};
    for (int i = 0; i < 2; i++) {
        ontology_file files[] = {{"themes.yaml", "themes: [{id: core, zh: 核心, en: core}]\n", 0},
                                 {"relations.yaml", texts[i], strlen(texts[i])}};
        files[0].len = strlen(files[0].data);
        diag_list d;
        diag_list_init(&d);
        ckg_ontology *o = NULL;
        assert_int_equal(ontology_load_files(files, 2, &d, &o), CKG_OK);
        const ckg_kind *k = ontology_kind(o, "requires");
        assert_non_null(k);
        if (i == 0) {
            assert_int_equal(d.n, 0);
            assert_int_equal(k->inverse_synonyms_zh.n, 2);
            assert_string_equal(k->inverse_synonyms_zh.items[1].s, "取决于");
            assert_int_equal(k->inverse_synonyms_zh.items[1].loc.line, 8);
            assert_int_equal(k->inverse_synonyms_en.n, 1);
            assert_string_equal(k->inverse_synonyms_en.items[0].s, "depends on");
            assert_int_equal(k->synonyms_zh.n, 1);
            assert_string_equal(k->inverse_zh.s, "需要");
        } else {
            assert_int_equal(d.n_errors, 2);
            assert_int_equal(k->inverse_synonyms_zh.n, 0);
            int list = 0, key = 0;
            for (size_t j = 0; j < d.n; j++) {
                assert_int_equal(d.items[j].line, 5);
                list += strstr(d.items[j].message, "'zh' must be a list") != NULL;
                key += strstr(d.items[j].message, "unknown key 'synonym' in 'inverse'") != NULL;
            }
            assert_int_equal(list, 1);
            assert_int_equal(key, 1);
        }
        ontology_free(o);
        diag_list_free(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_fixture_loads_without_diagnostics),
        cmocka_unit_test(test_skip_evidence_keeps_mentions_and_relations_without_quotes),
        cmocka_unit_test(test_check_records_where_each_quote_lies),
        cmocka_unit_test(test_missing_corpus_folder_is_an_io_error),
        cmocka_unit_test(test_repeats_within_a_paper_are_errors_across_papers_not),
        cmocka_unit_test(test_loading_files_from_memory_equals_loading_the_folder),
        cmocka_unit_test(test_loading_a_file_of_no_known_kind_is_an_error),
        cmocka_unit_test(test_worker_threads_load_exactly_what_one_thread_loads),
        cmocka_unit_test(test_suggestions_are_ordered_by_distance),
        cmocka_unit_test(test_suggestions_count_cjk_characters_not_bytes),
        cmocka_unit_test(test_kinds_carry_their_family_and_test),
        cmocka_unit_test(test_pair_family_and_is_a_rules),
        cmocka_unit_test(test_inverse_synonyms_are_read_and_typed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
