/* query_search.c — find a text in concept names, definitions and evidence quotes.
 *
 * Everything is compared folded (text_fold: NFKC, case, width, whitespace), so "ＴＦＰ"
 * finds "tfp" and "数据 要素" finds 数据要素. A concept's rank is its best match: a name equal
 * to the text, then a name starting with it, then a name containing it, then its definition,
 * then a quote of its mentions; within a tier the shorter matching text wins (the text is
 * more of it), then the concept more papers name. Quotes are grouped per paper and quote
 * (one quote is often the evidence of a mention and of relations) and ranked by the share
 * of the quote the text makes up. Each distinct quote text is folded once (relate_quote):
 * folding the quotes is most of a search's own work, and the same quote is often the
 * evidence of a mention and of several relations. */
#include "ckg/query.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "ckg/text.h"
#include "util/array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *query_match_name(query_match m)
{
    switch (m) {
    case QUERY_MATCH_EXACT: return "exact";
    case QUERY_MATCH_PREFIX: return "prefix";
    case QUERY_MATCH_NAME: return "name";
    case QUERY_MATCH_DEFINITION: return "definition";
    case QUERY_MATCH_QUOTE: return "quote";
    }
    return "?";
}

void query_search_free(query_search_result *r)
{
    if (!r)
        return;
    arena_free(&r->mem);
    free(r);
}

/* Per concept while searching. */
typedef struct concept_state {
    int matched;
    query_match match;
    const char *field, *text;
    size_t text_len; /* folded length of the matching text, for ranking */
    size_t n_quotes;
    size_t n_papers;
    int32_t last_paper;
} concept_state;

typedef struct quote_state {
    query_quote_hit hit;
    size_t share_num, share_den; /* folded text length / folded quote length */
    size_t cap;
} quote_state;

/* How a quote text relates to the needle, as relate told it the first time: one slot of the
 * table of quote texts (text NULL: free). */
typedef struct quote_fold {
    const char *text;
    size_t len;
    uint64_t key;
    int relation;
    size_t folded_len;
} quote_fold;

typedef struct searcher {
    const ckg_ontology *o;
    const char *needle;
    size_t needle_len;
    concept_state *cs;
    quote_state *qs;
    size_t n_qs, cap_qs;
    strmap paper_quotes; /* quote text -> its hit, for the paper being scanned */
    quote_fold *folds;   /* every quote text seen, open addressing (cap_folds a power of 2) */
    size_t cap_folds;
    char *fold_buf;      /* the folded text relate looks at */
    size_t fold_cap;
} searcher;

/* Folds s (into S's buffer, kept from one call to the next) and tells how it relates to the
 * needle: 0 equal, 1 prefix, 2 contains, -1 not; CKG_ENOMEM through *oom. */
static int relate(searcher *S, const char *s, size_t *folded_len, int *oom)
{
    size_t len;
    int rc = text_fold_buf(s, strlen(s), &S->fold_buf, &S->fold_cap, &len, NULL);
    *oom = rc == TEXT_ENOMEM;
    if (rc != TEXT_OK)
        return -1; /* an invalid string: the loader reports it, nothing matches it */
    const char *f = S->fold_buf;
    int r = -1;
    if (len == S->needle_len && memcmp(f, S->needle, len) == 0)
        r = 0;
    else if (len > S->needle_len && memcmp(f, S->needle, S->needle_len) == 0)
        r = 1;
    else if (strstr(f, S->needle))
        r = 2;
    *folded_len = len;
    return r;
}

/* A cheap key of a quote text: its length and three 8-byte pieces (start, middle, end),
 * mixed. Texts with equal keys are compared in full, so it only has to spread them. */
static uint64_t quote_key(const char *s, size_t len)
{
    uint64_t a = 0, b = 0, c = 0;
    memcpy(&a, s, len < 8 ? len : 8);
    if (len > 8) {
        memcpy(&b, s + len - 8, 8);
        memcpy(&c, s + (len - 8) / 2, 8);
    }
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ (c * 0xC2B2AE3D27D4EB4Full) ^ len) *
                 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 29);
}

