/* query.c — the statement index, and the walks over it: neighbors and shortest paths.
 *
 * The index is two counting sorts of the relation statements (by from, by to), so building
 * it is linear and keeps file order inside each group. Walks mark concepts in a per-call
 * array and collect "records" (a concept reached from a concept by one statement); records
 * are sorted and folded into query_links, one per (depth, direction, kind, concept), so
 * neighbors and path steps share one way of grouping what the papers say. Everything a
 * result holds lives in its arena. */
#include "ckg/query.h"
#include "query_internal.h"
#include "ckg/status.h"
#include "util/array.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- the index */

void query_index_free(query_index *qi)
{
    if (!qi)
        return;
    free(qi->stmts);
    free(qi->out_start);
    free(qi->in_stmts);
    free(qi->in_start);
    free(qi);
}

int query_index_build(const ckg_ontology *o, query_index **out)
{
    int rc = CKG_ENOMEM;
    size_t n = 0, nc = o->n_concepts;
    uint32_t *fill = NULL;
    query_index *qi = calloc(1, sizeof *qi);
    *out = NULL;
    if (!qi)
        return CKG_ENOMEM;
    qi->o = o;
    for (size_t p = 0; p < o->n_papers; p++)
        n += o->papers[p].n_relations;
    if (!(qi->stmts = malloc((n ? n : 1) * sizeof *qi->stmts)) ||
        !(qi->in_stmts = malloc((n ? n : 1) * sizeof *qi->in_stmts)) ||
        !(qi->out_start = calloc(nc + 1, sizeof *qi->out_start)) ||
        !(qi->in_start = calloc(nc + 1, sizeof *qi->in_start)) ||
        !(fill = malloc((nc + 1) * sizeof *fill)))
        goto out;
    /* count, then place: out_start[c + 1] counts statements leaving c, in_start[c + 1]
     * those entering it */
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *pp = &o->papers[p];
        for (size_t r = 0; r < pp->n_relations; r++) {
            const ckg_relation *rel = &pp->relations[r];
            if (rel->from_index < 0 || rel->to_index < 0 || rel->kind_index < 0 ||
                rel->from_index == rel->to_index)
                continue;
            qi->out_start[rel->from_index + 1]++;
            qi->in_start[rel->to_index + 1]++;
        }
    }
    for (size_t c = 0; c < nc; c++) {
        qi->out_start[c + 1] += qi->out_start[c];
        qi->in_start[c + 1] += qi->in_start[c];
    }
    memcpy(fill, qi->out_start, (nc + 1) * sizeof *fill);
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *pp = &o->papers[p];
        for (size_t r = 0; r < pp->n_relations; r++) {
            const ckg_relation *rel = &pp->relations[r];
            if (rel->from_index < 0 || rel->to_index < 0 || rel->kind_index < 0 ||
                rel->from_index == rel->to_index)
                continue;
            qi->stmts[fill[rel->from_index]++] = (query_stmt){
                rel->from_index, rel->to_index, rel->kind_index, (int32_t)p, rel};
        }
    }
    qi->n_stmts = qi->out_start[nc];
    memcpy(fill, qi->in_start, (nc + 1) * sizeof *fill);
    for (uint32_t s = 0; s < qi->n_stmts; s++)
        qi->in_stmts[fill[qi->stmts[s].to]++] = s;
    *out = qi;
    qi = NULL;
    rc = CKG_OK;
out:
    free(fill);
    query_index_free(qi);
    return rc;
}

/* ---------------------------------------------------------------- filters */

void query_walk_free(query_walk *w)
{
    free(w->kind_ok);
    free(w->avoided);
}

int query_walk_init(const query_index *qi, const query_filter *f, query_walk *w)
{
    *w = (query_walk){QUERY_BOTH, NULL, NULL, -1, -1};
    if (!f)
        return CKG_OK;
    w->direction = f->direction & QUERY_BOTH ? f->direction & QUERY_BOTH : QUERY_BOTH;
    w->paper = f->paper;
    w->theme = f->theme;
    if (f->kinds && f->n_kinds) {
        if (!(w->kind_ok = calloc(qi->o->n_kinds ? qi->o->n_kinds : 1, 1)))
            return CKG_ENOMEM;
        for (size_t i = 0; i < f->n_kinds; i++) {
            if (f->kinds[i] >= 0 && (size_t)f->kinds[i] < qi->o->n_kinds)
                w->kind_ok[f->kinds[i]] = 1;
        }
    }
    if (f->avoid && f->n_avoid) {
        if (!(w->avoided = calloc(qi->o->n_concepts ? qi->o->n_concepts : 1, 1))) {
            query_walk_free(w);
            return CKG_ENOMEM;
        }
        for (size_t i = 0; i < f->n_avoid; i++) {
            if (f->avoid[i] >= 0 && (size_t)f->avoid[i] < qi->o->n_concepts)
                w->avoided[f->avoid[i]] = 1;
        }
    }
    return CKG_OK;
}

