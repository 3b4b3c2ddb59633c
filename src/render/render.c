/* render.c — render_map: a concept map through libgvc/libcgraph, in-process (stage: driver;
 * uses every stage, and chooses the style).
 *
 * The pipeline, each step a stage of render_internal.h:
 *   style      chosen once from the options (a diff map, or the map of one scope; either
 *              for the atlas);
 *   scope      the style's graph of what is drawn (graph_build, or two scopes' union);
 *   measure    the measure that sizes the boxes, of the whole scope graph;
 *   select     the candidates the filters leave, in the order they are taken;
 *   text       the line-break dictionary, every candidate's <title> (the style's);
 *   fit        the first N candidates shown (on a slide, past the first ten, only those
 *              with a relation to one shown), their relations drawn and phrases chosen,
 *              fonts sized, positions arranged (radial, slides) and the cgraph graph
 *              built; for a slide (RENDER_TOP_SLIDE), from N = 30 down to 10 until the
 *              map, as Graphviz draws it, fitted to a 1920 x 1080 slide, keeps every
 *              concept label 16 px high and every phrase 12 px, with 60 relations at most;
 *   draw       laid out and written as SVG, PNG, PDF or DOT.
 * Nothing here asks which kind of map it draws: that is the style's (style_*.c).
 *
 * Determinism: nodes and edges are created in vertex and edge order of the graph, seeds are
 * fixed (start=1, and the C library's generator before every layout, render_layout),
 * and nothing depends on time or addresses; Graphviz 2.42's fdp is the one engine that
 * still varies from run to run. */
#include "render_internal.h"

#include "ckg/status.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The kind of map the options ask for (the atlas's is built in *atlas). A new kind of map is
 * one more line here. */
static const render_style *choose_style(const render_options *opt, render_style *atlas)
{
    const render_style *s = &render_style_theme;
    if (opt->diff[0].paper || opt->diff[1].paper)
        s = &render_style_diff;
    if (opt->atlas)
        s = render_style_atlas(s, atlas);
    return s;
}

static void map_free(map *m)
{
    if (m->titles) {
        for (size_t i = 0; i < m->g->n_vertices + m->g->n_edges; i++)
            free(m->titles[i]);
        free(m->titles);
    }
    free(m->candidate);
    free(m->order);
    free(m->eligible);
    free(m->shown);
    free(m->measure);
    free(m->font);
    free(m->labeled);
    free(m->dist);
    free(m->drawn);
    free(m->dict);
    graph_free(m->g); /* before the style's data: a diff map's union points into it */
    if (m->style->release)
        m->style->release(m);
}

/* The concepts shown and the counts, and what the style adds. */
static int summarize(const map *m, render_summary *summary)
{
    if (!(summary->concepts = malloc((m->n_shown ? m->n_shown : 1) * sizeof *summary->concepts)))
        return CKG_ENOMEM;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (m->shown[v])
            summary->concepts[summary->n_concepts++] = m->g->vertices[v].concept;
    }
    summary->n_candidates = m->n_candidates;
    summary->n_relations = m->n_edges;
    summary->n_labeled = m->n_labeled;
    return m->style->summarize ? m->style->summarize(m, summary) : CKG_OK;
}

/* Font sizes (points) of the smallest and largest box and of the linking phrases. The
 * arranged maps are drawn to be fitted to a slide; the layered engines keep their old
 * sizes. */
typedef struct font_plan {
    double small, large, phrase;
} font_plan;

static const font_plan arranged_fonts = {15, 26, 13.5};
static const font_plan dot_fonts = {11, 22, 9};
static const font_plan other_fonts = {10, 26, 9};

/* How many concepts a slide may hold: Novak's 15-30 for a readable concept map, but never
 * fewer than the 10 that matter most; and how many relations, beyond which their phrases
 * crowd each other and the lines between them (found by looking at the maps). */
enum { SLIDE_MOST = 30, SLIDE_LEAST = 10, SLIDE_RELATIONS = 60 };

