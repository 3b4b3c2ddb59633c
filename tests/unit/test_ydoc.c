/* test_ydoc.c — the YAML tree builder: positions, limits, and hostile input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/status.h"
#include "ydoc.h"

typedef struct fixture {
    arena mem;
    diag_list diags;
    ynode *root;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list_init(&f->diags);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    arena_free(&f->mem);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

static int parse(fixture *f, const char *text)
{
    return ydoc_parse(text, strlen(text), "t.yaml", NULL, &f->mem, &f->diags, &f->root);
}

static void assert_diag(const fixture *f, uint32_t line, uint32_t col, const char *needle)
{
    for (size_t i = 0; i < f->diags.n; i++) {
        const diag *d = &f->diags.items[i];
        if (d->line == line && d->col == col && strstr(d->message, needle))
            return;
    }
    for (size_t i = 0; i < f->diags.n; i++)
        print_error("have %u:%u %s\n", (unsigned)f->diags.items[i].line,
                    (unsigned)f->diags.items[i].col, f->diags.items[i].message);
    fail_msg("no diagnostic at %u:%u containing '%s'", (unsigned)line, (unsigned)col, needle);
}

static void test_mapping_keeps_positions_of_keys_and_values(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: 1\nlist:\n  - 数据要素\n  - x\n"), CKG_OK);
    assert_non_null(f->root);
    assert_int_equal(f->root->kind, YNODE_MAP);
    assert_int_equal(f->root->len, 2);
    const ynode *list = ydoc_get(f->root, "list");
    assert_non_null(list);
    assert_int_equal(list->kind, YNODE_SEQ);
    assert_int_equal(list->len, 2);
    assert_string_equal(list->as.items[0]->as.str, "数据要素");
    assert_int_equal(list->as.items[0]->line, 3);
    assert_int_equal(list->as.items[0]->col, 5);
    assert_int_equal(list->as.items[1]->col, 5);
    assert_int_equal(f->diags.n, 0);
}

static void test_column_counts_code_points_after_cjk(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "{数据: [x, 要素]}\n"), CKG_OK);
    const ynode *v = ydoc_get(f->root, "数据");
    assert_non_null(v);
    assert_int_equal(v->as.items[1]->col, 10);
}

static void test_plain_flag_distinguishes_null_from_quoted(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: ~\nb: \"~\"\n"), CKG_OK);
    assert_true(ydoc_get(f->root, "a")->plain);
    assert_false(ydoc_get(f->root, "b")->plain);
}

static void test_empty_document_gives_null_root(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, ""), CKG_OK);
    assert_null(f->root);
    assert_int_equal(parse(f, "# only a comment\n"), CKG_OK);
    assert_null(f->root);
}

static void test_syntax_error_is_located(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: [1, 2\nb: 3\n"), CKG_EINVALID);
    assert_int_equal(f->diags.n_errors, 1);
    assert_non_null(strstr(f->diags.items[0].message, "YAML syntax"));
    assert_int_equal(f->diags.items[0].line, 2);
}

static void test_tab_indentation_is_a_located_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a:\n\t- x\n"), CKG_EINVALID);
    assert_int_equal(f->diags.items[0].line, 2);
}

static void test_duplicate_key_is_reported_and_first_value_kept(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: 1\nb: 2\na: 3\n"), CKG_OK);
    assert_diag(f, 3, 1, "duplicate key 'a' (first at line 1)");
    assert_string_equal(ydoc_get(f->root, "a")->as.str, "1");
}

static void test_duplicate_keys_in_a_large_mapping_are_found(void **state)
{
    fixture *f = *state;
    char text[8192] = "";
    for (int i = 0; i < 300; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "k%d: v\n", i);
    strcat(text, "k7: again\n");
    assert_int_equal(parse(f, text), CKG_OK);
    assert_diag(f, 301, 1, "duplicate key 'k7' (first at line 8)");
}

static void test_collection_as_key_is_rejected(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "? [a, b]\n: c\n"), CKG_EINVALID);
    assert_diag(f, 1, 3, "a mapping key must be a plain string");
}

static void test_alias_shares_the_anchored_node(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: &x [1, 2]\nb: *x\n"), CKG_OK);
    assert_ptr_equal(ydoc_get(f->root, "a"), ydoc_get(f->root, "b"));
}

static void test_alias_bomb_fails_fast(void **state)
{
    fixture *f = *state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                       "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n";
    assert_int_equal(parse(f, bomb), CKG_EINVALID);
    assert_int_equal(f->diags.n_errors, 1);
    assert_non_null(strstr(f->diags.items[0].message, "aliases expand to too many nodes"));
    assert_in_range(f->diags.items[0].line, 5, 6);
}

static void test_undefined_alias_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: *nope\n"), CKG_EINVALID);
    assert_diag(f, 1, 4, "alias '*nope' names no anchor");
}

static void test_self_referencing_anchor_is_rejected(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: &x [1, *x]\n"), CKG_EINVALID);
    assert_diag(f, 1, 11, "names no anchor");
}

static void test_nesting_beyond_limit_is_rejected(void **state)
{
    fixture *f = *state;
    size_t depth = 10000;
    char *text = malloc(2 * depth + 2);
    memset(text, '[', depth);
    memset(text + depth, ']', depth);
    text[2 * depth] = '\n';
    text[2 * depth + 1] = '\0';
    assert_int_equal(parse(f, text), CKG_EINVALID);
    assert_diag(f, 1, 65, "nesting deeper than 64 levels");
    free(text);
}

static void test_scalar_beyond_limit_is_rejected(void **state)
{
    fixture *f = *state;
    size_t n = 1024 * 1024;
    char *text = malloc(n + 8);
    memcpy(text, "a: ", 3);
    memset(text + 3, 'x', n);
    strcpy(text + 3 + n, "\n");
    assert_int_equal(parse(f, text), CKG_EINVALID);
    assert_diag(f, 1, 4, "scalar too long: 1048576 bytes (the limit is 65536)");
    free(text);
}

static void test_invalid_utf8_is_located_by_line_and_column(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: 1\nb: 数\xff\n"), CKG_EINVALID);
    assert_diag(f, 2, 5, "not valid UTF-8");
}

static void test_bom_and_crlf_are_accepted(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "\xef\xbb\xbf" "a: 1\r\nb: 2\r\n"), CKG_OK);
    assert_string_equal(ydoc_get(f->root, "b")->as.str, "2");
    assert_int_equal(ydoc_get(f->root, "b")->line, 2);
}

static void test_bom_does_not_shift_columns_of_the_first_line(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "\xef\xbb\xbf" "a: 1\nb: \xff\n"), CKG_EINVALID);
    assert_diag(f, 2, 4, "not valid UTF-8");
    assert_int_equal(parse(f, "\xef\xbb\xbf" "a: [1,"), CKG_EINVALID);
    assert_diag(f, 1, 7, "YAML syntax"); /* as without the mark: "a: [1," is 6 characters */
}

