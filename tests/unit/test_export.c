/* test_export.c — the export formats: JSON relations per kind, escaping of everything from
 * YAML in GraphML, GEXF, DOT (read back with Graphviz's own parser) and CSV, the measures,
 * evidence counts, colors and layout the graph formats carry (export_attrs), write errors.
 *
 * Fixtures: tests/fixtures/metrics/bridge (c->a stated as 'causes' by one paper and as
 * 'supports' by another; c->d 'supports' by both) and tests/fixtures/metrics/escape (names
 * holding < & > " ' , ; \ a line break and a control character). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <graphviz/cgraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/export.h"
#include "ckg/status.h"

typedef struct fixture {
    ckg_ontology *o;
    diag_list diags;
    ckg_graph *g;
    metrics_result *m;
    export_attrs attrs;
    const export_attrs *with; /* what write_text passes: NULL or &attrs */
    char *text;
    size_t len;
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
    free(f->text);
    export_attrs_free(&f->attrs);
    metrics_free(f->m);
    graph_free(f->g);
    ontology_free(f->o);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

static void build_section(fixture *f, const char *name, const char *paper, const char *section)
{
    char dir[256];
    snprintf(dir, sizeof dir, "tests/fixtures/metrics/%s", name);
    assert_int_equal(ontology_load(dir, &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    graph_scope scope = {.paper = paper, .section = section};
    assert_int_equal(graph_build(f->o, &scope, &f->diags, &f->g), CKG_OK);
}

static void build(fixture *f, const char *name, const char *paper)
{
    build_section(f, name, paper, NULL);
}

/* One Graphviz context for every layout of the run, as in test_render.c: Graphviz 2.42's
 * pango plugin reads freed memory in a second context of a process. */
static render_context *layout_ctx;

static int group_setup(void **state)
{
    (void)state;
    diag_list diags;
    diag_list_init(&diags);
    int rc = render_context_new(&diags, &layout_ctx);
    diag_list_free(&diags);
    return rc == CKG_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    render_context_free(layout_ctx);
    return 0;
}

/* The measures, evidence, sizes and (with positions) layout of f->g, used by write_text. */
static void with_attrs(fixture *f, int positions)
{
    metrics_options opt;
    metrics_options_default(&opt);
    assert_int_equal(metrics_compute(f->g, &opt, &f->diags, &f->m), CKG_OK);
    assert_int_equal(export_attrs_build(f->g, f->m, positions ? layout_ctx : NULL, &f->diags,
                                        &f->attrs),
                     CKG_OK);
    f->with = &f->attrs;
}

static int32_t vertex(const fixture *f, const char *id)
{
    int32_t c = strmap_get(&f->o->concept_by_id, id);
    assert_true(c >= 0);
    assert_true(f->g->vertex_of[c] >= 0);
    return f->g->vertex_of[c];
}

/* Writes the graph in fmt into f->text. */
static void write_text(fixture *f, export_format fmt)
{
    free(f->text);
    f->text = NULL;
    FILE *m = open_memstream(&f->text, &f->len);
    assert_non_null(m);
    assert_int_equal(export_write(f->g, fmt, f->with, m), CKG_OK);
    fclose(m);
}

static json_t *relation(json_t *root, const char *from, const char *to, const char *kind)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(root, "relations"), i, r)
    {
        if (!strcmp(json_string_value(json_object_get(r, "from")), from) &&
            !strcmp(json_string_value(json_object_get(r, "to")), to) &&
            !strcmp(json_string_value(json_object_get(r, "kind")), kind))
            return r;
    }
    return NULL;
}

static void test_json_lists_one_relation_per_kind_with_its_papers(void **state)
{
    fixture *f = *state;
    build(f, "bridge", NULL);
    json_t *root;
    assert_int_equal(export_json(f->g, &root), CKG_OK);
    assert_int_equal(json_array_size(json_object_get(root, "concepts")), 6);
    assert_int_equal(json_array_size(json_object_get(root, "papers")), 3);
    /* 7 pairs; c->a under two kinds, so 8 entries */
    assert_int_equal(json_array_size(json_object_get(root, "relations")), 8);
    json_t *causes = relation(root, "tri-c", "tri-a", "causes");
    json_t *supports = relation(root, "tri-c", "tri-a", "supports");
    assert_non_null(causes);
    assert_non_null(supports);
    assert_int_equal(json_array_size(json_object_get(causes, "papers")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(causes, "papers"), 0)),
                        "bridge");
    assert_string_equal(json_string_value(json_array_get(json_object_get(supports, "papers"), 0)),
                        "bridge2");
    json_t *cd = relation(root, "tri-c", "tri-d", "supports");
    assert_int_equal(json_array_size(json_object_get(cd, "papers")), 2);
    assert_string_equal(json_string_value(json_object_get(root, "scope")), "all");
    json_decref(root);
}

