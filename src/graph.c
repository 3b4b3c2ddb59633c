/* graph.c — assemble the analysis graph of a scope.
 *
 * Two passes over the papers in scope: the first marks the concepts in scope (and which
 * papers each belongs to), the second collects (from, to, kind, paper) statements. The
 * statements are sorted by (from vertex, to vertex, paper, kind) and folded into one edge
 * per pair. graph_union merges two such graphs the same way, edge list by edge list (both
 * are sorted by concept pair, since vertices follow concept order). No igraph here: the
 * measures that need it make their own view of the graph (graph_igraph.c). */
#include "ckg/graph.h"
#include "ckg/status.h"
#include "suggest.h"
#include "util/array.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct statement {
    int32_t from, to, paper, kind;
    const ckg_relation *relation;
} statement;

/* Does this evidence list count for the section in scope (-1: any)? */
static int in_section(const ckg_evidences *ev, int32_t section)
{
    if (section < 0)
        return 1;
    for (size_t i = 0; i < ev->n; i++) {
        if (ev->items[i].section_index == section)
            return 1;
    }
    return 0;
}

static int compare_statements(const void *pa, const void *pb)
{
    const statement *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    if (a->paper != b->paper)
        return a->paper < b->paper ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return 0;
}

static int resolve_scope(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                         int32_t *paper, int32_t *section)
{
    *paper = *section = -1;
    if (!scope || !scope->paper) {
        if (scope && scope->section) {
            diag_add(diags, DIAG_ERROR, NULL, "a section needs its paper (--paper)");
            return CKG_EUSAGE;
        }
        return CKG_OK;
    }
    *paper = strmap_get(&o->paper_by_id, scope->paper);
    if (*paper < 0) {
        const char **ids = malloc((o->n_papers ? o->n_papers : 1) * sizeof *ids);
        if (!ids)
            return CKG_ENOMEM;
        for (size_t i = 0; i < o->n_papers; i++)
            ids[i] = o->papers[i].id.s;
        const char *best;
        if (suggest_closest(scope->paper, ids, o->n_papers, &best, 1))
            diag_add(diags, DIAG_ERROR, NULL, "unknown paper '%s' (did you mean '%s'?)",
                     scope->paper, best);
        else
            diag_add(diags, DIAG_ERROR, NULL, "unknown paper '%s'", scope->paper);
        free(ids);
        return CKG_ENOTFOUND;
    }
    if (!scope->section)
        return CKG_OK;
    const ckg_paper *p = &o->papers[*paper];
    *section = ontology_section_index(p, scope->section);
    if (*section < 0) {
        if (p->n_sections == 0) {
            diag_add(diags, DIAG_ERROR, NULL, "paper '%s' declares no sections", p->id.s);
            return CKG_ENOTFOUND;
        }
        const char *ids[64];
        size_t n = p->n_sections < 64 ? p->n_sections : 64, k;
        for (size_t i = 0; i < n; i++)
            ids[i] = p->sections[i].id.s;
        const char *best;
        k = suggest_closest(scope->section, ids, n, &best, 1);
        diag_add(diags, DIAG_ERROR, NULL, "paper '%s' has no section '%s'%s%s%s", p->id.s,
                 scope->section, k ? " (did you mean '" : "", k ? best : "", k ? "'?)" : "");
        return CKG_ENOTFOUND;
    }
    return CKG_OK;
}

/* Marks membership of concept c in paper p (a bitmap of papers per concept). */
static void mark(unsigned char *member, size_t n_papers, int32_t c, int32_t p)
{
    if (c >= 0)
        member[(size_t)c * n_papers + (size_t)p] = 1;
}

static int build_vertices(ckg_graph *g, const unsigned char *member, int all, int pairs_only)
{
    const ckg_ontology *o = g->o;
    size_t np = o->n_papers;
    for (size_t c = 0; c < o->n_concepts; c++) {
        size_t k = 0;
        for (size_t p = 0; p < np; p++)
            k += member[c * np + p];
        g->vertex_of[c] = -1;
        if (!k && !all)
            continue;
        graph_vertex *v = &g->vertices[g->n_vertices];
        v->concept = (int32_t)c;
        v->n_papers = 0;
        v->papers = NULL;
        g->vertex_of[c] = (int32_t)g->n_vertices++;
        if (pairs_only)
            continue;
        v->papers = k ? malloc(k * sizeof *v->papers) : NULL;
        if (k && !v->papers)
            return CKG_ENOMEM;
        for (size_t p = 0; p < np; p++) {
            if (member[c * np + p])
                v->papers[v->n_papers++] = (int32_t)p;
        }
    }
    return CKG_OK;
}

