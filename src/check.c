/* check.c — the rules that need the whole ontology, and quote verification.
 *
 * Runs after loading, on whatever loaded (unresolved references are already reported and
 * sit at -1, so every rule here skips them rather than guessing). Each rule is one function;
 * all report into the same list so one run shows every problem. The vocabulary's rules
 * (phrases, families of a pair, is_a against broader) are in check_vocabulary.c. */
#include "check_internal.h"
#include "ckg/check.h"
#include "ckg/corpus.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "ckg/text.h"
#include "util/array.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- names */

/* Every zh and alt name belongs to one concept, compared folded (NFKC, case, whitespace); an
 * English name that folds to another concept's name makes lookups ambiguous, so it warns. */
static int check_names(const ckg_ontology *o, diag_list *diags)
{
    int rc = CKG_OK;
    strmap owner; /* folded name -> concept index */
    strmap_init(&owner);
    char **folded = NULL;
    size_t n_folded = 0, cap = 0, n_all = 0;
    for (size_t i = 0; i < o->n_concepts; i++)
        n_all += 1 + o->concepts[i].alt.n;
    if (strmap_reserve(&owner, n_all) != CKG_OK)
        return CKG_ENOMEM;

    for (int pass = 0; pass < 2; pass++) { /* pass 0: zh and alt; pass 1: en */
        for (size_t i = 0; i < o->n_concepts; i++) {
            const ckg_concept *c = &o->concepts[i];
            size_t n_names = pass == 0 ? 1 + c->alt.n : 1;
            for (size_t k = 0; k < n_names; k++) {
                const ckg_str *name = pass == 1 ? &c->en : k == 0 ? &c->zh : &c->alt.items[k - 1];
                if (!name->s)
                    continue;
                if (ARRAY_GROW(folded, cap, n_folded + 1) != CKG_OK) {
                    rc = CKG_ENOMEM;
                    goto out;
                }
                if (!(folded[n_folded] = text_fold(name->s))) {
                    rc = CKG_ENOMEM;
                    goto out;
                }
                const char *key = folded[n_folded++];
                int32_t first;
                if (pass == 1) {
                    first = strmap_get(&owner, key);
                    if (first >= 0 && (size_t)first != i)
                        diag_add(diags, DIAG_WARNING, &name->loc,
                                 "English name '%s' of '%s' is also a name of concept '%s'",
                                 name->s, c->id.s, o->concepts[first].id.s);
                    continue;
                }
                if (strmap_put(&owner, key, (int32_t)i, &first) != CKG_OK) {
                    rc = CKG_ENOMEM;
                    goto out;
                }
                if (first < 0)
                    continue;
                const ckg_concept *f = &o->concepts[first];
                if ((size_t)first == i)
                    diag_add(diags, DIAG_WARNING, &name->loc,
                             "'%s' repeats a name concept '%s' already has", name->s, c->id.s);
                else
                    diag_add(diags, DIAG_ERROR, &name->loc,
                             "name '%s' of concept '%s' is already a name of concept '%s' "
                             "(%s:%u)",
                             name->s, c->id.s, f->id.s, f->loc.file, (unsigned)f->loc.line);
            }
        }
    }
out:
    for (size_t i = 0; i < n_folded; i++)
        free(folded[i]);
    free(folded);
    strmap_free(&owner);
    return rc;
}

/* ---------------------------------------------------------------- broader */

/* Finds cycles in the broader relation with an iterative depth-first search and reports each
 * once, at the concept where the search closed it, spelling out the loop. */
