/* test_diff.c — diff and compare on the fixture tests/fixtures/diff, every number worked out
 * by hand in the comment next to its test, and the statistics (Jaccard, Spearman, Kendall
 * tau-b) on their own, Kendall also against a brute-force count of pairs.
 *
 * The fixture (degrees in brackets):
 *   left   ka -> kb, ka -> kc, ka -> kd, kb -> kc, kd -> ke, kf -> ka
 *          ka 4, kb 2, kc 2, kd 2, ke 1, kf 1
 *   right  ka -> kb (stated as supports, conditions; causes in left, drives), kb -> kc
 *          (promotes; causes in left: both drives), kc -> ka, kc -> kd, kg -> kc, kd -> kb
 *          (causes and promotes); kh mentioned only
 *          ka 2, kb 3, kc 4, kd 2, kg 1, kh 0
 *   essays section one: ka -> kb, kb -> kc; section two: kb -> kc, kc -> kd
 *   mute   nothing at all
 * Themes: ka kb kc core; kd kf kg kh factors; ke industry.
 * Degree ranks within each paper (largest first, ties share the average rank):
 *   left   ka 1 | kb kc kd 3 (positions 2..4) | ke kf 5.5 (5..6)
 *   right  kc 1 | kb 2 | ka kd 3.5 (3..4) | kg 5 | kh 6 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ckg/diff.h"
#include "ckg/status.h"

#define EPS 1e-12
#define assert_close(x, y) assert_true(fabs((x) - (y)) < EPS)

typedef struct fixture {
    ckg_ontology *o;
    diag_list diags;
    diff_result *d;
    diff_table *t;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list_init(&f->diags);
    assert_int_equal(ontology_load("tests/fixtures/diff", &f->diags, &f->o), CKG_OK);
    assert_int_equal(f->diags.n_errors, 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    diff_free(f->d);
    diff_table_free(f->t);
    ontology_free(f->o);
    diag_list_free(&f->diags);
    free(f);
    return 0;
}

static void diff_keyed(fixture *f, const char *pa, const char *sa, const char *pb,
                       const char *sb, metrics_measure k, diff_key by)
{
    graph_scope a = {pa, sa}, b = {pb, sb};
    diff_options opt;
    diff_options_default(&opt);
    opt.measure = k;
    opt.by = by;
    assert_int_equal(diff_compute(f->o, &a, &b, &opt, &f->diags, &f->d), CKG_OK);
}

static void diff_by(fixture *f, const char *pa, const char *sa, const char *pb, const char *sb,
                    metrics_measure k)
{
    diff_keyed(f, pa, sa, pb, sb, k, DIFF_BY_FAMILY);
}

static const char *id(const fixture *f, int32_t concept)
{
    return f->o->concepts[concept].id.s;
}

static int32_t C(const fixture *f, const char *cid)
{
    int32_t c = strmap_get(&f->o->concept_by_id, cid);
    assert_true(c >= 0);
    return c;
}

/* The ids of a concept list joined by spaces. */
static const char *ids(const fixture *f, const diff_concept *list, size_t n)
{
    static char buf[256];
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(buf, i ? " " : "");
        strcat(buf, id(f, list[i].concept));
    }
    return buf;
}

/* "from>to" of a relation list joined by spaces. */
static const char *pairs(const fixture *f, const diff_relation *list, size_t n)
{
    static char buf[256];
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(buf, i ? " " : "");
        strcat(buf, id(f, list[i].from));
        strcat(buf, ">");
        strcat(buf, id(f, list[i].to));
    }
    return buf;
}

/* ------------------------------------------------------------------ membership */

/* left {ka..kf}, right {ka..kd, kg, kh}: shared ka kb kc kd; Jaccard 4 / 8. kh belongs to
 * right through its mention alone. */
static void test_concepts_shared_and_only_and_their_jaccard(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_DEGREE);
    assert_int_equal(f->d->n_shared, 4);
    assert_string_equal(ids(f, f->d->only_a, f->d->n_only_a), "ke kf");
    assert_string_equal(ids(f, f->d->only_b, f->d->n_only_b), "kg kh");
    assert_close(f->d->jaccard_concepts, 0.5);
    assert_string_equal(f->d->a.name, "left");
    assert_string_equal(f->d->b.name, "right");
}

/* By pair: left {ab ac ad bc de fa}, right {ab bc ca cd gc db}: ab (causes in left, supports
 * in right) and bc are shared; Jaccard 2 / (6 + 6 - 2) = 0.2. */
