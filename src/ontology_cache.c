/* ontology_cache.c — loading an ontology through the cache of parsed ontologies
 * (ontology.h says what it promises).
 *
 * A cache file is a header and a payload:
 *
 *   header   "ckgcache", 0x01020304 in the writer's byte order, the format number, the
 *            schema (CKG_CACHE_SCHEMA: a digest of the loader's sources and libyaml's version,
 *            made by the Makefile), the payload's length and its hash64
 *   payload  the ontology folder's absolute path; the files (count, then each: its path
 *            relative to the folder, size, modification time, hash64 of its bytes); the
 *            walked ontology (ontology_pack.c)
 *
 * A load looks for the file, maps it whole (o->mapped; read into the new ontology's arena
 * where it cannot be mapped; the unpacked strings point into it), checks the header and the
 * payload's hash, then lists the folder
 * as a load would and checks each file against what the cache recorded, reading it and
 * hashing its bytes, then unpacks and links. Any difference is a miss: the files are loaded
 * as ontology_load_unlinked loads them (hashing their bytes as they are parsed, so what is
 * recorded is what was parsed), the cache is written when the walk gave no diagnostic, and
 * the ontology is linked. Nothing here prints, and no failure of the cache is an error of
 * the load. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* realpath, mkstemp, fstat's st_mtim */
#endif
#include "ckg/ontology.h"
#include "ckg/status.h"
#include "ontology_internal.h"
#include "ontology_pack.h"
#include "util/cachefile.h"
#include "util/hash.h"
#include "util/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CKG_CACHE_SCHEMA
#error "CKG_CACHE_SCHEMA (a digest of the loader's sources) is set by the Makefile"
#endif

enum { CACHE_FORMAT = 2 };

/* The header of this code's cache files (cachefile.h). */
static cachefile_header header_of_ours(void)
{
    static const char magic[8] = {'c', 'k', 'g', 'c', 'a', 'c', 'h', 'e'};
    return cachefile_header_of(magic, CACHE_FORMAT, CKG_CACHE_SCHEMA);
}

/* The cache file of the folder whose absolute path is abs. */
static int cache_path_of(const char *cache_dir, const char *abs, char *buf, size_t size)
{
    unsigned long long key = (unsigned long long)hash64(abs, strlen(abs), 0);
    int n = snprintf(buf, size, "%s/ontology-%016llx.cache", cache_dir, key);
    return n < 0 || (size_t)n >= size ? CKG_EUSAGE : CKG_OK;
}

int ontology_cache_path(const char *cache_dir, const char *dir, char *buf, size_t size)
{
    char abs[PATH_MAX];
    if (!realpath(dir, abs))
        return CKG_EIO;
    return cache_path_of(cache_dir, abs, buf, size);
}

/* ---------------------------------------------------------------- the payload's head */

/* What the cache records of one file. */
typedef struct recorded {
    uint64_t size, hash;
    int64_t mtime_sec, mtime_nsec;
} recorded;

/* ---------------------------------------------------------------- checking the files */

/* The file at path is what rec says: same size and modification time, and its bytes hash
 * the same. They are hashed as they are read, through a buffer on the stack: holding the
 * whole file would cost a fresh page of memory per 4 KB, and on the build machine a fresh
 * page costs about 10 us, as much as the hashing of 40 KB. */
static int file_matches(const char *path, const recorded *rec)
{
    int same = 0;
    struct stat st;
    char buf[16384];
    hash64_state h;
    uint64_t got = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
        (uint64_t)st.st_size != rec->size || (int64_t)st.st_mtim.tv_sec != rec->mtime_sec ||
        (int64_t)st.st_mtim.tv_nsec != rec->mtime_nsec)
        goto out;
    hash64_init(&h, 0);
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            goto out;
        if (n == 0)
            break;
        got += (uint64_t)n;
        if (got > rec->size) /* grew since fstat: not what was recorded */
            goto out;
        hash64_update(&h, buf, (size_t)n);
    }
    same = got == rec->size && hash64_digest(&h) == rec->hash;
out:
    close(fd);
    return same;
}

/* Checks the files the payload's head records against the folder as a load would list it,
 * and sets o->files to the listed paths. ONTOLOGY_CACHE_NO_MISS when every file matches;
 * *c is then at the packed ontology. */