static int check_broader_cycles(const ckg_ontology *o, diag_list *diags)
{
    enum { WHITE, GREY, BLACK };
    int rc = CKG_OK;
    size_t n = o->n_concepts;
    unsigned char *color = calloc(n ? n : 1, 1);
    size_t *stack = malloc((n ? n : 1) * sizeof *stack);
    size_t *edge = malloc((n ? n : 1) * sizeof *edge); /* next broader entry to visit */
    if (!color || !stack || !edge) {
        rc = CKG_ENOMEM;
        goto out;
    }
    for (size_t root = 0; root < n; root++) {
        if (color[root] != WHITE)
            continue;
        size_t depth = 0;
        stack[depth] = root;
        edge[depth] = 0;
        color[root] = GREY;
        while (1) {
            size_t v = stack[depth];
            const ckg_concept *c = &o->concepts[v];
            if (edge[depth] == c->broader.n) {
                color[v] = BLACK;
                if (depth == 0)
                    break;
                depth--;
                continue;
            }
            size_t b = edge[depth]++;
            int32_t w = c->broader_index ? c->broader_index[b] : -1;
            if (w < 0 || color[w] == BLACK)
                continue;
            if (color[w] == WHITE) {
                color[w] = GREY;
                stack[++depth] = (size_t)w;
                edge[depth] = 0;
                continue;
            }
            /* w is on the stack: the loop is stack[k..depth] -> w */
            size_t k = depth;
            while (stack[k] != (size_t)w)
                k--;
            size_t len = 0;
            for (size_t j = k; j <= depth; j++)
                len += strlen(o->concepts[stack[j]].id.s) + 5;
            char *path = malloc(len + strlen(o->concepts[w].id.s) + 1);
            if (!path) {
                rc = CKG_ENOMEM;
                goto out;
            }
            path[0] = '\0';
            for (size_t j = k; j <= depth; j++) {
                strcat(path, o->concepts[stack[j]].id.s);
                strcat(path, " -> ");
            }
            strcat(path, o->concepts[w].id.s);
            diag_add(diags, DIAG_ERROR, &c->broader.items[b].loc, "broader cycle: %s", path);
            free(path);
        }
    }
out:
    free(color);
    free(stack);
    free(edge);
    return rc;
}

/* ---------------------------------------------------------------- papers */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Papers: one mention per concept, one entry per (from, kind, to), no self-relations,
 * relation ends that the paper also mentions, and sections on every evidence of a paper
 * that declares them. Also marks in `used` the concepts that belong to some paper.
 * mention_at (one entry per concept, all -1) is shared by the papers: each paper sets the
 * entries of its mentions and puts them back, so the cost is the paper's size, not the
 * number of concepts. */
