/* options.c — render_options, its defaults and the names the command line gives its
 * choices (stage: base; depends on nothing in render). */
#include "render_internal.h"

#include "ckg/status.h"

#include <string.h>
#include <strings.h>

const char *const render_engines[RENDER_N_ENGINES] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};

void render_options_init(render_options *opt)
{
    *opt = (render_options){0};
    opt->focus = -1;
    opt->depth = 1;
    opt->engine = NULL; /* sfdp, or radial for an ego map */
    opt->lang = RENDER_LANG_ZH;
    opt->size_by = RENDER_SIZE_RELATIONS;
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
    static const char *const names[] = {"pagerank", "betweenness", "degree", "relations"};
    int v, rc = parse_name(name, names, 4, &v);
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

static const char *const format_names[] = {"svg", "dot", "png", "pdf"};

int render_format_parse(const char *name, render_format *out)
{
    int v, rc = parse_name(name, format_names, 4, &v);
    if (rc == CKG_OK)
        *out = (render_format)v;
    return rc;
}

const char *render_format_name(render_format format)
{
    return (unsigned)format < 4 ? format_names[format] : "?";
}

int render_format_is_binary(render_format format)
{
    return format == RENDER_FORMAT_PNG || format == RENDER_FORMAT_PDF;
}

int render_format_of_path(const char *path, render_format *out)
{
    static const struct {
        const char *ext;
        render_format format;
    } by_ext[] = {{"svg", RENDER_FORMAT_SVG}, {"png", RENDER_FORMAT_PNG},
                  {"pdf", RENDER_FORMAT_PDF}, {"dot", RENDER_FORMAT_DOT},
                  {"gv", RENDER_FORMAT_DOT}};
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base || !dot[1])
        return CKG_EINVALID;
    for (size_t i = 0; i < sizeof by_ext / sizeof *by_ext; i++) {
        if (strcasecmp(dot + 1, by_ext[i].ext) == 0) {
            *out = by_ext[i].format;
            return CKG_OK;
        }
    }
    return CKG_ENOTFOUND;
}
