/* text_normalize.c — the quote-matching normalization (doc/design.md, "Quote matching") and
 * the name folding for concept lookup.
 *
 * One pass over the input, per code point: markup rules on the raw text first (<sup>,
 * markdown escapes, ** and circled footnote numbers must go before NFKC turns ① into 1),
 * then NFKC, then the drop/fold table, then citation marks on the output.
 *
 * NFKC without its cost: calling utf8proc on every line would dominate loading a corpus, so
 * characters in a whitelist (ASCII, CJK ideographs, common CJK punctuation, full-width
 * ASCII, the PDF glyphs) are mapped directly. The whitelist holds only characters that
 * (a) have the NFKC image written in classify(), (b) have combining class 0 and (c) never
 * are the second character of a canonical composition. Such a character blocks composition
 * and reordering across it, so NFKC of the text equals the concatenation of NFKC of the
 * pieces between them. Those that can be the first of a composition (ASCII letters, <=>,
 * and full-width forms of them: e + U+0301 -> é) are taken directly only when the next
 * character is whitelisted too; everything else is collected into a run that utf8proc
 * normalizes as a whole. tests/unit/test_text_normalize.c checks this against utf8proc.
 *
 * Invariants: every byte of the input is validated as UTF-8 (also inside a removed
 * <sup>), so callers need no separate check; on failure the output buffer is left
 * exactly as it was. */
#include "ckg/text.h"
#include "text_internal.h"
#include "util/array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { CLS_SLOW, CLS_STABLE, CLS_FIRST };

static bool is_pua(uint32_t cp)
{
    return (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0x10FFFF);
}

/* Circled, negative-circled and double-circled numbers: footnote marks, dropped. */
static bool is_circled_number(uint32_t cp)
{
    return (cp >= 0x2460 && cp <= 0x2473) || /* ① - ⑳ */
           (cp >= 0x24EA && cp <= 0x24FF) || /* ⓪ ⓫-⓴ ⓵-⓾ ⓿ */
           (cp >= 0x2776 && cp <= 0x2793) || /* ❶-❿ ➀-➉ ➊-➓ */
           (cp >= 0x3251 && cp <= 0x325F) || /* ㉑ - ㉟ */
           (cp >= 0x32B1 && cp <= 0x32BF);   /* ㊱ - ㊿ */
}

/* The fast path (see the top of the file): CLS_STABLE and CLS_FIRST characters with their
 * NFKC image in *mapped, CLS_SLOW for everything utf8proc has to see. */
static int classify(uint32_t cp, uint32_t *mapped)
{
    *mapped = cp;
    if (cp < 0x80) {
        uint32_t lower = cp | 0x20;
        if ((lower >= 'a' && lower <= 'z') || cp == '<' || cp == '=' || cp == '>')
            return CLS_FIRST;
        return CLS_STABLE;
    }
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
        return CLS_STABLE;
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        *mapped = cp - 0xFEE0;
        return CLS_FIRST;
    }
    if ((cp >= 0x3001 && cp <= 0x3002) || (cp >= 0x3008 && cp <= 0x3011) ||
        (cp >= 0x3014 && cp <= 0x301B))
        return CLS_STABLE;
    switch (cp) {
    case 0x3000:
        *mapped = ' ';
        return CLS_STABLE;
    case 0x00AB: case 0x00B7: case 0x00BB:
    case 0x2014: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
    case 0xA3AC: case 0xA3AE: case 0xA3BB:
    case 0xFFFD:
        return CLS_STABLE;
    default:
        break;
    }
    if (is_pua(cp))
        return CLS_STABLE;
    return CLS_SLOW;
}

typedef struct nstate {
    text_normbuf *nb;
    const char *s;
    size_t len;
    size_t unit_start;         /* nb->len when the piece began: citations stay inside */
    size_t run_start, run_end; /* pending slow run, [start, end) in s */
} nstate;