static void test_relations_by_pair_are_pairs_whatever_their_kind(void **state)
{
    fixture *f = *state;
    diff_keyed(f, "left", NULL, "right", NULL, METRICS_DEGREE, DIFF_BY_PAIR);
    assert_int_equal(f->d->a.n_relations, 6);
    assert_int_equal(f->d->b.n_relations, 6);
    assert_int_equal(f->d->n_shared_rel, 2);
    assert_int_equal(f->d->n_only_a_rel, 4);
    assert_int_equal(f->d->n_only_b_rel, 4);
    assert_close(f->d->jaccard_relations, 0.2);
    /* shared, by the rank sum of the ends in left: ab 1 + 3 = 4, bc 3 + 3 = 6 */
    assert_string_equal(pairs(f, f->d->shared_rel, f->d->n_shared_rel), "ka>kb kb>kc");
    const diff_relation *ab = &f->d->shared_rel[0];
    assert_true(ab->ea >= 0 && ab->eb >= 0);
    assert_int_equal(f->d->a.g->edges[ab->ea].n_kinds, 1);
    assert_string_equal(f->o->kinds[f->d->a.g->edges[ab->ea].kinds[0]].id.s, "causes");
    assert_string_equal(f->o->kinds[f->d->b.g->edges[ab->eb].kinds[0]].id.s, "supports");
}

/* By pair. Only in left: ac, ad join shared concepts (rank sums 1 + 3 = 4 each: tie, by
 * ids), then fa (5.5 + 1 = 6.5) before de (3 + 5.5 = 8.5). Only in right: ca, cd (1 + 3.5 =
 * 4.5 each), db (3.5 + 2 = 5.5) join shared concepts; then gc (5 + 1 = 6), as kg is right's
 * alone. */
static void test_relations_stated_by_one_only_put_shared_ends_first(void **state)
{
    fixture *f = *state;
    diff_keyed(f, "left", NULL, "right", NULL, METRICS_DEGREE, DIFF_BY_PAIR);
    assert_string_equal(pairs(f, f->d->only_a_rel, f->d->n_only_a_rel),
                        "ka>kc ka>kd kf>ka kd>ke");
    assert_string_equal(pairs(f, f->d->only_b_rel, f->d->n_only_b_rel),
                        "kc>ka kc>kd kd>kb kg>kc");
    assert_true(f->d->only_a_rel[1].ends_shared);
    assert_false(f->d->only_a_rel[2].ends_shared);
    assert_true(f->d->only_b_rel[2].ends_shared);
    assert_false(f->d->only_b_rel[3].ends_shared);
    assert_int_equal(f->d->only_a_rel[0].eb, -1);
    assert_int_equal(f->d->only_b_rel[0].ea, -1);
}

/* The kind ids of relation r as side (0: a, 1: b) states it under the key, joined by '+',
 * "-" where the side does not state it. */
static const char *kinds_of(const fixture *f, const diff_relation *r, int side)
{
    static char buf[128];
    const ckg_graph *g = side ? f->d->b.g : f->d->a.g;
    int64_t e = side ? r->eb : r->ea;
    int32_t k[16];
    if (e < 0)
        return "-";
    size_t n = diff_edge_kinds(g, e, f->d->options.by, r->key, k);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(buf, i ? "+" : "");
        strcat(buf, f->o->kinds[k[i]].id.s);
    }
    return buf;
}

/* By family (the default): left {ab ac bc de: drives; ad fa: conditions}, right {bc ca cd db:
 * drives; ab gc: conditions}. Only bc is one claim in both (causes in left, promotes in
 * right); ab is in both papers but in two families, so it is only in each, under its own
 * family, marked as a pair the other links. Jaccard 1 / (6 + 6 - 1). Only in left, shared
 * ends first by rank sum (ab ac ad 4, by ids), then fa 6.5, de 8.5; only in right: ca cd
 * 4.5, ab db 5.5 (by from id), gc 6. */
