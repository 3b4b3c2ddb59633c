/* test_cmap.c — reading students' maps: CXL as CmapTools writes it (fan-out phrases,
 * concept-to-concept links, ignored elements, warnings), hostile XML (DOCTYPE, external
 * entities, entity bombs, depth), and CSV (quoting, header, CRLF, BOM, every error with its
 * line and column). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ckg/cmap.h"
#include "ckg/status.h"

typedef struct read_result {
    int rc;
    cmap *m;
    diag_list d;
} read_result;

static read_result *rd(const char *text, int cxl)
{
    read_result *r = calloc(1, sizeof *r);
    diag_list_init(&r->d);
    r->rc = cxl ? cmap_read_cxl("map.cxl", text, strlen(text), &r->d, &r->m)
                : cmap_read_buffer("map.csv", text, strlen(text), &r->d, &r->m);
    return r;
}

static void done(read_result *r)
{
    cmap_free(r->m);
    diag_list_free(&r->d);
    free(r);
}

/* The diagnostic i is at line:col with a message containing text. */
static void diag_is(const read_result *r, size_t i, diag_severity sev, uint32_t line, uint32_t col,
                    const char *text)
{
    assert_true(i < r->d.n);
    const diag *d = &r->d.items[i];
    assert_int_equal(d->severity, sev);
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    if (!strstr(d->message, text))
        fail_msg("diagnostic '%s' lacks '%s'", d->message, text);
}

static void prop_is(const cmap *m, size_t i, const char *from, const char *phrase, const char *to,
                    uint32_t line)
{
    assert_true(i < m->n);
    assert_string_equal(m->props[i].from, from);
    assert_string_equal(m->props[i].phrase, phrase);
    assert_string_equal(m->props[i].to, to);
    assert_int_equal(m->props[i].loc.line, line);
}

#define CXL_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                 "<cmap xmlns=\"http://cmap.ihmc.us/xml/cmap/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"

static void test_cxl_fan_out_direct_links_and_ignored_elements(void **state)
{
    (void)state;
    read_result *r = rd(CXL_HEAD
                        "<res-meta><dc:title>t</dc:title></res-meta>\n"                   /* 3 */
                        "<map><concept-list>\n"                                           /* 4 */
                        "<concept id=\"a\" label=\"科技&#xa;创新\"/><concept id=\"b\" label=\"新质生产力\"/>\n"
                        "<concept id=\"c\" label=\"经济增长 &amp; more\"/><concept id=\"d\" label=\"孤立\"/>\n"
                        "<future-element><concept id=\"zz\" label=\"inside an unknown element\"/></future-element>\n"
                        "</concept-list><linking-phrase-list>\n"                          /* 8 */
                        "<linking-phrase id=\"p\" label=\"催生\"/>\n"                        /* 9 */
                        "</linking-phrase-list><connection-list>\n"                       /* 10 */
                        "<connection id=\"1\" from-id=\"a\" to-id=\"p\"/>\n"                /* 11 */
                        "<connection id=\"2\" from-id=\"p\" to-id=\"c\"/>\n"                /* 12 */
                        "<connection id=\"3\" from-id=\"p\" to-id=\"b\"/>\n"                /* 13 */
                        "<connection id=\"4\" from-id=\"c\" to-id=\"b\"/>\n"                /* 14 */
                        "</connection-list>\n"
                        "<concept-appearance-list><concept-appearance id=\"a\" x=\"1\" y=\"2\"/></concept-appearance-list>\n"
                        "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>\n"
                        "</map></cmap>\n",
                        1);
    assert_int_equal(r->rc, CKG_OK);
    assert_int_equal(r->d.n, 0);
    assert_string_equal(r->m->format, "cxl");
    assert_int_equal(r->m->n, 3);
    prop_is(r->m, 0, "科技\n创新", "催生", "经济增长 & more", 12);
    prop_is(r->m, 1, "科技\n创新", "催生", "新质生产力", 13);
    prop_is(r->m, 2, "经济增长 & more", "", "新质生产力", 14);
    assert_int_equal(r->m->n_isolated, 1);
    assert_string_equal(r->m->isolated[0], "孤立");
    done(r);
}

static void test_cxl_phrase_with_two_in_and_two_out(void **state)
{
    (void)state;
    read_result *r = rd(CXL_HEAD "<map><concept-list><concept id=\"a\" label=\"A\"/><concept id=\"b\" label=\"B\"/>"
                        "<concept id=\"c\" label=\"C\"/><concept id=\"d\" label=\"D\"/></concept-list>"
                        "<linking-phrase-list><linking-phrase id=\"p\" label=\"推动\"/></linking-phrase-list>"
                        "<connection-list><connection id=\"1\" from-id=\"a\" to-id=\"p\"/>"
                        "<connection id=\"2\" from-id=\"b\" to-id=\"p\"/><connection id=\"3\" from-id=\"p\" to-id=\"c\"/>"
                        "<connection id=\"4\" from-id=\"p\" to-id=\"d\"/></connection-list></map></cmap>",
                        1);
    assert_int_equal(r->rc, CKG_OK);
    assert_int_equal(r->m->n, 4);
    prop_is(r->m, 0, "A", "推动", "C", 3);
    prop_is(r->m, 1, "B", "推动", "C", 3);
    prop_is(r->m, 2, "A", "推动", "D", 3);
    prop_is(r->m, 3, "B", "推动", "D", 3);
    done(r);
}