/* Engines whose maps are arranged as slides (fit.c): those that place the phrases as nodes,
 * and the radial layout. */
static int arranged(const char *engine)
{
    return render_wants_phrase_nodes(engine) || strcmp(engine, "radial") == 0;
}

/* Does a drawing of w x h points, fitted to the slide, keep every label readable? */
static int fits_slide(const map *m, double w, double h)
{
    double scale = fmin(RENDER_SLIDE_W / w, RENDER_SLIDE_H / h), smallest = INFINITY;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (m->shown[v])
            smallest = fmin(smallest, render_label_smallest_font(m, v));
    }
    if (m->n_shown && smallest * scale < RENDER_SLIDE_CONCEPT_PX)
        return 0;
    return m->n_labeled == 0 || m->phrase_font * scale >= RENDER_SLIDE_PHRASE_PX;
}

/* The titles of every concept and relation that may be drawn. */
static int make_titles(map *m)
{
    int rc;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (m->candidate[v] && (rc = m->style->node_title(m, v, &m->titles[v])) != CKG_OK)
            return rc;
    }
    for (size_t j = 0; j < m->g->n_edges; j++) {
        if (m->eligible[j] &&
            (rc = m->style->edge_title(m, j, &m->titles[m->g->n_vertices + j])) != CKG_OK)
            return rc;
    }
    return CKG_OK;
}

/* The map of the first n candidates, built for Graphviz as it will be drawn: its phrases
 * chosen, its fonts sized, its positions arranged (radial, slides). */
static int build_map(render_context *ctx, map *m, const char *engine, const font_plan *fonts,
                     size_t n, int slide, double *px, double *py, diag_list *diags,
                     Agraph_t **ag)
{
    int rc;
    *ag = NULL;
    render_select_top(m, n, slide ? SLIDE_LEAST : SIZE_MAX);
    if ((rc = render_choose_labels(m)) != CKG_OK)
        return rc;
    render_size_nodes(m, fonts->small, fonts->large);
    int32_t f = m->opt->focus >= 0 ? m->g->vertex_of[m->opt->focus] : -1;
    if (f >= 0) /* the focus of an ego map: the most prominent box */
        m->font[f] = fonts->large + 4;
    int radial = strcmp(engine, "radial") == 0;
    if (radial && (rc = render_radial(m, px, py)) != CKG_OK)
        return rc;
    if (m->key_beside && (rc = render_arrange(ctx, m, engine, px, py, diags)) != CKG_OK)
        return rc;
    return render_build_graph(m, engine, m->key_beside || radial ? px : NULL,
                              m->key_beside || radial ? py : NULL, 1,
                              render_format_wants_tooltips(m->opt->format), ag);
}

int render_needs_context(const render_options *opt)
{
    const char *engine = opt->engine ? opt->engine : "sfdp";
    return opt->format != RENDER_FORMAT_DOT || opt->top == RENDER_TOP_SLIDE ||
           (render_engine_check(engine) && arranged(render_engine_check(engine)));
}