int query_stmt_passes(const query_walk *w, const query_stmt *s)
{
    return (w->paper < 0 || s->paper == w->paper) && (!w->kind_ok || w->kind_ok[s->kind]);
}

int query_concept_passes(const query_index *qi, const query_walk *w, int32_t c)
{
    return (w->theme < 0 || qi->o->concepts[c].theme_index == w->theme) &&
           (!w->avoided || !w->avoided[c]);
}

/* ---------------------------------------------------------------- records and links */

/* A concept reached from via by one statement, at some depth, in some direction. */
typedef struct record {
    uint32_t depth;
    unsigned direction;
    int32_t kind, concept, via;
    const query_stmt *stmt;
} record;

typedef struct records {
    record *items;
    size_t n, cap;
} records;

static int records_push(records *rs, record r)
{
    if (ARRAY_GROW(rs->items, rs->cap, rs->n + 1) != CKG_OK)
        return CKG_ENOMEM;
    rs->items[rs->n++] = r;
    return CKG_OK;
}

static int cmp_i32(int32_t a, int32_t b)
{
    return a < b ? -1 : a > b;
}

static int compare_records(const void *pa, const void *pb)
{
    const record *a = pa, *b = pb;
    int c;
    if (a->depth != b->depth)
        return a->depth < b->depth ? -1 : 1;
    if (a->direction != b->direction)
        return a->direction < b->direction ? -1 : 1; /* QUERY_OUT (1) before QUERY_IN (2) */
    if ((c = cmp_i32(a->kind, b->kind)) || (c = cmp_i32(a->concept, b->concept)) ||
        (c = cmp_i32(a->via, b->via)) || (c = cmp_i32(a->stmt->paper, b->stmt->paper)))
        return c;
    /* relations of one paper are one array: address order is file order */
    return a->stmt->rel < b->stmt->rel ? -1 : a->stmt->rel > b->stmt->rel;
}

static int same_link(const record *a, const record *b)
{
    return a->depth == b->depth && a->direction == b->direction && a->kind == b->kind &&
           a->concept == b->concept;
}

static int compare_links(const void *pa, const void *pb)
{
    const query_link *a = pa, *b = pb;
    int c;
    if (a->depth != b->depth)
        return a->depth < b->depth ? -1 : 1;
    if (a->direction != b->direction)
        return a->direction < b->direction ? -1 : 1;
    if ((c = cmp_i32(a->kind, b->kind)))
        return c;
    if (a->n_papers != b->n_papers)
        return a->n_papers > b->n_papers ? -1 : 1;
    return cmp_i32(a->concept, b->concept);
}

/* Sorts the records and folds them into links allocated in mem; *out and *n_out receive
 * them, in the order of compare_links. */
static int fold_records(records *rs, arena *mem, query_link **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    if (!rs->n)
        return CKG_OK;
    qsort(rs->items, rs->n, sizeof *rs->items, compare_records);
    size_t n_links = 0;
    for (size_t i = 0; i < rs->n; i++)
        n_links += i == 0 || !same_link(&rs->items[i - 1], &rs->items[i]);
    query_link *links = arena_calloc(mem, n_links, sizeof *links);
    if (!links)
        return CKG_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < rs->n;) {
        size_t j = i;
        while (j < rs->n && same_link(&rs->items[i], &rs->items[j]))
            j++;
        query_link *l = &links[k++];
        const record *r = &rs->items[i];
        l->concept = r->concept;
        l->kind = r->kind;
        l->direction = r->direction;
        l->depth = r->depth;
        l->via = arena_alloc(mem, (j - i) * sizeof *l->via);
        l->papers = arena_alloc(mem, (j - i) * sizeof *l->papers);
        l->stmts = arena_alloc(mem, (j - i) * sizeof *l->stmts);
        if (!l->via || !l->papers || !l->stmts)
            return CKG_ENOMEM;
        for (size_t q = i; q < j; q++) {
            const record *x = &rs->items[q];
            /* records are sorted by via, so a new via differs from the last one */
            if (!l->n_via || l->via[l->n_via - 1] != x->via)
                l->via[l->n_via++] = x->via;
            size_t at = 0;
            while (at < l->n_papers && l->papers[at] < x->stmt->paper)
                at++;
            if (at == l->n_papers || l->papers[at] != x->stmt->paper) {
                memmove(&l->papers[at + 1], &l->papers[at], (l->n_papers - at) * sizeof *l->papers);
                l->papers[at] = x->stmt->paper;
                l->n_papers++;
            }
            l->stmts[l->n_stmts++] = x->stmt;
        }
        i = j;
    }
    qsort(links, n_links, sizeof *links, compare_links);
    *out = links;
    *n_out = n_links;
    return CKG_OK;
}

