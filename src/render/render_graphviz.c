/* render_graphviz.c — the cgraph graph of a map and the pass over Graphviz's SVG.
 *
 * Labels are HTML-like labels built from escaped text, in the font stack RENDER_FONT_STACK
 * whose first family pango measures with, so the box Graphviz computes is the box a browser
 * draws. With dot, twopi and circo a relation carries its linking phrase as an edge label;
 * with the force-directed engines (neato, fdp, sfdp), which place labels without regard to
 * anything else, the phrase is a small node of its own on the relation's path, so overlap
 * removal keeps it off the concepts (drawn only, never counted: the map's concepts are the
 * nodes of class "concept"). The radial layout (render_radial.c) pins every concept and
 * puts each phrase on its spoke next to the outer concept.
 *
 * Graphviz writes <title>NAME</title> in each node and edge group; render_put_titles puts
 * the concept's or relation's description in its place (Graphviz would otherwise put
 * tooltips in <a xlink:title>, which browsers show less reliably and which duplicates the
 * text). */
#include "render_internal.h"

#include "ckg/status.h"
#include "ckg/strmap.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Okabe–Ito colors, distinct for the common color-vision deficiencies, all legible under
 * black text; themes take them in ontology order. */
const char *const render_palette[RENDER_N_PALETTE][2] = {
    /* fill, border */
    {"#E69F00", "#8A5F00"}, /* orange */
    {"#56B4E9", "#1F6E9C"}, /* sky blue */
    {"#009E73", "#005C43"}, /* bluish green */
    {"#F0E442", "#8F8622"}, /* yellow */
    {"#CC79A7", "#8A3E68"}, /* reddish purple */
    {"#D55E00", "#7F3800"}, /* vermillion */
    {"#0072B2", "#00436A"}, /* blue */
};

/* Width and color by the number of papers stating the relation (1, 2, 3 or more): what
 * several papers agree on stands out, a single paper's claim stays in the background. */
const char *const render_edge_colors[3] = {"#8C8C8CA6", "#4D4D4DD9", "#1A1A1AE6"};
const char *const render_edge_swatches[3] = {"#ADADAD", "#5E5E5E", "#1A1A1A"};

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

/* A title as a DOT tooltip (see rbuf_tooltip). */
static void set_tooltip(void *obj, const char *title)
{
    rbuf b = {0};
    rbuf_add(&b, "", 0);
    rbuf_tooltip(&b, title);
    if (!b.oom)
        set(obj, "tooltip", b.s);
    rbuf_free(&b);
}

/* Engines that place edge labels without regard to other objects: the linking phrase is a
 * node of its own there, so overlap removal keeps it clear of the concepts. */
int render_wants_phrase_nodes(const char *engine)
{
    return strcmp(engine, "neato") == 0 || strcmp(engine, "fdp") == 0 ||
           strcmp(engine, "sfdp") == 0;
}

