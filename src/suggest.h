/* suggest.h — "did you mean": the names closest to a misspelt one.
 *
 * Closeness is the edit distance over code points (so a wrong CJK character costs one, like
 * a wrong letter); a candidate is offered only when the distance is small for the word's
 * length, so a suggestion is a likely fix and never noise. */
#ifndef CKG_SUGGEST_H
#define CKG_SUGGEST_H

#include <stddef.h>

/* The distance up to which a candidate counts as close to word. */
size_t suggest_threshold(const char *word);

/* Writes into out (up to max_out) the candidates closest to word, best first, ties in the
 * order given; NULL candidates are skipped and duplicates suggested once. Returns how many. */
size_t suggest_closest(const char *word, const char *const *candidates, size_t n_candidates,
                       const char **out, size_t max_out);

#endif