static void test_utf16_and_utf32_files_are_refused_by_name(void **state)
{
    fixture *f = *state;
    static const char utf16[] = "\xff\xfe" "a\0:\0 \0" "1\0\n\0";
    assert_int_equal(ydoc_parse(utf16, sizeof utf16 - 1, "t.yaml", NULL, &f->mem, &f->diags,
                                &f->root),
                     CKG_EINVALID);
    assert_diag(f, 1, 1, "the file is UTF-16 text; ckg reads UTF-8 only");
    static const char utf32[] = "\0\0\xfe\xff" "\0\0\0a";
    assert_int_equal(ydoc_parse(utf32, sizeof utf32 - 1, "t.yaml", NULL, &f->mem, &f->diags,
                                &f->root),
                     CKG_EINVALID);
    assert_diag(f, 1, 1, "the file is UTF-32 text");
}

static void test_control_character_is_not_called_an_encoding_error(void **state)
{
    fixture *f = *state;
    static const char text[] = "a: x\0y\n";
    assert_int_equal(ydoc_parse(text, sizeof text - 1, "t.yaml", NULL, &f->mem, &f->diags,
                                &f->root),
                     CKG_EINVALID);
    assert_diag(f, 1, 5, "not valid YAML text: control characters are not allowed (byte 0x00)");
}

