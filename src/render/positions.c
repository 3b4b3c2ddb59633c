/* positions.c — where Graphviz puts the concepts of a graph, for other tools' drawings of it
 * (stage: layout; uses the base stage's context and error capture, nothing of the map).
 *
 * Every vertex is a circle of the given diameter without a label (there is nothing to
 * measure, so pango is not involved), every edge a plain edge; the engine (sfdp for the
 * GEXF export) lays them out with a fixed seed and overlap removal, and the centres are read
 * back in points (y up, as Gephi and Graphviz both draw). Nodes and edges are created in
 * vertex and edge order, so the same graph gives the same positions on every run. */
#include "render_internal.h"

#include "ckg/status.h"

#include <stdio.h>
#include <stdlib.h>

int render_positions(render_context *ctx, const ckg_graph *g, const char *engine,
                     const double *sizes, diag_list *diags, double *x, double *y)
{
    int rc = CKG_ENOMEM;
    char buf[64];
    Agnode_t **nodes = calloc(g->n_vertices ? g->n_vertices : 1, sizeof *nodes);
    Agraph_t *ag = NULL;
    if (!nodes)
        return CKG_ENOMEM;
    render_gv_errors_reset();
    if (!(ag = agopen("positions", Agdirected, NULL)))
        goto out;
    agattr(ag, AGRAPH, "overlap", "prism");
    agattr(ag, AGRAPH, "start", "1");
    agattr(ag, AGRAPH, "splines", "false");
    agattr(ag, AGNODE, "shape", "circle");
    agattr(ag, AGNODE, "fixedsize", "true");
    agattr(ag, AGNODE, "label", "");
    agattr(ag, AGNODE, "width", "0.2");
    for (size_t v = 0; v < g->n_vertices; v++) {
        snprintf(buf, sizeof buf, "v%zu", v);
        if (!(nodes[v] = agnode(ag, buf, 1)))
            goto out;
        snprintf(buf, sizeof buf, "%.4f", sizes[v] / 72.0);
        agset(nodes[v], "width", buf);
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        if (!agedge(ag, nodes[g->edges[j].from], nodes[g->edges[j].to], NULL, 1))
            goto out;
    }
    if (gvLayout(ctx->gvc, ag, engine) != 0) {
        render_gv_errors_report(diags, "lay the graph out");
        rc = CKG_EINVALID;
        goto out;
    }
    for (size_t v = 0; v < g->n_vertices; v++) {
        x[v] = ND_coord(nodes[v]).x;
        y[v] = ND_coord(nodes[v]).y;
    }
    gvFreeLayout(ctx->gvc, ag);
    rc = CKG_OK;
out:
    if (ag)
        agclose(ag);
    free(nodes);
    return rc;
}
