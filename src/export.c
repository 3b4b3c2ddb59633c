/* export.c — the analysis graph as JSON, GraphML, DOT and CSV (formats in export.h; GEXF
 * is export_gexf.c).
 *
 * The graph's own vertices and edges are written as they are; only the JSON's per-kind
 * relations need the statements again, which are walked with the graph's scope rule
 * (graph_statement_in_scope) and folded by (edge, kind). Each format has its own escaper:
 * XML text and attribute values (the five entities; characters XML 1.0 forbids become
 * U+FFFD), DOT quoted strings (backslash, quote, line breaks) and RFC 4180 fields (csv.h).
 * Every format writes the same texts of a vertex and of an edge and the same numbers
 * (export_fields.c), each under its own names (attr tables). Stream errors are collected by
 * ferror at the end of each writer. */
#include "ckg/status.h"
#include "export_internal.h"
#include "util/array.h"
#include "util/csv.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int export_format_from_name(const char *name, export_format *out)
{
    static const struct {
        const char *name;
        export_format f;
    } names[] = {{"json", EXPORT_JSON}, {"graphml", EXPORT_GRAPHML}, {"gexf", EXPORT_GEXF},
                 {"dot", EXPORT_DOT}, {"csv", EXPORT_CSV}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].f;
            return CKG_OK;
        }
    }
    return CKG_ENOTFOUND;
}

/* ------------------------------------------------------------------ shared helpers */

static const ckg_concept *vertex_concept(const ckg_graph *g, int32_t v)
{
    return export_vertex_concept(g, v);
}

/* The texts of a vertex or an edge as written: their names in one format. */
typedef struct attr {
    const char *name;
    int text;
} attr;

/* ------------------------------------------------------------------ JSON */

typedef struct statement {
    int64_t edge;
    int32_t kind, paper;
} statement;

static int compare_statements(const void *pa, const void *pb)
{
    const statement *a = pa, *b = pb;
    if (a->edge != b->edge)
        return a->edge < b->edge ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->paper < b->paper ? -1 : a->paper > b->paper;
}

/* Every (edge, kind, paper) stated in g's scope, sorted, without repeats. */
static int collect_statements(const ckg_graph *g, statement **out, size_t *n_out)
{
    const ckg_ontology *o = g->o;
    statement *st = NULL;
    size_t n = 0, cap = 0;
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *paper = &o->papers[p];
        for (size_t r = 0; r < paper->n_relations; r++) {
            const ckg_relation *rel = &paper->relations[r];
            if (rel->from_index < 0 || rel->to_index < 0 || rel->kind_index < 0 ||
                rel->from_index == rel->to_index ||
                !graph_statement_in_scope(g, (int32_t)p, &rel->evidence))
                continue;
            int32_t vf = g->vertex_of[rel->from_index], vt = g->vertex_of[rel->to_index];
            int64_t e = vf >= 0 && vt >= 0 ? graph_find_edge(g, vf, vt) : -1;
            if (e < 0)
                continue;
            if (ARRAY_GROW(st, cap, n + 1) != CKG_OK) {
                free(st);
                return CKG_ENOMEM;
            }
            st[n++] = (statement){e, rel->kind_index, (int32_t)p};
        }
    }
    if (n)
        qsort(st, n, sizeof *st, compare_statements);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!k || compare_statements(&st[k - 1], &st[i]) != 0)
            st[k++] = st[i];
    }
    *out = st;
    *n_out = k;
    return CKG_OK;
}

