/* render.c — concept maps through libgvc/libcgraph, in-process: the options, the Graphviz
 * context and render_map, which puts the other render_* files to work.
 *
 * render_map: the analysis graph of the scope (graph_build), the concepts the map shows
 * (render_content.c: a theme, or the ego neighbourhood of a focus; node sizes from a
 * centrality of the scope graph; which relations carry their phrase), the text of every box
 * and <title> (render_labels.c), the legend (render_legend.c), then a cgraph graph built in
 * memory in a fixed order (render_graphviz.c), laid out with gvLayout and rendered with
 * gvRenderData. Graphviz writes <title>NAME</title> in each node and edge group; the SVG is
 * then passed over once to put the concept's or relation's description in its place
 * (render_put_titles).
 *
 * Determinism: nodes and edges are created in vertex and edge order of the graph, seeds are
 * fixed (start=1), and nothing depends on time or addresses; Graphviz 2.42's fdp is the one
 * engine that still varies from run to run. */
#include "render_internal.h"

#include "ckg/status.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct render_context {
    GVC_t *gvc;
};

/* ------------------------------------------------------------------ options */

static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};

void render_options_init(render_options *opt)
{
    *opt = (render_options){0};
    opt->focus = -1;
    opt->depth = 1;
    opt->engine = "dot";
    opt->lang = RENDER_LANG_ZH;
    opt->size_by = RENDER_SIZE_PAGERANK;
    opt->format = RENDER_FORMAT_SVG;
    opt->edge_labels = RENDER_EDGE_LABELS_AUTO;
}

const char *render_engine_check(const char *name)
{
    for (size_t i = 0; name && i < sizeof engines / sizeof *engines; i++) {
        if (strcmp(name, engines[i]) == 0)
            return engines[i];
    }
    if (name && strcmp(name, "radial") == 0)
        return "radial";
    return NULL;
}

static int parse_name(const char *name, const char *const *names, size_t n, int *out)
{
    for (size_t i = 0; name && i < n; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (int)i;
            return CKG_OK;
        }
    }
    return CKG_ENOTFOUND;
}

int render_lang_parse(const char *name, render_lang *out)
{
    static const char *const names[] = {"zh", "en", "both"};
    int v, rc = parse_name(name, names, 3, &v);
    if (rc == CKG_OK)
        *out = (render_lang)v;
    return rc;
}

int render_size_by_parse(const char *name, render_size_by *out)
{
    static const char *const names[] = {"pagerank", "betweenness", "degree"};
    int v, rc = parse_name(name, names, 3, &v);
    if (rc == CKG_OK)
        *out = (render_size_by)v;
    return rc;
}

int render_edge_labels_parse(const char *name, render_edge_labels *out)
{
    static const char *const names[] = {"auto", "all", "none"};
    int v, rc = parse_name(name, names, 3, &v);
    if (rc == CKG_OK)
        *out = (render_edge_labels)v;
    return rc;
}

/* ------------------------------------------------------------------ Graphviz errors */

/* Graphviz reports through agerr, which prints to stderr unless given a function; the
 * library never prints, so messages are kept here and turned into diagnostics. */
static rbuf gv_errors;

static int keep_gv_error(char *msg)
{
    rbuf_puts(&gv_errors, msg);
    return 0;
}

static void gv_errors_reset(void)
{
    rbuf_free(&gv_errors);
    agseterr(AGERR);
    agseterrf(keep_gv_error);
}

static void gv_errors_report(diag_list *diags, const char *what)
{
    const char *msg = gv_errors.s && gv_errors.len ? gv_errors.s : "no reason given";
    size_t len = strlen(msg);
    while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        len--;
    diag_add(diags, DIAG_ERROR, NULL, "Graphviz could not %s: %.*s", what, (int)len, msg);
}

/* ------------------------------------------------------------------ context */

/* Lays a one-node graph out and looks at how its label was measured: the pango plugin
 * leaves its layout on each text span (free_layout), the estimate from built-in Latin
 * metrics does not. */
