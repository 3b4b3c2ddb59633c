/* render_internal.h — what the render_* files share: a growable string, the map being
 * drawn, and the steps render_map takes (render_content.c, render_labels.c,
 * render_legend.c, render_graphviz.c, render_radial.c). Not installed; the public API is
 * include/ckg/render.h. */
#ifndef CKG_RENDER_INTERNAL_H
#define CKG_RENDER_INTERNAL_H

#include "ckg/diff.h"
#include "ckg/graph.h"
#include "ckg/render.h"

#include <graphviz/cgraph.h>

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
    diff_result *diff;      /* a diff map: the two scopes, measured; g is their union */
    unsigned char *in;      /* a diff map, per vertex then per edge: RENDER_IN_A/B/BOTH */
} map;

/* The size (points) Graphviz will give vertex v's box, estimated from its label: CJK
 * characters are one em, others about half, lines 1.1 em plus the margins of the box. */
void render_estimate_box(const map *m, size_t v, double *w, double *h);

/* The radial layout of an ego map: the focus in the middle, each step out a ring (an
 * ellipse, wider than high, as slides are), concepts ordered by theme and, past the first
 * ring, next to the concept that leads to them; rings grown until no two boxes overlap.
 * Fills x[v], y[v] (points) for shown vertices. CKG_OK or CKG_ENOMEM. */
int render_radial(const map *m, double *x, double *y);

static inline const ckg_concept *render_concept_of(const map *m, size_t v)
{
    return &m->o->concepts[m->g->vertices[v].concept];
}

/* Is relation j drawn? Both ends shown, and in an ego map without ties, one step further
 * from the focus than the other. */
static inline int render_edge_shown(const map *m, size_t j)
{
    return m->drawn[j];
}

/* How a concept box or a relation is drawn: by theme and papers, or in a diff map by
 * membership. */
typedef struct render_look {
    const char *fill, *color; /* a box's fill and border; a relation's color (fill unused) */
    const char *style;        /* Graphviz style to set, or NULL to keep the default */
    double penwidth;          /* 0: keep the default */
    const char *cls;          /* appended to the class ("" or " diff-a" ...) */
} render_look;

/* ------------------------------------------------------------------ colors (render_graphviz.c) */

/* Okabe–Ito fill and border per theme, in ontology order (modulo RENDER_N_PALETTE). */
enum { RENDER_N_PALETTE = 7 };
extern const char *const render_palette[RENDER_N_PALETTE][2];
/* Edge colors and their legend swatches by the number of papers stating a relation (1, 2,
 * 3 or more). */
extern const char *const render_edge_colors[3];
extern const char *const render_edge_swatches[3];

/* ------------------------------------------------------------------ content (render_content.c) */

/* The concepts shown (opt's theme, focus and depth) and the relations drawn among them.
 * CKG_OK, CKG_ENOTFOUND (unknown theme, focus outside the scope) or CKG_EUSAGE (depth). */
int render_select_concepts(map *m, diag_list *diags);
/* m->measure[v]: the sizing centrality of the scope graph, as `ckg metrics` computes it. */
int render_size_measure(map *m, render_size_by by, diag_list *diags);
/* m->font[v] from m->measure, between small and large points. */
void render_size_nodes(map *m, double small, double large);
/* m->labeled[j]: which drawn relations carry their phrase (opt->edge_labels). */
int render_choose_labels(map *m);

/* ------------------------------------------------------------------ text (render_labels.c) */

/* m->dict: every zh name and alt of the ontology, for the line breaker. */
int render_build_dict(map *m);
/* The relation's linking phrase(s), zh or en, at most max_kinds of them, joined. */
void render_add_phrase(rbuf *b, const map *m, const graph_edge *e, int en, size_t max_kinds);
/* Vertex v's label as Graphviz HTML-like label text (escaped). */
int render_node_label(const map *m, size_t v, rbuf *b);
/* Width (em) and line count of text whose lines are joined by '\n'. */
void render_measure_lines(const char *lines, double *em, int *n);
/* The vertical margin (inches) of a box whose label has this font size. */
double render_node_margin_y(double font);
/* The plain-text <title> of vertex v and of edge j (malloc'd). CKG_OK or CKG_ENOMEM. */
int render_node_title(const map *m, size_t v, char **out);
int render_edge_title(const map *m, size_t j, char **out);
/* The first item of ev that counts in g's scope (for a section scope, the first tagged with
 * the section); NULL when none does. */
const ckg_evidence *render_scoped_evidence(const ckg_graph *g, int32_t paper,
                                          const ckg_evidences *ev);
/* The first evidence of concept c in g's scope, a mention's, else a relation's naming it,
 * and its paper; NULL when none. */
const ckg_evidence *render_first_evidence(const ckg_graph *g, int32_t c, const ckg_paper **paper);
/* Title pieces: "\n「quote」—— paper（author，year）"; the concept's names, theme and
 * definition; "from → to：phrase（en）". */
void render_add_quote(rbuf *b, const ckg_evidence *ev, const ckg_paper *p);
void render_add_concept_facts(rbuf *b, const ckg_ontology *o, const ckg_concept *c);
void render_add_relation_head(rbuf *b, const map *m, const graph_edge *e);

/* ------------------------------------------------------------------ legend (render_legend.c) */

/* The legend as an HTML-like table: title, scope, counts, themes and what the styles mean. */
void render_legend(rbuf *b, const map *m);

/* ------------------------------------------------------------------ Graphviz (render_graphviz.c) */

/* Engines that draw linking phrases as nodes of their own (neato, fdp, sfdp). */
int render_wants_phrase_nodes(const char *engine);
/* The cgraph graph of the map, for engine (x, y: pinned positions in points, or NULL).
 * CKG_OK or CKG_ENOMEM. */
int render_build_graph(const map *m, const char *engine, const double *x, const double *y,
                       Agraph_t **out);
/* Graphviz's SVG with each concept's, phrase's and relation's <title> text replaced by its
 * description (escaped). CKG_OK or CKG_ENOMEM. */
int render_put_titles(const map *m, const char *svg, size_t len, char **out, size_t *out_len);

/* ------------------------------------------------------------------ diff maps (render_diff.c) */

/* Measures and compares the two scopes of opt->diff (diff_compute), builds their union as
 * m->g and marks m->in. CKG_OK; CKG_EUSAGE (with --paper, or the same scope twice);
 * what diff_compute returns. */
int render_diff_prepare(map *m, diag_list *diags);
/* The look of vertex v and of edge j by membership. */
void render_diff_node_look(const map *m, size_t v, render_look *look);
void render_diff_edge_look(const map *m, size_t j, render_look *look);
/* The look of one membership, for the legend. */
void render_diff_look_of(int in, int edge, render_look *look);
/* Appends a scope's authors, title and year: 彭绪庶《…》（2024）. */
void render_diff_side_name(rbuf *b, const diff_side *s, int with_id);
/* Titles of a diff map: the concept's facts and, for each scope, its rank there and its
 * first quote; the relation and, for each scope that states it, its kinds and quotes. */
int render_diff_node_title(const map *m, size_t v, char **out);
int render_diff_edge_title(const map *m, size_t j, char **out);

#endif
