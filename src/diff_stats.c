/* diff_stats.c — the statistics of diff.h: Jaccard, Spearman's rho and Kendall's tau-b.
 *
 * Spearman ranks both samples with metrics_rank_values (average ranks for ties) and takes
 * the Pearson correlation of the ranks. Kendall's tau-b uses Knight's O(n log n) method:
 * sort the pairs by (x, y), count the ties in x and the joint ties along the sorted runs,
 * count the discordant pairs as the inversions a merge sort of the y sequence undoes (pairs
 * tied in x are already in y order, so they add none), then count the ties in y along the
 * sorted y sequence. Both return NaN (not an error) when the correlation is undefined: fewer
 * than two pairs, a sample whose values are all equal, or a NaN among the values. */
#include "ckg/diff.h"
#include "ckg/status.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

double diff_jaccard(size_t intersection, size_t union_size)
{
    return union_size ? (double)intersection / (double)union_size : NAN;
}

static int any_nan(const double *x, const double *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) || isnan(y[i]))
            return 1;
    }
    return 0;
}

static double clamp_unit(double r)
{
    return r > 1.0 ? 1.0 : r < -1.0 ? -1.0 : r;
}

int diff_spearman(const double *x, const double *y, size_t n, double *rho)
{
    *rho = NAN;
    if (n < 2 || any_nan(x, y, n))
        return CKG_OK;
    int rc = CKG_ENOMEM;
    double *rx = malloc(n * sizeof *rx), *ry = malloc(n * sizeof *ry);
    if (!rx || !ry || metrics_rank_values(x, n, rx) != CKG_OK ||
        metrics_rank_values(y, n, ry) != CKG_OK)
        goto out;
    /* both rank vectors have the mean (n + 1) / 2, whatever the ties */
    double mean = ((double)n + 1.0) / 2.0, sxy = 0.0, sxx = 0.0, syy = 0.0;
    for (size_t i = 0; i < n; i++) {
        double dx = rx[i] - mean, dy = ry[i] - mean;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx > 0.0 && syy > 0.0)
        *rho = clamp_unit(sxy / sqrt(sxx * syy));
    rc = CKG_OK;
out:
    free(rx);
    free(ry);
    return rc;
}

typedef struct xy {
    double x, y;
} xy;

static int compare_xy(const void *pa, const void *pb)
{
    const xy *a = pa, *b = pb;
    if (a->x != b->x)
        return a->x < b->x ? -1 : 1;
    if (a->y != b->y)
        return a->y < b->y ? -1 : 1;
    return 0;
}

/* Sorts v[0..n) ascending through tmp, returning the number of pairs i < j with
 * v[i] > v[j] (strictly: equal values are not an inversion). */
static uint64_t sort_counting_inversions(double *v, double *tmp, size_t n)
{
    uint64_t inv = 0;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (v[j] < v[i]) {
                    inv += mid - i; /* v[j] jumps over every value left in the left run */
                    tmp[k++] = v[j++];
                } else {
                    tmp[k++] = v[i++];
                }
            }
            while (i < mid)
                tmp[k++] = v[i++];
            while (j < hi)
                tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
    return inv;
}

/* t(t−1)/2 summed over the runs of equal values of a sorted sequence. */
static uint64_t tied_pairs(const double *v, size_t n)
{
    uint64_t ties = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && v[j] == v[i])
            j++;
        uint64_t t = j - i;
        ties += t * (t - 1) / 2;
        i = j;
    }
    return ties;
}

int diff_kendall_tau_b(const double *x, const double *y, size_t n, double *tau)
{
    *tau = NAN;
    if (n < 2 || any_nan(x, y, n))
        return CKG_OK;
    int rc = CKG_ENOMEM;
    xy *p = malloc(n * sizeof *p);
    double *ys = malloc(n * sizeof *ys), *tmp = malloc(n * sizeof *tmp);
    if (!p || !ys || !tmp)
        goto out;
    for (size_t i = 0; i < n; i++)
        p[i] = (xy){x[i], y[i]};
    qsort(p, n, sizeof *p, compare_xy);
    uint64_t ties_x = 0, ties_xy = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && p[j].x == p[i].x)
            j++;
        uint64_t t = j - i;
        ties_x += t * (t - 1) / 2;
        for (size_t a = i; a < j;) { /* runs of equal y inside the run of equal x */
            size_t b = a + 1;
            while (b < j && p[b].y == p[a].y)
                b++;
            uint64_t u = b - a;
            ties_xy += u * (u - 1) / 2;
            a = b;
        }
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        ys[i] = p[i].y;
    uint64_t discordant = sort_counting_inversions(ys, tmp, n);
    uint64_t ties_y = tied_pairs(ys, n);
    uint64_t pairs = (uint64_t)n * (n - 1) / 2;
    /* concordant − discordant = (pairs − ties_x − ties_y + ties_xy) − 2 discordant */
    double num = (double)pairs - (double)ties_x - (double)ties_y + (double)ties_xy -
                 2.0 * (double)discordant;
    double den = sqrt((double)(pairs - ties_x)) * sqrt((double)(pairs - ties_y));
    if (den > 0.0)
        *tau = clamp_unit(num / den);
    rc = CKG_OK;
out:
    free(p);
    free(ys);
    free(tmp);
    return rc;
}
