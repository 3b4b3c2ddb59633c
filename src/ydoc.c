/* ydoc.c — build a ynode tree from libyaml's event stream.
 *
 * Open collections sit on an explicit stack (no recursion, so nesting depth costs heap, not C
 * stack, and is refused beyond the limit before it can grow). Children are gathered in a
 * growable scratch array per open collection and copied into the arena when it closes; each
 * level of the stack keeps its scratch array for the next collection at that depth, so the
 * hundreds of thousands of small mappings of a large ontology cost no malloc each.
 * Anchors map to finished nodes; an alias reuses the node and charges its expanded weight to
 * a budget, which is what stops exponential alias bombs. */
#include "ckg/ydoc.h"
#include "ckg/status.h"
#include "ckg/strmap.h"

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
    void *children; /* ynode ** for sequences, ypair * for mappings */
    size_t n, cap;
    ynode *pending_key;
    const char *anchor; /* arena copy, registered when the collection closes */
} frame;

typedef struct builder {
    const char *file;
    const ydoc_limits *limits;
    arena *mem;
    diag_list *diags;
    frame *stack;
    size_t depth, stack_cap;
    size_t stack_used; /* levels whose scratch array (children, cap) is initialized */
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

static int error_at(builder *b, size_t line0, size_t col0, const char *fmt, const char *arg)
{
    ckg_loc loc = {b->file, (uint32_t)line0 + 1, (uint32_t)col0 + 1};
    diag_add(b->diags, DIAG_ERROR, &loc, fmt, arg);
    return CKG_EINVALID;
}

static ynode *new_node(builder *b, ynode_kind kind, const yaml_mark_t *mark)
{
    ynode *n = arena_calloc(b->mem, 1, sizeof *n);
    if (n) {
        n->kind = kind;
        n->line = (uint32_t)mark->line + 1;
        n->col = (uint32_t)mark->column + 1;
        n->weight = 1;
    }
    return n;
}

static int grow(void **items, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap)
        return CKG_OK;
    size_t n = *cap ? *cap * 2 : 8;
    while (n < need)
        n *= 2;
    void *p = realloc(*items, n * elsize);
    if (!p)
        return CKG_ENOMEM;
    *items = p;
    *cap = n;
    return CKG_OK;
}

