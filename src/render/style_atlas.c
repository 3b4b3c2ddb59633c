/* style_atlas.c — the map of the atlas page (atlas.h; render_options.atlas): the map of a
 * scope or of two, as style_theme.c or style_diff.c draws it, written to stand inside an
 * HTML page (stage: style; uses the base stage).
 *
 * The atlas shows the maps inline and finds each concept and relation on them by data
 * attributes: a concept's group carries data-concept="ID", a relation's group, the halves of
 * its path through its phrase and the phrase's group carry data-from="ID" and data-to="ID".
 * No group keeps an id (the page has ids of its own, and an inline SVG's ids are the
 * page's), and render_put_titles leaves out what a page does not need: the XML prolog,
 * DOCTYPE and comments, and the font-family of every text (the page's style names
 * RENDER_FONT_STACK once). Everything else — the scope's graph, looks, titles, legend,
 * layout — is the style the map is drawn from, so an atlas map and `ckg render`'s map of the
 * same options differ only in those attributes. Concept ids are ASCII kebab-case (the
 * loader checks); they are escaped all the same. */
#include "render_internal.h"

static void put_attr(strbuf *b, const char *name, const char *id)
{
    strbuf_printf(b, " %s=\"", name);
    render_put_xml(b, id, 0);
    strbuf_putc(b, '"');
}

static void atlas_page_names(strbuf *b, const map *m, size_t object)
{
    const ckg_graph *g = m->g;
    if (object < g->n_vertices) {
        put_attr(b, "data-concept", render_concept_of(m, object)->id.s);
        return;
    }
    const graph_edge *e = &g->edges[object - g->n_vertices];
    put_attr(b, "data-from", render_concept_of(m, (size_t)e->from)->id.s);
    put_attr(b, "data-to", render_concept_of(m, (size_t)e->to)->id.s);
}

const render_style *render_style_atlas(const render_style *look, render_style *out)
{
    *out = *look;
    out->page_names = atlas_page_names;
    return out;
}
