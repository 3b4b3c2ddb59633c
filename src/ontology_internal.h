/* ontology_internal.h — what the ontology's source files share and nobody else needs. */
#ifndef CKG_ONTOLOGY_INTERNAL_H
#define CKG_ONTOLOGY_INTERNAL_H

#include "ckg/arena.h"
#include "ckg/ontology.h"
#include "util/filebuf.h"
#include "ydoc.h"

#include <stdint.h>

/* Resolves every reference between entities to indexes, reporting duplicates and names that
 * do not resolve (with suggestions). Returns CKG_OK or CKG_ENOMEM. */
int ontology_link(ckg_ontology *o, diag_list *diags);

/* ASCII kebab-case: [a-z0-9]+ joined by single '-'. */
int ontology_valid_concept_id(const char *id);
/* Lowercase ASCII letters and digits joined by '-' or '_', starting with a letter or digit. */
int ontology_valid_paper_id(const char *id);

/* The CKG_N_FAMILIES family names, in enum order (for did-you-mean). */
const char *const *ontology_family_names(void);

/* ---------------------------------------------------------------- ontology_load.c, for the cache */

/* A new, empty ontology of dir (copied); NULL when out of memory. */
ckg_ontology *ontology_new(const char *dir);

/* The files ontology_load_with reads in dir, in the order it walks them (themes.yaml,
 * relations.yaml, concepts/ and papers/ by name), joined to dir as the load names them:
 * *paths (malloc'd, each path too; ontology_paths_free) holds *n of them. A folder that
 * cannot be read is reported in diags as the load reports it. CKG_OK or CKG_ENOMEM. */
int ontology_list_files(const char *dir, diag_list *diags, char ***paths, size_t *n);
void ontology_paths_free(char **paths, size_t n);

/* What one file of an ontology held when it was read, as the cache records and checks it. */
typedef struct ontology_source {
    int read;            /* the file was read whole; the fields below are set */
    uint64_t size;       /* bytes */
    long long mtime_sec; /* modification time, as fstat gave it before the bytes were read */
    long mtime_nsec;
    uint64_t hash;       /* hash64 of the bytes, seed 0 */
} ontology_source;

/* ontology_load_with without its last step, ontology_link: the files walked into the model
 * and the walk's diagnostics, every index at -1. *sources (when sources is not NULL; free
 * it) gets what each of the ontology's files held, in o->files order. The result of a load
 * is this ontology after ontology_link(o, diags). Returns as ontology_load_with does. */
int ontology_load_unlinked(const char *dir, const ontology_load_options *opt, diag_list *diags,
                           ckg_ontology **out, ontology_source **sources);

/* ---------------------------------------------------------------- ontology_read.c */

/* The largest ontology file read (filebuf_read refuses a larger one with EFBIG). */
enum { ONTOLOGY_MAX_FILE_BYTES = 512 * 1024 * 1024 };

/* How many worker threads should parse n_files besides the caller (which parses too): one
 * per online CPU but the caller's (at most 8 threads in all; $CKG_THREADS, when set, gives
 * the number in all and decides alone), or 0 on one CPU or for a few files. */
size_t ontology_read_threads(size_t n_files);

/* One file read and parsed ahead of the walk. */
typedef struct read_file_result {
    int done;          /* read and parsed (the fields below are set) */
    int read_rc;       /* filebuf_read's result, and its reason */
    int read_err;
    int parse_rc;      /* ydoc_parse's result, when the file was read */
    filebuf file;
    uint64_t hash;     /* hash64 of the file's bytes, when read_ahead_start was asked */
    ynode *root;       /* in mem */
    arena mem;
    diag_list diags;   /* what the parse reported, in order */
} read_file_result;

typedef struct read_ahead read_ahead;

/* Starts threads workers reading and parsing paths[0..n) (borrowed until stop) in order, a
 * few files per thread ahead of the caller; take parses files too while it waits (with 0
 * threads, every file). With hash, each file's bytes are hashed as they are read.
 * CKG_OK or CKG_ENOMEM. */
int read_ahead_start(char *const *paths, size_t n, size_t threads, int hash, read_ahead **out);
/* File i, once parsed (parsing it, or files after it, meanwhile). Files are taken in order,
 * each released after use. */
read_file_result *read_ahead_take(read_ahead *ra, size_t i);
/* Frees file i's tree and lets the workers go on past it. */
void read_ahead_release(read_ahead *ra, size_t i);
/* Stops the workers, waits for them and frees everything not yet released. NULL is fine. */
void read_ahead_stop(read_ahead *ra);

#endif
