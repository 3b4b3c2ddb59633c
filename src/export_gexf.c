/* export_gexf.c — the analysis graph as GEXF 1.3 (export.h), the format Gephi opens.
 *
 * The texts and numbers of every vertex and edge are the other graph formats' (export.c),
 * declared once as <attributes> (ids = titles = the GraphML names) and given per node and
 * edge as <attvalue>s; a node's label is its zh name, an edge's its linking phrases, its
 * weight the papers stating it. With attrs, each node also carries the viz module's color
 * (its theme's, as on the maps), size and position, so Gephi shows a laid-out, colored map
 * without running a layout. Everything from YAML goes into attribute values, escaped with
 * line breaks and tabs as character references (export_xml_escaped). No date is written:
 * the same graph gives the same bytes. Elements follow the order of the GEXF 1.3 schema
 * (attvalues, then viz color, position, size); the viz elements are in the viz namespace,
 * as the schema's RELAX NG grammar and Gephi have them. No xsi:schemaLocation: the RELAX NG
 * grammar allows no attribute beyond its own on <gexf>. */
#include "ckg/status.h"
#include "export_internal.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    int text;
} node_texts[] = {
    {"zh", EXPORT_V_ZH},       {"en", EXPORT_V_EN},
    {"alt", EXPORT_V_ALT},     {"theme", EXPORT_V_THEME},
    {"papers", EXPORT_V_PAPERS}, {"color", EXPORT_V_COLOR},
    {"definition_zh", EXPORT_V_DEFINITION_ZH}, {"definition_en", EXPORT_V_DEFINITION_EN},
};
enum { N_NODE_TEXTS = sizeof node_texts / sizeof *node_texts };

static void attr_value(FILE *f, const char *name, const char *value)
{
    fprintf(f, "          <attvalue for=\"%s\" value=\"", name);
    export_xml_escaped(f, value, 1);
    fputs("\"/>\n", f);
}

static void declarations(FILE *f, const export_attrs *a)
{
    fputs("    <attributes class=\"node\" mode=\"static\">\n", f);
    for (size_t i = 0; i < N_NODE_TEXTS; i++)
        fprintf(f, "      <attribute id=\"%s\" title=\"%s\" type=\"string\"/>\n",
                node_texts[i].name, node_texts[i].name);
    for (size_t i = 0; i < export_vertex_numbers(a); i++)
        fprintf(f, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
                export_vertex_number_name(i), export_vertex_number_name(i),
                export_vertex_number_is_integer(i) ? "integer" : "double");
    fputs("    </attributes>\n"
          "    <attributes class=\"edge\" mode=\"static\">\n"
          "      <attribute id=\"kinds\" title=\"kinds\" type=\"string\"/>\n"
          "      <attribute id=\"papers\" title=\"papers\" type=\"string\"/>\n",
          f);
    if (a && a->m)
        fputs("      <attribute id=\"evidence\" title=\"evidence\" type=\"integer\"/>\n", f);
    fputs("    </attributes>\n", f);
}

/* "#E69F00" -> r, g, b */
static void viz_color(FILE *f, const char *hex)
{
    unsigned long rgb = strtoul(hex + (hex[0] == '#'), NULL, 16);
    fprintf(f, "        <viz:color r=\"%lu\" g=\"%lu\" b=\"%lu\"/>\n", (rgb >> 16) & 0xFF,
            (rgb >> 8) & 0xFF, rgb & 0xFF);
}

static void write_node(FILE *f, const ckg_graph *g, const export_attrs *a, size_t v,
                       const export_texts *t)
{
    fputs("      <node id=\"", f);
    export_xml_escaped(f, export_vertex_concept(g, (int32_t)v)->id.s, 1);
    fputs("\" label=\"", f);
    export_xml_escaped(f, t->v[EXPORT_V_ZH], 1);
    fputs("\">\n        <attvalues>\n", f);
    for (size_t i = 0; i < N_NODE_TEXTS; i++)
        attr_value(f, node_texts[i].name, t->v[node_texts[i].text]);
    for (size_t i = 0; i < export_vertex_numbers(a); i++) {
        double x = export_vertex_number(g, a, v, i);
        if (x != x) /* NaN: undefined, left out */
            continue;
        fprintf(f, "          <attvalue for=\"%s\" value=\"", export_vertex_number_name(i));
        export_number(f, x, export_vertex_number_is_integer(i));
        fputs("\"/>\n", f);
    }
    fputs("        </attvalues>\n", f);
    viz_color(f, t->v[EXPORT_V_COLOR]);
    if (a && a->x)
        fprintf(f, "        <viz:position x=\"%.2f\" y=\"%.2f\" z=\"0.0\"/>\n", a->x[v], a->y[v]);
    if (a && a->size)
        fprintf(f, "        <viz:size value=\"%.2f\"/>\n", a->size[v]);
    fputs("      </node>\n", f);
}

static void write_edge(FILE *f, const ckg_graph *g, const export_attrs *a, size_t j,
                       const export_texts *t)
{
    const graph_edge *e = &g->edges[j];
    fprintf(f, "      <edge id=\"%zu\" source=\"", j);
    export_xml_escaped(f, export_vertex_concept(g, e->from)->id.s, 1);
    fputs("\" target=\"", f);
    export_xml_escaped(f, export_vertex_concept(g, e->to)->id.s, 1);
    fprintf(f, "\" weight=\"%zu\" label=\"", e->n_papers);
    export_xml_escaped(f, t->v[EXPORT_E_LABEL], 1);
    fputs("\">\n        <attvalues>\n", f);
    attr_value(f, "kinds", t->v[EXPORT_E_KINDS]);
    attr_value(f, "papers", t->v[EXPORT_E_PAPERS]);
    if (a && a->m)
        fprintf(f, "          <attvalue for=\"evidence\" value=\"%zu\"/>\n", a->edge_evidence[j]);
    fputs("        </attvalues>\n      </edge>\n", f);
}

int export_write_gexf(const ckg_graph *g, const export_attrs *a, FILE *f)
{
    export_texts t = {0};
    char scope[256];
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
          "version=\"1.3\">\n"
          "  <meta>\n"
          "    <creator>ckg</creator>\n"
          "    <description>",
          f);
    export_xml_escaped(f, "the concept graph of scope ", 0);
    export_xml_escaped(f, graph_scope_name(g, scope, sizeof scope), 0);
    fputs("</description>\n  </meta>\n"
          "  <graph defaultedgetype=\"directed\" mode=\"static\">\n",
          f);
    declarations(f, a);
    fprintf(f, "    <nodes count=\"%zu\">\n", g->n_vertices);
    for (size_t v = 0; v < g->n_vertices; v++) {
        export_vertex_texts(&t, g, v);
        write_node(f, g, a, v, &t);
    }
    fprintf(f, "    </nodes>\n    <edges count=\"%zu\">\n", g->n_edges);
    for (size_t j = 0; j < g->n_edges; j++) {
        export_edge_texts(&t, g, &g->edges[j]);
        write_edge(f, g, a, j, &t);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
    return export_texts_done(&t);
}