static void test_relations_by_family_agree_across_kinds_of_one_family(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_DEGREE);
    const diff_result *d = f->d;
    assert_int_equal(d->options.by, DIFF_BY_FAMILY);
    assert_int_equal(d->a.n_relations, 6);
    assert_int_equal(d->b.n_relations, 6);
    assert_string_equal(pairs(f, d->shared_rel, d->n_shared_rel), "kb>kc");
    assert_int_equal(d->shared_rel[0].key, CKG_FAMILY_DRIVES);
    assert_string_equal(kinds_of(f, &d->shared_rel[0], 0), "causes");
    assert_string_equal(kinds_of(f, &d->shared_rel[0], 1), "promotes");
    assert_close(d->jaccard_relations, 1.0 / 11.0);
    assert_string_equal(pairs(f, d->only_a_rel, d->n_only_a_rel),
                        "ka>kb ka>kc ka>kd kf>ka kd>ke");
    assert_string_equal(pairs(f, d->only_b_rel, d->n_only_b_rel),
                        "kc>ka kc>kd ka>kb kd>kb kg>kc");
    const diff_relation *ab_a = &d->only_a_rel[0], *ab_b = &d->only_b_rel[2];
    assert_int_equal(diff_relation_family(d, ab_a), CKG_FAMILY_DRIVES);
    assert_int_equal(diff_relation_family(d, ab_b), CKG_FAMILY_CONDITIONS);
    assert_true(ab_a->eb < 0 && ab_a->pair_eb >= 0); /* right links the pair otherwise */
    assert_true(ab_b->ea < 0 && ab_b->pair_ea >= 0);
    assert_int_equal(d->only_a_rel[1].pair_eb, -1); /* ac: right does not link it */
    assert_string_equal(kinds_of(f, &d->only_b_rel[3], 1), "causes+promotes"); /* db */
    assert_string_equal(diff_relation_key_name(d, ab_b), "conditions");
    /* the three keys side by side */
    assert_int_equal(d->shared_by[DIFF_BY_FAMILY], 1);
    assert_int_equal(d->shared_by[DIFF_BY_KIND], 0);
    assert_int_equal(d->shared_by[DIFF_BY_PAIR], 2);
}

/* By kind: right states db twice (causes, promotes): 7 relations; none is in both (ab causes
 * vs supports, bc causes vs promotes). Only in right, by rank sum: bc 2 + 1 = 3 first, then
 * as by family; the two db relations are ordered by kind id. */
static void test_relations_by_kind_count_each_kind_of_a_pair(void **state)
{
    fixture *f = *state;
    diff_keyed(f, "left", NULL, "right", NULL, METRICS_DEGREE, DIFF_BY_KIND);
    const diff_result *d = f->d;
    assert_int_equal(d->a.n_relations, 6);
    assert_int_equal(d->b.n_relations, 7);
    assert_int_equal(d->n_shared_rel, 0);
    assert_close(d->jaccard_relations, 0.0);
    assert_string_equal(pairs(f, d->only_b_rel, d->n_only_b_rel),
                        "kb>kc kc>ka kc>kd ka>kb kd>kb kd>kb kg>kc");
    assert_string_equal(diff_relation_key_name(d, &d->only_b_rel[4]), "causes");
    assert_string_equal(diff_relation_key_name(d, &d->only_b_rel[5]), "promotes");
    assert_int_equal(diff_relation_family(d, &d->only_b_rel[5]), CKG_FAMILY_DRIVES);
    assert_string_equal(kinds_of(f, &d->only_b_rel[5], 1), "promotes");
    /* bc is only in each, each marked as a pair the other links */
    assert_true(d->only_a_rel[3].from == C(f, "kb") && d->only_a_rel[3].pair_eb >= 0);
}

/* The keys of an edge: by family distinct and ascending, by kind its kinds, by pair one. */
static void test_edge_keys_under_each_choice(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_DEGREE);
    const ckg_graph *g = f->d->b.g;
    int64_t db = graph_find_edge(g, g->vertex_of[C(f, "kd")], g->vertex_of[C(f, "kb")]);
    assert_true(db >= 0);
    int32_t keys[8];
    assert_int_equal(diff_edge_keys(g, db, DIFF_BY_FAMILY, keys), 1);
    assert_int_equal(keys[0], CKG_FAMILY_DRIVES);
    assert_int_equal(diff_edge_keys(g, db, DIFF_BY_KIND, keys), 2);
    assert_int_equal(diff_edge_keys(g, db, DIFF_BY_PAIR, keys), 1);
    assert_int_equal(keys[0], -1);
    assert_true(diff_edge_has_key(g, db, DIFF_BY_FAMILY, CKG_FAMILY_DRIVES));
    assert_false(diff_edge_has_key(g, db, DIFF_BY_FAMILY, CKG_FAMILY_CONDITIONS));
    assert_int_equal(diff_count_relations(g, DIFF_BY_KIND), 7);
    assert_int_equal(diff_count_relations(g, DIFF_BY_FAMILY), 6);
    assert_int_equal(diff_count_shared_relations(f->d->a.g, g, DIFF_BY_PAIR), 2);
    assert_string_equal(diff_key_name(DIFF_BY_FAMILY), "family");
    assert_null(diff_key_name(DIFF_N_KEYS));
}