/* ---------------------------------------------------------------- neighbors */

void query_neighbors_free(query_neighbors *n)
{
    if (!n)
        return;
    arena_free(&n->mem);
    free(n);
}

int query_neighbors_walk(const query_index *qi, int32_t concept, uint32_t depth,
                         const query_filter *f, query_neighbors **out)
{
    const ckg_ontology *o = qi->o;
    int rc;
    query_walk w;
    records rs = {0};
    int32_t *seen = NULL, *cur = NULL, *next = NULL;
    unsigned char *paper_seen = NULL;
    query_neighbors *res = NULL;
    *out = NULL;
    if (depth == 0 || concept < 0 || (size_t)concept >= o->n_concepts)
        return CKG_EUSAGE;
    if ((rc = query_walk_init(qi, f, &w)) != CKG_OK)
        return rc;
    rc = CKG_ENOMEM;
    size_t nc = o->n_concepts;
    if (!(res = calloc(1, sizeof *res)) || !(seen = malloc(nc * sizeof *seen)) ||
        !(cur = malloc(nc * sizeof *cur)) || !(next = malloc(nc * sizeof *next)))
        goto out;
    res->concept = concept;
    res->depth = depth;
    memset(seen, 0xff, nc * sizeof *seen); /* -1: not reached */
    seen[concept] = 0;
    size_t n_cur = 1, n_next;
    cur[0] = concept;
    for (uint32_t d = 1; d <= depth && n_cur; d++) {
        n_next = 0;
        for (size_t i = 0; i < n_cur; i++) {
            int32_t u = cur[i];
            for (unsigned dir = QUERY_OUT; dir <= QUERY_IN; dir <<= 1) {
                if (!(w.direction & dir))
                    continue;
                uint32_t lo = dir == QUERY_OUT ? qi->out_start[u] : qi->in_start[u];
                uint32_t hi = dir == QUERY_OUT ? qi->out_start[u + 1] : qi->in_start[u + 1];
                for (uint32_t k = lo; k < hi; k++) {
                    const query_stmt *s =
                        dir == QUERY_OUT ? &qi->stmts[k] : &qi->stmts[qi->in_stmts[k]];
                    int32_t v = dir == QUERY_OUT ? s->to : s->from;
                    if (!query_stmt_passes(&w, s))
                        continue;
                    if (seen[v] < 0) {
                        if (!query_concept_passes(qi, &w, v))
                            continue;
                        seen[v] = (int32_t)d;
                        next[n_next++] = v;
                    }
                    if (seen[v] != (int32_t)d)
                        continue; /* reached earlier: a cycle or a shortcut */
                    if (records_push(&rs, (record){d, dir, s->kind, v, u, s}) != CKG_OK)
                        goto out;
                }
            }
        }
        res->n_concepts += n_next;
        int32_t *t = cur;
        cur = next;
        next = t;
        n_cur = n_next;
    }
    if ((rc = fold_records(&rs, &res->mem, &res->links, &res->n_links)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    if (!(paper_seen = calloc(o->n_papers ? o->n_papers : 1, 1)))
        goto out;
    for (size_t i = 0; i < res->n_links; i++) {
        for (size_t k = 0; k < res->links[i].n_papers; k++) {
            int32_t p = res->links[i].papers[k];
            res->n_papers += !paper_seen[p];
            paper_seen[p] = 1;
        }
    }
    *out = res;
    res = NULL;
    rc = CKG_OK;
out:
    query_neighbors_free(res);
    free(paper_seen);
    free(rs.items);
    free(seen);
    free(cur);
    free(next);
    query_walk_free(&w);
    return rc;
}

/* ---------------------------------------------------------------- shortest paths */

void query_paths_free(query_paths *p)
{
    if (!p)
        return;
    arena_free(&p->mem);
    free(p);
}

/* The statements following which, in the walk's direction, leads out of u: for QUERY_OUT
 * those leaving u, for QUERY_IN those entering it. */
void query_adjacency(const query_index *qi, int32_t u, unsigned dir, uint32_t *lo, uint32_t *hi)
{
    *lo = dir == QUERY_OUT ? qi->out_start[u] : qi->in_start[u];
    *hi = dir == QUERY_OUT ? qi->out_start[u + 1] : qi->in_start[u + 1];
}

const query_stmt *query_adjacent_stmt(const query_index *qi, unsigned dir, uint32_t k)
{
    return dir == QUERY_OUT ? &qi->stmts[k] : &qi->stmts[qi->in_stmts[k]];
}

int32_t query_other_end(const query_stmt *s, unsigned dir)
{
    return dir == QUERY_OUT ? s->to : s->from;
}

static int compare_int32(const void *a, const void *b)
{
    return cmp_i32(*(const int32_t *)a, *(const int32_t *)b);
}

/* The predecessors of v on shortest paths (dist one less, linked in the walk's direction),
 * ascending and unique, into buf (room for every statement touching v); returns how many. */
static size_t predecessors(const query_index *qi, const query_walk *w, const int32_t *dist,
                           int32_t v, int32_t *buf)
{
    size_t n = 0;
    for (unsigned dir = QUERY_OUT; dir <= QUERY_IN; dir <<= 1) {
        if (!(w->direction & dir))
            continue;
        /* u -> v in the walk's direction dir means v is reached from u: look the other way */
        unsigned back = dir == QUERY_OUT ? QUERY_IN : QUERY_OUT;
        uint32_t lo, hi;
        query_adjacency(qi, v, back, &lo, &hi);
        for (uint32_t k = lo; k < hi; k++) {
            const query_stmt *s = query_adjacent_stmt(qi, back, k);
            int32_t u = query_other_end(s, back);
            if (query_stmt_passes(w, s) && dist[u] >= 0 && dist[u] == dist[v] - 1)
                buf[n++] = u;
        }
    }
    qsort(buf, n, sizeof *buf, compare_int32);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!m || buf[m - 1] != buf[i])
            buf[m++] = buf[i];
    }
    return m;
}