static int check_paper(const ckg_paper *p, unsigned char *used,
                       int32_t *mention_at, diag_list *diags)
{
    int rc = CKG_OK;
    strmap triples;
    strmap_init(&triples);
    if (strmap_reserve(&triples, p->n_relations) != CKG_OK)
        return CKG_ENOMEM;
    /* the "from kind to" keys of the relations, one after the other in one buffer */
    size_t keys_len = 0;
    for (size_t i = 0; i < p->n_relations; i++) {
        const ckg_relation *r = &p->relations[i];
        keys_len += strlen(r->from.s) + strlen(r->kind.s) + strlen(r->to.s) + 3;
    }
    char *keys = malloc(keys_len ? keys_len : 1), *key = keys;
    if (!keys) {
        rc = CKG_ENOMEM;
        goto out;
    }

    const char *file = base_name(p->file);
    size_t id_len = p->id.s ? strlen(p->id.s) : 0;
    if (p->id.s && !(strncmp(file, p->id.s, id_len) == 0 &&
                     (strcmp(file + id_len, ".yaml") == 0 || strcmp(file + id_len, ".yml") == 0)))
        diag_add(diags, DIAG_WARNING, &p->id.loc, "paper '%s' is in the file '%s'; name it '%s.yaml'",
                 p->id.s, file, p->id.s);

    for (size_t i = 0; i < p->n_mentions; i++) {
        const ckg_mention *m = &p->mentions[i];
        int32_t c = m->concept_index;
        if (c < 0)
            continue;
        used[c] = 1;
        if (mention_at[c] >= 0)
            diag_add(diags, DIAG_ERROR, &m->concept.loc,
                     "concept '%s' is mentioned twice (first at line %u); merge the evidence",
                     m->concept.s, (unsigned)p->mentions[mention_at[c]].concept.loc.line);
        else
            mention_at[c] = (int32_t)i;
    }
    for (size_t i = 0; i < p->n_relations; i++) {
        const ckg_relation *r = &p->relations[i];
        if (r->from_index >= 0)
            used[r->from_index] = 1;
        if (r->to_index >= 0)
            used[r->to_index] = 1;
        if (r->from_index >= 0 && r->from_index == r->to_index) {
            diag_add(diags, DIAG_ERROR, &r->to.loc, "relation from '%s' to itself", r->from.s);
            continue;
        }
        const ckg_str *ends[2] = {&r->from, &r->to};
        const int32_t idx[2] = {r->from_index, r->to_index};
        for (int e = 0; e < 2; e++) {
            if (idx[e] >= 0 && mention_at[idx[e]] < 0)
                diag_add(diags, DIAG_WARNING, &ends[e]->loc,
                         "'%s' is in a relation of paper '%s' but not among its mentions",
                         ends[e]->s, p->id.s ? p->id.s : "?");
        }
        const char *parts[3] = {r->from.s, r->kind.s, r->to.s};
        char *k = key;
        for (int j = 0; j < 3; j++) {
            size_t n = strlen(parts[j]);
            memcpy(key, parts[j], n);
            key += n;
            *key++ = j < 2 ? ' ' : '\0';
        }
        int32_t first;
        if (strmap_put(&triples, k, (int32_t)i, &first) != CKG_OK) {
            rc = CKG_ENOMEM;
            goto out;
        }
        if (first >= 0)
            diag_add(diags, DIAG_ERROR, &r->loc,
                     "relation %s -%s-> %s is stated twice (first at line %u); merge the evidence",
                     r->from.s, r->kind.s, r->to.s, (unsigned)p->relations[first].loc.line);
    }
    if (p->n_sections) {
        for (size_t k = 0; k < p->n_mentions + p->n_relations; k++) {
            const ckg_evidences *ev = k < p->n_mentions ? &p->mentions[k].evidence
                                                        : &p->relations[k - p->n_mentions].evidence;
            for (size_t e = 0; e < ev->n; e++) {
                if (!ev->items[e].section.s)
                    diag_add(diags, DIAG_WARNING, &ev->items[e].loc,
                             "paper '%s' declares sections; say which one this quote is from",
                             p->id.s ? p->id.s : "?");
            }
        }
    }
out:
    for (size_t i = 0; i < p->n_mentions; i++) {
        if (p->mentions[i].concept_index >= 0)
            mention_at[p->mentions[i].concept_index] = -1;
    }
    free(keys);
    strmap_free(&triples);
    return rc;
}

/* ---------------------------------------------------------------- quotes */

/* A not-found quote is easier to fix knowing how much of it does match: report the longest
 * prefix (in characters) that is found, and where. */
static void report_missing_quote(const text_doc *doc, const ckg_paper *p, const ckg_evidence *e,
                                 diag_list *diags)
{
    size_t total = text_codepoints(e->quote.s);
    size_t lo = 0, hi = total; /* longest found prefix lies in [lo, hi] */
    uint32_t line = 0;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        size_t bytes = text_prefix_bytes(e->quote.s, mid);
        text_span span;
        if (text_doc_find_n(doc, e->quote.s, bytes, &span) == TEXT_FOUND) {
            lo = mid;
            line = span.start_line;
        } else {
            hi = mid - 1;
        }
    }
    if (lo >= 4 && line)
        diag_add(diags, DIAG_ERROR, &e->quote.loc,
                 "quote not found in %s (its first %zu of %zu characters match at line %u)",
                 p->source.s, lo, total, (unsigned)line);
    else
        diag_add(diags, DIAG_ERROR, &e->quote.loc, "quote not found in %s", p->source.s);
}

