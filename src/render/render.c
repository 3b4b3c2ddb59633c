/* render.c — render_map: a concept map through libgvc/libcgraph, in-process (stage: driver;
 * uses every stage, and chooses the style).
 *
 * The pipeline, each step a stage of render_internal.h:
 *   style      chosen once from the options (a diff map, or the map of one scope; either
 *              for the atlas);
 *   scope      the style's graph of what is drawn (graph_build, or two scopes' union);
 *   measure    the centrality that sizes the boxes, of the whole scope graph;
 *   select     the concepts shown, the relations drawn, those that carry their phrase;
 *   size/text  font sizes, the line-break dictionary, every object's <title> (the style's);
 *   layout     the radial positions (engine "radial"), the cgraph graph for the engine;
 *   draw       laid out and written as SVG or DOT.
 * Nothing here asks which kind of map it draws: that is the style's (style_*.c).
 *
 * Determinism: nodes and edges are created in vertex and edge order of the graph, seeds are
 * fixed (start=1), and nothing depends on time or addresses; Graphviz 2.42's fdp is the one
 * engine that still varies from run to run. */
#include "render_internal.h"

#include "ckg/status.h"

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
    summary->n_relations = m->n_edges;
    summary->n_labeled = m->n_labeled;
    return m->style->summarize ? m->style->summarize(m, summary) : CKG_OK;
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
    const char *engine = render_engine_check(opt->engine ? opt->engine : "dot");
    if (!engine) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "unknown layout engine '%s' (dot, neato, fdp, sfdp, circo, twopi or radial)", opt->engine);
        return CKG_EUSAGE;
    }
    if ((rc = m.style->scope(&m, diags)) != CKG_OK)
        goto out;
    size_t nv = m.g->n_vertices ? m.g->n_vertices : 1, ne = m.g->n_edges ? m.g->n_edges : 1;
    rc = CKG_ENOMEM;
    if (!(m.shown = calloc(nv, 1)) || !(m.measure = calloc(nv, sizeof *m.measure)) ||
        !(m.font = calloc(nv, sizeof *m.font)) || !(m.labeled = calloc(ne, 1)) ||
        !(m.dist = calloc(nv, sizeof *m.dist)) || !(m.drawn = calloc(ne, 1)) ||
        !(m.titles = calloc(m.g->n_vertices + m.g->n_edges + 1, sizeof *m.titles)))
        goto out;
    if ((rc = render_size_measure(&m, opt->size_by, diags)) != CKG_OK ||
        (rc = render_select_concepts(&m, diags)) != CKG_OK)
        goto out;
    if ((rc = render_choose_labels(&m)) != CKG_OK || (rc = render_build_dict(&m)) != CKG_OK)
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
        if (m.shown[v] && (rc = m.style->node_title(&m, v, &m.titles[v])) != CKG_OK)
            goto out;
    }
    for (size_t j = 0; j < m.g->n_edges; j++) {
        if (render_edge_shown(&m, j) &&
            (rc = m.style->edge_title(&m, j, &m.titles[m.g->n_vertices + j])) != CKG_OK)
            goto out;
    }
    if (radial) {
        rc = CKG_ENOMEM;
        if (!(px = calloc(nv, sizeof *px)) || !(py = calloc(nv, sizeof *py)))
            goto out;
        if ((rc = render_radial(&m, px, py)) != CKG_OK)
            goto out;
    }
    if ((rc = render_build_graph(&m, engine, px, py, render_format_wants_tooltips(opt->format),
                                 &ag)) != CKG_OK)
        goto out;
    if ((rc = render_draw(ctx, &m, ag, radial ? "neato" : engine, diags, out, len)) != CKG_OK)
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
