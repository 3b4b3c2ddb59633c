/* view_diff.h — what the two files of `ckg diff`'s text share: the layout of the screen
 * (view_diff.c draws the figures and concept lists, view_diff_relations.c the relations
 * one scope states and the other does not). */
#ifndef CKG_CLI_VIEW_DIFF_H
#define CKG_CLI_VIEW_DIFF_H

#include "cli.h"

/* The widths of the text layout. */
typedef struct diff_layout {
    const diff_result *d;
    const cli_style *st;
    size_t wn;   /* a column holding a scope name (or a number under it) */
    size_t half; /* the left half of two lists side by side */
    const char *name[2]; /* a's and b's names in columns: the section ids for two sections
                          * of one paper, else the scope names */
} diff_layout;

/* The relations only one scope states (at most top of each), those between shared
 * concepts first, each as from —family:kinds→ to, side by side. */
void view_diff_relations(const diff_layout *l, size_t top);

#endif
