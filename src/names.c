/* names.c — the folded-name index behind concept lookup.
 *
 * Each folded name maps to the list of concepts that carry it (usually one; `ckg check`
 * reports shared zh/alt names, but an en name or an id may still coincide with another
 * concept's name). Suggestions compare the raw query with ids, zh and en names: typing
 * "数据要数" or "digtal economy" should find its concept. */
#include "ckg/names.h"
#include "ckg/status.h"
#include "ckg/suggest.h"
#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct owners {
    int32_t *concepts;
    size_t n;
} owners;

struct names_index {
    const ckg_ontology *o;
    strmap by_folded;       /* folded name -> index into lists */
    owners *lists;
    char **folded;          /* the keys, owned */
    size_t n_lists;
    const char **candidates; /* ids, zh and en names, for suggestions */
    char **folded_candidates; /* the same folded, owned; suggestions compare these */
    size_t n_candidates;
};

void names_free(names_index *ix)
{
    if (!ix)
        return;
    for (size_t i = 0; i < ix->n_lists; i++) {
        free(ix->lists[i].concepts);
        free(ix->folded[i]);
    }
    free(ix->lists);
    free(ix->folded);
    for (size_t i = 0; i < ix->n_candidates; i++)
        free(ix->folded_candidates[i]);
    free(ix->folded_candidates);
    free(ix->candidates);
    strmap_free(&ix->by_folded);
    free(ix);
}

static int add_name(names_index *ix, const char *name, int32_t concept, size_t *cap)
{
    char *key = text_fold(name);
    if (!key)
        return CKG_ENOMEM;
    int32_t at = strmap_get(&ix->by_folded, key);
    if (at < 0) {
        if (ix->n_lists == *cap) {
            size_t cap2 = *cap ? *cap * 2 : 256;
            owners *l = realloc(ix->lists, cap2 * sizeof *l);
            char **f = l ? realloc(ix->folded, cap2 * sizeof *f) : NULL;
            if (l)
                ix->lists = l;
            if (!f) {
                free(key);
                return CKG_ENOMEM;
            }
            ix->folded = f;
            *cap = cap2;
        }
        at = (int32_t)ix->n_lists;
        ix->lists[at] = (owners){NULL, 0};
        ix->folded[at] = key;
        ix->n_lists++;
        if (strmap_put(&ix->by_folded, key, at, NULL) != CKG_OK)
            return CKG_ENOMEM;
    } else {
        free(key);
    }
    owners *l = &ix->lists[at];
    for (size_t i = 0; i < l->n; i++) {
        if (l->concepts[i] == concept)
            return CKG_OK;
    }
    int32_t *c = realloc(l->concepts, (l->n + 1) * sizeof *c);
    if (!c)
        return CKG_ENOMEM;
    l->concepts = c;
    l->concepts[l->n++] = concept;
    return CKG_OK;
}

int names_build(const ckg_ontology *o, names_index **out)
{
    int rc = CKG_ENOMEM;
    size_t cap = 0;
    names_index *ix = calloc(1, sizeof *ix);
    *out = NULL;
    if (!ix)
        return CKG_ENOMEM;
    ix->o = o;
    strmap_init(&ix->by_folded);
    if (!(ix->candidates = malloc((3 * o->n_concepts + 1) * sizeof *ix->candidates)) ||
        !(ix->folded_candidates = malloc((3 * o->n_concepts + 1) * sizeof(char *))))
        goto out;
    for (size_t i = 0; i < o->n_concepts; i++) {
        const ckg_concept *c = &o->concepts[i];
        const ckg_str *fixed[] = {&c->id, &c->zh, &c->en};
        for (size_t k = 0; k < 3; k++) {
            if (!fixed[k]->s)
                continue;
            if ((rc = add_name(ix, fixed[k]->s, (int32_t)i, &cap)) != CKG_OK)
                goto out;
            rc = CKG_ENOMEM;
            if (!(ix->folded_candidates[ix->n_candidates] = text_fold(fixed[k]->s)))
                goto out;
            ix->candidates[ix->n_candidates++] = fixed[k]->s;
        }
        for (size_t a = 0; a < c->alt.n; a++) {
            if ((rc = add_name(ix, c->alt.items[a].s, (int32_t)i, &cap)) != CKG_OK)
                goto out;
        }
    }
    *out = ix;
    ix = NULL;
    rc = CKG_OK;
out:
    names_free(ix);
    return rc;
}

int names_resolve(const names_index *ix, const char *name, names_result *r)
{
    memset(r, 0, sizeof *r);
    char *key = text_fold(name);
    if (!key)
        return CKG_ENOMEM;
    int32_t at = strmap_get(&ix->by_folded, key);
    if (at >= 0) {
        free(key);
        const owners *l = &ix->lists[at];
        r->verdict = l->n == 1 ? NAMES_FOUND : NAMES_AMBIGUOUS;
        for (size_t i = 0; i < l->n && i < NAMES_MAX_MATCHES; i++)
            r->concepts[r->n++] = l->concepts[i];
        return CKG_OK;
    }
    r->verdict = NAMES_UNKNOWN;
    const char *close[5];
    size_t n = suggest_closest(key, (const char *const *)ix->folded_candidates,
                               ix->n_candidates, close, 5);
    free(key);
    /* back from folded forms to the names as written */
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < ix->n_candidates; i++) {
            if (ix->folded_candidates[i] == close[k]) {
                r->suggestions[r->n_suggestions++] = ix->candidates[i];
                break;
            }
        }
    }
    return CKG_OK;
}