/* The links of one step u -> v of a path, into *step. */
int query_step_links(const query_index *qi, const query_walk *w, int32_t u, int32_t v,
                      uint32_t number, arena *mem, query_step *step)
{
    records rs = {0};
    int rc = CKG_ENOMEM;
    for (unsigned dir = QUERY_OUT; dir <= QUERY_IN; dir <<= 1) {
        if (!(w->direction & dir))
            continue;
        uint32_t lo, hi;
        query_adjacency(qi, u, dir, &lo, &hi);
        for (uint32_t k = lo; k < hi; k++) {
            const query_stmt *s = query_adjacent_stmt(qi, dir, k);
            if (query_other_end(s, dir) == v && query_stmt_passes(w, s) &&
                records_push(&rs, (record){number, dir, s->kind, v, u, s}) != CKG_OK)
                goto out;
        }
    }
    rc = fold_records(&rs, mem, &step->links, &step->n_links);
out:
    free(rs.items);
    return rc;
}

/* Walks the shortest-path DAG back from b to a, listing up to max paths (0: all). */
typedef struct frame {
    int32_t v;
    int32_t *preds;
    size_t n_preds, next;
} frame;

static int list_paths(const query_index *qi, const query_walk *w, const int32_t *dist,
                      query_paths *res, size_t max, int32_t *buf)
{
    int rc = CKG_ENOMEM;
    size_t L = res->length, cap = 0;
    frame *stack = calloc(L + 1, sizeof *stack);
    if (!stack)
        return CKG_ENOMEM;
    size_t top = 0; /* stack[0..top] are live; stack[i].v is at distance L - i */
    stack[0].v = res->to;
    for (;;) {
        frame *fr = &stack[top];
        if (fr->v == res->from) {
            /* a full path: stack[top..0] */
            if (ARRAY_GROW(res->paths, cap, res->n_paths + 1) != CKG_OK)
                goto out;
            query_path *p = &res->paths[res->n_paths];
            if (!(p->concepts = arena_alloc(&res->mem, (L + 1) * sizeof *p->concepts)) ||
                !(p->steps = arena_calloc(&res->mem, L ? L : 1, sizeof *p->steps)))
                goto out;
            res->n_paths++;
            p->length = L;
            for (size_t i = 0; i <= L; i++)
                p->concepts[i] = stack[L - i].v;
            for (size_t i = 0; i < L; i++) {
                if ((rc = query_step_links(qi, w, p->concepts[i], p->concepts[i + 1], (uint32_t)(i + 1),
                                     &res->mem, &p->steps[i])) != CKG_OK)
                    goto out;
                rc = CKG_ENOMEM;
            }
            if (max && res->n_paths >= max)
                break;
            if (top == 0)
                break;
            top--;
            continue;
        }
        if (!fr->preds) {
            size_t n = predecessors(qi, w, dist, fr->v, buf);
            if (!(fr->preds = malloc((n ? n : 1) * sizeof *fr->preds)))
                goto out;
            memcpy(fr->preds, buf, n * sizeof *buf);
            fr->n_preds = n;
            fr->next = 0;
        }
        if (fr->next < fr->n_preds) {
            top++;
            free(stack[top].preds);
            stack[top] = (frame){fr->preds[fr->next++], NULL, 0, 0};
            continue;
        }
        if (top == 0)
            break;
        free(fr->preds);
        fr->preds = NULL;
        top--;
    }
    rc = CKG_OK;
out:
    if (res->n_paths == 0) {
        free(res->paths);
        res->paths = NULL;
    } else {
        /* the path array is malloc'd; move it into the arena so one free releases all */
        query_path *a = arena_alloc(&res->mem, res->n_paths * sizeof *a);
        if (a)
            memcpy(a, res->paths, res->n_paths * sizeof *a);
        else
            rc = CKG_ENOMEM;
        free(res->paths);
        res->paths = a;
        if (!a)
            res->n_paths = 0;
    }
    for (size_t i = 0; i <= L; i++)
        free(stack[i].preds);
    free(stack);
    return rc;
}

