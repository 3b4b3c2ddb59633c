/* text_heading.c — what a single line is: a markdown heading, a numbered heading, a page
 * number, a possible running header; and the tests and cleanup for heading titles.
 *
 * These are pure functions of one line; text_doc.c combines them with the line's
 * neighbours (furniture next to page numbers, headings wrapped onto a second line, which
 * style a text uses). The heuristics and what they find in the corpus are described at
 * each function; the invariant is that a line is never both a heading candidate and
 * furniture (text_doc.c protects heading candidates from the furniture rule). */
#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ helpers */

/* Length of the space at s (ASCII space, tab, CR, U+3000, U+00A0), 0 if none. */
static size_t space_at(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r'))
        return 1;
    if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
        return 3;
    if (len >= 2 && memcmp(s, "\xC2\xA0", 2) == 0)
        return 2;
    return 0;
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
    size_t k;
    while (i < len && (k = space_at(s + i, len - i)) > 0)
        i += k;
    return i;
}

/* [*b, *e) trimmed of spaces at both ends */
static void trim(const char *s, size_t *b, size_t *e)
{
    *b = skip_space(s, *e, *b);
    while (*e > *b) {
        if (s[*e - 1] == ' ' || s[*e - 1] == '\t' || s[*e - 1] == '\r')
            (*e)--;
        else if (*e - *b >= 3 && memcmp(s + *e - 3, "\xE3\x80\x80", 3) == 0)
            *e -= 3;
        else if (*e - *b >= 2 && memcmp(s + *e - 2, "\xC2\xA0", 2) == 0)
            *e -= 2;
        else
            break;
    }
}

/* The character at s[i], its length in *n (1 for an invalid byte, cp then U+FFFD). */
static uint32_t char_at(const char *s, size_t len, size_t i, size_t *n)
{
    uint32_t cp;
    *n = text_utf8_decode(s + i, len - i, &cp);
    if (*n == 0) {
        *n = 1;
        return 0xFFFD;
    }
    return cp;
}

static size_t count_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static bool is_cn_numeral(uint32_t cp)
{
    switch (cp) {
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: /* 一二三四五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: /* 六七八九十 */
        return true;
    default:
        return false;
    }
}