/* relate for an evidence quote, remembered per distinct text: the answer depends on the
 * text alone, so a quote seen before is not folded again (a third of the quotes of the
 * shipped ontology repeat one). The table has room for every quote (query_search sizes it),
 * and finding a text costs its length, a key and at most a memcmp per probe: far less than
 * folding it, which a hash of the whole text (strmap) would not be. */
static int relate_quote(searcher *S, const char *s, size_t *folded_len, int *oom)
{
    size_t len = strlen(s);
    uint64_t key = quote_key(s, len);
    size_t i = (size_t)key & (S->cap_folds - 1);
    quote_fold *f;
    for (;; i = (i + 1) & (S->cap_folds - 1)) {
        f = &S->folds[i];
        if (!f->text)
            break;
        if (f->key == key && f->len == len && memcmp(f->text, s, len) == 0) {
            *oom = 0;
            *folded_len = f->folded_len;
            return f->relation;
        }
    }
    *folded_len = 0;
    int r = relate(S, s, folded_len, oom);
    *f = (quote_fold){s, len, key, r, *folded_len};
    return r;
}

static void offer(concept_state *c, query_match m, const char *field, const char *text,
                  size_t len)
{
    if (c->matched && (c->match < m || (c->match == m && c->text_len <= len)))
        return;
    c->matched = 1;
    c->match = m;
    c->field = field;
    c->text = text;
    c->text_len = len;
}

static int scan_concepts(searcher *S)
{
    const ckg_ontology *o = S->o;
    int oom;
    size_t len;
    for (size_t i = 0; i < o->n_concepts; i++) {
        const ckg_concept *c = &o->concepts[i];
        concept_state *st = &S->cs[i];
        const ckg_str *names[] = {&c->id, &c->zh, &c->en};
        static const char *const fields[] = {"id", "zh", "en"};
        for (size_t k = 0; k < 3 + c->alt.n; k++) {
            const char *s = k < 3 ? names[k]->s : c->alt.items[k - 3].s;
            if (!s)
                continue;
            int r = relate(S, s, &len, &oom);
            if (oom)
                return CKG_ENOMEM;
            if (r >= 0)
                offer(st, (query_match)(QUERY_MATCH_EXACT + r), k < 3 ? fields[k] : "alt", s, len);
        }
        const ckg_str *defs[] = {&c->definition_zh, &c->definition_en};
        static const char *const dfields[] = {"definition.zh", "definition.en"};
        for (size_t k = 0; k < 2 && (!st->matched || st->match > QUERY_MATCH_NAME); k++) {
            if (!defs[k]->s)
                continue;
            int r = relate(S, defs[k]->s, &len, &oom);
            if (oom)
                return CKG_ENOMEM;
            if (r >= 0)
                offer(st, QUERY_MATCH_DEFINITION, dfields[k], defs[k]->s, len);
        }
    }
    return CKG_OK;
}

/* Records that evidence ev of paper p contains the needle, used by a mention or relation. */
static int add_quote(searcher *S, int32_t p, const ckg_evidence *ev, query_use use,
                     size_t folded_len)
{
    quote_state *q = NULL;
    int32_t at;
    if (strmap_put(&S->paper_quotes, ev->quote.s, (int32_t)S->n_qs, &at) != CKG_OK)
        return CKG_ENOMEM;
    if (at >= 0) {
        q = &S->qs[at];
    } else {
        if (ARRAY_GROW(S->qs, S->cap_qs, S->n_qs + 1) != CKG_OK)
            return CKG_ENOMEM;
        q = &S->qs[S->n_qs++];
        memset(q, 0, sizeof *q);
        q->hit.paper = p;
        q->hit.evidence = ev;
        q->share_num = S->needle_len;
        q->share_den = folded_len ? folded_len : 1;
    }
    if (ARRAY_GROW(q->hit.uses, q->cap, q->hit.n_uses + 1) != CKG_OK)
        return CKG_ENOMEM;
    q->hit.uses[q->hit.n_uses++] = use;
    return CKG_OK;
}