static int reserve(text_normbuf *nb, size_t extra)
{
    if (extra >= SIZE_MAX - nb->len)
        return TEXT_ENOMEM;
    size_t need = nb->len + extra + 1;
    if (need <= nb->cap)
        return TEXT_OK;
    /* data and src share one capacity: the smaller of what each holds */
    size_t cap_data = nb->cap, cap_src = nb->cap;
    if (array_grow(&nb->data, &cap_data, need, 1) != 0)
        return TEXT_ENOMEM;
    if (nb->track && array_grow(&nb->src, &cap_src, need, sizeof *nb->src) != 0)
        return TEXT_ENOMEM; /* data grew, cap did not: retried next time */
    nb->cap = nb->track && cap_src < cap_data ? cap_src : cap_data;
    return TEXT_OK;
}

/* The digits-and-separators body of a citation mark: 12 / 3，4 / 5-7 / 1、3~5. */
static bool citation_body(const char *p, size_t n)
{
    size_t i = 0;
    for (;;) {
        size_t digits = 0;
        while (i < n && p[i] >= '0' && p[i] <= '9') {
            i++;
            digits++;
        }
        if (digits == 0)
            return false;
        if (i == n)
            return true;
        if (p[i] == '-' || p[i] == '~')
            i += 1;
        else if (n - i >= 3 && (memcmp(p + i, "\xEF\xBC\x8C", 3) == 0 || /* ， */
                                memcmp(p + i, "\xE2\x80\x93", 3) == 0 || /* – */
                                memcmp(p + i, "\xE2\x80\x94", 3) == 0 || /* — */
                                memcmp(p + i, "\xE3\x80\x81", 3) == 0))  /* 、 */
            i += 3;
        else
            return false;
    }
}

/* Called after a ']' was appended: drops "[digits...]" ending there. */
static void drop_citation(nstate *st)
{
    text_normbuf *nb = st->nb;
    size_t close = nb->len - 1;
    size_t lim = close > st->unit_start + 48 ? close - 48 : st->unit_start;
    for (size_t i = close; i-- > lim;) {
        if (nb->data[i] == '[') {
            if (citation_body(nb->data + i + 1, close - i - 1))
                nb->len = i;
            return;
        }
    }
}

static int append_bytes(nstate *st, const char *b, size_t n, size_t src)
{
    text_normbuf *nb = st->nb;
    int rc = reserve(nb, n);
    if (rc != TEXT_OK)
        return rc;
    memcpy(nb->data + nb->len, b, n);
    if (nb->track) {
        for (size_t k = 0; k < n; k++)
            nb->src[nb->len + k] = src;
    }
    nb->len += n;
    return TEXT_OK;
}

/* Appends one NFKC-normalized code point after the drop/fold table. */
static int emit(nstate *st, uint32_t cp, size_t src)
{
    char b[4];
    if (cp < 0x80) {
        const char *fold = NULL;
        switch (cp) {
        case ',': fold = "\xEF\xBC\x8C"; break; /* ， */
        case ';': fold = "\xEF\xBC\x9B"; break; /* ； */
        case ':': fold = "\xEF\xBC\x9A"; break; /* ： */
        case '(': fold = "\xEF\xBC\x88"; break; /* （ */
        case ')': fold = "\xEF\xBC\x89"; break; /* ） */
        default: break;
        }
        if (fold)
            return append_bytes(st, fold, 3, src);
        if (cp <= 0x20 || cp == 0x7F)
            return TEXT_OK; /* whitespace and controls */
        b[0] = (char)cp;
        int rc = append_bytes(st, b, 1, src);
        if (rc == TEXT_OK && cp == ']')
            drop_citation(st);
        return rc;
    }
    if (!(cp >= 0x4E00 && cp <= 0x9FFF)) {
        switch (cp) {
        case 0xA3AC: cp = 0xFF0C; break; /* ꎬ -> ， */
        case 0xA3AE: cp = 0x3002; break; /* ꎮ -> 。 */
        case 0xA3BB: cp = 0xFF1B; break; /* ꎻ -> ； */
        case 0x00AB: cp = 0x300A; break; /* « -> 《 */
        case 0x00BB: cp = 0x300B; break; /* » -> 》 */
        default:
            if (is_pua(cp)) {
                cp = TEXT_PLACEHOLDER;
            } else {
                utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
                if (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
                    cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC ||
                    cat == UTF8PROC_CATEGORY_CF)
                    return TEXT_OK;
            }
            break;
        }
    }
    size_t n = text_utf8_encode(cp, b);
    return n ? append_bytes(st, b, n, src) : TEXT_OK;
}

