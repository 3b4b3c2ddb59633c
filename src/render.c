/* render.c — concept maps through libgvc/libcgraph, in-process.
 *
 * render_map: the analysis graph of the scope (graph_build), the concepts the map shows
 * (a theme, or the ego neighbourhood of a focus), node sizes from a centrality of the scope
 * graph, then a cgraph graph built in memory in a fixed order, laid out with gvLayout and
 * rendered with gvRenderData. Graphviz writes <title>NAME</title> in each node and edge
 * group; the SVG is then passed over once to put the concept's or relation's description in
 * its place (Graphviz would otherwise put tooltips in <a xlink:title>, which browsers show
 * less reliably and which duplicates the text).
 *
 * Labels are HTML-like labels built from escaped text, in the font stack RENDER_FONT_STACK
 * whose first family pango measures with, so the box Graphviz computes is the box a browser
 * draws. With dot, twopi and circo a relation carries its linking phrase as an edge label;
 * with the force-directed engines (neato, fdp, sfdp), which place labels without regard to
 * anything else, the phrase is a small node of its own on the relation's path, so overlap
 * removal keeps it off the concepts (drawn only, never counted: the map's concepts are the
 * nodes of class "concept"). The radial layout (render_radial.c) pins every concept and
 * puts each phrase on its spoke next to the outer concept.
 *
 * Determinism: nodes and edges are created in vertex and edge order of the graph, seeds are
 * fixed (start=1), and nothing depends on time or addresses; Graphviz 2.42's fdp is the one
 * engine that still varies from run to run. */
#include "render_internal.h"

#include "ckg/metrics.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "ckg/text.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct render_context {
    GVC_t *gvc;
};

/* ------------------------------------------------------------------ options */

static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};

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
    for (size_t i = 0; name && i < sizeof engines / sizeof *engines; i++) {
        if (strcmp(name, engines[i]) == 0)
            return engines[i];
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

/* ------------------------------------------------------------------ Graphviz errors */

/* Graphviz reports through agerr, which prints to stderr unless given a function; the
 * library never prints, so messages are kept here and turned into diagnostics. */
static rbuf gv_errors;

static int keep_gv_error(char *msg)
{
    rbuf_puts(&gv_errors, msg);
    return 0;
}

static void gv_errors_reset(void)
{
    rbuf_free(&gv_errors);
    agseterr(AGERR);
    agseterrf(keep_gv_error);
}

static void gv_errors_report(diag_list *diags, const char *what)
{
    const char *msg = gv_errors.s && gv_errors.len ? gv_errors.s : "no reason given";
    size_t len = strlen(msg);
    while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        len--;
    diag_add(diags, DIAG_ERROR, NULL, "Graphviz could not %s: %.*s", what, (int)len, msg);
}

/* ------------------------------------------------------------------ context */

/* Lays a one-node graph out and looks at how its label was measured: the pango plugin
 * leaves its layout on each text span (free_layout), the estimate from built-in Latin
 * metrics does not. */
static int pango_measures_text(GVC_t *gvc)
{
    int ok = 0;
    Agraph_t *g = agopen("probe", Agdirected, NULL);
    if (!g)
        return 0;
    Agnode_t *n = agnode(g, "probe", 1);
    agsafeset(n, "label", "新质生产力", "");
    agsafeset(n, "fontname", RENDER_FONT_STACK, "");
    if (n && gvLayout(gvc, g, "neato") == 0) {
        textlabel_t *l = ND_label(n);
        ok = l && !l->html && l->u.txt.nspans > 0 && l->u.txt.span[0].free_layout != NULL;
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    return ok;
}

int render_context_new(diag_list *diags, render_context **out)
{
    *out = NULL;
    render_context *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return CKG_ENOMEM;
    gv_errors_reset();
    if (!(ctx->gvc = gvContext())) {
        free(ctx);
        return CKG_ENOMEM;
    }
    int n = 0;
    char **layouts = gvPluginList(ctx->gvc, "layout", &n, NULL);
    int missing = 0;
    for (size_t e = 0; e < sizeof engines / sizeof *engines; e++) {
        int found = 0;
        for (int i = 0; i < n; i++)
            found |= strcmp(layouts[i], engines[e]) == 0;
        if (!found) {
            diag_add(diags, DIAG_ERROR, NULL,
                     "Graphviz has no '%s' layout engine (is its plugin configuration, "
                     "'dot -c', up to date?)", engines[e]);
            missing = 1;
        }
    }
    for (int i = 0; i < n; i++)
        free(layouts[i]);
    free(layouts);
    if (!missing && !pango_measures_text(ctx->gvc)) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "Graphviz did not load its pango text layout plugin (libgvplugin_pango): "
                 "without it CJK labels are mis-measured and overflow their boxes; install "
                 "Graphviz with its pango plugin and run 'dot -c' as root");
        missing = 1;
    }
    if (missing) {
        render_context_free(ctx);
        return CKG_EINVALID;
    }
    *out = ctx;
    return CKG_OK;
}

void render_context_free(render_context *ctx)
{
    if (!ctx)
        return;
    if (ctx->gvc)
        gvFreeContext(ctx->gvc);
    rbuf_free(&gv_errors);
    free(ctx);
}

/* ------------------------------------------------------------------ the map's content */

/* Okabe–Ito colors, distinct for the common color-vision deficiencies, all legible under
 * black text; themes take them in ontology order. */
static const char *const palette[][2] = {
    /* fill, border */
    {"#E69F00", "#8A5F00"}, /* orange */
    {"#56B4E9", "#1F6E9C"}, /* sky blue */
    {"#009E73", "#005C43"}, /* bluish green */
    {"#F0E442", "#8F8622"}, /* yellow */
    {"#CC79A7", "#8A3E68"}, /* reddish purple */
    {"#D55E00", "#7F3800"}, /* vermillion */
    {"#0072B2", "#00436A"}, /* blue */
};
enum { N_PALETTE = sizeof palette / sizeof *palette };

/* Width and color by the number of papers stating the relation (1, 2, 3 or more): what
 * several papers agree on stands out, a single paper's claim stays in the background. */
