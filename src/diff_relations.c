/* diff_relations.c — what makes two relations the same (diff.h, "relation identity"): the
 * keys an edge of the analysis graph carries under each choice (by family: the distinct
 * families of its kinds; by kind: its kinds; by pair: one key, -1), the kinds under one key,
 * and the relations of a scope, and of two scopes together, counted under a key.
 *
 * An edge's kinds are distinct and ascending (graph.h), so its keys by kind are its kinds;
 * its families are gathered in a bit set (one bit per family, one for a kind without a
 * family, key -1) and read out ascending, -1 first. Nothing here allocates. */
#include "ckg/diff.h"

#include <stdint.h>

static const char *const key_names[DIFF_N_KEYS] = {
    [DIFF_BY_FAMILY] = "family", [DIFF_BY_KIND] = "kind", [DIFF_BY_PAIR] = "pair"};

const char *diff_key_name(diff_key by)
{
    return (unsigned)by < DIFF_N_KEYS ? key_names[by] : NULL;
}

/* The family of kind index k of g's ontology, -1 when it has none. */
static int kind_family(const ckg_graph *g, int32_t k)
{
    int f = g->o->kinds[k].family;
    return f >= 0 && f < CKG_N_FAMILIES ? f : -1;
}

/* Bit f + 1 for each family f of edge e's kinds, bit 0 for a kind without one. */
static unsigned family_bits(const ckg_graph *g, int64_t e)
{
    const graph_edge *x = &g->edges[e];
    unsigned bits = 0;
    for (size_t i = 0; i < x->n_kinds; i++)
        bits |= 1u << (kind_family(g, x->kinds[i]) + 1);
    return bits;
}

size_t diff_edge_keys(const ckg_graph *g, int64_t e, diff_key by, int32_t *keys)
{
    const graph_edge *x = &g->edges[e];
    size_t n = 0;
    switch (by) {
    case DIFF_BY_KIND:
        for (size_t i = 0; i < x->n_kinds; i++)
            keys[n++] = x->kinds[i];
        return n;
    case DIFF_BY_FAMILY: {
        unsigned bits = family_bits(g, e);
        for (int f = -1; f < CKG_N_FAMILIES; f++) {
            if (bits & (1u << (f + 1)))
                keys[n++] = f;
        }
        return n;
    }
    default: keys[0] = -1; return 1;
    }
}

int diff_edge_has_key(const ckg_graph *g, int64_t e, diff_key by, int32_t key)
{
    const graph_edge *x = &g->edges[e];
    switch (by) {
    case DIFF_BY_KIND:
        for (size_t i = 0; i < x->n_kinds; i++) {
            if (x->kinds[i] == key)
                return 1;
        }
        return 0;
    case DIFF_BY_FAMILY:
        return key >= -1 && key < CKG_N_FAMILIES && (family_bits(g, e) & (1u << (key + 1)));
    default: return 1;
    }
}

int diff_kind_under(const ckg_ontology *o, int32_t kind, diff_key by, int32_t key)
{
    int f = o->kinds[kind].family;
    return by == DIFF_BY_PAIR || (by == DIFF_BY_KIND && kind == key) ||
           (by == DIFF_BY_FAMILY && (f >= 0 && f < CKG_N_FAMILIES ? f : -1) == key);
}

size_t diff_edge_kinds(const ckg_graph *g, int64_t e, diff_key by, int32_t key,
                       int32_t *kinds)
{
    const graph_edge *x = &g->edges[e];
    size_t n = 0;
    for (size_t i = 0; i < x->n_kinds; i++) {
        if (diff_kind_under(g->o, x->kinds[i], by, key))
            kinds[n++] = x->kinds[i];
    }
    return n;
}

/* The number of keys edge e carries (diff_edge_keys without the list). */
static size_t edge_key_count(const ckg_graph *g, int64_t e, diff_key by)
{
    if (by == DIFF_BY_KIND)
        return g->edges[e].n_kinds;
    if (by != DIFF_BY_FAMILY)
        return 1;
    size_t n = 0;
    for (unsigned bits = family_bits(g, e); bits; bits &= bits - 1)
        n++;
    return n;
}

size_t diff_count_relations(const ckg_graph *g, diff_key by)
{
    size_t n = 0;
    for (size_t j = 0; j < g->n_edges; j++)
        n += edge_key_count(g, (int64_t)j, by);
    return n;
}

size_t diff_count_shared_relations(const ckg_graph *a, const ckg_graph *b, diff_key by)
{
    size_t n = 0;
    for (size_t j = 0; j < a->n_edges; j++) {
        const graph_edge *x = &a->edges[j];
        int32_t from = b->vertex_of[a->vertices[x->from].concept];
        int32_t to = b->vertex_of[a->vertices[x->to].concept];
        int64_t e = from < 0 || to < 0 ? -1 : graph_find_edge(b, from, to);
        if (e < 0)
            continue;
        if (by == DIFF_BY_PAIR) {
            n++;
        } else if (by == DIFF_BY_FAMILY) {
            for (unsigned both = family_bits(a, (int64_t)j) & family_bits(b, e); both;
                 both &= both - 1)
                n++;
        } else {
            for (size_t i = 0; i < x->n_kinds; i++)
                n += diff_edge_has_key(b, e, by, x->kinds[i]);
        }
    }
    return n;
}

int diff_relation_family(const diff_result *d, const diff_relation *r)
{
    switch (d->options.by) {
    case DIFF_BY_FAMILY: return r->key;
    case DIFF_BY_KIND: return r->key >= 0 ? kind_family(d->a.g, r->key) : -1;
    default: {
        unsigned bits = (r->pair_ea >= 0 ? family_bits(d->a.g, r->pair_ea) : 0) |
                        (r->pair_eb >= 0 ? family_bits(d->b.g, r->pair_eb) : 0);
        if (!bits || (bits & (bits - 1)) || (bits & 1u))
            return -1; /* none, several, or a kind without a family */
        int f = 0;
        while (!(bits & (1u << (f + 1))))
            f++;
        return f;
    }
    }
}

const char *diff_relation_key_name(const diff_result *d, const diff_relation *r)
{
    if (d->options.by == DIFF_BY_KIND && r->key >= 0)
        return d->o->kinds[r->key].id.s;
    if (d->options.by == DIFF_BY_FAMILY && r->key >= 0)
        return ontology_family_name(r->key);
    return "";
}