/* NFKC of the pending run by utf8proc, then emit. */
static int flush(nstate *st)
{
    enum { STACK = 64 };
    utf8proc_int32_t stackbuf[STACK];
    utf8proc_int32_t *buf = stackbuf;
    int rc = TEXT_OK;
    if (st->run_end == st->run_start)
        return TEXT_OK;
    const utf8proc_uint8_t *r = (const utf8proc_uint8_t *)st->s + st->run_start;
    utf8proc_ssize_t rl = (utf8proc_ssize_t)(st->run_end - st->run_start);
    const utf8proc_option_t dec = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE;
    utf8proc_ssize_t n = utf8proc_decompose(r, rl, buf, STACK, dec);
    if (n > STACK) {
        buf = malloc((size_t)n * sizeof *buf);
        if (!buf) {
            rc = TEXT_ENOMEM;
            goto out;
        }
        n = utf8proc_decompose(r, rl, buf, n, dec);
    }
    if (n >= 0)
        n = utf8proc_normalize_utf32(buf, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0) { /* the run was validated, so only memory can fail */
        rc = TEXT_ENOMEM;
        goto out;
    }
    for (utf8proc_ssize_t k = 0; k < n && rc == TEXT_OK; k++)
        rc = emit(st, (uint32_t)buf[k], st->run_start);
out:
    if (buf != stackbuf)
        free(buf);
    st->run_start = st->run_end;
    return rc;
}

/* Printable ASCII that NFKC and the fold table leave alone and that no markup rule
 * starts with: not space, , ; : ( ) (folded), < \\ * (markup), ] (citations), = > (they
 * compose with U+0338). */
static bool ascii_plain(unsigned char c)
{
    static const uint32_t excluded[4] = { /* a bit per character, 32 per word */
        0xFFFFFFFFu,                        /* controls */
        1u /* space */ | (1u << ('(' - 32)) | (1u << (')' - 32)) | (1u << ('*' - 32)) |
            (1u << (',' - 32)) | (1u << (':' - 32)) | (1u << (';' - 32)) | (1u << ('<' - 32)) |
            (1u << ('=' - 32)) | (1u << ('>' - 32)) | 1u,
        (1u << (']' - 64)) | (1u << ('\\' - 64)),
        1u << (0x7F - 96),
    };
    return c < 0x80 && !(excluded[c >> 5] & (1u << (c & 31)));
}

static bool ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Appends s[at .. at + n) unchanged, each byte its own source. */
static int append_run(nstate *st, size_t at, size_t n)
{
    int rc = append_bytes(st, st->s + at, n, at);
    if (rc == TEXT_OK && st->nb->track) {
        for (size_t k = 1; k < n; k++)
            st->nb->src[st->nb->len - n + k] = at + k;
    }
    return rc;
}

/* Length of the 3-byte character at p if it is its own normalization and whitelisted:
 * U+4000-U+9FFF (CJK ideographs, Yijing symbols), 、。《》「」『』 “”‘’ —, and the
 * full-width ，：；（） that NFKC makes ASCII and the fold makes full-width again. */
