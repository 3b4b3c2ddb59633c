/* names.c — the folded-name index behind concept lookup.
 *
 * Each name of each concept is one entry (its folded form, the name as written, the
 * concept); entries with the same folded form are chained from one slot of a hash map, so a
 * name shared by several concepts (`ckg check` reports shared zh/alt names, but an en name or
 * an id may still coincide with another concept's name) lists them all. Folded forms live in
 * one arena: building the index costs one fold per name and no allocation per name, which
 * matters because every command that takes a concept builds it (ckg neighbors at 20k
 * concepts). Suggestions compare the folded query with the folded ids, zh and en names:
 * typing "数据要数" or "digtal economy" should find its concept. */
#include "ckg/names.h"
#include "ckg/arena.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "ckg/text.h"
#include "suggest.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct name_entry {
    const char *name;   /* as written in the ontology */
    const char *folded; /* in the index's arena */
    int32_t concept;
    int32_t next;       /* next entry with the same folded form, -1 at the end */
    int suggestible;    /* an id, zh or en name (alt names are not offered as suggestions) */
    int shown;          /* which name to show of a concept whose names contain a text: the
                         * lowest (zh 0, en 1, alt 2, id 3) */
} name_entry;

struct names_index {
    const ckg_ontology *o;
    arena mem;
    strmap by_folded; /* folded name -> its first entry */
    name_entry *entries;
    size_t n_entries;
};

void names_free(names_index *ix)
{
    if (!ix)
        return;
    free(ix->entries);
    strmap_free(&ix->by_folded);
    arena_free(&ix->mem);
    free(ix);
}

static int add_name(names_index *ix, const char *name, int32_t concept, int suggestible,
                    int shown)
{
    char *f = text_fold(name);
    if (!f)
        return CKG_ENOMEM;
    char *key = arena_strdup(&ix->mem, f);
    free(f);
    if (!key)
        return CKG_ENOMEM;
    int32_t self = (int32_t)ix->n_entries, first;
    if (strmap_put(&ix->by_folded, key, self, &first) != CKG_OK)
        return CKG_ENOMEM;
    if (first >= 0) {
        /* the folded form is known: chain this entry after the last one for it, unless the
         * concept already answers to it (its zh and alt may fold alike) */
        int32_t at = first;
        for (;;) {
            name_entry *e = &ix->entries[at];
            if (e->concept == concept) {
                if (suggestible && !e->suggestible) {
                    e->suggestible = 1;
                    e->name = name;
                }
                if (shown < e->shown) { /* "data productivity" rather than its id */
                    e->shown = shown;
                    e->name = name;
                }
                return CKG_OK;
            }
            if (e->next < 0)
                break;
            at = e->next;
        }
        ix->entries[at].next = self;
        key = (char *)ix->entries[first].folded;
    }
    ix->entries[ix->n_entries++] = (name_entry){name, key, concept, -1, suggestible, shown};
    return CKG_OK;
}

