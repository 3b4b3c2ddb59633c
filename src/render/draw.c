/* draw.c — a built map laid out and written in its format (stage: draw; uses context.c and
 * svg_titles.c).
 *
 * This is the one place that switches on render_format: SVG is laid out and rendered by
 * Graphviz in memory, its titles then put in (render_put_titles); DOT is the built graph's
 * own text, for Graphviz to lay out elsewhere. Another format (PNG or PDF through Graphviz's
 * cairo renderer) is one more case here, and one more line in
 * render_format_wants_tooltips. */
#include "render_internal.h"

#include "ckg/status.h"

#include <stdio.h>
#include <stdlib.h>

int render_format_wants_tooltips(render_format format)
{
    /* SVG gets its titles from render_put_titles, after Graphviz has drawn */
    return format == RENDER_FORMAT_DOT;
}

static int render_dot_text(Agraph_t *ag, char **out, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        return CKG_ENOMEM;
    int bad = agwrite(ag, f) != 0;
    bad |= fclose(f) != 0;
    if (bad || !buf) {
        free(buf);
        return CKG_ENOMEM;
    }
    *out = buf;
    *len = n;
    return CKG_OK;
}

/* Lays the graph out as Graphviz reads it back from its DOT text, then renders it. cgraph
 * writes an edge's head before that node's own statement, so a graph read from DOT has its
 * nodes in another order than the one built, and dot's layout depends on that order: laying
 * out the read-back graph makes `ckg render` and `ckg render --format dot | dot -Tsvg` draw
 * the same map (and costs a few milliseconds). */
static int render_svg(render_context *ctx, const map *m, Agraph_t *built, const char *engine,
                      diag_list *diags, char **out, size_t *len)
{
    char *text = NULL;
    size_t text_len = 0;
    int rc = render_dot_text(built, &text, &text_len);
    if (rc != CKG_OK)
        return rc;
    render_gv_errors_reset();
    Agraph_t *ag = agmemread(text);
    free(text);
    if (!ag) {
        render_gv_errors_report(diags, "read the map back");
        return CKG_EINVALID;
    }
    if (gvLayout(ctx->gvc, ag, engine) != 0) {
        render_gv_errors_report(diags, "lay the map out");
        agclose(ag);
        return CKG_EINVALID;
    }
    char *svg = NULL;
    unsigned int n = 0;
    if (gvRenderData(ctx->gvc, ag, "svg", &svg, &n) != 0 || !svg) {
        render_gv_errors_report(diags, "render SVG");
        rc = CKG_EINVALID;
    } else {
        rc = render_put_titles(m, svg, n, out, len);
    }
    if (svg)
        gvFreeRenderData(svg);
    gvFreeLayout(ctx->gvc, ag);
    agclose(ag);
    return rc;
}

int render_draw(render_context *ctx, const map *m, Agraph_t *ag, const char *engine,
                diag_list *diags, char **out, size_t *len)
{
    switch (m->opt->format) {
    case RENDER_FORMAT_DOT:
        return render_dot_text(ag, out, len);
    case RENDER_FORMAT_SVG:
    default:
        return render_svg(ctx, m, ag, engine, diags, out, len);
    }
}