static void test_tab_where_a_token_should_start_gets_a_hint(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a:\n\t- x\n"), CKG_EINVALID);
    assert_diag(f, 2, 1, "(a tab: YAML is indented with spaces)");
}

/* libyaml also ends lines at a lone CR and at U+2028; places count line feeds only, as
 * editors and ckg's excerpts do (found by fuzz_load: an error on "line 113" of a 12-line
 * file full of CRs). */
static void test_places_count_line_feeds_only(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: 1\rb: 2\nk: \"q\xe2\x80\xa8r\"\nz: 3\n"), CKG_OK);
    const ynode *b = NULL, *z = NULL;
    for (size_t i = 0; i < f->root->len; i++) {
        if (strcmp(f->root->as.pairs[i].key->as.str, "b") == 0)
            b = f->root->as.pairs[i].key;
        if (strcmp(f->root->as.pairs[i].key->as.str, "z") == 0)
            z = f->root->as.pairs[i].key;
    }
    assert_non_null(b);
    assert_non_null(z);
    assert_int_equal(b->line, 1);
    assert_int_equal(b->col, 6);
    assert_int_equal(z->line, 3);
    assert_int_equal(z->col, 1);
    assert_int_equal(parse(f, "a: 1\r\r\r\rb: [\n"), CKG_EINVALID);
    assert_diag(f, 2, 1, "YAML syntax");
}

static void test_second_document_is_rejected(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: 1\n---\nb: 2\n"), CKG_EINVALID);
    assert_diag(f, 2, 1, "a second YAML document");
}

static void test_truncated_file_is_an_error_not_a_crash(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "concepts:\n  - id: x\n    zh: \"unterminated"), CKG_EINVALID);
    assert_int_equal(f->diags.n_errors, 1);
}

/* libyaml marks an error at the end of a file without a final newline on a line past the
 * end; the diagnostic must point just past the last character of the last line. */
static void test_error_at_end_of_file_without_newline_is_on_its_last_line(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a:\n  b: [数据, x"), CKG_EINVALID);
    assert_int_equal(f->diags.n_errors, 1);
    assert_diag(f, 2, 12, "did not find expected ',' or ']'");
    assert_non_null(strstr(f->diags.items[0].message, "(line 2)"));
}

static void test_error_at_end_of_file_with_newline_keeps_its_place(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a:\n  b: [x\n"), CKG_EINVALID);
    assert_diag(f, 3, 1, "did not find expected ',' or ']'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mapping_keeps_positions_of_keys_and_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_column_counts_code_points_after_cjk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plain_flag_distinguishes_null_from_quoted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_document_gives_null_root, setup, teardown),
        cmocka_unit_test_setup_teardown(test_syntax_error_is_located, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tab_indentation_is_a_located_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_key_is_reported_and_first_value_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_keys_in_a_large_mapping_are_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_collection_as_key_is_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alias_shares_the_anchored_node, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alias_bomb_fails_fast, setup, teardown),
        cmocka_unit_test_setup_teardown(test_undefined_alias_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_self_referencing_anchor_is_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_beyond_limit_is_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scalar_beyond_limit_is_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_is_located_by_line_and_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bom_and_crlf_are_accepted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bom_does_not_shift_columns_of_the_first_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_utf16_and_utf32_files_are_refused_by_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_control_character_is_not_called_an_encoding_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tab_where_a_token_should_start_gets_a_hint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_places_count_line_feeds_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_second_document_is_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_file_is_an_error_not_a_crash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_at_end_of_file_without_newline_is_on_its_last_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_at_end_of_file_with_newline_keeps_its_place, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