int query_shortest_paths(const query_index *qi, int32_t a, int32_t b, const query_filter *f,
                         size_t max_paths, query_paths **out)
{
    const ckg_ontology *o = qi->o;
    size_t nc = o->n_concepts;
    int rc;
    query_walk w;
    int32_t *dist = NULL, *queue = NULL, *buf = NULL;
    uint64_t *count = NULL;
    query_paths *res = NULL;
    *out = NULL;
    if (a < 0 || b < 0 || (size_t)a >= nc || (size_t)b >= nc)
        return CKG_EUSAGE;
    if ((rc = query_walk_init(qi, f, &w)) != CKG_OK)
        return rc;
    rc = CKG_ENOMEM;
    if (!(res = calloc(1, sizeof *res)) || !(dist = malloc(nc * sizeof *dist)) ||
        !(queue = malloc(nc * sizeof *queue)) || !(count = calloc(nc, sizeof *count)) ||
        !(buf = malloc((qi->n_stmts ? qi->n_stmts : 1) * sizeof *buf)))
        goto out;
    res->from = a;
    res->to = b;
    memset(dist, 0xff, nc * sizeof *dist);
    dist[a] = 0;
    count[a] = 1;
    size_t head = 0, tail = 0;
    queue[tail++] = a;
    /* breadth first until b is reached: every concept nearer than b then has its final
     * distance, which is all the predecessor lists need */
    while (head < tail && dist[b] < 0) {
        int32_t u = queue[head++];
        for (unsigned dir = QUERY_OUT; dir <= QUERY_IN; dir <<= 1) {
            if (!(w.direction & dir))
                continue;
            uint32_t lo, hi;
            query_adjacency(qi, u, dir, &lo, &hi);
            for (uint32_t k = lo; k < hi; k++) {
                const query_stmt *s = query_adjacent_stmt(qi, dir, k);
                int32_t v = query_other_end(s, dir);
                if (dist[v] >= 0 || !query_stmt_passes(&w, s) ||
                    (v != b && !query_concept_passes(qi, &w, v)))
                    continue;
                dist[v] = dist[u] + 1;
                queue[tail++] = v;
            }
        }
    }
    if (dist[b] < 0) {
        *out = res;
        res = NULL;
        rc = CKG_OK;
        goto out;
    }
    res->found = 1;
    res->length = (size_t)dist[b];
    /* shortest paths to each concept, in breadth-first order (saturating) */
    for (size_t i = 1; i < tail; i++) {
        int32_t v = queue[i];
        if (dist[v] > dist[b])
            break;
        size_t n = predecessors(qi, &w, dist, v, buf);
        uint64_t sum = 0;
        for (size_t k = 0; k < n; k++)
            sum = sum > UINT64_MAX - count[buf[k]] ? UINT64_MAX : sum + count[buf[k]];
        count[v] = sum;
    }
    res->total = count[b];
    if ((rc = list_paths(qi, &w, dist, res, max_paths, buf)) != CKG_OK)
        goto out;
    *out = res;
    res = NULL;
out:
    query_paths_free(res);
    free(dist);
    free(queue);
    free(count);
    free(buf);
    query_walk_free(&w);
    return rc;
}