static bool is_digit_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool is_letter_cp(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool is_ascii_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Parses a numbering label at s[0..len): 一、 / (一) / （一） / 1. / １． / 1、. Returns
 * its kind and length in *n. */
static text_label_kind parse_label(const char *s, size_t len, size_t *n)
{
    size_t i = 0, k, count = 0;
    if (len == 0)
        return TEXT_LABEL_NONE;
    uint32_t cp = char_at(s, len, 0, &k);
    if (is_cn_numeral(cp)) {
        while (i < len && count < 3 && is_cn_numeral(cp = char_at(s, len, i, &k))) {
            i += k;
            count++;
        }
        if (i < len && char_at(s, len, i, &k) == 0x3001) { /* 、 */
            *n = i + k;
            return TEXT_LABEL_CN;
        }
        return TEXT_LABEL_NONE;
    }
    if (cp == '(' || cp == 0xFF08) {
        i = k;
        while (i < len && count < 3 && is_cn_numeral(cp = char_at(s, len, i, &k))) {
            i += k;
            count++;
        }
        if (count > 0 && i < len && ((cp = char_at(s, len, i, &k)) == ')' || cp == 0xFF09)) {
            *n = i + k;
            return TEXT_LABEL_CN_PAREN;
        }
        return TEXT_LABEL_NONE;
    }
    if (is_digit_cp(cp)) {
        while (i < len && count < 3 && is_digit_cp(cp = char_at(s, len, i, &k))) {
            i += k;
            count++;
        }
        if (count > 2 || i >= len)
            return TEXT_LABEL_NONE;
        cp = char_at(s, len, i, &k);
        if (cp != '.' && cp != 0xFF0E && cp != 0x3001)
            return TEXT_LABEL_NONE;
        i += k;
        if (i < len) { /* 52.3% and 1.5 are numbers, not labels */
            uint32_t next = char_at(s, len, i, &k);
            if (is_digit_cp(next) || next == '%' || next == 0xFF05)
                return TEXT_LABEL_NONE;
        }
        *n = i;
        return TEXT_LABEL_DIGIT;
    }
    return TEXT_LABEL_NONE;
}

/* ------------------------------------------------------------------ headings */

bool text_line_markdown_heading(const char *s, size_t len, text_heading_line *h)
{
    size_t i = 0, hashes = 0;
    while (i < len && i < 3 && s[i] == ' ')
        i++;
    while (i < len && s[i] == '#') {
        i++;
        hashes++;
    }
    if (hashes < 1 || hashes > 6 || i >= len || (s[i] != ' ' && s[i] != '\t'))
        return false;
    size_t b = i, e = len;
    trim(s, &b, &e);
    /* an optional closing sequence: " ##" */
    size_t c = e;
    while (c > b && s[c - 1] == '#')
        c--;
    if (c < e && c > b && (s[c - 1] == ' ' || s[c - 1] == '\t')) {
        e = c;
        trim(s, &b, &e);
    }
    if (e <= b)
        return false;
    h->level = (int)hashes;
    h->label_off = b;
    h->label_len = 0;
    h->label_kind = parse_label(s + b, e - b, &h->label_len);
    size_t t = skip_space(s, e, b + h->label_len);
    h->title_off = t;
    h->title_len = e - t;
    return true;
}

/* Sentence punctuation: a title holding one of these is a sentence. */
static bool ends_sentence(uint32_t cp)
{
    switch (cp) {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: /* 。！？； */
    case 0xA3AE: case 0xA3BB:                           /* ꎮꎻ */
    case '!': case '?': case ';':
        return true;
    default:
        return false;
    }
}

/* A title ending in one of these continues on the next line. */
static bool continues(uint32_t cp)
{
    switch (cp) {
    case 0xFF0C: case 0xA3AC: case ',': case 0x3001: /* ，ꎬ,、 */
    case 0xFF1A: case ':':                          /* ：: */
        return true;
    default:
        return false;
    }
}

bool text_line_numbered_heading(const char *s, size_t len, text_heading_line *h)
{
    size_t b = 0, e = len, label_len = 0, k;
    trim(s, &b, &e);
    text_label_kind kind = parse_label(s + b, e - b, &label_len);
    if (kind == TEXT_LABEL_NONE)
        return false;
    size_t t = skip_space(s, e, b + label_len);
    if (t >= e)
        return false;
    size_t chars = count_chars(s + t, e - t);
    if (chars < 2 || chars > 40)
        return false;
    size_t dummy;
    if (parse_label(s + t, e - t, &dummy) != TEXT_LABEL_NONE) /* 一、二、三产业 */
        return false;
    uint32_t first = char_at(s, e, t, &k);
    if (is_digit_cp(first))
        return false;
    uint32_t cp = 0;
    bool letter = false;
    for (size_t i = t; i < e; i += k) {
        cp = char_at(s, e, i, &k);
        if (ends_sentence(cp))
            return false;
        letter = letter || is_letter_cp(cp);
    }
    if (!letter || continues(cp))
        return false;
    h->level = 0;
    h->label_kind = kind;
    h->label_off = b;
    h->label_len = label_len;
    h->title_off = t;
    h->title_len = e - t;
    return true;
}

/* ------------------------------------------------------------------ furniture */

/* Decoration around a page number: dots, bullets, dashes, bars, spaces. */
static size_t decoration_at(const char *s, size_t len)
{
    static const char *const deco[] = {
        "\xC2\xB7",     /* · */
        "\xE2\x80\xA2", /* • */
        "\xE2\x80\xA7", /* ‧ */
        "\xE3\x83\xBB", /* ・ */
        "\xEF\xBD\xA5", /* ･ */
        "\xE2\x80\x93", /* – */
        "\xE2\x80\x94", /* — */
        "\xE2\x88\x92", /* − */
        "-", ".", "|", "~",
    };
    size_t k = space_at(s, len);
    if (k)
        return k;
    for (size_t i = 0; i < sizeof deco / sizeof deco[0]; i++) {
        size_t n = strlen(deco[i]);
        if (len >= n && memcmp(s, deco[i], n) == 0)
            return n;
    }
    return 0;
}

bool text_line_is_page_number(const char *s, size_t len)
{
    size_t i = 0, k, digits = 0;
    /* most lines start with a letter: out at the first byte */
    if (len == 0 || !strchr(" \t\r-.|~0123456789\xC2\xE2\xE3\xEF", s[0]))
        return false;
    while (i < len && (k = decoration_at(s + i, len - i)) > 0)
        i += k;
    if (i == len || count_chars(s, len) > 16)
        return false;
    while (i < len && is_digit_cp(char_at(s, len, i, &k))) {
        i += k;
        digits++;
    }
    if (digits < 1 || digits > 4)
        return false;
    while (i < len && (k = decoration_at(s + i, len - i)) > 0)
        i += k;
    return i == len;
}

bool text_line_may_be_running_header(const char *s, size_t len)
{
    size_t b = 0, e = len, k;
    trim(s, &b, &e);
    if (e <= b || text_width(s + b, e - b) > 60)
        return false;
    size_t chars = 0, letters = 0, ascii = 0;
    bool digit = false;
    for (size_t i = b; i < e; i += k) {
        uint32_t cp = char_at(s, e, i, &k);
        chars++;
        switch (cp) {
        case 0xFF0C: case 0x3002: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
        case 0x3001: case 0xA3AC: case 0xA3AE: case 0xA3BB:
        case ',': case ';': case '!': case '?':
            return false; /* sentence punctuation: body text */
        default:
            break;
        }
        digit = digit || is_digit_cp(cp);
        if (is_ascii_letter(cp))
            ascii++;
        if (is_letter_cp(cp))
            letters++;
    }
    return chars <= 12 || digit || ascii * 2 > letters;
}

/* ------------------------------------------------------------------ titles */

/* s[b..e) without trailing ':' '：' and spaces */
static void trim_colon(const char *s, size_t *b, size_t *e)
{
    for (;;) {
        trim(s, b, e);
        if (*e > *b && s[*e - 1] == ':')
            (*e)--;
        else if (*e - *b >= 3 && memcmp(s + *e - 3, "\xEF\xBC\x9A", 3) == 0)
            *e -= 3;
        else
            return;
    }
}

bool text_title_is_references(const char *s, size_t len)
{
    static const char *const names[] = {
        "参考文献", "主要参考文献", "参考资料", "引用文献", "文献",
        "references", "reference", "bibliography", "works cited", "literature cited",
    };
    size_t b = 0, e = len;
    trim_colon(s, &b, &e);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i]);
        if (e - b != n)
            continue;
        size_t j = 0;
        while (j < n) {
            char c = s[b + j];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c != names[i][j])
                break;
            j++;
        }
        if (j == n)
            return true;
    }
    return false;
}

