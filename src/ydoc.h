/* ydoc.h — a YAML document as a small tree with source positions, built from libyaml events.
 *
 * YAML is untrusted input: the parser bounds nesting depth, scalar size and alias expansion
 * (an alias is shared, never copied, and the nodes it would expand to count against a budget,
 * so a billion-laughs document fails fast), rejects duplicate keys and non-scalar keys, and
 * reports every problem at its line and column. Nodes live in the caller's arena. */
#ifndef CKG_YDOC_H
#define CKG_YDOC_H

#include "ckg/arena.h"
#include "ckg/diag.h"

#include <stddef.h>
#include <stdint.h>

typedef enum { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP } ynode_kind;

typedef struct ynode ynode;
typedef struct ypair {
    ynode *key, *value;
} ypair;

struct ynode {
    ynode_kind kind;
    uint32_t line, col; /* 1-based, column in code points */
    int plain;          /* scalar written without quotes (so `~`, `null`, `12` keep their meaning) */
    size_t len;         /* scalar: bytes; sequence: items; mapping: pairs */
    size_t weight;      /* nodes this one stands for once aliases are expanded (saturating) */
    union {
        char *str;      /* scalar, NUL-terminated (may also contain NULs within len) */
        ynode **items;  /* sequence */
        ypair *pairs;   /* mapping */
    } as;
};

typedef struct ydoc_limits {
    size_t max_depth;       /* nested collections */
    size_t max_scalar;      /* bytes in one scalar */
    size_t max_alias_nodes; /* nodes reachable through aliases, counted with repetition */
} ydoc_limits;

/* The limits ckg applies to ontology files: generous for real data, small enough that no
 * input can make a run slow or large. */
extern const ydoc_limits ydoc_default_limits;

/* Parses buf (len bytes) as one YAML document. file names it in diagnostics and must outlive
 * them. On success *root is the top node, or NULL for an empty document. Returns CKG_OK,
 * CKG_EINVALID when the text could not be made into a tree (diagnostics added), or
 * CKG_ENOMEM. Problems that leave the tree usable (a duplicate key: the first value wins)
 * are added to diags as errors but still return CKG_OK, so the caller checks the rest. */
int ydoc_parse(const char *buf, size_t len, const char *file, const ydoc_limits *limits,
               arena *mem, diag_list *diags, ynode **root);

/* The value for key in a mapping node, or NULL. */
ynode *ydoc_get(const ynode *map, const char *key);

/* "a mapping", "a sequence", "a string": for type errors. */
const char *ydoc_kind_name(ynode_kind kind);

#endif
