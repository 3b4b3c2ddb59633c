/* svg_titles.c — the <title> of each concept, phrase and relation put into Graphviz's SVG,
 * and for a map inside a page (the style's page_names) what the page needs (stage: draw;
 * uses the base stage, the titles the driver made and the style through m->style).
 *
 * Graphviz writes <title>NAME</title> in each node and edge group; render_put_titles puts
 * the concept's or relation's description in its place (Graphviz would otherwise put
 * tooltips in <a xlink:title>, which browsers show less reliably and which duplicates the
 * text), and a style rule that gives phrases a white halo. One pass over the SVG.
 *
 * For a page, the same pass starts at <svg> (no XML prolog or DOCTYPE), drops comments (with
 * the line each filled) and font-family attributes, and writes each group without its id,
 * an object's with the style's data attributes instead. Graphviz escapes '<', '"' and '-' in
 * text, titles and comments, so "<!--", "-->" and ' font-family="' only ever begin and end
 * what they seem to, and a cut never ends early. */
#include "render_internal.h"

#include "ckg/status.h"
#include "ckg/strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An id as Graphviz writes it in SVG (its xml_string escapes '-' too). Our ids are ASCII
 * kebab-case joined by "--", so '-' is the only character it changes. */
static char *gv_escaped_id(const char *id)
{
    strbuf b = {0};
    strbuf_add(&b, "", 0);
    for (const char *p = id; *p; p++) {
        if (*p == '-')
            strbuf_puts(&b, "&#45;");
        else
            strbuf_add(&b, p, 1);
    }
    if (b.oom) {
        strbuf_free(&b);
        return NULL;
    }
    return b.s;
}

typedef struct title_index {
    strmap by_id;
    char **keys;
    size_t n;
} title_index;

static void title_index_free(title_index *ti)
{
    for (size_t i = 0; i < ti->n; i++)
        free(ti->keys[i]);
    free(ti->keys);
    strmap_free(&ti->by_id);
}

static int title_index_add(title_index *ti, const char *id, int32_t title)
{
    char *key = gv_escaped_id(id);
    if (!key)
        return CKG_ENOMEM;
    ti->keys[ti->n++] = key;
    return strmap_put(&ti->by_id, key, title, NULL);
}

static int build_title_index(const map *m, title_index *ti)
{
    const ckg_graph *g = m->g;
    strmap_init(&ti->by_id);
    ti->n = 0;
    if (!(ti->keys = malloc((g->n_vertices + 3 * g->n_edges + 1) * sizeof *ti->keys)))
        return CKG_ENOMEM;
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (m->shown[v] && title_index_add(ti, render_concept_of(m, v)->id.s, (int32_t)v) != CKG_OK)
            return CKG_ENOMEM;
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (!render_edge_shown(m, j))
            continue;
        char id[600];
        int32_t t = (int32_t)(g->n_vertices + j);
        int n = snprintf(id, sizeof id, "%s--%s", render_concept_of(m, (size_t)e->from)->id.s,
                         render_concept_of(m, (size_t)e->to)->id.s);
        if (title_index_add(ti, id, t) != CKG_OK)
            return CKG_ENOMEM;
        if (m->phrase_nodes && m->labeled[j]) {
            for (int half = 1; half <= 2; half++) {
                snprintf(id + n, sizeof id - (size_t)n, "--%d", half);
                if (title_index_add(ti, id, t) != CKG_OK)
                    return CKG_ENOMEM;
            }
        }
    }
    return CKG_OK;
}

/* The first "-->" in s[0..n), or NULL. */
static const char *comment_end(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++) {
        if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
            return s + i;
    }
    return NULL;
}

/* Appends svg[0..n): as it is for a file; for a page, without comments (nor the line break
 * after a comment that filled its line) and font-family attributes. */
static void copy_svg(strbuf *b, const char *s, size_t n, int page)
{
    static const char font[] = " font-family=\"";
    const char *end = s + n, *start = s;
    if (!page) {
        strbuf_add(b, s, n);
        return;
    }
    while (s < end) {
        const char *cut_end = NULL;
        if (*s == '<' && end - s >= 4 && memcmp(s, "<!--", 4) == 0) {
            const char *e = comment_end(s + 4, (size_t)(end - s - 4));
            cut_end = e ? e + 3 : end;
        } else if (*s == ' ' && (size_t)(end - s) >= sizeof font - 1 &&
                   memcmp(s, font, sizeof font - 1) == 0) {
            const char *e = memchr(s + sizeof font - 1, '"', (size_t)(end - s) - (sizeof font - 1));
            cut_end = e ? e + 1 : end;
        }
        if (!cut_end) {
            s++;
            continue;
        }
        strbuf_add(b, start, (size_t)(s - start));
        if (cut_end < end && *cut_end == '\n' && (b->len == 0 || b->s[b->len - 1] == '\n'))
            cut_end++; /* the line the cut emptied */
        s = start = cut_end;
    }
    strbuf_add(b, start, (size_t)(end - start));
}

/* Copies Graphviz's SVG, replacing the text of the <title> that follows each <g id="X">
 * whose X is a concept, phrase or relation with that object's description; for a page, as
 * the head comment says. */
int render_put_titles(const map *m, const char *svg, size_t len, char **out, size_t *out_len)
{
    title_index ti = {0};
    strbuf b = {0};
    int page = m->style->page_names != NULL;
    int rc = build_title_index(m, &ti);
    if (rc != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    const char *p = svg, *end = svg + len;
    static const char open[] = "<g id=\"";
    if (page && (p = strstr(svg, "<svg")) == NULL)
        p = svg;
    /* Phrases on arrows get a white halo, so a line under them does not cross the text. */
    const char *graph0 = strstr(p, "<g id=\"graph0\"");
    if (graph0) {
        copy_svg(&b, p, (size_t)(graph0 - p), page);
        strbuf_puts(&b, "<style>.edge text,.phrase text{paint-order:stroke;stroke:#fff;"
                      "stroke-width:3px;stroke-linejoin:round}</style>\n");
        p = graph0;
    }
    while (p < end) {
        const char *g = strstr(p, open);
        if (!g)
            break;
        const char *id = g + sizeof open - 1, *q = strchr(id, '"');
        if (!q)
            break;
        char key[1024];
        size_t kl = (size_t)(q - id);
        int32_t t = -1;
        if (kl < sizeof key) {
            memcpy(key, id, kl);
            key[kl] = '\0';
            t = strmap_get(&ti.by_id, key);
        }
        const char *title = t >= 0 ? strstr(q, "<title>") : NULL;
        const char *title_end = title ? strstr(title, "</title>") : NULL;
        const char *next_g = strstr(q, open);
        copy_svg(&b, p, (size_t)(g - p), page);
        if (page) { /* the group without its id; an object's with its names */
            strbuf_puts(&b, "<g");
            if (t >= 0)
                m->style->page_names(&b, m, (size_t)t);
        } else {
            strbuf_add(&b, g, (size_t)(q + 1 - g));
        }
        p = q + 1;
        if (!title_end || (next_g && title > next_g))
            continue;
        copy_svg(&b, p, (size_t)(title - p) + 7, page);
        render_put_xml(&b, m->titles[t], 1);
        p = title_end;
    }
    copy_svg(&b, p, (size_t)(end - p), page);
    if (b.oom)
        goto out;
    *out = b.s;
    *out_len = b.len;
    b.s = NULL;
    rc = CKG_OK;
out:
    strbuf_free(&b);
    title_index_free(&ti);
    return rc;
}
