/* render_internal.h — what the render_* files share: a growable string and the sizing
 * measures. Not installed; the public API is include/ckg/render.h. */
#ifndef CKG_RENDER_INTERNAL_H
#define CKG_RENDER_INTERNAL_H

#include "ckg/graph.h"
#include "ckg/render.h"

#include <stdarg.h>
#include <stddef.h>

/* A growable NUL-terminated string. Zero-initialize; a failed append sets oom and leaves
 * the text as it was, so a builder checks once at the end. */
typedef struct rbuf {
    char *s;
    size_t len, cap;
    int oom;
} rbuf;

void rbuf_add(rbuf *b, const char *s, size_t len);
void rbuf_puts(rbuf *b, const char *s);
void rbuf_printf(rbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s escaped as render_escape_xml does. */
void rbuf_xml(rbuf *b, const char *s, int keep_newlines);
/* Appends s escaped for a Graphviz HTML-like label: as rbuf_xml, and also backslashes as
 * entities (Graphviz would expand \N, \G...) and "&" before entity-like text marked so
 * that Graphviz does not turn it back into an entity. */
void rbuf_label(rbuf *b, const char *s);
/* Appends s as the value of a DOT tooltip: controls dropped, newlines kept, so that Graphviz
 * writes exactly s into the SVG (backslashes and entity-like text survive). */
void rbuf_tooltip(rbuf *b, const char *s);
/* A copy of s without control characters and XML non-characters (tabs and line breaks
 * become spaces, but '\n' when keep_newlines); NULL when out of memory. For text that is
 * measured or wrapped before it is escaped, and for DOT tooltips. */
char *render_clean_text(const char *s, int keep_newlines);
/* Appends the first max_chars characters of s escaped, and "…" when s was longer. */
void rbuf_xml_cut(rbuf *b, const char *s, size_t max_chars);
void rbuf_free(rbuf *b);

/* A map being drawn: the scope's graph and what render_map decided about each vertex and
 * edge. */
typedef struct map {
    const ckg_ontology *o;
    const render_options *opt;
    ckg_graph *g;
    unsigned char *shown;   /* per vertex */
    double *measure;        /* per vertex: the sizing centrality */
    double *font;           /* per vertex: label font size */
    int32_t *dist;          /* per vertex: steps from the focus (-1: beyond), 0 without one */
    unsigned char *drawn;   /* per edge: drawn */
    unsigned char *labeled; /* per edge: drawn with its phrase */
    size_t n_shown, n_edges, n_labeled;
    int phrase_nodes;       /* linking phrases as nodes (force-directed engines) */
    const char **dict;      /* names for line breaking */
    size_t n_dict;
    char **titles;          /* per vertex, then per edge: the <title> text (plain) */
} map;

/* The size (points) Graphviz will give vertex v's box, estimated from its label: CJK
 * characters are one em, others about half, lines 1.1 em plus the margins of the box. */
void render_estimate_box(const map *m, size_t v, double *w, double *h);

/* The radial layout of an ego map: the focus in the middle, each step out a ring (an
 * ellipse, wider than high, as slides are), concepts ordered by theme and, past the first
 * ring, next to the concept that leads to them; rings grown until no two boxes overlap.
 * Fills x[v], y[v] (points) for shown vertices. CKG_OK or CKG_ENOMEM. */
int render_radial(const map *m, double *x, double *y);


#endif
