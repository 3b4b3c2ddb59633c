/* strbuf.c — the growable string of strbuf.h. Growth goes through array_grow, so the
 * capacity doubles and a size that would overflow is an out-of-memory failure like any
 * other. */
#include "util/strbuf.h"

#include "util/array.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for more bytes and the NUL; 0 when there is none (and oom is set). */
static int reserve(strbuf *b, size_t more)
{
    if (b->oom)
        return 0;
    if (more >= (size_t)-1 - b->len || array_grow(&b->s, &b->cap, b->len + more + 1, 1) != 0) {
        b->oom = 1;
        return 0;
    }
    return 1;
}

void strbuf_add(strbuf *b, const char *s, size_t len)
{
    if (!reserve(b, len))
        return;
    if (len)
        memcpy(b->s + b->len, s, len);
    b->len += len;
    b->s[b->len] = '\0';
}

void strbuf_puts(strbuf *b, const char *s)
{
    strbuf_add(b, s, strlen(s));
}

void strbuf_putc(strbuf *b, char c)
{
    strbuf_add(b, &c, 1);
}

void strbuf_vprintf(strbuf *b, const char *fmt, va_list ap)
{
    char small[256];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        b->oom = 1;
    } else if ((size_t)n < sizeof small) {
        strbuf_add(b, small, (size_t)n);
    } else if (reserve(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void strbuf_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

void strbuf_reset(strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

const char *strbuf_str(const strbuf *b)
{
    if (b->oom)
        return NULL;
    return b->s ? b->s : "";
}

char *strbuf_take(strbuf *b, size_t *len)
{
    char *s = NULL;
    if (!b->oom) {
        s = b->s ? b->s : calloc(1, 1);
        if (s && len)
            *len = b->len;
        b->s = NULL;
    }
    strbuf_free(b);
    return s;
}

void strbuf_free(strbuf *b)
{
    free(b->s);
    *b = (strbuf){0};
}
