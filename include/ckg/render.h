/* render.h — concept maps: the analysis graph of a scope drawn by Graphviz, in-process.
 *
 * A map shows the concepts of a scope (all papers or one, optionally narrowed to one theme or
 * to the neighbourhood of one concept) and the relations among them. By default it is a
 * slide: the concepts the scope says most about, as many as stay readable when the map is
 * fitted to a 1920 x 1080 slide (RENDER_SLIDE_*), laid out in a slide's proportions with
 * its key beside it; its subtitle says how many of how many it shows. Filters narrow it
 * (top N, hidden concepts, a minimum of papers). Graphviz lays it out (libgvc, any of its
 * engines) and renders SVG, PNG or PDF in memory (PNG and PDF by its cairo renderer);
 * RENDER_FORMAT_DOT gives the DOT text of the same graph instead. Labels are Chinese (or
 * English, or both) in the CJK font the SVG names, so the boxes Graphviz measures with
 * pango are the boxes a browser draws; colors encode themes, node size the size measure,
 * edge width the number of papers stating a relation. Every node's and edge's <title> says
 * what it is and quotes its first evidence.
 *
 * A diff map (render_options.diff) draws two scopes at once: the union of their graphs, each
 * concept and relation styled by which of the two has it (only a, only b, both), with a
 * legend naming each paper and tooltips saying which paper states what, with the quotes.
 *
 * Everything from the ontology is escaped for its output (HTML-like labels, XML, DOT).
 * The same input gives byte-identical output: fixed orders, fixed seeds, no timestamps
 * (except with fdp, which Graphviz 2.42 does not lay out reproducibly, and in PDF, where
 * cairo writes the time it was made). */
#ifndef CKG_RENDER_H
#define CKG_RENDER_H

#include "ckg/diag.h"
#include "ckg/graph.h"
#include "ckg/ontology.h"

#include <stddef.h>
#include <stdint.h>

/* The font every label is measured and drawn with, and the fallback stack the SVG names. */
#define RENDER_FONT "Noto Sans CJK SC"
#define RENDER_FONT_STACK "Noto Sans CJK SC,Source Han Sans SC,Noto Sans SC,PingFang SC,Microsoft YaHei,sans-serif"

typedef enum render_lang { RENDER_LANG_ZH, RENDER_LANG_EN, RENDER_LANG_BOTH } render_lang;

/* What sizes the boxes. RELATIONS (the default) is how much the scope argues about a
 * concept: the relations of the scope at either end of it, each counted once per paper that
 * states it (in one paper's scope, simply its relations), plus q / (q_max + 1), where q is
 * the number of quotes in scope that name it (its mentions' evidence and its relations')
 * and q_max the largest q in the scope: quotes only break ties between concepts with as
 * many relations. The others are `ckg metrics`' measures of the scope's graph. */
typedef enum render_size_by {
    RENDER_SIZE_PAGERANK,
    RENDER_SIZE_BETWEENNESS,
    RENDER_SIZE_DEGREE,
    RENDER_SIZE_RELATIONS,
} render_size_by;

/* SVG and DOT are text; PNG and PDF are drawn by Graphviz's cairo renderer (with pango,
 * in the same font as the SVG names). */
typedef enum render_format {
    RENDER_FORMAT_SVG,
    RENDER_FORMAT_DOT,
    RENDER_FORMAT_PNG,
    RENDER_FORMAT_PDF,
} render_format;

/* Which relations carry their linking phrase as a label. AUTO labels every relation of a map
 * with at most RENDER_AUTO_LABEL_EDGES relations, and in a larger map the relations between
 * its most central concepts and those stated by more than one paper. */
typedef enum render_edge_labels {
    RENDER_EDGE_LABELS_AUTO,
    RENDER_EDGE_LABELS_ALL,
    RENDER_EDGE_LABELS_NONE,
} render_edge_labels;

enum { RENDER_AUTO_LABEL_EDGES = 150 };

/* render_options.top: how many concepts a map shows. */
enum {
    RENDER_TOP_SLIDE = 0, /* the default: as many as fit a slide (see render_map) */
    RENDER_TOP_ALL = -1,  /* every concept the other options leave: the poster map */
};

/* The slide a map is fitted to by default, in CSS pixels, and what must be readable there:
 * the height of a concept's label and of a linking phrase, and the aspect ratio (width /
 * height) of the whole map with its legend. */
#define RENDER_SLIDE_W 1920.0
#define RENDER_SLIDE_H 1080.0
#define RENDER_SLIDE_CONCEPT_PX 16.0
#define RENDER_SLIDE_PHRASE_PX 12.0
#define RENDER_SLIDE_MIN_ASPECT 1.5
#define RENDER_SLIDE_MAX_ASPECT 2.1
/* The aspect an ego map keeps at least; the poster map's labels on the same slide. */
#define RENDER_EGO_MIN_ASPECT 1.2
#define RENDER_POSTER_PX 10.0

