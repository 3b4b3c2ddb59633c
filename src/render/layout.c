/* layout.c — the cgraph graph of a map, built for a Graphviz engine (stage: layout; uses
 * the base and text stages, radial positions from its caller, the style only through
 * m->style).
 *
 * Nodes and edges are created in vertex and edge order of the graph, so the same map gives
 * the same graph. Labels are HTML-like labels built from escaped text, in the font stack
 * RENDER_FONT_STACK whose first family pango measures with, so the box Graphviz computes is
 * the box a browser draws. With dot, twopi and circo a relation carries its linking phrase
 * as an edge label; with the force-directed engines (neato, fdp, sfdp), which place labels
 * without regard to anything else, and in the radial layout, the phrase is a small node of
 * its own (on white) on the relation's
 * path, so overlap removal keeps it off the concepts (drawn only, never counted: the map's
 * concepts are the nodes of class "concept"). The radial layout (radial.c) and a slide's
 * arrangement (fit.c) pin every node, phrases too, and neato only draws. The legend is the graph's label, or when the key stands
 * beside the map, the header is and the key is a plain node of its own (class "key").
 * Seeds are fixed (start=1). Each object's look comes from the style; its title becomes a
 * DOT tooltip when the output format carries them. */
#include "render_internal.h"

#include "ckg/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ the Graphviz graph */

static void set_html(Agraph_t *g, void *obj, const char *attr, const char *html)
{
    char *h = agstrdup_html(g, (char *)html);
    agsafeset(obj, (char *)attr, h, "");
    agstrfree(g, h);
}

static void set(void *obj, const char *attr, const char *value)
{
    agsafeset(obj, (char *)attr, (char *)value, "");
}

static void setf(void *obj, const char *attr, const char *fmt, double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, fmt, x);
    set(obj, attr, buf);
}

/* A title as a DOT tooltip (see render_put_tooltip). */
static void set_tooltip(void *obj, const char *title)
{
    strbuf b = {0};
    strbuf_add(&b, "", 0);
    render_put_tooltip(&b, title);
    if (!b.oom)
        set(obj, "tooltip", b.s);
    strbuf_free(&b);
}

/* Engines that place edge labels without regard to other objects: the linking phrase is a
 * node of its own there, so overlap removal keeps it clear of the concepts. */
int render_wants_phrase_nodes(const char *engine)
{
    return strcmp(engine, "neato") == 0 || strcmp(engine, "fdp") == 0 ||
           strcmp(engine, "sfdp") == 0;
}

/* The graph's label: the whole legend above the map, or only its header when the key is a
 * node beside the map; none for a layout that only gives positions. */
static int graph_label(Agraph_t *g, const map *m, int legend)
{
    if (!legend)
        return CKG_OK;
    strbuf b = {0};
    if (m->key_beside)
        render_legend_header(&b, m);
    else
        render_legend(&b, m);
    if (b.oom) {
        strbuf_free(&b);
        return CKG_ENOMEM;
    }
    char *h = agstrdup_html(g, b.s);
    agattr(g, AGRAPH, "label", h);
    agstrfree(g, h);
    strbuf_free(&b);
    return CKG_OK;
}