/* ------------------------------------------------------------------ ranks and movers */

static void test_ranks_are_within_each_papers_graph_with_average_ties(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_DEGREE);
    static const struct {
        const char *id;
        double left, right;
    } want[] = {{"ka", 1, 3.5}, {"kb", 3, 2}, {"kc", 3, 1}, {"kd", 3, 3.5},
                {"ke", 5.5, NAN}, {"kf", 5.5, NAN}, {"kg", NAN, 5}, {"kh", NAN, 6}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        double l = diff_side_rank(&f->d->a, C(f, want[i].id), METRICS_DEGREE);
        double r = diff_side_rank(&f->d->b, C(f, want[i].id), METRICS_DEGREE);
        assert_true(isnan(want[i].left) ? isnan(l) : l == want[i].left);
        assert_true(isnan(want[i].right) ? isnan(r) : r == want[i].right);
    }
    assert_true(isnan(diff_side_rank(&f->d->a, C(f, "ka"), METRICS_COMMUNITY)));
}

/* Rank deltas (right − left): ka 1 -> 3.5 (+2.5), kc 3 -> 1 (−2), kb 3 -> 2 (−1),
 * kd 3 -> 3.5 (+0.5): movers by |delta|. */
static void test_shared_concepts_list_the_biggest_movers_first(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_DEGREE);
    assert_string_equal(ids(f, f->d->shared, f->d->n_shared), "ka kc kb kd");
    const diff_concept *ka = &f->d->shared[0];
    assert_close(f->d->a.ranks[METRICS_DEGREE][ka->va], 1.0);
    assert_close(f->d->b.ranks[METRICS_DEGREE][ka->vb], 3.5);
    assert_close(metrics_value(f->d->b.m, (size_t)ka->vb, METRICS_DEGREE) -
                     metrics_value(f->d->a.m, (size_t)ka->va, METRICS_DEGREE),
                 -2.0);
}

/* Only in left: ke and kf tie at rank 5.5 (by id); only in right: kg 5, kh 6. */
static void test_concepts_of_one_only_are_ordered_by_their_rank(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_DEGREE);
    assert_string_equal(ids(f, f->d->only_a, f->d->n_only_a), "ke kf");
    assert_string_equal(ids(f, f->d->only_b, f->d->n_only_b), "kg kh");
    assert_int_equal(f->d->only_a[0].vb, -1);
    assert_int_equal(f->d->only_b[0].va, -1);
}

/* ------------------------------------------------------------------ correlations */

/* Degree over the shared ka kb kc kd: left (4, 2, 2, 2), right (2, 3, 4, 2).
 * Spearman: ranks among the shared: left (1, 3, 3, 3), right (3.5, 2, 1, 3.5); both have
 * mean 2.5; deviations (−1.5, .5, .5, .5) and (1, −.5, −1.5, 1): Σdxdy = −1.5 − .25 − .75
 * + .5 = −2, Σdx² = 3, Σdy² = 4.5, rho = −2 / √13.5 = −0.54433105395181736.
 * Kendall: ka-kb and ka-kc discordant, ka-kd tied in right, kb-kc kb-kd kc-kd tied in
 * left: n0 = 6, ties 3 in left and 1 in right, tau-b = (0 − 2) / √((6 − 3)(6 − 1))
 * = −2 / √15 = −0.51639777949432220. */
static void test_spearman_and_kendall_of_degree_by_hand(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_DEGREE);
    const diff_correlation *c = &f->d->corr[METRICS_DEGREE];
    assert_int_equal(c->n, 4);
    assert_close(c->spearman, -2.0 / sqrt(13.5));
    assert_close(c->kendall, -2.0 / sqrt(15.0));
    /* every measure is correlated whatever the chosen one, except the community labels */
    assert_false(isnan(f->d->corr[METRICS_PAGERANK].spearman));
    assert_true(isnan(f->d->corr[METRICS_COMMUNITY].spearman));
    assert_int_equal(f->d->corr[METRICS_COMMUNITY].n, 4);
}

