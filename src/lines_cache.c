/* lines_cache.c — the cache of quote lines (lines_cache.h says what it promises).
 *
 * One cache file per source text, named by hash64 of the text's absolute path
 * (lines-<hash>.cache in the cache folder, beside the ontology caches), is a header and a
 * payload:
 *
 *   header   "ckglines", 0x01020304 in the writer's byte order, the format number, the
 *            schema (CKG_LINES_SCHEMA: a digest of the sources that decide a line and of
 *            utf8proc's version, made by the Makefile), the payload's length and its hash64
 *   payload  the source text's absolute path (u32 length, bytes, NUL); its stamp (size,
 *            hash64 of its bytes, modification time in s and ns); the number of quotes
 *            (u32) and a u32 0; the quotes' entries (struct entry, sorted by the hash64 of the
 *            quote, then its length and bytes; no two alike); then the quotes' bytes, which
 *            the entries point into
 *
 * The first quote asked of a source text reads the text (filebuf_read, into memory: not
 * mapped, since a mapping would show a change made while it is read) and stamps it, then
 * reads the cache file and takes it only when its header, payload hash, path and stamp are
 * right and every entry lies within it. A quote is answered from the entry that holds its
 * exact bytes. Any difference is a miss: the text already read is built (as corpus_doc
 * builds it, from those very bytes, so the stamp recorded is the stamp of what was built),
 * every quote of the ontology citing that text is located in it (so that the next run
 * hits, whatever it asks), and the cache file is written (a new file renamed over the old).
 * A quote the cache file lacks (the ontology was edited) is a miss the same way; one the
 * table built in this run lacks (evidence that is not the ontology's) is passed on to
 * query_quote_line. A text that cannot be read or built is passed on too, so its
 * diagnostic is corpus_doc's. Runs at once each write a whole file and rename it over the
 * last (cachefile_write), so a reader reads one whole file or the other. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* realpath */
#endif
#include "lines_cache.h"

#include "ckg/status.h"
#include "ckg/strmap.h"
#include "ckg/text.h"
#include "query_internal.h"
#include "util/array.h"
#include "util/cachefile.h"
#include "util/filebuf.h"
#include "util/hash.h"
#include "util/strbuf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CKG_LINES_SCHEMA
#error "CKG_LINES_SCHEMA (a digest of the sources that decide a line) is set by the Makefile"
#endif

enum { LINES_FORMAT = 1 };

/* The largest text read: text_doc refuses a text of UINT32_MAX / 2 bytes or more (its
 * offsets are 32-bit), which corpus_doc then reports; such a text is passed on unread. */
#define MAX_TEXT_BYTES ((size_t)UINT32_MAX / 2)

_Static_assert(sizeof(CKG_LINES_SCHEMA) <= 32, "the schema fits the header");

/* What a cache file records of its source text. */
typedef struct stamp {
    uint64_t size, hash;
    int64_t mtime_sec, mtime_nsec;
} stamp;

/* One quote's answer. */
typedef struct entry {
    uint64_t hash;           /* hash64 of the quote's bytes */
    uint64_t line, end_line; /* as query_quote_line sets them */
    uint32_t offset, len;    /* the quote's bytes in the payload's quote area */
    int32_t status;          /* CKG_OK or CKG_EINVALID, as query_quote_line returns */
    uint32_t zero;
} entry;

_Static_assert(sizeof(stamp) == 32 && sizeof(entry) == 40, "no padding on disk");

/* The entries of one source text, in a cache file read or a payload built in this run. */
typedef struct table {
    const char *entries; /* n entries, unaligned */
    uint32_t n;
    const char *quotes;
    size_t quotes_len;
} table;

enum source_state { SOURCE_UNTRIED, SOURCE_TABLE, SOURCE_PASSED };

typedef struct source_text {
    char *name;       /* the file name in the corpus folder */
    int state;        /* source_state */
    int built;        /* the table was built in this run (so it holds every quote of o) */
    cachefile bytes;  /* the cache file read, or the payload built (owned) */
    table t;
} source_text;

