/* text.h — Unicode text services: quote normalization and lookup, source documents with
 * their headings, name folding, display width, edit distance.
 *
 * The module never prints and never exits. Functions that can fail return a text_status
 * (0 success, negative failure) and, where the caller may want to point at the problem, fill
 * an optional text_error. Every string is UTF-8 with an explicit length unless a function
 * says it takes a NUL-terminated string. Offsets are byte offsets; lines and columns are
 * 1-based, columns count characters (code points), like libyaml marks.
 *
 * Quote matching (doc/design.md, "Quote matching"): both the quote and the source text are
 * normalized by text_normalize() and the quote is searched as a substring; a private-use
 * glyph in the source (a PDF's decimal point) matches any one character of the quote. */
#ifndef CKG_TEXT_H
#define CKG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ status */

typedef enum text_status {
    TEXT_OK = 0,
    TEXT_FOUND = 0,       /* text_doc_find*: the quote is in the document (== TEXT_OK) */
    TEXT_NOT_FOUND = 1,   /* text_doc_find*: a verdict on the quote, not a failure */
    TEXT_EMPTY_QUOTE = 2, /* text_doc_find*: nothing is left of the quote once normalized */
    TEXT_ENOMEM = -1,     /* out of memory */
    TEXT_EIO = -2,        /* a file could not be read; text_error.sys_errno says why */
    TEXT_EUTF8 = -3,      /* invalid UTF-8; text_error.offset/line/col locate the bad byte */
    TEXT_EINVAL = -4,     /* a bad argument (NULL where a value is needed, line out of range) */
} text_status;

/* A short English phrase for a status ("invalid UTF-8"). */
const char *text_strerror(int status);

/* Where and why something failed. offset/line/col are set for TEXT_EUTF8 (the first byte
 * of the invalid sequence), sys_errno for TEXT_EIO. */
typedef struct text_error {
    int code;      /* the text_status returned */
    int sys_errno; /* errno of the failed read, for TEXT_EIO */
    size_t offset; /* byte offset in the input */
    size_t line;   /* 1-based line of offset */
    size_t col;    /* 1-based column of offset, in characters */
} text_error;

/* "not found" for functions that return an index or an offset. */
#define TEXT_NPOS ((size_t)-1)

/* ------------------------------------------------------------------ UTF-8 */

/* TEXT_OK if buf[0..len) is valid UTF-8 (no overlongs, surrogates or code points past
 * U+10FFFF), else TEXT_EUTF8 with *bad_offset (if not NULL) at the first byte of the first
 * invalid sequence. */
int text_utf8_check(const char *buf, size_t len, size_t *bad_offset);

/* Decodes the character at s[0..len): returns its length in bytes (1..4) and sets *cp, or
 * returns 0 when the bytes there are not valid UTF-8 (or len is 0). */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Writes cp (a valid scalar value) as UTF-8 into out; returns the length (1..4), or 0 for a
 * surrogate or a value past U+10FFFF. */
size_t text_utf8_encode(uint32_t cp, char out[4]);

/* The 1-based line and character column of byte offset in buf[0..len). */
void text_utf8_linecol(const char *buf, size_t len, size_t offset, size_t *line, size_t *col);

/* Characters (code points) in a NUL-terminated string; an invalid byte counts as one. */
size_t text_codepoints(const char *s);

/* Bytes taken by the first n characters of a NUL-terminated string (all of it if shorter). */
size_t text_prefix_bytes(const char *s, size_t n);

/* ------------------------------------------------------------------ normalization */