static size_t same_char(const unsigned char *p)
{
    if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
    if (p[0] >= 0xE4 && p[0] <= 0xE9)
        return 3;
    if (p[0] == 0xE3 && p[1] == 0x80)
        return p[2] == 0x81 || p[2] == 0x82 || (p[2] >= 0x8A && p[2] <= 0x8F) ? 3 : 0;
    if (p[0] == 0xE2 && p[1] == 0x80)
        return p[2] == 0x94 || p[2] == 0x98 || p[2] == 0x99 || p[2] == 0x9C || p[2] == 0x9D
                   ? 3
                   : 0;
    if (p[0] == 0xEF && p[1] == 0xBC)
        return p[2] == 0x8C || p[2] == 0x9A || p[2] == 0x9B || p[2] == 0x88 || p[2] == 0x89
                   ? 3
                   : 0;
    return 0;
}

/* Bytes of the run of same_char characters at s. */
static size_t same_run(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (len - n >= 3 && p[n] >= 0xE2 && same_char(p + n))
        n += 3;
    return n;
}

static bool starts_ci(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != lit[i])
            return false;
    }
    return true;
}

static size_t find_ci(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= len; i++) {
        if (starts_ci(s + i, len - i, lit))
            return i;
    }
    return TEXT_NPOS;
}

static bool is_ascii_punct(unsigned char c)
{
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

int text_normalize_append(text_normbuf *nb, const char *s, size_t len, unsigned flags,
                          text_error *err)
{
    int rc = TEXT_OK;
    size_t saved = nb->len, i = 0;
    nstate st = {.nb = nb, .s = s, .len = len, .unit_start = nb->len};

    if ((rc = reserve(nb, len + len / 4)) != TEXT_OK) /* most pieces shrink or stay */
        goto out;
    if (flags & TEXT_NORM_LINE) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        while (i < len && s[i] == '#')
            i++;
    }
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp, mapped;
        size_t n;

        /* Hot paths: runs of characters that normalize to themselves and are whitelisted
           (CJK ideographs and the common full-width punctuation; printable ASCII without
           markup or folding), copied in one go. An ASCII letter can compose with what
           follows, so a run does not end in one unless a whitelisted character follows. */
        if (c < 0x80 && ascii_plain(c)) {
            size_t j = i + 1;
            while (j < len && (unsigned char)s[j] < 0x80 && ascii_plain((unsigned char)s[j]))
                j++;
            if (j < len && (unsigned char)s[j] >= 0x80 && ascii_letter((unsigned char)s[j - 1])) {
                uint32_t next, ignored;
                size_t nn = text_utf8_decode(s + j, len - j, &next);
                if (nn == 0 || classify(next, &ignored) == CLS_SLOW || is_circled_number(next))
                    j--;
            }
            if (j > i) {
                if ((rc = flush(&st)) != TEXT_OK || (rc = append_run(&st, i, j - i)) != TEXT_OK)
                    goto out;
                i = j;
                st.run_start = st.run_end = i;
                continue;
            }
        }
        if (c >= 0xE2 && (n = same_run(s + i, len - i)) > 0) {
            if ((rc = flush(&st)) != TEXT_OK || (rc = append_run(&st, i, n)) != TEXT_OK)
                goto out;
            i += n;
            st.run_start = st.run_end = i;
            continue;
        }

        /* markup on the raw text */
        if (c == '<' && starts_ci(s + i, len - i, "<sup>")) {
            size_t close = find_ci(s + i + 5, len - i - 5, "</sup>"), bad;
            if (close != TEXT_NPOS) {
                if (text_utf8_check(s + i + 5, close, &bad) != TEXT_OK) {
                    i += 5 + bad;
                    goto bad_utf8;
                }
                if ((rc = flush(&st)) != TEXT_OK)
                    goto out;
                i += 5 + close + 6;
                st.run_start = st.run_end = i;
                continue;
            }
        } else if (c == '\\' && i + 1 < len && is_ascii_punct((unsigned char)s[i + 1])) {
            if ((rc = flush(&st)) != TEXT_OK || (rc = emit(&st, (unsigned char)s[i + 1], i)))
                goto out;
            i += 2;
            st.run_start = st.run_end = i;
            continue;
        } else if (c == '*' && i + 1 < len && s[i + 1] == '*') {
            if ((rc = flush(&st)) != TEXT_OK)
                goto out;
            i += 2;
            st.run_start = st.run_end = i;
            continue;
        }

        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((n = text_utf8_decode(s + i, len - i, &cp)) == 0) {
            goto bad_utf8;
        }
        if (is_circled_number(cp)) {
            if ((rc = flush(&st)) != TEXT_OK)
                goto out;
            i += n;
            st.run_start = st.run_end = i;
            continue;
        }
        int cls = classify(cp, &mapped);
        if (cls == CLS_FIRST && i + n < len) {
            uint32_t next, ignored;
            size_t nn = text_utf8_decode(s + i + n, len - i - n, &next);
            if (nn == 0 || classify(next, &ignored) == CLS_SLOW || is_circled_number(next))
                cls = CLS_SLOW;
        }
        if (cls == CLS_SLOW) {
            if (st.run_end == st.run_start)
                st.run_start = i;
            st.run_end = i + n;
            i += n;
            continue;
        }
        if ((rc = flush(&st)) != TEXT_OK || (rc = emit(&st, mapped, i)) != TEXT_OK)
            goto out;
        i += n;
        st.run_start = st.run_end = i;
    }
    rc = flush(&st);
    goto out;
