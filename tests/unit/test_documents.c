/* test_documents.c — the JSON documents of the commands (export.h: metrics, diff, compare,
 * coverage, neighbors, path, show, search; the teaching kit's propositions, quiz and score)
 * have the shapes doc/commands.md documents: exactly the keys it names, each of the type it says,
 * at every level, on fixture ontologies; and the CSV tables have their documented header
 * with one field per column in every row.
 *
 * A shape is written "key:type ...", the types being s (string), S (string or null),
 * i (integer), r (real), N (real or null), b (boolean), a (array), o (object), I (integer or
 * null), z (null). Every key of the object must be named and every key named must be there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/export.h"
#include "ckg/quiz.h"
#include "ckg/score.h"
#include "ckg/status.h"

/* ------------------------------------------------------------------ shapes */

static int type_ok(const json_t *v, char type)
{
    switch (type) {
    case 's': return json_is_string(v);
    case 'S': return json_is_string(v) || json_is_null(v);
    case 'i': return json_is_integer(v);
    case 'I': return json_is_integer(v) || json_is_null(v);
    case 'r': return json_is_real(v);
    case 'N': return json_is_real(v) || json_is_null(v);
    case 'b': return json_is_boolean(v);
    case 'a': return json_is_array(v);
    case 'A': return json_is_array(v) || json_is_null(v);
    case 'o': return json_is_object(v);
    case 'z': return json_is_null(v);
    default: return 0;
    }
}

/* obj has exactly the keys of shape, each of its type; failures name the place. */
static void expect_shape(const json_t *obj, const char *shape, const char *where)
{
    char key[64];
    size_t named = 0;
    if (!json_is_object(obj))
        fail_msg("%s: not an object", where);
    for (const char *p = shape; *p;) {
        const char *colon = strchr(p, ':'), *end = strchr(p, ' ');
        assert_non_null(colon);
        size_t len = (size_t)(colon - p);
        assert_true(len < sizeof key);
        memcpy(key, p, len);
        key[len] = '\0';
        const json_t *v = json_object_get(obj, key);
        if (!v)
            fail_msg("%s: no key '%s'", where, key);
        if (!type_ok(v, colon[1]))
            fail_msg("%s: '%s' is not of type %c", where, key, colon[1]);
        named++;
        p = end ? end + 1 : colon + 2;
    }
    if (json_object_size(obj) != named) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)obj, k, v)
        {
            if (!strstr(shape, k))
                fail_msg("%s: a key the documented shape does not name: '%s'", where, k);
        }
        fail_msg("%s: %zu keys, the shape names %zu", where, json_object_size(obj), named);
    }
}

/* Every element of an array (non-empty unless may_be_empty) has the shape. */
static void expect_each(const json_t *a, const char *shape, const char *where, int may_be_empty)
{
    size_t i;
    json_t *v;
    if (!json_is_array(a))
        fail_msg("%s: not an array", where);
    if (!may_be_empty && !json_array_size(a))
        fail_msg("%s: empty, so its shape is not checked", where);
    json_array_foreach(a, i, v) expect_shape(v, shape, where);
}

/* Every element of an array, or value of an object (non-empty), is of the type. */
static void expect_values(const json_t *c, char type, const char *where)
{
    const char *k;
    size_t i;
    json_t *v;
    if (json_is_array(c)) {
        assert_true(json_array_size(c) > 0);
        json_array_foreach(c, i, v)
        {
            if (!type_ok(v, type))
                fail_msg("%s: [%zu] is not of type %c", where, i, type);
        }
        return;
    }
    assert_true(json_is_object(c) && json_object_size(c) > 0);
    json_object_foreach((json_t *)c, k, v)
    {
        if (!type_ok(v, type))
            fail_msg("%s: '%s' is not of type %c", where, k, type);
    }
}

/* A scope × scope matrix: n rows of n reals or nulls. */
static void expect_matrix(const json_t *m, size_t n, const char *where)
{
    size_t i, j;
    json_t *row, *x;
    assert_true(json_is_array(m) && json_array_size(m) == n);
    json_array_foreach(m, i, row)
    {
        assert_true(json_is_array(row) && json_array_size(row) == n);
        json_array_foreach(row, j, x)
        {
            if (!type_ok(x, 'N'))
                fail_msg("%s: [%zu][%zu] is no number", where, i, j);
        }
    }
}

#define MEASURES                                                                           \
    "degree:i in_degree:i out_degree:i betweenness:r harmonic:r pagerank:r hub:r "         \
    "authority:r coreness:i"
#define RANKED "degree:r in_degree:r out_degree:r betweenness:r harmonic:r pagerank:r hub:r " \
               "authority:r coreness:r"