/* Normalizes s[0..len) for quote matching, in this order, per code point:
 *   1. markup is removed: <sup>...</sup> (closed in the same input), markdown escapes
 *      (\* -> *), ** bold markers, circled footnote numbers (1-20 and the other circled,
 *      negative and double-circled number forms), all before NFKC so they cannot turn
 *      into digits;
 *   2. NFKC (full-width letters, digits and punctuation become ASCII, U+3000 a space);
 *   3. whitespace, control and format characters are dropped (so are line breaks);
 *      private-use characters (U+E000-F8FF, planes 15-16) become the placeholder U+FFFD;
 *      , and U+A3AC -> U+FF0C (full-width comma), U+A3AE -> U+3002, ; and U+A3BB -> U+FF1B,
 *      : -> U+FF1A, ( ) -> U+FF08 U+FF09, U+00AB U+00BB -> U+300A U+300B;
 *   4. citation marks [12], [3,4], [5-7] (digits joined by , - – — ~ 、) are removed.
 * *out is a NUL-terminated malloc'd string the caller frees. On TEXT_EUTF8, err->offset
 * is the bad byte in s. */
int text_normalize(const char *s, size_t len, char **out, size_t *out_len, text_error *err);

/* The placeholder private-use glyphs become (U+FFFD). */
#define TEXT_PLACEHOLDER 0xFFFDu

/* Growable output of the normalizer, for callers that normalize many pieces into one text.
 * Zero-initialize; set track to also fill src (one entry per output byte: the byte offset,
 * in the piece that produced it, of the source character it came from). data is always
 * NUL-terminated once anything was appended. Free with text_normbuf_free. */
typedef struct text_normbuf {
    char *data;
    size_t len, cap;
    size_t *src;
    bool track;
} text_normbuf;

enum {
    /* The piece is one source line: a markdown heading marker (leading #s) is dropped. */
    TEXT_NORM_LINE = 1u << 0,
};

/* Appends the normalization of s[0..len) to nb (see text_normalize). Citation marks are
 * recognized within the piece only. On failure nb is left as it was before the call. */
int text_normalize_append(text_normbuf *nb, const char *s, size_t len, unsigned flags,
                          text_error *err);
void text_normbuf_free(text_normbuf *nb);

/* ------------------------------------------------------------------ search index */

/* A substring index over a normalized text (see text_index.c for the design): built once,
 * then each lookup costs about the needle's length. The text must outlive the index. */
typedef struct text_index text_index;

int text_index_build(const char *text, size_t len, text_index **out);
void text_index_free(text_index *ix);

/* Finds the first occurrence of needle (already normalized) in text, the index built over
 * it or NULL for a plain scan. A U+FFFD placeholder in text matches any one character of
 * needle; exact matches are preferred. Sets [*start, *end) in text and returns TEXT_FOUND,
 * or returns TEXT_NOT_FOUND (also for an empty needle), or TEXT_ENOMEM. */
int text_search(const text_index *ix, const char *text, size_t len, const char *needle,
                size_t nlen, size_t *start, size_t *end);

/* ------------------------------------------------------------------ source documents */

/* A source text: its original lines, and the normalized text in which quotes are looked up,
 * without page furniture (page-number lines and the running headers next to them) and
 * without markdown heading markers; plus the headings found in it. */
typedef struct text_doc text_doc;

enum {
    TEXT_DOC_NOINDEX = 1u << 0, /* skip the search index: smaller, but every find scans */
};

/* Loads a file. TEXT_EIO (err->sys_errno) when it cannot be read, TEXT_EUTF8 with the
 * offset, line and column of the bad byte, TEXT_EINVAL for a text of 2 GiB or more,
 * TEXT_ENOMEM. A regular file is mapped, not copied; lines point into it. */
int text_doc_load(const char *path, unsigned flags, text_doc **out, text_error *err);

/* The same from a buffer, which is copied. */
int text_doc_from_buffer(const char *buf, size_t len, unsigned flags, text_doc **out,
                         text_error *err);

void text_doc_free(text_doc *doc);

/* Lines are numbered from 1; a final newline does not start a line. */
size_t text_doc_line_count(const text_doc *doc);

/* Line n as in the file, without its line break (nor a \r before it), not NUL-terminated;
 * NULL if out of range. */
const char *text_doc_line(const text_doc *doc, size_t n, size_t *len);