static void test_json_paper_scope_keeps_its_papers_concepts_and_relations(void **state)
{
    fixture *f = *state;
    build(f, "bridge", "bridge2");
    json_t *root;
    assert_int_equal(export_json(f->g, &root), CKG_OK);
    assert_int_equal(json_array_size(json_object_get(root, "papers")), 1);
    assert_int_equal(json_array_size(json_object_get(root, "concepts")), 4);
    assert_int_equal(json_array_size(json_object_get(root, "relations")), 3);
    assert_null(relation(root, "tri-c", "tri-a", "causes")); /* the other paper's kind */
    json_t *c = json_array_get(json_object_get(root, "concepts"), 0);
    assert_string_equal(json_string_value(json_object_get(c, "id")), "tri-a");
    assert_int_equal(json_array_size(json_object_get(c, "papers")), 1);
    json_decref(root);
}

static void test_json_papers_carry_their_sections(void **state)
{
    fixture *f = *state;
    build(f, "bridge", "quiet");
    json_t *root;
    assert_int_equal(export_json(f->g, &root), CKG_OK);
    json_t *sections = json_object_get(json_array_get(json_object_get(root, "papers"), 0), "sections");
    assert_int_equal(json_array_size(sections), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(sections, 1), "id")),
                        "silent");
    json_decref(root);
}

static void test_graphml_escapes_markup_and_drops_control_characters(void **state)
{
    fixture *f = *state;
    build(f, "escape", NULL);
    write_text(f, EXPORT_GRAPHML);
    assert_non_null(strstr(f->text, "<data key=\"v_zh\">路甲&lt;&amp;&gt;&quot;&apos;</data>"));
    /* \x01 is not an XML character: U+FFFD instead; the line break stays */
    assert_non_null(strstr(f->text, "step\nline two\xEF\xBF\xBD &amp; \\ end</data>"));
    assert_null(strchr(f->text, '\x01'));
    /* alt names joined by ';' with ';' and '\' escaped, "]]>" harmless as text */
    assert_non_null(strstr(f->text, "<data key=\"v_alt\">a\\;b;x,y;back\\\\slash;]]&gt;</data>"));
    assert_non_null(strstr(f->text, "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" "
                                    "attr.type=\"double\"/>"));
    assert_non_null(strstr(f->text, "<edge id=\"e0\" source=\"path-a\" target=\"path-b\">"));
}

static void test_dot_reads_back_with_graphviz(void **state)
{
    fixture *f = *state;
    build(f, "escape", NULL);
    write_text(f, EXPORT_DOT);
    Agraph_t *g = agmemread(f->text);
    assert_non_null(g);
    assert_true(agisdirected(g));
    assert_int_equal(agnnodes(g), 4);
    assert_int_equal(agnedges(g), 3);
    Agnode_t *a = agnode(g, "path-a", 0);
    assert_non_null(a);
    assert_string_equal(agget(a, "label"), "路甲<&>\"'");
    assert_string_equal(agget(a, "theme"), "core");
    /* DOT keeps the escape of a line break; the control character became a space */
    assert_string_equal(agget(a, "en"), "first, \"quoted\" step\\nline two  & \\\\ end");
    Agedge_t *e = agedge(g, a, agnode(g, "path-b", 0), NULL, 0);
    assert_non_null(e);
    assert_string_equal(agget(e, "weight"), "1");
    assert_string_equal(agget(e, "kinds"), "causes");
    agclose(g);
}

static void test_csv_quotes_fields_per_rfc4180(void **state)
{
    fixture *f = *state;
    build(f, "escape", NULL);
    write_text(f, EXPORT_CSV_NODES);
    static const char header[] =
        "id,label,zh,en,theme,alt,papers,color,definition_zh,definition_en,n_papers\n";
    assert_true(strncmp(f->text, header, sizeof header - 1) == 0);
    assert_non_null(strstr(f->text, "path-a,\"路甲<&>\"\"'\",\"路甲<&>\"\"'\",\"first, \"\"quoted\"\" step\n"
                                    "line two\x01 & \\ end\",core,\"a\\;b;x,y;back\\\\slash;]]>\",path,"
                                    "#E69F00,"));
    assert_non_null(strstr(f->text, "path-b,路乙,路乙,second step,core,,path,#E69F00,"));
    write_text(f, EXPORT_CSV_EDGES);
    assert_string_equal(f->text, "source,target,type,weight,kinds,label,papers\n"
                                 "path-a,path-b,Directed,1,causes,催生,path\n"
                                 "path-b,path-c,Directed,1,causes,催生,path\n"
                                 "path-c,path-d,Directed,1,causes,催生,path\n");
}

