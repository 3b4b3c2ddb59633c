/* query_internal.h — what the walks of the query module share (query.c, query_kpaths.c):
 * a query_filter made ready for walking, the statements leading out of a concept in the
 * walk's direction, and the links of one step between two concepts; and the line of a quote
 * in a loaded text, which query_quote_line and the cache of quote lines (lines_cache.c)
 * share. Not installed. */
#ifndef CKG_QUERY_INTERNAL_H
#define CKG_QUERY_INTERNAL_H

#include "ckg/query.h"

/* A filter as a walk uses it. */
typedef struct query_walk {
    unsigned direction;     /* QUERY_OUT, QUERY_IN or QUERY_BOTH */
    unsigned char *kind_ok; /* per kind; NULL: every kind */
    unsigned char *avoided; /* per concept; NULL: none */
    int32_t paper, theme;
} query_walk;

/* f (NULL: everything) made ready; CKG_OK or CKG_ENOMEM. Free with query_walk_free. */
int query_walk_init(const query_index *qi, const query_filter *f, query_walk *w);
void query_walk_free(query_walk *w);
/* Does the statement's paper and kind pass? */
int query_stmt_passes(const query_walk *w, const query_stmt *s);
/* May the walk go to or through concept c (theme, avoided)? */
int query_concept_passes(const query_index *qi, const query_walk *w, int32_t c);

/* The statements leading out of u in direction dir (QUERY_OUT: those leaving u, QUERY_IN:
 * those entering it): query_adjacent_stmt(qi, dir, k) for k in [*lo, *hi); the concept
 * they lead to is query_other_end(stmt, dir). */
void query_adjacency(const query_index *qi, int32_t u, unsigned dir, uint32_t *lo, uint32_t *hi);
const query_stmt *query_adjacent_stmt(const query_index *qi, unsigned dir, uint32_t k);
int32_t query_other_end(const query_stmt *s, unsigned dir);

/* The links of the step u -> v of a path (step number `number`), in mem, into *step:
 * every statement linking them that the walk lets through. CKG_OK or CKG_ENOMEM. */
int query_step_links(const query_index *qi, const query_walk *w, int32_t u, int32_t v,
                     uint32_t number, arena *mem, query_step *step);

/* Where quote[0..len) lies in doc, as query_quote_line says (lines_cache.c records the same
 * answer): CKG_OK with *line and *end_line (both 0 when the quote is not in the text or is
 * empty), CKG_EINVALID (not valid UTF-8), or CKG_ENOMEM. */
int query_quote_in_doc(const text_doc *doc, const char *quote, size_t len, size_t *line,
                       size_t *end_line);

#endif
