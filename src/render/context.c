/* context.c — the Graphviz context a map is drawn in, and the errors Graphviz reports
 * (stage: base; uses util/strbuf and options.c).
 *
 * render_context_new checks once what every map needs: the layout engines of
 * render_engines and the pango text layout (without pango, Graphviz estimates text sizes
 * from Latin font metrics and CJK labels overflow their boxes). Graphviz reports problems
 * through agerr, which would print to stderr; the library never prints, so its messages are
 * kept here and turned into a diagnostic. Every layout goes through render_layout, which
 * seeds the C library's generator first: Graphviz 2.42's sfdp (its overlap removal) draws
 * from rand() without seeding it (its "start" seeds only drand48), so without the seed a
 * second map laid out in one process would differ from the first. */
#include "render_internal.h"

#include "ckg/status.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ Graphviz errors */

static strbuf gv_errors;

static int keep_gv_error(char *msg)
{
    strbuf_puts(&gv_errors, msg);
    return 0;
}

void render_gv_errors_reset(void)
{
    strbuf_free(&gv_errors);
    agseterr(AGERR);
    agseterrf(keep_gv_error);
}

void render_gv_errors_report(diag_list *diags, const char *what)
{
    const char *msg = gv_errors.s && gv_errors.len ? gv_errors.s : "no reason given";
    size_t len = strlen(msg);
    while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        len--;
    diag_add(diags, DIAG_ERROR, NULL, "Graphviz could not %s: %.*s", what, (int)len, msg);
}

/* ------------------------------------------------------------------ layout */

int render_layout(render_context *ctx, Agraph_t *ag, const char *engine, diag_list *diags,
                  const char *what)
{
    render_gv_errors_reset();
    srand(1);
    if (gvLayout(ctx->gvc, ag, engine) != 0) {
        render_gv_errors_report(diags, what);
        return CKG_EINVALID;
    }
    return CKG_OK;
}

/* ------------------------------------------------------------------ context */

/* Lays a one-node graph out and looks at how its label was measured: the pango plugin
 * leaves its layout on each text span (free_layout), the estimate from built-in Latin
 * metrics does not. */
static int pango_measures_text(GVC_t *gvc)
{
    int ok = 0;
    Agraph_t *g = agopen("probe", Agdirected, NULL);
    if (!g)
        return 0;
    Agnode_t *n = agnode(g, "probe", 1);
    agsafeset(n, "label", "新质生产力", "");
    agsafeset(n, "fontname", RENDER_FONT_STACK, "");
    if (n && gvLayout(gvc, g, "neato") == 0) {
        textlabel_t *l = ND_label(n);
        ok = l && !l->html && l->u.txt.nspans > 0 && l->u.txt.span[0].free_layout != NULL;
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    return ok;
}

int render_context_new(diag_list *diags, render_context **out)
{
    *out = NULL;
    render_context *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return CKG_ENOMEM;
    render_gv_errors_reset();
    if (!(ctx->gvc = gvContext())) {
        free(ctx);
        return CKG_ENOMEM;
    }
    int n = 0;
    char **layouts = gvPluginList(ctx->gvc, "layout", &n, NULL);
    int missing = 0;
    for (size_t e = 0; e < RENDER_N_ENGINES; e++) {
        int found = 0;
        for (int i = 0; i < n; i++)
            found |= strcmp(layouts[i], render_engines[e]) == 0;
        if (!found) {
            diag_add(diags, DIAG_ERROR, NULL,
                     "Graphviz has no '%s' layout engine (is its plugin configuration, "
                     "'dot -c', up to date?)", render_engines[e]);
            missing = 1;
        }
    }
    for (int i = 0; i < n; i++)
        free(layouts[i]);
    free(layouts);
    if (!missing && !pango_measures_text(ctx->gvc)) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "Graphviz did not load its pango text layout plugin (libgvplugin_pango): "
                 "without it CJK labels are mis-measured and overflow their boxes; install "
                 "Graphviz with its pango plugin and run 'dot -c' as root");
        missing = 1;
    }
    if (missing) {
        render_context_free(ctx);
        return CKG_EINVALID;
    }
    *out = ctx;
    return CKG_OK;
}

void render_context_free(render_context *ctx)
{
    if (!ctx)
        return;
    if (ctx->gvc)
        gvFreeContext(ctx->gvc);
    strbuf_free(&gv_errors);
    free(ctx);
}
