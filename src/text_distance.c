/* text_distance.c — Levenshtein distance over code points, for "did you mean".
 *
 * Two rows of the dynamic programme, restricted to the diagonal band |i - j| <= max when a
 * cutoff is given (cells outside it exceed max anyway), stopping as soon as a whole row
 * exceeds max. Names are short, so strings of up to 64 characters are decoded on the
 * stack. Invariant: the result is exact when it is <= max, and max + 1 otherwise. */
#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>

enum { STACK_CHARS = 64 };

/* Decodes s into code points (an invalid byte becomes 0xDC00 + byte, distinct from every
 * character). *cps points at stack (if it is big enough) or a malloc'd array. */
static int decode_all(const char *s, size_t len, uint32_t *stack, uint32_t **cps, size_t *n)
{
    uint32_t *a = stack;
    size_t cap = STACK_CHARS;
    if (len > STACK_CHARS) { /* at most one character per byte */
        if (!(a = malloc(len * sizeof *a)))
            return TEXT_ENOMEM;
        cap = len;
    }
    size_t k = 0;
    for (size_t i = 0; i < len && k < cap;) {
        uint32_t cp;
        size_t m = text_utf8_decode(s + i, len - i, &cp);
        if (m == 0) {
            cp = 0xDC00u + (unsigned char)s[i];
            m = 1;
        }
        a[k++] = cp;
        i += m;
    }
    *cps = a;
    *n = k;
    return TEXT_OK;
}

size_t text_edit_distance_n(const char *a, size_t alen, const char *b, size_t blen, size_t max)
{
    uint32_t sa[STACK_CHARS], sb[STACK_CHARS];
    size_t rows_stack[2 * (STACK_CHARS + 1)];
    uint32_t *ca = NULL, *cb = NULL;
    size_t *prev = NULL, *cur = NULL, *rows = rows_stack, n, m;
    size_t result = SIZE_MAX;

    if (decode_all(a, alen, sa, &ca, &n) != TEXT_OK)
        goto out;
    if (decode_all(b, blen, sb, &cb, &m) != TEXT_OK)
        goto out;
    if (max >= SIZE_MAX - 1)
        max = SIZE_MAX - 2; /* so that max + 1 stays a distance */
    size_t diff = n > m ? n - m : m - n;
    if (diff > max) {
        result = max + 1;
        goto out;
    }
    if (m + 1 > STACK_CHARS + 1 && !(rows = malloc(2 * (m + 1) * sizeof *rows)))
        goto out;
    prev = rows;
    cur = rows + m + 1;
    const size_t over = max + 1; /* stands for any value above max */
    for (size_t j = 0; j <= m; j++)
        prev[j] = j <= max ? j : over;
    for (size_t i = 1; i <= n; i++) {
        size_t lo = i > max ? i - max : 1;
        size_t hi = m > i && m - i > max ? i + max : m;
        size_t row_min = over;
        cur[0] = i <= max ? i : over;
        if (lo > 1)
            cur[lo - 1] = over;
        if (cur[0] < row_min && lo == 1)
            row_min = cur[0];
        for (size_t j = lo; j <= hi; j++) {
            size_t sub = prev[j - 1] + (ca[i - 1] != cb[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            size_t v = sub < del ? sub : del;
            v = v < ins ? v : ins;
            if (v > over)
                v = over;
            cur[j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (hi < m)
            cur[hi + 1] = over;
        if (row_min > max) {
            result = over;
            goto out;
        }
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    result = prev[m] <= max ? prev[m] : over;
out:
    if (ca != sa)
        free(ca);
    if (cb != sb)
        free(cb);
    if (rows != rows_stack)
        free(rows);
    return result;
}

size_t text_edit_distance(const char *a, const char *b, size_t max)
{
    return text_edit_distance_n(a, strlen(a), b, strlen(b), max);
}
