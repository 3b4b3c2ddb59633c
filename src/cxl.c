/* cxl.c — the CmapTools XML reader (CXL): concepts, linking phrases and connections become
 * the map's propositions.
 *
 * Safety (see cmap.h): libxml2 parses from memory with XML_PARSE_NONET and without NOENT,
 * DTDLOAD, DTDATTR, XINCLUDE or HUGE; the SAX internalSubset callback, which libxml2 calls
 * at `<!DOCTYPE name` before reading any declaration, stops the parser, so no entity is ever
 * declared, let alone expanded or fetched. Errors go to a structured handler of this
 * parser only (nothing is printed, no global handler is touched); the first one is reported
 * with its line and column.
 *
 * Elements are matched by local name whatever their namespace (CmapTools declares
 * xmlns="http://cmap.ihmc.us/xml/cmap/"); attribute values are read as the parser left them
 * (character references resolved), and only elements the reader knows are looked at. */
#include "cmap_internal.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "util/array.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NODE_CONCEPT = 1, NODE_PHRASE = 2 };

typedef struct parse_state {
    int failed;
    int doctype;
    long line, col;
    char message[256];
} parse_state;

/* Keeps the first error of the parse. */
static void on_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (!st || st->failed || !err || err->level < XML_ERR_ERROR)
        return;
    st->failed = 1;
    st->line = err->line;
    st->col = err->int2;
    snprintf(st->message, sizeof st->message, "%s", err->message ? err->message : "malformed XML");
    size_t n = strlen(st->message);
    while (n && (st->message[n - 1] == '\n' || st->message[n - 1] == ' '))
        st->message[--n] = '\0';
}

/* `<!DOCTYPE name`: stop before the internal subset (entity declarations) is read. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (st && !st->failed) {
        st->failed = st->doctype = 1;
        st->line = ctxt->input ? ctxt->input->line : 0;
        st->col = 0;
    }
    xmlStopParser(ctxt);
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (is(c, name))
            return c;
    }
    return NULL;
}

static uint32_t line_of(const xmlNode *n)
{
    long l = xmlGetLineNo((xmlNodePtr)n);
    return l > 0 && l < (long)UINT32_MAX ? (uint32_t)l : 0;
}

/* The attribute's value as the parser left it, or NULL; the caller frees it (xmlFree). */
static char *attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetNoNsProp((xmlNodePtr)n, (const xmlChar *)name);
}

typedef struct node {
    int type;
    const char *label;
    uint32_t line;
    int used;
} node;

typedef struct conn {
    int32_t from, to; /* node indexes */
    uint32_t line;
} conn;

typedef struct reader {
    const char *name;
    diag_list *diags;
    cmap_builder b;
    strmap by_id;
    node *nodes;
    size_t n_nodes, cap_nodes;
    conn *conns;
    size_t n_conns, cap_conns;
    int errors;
} reader;

