/* text_utf8.c — UTF-8 validation, decoding and encoding, line:column arithmetic, and the
 * status strings of the text module.
 *
 * Invariant: text_utf8_decode accepts exactly the well-formed sequences of Unicode 3.9
 * (table 3-7): no overlongs, no surrogates, nothing past U+10FFFF. Everything else in the
 * module decodes through it, so validation and decoding can never disagree; the one
 * exception, text_fold's fast path (text_normalize.c, fold_fast), takes only ASCII and
 * three-byte sequences whose values lie in ranges that rule out both, and hands everything
 * else to the validated path. */
#include "ckg/text.h"

#include <string.h>

const char *text_strerror(int status)
{
    switch (status) {
    case TEXT_OK: return "success";
    case TEXT_NOT_FOUND: return "not found";
    case TEXT_EMPTY_QUOTE: return "empty after normalization";
    case TEXT_ENOMEM: return "out of memory";
    case TEXT_EIO: return "input/output error";
    case TEXT_EUTF8: return "invalid UTF-8";
    case TEXT_EINVAL: return "invalid argument";
    default: return "unknown error";
    }
}

size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len == 0)
        return 0;
    unsigned b0 = p[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    if (b0 < 0xC2 || b0 > 0xF4)
        return 0;
    if (b0 < 0xE0) {
        if (len < 2 || (p[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((uint32_t)(b0 & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (len < 2)
        return 0;
    unsigned b1 = p[1];
    unsigned lo = 0x80, hi = 0xBF;
    if (b0 == 0xE0)
        lo = 0xA0;
    else if (b0 == 0xED)
        hi = 0x9F;
    else if (b0 == 0xF0)
        lo = 0x90;
    else if (b0 == 0xF4)
        hi = 0x8F;
    if (b1 < lo || b1 > hi)
        return 0;
    if (b0 < 0xF0) {
        if (len < 3 || (p[2] & 0xC0) != 0x80)
            return 0;
        *cp = ((uint32_t)(b0 & 0x0F) << 12) | ((uint32_t)(b1 & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    if (len < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
    *cp = ((uint32_t)(b0 & 0x07) << 18) | ((uint32_t)(b1 & 0x3F) << 12) |
          ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
}

size_t text_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return 0;
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int text_utf8_check(const char *buf, size_t len, size_t *bad_offset)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII runs eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, buf + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)buf[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        /* U+1000-U+CFFF and U+E000-U+FFFF (E1-EC, EE, EF): any two continuation bytes */
        const unsigned char *p = (const unsigned char *)buf + i;
        if (c >= 0xE1 && c != 0xED && c <= 0xEF && len - i >= 3 && (p[1] & 0xC0) == 0x80 &&
            (p[2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t n = text_utf8_decode(buf + i, len - i, &cp);
        if (n == 0) {
            if (bad_offset)
                *bad_offset = i;
            return TEXT_EUTF8;
        }
        i += n;
    }
    return TEXT_OK;
}

void text_utf8_linecol(const char *buf, size_t len, size_t offset, size_t *line, size_t *col)
{
    size_t ln = 1, start = 0;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (buf[i] == '\n') {
            ln++;
            start = i + 1;
        }
    }
    size_t c = 1;
    for (size_t i = start; i < offset; i++) {
        if (((unsigned char)buf[i] & 0xC0) != 0x80)
            c++;
    }
    if (line)
        *line = ln;
    if (col)
        *col = c;
}

size_t text_codepoints(const char *s)
{
    size_t n = 0, len = strlen(s), i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = text_utf8_decode(s + i, len - i, &cp);
        i += k ? k : 1;
        n++;
    }
    return n;
}

size_t text_prefix_bytes(const char *s, size_t n)
{
    size_t len = strlen(s), i = 0;
    while (i < len && n > 0) {
        uint32_t cp;
        size_t k = text_utf8_decode(s + i, len - i, &cp);
        i += k ? k : 1;
        n--;
    }
    return i;
}
