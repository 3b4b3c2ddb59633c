/* quiz.h — cloze items made from propositions: a concept or the linking phrase blanked,
 * with multiple-choice distractors that are wrong by the ontology.
 *
 * Invariants of every quiz (quiz_make):
 *   - no two items share a pair of concepts (so no two items are on one relation, and no
 *     item gives another's answer away);
 *   - a concept distractor D for the blanked end of A —k→ B is neither end, the ontology
 *     states no relation between D and the shown concept in either direction, of any kind,
 *     in any paper, and D is neither broader nor narrower (transitively) than either end:
 *     any of these could make "A k D" defensible;
 *   - a kind distractor K for A —k→ B is compatible (phrase_compatible: equal or of one
 *     family) with no kind stated between A and B in either direction in any paper;
 *   - concept distractors are drawn first from the answer's theme among the concepts of the
 *     scope's propositions, then its theme anywhere, then the scope, then anything; kind
 *     distractors from every other kind; each draw is random within its tier;
 *   - the same options (seed included) give the same quiz: a PCG32 seeded with the seed, its
 *     own state, shuffles the propositions, picks the blanks and draws and orders the
 *     choices; rand() is never used.
 * An item needs at least two distractors; a proposition that cannot get them with any blank
 * the mode allows is skipped. */
#ifndef CKG_QUIZ_H
#define CKG_QUIZ_H

#include "ckg/arena.h"
#include "ckg/ontology.h"
#include "ckg/phrase.h"
#include "ckg/proposition.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum quiz_blank { QUIZ_BLANK_FROM, QUIZ_BLANK_TO, QUIZ_BLANK_KIND } quiz_blank;

/* "from", "to", "kind". */
const char *quiz_blank_name(quiz_blank b);

typedef enum quiz_mode { QUIZ_CONCEPT, QUIZ_PHRASE, QUIZ_MIX } quiz_mode;

typedef struct quiz_options {
    size_t count;   /* items wanted */
    uint64_t seed;
    quiz_mode mode;
    size_t choices; /* choices per item, answer included (at least 3) */
} quiz_options;

typedef struct quiz_item {
    const proposition *prop;
    quiz_blank blank;
    const char *stem;  /* zh: the sentence with "____" for a concept, "A —____→ B" for a phrase */
    int32_t *choices;  /* concept indexes, or kind indexes for a phrase blank */
    size_t n_choices;
    size_t answer;     /* index of the right choice */
} quiz_item;

typedef struct quiz {
    const ckg_ontology *o;
    const prop_list *props; /* drawn from (its scope names the quiz) */
    quiz_options options;
    quiz_item *items;
    size_t n;
    arena mem;
} quiz;

/* Draws up to opt->count items from props (the ontology's, o). Returns CKG_OK (fewer items
 * than asked when too few propositions qualify), CKG_EUSAGE (count 0, fewer than 3 choices)
 * or CKG_ENOMEM. props and o must outlive the quiz. */
int quiz_make(const ckg_ontology *o, const prop_list *props, const quiz_options *opt,
              quiz **out);
void quiz_free(quiz *q);

/* ---------------------------------------------------------------- documents (quiz_write.c)
 * The writers return CKG_OK, or CKG_EIO when the stream reports an error. Each item's
 * answer key cites its quotes with paper:line. */

/* Markdown: the questions with lettered choices, then the answer key. */
int quiz_write_md(const quiz *q, FILE *f);

/* Moodle GIFT: one multiple-choice question per item, `::Q<n>::[html]stem{=right ~wrong
 * ... ####key}`, every text HTML-escaped (& < > ") and GIFT's specials ~ = # { } :  * escaped with a backslash; a comment line names the scope, blanks and seed. */
int quiz_write_gift(const quiz *q, FILE *f);

/* CSV for Anki's importer: its header lines (#separator:comma, #html:false,
 * #columns:Front,Back,Tags, #tags column:3), then per item the stem with lettered choices
 * (Front), the answer with its quotes (Back) and tags (ckg and the papers). */
int quiz_write_csv(const quiz *q, FILE *f);

/* {"scope", "seed", "blanks", "items":[{"relation":{"from","kind","to"}, "blank", "stem",
 * "answer", "choices", "evidence":[{"paper","quote","line"}]}]} (a new reference); answer
 * is the zh name of the blanked concept or the zh phrase of the kind. CKG_OK or
 * CKG_ENOMEM. */
int quiz_json(const quiz *q, json_t **out);

typedef enum quiz_format { QUIZ_MD, QUIZ_GIFT, QUIZ_CSV, QUIZ_JSON } quiz_format;

/* q in format fmt: quiz_write_md, _gift, _csv, or the JSON of quiz_json, indented, with a
 * newline after it. CKG_OK, CKG_ENOMEM or CKG_EIO. */
int quiz_write(const quiz *q, quiz_format fmt, FILE *f);

/* "concept", "phrase" or "mix". */
const char *quiz_mode_name(quiz_mode m);

/* The text of choice i: the zh name of a concept, or the zh phrase of a kind. */
const char *quiz_choice_text(const ckg_ontology *o, const quiz_item *it, size_t i);

#endif