typedef enum text_line_kind {
    TEXT_LINE_TEXT = 0,       /* body text (possibly an undetected heading) */
    TEXT_LINE_BLANK,          /* nothing but spaces */
    TEXT_LINE_HEADING,        /* the first or a continuation line of a heading */
    TEXT_LINE_PAGE_NUMBER,    /* page furniture: "··35", "- 12 -"; not in the text */
    TEXT_LINE_RUNNING_HEADER, /* page furniture next to a page number; not in the text */
} text_line_kind;

text_line_kind text_doc_line_kind(const text_doc *doc, size_t n);

/* The normalized text (NUL-terminated) and its length. */
const char *text_doc_text(const text_doc *doc, size_t *len);

/* The normalized offset where line n begins (n = line_count + 1 gives the text's length);
 * TEXT_NPOS if n is out of range. Furniture and blank lines have no extent: they begin
 * where the next line does. */
size_t text_doc_line_offset(const text_doc *doc, size_t n);

/* The line holding the normalized byte at offset (for offset == length: the last line that
 * contributes text); 0 if the text is empty or offset is past its end. */
size_t text_doc_offset_line(const text_doc *doc, size_t offset);

/* Where a normalized offset lies in the file. */
typedef struct text_pos {
    size_t line;   /* 1-based */
    size_t col;    /* 1-based, in characters */
    size_t offset; /* byte offset in the file */
} text_pos;

int text_doc_locate(const text_doc *doc, size_t offset, text_pos *pos);

/* Where a quote lies: lines of its first and last characters, normalized [start, end). */
typedef struct text_span {
    size_t start_line, end_line;
    size_t start, end;
} text_span;

/* Looks quote[0..len) up: TEXT_FOUND (span filled), TEXT_NOT_FOUND, TEXT_EMPTY_QUOTE, or a
 * failure (TEXT_EUTF8 with err->offset in the quote, TEXT_ENOMEM). The first occurrence
 * wins. */
int text_doc_find(const text_doc *doc, const char *quote, size_t len, text_span *span,
                  text_error *err);

/* The same without the error detail (what a checker loop wants). */
int text_doc_find_n(const text_doc *doc, const char *quote, size_t len, text_span *span);

/* The same for a quote normalized by the caller. */
int text_doc_find_normalized(const text_doc *doc, const char *nquote, size_t nlen,
                             text_span *span);

/* ------------------------------------------------------------------ headings */

typedef enum text_heading_style {
    TEXT_HEADING_MARKDOWN = 1, /* "## title"; level = number of # */
    TEXT_HEADING_NUMBERED = 2, /* "一、" "(一)" "1." lines in a text without markdown headings */
} text_heading_style;

/* The numbering a heading title starts with. */
typedef enum text_label_kind {
    TEXT_LABEL_NONE = 0,
    TEXT_LABEL_CN = 1,       /* 一、 */
    TEXT_LABEL_CN_PAREN = 2, /* (一) or （一） */
    TEXT_LABEL_DIGIT = 3,    /* 1. １． 1、 */
} text_label_kind;

enum {
    TEXT_HEADING_REFERENCES = 1u << 0, /* 参考文献, References, ... */
    TEXT_HEADING_FOREIGN = 1u << 1,    /* mostly ASCII letters, in the trailing block of such
                                          headings (the English title and abstract) */
    TEXT_HEADING_NONBODY = 1u << 2,    /* one of the above, or nested in one: not body text */
};

typedef struct text_heading {
    size_t line;      /* first line */
    size_t last_line; /* last line (a numbered heading may wrap onto a second line) */
    int level;        /* 1 = top; markdown: the number of #; numbered: rank of the style */
    text_heading_style style;
    text_label_kind label_kind;
    unsigned flags;    /* TEXT_HEADING_* */
    const char *label; /* the numbering as written ("一、", "(三)", "２."), "" if none */
    const char *title; /* the title without markers, label, bold or footnote marks */
    size_t start;      /* normalized offset of the heading line(s) */
    size_t body_start; /* normalized offset just after them */
    size_t body_end;   /* normalized offset of the next heading, or the text's length */
} text_heading;

