/* metrics_paths.c — betweenness, harmonic centrality and diameter from one BFS per vertex.
 *
 * Why not igraph's functions: each of igraph_betweenness, igraph_harmonic_centrality and
 * igraph_diameter runs its own breadth-first search from every vertex, so the three cost
 * three times O(n m), single-threaded; at 20,000 concepts that is over a minute. Here one
 * search per source serves all three (Brandes' accumulation for betweenness, the distance
 * counts of each level for harmonic centrality, the last level for the eccentricity), the
 * vertices are renumbered in BFS order first (neighbor lists sorted) so that a search walks
 * memory mostly forward, and sources are spread over threads. The cross-check
 * (tests/crosscheck) and test_metrics compare the results with igraph's to 1e-9.
 *
 * Determinism: sources are cut into blocks fixed by n alone; each block's betweenness is
 * summed into a private array, and blocks are added to the total strictly in block order.
 * Harmonic centrality and eccentricity belong to one source each. So the floating-point
 * result is the same whatever the number of threads. */
#include "metrics_internal.h"
#include "ckg/status.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_THREADS = 64, MAX_BLOCKS = 256 };

typedef struct paths_job {
    const metrics_csr *g;
    int want_betweenness;
    double *betweenness; /* raw sums, both directions of each pair */
    double *harmonic;    /* raw sums of 1/d */
    int32_t *eccentricity;
    size_t block_size, n_blocks;

    pthread_mutex_t lock;
    pthread_cond_t merged_cond;
    size_t next_block; /* the next block to hand out */
    size_t merged;     /* blocks added to betweenness so far */
} paths_job;

typedef struct paths_worker {
    paths_job *job;
    int32_t *dist, *queue;
    size_t *level_count;
    double *sigma, *delta, *partial;
} paths_worker;

static void worker_free(paths_worker *w)
{
    free(w->dist);
    free(w->queue);
    free(w->level_count);
    free(w->sigma);
    free(w->delta);
    free(w->partial);
}

static int worker_init(paths_worker *w, paths_job *job)
{
    size_t n = job->g->n ? job->g->n : 1;
    memset(w, 0, sizeof *w);
    w->job = job;
    w->dist = malloc(n * sizeof *w->dist);
    w->queue = malloc(n * sizeof *w->queue);
    w->level_count = malloc((n + 1) * sizeof *w->level_count);
    w->sigma = malloc(n * sizeof *w->sigma);
    w->delta = malloc(n * sizeof *w->delta);
    w->partial = job->want_betweenness ? malloc(n * sizeof *w->partial) : NULL;
    if (!w->dist || !w->queue || !w->level_count || !w->sigma || !w->delta ||
        (job->want_betweenness && !w->partial)) {
        worker_free(w);
        return CKG_ENOMEM;
    }
    for (size_t i = 0; i < job->g->n; i++)
        w->dist[i] = -1;
    return CKG_OK;
}

/* The search from s: distances, numbers of shortest paths (sigma), then, walking the BFS
 * order backwards, each vertex's dependency on s (delta) added to partial. */
