/* export_fields.c — what every graph format writes of a vertex and an edge (export.c,
 * export_gexf.c): its texts (names, theme, color, definitions, lists joined in strbufs) and
 * its numbers (n_papers, and with the graph's export_attrs its evidence and every measure),
 * and XML escaping for text and attribute values. Each format writes them under its own
 * names; none computes them twice. */
#include "ckg/render.h"
#include "ckg/status.h"
#include "export_internal.h"

#include <math.h>

const ckg_concept *export_vertex_concept(const ckg_graph *g, int32_t v)
{
    return &g->o->concepts[g->vertices[v].concept];
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static void join_papers(strbuf *b, const ckg_graph *g, const int32_t *papers, size_t n)
{
    strbuf_reset(b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strbuf_puts(b, ";");
        strbuf_puts(b, g->o->papers[papers[i]].id.s);
    }
}

/* alt names joined by ';', a ';' or '\\' inside a name escaped by a backslash, so the list
 * splits back exactly (ids, joined the same way, never hold either) */
static void join_alt(strbuf *b, const ckg_concept *c)
{
    strbuf_reset(b);
    for (size_t i = 0; i < c->alt.n; i++) {
        if (i)
            strbuf_puts(b, ";");
        for (const char *p = or_empty(c->alt.items[i].s); *p; p++) {
            char one[3] = {'\\', *p, '\0'};
            strbuf_puts(b, *p == ';' || *p == '\\' ? one : one + 1);
        }
    }
}

/* kind ids joined by ';' (label = 0) or their zh phrases joined by '、' (label = 1) */
static void join_kinds(strbuf *b, const ckg_graph *g, const graph_edge *e, int label)
{
    strbuf_reset(b);
    for (size_t i = 0; i < e->n_kinds; i++) {
        const ckg_kind *k = &g->o->kinds[e->kinds[i]];
        if (i)
            strbuf_puts(b, label ? "、" : ";");
        strbuf_puts(b, or_empty(label ? k->zh.s : k->id.s));
    }
}

void export_vertex_texts(export_texts *t, const ckg_graph *g, size_t v)
{
    const ckg_concept *c = export_vertex_concept(g, (int32_t)v);
    const graph_vertex *gv = &g->vertices[v];
    join_alt(&t->lists[0], c);
    join_papers(&t->lists[1], g, gv->papers, gv->n_papers);
    t->v[EXPORT_V_ZH] = or_empty(c->zh.s);
    t->v[EXPORT_V_EN] = or_empty(c->en.s);
    t->v[EXPORT_V_ALT] = or_empty(strbuf_str(&t->lists[0]));
    t->v[EXPORT_V_THEME] = or_empty(c->theme.s);
    t->v[EXPORT_V_PAPERS] = or_empty(strbuf_str(&t->lists[1]));
    t->v[EXPORT_V_COLOR] = render_theme_color(c->theme_index);
    t->v[EXPORT_V_DEFINITION_ZH] = or_empty(c->definition_zh.s);
    t->v[EXPORT_V_DEFINITION_EN] = or_empty(c->definition_en.s);
}

void export_edge_texts(export_texts *t, const ckg_graph *g, const graph_edge *e)
{
    join_kinds(&t->lists[0], g, e, 0);
    join_kinds(&t->lists[1], g, e, 1);
    join_papers(&t->lists[2], g, e->papers, e->n_papers);
    for (int i = 0; i < 3; i++)
        t->v[i] = or_empty(strbuf_str(&t->lists[i]));
}

int export_texts_done(export_texts *t)
{
    int oom = 0;
    for (int i = 0; i < 3; i++) {
        oom |= t->lists[i].oom;
        strbuf_free(&t->lists[i]);
    }
    return oom ? CKG_ENOMEM : CKG_OK;
}

/* The numbers of a vertex: n_papers, then with attrs evidence and every measure. */
size_t export_vertex_numbers(const export_attrs *a)
{
    return a && a->m ? 2 + METRICS_N_MEASURES : 1;
}

const char *export_vertex_number_name(size_t i)
{
    return i == 0 ? "n_papers" : i == 1 ? "evidence" : metrics_measure_name((metrics_measure)(i - 2));
}

int export_vertex_number_is_integer(size_t i)
{
    return i < 2 || metrics_measure_is_integer((metrics_measure)(i - 2));
}

double export_vertex_number(const ckg_graph *g, const export_attrs *a, size_t v, size_t i)
{
    if (i == 0)
        return (double)g->vertices[v].n_papers;
    if (i == 1)
        return (double)a->vertex_evidence[v];
    return metrics_value(a->m, v, (metrics_measure)(i - 2));
}

void export_number(FILE *f, double x, int integer)
{
    if (isnan(x))
        return;
    if (integer)
        fprintf(f, "%.0f", x);
    else
        fprintf(f, "%.17g", x);
}

void export_xml_escaped(FILE *f, const char *s, int attribute)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        case '\r': fputs("&#13;", f); break; /* a raw CR would be read back as LF */
        /* in an attribute value a raw tab or line break would be read back as a space */
        case '\n': fputs(attribute ? "&#10;" : "\n", f); break;
        case '\t': fputs(attribute ? "&#9;" : "\t", f); break;
        default:
            if (*p < 0x20)
                fputs("\xEF\xBF\xBD", f); /* not allowed in XML 1.0 */
            else if (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
                fputs("\xEF\xBF\xBD", f); /* U+FFFE, U+FFFF: not XML characters */
                p += 2;
            } else
                fputc(*p, f);
        }
    }
}