struct lines_cache {
    char *cache_dir;
    char *corpus_dir;
    char *corpus_abs; /* corpus_dir made absolute */
    source_text *sources;
    size_t n_sources, cap;
    strmap by_name; /* source name -> index in sources */
    lines_cache_report report;
};

/* ---------------------------------------------------------------- names and paths */

/* A file name corpus_doc accepts (corpus.c); any other is passed on, to be reported there. */
static int valid_name(const char *name)
{
    return *name && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static int cache_path_of(const char *cache_dir, const char *abs_dir, const char *source,
                         char *buf, size_t size)
{
    uint64_t h = hash64(abs_dir, strlen(abs_dir), 0);
    h = hash64("/", 1, h);
    h = hash64(source, strlen(source), h);
    int n = snprintf(buf, size, "%s/lines-%016llx.cache", cache_dir, (unsigned long long)h);
    return n < 0 || (size_t)n >= size ? CKG_EUSAGE : CKG_OK;
}

int lines_cache_path(const char *cache_dir, const char *corpus_dir, const char *source,
                     char *buf, size_t size)
{
    char abs[PATH_MAX];
    if (!realpath(corpus_dir, abs))
        return CKG_EIO;
    return cache_path_of(cache_dir, abs, source, buf, size);
}

lines_cache *lines_cache_new(const char *cache_dir, const char *corpus_dir)
{
    char abs[PATH_MAX];
    if (!cache_dir || !corpus_dir || !realpath(corpus_dir, abs))
        return NULL;
    lines_cache *lc = calloc(1, sizeof *lc);
    if (!lc)
        return NULL;
    strmap_init(&lc->by_name);
    if (!(lc->cache_dir = strdup(cache_dir)) || !(lc->corpus_dir = strdup(corpus_dir)) ||
        !(lc->corpus_abs = strdup(abs))) {
        lines_cache_free(lc);
        return NULL;
    }
    return lc;
}

void lines_cache_free(lines_cache *lc)
{
    if (!lc)
        return;
    for (size_t i = 0; i < lc->n_sources; i++) {
        free(lc->sources[i].name);
        cachefile_release(&lc->sources[i].bytes);
    }
    free(lc->sources);
    strmap_free(&lc->by_name);
    free(lc->cache_dir);
    free(lc->corpus_dir);
    free(lc->corpus_abs);
    free(lc);
}

const lines_cache_report *lines_cache_report_of(const lines_cache *lc)
{
    return &lc->report;
}

/* ---------------------------------------------------------------- the table */

static entry entry_at(const table *t, uint32_t i)
{
    entry e;
    memcpy(&e, t->entries + (size_t)i * sizeof e, sizeof e);
    return e;
}

/* An answer query_quote_line can give: found on lines [line, end_line], or not found. */
static int entry_is_sane(const entry *e, size_t quotes_len)
{
    if (e->offset > quotes_len || e->len > quotes_len - e->offset || e->zero != 0)
        return 0;
    if (e->status == CKG_EINVALID)
        return e->line == 0 && e->end_line == 0;
    if (e->status != CKG_OK)
        return 0;
#if SIZE_MAX < UINT64_MAX
    if (e->line > SIZE_MAX || e->end_line > SIZE_MAX)
        return 0;
#endif
    return (e->line == 0 && e->end_line == 0) || (e->line >= 1 && e->end_line >= e->line);
}

/* Finds the entry holding quote[0..len) (whose hash64 is h); 1 when found. */
static int table_find(const table *t, const char *quote, size_t len, uint64_t h, entry *out)
{
    uint32_t lo = 0, hi = t->n;
    while (lo < hi) { /* the first entry whose hash is h or more */
        uint32_t mid = lo + (hi - lo) / 2;
        if (entry_at(t, mid).hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < t->n; i++) {
        entry e = entry_at(t, i);
        if (e.hash != h)
            break;
        if (e.len == len && memcmp(t->quotes + e.offset, quote, len) == 0) {
            *out = e;
            return 1;
        }
    }
    return 0;
}

/* The table of a payload whose path is abs_path and stamp *want, into *t; 1 when it is one
 * (every entry within it and sane). */
static int table_of(const char *data, size_t len, const char *abs_path, const stamp *want,
                    table *t)
{
    cachefile_cursor c = {data, data + len, 1};
    uint32_t n, zero;
    stamp got;
    const char *path = cachefile_get_string(&c);
    if (!c.ok || strcmp(path, abs_path) != 0)
        return 0;
    cachefile_get(&c, &got, sizeof got);
    cachefile_get(&c, &n, sizeof n);
    cachefile_get(&c, &zero, sizeof zero);
    if (!c.ok || zero != 0 || got.size != want->size || got.hash != want->hash ||
        got.mtime_sec != want->mtime_sec || got.mtime_nsec != want->mtime_nsec ||
        (size_t)(c.end - c.p) / sizeof(entry) < n)
        return 0;
    t->entries = c.p;
    t->n = n;
    t->quotes = c.p + (size_t)n * sizeof(entry);
    t->quotes_len = (size_t)(c.end - t->quotes);
    for (uint32_t i = 0; i < n; i++) {
        entry e = entry_at(t, i);
        if (!entry_is_sane(&e, t->quotes_len))
            return 0;
    }
    return 1;
}

/* The header of this code's cache files (cachefile.h). */
static cachefile_header header_of_ours(void)
{
    static const char magic[8] = {'c', 'k', 'g', 'l', 'i', 'n', 'e', 's'};
    return cachefile_header_of(magic, LINES_FORMAT, CKG_LINES_SCHEMA);
}

/* Takes the cache file at path as s's table when it is whole and records abs_path and *st;
 * 1 when it did. */
static int read_table(const char *path, const char *abs_path, const stamp *st, source_text *s)
{
    cachefile f;
    cachefile_header want = header_of_ours();
    const char *payload;
    size_t len;
    if (cachefile_read(path, sizeof want, NULL, NULL, &f) != CACHEFILE_OK)
        return 0;
    if (!cachefile_payload(f.data, f.len, &want, &payload, &len) ||
        !table_of(payload, len, abs_path, st, &s->t)) {
        cachefile_release(&f);
        return 0;
    }
    s->bytes = f;
    return 1;
}

/* ---------------------------------------------------------------- building a table */

typedef struct quote {
    const char *s;
    size_t len;
    uint64_t hash;
} quote;

static int quote_cmp(const void *a, const void *b)
{
    const quote *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return memcmp(x->s, y->s, x->len);
}

static int add_quote(quote **qs, size_t *n, size_t *cap, const char *s)
{
    if (!s)
        return CKG_OK;
    if (ARRAY_GROW(*qs, *cap, *n + 1) != CKG_OK)
        return CKG_ENOMEM;
    size_t len = strlen(s);
    (*qs)[(*n)++] = (quote){s, len, hash64(s, len, 0)};
    return CKG_OK;
}

static int add_evidence(quote **qs, size_t *n, size_t *cap, const ckg_evidences *ev)
{
    for (size_t i = 0; i < ev->n; i++) {
        if (add_quote(qs, n, cap, ev->items[i].quote.s) != CKG_OK)
            return CKG_ENOMEM;
    }
    return CKG_OK;
}

/* The quotes of o citing the source text name, and also (one that need not be o's), sorted
 * and each once, into *out. CKG_OK or CKG_ENOMEM. */
static int quotes_citing(const ckg_ontology *o, const char *name, const char *also, quote **out,
                         size_t *n_out)
{
    quote *qs = NULL;
    size_t n = 0, cap = 0, kept = 0;
    int rc = add_quote(&qs, &n, &cap, also);
    for (size_t pi = 0; pi < o->n_papers && rc == CKG_OK; pi++) {
        const ckg_paper *p = &o->papers[pi];
        if (!p->source.s || strcmp(p->source.s, name) != 0)
            continue;
        for (size_t m = 0; m < p->n_mentions && rc == CKG_OK; m++)
            rc = add_evidence(&qs, &n, &cap, &p->mentions[m].evidence);
        for (size_t r = 0; r < p->n_relations && rc == CKG_OK; r++)
            rc = add_evidence(&qs, &n, &cap, &p->relations[r].evidence);
    }
    if (rc != CKG_OK || n > UINT32_MAX) {
        free(qs);
        return CKG_ENOMEM;
    }
    if (n)
        qsort(qs, n, sizeof *qs, quote_cmp);
    for (size_t i = 0; i < n; i++) {
        if (kept == 0 || quote_cmp(&qs[kept - 1], &qs[i]) != 0)
            qs[kept++] = qs[i];
    }
    *out = qs;
    *n_out = kept;
    return CKG_OK;
}

/* The cache file of the text f (stamped *st, at abs_path) with the lines of quotes qs[0..n)
 * in doc, into b. CKG_OK, or CKG_ENOMEM (b->oom, or a locating that ran out of memory). */
static int payload_of(const text_doc *doc, const quote *qs, size_t n, const char *abs_path,
                      const stamp *st, strbuf *b)
{
    cachefile_header h = header_of_ours();
    size_t quotes_len = 0;
    uint32_t count = (uint32_t)n, zero = 0;
    cachefile_begin(b, &h);
    cachefile_put_string(b, abs_path);
    strbuf_add(b, (const char *)st, sizeof *st);
    strbuf_add(b, (const char *)&count, sizeof count);
    strbuf_add(b, (const char *)&zero, sizeof zero);
    for (size_t i = 0; i < n; i++) {
        size_t line, end_line;
        int rc = query_quote_in_doc(doc, qs[i].s, qs[i].len, &line, &end_line);
        if (rc == CKG_ENOMEM || quotes_len > UINT32_MAX - qs[i].len)
            return CKG_ENOMEM;
        entry e = {qs[i].hash, line, end_line, (uint32_t)quotes_len, (uint32_t)qs[i].len, rc, 0};
        strbuf_add(b, (const char *)&e, sizeof e);
        quotes_len += qs[i].len;
    }
    for (size_t i = 0; i < n; i++)
        strbuf_add(b, qs[i].s, qs[i].len);
    cachefile_seal(b);
    return b->oom ? CKG_ENOMEM : CKG_OK;
}

/* A miss: builds the text f, locates in it every quote of o citing s (and also), keeps the
 * table as s's and writes it to path. 1 when s has its table. */
static int build_table(lines_cache *lc, const ckg_ontology *o, source_text *s, const filebuf *f,
                       const stamp *st, const char *abs_path, const char *path,
                       const char *also)
{
    text_doc *doc = NULL;
    quote *qs = NULL;
    size_t n = 0;
    strbuf b = {0};
    int ok = 0;
    if (text_doc_from_buffer(f->data, f->len, 0, &doc, NULL) != TEXT_OK ||
        quotes_citing(o, s->name, also, &qs, &n) != CKG_OK ||
        payload_of(doc, qs, n, abs_path, st, &b) != CKG_OK)
        goto out;
    lc->report.cache_errno = cachefile_write(lc->cache_dir, ".lines-", path, b.s, b.len);
    if (!lc->report.cache_errno)
        lc->report.written++;
    s->bytes = (cachefile){b.s, b.len, 0, 1};
    b = (strbuf){0};
    ok = table_of(s->bytes.data + sizeof(cachefile_header),
                  s->bytes.len - sizeof(cachefile_header), abs_path, st, &s->t);
    s->built = 1;
out:
    strbuf_free(&b);
    free(qs);
    text_doc_free(doc);
    return ok;
}

/* Gives s its table: the cache file's when it holds for the text as it is now (unless
 * rebuild), else one built now (and written). A text that cannot be read or built leaves s
 * passed on. `also` is the quote asked for. */
static void open_source(lines_cache *lc, const ckg_ontology *o, source_text *s, int rebuild,
                        const char *also)
{
    char text_path[PATH_MAX], abs_path[PATH_MAX], path[PATH_MAX];
    filebuf f;
    int err;
    cachefile_release(&s->bytes);
    s->state = SOURCE_PASSED;
    int n = snprintf(text_path, sizeof text_path, "%s/%s", lc->corpus_dir, s->name);
    int m = snprintf(abs_path, sizeof abs_path, "%s/%s", lc->corpus_abs, s->name);
    if (n < 0 || (size_t)n >= sizeof text_path || m < 0 || (size_t)m >= sizeof abs_path ||
        cache_path_of(lc->cache_dir, lc->corpus_abs, s->name, path, sizeof path) != CKG_OK ||
        filebuf_read(text_path, MAX_TEXT_BYTES, 0, &f, &err) != CKG_OK) {
        lc->report.bypassed++;
        return;
    }
    stamp st = {f.len, hash64(f.data, f.len, 0), f.mtime_sec, f.mtime_nsec};
    if (!rebuild && read_table(path, abs_path, &st, s)) {
        lc->report.hits++;
        s->state = SOURCE_TABLE;
    } else {
        lc->report.misses++;
        if (build_table(lc, o, s, &f, &st, abs_path, path, also))
            s->state = SOURCE_TABLE;
        else
            lc->report.bypassed++;
    }
    filebuf_free(&f);
}

/* The source named name, added untried if new; NULL without memory. */
static source_text *source_named(lines_cache *lc, const char *name)
{
    int32_t i = strmap_get(&lc->by_name, name);
    if (i >= 0)
        return &lc->sources[i];
    if (lc->n_sources >= INT32_MAX || ARRAY_GROW(lc->sources, lc->cap, lc->n_sources + 1) != CKG_OK)
        return NULL;
    source_text *s = &lc->sources[lc->n_sources];
    memset(s, 0, sizeof *s);
    if (!(s->name = strdup(name)))
        return NULL;
    if (strmap_put(&lc->by_name, s->name, (int32_t)lc->n_sources, NULL) != CKG_OK) {
        free(s->name);
        return NULL;
    }
    lc->n_sources++;
    return s;
}

/* ---------------------------------------------------------------- the lookup */

int lines_cache_get(lines_cache *lc, const ckg_ontology *o, int32_t paper,
                    const ckg_evidence *ev, size_t *line, size_t *end_line)
{
    *line = *end_line = 0;
    if (!lc || paper < 0 || (size_t)paper >= o->n_papers || !ev->quote.s || ev->found_line)
        return LINES_CACHE_PASS;
    const char *name = o->papers[paper].source.s;
    source_text *s = name && valid_name(name) ? source_named(lc, name) : NULL;
    if (!s)
        return LINES_CACHE_PASS;
    if (s->state == SOURCE_UNTRIED)
        open_source(lc, o, s, 0, ev->quote.s);
    if (s->state != SOURCE_TABLE)
        return LINES_CACHE_PASS;
    size_t len = strlen(ev->quote.s);
    uint64_t h = hash64(ev->quote.s, len, 0);
    entry e;
    if (!table_find(&s->t, ev->quote.s, len, h, &e)) {
        if (s->built) /* not a quote of o's: query_quote_line finds it */
            return LINES_CACHE_PASS;
        /* o was edited since the cache file was written: a miss after all */
        lc->report.hits--;
        open_source(lc, o, s, 1, ev->quote.s);
        if (s->state != SOURCE_TABLE || !table_find(&s->t, ev->quote.s, len, h, &e))
            return LINES_CACHE_PASS;
    }
    *line = (size_t)e.line;
    *end_line = (size_t)e.end_line;
    return e.status;
}