static const char *const edge_colors[] = {"#8C8C8CA6", "#4D4D4DD9", "#1A1A1AE6"};
static const char *const edge_swatches[] = {"#ADADAD", "#5E5E5E", "#1A1A1A"};



/* Is relation j drawn? Both ends shown, and in an ego map without ties, one step further
 * from the focus than the other. */
static int edge_shown(const map *m, size_t j)
{
    return m->drawn[j];
}

static int select_concepts(map *m, diag_list *diags)
{
    const render_options *opt = m->opt;
    ckg_graph *g = m->g;
    const ckg_ontology *o = m->o;
    int32_t theme = -1;
    if (opt->theme) {
        theme = strmap_get(&o->theme_by_id, opt->theme);
        if (theme < 0) {
            diag_add(diags, DIAG_ERROR, NULL, "unknown theme '%s'", opt->theme);
            return CKG_ENOTFOUND;
        }
    }
    for (size_t v = 0; v < g->n_vertices; v++)
        m->dist[v] = opt->focus >= 0 ? -1 : 0;
    if (opt->focus >= 0) {
        if (opt->depth < 1) {
            diag_add(diags, DIAG_ERROR, NULL, "the depth of an ego map must be at least 1");
            return CKG_EUSAGE;
        }
        int32_t f = (size_t)opt->focus < o->n_concepts ? g->vertex_of[opt->focus] : -1;
        if (f < 0) {
            char scope[256];
            diag_add(diags, DIAG_ERROR, NULL, "concept '%s' is not in scope '%s'",
                     (size_t)opt->focus < o->n_concepts ? o->concepts[opt->focus].id.s : "?",
                     graph_scope_name(g, scope, sizeof scope));
            return CKG_ENOTFOUND;
        }
        /* Breadth-first over relations in either direction, one ring per step. */
        m->dist[f] = 0;
        for (int d = 0; d < opt->depth; d++) {
            int grew = 0;
            for (size_t j = 0; j < g->n_edges; j++) {
                const graph_edge *e = &g->edges[j];
                if (m->dist[e->from] == d && m->dist[e->to] < 0)
                    m->dist[e->to] = d + 1, grew = 1;
                else if (m->dist[e->to] == d && m->dist[e->from] < 0)
                    m->dist[e->from] = d + 1, grew = 1;
            }
            if (!grew)
                break;
        }
    }
    for (size_t v = 0; v < g->n_vertices; v++) {
        const ckg_concept *c = &o->concepts[g->vertices[v].concept];
        m->shown[v] = m->dist[v] >= 0 &&
                      (theme < 0 || c->theme_index == theme || g->vertices[v].concept == opt->focus);
        m->n_shown += m->shown[v];
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        int32_t step = m->dist[e->from] - m->dist[e->to];
        m->drawn[j] = m->shown[e->from] && m->shown[e->to] &&
                      (opt->focus < 0 || opt->ego_ties || step == 1 || step == -1);
        m->n_edges += m->drawn[j];
    }
    return CKG_OK;
}

/* Font sizes from the sizing measure: the square root of the value's place between the
 * smallest and largest shown, so one dominant concept does not flatten all others. */
static void size_nodes(map *m, double small, double large)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        if (!m->shown[v])
            continue;
        lo = fmin(lo, m->measure[v]);
        hi = fmax(hi, m->measure[v]);
    }
    for (size_t v = 0; v < m->g->n_vertices; v++) {
        double t = hi > lo ? (m->measure[v] - lo) / (hi - lo) : 0;
        m->font[v] = round((small + (large - small) * sqrt(t)) * 2) / 2;
    }
}

/* The K most central concepts shown, by the sizing measure (ties: ontology order). */
typedef struct ranked {
    double measure;
    int32_t v;
} ranked;

static int compare_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->measure != b->measure)
        return a->measure > b->measure ? -1 : 1;
    return a->v < b->v ? -1 : a->v > b->v;
}

enum { AUTO_LABEL_TOP = 24 };

static int choose_labels(map *m)
{
    const ckg_graph *g = m->g;
    unsigned char *top = calloc(g->n_vertices ? g->n_vertices : 1, 1);
    ranked *order = malloc((g->n_vertices ? g->n_vertices : 1) * sizeof *order);
    if (!top || !order) {
        free(top);
        free(order);
        return CKG_ENOMEM;
    }
    size_t k = 0;
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (m->shown[v])
            order[k++] = (ranked){m->measure[v], (int32_t)v};
    }
    qsort(order, k, sizeof *order, compare_ranked);
    for (size_t i = 0; i < k && i < AUTO_LABEL_TOP; i++)
        top[order[i].v] = 1;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        int on = 0;
        if (edge_shown(m, j)) {
            switch (m->opt->edge_labels) {
            case RENDER_EDGE_LABELS_ALL: on = 1; break;
            case RENDER_EDGE_LABELS_NONE: on = 0; break;
            case RENDER_EDGE_LABELS_AUTO:
                on = m->n_edges <= RENDER_AUTO_LABEL_EDGES || (top[e->from] && top[e->to]) ||
                     e->n_papers > 1;
                break;
            }
        }
        m->labeled[j] = (unsigned char)on;
        m->n_labeled += (size_t)on;
    }
    free(top);
    free(order);
    return CKG_OK;
}

/* ------------------------------------------------------------------ text of the map */

static const ckg_concept *concept_of(const map *m, size_t v)
{
    return &m->o->concepts[m->g->vertices[v].concept];
}

/* The relation's linking phrase(s), zh or en, joined. */
static void add_phrase(rbuf *b, const map *m, const graph_edge *e, int en, size_t max_kinds)
{
    for (size_t k = 0; k < e->n_kinds; k++) {
        const ckg_kind *kind = &m->o->kinds[e->kinds[k]];
        if (k == max_kinds) {
            rbuf_puts(b, en ? ", …" : "等");
            break;
        }
        if (k)
            rbuf_puts(b, en ? ", " : "、");
        rbuf_puts(b, en ? kind->en.s : kind->zh.s);
    }
}