/* ------------------------------------------------------------------ themes */

/* Concepts: left core 3 (ka kb kc), factors 2 (kd kf), industry 1 (ke) of 6; right core 3,
 * factors 3 (kd kg kh), industry 0 of 6. Relation ends, 12 each: left ab ac bc are core
 * twice (6), ad and fa core once (8 core), factors ad de fa (3), industry de (1); right ab
 * bc ca core twice (6), cd gc db once (9), factors 3, industry 0. */
static void test_theme_shares_of_concepts_and_of_relation_ends(void **state)
{
    fixture *f = *state;
    diff_by(f, "left", NULL, "right", NULL, METRICS_PAGERANK);
    int32_t core = strmap_get(&f->o->theme_by_id, "core");
    int32_t factors = strmap_get(&f->o->theme_by_id, "factors");
    int32_t industry = strmap_get(&f->o->theme_by_id, "industry");
    const diff_theme *t = f->d->themes;
    assert_close(t[core].concept_share[0], 3.0 / 6.0);
    assert_close(t[factors].concept_share[0], 2.0 / 6.0);
    assert_close(t[industry].concept_share[0], 1.0 / 6.0);
    assert_close(t[core].concept_share[1], 3.0 / 6.0);
    assert_close(t[factors].concept_share[1], 3.0 / 6.0);
    assert_close(t[industry].concept_share[1], 0.0);
    assert_int_equal(t[core].ends[0], 8);
    assert_close(t[core].end_share[0], 8.0 / 12.0);
    assert_close(t[factors].end_share[0], 3.0 / 12.0);
    assert_close(t[industry].end_share[0], 1.0 / 12.0);
    assert_close(t[core].end_share[1], 9.0 / 12.0);
    assert_close(t[factors].end_share[1], 3.0 / 12.0);
    assert_int_equal(t[industry].ends[1], 0);
}

/* ------------------------------------------------------------------ scopes */

/* Section one {ka kb kc}, two {kb kc kd}: Jaccard 2 / 4; relations {ab bc} and {bc cd}:
 * 1 / 3. */
static void test_sections_of_one_paper_are_compared_like_papers(void **state)
{
    fixture *f = *state;
    diff_by(f, "essays", "one", "essays", "two", METRICS_PAGERANK);
    assert_string_equal(f->d->a.name, "essays/one");
    assert_close(f->d->jaccard_concepts, 0.5);
    assert_close(f->d->jaccard_relations, 1.0 / 3.0);
    assert_string_equal(ids(f, f->d->only_a, f->d->n_only_a), "ka");
    assert_string_equal(ids(f, f->d->only_b, f->d->n_only_b), "kd");
}

/* mute has no concepts: nothing shared, Jaccard 0 / 6 = 0 against left, undefined against
 * itself; no shared concepts, no correlation; its theme shares are undefined. */
static void test_an_empty_scope_gives_undefined_not_wrong_numbers(void **state)
{
    fixture *f = *state;
    diff_by(f, "mute", NULL, "left", NULL, METRICS_PAGERANK);
    assert_int_equal(f->d->n_shared, 0);
    assert_int_equal(f->d->n_only_b, 6);
    assert_close(f->d->jaccard_concepts, 0.0);
    assert_close(f->d->jaccard_relations, 0.0);
    assert_int_equal(f->d->corr[METRICS_PAGERANK].n, 0);
    assert_true(isnan(f->d->corr[METRICS_PAGERANK].spearman));
    assert_true(isnan(f->d->corr[METRICS_PAGERANK].kendall));
    assert_true(isnan(f->d->themes[0].concept_share[0]));
    diff_free(f->d);
    f->d = NULL;
    diff_by(f, "mute", NULL, "mute", NULL, METRICS_PAGERANK);
    assert_true(isnan(f->d->jaccard_concepts));
    assert_true(isnan(f->d->jaccard_relations));
}

/* A paper compared with itself: everything shared, both correlations 1. */
static void test_a_paper_against_itself_agrees_perfectly(void **state)
{
    fixture *f = *state;
    diff_by(f, "right", NULL, "right", NULL, METRICS_PAGERANK);
    assert_close(f->d->jaccard_concepts, 1.0);
    assert_close(f->d->jaccard_relations, 1.0);
    assert_close(f->d->corr[METRICS_PAGERANK].spearman, 1.0);
    assert_close(f->d->corr[METRICS_PAGERANK].kendall, 1.0);
    assert_int_equal(f->d->n_only_a + f->d->n_only_b + f->d->n_only_a_rel + f->d->n_only_b_rel,
                     0);
}