static int pango_measures_text(GVC_t *gvc)
{
    int ok = 0;
    Agraph_t *g = agopen("probe", Agdirected, NULL);
    if (!g)
        return 0;
    Agnode_t *n = agnode(g, "probe", 1);
    agsafeset(n, "label", "新质生产力", "");
    agsafeset(n, "fontname", RENDER_FONT_STACK, "");
    if (n && gvLayout(gvc, g, "neato") == 0) {
        textlabel_t *l = ND_label(n);
        ok = l && !l->html && l->u.txt.nspans > 0 && l->u.txt.span[0].free_layout != NULL;
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    return ok;
}

int render_context_new(diag_list *diags, render_context **out)
{
    *out = NULL;
    render_context *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return CKG_ENOMEM;
    gv_errors_reset();
    if (!(ctx->gvc = gvContext())) {
        free(ctx);
        return CKG_ENOMEM;
    }
    int n = 0;
    char **layouts = gvPluginList(ctx->gvc, "layout", &n, NULL);
    int missing = 0;
    for (size_t e = 0; e < sizeof engines / sizeof *engines; e++) {
        int found = 0;
        for (int i = 0; i < n; i++)
            found |= strcmp(layouts[i], engines[e]) == 0;
        if (!found) {
            diag_add(diags, DIAG_ERROR, NULL,
                     "Graphviz has no '%s' layout engine (is its plugin configuration, "
                     "'dot -c', up to date?)", engines[e]);
            missing = 1;
        }
    }
    for (int i = 0; i < n; i++)
        free(layouts[i]);
    free(layouts);
    if (!missing && !pango_measures_text(ctx->gvc)) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "Graphviz did not load its pango text layout plugin (libgvplugin_pango): "
                 "without it CJK labels are mis-measured and overflow their boxes; install "
                 "Graphviz with its pango plugin and run 'dot -c' as root");
        missing = 1;
    }
    if (missing) {
        render_context_free(ctx);
        return CKG_EINVALID;
    }
    *out = ctx;
    return CKG_OK;
}

void render_context_free(render_context *ctx)
{
    if (!ctx)
        return;
    if (ctx->gvc)
        gvFreeContext(ctx->gvc);
    rbuf_free(&gv_errors);
    free(ctx);
}

/* ------------------------------------------------------------------ render_map */

static int render_dot_text(Agraph_t *ag, char **out, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        return CKG_ENOMEM;
    int bad = agwrite(ag, f) != 0;
    bad |= fclose(f) != 0;
    if (bad || !buf) {
        free(buf);
        return CKG_ENOMEM;
    }
    *out = buf;
    *len = n;
    return CKG_OK;
}

/* Lays the graph out as Graphviz reads it back from its DOT text, then renders it. cgraph
 * writes an edge's head before that node's own statement, so a graph read from DOT has its
 * nodes in another order than the one built, and dot's layout depends on that order: laying
 * out the read-back graph makes `ckg render` and `ckg render --format dot | dot -Tsvg` draw
 * the same map (and costs a few milliseconds). */
static int render_svg(render_context *ctx, const map *m, Agraph_t *built, const char *engine,
                      diag_list *diags, char **out, size_t *len)
{
    char *text = NULL;
    size_t text_len = 0;
    int rc = render_dot_text(built, &text, &text_len);
    if (rc != CKG_OK)
        return rc;
    gv_errors_reset();
    Agraph_t *ag = agmemread(text);
    free(text);
    if (!ag) {
        gv_errors_report(diags, "read the map back");
        return CKG_EINVALID;
    }
    if (gvLayout(ctx->gvc, ag, engine) != 0) {
        gv_errors_report(diags, "lay the map out");
        agclose(ag);
        return CKG_EINVALID;
    }
    char *svg = NULL;
    unsigned int n = 0;
    if (gvRenderData(ctx->gvc, ag, "svg", &svg, &n) != 0 || !svg) {
        gv_errors_report(diags, "render SVG");
        rc = CKG_EINVALID;
    } else {
        rc = render_put_titles(m, svg, n, out, len);
    }
    if (svg)
        gvFreeRenderData(svg);
    gvFreeLayout(ctx->gvc, ag);
    agclose(ag);
    return rc;
}

static void map_free(map *m)
{
    if (m->titles) {
        for (size_t i = 0; i < m->g->n_vertices + m->g->n_edges; i++)
            free(m->titles[i]);
        free(m->titles);
    }
    free(m->shown);
    free(m->measure);
    free(m->font);
    free(m->labeled);
    free(m->dist);
    free(m->drawn);
    free(m->dict);
    free(m->in);
    graph_free(m->g); /* a diff map's union first: it points into m->diff */
    diff_free(m->diff);
}

/* A diff map: the concepts and relations shown per membership, for the caller. */
static int diff_summary(const map *m, render_summary *summary)
{
    if (!(summary->concept_in = malloc(summary->n_concepts ? summary->n_concepts : 1)))
        return CKG_ENOMEM;
    size_t i = 0;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (!m->shown[v])
            continue;
        summary->concept_in[i++] = m->in[v];
        summary->concepts_in[m->in[v] - 1]++;
    }
    for (size_t j = 0; j < m->g->n_edges; j++) {
        if (render_edge_shown(m, j))
            summary->relations_in[m->in[m->g->n_vertices + j] - 1]++;
    }
    return CKG_OK;
}