size_t text_doc_heading_count(const text_doc *doc);
const text_heading *text_doc_heading(const text_doc *doc, size_t i); /* NULL out of range */

/* Index of the heading whose section (heading line through body) holds normalized offset,
 * or TEXT_NPOS before the first heading. */
size_t text_doc_heading_at(const text_doc *doc, size_t offset);

static inline bool text_heading_is_body(const text_heading *h)
{
    return !(h->flags & TEXT_HEADING_NONBODY);
}

/* Line-level recognizers the document uses, exposed for tests and other readers. */
typedef struct text_heading_line {
    int level;                  /* markdown: number of #; numbered: 0 */
    text_label_kind label_kind; /* numbering found at the start of the title */
    size_t label_off, label_len; /* the numbering, in the line */
    size_t title_off, title_len; /* the rest of the title, in the line (trimmed) */
} text_heading_line;

/* A markdown ATX heading: up to 3 spaces, 1-6 #, a space, a non-empty title. */
bool text_line_markdown_heading(const char *s, size_t len, text_heading_line *h);

/* A numbered heading: optional leading spaces, a label (一、 / (一) / （一） / 1. / １．),
 * then a short title (2-40 characters) that reads as a heading, not a sentence: no
 * sentence-ending punctuation, not ending in a comma, not starting another enumeration
 * ("一、二、三产业"), not a number ("1.5倍"). */
bool text_line_numbered_heading(const char *s, size_t len, text_heading_line *h);

/* A page-number line: 1-4 digits, possibly decorated ("··35", "- 12 -", "·35·"). */
bool text_line_is_page_number(const char *s, size_t len);

/* Could this line, standing next to a page number, be a running header or footer? Short
 * (at most 60 columns), without sentence punctuation, and either short (12 characters or
 * less), holding a digit (an issue, "2024.7"), or mostly Latin letters. */
bool text_line_may_be_running_header(const char *s, size_t len);

/* A heading title for display: markdown escapes undone, bold markers, <sup>, circled
 * numbers and trailing footnote marks (*, [1]) and colons removed, the PDF glyphs
 * ꎬꎮꎻ«» shown as ，。；《》, runs of spaces (U+3000 too) made one space, trimmed. */
int text_title_clean(const char *s, size_t len, char **out);

/* Title tests used for the TEXT_HEADING_* flags. */
bool text_title_is_references(const char *s, size_t len);
bool text_title_is_foreign(const char *s, size_t len);

/* ------------------------------------------------------------------ names */

/* Folds a name for lookup: NFKC, case folding, traditional Chinese characters made
 * simplified (text_t2s), whitespace, dashes (the hyphen-minus and the other dash
 * punctuation) and default-ignorable characters dropped; "ＴＦＰ", "tfp" and "T F P" fold
 * equal, so do "數據要素" and "数据要素", "high-quality development" and "high quality
 * development". */
int text_fold_n(const char *s, size_t len, char **out, size_t *out_len, text_error *err);

/* The same for a NUL-terminated string; NULL only when out of memory (an invalid byte is
 * kept as U+FFFD). */
char *text_fold(const char *s);

/* text_fold_n into a buffer the caller keeps from one call to the next, for folding many
 * strings one after the other (ckg search folds every quote): *buf (malloc'd, *cap bytes,
 * both 0 at first) grows as needed and holds the folded text, NUL-terminated, on TEXT_OK;
 * the same results and errors as text_fold_n otherwise. The caller frees *buf. */
int text_fold_buf(const char *s, size_t len, char **buf, size_t *cap, size_t *out_len,
                  text_error *err);