static void search(paths_worker *w, int32_t s)
{
    const int32_t *off = w->job->g->offset, *adj = w->job->g->adj;
    int32_t *dist = w->dist, *queue = w->queue;
    double *sigma = w->sigma, *delta = w->delta;
    size_t head = 0, tail = 0;

    queue[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1.0;
    while (head < tail) {
        int32_t v = queue[head++];
        int32_t next = dist[v] + 1;
        double sv = sigma[v];
        for (int32_t k = off[v]; k < off[v + 1]; k++) {
            int32_t x = adj[k];
            if (dist[x] < 0) {
                dist[x] = next;
                sigma[x] = sv;
                queue[tail++] = x;
            } else if (dist[x] == next) {
                sigma[x] += sv;
            }
        }
    }
    /* harmonic: sum over levels of (vertices at distance d) / d */
    int32_t ecc = dist[queue[tail - 1]];
    for (int32_t d = 0; d <= ecc; d++)
        w->level_count[d] = 0;
    for (size_t i = 0; i < tail; i++)
        w->level_count[dist[queue[i]]]++;
    double h = 0.0;
    for (int32_t d = 1; d <= ecc; d++)
        h += (double)w->level_count[d] / (double)d;
    if (w->job->harmonic)
        w->job->harmonic[s] = h;
    if (w->job->eccentricity)
        w->job->eccentricity[s] = ecc;

    if (w->job->want_betweenness) {
        for (size_t i = 0; i < tail; i++)
            delta[queue[i]] = 0.0;
        for (size_t i = tail; i-- > 1;) {
            int32_t x = queue[i];
            int32_t prev = dist[x] - 1;
            double coeff = (1.0 + delta[x]) / sigma[x];
            for (int32_t k = off[x]; k < off[x + 1]; k++) {
                int32_t v = adj[k];
                if (dist[v] == prev)
                    delta[v] += sigma[v] * coeff;
            }
            w->partial[x] += delta[x];
        }
    }
    for (size_t i = 0; i < tail; i++)
        dist[queue[i]] = -1;
}

static void *work(void *arg)
{
    paths_worker *w = arg;
    paths_job *job = w->job;
    size_t n = job->g->n;
    for (;;) {
        pthread_mutex_lock(&job->lock);
        size_t b = job->next_block++;
        pthread_mutex_unlock(&job->lock);
        if (b >= job->n_blocks)
            break;
        size_t first = b * job->block_size, last = first + job->block_size;
        if (last > n)
            last = n;
        if (job->want_betweenness)
            memset(w->partial, 0, n * sizeof *w->partial);
        for (size_t s = first; s < last; s++)
            search(w, (int32_t)s);
        if (!job->want_betweenness)
            continue;
        /* add this block's sums after every earlier block's, never before */
        pthread_mutex_lock(&job->lock);
        while (job->merged != b)
            pthread_cond_wait(&job->merged_cond, &job->lock);
        pthread_mutex_unlock(&job->lock);
        for (size_t v = 0; v < n; v++)
            job->betweenness[v] += w->partial[v];
        pthread_mutex_lock(&job->lock);
        job->merged++;
        pthread_cond_broadcast(&job->merged_cond);
        pthread_mutex_unlock(&job->lock);
    }
    return NULL;
}

static int compare_int32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

/* Renumbers the vertices in breadth-first order (component by component, from the lowest
 * unvisited vertex) and sorts each neighbor list, so that a search walks through memory
 * mostly forward. perm[new] = old. */
static int relabel(const metrics_csr *g, metrics_csr *h, int32_t *perm)
{
    size_t n = g->n, m = (size_t)g->offset[n];
    int32_t *inv = malloc((n ? n : 1) * sizeof *inv);
    h->n = n;
    h->offset = malloc((n + 1) * sizeof *h->offset);
    h->adj = malloc((m ? m : 1) * sizeof *h->adj);
    if (!inv || !h->offset || !h->adj) {
        free(inv);
        return CKG_ENOMEM; /* h->offset and h->adj are the caller's to free */
    }
    for (size_t i = 0; i < n; i++)
        inv[i] = -1;
    size_t count = 0;
    for (size_t r = 0; r < n; r++) {
        if (inv[r] >= 0)
            continue;
        size_t head = count;
        perm[count] = (int32_t)r;
        inv[r] = (int32_t)count++;
        while (head < count) {
            int32_t v = perm[head++];
            for (int32_t k = g->offset[v]; k < g->offset[v + 1]; k++) {
                int32_t x = g->adj[k];
                if (inv[x] < 0) {
                    inv[x] = (int32_t)count;
                    perm[count++] = x;
                }
            }
        }
    }
    h->offset[0] = 0;
    for (size_t i = 0; i < n; i++) {
        int32_t v = perm[i], k = h->offset[i];
        for (int32_t j = g->offset[v]; j < g->offset[v + 1]; j++)
            h->adj[k++] = inv[g->adj[j]];
        h->offset[i + 1] = k;
        qsort(h->adj + h->offset[i], (size_t)(k - h->offset[i]), sizeof *h->adj, compare_int32);
    }
    free(inv);
    return CKG_OK;
}

static unsigned thread_count(unsigned asked, const metrics_csr *g, size_t n_blocks)
{
    unsigned t = asked;
    if (!t) {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        t = online > 0 ? (unsigned)online : 1;
    }
    if (t > MAX_THREADS)
        t = MAX_THREADS;
    /* below ~10^6 steps in all, threads cost more than they save */
    if ((double)g->n * (double)(g->n + (size_t)g->offset[g->n]) < 1e6)
        t = 1;
    if (t > n_blocks)
        t = (unsigned)(n_blocks ? n_blocks : 1);
    return t;
}

int metrics_paths(const metrics_csr *g, unsigned threads, double *betweenness,
                  double *harmonic, size_t *diameter)
{
    int rc = CKG_ENOMEM;
    size_t n = g->n;
    metrics_csr h = {0};
    int32_t *perm = NULL, *ecc = NULL;
    double *bc = NULL, *hc = NULL;
    paths_worker workers[MAX_THREADS];
    pthread_t tids[MAX_THREADS];
    unsigned n_workers = 0, n_started = 0;
    paths_job job = {.g = &h, .want_betweenness = betweenness != NULL};
    int sync = 0;

    if (diameter)
        *diameter = 0;
    if (n == 0)
        return CKG_OK;
    if (!(perm = malloc(n * sizeof *perm)) || relabel(g, &h, perm) != CKG_OK)
        goto out;
    if ((betweenness && !(bc = calloc(n, sizeof *bc))) ||
        (harmonic && !(hc = malloc(n * sizeof *hc))) ||
        (diameter && !(ecc = malloc(n * sizeof *ecc))))
        goto out;
    job.betweenness = bc;
    job.harmonic = hc;
    job.eccentricity = ecc;
    job.n_blocks = n < MAX_BLOCKS ? n : MAX_BLOCKS;
    job.block_size = (n + job.n_blocks - 1) / job.n_blocks;
    job.n_blocks = (n + job.block_size - 1) / job.block_size;
    if (pthread_mutex_init(&job.lock, NULL) != 0)
        goto out;
    if (pthread_cond_init(&job.merged_cond, NULL) != 0) {
        pthread_mutex_destroy(&job.lock);
        goto out;
    }
    sync = 1;

    unsigned want = thread_count(threads, &h, job.n_blocks);
    for (; n_workers < want; n_workers++) {
        if (worker_init(&workers[n_workers], &job) != CKG_OK)
            break;
    }
    if (n_workers == 0)
        goto out;
    /* worker 0 is this thread; a thread that cannot start leaves its share to the others */
    for (unsigned i = 1; i < n_workers; i++) {
        if (pthread_create(&tids[i], NULL, work, &workers[i]) != 0)
            break;
        n_started = i;
    }
    work(&workers[0]);
    for (unsigned i = 1; i <= n_started; i++)
        pthread_join(tids[i], NULL);

    /* back to the caller's numbering, normalized */
    double nn = (double)n;
    for (size_t i = 0; i < n; i++) {
        size_t v = (size_t)perm[i];
        if (betweenness)
            betweenness[v] = n > 2 ? bc[i] / ((nn - 1.0) * (nn - 2.0)) : 0.0;
        if (harmonic)
            harmonic[v] = n > 1 ? hc[i] / (nn - 1.0) : 0.0;
        if (diameter && (size_t)ecc[i] > *diameter)
            *diameter = (size_t)ecc[i];
    }
    rc = CKG_OK;
out:
    for (unsigned i = 0; i < n_workers; i++)
        worker_free(&workers[i]);
    if (sync) {
        pthread_cond_destroy(&job.merged_cond);
        pthread_mutex_destroy(&job.lock);
    }
    free(h.offset);
    free(h.adj);
    free(perm);
    free(bc);
    free(hc);
    free(ecc);
    return rc;
}
