/* metrics_basic.c — the part of metrics.h that needs no igraph: the names of the measures,
 * the options, degrees and PageRank (metrics_compute_basic, what `ckg show` ranks by; the
 * PageRank is metrics_pagerank.c's), and ranks and orders of any measure. metrics_compute
 * (metrics.c) starts from metrics_compute_basic and adds the measures igraph computes, so
 * both give the same degrees and PageRank to the last digit. */
#include "ckg/metrics.h"
#include "ckg/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const measure_names[METRICS_N_MEASURES] = {
    [METRICS_DEGREE] = "degree",         [METRICS_IN_DEGREE] = "in_degree",
    [METRICS_OUT_DEGREE] = "out_degree", [METRICS_BETWEENNESS] = "betweenness",
    [METRICS_HARMONIC] = "harmonic",     [METRICS_PAGERANK] = "pagerank",
    [METRICS_HUB] = "hub",               [METRICS_AUTHORITY] = "authority",
    [METRICS_CORENESS] = "coreness",     [METRICS_COMMUNITY] = "community",
};

const char *metrics_measure_name(metrics_measure m)
{
    return (unsigned)m < METRICS_N_MEASURES ? measure_names[m] : NULL;
}

int metrics_measure_from_name(const char *name, metrics_measure *out)
{
    for (int m = 0; m < METRICS_N_MEASURES; m++) {
        const char *a = measure_names[m], *b = name;
        while (*a && (*a == *b || (*a == '_' && *b == '-'))) {
            a++;
            b++;
        }
        if (!*a && !*b) {
            *out = (metrics_measure)m;
            return CKG_OK;
        }
    }
    return CKG_ENOTFOUND;
}

int metrics_measure_is_integer(metrics_measure m)
{
    return m == METRICS_DEGREE || m == METRICS_IN_DEGREE || m == METRICS_OUT_DEGREE ||
           m == METRICS_CORENESS || m == METRICS_COMMUNITY;
}

const char *metrics_community_method_name(metrics_community_method m)
{
    return m == METRICS_LOUVAIN ? "louvain" : "leiden";
}

void metrics_options_default(metrics_options *opt)
{
    *opt = (metrics_options){.weighted = 0, .damping = 0.85, .seed = 1,
                             .method = METRICS_LEIDEN, .threads = 0, .skip_paths = 0};
}

/* ------------------------------------------------------------------ compute */

int metrics_compute_basic(const ckg_graph *g, const metrics_options *opt_in, diag_list *diags,
                          metrics_result **out)
{
    int rc = CKG_ENOMEM;
    metrics_options opt;
    metrics_result *m = NULL;

    *out = NULL;
    if (opt_in)
        opt = *opt_in;
    else
        metrics_options_default(&opt);
    size_t n = g->n_vertices, ne = g->n_edges;
    if (!(opt.damping >= 0.0 && opt.damping < 1.0)) {
        diag_add(diags, DIAG_ERROR, NULL, "PageRank damping must be at least 0 and below 1, not %g",
                 opt.damping);
        return CKG_EUSAGE;
    }
    if (!(m = calloc(1, sizeof *m)))
        goto out;
    m->g = g;
    m->options = opt;
    m->n = n;
    for (int k = 0; k < METRICS_N_MEASURES; k++) {
        if (!(m->values[k] = calloc(n ? n : 1, sizeof *m->values[k])))
            goto out;
    }
    metrics_figures *fig = &m->graph;
    fig->nodes = n;
    fig->edges = ne;
    fig->density = n > 1 ? (double)ne / ((double)n * (double)(n - 1)) : 0.0;
    fig->modularity = fig->theme_modularity = NAN;

    /* degrees on D, straight from the edge list */
    for (size_t j = 0; j < ne; j++) {
        double w = opt.weighted ? (double)g->edges[j].n_papers : 1.0;
        m->values[METRICS_OUT_DEGREE][g->edges[j].from] += w;
        m->values[METRICS_IN_DEGREE][g->edges[j].to] += w;
    }
    for (size_t v = 0; v < n; v++)
        m->values[METRICS_DEGREE][v] =
            m->values[METRICS_IN_DEGREE][v] + m->values[METRICS_OUT_DEGREE][v];
    /* what igraph would compute is not known here */
    static const metrics_measure unknown[] = {METRICS_BETWEENNESS, METRICS_HARMONIC,
                                              METRICS_HUB, METRICS_AUTHORITY,
                                              METRICS_CORENESS, METRICS_COMMUNITY};
    for (size_t k = 0; k < sizeof unknown / sizeof *unknown; k++) {
        for (size_t v = 0; v < n; v++)
            m->values[unknown[k]][v] = NAN;
    }
    if ((rc = metrics_pagerank(g, opt.weighted, opt.damping, m->values[METRICS_PAGERANK])) != CKG_OK)
        goto out;
    rc = CKG_OK;
out:
    if (rc == CKG_OK)
        *out = m;
    else
        metrics_free(m);
    return rc;
}