static const char *const CONCEPT_REF = "id:s zh:s en:s theme:s";
static const char *const NEIGHBOR =
    "id:s zh:s en:s theme:s kind:s direction:s depth:i papers:a phrase:o via:a";
static const char *const NEIGHBOR_EVIDENCE =
    "id:s zh:s en:s theme:s kind:s direction:s depth:i papers:a phrase:o via:a evidence:a";

/* ------------------------------------------------------------------ fixtures */

typedef struct fixture {
    ckg_ontology *o;
    diag_list diags;
    query_lines lines;
    json_t *doc;
    char *csv;
    size_t csv_len;
} fixture;

static fixture *load(void **state, const char *dir, const char *corpus_dir)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    diag_list_init(&f->diags);
    assert_int_equal(ontology_load(dir, &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    query_lines_init(&f->lines, f->o, corpus_dir);
    *state = f;
    return f;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (!f)
        return 0;
    json_decref(f->doc);
    free(f->csv);
    query_lines_free(&f->lines);
    ontology_free(f->o);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

static FILE *csv_stream(fixture *f)
{
    free(f->csv);
    f->csv = NULL;
    FILE *s = open_memstream(&f->csv, &f->csv_len);
    assert_non_null(s);
    return s;
}

/* The number of fields of one CSV record starting at *p (RFC 4180); *p moves past it. */
static size_t csv_record(const char **p)
{
    size_t fields = 1;
    int quoted = 0;
    for (; **p; (*p)++) {
        char ch = **p;
        if (quoted) {
            if (ch == '"' && (*p)[1] == '"')
                (*p)++;
            else if (ch == '"')
                quoted = 0;
        } else if (ch == '"') {
            quoted = 1;
        } else if (ch == ',') {
            fields++;
        } else if (ch == '\n') {
            (*p)++;
            break;
        }
    }
    return fields;
}

/* The CSV text holds, table after table (each after an empty line), the headers given, each
 * table with at least one row and as many fields in every row as in its header. */
static void expect_tables(const char *csv, const char *const *headers, size_t n)
{
    const char *p = csv;
    for (size_t t = 0; t < n; t++) {
        if (t) {
            assert_int_equal(*p, '\n');
            p++;
        }
        size_t hl = strlen(headers[t]);
        if (strncmp(p, headers[t], hl) != 0 || p[hl] != '\n')
            fail_msg("table %zu does not start with the header %s", t, headers[t]);
        const char *q = headers[t];
        size_t columns = csv_record(&q), rows = 0;
        p += hl + 1;
        while (*p && *p != '\n') {
            size_t fields = csv_record(&p);
            if (fields != columns)
                fail_msg("table %zu, row %zu: %zu fields for %zu columns", t, rows + 1, fields,
                         columns);
            rows++;
        }
        assert_true(rows > 0);
    }
    assert_int_equal(*p, '\0');
}

/* ------------------------------------------------------------------ metrics */

static void test_metrics_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/metrics/bridge", NULL);
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    metrics_options opt;
    metrics_options_default(&opt);
    size_t *rows, n;
    assert_int_equal(graph_build(f->o, NULL, &f->diags, &g), CKG_OK);
    assert_int_equal(metrics_compute(g, &opt, &f->diags, &m), CKG_OK);
    metrics_selection sel = {.sort = METRICS_PAGERANK, .theme = -1};
    assert_int_equal(metrics_select(m, &sel, &rows, &n), CKG_OK);
    double *ranks = malloc(m->n * sizeof *ranks);
    assert_int_equal(metrics_ranks(m, metrics_rank_measure(&sel), ranks), CKG_OK);
    assert_int_equal(export_metrics_json(m, rows, n, ranks, &f->doc), CKG_OK);

    expect_shape(f->doc,
                 "scope:s nodes:i edges:i weighted:b method:s seed:i damping:r concepts:a "
                 "graph:o",
                 "metrics");
    expect_each(json_object_get(f->doc, "concepts"),
                "id:s zh:s en:s theme:s " MEASURES " community:i rank:r", "metrics concepts", 0);
    expect_shape(json_object_get(f->doc, "graph"),
                 "nodes:i edges:i undirected_edges:i density:r components:i "
                 "largest_component:i diameter:i communities:i modularity:N "
                 "theme_modularity:N",
                 "metrics graph");
    assert_int_equal(json_array_size(json_object_get(f->doc, "concepts")), m->n);

    FILE *s = csv_stream(f);
    assert_int_equal(export_metrics_csv(m, rows, n, ranks, s), CKG_OK);
    fclose(s);
    static const char *const header[] = {
        "rank,id,zh,en,theme,degree,in_degree,out_degree,betweenness,harmonic,pagerank,hub,"
        "authority,coreness,community"};
    expect_tables(f->csv, header, 1);
    free(ranks);
    free(rows);
    metrics_free(m);
    graph_free(g);
}

/* The selection: by id, one theme, the first N. */
static void test_metrics_select_orders_filters_and_cuts(void **state)
{
    fixture *f = load(state, "tests/fixtures/metrics/bridge", NULL);
    ckg_graph *g = NULL;
    metrics_result *m = NULL;
    metrics_options opt;
    metrics_options_default(&opt);
    size_t *rows, n;
    assert_int_equal(graph_build(f->o, NULL, &f->diags, &g), CKG_OK);
    assert_int_equal(metrics_compute(g, &opt, &f->diags, &m), CKG_OK);
    metrics_selection sel = {.by_id = 1, .theme = -1};
    assert_int_equal(metrics_select(m, &sel, &rows, &n), CKG_OK);
    assert_int_equal(n, m->n);
    for (size_t i = 1; i < n; i++) {
        const char *a = f->o->concepts[g->vertices[rows[i - 1]].concept].id.s;
        const char *b = f->o->concepts[g->vertices[rows[i]].concept].id.s;
        assert_true(strcmp(a, b) < 0);
    }
    free(rows);
    sel = (metrics_selection){.by_id = 1, .theme = 0, .top = 1};
    assert_int_equal(metrics_select(m, &sel, &rows, &n), CKG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(f->o->concepts[g->vertices[rows[0]].concept].theme_index, 0);
    free(rows);
    metrics_free(m);
    graph_free(g);
}

/* ------------------------------------------------------------------ diff and compare */

static void test_diff_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/diff", NULL);
    diff_result *d = NULL;
    diff_options opt;
    diff_options_default(&opt);
    graph_scope a = {"left", NULL}, b = {"right", NULL};
    assert_int_equal(diff_compute(f->o, &a, &b, &opt, &f->diags, &d), CKG_OK);
    assert_int_equal(export_diff_json(d, &f->doc), CKG_OK);
    const json_t *j = f->doc;

    expect_shape(j,
                 "a:s b:s measure:s by:s shared_relations_by:o scopes:a shared:a only_a:a "
                 "only_b:a jaccard:N jaccard_relations:N correlations:o concepts:a "
                 "only_a_concepts:a "
                 "only_b_concepts:a themes:o relations:o spearman_pagerank:N "
                 "kendall_pagerank:N",
                 "diff");
    expect_each(json_object_get(j, "scopes"),
                "scope:s paper:s section:S title:s authors:a year:i nodes:i edges:i "
                "density:N communities:i modularity:N",
                "diff scopes", 0);
    assert_int_equal(json_array_size(json_object_get(j, "scopes")), 2);
    expect_values(json_object_get(j, "shared"), 's', "diff shared");
    const char *side = "id:s zh:s en:s theme:s a:o b:o delta:o";
    expect_each(json_object_get(j, "concepts"), side, "diff concepts", 0);
    const json_t *c0 = json_array_get(json_object_get(j, "concepts"), 0);
    expect_shape(json_object_get(c0, "a"), MEASURES " community:i rank:r ranks:o", "diff a");
    expect_shape(json_object_get(json_object_get(c0, "a"), "ranks"), RANKED, "diff a ranks");
    expect_shape(json_object_get(c0, "delta"), MEASURES " rank:r", "diff delta");
    expect_each(json_object_get(j, "only_a_concepts"), "id:s zh:s en:s theme:s a:o",
                "diff only_a_concepts", 0);
    expect_each(json_object_get(j, "only_b_concepts"), "id:s zh:s en:s theme:s b:o",
                "diff only_b_concepts", 0);
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(j, "correlations"), k, v)
        expect_shape(v, "n:i spearman:N kendall:N", "diff correlations");
    assert_int_equal(json_object_size(json_object_get(j, "correlations")), 9);
    json_object_foreach(json_object_get(j, "themes"), k, v)
        expect_shape(v,
                     "a:N b:N a_concepts:i b_concepts:i a_relation_ends:i b_relation_ends:i "
                     "a_relation_share:N b_relation_share:N",
                     "diff themes");
    assert_int_equal(json_object_size(json_object_get(j, "themes")), f->o->n_themes);
    const json_t *rel = json_object_get(j, "relations");
    expect_shape(rel, "shared:a only_a:a only_b:a", "diff relations");
    expect_each(json_object_get(rel, "shared"),
                "from:s to:s family:s kind:z kinds_a:a kinds_b:a pair_kinds_a:a pair_kinds_b:a "
                "ends_shared:b",
                "diff relations shared", 0);
    const json_t *r0 = json_array_get(json_object_get(rel, "only_a"), 0);
    expect_shape(r0,
                 "from:s to:s family:s kind:z kinds_a:a kinds_b:z pair_kinds_a:a pair_kinds_b:A "
                 "ends_shared:b",
                 "diff relations only_a");
    /* by family (the default): ka -> kb is drives in left and conditions in right, so it is
     * only in left, and right's kinds for the pair are given beside it */
    assert_string_equal(json_string_value(json_object_get(j, "by")), "family");
    expect_shape(json_object_get(j, "shared_relations_by"), "family:i kind:i pair:i",
                 "diff shared_relations_by");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "shared_relations_by"),
                                                        "pair")),
                     2);
    const json_t *ab = NULL, *x;
    size_t i;
    json_array_foreach(json_object_get(rel, "only_a"), i, x) {
        if (!strcmp(json_string_value(json_object_get(x, "from")), "ka") &&
            !strcmp(json_string_value(json_object_get(x, "to")), "kb"))
            ab = x;
    }
    assert_non_null(ab);
    assert_string_equal(json_string_value(json_object_get(ab, "family")), "drives");
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(ab, "pair_kinds_b"), 0)), "supports");
    const json_t *s0 = json_array_get(json_object_get(rel, "shared"), 0);
    assert_string_equal(json_string_value(json_array_get(json_object_get(s0, "kinds_a"), 0)),
                        "causes");
    assert_string_equal(json_string_value(json_array_get(json_object_get(s0, "kinds_b"), 0)),
                        "promotes");

    /* another measure adds its own correlation keys */
    diff_free(d);
    opt.measure = METRICS_DEGREE;
    assert_int_equal(diff_compute(f->o, &a, &b, &opt, &f->diags, &d), CKG_OK);
    json_decref(f->doc);
    assert_int_equal(export_diff_json(d, &f->doc), CKG_OK);
    assert_true(json_is_real(json_object_get(f->doc, "spearman_degree")));
    assert_true(json_is_real(json_object_get(f->doc, "kendall_degree")));
    assert_int_equal(json_object_size(f->doc), 21);

    FILE *s = csv_stream(f);
    assert_int_equal(export_diff_csv(d, EXPORT_DIFF_ALL, s), CKG_OK);
    fclose(s);
    static const char *const headers[] = {
        "id,zh,en,theme,in,rank_a,rank_b,rank_delta,degree_a,degree_b,degree_delta,"
        "in_degree_a,in_degree_b,in_degree_delta,out_degree_a,out_degree_b,out_degree_delta,"
        "betweenness_a,betweenness_b,betweenness_delta,harmonic_a,harmonic_b,harmonic_delta,"
        "pagerank_a,pagerank_b,pagerank_delta,hub_a,hub_b,hub_delta,authority_a,authority_b,"
        "authority_delta,coreness_a,coreness_b,coreness_delta,community_a,community_b",
        "from,to,in,kinds_a,kinds_b,ends_shared,family,kind,pair_kinds_a,pair_kinds_b",
        "theme,zh,en,concepts_a,concepts_b,concept_share_a,concept_share_b,relation_ends_a,"
        "relation_ends_b,relation_end_share_a,relation_end_share_b"};
    expect_tables(f->csv, headers, 3);
    s = csv_stream(f);
    assert_int_equal(export_diff_csv(d, EXPORT_DIFF_RELATIONS, s), CKG_OK);
    fclose(s);
    expect_tables(f->csv, headers + 1, 1);

    /* by kind: each relation names its kind, and its family */
    diff_free(d);
    opt.by = DIFF_BY_KIND;
    assert_int_equal(diff_compute(f->o, &a, &b, &opt, &f->diags, &d), CKG_OK);
    json_decref(f->doc);
    assert_int_equal(export_diff_json(d, &f->doc), CKG_OK);
    assert_string_equal(json_string_value(json_object_get(f->doc, "by")), "kind");
    expect_each(json_object_get(json_object_get(f->doc, "relations"), "only_b"),
                "from:s to:s family:s kind:s kinds_a:z kinds_b:a pair_kinds_a:A pair_kinds_b:a "
                "ends_shared:b",
                "diff by kind only_b", 0);
    diff_free(d);
}

