/* atlas_map.c — one map of the atlas: render_map's SVG for a scope and a language, trimmed
 * for the page. This is the atlas's one call into the render module (through render.h), so
 * the map can become a style of the render pipeline without touching the rest.
 *
 * Trimming keeps the drawing and its tooltips as render_map made them and drops what an SVG
 * inside a page does not need: the XML prolog and DOCTYPE (the SVG is put inline), comments,
 * and the font-family attributes (the page's style names RENDER_FONT_STACK for every map).
 * Graphviz writes comments with "--" escaped and attribute values quoted without a '"'
 * inside, so the cuts cannot end early. */
#include "atlas_internal.h"

#include "ckg/status.h"

#include <stdlib.h>
#include <string.h>

static const char *find(const char *s, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (const char *p = s; p + n <= end; p++) {
        if (*p == *what && memcmp(p, what, n) == 0)
            return p;
    }
    return NULL;
}

size_t atlas_svg_trim(char *svg, size_t len)
{
    const char *end = svg + len;
    const char *r = find(svg, end, "<svg");
    char *w = svg;
    if (!r)
        return len;
    while (r < end) {
        const char *cut_end = NULL;
        if (*r == '<' && end - r >= 4 && memcmp(r, "<!--", 4) == 0) {
            const char *e = find(r + 4, end, "-->");
            cut_end = e ? e + 3 : end;
        } else if (*r == ' ' && end - r >= 14 && memcmp(r, " font-family=\"", 14) == 0) {
            const char *e = memchr(r + 14, '"', (size_t)(end - r - 14));
            cut_end = e ? e + 1 : end;
        }
        if (cut_end) {
            r = cut_end;
            if (r < end && *r == '\n' && (w == svg || w[-1] == '\n'))
                r++; /* the line the cut emptied */
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
    return (size_t)(w - svg);
}

int atlas_map_svg(render_context *ctx, const ckg_ontology *o, atlas_scope *scope,
                  render_lang lang, const char *engine, diag_list *diags, char **out,
                  size_t *len)
{
    render_options ro;
    render_options_init(&ro);
    ro.engine = engine;
    ro.lang = lang;
    if (scope->kind == ATLAS_SCOPE_DIFF) {
        ro.diff[0] = scope->diff[0];
        ro.diff[1] = scope->diff[1];
    } else {
        ro.paper = scope->scope.paper;
        ro.section = scope->scope.section;
    }
    render_summary sum = {0};
    int rc = render_map(ctx, o, &ro, diags, out, len, &sum);
    if (rc == CKG_OK) {
        scope->n_concepts = sum.n_concepts;
        scope->n_relations = sum.n_relations;
        *len = atlas_svg_trim(*out, *len);
    }
    free(sum.concepts);
    free(sum.concept_in);
    return rc;
}
