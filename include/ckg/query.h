/* query.h — answers about the graph: a concept's neighbors, the relation paths between two
 * concepts, text search, everything about one concept, and its centrality ranks.
 *
 * The queries work on relation statements: one per relation of one paper (from, kind, to,
 * paper), so they can say which paper states which kind. query_index holds them in two
 * adjacency arrays (by `from` and by `to`), built in linear time straight from the loaded
 * ontology: a neighbor query costs the load of the YAML and a pass over the relations, and
 * builds neither igraph nor anything else it does not need.
 *
 * Walks (neighbors, paths) honor a filter: the relation kinds, the paper stating them, the
 * direction followed, and a theme the concepts walked through must have (the starting
 * concept is always in). Results own their memory and are freed with their _free function;
 * everything in them points into the ontology, which must outlive them. */
#ifndef CKG_QUERY_H
#define CKG_QUERY_H

#include "ckg/arena.h"
#include "ckg/corpus.h"
#include "ckg/diag.h"
#include "ckg/graph.h"
#include "ckg/ontology.h"

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ the index */

/* One relation as one paper states it. Relations whose ends or kind did not resolve, and
 * self-relations, are left out (ckg check reports them). */
typedef struct query_stmt {
    int32_t from, to; /* concept indexes */
    int32_t kind;     /* index into ontology->kinds */
    int32_t paper;    /* index into ontology->papers */
    const ckg_relation *rel;
} query_stmt;

typedef struct query_index {
    const ckg_ontology *o;
    query_stmt *stmts; /* grouped by from, in file order within a group */
    size_t n_stmts;
    uint32_t *out_start; /* stmts[out_start[c] .. out_start[c + 1]) leave concept c */
    uint32_t *in_stmts;  /* statement ids grouped by to */
    uint32_t *in_start;  /* in_stmts[in_start[c] .. in_start[c + 1]) enter concept c */
} query_index;

/* CKG_OK or CKG_ENOMEM. The ontology must be free of load errors. */
int query_index_build(const ckg_ontology *o, query_index **out);
void query_index_free(query_index *qi);

/* ------------------------------------------------------------------ filters */

enum { QUERY_OUT = 1u, QUERY_IN = 2u, QUERY_BOTH = 3u };

typedef struct query_filter {
    unsigned direction;   /* QUERY_OUT, QUERY_IN or QUERY_BOTH (0 counts as both) */
    const int32_t *kinds; /* kind indexes to follow; NULL or none: every kind */
    size_t n_kinds;
    int32_t paper; /* only relations this paper states; -1: every paper */
    int32_t theme; /* only concepts of this theme are walked to; -1: every theme */
    const int32_t *avoid; /* concepts never walked to or through (a path's two ends are
                           * exempt, like the theme's); NULL or none: no such concept */
    size_t n_avoid;
} query_filter;

/* A filter that lets everything through. */
#define QUERY_FILTER_ALL ((query_filter){QUERY_BOTH, NULL, 0, -1, -1, NULL, 0})

/* ------------------------------------------------------------------ links */

/* Concepts linked by one relation kind in one direction, with the statements behind it:
 * `via` stands for the concepts on the near side, `concept` is on the far side. Direction
 * QUERY_OUT means via -> concept (via is the `from` of the relation), QUERY_IN means
 * concept -> via. */
typedef struct query_link {
    int32_t concept;  /* the concept reached */
    int32_t kind;
    unsigned direction; /* QUERY_OUT or QUERY_IN, seen from via */
    uint32_t depth;   /* steps from the start (neighbors), or the step's number (paths) */
    int32_t *via;     /* concepts it is reached from, ascending (one for paths and depth 1) */
    size_t n_via;
    int32_t *papers;  /* papers stating it, ascending */
    size_t n_papers;
    const query_stmt **stmts; /* the statements (their evidence), by via, paper, file order */
    size_t n_stmts;
} query_link;

/* ------------------------------------------------------------------ neighbors */