static void test_compare_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/diff", NULL);
    diff_table *t = NULL;
    diff_options opt;
    diff_options_default(&opt);
    const graph_scope scopes[] = {{"left", NULL}, {"right", NULL}, {"essays", "one"}};
    assert_int_equal(diff_compare(f->o, scopes, 3, &opt, &f->diags, &t), CKG_OK);
    assert_int_equal(export_compare_json(t, 4, &f->doc), CKG_OK);
    const json_t *j = f->doc;

    expect_shape(j,
                 "measure:s by:s scopes:a pairs:a jaccard:o spearman_pagerank:a "
                 "kendall_pagerank:a concepts:a",
                 "compare");
    expect_each(json_object_get(j, "scopes"),
                "scope:s paper:s section:S title:s nodes:i edges:i relations:i density:N "
                "communities:i modularity:N top:a",
                "compare scopes", 0);
    const json_t *sc2 = json_array_get(json_object_get(j, "scopes"), 2);
    assert_string_equal(json_string_value(json_object_get(sc2, "section")), "one");
    expect_each(json_object_get(json_array_get(json_object_get(j, "scopes"), 0), "top"),
                "id:s zh:s value:N rank:r", "compare top", 0);
    expect_each(json_object_get(j, "pairs"),
                "a:s b:s shared_concepts:i jaccard:N shared_relations:i jaccard_relations:N "
                "n:i spearman_pagerank:N kendall_pagerank:N",
                "compare pairs", 0);
    assert_int_equal(json_array_size(json_object_get(j, "pairs")), 3); /* each pair once */
    expect_shape(json_object_get(j, "jaccard"), "concepts:a relations:a", "compare jaccard");
    expect_matrix(json_object_get(json_object_get(j, "jaccard"), "concepts"), 3, "jaccard");
    expect_matrix(json_object_get(json_object_get(j, "jaccard"), "relations"), 3, "jaccard");
    expect_matrix(json_object_get(j, "spearman_pagerank"), 3, "spearman");
    expect_matrix(json_object_get(j, "kendall_pagerank"), 3, "kendall");
    expect_each(json_object_get(j, "concepts"), "id:s zh:s en:s theme:s ranks:o values:o",
                "compare concepts", 0);
    assert_int_equal(json_array_size(json_object_get(j, "concepts")), 4); /* the rows asked */
    const json_t *c0 = json_array_get(json_object_get(j, "concepts"), 0);
    expect_shape(json_object_get(c0, "ranks"), "left:N right:N essays/one:N", "compare ranks");
    expect_shape(json_object_get(c0, "values"), "left:N right:N essays/one:N",
                 "compare values");

    FILE *s = csv_stream(f);
    assert_int_equal(export_compare_csv(t, t->n_concepts, EXPORT_COMPARE_ALL, s), CKG_OK);
    fclose(s);
    static const char *const headers[] = {
        "id,zh,en,theme,left,right,essays/one",
        "a,b,shared_concepts,jaccard,shared_relations,jaccard_relations,n,spearman_pagerank,"
        "kendall_pagerank",
        "scope,nodes,edges,density,communities,modularity,top,relations"};
    expect_tables(f->csv, headers, 3);
    diff_table_free(t);
}