/* Appends lines (joined by '\n') escaped, with <BR/> between them. */
static void add_lines_html(rbuf *b, const char *lines)
{
    const char *p = lines;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = strndup(p, len);
        if (!line) {
            b->oom = 1;
            return;
        }
        rbuf_label(b, line);
        free(line);
        if (!nl)
            break;
        rbuf_puts(b, "<BR/>");
        p = nl + 1;
    }
}

enum { WRAP_ZH = 7, WRAP_EN = 18 };

/* The label's lines: zh and/or en, each wrapped (joined by '\n'); NULL when not shown. */
static int label_lines(const map *m, size_t v, char **zh, char **en)
{
    const ckg_concept *c = concept_of(m, v);
    render_lang lang = m->opt->lang;
    char *czh = render_clean_text(c->zh.s, 0), *cen = render_clean_text(c->en.s, 0);
    int rc = CKG_ENOMEM;
    *zh = *en = NULL;
    if (!czh || !cen)
        goto out;
    if (lang != RENDER_LANG_EN && render_wrap_zh(czh, WRAP_ZH, m->dict, m->n_dict, zh) != CKG_OK)
        goto out;
    if (lang != RENDER_LANG_ZH && render_wrap_words(cen, WRAP_EN, en) != CKG_OK) {
        free(*zh);
        *zh = NULL;
        goto out;
    }
    rc = CKG_OK;
out:
    free(czh);
    free(cen);
    return rc;
}

static double en_font(double font)
{
    return fmax(8, round(font * 0.62 * 2) / 2);
}

static int node_label(const map *m, size_t v, rbuf *b)
{
    char *zh, *en;
    if (label_lines(m, v, &zh, &en) != CKG_OK)
        return CKG_ENOMEM;
    if (zh)
        add_lines_html(b, zh);
    if (zh && en) {
        rbuf_printf(b, "<BR/><FONT POINT-SIZE=\"%.1f\">", en_font(m->font[v]));
        add_lines_html(b, en);
        rbuf_puts(b, "</FONT>");
    } else if (en) {
        add_lines_html(b, en);
    }
    free(zh);
    free(en);
    return b->oom ? CKG_ENOMEM : CKG_OK;
}

/* Width (em) and line count of wrapped text: CJK one em, other characters about half. */
static void measure_lines(const char *lines, double *em, int *n)
{
    *em = 0;
    *n = 0;
    const char *p = lines;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        double w = (double)text_width(p, len) * 0.5;
        /* Latin letters run a little wider than half an em in this font */
        for (size_t i = 0; i < len; i++)
            w += (unsigned char)p[i] < 0x80 ? 0.06 : 0;
        *em = fmax(*em, w);
        (*n)++;
        p = nl ? nl + 1 : NULL;
    }
}

/* The vertical margin (inches) a box needs for the browser's text box of its first line.
 * Graphviz gives a line 1.1 em; a browser's text box in this font is 1.45 em, the baseline
 * placed so that it reaches 0.91 em above the line's middle: 0.36 em past Graphviz's line
 * box on top (and less at the bottom); 0.38 em and 2 pt leave room for rounding at every
 * font size the maps use. The margin is the same on both sides, so the text stays in the
 * middle of its box. */
static double node_margin_y(double font)
{
    return (0.38 * font + 2.0) / 72;
}

void render_estimate_box(const map *m, size_t v, double *w, double *h)
{
    char *zh = NULL, *en = NULL;
    double font = m->font[v], em_zh = 0, em_en = 0;
    int n_zh = 0, n_en = 0;
    if (label_lines(m, v, &zh, &en) == CKG_OK) {
        measure_lines(zh, &em_zh, &n_zh);
        measure_lines(en, &em_en, &n_en);
    }
    double small = zh ? en_font(font) : font;
    free(zh);
    free(en);
    /* margins 0.09 x 0.045 inch on each side, pen 1.2 */
    *w = fmax(em_zh * font, em_en * small) + 2 * 0.09 * 72 + 2;
    *h = n_zh * 1.1 * font + n_en * 1.1 * small + 2 * 72 * node_margin_y(font) + 2;
}

/* The first evidence of concept c in scope: a mention's, else a relation's naming it. */
static const ckg_evidence *first_evidence(const map *m, int32_t c, const ckg_paper **paper)
{
    const ckg_ontology *o = m->o;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t pi = 0; pi < o->n_papers; pi++) {
            if (m->g->paper >= 0 && (int32_t)pi != m->g->paper)
                continue;
            const ckg_paper *p = &o->papers[pi];
            *paper = p;
            if (pass == 0) {
                for (size_t i = 0; i < p->n_mentions; i++) {
                    const ckg_mention *mn = &p->mentions[i];
                    if (mn->concept_index == c && mn->evidence.n)
                        return &mn->evidence.items[0];
                }
            } else {
                for (size_t i = 0; i < p->n_relations; i++) {
                    const ckg_relation *r = &p->relations[i];
                    if ((r->from_index == c || r->to_index == c) && r->evidence.n)
                        return &r->evidence.items[0];
                }
            }
        }
    }
    *paper = NULL;
    return NULL;
}

static void add_papers(rbuf *b, const ckg_ontology *o, const int32_t *papers, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            rbuf_puts(b, ", ");
        rbuf_puts(b, o->papers[papers[i]].id.s);
    }
}

static void add_quote(rbuf *b, const ckg_evidence *ev, const ckg_paper *p)
{
    if (!ev || !ev->quote.s)
        return;
    rbuf_printf(b, "\n「%s」—— %s", ev->quote.s, p ? p->id.s : "");
    if (p && p->authors.n)
        rbuf_printf(b, "（%s，%d）", p->authors.items[0].s ? p->authors.items[0].s : "", p->year);
}