bad_utf8:
    rc = TEXT_EUTF8;
    if (err) {
        err->offset = i;
        text_utf8_linecol(s, len, i, &err->line, &err->col);
    }
out:
    if (rc != TEXT_OK)
        nb->len = saved;
    if (nb->data && nb->len < nb->cap)
        nb->data[nb->len] = '\0';
    if (err) {
        err->code = rc;
        if (rc != TEXT_EUTF8)
            err->offset = err->line = err->col = 0;
    }
    return rc;
}

void text_normbuf_free(text_normbuf *nb)
{
    if (!nb)
        return;
    free(nb->data);
    free(nb->src);
    nb->data = NULL;
    nb->src = NULL;
    nb->len = nb->cap = 0;
}

int text_normalize(const char *s, size_t len, char **out, size_t *out_len, text_error *err)
{
    text_normbuf nb = {0};
    int rc = text_normalize_append(&nb, s, len, 0, err);
    if (rc != TEXT_OK) {
        text_normbuf_free(&nb);
        return rc;
    }
    *out = nb.data;
    if (out_len)
        *out_len = nb.len;
    return TEXT_OK;
}

/* ------------------------------------------------------------------ folding */

static bool fold_drops(uint32_t cp)
{
    if (cp <= 0x20 || cp == 0x7F || cp == '-')
        return true;
    if (cp < 0x80)
        return false;
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC ||
           cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_PD;
}

/* The Chinese punctuation of running text, which NFKC and case folding leave alone and
 * which composes with nothing: 、。〈〉《》「」『』【】 and the curly quotes ‘’“”. */
static bool fold_keeps_punctuation(uint32_t cp)
{
    return (cp >= 0x3001 && cp <= 0x3002) || (cp >= 0x3008 && cp <= 0x3011) ||
           cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D;
}

/* Names and quotes made only of ASCII, full-width ASCII, CJK unified ideographs, U+3000 and
 * Chinese punctuation (nearly all of them) fold without utf8proc: NFKC leaves ASCII, the
 * ideographs and that punctuation alone and maps full-width ASCII (and U+3000) to ASCII,
 * case folding lowercases ASCII, nothing of the kind composes with its neighbour,
 * whitespace, hyphens and controls are dropped, and an ideograph becomes its simplified
 * form. fold_fast_char folds one character at p[0..len) (len > 0) into out: returns its
 * length in bytes (1 or 3) plus 16 times that of its folded form (0 to 4 bytes), or 0 for a
 * character the fast path does not take. fold_fast returns TEXT_OK with *out set, TEXT_ENOMEM, or
 * TEXT_NOT_FOUND when s holds another character or bytes that are not UTF-8 (then
 * text_fold_n checks s and the general path folds it).
 *
 * s need not be valid: every character this path takes is ASCII or a three-byte sequence
 * (lead 0xE0-0xEF, two continuation bytes) whose value is in one of the ranges above, all
 * at or past U+2018 and none a surrogate, so neither overlong nor ill-formed: exactly what
 * text_utf8_decode would accept and decode to the same value. Anything else goes to the
 * general path, which text_fold_n validates first. An ideograph whose t2s bit is clear
 * (text_t2s_keeps) is copied through as it is, its encoding being the one
 * text_utf8_encode would write. */
