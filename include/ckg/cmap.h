/* cmap.h — a concept map a student drew, read as its propositions (from, phrase, to).
 *
 * Two formats, told apart by content (the first character after a byte order mark and
 * spaces is '<': XML):
 *   - CXL, as CmapTools exports it: <cmap><map> with <concept-list> (concept id, label),
 *     <linking-phrase-list> (linking-phrase id, label) and <connection-list> (connection
 *     from-id, to-id). A linking phrase is a node of its own: every concept connected into
 *     it is paired with every concept it connects out to, so one phrase may link one concept
 *     to several. A connection from concept to concept is a proposition without a phrase.
 *     Unknown elements (appearance lists, style sheets, resources) are ignored.
 *   - CSV `from,phrase,to` (RFC 4180: quoted fields, "" for a quote, CRLF or LF), with an
 *     optional header row of those three names.
 *
 * Maps come from outside and are untrusted. XML is parsed by libxml2 from memory with no
 * network (XML_PARSE_NONET), without substituting entities, loading a DTD or external
 * entities (neither XML_PARSE_NOENT nor XML_PARSE_DTDLOAD), with libxml2's default limits
 * (no XML_PARSE_HUGE: depth, name and text sizes bounded); a DOCTYPE stops the parse at its
 * name, before any entity declaration is read (CmapTools writes none), so neither an
 * external entity (XXE) nor an entity expansion bomb can be reached. Files over
 * CMAP_MAX_BYTES and anything but regular files are refused. Problems are diagnostics at
 * file:line[:col]: malformed XML or CSV, a root that is not <cmap>, a missing id, duplicate
 * ids are errors; connections to ids that do not exist and phrases that link nothing are
 * warnings. */
#ifndef CKG_CMAP_H
#define CKG_CMAP_H

#include "ckg/arena.h"
#include "ckg/diag.h"

#include <stddef.h>

enum { CMAP_MAX_BYTES = 16 << 20 };

typedef struct cmap_prop {
    const char *from, *phrase, *to; /* labels as drawn; phrase "" when there is none */
    ckg_loc loc;                    /* the connection (CXL) or row (CSV) */
} cmap_prop;

typedef struct cmap {
    const char *file;
    const char *format; /* "cxl" or "csv" */
    cmap_prop *props;   /* in the order of the file */
    size_t n;
    const char **isolated; /* labels of concepts in no proposition (CXL) */
    size_t n_isolated;
    arena mem;
} cmap;

/* Reads the map in path. Returns CKG_OK, CKG_EINVALID (errors in diags), CKG_EIO (cannot
 * be read, not a regular file, too large; diagnostic in diags) or CKG_ENOMEM. *out is set
 * only on CKG_OK. */
int cmap_read(const char *path, diag_list *diags, cmap **out);

/* The same for bytes in memory, name standing for the file in diagnostics. */
int cmap_read_buffer(const char *name, const char *data, size_t len, diag_list *diags,
                     cmap **out);
int cmap_read_cxl(const char *name, const char *data, size_t len, diag_list *diags, cmap **out);
int cmap_read_csv(const char *name, const char *data, size_t len, diag_list *diags, cmap **out);

void cmap_free(cmap *m);

#endif
