/* suggest.c — pick the closest names by code-point edit distance. */
#include "suggest.h"
#include "ckg/text.h"

#include <string.h>

size_t suggest_threshold(const char *word)
{
    size_t n = text_codepoints(word);
    size_t t = (n + 1) / 3;
    return t < 1 ? 1 : t > 4 ? 4 : t;
}

size_t suggest_closest(const char *word, const char *const *candidates, size_t n_candidates,
                       const char **out, size_t max_out)
{
    enum { MAX_KEEP = 16 };
    size_t dist[MAX_KEEP];
    size_t n_out = 0, limit = suggest_threshold(word);
    if (max_out > MAX_KEEP)
        max_out = MAX_KEEP;

    for (size_t i = 0; i < n_candidates; i++) {
        const char *c = candidates[i];
        if (!c || strcmp(c, word) == 0)
            continue;
        size_t d = text_edit_distance(word, c, limit);
        if (d > limit)
            continue;
        int seen = 0;
        for (size_t k = 0; k < n_out && !seen; k++)
            seen = strcmp(out[k], c) == 0;
        if (seen)
            continue;
        /* insertion into the best-first list, stable for equal distances */
        size_t at = n_out;
        while (at > 0 && dist[at - 1] > d)
            at--;
        if (at >= max_out)
            continue;
        size_t end = n_out < max_out ? n_out : max_out - 1;
        for (size_t k = end; k > at; k--) {
            out[k] = out[k - 1];
            dist[k] = dist[k - 1];
        }
        out[at] = c;
        dist[at] = d;
        if (n_out < max_out)
            n_out++;
    }
    return n_out;
}