static void graph_attributes(Agraph_t *g, const map *m, const char *engine, int pinned)
{
    char fs[32];
    snprintf(fs, sizeof fs, "%.1f", m->phrase_font);
    agattr(g, AGRAPH, "fontname", RENDER_FONT_STACK);
    agattr(g, AGRAPH, "fontsize", "12");
    agattr(g, AGRAPH, "charset", "UTF-8");
    agattr(g, AGRAPH, "bgcolor", "white");
    agattr(g, AGRAPH, "pad", RENDER_PAD_TEXT);
    agattr(g, AGRAPH, "margin", "0"); /* the pad is all the margin, in PDF too */
    agattr(g, AGRAPH, "outputorder", "edgesfirst");
    agattr(g, AGRAPH, "labelloc", "t");
    agattr(g, AGRAPH, "labeljust", "l");
    agattr(g, AGRAPH, "layout", pinned ? "neato" : (char *)engine);
    if (pinned) {
        /* positions are pinned (the radial layout, or a slide's arrangement); Graphviz
         * draws */
        agattr(g, AGRAPH, "overlap", "true");
        agattr(g, AGRAPH, "splines", "false");
    } else if (strcmp(engine, "dot") == 0) {
        agattr(g, AGRAPH, "rankdir", "LR");
        agattr(g, AGRAPH, "nodesep", "0.12");
        agattr(g, AGRAPH, "ranksep", "0.6");
        agattr(g, AGRAPH, "newrank", "true");
    } else {
        agattr(g, AGRAPH, "start", "1");
        agattr(g, AGRAPH, "overlap", "prism");
        agattr(g, AGRAPH, "sep", "+3");
        /* sfdp's natural edge length (inches; its default 0.3 leaves more white than a
         * slide can spare) */
        if (strcmp(engine, "sfdp") == 0)
            agattr(g, AGRAPH, "K", "0.2");
        agattr(g, AGRAPH, "esep", "+3");
        /* Straight segments: with linking phrases as nodes they read as a concept map, and
         * spline routing around obstacles would cost ten times the layout. */
        agattr(g, AGRAPH, "splines", "false");
    }
    if (strcmp(engine, "twopi") == 0 && m->opt->focus >= 0)
        agattr(g, AGRAPH, "root", (char *)m->o->concepts[m->opt->focus].id.s);
    if (strcmp(engine, "twopi") == 0)
        agattr(g, AGRAPH, "ranksep", "1.0");
    agattr(g, AGNODE, "fontname", RENDER_FONT_STACK);
    agattr(g, AGNODE, "shape", "box");
    agattr(g, AGNODE, "style", "rounded,filled");
    agattr(g, AGNODE, "penwidth", "1.2");
    agattr(g, AGNODE, "width", "0");
    agattr(g, AGNODE, "height", "0");
    agattr(g, AGEDGE, "fontname", RENDER_FONT_STACK);
    agattr(g, AGEDGE, "fontsize", fs);
    agattr(g, AGEDGE, "fontcolor", "#333333");
    agattr(g, AGEDGE, "color", "#8C8C8CA6");
    agattr(g, AGEDGE, "arrowsize", "0.6");
    agattr(g, AGEDGE, "labelfontname", RENDER_FONT_STACK);
    agattr(g, AGEDGE, "labelfontsize", fs);
    agattr(g, AGEDGE, "labelfontcolor", "#333333");
}

/* A pinned position, (x, y) in points. */
static void set_pos(void *obj, double x, double y)
{
    char pos[64];
    snprintf(pos, sizeof pos, "%.3f,%.3f!", x / 72, y / 72); /* inches */
    set(obj, "pos", pos);
}

static void set_edge_look(Agedge_t *ed, const render_look *look, const char *cls)
{
    set(ed, "class", cls);
    setf(ed, "penwidth", "%.1f", look->penwidth);
    set(ed, "color", look->color);
    if (look->style)
        set(ed, "style", look->style);
}