void metrics_free(metrics_result *m)
{
    if (!m)
        return;
    for (int k = 0; k < METRICS_N_MEASURES; k++)
        free(m->values[k]);
    free(m);
}

double metrics_value(const metrics_result *m, size_t v, metrics_measure k)
{
    return m->values[k][v];
}

const double *metrics_values(const metrics_result *m, metrics_measure k)
{
    return m->values[k];
}

/* ------------------------------------------------------------------ ranks and order */

typedef struct keyed {
    double value;
    const char *id;
    size_t index;
} keyed;

/* Larger values first; NaN last; then by id (when set), then by index. */
static int compare_desc(const void *pa, const void *pb)
{
    const keyed *x = pa, *y = pb;
    int xn = isnan(x->value), yn = isnan(y->value);
    if (xn != yn)
        return xn - yn;
    if (!xn && x->value != y->value)
        return x->value > y->value ? -1 : 1;
    if (x->id && y->id) {
        int c = strcmp(x->id, y->id);
        if (c)
            return c;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

int metrics_rank_values(const double *values, size_t n, double *ranks)
{
    keyed *k = malloc((n ? n : 1) * sizeof *k);
    if (!k)
        return CKG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        k[i] = (keyed){values[i], NULL, i};
    qsort(k, n, sizeof *k, compare_desc);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && (k[j].value == k[i].value || (isnan(k[j].value) && isnan(k[i].value))))
            j++;
        /* positions i..j-1 hold ranks i+1..j: their average */
        double avg = ((double)(i + 1) + (double)j) / 2.0;
        for (size_t q = i; q < j; q++)
            ranks[k[q].index] = avg;
        i = j;
    }
    free(k);
    return CKG_OK;
}

/* In metrics_rank_values' sorted order the tie group of x starts after the values greater
 * than x (all the others when x is NaN, none of those when it is not) and holds the equal
 * ones: positions i..j-1 with i = greater, j = greater + equal, and the same average. */
double metrics_rank_of(const double *values, size_t n, size_t v)
{
    double x = values[v];
    size_t greater = 0, equal = 0;
    if (isnan(x)) {
        for (size_t i = 0; i < n; i++) {
            if (isnan(values[i]))
                equal++;
            else
                greater++;
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            greater += values[i] > x;
            equal += values[i] == x;
        }
    }
    return ((double)(greater + 1) + (double)(greater + equal)) / 2.0;
}

int metrics_ranks(const metrics_result *m, metrics_measure k, double *ranks)
{
    return metrics_rank_values(m->values[k], m->n, ranks);
}

int metrics_order(const metrics_result *m, metrics_measure k, size_t *order)
{
    keyed *x = malloc((m->n ? m->n : 1) * sizeof *x);
    if (!x)
        return CKG_ENOMEM;
    double sign = k == METRICS_COMMUNITY ? -1.0 : 1.0;
    for (size_t v = 0; v < m->n; v++)
        x[v] = (keyed){sign * m->values[k][v],
                       m->g->o->concepts[m->g->vertices[v].concept].id.s, v};
    qsort(x, m->n, sizeof *x, compare_desc);
    for (size_t i = 0; i < m->n; i++)
        order[i] = x[i].index;
    free(x);
    return CKG_OK;
}