/* ------------------------------------------------------------------ coverage */

static void test_coverage_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/good", NULL);
    corpus *cp = NULL;
    coverage_report *r = NULL;
    assert_int_equal(corpus_open("tests/fixtures/corpus", &f->diags, &cp), CKG_OK);
    assert_int_equal(coverage_compute(f->o, cp, NULL, &f->diags, &r), CKG_OK);
    assert_int_equal(export_coverage_json(r, &f->doc), CKG_OK);
    expect_shape(f->doc, "papers:a", "coverage");
    expect_each(json_object_get(f->doc, "papers"),
                "id:s source:s chars:i covered:i share:r quotes:i sections:a uncovered:a",
                "coverage papers", 0);
    expect_each(json_object_get(json_array_get(json_object_get(f->doc, "papers"), 0),
                                "sections"),
                "title:s label:s level:i line:i body:b section:S chars:i covered:i share:r "
                "quotes:i",
                "coverage sections", 0);
    FILE *s = csv_stream(f);
    assert_int_equal(export_coverage_csv(r, s), CKG_OK);
    fclose(s);
    static const char *const header[] = {
        "paper,line,level,label,title,section,body,chars,covered,quotes,share"};
    expect_tables(f->csv, header, 1);
    coverage_free(r);
    corpus_free(cp);
}