int export_json(const ckg_graph *g, json_t **out)
{
    int rc = CKG_ENOMEM;
    const ckg_ontology *o = g->o;
    statement *st = NULL;
    size_t n_st = 0;
    int32_t *papers = NULL;
    char scope[256];
    json_t *jpapers = json_array(), *jconcepts = json_array(), *jrelations = json_array();
    json_t *root = json_pack("{s:s, s:o, s:o, s:o}", "scope",
                             graph_scope_name(g, scope, sizeof scope), "papers", jpapers,
                             "concepts", jconcepts, "relations", jrelations);
    *out = NULL;
    if (!root)
        goto out;
    for (size_t p = 0; p < o->n_papers; p++) {
        if (g->paper >= 0 && (int32_t)p != g->paper)
            continue;
        const ckg_paper *paper = &o->papers[p];
        json_t *sections = json_array();
        json_t *jp = json_pack("{s:s, s:s?, s:s?, s:o, s:s?, s:o?, s:o}", "id", paper->id.s,
                               "source", paper->source.s, "title", paper->title.s, "authors",
                               export_json_strings(&paper->authors), "venue", paper->venue.s,
                               "year", paper->year ? json_integer(paper->year) : NULL,
                               "sections", sections);
        if (!jp || json_array_append_new(jpapers, jp))
            goto out;
        for (size_t k = 0; k < paper->n_sections; k++) {
            const ckg_section *sec = &paper->sections[k];
            json_t *js = json_pack("{s:s, s:s?, s:o}", "id", sec->id.s, "title", sec->title.s,
                                   "authors", export_json_strings(&sec->authors));
            if (!js || json_array_append_new(sections, js))
                goto out;
        }
    }
    for (size_t v = 0; v < g->n_vertices; v++) {
        const ckg_concept *c = vertex_concept(g, (int32_t)v);
        const graph_vertex *gv = &g->vertices[v];
        json_t *jc = json_pack("{s:s, s:s?, s:s?, s:o, s:s?, s:o, s:o}", "id", c->id.s, "zh",
                               c->zh.s, "en", c->en.s, "alt", export_json_strings(&c->alt),
                               "theme", c->theme.s, "broader", export_json_strings(&c->broader),
                               "papers", export_json_paper_ids(o, gv->papers, gv->n_papers));
        if (!jc || json_array_append_new(jconcepts, jc))
            goto out;
    }
    if ((rc = collect_statements(g, &st, &n_st)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    if (!(papers = malloc((o->n_papers ? o->n_papers : 1) * sizeof *papers)))
        goto out;
    for (size_t i = 0; i < n_st;) {
        size_t j = i, np = 0;
        while (j < n_st && st[j].edge == st[i].edge && st[j].kind == st[i].kind)
            papers[np++] = st[j++].paper;
        const graph_edge *e = &g->edges[st[i].edge];
        json_t *jr = json_pack("{s:s, s:s, s:s, s:o}", "from", vertex_concept(g, e->from)->id.s,
                               "to", vertex_concept(g, e->to)->id.s, "kind",
                               o->kinds[st[i].kind].id.s, "papers",
                               export_json_paper_ids(o, papers, np));
        if (!jr || json_array_append_new(jrelations, jr))
            goto out;
        i = j;
    }
    *out = root;
    root = NULL;
    rc = CKG_OK;
out:
    json_decref(root);
    free(st);
    free(papers);
    return rc;
}

static int write_json(const ckg_graph *g, FILE *f)
{
    json_t *root;
    int rc = export_json(g, &root);
    if (rc != CKG_OK)
        return rc;
    if (json_dumpf(root, f, JSON_INDENT(2)) != 0)
        rc = CKG_EIO;
    fputc('\n', f);
    json_decref(root);
    return rc;
}

/* ------------------------------------------------------------------ GraphML */

static void xml_escaped(FILE *f, const char *s)
{
    export_xml_escaped(f, s, 0);
}

static void xml_data(FILE *f, const char *indent, const char *key, const char *value)
{
    fprintf(f, "%s<data key=\"%s\">", indent, key);
    xml_escaped(f, value);
    fputs("</data>\n", f);
}

/* The GraphML keys of the texts (v_ + name), then of the numbers. */
static void graphml_keys(FILE *f, const export_attrs *a)
{
    static const struct {
        const char *id, *domain, *name, *type;
    } keys[] = {
        {"g_scope", "graph", "scope", "string"},   {"v_label", "node", "label", "string"},
        {"v_zh", "node", "zh", "string"},          {"v_en", "node", "en", "string"},
        {"v_alt", "node", "alt", "string"},        {"v_theme", "node", "theme", "string"},
        {"v_papers", "node", "papers", "string"},  {"v_color", "node", "color", "string"},
        {"v_definition_zh", "node", "definition_zh", "string"},
        {"v_definition_en", "node", "definition_en", "string"},
        {"e_weight", "edge", "weight", "double"},  {"e_kinds", "edge", "kinds", "string"},
        {"e_label", "edge", "label", "string"},    {"e_papers", "edge", "papers", "string"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        fprintf(f, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
    for (size_t i = 0; i < export_vertex_numbers(a); i++)
        fprintf(f, "  <key id=\"v_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                export_vertex_number_name(i), export_vertex_number_name(i),
                export_vertex_number_is_integer(i) ? "int" : "double");
    if (a && a->m)
        fputs("  <key id=\"e_evidence\" for=\"edge\" attr.name=\"evidence\" "
              "attr.type=\"int\"/>\n", f);
}

static int write_graphml(const ckg_graph *g, const export_attrs *a, FILE *f)
{
    static const attr node_data[] = {
        {"v_label", EXPORT_V_ZH},         {"v_zh", EXPORT_V_ZH},
        {"v_en", EXPORT_V_EN},            {"v_alt", EXPORT_V_ALT},
        {"v_theme", EXPORT_V_THEME},      {"v_papers", EXPORT_V_PAPERS},
        {"v_color", EXPORT_V_COLOR},      {"v_definition_zh", EXPORT_V_DEFINITION_ZH},
        {"v_definition_en", EXPORT_V_DEFINITION_EN}};
    static const attr edge_data[] = {
        {"e_kinds", EXPORT_E_KINDS}, {"e_label", EXPORT_E_LABEL}, {"e_papers", EXPORT_E_PAPERS}};
    export_texts t = {0};
    char scope[256];
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          f);
    graphml_keys(f, a);
    fputs("  <graph id=\"ckg\" edgedefault=\"directed\">\n", f);
    xml_data(f, "    ", "g_scope", graph_scope_name(g, scope, sizeof scope));
    for (size_t v = 0; v < g->n_vertices; v++) {
        fputs("    <node id=\"", f);
        xml_escaped(f, vertex_concept(g, (int32_t)v)->id.s);
        fputs("\">\n", f);
        export_vertex_texts(&t, g, v);
        for (size_t i = 0; i < sizeof node_data / sizeof *node_data; i++)
            xml_data(f, "      ", node_data[i].name, t.v[node_data[i].text]);
        for (size_t i = 0; i < export_vertex_numbers(a); i++) {
            double x = export_vertex_number(g, a, v, i);
            if (isnan(x))
                continue;
            fprintf(f, "      <data key=\"v_%s\">", export_vertex_number_name(i));
            export_number(f, x, export_vertex_number_is_integer(i));
            fputs("</data>\n", f);
        }
        fputs("    </node>\n", f);
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        fprintf(f, "    <edge id=\"e%zu\" source=\"", j);
        xml_escaped(f, vertex_concept(g, e->from)->id.s);
        fputs("\" target=\"", f);
        xml_escaped(f, vertex_concept(g, e->to)->id.s);
        fputs("\">\n", f);
        fprintf(f, "      <data key=\"e_weight\">%zu</data>\n", e->n_papers);
        export_edge_texts(&t, g, e);
        for (size_t i = 0; i < sizeof edge_data / sizeof *edge_data; i++)
            xml_data(f, "      ", edge_data[i].name, t.v[edge_data[i].text]);
        if (a && a->m)
            fprintf(f, "      <data key=\"e_evidence\">%zu</data>\n", a->edge_evidence[j]);
        fputs("    </edge>\n", f);
    }
    fputs("  </graph>\n</graphml>\n", f);
    return export_texts_done(&t);
}

/* ------------------------------------------------------------------ DOT */

/* s inside a DOT double-quoted string. */
static void dot_escaped(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            fputc('\\', f);
            fputc(*p, f);
        } else if (*p == '\n') {
            fputs("\\n", f);
        } else if (*p < 0x20 || *p == 0x7F) {
            fputc(' ', f);
        } else {
            fputc(*p, f);
        }
    }
}

static void dot_attr(FILE *f, const char *sep, const char *name, const char *value)
{
    fprintf(f, "%s%s=\"", sep, name);
    dot_escaped(f, value);
    fputc('"', f);
}

/* The attributes of one statement after its first, each as ", name=value". */
static void dot_attrs(FILE *f, const attr *attrs, size_t n, const export_texts *t)
{
    for (size_t i = 0; i < n; i++)
        dot_attr(f, ", ", attrs[i].name, t->v[attrs[i].text]);
}

static int write_dot(const ckg_graph *g, FILE *f)
{
    static const attr node_attrs[] = {{"en", EXPORT_V_EN},
                                      {"alt", EXPORT_V_ALT},
                                      {"theme", EXPORT_V_THEME},
                                      {"papers", EXPORT_V_PAPERS}};
    static const attr edge_attrs[] = {
        {"kinds", EXPORT_E_KINDS}, {"label", EXPORT_E_LABEL}, {"papers", EXPORT_E_PAPERS}};
    export_texts t = {0};
    char scope[256];
    fputs("digraph ckg {\n", f);
    dot_attr(f, "  graph [", "scope", graph_scope_name(g, scope, sizeof scope));
    fputs("];\n", f);
    for (size_t v = 0; v < g->n_vertices; v++) {
        fputs("  \"", f);
        dot_escaped(f, vertex_concept(g, (int32_t)v)->id.s);
        fputc('"', f);
        export_vertex_texts(&t, g, v);
        dot_attr(f, " [", "label", t.v[EXPORT_V_ZH]);
        dot_attrs(f, node_attrs, sizeof node_attrs / sizeof *node_attrs, &t);
        fputs("];\n", f);
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        fputs("  \"", f);
        dot_escaped(f, vertex_concept(g, e->from)->id.s);
        fputs("\" -> \"", f);
        dot_escaped(f, vertex_concept(g, e->to)->id.s);
        fprintf(f, "\" [weight=%zu", e->n_papers);
        export_edge_texts(&t, g, e);
        dot_attrs(f, edge_attrs, sizeof edge_attrs / sizeof *edge_attrs, &t);
        fputs("];\n", f);
    }
    fputs("}\n", f);
    return export_texts_done(&t);
}

/* ------------------------------------------------------------------ CSV */

/* The texts given, each after a comma. */
static void csv_texts(FILE *f, const int *which, size_t n, const export_texts *t)
{
    for (size_t i = 0; i < n; i++) {
        fputc(',', f);
        csv_field(f, t->v[which[i]]);
    }
}

static int write_csv_nodes(const ckg_graph *g, const export_attrs *a, FILE *f)
{
    static const int columns[] = {EXPORT_V_ZH,     EXPORT_V_ZH,    EXPORT_V_EN,
                                  EXPORT_V_THEME,  EXPORT_V_ALT,   EXPORT_V_PAPERS,
                                  EXPORT_V_COLOR,  EXPORT_V_DEFINITION_ZH,
                                  EXPORT_V_DEFINITION_EN};
    export_texts t = {0};
    fputs("id,label,zh,en,theme,alt,papers,color,definition_zh,definition_en", f);
    for (size_t i = 0; i < export_vertex_numbers(a); i++)
        fprintf(f, ",%s", export_vertex_number_name(i));
    fputc('\n', f);
    for (size_t v = 0; v < g->n_vertices; v++) {
        csv_field(f, vertex_concept(g, (int32_t)v)->id.s);
        export_vertex_texts(&t, g, v);
        csv_texts(f, columns, sizeof columns / sizeof *columns, &t);
        for (size_t i = 0; i < export_vertex_numbers(a); i++) {
            fputc(',', f);
            csv_number(f, export_vertex_number(g, a, v, i), export_vertex_number_is_integer(i));
        }
        fputc('\n', f);
    }
    return export_texts_done(&t);
}

static int write_csv_edges(const ckg_graph *g, const export_attrs *a, FILE *f)
{
    static const int columns[] = {EXPORT_E_KINDS, EXPORT_E_LABEL, EXPORT_E_PAPERS};
    export_texts t = {0};
    fputs(a && a->m ? "source,target,type,weight,kinds,label,papers,evidence\n"
                    : "source,target,type,weight,kinds,label,papers\n",
          f);
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        csv_fields(f, 2, vertex_concept(g, e->from)->id.s, vertex_concept(g, e->to)->id.s);
        fprintf(f, ",Directed,%zu", e->n_papers);
        export_edge_texts(&t, g, e);
        csv_texts(f, columns, sizeof columns / sizeof *columns, &t);
        if (a && a->m)
            fprintf(f, ",%zu", a->edge_evidence[j]);
        fputc('\n', f);
    }
    return export_texts_done(&t);
}

/* ------------------------------------------------------------------ dispatch */

int export_write(const ckg_graph *g, export_format fmt, const export_attrs *attrs, FILE *f)
{
    int rc = CKG_OK;
    switch (fmt) {
    case EXPORT_JSON: rc = write_json(g, f); break;
    case EXPORT_GRAPHML: rc = write_graphml(g, attrs, f); break;
    case EXPORT_GEXF: rc = export_write_gexf(g, attrs, f); break;
    case EXPORT_DOT: rc = write_dot(g, f); break;
    case EXPORT_CSV:
        rc = write_csv_nodes(g, attrs, f);
        fputc('\n', f);
        if (rc == CKG_OK)
            rc = write_csv_edges(g, attrs, f);
        break;
    case EXPORT_CSV_NODES: rc = write_csv_nodes(g, attrs, f); break;
    case EXPORT_CSV_EDGES: rc = write_csv_edges(g, attrs, f); break;
    default: rc = CKG_EUSAGE; break;
    }
    if (rc == CKG_OK && (fflush(f) != 0 || ferror(f)))
        rc = CKG_EIO;
    return rc;
}
