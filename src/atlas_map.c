/* atlas_map.c — one map of the atlas: render_map's map of a scope (or of a diff) in a
 * language, drawn for the page (render_options.atlas: no prolog, comments, ids or
 * font-family; concepts and relations named by data attributes). This is the atlas's one
 * call into the render module; the page takes the SVG as render_map writes it. */
#include "atlas_internal.h"

#include "ckg/status.h"

#include <stdlib.h>

int atlas_map_svg(render_context *ctx, const ckg_ontology *o, atlas_scope *scope,
                  render_lang lang, const char *engine, diag_list *diags, char **out,
                  size_t *len)
{
    render_options ro;
    render_options_init(&ro);
    ro.engine = engine;
    ro.lang = lang;
    ro.atlas = 1;
    ro.top = RENDER_TOP_ALL; /* a student looks for any concept of the scope */
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
    }
    free(sum.concepts);
    free(sum.concept_in);
    return rc;
}
