/* cachefile.h — what the library's caches (the parsed ontologies of ontology_cache.c, the
 * quote lines of lines_cache.c) share about their files: reading a cache file whole,
 * replacing one so that a reader never sees it half written, and reading its payload within
 * bounds.
 *
 * Invariants: a cache file is only ever replaced by renaming a new, whole file over it (never
 * written in place), so a reader that mapped the old one keeps reading the old bytes; a write
 * that fails leaves no temporary file behind. Nothing here prints; every failure is a status
 * the caller may ignore, since no cache is needed for a right answer. */
#ifndef CKG_UTIL_CACHEFILE_H
#define CKG_UTIL_CACHEFILE_H

#include "util/strbuf.h"

#include <stddef.h>
#include <stdint.h>

typedef struct cachefile {
    char *data;  /* the file's bytes (not NUL-terminated) */
    size_t len;
    int mapped;  /* data is a read-only private mapping (munmap data, len) */
    int owned;   /* data was malloc'd here (no allocator given): free it */
} cachefile;

typedef enum cachefile_status {
    CACHEFILE_OK,
    CACHEFILE_ABSENT,  /* no file, or none that can be opened */
    CACHEFILE_INVALID, /* not a regular file, shorter than asked, too large, or unreadable */
    CACHEFILE_ENOMEM,
} cachefile_status;

/* Reads the cache file at path whole into *out (zeroed first): mapped read-only with its
 * pages brought in at once (a page fault less per page than reading into fresh memory),
 * or, where it cannot be mapped, read into alloc(ctx, size) (malloc when alloc is NULL). A
 * file of fewer than min_len bytes (or of none) is CACHEFILE_INVALID. */
cachefile_status cachefile_read(const char *path, size_t min_len,
                                void *(*alloc)(void *ctx, size_t size), void *ctx,
                                cachefile *out);

/* Unmaps what cachefile_read mapped, frees what it malloc'd (memory from the caller's
 * allocator stays the caller's), and zeroes f. */
void cachefile_release(cachefile *f);

/* mkdir -p path (each folder made 0700); 0 or an errno (ENOTDIR when a file is in the way). */
int cachefile_make_dirs(const char *path);

/* Writes len bytes of data to a new file in the folder dir (made if missing), named
 * temp_prefix and six random characters, and renames it to path (which is in dir); 0 or an
 * errno, and then no temporary file is left. */
int cachefile_write(const char *dir, const char *temp_prefix, const char *path, const char *data,
                    size_t len);

/* ---------------------------------------------------------------- headers */

/* What every cache file starts with: whose file it is (magic), written by which code (format
 * and schema, a digest of the sources that decide its content), on a machine of which byte
 * order, and the length and hash64 (seed 0) of the payload after it. */
typedef struct cachefile_header {
    char magic[8];
    uint32_t order;  /* CACHEFILE_ORDER as the writer stores it */
    uint32_t format;
    char schema[32]; /* NUL-padded, cut at 32 bytes */
    uint64_t payload_len;
    uint64_t payload_hash;
} cachefile_header;

enum { CACHEFILE_ORDER = 0x01020304 };

/* The header of a file of this kind, its payload fields 0. */
cachefile_header cachefile_header_of(const char magic[8], uint32_t format, const char *schema);

/* Starts a new file in b with the header h (its payload fields are set by cachefile_seal). */
void cachefile_begin(strbuf *b, const cachefile_header *h);

/* Sets the payload length and hash in the header that begins b, once the payload is added. */
void cachefile_seal(strbuf *b);

/* Whether bytes[0..len) begin with the header want (magic, order, format, schema) and the
 * payload after it has the length and hash the header gives; *payload and *payload_len are
 * then that payload. */
int cachefile_payload(const char *bytes, size_t len, const cachefile_header *want,
                      const char **payload, size_t *payload_len);

/* ---------------------------------------------------------------- payloads */

/* A cursor over a cache file's payload, {start, end, 1}: each read copies the next bytes
 * out, or, past the end, zeroes them and drops ok to 0 (every later read fails too), so a
 * reader checks ok once after a run of reads. */
typedef struct cachefile_cursor {
    const char *p, *end;
    int ok;
} cachefile_cursor;

void cachefile_get(cachefile_cursor *c, void *dest, size_t n);

/* A string as cachefile_put_string writes it (u32 length, bytes, NUL), pointing into the
 * payload; NULL (and ok 0) when the bytes are not one. */
const char *cachefile_get_string(cachefile_cursor *c);

/* Appends s to b as a u32 length, its bytes and a NUL. */
void cachefile_put_string(strbuf *b, const char *s);

#endif
