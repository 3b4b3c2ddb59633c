/* ontology.h — the curated ontology in memory, and its loader.
 *
 * Layout on disk (doc/design.md, "Ontology"): themes.yaml, relations.yaml,
 * concepts/<theme>.yaml and papers/<id>.yaml.
 * Every string keeps the place it came from, so any later check can point at it. References
 * between entities (theme, broader, concept, kind, section) are resolved to indexes when the
 * ontology is loaded; an index of -1 means the name did not resolve and an error was reported.
 *
 * Everything the ontology holds lives in its arena and is freed by ontology_free. */
#ifndef CKG_ONTOLOGY_H
#define CKG_ONTOLOGY_H

#include "ckg/arena.h"
#include "ckg/diag.h"
#include "ckg/strmap.h"

#include <stddef.h>
#include <stdint.h>

/* A string from a YAML file with its place; s is NULL when the key was absent or invalid. */
typedef struct ckg_str {
    const char *s;
    ckg_loc loc;
} ckg_str;

typedef struct ckg_strs {
    ckg_str *items;
    size_t n;
} ckg_strs;

typedef struct ckg_theme {
    ckg_str id, zh, en, description;
} ckg_theme;

/* The families of relation kinds: what a link does, whatever verb the sentence uses. Every
 * kind belongs to one; within one paper an ordered pair of concepts carries kinds of one
 * family only (check.c). The names are fixed: relations.yaml spells them in lower case. */
typedef enum ckg_family {
    CKG_FAMILY_DRIVES,        /* from brings about, increases or reshapes to */
    CKG_FAMILY_HINDERS,       /* from limits or holds back to */
    CKG_FAMILY_CONDITIONS,    /* from is a prerequisite, enabler, support or carrier of to */
    CKG_FAMILY_STRUCTURE,     /* from is a part, kind or core of to */
    CKG_FAMILY_CHARACTERIZES, /* from is a feature or indicator of to */
    CKG_FAMILY_FITS,          /* from adapts to to */
    CKG_N_FAMILIES
} ckg_family;

/* The name of a family ("drives", ...), or NULL when out of range. */
const char *ontology_family_name(int family);
/* The family named name, or -1. */
int ontology_family_by_name(const char *name);

/* A relation kind of the vocabulary. zh/en read from -> to; inverse_* read to -> from.
 * family is the kind's family (-1 when absent or unknown, reported); polarity is "positive"
 * or "negative" where the kind has one. The test tells a curator when to choose the kind: a
 * question, an example and a counter-example. synonyms_* are further linking phrases that
 * read from -> to, inverse_synonyms_* further phrases that read to -> from (依赖, "depends
 * on"), for mapping a student's phrase onto the kind (phrase.h). */
typedef struct ckg_kind {
    ckg_str id, zh, en, inverse_zh, inverse_en, description;
    ckg_str family_name, polarity;
    int family;
    ckg_str test_question, test_example, test_counter_example;
    ckg_strs synonyms_zh, synonyms_en;
    ckg_strs inverse_synonyms_zh, inverse_synonyms_en;
} ckg_kind;

typedef struct ckg_concept {
    ckg_loc loc;
    ckg_str id, zh, en, theme, definition_zh, definition_en;
    ckg_strs alt, broader;
    int32_t theme_index;
    int32_t *broader_index; /* one per broader entry, -1 where unresolved */
} ckg_concept;

typedef struct ckg_evidence {
    ckg_loc loc;
    ckg_str quote, section, note;
    int32_t section_index; /* into the paper's sections, -1 when none or unresolved */
    /* Filled by the quote check: where the quote lies in the source text (1-based lines,
     * 0 when not verified or not found). */
    uint32_t found_line, found_end_line;
} ckg_evidence;

typedef struct ckg_evidences {
    ckg_evidence *items;
    size_t n;
} ckg_evidences;

typedef struct ckg_mention {
    ckg_loc loc;
    ckg_str concept;
    int32_t concept_index;
    ckg_evidences evidence;
} ckg_mention;

/* note: the curator's own words on the relation as a whole (e.g. why two papers read the
 * same pair differently); evidence notes are about one quote. */
typedef struct ckg_relation {
    ckg_loc loc;
    ckg_str from, kind, to, note;
    int32_t from_index, kind_index, to_index;
    ckg_evidences evidence;
} ckg_relation;

typedef struct ckg_section {
    ckg_loc loc;
    ckg_str id, title;
    ckg_strs authors;
} ckg_section;

typedef struct ckg_paper {
    const char *file; /* path of the paper's YAML file */
    ckg_loc loc;
    ckg_str id, source, title, venue, doi;
    ckg_strs authors;
    int year; /* 0 when absent or invalid */
    ckg_loc year_loc;
    ckg_section *sections;
    size_t n_sections;
    ckg_mention *mentions;
    size_t n_mentions;
    ckg_relation *relations;
    size_t n_relations;
} ckg_paper;

typedef struct ckg_ontology {
    arena mem;
    const char *dir;
    ckg_theme *themes;
    size_t n_themes;
    ckg_kind *kinds;
    size_t n_kinds;
    ckg_concept *concepts;
    size_t n_concepts;
    ckg_paper *papers;
    size_t n_papers;
    const char **files; /* every YAML file read, in reading order */
    size_t n_files;
    strmap theme_by_id, kind_by_id, concept_by_id, paper_by_id;
    void *mapped;       /* the cache file a cached load's strings point into (ontology_cache.c), */
    size_t mapped_len;  /* mapped read-only; ontology_free unmaps it. NULL otherwise. */
} ckg_ontology;