static void test_unknown_paper_or_section_is_not_found(void **state)
{
    fixture *f = *state;
    graph_scope a = {"lft", NULL}, b = {"right", NULL}, s = {"essays", "three"};
    assert_int_equal(diff_compute(f->o, &a, &b, NULL, &f->diags, &f->d), CKG_ENOTFOUND);
    assert_null(f->d);
    assert_non_null(strstr(f->diags.items[f->diags.n - 1].message, "left"));
    assert_int_equal(diff_compute(f->o, &b, &s, NULL, &f->diags, &f->d), CKG_ENOTFOUND);
    assert_null(f->d);
    assert_int_equal(diff_compare(f->o, &s, 1, NULL, &f->diags, &f->t), CKG_ENOTFOUND);
    assert_null(f->t);
}

static void test_community_labels_cannot_be_the_measure(void **state)
{
    fixture *f = *state;
    graph_scope a = {"left", NULL}, b = {"right", NULL};
    diff_options opt;
    diff_options_default(&opt);
    opt.measure = METRICS_COMMUNITY;
    assert_int_equal(diff_compute(f->o, &a, &b, &opt, &f->diags, &f->d), CKG_EUSAGE);
    assert_null(f->d);
    assert_non_null(strstr(f->diags.items[f->diags.n - 1].message, "labels"));
    assert_int_equal(diff_compare(f->o, &a, 1, &opt, &f->diags, &f->t), CKG_EUSAGE);
}

/* ------------------------------------------------------------------ compare */

/* left, right, essays by degree. essays: ka 1, kb 2, kc 2, kd 1 -> ranks kb kc 1.5, ka kd 3.5.
 * Concepts Jaccard: left-right 4/8, left-essays 4/6, right-essays 4/6. Relations: left
 * {ab ac ad bc de fa} essays {ab bc cd}: 2/7; right {ab bc ca cd gc db} essays: 3/6.
 * Best ranks: ka 1, kc 1 (both in 3 papers: by id), kb 1.5, kd 3, kg 5, ke kf 5.5, kh 6.
 * right-essays over ka kb kc kd: right (2, 3, 4, 2), essays (1, 2, 2, 1); ranks (3.5, 2, 1,
 * 3.5) and (3.5, 1.5, 1.5, 3.5); deviations (1, −.5, −1.5, 1), (1, −1, −1, 1): rho =
 * 4 / √(4.5 · 4) = 0.94280904158206337; pairs ab ac bd cd concordant, ad tied in both, bc
 * tied in essays: tau-b = 4 / √((6 − 1)(6 − 2)) = 0.89442719099991588. */
static void test_compare_matrices_and_concept_order_by_hand(void **state)
{
    fixture *f = *state;
    graph_scope s[] = {{"left", NULL}, {"right", NULL}, {"essays", NULL}};
    diff_options opt;
    diff_options_default(&opt);
    opt.measure = METRICS_DEGREE;
    opt.by = DIFF_BY_PAIR;
    assert_int_equal(diff_compare(f->o, s, 3, &opt, &f->diags, &f->t), CKG_OK);
    const diff_table *t = f->t;
    assert_close(t->jaccard_concepts[0 * 3 + 1], 0.5);
    assert_close(t->jaccard_concepts[1 * 3 + 0], 0.5);
    assert_close(t->jaccard_concepts[0 * 3 + 2], 4.0 / 6.0);
    assert_close(t->jaccard_concepts[1 * 3 + 2], 4.0 / 6.0);
    assert_close(t->jaccard_concepts[2 * 3 + 2], 1.0);
    assert_close(t->jaccard_relations[0 * 3 + 1], 0.2);
    assert_close(t->jaccard_relations[0 * 3 + 2], 2.0 / 7.0);
    assert_close(t->jaccard_relations[2 * 3 + 1], 0.5);
    assert_int_equal(t->shared_relations[1 * 3 + 2], 3);
    assert_close(t->corr[1 * 3 + 2].spearman, 4.0 / sqrt(18.0));
    assert_close(t->corr[1 * 3 + 2].kendall, 4.0 / sqrt(20.0));
    assert_close(t->corr[0 * 3 + 1].spearman, -2.0 / sqrt(13.5));
    assert_close(t->corr[2 * 3 + 2].spearman, 1.0);
    char order[128] = "";
    for (size_t i = 0; i < t->n_concepts; i++) {
        strcat(order, i ? " " : "");
        strcat(order, id(f, t->concepts[i]));
    }
    assert_string_equal(order, "ka kc kb kd kg ke kf kh");
    assert_close(diff_side_rank(&t->sides[2], C(f, "kb"), METRICS_DEGREE), 1.5);
}

