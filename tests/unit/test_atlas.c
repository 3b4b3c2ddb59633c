/* test_atlas.c — the concept atlas: paragraphs of source texts and the passage around a
 * quote (each mark holds exactly the quote's characters), and the page atlas_build writes:
 * one script and its hash in the CSP, data that no text can break out of, maps that
 * inflate, every quote placed, the same bytes twice, errors reported. How the page behaves is tests/browser/check_atlas.py.
 *
 * The JSON escape and SHA-256 are tested through atlas_internal.h; the maps as render_map
 * draws them for the atlas in test_render.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "../../src/atlas_internal.h"
#include "ckg/atlas.h"
#include "ckg/query.h"
#include "ckg/status.h"

/* ------------------------------------------------------------------ helpers */

static text_doc *doc_of(const char *s)
{
    text_doc *doc = NULL;
    text_error err;
    assert_int_equal(text_doc_from_buffer(s, strlen(s), 0, &doc, &err), TEXT_OK);
    return doc;
}

/* The passage of quote in text; the caller frees it and *t and *doc. */
static int passage(const char *text, const char *quote, text_doc **doc, atlas_text **t,
                   atlas_passage *p)
{
    *doc = doc_of(text);
    assert_int_equal(atlas_text_new(*doc, t), CKG_OK);
    return atlas_text_passage(*t, quote, strlen(quote), p);
}

static char *mark_of(const atlas_passage *p)
{
    size_t n = p->mark_end - p->mark_start;
    char *m = malloc(n + 1);
    memcpy(m, p->text + p->mark_start, n);
    m[n] = '\0';
    return m;
}

/* UTF-16 code units in s[0..n). */
static size_t utf16_len(const char *s, size_t n)
{
    size_t units = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = text_utf8_decode(s + i, n - i, &cp);
        assert_true(k > 0);
        units += cp >= 0x10000 ? 2 : 1;
        i += k;
    }
    return units;
}

/* The mark, normalized, is the quote normalized: a placeholder (the PDF's decimal point)
 * stands for any one character, as in quote matching. */
static int same_when_normalized(const char *mark, const char *quote)
{
    char *a = NULL, *b = NULL;
    size_t na, nb;
    int same = 0;
    if (text_normalize(mark, strlen(mark), &a, &na, NULL) != TEXT_OK ||
        text_normalize(quote, strlen(quote), &b, &nb, NULL) != TEXT_OK)
        goto out;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        uint32_t ca, cb;
        size_t ka = text_utf8_decode(a + i, na - i, &ca), kb = text_utf8_decode(b + j, nb - j, &cb);
        if (ca != cb && ca != TEXT_PLACEHOLDER)
            goto out;
        i += ka;
        j += kb;
    }
    same = i == na && j == nb;
out:
    free(a);
    free(b);
    return same;
}

/* ------------------------------------------------------------------ paragraphs */

static void test_paragraphs_end_at_blank_lines_and_headings(void **state)
{
    (void)state;
    text_doc *doc = doc_of("# 标题\n第一段第一行，\n接着写。\n\n第二段[3]\n\n第三段。\n");
    atlas_text *t;
    assert_int_equal(atlas_text_new(doc, &t), CKG_OK);
    assert_false(atlas_text_is_wrapped(t));
    assert_int_equal(atlas_text_paragraph_count(t), 4);
    size_t first, last;
    atlas_text_paragraph_lines(t, 0, &first, &last); /* the heading */
    assert_int_equal(first, 1);
    assert_int_equal(last, 1);
    atlas_text_paragraph_lines(t, 1, &first, &last);
    assert_int_equal(first, 2);
    assert_int_equal(last, 3);
    atlas_text_paragraph_lines(t, 2, &first, &last);
    assert_int_equal(first, 5);
    assert_int_equal(last, 5);
    atlas_text_paragraph_lines(t, 3, &first, &last);
    assert_int_equal(first, 7);
    assert_int_equal(last, 7);
    atlas_text_free(t);
    text_doc_free(doc);
}

