/* score.h — a student's concept map compared with the curated map of a scope, proposition
 * by proposition, with the evidence for each verdict.
 *
 * Each proposition of the map (cmap.h) gets one verdict:
 *   - unknown-concept: a label names no concept (or several: ambiguous), as the CLI
 *     resolves names (names.h: id, zh, en, alt; folded);
 *   - otherwise the phrase is read (phrase.h): a kind's phrase, its inverse phrase (which
 *     flips the proposition: "B 依托 A" is "A supports B"), a synonym, or unrecognised (it
 *     then matches any kind, and the item is flagged). With A -> B the proposition so read:
 *   - stated: the scope states A -> B with a kind compatible with the phrase (equal or of
 *     one family); the evidence is those relations;
 *   - reversed: not that, but B -> A with a compatible kind;
 *   - other-kind: the scope relates A and B, in the student's direction or the other, but
 *     never with a compatible kind; the evidence shows what it does state;
 *   - unstated: the scope states nothing between A and B (a concept linked to itself
 *     included); papers outside the scope that do relate them are listed (`elsewhere`).
 *
 * Summary: counts per verdict; precision = stated / propositions whose two labels resolve
 * (NaN with none); recall = curated propositions of the scope matched by a stated
 * proposition / curated propositions in the scope (NaN with none); the curated
 * propositions missed, most central first (key = PageRank of from + PageRank of to in the
 * scope's analysis graph, as ckg metrics computes it by default, metrics.h; ties by the
 * propositions' order); and a Novak–Gowin
 * structural score of the stated propositions:
 *   valid       the stated propositions (1 point each);
 *   levels      the hierarchy's depth: breadth-first levels below the root, the concept
 *               with most stated links (the first drawn on a tie), in its connected part
 *               of the map (5 points each);
 *   cross_links stated links, not on the breadth-first tree, between concepts under two
 *               different concepts of the first level (10 points each);
 *   score       valid + 5 levels + 10 cross_links. */
#ifndef CKG_SCORE_H
#define CKG_SCORE_H

#include "ckg/arena.h"
#include "ckg/cmap.h"
#include "ckg/diag.h"
#include "ckg/names.h"
#include "ckg/ontology.h"
#include "ckg/phrase.h"
#include "ckg/proposition.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum score_verdict {
    SCORE_STATED,
    SCORE_REVERSED,
    SCORE_OTHER_KIND,
    SCORE_UNSTATED,
    SCORE_UNKNOWN_CONCEPT,
    SCORE_N_VERDICTS
} score_verdict;

/* "stated", "reversed", "other-kind", "unstated", "unknown-concept". */
const char *score_verdict_name(score_verdict v);

/* One end of a student's proposition: its label resolved. */
typedef struct score_end {
    const char *label;
    names_result names; /* verdict, the concept (FOUND), candidates or suggestions */
    int32_t concept;    /* -1 unless FOUND */
} score_end;

typedef struct score_item {
    const cmap_prop *prop;
    score_end from, to;
    phrase_match phrase;
    score_verdict verdict;
    int32_t a, b; /* the proposition as read (flipped by an inverse phrase); -1 if unknown */
    const proposition **evidence; /* curated propositions behind the verdict */
    size_t n_evidence;
    int32_t *elsewhere; /* unstated: papers outside the scope relating a and b, ascending */
    size_t n_elsewhere;
} score_item;

/* Should a feedback name the relation the text states for evidence k of it, beside its
 * quotes? Yes unless it is stated exactly as the student's phrase says (the same kind, the
 * same way round): for another kind of the family, an unrecognised phrase, a reversed or
 * other-kind verdict, the teacher sees what the text says. */
int score_names_relation(const score_item *it, size_t k);

typedef struct score_structure {
    size_t valid, levels, cross_links, score;
    int32_t root; /* concept index, -1 without stated propositions */
} score_structure;

typedef struct score_summary {
    size_t counts[SCORE_N_VERDICTS];
    size_t propositions, resolved;
    size_t curated, matched;
    double precision, recall;
    const proposition **missed; /* curated propositions not matched, most central first */
    size_t n_missed;
    score_structure structure;
} score_summary;

typedef struct score_result {
    const cmap *map;
    const prop_list *props;
    score_item *items; /* one per proposition of the map, in its order */
    size_t n;
    score_summary summary;
    arena mem;
} score_result;

/* ---------------------------------------------------------------- documents (score_write.c)
 * key: how many of the key propositions missed to list. */

/* The verdict in Chinese, for a feedback sheet: "文中有据", "方向相反", "关系不同",
 * "文中未述", "概念未识别". */
const char *score_verdict_zh(score_verdict v);

/* A feedback sheet in Markdown a teacher can hand back: the summary (counts, precision,
 * recall, the structural score), each proposition with its verdict and evidence, the key
 * propositions missed with their quotes. CKG_OK, or CKG_EIO when the stream fails. */
int score_write_md(const ckg_ontology *o, const score_result *r, size_t key, FILE *f);

/* {"map", "scope", "propositions":[{"from_label", "phrase", "to_label", "from", "to",
 * "verdict", "line", "kind", "phrase_recognised", "inverse", "evidence":[{"from", "kind",
 * "to", "paper", "quote", "line"}], "suggestions":{"from","to"}, "elsewhere"}],
 * "summary":{"stated", "reversed", "other_kind", "unstated", "unknown", "precision",
 * "recall", "propositions", "resolved", "curated", "matched", "key_missed":[{"from",
 * "kind", "to", "text":{"zh","en"}, "evidence"}], "structure":{"valid", "levels",
 * "cross_links", "score", "root"}}, "isolated":[labels]} (a new reference); from/to are
 * ids or null, precision/recall null when undefined. CKG_OK or CKG_ENOMEM. */
int score_json(const ckg_ontology *o, const score_result *r, size_t key, json_t **out);

typedef enum score_format { SCORE_MD, SCORE_JSON } score_format;

/* r in format fmt: score_write_md, or the JSON of score_json, indented, with a newline after
 * it. CKG_OK, CKG_ENOMEM or CKG_EIO. */
int score_write(const ckg_ontology *o, const score_result *r, score_format fmt, size_t key,
                FILE *f);

/* Scores map against props (the curated propositions of the scope, prop_collect) with the
 * phrase table t. Returns CKG_OK, CKG_ENOMEM, or the status of graph_build for the scope
 * (diagnostic in diags). map, props and o must outlive the result. igraph is not called:
 * the analysis graph is plain arrays and PageRank is metrics_pagerank. */
int score_map(const ckg_ontology *o, const cmap *map, const prop_list *props,
              const phrase_table *t, diag_list *diags, score_result **out);
void score_free(score_result *r);

#endif
