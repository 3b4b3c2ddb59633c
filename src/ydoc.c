/* ydoc.c — build a ynode tree from libyaml's event stream.
 *
 * Open collections sit on an explicit stack (no recursion, so nesting depth costs heap, not C
 * stack, and is refused beyond the limit before it can grow). The children of all open
 * collections share one growable scratch stack: a collection's children are always on top
 * while it is open (an inner collection closes before its parent gets another child), so
 * closing one copies its run into the arena and pops it, and a file costs a few reallocs
 * instead of a malloc per collection. A mapping's run holds key, value, key, value... which
 * is the layout of its ypair array.
 * Anchors map to finished nodes; an alias reuses the node and charges its expanded weight to
 * a budget, which is what stops exponential alias bombs.
 *
 * Places: libyaml counts lines its own way (a lone CR, NEL, LS and PS end a line too, and a
 * file without a final line break gets an implied one), while editors, the excerpts ckg
 * prints and everything else count line feeds. In a file without such line breaks libyaml's
 * line and column are right wherever the line exists; elsewhere (and for errors) the place
 * is recomputed from the mark's character index by walking the text with a cursor that
 * only moves forward (events come in file order; a mark behind it restarts the walk). */
#include "ydoc.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "util/array.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

const ydoc_limits ydoc_default_limits = {
    .max_depth = 64,
    .max_scalar = 64 * 1024,
    .max_alias_nodes = 100 * 1000,
};

typedef struct frame {
    ynode *node;
    size_t first;       /* where its children begin on the builder's child stack */
    ynode *pending_key;
    const char *anchor; /* arena copy, registered when the collection closes */
} frame;

_Static_assert(sizeof(ypair) == 2 * sizeof(ynode *), "a ypair is a key and a value pointer");

/* A place in the text: characters and bytes before it, 0-based line and column (in
 * characters, lines ended by LF only). */
typedef struct place {
    size_t chars, byte, line, col;
} place;

typedef struct builder {
    const char *buf;
    size_t len;
    size_t line_feeds; /* in buf */
    int odd_breaks;    /* buf has a line break other than LF or CRLF */
    place cursor;
    const char *file;
    const ydoc_limits *limits;
    arena *mem;
    diag_list *diags;
    frame *stack;
    size_t depth, stack_cap;
    ynode **children;      /* children of the open collections, innermost on top */
    size_t n_children, children_cap;
    strmap anchors;        /* anchor name -> index in anchor_nodes */
    ynode **anchor_nodes;
    size_t n_anchors, anchors_cap;
    size_t alias_budget_used;
    ynode *root;
    int n_documents;
} builder;