/* Compare by family and by kind. essays states ab bc cd, all causes (drives). By family:
 * left-right 1 / 11 (bc); left-essays 2 / 7 (ab bc); right-essays 2 / 7 (bc cd; ab is
 * conditions in right). By kind: right has 7 relations (db twice); left-right 0; right-essays
 * 1 / 9 (cd; bc is promotes in right). */
static void test_compare_relations_by_family_and_by_kind(void **state)
{
    fixture *f = *state;
    graph_scope s[] = {{"left", NULL}, {"right", NULL}, {"essays", NULL}};
    diff_options opt;
    diff_options_default(&opt);
    assert_int_equal(diff_compare(f->o, s, 3, &opt, &f->diags, &f->t), CKG_OK);
    const diff_table *t = f->t;
    assert_int_equal(t->shared_relations[0 * 3 + 1], 1);
    assert_close(t->jaccard_relations[0 * 3 + 1], 1.0 / 11.0);
    assert_close(t->jaccard_relations[0 * 3 + 2], 2.0 / 7.0);
    assert_close(t->jaccard_relations[1 * 3 + 2], 2.0 / 7.0);
    assert_close(t->jaccard_relations[2 * 3 + 1], 2.0 / 7.0);
    assert_close(t->jaccard_relations[1 * 3 + 1], 1.0);
    diff_table_free(f->t);
    opt.by = DIFF_BY_KIND;
    assert_int_equal(diff_compare(f->o, s, 3, &opt, &f->diags, &f->t), CKG_OK);
    t = f->t;
    assert_int_equal(t->sides[1].n_relations, 7);
    assert_int_equal(t->shared_relations[0 * 3 + 1], 0);
    assert_close(t->jaccard_relations[0 * 3 + 1], 0.0);
    assert_int_equal(t->shared_relations[1 * 3 + 2], 1);
    assert_close(t->jaccard_relations[1 * 3 + 2], 1.0 / 9.0);
    assert_close(t->jaccard_relations[1 * 3 + 1], 1.0);
}

/* A key out of range is a usage error, not a crash. */
static void test_unknown_key_is_a_usage_error(void **state)
{
    fixture *f = *state;
    graph_scope a = {"left", NULL}, b = {"right", NULL};
    diff_options opt;
    diff_options_default(&opt);
    opt.by = DIFF_N_KEYS;
    assert_int_equal(diff_compute(f->o, &a, &b, &opt, &f->diags, &f->d), CKG_EUSAGE);
    assert_null(f->d);
}

/* ------------------------------------------------------------------ the statistics */

static void test_jaccard_is_undefined_for_two_empty_sets(void **state)
{
    (void)state;
    assert_close(diff_jaccard(1, 4), 0.25);
    assert_close(diff_jaccard(0, 3), 0.0);
    assert_true(isnan(diff_jaccard(0, 0)));
}

/* x (10, 20, 20, 40), y (1, 3, 2, 4). Ranks from the largest: x (4, 2.5, 2.5, 1), y (4, 2,
 * 3, 1); mean 2.5; deviations (1.5, 0, 0, −1.5), (1.5, −.5, .5, −1.5): Σdxdy = 4.5,
 * Σdx² = 4.5, Σdy² = 5: rho = 4.5 / √22.5 = 0.94868329805051377. Kendall: of 6 pairs the
 * (20, 20) one is tied in x, the other 5 concordant: tau-b = 5 / √(5 · 6) = 0.91287092917527690. */
static void test_spearman_and_kendall_with_a_tie_by_hand(void **state)
{
    (void)state;
    const double x[] = {10, 20, 20, 40}, y[] = {1, 3, 2, 4};
    double rho, tau;
    assert_int_equal(diff_spearman(x, y, 4, &rho), CKG_OK);
    assert_close(rho, 4.5 / sqrt(22.5));
    assert_int_equal(diff_kendall_tau_b(x, y, 4, &tau), CKG_OK);
    assert_close(tau, 5.0 / sqrt(30.0));
}

