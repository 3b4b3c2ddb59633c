/* diff.h — how the graphs of two scopes differ (ckg diff), and several side by side (ckg
 * compare).
 *
 * A scope is a paper or one section of a paper (graph.h). Each scope is measured in its own
 * analysis graph (metrics.h): a concept's values and ranks are those of the paper's graph,
 * as `ckg metrics --paper P` reports them. The definitions, fixed so results can be checked
 * with scipy on the same values:
 *
 *   concepts of a scope   the vertices of its graph (mentioned, or named by a relation).
 *   shared, only_a/b      concepts of both scopes, of one only.
 *   relation identity     chosen by diff_options.by (ckg diff --by):
 *                           family (default)  (from, family, to): the claim, whatever verb
 *                                             states it. A pair one scope states as
 *                                             "promotes" and the other as "enables" differs
 *                                             (drives vs conditions); "causes" and
 *                                             "promotes" (both drives) is one relation.
 *                           kind              (from, kind, to): the kind as coded.
 *                           pair              (from, to): one relation per edge of the
 *                                             analysis graph, whatever kinds (ckg render
 *                                             --diff draws one arrow per pair this way).
 *                         A scope's relations under a key are the distinct keys of each of
 *                         its edges: a pair stated as causes and promotes is one relation by
 *                         family and by pair, two by kind. Counts, only/shared lists and the
 *                         Jaccard of relations follow the key; theme shares of relation ends
 *                         and the scopes' node and edge figures are of the analysis graph
 *                         (one edge per pair) whatever the key.
 *   Jaccard               |A ∩ B| / |A ∪ B| of the concepts, and of the relations; NaN when
 *                         both sets are empty.
 *   rank                  within a scope's own graph, from the largest value (rank 1) down;
 *                         equal values share the average of the ranks they span (1, 2.5, 2.5,
 *                         4): metrics_rank_values.
 *   delta                 b − a, of every value and of the rank (a positive rank delta: the
 *                         concept stands lower in b).
 *   Spearman's rho        over the shared concepts: the values of each scope ranked among
 *                         the shared concepts only (average ranks for ties), then the Pearson
 *                         correlation of the two rank vectors (scipy.stats.spearmanr).
 *   Kendall's tau-b       over the shared concepts: (concordant − discordant pairs) /
 *                         sqrt((n0 − ties in a) (n0 − ties in b)), n0 = n(n−1)/2; a pair tied
 *                         in either is neither (scipy.stats.kendalltau, variant b).
 *                         Both are NaN with fewer than two shared concepts or when one side's
 *                         values are all equal. The community measure is a label, not a
 *                         quantity: it is neither ranked nor correlated (NaN).
 *   theme shares          per theme, the share of the scope's concepts in the theme, and the
 *                         share of its relation ends: each relation has two ends, each end
 *                         counts for its concept's theme (a relation inside a theme counts
 *                         twice for it); both sum to 1 over the themes.
 *
 * Orders, so output is the same on every run:
 *   shared      biggest movers first: |rank delta| of the chosen measure, largest first;
 *               then the better of the two ranks, then concept id.
 *   only_a/b    by rank in their scope, then id.
 *   relations   only_a/only_b: those joining two shared concepts first (a link both papers
 *               could have stated), then by the sum of the ends' ranks in their scope
 *               (relations among central concepts first), then from id, to id, then the
 *               key's name (family name or kind id). shared: by the sum of the ends' ranks
 *               in a, then ids, then the key's name.
 *   compare     concepts in at least one scope, by their best rank over the scopes, then
 *               by the number of scopes holding them (more first), then id. */
#ifndef CKG_DIFF_H
#define CKG_DIFF_H

#include "ckg/diag.h"
#include "ckg/graph.h"
#include "ckg/metrics.h"

#include <stddef.h>
#include <stdint.h>

/* What makes a relation of one scope the same as one of another (see above). */
typedef enum diff_key {
    DIFF_BY_FAMILY, /* (from, family, to), the default */
    DIFF_BY_KIND,   /* (from, kind, to) */
    DIFF_BY_PAIR,   /* (from, to) */
    DIFF_N_KEYS
} diff_key;

/* "family", "kind", "pair"; NULL out of range. */
const char *diff_key_name(diff_key by);

typedef struct diff_options {
    metrics_options metrics; /* how each scope is measured (metrics_options_default) */
    metrics_measure measure; /* ranked, correlated and ordered by; METRICS_PAGERANK */
    diff_key by;             /* relation identity; DIFF_BY_FAMILY */
} diff_options;

void diff_options_default(diff_options *opt);

/* One scope, measured. */
typedef struct diff_side {
    char *name;           /* "peng2024" or "forum2024/yi-tong" (graph_scope_name) */
    ckg_graph *g;
    metrics_result *m;
    double *ranks[METRICS_N_MEASURES]; /* ranks[k][v]; NULL for METRICS_COMMUNITY */
    size_t *order;        /* vertices by the chosen measure, largest first, ties by id */
    size_t n_relations;   /* its relations under the key (diff_count_relations) */
} diff_side;

/* A concept of either scope: its vertex in a and in b, -1 where absent. */
typedef struct diff_concept {
    int32_t concept;
    int32_t va, vb;
} diff_concept;