static void graph_attributes(Agraph_t *g, const map *m, const char *engine, const char *legend_html)
{
    agattr(g, AGRAPH, "fontname", RENDER_FONT_STACK);
    agattr(g, AGRAPH, "fontsize", "12");
    agattr(g, AGRAPH, "charset", "UTF-8");
    agattr(g, AGRAPH, "bgcolor", "white");
    agattr(g, AGRAPH, "pad", "0.3");
    agattr(g, AGRAPH, "outputorder", "edgesfirst");
    agattr(g, AGRAPH, "labelloc", "t");
    agattr(g, AGRAPH, "labeljust", "l");
    int radial = strcmp(engine, "radial") == 0;
    agattr(g, AGRAPH, "layout", radial ? "neato" : (char *)engine);
    char *h = agstrdup_html(g, (char *)legend_html);
    agattr(g, AGRAPH, "label", h);
    agstrfree(g, h);
    if (radial) {
        /* positions are pinned (render_radial); Graphviz draws */
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
        agattr(g, AGRAPH, "sep", "+6");
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
    agattr(g, AGEDGE, "fontsize", "9");
    agattr(g, AGEDGE, "fontcolor", "#333333");
    agattr(g, AGEDGE, "color", "#8C8C8CA6");
    agattr(g, AGEDGE, "arrowsize", "0.6");
    agattr(g, AGEDGE, "labelfontname", RENDER_FONT_STACK);
    agattr(g, AGEDGE, "labelfontsize", "9");
    agattr(g, AGEDGE, "labelfontcolor", "#333333");
}

static size_t edge_weight_class(const graph_edge *e)
{
    return e->n_papers >= 3 ? 2 : e->n_papers == 2 ? 1 : 0;
}

static double edge_width(const graph_edge *e)
{
    return 0.8 + 1.2 * (double)edge_weight_class(e);
}

/* A box by its theme, or in a diff map by membership. */
static void node_look(const map *m, size_t v, render_look *look)
{
    if (m->diff) {
        render_diff_node_look(m, v, look);
        return;
    }
    int32_t t = render_concept_of(m, v)->theme_index;
    t = t >= 0 ? t : 0;
    *look = (render_look){render_palette[t % RENDER_N_PALETTE][0],
                          render_palette[t % RENDER_N_PALETTE][1], NULL, 0, ""};
}

/* A relation by the number of papers stating it, or in a diff map by membership. */
static void edge_look(const map *m, size_t j, render_look *look)
{
    if (m->diff) {
        render_diff_edge_look(m, j, look);
        return;
    }
    const graph_edge *e = &m->g->edges[j];
    *look = (render_look){NULL, render_edge_colors[edge_weight_class(e)], NULL, edge_width(e), ""};
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
                       Agraph_t **out)
{
    const ckg_graph *g = m->g;
    const render_options *opt = m->opt;
    int dot_text = opt->format == RENDER_FORMAT_DOT;
    int rc = CKG_ENOMEM;
    rbuf b = {0}, b2 = {0};
    Agnode_t **nodes = calloc(g->n_vertices ? g->n_vertices : 1, sizeof *nodes);
    Agraph_t *ag = agopen("concept-map", Agstrictdirected, NULL);
    if (!nodes || !ag)
        goto out;
    render_legend(&b, m);
    if (b.oom)
        goto out;
    graph_attributes(ag, m, engine, b.s);
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
        node_look(m, v, &look);
        b.len = 0;
        rbuf_printf(&b, "concept theme-%s%s", c->theme_index >= 0 ? m->o->themes[t].id.s : "none",
                    look.cls);
        if (opt->focus == g->vertices[v].concept)
            rbuf_puts(&b, " focus");
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
        if (x) {
            char pos[64];
            snprintf(pos, sizeof pos, "%.3f,%.3f!", x[v] / 72, y[v] / 72); /* inches */
            set(n, "pos", pos);
        }
        if (dot_text)
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
            rbuf plain = b;
            b = (rbuf){0};
            rbuf_label(&b, plain.s);
            rbuf_free(&plain);
        }
        render_look look;
        edge_look(m, j, &look);
        b2.len = 0;
        rbuf_printf(&b2, "relation%s", look.cls);
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
            set(p, "style", "");
            set(p, "fontsize", "9");
            set(p, "fontcolor", "#333333");
            if (dot_text)
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
                if (dot_text)
                    set_tooltip(ed, title);
            }
            continue;
        }
        Agedge_t *ed = agedge(ag, nodes[e->from], nodes[e->to], NULL, 1);
        if (!ed)
            goto out;
        set(ed, "id", id);
        set_edge_look(ed, &look, b2.s);
        if (m->labeled[j] && x && m->dist[e->from] != m->dist[e->to]) {
            /* radial: the phrase on the spoke just inside the outer concept, far enough
             * along for its width when the spoke runs sideways */
            int outer_is_tail = m->dist[e->from] > m->dist[e->to];
            double em;
            int lines;
            render_measure_lines(b.s, &em, &lines);
            double dist = em * 9 / 2 + 8;
            /* The outward relation of a pair stated both ways: its phrase goes further in,
             * past the inward one's. */
            int64_t back = graph_find_edge(g, e->to, e->from);
            if (!outer_is_tail && back >= 0 && m->drawn[back] && m->labeled[back]) {
                rbuf other = {0};
                double em2;
                render_add_phrase(&other, m, &g->edges[back], opt->lang == RENDER_LANG_EN, 3);
                render_measure_lines(other.s, &em2, &lines);
                rbuf_free(&other);
                dist += em2 * 9 + 6;
            }
            set_html(ag, ed, outer_is_tail ? "taillabel" : "headlabel", b.s);
            setf(ed, "labeldistance", "%.2f", dist / 10);
            set(ed, "labelangle", "0");
        } else if (m->labeled[j]) {
            set_html(ag, ed, "label", b.s);
        }
        if (dot_text)
            set_tooltip(ed, title);
    }
    *out = ag;
    ag = NULL;
    rc = CKG_OK;
out:
    if (ag)
        agclose(ag);
    free(nodes);
    rbuf_free(&b);
    rbuf_free(&b2);
    return rc;
}