static int node_title(const map *m, size_t v, char **out)
{
    const ckg_concept *c = concept_of(m, v);
    const graph_vertex *gv = &m->g->vertices[v];
    rbuf b = {0};
    rbuf_printf(&b, "%s（%s）", c->zh.s, c->en.s);
    if (c->theme_index >= 0) {
        const ckg_theme *t = &m->o->themes[c->theme_index];
        rbuf_printf(&b, "\n主题 theme：%s（%s）", t->zh.s, t->en.s);
    }
    if (c->definition_zh.s)
        rbuf_printf(&b, "\n定义：%s", c->definition_zh.s);
    if (c->definition_en.s)
        rbuf_printf(&b, "\nDefinition: %s", c->definition_en.s);
    const ckg_paper *p = NULL;
    const ckg_evidence *ev = first_evidence(m, gv->concept, &p);
    add_quote(&b, ev, p);
    if (gv->n_papers) {
        rbuf_printf(&b, "\n论文 papers（%zu）：", gv->n_papers);
        add_papers(&b, m->o, gv->papers, gv->n_papers);
    }
    rbuf_printf(&b, "\nid: %s", c->id.s);
    if (b.oom) {
        rbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}

static int edge_title(const map *m, const graph_edge *e, char **out)
{
    const ckg_concept *from = concept_of(m, (size_t)e->from), *to = concept_of(m, (size_t)e->to);
    rbuf b = {0};
    rbuf_printf(&b, "%s → %s：", from->zh.s, to->zh.s);
    add_phrase(&b, m, e, 0, (size_t)-1);
    rbuf_puts(&b, "（");
    rbuf_puts(&b, from->en.s);
    rbuf_puts(&b, " ");
    add_phrase(&b, m, e, 1, (size_t)-1);
    rbuf_puts(&b, " ");
    rbuf_puts(&b, to->en.s);
    rbuf_puts(&b, "）");
    if (e->first && e->first->evidence.n)
        add_quote(&b, &e->first->evidence.items[0], &m->o->papers[e->first_paper]);
    rbuf_printf(&b, "\n论文 papers（%zu）：", e->n_papers);
    add_papers(&b, m->o, e->papers, e->n_papers);
    if (b.oom) {
        rbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}

/* ------------------------------------------------------------------ legend */

static void legend_text(rbuf *b, render_lang lang, const char *zh, const char *en)
{
    if (lang == RENDER_LANG_EN) {
        rbuf_label(b, en);
    } else {
        rbuf_label(b, zh);
        if (lang == RENDER_LANG_BOTH && en) {
            rbuf_puts(b, "  ");
            rbuf_label(b, en);
        }
    }
}

static void legend_scope(rbuf *b, const map *m)
{
    const ckg_ontology *o = m->o;
    const render_options *opt = m->opt;
    render_lang lang = opt->lang;
    rbuf t = {0};
    if (opt->focus >= 0) {
        const ckg_concept *c = &o->concepts[opt->focus];
        rbuf_printf(&t, lang == RENDER_LANG_EN ? "Around “%s”, %d step%s: " : "「%s」及其 %d 步以内的关系：",
                    lang == RENDER_LANG_EN ? c->en.s : c->zh.s, opt->depth,
                    opt->depth == 1 ? "" : "s");
    }
    if (opt->theme) {
        const ckg_theme *th = &o->themes[strmap_get(&o->theme_by_id, opt->theme)];
        rbuf_printf(&t, lang == RENDER_LANG_EN ? "theme “%s”, " : "主题「%s」，",
                    lang == RENDER_LANG_EN ? th->en.s : th->zh.s);
    }
    if (m->g->paper < 0) {
        rbuf_printf(&t, lang == RENDER_LANG_EN ? "all %zu papers" : "全部 %zu 篇论文", o->n_papers);
    } else {
        const ckg_paper *p = &o->papers[m->g->paper];
        rbuf_printf(&t, "《%s》", p->title.s ? p->title.s : p->id.s);
        for (size_t i = 0; i < p->authors.n; i++)
            rbuf_printf(&t, "%s%s", i ? "、" : " ", p->authors.items[i].s);
        if (p->year)
            rbuf_printf(&t, "（%d）", p->year);
        if (m->g->section >= 0)
            rbuf_printf(&t, " · %s", p->sections[m->g->section].title.s);
    }
    if (!t.oom && t.s)
        rbuf_label(b, t.s);
    b->oom |= t.oom;
    rbuf_free(&t);
}

/* The legend is the graph's label: title, scope and counts on top, then two columns of
 * single-cell rows, the themes and what size, width and phrases mean. Samples are glyphs in
 * the row's text (■ in a theme's color, ━ in an edge's gray), not cells of their own: a
 * table column that a long title widens then only gains space on the right. */
static void legend_row(rbuf *b)
{
    rbuf_puts(b, "<TR><TD ALIGN=\"LEFT\">");
}

static void legend(rbuf *b, const map *m)
{
    const ckg_ontology *o = m->o;
    render_lang lang = m->opt->lang;
    int en = lang == RENDER_LANG_EN;
    static const char *const size_zh[] = {"PageRank 中心性", "中介中心性", "度（关系数）"};
    static const char *const size_en[] = {"PageRank", "betweenness", "degree (relations)"};
    rbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    rbuf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"22\"><B>");
    legend_text(b, lang, "新质生产力文献概念图", "Concept map of the 新质生产力 literature");
    rbuf_puts(b, "</B></FONT></TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\">");
    legend_scope(b, m);
    rbuf_puts(b, "</FONT></TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\">");
    if (en)
        rbuf_printf(b, "%zu concepts, %zu relations", m->n_shown, m->n_edges);
    else
        rbuf_printf(b, "%zu 个概念，%zu 条关系", m->n_shown, m->n_edges);
    rbuf_puts(b, "</FONT></TD></TR><TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">");

    /* Left: the themes the map shows, in ontology order. */
    rbuf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
    for (size_t t = 0; t < o->n_themes; t++) {
        int present = 0;
        for (size_t v = 0; v < m->g->n_vertices && !present; v++)
            present = m->shown[v] && concept_of(m, v)->theme_index == (int32_t)t;
        if (!present)
            continue;
        legend_row(b);
        rbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"16\">■</FONT> ", palette[t % N_PALETTE][0]);
        legend_text(b, lang, o->themes[t].zh.s, o->themes[t].en.s);
        rbuf_puts(b, "</TD></TR>");
    }
    rbuf_puts(b, "</TABLE></TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">");

    /* Right: what size, width and phrases mean. */
    rbuf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
    legend_row(b);
    if (en)
        rbuf_printf(b, "box and type size: %s", size_en[m->opt->size_by]);
    else
        rbuf_printf(b, "方框与字号：%s（越大越核心）", size_zh[m->opt->size_by]);
    rbuf_puts(b, "</TD></TR>");
    static const char *const sample_size[] = {"9", "13", "17"};
    for (int k = 1; k <= 3; k++) {
        legend_row(b);
        rbuf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"%s\">━━</FONT>  ", edge_swatches[k - 1],
                    sample_size[k - 1]);
        if (en)
            rbuf_printf(b, "stated by %d%s paper%s", k, k == 3 ? " or more" : "", k == 1 ? "" : "s");
        else
            rbuf_printf(b, "%d 篇%s论文陈述该关系", k, k == 3 ? "及以上" : "");
        rbuf_puts(b, "</TD></TR>");
    }
    legend_row(b);
    if (m->n_labeled == 0)
        rbuf_puts(b, en ? "arrow: a relation (hover for its phrase and quote)"
                        : "箭头：关系（悬停可见关系词与引文）");
    else if (m->n_labeled < m->n_edges)
        rbuf_puts(b, en ? "phrase on an arrow: the relation (shown between the most central "
                          "concepts and for relations several papers state)"
                        : "箭头上的词：关系（只标出核心概念之间及多篇论文共同陈述的关系）");
    else
        rbuf_puts(b, en ? "phrase on an arrow: the relation" : "箭头上的词：关系");
    rbuf_puts(b, "</TD></TR>");
    legend_row(b);
    rbuf_puts(b, en ? "hover over a box or an arrow: definition and source quote"
                    : "鼠标悬停在方框或箭头上：定义与原文引文");
    rbuf_puts(b, "</TD></TR></TABLE></TD></TR></TABLE>");
}

/* ------------------------------------------------------------------ the Graphviz graph */

static void set_html(Agraph_t *g, void *obj, const char *attr, const char *html)
{
    char *h = agstrdup_html(g, (char *)html);
    agsafeset(obj, (char *)attr, h, "");
    agstrfree(g, h);
}

static void set(void *obj, const char *attr, const char *value)
{
    agsafeset(obj, (char *)attr, (char *)value, "");
}

static void setf(void *obj, const char *attr, const char *fmt, double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, fmt, x);
    set(obj, attr, buf);
}