static void test_cxl_warnings_for_links_to_nothing(void **state)
{
    (void)state;
    read_result *r = rd(CXL_HEAD "<map>\n<concept-list><concept id=\"a\" label=\"A\"/></concept-list>\n"
                        "<linking-phrase-list><linking-phrase id=\"p\" label=\"推动\"/>\n"
                        "<linking-phrase id=\"q\" label=\"支撑\"/></linking-phrase-list>\n"
                        "<connection-list><connection id=\"1\" from-id=\"a\" to-id=\"p\"/>\n"
                        "<connection id=\"2\" from-id=\"p\" to-id=\"ghost\"/>\n"
                        "<connection id=\"3\" from-id=\"p\" to-id=\"q\"/>\n"
                        "</connection-list></map></cmap>",
                        1);
    assert_int_equal(r->rc, CKG_OK);
    assert_int_equal(r->m->n, 0);
    assert_int_equal(r->d.n_errors, 0);
    diag_list_sort(&r->d);
    diag_is(r, 0, DIAG_WARNING, 5, 0, "linking phrase '推动' leads to no concept");
    diag_is(r, 1, DIAG_WARNING, 6, 0, "linking phrase '支撑' connects nothing");
    diag_is(r, 2, DIAG_WARNING, 8, 0, "connection to 'ghost'");
    diag_is(r, 3, DIAG_WARNING, 9, 0, "from linking phrase '推动' to linking phrase '支撑'");
    done(r);
}

static void test_cxl_errors(void **state)
{
    (void)state;
    read_result *r = rd(CXL_HEAD "<map>\n<concept-list><concept label=\"A\"/>\n<concept id=\"x\" label=\"B\"/>\n"
                        "<concept id=\"x\" label=\"C\"/></concept-list>\n<connection-list><connection id=\"1\" to-id=\"x\"/>\n"
                        "</connection-list></map></cmap>",
                        1);
    assert_int_equal(r->rc, CKG_EINVALID);
    assert_null(r->m);
    diag_list_sort(&r->d);
    diag_is(r, 0, DIAG_ERROR, 4, 0, "<concept> without an id");
    diag_is(r, 1, DIAG_ERROR, 6, 0, "id 'x' is used twice (first on line 5)");
    diag_is(r, 2, DIAG_ERROR, 7, 0, "<connection> without a from-id");
    done(r);
    r = rd("<?xml version=\"1.0\"?>\n<graphml><map/></graphml>", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 2, 0, "not a CmapTools map: the root element is <graphml>");
    done(r);
    r = rd("<cmap>\n<res-meta/></cmap>", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 1, 0, "holds no <map>");
    done(r);
}

static void test_malformed_xml_is_located(void **state)
{
    (void)state;
    read_result *r = rd("<?xml version=\"1.0\"?>\n<cmap><map>\n<concept-list>\n  <concept id=\"a\"/>\n</map></cmap>\n", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 5, 7, "malformed XML: Opening and ending tag mismatch");
    done(r);
    r = rd("<cmap><map><concept id=\"a\" label=\"x\"></cmap", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    assert_int_equal(r->d.n_errors, 1);
    assert_int_equal(r->d.items[0].line, 1);
    done(r);
    r = rd("<cmap><map>\xff\xfe</map></cmap>", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 1, 12, "malformed XML");
    done(r);
}

static void test_doctype_entities_and_bombs_are_refused(void **state)
{
    (void)state;
    /* an external entity naming a file: refused at the DOCTYPE, never read */
    read_result *r = rd("<?xml version=\"1.0\"?>\n<!DOCTYPE cmap [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                        "<cmap><map><concept-list><concept id=\"a\" label=\"&x;\"/></concept-list></map></cmap>",
                        1);
    assert_int_equal(r->rc, CKG_EINVALID);
    assert_null(r->m);
    diag_is(r, 0, DIAG_ERROR, 2, 0, "a <!DOCTYPE> in a map is refused");
    done(r);
    /* an external DTD, and a parameter entity */
    r = rd("<!DOCTYPE cmap SYSTEM \"http://127.0.0.1:9/x.dtd\"><cmap><map/></cmap>", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 1, 0, "<!DOCTYPE>");
    done(r);
    r = rd("<!DOCTYPE cmap [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><cmap><map/></cmap>", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    done(r);
    /* billion laughs: 10^9 "lol"s if expanded */
    char bomb[4096] = "<?xml version=\"1.0\"?>\n<!DOCTYPE cmap [<!ENTITY l0 \"lol\">";
    for (int i = 1; i < 10; i++) {
        char e[160];
        snprintf(e, sizeof e, "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">", i,
                 i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
        strcat(bomb, e);
    }
    strcat(bomb, "]>\n<cmap><map><concept-list><concept id=\"a\" label=\"&l9;\"/></concept-list></map></cmap>");
    r = rd(bomb, 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 2, 0, "<!DOCTYPE>");
    done(r);
    /* an entity used without a declaration is simply malformed */
    r = rd("<cmap><map><concept-list><concept id=\"a\" label=\"&l9;\"/></concept-list></map></cmap>", 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 1, 53, "Entity 'l9' not defined");
    done(r);
}

static void test_depth_is_bounded(void **state)
{
    (void)state;
    size_t n = 20000;
    char *deep = malloc(n * 7 + 64), *p = deep;
    p += sprintf(p, "<cmap>");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "<x>");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "</x>");
    sprintf(p, "</cmap>");
    read_result *r = rd(deep, 1);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 1, r->d.items[0].col, "depth");
    done(r);
    free(deep);
}

