/* rbuf.c — the growable string every render stage writes into (stage: base).
 *
 * Zero-initialized, it grows by doubling; a failed allocation sets oom and leaves the text
 * as it was, so a builder appends freely and checks once at the end. Depends on nothing in
 * render. (The library's shared string buffer is to replace it.) */
#include "render_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rbuf_reserve(rbuf *b, size_t more)
{
    if (b->oom)
        return 0;
    if (b->len + more + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->oom = 1;
        return 0;
    }
    b->s = s;
    b->cap = cap;
    return 1;
}

void rbuf_add(rbuf *b, const char *s, size_t len)
{
    if (!rbuf_reserve(b, len))
        return;
    memcpy(b->s + b->len, s, len);
    b->len += len;
    b->s[b->len] = '\0';
}

void rbuf_puts(rbuf *b, const char *s)
{
    rbuf_add(b, s, strlen(s));
}

void rbuf_printf(rbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        rbuf_add(b, small, (size_t)n);
        return;
    }
    if (!rbuf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void rbuf_free(rbuf *b)
{
    free(b->s);
    *b = (rbuf){0};
}