/* ------------------------------------------------------------------ the queries */

static int32_t concept_named(const fixture *f, const char *id)
{
    int32_t c = strmap_get(&f->o->concept_by_id, id);
    assert_true(c >= 0);
    return c;
}

static void test_neighbors_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/query", "tests/fixtures/query/corpus");
    query_index *qi = NULL;
    query_neighbors *nb = NULL;
    assert_int_equal(query_index_build(f->o, &qi), CKG_OK);
    assert_int_equal(
        query_neighbors_walk(qi, concept_named(f, "data-factor"), 1, NULL, &nb), CKG_OK);
    assert_int_equal(export_neighbors_json(f->o, nb, 0, &f->lines, &f->doc), CKG_OK);
    expect_shape(f->doc, "concept:o depth:i neighbors:a", "neighbors");
    expect_shape(json_object_get(f->doc, "concept"), CONCEPT_REF, "neighbors concept");
    expect_each(json_object_get(f->doc, "neighbors"), NEIGHBOR, "neighbors", 0);
    const json_t *n0 = json_array_get(json_object_get(f->doc, "neighbors"), 0);
    expect_shape(json_object_get(n0, "phrase"), "zh:s en:s", "neighbor phrase");

    /* with the evidence, each quote with its line in the corpus */
    json_decref(f->doc);
    assert_int_equal(export_neighbors_json(f->o, nb, 1, &f->lines, &f->doc), CKG_OK);
    expect_each(json_object_get(f->doc, "neighbors"), NEIGHBOR_EVIDENCE, "neighbors", 0);
    n0 = json_array_get(json_object_get(f->doc, "neighbors"), 0);
    expect_each(json_object_get(n0, "evidence"),
                "paper:s from:s kind:s to:s quote:s section:S note:S line:i end_line:i",
                "neighbor evidence", 0);
    assert_int_equal(f->lines.unlocated, 0);

    FILE *s = csv_stream(f);
    assert_int_equal(export_neighbors_csv(f->o, nb, 1, &f->lines, s), CKG_OK);
    fclose(s);
    static const char *const header[] = {
        "depth,direction,kind,phrase,via,id,zh,en,theme,papers,paper,section,line,quote"};
    expect_tables(f->csv, header, 1);
    query_neighbors_free(nb);
    query_index_free(qi);
}