typedef struct render_options {
    const char *paper;   /* paper id; NULL for all papers */
    const char *section; /* a section of that paper; NULL for the whole paper */
    const char *theme;   /* theme id: only that theme's concepts; NULL for all */
    int32_t focus;       /* concept index of an ego map's center; -1 for none */
    int depth;           /* ego radius in relation steps, either direction (>= 1) */
    int ego_ties;        /* ego map: also the relations among concepts at the same step
                          * (by default only those leading out from the focus are drawn) */
    const char *engine;  /* NULL (sfdp, or radial with a focus), neato, fdp, sfdp, dot,
                          * circo, twopi, or radial (ckg's own for ego maps); the maps of
                          * sfdp, neato, fdp and radial are arranged as slides (the key at
                          * the left, 16:9, drawn by neato with every node pinned) */
    render_lang lang;
    render_size_by size_by;
    render_format format;
    render_edge_labels edge_labels;
    /* Filters. top: RENDER_TOP_SLIDE, RENDER_TOP_ALL, or the N concepts with the largest
     * size measure (an ego map: its focus and the N - 1 largest of the rest). hide: concept
     * indexes left out, with their relations (an ego map's focus cannot be). min_papers:
     * only relations that at least this many papers of the ontology state (0 or 1: all),
     * and only concepts left with one of them (and the focus). */
    int top;
    const int32_t *hide;
    size_t n_hide;
    int min_papers;
    /* PNG: pixels per inch (a point is 1/72 inch); 0 chooses the smallest that covers a
     * RENDER_SLIDE_W x RENDER_SLIDE_H slide (at least 72). */
    double dpi;
    /* A diff map when diff[0].paper is set: the union of scopes diff[0] (a) and diff[1] (b),
     * papers or sections as for graph_build, which must differ; paper and section stay
     * NULL. Concepts and relations of both are drawn neutral, those of one only in its
     * color (a: Okabe–Ito orange, solid border; b: blue, dashed border), and sizes come
     * from the chosen centrality of the union graph. theme and focus narrow it as usual. */
    graph_scope diff[2];
    /* The atlas's map (atlas.h): the same map, of one scope or a diff, its SVG made to stand
     * inside an HTML page. No XML prolog, DOCTYPE or comments; no id attributes, so nothing
     * can clash with the page's ids; no font-family attributes (the page's style names
     * RENDER_FONT_STACK). Instead of its id, each concept's group carries data-concept="ID"
     * and each relation's group (and its phrase's, and both halves of its path through the
     * phrase) data-from="ID" and data-to="ID". Titles, looks and layout are those of the map
     * without it. SVG only: the DOT text is the same either way. */
    int atlas;
} render_options;

/* Defaults: all papers, no theme, no focus, depth 1, engine NULL (the slide layout, see
 * render_map), zh, RELATIONS, SVG, AUTO labels, RENDER_TOP_SLIDE, no filters, no diff,
 * not for the atlas. */
void render_options_init(render_options *opt);

/* The colors of the boxes of theme t (an index of the ontology's themes; -1 for a concept
 * without one) on the map of a scope, "#RRGGBB": Okabe–Ito colors in theme order. For
 * pages that key their own text to the maps (the atlas). */
void render_theme_colors(int32_t theme, const char **fill, const char **border);

/* Names for the command line; NULL/-1 when unknown. */
const char *render_engine_check(const char *name); /* the canonical name, or NULL */
int render_lang_parse(const char *name, render_lang *out);
int render_size_by_parse(const char *name, render_size_by *out);
int render_edge_labels_parse(const char *name, render_edge_labels *out);
int render_format_parse(const char *name, render_format *out); /* svg, png, pdf, dot */
/* The format a file name asks for by its extension, case-blind (.svg, .png, .pdf, .dot or
 * .gv): CKG_OK; CKG_ENOTFOUND for an extension none of them has (map.jpg); CKG_EINVALID
 * for a name without one (map). */
int render_format_of_path(const char *path, render_format *out);
/* Is the format binary (PNG, PDF), never to be written to a terminal? */
int render_format_is_binary(render_format format);
/* "svg", "dot", "png", "pdf". */
const char *render_format_name(render_format format);

/* A Graphviz context, checked once: it must have the layout engines and the pango text
 * layout (without pango, Graphviz estimates text sizes from Latin font metrics and CJK
 * labels overflow their boxes). Reuse one context for many maps. */
typedef struct render_context render_context;

/* CKG_OK, CKG_EINVALID (with a diagnostic saying what Graphviz lacks) or CKG_ENOMEM. */
int render_context_new(diag_list *diags, render_context **out);
/* Does render_map need a context for opt? Every format but DOT does, and DOT too when the
 * map is laid out before it is written: a slide (RENDER_TOP_SLIDE) is fitted by laying it
 * out, and the force-directed engines and the radial layout are arranged (positions
 * pinned in the DOT text). */
