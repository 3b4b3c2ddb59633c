/* test_corpus.c — the corpus cache: documents loaded once, released when a caller is done
 * with them and loaded again on demand, failures reported once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "ckg/corpus.h"
#include "ckg/status.h"

static const ckg_loc here = {"papers/test.yaml", 3, 11};

static void test_released_document_is_loaded_again_on_demand(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    corpus *c = NULL;
    assert_int_equal(corpus_open("tests/fixtures/corpus", &d, &c), CKG_OK);
    const text_doc *doc = NULL;
    assert_int_equal(corpus_doc(c, "alpha.txt", &doc, &d, &here), CKG_OK);
    assert_non_null(doc);
    size_t lines = text_doc_line_count(doc);
    corpus_release(c, "alpha.txt");
    doc = NULL;
    assert_int_equal(corpus_doc(c, "alpha.txt", &doc, &d, &here), CKG_OK);
    assert_non_null(doc);
    assert_int_equal(text_doc_line_count(doc), lines);
    text_span span;
    const char *quote = "劳动者构成生产系统";
    assert_int_equal(text_doc_find_n(doc, quote, strlen(quote), &span), TEXT_FOUND);
    assert_int_equal(d.n, 0);
    corpus_free(c);
    diag_list_free(&d);
}

static void test_released_failed_source_stays_failed_and_reported_once(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    corpus *c = NULL;
    assert_int_equal(corpus_open("tests/fixtures/corpus", &d, &c), CKG_OK);
    const text_doc *doc = NULL;
    assert_int_equal(corpus_doc(c, "missing.txt", &doc, &d, &here), CKG_ENOTFOUND);
    assert_null(doc);
    assert_int_equal(d.n_errors, 1);
    corpus_release(c, "missing.txt");
    assert_int_equal(corpus_doc(c, "missing.txt", &doc, &d, &here), CKG_ENOTFOUND);
    assert_null(doc);
    assert_int_equal(d.n_errors, 1);
    corpus_free(c);
    diag_list_free(&d);
}

static void test_releasing_an_unknown_source_does_nothing(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    corpus *c = NULL;
    assert_int_equal(corpus_open("tests/fixtures/corpus", &d, &c), CKG_OK);
    corpus_release(c, "never-asked-for.txt");
    const text_doc *doc = NULL;
    assert_int_equal(corpus_doc(c, "beta.txt", &doc, &d, &here), CKG_OK);
    corpus_release(c, "beta.txt");
    corpus_release(c, "beta.txt"); /* twice: still harmless */
    assert_int_equal(d.n, 0);
    corpus_free(c);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_released_document_is_loaded_again_on_demand),
        cmocka_unit_test(test_released_failed_source_stays_failed_and_reported_once),
        cmocka_unit_test(test_releasing_an_unknown_source_does_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
