/* render_internal.h — what the files of src/render/ share. Not installed; the public API is
 * include/ckg/render.h.
 *
 * render_map runs a one-way pipeline. Each file uses only files of the stages above its own
 * (and of its own stage, above it in this list), and the style only through the table that
 * render_map puts in map.style:
 *
 *   base    escape.c      escaping for XML, HTML-like labels and DOT tooltips
 *           wrap.c        line breaking of concept names
 *           palette.c     the theme and edge colors
 *           options.c     render_options and the names the command line takes
 *           context.c     the Graphviz context and the errors Graphviz reports
 *   select  measure.c     the measure that sizes the boxes, and the font sizes
 *           select.c      the candidates, the top N shown, relations drawn, phrases carried
 *   text    label.c       box labels, linking phrases, box sizes, the line-break dictionary
 *           title.c       the pieces every <title> is made of
 *           legend.c      the legend's frame (the style fills its rows)
 *   style   style_theme.c the map of a scope: boxes by theme, arrows by papers
 *           style_diff.c  the map of two scopes: everything by which of the two has it
 *           style_atlas.c the atlas's map: either of them, its SVG for an HTML page
 *   layout  radial.c      ckg's own layout for ego maps
 *           layout.c      the cgraph graph for a Graphviz engine
 *           fit.c         a map arranged as a slide: the key beside it, 16:9
 *           positions.c   a graph's positions for other tools (GEXF), apart from any map
 *   draw    svg_titles.c  the <title> of each object put into Graphviz's SVG
 *           draw.c        laying out and writing the map: SVG, PNG, PDF or DOT, the one
 *                         switch on format; the size a map is drawn at
 *   driver  render.c      render_map: chooses the style, runs the stages, fits a slide
 *
 * A style (struct render_style) decides everything that differs between kinds of map: the
 * scope's graph, how a box and an arrow look, their titles, the legend's rows. The general
 * code asks the style and never which kind of map it draws; a new kind of map is one more
 * style file and one more line where render_map chooses (the atlas's map takes the look of
 * the map it is drawn from, so its style is a copy of that one with its own hooks set).
 * tools/depcycles.py (`make test`) fails on any file-level dependency cycle in the
 * library. */
#ifndef CKG_RENDER_INTERNAL_H
#define CKG_RENDER_INTERNAL_H

#include "ckg/diag.h"
#include "ckg/graph.h"
#include "ckg/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "util/strbuf.h"

#include <stdarg.h>
#include <stddef.h>

/* ================================================================== base */

/* ------------------------------------------------------------------ escape.c */

/* Appends s escaped as render_escape_xml does. */
void render_put_xml(strbuf *b, const char *s, int keep_newlines);
/* Appends s escaped for a Graphviz HTML-like label: as render_put_xml, and also backslashes as
 * entities (Graphviz would expand \N, \G...) and "&" before entity-like text marked so
 * that Graphviz does not turn it back into an entity. */
void render_put_label(strbuf *b, const char *s);
/* Appends s as the value of a DOT tooltip: controls dropped, newlines kept, so that Graphviz
 * writes exactly s into the SVG (backslashes and entity-like text survive). */
void render_put_tooltip(strbuf *b, const char *s);
/* A copy of s without control characters and XML non-characters (tabs and line breaks
 * become spaces, but '\n' when keep_newlines); NULL when out of memory. For text that is
 * measured or wrapped before it is escaped, and for DOT tooltips. */
char *render_clean_text(const char *s, int keep_newlines);

/* ------------------------------------------------------------------ palette.c */

/* Okabe–Ito fill and border per theme, in ontology order (modulo RENDER_N_PALETTE); other
 * styles take their colors by name. */
enum { RENDER_N_PALETTE = 7 };
enum { RENDER_ORANGE, RENDER_SKY_BLUE, RENDER_GREEN, RENDER_YELLOW, RENDER_PURPLE,
       RENDER_VERMILLION, RENDER_BLUE };
extern const char *const render_palette[RENDER_N_PALETTE][2];
/* Edge colors and their legend swatches by the number of papers stating a relation (1, 2,
 * 3 or more). */
extern const char *const render_edge_colors[3];
extern const char *const render_edge_swatches[3];

/* ------------------------------------------------------------------ options.c */

/* The Graphviz layout engines a map can be drawn with (besides ckg's own "radial"), which
 * render_context_new requires. */
enum { RENDER_N_ENGINES = 6 };
extern const char *const render_engines[RENDER_N_ENGINES];

/* ------------------------------------------------------------------ context.c */

struct render_context {
    GVC_t *gvc;
};