/* A hard-wrapped text of about twenty characters a line, with a blank line after each (so
 * line numbers are odd), a page break (number and running header) inside the first
 * paragraph. A paragraph ends at a short line that ends a sentence; the third holds full
 * lines that end one. */
static char *wrapped_text(void)
{
    static const char *const lines[] = {
        "新质生产力是创新起主导作用的先进生产力质态，它",
        "摆脱了传统经济增长方式和生产力发展路径，具有",
        "高科技、高效能、高质量特征，符合新发展理念的",
        "··35",
        "社会主义经济理论与实践 2024.7",
        "先进生产力质态。它由技术革命性突破、生产要素",
        "创新性配置、产业深度转型升级而催生，以劳动者",
        "劳动资料、劳动对象及其优化组合的跃升为基本内",
        "涵，以全要素生产率为核心标志。",
        "第二段的开头也写满了一整行的文字，接着是下一",
        "行，然后是一句完整的话。这一行写满了文字后还",
        "有后续的内容，到这里结束。",
        "第三段：数据要素乘数效应日益显现，数字技术与",
        "实体经济深度融合，新业态新模式不断涌现出来。",
        "新型工业化加快推进，制造业高端化智能化绿色化",
        "发展取得新进展，战略性新兴产业和未来产业快速",
        "成长，现代化产业体系建设迈出坚实的步伐，高质",
        "量发展的基础不断夯实，科技自立自强的能力也在",
        "持续增强，创新驱动发展战略深入实施，各类创新",
        "主体活力竞相迸发，国家创新体系整体效能提升，",
        "基础研究和原始创新能力不断增强，关键核心技术",
        "攻关取得重大突破，人才队伍建设持续加强完善。",
        "最后一段很短。",
    };
    size_t n = sizeof lines / sizeof *lines, len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(lines[i]) + 2;
    char *s = malloc(len), *p = s;
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "%s\n\n", lines[i]);
    return s;
}

static void test_wrapped_text_joins_lines_across_blank_lines_and_page_breaks(void **state)
{
    (void)state;
    char *text = wrapped_text();
    text_doc *doc = doc_of(text);
    atlas_text *t;
    assert_int_equal(atlas_text_new(doc, &t), CKG_OK);
    assert_true(atlas_text_is_wrapped(t));
    assert_int_equal(atlas_text_paragraph_count(t), 3);
    size_t first, last;
    atlas_text_paragraph_lines(t, 0, &first, &last);
    assert_int_equal(first, 1);
    assert_int_equal(last, 17); /* "涵，以全要素生产率为核心标志。" */
    atlas_text_paragraph_lines(t, 1, &first, &last);
    assert_int_equal(first, 19);
    assert_int_equal(last, 23); /* "...完整的话。这..." in its middle does not end it */
    atlas_text_paragraph_lines(t, 2, &first, &last);
    assert_int_equal(first, 25);
    assert_int_equal(last, 45); /* nor do full lines ending "。" */

    atlas_passage p;
    const char *quote = "符合新发展理念的先进生产力质态";
    assert_int_equal(atlas_text_passage(t, quote, strlen(quote), &p), CKG_OK);
    assert_int_equal(p.line, 5);
    assert_int_equal(p.end_line, 11);
    assert_non_null(strstr(p.text, "新质生产力是创新起主导作用的先进生产力质态，它摆脱了传统"));
    assert_null(strstr(p.text, "··35"));
    assert_null(strstr(p.text, "2024.7"));
    assert_null(strchr(p.text, '\n'));
    char *m = mark_of(&p);
    assert_string_equal(m, quote);
    free(m);
    atlas_passage_free(&p);
    atlas_text_free(t);
    text_doc_free(doc);
    free(text);
}

