/* atlas.c — atlas_build: the concept atlas as one HTML page (atlas.h).
 *
 * The page is the template src/atlas/atlas.html with its markers filled in, each exactly
 * once, in this order of the file:
 *   @@LANG@@    the page's language (zh-Hans or en)
 *   @@CSP@@     the Content-Security-Policy: nothing from anywhere, but the page's own
 *               script (by its SHA-256) and inline styles (the maps carry a <style>)
 *   @@STYLE@@   the font stack of the maps (RENDER_FONT_STACK) as a CSS variable, then
 *               src/atlas/atlas.css
 *   @@DATA@@    the data (atlas_data.c), JSON
 *   @@MAPS@@    one <script type="application/x-ckg-map" id="atlas-map-N"> per map, holding
 *               the SVG compressed with zlib in base64 (atlas_put_deflate_base64; a fifth of
 *               the size), inflated and parsed by the page only when the map is shown
 *   @@SCRIPT@@  src/atlas/atlas.js
 * The maps are drawn first (they count what they show for the scope menu), then the data.
 * JSON goes in through atlas_put_json, which escapes <, > and &, and the maps in base64, so
 * nothing from the ontology or the corpus can close its element; the CSS and the script are
 * ours and are checked not to hold a closing tag either. */
#include "atlas_internal.h"

#include "ckg/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void atlas_options_init(atlas_options *opt)
{
    *opt = (atlas_options){0};
    opt->engine = "sfdp";
    opt->lang = RENDER_LANG_ZH;
}

typedef struct page {
    strbuf b;
    const char *tpl;   /* the template still to copy */
    const char *end;
} page;

/* Copies the template up to the marker @@name@@ and steps over it. CKG_OK, or CKG_EINVALID
 * when the template lacks the marker (a broken build). */
static int up_to(page *p, const char *name, diag_list *diags)
{
    char marker[32];
    snprintf(marker, sizeof marker, "@@%s@@", name);
    size_t n = strlen(marker);
    for (const char *s = p->tpl; s + n <= p->end; s++) {
        if (memcmp(s, marker, n) == 0) {
            strbuf_add(&p->b, p->tpl, (size_t)(s - p->tpl));
            p->tpl = s + n;
            return CKG_OK;
        }
    }
    diag_add(diags, DIAG_ERROR, NULL, "the atlas page template lacks its %s marker", marker);
    return CKG_EINVALID;
}

/* Our CSS and script go in verbatim: they must not close their element early (nor, for the
 * script, hold "<!--" or "<script", which put an HTML parser into its escaped states). */
static int check_asset(const char *name, const char *s, const char *closing, diag_list *diags)
{
    size_t n = strlen(closing);
    for (const char *p = s; *p; p++) {
        if (*p == '<' && strncasecmp(p, closing, n) == 0) {
            diag_add(diags, DIAG_ERROR, NULL, "the atlas's %s holds '%s'", name, closing);
            return CKG_EINVALID;
        }
    }
    return CKG_OK;
}

