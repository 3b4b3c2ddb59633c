/* text_index.c — finding normalized quotes in a normalized text.
 *
 * Design: a sampled q-gram index in hash buckets. Every character start p of the text
 * with p % STEP == 0 is filed under a hash of the 8 bytes at p (about three CJK
 * characters). Buckets are laid out by a counting sort: bucket[h] .. bucket[h + 1] index
 * the positions hashing to h, in ascending order. There are about as many buckets as
 * sampled positions, and no keys are stored: a bucket may mix a few grams, which costs a
 * failed comparison now and then but keeps building branch-free and the index at about
 * 8 bytes per sampled position (a document is kept while its quotes are checked).
 * An occurrence of the needle at byte P has its characters at needle offsets j with
 * j % STEP == r on sampled positions, for exactly one r = (-P) mod STEP. So for each r we
 * look up the buckets of the needle's grams at those offsets: an empty one rules the class
 * out, otherwise the smallest one's positions are verified with memcmp, lowest first. The
 * first occurrence is the lowest over the classes. Building costs O(n) with a small
 * constant; a lookup O(m + size of the smallest buckets), against O(n) per quote for a
 * scan: with ~100 quotes per document that is the difference that matters. A suffix array
 * answers the same queries but costs O(n log n) to build for a structure used ~100 times.
 * A needle without a character start in some class (shorter than ~5 CJK characters, or
 * made of 2-byte characters only) is found by scanning.
 *
 * Placeholders: a U+FFFD in the text (a private-use glyph of the source) matches any one
 * character of the needle. Only when the exact search fails, the needle is tried aligned
 * on each placeholder of the text (recorded at build time), character by character.
 *
 * Invariant: positions are uint32_t, so an index covers texts below 4 GiB; longer texts
 * are searched by scanning (text_index_build reports no error, it just indexes nothing). */
#include "ckg/text.h"
#include "util/array.h"

#include <stdlib.h>
#include <string.h>

enum { GRAM = 8, STEP = 4 };

struct text_index {
    const char *text;
    size_t len;
    uint32_t *bucket; /* n_buckets + 1 entries: positions of bucket h are pos[bucket[h] ..
                         bucket[h + 1]) */
    uint32_t *pos;
    unsigned bits;    /* n_buckets = 1 << bits */
    size_t *wild;     /* offsets of placeholders in text, ascending */
    size_t n_wild;
    bool indexed;
};

static uint64_t load_gram(const char *p)
{
    uint64_t k;
    memcpy(&k, p, GRAM);
    return k;
}

