/* atlas.h — the concept atlas: one self-contained HTML page to study the papers offline.
 *
 * atlas_build writes a page that works opened from disk, with no server and no network:
 *   - the maps: every scope (all papers, each paper, each section of a paper that declares
 *     sections, and optionally the diff of two scopes as `ckg render --diff` draws it), in
 *     Chinese and in English, each drawn by render_map (one call site: atlas_map.c);
 *   - the data: every concept with its names, theme, definition, broader and narrower
 *     concepts, centrality ranks over all papers and in each paper (query_ranks_scope, as
 *     `ckg show` reports them), the quotes of each paper that mentions it, and its relations
 *     as query_neighbors_walk lists them (the order and grouping of `ckg neighbors`), each
 *     with its quotes; papers, sections, themes and relation kinds;
 *   - for each quote, the paragraph of the source text around it, read from the corpus when
 *     the page is built and located with the library's quote matching (text_doc_find), with
 *     the quote's place in it, so the page shows it in <mark>;
 *   - the page's own HTML, CSS and JavaScript (src/atlas/, built into the library).
 * The page is laid out in atlas.html; src/atlas/atlas.js documents the data's shape.
 *
 * Safety: every text from the ontology and the corpus reaches the page as a JSON string in a
 * <script type="application/json"> element (with <, > and & written as \u escapes, so no
 * text can end the element), and the page puts it into the document as text, never as
 * markup. The maps are render_map's SVG drawn for the page (render_options.atlas), which
 * escapes everything. A Content-Security-Policy allows the page's one script (by its
 * SHA-256) and nothing from anywhere else: no network request, no other script.
 *
 * Determinism: the same ontology, corpus and options give the same bytes (with every
 * engine but fdp, as for render_map). */
#ifndef CKG_ATLAS_H
#define CKG_ATLAS_H

#include "ckg/corpus.h"
#include "ckg/diag.h"
#include "ckg/graph.h"
#include "ckg/ontology.h"
#include "ckg/render.h"
#include "ckg/text.h"

#include <stddef.h>
#include <stdint.h>

typedef struct atlas_options {
    const char *engine;  /* the maps' layout engine (render_engine_check); default "sfdp" */
    render_lang lang;    /* the page's language when it opens: ZH (default) or EN */
    /* A diff map too when diff[0].paper is set: two scopes (papers or sections, as for
     * render_options.diff), which must differ. */
    graph_scope diff[2];
} atlas_options;

void atlas_options_init(atlas_options *opt);

/* What a page holds, for the command's report and for tests. */
typedef struct atlas_summary {
    size_t n_concepts;   /* concepts in the data */
    size_t n_scopes;     /* scopes to choose from */
    size_t n_maps;       /* maps drawn (a scope in each language) */
    size_t n_quotes;     /* quotes in the data (a relation's quotes count once) */
    size_t n_placed;     /* of them, shown in their paragraph */
    size_t n_paragraphs; /* distinct paragraphs of the source texts carried */
} atlas_summary;

/* Builds the page into *out (malloc'd, NUL-terminated, *len bytes without the NUL).
 * cp may be NULL: the quotes then have no paragraphs (and no lines). summary may be NULL.
 * A source text that cannot be read is an error (diagnostic at the paper's source:, from
 * corpus_doc) and a quote not found in its text a warning (at the quote; the page shows it
 * without a paragraph); errors make atlas_build return CKG_EINVALID after reporting every
 * one. Returns CKG_OK; CKG_EINVALID; CKG_ENOTFOUND (a diff scope that does not exist, with a
 * diagnostic); CKG_EUSAGE (a bad option: unknown engine or language, a diff of a scope with
 * itself); CKG_ENOMEM. The ontology must load without errors. */
int atlas_build(render_context *ctx, const ckg_ontology *o, corpus *cp,
                const atlas_options *opt, diag_list *diags, char **out, size_t *len,
                atlas_summary *summary);

/* ------------------------------------------------------------------ paragraphs (atlas_text.c)
 *
 * The paragraphs of a source text and the passage around a quote, as the page shows them.
 *
 * A paragraph is a run of text lines. Most texts hold one paragraph per line, or per run of
 * lines between blank lines. A text extracted from a PDF is hard-wrapped instead (002, 004:
 * most lines about as long as the longest, blank lines in mid-sentence): it counts as
 * wrapped when it has at least 20 text lines and nine in ten of them are at most 120 columns
 * wide; then blank lines do not end paragraphs, and a line ends one when it ends a sentence
 * (。！？：；… . ! ? : ; or a closing quote or bracket) and is clearly shorter than a full
 * line (under 85% of the 90th percentile of the widths). In every text a heading is a
 * paragraph of its own, and page furniture (page numbers, running headers) is left out. A
 * short wrapped text (under 20 lines) is read as unwrapped: a quote over its blank lines
 * shows the paragraphs it spans.
 *
 * The text shown is the source's, cleaned for reading only: lines of a paragraph joined
 * (with a space between two Latin letters or digits, else nothing), runs of white space made
 * one space (none next to a CJK character), markdown bold markers, escapes and heading marks
 * and <sup> tags dropped, the PDF glyphs ꎬ ꎮ ꎻ « » shown as ， 。 ； 《 》, a private-use glyph
 * (the PDF's decimal point) as '.', control characters as white space. Paragraphs a quote
 * spans are joined with '\n'. */

typedef struct atlas_text atlas_text;

/* Splits doc (which must outlive t) into paragraphs. CKG_OK or CKG_ENOMEM. */
int atlas_text_new(const text_doc *doc, atlas_text **out);
void atlas_text_free(atlas_text *t);

size_t atlas_text_paragraph_count(const atlas_text *t);
/* First and last line of paragraph i (i < count). */
void atlas_text_paragraph_lines(const atlas_text *t, size_t i, size_t *first, size_t *last);
/* Whether the text was read as hard-wrapped. */
int atlas_text_is_wrapped(const atlas_text *t);

typedef struct atlas_passage {
    size_t first, last;       /* the paragraphs shown (indexes) */
    size_t line, end_line;    /* lines of the quote's first and last characters */
    char *text;               /* the paragraphs as shown (malloc'd, NUL-terminated) */
    size_t mark_start, mark_end; /* the quote in text, in bytes */
    size_t mark_start16, mark_end16; /* the same in UTF-16 code units (JavaScript offsets) */
} atlas_passage;

/* The passage around quote[0..len): CKG_OK; CKG_ENOTFOUND when the text does not hold the
 * quote; CKG_EINVALID when nothing is left of it once normalized, or it is not UTF-8;
 * CKG_ENOMEM. */
int atlas_text_passage(const atlas_text *t, const char *quote, size_t len, atlas_passage *out);
void atlas_passage_free(atlas_passage *p);

#endif