typedef struct query_neighbors {
    int32_t concept;    /* where the walk starts */
    uint32_t depth;     /* the depth asked for */
    query_link *links;  /* one per (neighbor, kind, direction); ordered by depth, direction
                         * (out first), kind (vocabulary order), papers (most first), then
                         * the neighbor's place in the ontology */
    size_t n_links;
    size_t n_concepts;  /* distinct neighbors */
    size_t n_papers;    /* distinct papers stating the links */
    arena mem;
} query_neighbors;

/* Breadth-first walk from concept up to depth steps (depth >= 1) along the relations the
 * filter lets through. A concept is reported at the depth where the walk first reaches it,
 * once per kind and direction it is reached by, with every concept of the previous depth
 * it is linked to (via); relations back to concepts already reached are not reported, so
 * cycles end the walk. Returns CKG_OK, CKG_EUSAGE (depth 0, a concept out of range) or
 * CKG_ENOMEM. */
int query_neighbors_walk(const query_index *qi, int32_t concept, uint32_t depth,
                         const query_filter *f, query_neighbors **out);
void query_neighbors_free(query_neighbors *n);

/* ------------------------------------------------------------------ paths */

/* One step of a path: the relations linking concepts[i] and concepts[i + 1] (in each link,
 * via = concepts[i], concept = concepts[i + 1], depth = i + 1). */
typedef struct query_step {
    query_link *links;
    size_t n_links;
} query_step;

typedef struct query_path {
    size_t length;     /* steps */
    int32_t *concepts; /* from the start to the end: length + 1 of them */
    query_step *steps; /* length of them */
} query_path;

typedef struct query_paths {
    int32_t from, to;
    int found;         /* a path exists (a concept to itself: a path of length 0) */
    size_t length;     /* steps in the shortest path (in each, but for k shortest) */
    query_path *paths; /* the paths listed, in a deterministic order */
    size_t n_paths;
    uint64_t total;    /* shortest paths in all (saturates at UINT64_MAX); for k shortest,
                        * the paths listed */
    arena mem;
} query_paths;

/* Shortest relation paths from a to b. The filter's direction decides how relations are
 * followed: QUERY_BOTH (the default) ignores their direction (a relation links two concepts
 * whichever way it points; each step says which way it goes), QUERY_OUT follows from -> to,
 * QUERY_IN to -> from. With max_paths 1 one shortest path is listed, else up to max_paths of
 * them (0: all). The theme filter restricts the concepts in between, not the two ends.
 * Returns CKG_OK (check ->found), CKG_EUSAGE (a concept out of range) or CKG_ENOMEM. */
int query_shortest_paths(const query_index *qi, int32_t a, int32_t b, const query_filter *f,
                         size_t max_paths, query_paths **out);

/* The k shortest simple paths from a to b (no concept twice), shortest first and, among
 * paths of one length, in lexicographic order of their concepts' places in the ontology:
 * Yen's algorithm over the concepts, each spur a breadth-first search that takes the
 * lexicographically first of the shortest ways, so the first k paths in that order are found
 * and every run lists the same. Relations are followed as the filter says (as for
 * query_shortest_paths, avoided and off-theme concepts only in between). Fewer than k
 * when fewer exist; ->length is the first's, ->total the number listed. Returns CKG_OK
 * (check ->found), CKG_EUSAGE (a concept out of range, k 0) or CKG_ENOMEM. */
int query_k_shortest_paths(const query_index *qi, int32_t a, int32_t b, const query_filter *f,
                           size_t k, query_paths **out);
void query_paths_free(query_paths *p);

/* ------------------------------------------------------------------ search */

/* How a concept matched, best first. */
typedef enum query_match {
    QUERY_MATCH_EXACT = 0,  /* a name equals the text (folded) */
    QUERY_MATCH_PREFIX,     /* a name starts with it */
    QUERY_MATCH_NAME,       /* a name contains it */
    QUERY_MATCH_DEFINITION, /* the definition (zh or en) contains it */
    QUERY_MATCH_QUOTE,      /* a quote of one of its mentions contains it */
} query_match;

/* "exact", "prefix", "name", "definition", "quote". */
const char *query_match_name(query_match m);