static uint32_t hash_gram(const char *p, unsigned bits)
{
    return (uint32_t)((load_gram(p) * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

static bool is_char_start(unsigned char c)
{
    return (c & 0xC0) != 0x80;
}

static int record_placeholders(text_index *ix)
{
    size_t n = 0, cap = 0;
    const char *t = ix->text, *end = ix->text + ix->len, *p = t;
    while ((p = memchr(p, 0xEF, (size_t)(end - p))) != NULL) {
        if (end - p < 3 || memcmp(p, "\xEF\xBF\xBD", 3) != 0) {
            p++;
            continue;
        }
        if (ARRAY_GROW(ix->wild, cap, n + 1) != 0)
            return TEXT_ENOMEM;
        ix->wild[n++] = (size_t)(p - t);
        p += 3;
    }
    ix->n_wild = n;
    return TEXT_OK;
}

static int build_buckets(text_index *ix)
{
    const char *t = ix->text;
    size_t len = ix->len, n_pos = 0;
    uint32_t *sampled = NULL, *hash = NULL;
    int rc = TEXT_ENOMEM;

    if (len < GRAM)
        return TEXT_OK;
    size_t cap = (len - GRAM) / STEP + 1;
    sampled = malloc(cap * sizeof *sampled);
    hash = malloc(cap * sizeof *hash);
    if (!sampled || !hash)
        goto out;
    for (size_t p = 0; p + GRAM <= len; p += STEP) { /* branch-free: most are taken */
        sampled[n_pos] = (uint32_t)p;
        n_pos += is_char_start((unsigned char)t[p]);
    }
    unsigned bits = 4;
    while (bits < 31 && ((size_t)1 << bits) < n_pos)
        bits++;
    size_t n_buckets = (size_t)1 << bits;
    ix->bits = bits;
    ix->bucket = calloc(n_buckets + 1, sizeof *ix->bucket);
    ix->pos = malloc((n_pos ? n_pos : 1) * sizeof *ix->pos);
    if (!ix->bucket || !ix->pos)
        goto out;
    /* counting sort by hash: counts in bucket[h + 1], prefix sums, scatter in order */
    for (size_t k = 0; k < n_pos; k++) {
        hash[k] = hash_gram(t + sampled[k], bits);
        ix->bucket[hash[k] + 1]++;
    }
    for (size_t h = 0; h < n_buckets; h++)
        ix->bucket[h + 1] += ix->bucket[h];
    for (size_t k = 0; k < n_pos; k++)
        ix->pos[ix->bucket[hash[k]]++] = sampled[k];
    /* the scatter advanced each bucket start to its end: shift back */
    memmove(ix->bucket + 1, ix->bucket, n_buckets * sizeof *ix->bucket);
    ix->bucket[0] = 0;
    ix->indexed = n_pos > 0;
    rc = TEXT_OK;
out:
    free(sampled);
    free(hash);
    return rc;
}

void text_index_free(text_index *ix)
{
    if (!ix)
        return;
    free(ix->bucket);
    free(ix->pos);
    free(ix->wild);
    free(ix);
}

int text_index_build(const char *text, size_t len, text_index **out)
{
    int rc;
    text_index *ix = calloc(1, sizeof *ix);
    *out = NULL;
    if (!ix)
        return TEXT_ENOMEM;
    ix->text = text;
    ix->len = len;
    if ((rc = record_placeholders(ix)) != TEXT_OK)
        goto out;
    if (len < UINT32_MAX && (rc = build_buckets(ix)) != TEXT_OK)
        goto out;
    *out = ix;
    ix = NULL;
    rc = TEXT_OK;
out:
    text_index_free(ix);
    return rc;
}

/* Candidates of one residue class r: the match has its characters at needle offsets
 * r, r + STEP, ... on sampled positions. Verifies the smallest bucket of the class
 * (stopping early at a tiny one); the lowest match in *start. Returns 1 found, 0 not,
 * -1 when the needle is too short to have a gram in the class. */
static int find_class(const text_index *ix, const char *needle, size_t nlen, size_t r,
                      size_t *start)
{
    size_t best_at = 0, best_lo = 0, best_n = SIZE_MAX;
    for (size_t j = r; j + GRAM <= nlen && best_n > 2; j += STEP) {
        if (!is_char_start((unsigned char)needle[j]))
            continue;
        uint32_t h = hash_gram(needle + j, ix->bits);
        size_t lo = ix->bucket[h], n = ix->bucket[h + 1] - lo;
        if (n == 0)
            return 0;
        if (n < best_n) {
            best_at = j;
            best_lo = lo;
            best_n = n;
        }
    }
    if (best_n == SIZE_MAX)
        return -1;
    for (size_t i = best_lo; i < best_lo + best_n; i++) {
        size_t p = ix->pos[i];
        if (p < best_at || p - best_at + nlen > ix->len)
            continue;
        if (memcmp(ix->text + p - best_at, needle, nlen) == 0) {
            *start = p - best_at;
            return 1;
        }
    }
    return 0;
}

/* 1 found (the first occurrence), 0 not found, -1 needle too short for the index */
static int indexed_find(const text_index *ix, const char *needle, size_t nlen, size_t *start)
{
    size_t best = SIZE_MAX;
    for (size_t r = 0; r < STEP; r++) {
        size_t s;
        int found = find_class(ix, needle, nlen, r, &s);
        if (found < 0)
            return -1;
        if (found && s < best)
            best = s;
    }
    if (best == SIZE_MAX)
        return 0;
    *start = best;
    return 1;
}

static bool scan_find(const char *text, size_t len, const char *needle, size_t nlen,
                      size_t *start)
{
    if (nlen > len)
        return false;
    const char *p = text, *last = text + (len - nlen);
    while (p <= last) {
        p = memchr(p, needle[0], (size_t)(last - p) + 1);
        if (!p)
            return false;
        if (memcmp(p, needle, nlen) == 0) {
            *start = (size_t)(p - text);
            return true;
        }
        p++;
    }
    return false;
}

/* needle's characters, as byte offsets into it (n + 1 entries, the last = nlen) */
static size_t *char_offsets(const char *needle, size_t nlen, size_t *n)
{
    size_t count = 0;
    for (size_t i = 0; i < nlen; i++)
        count += is_char_start((unsigned char)needle[i]);
    size_t *off = malloc((count + 1) * sizeof *off);
    if (!off)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < nlen; i++) {
        if (is_char_start((unsigned char)needle[i]))
            off[k++] = i;
    }
    off[k] = nlen;
    *n = count;
    return off;
}

static bool is_placeholder_at(const char *text, size_t len, size_t p)
{
    return p + 3 <= len && memcmp(text + p, "\xEF\xBF\xBD", 3) == 0;
}

/* Does needle match text with its character j on the placeholder at w? Sets the span. */
static bool wild_match_at(const char *text, size_t len, const char *needle, const size_t *off,
                          size_t n, size_t j, size_t w, size_t *start, size_t *end)
{
    /* backwards over needle characters j-1 .. 0 */
    size_t p = w;
    for (size_t c = j; c-- > 0;) {
        if (p == 0)
            return false;
        size_t q = p - 1;
        while (q > 0 && !is_char_start((unsigned char)text[q]))
            q--;
        size_t clen = off[c + 1] - off[c];
        bool wild = p - q == 3 && is_placeholder_at(text, len, q);
        if (!wild && (p - q != clen || memcmp(text + q, needle + off[c], clen) != 0))
            return false;
        p = q;
    }
    *start = p;
    /* forwards over characters j + 1 .. n - 1 */
    p = w + 3;
    for (size_t c = j + 1; c < n; c++) {
        size_t clen = off[c + 1] - off[c];
        if (is_placeholder_at(text, len, p)) {
            p += 3;
            continue;
        }
        if (p + clen > len || memcmp(text + p, needle + off[c], clen) != 0)
            return false;
        p += clen;
    }
    *end = p;
    return true;
}

static int wild_find(const size_t *wild, size_t n_wild, const char *text, size_t len,
                     const char *needle, size_t nlen, size_t *start, size_t *end)
{
    size_t n, best = SIZE_MAX, best_end = 0;
    size_t *off = char_offsets(needle, nlen, &n);
    if (!off)
        return TEXT_ENOMEM;
    for (size_t w = 0; w < n_wild; w++) {
        /* text before a placeholder matched by the needle is at most 3 bytes per needle
           byte (placeholders) long: placeholders further on cannot start earlier */
        if (best != SIZE_MAX && wild[w] > best + 3 * nlen)
            break;
        for (size_t j = 0; j < n; j++) {
            size_t s, e;
            if (wild_match_at(text, len, needle, off, n, j, wild[w], &s, &e) && s < best) {
                best = s;
                best_end = e;
            }
        }
    }
    free(off);
    if (best == SIZE_MAX)
        return TEXT_NOT_FOUND;
    *start = best;
    *end = best_end;
    return TEXT_FOUND;
}

int text_search(const text_index *ix, const char *text, size_t len, const char *needle,
                size_t nlen, size_t *start, size_t *end)
{
    size_t s;
    if (nlen == 0)
        return TEXT_NOT_FOUND;
    int found = -1;
    if (ix && ix->indexed && nlen >= GRAM)
        found = indexed_find(ix, needle, nlen, &s);
    if (found < 0)
        found = scan_find(text, len, needle, nlen, &s);
    if (found) {
        *start = s;
        *end = s + nlen;
        return TEXT_FOUND;
    }
    if (ix)
        return ix->n_wild ? wild_find(ix->wild, ix->n_wild, text, len, needle, nlen, start, end)
                          : TEXT_NOT_FOUND;
    /* no index: find the placeholders on the way */
    size_t *wild = NULL, n_wild = 0, cap = 0;
    int rc = TEXT_NOT_FOUND;
    for (size_t i = 0; i + 3 <= len; i++) {
        if (!is_placeholder_at(text, len, i))
            continue;
        if (ARRAY_GROW(wild, cap, n_wild + 1) != 0) {
            rc = TEXT_ENOMEM;
            goto out;
        }
        wild[n_wild++] = i;
        i += 2;
    }
    if (n_wild)
        rc = wild_find(wild, n_wild, text, len, needle, nlen, start, end);
out:
    free(wild);
    return rc;
}