static void test_passage_marks_the_source_characters_of_the_quote(void **state)
{
    (void)state;
    text_doc *doc;
    atlas_text *t;
    atlas_passage p;
    /* the quote is typed with ASCII punctuation, the source has full-width and PDF glyphs */
    const char *text = "开头一句。数据要素ꎬ作为新型生产要素（见下）ꎬ正在重塑生产方式ꎮ结尾一句。\n";
    assert_int_equal(passage(text, "数据要素,作为新型生产要素(见下)", &doc, &t, &p), CKG_OK);
    char *m = mark_of(&p);
    assert_string_equal(m, "数据要素，作为新型生产要素（见下）");
    assert_string_equal(p.text, "开头一句。数据要素，作为新型生产要素（见下），正在重塑生产方式。结尾一句。");
    assert_int_equal(p.mark_start16, utf16_len(p.text, p.mark_start));
    assert_int_equal(p.mark_end16, utf16_len(p.text, p.mark_end));
    free(m);
    atlas_passage_free(&p);
    atlas_text_free(t);
    text_doc_free(doc);
}

static void test_passage_is_cleaned_for_reading(void **state)
{
    (void)state;
    text_doc *doc;
    atlas_text *t;
    atlas_passage p;
    const char *text = "**摘要:**新质生产力<sup>[3]</sup>是　先进\\*生产力，增长２\xf4\x81\x80\x80"
                       "５倍。 Total factor   productivity\n";
    assert_int_equal(passage(text, "新质生产力是先进*生产力", &doc, &t, &p), CKG_OK);
    assert_string_equal(p.text, "摘要:新质生产力[3]是先进*生产力，增长２.５倍。Total factor productivity");
    char *m = mark_of(&p);
    assert_string_equal(m, "新质生产力[3]是先进*生产力");
    free(m);
    atlas_passage_free(&p);
    assert_int_equal(atlas_text_passage(t, "增长2.5倍", strlen("增长2.5倍"), &p), CKG_OK);
    m = mark_of(&p);
    assert_string_equal(m, "增长２.５倍");
    free(m);
    atlas_passage_free(&p);
    atlas_text_free(t);
    text_doc_free(doc);
}

static void test_lines_of_latin_words_join_with_a_space(void **state)
{
    (void)state;
    text_doc *doc;
    atlas_text *t;
    atlas_passage p;
    const char *text = "New quality productive\nforces, as the papers\nsay.\n";
    assert_int_equal(passage(text, "productive forces", &doc, &t, &p), CKG_OK);
    assert_string_equal(p.text, "New quality productive forces, as the papers say.");
    char *m = mark_of(&p);
    assert_string_equal(m, "productive forces");
    free(m);
    atlas_passage_free(&p);
    atlas_text_free(t);
    text_doc_free(doc);
}

static void test_utf16_offsets_count_characters_beyond_the_bmp_twice(void **state)
{
    (void)state;
    text_doc *doc;
    atlas_text *t;
    atlas_passage p;
    const char *text = "𠀀𠀁两个扩展区汉字之后是引文。\n";
    assert_int_equal(passage(text, "引文", &doc, &t, &p), CKG_OK);
    assert_int_equal(p.mark_start16, 2 * 2 + 10);
    assert_int_equal(p.mark_end16, p.mark_start16 + 2);
    assert_int_equal(p.mark_start, 2 * 4 + 10 * 3);
    atlas_passage_free(&p);
    atlas_text_free(t);
    text_doc_free(doc);
}

static void test_quote_over_two_paragraphs_shows_both(void **state)
{
    (void)state;
    text_doc *doc;
    atlas_text *t;
    atlas_passage p;
    const char *text = "第一段的最后一句。\n\n第二段的第一句。\n\n第三段。\n";
    assert_int_equal(passage(text, "最后一句。第二段", &doc, &t, &p), CKG_OK);
    assert_int_equal(p.first, 0);
    assert_int_equal(p.last, 1);
    assert_string_equal(p.text, "第一段的最后一句。\n第二段的第一句。");
    char *m = mark_of(&p);
    assert_string_equal(m, "最后一句。\n第二段");
    free(m);
    atlas_passage_free(&p);
    atlas_text_free(t);
    text_doc_free(doc);
}

