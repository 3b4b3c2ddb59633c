/* draw.c — a built map laid out and written in its format (stage: draw; uses context.c and
 * svg_titles.c).
 *
 * This is the one place that switches on render_format. SVG is laid out and rendered by
 * Graphviz in memory, its titles then put in (render_put_titles); PNG and PDF are laid out
 * the same way and drawn by Graphviz's cairo renderer (pango text, the same font as the
 * SVG names), a PNG at the resolution asked for or, by default, the smallest that covers a
 * RENDER_SLIDE_W x RENDER_SLIDE_H slide; DOT is the built graph's own text, for Graphviz
 * to lay out elsewhere. render_measure gives the size a map will be drawn at, for
 * render_map to fit it to a slide. */
#include "render_internal.h"

#include "ckg/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest PNG side cairo draws, pixels. */
enum { MAX_PNG_SIDE = 32767 };

int render_format_wants_tooltips(render_format format)
{
    /* SVG gets its titles from render_put_titles, after Graphviz has drawn; PNG and PDF
     * have nowhere to show them */
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

/* Lays the graph out as Graphviz reads it back from its DOT text, into *out. cgraph writes
 * an edge's head before that node's own statement, so a graph read from DOT has its nodes
 * in another order than the one built, and dot's layout depends on that order: laying out
 * the read-back graph makes `ckg render` and `ckg render --format dot | dot -Tsvg` draw the
 * same map (and costs a few milliseconds). */
static int layout_read_back(render_context *ctx, Agraph_t *built, const char *engine,
                            diag_list *diags, Agraph_t **out)
{
    char *text = NULL;
    size_t text_len = 0;
    *out = NULL;
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
    if ((rc = render_layout(ctx, ag, engine, diags, "lay the map out")) != CKG_OK) {
        agclose(ag);
        return rc;
    }
    *out = ag;
    return CKG_OK;
}

static void drawing_size(Agraph_t *ag, double *w, double *h)
{
    *w = GD_bb(ag).UR.x - GD_bb(ag).LL.x + 2 * RENDER_PAD;
    *h = GD_bb(ag).UR.y - GD_bb(ag).LL.y + 2 * RENDER_PAD;
}

int render_measure(render_context *ctx, Agraph_t *built, const char *engine, diag_list *diags,
                   double *w, double *h)
{
    Agraph_t *ag;
    int rc = layout_read_back(ctx, built, engine, diags, &ag);
    if (rc != CKG_OK)
        return rc;
    drawing_size(ag, w, h);
    gvFreeLayout(ctx->gvc, ag);
    agclose(ag);
    return CKG_OK;
}

/* The PNG's resolution: opt->dpi, or the smallest that covers the slide. Refuses a
 * bitmap larger than cairo draws. */
static int png_dpi(const map *m, Agraph_t *ag, diag_list *diags, double *dpi)
{
    double w, h;
    drawing_size(ag, &w, &h);
    *dpi = m->opt->dpi > 0 ? m->opt->dpi
                           : fmax(72, ceil(72 * fmax(RENDER_SLIDE_W / w, RENDER_SLIDE_H / h)));
    double px_w = ceil(w * *dpi / 72), px_h = ceil(h * *dpi / 72);
    if (px_w > MAX_PNG_SIDE || px_h > MAX_PNG_SIDE) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "a PNG of this map at %.0f dpi would be %.0f x %.0f pixels, more than the "
                 "%d a side cairo draws; choose a lower --dpi", *dpi, px_w, px_h, MAX_PNG_SIDE);
        return CKG_EUSAGE;
    }
    return CKG_OK;
}

static int render_drawn(render_context *ctx, const map *m, Agraph_t *built, const char *engine,
                        diag_list *diags, char **out, size_t *len)
{
    Agraph_t *ag;
    int rc = layout_read_back(ctx, built, engine, diags, &ag);
    if (rc != CKG_OK)
        return rc;
    render_format format = m->opt->format;
    const char *device = format == RENDER_FORMAT_PNG   ? "png:cairo"
                         : format == RENDER_FORMAT_PDF ? "pdf:cairo"
                                                       : "svg";
    if (format == RENDER_FORMAT_PNG) {
        /* Graphviz takes the resolution from the graph when it lays it out (the layout,
         * in points, is the same at any): laid out again with it */
        double dpi;
        char text[32];
        if ((rc = png_dpi(m, ag, diags, &dpi)) != CKG_OK)
            goto out;
        snprintf(text, sizeof text, "%.0f", dpi);
        agsafeset(ag, "dpi", text, "");
        gvFreeLayout(ctx->gvc, ag);
        if ((rc = render_layout(ctx, ag, engine, diags, "lay the map out")) != CKG_OK) {
            agclose(ag);
            return rc;
        }
    }
    char *data = NULL;
    unsigned int n = 0;
    render_gv_errors_reset();
    if (gvRenderData(ctx->gvc, ag, (char *)device, &data, &n) != 0 || !data) {
        render_gv_errors_report(diags, format == RENDER_FORMAT_SVG ? "render SVG"
                                       : format == RENDER_FORMAT_PNG ? "render PNG"
                                                                     : "render PDF");
        rc = CKG_EINVALID;
    } else if (format == RENDER_FORMAT_SVG) {
        rc = render_put_titles(m, data, n, out, len);
    } else if (!(*out = malloc((size_t)n + 1))) {
        rc = CKG_ENOMEM;
    } else {
        memcpy(*out, data, n);
        (*out)[n] = '\0';
        *len = n;
        rc = CKG_OK;
    }
    if (data)
        gvFreeRenderData(data);
out:
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
    case RENDER_FORMAT_PNG:
    case RENDER_FORMAT_PDF:
    default:
        return render_drawn(ctx, m, ag, engine, diags, out, len);
    }
}
