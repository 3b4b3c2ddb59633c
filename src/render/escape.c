/* escape.c — escaping, the one place where ontology text meets markup (stage: base; uses
 * util/strbuf).
 *
 * Labels are Graphviz HTML-like labels and titles are XML, so both get the same treatment
 * (entities for & < > ", control characters and XML non-characters removed), plus what
 * Graphviz itself would otherwise expand (\N, entity-like text); DOT tooltips get the
 * escapes Graphviz's tooltip writer undoes. */
#include "render_internal.h"

#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>

enum { ESC_NEWLINES = 1, ESC_GRAPHVIZ = 2 };

/* Does s start with what an XML reader takes for an entity ("&amp;", "&#60;", "&#x3C;")? */
static int looks_like_entity(const char *s, size_t len)
{
    size_t i = 1;
    if (i < len && s[i] == '#') {
        i++;
        if (i < len && (s[i] == 'x' || s[i] == 'X'))
            i++;
    }
    size_t start = i;
    while (i < len && i < 32 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                                 (s[i] >= '0' && s[i] <= '9')))
        i++;
    return i > start && i < len && s[i] == ';';
}

static void escape_n(strbuf *b, const char *s, size_t len, unsigned flags)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = text_utf8_decode(s + i, len - i, &cp);
        if (n == 0) { /* not UTF-8 (the loader rejects it; be safe anyway) */
            i++;
            continue;
        }
        const char *rep = NULL;
        switch (cp) {
        case '&':
            /* Graphviz writes a decoded "&lt;" back as the entity it looks like, so the
             * ampersand of such text gets an invisible word joiner after it. */
            rep = (flags & ESC_GRAPHVIZ) && looks_like_entity(s + i, len - i) ? "&amp;\xe2\x81\xa0"
                                                                              : "&amp;";
            break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        /* Graphviz expands \N, \G, \E... in labels, even HTML-like ones and after decoding
         * entities: a word joiner after the backslash keeps it literal. */
        case '\\': rep = (flags & ESC_GRAPHVIZ) ? "\\\xe2\x81\xa0" : "\\"; break;
        case '\n': rep = (flags & ESC_NEWLINES) ? "\n" : " "; break;
        case '\t':
        case '\r': rep = " "; break;
        default:
            if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff)
                rep = "";
        }
        if (rep)
            strbuf_puts(b, rep);
        else
            strbuf_add(b, s + i, n);
        i += n;
    }
}

void render_put_xml(strbuf *b, const char *s, int keep_newlines)
{
    if (s)
        escape_n(b, s, strlen(s), keep_newlines ? ESC_NEWLINES : 0);
}

void render_put_label(strbuf *b, const char *s)
{
    if (s)
        escape_n(b, s, strlen(s), ESC_GRAPHVIZ);
}

/* Graphviz 2.42/2.43 expands a tooltip's escapes twice (as an escString, then again while
 * writing it), so a literal backslash takes four; an ampersand that looks like an entity
 * gets a word joiner, or the SVG writer would pass it on as that entity. */
void render_put_tooltip(strbuf *b, const char *s)
{
    char *clean = render_clean_text(s, 1);
    if (!clean) {
        b->oom = 1;
        return;
    }
    size_t len = strlen(clean);
    for (size_t i = 0; i < len; i++) {
        if (clean[i] == '\\')
            strbuf_puts(b, "\\\\\\\\");
        else if (clean[i] == '&' && looks_like_entity(clean + i, len - i))
            strbuf_puts(b, "&\xe2\x81\xa0");
        else
            strbuf_add(b, clean + i, 1);
    }
    free(clean);
}

char *render_clean_text(const char *s, int keep_newlines)
{
    strbuf b = {0};
    strbuf_add(&b, "", 0);
    size_t len = s ? strlen(s) : 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = text_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (cp == '\n' && keep_newlines)
            strbuf_add(&b, "\n", 1);
        else if (cp == '\t' || cp == '\n' || cp == '\r')
            strbuf_add(&b, " ", 1);
        else if (!(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff))
            strbuf_add(&b, s + i, n);
        i += n;
    }
    if (b.oom) {
        strbuf_free(&b);
        return NULL;
    }
    return b.s;
}

char *render_escape_xml(const char *s, int keep_newlines)
{
    strbuf b = {0};
    strbuf_add(&b, "", 0);
    render_put_xml(&b, s, keep_newlines);
    if (b.oom) {
        strbuf_free(&b);
        return NULL;
    }
    return b.s;
}