static void test_missing_and_empty_quotes_are_told_apart(void **state)
{
    (void)state;
    text_doc *doc;
    atlas_text *t;
    atlas_passage p;
    assert_int_equal(passage("一句话。\n", "不在文中", &doc, &t, &p), CKG_ENOTFOUND);
    assert_null(p.text);
    assert_int_equal(atlas_text_passage(t, "  ，", strlen("  ，") - 3, &p), CKG_EINVALID);
    atlas_passage_free(&p);
    atlas_text_free(t);
    text_doc_free(doc);
}

/* Every quote of an ontology is placed, and its mark normalizes to the quote. */
static void check_every_quote(const char *onto, const char *corpus_dir, size_t *n_quotes)
{
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    corpus *cp = NULL;
    assert_int_equal(ontology_load(onto, &d, &o), CKG_OK);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(corpus_open(corpus_dir, &d, &cp), CKG_OK);
    *n_quotes = 0;
    for (size_t pi = 0; pi < o->n_papers; pi++) {
        const ckg_paper *paper = &o->papers[pi];
        const text_doc *doc;
        atlas_text *t;
        assert_int_equal(corpus_doc(cp, paper->source.s, &doc, &d, &paper->source.loc), CKG_OK);
        assert_int_equal(atlas_text_new(doc, &t), CKG_OK);
        for (size_t k = 0; k < paper->n_mentions + paper->n_relations; k++) {
            const ckg_evidences *ev = k < paper->n_mentions
                                          ? &paper->mentions[k].evidence
                                          : &paper->relations[k - paper->n_mentions].evidence;
            for (size_t e = 0; e < ev->n; e++) {
                const char *q = ev->items[e].quote.s;
                atlas_passage p;
                int rc = atlas_text_passage(t, q, strlen(q), &p);
                if (rc != CKG_OK)
                    fail_msg("%s: quote not placed: %s", paper->id.s, q);
                char *m = mark_of(&p);
                if (!same_when_normalized(m, q))
                    fail_msg("%s:%zu: the mark '%s' is not the quote '%s'", paper->id.s, p.line,
                             m, q);
                free(m);
                atlas_passage_free(&p);
                ++*n_quotes;
            }
        }
        atlas_text_free(t);
    }
    corpus_free(cp);
    ontology_free(o);
    diag_list_free(&d);
}

static void test_every_fixture_quote_is_marked_exactly(void **state)
{
    (void)state;
    size_t n;
    check_every_quote("tests/fixtures/good", "tests/fixtures/corpus", &n);
    assert_true(n >= 10);
}

static void test_every_shipped_quote_is_marked_exactly(void **state)
{
    (void)state;
    struct stat st;
    if (stat("../shared/corpus", &st) != 0 || stat("ontology/papers", &st) != 0) {
        print_message("skipped: no ../shared/corpus beside the checkout\n");
        skip();
    }
    size_t n;
    check_every_quote("ontology", "../shared/corpus", &n);
    assert_true(n > 1000);
}

/* ------------------------------------------------------------------ the pieces */

static void test_sha256_gives_the_standard_digests(void **state)
{
    (void)state;
    static const struct {
        size_t repeat;
        const char *msg, *b64;
    } cases[] = {
        {1, "", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="},
        {1, "abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="},
        {1, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="},
        {55, "a", "n0OQ+NMMLdkuyfCVtl4rmumwqSWlJY4kHJ8ekQ9zQxg="},
        {56, "a", "s1Q5pKxvCUi21vnjxq8PX1kM4g8b3nCQ73lwaG7Gc4o="},
        {64, "a", "/+BU/nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs="},
        {1000, "a", "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM="},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].msg) * cases[i].repeat;
        char *m = malloc(n + 1), out[45];
        for (size_t r = 0; r < cases[i].repeat; r++)
            memcpy(m + r * strlen(cases[i].msg), cases[i].msg, strlen(cases[i].msg));
        atlas_sha256_base64(m, n, out);
        assert_string_equal(out, cases[i].b64);
        free(m);
    }
}