/* Without a corpus, quotes have a null line and are counted as unlocated. */
static void test_quotes_without_a_corpus_have_null_lines(void **state)
{
    fixture *f = load(state, "tests/fixtures/query", NULL);
    query_index *qi = NULL;
    query_neighbors *nb = NULL;
    assert_int_equal(query_index_build(f->o, &qi), CKG_OK);
    assert_int_equal(
        query_neighbors_walk(qi, concept_named(f, "data-factor"), 1, NULL, &nb), CKG_OK);
    assert_int_equal(export_neighbors_json(f->o, nb, 1, &f->lines, &f->doc), CKG_OK);
    const json_t *n0 = json_array_get(json_object_get(f->doc, "neighbors"), 0);
    expect_each(json_object_get(n0, "evidence"),
                "paper:s from:s kind:s to:s quote:s section:S note:S line:I", "evidence", 0);
    assert_true(json_is_null(json_object_get(json_array_get(json_object_get(n0, "evidence"), 0),
                                             "line")));
    assert_true(f->lines.unlocated > 0);
    query_neighbors_free(nb);
    query_index_free(qi);
}

static void test_path_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/query", "tests/fixtures/query/corpus");
    query_index *qi = NULL;
    query_paths *ps = NULL;
    assert_int_equal(query_index_build(f->o, &qi), CKG_OK);
    assert_int_equal(query_shortest_paths(qi, concept_named(f, "computing-power"),
                                          concept_named(f, "tfp"), NULL, 10, &ps),
                     CKG_OK);
    assert_true(ps->found && ps->length >= 2);
    assert_int_equal(export_path_json(f->o, ps, NULL, 0, 1, &f->lines, &f->doc), CKG_OK);
    expect_shape(f->doc, "from:o to:o directed:b avoid:a k:N found:b length:i total:i paths:a",
                 "path");
    expect_shape(json_object_get(f->doc, "from"), CONCEPT_REF, "path from");
    expect_shape(json_object_get(f->doc, "to"), CONCEPT_REF, "path to");
    const json_t *paths = json_object_get(f->doc, "paths");
    expect_each(paths, "length:i concepts:a steps:a", "paths", 0);
    const json_t *steps = json_object_get(json_array_get(paths, 0), "steps");
    expect_each(steps, "from:s to:s relations:a", "path steps", 0);
    assert_int_equal(json_array_size(steps), ps->length);
    expect_each(json_object_get(json_array_get(steps, 0), "relations"), NEIGHBOR_EVIDENCE,
                "path relations", 0);
    query_paths_free(ps);
    query_index_free(qi);
}

