/* options.c — render_options, its defaults and the names the command line gives its
 * choices (stage: base; depends on nothing in render). */
#include "render_internal.h"

#include "ckg/status.h"

#include <string.h>

const char *const render_engines[RENDER_N_ENGINES] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};

void render_options_init(render_options *opt)
{
    *opt = (render_options){0};
    opt->focus = -1;
    opt->depth = 1;
    opt->engine = "dot";
    opt->lang = RENDER_LANG_ZH;
    opt->size_by = RENDER_SIZE_PAGERANK;
    opt->format = RENDER_FORMAT_SVG;
    opt->edge_labels = RENDER_EDGE_LABELS_AUTO;
}

const char *render_engine_check(const char *name)
{
    for (size_t i = 0; name && i < RENDER_N_ENGINES; i++) {
        if (strcmp(name, render_engines[i]) == 0)
            return render_engines[i];
    }
    if (name && strcmp(name, "radial") == 0)
        return "radial";
    return NULL;
}

static int parse_name(const char *name, const char *const *names, size_t n, int *out)
{
    for (size_t i = 0; name && i < n; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (int)i;
            return CKG_OK;
        }
    }
    return CKG_ENOTFOUND;
}

int render_lang_parse(const char *name, render_lang *out)
{
    static const char *const names[] = {"zh", "en", "both"};
    int v, rc = parse_name(name, names, 3, &v);
    if (rc == CKG_OK)
        *out = (render_lang)v;
    return rc;
}

int render_size_by_parse(const char *name, render_size_by *out)
{
    static const char *const names[] = {"pagerank", "betweenness", "degree"};
    int v, rc = parse_name(name, names, 3, &v);
    if (rc == CKG_OK)
        *out = (render_size_by)v;
    return rc;
}

int render_edge_labels_parse(const char *name, render_edge_labels *out)
{
    static const char *const names[] = {"auto", "all", "none"};
    int v, rc = parse_name(name, names, 3, &v);
    if (rc == CKG_OK)
        *out = (render_edge_labels)v;
    return rc;
}