/* ------------------------------------------------------------------ SVG titles */

/* An id as Graphviz writes it in SVG (its xml_string escapes '-' too). Our ids are ASCII
 * kebab-case joined by "--", so '-' is the only character it changes. */
static char *gv_escaped_id(const char *id)
{
    rbuf b = {0};
    rbuf_add(&b, "", 0);
    for (const char *p = id; *p; p++) {
        if (*p == '-')
            rbuf_puts(&b, "&#45;");
        else
            rbuf_add(&b, p, 1);
    }
    if (b.oom) {
        rbuf_free(&b);
        return NULL;
    }
    return b.s;
}

typedef struct title_index {
    strmap by_id;
    char **keys;
    size_t n;
} title_index;

static void title_index_free(title_index *ti)
{
    for (size_t i = 0; i < ti->n; i++)
        free(ti->keys[i]);
    free(ti->keys);
    strmap_free(&ti->by_id);
}

static int title_index_add(title_index *ti, const char *id, int32_t title)
{
    char *key = gv_escaped_id(id);
    if (!key)
        return CKG_ENOMEM;
    ti->keys[ti->n++] = key;
    return strmap_put(&ti->by_id, key, title, NULL);
}

static int build_title_index(const map *m, title_index *ti)
{
    const ckg_graph *g = m->g;
    strmap_init(&ti->by_id);
    ti->n = 0;
    if (!(ti->keys = malloc((g->n_vertices + 3 * g->n_edges + 1) * sizeof *ti->keys)))
        return CKG_ENOMEM;
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (m->shown[v] && title_index_add(ti, render_concept_of(m, v)->id.s, (int32_t)v) != CKG_OK)
            return CKG_ENOMEM;
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (!render_edge_shown(m, j))
            continue;
        char id[600];
        int32_t t = (int32_t)(g->n_vertices + j);
        int n = snprintf(id, sizeof id, "%s--%s", render_concept_of(m, (size_t)e->from)->id.s,
                         render_concept_of(m, (size_t)e->to)->id.s);
        if (title_index_add(ti, id, t) != CKG_OK)
            return CKG_ENOMEM;
        if (m->phrase_nodes && m->labeled[j]) {
            for (int half = 1; half <= 2; half++) {
                snprintf(id + n, sizeof id - (size_t)n, "--%d", half);
                if (title_index_add(ti, id, t) != CKG_OK)
                    return CKG_ENOMEM;
            }
        }
    }
    return CKG_OK;
}

/* Copies Graphviz's SVG, replacing the text of the <title> that follows each <g id="X">
 * whose X is a concept, phrase or relation with that object's description. */
int render_put_titles(const map *m, const char *svg, size_t len, char **out, size_t *out_len)
{
    title_index ti = {0};
    rbuf b = {0};
    int rc = build_title_index(m, &ti);
    if (rc != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    const char *p = svg, *end = svg + len;
    static const char open[] = "<g id=\"";
    /* Phrases on arrows get a white halo, so a line under them does not cross the text. */
    const char *graph0 = strstr(svg, "<g id=\"graph0\"");
    if (graph0) {
        rbuf_add(&b, p, (size_t)(graph0 - p));
        rbuf_puts(&b, "<style>.edge text,.phrase text{paint-order:stroke;stroke:#fff;"
                      "stroke-width:3px;stroke-linejoin:round}</style>\n");
        p = graph0;
    }
    while (p < end) {
        const char *g = strstr(p, open);
        if (!g)
            break;
        const char *id = g + sizeof open - 1, *q = strchr(id, '"');
        if (!q)
            break;
        char key[1024];
        size_t kl = (size_t)(q - id);
        int32_t t = -1;
        if (kl < sizeof key) {
            memcpy(key, id, kl);
            key[kl] = '\0';
            t = strmap_get(&ti.by_id, key);
        }
        const char *title = t >= 0 ? strstr(q, "<title>") : NULL;
        const char *title_end = title ? strstr(title, "</title>") : NULL;
        const char *next_g = strstr(q, open);
        if (!title_end || (next_g && title > next_g)) {
            rbuf_add(&b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        rbuf_add(&b, p, (size_t)(title - p) + 7);
        rbuf_xml(&b, m->titles[t], 1);
        p = title_end;
    }
    rbuf_add(&b, p, (size_t)(end - p));
    if (b.oom)
        goto out;
    *out = b.s;
    *out_len = b.len;
    b.s = NULL;
    rc = CKG_OK;
out:
    rbuf_free(&b);
    title_index_free(&ti);
    return rc;
}