static void test_json_in_a_script_escapes_what_could_end_it(void **state)
{
    (void)state;
    strbuf b = {0};
    json_t *v = json_pack("{s:s}", "t", "</script><!-- & \xe2\x80\xa8 \"");
    assert_int_equal(atlas_put_json(&b, v), CKG_OK);
    assert_string_equal(b.s, "{\"t\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\\"\"}");
    json_t *back = json_loads(b.s, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(back, "t")), "</script><!-- & \xe2\x80\xa8 \"");
    json_decref(back);
    json_decref(v);
    strbuf_free(&b);
}

/* ------------------------------------------------------------------ the page */

/* One Graphviz context for every page: Graphviz's pango plugin keeps a font cache past the
 * context that made it, so a second context after a first is freed reads freed memory. */
static render_context *shared_ctx;

static int group_setup(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    int rc = render_context_new(&d, &shared_ctx);
    diag_list_free(&d);
    return rc == CKG_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    render_context_free(shared_ctx);
    return 0;
}

typedef struct page {
    char *s;
    size_t len;
    atlas_summary sum;
    diag_list d;
    ckg_ontology *o;
    corpus *cp;
} page;

static int build(page *pg, const char *onto, const char *corpus_dir, const atlas_options *opt)
{
    memset(pg, 0, sizeof *pg);
    diag_list_init(&pg->d);
    assert_int_equal(ontology_load(onto, &pg->d, &pg->o), CKG_OK);
    assert_int_equal(pg->d.n_errors, 0);
    if (corpus_dir)
        assert_int_equal(corpus_open(corpus_dir, &pg->d, &pg->cp), CKG_OK);
    atlas_options def;
    atlas_options_init(&def);
    def.engine = "dot";
    return atlas_build(shared_ctx, pg->o, pg->cp, opt ? opt : &def, &pg->d, &pg->s, &pg->len,
                       &pg->sum);
}