int render_map(render_context *ctx, const ckg_ontology *o, const render_options *opt,
               diag_list *diags, char **out, size_t *len, render_summary *summary)
{
    render_style atlas;
    map m = {.o = o, .opt = opt, .style = choose_style(opt, &atlas)};
    Agraph_t *ag = NULL;
    double *px = NULL, *py = NULL;
    int rc;
    *out = NULL;
    *len = 0;
    if (summary)
        *summary = (render_summary){0};
    const char *engine = render_engine_check(opt->engine ? opt->engine
                                             : opt->focus >= 0 ? "radial"
                                                               : "sfdp");
    if (!engine) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "unknown layout engine '%s' (dot, neato, fdp, sfdp, circo, twopi or radial)", opt->engine);
        return CKG_EUSAGE;
    }
    if (!ctx && render_needs_context(opt)) {
        diag_add(diags, DIAG_ERROR, NULL, "this map is laid out to be drawn: it needs a "
                                          "Graphviz context (render_context_new)");
        return CKG_EUSAGE;
    }
    if (opt->format == RENDER_FORMAT_PNG && opt->dpi < 0) {
        diag_add(diags, DIAG_ERROR, NULL, "the resolution of a PNG must be positive");
        return CKG_EUSAGE;
    }
    int radial = strcmp(engine, "radial") == 0;
    if (radial && opt->focus < 0) {
        diag_add(diags, DIAG_ERROR, NULL, "the radial layout draws ego maps: name the concept "
                                          "in the middle with --focus");
        return CKG_EUSAGE;
    }
    if ((rc = m.style->scope(&m, diags)) != CKG_OK)
        goto out;
    size_t nv = m.g->n_vertices ? m.g->n_vertices : 1, ne = m.g->n_edges ? m.g->n_edges : 1;
    size_t n_nodes = m.g->n_vertices + m.g->n_edges + 1;
    rc = CKG_ENOMEM;
    if (!(m.candidate = calloc(nv, 1)) || !(m.order = calloc(nv, sizeof *m.order)) ||
        !(m.eligible = calloc(ne, 1)) || !(m.shown = calloc(nv, 1)) ||
        !(m.measure = calloc(nv, sizeof *m.measure)) ||
        !(m.font = calloc(nv, sizeof *m.font)) || !(m.labeled = calloc(ne, 1)) ||
        !(m.dist = calloc(nv, sizeof *m.dist)) || !(m.drawn = calloc(ne, 1)) ||
        !(m.titles = calloc(n_nodes, sizeof *m.titles)) ||
        !(px = calloc(n_nodes, sizeof *px)) || !(py = calloc(n_nodes, sizeof *py)))
        goto out;
    if ((rc = render_size_measure(&m, opt->size_by, diags)) != CKG_OK ||
        (rc = render_select_concepts(&m, diags)) != CKG_OK ||
        (rc = render_build_dict(&m)) != CKG_OK || (rc = make_titles(&m)) != CKG_OK)
        goto out;
    m.phrase_nodes = render_wants_phrase_nodes(engine) || strcmp(engine, "radial") == 0;
    m.key_beside = arranged(engine);
    const font_plan *fonts = m.key_beside             ? &arranged_fonts
                             : strcmp(engine, "dot") == 0 ? &dot_fonts
                                                          : &other_fonts;
    m.phrase_font = fonts->phrase;
    /* How many concepts: those asked for, or for a slide the most (down to SLIDE_LEAST)
     * whose map, fitted to the slide, keeps every label readable. A diff map shows all
     * unless asked. */
    int slide = opt->top == RENDER_TOP_SLIDE && m.style != &render_style_diff;
    size_t n = opt->top > 0 ? (size_t)opt->top : slide ? SLIDE_MOST : SIZE_MAX;
    size_t least = SLIDE_LEAST;
    if (n > m.n_candidates)
        n = m.n_candidates;
    for (;;) {
        /* too many relations is known before any layout */
        if (slide && n > least) {
            render_select_top(&m, n, SLIDE_LEAST);
            if (m.n_edges > SLIDE_RELATIONS) {
                n--;
                continue;
            }
        }
        if ((rc = build_map(ctx, &m, engine, fonts, n, slide, px, py, diags, &ag)) != CKG_OK)
            goto out;
        if (!slide || n <= least)
            break;
        double w, h;
        if ((rc = render_measure(ctx, ag, radial || m.key_beside ? "neato" : engine, diags, &w,
                                 &h)) != CKG_OK)
            goto out;
        if (fits_slide(&m, w, h))
            break;
        agclose(ag);
        ag = NULL;
        n--;
    }
    if ((rc = render_draw(ctx, &m, ag, radial || m.key_beside ? "neato" : engine, diags, out,
                          len)) != CKG_OK)
        goto out;
    if (summary)
        rc = summarize(&m, summary);
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
