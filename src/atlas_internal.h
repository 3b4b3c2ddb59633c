/* atlas_internal.h — what the atlas_* files share: the encodings the page needs (written
 * into util's strbuf), the list of scopes, and the steps of atlas_build (atlas.c), each in
 * its own file:
 *
 *   atlas_scopes.c   which maps the page offers (all, papers, sections, a diff)
 *   atlas_map.c      one map: render_map's SVG drawn for the page (the one call site)
 *   atlas_data.c     the data of every concept, as JSON
 *   atlas_text.c     paragraphs of the source texts and the passage around a quote (atlas.h)
 *   atlas_encode.c   JSON safe inside <script>, zlib + base64, SHA-256
 *   atlas.c          the page: template, style, data, maps, script */
#ifndef CKG_ATLAS_INTERNAL_H
#define CKG_ATLAS_INTERNAL_H

#include "ckg/atlas.h"
#include "util/strbuf.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ encodings (atlas_encode.c) */

/* A JSON value dumped compactly so that it can stand inside a <script> element: <, > and &
 * written as \u003c, \u003e, \u0026 and U+2028, U+2029 as \u2028, \u2029, so no text can
 * close the element or open a comment. CKG_OK or CKG_ENOMEM. */
int atlas_put_json(strbuf *b, const json_t *v);

/* data[0..n) compressed with zlib (deflate, the zlib format) and written in base64: what
 * the page's DecompressionStream("deflate") reads back. CKG_OK or CKG_ENOMEM. */
int atlas_put_deflate_base64(strbuf *b, const char *data, size_t n);

/* The SHA-256 of data, base64-encoded (44 characters and a NUL), for a CSP source. */
void atlas_sha256_base64(const char *data, size_t len, char out[45]);

/* ------------------------------------------------------------------ scopes (atlas_scopes.c) */

typedef enum atlas_scope_kind {
    ATLAS_SCOPE_ALL,
    ATLAS_SCOPE_PAPER,
    ATLAS_SCOPE_SECTION,
    ATLAS_SCOPE_DIFF,
} atlas_scope_kind;

typedef struct atlas_scope {
    atlas_scope_kind kind;
    char *value;        /* "all", "peng2024", "forum2024/yi-tong", "diff:peng2024:hong2024" */
    graph_scope scope;  /* all, a paper or a section (pointing into the ontology) */
    graph_scope diff[2]; /* a diff's two scopes */
    int32_t paper, section; /* indexes (-1 when none) */
    size_t n_concepts, n_relations; /* what its map shows */
    size_t map[2];      /* the index of its map in zh and in en */
} atlas_scope;

/* Every scope of the page in the order the page lists them. CKG_OK, CKG_EUSAGE (a diff of a
 * scope with itself), CKG_ENOTFOUND (a diff scope that does not exist, with a diagnostic) or
 * CKG_ENOMEM. */
int atlas_scopes_list(const ckg_ontology *o, const atlas_options *opt, diag_list *diags,
                      atlas_scope **out, size_t *n);
void atlas_scopes_free(atlas_scope *s, size_t n);

/* ------------------------------------------------------------------ maps (atlas_map.c) */

/* The map of scope in lang as render_map draws it for the atlas (render_options.atlas),
 * into *out (malloc'd, *len bytes). Sets scope->n_concepts and n_relations. Returns what
 * render_map returns. */
int atlas_map_svg(render_context *ctx, const ckg_ontology *o, atlas_scope *scope,
                  render_lang lang, const char *engine, diag_list *diags, char **out,
                  size_t *len);

/* ------------------------------------------------------------------ data (atlas_data.c) */

/* The page's data as one JSON object (its shape is documented in src/atlas/atlas.js).
 * Counts go to summary. Returns CKG_OK, CKG_EINVALID (a source text could not be read:
 * diagnostics say which), or what the queries return. */
int atlas_data_build(const ckg_ontology *o, corpus *cp, const atlas_scope *scopes,
                     size_t n_scopes, const atlas_options *opt, diag_list *diags,
                     json_t **out, atlas_summary *summary);

/* ------------------------------------------------------------------ assets (generated) */

/* src/atlas/atlas.html, atlas.css and atlas.js, built in by tools/embed.c. */
extern const char atlas_asset_html[], atlas_asset_css[], atlas_asset_js[];
extern const size_t atlas_asset_html_len, atlas_asset_css_len, atlas_asset_js_len;

#endif