typedef struct query_concept_hit {
    int32_t concept;
    query_match match;
    const char *field; /* "id", "zh", "en", "alt", "definition.zh", "definition.en", "quote" */
    const char *text;  /* the name, definition or quote that matched */
    size_t n_quotes;   /* quotes of its mentions that contain the text */
} query_concept_hit;

/* Where a quote is used: a mention of a concept, or a relation. */
typedef struct query_use {
    const ckg_mention *mention;   /* or NULL */
    const ckg_relation *relation; /* or NULL */
} query_use;

/* One quote of one paper containing the text, with every use of it in that paper. */
typedef struct query_quote_hit {
    int32_t paper;
    const ckg_evidence *evidence; /* its first use */
    query_use *uses;
    size_t n_uses;
} query_quote_hit;

typedef struct query_search_result {
    query_concept_hit *concepts; /* ranked: match, then the shorter matching text, then the
                                  * concept named by more papers, then ontology order */
    size_t n_concepts;
    query_quote_hit *quotes;     /* ranked: the larger the share of the quote the text is,
                                  * the higher; then paper and file order */
    size_t n_quotes;
    arena mem;
} query_search_result;

/* Finds text in concept names (id, zh, en, alt), definitions and evidence quotes, compared
 * folded (text_fold: NFKC, case, width and whitespace insensitive). Returns CKG_OK,
 * CKG_EUSAGE when nothing is left of the text once folded or it is not valid UTF-8, or
 * CKG_ENOMEM. */
int query_search(const ckg_ontology *o, const char *text, query_search_result **out);
void query_search_free(query_search_result *r);

/* ------------------------------------------------------------------ one concept */

typedef struct query_paper_mentions {
    int32_t paper;
    const ckg_mention *mention; /* the paper's mention of the concept, or NULL when the paper
                                 * only names it in relations */
    size_t n_relations;         /* relations of the paper naming the concept */
} query_paper_mentions;

typedef struct query_concept_info {
    int32_t concept;
    int32_t *broader; /* resolved broader concepts, as listed */
    size_t n_broader;
    int32_t *narrower; /* concepts listing it as broader, in ontology order */
    size_t n_narrower;
    query_paper_mentions *papers; /* papers it belongs to, in paper order */
    size_t n_papers;
    arena mem;
} query_concept_info;

/* CKG_OK, CKG_EUSAGE (concept out of range) or CKG_ENOMEM. */
int query_concept(const ckg_ontology *o, int32_t concept, query_concept_info **out);
void query_concept_free(query_concept_info *info);

/* ------------------------------------------------------------------ quotes in the text */

/* Where evidence of paper lies in its source text: sets *line and *end_line (1-based; 0
 * when the text was read but the quote is not in it, which ckg check reports) and returns
 * CKG_OK; CKG_EIO without a corpus; the corpus failure (corpus_doc: CKG_EINVALID,
 * CKG_ENOTFOUND, CKG_EIO, with a diagnostic in diags once per source); or CKG_ENOMEM. A
 * quote located by ckg check (found_line) is not looked up again. */
int query_quote_line(const ckg_ontology *o, corpus *cp, int32_t paper, const ckg_evidence *ev,
                     diag_list *diags, size_t *line, size_t *end_line);

/* The lines of many quotes, the corpus opened on first use (query_lines.c). Without a corpus
 * folder, or where a source cannot be read, a quote has no line (0) and is counted in
 * unlocated, so the caller can say once why lines are missing. */
typedef struct query_lines {
    const ckg_ontology *o;
    const char *corpus_dir;    /* NULL: no corpus */
    corpus *cp;                /* NULL until opened, or when it could not be */
    int opened;                /* corpus_open was tried */
    diag_list diags;           /* why sources could not be read */
    size_t unlocated;          /* quotes given no line because their text was not available */
    char *cache_dir;           /* the folder of the cache of quote lines, or NULL: none */
    struct lines_cache *cache; /* that cache, made on first use (NULL until then) */
} query_lines;