/* Graphviz reports through agerr, which prints to stderr unless given a function; the
 * library never prints, so its messages are kept from render_gv_errors_reset on and
 * render_gv_errors_report turns them into one diagnostic: "Graphviz could not WHAT: ...". */
void render_gv_errors_reset(void);
void render_gv_errors_report(diag_list *diags, const char *what);
/* Lays ag out with engine, the C library's generator seeded (srand(1)) as in a fresh
 * process, so every layout of the same graph in a process is the same. CKG_OK, or
 * CKG_EINVALID with "Graphviz could not WHAT: ...". */
int render_layout(render_context *ctx, Agraph_t *ag, const char *engine, diag_list *diags,
                  const char *what);

/* ================================================================== the map */

typedef struct render_style render_style;

/* A map being drawn: the scope's graph and what render_map decided about each vertex and
 * edge. */
typedef struct map {
    const ckg_ontology *o;
    const render_options *opt;
    const render_style *style; /* chosen once, by render_map */
    void *style_data;          /* what the style keeps for itself (its scope fills it) */
    ckg_graph *g;
    unsigned char *candidate; /* per vertex: what the scope and filters leave */
    int32_t *order;         /* the candidates, in the order they are taken (select.c) */
    size_t n_candidates;
    unsigned char *eligible; /* per edge: what the filters leave (between candidates) */
    unsigned char *shown;   /* per vertex */
    double *measure;        /* per vertex: the size measure */
    double *font;           /* per vertex: label font size */
    int32_t *dist;          /* per vertex: steps from the focus (-1: beyond), 0 without one */
    unsigned char *drawn;   /* per edge: drawn */
    unsigned char *labeled; /* per edge: drawn with its phrase */
    size_t n_shown, n_edges, n_labeled;
    int phrase_nodes;       /* linking phrases as nodes (force-directed engines) */
    int key_beside;         /* the key a node left of the map, the header the graph's label
                             * (arranged maps, fit.c); else the whole legend above */
    double phrase_font;     /* points, of every linking phrase */
    const char **dict;      /* names for line breaking */
    size_t n_dict;
    char **titles;          /* per vertex, then per edge: the <title> text (plain) */
} map;

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

/* ================================================================== select */

/* ------------------------------------------------------------------ measure.c */

/* m->measure[v]: the size measure of the scope graph: RENDER_SIZE_RELATIONS
 * (render_relations_measure), or a centrality as `ckg metrics` computes it. */
int render_size_measure(map *m, render_size_by by, diag_list *diags);
/* m->font[v] from m->measure, between small and large points. */
void render_size_nodes(map *m, double small, double large);

/* ------------------------------------------------------------------ select.c */

/* The candidates (opt's theme, focus and depth, hidden concepts, minimum of papers) in
 * the order they are taken, and the relations the filters leave. CKG_OK, CKG_ENOTFOUND
 * (unknown theme, focus outside the scope), CKG_EUSAGE (depth, a hidden focus) or
 * CKG_ENOMEM. */
int render_select_concepts(map *m, diag_list *diags);
/* The first n candidates shown (all of them when n is larger), and the relations drawn
 * among them. The first as_they_come are taken in their order; after them, a concept only
 * once a concept it has a relation with is taken (SIZE_MAX: every one in its order). In an
 * ego map of depth 2 or more, a concept only once one a step nearer the focus that leads
 * to it is. */
void render_select_top(map *m, size_t n, size_t as_they_come);
/* m->labeled[j]: which drawn relations carry their phrase (opt->edge_labels), from
 * m->measure. CKG_OK or CKG_ENOMEM. */
int render_choose_labels(map *m);

/* ================================================================== text */

/* ------------------------------------------------------------------ label.c */

/* m->dict: every zh name and alt of the ontology, for the line breaker. */
int render_build_dict(map *m);
/* The relation's linking phrase(s), zh or en, at most max_kinds of them, joined. */
void render_add_phrase(strbuf *b, const map *m, const graph_edge *e, int en, size_t max_kinds);
/* The size (points) of the smallest line of vertex v's label: its English line under the
 * Chinese one (RENDER_LANG_BOTH), else its font. */
double render_label_smallest_font(const map *m, size_t v);
/* Vertex v's label as Graphviz HTML-like label text (escaped). */
int render_node_label(const map *m, size_t v, strbuf *b);
/* Width (em) and line count of text whose lines are joined by '\n'. */
void render_measure_lines(const char *lines, double *em, int *n);
/* The vertical margin (inches) of a box whose label has this font size. */
double render_node_margin_y(double font);
/* The size (points) Graphviz will give vertex v's box, estimated from its label: CJK
 * characters are one em, others about half, lines 1.1 em plus the margins of the box. */