static int assemble(page *p, const atlas_options *opt, const json_t *data, char *const *maps,
                    const size_t *map_len, size_t n_maps, diag_list *diags)
{
    int rc;
    char hash[45], buf[96];
    if ((rc = check_asset("style", atlas_asset_css, "</style", diags)) != CKG_OK ||
        (rc = check_asset("script", atlas_asset_js, "</script", diags)) != CKG_OK ||
        (rc = check_asset("script", atlas_asset_js, "<script", diags)) != CKG_OK ||
        (rc = check_asset("script", atlas_asset_js, "<!--", diags)) != CKG_OK)
        return rc;
    atlas_sha256_base64(atlas_asset_js, atlas_asset_js_len, hash);

    if ((rc = up_to(p, "LANG", diags)) != CKG_OK)
        return rc;
    strbuf_puts(&p->b, opt->lang == RENDER_LANG_EN ? "en" : "zh-Hans");
    if ((rc = up_to(p, "CSP", diags)) != CKG_OK)
        return rc;
    strbuf_puts(&p->b, "default-src 'none'; script-src 'sha256-");
    strbuf_puts(&p->b, hash);
    strbuf_puts(&p->b, "'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    if ((rc = up_to(p, "STYLE", diags)) != CKG_OK)
        return rc;
    strbuf_puts(&p->b, ":root{--atlas-font:" RENDER_FONT_STACK "}\n");
    strbuf_add(&p->b, atlas_asset_css, atlas_asset_css_len);
    if ((rc = up_to(p, "DATA", diags)) != CKG_OK || (rc = atlas_put_json(&p->b, data)) != CKG_OK)
        return rc;
    if ((rc = up_to(p, "MAPS", diags)) != CKG_OK)
        return rc;
    for (size_t i = 0; i < n_maps; i++) {
        snprintf(buf, sizeof buf, "<script type=\"application/x-ckg-map\" id=\"atlas-map-%zu\">",
                 i);
        strbuf_puts(&p->b, buf);
        if ((rc = atlas_put_deflate_base64(&p->b, maps[i], map_len[i])) != CKG_OK)
            return rc;
        strbuf_puts(&p->b, "</script>\n");
    }
    if ((rc = up_to(p, "SCRIPT", diags)) != CKG_OK)
        return rc;
    strbuf_add(&p->b, atlas_asset_js, atlas_asset_js_len);
    strbuf_add(&p->b, p->tpl, (size_t)(p->end - p->tpl));
    return p->b.oom ? CKG_ENOMEM : CKG_OK;
}

int atlas_build(render_context *ctx, const ckg_ontology *o, corpus *cp,
                const atlas_options *opt, diag_list *diags, char **out, size_t *len,
                atlas_summary *summary)
{
    static const render_lang langs[2] = {RENDER_LANG_ZH, RENDER_LANG_EN};
    atlas_summary local;
    atlas_scope *scopes = NULL;
    size_t n_scopes = 0, n_maps = 0;
    char **maps = NULL;
    size_t *map_len = NULL;
    json_t *data = NULL;
    page p = {.tpl = atlas_asset_html, .end = atlas_asset_html + atlas_asset_html_len};
    int rc;
    *out = NULL;
    *len = 0;
    if (!summary)
        summary = &local;
    *summary = (atlas_summary){0};
    const char *engine = render_engine_check(opt->engine);
    if (!engine) {
        diag_add(diags, DIAG_ERROR, NULL, "unknown layout engine '%s'",
                 opt->engine ? opt->engine : "");
        return CKG_EUSAGE;
    }
    if (opt->lang != RENDER_LANG_ZH && opt->lang != RENDER_LANG_EN) {
        diag_add(diags, DIAG_ERROR, NULL, "the atlas opens in zh or en");
        return CKG_EUSAGE;
    }
    if ((rc = atlas_scopes_list(o, opt, diags, &scopes, &n_scopes)) != CKG_OK)
        return rc;
    rc = CKG_ENOMEM;
    if (!(maps = calloc(2 * n_scopes, sizeof *maps)) ||
        !(map_len = calloc(2 * n_scopes, sizeof *map_len)))
        goto out;
    for (size_t i = 0; i < n_scopes; i++) {
        for (size_t l = 0; l < 2; l++) {
            scopes[i].map[l] = n_maps;
            if ((rc = atlas_map_svg(ctx, o, &scopes[i], langs[l], engine, diags, &maps[n_maps],
                                    &map_len[n_maps])) != CKG_OK)
                goto out;
            n_maps++;
        }
    }
    summary->n_scopes = n_scopes;
    summary->n_maps = n_maps;
    if ((rc = atlas_data_build(o, cp, scopes, n_scopes, opt, diags, &data, summary)) != CKG_OK)
        goto out;
    if ((rc = assemble(&p, opt, data, maps, map_len, n_maps, diags)) != CKG_OK)
        goto out;
    *out = strbuf_take(&p.b, len);
out:
    strbuf_free(&p.b);
    json_decref(data);
    for (size_t i = 0; maps && i < n_maps; i++)
        free(maps[i]);
    free(maps);
    free(map_len);
    atlas_scopes_free(scopes, n_scopes);
    return rc;
}