/* ---------------------------------------------------------------- CSV */

static void test_csv_quoting_header_crlf_bom_blank_rows(void **state)
{
    (void)state;
    read_result *r = rd("\xEF\xBB\xBF" "From,Phrase,To\r\n"
                        "数据要素 , 支撑 ,全要素生产率\r\n"
                        "\r\n"
                        "\"科技创新, 新\",\"说 \"\"推动\"\"\",\"新质\n生产力\"\r\n"
                        "AI,,算力\n",
                        0);
    assert_int_equal(r->rc, CKG_OK);
    assert_int_equal(r->d.n, 0);
    assert_string_equal(r->m->format, "csv");
    assert_int_equal(r->m->n, 3);
    prop_is(r->m, 0, "数据要素", "支撑", "全要素生产率", 2);
    prop_is(r->m, 1, "科技创新, 新", "说 \"推动\"", "新质\n生产力", 4);
    prop_is(r->m, 2, "AI", "", "算力", 6);
    done(r);
}

static void test_csv_errors_are_located_and_all_reported(void **state)
{
    (void)state;
    read_result *r = rd("a,推动,b\n"
                        "only,two\n"
                        "a,b,c,d\n"
                        ",推动,b\n"
                        "\"a\"x,推动,b\n"
                        "a,推动,b\n"
                        "a,\"never closed,b\n"
                        "c,d,e\n",
                        0);
    assert_int_equal(r->rc, CKG_EINVALID);
    assert_null(r->m);
    assert_int_equal(r->d.n_errors, 5);
    diag_is(r, 0, DIAG_ERROR, 2, 1, "a row has 2 fields");
    diag_is(r, 1, DIAG_ERROR, 3, 1, "a row has 4 fields");
    diag_is(r, 2, DIAG_ERROR, 4, 1, "without its first concept");
    diag_is(r, 3, DIAG_ERROR, 5, 4, "text after a closing quote");
    diag_is(r, 4, DIAG_ERROR, 7, 3, "a quoted field is never closed");
    done(r);
    r = rd("a,推动,b\n数据,\xe6\x94,b\n", 0);
    assert_int_equal(r->rc, CKG_EINVALID);
    diag_is(r, 0, DIAG_ERROR, 2, 4, "invalid UTF-8");
    done(r);
}

static void test_files_that_are_not_maps(void **state)
{
    (void)state;
    diag_list d;
    cmap *m;
    diag_list_init(&d);
    assert_int_equal(cmap_read("tests/fixtures/teach/no-such-map.cxl", &d, &m), CKG_EIO);
    assert_int_equal(cmap_read("tests/fixtures/teach", &d, &m), CKG_EIO);
    assert_null(m);
    assert_int_equal(d.n_errors, 2);
    assert_non_null(strstr(d.items[1].message, "not a regular file"));
    assert_int_equal(cmap_read("tests/fixtures/teach/maps/student1.cxl", &d, &m), CKG_OK);
    assert_int_equal(m->n, 12);
    cmap_free(m);
    /* a file over the bound is refused before it is read (a sparse file: no disk used) */
    char big[] = "/tmp/ckg-test-cmap-XXXXXX";
    int fd = mkstemp(big);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)CMAP_MAX_BYTES + 1), 0);
    close(fd);
    assert_int_equal(cmap_read(big, &d, &m), CKG_EIO);
    unlink(big);
    assert_null(m);
    assert_non_null(strstr(d.items[d.n - 1].message, "the map is 16777217 bytes; maps over 16 MiB are refused"));
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cxl_fan_out_direct_links_and_ignored_elements),
        cmocka_unit_test(test_cxl_phrase_with_two_in_and_two_out),
        cmocka_unit_test(test_cxl_warnings_for_links_to_nothing),
        cmocka_unit_test(test_cxl_errors),
        cmocka_unit_test(test_malformed_xml_is_located),
        cmocka_unit_test(test_doctype_entities_and_bombs_are_refused),
        cmocka_unit_test(test_depth_is_bounded),
        cmocka_unit_test(test_csv_quoting_header_crlf_bom_blank_rows),
        cmocka_unit_test(test_csv_errors_are_located_and_all_reported),
        cmocka_unit_test(test_files_that_are_not_maps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