/* Loads the ontology in dir. Problems in the files (syntax, types, missing or unknown keys,
 * duplicate ids, references that do not resolve) are added to diags as errors and loading
 * goes on, so one run reports them all; *out is then still usable for further checks, with
 * unresolved indexes at -1; a file that cannot be read (missing, a folder, not a regular
 * file) is such an error too. Returns CKG_OK (check diags->n_errors), CKG_EIO when dir is
 * not a folder that can be read, or CKG_ENOMEM. *out is set unless ENOMEM. */
int ontology_load(const char *dir, diag_list *diags, ckg_ontology **out);

/* What a caller may leave out of a load. */
typedef struct ontology_load_options {
    /* Mentions and relations are read without their evidence: every evidence list is empty
     * and nothing in it is checked. For queries that never show a quote (ckg neighbors
     * without --evidence): the quotes are most of an ontology's memory. */
    int skip_evidence;
} ontology_load_options;

/* ontology_load with options (NULL: load everything). */
int ontology_load_with(const char *dir, const ontology_load_options *opt, diag_list *diags,
                       ckg_ontology **out);

/* An ontology file held in memory: its path relative to the ontology folder, which names
 * it in diagnostics and says what it holds ("themes.yaml", "relations.yaml",
 * "concepts/NAME.yaml", "papers/ID.yaml"), and its bytes. */
typedef struct ontology_file {
    const char *path;
    const char *data;
    size_t len;
} ontology_file;

/* Loads files from memory exactly as ontology_load loads a folder's files, in the order
 * given (themes and relations first, then concepts, then papers, as on disk), then links.
 * For tests and fuzzing: no file system involved. A path of another shape is an error in
 * diags. Returns CKG_OK or CKG_ENOMEM; *out is set unless ENOMEM. Paths and data need
 * only be valid during the call (paths are copied). */
int ontology_load_files(const ontology_file *files, size_t n, diag_list *diags,
                        ckg_ontology **out);

void ontology_free(ckg_ontology *o);

/* ---------------------------------------------------------------- the cache (ontology_cache.c)
 *
 * Parsing the YAML is nearly all the cost of a query on a small ontology. So a load may keep
 * what the walk of the files made, packed, in a cache folder (one file per ontology folder,
 * named by a hash of its absolute path), and the next load of the same folder takes it from
 * there instead of parsing. The cache is never trusted over the files: it is used only when
 * the ontology's files are exactly those it was made from, each with the same size,
 * modification time and content (hash64 of its bytes, read again every time), and when it
 * was written by a loader of the same schema (a digest of the loader's sources, fixed at
 * build time) and is whole (its length and a hash64 of its contents check out, and every
 * count and length in it is checked while it is read). Otherwise the files are loaded as
 * ontology_load_with loads them and the cache is written again, to a temporary file renamed
 * over the old one, so concurrent runs read either the old cache or the new one, whole.
 * Only a load whose files gave no diagnostic is kept. Linking (ids, references and their
 * diagnostics) runs on every load, cached or not, so a cached load gives the same model and
 * the same diagnostics as ontology_load_with. Nothing is printed; a cache that cannot be
 * written costs the write's time and nothing else. */

/* How ontology_load_cached loaded. */
typedef enum ontology_cache_use {
    ONTOLOGY_CACHE_BYPASSED, /* from the files, without looking at the cache: no cache
                              * folder, or dir is not a folder that can be read */
    ONTOLOGY_CACHE_HIT,      /* from the cache */
    ONTOLOGY_CACHE_WRITTEN,  /* from the files; the cache was written for the next load */
    ONTOLOGY_CACHE_UNWRITTEN /* from the files; nothing kept: the files gave diagnostics, or
                              * the cache could not be written (see cache_errno) */
} ontology_cache_use;

/* Why the cache was not used, when it was looked at. */
typedef enum ontology_cache_miss {
    ONTOLOGY_CACHE_NO_MISS,
    ONTOLOGY_CACHE_ABSENT,  /* no cache for this folder (none that can be opened) */
    ONTOLOGY_CACHE_STALE,   /* the files changed: one's size, time or content, or the list */
    ONTOLOGY_CACHE_INVALID  /* not a cache of this loader: truncated, corrupt, another schema
                             * or another folder */
} ontology_cache_miss;

typedef struct ontology_cache_report {
    ontology_cache_use use;
    ontology_cache_miss miss;
    int cache_errno; /* why the cache could not be written (ONTOLOGY_CACHE_UNWRITTEN), or 0 */
} ontology_cache_report;

/* ontology_load_with through the cache in cache_dir (created when missing; NULL: no cache).
 * Returns what ontology_load_with returns for dir, with the same *out and the same
 * diagnostics; report (when not NULL) says how. */
int ontology_load_cached(const char *dir, const ontology_load_options *opt, const char *cache_dir,
                         diag_list *diags, ckg_ontology **out, ontology_cache_report *report);

/* The path of the cache file of the ontology folder dir in cache_dir, into buf. CKG_OK;
 * CKG_EIO when dir has no absolute path (realpath fails); CKG_EUSAGE when buf is too small. */
int ontology_cache_path(const char *cache_dir, const char *dir, char *buf, size_t size);

/* Lookups by exact id; NULL when absent. */
const ckg_concept *ontology_concept(const ckg_ontology *o, const char *id);
const ckg_paper *ontology_paper(const ckg_ontology *o, const char *id);
const ckg_kind *ontology_kind(const ckg_ontology *o, const char *id);
const ckg_theme *ontology_theme(const ckg_ontology *o, const char *id);

/* Index of a paper's section by id, or -1. */
int32_t ontology_section_index(const ckg_paper *p, const char *section_id);

#endif