static void page_free(page *pg)
{
    free(pg->s);
    corpus_free(pg->cp);
    ontology_free(pg->o);
    diag_list_free(&pg->d);
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* The text of the element that starts with open (up to the next "</script>"). */
static char *element(const char *s, const char *open)
{
    const char *a = strstr(s, open);
    assert_non_null(a);
    a += strlen(open);
    const char *b = strstr(a, "</script>");
    assert_non_null(b);
    char *out = malloc((size_t)(b - a) + 1);
    memcpy(out, a, (size_t)(b - a));
    out[b - a] = '\0';
    return out;
}

static void test_page_has_one_script_and_its_hash_in_the_csp(void **state)
{
    (void)state;
    page pg;
    assert_int_equal(build(&pg, "tests/fixtures/good", "tests/fixtures/corpus", NULL), CKG_OK);
    assert_int_equal(pg.len, strlen(pg.s));
    assert_true(strncmp(pg.s, "<!DOCTYPE html>", 15) == 0);
    assert_null(strstr(pg.s, "@@"));
    /* all, alpha, beta, beta/part-one; each in zh and en */
    assert_int_equal(pg.sum.n_scopes, 4);
    assert_int_equal(pg.sum.n_maps, 8);
    assert_int_equal(count(pg.s, "<script>"), 1);
    assert_int_equal(count(pg.s, "<script type=\"application/json\" id=\"atlas-data\">"), 1);
    assert_int_equal(count(pg.s, "<script type=\"application/x-ckg-map\""), 8);
    assert_int_equal(count(pg.s, "<script"), 10);
    char *js = element(pg.s, "<script>"), hash[45], want[128];
    atlas_sha256_base64(js, strlen(js), hash);
    snprintf(want, sizeof want, "default-src 'none'; script-src 'sha256-%s';", hash);
    assert_non_null(strstr(pg.s, want));
    assert_non_null(strstr(pg.s, "--atlas-font:" RENDER_FONT_STACK));
    free(js);
    page_free(&pg);
}

static void test_page_data_holds_every_concept_and_places_every_quote(void **state)
{
    (void)state;
    page pg;
    assert_int_equal(build(&pg, "tests/fixtures/good", "tests/fixtures/corpus", NULL), CKG_OK);
    assert_int_equal(pg.d.n_warnings, 0);
    char *data = element(pg.s, "<script type=\"application/json\" id=\"atlas-data\">");
    json_error_t err;
    json_t *root = json_loads(data, 0, &err);
    assert_non_null(root);
    json_t *concepts = json_object_get(root, "concepts");
    assert_int_equal(json_array_size(concepts), pg.o->n_concepts);
    assert_int_equal(pg.sum.n_concepts, pg.o->n_concepts);
    assert_true(pg.sum.n_quotes >= 10);
    assert_int_equal(pg.sum.n_placed, pg.sum.n_quotes);
    json_t *paragraphs = json_object_get(root, "paragraphs");
    assert_int_equal(json_array_size(paragraphs), pg.sum.n_paragraphs);
    /* every mention quote points into a paragraph, its mark the quote */
    size_t i, checked = 0;
    json_t *c;
    json_array_foreach(concepts, i, c) {
        size_t k;
        json_t *p;
        json_array_foreach(json_object_get(c, "papers"), k, p) {
            size_t e;
            json_t *q;
            json_array_foreach(json_object_get(p, "quotes"), e, q) {
                json_t *para = json_array_get(paragraphs, json_integer_value(json_object_get(q, "para")));
                assert_non_null(para);
                assert_true(json_integer_value(json_object_get(q, "line")) > 0);
                checked++;
            }
        }
    }
    assert_true(checked >= 8);
    /* the ranks are those of the whole graph first */
    json_t *ranks = json_object_get(json_array_get(concepts, 0), "ranks");
    assert_string_equal(json_string_value(json_object_get(json_array_get(ranks, 0), "scope")), "all");
    json_decref(root);
    free(data);
    page_free(&pg);
}

static void test_page_maps_inflate_to_svg(void **state)
{
    (void)state;
    page pg;
    assert_int_equal(build(&pg, "tests/fixtures/good", "tests/fixtures/corpus", NULL), CKG_OK);
    for (size_t m = 0; m < pg.sum.n_maps; m++) {
        char open[96];
        snprintf(open, sizeof open, "<script type=\"application/x-ckg-map\" id=\"atlas-map-%zu\">", m);
        char *b64 = element(pg.s, open);
        size_t n = strlen(b64), len = 0;
        unsigned char *z = malloc(n);
        static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        uint32_t acc = 0;
        int bits = 0;
        for (size_t i = 0; i < n && b64[i] != '='; i++) {
            const char *p = strchr(alphabet, b64[i]);
            assert_non_null(p);
            acc = acc << 6 | (uint32_t)(p - alphabet);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                z[len++] = (unsigned char)(acc >> bits);
            }
        }
        uLongf size = 4 << 20;
        char *svg = malloc(size + 1);
        assert_int_equal(uncompress((Bytef *)svg, &size, z, len), Z_OK);
        svg[size] = '\0';
        assert_true(strncmp(svg, "<svg", 4) == 0);
        assert_non_null(strstr(svg, "data-concept=\""));
        assert_null(strstr(svg, "font-family="));
        assert_null(strstr(svg, "<!--"));
        assert_null(strstr(svg, " id=\""));
        free(svg);
        free(z);
        free(b64);
    }
    page_free(&pg);
}

static void test_page_is_the_same_twice(void **state)
{
    (void)state;
    page a, b;
    assert_int_equal(build(&a, "tests/fixtures/good", "tests/fixtures/corpus", NULL), CKG_OK);
    assert_int_equal(build(&b, "tests/fixtures/good", "tests/fixtures/corpus", NULL), CKG_OK);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.s, b.s, a.len);
    page_free(&a);
    page_free(&b);
}

static void test_page_without_a_corpus_shows_quotes_alone(void **state)
{
    (void)state;
    page pg;
    assert_int_equal(build(&pg, "tests/fixtures/good", NULL, NULL), CKG_OK);
    assert_true(pg.sum.n_quotes > 0);
    assert_int_equal(pg.sum.n_placed, 0);
    assert_int_equal(pg.sum.n_paragraphs, 0);
    assert_int_equal(pg.d.n, 0);
    page_free(&pg);
}

