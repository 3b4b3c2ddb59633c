/* phrase.c — linking phrases to relation kinds: folding, the table of every kind's phrases
 * as relations.yaml gives them, and compatibility by family (see phrase.h).
 *
 * The table is a strmap from folded phrase to an entry, filled in the order of precedence
 * phrase.h gives, so an earlier entry is never shadowed by a later one that folds alike. */
#include "ckg/phrase.h"
#include "ckg/arena.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "ckg/text.h"
#include "util/array.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    int32_t kind;
    int inverse;
    phrase_source source;
} entry;

struct phrase_table {
    strmap by_phrase; /* folded phrase -> index into entries */
    entry *entries;
    size_t n_entries, cap;
    arena mem;        /* the folded phrases */
};

/* ---------------------------------------------------------------- folding */

/* Characters a phrase may carry around its words: ellipses, dots, dashes, arrows. The
 * length of the one s starts with, or 0. Decided byte by byte: every phrase's every byte
 * comes through here (ckg check folds each kind's phrases), and no mark is the prefix of
 * another, so the first byte picks the few marks to compare. */
static size_t ignorable(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    switch (u[0]) {
    case '.': case '-': case '_': case '>': case '<':
        return 1;
    case 0xC2: /* · */
        return u[1] == 0xB7 ? 2 : 0;
    case 0xE2:
        if (u[1] == 0x80) /* — – … ― */
            return u[2] == 0x94 || u[2] == 0x93 || u[2] == 0xA6 || u[2] == 0x95 ? 3 : 0;
        if (u[1] == 0x86) /* → ← */
            return u[2] == 0x92 || u[2] == 0x90 ? 3 : 0;
        return 0;
    case 0xE3: /* ideographic space */
        return u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
    default:
        return 0;
    }
}

/* Drops n bytes at f + at (f NUL-terminated). */
static void cut(char *f, size_t at, size_t n)
{
    memmove(f + at, f + at + n, strlen(f + at + n) + 1);
}

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

char *phrase_fold(const char *phrase)
{
    static const char SHI_DE[] = "是的", WEI[] = "为";
    char *f = text_fold(phrase ? phrase : "");
    if (!f)
        return NULL;
    size_t w = 0;
    for (size_t r = 0; f[r];) {
        size_t k = ignorable(f + r);
        if (k) {
            r += k;
            continue;
        }
        f[w++] = f[r++];
    }
    f[w] = '\0';
    /* an aspect particle at the end: 推动了, 支撑着 (never the whole phrase) */
    static const char *const particles[] = {"了", "着"};
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(particles[i]);
        if (w > n && strcmp(f + w - n, particles[i]) == 0) {
            f[w -= n] = '\0';
            break;
        }
    }
    /* the frames: 是…的X is 是X, 为…X is X (never down to nothing) */
    if (starts(f, SHI_DE) && w > strlen(SHI_DE))
        cut(f, strlen("是"), strlen("的"));
    else if (starts(f, WEI) && w > strlen(WEI))
        cut(f, 0, strlen(WEI));
    return f;
}

/* ---------------------------------------------------------------- every phrase of a kind */

int phrase_each(const ckg_ontology *o, int (*each)(const phrase_of_kind *p, void *arg),
                void *arg)
{
    /* five passes in the order of precedence: own phrases, inverse phrases, synonyms,
     * inverse synonyms, ids */
    for (int pass = 0; pass < 5; pass++) {
        for (size_t k = 0; k < o->n_kinds; k++) {
            const ckg_kind *kd = &o->kinds[k];
            const ckg_str *one[3] = {NULL, NULL, NULL};
            const ckg_strs *lists[2] = {NULL, NULL};
            phrase_of_kind p = {.kind = (int32_t)k, .inverse = pass == 1 || pass == 3};
            switch (pass) {
            case 0: one[0] = &kd->zh, one[1] = &kd->en; break;
            case 1: one[0] = &kd->inverse_zh, one[1] = &kd->inverse_en; break;
            case 2: lists[0] = &kd->synonyms_zh, lists[1] = &kd->synonyms_en; break;
            case 3: lists[0] = &kd->inverse_synonyms_zh, lists[1] = &kd->inverse_synonyms_en; break;
            default: one[2] = &kd->id;
            }
            for (int i = 0; i < 3; i++) {
                if (!one[i] || !one[i]->s)
                    continue;
                p.phrase = one[i];
                p.source = pass == 1 ? PHRASE_INVERSE : i == 2 ? PHRASE_ID : PHRASE_OWN;
                int rc = each(&p, arg);
                if (rc)
                    return rc;
            }
            for (int l = 0; l < 2; l++) {
                for (size_t i = 0; lists[l] && i < lists[l]->n; i++) {
                    if (!lists[l]->items[i].s)
                        continue;
                    p.phrase = &lists[l]->items[i];
                    p.source = PHRASE_SYNONYM;
                    int rc = each(&p, arg);
                    if (rc)
                        return rc;
                }
            }
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- the table */

void phrase_table_free(phrase_table *t)
{
    if (!t)
        return;
    strmap_free(&t->by_phrase);
    free(t->entries);
    arena_free(&t->mem);
    free(t);
}

/* phrase_each's callback: the phrase into the table unless an earlier one folds alike. */
static int add(const phrase_of_kind *p, void *arg)
{
    phrase_table *t = arg;
    char *f = phrase_fold(p->phrase->s);
    if (!f)
        return CKG_ENOMEM;
    char *key = *f ? arena_strdup(&t->mem, f) : NULL;
    int empty = !*f;
    free(f);
    if (empty)
        return CKG_OK;
    if (!key || ARRAY_GROW(t->entries, t->cap, t->n_entries + 1) != CKG_OK)
        return CKG_ENOMEM;
    int32_t existing;
    if (strmap_put(&t->by_phrase, key, (int32_t)t->n_entries, &existing) != CKG_OK)
        return CKG_ENOMEM;
    if (existing < 0)
        t->entries[t->n_entries++] = (entry){p->kind, p->inverse, p->source};
    return CKG_OK;
}

int phrase_table_build(const ckg_ontology *o, phrase_table **out)
{
    phrase_table *t = calloc(1, sizeof *t);
    *out = NULL;
    if (!t)
        return CKG_ENOMEM;
    strmap_init(&t->by_phrase);
    int rc = phrase_each(o, add, t);
    if (rc != CKG_OK) {
        phrase_table_free(t);
        return rc;
    }
    *out = t;
    return CKG_OK;
}

int phrase_resolve(const phrase_table *t, const char *phrase, phrase_match *m)
{
    *m = (phrase_match){PHRASE_UNRECOGNISED, -1, 0};
    char *f = phrase_fold(phrase);
    if (!f)
        return CKG_ENOMEM;
    int32_t at = *f ? strmap_get(&t->by_phrase, f) : -1;
    free(f);
    if (at >= 0)
        *m = (phrase_match){t->entries[at].source, t->entries[at].kind, t->entries[at].inverse};
    return CKG_OK;
}

int phrase_compatible(const ckg_ontology *o, int32_t a, int32_t b)
{
    if (a < 0 || b < 0 || (size_t)a >= o->n_kinds || (size_t)b >= o->n_kinds)
        return 0;
    if (a == b)
        return 1;
    int fa = o->kinds[a].family, fb = o->kinds[b].family;
    return fa >= 0 && fa == fb;
}
