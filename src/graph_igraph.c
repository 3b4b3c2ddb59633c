/* graph_igraph.c — the igraph view of an analysis graph (graph_igraph.h). */
#include "graph_igraph.h"
#include "ckg/status.h"

void graph_igraph_quiet(void)
{
    static int done;
    if (!done) {
        igraph_set_error_handler(igraph_error_handler_ignore);
        igraph_set_warning_handler(igraph_warning_handler_ignore);
        done = 1;
    }
}

int graph_igraph(const ckg_graph *g, igraph_t *out, igraph_vector_t *weights)
{
    int rc = CKG_ENOMEM;
    igraph_vector_int_t ends;
    graph_igraph_quiet();
    if (igraph_vector_int_init(&ends, (igraph_integer_t)(2 * g->n_edges)) != IGRAPH_SUCCESS)
        return CKG_ENOMEM;
    for (size_t j = 0; j < g->n_edges; j++) {
        VECTOR(ends)[2 * j] = g->edges[j].from;
        VECTOR(ends)[2 * j + 1] = g->edges[j].to;
    }
    if (weights) {
        if (igraph_vector_resize(weights, (igraph_integer_t)g->n_edges) != IGRAPH_SUCCESS)
            goto out;
        for (size_t j = 0; j < g->n_edges; j++)
            VECTOR(*weights)[j] = (igraph_real_t)g->edges[j].n_papers;
    }
    if (igraph_create(out, &ends, (igraph_integer_t)g->n_vertices, IGRAPH_DIRECTED) !=
        IGRAPH_SUCCESS)
        goto out;
    rc = CKG_OK;
out:
    igraph_vector_int_destroy(&ends);
    return rc;
}