int names_build(const ckg_ontology *o, names_index **out)
{
    int rc = CKG_ENOMEM;
    names_index *ix = calloc(1, sizeof *ix);
    *out = NULL;
    if (!ix)
        return CKG_ENOMEM;
    ix->o = o;
    strmap_init(&ix->by_folded);
    size_t n = 0;
    for (size_t i = 0; i < o->n_concepts; i++)
        n += 3 + o->concepts[i].alt.n;
    if (!(ix->entries = malloc((n ? n : 1) * sizeof *ix->entries)))
        goto out;
    for (size_t i = 0; i < o->n_concepts; i++) {
        const ckg_concept *c = &o->concepts[i];
        const ckg_str *fixed[] = {&c->id, &c->zh, &c->en};
        static const int shown[] = {3, 0, 1};
        for (size_t k = 0; k < 3; k++) {
            if (fixed[k]->s &&
                (rc = add_name(ix, fixed[k]->s, (int32_t)i, 1, shown[k])) != CKG_OK)
                goto out;
        }
        for (size_t a = 0; a < c->alt.n; a++) {
            if (c->alt.items[a].s &&
                (rc = add_name(ix, c->alt.items[a].s, (int32_t)i, 0, 2)) != CKG_OK)
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

/* The concepts one of whose names contains key (folded, not empty) into r, each shown by
 * the first of its names that does (zh, en, alt, id), the shortest shown name first, then in
 * ontology order. */
static int containing(const names_index *ix, const char *key, names_result *r)
{
    size_t n_concepts = ix->o->n_concepts;
    if (!*key)
        return CKG_OK;
    /* per concept: the entry of the name to show, or -1 */
    int32_t *best = malloc((n_concepts ? n_concepts : 1) * sizeof *best);
    if (!best)
        return CKG_ENOMEM;
    memset(best, 0xff, (n_concepts ? n_concepts : 1) * sizeof *best);
    for (size_t i = 0; i < ix->n_entries; i++) {
        const name_entry *e = &ix->entries[i];
        if (!strstr(e->folded, key))
            continue;
        int32_t *b = &best[e->concept];
        if (*b < 0)
            r->containing_total++;
        if (*b < 0 || e->shown < ix->entries[*b].shown)
            *b = (int32_t)i;
    }
    /* keep the NAMES_MAX_CONTAINING shortest, stable in ontology order */
    for (size_t c = 0; c < n_concepts; c++) {
        if (best[c] < 0)
            continue;
        size_t len = strlen(ix->entries[best[c]].folded), at = r->n_containing;
        while (at > 0 && strlen(ix->entries[best[r->containing[at - 1]]].folded) > len)
            at--;
        if (at >= NAMES_MAX_CONTAINING)
            continue;
        size_t end = r->n_containing < NAMES_MAX_CONTAINING ? r->n_containing
                                                             : NAMES_MAX_CONTAINING - 1;
        for (size_t k = end; k > at; k--)
            r->containing[k] = r->containing[k - 1];
        r->containing[at] = (int32_t)c;
        if (r->n_containing < NAMES_MAX_CONTAINING)
            r->n_containing++;
    }
    for (size_t k = 0; k < r->n_containing; k++)
        r->containing_names[k] = ix->entries[best[r->containing[k]]].name;
    free(best);
    return CKG_OK;
}

int names_resolve(const names_index *ix, const char *name, names_result *r)
{
    int rc = CKG_ENOMEM;
    const char **folded = NULL;
    memset(r, 0, sizeof *r);
    char *key = text_fold(name);
    if (!key)
        return CKG_ENOMEM;
    int32_t at = strmap_get(&ix->by_folded, key);
    if (at >= 0) {
        for (; at >= 0; at = ix->entries[at].next) {
            if (r->n < NAMES_MAX_MATCHES)
                r->concepts[r->n++] = ix->entries[at].concept;
        }
        r->verdict = r->n == 1 ? NAMES_FOUND : NAMES_AMBIGUOUS;
        rc = CKG_OK;
        goto out;
    }
    r->verdict = NAMES_UNKNOWN;
    if ((rc = containing(ix, key, r)) != CKG_OK)
        goto out;
    rc = CKG_ENOMEM;
    /* candidates: the folded id, zh and en names, in ontology order (NULL for alt names and
     * for the concepts already listed as containing the name) */
    if (!(folded = malloc((ix->n_entries ? ix->n_entries : 1) * sizeof *folded)))
        goto out;
    for (size_t i = 0; i < ix->n_entries; i++) {
        int listed = 0;
        for (size_t k = 0; k < r->n_containing && !listed; k++)
            listed = r->containing[k] == ix->entries[i].concept;
        folded[i] = ix->entries[i].suggestible && !listed ? ix->entries[i].folded : NULL;
    }
    const char *close[5];
    size_t n = suggest_closest(key, folded, ix->n_entries, close, 5);
    /* back from folded forms to the names as written */
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < ix->n_entries; i++) {
            if (folded[i] == close[k]) {
                r->suggestions[r->n_suggestions++] = ix->entries[i].name;
                break;
            }
        }
    }
    rc = CKG_OK;
out:
    free(folded);
    free(key);
    return rc;
}

/* Does name s fold to key (key_len bytes, text_fold's)? As strcmp(text_fold(s), key) == 0,
 * but most names are told apart at their first character and with no allocation
 * (text_fold_equals); a name that is not UTF-8 is folded as text_fold folds it (each
 * invalid byte as U+FFFD). CKG_OK with *equal set, or CKG_ENOMEM. */
static int folds_to(const char *s, const char *key, size_t key_len, bool *equal)
{
    int rc = text_fold_equals(s, strlen(s), key, key_len, equal);
    if (rc == TEXT_EUTF8) {
        char *f = text_fold(s);
        if (!f)
            return CKG_ENOMEM;
        *equal = strcmp(f, key) == 0;
        free(f);
        return CKG_OK;
    }
    return rc == TEXT_OK ? CKG_OK : CKG_ENOMEM;
}

int names_resolve_once(const ckg_ontology *o, const char *name, names_result *r)
{
    memset(r, 0, sizeof *r);
    char *key = text_fold(name);
    if (!key)
        return CKG_ENOMEM;
    size_t key_len = strlen(key);
    for (size_t i = 0; i < o->n_concepts; i++) {
        const ckg_concept *c = &o->concepts[i];
        const char *fixed[] = {c->id.s, c->zh.s, c->en.s};
        bool match = false;
        for (size_t k = 0; k < 3 + c->alt.n && !match; k++) {
            const char *s = k < 3 ? fixed[k] : c->alt.items[k - 3].s;
            if (!s)
                continue;
            if (folds_to(s, key, key_len, &match) != CKG_OK) {
                free(key);
                return CKG_ENOMEM;
            }
        }
        if (match && r->n < NAMES_MAX_MATCHES)
            r->concepts[r->n++] = (int32_t)i;
    }
    free(key);
    if (r->n) {
        r->verdict = r->n == 1 ? NAMES_FOUND : NAMES_AMBIGUOUS;
        return CKG_OK;
    }
    names_index *ix;
    int rc = names_build(o, &ix);
    if (rc != CKG_OK)
        return rc;
    rc = names_resolve(ix, name, r);
    names_free(ix);
    return rc;
}

/* ------------------------------------------------------------------ papers, sections, themes */

/* Resolves name among n items, each known by k names (names[i * k + j], NULL for none):
 * the items one of whose names folds equal to it; else, with prefix, those whose first name
 * starts with it; else suggestions by edit distance over every name. */
static int resolve_among(const char *const *names, size_t n, size_t k, int prefix,
                         const char *name, names_result *r)
{
    int rc = CKG_ENOMEM;
    char **folded = calloc(n * k + 1, sizeof *folded);
    char *key = text_fold(name);
    memset(r, 0, sizeof *r);
    if (!folded || !key)
        goto out;
    for (size_t i = 0; i < n * k; i++) {
        if (names[i] && !(folded[i] = text_fold(names[i])))
            goto out;
    }
    for (size_t i = 0; i < n && r->n < NAMES_MAX_MATCHES; i++) {
        for (size_t j = 0; j < k; j++) {
            if (folded[i * k + j] && strcmp(folded[i * k + j], key) == 0) {
                r->concepts[r->n++] = (int32_t)i;
                break;
            }
        }
    }
    size_t len = strlen(key);
    for (size_t i = 0; prefix && len && !r->n && i < n; i++) {
        if (folded[i * k] && strncmp(folded[i * k], key, len) == 0) {
            for (size_t m = i; m < n && r->n < NAMES_MAX_MATCHES; m++) {
                if (folded[m * k] && strncmp(folded[m * k], key, len) == 0)
                    r->concepts[r->n++] = (int32_t)m;
            }
        }
    }
    rc = CKG_OK;
    if (r->n) {
        r->verdict = r->n == 1 ? NAMES_FOUND : NAMES_AMBIGUOUS;
        goto out;
    }
    r->verdict = NAMES_UNKNOWN;
    const char *close[1]; /* the caller lists every name: one suggestion is enough */
    size_t m = suggest_closest(key, (const char *const *)folded, n * k, close, 1);
    for (size_t j = 0; j < m; j++) {
        for (size_t i = 0; i < n * k; i++) {
            if (folded[i] == close[j]) {
                r->suggestions[r->n_suggestions++] = names[i];
                break;
            }
        }
    }
out:
    if (folded) {
        for (size_t i = 0; i < n * k; i++)
            free(folded[i]);
    }
    free(folded);
    free(key);
    return rc;
}

int names_paper(const ckg_ontology *o, const char *name, names_result *r)
{
    const char **ids = malloc((o->n_papers ? o->n_papers : 1) * sizeof *ids);
    if (!ids)
        return CKG_ENOMEM;
    for (size_t i = 0; i < o->n_papers; i++)
        ids[i] = o->papers[i].id.s;
    int rc = resolve_among(ids, o->n_papers, 1, 1, name, r);
    free(ids);
    return rc;
}

int names_section(const ckg_paper *p, const char *name, names_result *r)
{
    const char **ids = malloc((p->n_sections ? p->n_sections : 1) * sizeof *ids);
    if (!ids)
        return CKG_ENOMEM;
    for (size_t i = 0; i < p->n_sections; i++)
        ids[i] = p->sections[i].id.s;
    int rc = resolve_among(ids, p->n_sections, 1, 1, name, r);
    free(ids);
    return rc;
}

int names_theme(const ckg_ontology *o, const char *name, names_result *r)
{
    const char **names = malloc((3 * o->n_themes + 1) * sizeof *names);
    if (!names)
        return CKG_ENOMEM;
    for (size_t i = 0; i < o->n_themes; i++) {
        names[3 * i] = o->themes[i].id.s;
        names[3 * i + 1] = o->themes[i].zh.s;
        names[3 * i + 2] = o->themes[i].en.s;
    }
    int rc = resolve_among(names, o->n_themes, 3, 0, name, r);
    free(names);
    return rc;
}