static void test_show_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/query", "tests/fixtures/query/corpus");
    int32_t c = concept_named(f, "data-factor");
    query_index *qi = NULL;
    query_concept_info *info = NULL;
    query_neighbors *nb = NULL;
    query_scoped_ranks *ranks = NULL;
    size_t n_ranks;
    assert_int_equal(query_index_build(f->o, &qi), CKG_OK);
    assert_int_equal(query_concept(f->o, c, &info), CKG_OK);
    assert_int_equal(query_neighbors_walk(qi, c, 1, NULL, &nb), CKG_OK);
    assert_int_equal(query_ranks_by_scope(f->o, info, &f->diags, &ranks, &n_ranks), CKG_OK);
    assert_string_equal(ranks[0].scope, "all");
    assert_int_equal(export_show_json(f->o, info, ranks, n_ranks, nb, &f->lines, &f->doc),
                     CKG_OK);
    const json_t *j = f->doc;
    expect_shape(j,
                 "id:s zh:s en:s alt:a theme:s broader:a narrower:a definition:o "
                 "centrality:a papers:a relations:a",
                 "show");
    expect_values(json_object_get(j, "alt"), 's', "show alt");
    expect_each(json_object_get(j, "broader"), CONCEPT_REF, "show broader", 1);
    expect_each(json_object_get(j, "narrower"), CONCEPT_REF, "show narrower", 1);
    expect_shape(json_object_get(j, "definition"), "zh:S en:S", "show definition");
    expect_each(json_object_get(j, "centrality"),
                "scope:s concepts:i degree:o in_degree:o out_degree:o pagerank:o",
                "show centrality", 0);
    assert_int_equal(json_array_size(json_object_get(j, "centrality")), n_ranks);
    const json_t *c0 = json_array_get(json_object_get(j, "centrality"), 0);
    expect_shape(json_object_get(c0, "pagerank"), "value:r rank:r", "show pagerank");
    expect_each(json_object_get(j, "papers"),
                "id:s title:s year:i mentioned:b relations:i quotes:a", "show papers", 0);
    expect_each(json_object_get(json_array_get(json_object_get(j, "papers"), 0), "quotes"),
                "quote:s section:S line:I", "show quotes", 1);
    expect_each(json_object_get(j, "relations"), NEIGHBOR, "show relations", 0);
    free(ranks);
    query_neighbors_free(nb);
    query_concept_free(info);
    query_index_free(qi);
}

static void test_search_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/query", "tests/fixtures/query/corpus");
    query_search_result *r = NULL;
    assert_int_equal(query_search(f->o, "数据", &r), CKG_OK);
    assert_int_equal(export_search_json(f->o, "数据", r, &f->lines, &f->doc), CKG_OK);
    expect_shape(f->doc, "query:s concepts:a quotes:a", "search");
    expect_each(json_object_get(f->doc, "concepts"),
                "id:s zh:s en:s theme:s match:s field:s text:s quotes:i", "search concepts", 0);
    const json_t *quotes = json_object_get(f->doc, "quotes");
    expect_each(quotes, "paper:s quote:s section:S line:I uses:a", "search quotes", 0);
    size_t i, k;
    json_t *q, *u;
    json_array_foreach(quotes, i, q)
    {
        json_array_foreach(json_object_get(q, "uses"), k, u)
        {
            const char *type = json_string_value(json_object_get(u, "type"));
            assert_non_null(type);
            if (strcmp(type, "mention") == 0)
                expect_shape(u, "type:s concept:s", "search use");
            else
                expect_shape(u, "type:s from:s kind:s to:s", "search use");
        }
    }
    FILE *s = csv_stream(f);
    assert_int_equal(export_search_csv(f->o, r, &f->lines, s), CKG_OK);
    fclose(s);
    static const char *const header[] = {"type,rank,id,zh,en,theme,match,field,paper,line,text"};
    expect_tables(f->csv, header, 1);
    query_search_free(r);
}

/* ------------------------------------------------------------------ the teaching kit */

static const char *const QUOTE = "paper:s quote:s line:I";

static void test_propositions_json_and_csv_have_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/teach", "tests/fixtures/teach/corpus");
    prop_scope all = PROP_SCOPE_ALL;
    prop_list *l = NULL;
    assert_int_equal(prop_collect(f->o, &all, PROP_ORDER_TEXT, &f->lines, &l), CKG_OK);
    assert_int_equal(prop_json(l, &f->doc), CKG_OK);
    expect_shape(f->doc, "scope:s order:s propositions:a", "propositions");
    const json_t *props = json_object_get(f->doc, "propositions");
    expect_each(props, "from:s kind:s to:s text:o papers:a section:S evidence:a", "proposition", 0);
    size_t i;
    json_t *p;
    json_array_foreach(props, i, p)
    {
        expect_shape(json_object_get(p, "text"), "zh:s en:s", "proposition text");
        expect_each(json_object_get(p, "evidence"), QUOTE, "proposition evidence", 0);
    }
    FILE *st = csv_stream(f);
    assert_int_equal(prop_write_csv(l, PROP_LANG_BOTH, st), CKG_OK);
    fclose(st);
    static const char *const header[] = {"n,papers,section,from,kind,to,zh,en,evidence"};
    expect_tables(f->csv, header, 1);
    prop_list_free(l);
}