void render_estimate_box(const map *m, size_t v, double *w, double *h);

/* ------------------------------------------------------------------ title.c */

/* The first item of ev that counts in g's scope (for a section scope, the first tagged with
 * the section); NULL when none does. */
const ckg_evidence *render_scoped_evidence(const ckg_graph *g, int32_t paper,
                                          const ckg_evidences *ev);
/* The first evidence of concept c in g's scope, a mention's, else a relation's naming it,
 * and its paper; NULL when none. */
const ckg_evidence *render_first_evidence(const ckg_graph *g, int32_t c, const ckg_paper **paper);
/* Title pieces: "\n「quote」—— paper（author，year）"; the concept's names, theme and
 * definition; "from → to：phrase（en）"; paper ids joined by ", ". */
void render_add_quote(strbuf *b, const ckg_evidence *ev, const ckg_paper *p);
void render_add_concept_facts(strbuf *b, const ckg_ontology *o, const ckg_concept *c);
void render_add_relation_head(strbuf *b, const map *m, const graph_edge *e);
void render_add_papers(strbuf *b, const ckg_ontology *o, const int32_t *papers, size_t n);

/* ------------------------------------------------------------------ legend.c */

/* The legend as HTML-like tables. The header: title, scope, the style's head rows, the
 * counts (how many of how many concepts, and how to see the rest). The key: the style's
 * key of the boxes, what size, arrows and phrases mean (one column when m->key_beside,
 * else two). render_legend: the header over the key, for the graph's label. */
void render_legend_header(strbuf *b, const map *m);
void render_legend_key(strbuf *b, const map *m);
void render_legend(strbuf *b, const map *m);

/* Legend pieces for the styles' rows: text in the map's language (zh, en, or zh and en),
 * escaped as a label; the start of a left-aligned row of a key. */
static inline void render_legend_text(strbuf *b, render_lang lang, const char *zh, const char *en)
{
    if (lang == RENDER_LANG_EN) {
        render_put_label(b, en);
    } else {
        render_put_label(b, zh);
        if (lang == RENDER_LANG_BOTH && en) {
            strbuf_puts(b, "  ");
            render_put_label(b, en);
        }
    }
}

static inline void render_legend_row(strbuf *b)
{
    strbuf_puts(b, "<TR><TD ALIGN=\"LEFT\">");
}

/* ================================================================== style */

/* How a concept box or a relation is drawn. */
typedef struct render_look {
    const char *fill, *color; /* a box's fill and border; a relation's color (fill unused) */
    const char *style;        /* Graphviz style to set, or NULL to keep the default */
    double penwidth;          /* 0: keep the default */
    const char *cls;          /* appended to the class ("" or " diff-a" ...) */
} render_look;

/* A kind of map: the functions (and words) in which one kind differs from another. Hooks
 * marked "may be NULL" are skipped when NULL. Every text a hook appends to a legend is
 * escaped there (render_put_label, render_legend_text); titles are plain text. */
struct render_style {
    /* The scope's graph as m->g, from m->opt, and what the style keeps in m->style_data.
     * CKG_OK, or an error with a diagnostic. */
    int (*scope)(map *m, diag_list *diags);
    /* Frees m->style_data; called after m->g is freed. May be NULL. */
    void (*release)(map *m);
    /* The look of box v and of relation j. */
    void (*node_look)(const map *m, size_t v, render_look *look);
    void (*edge_look)(const map *m, size_t j, render_look *look);
    /* The plain-text <title> of box v and of relation j (malloc'd). CKG_OK or CKG_ENOMEM. */
    int (*node_title)(const map *m, size_t v, char **out);
    int (*edge_title)(const map *m, size_t j, char **out);
    /* The legend: its title; the scope after the focus and theme (plain text, into t);
     * rows under the scope line (may be NULL); the key of the boxes (the left column); the
     * key of the arrows, under the size line (may be NULL); where the sizing centrality
     * is computed, for the size line ("" for the scope itself); the hover hint. */
    const char *title_zh, *title_en;
    void (*legend_scope)(strbuf *t, const map *m);
    void (*legend_head_rows)(strbuf *b, const map *m);
    void (*legend_box_key)(strbuf *b, const map *m);
    void (*legend_arrow_key)(strbuf *b, const map *m);
    const char *size_where_zh, *size_where_en;
    const char *hover_zh, *hover_en;
    /* What the caller's summary says beyond the concepts and counts. May be NULL. */
    int (*summarize)(const map *m, render_summary *summary);
    /* Where the SVG goes. NULL: a file of its own, each concept, phrase and relation a
     * <g id="..."> as Graphviz writes it. Otherwise the SVG goes inside an HTML page:
     * render_put_titles writes it without XML prolog, DOCTYPE, comments, ids and
     * font-family attributes, and in place of its id each object's <g> gets what
     * page_names appends (" data-concept=\"ID\"") for object: a vertex v, or n_vertices + j
     * for relation j (its edge, the halves of its path and its phrase). */
    void (*page_names)(strbuf *b, const map *m, size_t object);
};