static void test_page_of_hostile_text_keeps_every_text_inside_its_element(void **state)
{
    (void)state;
    page pg;
    atlas_options opt;
    atlas_options_init(&opt);
    opt.engine = "dot";
    opt.diff[0] = (graph_scope){"hostile", NULL};
    opt.diff[1] = (graph_scope){"hostile-b", "part"};
    assert_int_equal(build(&pg, "tests/fixtures/render/hostile", NULL, &opt), CKG_OK);
    char *data = element(pg.s, "<script type=\"application/json\" id=\"atlas-data\">");
    assert_null(strchr(data, '<'));
    assert_null(strchr(data, '>'));
    assert_null(strchr(data, '&'));
    json_t *root = json_loads(data, 0, NULL);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(root, "concepts"), 0), "zh")),
                        "<script>alert(\"XSS\")</script>新质生产力");
    json_decref(root);
    assert_int_equal(count(pg.s, "<script"), (size_t)(2 + pg.sum.n_maps));
    free(data);
    page_free(&pg);
}

static void test_page_errors_are_reported_and_nothing_is_built(void **state)
{
    (void)state;
    page pg;
    atlas_options opt;
    atlas_options_init(&opt);
    opt.diff[0] = opt.diff[1] = (graph_scope){"alpha", NULL};
    assert_int_equal(build(&pg, "tests/fixtures/good", NULL, &opt), CKG_EUSAGE);
    assert_null(pg.s);
    assert_int_equal(pg.d.n_errors, 1);
    page_free(&pg);

    opt.diff[1] = (graph_scope){"nope", NULL};
    assert_int_equal(build(&pg, "tests/fixtures/good", NULL, &opt), CKG_ENOTFOUND);
    assert_null(pg.s);
    page_free(&pg);

    atlas_options_init(&opt);
    opt.engine = "nope";
    assert_int_equal(build(&pg, "tests/fixtures/good", NULL, &opt), CKG_EUSAGE);
    page_free(&pg);

    /* a corpus without the papers' sources: an error for each, nothing built */
    assert_int_equal(build(&pg, "tests/fixtures/good", "tests/fixtures/harden", NULL), CKG_EINVALID);
    assert_null(pg.s);
    assert_int_equal(pg.d.n_errors, pg.o->n_papers);
    page_free(&pg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraphs_end_at_blank_lines_and_headings),
        cmocka_unit_test(test_wrapped_text_joins_lines_across_blank_lines_and_page_breaks),
        cmocka_unit_test(test_passage_marks_the_source_characters_of_the_quote),
        cmocka_unit_test(test_passage_is_cleaned_for_reading),
        cmocka_unit_test(test_lines_of_latin_words_join_with_a_space),
        cmocka_unit_test(test_utf16_offsets_count_characters_beyond_the_bmp_twice),
        cmocka_unit_test(test_quote_over_two_paragraphs_shows_both),
        cmocka_unit_test(test_missing_and_empty_quotes_are_told_apart),
        cmocka_unit_test(test_every_fixture_quote_is_marked_exactly),
        cmocka_unit_test(test_every_shipped_quote_is_marked_exactly),
        cmocka_unit_test(test_sha256_gives_the_standard_digests),
        cmocka_unit_test(test_json_in_a_script_escapes_what_could_end_it),
        cmocka_unit_test(test_page_has_one_script_and_its_hash_in_the_csp),
        cmocka_unit_test(test_page_data_holds_every_concept_and_places_every_quote),
        cmocka_unit_test(test_page_maps_inflate_to_svg),
        cmocka_unit_test(test_page_is_the_same_twice),
        cmocka_unit_test(test_page_without_a_corpus_shows_quotes_alone),
        cmocka_unit_test(test_page_of_hostile_text_keeps_every_text_inside_its_element),
        cmocka_unit_test(test_page_errors_are_reported_and_nothing_is_built),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