static void test_reversed_order_correlates_minus_one(void **state)
{
    (void)state;
    const double x[] = {1, 2, 3, 4, 5}, y[] = {50, 40, 30, 20, 10};
    double rho, tau;
    assert_int_equal(diff_spearman(x, y, 5, &rho), CKG_OK);
    assert_int_equal(diff_kendall_tau_b(x, y, 5, &tau), CKG_OK);
    assert_close(rho, -1.0);
    assert_close(tau, -1.0);
}

static void test_correlation_is_undefined_without_variation_or_pairs(void **state)
{
    (void)state;
    const double x[] = {1, 2, 3}, flat[] = {7, 7, 7}, holes[] = {1, NAN, 3};
    double rho, tau;
    assert_int_equal(diff_spearman(x, flat, 3, &rho), CKG_OK);
    assert_true(isnan(rho));
    assert_int_equal(diff_kendall_tau_b(flat, x, 3, &tau), CKG_OK);
    assert_true(isnan(tau));
    assert_int_equal(diff_spearman(x, x, 1, &rho), CKG_OK);
    assert_true(isnan(rho));
    assert_int_equal(diff_kendall_tau_b(x, x, 0, &tau), CKG_OK);
    assert_true(isnan(tau));
    assert_int_equal(diff_spearman(x, holes, 3, &rho), CKG_OK);
    assert_true(isnan(rho));
    assert_int_equal(diff_kendall_tau_b(holes, x, 3, &tau), CKG_OK);
    assert_true(isnan(tau));
}

/* Kendall's tau-b by its definition, pair by pair. */
static double kendall_brute(const double *x, const double *y, size_t n)
{
    double c = 0, d = 0, tx = 0, ty = 0, n0 = (double)n * (double)(n - 1) / 2.0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            double s = (x[i] - x[j]) * (y[i] - y[j]);
            tx += x[i] == x[j];
            ty += y[i] == y[j];
            c += s > 0;
            d += s < 0;
        }
    }
    return (c - d) / sqrt((n0 - tx) * (n0 - ty));
}

/* Knight's merge-sort count agrees with the pair-by-pair definition on random samples
 * full of ties (values from a handful of levels), of many sizes. */
static void test_kendall_matches_the_pair_by_pair_definition(void **state)
{
    (void)state;
    uint64_t seed = 12345;
    double x[300], y[300];
    for (size_t n = 2; n <= 300; n += 7) {
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            x[i] = (double)((seed >> 33) % 7);
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            y[i] = (double)((seed >> 33) % 5) + 0.5 * x[i];
        }
        double tau;
        assert_int_equal(diff_kendall_tau_b(x, y, n, &tau), CKG_OK);
        double want = kendall_brute(x, y, n);
        if (isnan(want))
            assert_true(isnan(tau));
        else
            assert_true(fabs(tau - want) < 1e-12);
    }
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_concepts_shared_and_only_and_their_jaccard),
        T(test_relations_by_pair_are_pairs_whatever_their_kind),
        T(test_relations_stated_by_one_only_put_shared_ends_first),
        T(test_relations_by_family_agree_across_kinds_of_one_family),
        T(test_relations_by_kind_count_each_kind_of_a_pair),
        T(test_edge_keys_under_each_choice),
        T(test_ranks_are_within_each_papers_graph_with_average_ties),
        T(test_shared_concepts_list_the_biggest_movers_first),
        T(test_concepts_of_one_only_are_ordered_by_their_rank),
        T(test_spearman_and_kendall_of_degree_by_hand),
        T(test_theme_shares_of_concepts_and_of_relation_ends),
        T(test_sections_of_one_paper_are_compared_like_papers),
        T(test_an_empty_scope_gives_undefined_not_wrong_numbers),
        T(test_a_paper_against_itself_agrees_perfectly),
        T(test_unknown_paper_or_section_is_not_found),
        T(test_community_labels_cannot_be_the_measure),
        T(test_compare_matrices_and_concept_order_by_hand),
        T(test_compare_relations_by_family_and_by_kind),
        T(test_unknown_key_is_a_usage_error),
        T(test_jaccard_is_undefined_for_two_empty_sets),
        T(test_spearman_and_kendall_with_a_tie_by_hand),
        T(test_reversed_order_correlates_minus_one),
        T(test_correlation_is_undefined_without_variation_or_pairs),
        T(test_kendall_matches_the_pair_by_pair_definition),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
