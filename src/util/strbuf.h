/* strbuf.h — a growable NUL-terminated string with an out-of-memory flag.
 *
 * Zero-initialize (strbuf b = {0}). An append that cannot get memory sets oom and leaves the
 * text as it was; every later append does nothing, so a builder appends freely and checks
 * once at the end (strbuf_str or strbuf_take return NULL). s is NULL until the first append
 * and NUL-terminated after it. The library's one string builder: export joins lists with it,
 * the render pipeline writes DOT and labels with it. */
#ifndef CKG_UTIL_STRBUF_H
#define CKG_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
    char *s;
    size_t len, cap;
    int oom;
} strbuf;

/* Appends len bytes of s (which need not be NUL-terminated). */
void strbuf_add(strbuf *b, const char *s, size_t len);
/* Appends the string s. */
void strbuf_puts(strbuf *b, const char *s);
void strbuf_putc(strbuf *b, char c);
void strbuf_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(strbuf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Empties the text and keeps the memory; oom stays set once set. */
void strbuf_reset(strbuf *b);

/* The text so far ("" before the first append), or NULL after a failed append. Valid until
 * the next append, reset or free. */
const char *strbuf_str(const strbuf *b);

/* Hands the text to the caller (free it with free) and leaves b empty, as zero-initialized;
 * *len (when len is not NULL) gets its length. NULL after a failed append (the memory is
 * released and b is reset to zero all the same). */
char *strbuf_take(strbuf *b, size_t *len);

/* Releases the memory and zeroes b (oom included). */
void strbuf_free(strbuf *b);

#endif