/* Folds sorted statements into one edge per (from, to) with its kinds and papers. */
static int build_edges(ckg_graph *g, const statement *st, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && st[j].from == st[i].from && st[j].to == st[i].to)
            j++;
        graph_edge *e = &g->edges[g->n_edges++];
        memset(e, 0, sizeof *e);
        e->from = st[i].from;
        e->to = st[i].to;
        e->kinds = malloc((j - i) * sizeof *e->kinds);
        e->papers = malloc((j - i) * sizeof *e->papers);
        if (!e->kinds || !e->papers)
            return CKG_ENOMEM;
        e->first = st[i].relation;
        e->first_paper = st[i].paper;
        for (size_t k = i; k < j; k++) {
            if (!e->n_papers || e->papers[e->n_papers - 1] != st[k].paper)
                e->papers[e->n_papers++] = st[k].paper;
            size_t q = 0;
            while (q < e->n_kinds && e->kinds[q] != st[k].kind)
                q++;
            if (q == e->n_kinds)
                e->kinds[e->n_kinds++] = st[k].kind;
            /* the statement that comes first in the files is the one to show */
            if (st[k].paper < e->first_paper ||
                (st[k].paper == e->first_paper && st[k].relation < e->first)) {
                e->first = st[k].relation;
                e->first_paper = st[k].paper;
            }
        }
        /* kinds ascending, for stable output */
        for (size_t a = 1; a < e->n_kinds; a++) {
            int32_t x = e->kinds[a];
            size_t b = a;
            while (b > 0 && e->kinds[b - 1] > x) {
                e->kinds[b] = e->kinds[b - 1];
                b--;
            }
            e->kinds[b] = x;
        }
        i = j;
    }
    return CKG_OK;
}

/* graph_build_pairs' edges: the distinct (from, to) pairs of the n statements, in the order
 * build_edges gives them (from vertex, then to vertex), without sorting the statements:
 * they are bucketed by from vertex (a counting sort), each bucket sorted by to vertex and its
 * repeats dropped. Only from and to are set. */
static int build_pair_edges(ckg_graph *g, const statement *st, size_t n)
{
    size_t nv = g->n_vertices;
    int rc = CKG_ENOMEM;
    size_t *start = calloc(nv + 1, sizeof *start);
    int32_t *to = malloc((n ? n : 1) * sizeof *to);
    if (!start || !to)
        goto out;
    for (size_t i = 0; i < n; i++)
        start[st[i].from + 1]++;
    for (size_t v = 0; v < nv; v++)
        start[v + 1] += start[v];
    for (size_t i = 0; i < n; i++) /* fills each bucket; start[v] ends at the next one's */
        to[start[st[i].from]++] = st[i].to;
    for (size_t v = 0, lo = 0; v < nv; v++) {
        size_t hi = start[v];
        for (size_t a = lo + 1; a < hi; a++) { /* out-degrees are small: insertion sort */
            int32_t x = to[a];
            size_t b = a;
            while (b > lo && to[b - 1] > x) {
                to[b] = to[b - 1];
                b--;
            }
            to[b] = x;
        }
        for (size_t a = lo; a < hi; a++) {
            if (a > lo && to[a] == to[a - 1])
                continue;
            graph_edge *e = &g->edges[g->n_edges++];
            e->from = (int32_t)v;
            e->to = to[a];
        }
        lo = hi;
    }
    rc = CKG_OK;
out:
    free(start);
    free(to);
    return rc;
}

static void free_members(ckg_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_vertices; i++)
        free(g->vertices[i].papers);
    for (size_t j = 0; j < g->n_edges; j++) {
        free(g->edges[j].kinds);
        free(g->edges[j].papers);
    }
    free(g->vertices);
    free(g->edges);
    free(g->vertex_of);
    free(g);
}