int render_build_graph(const map *m, const char *engine, const double *x, const double *y,
                       int legend, int tooltips, Agraph_t **out)
{
    const ckg_graph *g = m->g;
    const render_options *opt = m->opt;
    int rc = CKG_ENOMEM;
    strbuf b = {0}, b2 = {0};
    Agnode_t **nodes = calloc(g->n_vertices ? g->n_vertices : 1, sizeof *nodes);
    Agraph_t *ag = agopen("concept-map", Agstrictdirected, NULL);
    if (!nodes || !ag)
        goto out;
    graph_attributes(ag, m, engine, x != NULL);
    if (graph_label(ag, m, legend) != CKG_OK)
        goto out;
    if (legend && m->key_beside) {
        /* the key: a plain node of its own, pinned where the arrangement puts it */
        render_legend_key(&b, m);
        Agnode_t *k = agnode(ag, RENDER_KEY_NODE, 1);
        if (b.oom || !k)
            goto out;
        set_html(ag, k, "label", b.s);
        set(k, "id", RENDER_KEY_NODE);
        set(k, "class", "key");
        set(k, "shape", "plain");
        set(k, "style", "");
        if (x)
            set_pos(k, x[g->n_vertices + g->n_edges], y[g->n_vertices + g->n_edges]);
    }
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (!m->shown[v])
            continue;
        const ckg_concept *c = render_concept_of(m, v);
        Agnode_t *n = nodes[v] = agnode(ag, (char *)c->id.s, 1);
        if (!n)
            goto out;
        b.len = 0;
        if (render_node_label(m, v, &b) != CKG_OK)
            goto out;
        set_html(ag, n, "label", b.s);
        set(n, "id", c->id.s);
        int32_t t = c->theme_index >= 0 ? c->theme_index : 0;
        render_look look;
        m->style->node_look(m, v, &look);
        b.len = 0;
        strbuf_printf(&b, "concept theme-%s%s", c->theme_index >= 0 ? m->o->themes[t].id.s : "none",
                    look.cls);
        if (opt->focus == g->vertices[v].concept)
            strbuf_puts(&b, " focus");
        if (b.oom)
            goto out;
        set(n, "class", b.s);
        set(n, "fillcolor", look.fill);
        set(n, "color", look.color);
        if (look.style)
            set(n, "style", look.style);
        setf(n, "fontsize", "%.1f", m->font[v]);
        setf(n, "margin", "0.09,%.3f", render_node_margin_y(m->font[v]));
        if (opt->focus == g->vertices[v].concept)
            set(n, "penwidth", "3");
        else if (look.penwidth > 0)
            setf(n, "penwidth", "%.1f", look.penwidth);
        if (x)
            set_pos(n, x[v], y[v]);
        if (tooltips)
            set_tooltip(n, m->titles[v]);
    }
    int phrases = m->phrase_nodes;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (!render_edge_shown(m, j))
            continue;
        const char *from = render_concept_of(m, (size_t)e->from)->id.s;
        const char *to = render_concept_of(m, (size_t)e->to)->id.s;
        const char *title = m->titles[g->n_vertices + j];
        char id[512];
        snprintf(id, sizeof id, "%s--%s", from, to);
        b.len = 0;
        if (m->labeled[j]) {
            render_add_phrase(&b, m, e, opt->lang == RENDER_LANG_EN, 3);
            strbuf plain = b;
            b = (strbuf){0};
            render_put_label(&b, plain.s);
            strbuf_free(&plain);
        }
        render_look look;
        m->style->edge_look(m, j, &look);
        b2.len = 0;
        strbuf_printf(&b2, "relation%s", look.cls);
        if (b.oom || b2.oom)
            goto out;
        if (phrases && m->labeled[j]) {
            /* concept -> phrase -> concept, the phrase a small plain node */
            Agnode_t *p = agnode(ag, id, 1);
            if (!p)
                goto out;
            set_html(ag, p, "label", b.s);
            set(p, "id", id);
            set(p, "class", "phrase");
            set(p, "shape", "plain");
            /* on white, so the lines it sits among do not run through it (cairo has no
             * halo: svg_titles.c's style gives one in a browser only) */
            set(p, "style", "filled");
            set(p, "fillcolor", "#FFFFFFD9");
            set(p, "color", "transparent");
            setf(p, "fontsize", "%.1f", m->phrase_font);
            set(p, "fontcolor", "#333333");
            if (x)
                set_pos(p, x[g->n_vertices + j], y[g->n_vertices + j]);
            if (tooltips)
                set_tooltip(p, title);
            for (int half = 0; half < 2; half++) {
                Agedge_t *ed = half ? agedge(ag, p, nodes[e->to], NULL, 1)
                                    : agedge(ag, nodes[e->from], p, NULL, 1);
                if (!ed)
                    goto out;
                char hid[600];
                snprintf(hid, sizeof hid, "%s--%d", id, half + 1);
                set(ed, "id", hid);
                set_edge_look(ed, &look, b2.s);
                if (!half)
                    set(ed, "arrowhead", "none");
                if (tooltips)
                    set_tooltip(ed, title);
            }
            continue;
        }
        Agedge_t *ed = agedge(ag, nodes[e->from], nodes[e->to], NULL, 1);
        if (!ed)
            goto out;
        set(ed, "id", id);
        set_edge_look(ed, &look, b2.s);
        if (m->labeled[j]) {
            set_html(ag, ed, "label", b.s);
        }
        if (tooltips)
            set_tooltip(ed, title);
    }
    *out = ag;
    ag = NULL;
    rc = CKG_OK;
out:
    if (ag)
        agclose(ag);
    free(nodes);
    strbuf_free(&b);
    strbuf_free(&b2);
    return rc;
}