static void test_csv_both_tables_are_separated_by_an_empty_line(void **state)
{
    fixture *f = *state;
    build(f, "bridge", NULL);
    write_text(f, EXPORT_CSV);
    const char *gap = strstr(f->text, "\n\nsource,target,");
    assert_non_null(gap);
    assert_non_null(strstr(f->text, "tri-c,tri-a,Directed,2,causes;supports,催生、支撑,bridge;bridge2\n"));
}

static void test_write_error_is_reported(void **state)
{
    fixture *f = *state;
    build(f, "bridge", NULL);
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    assert_int_equal(export_write(f->g, EXPORT_GRAPHML, NULL, full), CKG_EIO);
    fclose(full);
}

static void test_format_names(void **state)
{
    (void)state;
    export_format fmt;
    assert_int_equal(export_format_from_name("graphml", &fmt), CKG_OK);
    assert_int_equal(fmt, EXPORT_GRAPHML);
    assert_int_equal(export_format_from_name("csv", &fmt), CKG_OK);
    assert_int_equal(fmt, EXPORT_CSV);
    assert_int_equal(export_format_from_name("gexf", &fmt), CKG_OK);
    assert_int_equal(fmt, EXPORT_GEXF);
    assert_int_equal(export_format_from_name("xml", &fmt), CKG_ENOTFOUND);
}

/* ------------------------------------------------------------------ measures, evidence, GEXF */

static void test_evidence_counts_quotes_of_mentions_and_of_every_kind_of_a_pair(void **state)
{
    fixture *f = *state;
    build(f, "bridge", NULL);
    with_attrs(f, 0);
    /* tri-a: one quote in each of the three papers; c->a: one per paper, two kinds */
    assert_int_equal(f->attrs.vertex_evidence[vertex(f, "tri-a")], 3);
    assert_int_equal(f->attrs.vertex_evidence[vertex(f, "tri-f")], 1);
    int64_t ca = graph_find_edge(f->g, vertex(f, "tri-c"), vertex(f, "tri-a"));
    assert_true(ca >= 0);
    assert_int_equal(f->attrs.edge_evidence[ca], 2);
    /* sizes follow PageRank: the largest is 50, none below 10 */
    double top = 0;
    for (size_t v = 0; v < f->g->n_vertices; v++) {
        assert_true(f->attrs.size[v] >= 10 && f->attrs.size[v] <= 50);
        top = f->attrs.size[v] > top ? f->attrs.size[v] : top;
    }
    assert_true(fabs(top - 50) < 1e-9);
    assert_null(f->attrs.x);
}

static void test_evidence_in_a_section_counts_its_quotes_only(void **state)
{
    fixture *f = *state;
    build_section(f, "bridge", "quiet", "loud");
    with_attrs(f, 0);
    assert_int_equal(f->g->n_vertices, 2);
    assert_int_equal(f->attrs.vertex_evidence[vertex(f, "tri-a")], 1);
}

static void test_graphml_carries_measures_evidence_color_and_definitions(void **state)
{
    fixture *f = *state;
    build(f, "bridge", NULL);
    with_attrs(f, 0);
    write_text(f, EXPORT_GRAPHML);
    assert_non_null(strstr(f->text, "<key id=\"v_pagerank\" for=\"node\" attr.name=\"pagerank\" "
                                    "attr.type=\"double\"/>"));
    assert_non_null(strstr(f->text, "<key id=\"v_community\" for=\"node\" attr.name=\"community\" "
                                    "attr.type=\"int\"/>"));
    assert_non_null(strstr(f->text, "<key id=\"e_evidence\" for=\"edge\""));
    char want[128];
    int32_t c = vertex(f, "tri-c");
    snprintf(want, sizeof want, "<data key=\"v_pagerank\">%.17g</data>",
             metrics_value(f->m, (size_t)c, METRICS_PAGERANK));
    assert_non_null(strstr(f->text, want));
    assert_non_null(strstr(f->text, "<data key=\"v_color\">#E69F00</data>"));
    assert_non_null(strstr(f->text, "<data key=\"v_definition_zh\">"));
    assert_non_null(strstr(f->text, "<data key=\"v_evidence\">3</data>"));
    /* without attrs: no measures, no evidence */
    f->with = NULL;
    write_text(f, EXPORT_GRAPHML);
    assert_null(strstr(f->text, "v_pagerank"));
    assert_null(strstr(f->text, "evidence"));
}

