/* query_kpaths.c — the k shortest simple paths between two concepts (query_k_shortest_paths),
 * so that a path can go around a hub: with --avoid, or by asking for more paths than the
 * shortest.
 *
 * Yen's algorithm over the concepts, a step being any relation the walk lets through
 * (direction, kinds, paper; concepts in between of the theme and not avoided). Every path
 * found deviates from one already accepted at a spur concept; the spur part is the shortest
 * way from there to the end that avoids the root before the spur and the next concepts the
 * accepted paths with that root take. The spur search is a breadth-first search backwards
 * from the end (distances to it), then a walk forward from the spur taking at each step the
 * concept earliest in the ontology that stays on a shortest way: the lexicographically first
 * shortest spur. With it, Yen's algorithm yields exactly the first k paths in the order
 * (length, concepts' places in the ontology), so the result does not depend on the order of
 * statements or on hash tables. Paths are kept as arrays of concept indexes until the end,
 * when each becomes a query_path with the links of its steps (query_step_links). */
#include "ckg/status.h"
#include "query_internal.h"
#include "util/array.h"

#include <stdlib.h>
#include <string.h>

typedef struct node_path {
    int32_t *c; /* concepts, from the start to the end */
    size_t n;   /* how many (length + 1) */
} node_path;

typedef struct path_list {
    node_path *items;
    size_t n, cap;
} path_list;

typedef struct yen {
    const query_index *qi;
    const query_walk *w;
    int32_t a, b;
    int32_t *dist;           /* per concept: steps to b in the spur search, -1 unknown */
    int32_t *queue;
    unsigned char *removed;  /* per concept: in the root before the spur */
    unsigned char *cut;      /* per concept: the spur may not step to it first */
} yen;

static void list_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].c);
    free(l->items);
}

/* (length, then concepts in order) */
static int compare_paths(const node_path *x, const node_path *y)
{
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    for (size_t i = 0; i < x->n; i++) {
        if (x->c[i] != y->c[i])
            return x->c[i] < y->c[i] ? -1 : 1;
    }
    return 0;
}

static int list_has(const path_list *l, const node_path *p)
{
    for (size_t i = 0; i < l->n; i++) {
        if (compare_paths(&l->items[i], p) == 0)
            return 1;
    }
    return 0;
}

/* May the spur search stand on concept c (other than the spur itself)? */
static int usable(const yen *y, int32_t c, int32_t spur)
{
    return c != spur && !y->removed[c] && (c == y->b || query_concept_passes(y->qi, y->w, c));
}

/* Distances to b over usable concepts, walking the relations backwards. */
static void distances_to_end(yen *y, int32_t spur)
{
    size_t nc = y->qi->o->n_concepts, head = 0, tail = 0;
    memset(y->dist, 0xff, nc * sizeof *y->dist);
    y->dist[y->b] = 0;
    y->queue[tail++] = y->b;
    while (head < tail) {
        int32_t x = y->queue[head++];
        for (unsigned dir = QUERY_OUT; dir <= QUERY_IN; dir <<= 1) {
            if (!(y->w->direction & dir))
                continue;
            /* u -> x in direction dir: from x, look the other way */
            unsigned back = dir == QUERY_OUT ? QUERY_IN : QUERY_OUT;
            uint32_t lo, hi;
            query_adjacency(y->qi, x, back, &lo, &hi);
            for (uint32_t k = lo; k < hi; k++) {
                const query_stmt *s = query_adjacent_stmt(y->qi, back, k);
                int32_t u = query_other_end(s, back);
                if (y->dist[u] >= 0 || !query_stmt_passes(y->w, s) || !usable(y, u, spur))
                    continue;
                y->dist[u] = y->dist[x] + 1;
                y->queue[tail++] = u;
            }
        }
    }
}

/* From x, the concept earliest in the ontology, one step on, with want steps left to b
 * (-1: the fewest there are); not a concept cut when first_step. -1 when none. */
static int32_t next_step(const yen *y, int32_t x, int32_t want, int first_step)
{
    int32_t best = -1, best_dist = -1;
    for (unsigned dir = QUERY_OUT; dir <= QUERY_IN; dir <<= 1) {
        if (!(y->w->direction & dir))
            continue;
        uint32_t lo, hi;
        query_adjacency(y->qi, x, dir, &lo, &hi);
        for (uint32_t k = lo; k < hi; k++) {
            const query_stmt *s = query_adjacent_stmt(y->qi, dir, k);
            int32_t v = query_other_end(s, dir);
            int32_t d = y->dist[v];
            if (d < 0 || (first_step && y->cut[v]) || !query_stmt_passes(y->w, s) ||
                (want >= 0 && d != want))
                continue;
            if (best < 0 || d < best_dist || (d == best_dist && v < best)) {
                best = v;
                best_dist = d;
            }
        }
    }
    return best;
}

/* The lexicographically first shortest way from spur to b, appended to root (root->n
 * concepts, the last being spur) into *out; *out->c is NULL when there is none. */
static int spur_path(yen *y, const int32_t *root, size_t n_root, node_path *out)
{
    int32_t spur = root[n_root - 1];
    out->c = NULL;
    out->n = 0;
    distances_to_end(y, spur);
    int32_t v = spur == y->b ? -1 : next_step(y, spur, -1, 1);
    if (v < 0)
        return CKG_OK;
    size_t n = n_root + (size_t)y->dist[v] + 1;
    if (!(out->c = malloc(n * sizeof *out->c)))
        return CKG_ENOMEM;
    memcpy(out->c, root, n_root * sizeof *root);
    out->n = n_root;
    out->c[out->n++] = v;
    while (v != y->b) {
        v = next_step(y, v, y->dist[v] - 1, 0);
        out->c[out->n++] = v; /* a shortest way always goes on */
    }
    return CKG_OK;
}

