/* graph_igraph.h — an analysis graph as igraph sees it, made when a measure needs igraph.
 *
 * graph_build makes plain arrays (graph.h) and links no igraph, so the commands that only
 * query (show's degrees and PageRank) start without it. The measures igraph computes
 * (metrics.c) make this view of the graph when they run and destroy it after. */
#ifndef CKG_GRAPH_IGRAPH_H
#define CKG_GRAPH_IGRAPH_H

#include "ckg/graph.h"

#include <igraph/igraph.h>

/* Tells igraph to ignore errors and warnings instead of printing and aborting: the library
 * never prints and never aborts, so every igraph call's status is checked instead. Call it
 * before the first igraph call of a computation; it does its work once. */
void graph_igraph_quiet(void);

/* The directed graph D of g as an igraph graph: vertex i is g->vertices[i], edge j is
 * g->edges[j] (same ids); weights (when not NULL, an initialised vector) gets each edge's
 * n_papers. CKG_OK or CKG_ENOMEM; on failure nothing is left to destroy but weights. */
int graph_igraph(const ckg_graph *g, igraph_t *out, igraph_vector_t *weights);

#endif