static int build(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                 int pairs_only, ckg_graph **out)
{
    int rc;
    unsigned char *member = NULL;
    statement *st = NULL;
    size_t n_st = 0, cap_st = 0;
    ckg_graph *g = NULL;
    *out = NULL;
    int32_t paper, section;
    if ((rc = resolve_scope(o, scope, diags, &paper, &section)) != CKG_OK)
        return rc;
    rc = CKG_ENOMEM;
    size_t np = o->n_papers ? o->n_papers : 1;
    if (!(g = calloc(1, sizeof *g)) ||
        !(member = calloc(o->n_concepts ? o->n_concepts * np : 1, 1)) ||
        !(g->vertex_of = malloc((o->n_concepts ? o->n_concepts : 1) * sizeof *g->vertex_of)) ||
        !(g->vertices = calloc(o->n_concepts ? o->n_concepts : 1, sizeof *g->vertices)))
        goto out;
    g->o = o;
    g->paper = paper;
    g->section = section;

    for (size_t pi = 0; pi < o->n_papers; pi++) {
        if (paper >= 0 && (int32_t)pi != paper)
            continue;
        const ckg_paper *p = &o->papers[pi];
        for (size_t m = 0; m < p->n_mentions; m++) {
            if (in_section(&p->mentions[m].evidence, section))
                mark(member, np, p->mentions[m].concept_index, (int32_t)pi);
        }
        for (size_t r = 0; r < p->n_relations; r++) {
            const ckg_relation *rel = &p->relations[r];
            if (!in_section(&rel->evidence, section))
                continue;
            mark(member, np, rel->from_index, (int32_t)pi);
            mark(member, np, rel->to_index, (int32_t)pi);
            if (rel->from_index < 0 || rel->to_index < 0 || rel->kind_index < 0 ||
                rel->from_index == rel->to_index)
                continue;
            if (ARRAY_GROW(st, cap_st, n_st + 1) != CKG_OK)
                goto out;
            st[n_st++] = (statement){rel->from_index, rel->to_index, (int32_t)pi,
                                     rel->kind_index, rel};
        }
    }
    if ((rc = build_vertices(g, member, paper < 0, pairs_only)) != CKG_OK)
        goto out;
    for (size_t i = 0; i < n_st; i++) {
        st[i].from = g->vertex_of[st[i].from];
        st[i].to = g->vertex_of[st[i].to];
    }
    /* st is NULL for a scope without relations: qsort(NULL, 0) is undefined */
    if (n_st && !pairs_only)
        qsort(st, n_st, sizeof *st, compare_statements);
    rc = CKG_ENOMEM;
    if (!(g->edges = calloc(n_st ? n_st : 1, sizeof *g->edges)))
        goto out;
    if ((rc = pairs_only ? build_pair_edges(g, st, n_st) : build_edges(g, st, n_st)) != CKG_OK)
        goto out;
    *out = g;
    g = NULL;
out:
    free_members(g);
    free(member);
    free(st);
    return rc;
}

int graph_build(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                ckg_graph **out)
{
    return build(o, scope, diags, 0, out);
}

int graph_build_pairs(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                      ckg_graph **out)
{
    return build(o, scope, diags, 1, out);
}

void graph_free(ckg_graph *g)
{
    free_members(g);
}

/* The sorted union of two ascending lists of indexes, into out (room for na + nb). */
static size_t merge_ids(const int32_t *a, size_t na, const int32_t *b, size_t nb, int32_t *out)
{
    size_t i = 0, j = 0, n = 0;
    while (i < na || j < nb) {
        int32_t x = j == nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
        if (i < na && a[i] == x)
            i++;
        if (j < nb && b[j] == x)
            j++;
        out[n++] = x;
    }
    return n;
}

static int union_vertices(ckg_graph *u, const ckg_graph *a, const ckg_graph *b)
{
    const ckg_ontology *o = u->o;
    for (size_t c = 0; c < o->n_concepts; c++) {
        int32_t va = a->vertex_of[c], vb = b->vertex_of[c];
        u->vertex_of[c] = -1;
        if (va < 0 && vb < 0)
            continue;
        const graph_vertex *xa = va >= 0 ? &a->vertices[va] : NULL;
        const graph_vertex *xb = vb >= 0 ? &b->vertices[vb] : NULL;
        size_t na = xa ? xa->n_papers : 0, nb = xb ? xb->n_papers : 0;
        graph_vertex *v = &u->vertices[u->n_vertices];
        v->concept = (int32_t)c;
        v->papers = na + nb ? malloc((na + nb) * sizeof *v->papers) : NULL;
        if (na + nb && !v->papers)
            return CKG_ENOMEM;
        v->n_papers = merge_ids(xa ? xa->papers : NULL, na, xb ? xb->papers : NULL, nb, v->papers);
        u->vertex_of[c] = (int32_t)u->n_vertices++;
    }
    return CKG_OK;
}

/* -1, 0 or 1 as edge x of graph gx comes before, with or after edge y of gy (by concepts). */
static int compare_edges(const ckg_graph *gx, const graph_edge *x, const ckg_graph *gy,
                         const graph_edge *y)
{
    int32_t fx = gx->vertices[x->from].concept, fy = gy->vertices[y->from].concept;
    int32_t tx = gx->vertices[x->to].concept, ty = gy->vertices[y->to].concept;
    if (fx != fy)
        return fx < fy ? -1 : 1;
    return tx < ty ? -1 : tx > ty;
}