static ontology_cache_miss check_files(cachefile_cursor *c, const char *dir, const char *abs,
                                       ckg_ontology *o, int *status)
{
    ontology_cache_miss miss = ONTOLOGY_CACHE_STALE;
    diag_list listing;
    char **paths = NULL;
    size_t n_paths = 0, dir_len = strlen(dir);
    uint32_t n_files;
    diag_list_init(&listing);

    const char *cached_abs = cachefile_get_string(c);
    cachefile_get(c, &n_files, sizeof n_files);
    if (!c->ok || strcmp(cached_abs, abs) != 0)
        return ONTOLOGY_CACHE_INVALID;
    if ((*status = ontology_list_files(dir, &listing, &paths, &n_paths)) != CKG_OK)
        goto out;
    if (listing.n || n_paths != n_files) /* a folder the load would report, or other files */
        goto out;
    for (size_t i = 0; i < n_paths; i++) {
        const char *rel = cachefile_get_string(c);
        recorded rec;
        cachefile_get(c, &rec, sizeof rec);
        if (!c->ok) {
            miss = ONTOLOGY_CACHE_INVALID;
            goto out;
        }
        if (strncmp(paths[i], dir, dir_len) != 0 || paths[i][dir_len] != '/' ||
            strcmp(paths[i] + dir_len + 1, rel) != 0 || !file_matches(paths[i], &rec))
            goto out;
    }
    if (!(o->files = malloc((n_paths ? n_paths : 1) * sizeof *o->files))) {
        *status = CKG_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n_paths; i++) {
        if (!(o->files[i] = arena_strdup(&o->mem, paths[i]))) {
            *status = CKG_ENOMEM;
            goto out;
        }
        o->n_files++;
    }
    miss = ONTOLOGY_CACHE_NO_MISS;
out:
    ontology_paths_free(paths, n_paths);
    diag_list_free(&listing);
    return miss;
}

/* ---------------------------------------------------------------- reading the cache */

/* Allocates size bytes in the arena mem (cachefile_read's allocator). */
static void *arena_alloc_in(void *mem, size_t size)
{
    return arena_alloc(mem, size);
}

/* Reads the cache file at path whole (cachefile_read), mapped (o->mapped) or into the arena
 * of o; *data and *len its payload. */
static ontology_cache_miss read_cache(const char *path, ckg_ontology *o, const char **data,
                                      size_t *len, int *status)
{
    cachefile file;
    switch (cachefile_read(path, sizeof(cachefile_header), arena_alloc_in, &o->mem, &file)) {
    case CACHEFILE_OK: break;
    case CACHEFILE_ABSENT: return ONTOLOGY_CACHE_ABSENT; /* none, or none that can be read:
                                                            the same to a load */
    case CACHEFILE_ENOMEM: *status = CKG_ENOMEM; return ONTOLOGY_CACHE_INVALID;
    default: return ONTOLOGY_CACHE_INVALID;
    }
    if (file.mapped) {
        o->mapped = file.data;
        o->mapped_len = file.len;
    }
    cachefile_header want = header_of_ours();
    if (!cachefile_payload(file.data, file.len, &want, data, len))
        return ONTOLOGY_CACHE_INVALID;
    return ONTOLOGY_CACHE_NO_MISS;
}

/* Loads dir from the cache file at path, linked, into *out. ONTOLOGY_CACHE_NO_MISS when it
 * did; otherwise why not (*out NULL), or *status CKG_ENOMEM. */
static ontology_cache_miss load_from_cache(const char *dir, const char *abs, const char *path,
                                           const ontology_load_options *opt, diag_list *diags,
                                           ckg_ontology **out, int *status)
{
    const char *data = NULL;
    size_t len = 0;
    ckg_ontology *o = ontology_new(dir);
    if (!o) {
        *status = CKG_ENOMEM;
        return ONTOLOGY_CACHE_ABSENT;
    }
    ontology_cache_miss miss = read_cache(path, o, &data, &len, status);
    if (miss != ONTOLOGY_CACHE_NO_MISS || *status != CKG_OK)
        goto out;
    cachefile_cursor c = {data, data + len, 1};
    miss = check_files(&c, dir, abs, o, status);
    if (miss != ONTOLOGY_CACHE_NO_MISS || *status != CKG_OK)
        goto out;
    int rc = ontology_unpack(c.p, (size_t)(c.end - c.p), opt && opt->skip_evidence, o);
    if (rc != CKG_OK) {
        if (rc == CKG_ENOMEM)
            *status = rc;
        miss = ONTOLOGY_CACHE_INVALID;
        goto out;
    }
    if ((*status = ontology_link(o, diags)) != CKG_OK)
        goto out;
    *out = o;
    o = NULL;
out:
    ontology_free(o);
    return miss;
}

/* ---------------------------------------------------------------- writing the cache */

/* Writes the cache of the unlinked ontology o of dir (abs its absolute path), whose files
 * held sources. 0 or an errno. */