static int register_anchor(builder *b, const char *name, ynode *node)
{
    int rc = grow((void **)&b->anchor_nodes, &b->anchors_cap, b->n_anchors + 1,
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
    if (f->node->kind == YNODE_SEQ) {
        int rc = grow(&f->children, &f->cap, f->n + 1, sizeof(ynode *));
        if (rc != CKG_OK)
            return rc;
        ((ynode **)f->children)[f->n++] = node;
        return CKG_OK;
    }
    if (!f->pending_key) {
        if (node->kind != YNODE_SCALAR) {
            ckg_loc loc = {b->file, node->line, node->col};
            diag_add(b->diags, DIAG_ERROR, &loc, "a mapping key must be a plain string, not %s",
                     ydoc_kind_name(node->kind));
            return CKG_EINVALID;
        }
        f->pending_key = node;
        return CKG_OK;
    }
    int rc = grow(&f->children, &f->cap, f->n + 1, sizeof(ypair));
    if (rc != CKG_OK)
        return rc;
    ((ypair *)f->children)[f->n++] = (ypair){f->pending_key, node};
    f->pending_key = NULL;
    return CKG_OK;
}

/* Small mappings (nearly all of them: an ontology entry has a handful of keys) are checked
 * pairwise; a hash set per mapping would cost an allocation each, which shows at 20k
 * concepts. */
enum { SMALL_MAP = 16 };

static void report_duplicate(builder *b, const ynode *key, const ynode *first)
{
    ckg_loc loc = {b->file, key->line, key->col};
    diag_add(b->diags, DIAG_ERROR, &loc, "duplicate key '%s' (first at line %u)", key->as.str,
             (unsigned)first->line);
}

static int check_duplicate_keys(builder *b, const ynode *map)
{
    int rc = CKG_OK;
    strmap seen;
    if (map->len <= SMALL_MAP) {
        for (size_t i = 1; i < map->len; i++) {
            const ynode *key = map->as.pairs[i].key;
            for (size_t j = 0; j < i; j++) {
                if (strcmp(map->as.pairs[j].key->as.str, key->as.str) == 0) {
                    report_duplicate(b, key, map->as.pairs[j].key);
                    break;
                }
            }
        }
        return CKG_OK;
    }
    strmap_init(&seen);
    for (size_t i = 0; i < map->len; i++) {
        const ynode *key = map->as.pairs[i].key;
        int32_t first;
        if (strmap_put(&seen, key->as.str, (int32_t)i, &first) != CKG_OK) {
            rc = CKG_ENOMEM;
            goto out;
        }
        if (first >= 0)
            report_duplicate(b, key, map->as.pairs[first].key);
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
        return error_at(b, ev->start_mark.line, ev->start_mark.column,
                        "nesting deeper than %s levels", limit);
    }
    int rc = grow((void **)&b->stack, &b->stack_cap, b->depth + 1, sizeof *b->stack);
    if (rc != CKG_OK)
        return rc;
    if (b->depth == b->stack_used) {
        b->stack[b->depth] = (frame){0};
        b->stack_used++;
    }
    ynode *node = new_node(b, kind, &ev->start_mark);
    if (!node)
        return CKG_ENOMEM;
    const char *anchor_copy = NULL;
    if (anchor && !(anchor_copy = arena_strdup(b->mem, (const char *)anchor)))
        return CKG_ENOMEM;
    frame *f = &b->stack[b->depth++];
    f->node = node;
    f->n = 0;
    f->pending_key = NULL;
    f->anchor = anchor_copy;
    return CKG_OK;
}

static int close_collection(builder *b)
{
    frame f = b->stack[--b->depth];
    int rc = CKG_OK;
    size_t elsize = f.node->kind == YNODE_SEQ ? sizeof(ynode *) : sizeof(ypair);
    void *items = NULL;
    if (f.n && !(items = arena_alloc(b->mem, f.n * elsize))) {
        rc = CKG_ENOMEM;
        goto out;
    }
    if (f.n)
        memcpy(items, f.children, f.n * elsize);
    f.node->len = f.n;
    if (f.node->kind == YNODE_SEQ) {
        f.node->as.items = items;
    } else {
        f.node->as.pairs = items;
        /* Duplicate keys are reported but the tree stays usable (the first value wins), so
         * the rest of the file is still checked in the same run. */
        rc = check_duplicate_keys(b, f.node);
        if (rc != CKG_OK)
            goto out;
    }
    if (f.anchor) {
        int arc = register_anchor(b, f.anchor, f.node);
        if (arc != CKG_OK) {
            rc = arc;
            goto out;
        }
    }
    int arc = attach(b, f.node);
    if (arc != CKG_OK)
        rc = arc;
out:
    return rc; /* f.children stays with its level of the stack */
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    size_t len = ev->data.scalar.length;
    if (len > b->limits->max_scalar) {
        char what[64];
        snprintf(what, sizeof what, "%zu bytes (the limit is %zu)", len, b->limits->max_scalar);
        return error_at(b, ev->start_mark.line, ev->start_mark.column, "scalar too long: %s",
                        what);
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
        return error_at(b, ev->start_mark.line, ev->start_mark.column,
                        "alias '*%s' names no anchor defined before it", name);
    ynode *target = b->anchor_nodes[i];
    b->alias_budget_used = add_weight(b->alias_budget_used, target->weight);
    if (b->alias_budget_used > b->limits->max_alias_nodes)
        return error_at(b, ev->start_mark.line, ev->start_mark.column,
                        "aliases expand to too many nodes at '*%s' (an alias bomb?)", name);
    return attach(b, target);
}

/* libyaml reports reader errors (bad UTF-8, control characters) by byte offset only. */
static void offset_to_mark(const char *buf, size_t len, size_t offset, yaml_mark_t *mark)
{
    mark->line = mark->column = 0;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (buf[i] == '\n') {
            mark->line++;
            mark->column = 0;
        } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            mark->column++;
        }
    }
}

static int parser_error(builder *b, const yaml_parser_t *p, const char *buf, size_t len)
{
    if (p->error == YAML_MEMORY_ERROR)
        return CKG_ENOMEM;
    if (p->error == YAML_READER_ERROR) {
        yaml_mark_t mark;
        offset_to_mark(buf, len, p->problem_offset, &mark);
        char what[160];
        if (p->problem_value >= 0)
            snprintf(what, sizeof what, "%s (byte 0x%02x)", p->problem, p->problem_value & 0xff);
        else
            snprintf(what, sizeof what, "%s", p->problem);
        return error_at(b, mark.line, mark.column, "not valid UTF-8 text: %s", what);
    }
    char what[320];
    if (p->context)
        snprintf(what, sizeof what, "%s %s (line %zu)", p->problem, p->context,
                 p->context_mark.line + 1);
    else
        snprintf(what, sizeof what, "%s", p->problem ? p->problem : "unknown problem");
    return error_at(b, p->problem_mark.line, p->problem_mark.column, "YAML syntax: %s", what);
}

static int on_event(builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->n_documents > 1)
            return error_at(b, ev->start_mark.line, ev->start_mark.column,
                            "%s", "a second YAML document in one file");
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

    if (!yaml_parser_initialize(&parser))
        return CKG_ENOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            rc = parser_error(&b, &parser, buf, len);
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
    for (size_t i = 0; i < b.stack_used; i++)
        free(b.stack[i].children);
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