static int union_edge(ckg_graph *u, const ckg_graph *g0, const graph_edge *x,
                      const graph_edge *y)
{
    graph_edge *e = &u->edges[u->n_edges++];
    memset(e, 0, sizeof *e);
    const graph_edge *any = x ? x : y;
    e->from = u->vertex_of[g0->vertices[any->from].concept];
    e->to = u->vertex_of[g0->vertices[any->to].concept];
    size_t nk = (x ? x->n_kinds : 0) + (y ? y->n_kinds : 0);
    size_t np = (x ? x->n_papers : 0) + (y ? y->n_papers : 0);
    e->kinds = malloc((nk ? nk : 1) * sizeof *e->kinds);
    e->papers = malloc((np ? np : 1) * sizeof *e->papers);
    if (!e->kinds || !e->papers)
        return CKG_ENOMEM;
    e->n_kinds = merge_ids(x ? x->kinds : NULL, x ? x->n_kinds : 0, y ? y->kinds : NULL,
                           y ? y->n_kinds : 0, e->kinds);
    e->n_papers = merge_ids(x ? x->papers : NULL, x ? x->n_papers : 0, y ? y->papers : NULL,
                            y ? y->n_papers : 0, e->papers);
    e->first = any->first;
    e->first_paper = any->first_paper;
    if (x && y && (y->first_paper < x->first_paper ||
                   (y->first_paper == x->first_paper && y->first < x->first))) {
        e->first = y->first;
        e->first_paper = y->first_paper;
    }
    return CKG_OK;
}

int graph_union(const ckg_graph *a, const ckg_graph *b, ckg_graph **out)
{
    const ckg_ontology *o = a->o;
    int rc = CKG_ENOMEM;
    ckg_graph *u = NULL;
    *out = NULL;
    size_t ne = a->n_edges + b->n_edges;
    if (!(u = calloc(1, sizeof *u)) ||
        !(u->vertex_of = malloc((o->n_concepts ? o->n_concepts : 1) * sizeof *u->vertex_of)) ||
        !(u->vertices = calloc(o->n_concepts ? o->n_concepts : 1, sizeof *u->vertices)) ||
        !(u->edges = calloc(ne ? ne : 1, sizeof *u->edges)))
        goto out;
    u->o = o;
    u->paper = a->paper == b->paper ? a->paper : -1;
    u->section = u->paper >= 0 && a->section == b->section ? a->section : -1;
    u->parts[0] = a;
    u->parts[1] = b;
    if ((rc = union_vertices(u, a, b)) != CKG_OK)
        goto out;
    size_t i = 0, j = 0;
    while (i < a->n_edges || j < b->n_edges) {
        const graph_edge *x = i < a->n_edges ? &a->edges[i] : NULL;
        const graph_edge *y = j < b->n_edges ? &b->edges[j] : NULL;
        int order = !x ? 1 : !y ? -1 : compare_edges(a, x, b, y);
        if ((rc = union_edge(u, order <= 0 ? a : b, order <= 0 ? x : NULL,
                             order >= 0 ? y : NULL)) != CKG_OK)
            goto out;
        i += order <= 0;
        j += order >= 0;
    }
    *out = u;
    u = NULL;
out:
    free_members(u);
    return rc;
}

int graph_statement_in_scope(const ckg_graph *g, int32_t paper, const ckg_evidences *ev)
{
    if (g->parts[0])
        return graph_statement_in_scope(g->parts[0], paper, ev) ||
               graph_statement_in_scope(g->parts[1], paper, ev);
    return (g->paper < 0 || g->paper == paper) && in_section(ev, g->section);
}

int64_t graph_find_edge(const ckg_graph *g, int32_t from, int32_t to)
{
    size_t lo = 0, hi = g->n_edges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const graph_edge *e = &g->edges[mid];
        if (e->from < from || (e->from == from && e->to < to))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < g->n_edges && g->edges[lo].from == from && g->edges[lo].to == to)
        return (int64_t)lo;
    return -1;
}

const char *graph_scope_name(const ckg_graph *g, char *buf, size_t size)
{
    if (g->parts[0]) {
        char a[256], b[256];
        snprintf(buf, size, "%s + %s", graph_scope_name(g->parts[0], a, sizeof a),
                 graph_scope_name(g->parts[1], b, sizeof b));
    } else if (g->paper < 0)
        snprintf(buf, size, "all");
    else if (g->section < 0)
        snprintf(buf, size, "%s", g->o->papers[g->paper].id.s);
    else
        snprintf(buf, size, "%s/%s", g->o->papers[g->paper].id.s,
                 g->o->papers[g->paper].sections[g->section].id.s);
    return buf;
}
