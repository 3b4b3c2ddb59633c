/* render.h — concept maps: the analysis graph of a scope drawn by Graphviz, in-process.
 *
 * A map shows the concepts of a scope (all papers or one, optionally narrowed to one theme or
 * to the neighbourhood of one concept) and the relations among them. Graphviz lays it out
 * (libgvc, any of its engines) and renders SVG in memory; --format dot gives the DOT text of
 * the same graph instead. Labels are Chinese (or English, or both) in the CJK font the SVG
 * names, so the boxes Graphviz measures with pango are the boxes a browser draws; colors
 * encode themes, node size a centrality, edge width the number of papers stating a relation.
 * Every node's and edge's <title> says what it is and quotes its first evidence.
 *
 * A diff map (render_options.diff) draws two scopes at once: the union of their graphs, each
 * concept and relation styled by which of the two has it (only a, only b, both), with a
 * legend naming each paper and tooltips saying which paper states what, with the quotes.
 *
 * Everything from the ontology is escaped for its output (HTML-like labels, XML, DOT).
 * The same input gives byte-identical output: fixed orders, fixed seeds, no timestamps
 * (except with fdp, which Graphviz 2.42 does not lay out reproducibly). */
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

typedef enum render_size_by {
    RENDER_SIZE_PAGERANK,
    RENDER_SIZE_BETWEENNESS,
    RENDER_SIZE_DEGREE,
} render_size_by;

typedef enum render_format { RENDER_FORMAT_SVG, RENDER_FORMAT_DOT } render_format;

/* Which relations carry their linking phrase as a label. AUTO labels every relation of a map
 * with at most RENDER_AUTO_LABEL_EDGES relations, and in a larger map the relations between
 * its most central concepts and those stated by more than one paper. */
typedef enum render_edge_labels {
    RENDER_EDGE_LABELS_AUTO,
    RENDER_EDGE_LABELS_ALL,
    RENDER_EDGE_LABELS_NONE,
} render_edge_labels;

enum { RENDER_AUTO_LABEL_EDGES = 150 };

typedef struct render_options {
    const char *paper;   /* paper id; NULL for all papers */
    const char *section; /* a section of that paper; NULL for the whole paper */
    const char *theme;   /* theme id: only that theme's concepts; NULL for all */
    int32_t focus;       /* concept index of an ego map's center; -1 for none */
    int depth;           /* ego radius in relation steps, either direction (>= 1) */
    int ego_ties;        /* ego map: also the relations among concepts at the same step
                          * (by default only those leading out from the focus are drawn) */
    const char *engine;  /* dot (default), neato, fdp, sfdp, circo, twopi, or radial (ckg's
                          * own for ego maps, drawn by neato with positions pinned) */
    render_lang lang;
    render_size_by size_by;
    render_format format;
    render_edge_labels edge_labels;
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

/* Defaults: all papers, no theme, no focus, depth 1, dot, zh, PageRank, SVG, AUTO, no diff,
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

/* A Graphviz context, checked once: it must have the layout engines and the pango text
 * layout (without pango, Graphviz estimates text sizes from Latin font metrics and CJK
 * labels overflow their boxes). Reuse one context for many maps. */
typedef struct render_context render_context;

/* CKG_OK, CKG_EINVALID (with a diagnostic saying what Graphviz lacks) or CKG_ENOMEM. */
int render_context_new(diag_list *diags, render_context **out);
void render_context_free(render_context *ctx);

/* What a map shows, for callers and tests: the concepts (ontology indexes, in ontology
 * order) and the number of relations drawn. */
typedef struct render_summary {
    int32_t *concepts;
    size_t n_concepts;
    size_t n_relations;
    size_t n_labeled; /* relations drawn with their linking phrase */
    /* A diff map: the concepts and relations drawn that are only in a, only in b, in both
     * (indexes RENDER_IN_A - 1, RENDER_IN_B - 1, RENDER_IN_BOTH - 1); zero otherwise. */
    size_t concepts_in[3], relations_in[3];
    unsigned char *concept_in; /* a diff map: RENDER_IN_* of each of concepts[]; else NULL */
} render_summary;

/* Membership in a diff map: bit 1 for scope a, bit 2 for scope b. */
enum { RENDER_IN_A = 1, RENDER_IN_B = 2, RENDER_IN_BOTH = 3 };

/* Renders the map of opt into *out (malloc'd, NUL-terminated, *len bytes without the NUL).
 * summary may be NULL; otherwise the caller frees summary->concepts and ->concept_in.
 * Returns CKG_OK; CKG_ENOTFOUND (unknown paper, section or theme, or a focus outside the
 * scope, each with a diagnostic); CKG_EUSAGE (a bad option combination, such as a diff of a
 * scope with itself or a diff with --paper); CKG_EINVALID (the
 * layout failed, with Graphviz's reason); CKG_ENOMEM. The ontology must load without
 * errors. */
int render_map(render_context *ctx, const ckg_ontology *o, const render_options *opt,
               diag_list *diags, char **out, size_t *len, render_summary *summary);

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