static size_t add_weight(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* Bytes of the UTF-8 sequence led by u (1 for a stray byte: never past what is there). */
static size_t seq_len(unsigned char u)
{
    return u < 0x80 ? 1
           : (u & 0xE0) == 0xC0 ? 2
           : (u & 0xF0) == 0xE0 ? 3
           : (u & 0xF8) == 0xF0 ? 4
                                : 1;
}

/* The place of libyaml's mark (by its character index). */
static place locate(builder *b, const yaml_mark_t *mark)
{
    place *c = &b->cursor;
    if (mark->index < c->chars)
        *c = (place){0};
    while (c->chars < mark->index && c->byte < b->len) {
        unsigned char u = (unsigned char)b->buf[c->byte];
        size_t k = seq_len(u);
        if (u == '\n') {
            c->line++;
            c->col = 0;
        } else {
            c->col++;
        }
        c->byte = k <= b->len - c->byte ? c->byte + k : b->len;
        c->chars++;
    }
    return *c;
}

/* The place of a byte offset (for reader errors, which libyaml reports by offset). */
static place locate_byte(const builder *b, size_t offset)
{
    place p = {0};
    for (; p.byte < offset && p.byte < b->len; p.byte++) {
        if (b->buf[p.byte] == '\n') {
            p.line++;
            p.col = 0;
        } else if (((unsigned char)b->buf[p.byte] & 0xC0) != 0x80) {
            p.col++;
        }
    }
    return p;
}

static int error_at(builder *b, place at, const char *fmt, const char *arg)
{
    ckg_loc loc = {b->file, (uint32_t)at.line + 1, (uint32_t)at.col + 1};
    diag_add(b->diags, DIAG_ERROR, &loc, fmt, arg);
    return CKG_EINVALID;
}

static int error_at_mark(builder *b, const yaml_mark_t *mark, const char *fmt, const char *arg)
{
    return error_at(b, locate(b, mark), fmt, arg);
}

/* Counts the line feeds of b's text and notes any other line break libyaml would count: a
 * CR not followed by LF, NEL (U+0085), LS (U+2028), PS (U+2029). */
static void scan_line_breaks(builder *b)
{
    const char *p = b->buf, *end = b->buf + b->len;
    for (const char *q = p; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
        b->line_feeds++;
    for (const char *q = p; !b->odd_breaks && (q = memchr(q, '\r', (size_t)(end - q))) != NULL; q++)
        b->odd_breaks = q + 1 == end || q[1] != '\n';
    for (const char *q = p; !b->odd_breaks && (q = memchr(q, 0xC2, (size_t)(end - q))); q++)
        b->odd_breaks = q + 1 < end && (unsigned char)q[1] == 0x85;
    for (const char *q = p; !b->odd_breaks && (q = memchr(q, 0xE2, (size_t)(end - q))); q++)
        b->odd_breaks = q + 2 < end && (unsigned char)q[1] == 0x80 &&
                        ((unsigned char)q[2] == 0xA8 || (unsigned char)q[2] == 0xA9);
}

/* The line and column of a node: libyaml's own where they are right. */
static place node_place(builder *b, const yaml_mark_t *mark)
{
    if (!b->odd_breaks && mark->line <= b->line_feeds)
        return (place){.line = mark->line, .col = mark->column};
    return locate(b, mark);
}

static ynode *new_node(builder *b, ynode_kind kind, const yaml_mark_t *mark)
{
    ynode *n = arena_calloc(b->mem, 1, sizeof *n);
    if (n) {
        place at = node_place(b, mark);
        n->kind = kind;
        n->line = (uint32_t)at.line + 1;
        n->col = (uint32_t)at.col + 1;
        n->weight = 1;
    }
    return n;
}

static int register_anchor(builder *b, const char *name, ynode *node)
{
    int rc = array_grow(&b->anchor_nodes, &b->anchors_cap, b->n_anchors + 1,
                        sizeof *b->anchor_nodes);
    if (rc != CKG_OK)
        return rc;
    int32_t existing;
    rc = strmap_put(&b->anchors, name, (int32_t)b->n_anchors, &existing);
    if (rc != CKG_OK)
        return rc;
    if (existing >= 0) {
        b->anchor_nodes[existing] = node; /* YAML lets a later anchor of the same name win */
        return CKG_OK;
    }
    b->anchor_nodes[b->n_anchors++] = node;
    return CKG_OK;
}

/* Adds a finished node to the innermost open collection, or makes it the root. */
static int attach(builder *b, ynode *node)
{
    if (b->depth == 0) {
        b->root = node;
        return CKG_OK;
    }
    frame *f = &b->stack[b->depth - 1];
    f->node->weight = add_weight(f->node->weight, node->weight);
    if (f->node->kind == YNODE_MAP && !f->pending_key) {
        if (node->kind != YNODE_SCALAR) {
            ckg_loc loc = {b->file, node->line, node->col};
            diag_add(b->diags, DIAG_ERROR, &loc, "a mapping key must be a plain string, not %s",
                     ydoc_kind_name(node->kind));
            return CKG_EINVALID;
        }
        f->pending_key = node;
        return CKG_OK;
    }
    int rc = array_grow(&b->children, &b->children_cap, b->n_children + 2, sizeof(ynode *));
    if (rc != CKG_OK)
        return rc;
    if (f->pending_key) {
        b->children[b->n_children++] = f->pending_key;
        f->pending_key = NULL;
    }
    b->children[b->n_children++] = node;
    return CKG_OK;
}

/* Reports each key of a mapping equal to an earlier one, pointing at the first. Small
 * mappings (every mapping of the ontology's schema) compare pairwise; large ones hash. */
static void report_duplicate(builder *b, const ynode *map, size_t i, size_t first)
{
    const ynode *key = map->as.pairs[i].key;
    ckg_loc loc = {b->file, key->line, key->col};
    diag_add(b->diags, DIAG_ERROR, &loc, "duplicate key '%s' (first at line %u)", key->as.str,
             (unsigned)map->as.pairs[first].key->line);
}

static int check_duplicate_keys(builder *b, const ynode *map)
{
    enum { SMALL = 16 };
    int rc = CKG_OK;
    strmap seen;
    strmap_init(&seen);
    if (map->len <= SMALL) {
        for (size_t i = 1; i < map->len; i++) {
            const char *key = map->as.pairs[i].key->as.str;
            for (size_t j = 0; j < i; j++) {
                if (strcmp(map->as.pairs[j].key->as.str, key) == 0) {
                    report_duplicate(b, map, i, j);
                    break;
                }
            }
        }
        goto out;
    }
    for (size_t i = 0; i < map->len; i++) {
        int32_t first;
        if (strmap_put(&seen, map->as.pairs[i].key->as.str, (int32_t)i, &first) != CKG_OK) {
            rc = CKG_ENOMEM;
            goto out;
        }
        if (first >= 0)
            report_duplicate(b, map, i, (size_t)first);
    }
out:
    strmap_free(&seen);
    return rc;
}

static int open_collection(builder *b, ynode_kind kind, const yaml_event_t *ev,
                           const yaml_char_t *anchor)
{
    if (b->depth >= b->limits->max_depth) {
        char limit[32];
        snprintf(limit, sizeof limit, "%zu", b->limits->max_depth);
        return error_at_mark(b, &ev->start_mark, "nesting deeper than %s levels", limit);
    }
    int rc = array_grow(&b->stack, &b->stack_cap, b->depth + 1, sizeof *b->stack);
    if (rc != CKG_OK)
        return rc;
    ynode *node = new_node(b, kind, &ev->start_mark);
    if (!node)
        return CKG_ENOMEM;
    const char *anchor_copy = NULL;
    if (anchor && !(anchor_copy = arena_strdup(b->mem, (const char *)anchor)))
        return CKG_ENOMEM;
    b->stack[b->depth++] = (frame){.node = node, .first = b->n_children, .anchor = anchor_copy};
    return CKG_OK;
}

static int close_collection(builder *b)
{
    frame f = b->stack[--b->depth];
    int rc;
    size_t n_ptrs = b->n_children - f.first;
    void *items = NULL;
    b->n_children = f.first; /* popped, whatever happens below */
    if (n_ptrs && !(items = arena_alloc(b->mem, n_ptrs * sizeof(ynode *))))
        return CKG_ENOMEM;
    if (n_ptrs)
        memcpy(items, b->children + f.first, n_ptrs * sizeof(ynode *));
    if (f.node->kind == YNODE_SEQ) {
        f.node->len = n_ptrs;
        f.node->as.items = items;
    } else {
        f.node->len = n_ptrs / 2;
        f.node->as.pairs = items;
        /* Duplicate keys are reported but the tree stays usable (the first value wins), so
         * the rest of the file is still checked in the same run. */
        if ((rc = check_duplicate_keys(b, f.node)) != CKG_OK)
            return rc;
    }
    if (f.anchor && (rc = register_anchor(b, f.anchor, f.node)) != CKG_OK)
        return rc;
    return attach(b, f.node);
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    size_t len = ev->data.scalar.length;
    if (len > b->limits->max_scalar) {
        char what[64];
        snprintf(what, sizeof what, "%zu bytes (the limit is %zu)", len, b->limits->max_scalar);
        return error_at_mark(b, &ev->start_mark, "scalar too long: %s", what);
    }
    ynode *node = new_node(b, YNODE_SCALAR, &ev->start_mark);
    if (!node)
        return CKG_ENOMEM;
    node->len = len;
    node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    if (!(node->as.str = arena_strndup(b->mem, (const char *)ev->data.scalar.value, len)))
        return CKG_ENOMEM;
    if (ev->data.scalar.anchor) {
        const char *name = arena_strdup(b->mem, (const char *)ev->data.scalar.anchor);
        int rc = name ? register_anchor(b, name, node) : CKG_ENOMEM;
        if (rc != CKG_OK)
            return rc;
    }
    return attach(b, node);
}

static int on_alias(builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    int32_t i = strmap_get(&b->anchors, name);
    if (i < 0)
        return error_at_mark(b, &ev->start_mark, "alias '*%s' names no anchor defined before it",
                             name);
    ynode *target = b->anchor_nodes[i];
    b->alias_budget_used = add_weight(b->alias_budget_used, target->weight);
    if (b->alias_budget_used > b->limits->max_alias_nodes)
        return error_at_mark(b, &ev->start_mark,
                             "aliases expand to too many nodes at '*%s' (an alias bomb?)", name);
    return attach(b, target);
}

static int parser_error(builder *b, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return CKG_ENOMEM;
    const char *problem_text = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_READER_ERROR) { /* bad UTF-8, control characters: by byte offset */
        char what[160];
        if (p->problem_value >= 0)
            snprintf(what, sizeof what, "%s (byte 0x%02x)", problem_text,
                     p->problem_value & 0xff);
        else
            snprintf(what, sizeof what, "%s", problem_text);
        /* the reader also refuses control characters, which are not an encoding problem */
        int encoding = strstr(problem_text, "UTF-8") || strstr(problem_text, "Unicode");
        return error_at(b, locate_byte(b, p->problem_offset),
                        encoding ? "not valid UTF-8 text: %s" : "not valid YAML text: %s", what);
    }
    char what[320];
    place context = locate(b, &p->context_mark);
    place problem = locate(b, &p->problem_mark);
    const char *hint = !strstr(problem_text, "tab") && problem.byte < b->len &&
                               b->buf[problem.byte] == '\t'
                           ? " (a tab: YAML is indented with spaces)"
                           : "";
    if (p->context)
        snprintf(what, sizeof what, "%s %s (line %zu)%s", problem_text, p->context,
                 context.line + 1, hint);
    else
        snprintf(what, sizeof what, "%s%s", problem_text, hint);
    return error_at(b, problem, "YAML syntax: %s", what);
}

/* A UTF-16 or UTF-32 byte order mark: libyaml would decode such a file, but everything
 * else (columns, excerpts, quotes) reads UTF-8, so the file is refused with a clear
 * reason. */
static int wide_encoding(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
                     (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
        return 32;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return 16;
    return 0;
}

static int on_event(builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->n_documents > 1)
            return error_at_mark(b, &ev->start_mark, "%s", "a second YAML document in one file");
        return CKG_OK;
    case YAML_SCALAR_EVENT:
        return on_scalar(b, ev);
    case YAML_ALIAS_EVENT:
        return on_alias(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        return open_collection(b, YNODE_SEQ, ev, ev->data.sequence_start.anchor);
    case YAML_MAPPING_START_EVENT:
        return open_collection(b, YNODE_MAP, ev, ev->data.mapping_start.anchor);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return close_collection(b);
    default:
        return CKG_OK;
    }
}

int ydoc_parse(const char *buf, size_t len, const char *file, const ydoc_limits *limits,
               arena *mem, diag_list *diags, ynode **root)
{
    int rc = CKG_OK;
    yaml_parser_t parser;
    builder b = {.file = file, .limits = limits ? limits : &ydoc_default_limits,
                 .mem = mem, .diags = diags};
    strmap_init(&b.anchors);
    *root = NULL;

    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) { /* a UTF-8 byte order mark */
        buf += 3;
        len -= 3;
    }
    b.buf = buf;
    b.len = len;
    scan_line_breaks(&b);
    int wide = wide_encoding(buf, len);
    if (wide) {
        strmap_free(&b.anchors);
        return error_at(&b, (place){0},
                        wide == 16 ? "the file is UTF-16 text; %s" : "the file is UTF-32 text; %s",
                        "ckg reads UTF-8 only (save it as UTF-8)");
    }
    if (!yaml_parser_initialize(&parser))
        return CKG_ENOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            rc = parser_error(&b, &parser);
            goto out;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        rc = on_event(&b, &ev);
        yaml_event_delete(&ev);
        if (rc != CKG_OK || done)
            break;
    }
out:
    if (rc == CKG_OK)
        *root = b.root;
    free(b.children);
    free(b.stack);
    free(b.anchor_nodes);
    strmap_free(&b.anchors);
    yaml_parser_delete(&parser);
    return rc;
}

ynode *ydoc_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YNODE_MAP)
        return NULL;
    for (size_t i = 0; i < map->len; i++) {
        if (strcmp(map->as.pairs[i].key->as.str, key) == 0)
            return map->as.pairs[i].value;
    }
    return NULL;
}

const char *ydoc_kind_name(ynode_kind kind)
{
    switch (kind) {
    case YNODE_SCALAR: return "a scalar";
    case YNODE_SEQ: return "a sequence";
    default: return "a mapping";
    }
}