static inline __attribute__((always_inline)) unsigned
fold_fast_char(const unsigned char *p, size_t len, unsigned char *out)
{
    uint32_t cp = p[0];
    unsigned k = 3;
    if (cp < 0x80) {
        k = 1;
        goto ascii;
    }
    if (len < 3)
        return 0;
    /* a lead 1110xxxx and two continuations 10xxxxxx, tested at once */
    uint32_t x = cp | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    if ((x & 0xC0C0F0) != 0x8080E0)
        return 0;
    cp = ((cp & 0x0F) << 12) | ((x >> 2) & 0xFC0) | ((x >> 16) & 0x3F);
    /* U+5000-U+9FFF (leads E5-E9), most of any Chinese text, are ideographs all */
    if ((cp >= 0x5000 && cp <= 0x9FFF) || (cp >= 0x4E00 && cp <= 0x4FFF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || fold_keeps_punctuation(cp)) {
        if (text_t2s_keeps(cp)) {
            out[0] = p[0];
            out[1] = p[1];
            out[2] = p[2];
            return 3 | 3 << 4;
        }
        return 3 | (unsigned)text_utf8_encode(text_t2s(cp), (char *)out) << 4;
    }
    if (cp == 0x3000) /* a space, dropped */
        return 3;
    if (cp < 0xFF01 || cp > 0xFF5E)
        return 0;
    cp -= 0xFEE0; /* full-width ASCII: ASCII */
ascii:
    if (cp <= 0x20 || cp == 0x7F || cp == '-')
        return k;
    out[0] = (unsigned char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    return k | 1 << 4;
}

/* fold_fast into d, which has room for len + len / 3 + 2 bytes (a 3-byte ideograph may
 * become a 4-byte one: at most 4/3 of the input, and the NUL). */
static int fold_fast(const char *s, size_t len, unsigned char *d, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        unsigned kn = fold_fast_char(p + i, len - i, d + w);
        if (!kn)
            return TEXT_NOT_FOUND;
        i += kn & 0xF;
        w += kn >> 4;
    }
    d[w] = '\0';
    *out_len = w;
    return TEXT_OK;
}

/* Everything else: utf8proc's NFKC with case folding and default-ignorables removed, then
 * whitespace, dashes and controls dropped and traditional characters made simplified. */
static int fold_general(const char *s, size_t len, utf8proc_uint8_t **out, size_t *out_len)
{
    utf8proc_uint8_t *mapped = NULL, *d = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                          UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    if (n < 0)
        return TEXT_ENOMEM; /* the input was validated */
    if (!(d = malloc((size_t)n + (size_t)n / 3 + 2))) {
        free(mapped);
        return TEXT_ENOMEM;
    }
    size_t w = 0;
    for (size_t r = 0; r < (size_t)n;) {
        uint32_t cp;
        size_t k = text_utf8_decode((const char *)mapped + r, (size_t)n - r, &cp);
        if (k == 0)
            k = 1; /* not reached: utf8proc writes valid UTF-8 */
        else if (!fold_drops(cp))
            w += text_utf8_encode(text_t2s(cp), (char *)d + w);
        r += k;
    }
    free(mapped);
    d[w] = '\0';
    *out = d;
    *out_len = w;
    return TEXT_OK;
}

/* Makes *buf hold at least need bytes. */
static int reserve_fold(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return TEXT_OK;
    char *b = realloc(*buf, need);
    if (!b)
        return TEXT_ENOMEM;
    *buf = b;
    *cap = need;
    return TEXT_OK;
}

int text_fold_buf(const char *s, size_t len, char **buf, size_t *cap, size_t *out_len,
                  text_error *err)
{
    utf8proc_uint8_t *mapped = NULL;
    size_t bad, w = 0;
    int rc;

    /* the fast path takes valid UTF-8 only; whatever it leaves is checked here first */
    if ((rc = reserve_fold(buf, cap, len + len / 3 + 2)) == TEXT_OK)
        rc = fold_fast(s, len, (unsigned char *)*buf, &w);
    if (rc != TEXT_OK) {
        if (text_utf8_check(s, len, &bad) != TEXT_OK) {
            rc = TEXT_EUTF8;
            if (err) {
                err->offset = bad;
                text_utf8_linecol(s, len, bad, &err->line, &err->col);
            }
            goto out;
        }
        if (rc == TEXT_NOT_FOUND && (rc = fold_general(s, len, &mapped, &w)) == TEXT_OK &&
            (rc = reserve_fold(buf, cap, w + 1)) == TEXT_OK)
            memcpy(*buf, mapped, w + 1);
    }
    if (rc == TEXT_OK && out_len)
        *out_len = w;
out:
    free(mapped);
    if (err)
        err->code = rc;
    return rc;
}

int text_fold_n(const char *s, size_t len, char **out, size_t *out_len, text_error *err)
{
    char *buf = NULL;
    size_t cap = 0;
    int rc = text_fold_buf(s, len, &buf, &cap, out_len, err);
    if (rc == TEXT_OK)
        *out = buf;
    else
        free(buf);
    return rc;
}

int text_fold_equals(const char *s, size_t len, const char *key, size_t key_len, bool *equal)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char b[4];
    size_t at = 0, i = 0;
    /* fold_fast, one character at a time, compared as it goes */
    while (i < len) {
        unsigned kn = fold_fast_char(p + i, len - i, b), n = kn >> 4;
        if (!kn)
            goto general;
        if (n > key_len - at || memcmp(key + at, b, n) != 0)
            break;
        i += kn & 0xF;
        at += n;
    }
    *equal = i == len && at == key_len;
    /* s differs from key where it stopped, if the rest is the fast path's too: then s folds
     * to the bytes compared and more (else the general path might fold it otherwise) */
    while (i < len) {
        uint64_t word;
        if (len - i >= 8 && (memcpy(&word, p + i, 8), !(word & 0x8080808080808080ull))) {
            i += 8; /* eight ASCII bytes */
            continue;
        }
        unsigned kn = p[i] < 0x80 ? 1 : fold_fast_char(p + i, len - i, b);
        if (!kn)
            goto general;
        i += kn & 0xF;
    }
    return TEXT_OK;
general:;
    char *f = NULL;
    size_t flen;
    int rc = text_fold_n(s, len, &f, &flen, NULL);
    if (rc == TEXT_OK)
        *equal = flen == key_len && memcmp(f, key, flen) == 0;
    free(f);
    return rc;
}

char *text_fold(const char *s)
{
    size_t len = strlen(s);
    char *clean = NULL, *out = NULL;

    int rc = text_fold_n(s, len, &out, NULL, NULL);
    if (rc != TEXT_EUTF8)
        return rc == TEXT_OK ? out : NULL;
    /* replace each invalid byte with U+FFFD, then fold */
    clean = malloc(len * 3 + 1);
    if (!clean)
        goto out;
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = text_utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            memcpy(clean + w, "\xEF\xBF\xBD", 3);
            w += 3;
            i++;
        } else {
            memcpy(clean + w, s + i, k);
            w += k;
            i += k;
        }
    }
    if (text_fold_n(clean, w, &out, NULL, NULL) != TEXT_OK)
        out = NULL;
out:
    free(clean);
    return out;
}