/* A title as a DOT tooltip (see rbuf_tooltip). */
static void set_tooltip(void *obj, const char *title)
{
    rbuf b = {0};
    rbuf_add(&b, "", 0);
    rbuf_tooltip(&b, title);
    if (!b.oom)
        set(obj, "tooltip", b.s);
    rbuf_free(&b);
}

/* Engines that place edge labels without regard to other objects: the linking phrase is a
 * node of its own there, so overlap removal keeps it clear of the concepts. */
static int wants_phrase_nodes(const char *engine)
{
    return strcmp(engine, "neato") == 0 || strcmp(engine, "fdp") == 0 ||
           strcmp(engine, "sfdp") == 0;
}

static void graph_attributes(Agraph_t *g, const map *m, const char *engine, const char *legend_html)
{
    agattr(g, AGRAPH, "fontname", RENDER_FONT_STACK);
    agattr(g, AGRAPH, "fontsize", "12");
    agattr(g, AGRAPH, "charset", "UTF-8");
    agattr(g, AGRAPH, "bgcolor", "white");
    agattr(g, AGRAPH, "pad", "0.3");
    agattr(g, AGRAPH, "outputorder", "edgesfirst");
    agattr(g, AGRAPH, "labelloc", "t");
    agattr(g, AGRAPH, "labeljust", "l");
    int radial = strcmp(engine, "radial") == 0;
    agattr(g, AGRAPH, "layout", radial ? "neato" : (char *)engine);
    char *h = agstrdup_html(g, (char *)legend_html);
    agattr(g, AGRAPH, "label", h);
    agstrfree(g, h);
    if (radial) {
        /* positions are pinned (render_radial); Graphviz draws */
        agattr(g, AGRAPH, "overlap", "true");
        agattr(g, AGRAPH, "splines", "false");
    } else if (strcmp(engine, "dot") == 0) {
        agattr(g, AGRAPH, "rankdir", "LR");
        agattr(g, AGRAPH, "nodesep", "0.12");
        agattr(g, AGRAPH, "ranksep", "0.6");
        agattr(g, AGRAPH, "newrank", "true");
    } else {
        agattr(g, AGRAPH, "start", "1");
        agattr(g, AGRAPH, "overlap", "prism");
        agattr(g, AGRAPH, "sep", "+6");
        agattr(g, AGRAPH, "esep", "+3");
        /* Straight segments: with linking phrases as nodes they read as a concept map, and
         * spline routing around obstacles would cost ten times the layout. */
        agattr(g, AGRAPH, "splines", "false");
    }
    if (strcmp(engine, "twopi") == 0 && m->opt->focus >= 0)
        agattr(g, AGRAPH, "root", (char *)m->o->concepts[m->opt->focus].id.s);
    if (strcmp(engine, "twopi") == 0)
        agattr(g, AGRAPH, "ranksep", "1.0");
    agattr(g, AGNODE, "fontname", RENDER_FONT_STACK);
    agattr(g, AGNODE, "shape", "box");
    agattr(g, AGNODE, "style", "rounded,filled");
    agattr(g, AGNODE, "penwidth", "1.2");
    agattr(g, AGNODE, "width", "0");
    agattr(g, AGNODE, "height", "0");
    agattr(g, AGEDGE, "fontname", RENDER_FONT_STACK);
    agattr(g, AGEDGE, "fontsize", "9");
    agattr(g, AGEDGE, "fontcolor", "#333333");
    agattr(g, AGEDGE, "color", "#8C8C8CA6");
    agattr(g, AGEDGE, "arrowsize", "0.6");
    agattr(g, AGEDGE, "labelfontname", RENDER_FONT_STACK);
    agattr(g, AGEDGE, "labelfontsize", "9");
    agattr(g, AGEDGE, "labelfontcolor", "#333333");
}