extern const render_style render_style_theme; /* style_theme.c */
extern const render_style render_style_diff;  /* style_diff.c */

/* ------------------------------------------------------------------ style_atlas.c */

/* The atlas's map drawn with look's scope, looks, titles and legend (the theme's or the
 * diff's style), its SVG for the page (page_names): built in *out, which is returned. */
const render_style *render_style_atlas(const render_style *look, render_style *out);

/* ================================================================== layout */

/* ------------------------------------------------------------------ radial.c */

/* The radial layout of an ego map: the focus in the middle, each step out a ring (an
 * ellipse, wider than high, as slides are), concepts ordered by theme and, past the first
 * ring, next to the concept that leads to them; rings grown until no two boxes overlap;
 * each phrase on its spoke next to the outer concept. Fills x, y (points) as
 * render_build_graph takes them, for shown vertices and labeled relations. CKG_OK or
 * CKG_ENOMEM. */
int render_radial(const map *m, double *x, double *y);

/* ------------------------------------------------------------------ layout.c */

/* The margin Graphviz leaves round a drawing (its "pad"), as text (inches) and in points;
 * the name of the key's node (no concept id starts with '_'). */
#define RENDER_PAD_TEXT "0.3"
#define RENDER_PAD (0.3 * 72)
#define RENDER_KEY_NODE "_key"

/* Engines that draw linking phrases as nodes of their own (neato, fdp, sfdp). */
int render_wants_phrase_nodes(const char *engine);
/* The cgraph graph of the map for engine. x, y: NULL, or pinned positions in points, of
 * vertex v at [v], of relation j's phrase node at [n_vertices + j] and of the key at
 * [n_vertices + n_edges]; Graphviz then only draws (neato with every node pinned). legend:
 * with the legend (above the map, or the header above and the key beside it), or without
 * (a layout to take positions from). With tooltips, each object's title as its DOT
 * tooltip. CKG_OK or CKG_ENOMEM. */
int render_build_graph(const map *m, const char *engine, const double *x, const double *y,
                       int legend, int tooltips, Agraph_t **out);

/* ------------------------------------------------------------------ fit.c */

/* The map arranged as a slide: laid out by engine (a force-directed one; for "radial", x
 * and y already hold its concepts' positions), the key at the left, the map stretched
 * along its short side to the slide's aspect. Fills x, y as render_build_graph takes them
 * (every node of the map and the key). CKG_OK, CKG_EINVALID (Graphviz failed, with a
 * diagnostic) or CKG_ENOMEM. */
int render_arrange(render_context *ctx, const map *m, const char *engine, double *x, double *y,
                   diag_list *diags);

/* ================================================================== draw */

/* ------------------------------------------------------------------ svg_titles.c */

/* Graphviz's SVG with each concept's, phrase's and relation's <title> text replaced by its
 * description (escaped); for a page (the style's page_names), also without what a page
 * does not need, and each object named by data attributes. CKG_OK or CKG_ENOMEM. */
int render_put_titles(const map *m, const char *svg, size_t len, char **out, size_t *out_len);

/* ------------------------------------------------------------------ draw.c */

/* Does the format carry the titles as DOT tooltips (the DOT text), rather than have them
 * put in after Graphviz has drawn (SVG)? */
int render_format_wants_tooltips(render_format format);
/* The size (points, with the pad) Graphviz draws the built graph at, laid out by engine
 * as render_draw lays it out. CKG_OK, CKG_EINVALID (with a diagnostic) or CKG_ENOMEM. */
int render_measure(render_context *ctx, Agraph_t *built, const char *engine, diag_list *diags,
                   double *w, double *h);
/* The map built as ag, in m->opt->format: laid out by engine (a Graphviz engine) and drawn
 * (SVG, PNG, PDF), or the DOT text to lay out. CKG_OK, CKG_EINVALID (Graphviz failed; a
 * diagnostic says why), CKG_EUSAGE (a PNG too large at the dpi asked for) or CKG_ENOMEM. */
int render_draw(render_context *ctx, const map *m, Agraph_t *ag, const char *engine,
                diag_list *diags, char **out, size_t *len);

#endif
