/* label.c — the text inside a map (stage: text; uses the base stage).
 *
 * Each box's label (zh and/or en, wrapped, as a Graphviz HTML-like label), the size a box
 * will take (for the radial layout), the linking phrases of relations, and the dictionary
 * of names the line breaker keeps whole. Text from the ontology is escaped where it meets
 * markup (render_put_label). */
#include "render_internal.h"

#include "ckg/status.h"
#include "ckg/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The relation's linking phrase(s), zh or en, joined. */
void render_add_phrase(strbuf *b, const map *m, const graph_edge *e, int en, size_t max_kinds)
{
    for (size_t k = 0; k < e->n_kinds; k++) {
        const ckg_kind *kind = &m->o->kinds[e->kinds[k]];
        if (k == max_kinds) {
            strbuf_puts(b, en ? ", …" : "等");
            break;
        }
        if (k)
            strbuf_puts(b, en ? ", " : "、");
        strbuf_puts(b, en ? kind->en.s : kind->zh.s);
    }
}

/* Appends lines (joined by '\n') escaped, with <BR/> between them. */
static void add_lines_html(strbuf *b, const char *lines)
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
        render_put_label(b, line);
        free(line);
        if (!nl)
            break;
        strbuf_puts(b, "<BR/>");
        p = nl + 1;
    }
}

enum { WRAP_ZH = 7, WRAP_EN = 18 };

/* The label's lines: zh and/or en, each wrapped (joined by '\n'); NULL when not shown. */
static int label_lines(const map *m, size_t v, char **zh, char **en)
{
    const ckg_concept *c = render_concept_of(m, v);
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

/* The English line under a Chinese one: three quarters of its size (at least 8 points), in
 * whole points: Graphviz 2.42 reads an HTML label's POINT-SIZE as a whole number. */
static double en_font(double font)
{
    return fmax(8, round(font * 0.75));
}

double render_label_smallest_font(const map *m, size_t v)
{
    return m->opt->lang == RENDER_LANG_BOTH ? en_font(m->font[v]) : m->font[v];
}

int render_node_label(const map *m, size_t v, strbuf *b)
{
    char *zh, *en;
    if (label_lines(m, v, &zh, &en) != CKG_OK)
        return CKG_ENOMEM;
    if (zh)
        add_lines_html(b, zh);
    if (zh && en) {
        strbuf_printf(b, "<BR/><FONT POINT-SIZE=\"%.0f\">", en_font(m->font[v]));
        add_lines_html(b, en);
        strbuf_puts(b, "</FONT>");
    } else if (en) {
        add_lines_html(b, en);
    }
    free(zh);
    free(en);
    return b->oom ? CKG_ENOMEM : CKG_OK;
}

/* Width (em) and line count of wrapped text: CJK one em, other characters about half. */
void render_measure_lines(const char *lines, double *em, int *n)
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
double render_node_margin_y(double font)
{
    return (0.38 * font + 2.0) / 72;
}

void render_estimate_box(const map *m, size_t v, double *w, double *h)
{
    char *zh = NULL, *en = NULL;
    double font = m->font[v], em_zh = 0, em_en = 0;
    int n_zh = 0, n_en = 0;
    if (label_lines(m, v, &zh, &en) == CKG_OK) {
        render_measure_lines(zh, &em_zh, &n_zh);
        render_measure_lines(en, &em_en, &n_en);
    }
    double small = zh ? en_font(font) : font;
    free(zh);
    free(en);
    /* margins 0.09 x 0.045 inch on each side, pen 1.2 */
    *w = fmax(em_zh * font, em_en * small) + 2 * 0.09 * 72 + 2;
    *h = n_zh * 1.1 * font + n_en * 1.1 * small + 2 * 72 * render_node_margin_y(font) + 2;
}

/* The names the line breaker treats as words: every zh name and alt of the ontology. */
int render_build_dict(map *m)
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