static size_t edge_weight_class(const graph_edge *e)
{
    return e->n_papers >= 3 ? 2 : e->n_papers == 2 ? 1 : 0;
}

static double edge_width(const graph_edge *e)
{
    return 0.8 + 1.2 * (double)edge_weight_class(e);
}

static int build_graph(const map *m, const char *engine, const double *x, const double *y,
                       Agraph_t **out)
{
    const ckg_graph *g = m->g;
    const render_options *opt = m->opt;
    int dot_text = opt->format == RENDER_FORMAT_DOT;
    int rc = CKG_ENOMEM;
    rbuf b = {0};
    Agnode_t **nodes = calloc(g->n_vertices ? g->n_vertices : 1, sizeof *nodes);
    Agraph_t *ag = agopen("concept-map", Agstrictdirected, NULL);
    if (!nodes || !ag)
        goto out;
    legend(&b, m);
    if (b.oom)
        goto out;
    graph_attributes(ag, m, engine, b.s);
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (!m->shown[v])
            continue;
        const ckg_concept *c = concept_of(m, v);
        Agnode_t *n = nodes[v] = agnode(ag, (char *)c->id.s, 1);
        if (!n)
            goto out;
        b.len = 0;
        if (node_label(m, v, &b) != CKG_OK)
            goto out;
        set_html(ag, n, "label", b.s);
        set(n, "id", c->id.s);
        int32_t t = c->theme_index >= 0 ? c->theme_index : 0;
        b.len = 0;
        rbuf_printf(&b, "concept theme-%s", c->theme_index >= 0 ? m->o->themes[t].id.s : "none");
        if (opt->focus == g->vertices[v].concept)
            rbuf_puts(&b, " focus");
        if (b.oom)
            goto out;
        set(n, "class", b.s);
        set(n, "fillcolor", palette[t % N_PALETTE][0]);
        set(n, "color", palette[t % N_PALETTE][1]);
        setf(n, "fontsize", "%.1f", m->font[v]);
        setf(n, "margin", "0.09,%.3f", node_margin_y(m->font[v]));
        if (opt->focus == g->vertices[v].concept)
            set(n, "penwidth", "3");
        if (x) {
            char pos[64];
            snprintf(pos, sizeof pos, "%.3f,%.3f!", x[v] / 72, y[v] / 72); /* inches */
            set(n, "pos", pos);
        }
        if (dot_text)
            set_tooltip(n, m->titles[v]);
    }
    int phrases = m->phrase_nodes;
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (!edge_shown(m, j))
            continue;
        const char *from = concept_of(m, (size_t)e->from)->id.s;
        const char *to = concept_of(m, (size_t)e->to)->id.s;
        const char *title = m->titles[g->n_vertices + j];
        char id[512];
        snprintf(id, sizeof id, "%s--%s", from, to);
        b.len = 0;
        if (m->labeled[j]) {
            add_phrase(&b, m, e, opt->lang == RENDER_LANG_EN, 3);
            rbuf plain = b;
            b = (rbuf){0};
            rbuf_label(&b, plain.s);
            rbuf_free(&plain);
        }
        if (b.oom)
            goto out;
        if (phrases && m->labeled[j]) {
            /* concept -> phrase -> concept, the phrase a small plain node */
            Agnode_t *p = agnode(ag, id, 1);
            if (!p)
                goto out;
            set_html(ag, p, "label", b.s);
            set(p, "id", id);
            set(p, "class", "phrase");
            set(p, "shape", "plain");
            set(p, "style", "");
            set(p, "fontsize", "9");
            set(p, "fontcolor", "#333333");
            if (dot_text)
                set_tooltip(p, title);
            for (int half = 0; half < 2; half++) {
                Agedge_t *ed = half ? agedge(ag, p, nodes[e->to], NULL, 1)
                                    : agedge(ag, nodes[e->from], p, NULL, 1);
                if (!ed)
                    goto out;
                char hid[600];
                snprintf(hid, sizeof hid, "%s--%d", id, half + 1);
                set(ed, "id", hid);
                set(ed, "class", "relation");
                setf(ed, "penwidth", "%.1f", edge_width(e));
                set(ed, "color", edge_colors[edge_weight_class(e)]);
                if (!half)
                    set(ed, "arrowhead", "none");
                if (dot_text)
                    set_tooltip(ed, title);
            }
            continue;
        }
        Agedge_t *ed = agedge(ag, nodes[e->from], nodes[e->to], NULL, 1);
        if (!ed)
            goto out;
        set(ed, "id", id);
        set(ed, "class", "relation");
        setf(ed, "penwidth", "%.1f", edge_width(e));
        set(ed, "color", edge_colors[edge_weight_class(e)]);
        if (m->labeled[j] && x && m->dist[e->from] != m->dist[e->to]) {
            /* radial: the phrase on the spoke just inside the outer concept, far enough
             * along for its width when the spoke runs sideways */
            int outer_is_tail = m->dist[e->from] > m->dist[e->to];
            double em;
            int lines;
            measure_lines(b.s, &em, &lines);
            double dist = em * 9 / 2 + 8;
            /* The outward relation of a pair stated both ways: its phrase goes further in,
             * past the inward one's. */
            int64_t back = graph_find_edge(g, e->to, e->from);
            if (!outer_is_tail && back >= 0 && m->drawn[back] && m->labeled[back]) {
                rbuf other = {0};
                double em2;
                add_phrase(&other, m, &g->edges[back], opt->lang == RENDER_LANG_EN, 3);
                measure_lines(other.s, &em2, &lines);
                rbuf_free(&other);
                dist += em2 * 9 + 6;
            }
            set_html(ag, ed, outer_is_tail ? "taillabel" : "headlabel", b.s);
            setf(ed, "labeldistance", "%.2f", dist / 10);
            set(ed, "labelangle", "0");
        } else if (m->labeled[j]) {
            set_html(ag, ed, "label", b.s);
        }
        if (dot_text)
            set_tooltip(ed, title);
    }
    *out = ag;
    ag = NULL;
    rc = CKG_OK;