static void verify_evidence(const text_doc *doc, const ckg_paper *p, ckg_evidences *ev,
                            check_stats *stats, diag_list *diags)
{
    for (size_t i = 0; i < ev->n; i++) {
        ckg_evidence *e = &ev->items[i];
        text_span span;
        stats->quotes++;
        int found = text_doc_find_n(doc, e->quote.s, strlen(e->quote.s), &span);
        if (found == TEXT_FOUND) {
            stats->quotes_found++;
            e->found_line = span.start_line;
            e->found_end_line = span.end_line;
        } else if (found == TEXT_EMPTY_QUOTE) {
            diag_add(diags, DIAG_ERROR, &e->quote.loc,
                     "quote is empty once spaces, punctuation variants and footnote marks are "
                     "removed");
        } else {
            report_missing_quote(doc, p, e, diags);
        }
    }
}

/* Papers in order, each against its source text. A text is released once the last paper
 * citing it is done, so memory holds one text at a time, not the corpus (with thousands
 * of papers the corpus, normalized and indexed, is several times the ontology). */
static int verify_quotes(ckg_ontology *o, corpus *cp, check_stats *stats, diag_list *diags)
{
    int rc = CKG_OK;
    strmap last_user; /* source -> index of the last paper citing it */
    strmap_init(&last_user);
    for (size_t i = o->n_papers; i-- > 0;) {
        if (o->papers[i].source.s &&
            strmap_put(&last_user, o->papers[i].source.s, (int32_t)i, NULL) != CKG_OK) {
            rc = CKG_ENOMEM;
            goto out;
        }
    }
    for (size_t i = 0; i < o->n_papers; i++) {
        ckg_paper *p = &o->papers[i];
        if (!p->source.s)
            continue;
        const text_doc *doc = NULL;
        int drc = corpus_doc(cp, p->source.s, &doc, diags, &p->source.loc);
        if (drc == CKG_ENOMEM) {
            rc = drc;
            goto out;
        }
        if (drc != CKG_OK)
            continue; /* reported by corpus_doc at the source key */
        for (size_t m = 0; m < p->n_mentions; m++)
            verify_evidence(doc, p, &p->mentions[m].evidence, stats, diags);
        for (size_t r = 0; r < p->n_relations; r++)
            verify_evidence(doc, p, &p->relations[r].evidence, stats, diags);
        if (strmap_get(&last_user, p->source.s) == (int32_t)i)
            corpus_release(cp, p->source.s);
    }
out:
    strmap_free(&last_user);
    return rc;
}

/* ---------------------------------------------------------------- entry */

int check_ontology(ckg_ontology *o, const check_options *opt, diag_list *diags,
                   check_stats *stats)
{
    int rc = CKG_ENOMEM;
    corpus *cp = NULL;
    unsigned char *used = calloc(o->n_concepts ? o->n_concepts : 1, 1);
    int32_t *mention_at = malloc((o->n_concepts ? o->n_concepts : 1) * sizeof *mention_at);
    memset(stats, 0, sizeof *stats);
    if (!used || !mention_at)
        goto out;
    for (size_t i = 0; i < o->n_concepts; i++)
        mention_at[i] = -1;

    if ((rc = check_names(o, diags)) != CKG_OK || (rc = check_broader_cycles(o, diags)) != CKG_OK)
        goto out;
    for (size_t i = 0; i < o->n_papers; i++) {
        stats->mentions += o->papers[i].n_mentions;
        stats->relations += o->papers[i].n_relations;
        if ((rc = check_paper(&o->papers[i], used, mention_at, diags)) != CKG_OK)
            goto out;
    }
    if ((rc = check_kind_phrases(o, diags)) != CKG_OK ||
        (rc = check_pair_families(o, diags)) != CKG_OK ||
        (rc = check_is_a_broader(o, diags)) != CKG_OK)
        goto out;
    for (size_t i = 0; i < o->n_concepts; i++) {
        if (!used[i])
            diag_add(diags, DIAG_WARNING, &o->concepts[i].id.loc,
                     "concept '%s' is not mentioned by any paper", o->concepts[i].id.s);
    }
    if (opt->corpus_dir) {
        if ((rc = corpus_open(opt->corpus_dir, diags, &cp)) != CKG_OK)
            goto out;
        rc = verify_quotes(o, cp, stats, diags);
    }
out:
    corpus_free(cp);
    free(mention_at);
    free(used);
    return rc;
}