/* Looks at the quotes of ev (of paper p, used as `use`): *found tells how many contain the
 * needle, *first is the first of them and *first_len its folded length. */
static int scan_evidence(searcher *S, int32_t p, const ckg_evidences *ev, query_use use,
                         size_t *found, const char **first, size_t *first_len)
{
    int oom, rc;
    size_t len;
    *found = 0;
    *first = NULL;
    for (size_t e = 0; e < ev->n; e++) {
        const ckg_evidence *x = &ev->items[e];
        if (!x->quote.s)
            continue;
        int r = relate_quote(S, x->quote.s, &len, &oom);
        if (oom)
            return CKG_ENOMEM;
        if (r < 0)
            continue;
        if (!(*found)++) {
            *first = x->quote.s;
            *first_len = len;
        }
        if ((rc = add_quote(S, p, x, use, len)) != CKG_OK)
            return rc;
    }
    return CKG_OK;
}

/* Marks concept c as belonging to paper p (once per paper). */
static void belongs(searcher *S, int32_t c, int32_t p)
{
    if (c >= 0 && S->cs[c].last_paper != p) {
        S->cs[c].last_paper = p;
        S->cs[c].n_papers++;
    }
}

static int scan_papers(searcher *S)
{
    const ckg_ontology *o = S->o;
    int rc = CKG_OK;
    size_t found, len = 0;
    const char *first;
    for (size_t pi = 0; pi < o->n_papers && rc == CKG_OK; pi++) {
        const ckg_paper *p = &o->papers[pi];
        strmap_free(&S->paper_quotes);
        for (size_t m = 0; m < p->n_mentions; m++) {
            const ckg_mention *mn = &p->mentions[m];
            if ((rc = scan_evidence(S, (int32_t)pi, &mn->evidence, (query_use){mn, NULL}, &found,
                                    &first, &len)) != CKG_OK)
                break;
            belongs(S, mn->concept_index, (int32_t)pi);
            if (mn->concept_index < 0 || !found)
                continue;
            S->cs[mn->concept_index].n_quotes += found;
            offer(&S->cs[mn->concept_index], QUERY_MATCH_QUOTE, "quote", first, len);
        }
        for (size_t r = 0; r < p->n_relations && rc == CKG_OK; r++) {
            const ckg_relation *rel = &p->relations[r];
            rc = scan_evidence(S, (int32_t)pi, &rel->evidence, (query_use){NULL, rel}, &found,
                               &first, &len);
            belongs(S, rel->from_index, (int32_t)pi);
            belongs(S, rel->to_index, (int32_t)pi);
        }
    }
    strmap_free(&S->paper_quotes);
    return rc;
}

/* A concept hit with its ranking keys. */
typedef struct ranked_hit {
    query_concept_hit hit;
    size_t text_len, n_papers;
} ranked_hit;

static int compare_concept_hits(const void *pa, const void *pb)
{
    const ranked_hit *a = pa, *b = pb;
    if (a->hit.match != b->hit.match)
        return a->hit.match < b->hit.match ? -1 : 1;
    if (a->text_len != b->text_len)
        return a->text_len < b->text_len ? -1 : 1;
    if (a->n_papers != b->n_papers)
        return a->n_papers > b->n_papers ? -1 : 1;
    return a->hit.concept < b->hit.concept ? -1 : a->hit.concept > b->hit.concept;
}