/* Whether s[0..len) folds (text_fold_n) to key[0..key_len): TEXT_OK with *equal set,
 * TEXT_EUTF8 when s is not UTF-8, or TEXT_ENOMEM. The answer of folding s and comparing the
 * bytes, but a string made only of the characters folding takes without utf8proc (ASCII,
 * CJK ideographs, full-width ASCII, Chinese punctuation: nearly every name) is compared as
 * it folds, with no allocation, and settled at its first differing character (name
 * lookup compares a name with every concept's names). */
int text_fold_equals(const char *s, size_t len, const char *key, size_t key_len, bool *equal);

/* The simplified form of a traditional Chinese character (數 -> 数), or cp itself: OpenCC's
 * t2s conversion of the character alone (text_t2s.c, a table generated at build time). */
uint32_t text_t2s(uint32_t cp);

/* Levenshtein distance between a and b counted in code points (NUL-terminated). With max
 * (SIZE_MAX for none) the work stops early and any distance above max is returned as
 * max + 1. An invalid byte counts as one character. Returns SIZE_MAX if out of memory. */
size_t text_edit_distance(const char *a, const char *b, size_t max);
size_t text_edit_distance_n(const char *a, size_t alen, const char *b, size_t blen, size_t max);

/* ------------------------------------------------------------------ display width */

/* Terminal columns of s[0..len): East Asian wide and full-width characters take 2,
 * combining marks and controls 0, an invalid byte 1. */
size_t text_width(const char *s, size_t len);

/* Steps over the character at p (NUL-terminated), returning the next one and its width in
 * *width; at the end returns p with width 0. */
const char *text_next_char_width(const char *p, size_t *width);

/* Bytes of the longest prefix of s[0..len) at most max_cols wide (combining marks stay
 * with their base); its width in *cols if not NULL. */
size_t text_width_prefix(const char *s, size_t len, size_t max_cols, size_t *cols);

typedef enum text_align { TEXT_ALIGN_LEFT, TEXT_ALIGN_RIGHT, TEXT_ALIGN_CENTER } text_align;

/* Fits s[0..len) into exactly cols columns for an aligned table cell: padded with spaces
 * per align, or cut and ended with ellipsis (e.g. "…", NULL for none) when too wide. A wide
 * character is never split; the column it would straddle becomes a space. *out is a
 * malloc'd NUL-terminated string. */
int text_fit(const char *s, size_t len, size_t cols, text_align align, const char *ellipsis,
             char **out, size_t *out_len);

/* ------------------------------------------------------------------ terminal display */

/* Text from the input files shown on a terminal. The characters a terminal acts on rather
 * than shows, the C0 controls, DEL and the C1 controls U+0080-U+009F, the separators U+2028
 * and U+2029, and the noncharacters (U+FDD0-FDEF, U+FFFE and U+FFFF of every plane), which
 * terminals show at a width of their own, are each shown as one character one column wide,
 * so text can neither move the cursor nor restyle or retitle the terminal, and tables can
 * still measure it:
 *   - a break between words (\t \n \v \f \r, U+0085 NEL, U+2028, U+2029; a \r\n pair
 *     counts as one) becomes a space;
 *   - any other becomes U+FFFD, the replacement character.
 * With TEXT_DISPLAY_LINES a \n or \r\n is kept as \n, for a field whose layout continues it
 * on an indented next line. All strings here are NUL-terminated. */
enum {
    TEXT_DISPLAY_LINES = 1u << 0,
};

/* Bytes (1-4) of the control character, separator or noncharacter s starts with, 0 if
 * none. */
size_t text_control_len(const char *s);

/* If s starts with one, what it is shown as (" ", "\xEF\xBF\xBD" or, with
 * TEXT_DISPLAY_LINES, "\n"), with its bytes in *len (2 for \r\n); otherwise NULL. */
const char *text_display_control(const char *s, unsigned flags, size_t *len);

/* Terminal columns of s as shown (text_width, with each control one column). */
size_t text_display_width(const char *s);

/* s as shown: a malloc'd NUL-terminated copy with its controls replaced. */
int text_display(const char *s, unsigned flags, char **out, size_t *out_len);

#endif