static void test_csv_nodes_with_attrs_lists_every_measure(void **state)
{
    fixture *f = *state;
    build(f, "bridge", NULL);
    with_attrs(f, 0);
    write_text(f, EXPORT_CSV_NODES);
    static const char nodes[] =
        "id,label,zh,en,theme,alt,papers,color,definition_zh,definition_en,n_papers,evidence,"
        "degree,in_degree,out_degree,betweenness,harmonic,pagerank,hub,authority,coreness,"
        "community\n";
    static const char edges[] = "source,target,type,weight,kinds,label,papers,evidence\n";
    assert_true(strncmp(f->text, nodes, sizeof nodes - 1) == 0);
    write_text(f, EXPORT_CSV_EDGES);
    assert_true(strncmp(f->text, edges, sizeof edges - 1) == 0);
    assert_non_null(strstr(f->text, "tri-c,tri-a,Directed,2,causes;supports,催生、支撑,bridge;bridge2,2\n"));
}

static void test_gexf_is_gexf13_with_viz_and_the_same_bytes_twice(void **state)
{
    fixture *f = *state;
    build(f, "bridge", NULL);
    with_attrs(f, 1);
    write_text(f, EXPORT_GEXF);
    char *first = strdup(f->text);
    assert_non_null(strstr(f->text, "<gexf xmlns=\"http://gexf.net/1.3\" "
                                    "xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">"));
    assert_non_null(strstr(f->text, "<graph defaultedgetype=\"directed\" mode=\"static\">"));
    assert_non_null(strstr(f->text, "<nodes count=\"6\">"));
    assert_non_null(strstr(f->text, "<edges count=\"7\">"));
    assert_non_null(strstr(f->text, "<attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>"));
    assert_non_null(strstr(f->text, "<attribute id=\"coreness\" title=\"coreness\" type=\"integer\"/>"));
    /* core is the first theme: Okabe-Ito orange #E69F00; factors sky blue #56B4E9 */
    assert_non_null(strstr(f->text, "<node id=\"tri-a\" label=\"角甲\">"));
    assert_non_null(strstr(f->text, "<viz:color r=\"230\" g=\"159\" b=\"0\"/>"));
    assert_non_null(strstr(f->text, "<viz:color r=\"86\" g=\"180\" b=\"233\"/>"));
    assert_non_null(strstr(f->text, "<viz:position x=\""));
    assert_non_null(strstr(f->text, "<viz:size value=\"50.00\"/>"));
    assert_non_null(strstr(f->text, "weight=\"2\" label=\"催生、支撑\">"));
    /* every node placed, none on top of another */
    for (size_t v = 0; v < f->g->n_vertices; v++)
        for (size_t w = v + 1; w < f->g->n_vertices; w++)
            assert_true(fabs(f->attrs.x[v] - f->attrs.x[w]) + fabs(f->attrs.y[v] - f->attrs.y[w]) > 1);
    /* a second layout of the same graph gives the same bytes */
    export_attrs_free(&f->attrs);
    assert_int_equal(export_attrs_build(f->g, f->m, layout_ctx, &f->diags, &f->attrs), CKG_OK);
    write_text(f, EXPORT_GEXF);
    assert_string_equal(f->text, first);
    free(first);
}

static void test_gexf_escapes_text_in_attribute_values(void **state)
{
    fixture *f = *state;
    build(f, "escape", NULL);
    write_text(f, EXPORT_GEXF); /* without attrs: no measures, sizes or positions */
    assert_non_null(strstr(f->text, "<node id=\"path-a\" label=\"路甲&lt;&amp;&gt;&quot;&apos;\">"));
    /* the line break survives as a reference, the control character is U+FFFD */
    assert_non_null(strstr(f->text, "<attvalue for=\"en\" value=\"first, &quot;quoted&quot; "
                                    "step&#10;line two\xEF\xBF\xBD &amp; \\ end\"/>"));
    assert_null(strchr(f->text, '\x01'));
    assert_null(strstr(f->text, "viz:position"));
    assert_null(strstr(f->text, "\"pagerank\""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_json_lists_one_relation_per_kind_with_its_papers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_paper_scope_keeps_its_papers_concepts_and_relations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_papers_carry_their_sections, setup, teardown),
        cmocka_unit_test_setup_teardown(test_graphml_escapes_markup_and_drops_control_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dot_reads_back_with_graphviz, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_quotes_fields_per_rfc4180, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_both_tables_are_separated_by_an_empty_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_error_is_reported, setup, teardown),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test_setup_teardown(test_evidence_counts_quotes_of_mentions_and_of_every_kind_of_a_pair, setup, teardown),
        cmocka_unit_test_setup_teardown(test_evidence_in_a_section_counts_its_quotes_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_graphml_carries_measures_evidence_color_and_definitions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_nodes_with_attrs_lists_every_measure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gexf_is_gexf13_with_viz_and_the_same_bytes_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gexf_escapes_text_in_attribute_values, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