static int compare_quote_states(const void *pa, const void *pb)
{
    const quote_state *a = pa, *b = pb;
    /* a->num / a->den > b->num / b->den, without division */
    unsigned long long l = (unsigned long long)a->share_num * b->share_den;
    unsigned long long r = (unsigned long long)b->share_num * a->share_den;
    if (l != r)
        return l > r ? -1 : 1;
    if (a->hit.paper != b->hit.paper)
        return a->hit.paper < b->hit.paper ? -1 : 1;
    /* then in the order of the paper's file (not by address: where the loader's arena put
     * an evidence list says nothing, and a cached load puts it elsewhere) */
    const ckg_loc *x = &a->hit.evidence->loc, *y = &b->hit.evidence->loc;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

int query_search(const ckg_ontology *o, const char *text, query_search_result **out)
{
    int rc;
    char *needle = NULL;
    size_t nlen;
    searcher S = {0};
    ranked_hit *ranked = NULL;
    query_search_result *res = NULL;
    *out = NULL;
    if ((rc = text_fold_n(text, strlen(text), &needle, &nlen, NULL)) != TEXT_OK)
        return rc == TEXT_ENOMEM ? CKG_ENOMEM : CKG_EUSAGE;
    if (nlen == 0) {
        free(needle);
        return CKG_EUSAGE;
    }
    rc = CKG_ENOMEM;
    S.o = o;
    S.needle = needle;
    S.needle_len = nlen;
    strmap_init(&S.paper_quotes);
    /* the quote table: a power of two at least twice the quotes there are */
    size_t n_ev = 0;
    for (size_t pi = 0; pi < o->n_papers; pi++) {
        const ckg_paper *p = &o->papers[pi];
        for (size_t m = 0; m < p->n_mentions; m++)
            n_ev += p->mentions[m].evidence.n;
        for (size_t r = 0; r < p->n_relations; r++)
            n_ev += p->relations[r].evidence.n;
    }
    for (S.cap_folds = 16; S.cap_folds < 2 * n_ev; S.cap_folds *= 2)
        ;
    if (!(S.folds = calloc(S.cap_folds, sizeof *S.folds)) ||
        !(S.cs = calloc(o->n_concepts ? o->n_concepts : 1, sizeof *S.cs)) ||
        !(res = calloc(1, sizeof *res)))
        goto out;
    for (size_t i = 0; i < o->n_concepts; i++)
        S.cs[i].last_paper = -1;
    if ((rc = scan_concepts(&S)) != CKG_OK || (rc = scan_papers(&S)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;

    size_t n = 0;
    for (size_t i = 0; i < o->n_concepts; i++)
        n += S.cs[i].matched;
    if (n && (!(ranked = malloc(n * sizeof *ranked)) ||
              !(res->concepts = arena_alloc(&res->mem, n * sizeof *res->concepts))))
        goto out;
    for (size_t i = 0, k = 0; i < o->n_concepts; i++) {
        const concept_state *st = &S.cs[i];
        if (st->matched)
            ranked[k++] = (ranked_hit){{(int32_t)i, st->match, st->field, st->text, st->n_quotes},
                                       st->text_len, st->n_papers};
    }
    if (n)
        qsort(ranked, n, sizeof *ranked, compare_concept_hits);
    for (size_t i = 0; i < n; i++)
        res->concepts[res->n_concepts++] = ranked[i].hit;

    if (S.n_qs)
        qsort(S.qs, S.n_qs, sizeof *S.qs, compare_quote_states);
    if (S.n_qs && !(res->quotes = arena_alloc(&res->mem, S.n_qs * sizeof *res->quotes)))
        goto out;
    for (size_t i = 0; i < S.n_qs; i++) {
        query_quote_hit *h = &res->quotes[res->n_quotes++];
        *h = S.qs[i].hit;
        if (!(h->uses = arena_alloc(&res->mem, h->n_uses * sizeof *h->uses)))
            goto out;
        memcpy(h->uses, S.qs[i].hit.uses, h->n_uses * sizeof *h->uses);
    }
    *out = res;
    res = NULL;
    rc = CKG_OK;
out:
    free(ranked);
    for (size_t i = 0; i < S.n_qs; i++)
        free(S.qs[i].hit.uses);
    free(S.qs);
    free(S.folds);
    free(S.fold_buf);
    free(S.cs);
    free(needle);
    query_search_free(res);
    return rc;
}
