/* metrics_hits.c — Kleinberg's hub and authority scores, made unique when the principal
 * eigenvalue is not.
 *
 * Hub scores are a principal eigenvector of M = A·Aᵀ. When that eigenvalue is repeated (a
 * path a->b->c->d; two equal stars; common in sparse scopes), any vector of its eigenspace
 * qualifies, and ARPACK returns whichever its start vector leads to: igraph's C library and
 * python-igraph then disagree, and neither answer means anything. ckg returns the vector
 * Kleinberg's own iteration converges to from all ones (h <- A·Aᵀ·h, as NetworkX's hits
 * does): the projection of the all-ones vector onto the principal eigenspace. In the usual,
 * simple case that is the principal eigenvector itself, as igraph computes it.
 *
 * How: M splits into blocks, one per connected component of the bipartite graph "i as a hub
 * -- j as an authority" for each edge i->j. Each block is irreducible, so by Perron-Frobenius
 * its top eigenvalue is simple with a positive eigenvector p (igraph's ARPACK on the block's
 * own bipartite graph, or a closed form when the block has one hub or one authority). The
 * principal eigenspace of M is spanned by the p of the blocks whose eigenvalue equals the
 * largest (to a relative 1e-9), and the projection of all ones onto it is the sum over those
 * blocks of p * sum(p) / |p|². Authority scores are Aᵀ·hub. Both are scaled so the largest
 * is 1; a graph without edges has all scores 1 (M = 0: every vector is principal), as igraph
 * defines it. */
#include "ckg/status.h"
#include "metrics_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int32_t find(int32_t *parent, int32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* The Perron vector of one block with hubs L (nl) and authorities R (nr) and its edges
 * (local ends), into p[0..nl). */
static igraph_error_t block_vector(size_t nl, size_t nr, const int32_t *lfrom,
                                   const int32_t *lto, const double *w, size_t ne, double *p)
{
    if (nl == 1) {
        p[0] = 1.0;
        return IGRAPH_SUCCESS;
    }
    if (nr == 1) {
        /* M = w·wᵀ: the hubs' weights into the one authority */
        for (size_t e = 0; e < ne; e++)
            p[lfrom[e]] = w ? w[e] : 1.0;
        return IGRAPH_SUCCESS;
    }
    igraph_t sub;
    igraph_vector_int_t ends;
    igraph_vector_t hv, av, lw;
    igraph_vector_t *vecs[] = {&hv, &av, &lw};
    size_t n_vecs = 0;
    igraph_error_t err = IGRAPH_SUCCESS;
    int have_sub = 0;
    for (; n_vecs < 3; n_vecs++) {
        if ((err = igraph_vector_init(vecs[n_vecs], 0)) != IGRAPH_SUCCESS)
            goto out;
    }
    if ((err = igraph_vector_int_init(&ends, (igraph_integer_t)(2 * ne))) != IGRAPH_SUCCESS)
        goto out;
    for (size_t e = 0; e < ne; e++) {
        VECTOR(ends)[2 * e] = lfrom[e];
        VECTOR(ends)[2 * e + 1] = (igraph_integer_t)nl + lto[e];
    }
    err = igraph_create(&sub, &ends, (igraph_integer_t)(nl + nr), IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&ends);
    if (err != IGRAPH_SUCCESS)
        goto out;
    have_sub = 1;
    if (w) {
        if ((err = igraph_vector_resize(&lw, (igraph_integer_t)ne)) != IGRAPH_SUCCESS)
            goto out;
        for (size_t e = 0; e < ne; e++)
            VECTOR(lw)[e] = w[e];
    }
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    if ((err = igraph_hub_and_authority_scores(&sub, &hv, &av, NULL, 0, w ? &lw : NULL,
                                               &arpack)) != IGRAPH_SUCCESS)
        goto out;
    double sum = 0.0;
    for (size_t i = 0; i < nl; i++)
        sum += VECTOR(hv)[i];
    for (size_t i = 0; i < nl; i++)
        p[i] = sum < 0 ? -VECTOR(hv)[i] : VECTOR(hv)[i];
out:
    if (have_sub)
        igraph_destroy(&sub);
    for (size_t i = 0; i < n_vecs; i++)
        igraph_vector_destroy(vecs[i]);
    return err;
}

static void scale_to_max(double *x, size_t n)
{
    double max = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (x[i] > max)
            max = x[i];
    }
    for (size_t i = 0; i < n && max > 0; i++)
        x[i] /= max;
}

