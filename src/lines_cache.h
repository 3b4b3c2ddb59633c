/* lines_cache.h — a validated cache of where the ontology's quotes lie in their source texts
 * (lines_cache.c), so that a query that shows quotes with their lines does not build the
 * normalized text of each paper at every run. Not installed: query_lines uses it
 * (query_lines_cache_in in query.h).
 *
 * Promise: an answer from the cache is the answer query_quote_line gives on the same corpus
 * file, quote and matching code, or there is no answer from the cache and the caller asks
 * query_quote_line. A cache file is used only when the corpus file has the size,
 * modification time (ns) and content hash (hash64) it records, the quote is one it holds
 * byte for byte, and it was written by code of the same schema (CKG_LINES_SCHEMA, a digest
 * of the sources that decide a line, made by the Makefile). Nothing here prints, and no
 * failure of the cache is an error: it only costs the cache. */
#ifndef CKG_LINES_CACHE_H
#define CKG_LINES_CACHE_H

#include "ckg/ontology.h"

#include <stddef.h>
#include <stdint.h>

typedef struct lines_cache lines_cache;

/* What the cache did, for the tests (nothing else reads it). */
typedef struct lines_cache_report {
    size_t hits;     /* source texts whose cache file was used */
    size_t misses;   /* source texts whose lines were computed (no cache file, a stale,
                      * truncated or corrupt one, or one without a quote asked for) */
    size_t written;  /* cache files written */
    size_t bypassed; /* source texts left to query_quote_line (cannot be read or built) */
    int cache_errno; /* why the last cache file could not be written, or 0 */
} lines_cache_report;

/* Returned by lines_cache_get when it has no answer: ask query_quote_line. */
enum { LINES_CACHE_PASS = 1 };

/* The cache, in the folder cache_dir, of the source texts in the folder corpus_dir. NULL
 * when there is no memory or corpus_dir cannot be resolved to an absolute path (then there
 * is no cache). */
lines_cache *lines_cache_new(const char *cache_dir, const char *corpus_dir);
void lines_cache_free(lines_cache *lc);

/* Where the quote of ev, evidence of paper in o, lies in its source text: what
 * query_quote_line would return (CKG_OK with *line and *end_line, 0 when not found;
 * CKG_EINVALID), or LINES_CACHE_PASS with *line and *end_line 0 (a source without a valid
 * file name, that cannot be read or built, evidence located by ckg check, no memory). On
 * the first quote of a source text whose cache file is missing or stale, the text is built
 * once, every quote of o that cites it is located, and the cache file is written. */
int lines_cache_get(lines_cache *lc, const ckg_ontology *o, int32_t paper,
                    const ckg_evidence *ev, size_t *line, size_t *end_line);

const lines_cache_report *lines_cache_report_of(const lines_cache *lc);

/* The path of the cache file of the source text `source` of the corpus folder corpus_dir,
 * into buf. CKG_OK, CKG_EIO (corpus_dir cannot be resolved) or CKG_EUSAGE (too long). */
int lines_cache_path(const char *cache_dir, const char *corpus_dir, const char *source,
                     char *buf, size_t size);

#endif