/* Every spur of the path last accepted: new candidates into cand. */
static int add_candidates(yen *y, const path_list *accepted, path_list *cand)
{
    const node_path *last = &accepted->items[accepted->n - 1];
    size_t nc = y->qi->o->n_concepts;
    for (size_t i = 0; i + 1 < last->n; i++) {
        memset(y->removed, 0, nc);
        memset(y->cut, 0, nc);
        for (size_t r = 0; r < i; r++)
            y->removed[last->c[r]] = 1;
        for (size_t p = 0; p < accepted->n; p++) {
            const node_path *q = &accepted->items[p];
            if (q->n > i + 1 && memcmp(q->c, last->c, (i + 1) * sizeof *q->c) == 0)
                y->cut[q->c[i + 1]] = 1;
        }
        node_path np;
        int rc = spur_path(y, last->c, i + 1, &np);
        if (rc != CKG_OK)
            return rc;
        if (!np.c)
            continue;
        if (list_has(cand, &np) || list_has(accepted, &np)) {
            free(np.c);
            continue;
        }
        if (ARRAY_GROW(cand->items, cand->cap, cand->n + 1) != CKG_OK) {
            free(np.c);
            return CKG_ENOMEM;
        }
        cand->items[cand->n++] = np;
    }
    return CKG_OK;
}

/* The accepted paths as query_paths, with the links of every step. */
static int to_result(const yen *y, const path_list *accepted, query_paths *res)
{
    if (!accepted->n)
        return CKG_OK;
    if (!(res->paths = arena_calloc(&res->mem, accepted->n, sizeof *res->paths)))
        return CKG_ENOMEM;
    for (size_t i = 0; i < accepted->n; i++) {
        const node_path *np = &accepted->items[i];
        query_path *p = &res->paths[i];
        p->length = np->n - 1;
        if (!(p->concepts = arena_alloc(&res->mem, np->n * sizeof *p->concepts)) ||
            !(p->steps = arena_calloc(&res->mem, p->length ? p->length : 1, sizeof *p->steps)))
            return CKG_ENOMEM;
        memcpy(p->concepts, np->c, np->n * sizeof *np->c);
        for (size_t s = 0; s < p->length; s++) {
            int rc = query_step_links(y->qi, y->w, np->c[s], np->c[s + 1], (uint32_t)(s + 1),
                                      &res->mem, &p->steps[s]);
            if (rc != CKG_OK)
                return rc;
        }
        res->n_paths++;
    }
    res->found = 1;
    res->length = res->paths[0].length;
    res->total = res->n_paths;
    return CKG_OK;
}

int query_k_shortest_paths(const query_index *qi, int32_t a, int32_t b, const query_filter *f,
                           size_t k, query_paths **out)
{
    size_t nc = qi->o->n_concepts;
    query_walk w;
    path_list accepted = {0}, cand = {0};
    query_paths *res = NULL;
    yen y = {qi, &w, a, b, NULL, NULL, NULL, NULL};
    int rc;
    *out = NULL;
    if (a < 0 || b < 0 || (size_t)a >= nc || (size_t)b >= nc || k == 0)
        return CKG_EUSAGE;
    if ((rc = query_walk_init(qi, f, &w)) != CKG_OK)
        return rc;
    rc = CKG_ENOMEM;
    if (!(res = calloc(1, sizeof *res)) || !(y.dist = malloc(nc * sizeof *y.dist)) ||
        !(y.queue = malloc(nc * sizeof *y.queue)) || !(y.removed = calloc(nc, 1)) ||
        !(y.cut = calloc(nc, 1)))
        goto out;
    res->from = a;
    res->to = b;
    /* the first: a itself when a is b, else the first shortest way */
    node_path first = {NULL, 0};
    if (a == b) {
        if (!(first.c = malloc(sizeof *first.c)))
            goto out;
        first.c[0] = a;
        first.n = 1;
    } else if ((rc = spur_path(&y, &a, 1, &first)) != CKG_OK) {
        goto out;
    }
    rc = CKG_ENOMEM;
    if (first.c) {
        if (ARRAY_GROW(accepted.items, accepted.cap, 1) != CKG_OK) {
            free(first.c);
            goto out;
        }
        accepted.items[accepted.n++] = first;
    }
    while (accepted.n && accepted.n < k) {
        if ((rc = add_candidates(&y, &accepted, &cand)) != CKG_OK)
            goto out;
        rc = CKG_ENOMEM;
        if (!cand.n)
            break;
        size_t best = 0;
        for (size_t i = 1; i < cand.n; i++) {
            if (compare_paths(&cand.items[i], &cand.items[best]) < 0)
                best = i;
        }
        if (ARRAY_GROW(accepted.items, accepted.cap, accepted.n + 1) != CKG_OK)
            goto out;
        accepted.items[accepted.n++] = cand.items[best];
        cand.items[best] = cand.items[--cand.n];
    }
    if ((rc = to_result(&y, &accepted, res)) != CKG_OK)
        goto out;
    *out = res;
    res = NULL;
out:
    query_paths_free(res);
    list_free(&accepted);
    list_free(&cand);
    free(y.dist);
    free(y.queue);
    free(y.removed);
    free(y.cut);
    query_walk_free(&w);
    return rc;
}