static void report(reader *r, diag_severity sev, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(reader *r, diag_severity sev, uint32_t line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ckg_loc at = {r->name, line, 0};
    diag_add(r->diags, sev, &at, "%s", msg);
    r->errors += sev == DIAG_ERROR;
}

static int add_node(reader *r, const xmlNode *n, int type)
{
    char *id = attr(n, "id"), *label = attr(n, "label");
    int rc = CKG_ENOMEM;
    uint32_t line = line_of(n);
    if (!id) {
        report(r, DIAG_ERROR, line, "<%s> without an id", (const char *)n->name);
        rc = CKG_OK;
        goto out;
    }
    if (ARRAY_GROW(r->nodes, r->cap_nodes, r->n_nodes + 1) != CKG_OK)
        goto out;
    const char *key = arena_strdup(&r->b.m->mem, id);
    const char *text = arena_strdup(&r->b.m->mem, label ? label : "");
    int32_t existing;
    if (!key || !text || strmap_put(&r->by_id, key, (int32_t)r->n_nodes, &existing) != CKG_OK)
        goto out;
    if (existing >= 0) {
        report(r, DIAG_ERROR, line, "id '%s' is used twice (first on line %u)", id,
               (unsigned)r->nodes[existing].line);
    } else {
        r->nodes[r->n_nodes++] = (node){type, text, line, 0};
    }
    rc = CKG_OK;
out:
    xmlFree(id);
    xmlFree(label);
    return rc;
}

static int add_conn(reader *r, const xmlNode *n)
{
    char *from = attr(n, "from-id"), *to = attr(n, "to-id");
    uint32_t line = line_of(n);
    int rc = CKG_OK;
    if (!from || !to) {
        report(r, DIAG_ERROR, line, "<connection> without %s", !from ? "a from-id" : "a to-id");
        goto out;
    }
    int32_t a = strmap_get(&r->by_id, from), b = strmap_get(&r->by_id, to);
    if (a < 0 || b < 0) {
        report(r, DIAG_WARNING, line,
               "connection to '%s', which no concept or linking phrase has; ignored",
               a < 0 ? from : to);
        goto out;
    }
    if (ARRAY_GROW(r->conns, r->cap_conns, r->n_conns + 1) != CKG_OK) {
        rc = CKG_ENOMEM;
        goto out;
    }
    r->conns[r->n_conns++] = (conn){a, b, line};
out:
    xmlFree(from);
    xmlFree(to);
    return rc;
}

static int read_list(reader *r, const xmlNode *map, const char *list, const char *item, int type)
{
    int rc = CKG_OK;
    for (const xmlNode *l = map->children; l && rc == CKG_OK; l = l->next) {
        if (!is(l, list))
            continue;
        for (const xmlNode *c = l->children; c && rc == CKG_OK; c = c->next) {
            if (is(c, item))
                rc = type ? add_node(r, c, type) : add_conn(r, c);
        }
    }
    return rc;
}

/* By line, then by the order added (held in loc.col while sorting). */
static int cmp_prop_line(const void *pa, const void *pb)
{
    const cmap_prop *a = pa, *b = pb;
    if (a->loc.line != b->loc.line)
        return a->loc.line < b->loc.line ? -1 : 1;
    return a->loc.col < b->loc.col ? -1 : a->loc.col > b->loc.col;
}

/* Every proposition: concept -> phrase -> concept, each concept in with each concept out,
 * and concept -> concept connections without a phrase. */
static int assemble(reader *r)
{
    for (size_t i = 0; i < r->n_conns; i++) {
        const conn *c = &r->conns[i];
        node *a = &r->nodes[c->from], *b = &r->nodes[c->to];
        if (a->type == NODE_CONCEPT && b->type == NODE_CONCEPT) {
            a->used = b->used = 1;
            if (cmap_add(&r->b, a->label, "", b->label, c->line, 0) != CKG_OK)
                return CKG_ENOMEM;
        } else if (a->type == NODE_PHRASE && b->type == NODE_PHRASE) {
            report(r, DIAG_WARNING, c->line,
                   "connection from linking phrase '%s' to linking phrase '%s'; ignored",
                   a->label, b->label);
        }
    }
    for (size_t p = 0; p < r->n_nodes; p++) {
        node *ph = &r->nodes[p];
        if (ph->type != NODE_PHRASE)
            continue;
        size_t n_in = 0, n_out = 0;
        for (size_t i = 0; i < r->n_conns; i++) {
            const conn *c = &r->conns[i];
            n_in += c->to == (int32_t)p && r->nodes[c->from].type == NODE_CONCEPT;
            n_out += c->from == (int32_t)p && r->nodes[c->to].type == NODE_CONCEPT;
        }
        if (!n_in || !n_out) {
            report(r, DIAG_WARNING, ph->line, "linking phrase '%s' %s; ignored", ph->label,
                   !n_in && !n_out ? "connects nothing"
                   : !n_in         ? "has no concept before it"
                                   : "leads to no concept");
            continue;
        }
        for (size_t o = 0; o < r->n_conns; o++) {
            const conn *co = &r->conns[o];
            if (co->from != (int32_t)p || r->nodes[co->to].type != NODE_CONCEPT)
                continue;
            for (size_t i = 0; i < r->n_conns; i++) {
                const conn *ci = &r->conns[i];
                if (ci->to != (int32_t)p || r->nodes[ci->from].type != NODE_CONCEPT)
                    continue;
                r->nodes[ci->from].used = r->nodes[co->to].used = 1;
                if (cmap_add(&r->b, r->nodes[ci->from].label, ph->label, r->nodes[co->to].label,
                             co->line, 0) != CKG_OK)
                    return CKG_ENOMEM;
            }
        }
    }
    cmap *m = r->b.m;
    /* in the order of the file: by the line of the connection that ends each proposition */
    if (m->n > 1) {
        for (size_t i = 0; i < m->n; i++)
            m->props[i].loc.col = (uint32_t)i;
        qsort(m->props, m->n, sizeof *m->props, cmp_prop_line);
        for (size_t i = 0; i < m->n; i++)
            m->props[i].loc.col = 0;
    }
    size_t n_iso = 0;
    for (size_t i = 0; i < r->n_nodes; i++)
        n_iso += r->nodes[i].type == NODE_CONCEPT && !r->nodes[i].used;
    if (n_iso && !(m->isolated = malloc(n_iso * sizeof *m->isolated)))
        return CKG_ENOMEM;
    for (size_t i = 0; i < r->n_nodes; i++) {
        if (r->nodes[i].type == NODE_CONCEPT && !r->nodes[i].used)
            m->isolated[m->n_isolated++] = r->nodes[i].label;
    }
    return CKG_OK;
}

int cmap_read_cxl(const char *name, const char *data, size_t len, diag_list *diags, cmap **out)
{
    int rc = CKG_ENOMEM;
    parse_state st = {0};
    reader r = {.name = name, .diags = diags};
    xmlParserCtxtPtr ctxt = NULL;
    xmlDocPtr doc = NULL;
    *out = NULL;
    strmap_init(&r.by_id);
    if (len > CMAP_MAX_BYTES) {
        report(&r, DIAG_ERROR, 0, "the map is larger than %d MiB", CMAP_MAX_BYTES >> 20);
        rc = CKG_EINVALID;
        goto out;
    }
    xmlInitParser();
    if (!(ctxt = xmlCreateMemoryParserCtxt(data, (int)len)))
        goto out;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    ctxt->_private = &st;
    ctxt->sax->serror = on_error;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->externalSubset = on_doctype;
    ctxt->sax->resolveEntity = NULL;
    xmlParseDocument(ctxt);
    doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (st.doctype) {
        report(&r, DIAG_ERROR, (uint32_t)st.line,
               "a <!DOCTYPE> in a map is refused: CmapTools writes none, and its entities could "
               "read files or expand without bound");
        rc = CKG_EINVALID;
        goto out;
    }
    if (st.failed || !ctxt->wellFormed || !doc) {
        ckg_loc at = {name, st.line > 0 ? (uint32_t)st.line : 0,
                      st.col > 0 ? (uint32_t)st.col : 0};
        diag_add(diags, DIAG_ERROR, &at, "malformed XML: %s",
                 st.failed ? st.message : "the document is not well-formed");
        rc = CKG_EINVALID;
        goto out;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || !is(root, "cmap")) {
        report(&r, DIAG_ERROR, root ? line_of(root) : 1,
               "not a CmapTools map: the root element is <%s>, not <cmap>",
               root && root->name ? (const char *)root->name : "");
        rc = CKG_EINVALID;
        goto out;
    }
    const xmlNode *map = child(root, "map");
    if (!map) {
        report(&r, DIAG_ERROR, line_of(root), "the <cmap> holds no <map>");
        rc = CKG_EINVALID;
        goto out;
    }
    if ((rc = cmap_begin(&r.b, name, "cxl")) != CKG_OK ||
        (rc = read_list(&r, map, "concept-list", "concept", NODE_CONCEPT)) != CKG_OK ||
        (rc = read_list(&r, map, "linking-phrase-list", "linking-phrase", NODE_PHRASE)) != CKG_OK ||
        (rc = read_list(&r, map, "connection-list", "connection", 0)) != CKG_OK ||
        (rc = assemble(&r)) != CKG_OK)
        goto out;
    if (r.errors) {
        rc = CKG_EINVALID;
        goto out;
    }
    *out = r.b.m;
    r.b.m = NULL;
    rc = CKG_OK;
out:
    cmap_abandon(&r.b);
    free(r.nodes);
    free(r.conns);
    strmap_free(&r.by_id);
    xmlFreeDoc(doc);
    if (ctxt)
        xmlFreeParserCtxt(ctxt);
    return rc;
}