static int write_cache(const char *cache_dir, const char *path, const char *dir,
                       const char *abs, const ckg_ontology *o, const ontology_source *sources)
{
    strbuf b = {0};
    cachefile_header h = header_of_ours();
    size_t dir_len = strlen(dir);
    int err = 0;
    cachefile_begin(&b, &h);
    cachefile_put_string(&b, abs);
    uint32_t n_files = (uint32_t)o->n_files;
    strbuf_add(&b, (const char *)&n_files, sizeof n_files);
    for (size_t i = 0; i < o->n_files; i++) {
        const char *file = o->files[i];
        if (!sources[i].read || strncmp(file, dir, dir_len) != 0 || file[dir_len] != '/') {
            err = EINVAL; /* not reached after a load without diagnostics */
            goto out;
        }
        cachefile_put_string(&b, file + dir_len + 1);
        recorded rec = {sources[i].size, sources[i].hash, sources[i].mtime_sec,
                        sources[i].mtime_nsec};
        strbuf_add(&b, (const char *)&rec, sizeof rec);
    }
    ontology_pack(o, &b);
    cachefile_seal(&b);
    err = b.oom ? ENOMEM : cachefile_write(cache_dir, ".ontology-", path, b.s, b.len);
out:
    strbuf_free(&b);
    return err;
}

/* ---------------------------------------------------------------- the load */

/* Empties every evidence list, as a load with skip_evidence leaves them. */
static void drop_evidence(ckg_ontology *o)
{
    for (size_t i = 0; i < o->n_papers; i++) {
        ckg_paper *p = &o->papers[i];
        for (size_t m = 0; m < p->n_mentions; m++)
            p->mentions[m].evidence = (ckg_evidences){NULL, 0};
        for (size_t r = 0; r < p->n_relations; r++)
            p->relations[r].evidence = (ckg_evidences){NULL, 0};
    }
}

/* A miss: the files loaded, the cache written when they gave no diagnostic, the ontology
 * linked. The model and diagnostics are ontology_load_with's: evidence that was parsed for
 * the cache but not asked for is dropped, and when a load without evidence would have given
 * other diagnostics (the evidence has problems) the files are loaded again without it. */
static int load_and_keep(const char *dir, const char *abs, const char *cache_dir,
                         const char *path, const ontology_load_options *opt, diag_list *diags,
                         ckg_ontology **out, ontology_cache_report *report)
{
    ontology_load_options full = opt ? *opt : (ontology_load_options){0};
    ontology_source *sources = NULL;
    ckg_ontology *o = NULL;
    diag_list walk;
    diag_list_init(&walk);
    full.skip_evidence = 0;
    int rc = ontology_load_unlinked(dir, &full, &walk, &o, &sources);
    int clean = rc == CKG_OK && walk.n == 0 && !walk.out_of_memory;
    report->use = ONTOLOGY_CACHE_UNWRITTEN;
    if (clean) {
        report->cache_errno = write_cache(cache_dir, path, dir, abs, o, sources);
        if (!report->cache_errno)
            report->use = ONTOLOGY_CACHE_WRITTEN;
    }
    free(sources);
    if (opt && opt->skip_evidence) {
        if (!clean) {
            ontology_free(o);
            diag_list_free(&walk);
            return ontology_load_with(dir, opt, diags, out);
        }
        drop_evidence(o);
    }
    diag_list_take(diags, &walk);
    if (rc == CKG_OK)
        rc = ontology_link(o, diags);
    if (rc == CKG_ENOMEM) {
        ontology_free(o);
        return rc;
    }
    *out = o;
    return rc;
}

int ontology_load_cached(const char *dir, const ontology_load_options *opt, const char *cache_dir,
                         diag_list *diags, ckg_ontology **out, ontology_cache_report *report)
{
    ontology_cache_report ignored;
    char abs[PATH_MAX], path[PATH_MAX];
    struct stat st;
    int status = CKG_OK;
    if (!report)
        report = &ignored;
    *report = (ontology_cache_report){ONTOLOGY_CACHE_BYPASSED, ONTOLOGY_CACHE_NO_MISS, 0};
    *out = NULL;
    if (!cache_dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || !realpath(dir, abs) ||
        cache_path_of(cache_dir, abs, path, sizeof path) != CKG_OK)
        return ontology_load_with(dir, opt, diags, out);
    report->miss = load_from_cache(dir, abs, path, opt, diags, out, &status);
    if (status != CKG_OK)
        return status;
    if (report->miss == ONTOLOGY_CACHE_NO_MISS) {
        report->use = ONTOLOGY_CACHE_HIT;
        return CKG_OK;
    }
    return load_and_keep(dir, abs, cache_dir, path, opt, diags, out, report);
}