static void test_quiz_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/teach", "tests/fixtures/teach/corpus");
    prop_scope all = PROP_SCOPE_ALL;
    prop_list *l = NULL;
    quiz *q = NULL;
    quiz_options opt = {.count = 10, .seed = 3, .mode = QUIZ_MIX, .choices = 4};
    assert_int_equal(prop_collect(f->o, &all, PROP_ORDER_TEXT, &f->lines, &l), CKG_OK);
    assert_int_equal(quiz_make(f->o, l, &opt, &q), CKG_OK);
    assert_int_equal(quiz_json(q, &f->doc), CKG_OK);
    expect_shape(f->doc, "scope:s seed:i blanks:s items:a", "quiz");
    const json_t *items = json_object_get(f->doc, "items");
    expect_each(items, "relation:o blank:s stem:s answer:s choices:a evidence:a", "quiz item", 0);
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        expect_shape(json_object_get(it, "relation"), "from:s kind:s to:s", "quiz relation");
        expect_values(json_object_get(it, "choices"), 's', "quiz choices");
        expect_each(json_object_get(it, "evidence"), QUOTE, "quiz evidence", 0);
    }
    quiz_free(q);
    prop_list_free(l);
}

static void test_score_json_has_the_documented_shape(void **state)
{
    fixture *f = load(state, "tests/fixtures/teach", "tests/fixtures/teach/corpus");
    static const char map_csv[] = "科技创新,催生,新质生产力\n高质量发展,推动,新质生产力\n"
                                  "数剧要素,支撑,新质生产力\n体制障碍,相互关联,新质生产力\n";
    prop_scope all = PROP_SCOPE_ALL;
    prop_list *l = NULL;
    phrase_table *t = NULL;
    cmap *m = NULL;
    score_result *r = NULL;
    assert_int_equal(prop_collect(f->o, &all, PROP_ORDER_TEXT, &f->lines, &l), CKG_OK);
    assert_int_equal(phrase_table_build(f->o, &t), CKG_OK);
    assert_int_equal(cmap_read_csv("map.csv", map_csv, strlen(map_csv), &f->diags, &m), CKG_OK);
    assert_int_equal(score_map(f->o, m, l, t, &f->diags, &r), CKG_OK);
    assert_int_equal(score_json(f->o, r, 5, &f->doc), CKG_OK);
    expect_shape(f->doc, "map:s scope:s propositions:a summary:o isolated:a", "score");
    const json_t *props = json_object_get(f->doc, "propositions");
    expect_each(props,
                "from_label:s phrase:s to_label:s from:S to:S verdict:s line:I kind:S "
                "phrase_recognised:b inverse:b evidence:a suggestions:o elsewhere:a",
                "score proposition", 0);
    size_t i;
    json_t *p;
    json_array_foreach(props, i, p)
    {
        expect_each(json_object_get(p, "evidence"), "paper:s quote:s line:I from:s kind:s to:s",
                    "score evidence", 1);
        expect_shape(json_object_get(p, "suggestions"), "from:a to:a", "score suggestions");
    }
    const json_t *sum = json_object_get(f->doc, "summary");
    expect_shape(sum,
                 "stated:i reversed:i other_kind:i unstated:i unknown:i precision:N recall:N "
                 "propositions:i resolved:i curated:i matched:i key_missed:a structure:o",
                 "score summary");
    expect_each(json_object_get(sum, "key_missed"), "from:s kind:s to:s text:o evidence:a",
                "score key missed", 0);
    expect_shape(json_object_get(sum, "structure"), "valid:i levels:i cross_links:i score:i root:S",
                 "score structure");
    score_free(r);
    cmap_free(m);
    phrase_table_free(t);
    prop_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_metrics_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_metrics_select_orders_filters_and_cuts, teardown),
        cmocka_unit_test_teardown(test_diff_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_compare_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_coverage_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_neighbors_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_quotes_without_a_corpus_have_null_lines, teardown),
        cmocka_unit_test_teardown(test_path_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_show_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_search_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_propositions_json_and_csv_have_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_quiz_json_has_the_documented_shape, teardown),
        cmocka_unit_test_teardown(test_score_json_has_the_documented_shape, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