/* A relation of either scope under the key: (from, key, to). */
typedef struct diff_relation {
    int32_t from, to;       /* concept indexes */
    int32_t key;            /* by family: the family (-1: a kind without one); by kind: the
                             * kind index; by pair: -1 */
    int64_t ea, eb;         /* the pair's edge in a, in b, where that scope states this
                             * relation; -1 where it does not */
    int64_t pair_ea, pair_eb; /* the pair's edge in a, in b, whatever its kinds; -1 where
                               * the scope does not link the pair. A relation of one scope
                               * whose pair the other states under another key (a family
                               * they differ on) has pair_eb (pair_ea) >= 0 > eb (ea). */
    int ends_shared;        /* both ends are concepts of both scopes */
} diff_relation;

typedef struct diff_correlation {
    size_t n;        /* shared concepts */
    double spearman; /* NaN when undefined */
    double kendall;  /* tau-b; NaN when undefined */
} diff_correlation;

typedef struct diff_theme {
    size_t concepts[2];       /* concepts of a, of b in the theme */
    double concept_share[2];  /* concepts[i] / concepts of the scope; NaN without concepts */
    size_t ends[2];           /* relation ends in the theme */
    double end_share[2];      /* ends[i] / (2 × relations); NaN without relations */
} diff_theme;

typedef struct diff_result {
    const ckg_ontology *o;
    diff_options options;
    diff_side a, b;
    diff_concept *shared, *only_a, *only_b;
    size_t n_shared, n_only_a, n_only_b;
    diff_relation *shared_rel, *only_a_rel, *only_b_rel;
    size_t n_shared_rel, n_only_a_rel, n_only_b_rel;
    double jaccard_concepts, jaccard_relations;
    size_t shared_by[DIFF_N_KEYS]; /* relations both state, under each key */
    diff_correlation corr[METRICS_N_MEASURES]; /* every measure; community NaN */
    diff_theme *themes; /* one per ontology theme, in ontology order */
} diff_result;

/* Builds, measures and compares the graphs of scopes a and b. Returns CKG_OK, CKG_ENOTFOUND
 * (unknown paper or section, diagnostic with suggestions), CKG_EUSAGE (a section without a
 * paper, or the community measure chosen), CKG_ENOMEM or CKG_EINVALID (igraph failed; a
 * diagnostic says why). The ontology must outlive the result. */
int diff_compute(const ckg_ontology *o, const graph_scope *a, const graph_scope *b,
                 const diff_options *opt, diag_list *diags, diff_result **out);

void diff_free(diff_result *d);

/* Several scopes side by side. */
typedef struct diff_table {
    const ckg_ontology *o;
    diff_options options;
    diff_side *sides;
    size_t n_sides;
    int32_t *concepts;   /* concepts in at least one scope, in the compare order above */
    size_t n_concepts;
    /* n_sides × n_sides, row-major; the diagonal compares a scope with itself */
    double *jaccard_concepts, *jaccard_relations;
    size_t *shared_concepts, *shared_relations;
    diff_correlation *corr; /* of the chosen measure */
} diff_table;

/* Measures each scope and compares every pair. Returns what diff_compute returns. */
int diff_compare(const ckg_ontology *o, const graph_scope *scopes, size_t n,
                 const diff_options *opt, diag_list *diags, diff_table **out);

void diff_table_free(diff_table *t);

/* The rank of concept (ontology index) for measure k in a side, NaN when the concept is not
 * in its scope or k is the community. */
double diff_side_rank(const diff_side *s, int32_t concept, metrics_measure k);

/* ------------------------------------------------------------------ relation keys */

/* The keys edge e of g carries under by, ascending and distinct, into keys (room for the
 * edge's n_kinds + 1); returns how many (by pair: one, -1). */
size_t diff_edge_keys(const ckg_graph *g, int64_t e, diff_key by, int32_t *keys);

/* Whether edge e of g carries key under by. */
int diff_edge_has_key(const ckg_graph *g, int64_t e, diff_key by, int32_t key);

/* Whether kind index kind falls under key (by pair: every kind does). */
int diff_kind_under(const ckg_ontology *o, int32_t kind, diff_key by, int32_t key);

/* The kinds of edge e of g that fall under key (by pair: all), ascending, into kinds (room
 * for the edge's n_kinds); returns how many. */
size_t diff_edge_kinds(const ckg_graph *g, int64_t e, diff_key by, int32_t key,
                       int32_t *kinds);

/* The relations of g under by; those of a that b states too (ordered pairs matched by
 * concept). */
size_t diff_count_relations(const ckg_graph *g, diff_key by);
size_t diff_count_shared_relations(const ckg_graph *a, const ckg_graph *b, diff_key by);

/* The family of relation r: by family its key; by kind its kind's family; by pair the one
 * family of every kind either scope states for the pair. -1 when there is none (a pair
 * stated in several families, a kind without a family). */
int diff_relation_family(const diff_result *d, const diff_relation *r);

/* The name of r's key: the family name, the kind id; "" by pair or without a family. */
const char *diff_relation_key_name(const diff_result *d, const diff_relation *r);

/* ------------------------------------------------------------------ the statistics */

/* |A ∩ B| / |A ∪ B| from the two counts; NaN when the union is empty. */
double diff_jaccard(size_t intersection, size_t union_size);

/* Spearman's rho and Kendall's tau-b of the paired values x[i], y[i] (see above). *rho or
 * *tau is NaN when undefined. Return CKG_OK or CKG_ENOMEM. */
int diff_spearman(const double *x, const double *y, size_t n, double *rho);
int diff_kendall_tau_b(const double *x, const double *y, size_t n, double *tau);

#endif