int render_map(render_context *ctx, const ckg_ontology *o, const render_options *opt,
               diag_list *diags, char **out, size_t *len, render_summary *summary)
{
    map m = {.o = o, .opt = opt};
    Agraph_t *ag = NULL;
    double *px = NULL, *py = NULL;
    int rc;
    *out = NULL;
    *len = 0;
    if (summary)
        *summary = (render_summary){0};
    const char *engine = render_engine_check(opt->engine ? opt->engine : "dot");
    if (!engine) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "unknown layout engine '%s' (dot, neato, fdp, sfdp, circo, twopi or radial)", opt->engine);
        return CKG_EUSAGE;
    }
    if (opt->diff[0].paper || opt->diff[1].paper) {
        rc = render_diff_prepare(&m, diags);
    } else {
        graph_scope scope = {.paper = opt->paper, .section = opt->section};
        rc = graph_build(o, &scope, diags, &m.g);
    }
    if (rc != CKG_OK)
        goto out;
    size_t nv = m.g->n_vertices ? m.g->n_vertices : 1, ne = m.g->n_edges ? m.g->n_edges : 1;
    rc = CKG_ENOMEM;
    if (!(m.shown = calloc(nv, 1)) || !(m.measure = calloc(nv, sizeof *m.measure)) ||
        !(m.font = calloc(nv, sizeof *m.font)) || !(m.labeled = calloc(ne, 1)) ||
        !(m.dist = calloc(nv, sizeof *m.dist)) || !(m.drawn = calloc(ne, 1)) ||
        !(m.titles = calloc(m.g->n_vertices + m.g->n_edges + 1, sizeof *m.titles)))
        goto out;
    if ((rc = render_select_concepts(&m, diags)) != CKG_OK)
        goto out;
    if ((rc = render_size_measure(&m, opt->size_by, diags)) != CKG_OK ||
        (rc = render_choose_labels(&m)) != CKG_OK || (rc = render_build_dict(&m)) != CKG_OK)
        goto out;
    int radial = strcmp(engine, "radial") == 0;
    if (radial && opt->focus < 0) {
        diag_add(diags, DIAG_ERROR, NULL, "the radial layout draws ego maps: name the concept "
                                          "in the middle with --focus");
        rc = CKG_EUSAGE;
        goto out;
    }
    m.phrase_nodes = render_wants_phrase_nodes(engine);
    if (strcmp(engine, "dot") == 0)
        render_size_nodes(&m, 11, 22);
    else
        render_size_nodes(&m, 10, 26);
    for (size_t v = 0; v < m.g->n_vertices; v++) {
        if (m.shown[v] && (rc = render_node_title(&m, v, &m.titles[v])) != CKG_OK)
            goto out;
    }
    for (size_t j = 0; j < m.g->n_edges; j++) {
        if (render_edge_shown(&m, j) &&
            (rc = render_edge_title(&m, j, &m.titles[m.g->n_vertices + j])) != CKG_OK)
            goto out;
    }
    if (radial) {
        rc = CKG_ENOMEM;
        if (!(px = calloc(nv, sizeof *px)) || !(py = calloc(nv, sizeof *py)))
            goto out;
        if ((rc = render_radial(&m, px, py)) != CKG_OK)
            goto out;
    }
    if ((rc = render_build_graph(&m, engine, px, py, &ag)) != CKG_OK)
        goto out;
    if (opt->format == RENDER_FORMAT_DOT)
        rc = render_dot_text(ag, out, len);
    else
        rc = render_svg(ctx, &m, ag, radial ? "neato" : engine, diags, out, len);
    if (rc != CKG_OK)
        goto out;
    if (summary) {
        rc = CKG_ENOMEM;
        if (!(summary->concepts = malloc((m.n_shown ? m.n_shown : 1) * sizeof *summary->concepts)))
            goto out;
        for (size_t v = 0; v < m.g->n_vertices; v++) {
            if (m.shown[v])
                summary->concepts[summary->n_concepts++] = m.g->vertices[v].concept;
        }
        summary->n_relations = m.n_edges;
        summary->n_labeled = m.n_labeled;
        rc = m.diff ? diff_summary(&m, summary) : CKG_OK;
    }
out:
    if (rc != CKG_OK) {
        free(*out);
        *out = NULL;
        *len = 0;
        if (summary) {
            free(summary->concepts);
            free(summary->concept_in);
            *summary = (render_summary){0};
        }
    }
    if (ag)
        agclose(ag);
    free(px);
    free(py);
    map_free(&m);
    return rc;
}