bool text_title_is_foreign(const char *s, size_t len)
{
    size_t letters = 0, ascii = 0, k;
    for (size_t i = 0; i < len; i += k) {
        uint32_t cp = char_at(s, len, i, &k);
        if (is_ascii_letter(cp))
            ascii++;
        if (is_letter_cp(cp))
            letters++;
    }
    return ascii >= 3 && ascii * 2 > letters;
}

int text_title_clean(const char *s, size_t len, char **out)
{
    char *o = malloc(len * 3 + 1); /* no character grows by more than 3x */
    size_t w = 0, i = 0, k;
    bool space = false;
    if (!o)
        return TEXT_ENOMEM;
    while (i < len) {
        if (s[i] == '<' && len - i >= 5 && memcmp(s + i, "<sup>", 5) == 0) {
            const char *end = NULL;
            for (size_t j = i + 5; j + 6 <= len && !end; j++) {
                if (memcmp(s + j, "</sup>", 6) == 0)
                    end = s + j + 6;
            }
            if (end) {
                i = (size_t)(end - s);
                continue;
            }
        }
        if (s[i] == '*' && i + 1 < len && s[i + 1] == '*') {
            i += 2;
            continue;
        }
        if (s[i] == '\\' && i + 1 < len && (unsigned char)s[i + 1] < 0x80 &&
            strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i + 1]) && s[i + 1] != '\0')
            i++; /* keep the escaped character */
        if ((k = space_at(s + i, len - i)) > 0) {
            space = w > 0;
            i += k;
            continue;
        }
        uint32_t cp = char_at(s, len, i, &k);
        i += k;
        if ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x24EA && cp <= 0x24FF) ||
            (cp >= 0x2776 && cp <= 0x2793) || (cp >= 0x3251 && cp <= 0x325F) ||
            (cp >= 0x32B1 && cp <= 0x32BF))
            continue;
        switch (cp) {
        case 0xA3AC: cp = 0xFF0C; break;
        case 0xA3AE: cp = 0x3002; break;
        case 0xA3BB: cp = 0xFF1B; break;
        case 0x00AB: cp = 0x300A; break;
        case 0x00BB: cp = 0x300B; break;
        default: break;
        }
        if (space) {
            o[w++] = ' ';
            space = false;
        }
        w += text_utf8_encode(cp, o + w);
    }
    /* trailing footnote marks and colons: "发展*", "发展[1]", "参考文献:" */
    for (;;) {
        size_t b = 0, e = w;
        trim_colon(o, &b, &e);
        while (e > 0 && o[e - 1] == '*')
            e--;
        if (e > 0 && o[e - 1] == ']') {
            size_t j = e - 1;
            while (j > 0 && o[j - 1] >= '0' && o[j - 1] <= '9')
                j--;
            if (j > 0 && j < e - 1 && o[j - 1] == '[')
                e = j - 1;
        }
        if (e == w)
            break;
        w = e;
    }
    o[w] = '\0';
    *out = o;
    return TEXT_OK;
}