out:
    if (ag)
        agclose(ag);
    free(nodes);
    rbuf_free(&b);
    return rc;
}

/* ------------------------------------------------------------------ SVG titles */

/* An id as Graphviz writes it in SVG (its xml_string escapes '-' too). Our ids are ASCII
 * kebab-case joined by "--", so '-' is the only character it changes. */
static char *gv_escaped_id(const char *id)
{
    rbuf b = {0};
    rbuf_add(&b, "", 0);
    for (const char *p = id; *p; p++) {
        if (*p == '-')
            rbuf_puts(&b, "&#45;");
        else
            rbuf_add(&b, p, 1);
    }
    if (b.oom) {
        rbuf_free(&b);
        return NULL;
    }
    return b.s;
}

typedef struct title_index {
    strmap by_id;
    char **keys;
    size_t n;
} title_index;

static void title_index_free(title_index *ti)
{
    for (size_t i = 0; i < ti->n; i++)
        free(ti->keys[i]);
    free(ti->keys);
    strmap_free(&ti->by_id);
}

static int title_index_add(title_index *ti, const char *id, int32_t title)
{
    char *key = gv_escaped_id(id);
    if (!key)
        return CKG_ENOMEM;
    ti->keys[ti->n++] = key;
    return strmap_put(&ti->by_id, key, title, NULL);
}

static int build_title_index(const map *m, title_index *ti)
{
    const ckg_graph *g = m->g;
    strmap_init(&ti->by_id);
    ti->n = 0;
    if (!(ti->keys = malloc((g->n_vertices + 3 * g->n_edges + 1) * sizeof *ti->keys)))
        return CKG_ENOMEM;
    for (size_t v = 0; v < g->n_vertices; v++) {
        if (m->shown[v] && title_index_add(ti, concept_of(m, v)->id.s, (int32_t)v) != CKG_OK)
            return CKG_ENOMEM;
    }
    for (size_t j = 0; j < g->n_edges; j++) {
        const graph_edge *e = &g->edges[j];
        if (!edge_shown(m, j))
            continue;
        char id[600];
        int32_t t = (int32_t)(g->n_vertices + j);
        int n = snprintf(id, sizeof id, "%s--%s", concept_of(m, (size_t)e->from)->id.s,
                         concept_of(m, (size_t)e->to)->id.s);
        if (title_index_add(ti, id, t) != CKG_OK)
            return CKG_ENOMEM;
        if (m->phrase_nodes && m->labeled[j]) {
            for (int half = 1; half <= 2; half++) {
                snprintf(id + n, sizeof id - (size_t)n, "--%d", half);
                if (title_index_add(ti, id, t) != CKG_OK)
                    return CKG_ENOMEM;
            }
        }
    }
    return CKG_OK;
}

/* Copies Graphviz's SVG, replacing the text of the <title> that follows each <g id="X">
 * whose X is a concept, phrase or relation with that object's description. */
