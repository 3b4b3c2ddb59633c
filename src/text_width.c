/* text_width.c — display width of UTF-8 text in a terminal, and fitting text into table
 * cells of a given width.
 *
 * Widths come from utf8proc_charwidth (East Asian Wide and Fullwidth = 2, combining marks
 * and controls = 0). An invalid byte is shown by terminals as one replacement glyph, so it
 * counts 1. Invariant: text_fit's result is exactly the requested width whenever the
 * ellipsis fits in it, and is valid UTF-8 whenever the input is. */
#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Width and length of the character at s[0..len). */
static size_t char_width(const char *s, size_t len, size_t *n)
{
    uint32_t cp;
    *n = text_utf8_decode(s, len, &cp);
    if (*n == 0) {
        *n = 1;
        return 1;
    }
    int w = utf8proc_charwidth((utf8proc_int32_t)cp);
    return w > 0 ? (size_t)w : 0;
}

size_t text_width(const char *s, size_t len)
{
    size_t w = 0, n;
    for (size_t i = 0; i < len; i += n) {
        if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
            w++;
            n = 1;
            continue;
        }
        w += char_width(s + i, len - i, &n);
    }
    return w;
}

const char *text_next_char_width(const char *p, size_t *width)
{
    if (*p == '\0') {
        *width = 0;
        return p;
    }
    size_t len = 1;
    while (len < 4 && p[len] != '\0')
        len++;
    size_t n;
    *width = char_width(p, len, &n);
    return p + n;
}

size_t text_width_prefix(const char *s, size_t len, size_t max_cols, size_t *cols)
{
    size_t w = 0, i = 0, n;
    while (i < len) {
        size_t cw = char_width(s + i, len - i, &n);
        if (cw > 0 && w + cw > max_cols)
            break;
        w += cw;
        i += n;
    }
    if (cols)
        *cols = w;
    return i;
}

int text_fit(const char *s, size_t len, size_t cols, text_align align, const char *ellipsis,
             char **out, size_t *out_len)
{
    size_t width = text_width(s, len), keep = len, kept_w = width;
    size_t ell_len = 0, ell_w = 0;
    *out = NULL;
    if (width > cols) {
        if (ellipsis) {
            ell_len = strlen(ellipsis);
            ell_w = text_width(ellipsis, ell_len);
            if (ell_w > cols)
                ell_len = ell_w = 0;
        }
        keep = text_width_prefix(s, len, cols - ell_w, &kept_w);
    }
    size_t pad = cols - kept_w - ell_w, left = 0;
    if (align == TEXT_ALIGN_RIGHT)
        left = pad;
    else if (align == TEXT_ALIGN_CENTER)
        left = pad / 2;
    if (width > cols) /* a cut cell: the gap a wide character leaves goes after it */
        left = 0;
    char *o = malloc(keep + ell_len + pad + 1);
    if (!o)
        return TEXT_ENOMEM;
    size_t w = 0;
    memset(o, ' ', left);
    w += left;
    memcpy(o + w, s, keep);
    w += keep;
    memcpy(o + w, ellipsis ? ellipsis : "", ell_len);
    w += ell_len;
    memset(o + w, ' ', pad - left);
    w += pad - left;
    o[w] = '\0';
    *out = o;
    if (out_len)
        *out_len = w;
    return TEXT_OK;
}

/* ---------------------------------------------------------------- terminal display */

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

size_t text_control_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == '\0')
        return 0;
    if (u[0] < 0x20 || u[0] == 0x7F)
        return 1;
    if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
        return 3;
    if (u[0] >= 0xEF) { /* a noncharacter: U+FDD0-FDEF, U+FFFE and U+FFFF of any plane */
        uint32_t cp;
        size_t n = text_utf8_decode(s, u[0] >= 0xF0 ? 4 : 3, &cp);
        if (n && ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE))
            return n;
    }
    return 0;
}

/* A break between words: \t \n \v \f \r, NEL, U+2028, U+2029. */
static int is_break(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 1)
        return u[0] >= '\t' && u[0] <= '\r';
    if (len == 2)
        return u[1] == 0x85;
    return u[0] == 0xE2 && u[1] == 0x80;
}

const char *text_display_control(const char *s, unsigned flags, size_t *len)
{
    size_t n = text_control_len(s);
    *len = n;
    if (n == 0)
        return NULL;
    int newline = s[0] == '\n' || (s[0] == '\r' && s[1] == '\n');
    if (newline)
        *len = s[0] == '\r' ? 2 : 1;
    if (newline && (flags & TEXT_DISPLAY_LINES))
        return "\n";
    return is_break(s, n) ? " " : REPLACEMENT;
}

size_t text_display_width(const char *s)
{
    size_t w = 0, cw, n;
    while (*s) {
        if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F) {
            w++; /* printable ASCII, as text_width counts it: no control, one column */
            s++;
        } else if (text_display_control(s, 0, &n)) {
            w++; /* a space or U+FFFD */
            s += n;
        } else {
            s = text_next_char_width(s, &cw);
            w += cw;
        }
    }
    return w;
}

int text_display(const char *s, unsigned flags, char **out, size_t *out_len)
{
    /* no replacement is longer than 3 bytes, and no control is shorter than 1 */
    char *o = malloc(3 * strlen(s) + 1);
    size_t w = 0, n;
    *out = NULL;
    if (!o)
        return TEXT_ENOMEM;
    while (*s) {
        const char *shown = (unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F
                                ? NULL /* printable ASCII: no control */
                                : text_display_control(s, flags, &n);
        if (shown) {
            size_t k = strlen(shown);
            memcpy(o + w, shown, k);
            w += k;
            s += n;
        } else {
            o[w++] = *s++;
        }
    }
    o[w] = '\0';
    *out = o;
    if (out_len)
        *out_len = w;
    return TEXT_OK;
}
