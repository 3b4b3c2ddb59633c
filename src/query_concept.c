/* query_concept.c — the facts about one concept that are not relations (those come from
 * query_neighbors_walk): its broader and narrower concepts and the papers that name it;
 * and where a quote lies in its paper's source text. */
#include "ckg/query.h"
#include "ckg/status.h"
#include "ckg/text.h"
#include "query_internal.h"

#include <stdlib.h>
#include <string.h>

void query_concept_free(query_concept_info *info)
{
    if (!info)
        return;
    arena_free(&info->mem);
    free(info);
}

int query_concept(const ckg_ontology *o, int32_t concept, query_concept_info **out)
{
    int rc = CKG_ENOMEM;
    query_concept_info *info = NULL;
    *out = NULL;
    if (concept < 0 || (size_t)concept >= o->n_concepts)
        return CKG_EUSAGE;
    if (!(info = calloc(1, sizeof *info)))
        return CKG_ENOMEM;
    info->concept = concept;
    const ckg_concept *c = &o->concepts[concept];

    if (c->broader.n &&
        !(info->broader = arena_alloc(&info->mem, c->broader.n * sizeof *info->broader)))
        goto out;
    for (size_t i = 0; i < c->broader.n; i++) {
        if (c->broader_index && c->broader_index[i] >= 0)
            info->broader[info->n_broader++] = c->broader_index[i];
    }

    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < o->n_concepts; i++) {
            const ckg_concept *x = &o->concepts[i];
            for (size_t k = 0; x->broader_index && k < x->broader.n; k++) {
                if (x->broader_index[k] != concept)
                    continue;
                if (pass)
                    info->narrower[info->n_narrower++] = (int32_t)i;
                else
                    n++;
                break;
            }
        }
        if (!pass && n && !(info->narrower = arena_alloc(&info->mem, n * sizeof *info->narrower)))
            goto out;
    }

    if (o->n_papers &&
        !(info->papers = arena_alloc(&info->mem, o->n_papers * sizeof *info->papers)))
        goto out;
    for (size_t pi = 0; pi < o->n_papers; pi++) {
        const ckg_paper *p = &o->papers[pi];
        query_paper_mentions pm = {(int32_t)pi, NULL, 0};
        for (size_t m = 0; m < p->n_mentions && !pm.mention; m++) {
            if (p->mentions[m].concept_index == concept)
                pm.mention = &p->mentions[m];
        }
        for (size_t r = 0; r < p->n_relations; r++)
            pm.n_relations += p->relations[r].from_index == concept ||
                              p->relations[r].to_index == concept;
        if (pm.mention || pm.n_relations)
            info->papers[info->n_papers++] = pm;
    }
    *out = info;
    info = NULL;
    rc = CKG_OK;
out:
    query_concept_free(info);
    return rc;
}

int query_quote_line(const ckg_ontology *o, corpus *cp, int32_t paper, const ckg_evidence *ev,
                     diag_list *diags, size_t *line, size_t *end_line)
{
    *line = *end_line = 0;
    if (paper < 0 || (size_t)paper >= o->n_papers || !ev->quote.s)
        return CKG_EUSAGE;
    if (ev->found_line) { /* ckg check located it already */
        *line = ev->found_line;
        *end_line = ev->found_end_line ? ev->found_end_line : ev->found_line;
        return CKG_OK;
    }
    const ckg_paper *p = &o->papers[paper];
    if (!cp || !p->source.s)
        return CKG_EIO;
    const text_doc *doc;
    int rc = corpus_doc(cp, p->source.s, &doc, diags, &p->source.loc);
    if (rc != CKG_OK)
        return rc;
    return query_quote_in_doc(doc, ev->quote.s, strlen(ev->quote.s), line, end_line);
}

int query_quote_in_doc(const text_doc *doc, const char *quote, size_t len, size_t *line,
                       size_t *end_line)
{
    text_span span;
    *line = *end_line = 0;
    switch (text_doc_find_n(doc, quote, len, &span)) {
    case TEXT_FOUND:
        *line = span.start_line;
        *end_line = span.end_line;
        return CKG_OK;
    case TEXT_NOT_FOUND:
    case TEXT_EMPTY_QUOTE: return CKG_OK; /* line 0: ckg check is the place to report it */
    case TEXT_ENOMEM: return CKG_ENOMEM;
    default: return CKG_EINVALID;
    }
}