static int put_titles(const map *m, const char *svg, size_t len, char **out, size_t *out_len)
{
    title_index ti = {0};
    rbuf b = {0};
    int rc = build_title_index(m, &ti);
    if (rc != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    const char *p = svg, *end = svg + len;
    static const char open[] = "<g id=\"";
    /* Phrases on arrows get a white halo, so a line under them does not cross the text. */
    const char *graph0 = strstr(svg, "<g id=\"graph0\"");
    if (graph0) {
        rbuf_add(&b, p, (size_t)(graph0 - p));
        rbuf_puts(&b, "<style>.edge text,.phrase text{paint-order:stroke;stroke:#fff;"
                      "stroke-width:3px;stroke-linejoin:round}</style>\n");
        p = graph0;
    }
    while (p < end) {
        const char *g = strstr(p, open);
        if (!g)
            break;
        const char *id = g + sizeof open - 1, *q = strchr(id, '"');
        if (!q)
            break;
        char key[1024];
        size_t kl = (size_t)(q - id);
        int32_t t = -1;
        if (kl < sizeof key) {
            memcpy(key, id, kl);
            key[kl] = '\0';
            t = strmap_get(&ti.by_id, key);
        }
        const char *title = t >= 0 ? strstr(q, "<title>") : NULL;
        const char *title_end = title ? strstr(title, "</title>") : NULL;
        const char *next_g = strstr(q, open);
        if (!title_end || (next_g && title > next_g)) {
            rbuf_add(&b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        rbuf_add(&b, p, (size_t)(title - p) + 7);
        rbuf_xml(&b, m->titles[t], 1);
        p = title_end;
    }
    rbuf_add(&b, p, (size_t)(end - p));
    if (b.oom)
        goto out;
    *out = b.s;
    *out_len = b.len;
    b.s = NULL;
    rc = CKG_OK;
out:
    rbuf_free(&b);
    title_index_free(&ti);
    return rc;
}

/* ------------------------------------------------------------------ render_map */

static int render_dot_text(Agraph_t *ag, char **out, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        return CKG_ENOMEM;
    int bad = agwrite(ag, f) != 0;
    bad |= fclose(f) != 0;
    if (bad || !buf) {
        free(buf);
        return CKG_ENOMEM;
    }
    *out = buf;
    *len = n;
    return CKG_OK;
}

static int render_svg(render_context *ctx, const map *m, Agraph_t *ag, const char *engine,
                      diag_list *diags, char **out, size_t *len)
{
    gv_errors_reset();
    if (gvLayout(ctx->gvc, ag, engine) != 0) {
        gv_errors_report(diags, "lay the map out");
        return CKG_EINVALID;
    }
    char *svg = NULL;
    unsigned int n = 0;
    int rc;
    if (gvRenderData(ctx->gvc, ag, "svg", &svg, &n) != 0 || !svg) {
        gv_errors_report(diags, "render SVG");
        rc = CKG_EINVALID;
    } else {
        rc = put_titles(m, svg, n, out, len);
    }
    if (svg)
        gvFreeRenderData(svg);
    gvFreeLayout(ctx->gvc, ag);
    return rc;
}

static void map_free(map *m)
{
    if (m->titles) {
        for (size_t i = 0; i < m->g->n_vertices + m->g->n_edges; i++)
            free(m->titles[i]);
        free(m->titles);
    }
    free(m->shown);
    free(m->measure);
    free(m->font);
    free(m->labeled);
    free(m->dist);
    free(m->drawn);
    free(m->dict);
    graph_free(m->g);
}

/* The names the line breaker treats as words: every zh name and alt of the ontology. */
static int build_dict(map *m)
{
    const ckg_ontology *o = m->o;
    size_t n = 0;
    for (size_t c = 0; c < o->n_concepts; c++)
        n += 1 + o->concepts[c].alt.n;
    if (!(m->dict = malloc((n ? n : 1) * sizeof *m->dict)))
        return CKG_ENOMEM;
    for (size_t c = 0; c < o->n_concepts; c++) {
        const ckg_concept *cc = &o->concepts[c];
        if (cc->zh.s)
            m->dict[m->n_dict++] = cc->zh.s;
        for (size_t a = 0; a < cc->alt.n; a++) {
            if (cc->alt.items[a].s)
                m->dict[m->n_dict++] = cc->alt.items[a].s;
        }
    }
    return CKG_OK;
}

/* The centrality that sizes the nodes: the values `ckg metrics` reports for the same scope
 * (metrics_*, DESIGN.md definitions), so a map and a table never disagree. */
static int size_measure(map *m, render_size_by by, diag_list *diags)
{
    metrics_measure k = by == RENDER_SIZE_BETWEENNESS ? METRICS_BETWEENNESS
                        : by == RENDER_SIZE_DEGREE    ? METRICS_DEGREE
                                                      : METRICS_PAGERANK;
    metrics_result *r = NULL;
    int rc = metrics_compute(m->g, NULL, diags, &r);
    if (rc == CKG_OK && m->g->n_vertices)
        memcpy(m->measure, metrics_values(r, k), m->g->n_vertices * sizeof *m->measure);
    metrics_free(r);
    return rc;
}

int render_map(render_context *ctx, const ckg_ontology *o, const render_options *opt,
               diag_list *diags, char **out, size_t *len, render_summary *summary)
{
    map m = {.o = o, .opt = opt};
    Agraph_t *ag = NULL;
    double *px = NULL, *py = NULL;
    int rc;
    *out = NULL;
    *len = 0;
    if (summary)
        *summary = (render_summary){0};
    const char *engine = render_engine_check(opt->engine ? opt->engine : "dot");
    if (!engine) {
        diag_add(diags, DIAG_ERROR, NULL,
                 "unknown layout engine '%s' (dot, neato, fdp, sfdp, circo, twopi or radial)", opt->engine);
        return CKG_EUSAGE;
    }
    graph_scope scope = {.paper = opt->paper, .section = opt->section};
    if ((rc = graph_build(o, &scope, diags, &m.g)) != CKG_OK)
        return rc;
    size_t nv = m.g->n_vertices ? m.g->n_vertices : 1, ne = m.g->n_edges ? m.g->n_edges : 1;
    rc = CKG_ENOMEM;
    if (!(m.shown = calloc(nv, 1)) || !(m.measure = calloc(nv, sizeof *m.measure)) ||
        !(m.font = calloc(nv, sizeof *m.font)) || !(m.labeled = calloc(ne, 1)) ||
        !(m.dist = calloc(nv, sizeof *m.dist)) || !(m.drawn = calloc(ne, 1)) ||
        !(m.titles = calloc(m.g->n_vertices + m.g->n_edges + 1, sizeof *m.titles)))
        goto out;
    if ((rc = select_concepts(&m, diags)) != CKG_OK)
        goto out;
    if ((rc = size_measure(&m, opt->size_by, diags)) != CKG_OK ||
        (rc = choose_labels(&m)) != CKG_OK || (rc = build_dict(&m)) != CKG_OK)
        goto out;
    int radial = strcmp(engine, "radial") == 0;
    if (radial && opt->focus < 0) {
        diag_add(diags, DIAG_ERROR, NULL, "the radial layout draws ego maps: name the concept "
                                          "in the middle with --focus");
        rc = CKG_EUSAGE;
        goto out;
    }
    m.phrase_nodes = wants_phrase_nodes(engine);
    if (strcmp(engine, "dot") == 0)
        size_nodes(&m, 11, 22);
    else
        size_nodes(&m, 10, 26);
    for (size_t v = 0; v < m.g->n_vertices; v++) {
        if (m.shown[v] && (rc = node_title(&m, v, &m.titles[v])) != CKG_OK)
            goto out;
    }
    for (size_t j = 0; j < m.g->n_edges; j++) {
        if (edge_shown(&m, j) &&
            (rc = edge_title(&m, &m.g->edges[j], &m.titles[m.g->n_vertices + j])) != CKG_OK)
            goto out;
    }
    if (radial) {
        rc = CKG_ENOMEM;
        if (!(px = calloc(nv, sizeof *px)) || !(py = calloc(nv, sizeof *py)))
            goto out;
        if ((rc = render_radial(&m, px, py)) != CKG_OK)
            goto out;
    }
    if ((rc = build_graph(&m, engine, px, py, &ag)) != CKG_OK)
        goto out;
    if (opt->format == RENDER_FORMAT_DOT)
        rc = render_dot_text(ag, out, len);
    else
        rc = render_svg(ctx, &m, ag, radial ? "neato" : engine, diags, out, len);
    if (rc != CKG_OK)
        goto out;
    if (summary) {
        rc = CKG_ENOMEM;
        if (!(summary->concepts = malloc((m.n_shown ? m.n_shown : 1) * sizeof *summary->concepts)))
            goto out;
        for (size_t v = 0; v < m.g->n_vertices; v++) {
            if (m.shown[v])
                summary->concepts[summary->n_concepts++] = m.g->vertices[v].concept;
        }
        summary->n_relations = m.n_edges;
        summary->n_labeled = m.n_labeled;
        rc = CKG_OK;
    }
out:
    if (rc != CKG_OK) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    if (ag)
        agclose(ag);
    free(px);
    free(py);
    map_free(&m);
    return rc;
}