int render_needs_context(const render_options *opt);
void render_context_free(render_context *ctx);

/* What a map shows, for callers and tests: the concepts (ontology indexes, in ontology
 * order) and the number of relations drawn. */
typedef struct render_summary {
    int32_t *concepts;
    size_t n_concepts;
    size_t n_candidates; /* the concepts the scope and filters leave, before the top N */
    size_t n_relations;
    size_t n_labeled; /* relations drawn with their linking phrase */
    /* A diff map: the concepts and relations drawn that are only in a, only in b, in both
     * (indexes RENDER_IN_A - 1, RENDER_IN_B - 1, RENDER_IN_BOTH - 1); zero otherwise. */
    size_t concepts_in[3], relations_in[3];
    unsigned char *concept_in; /* a diff map: RENDER_IN_* of each of concepts[]; else NULL */
} render_summary;

/* Membership in a diff map: bit 1 for scope a, bit 2 for scope b. */
enum { RENDER_IN_A = 1, RENDER_IN_B = 2, RENDER_IN_BOTH = 3 };

/* Renders the map of opt into *out (malloc'd, NUL-terminated, *len bytes without the NUL;
 * PNG and PDF are binary, len counts them). ctx may be NULL only when
 * render_needs_context(opt) is false. With RENDER_TOP_SLIDE (the default; a diff map
 * shows every concept unless top is set), the map shows the first N of its candidates by
 * the size measure, N from 30 down to 10, the largest whose drawing, fitted to a
 * RENDER_SLIDE_W x RENDER_SLIDE_H slide, keeps every concept label RENDER_SLIDE_CONCEPT_PX
 * high and every phrase RENDER_SLIDE_PHRASE_PX, with at most 60 relations.
 * summary may be NULL; otherwise the caller frees summary->concepts and ->concept_in.
 * Returns CKG_OK; CKG_ENOTFOUND (unknown paper, section or theme, or a focus outside the
 * scope, each with a diagnostic); CKG_EUSAGE (a bad option combination, such as a diff of a
 * scope with itself or a diff with --paper, a hidden focus, no context where one is
 * needed, a PNG too large at its dpi); CKG_EINVALID (the layout failed, with Graphviz's
 * reason); CKG_ENOMEM. The ontology must load without errors. */
int render_map(render_context *ctx, const ckg_ontology *o, const render_options *opt,
               diag_list *diags, char **out, size_t *len, render_summary *summary);

/* Positions of the vertices of g laid out by Graphviz's engine (one of render's engines but
 * radial; sfdp for large graphs), each vertex a circle sizes[v] points across and unlabeled,
 * for other tools' drawings of the graph (the GEXF export). x[v], y[v] are its centre in
 * points, y up. The same graph gives the same positions (not with fdp). CKG_OK,
 * CKG_EINVALID (Graphviz failed; a diagnostic says why) or CKG_ENOMEM (positions.c). */
int render_positions(render_context *ctx, const ckg_graph *g, const char *engine,
                     const double *sizes, diag_list *diags, double *x, double *y);

/* The fill color of a theme's boxes on every map ("#E69F00"), by the theme's index in the
 * ontology (an unresolved theme, -1, takes the first): render_theme_colors' fill, which exports
 * carry (palette.c). */
const char *render_theme_color(int32_t theme);

/* RENDER_SIZE_RELATIONS of each vertex of g, into out[0 .. g->n_vertices). */
void render_relations_measure(const ckg_graph *g, double *out);

/* ------------------------------------------------------------------ text helpers */

/* Splits a Chinese name into lines of at most max_chars characters (when it is longer than
 * that), at the break that best balances the lines among the good ones: after 和/与/及/、/—
 * and the like, or next to a word of the given dictionary (NUL-terminated strings, may be
 * NULL). Writes the lines joined by '\n' into *out (malloc'd). CKG_OK or CKG_ENOMEM. */
int render_wrap_zh(const char *name, size_t max_chars, const char *const *dict, size_t n_dict,
                   char **out);

/* Splits text at spaces into lines of about max_chars characters, balanced; '\n' joins them
 * in *out (malloc'd). A word longer than max_chars stands alone on its line. */
int render_wrap_words(const char *text, size_t max_chars, char **out);

/* Escapes s for XML text and attribute values and for Graphviz HTML-like labels: & < > "
 * become entities; control characters (but '\n' when keep_newlines) and the non-characters
 * XML forbids are dropped, tabs and line breaks otherwise become a space. Returns a malloc'd
 * string, NULL only when out of memory. */
char *render_escape_xml(const char *s, int keep_newlines);

#endif