igraph_error_t metrics_hits(size_t n, const int32_t *from, const int32_t *to, const double *w,
                            size_t ne, double *hub, double *authority)
{
    igraph_error_t err = IGRAPH_ENOMEM;
    int32_t *parent = NULL, *block_of = NULL, *start = NULL, *order = NULL, *local = NULL;
    int32_t *lfrom = NULL, *lto = NULL, *hubs = NULL, *edge_block = NULL, *fill = NULL;
    double *lw = NULL, *p = NULL, *lambda = NULL, *coef = NULL, *atp = NULL, *vec = NULL;
    size_t nb = 0;

    if (ne == 0) {
        for (size_t v = 0; v < n; v++)
            hub[v] = authority[v] = 1.0;
        return IGRAPH_SUCCESS;
    }
    /* blocks: components of the bipartite graph, hub i = i, authority j = n + j */
    if (!(parent = malloc(2 * n * sizeof *parent)) || !(block_of = malloc(2 * n * sizeof *block_of)) ||
        !(start = calloc(ne + 1, sizeof *start)) || !(order = malloc(ne * sizeof *order)) ||
        !(local = malloc(2 * n * sizeof *local)) || !(lfrom = malloc(ne * sizeof *lfrom)) ||
        !(lto = malloc(ne * sizeof *lto)) || !(hubs = malloc(n * sizeof *hubs)) ||
        !(lw = malloc(ne * sizeof *lw)) || !(p = calloc(n, sizeof *p)) ||
        !(lambda = malloc(ne * sizeof *lambda)) || !(coef = malloc(ne * sizeof *coef)) ||
        !(atp = calloc(n, sizeof *atp)) || !(vec = malloc(n * sizeof *vec)) ||
        !(edge_block = malloc(ne * sizeof *edge_block)) || !(fill = malloc(ne * sizeof *fill)))
        goto out;
    for (size_t x = 0; x < 2 * n; x++) {
        parent[x] = (int32_t)x;
        block_of[x] = -1;
        local[x] = -1;
    }
    for (size_t e = 0; e < ne; e++) {
        int32_t a = find(parent, from[e]), b = find(parent, (int32_t)n + to[e]);
        if (a != b)
            parent[a] = b;
    }
    /* number the blocks by first edge, then list each block's edges together */
    for (size_t e = 0; e < ne; e++) {
        int32_t r = find(parent, from[e]);
        if (block_of[r] < 0)
            block_of[r] = (int32_t)nb++;
        edge_block[e] = block_of[r];
        start[edge_block[e] + 1]++;
    }
    for (size_t b = 0; b < nb; b++)
        start[b + 1] += start[b];
    memcpy(fill, start, nb * sizeof *fill);
    for (size_t e = 0; e < ne; e++)
        order[fill[edge_block[e]]++] = (int32_t)e;

    for (size_t b = 0; b < nb; b++) {
        size_t nl = 0, nr = 0, k = 0;
        for (int32_t q = start[b]; q < start[b + 1]; q++, k++) {
            int32_t e = order[q], i = from[e], j = (int32_t)n + to[e];
            if (local[i] < 0) {
                local[i] = (int32_t)nl;
                hubs[nl++] = i;
            }
            if (local[j] < 0)
                local[j] = (int32_t)nr++;
            lfrom[k] = local[i];
            lto[k] = local[j];
            lw[k] = w ? w[e] : 1.0;
        }
        if ((err = block_vector(nl, nr, lfrom, lto, w ? lw : NULL, k, vec)) != IGRAPH_SUCCESS)
            goto out;
        /* eigenvalue by the Rayleigh quotient |Aᵀp|² / |p|², and the projection of ones */
        double sum = 0.0, norm2 = 0.0, top = 0.0;
        for (size_t i = 0; i < nl; i++) {
            p[hubs[i]] = vec[i];
            sum += vec[i];
            norm2 += vec[i] * vec[i];
        }
        for (int32_t q = start[b]; q < start[b + 1]; q++) {
            int32_t e = order[q];
            atp[to[e]] += (w ? w[e] : 1.0) * p[from[e]];
        }
        for (int32_t q = start[b]; q < start[b + 1]; q++) {
            int32_t j = to[order[q]];
            top += atp[j] * atp[j];
            atp[j] = 0.0; /* each authority once */
        }
        lambda[b] = norm2 > 0 ? top / norm2 : 0.0;
        coef[b] = norm2 > 0 ? sum / norm2 : 0.0;
        for (size_t i = 0; i < nl; i++)
            local[hubs[i]] = -1;
        for (int32_t q = start[b]; q < start[b + 1]; q++)
            local[(int32_t)n + to[order[q]]] = -1;
    }

    double max = 0.0;
    for (size_t b = 0; b < nb; b++) {
        if (lambda[b] > max)
            max = lambda[b];
    }
    for (size_t v = 0; v < n; v++)
        hub[v] = authority[v] = 0.0;
    for (size_t b = 0; b < nb; b++) {
        if (lambda[b] < max * (1.0 - 1e-9))
            continue;
        for (int32_t q = start[b]; q < start[b + 1]; q++) {
            int32_t i = from[order[q]];
            hub[i] = coef[b] * p[i];
        }
    }
    for (size_t e = 0; e < ne; e++)
        authority[to[e]] += (w ? w[e] : 1.0) * hub[from[e]];
    scale_to_max(hub, n);
    scale_to_max(authority, n);
    err = IGRAPH_SUCCESS;
out:
    free(parent);
    free(block_of);
    free(start);
    free(order);
    free(local);
    free(lfrom);
    free(lto);
    free(hubs);
    free(lw);
    free(p);
    free(lambda);
    free(coef);
    free(atp);
    free(vec);
    free(edge_block);
    free(fill);
    return err;
}