void query_lines_init(query_lines *l, const ckg_ontology *o, const char *corpus_dir);
/* Keeps the lines of quotes in a cache in the folder cache_dir (NULL: none, as after
 * query_lines_init; ontology_load_cached's folder serves), so that a later run finds them
 * without building the texts again. The answers are those without the cache, always: a
 * cache file is used only for the same corpus file (size, modification time and content
 * hash), the same quote (its bytes) and the same matching code; one that cannot be read or
 * written costs only the cache. Call before the first query_lines_get. */
void query_lines_cache_in(query_lines *l, const char *cache_dir);
/* Sets *line and *end_line as query_quote_line does, or both 0 when the line is not known. */
void query_lines_get(query_lines *l, int32_t paper, const ckg_evidence *ev, size_t *line,
                     size_t *end_line);
void query_lines_free(query_lines *l);

/* ------------------------------------------------------------------ papers and themes */

/* What one paper holds (query_catalog.c). concepts: those it mentions or names in a
 * relation (as graph_build's scope of the paper, so `ckg compare` counts the same);
 * mentions, relations: statements as written; quotes: the evidence of both. */
typedef struct query_paper_counts {
    int32_t paper;
    size_t sections, concepts, mentions, relations, quotes;
} query_paper_counts;

/* What one theme holds: its concepts; the papers that mention or relate one of them; the
 * mentions of them and the relation statements with an end among them, over every paper. */
typedef struct query_theme_counts {
    int32_t theme;
    size_t concepts, papers, mentions, relations;
} query_theme_counts;

typedef struct query_catalog_result {
    query_paper_counts *papers; /* in ontology order, one per paper */
    size_t n_papers;
    query_theme_counts *themes; /* in ontology order, one per theme */
    size_t n_themes;
} query_catalog_result;

/* Counts every paper and theme of o in one pass; unresolved references count nowhere.
 * CKG_OK or CKG_ENOMEM (then *out is empty). */
int query_catalog(const ckg_ontology *o, query_catalog_result *out);
void query_catalog_free(query_catalog_result *c);

/* ------------------------------------------------------------------ centrality ranks */

/* A concept's standing in the analysis graph of a scope, as the metrics module computes it
 * (metrics.h: directed graph, one edge per ordered pair; degrees and PageRank with damping
 * 0.85, unweighted). A rank counts from the largest value down (rank 1); concepts with equal
 * values share the average of the ranks they span (1, 2.5, 2.5, 4), as in metrics_ranks, so
 * every command reports the same ranks. */
typedef struct query_rank {
    double value;
    double rank;
} query_rank;

typedef struct query_ranks {
    size_t n;          /* concepts in the scope */
    query_rank degree, in_degree, out_degree, pagerank;
} query_ranks;

/* Returns CKG_OK, CKG_ENOTFOUND when the concept is not in the scope (or the scope's paper
 * does not exist; diagnostic in diags), CKG_EUSAGE, CKG_ENOMEM, or CKG_EINVALID when igraph
 * fails (diagnostic in diags). */
int query_ranks_of(const ckg_ontology *o, const graph_scope *scope, int32_t concept,
                   diag_list *diags, query_ranks *out);

/* The same for every concept of a scope at once: (*out)[c] for each concept index c (a
 * malloc'd array of o->n_concepts), with n = 0 for a concept not in the scope. Returns
 * CKG_OK, CKG_ENOTFOUND (an unknown paper or section), CKG_EUSAGE, CKG_ENOMEM or
 * CKG_EINVALID, with diagnostics as query_ranks_of. */
int query_ranks_scope(const ckg_ontology *o, const graph_scope *scope, diag_list *diags,
                      query_ranks **out);

/* A concept's ranks in one scope: "all", or the id of a paper. */
typedef struct query_scoped_ranks {
    const char *scope; /* points into the ontology (or is "all") */
    query_ranks r;
} query_scoped_ranks;

/* The ranks of info's concept over all papers, then in each paper of info whose graph holds
 * it (ckg show). *out (malloc'd, *n entries) is NULL on failure. Returns what
 * query_ranks_of returns but CKG_ENOTFOUND (a paper that relates the concept only through
 * relations left out of its graph is skipped). */
int query_ranks_by_scope(const ckg_ontology *o, const query_concept_info *info,
                         diag_list *diags, query_scoped_ranks **out, size_t *n);

#endif
