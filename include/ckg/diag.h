/* diag.h — diagnostics: errors, warnings and notes with the place they point at.
 *
 * Every check of a run appends to one diag_list instead of stopping at the first problem;
 * the CLI prints the list compiler-style (file:line:col: error: message, the source line,
 * a caret). Lines and columns are 1-based; a column counts code points; 0 means unknown. */
#ifndef CKG_DIAG_H
#define CKG_DIAG_H

#include <stddef.h>
#include <stdint.h>

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_severity;

/* A place in an input file. file is borrowed: it must outlive the diagnostics that copy it. */
typedef struct ckg_loc {
    const char *file;
    uint32_t line, col;
} ckg_loc;

typedef struct diag {
    diag_severity severity;
    char *file; /* owned copy; NULL for diagnostics about no file in particular */
    uint32_t line, col;
    char *message;
} diag;

typedef struct diag_list {
    diag *items;
    size_t n, cap;
    size_t n_errors, n_warnings;
    int out_of_memory; /* a diagnostic was dropped for lack of memory */
} diag_list;

void diag_list_init(diag_list *l);
void diag_list_free(diag_list *l);

/* Appends a diagnostic at loc (which may be NULL). Returns CKG_OK or CKG_ENOMEM; on
 * CKG_ENOMEM the list records that it is incomplete, so callers may ignore the result. */
int diag_add(diag_list *l, diag_severity sev, const ckg_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Moves every diagnostic of src to the end of dst, and its counts, leaving src empty (and
 * freed). Returns CKG_OK or CKG_ENOMEM (dst then records that it is incomplete). */
int diag_list_take(diag_list *dst, diag_list *src);

/* Orders the list by file, line and column (stable, so equal places keep their order). */
void diag_list_sort(diag_list *l);

const char *diag_severity_name(diag_severity sev);

#endif
