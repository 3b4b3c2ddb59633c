/* phrase.c — linking phrases to relation kinds: the folded-phrase table, families, and the
 * provisional built-in synonyms and families (see phrase.h).
 *
 * The table is a strmap from folded phrase to an entry; the vocabulary's own phrases are
 * inserted first, so a synonym never shadows them. */
#include "ckg/phrase.h"
#include "ckg/arena.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    int32_t kind;
    int inverse;
    phrase_source source;
} entry;

struct phrase_table {
    const ckg_ontology *o;
    strmap by_phrase; /* folded phrase -> index into entries */
    entry *entries;
    size_t n_entries, cap;
    const char **families; /* per kind, or NULL */
    arena mem;
};

/* ---------------------------------------------------------------- PROVISIONAL tables
 *
 * PROVISIONAL until relations.yaml carries `synonyms` and `family` (issue 16, branch
 * vocabulary): near-synonyms a student may write for each kind of the shipped vocabulary,
 * taken from the kinds' descriptions and the papers' own verbs, and the families issue 16
 * defines. At merge these come from the vocabulary and this block goes. */
static const phrase_entry provisional_synonyms[] = {
    /* causes */
    {"引致", "causes", 0}, {"引发", "causes", 0}, {"带来", "causes", 0},
    {"形成", "causes", 0}, {"产生", "causes", 0}, {"导致", "causes", 0},
    {"造就", "causes", 0}, {"孕育", "causes", 0}, {"leads to", "causes", 0},
    {"causes", "causes", 0}, {"brings about", "causes", 0}, {"produces", "causes", 0},
    {"creates", "causes", 0}, {"results in", "causes", 0},
    {"来自", "causes", 1}, {"源自", "causes", 1}, {"来源于", "causes", 1},
    {"产生于", "causes", 1}, {"由…催生", "causes", 1}, {"results from", "causes", 1},
    {"stems from", "causes", 1}, {"is caused by", "causes", 1}, {"comes from", "causes", 1},
    /* enables */
    {"助力", "enables", 0}, {"使能", "enables", 0}, {"为…提供条件", "enables", 0},
    {"使…成为可能", "enables", 0}, {"empowers", "enables", 0}, {"makes possible", "enables", 0},
    {"借助", "enables", 1}, {"受益于", "enables", 1}, {"benefits from", "enables", 1},
    /* requires */
    {"是…的前提", "requires", 0}, {"前提", "requires", 0}, {"是…的先决条件", "requires", 0},
    {"先决条件", "requires", 0}, {"is a precondition of", "requires", 0},
    {"is needed by", "requires", 0}, {"is required by", "requires", 0},
    {"依赖", "requires", 1}, {"依赖于", "requires", 1}, {"取决于", "requires", 1},
    {"以…为前提", "requires", 1}, {"depends on", "requires", 1}, {"needs", "requires", 1},
    /* part_of */
    {"是…的一部分", "part_of", 0}, {"是…的组成部分", "part_of", 0}, {"组成", "part_of", 0},
    {"is a part of", "part_of", 0}, {"is a component of", "part_of", 0},
    {"makes up", "part_of", 0}, {"含有", "part_of", 1}, {"由…构成", "part_of", 1},
    {"由…组成", "part_of", 1}, {"contains", "part_of", 1}, {"consists of", "part_of", 1},
    {"comprises", "part_of", 1}, {"is made up of", "part_of", 1},
    /* is_a */
    {"是", "is_a", 0}, {"是一种", "is_a", 0}, {"是…的一种", "is_a", 0}, {"本质是", "is_a", 0},
    {"is a", "is_a", 0}, {"is a type of", "is_a", 0}, {"is one of", "is_a", 0},
    {"例如", "is_a", 1}, {"such as", "is_a", 1}, {"has type", "is_a", 1},
    /* supports */
    {"保障", "supports", 0}, {"夯实", "supports", 0}, {"支持", "supports", 0},
    {"为…奠定基础", "supports", 0}, {"是…的基础", "supports", 0}, {"underpins", "supports", 0},
    {"sustains", "supports", 0}, {"is the basis of", "supports", 0},
    {"is the foundation of", "supports", 0}, {"依靠", "supports", 1}, {"基于", "supports", 1},
    {"以…为基础", "supports", 1}, {"以…为支撑", "supports", 1}, {"is based on", "supports", 1},
    {"relies on", "supports", 1}, {"is supported by", "supports", 1},
    /* promotes */
    {"促进", "promotes", 0}, {"提升", "promotes", 0}, {"加快", "promotes", 0},
    {"推进", "promotes", 0}, {"带动", "promotes", 0}, {"驱动", "promotes", 0},
    {"提高", "promotes", 0}, {"增强", "promotes", 0}, {"加速", "promotes", 0},
    {"promotes", "promotes", 0}, {"boosts", "promotes", 0}, {"accelerates", "promotes", 0},
    {"increases", "promotes", 0}, {"raises", "promotes", 0}, {"improves", "promotes", 0},
    {"fosters", "promotes", 0}, {"enhances", "promotes", 0}, {"由…推动", "promotes", 1},
    {"is promoted by", "promotes", 1}, {"is boosted by", "promotes", 1},
    /* carrier_of */
    {"是…的载体", "carrier_of", 0}, {"载体", "carrier_of", 0}, {"carries", "carrier_of", 0},
    {"is the vehicle of", "carrier_of", 0}, {"hosts", "carrier_of", 0},
    {"以…为平台", "carrier_of", 1}, {"is hosted by", "carrier_of", 1},
    /* indicator_of */
    {"是…的标志", "indicator_of", 0}, {"标志着", "indicator_of", 0}, {"衡量", "indicator_of", 0},
    {"indicates", "indicator_of", 0}, {"marks", "indicator_of", 0},
    {"measures", "indicator_of", 0}, {"表现为", "indicator_of", 1},
    {"is indicated by", "indicator_of", 1}, {"is measured by", "indicator_of", 1},
    /* core_of */
    {"是…的核心", "core_of", 0}, {"核心", "core_of", 0}, {"是…的关键", "core_of", 0},
    {"关键", "core_of", 0}, {"is the key to", "core_of", 0}, {"is central to", "core_of", 0},
    {"is the heart of", "core_of", 0}, {"核心是", "core_of", 1}, {"centres on", "core_of", 1},
    {"centers on", "core_of", 1},
    /* characteristic_of */
    {"是…的特征", "characteristic_of", 0}, {"是…的特点", "characteristic_of", 0},
    {"特征", "characteristic_of", 0}, {"characterizes", "characteristic_of", 0},
    {"is characteristic of", "characteristic_of", 0}, {"具备", "characteristic_of", 1},
    {"特点是", "characteristic_of", 1}, {"特征是", "characteristic_of", 1},
    {"has", "characteristic_of", 1}, {"features", "characteristic_of", 1},
    {"is characterized by", "characteristic_of", 1},
    /* constrains */
    {"阻碍", "constrains", 0}, {"束缚", "constrains", 0}, {"限制", "constrains", 0},
    {"抑制", "constrains", 0}, {"妨碍", "constrains", 0}, {"hinders", "constrains", 0},
    {"limits", "constrains", 0}, {"restricts", "constrains", 0}, {"impedes", "constrains", 0},
    {"holds back", "constrains", 0}, {"受限于", "constrains", 1}, {"受…制约", "constrains", 1},
    {"is limited by", "constrains", 1}, {"is hindered by", "constrains", 1},
    /* adapts_to */
    {"适应于", "adapts_to", 0}, {"与…相适应", "adapts_to", 0}, {"顺应", "adapts_to", 0},
    {"契合", "adapts_to", 0}, {"fits", "adapts_to", 0}, {"matches", "adapts_to", 0},
    {"conforms to", "adapts_to", 0}, {"is adapted to", "adapts_to", 0},
};

static const struct {
    const char *kind, *family;
} provisional_families[] = {
    {"causes", "drives"},          {"promotes", "drives"},
    {"constrains", "hinders"},     {"enables", "conditions"},
    {"requires", "conditions"},    {"supports", "conditions"},
    {"carrier_of", "conditions"},  {"part_of", "structure"},
    {"is_a", "structure"},         {"core_of", "structure"},
    {"characteristic_of", "characterizes"}, {"indicator_of", "characterizes"},
    {"adapts_to", "fits"},
};

const phrase_entry *phrase_provisional_synonyms(size_t *n)
{
    *n = sizeof provisional_synonyms / sizeof *provisional_synonyms;
    return provisional_synonyms;
}

const char *phrase_provisional_family(const char *kind_id)
{
    for (size_t i = 0; kind_id && i < sizeof provisional_families / sizeof *provisional_families; i++) {
        if (strcmp(provisional_families[i].kind, kind_id) == 0)
            return provisional_families[i].family;
    }
    return NULL;
}

/* ---------------------------------------------------------------- folding */

/* Characters a phrase may carry around its words: ellipses, dots, dashes, arrows. */
static size_t ignorable(const char *s)
{
    static const char *const marks[] = {
        ".", "\xC2\xB7" /* · */, "-", "_", ">", "<", "\xE2\x80\x94" /* — */,
        "\xE2\x80\x93" /* – */, "\xE2\x80\xA6" /* … */, "\xE2\x86\x92" /* → */,
        "\xE2\x86\x90" /* ← */, "\xE2\x80\x95" /* ― */, "\xE3\x80\x80" /* ideographic space */,
    };
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t n = strlen(marks[i]);
        if (strncmp(s, marks[i], n) == 0)
            return n;
    }
    return 0;
}

char *phrase_fold(const char *phrase)
{
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
            f[w - n] = '\0';
            break;
        }
    }
    return f;
}

/* ---------------------------------------------------------------- the table */

void phrase_table_free(phrase_table *t)
{
    if (!t)
        return;
    strmap_free(&t->by_phrase);
    free(t->entries);
    free(t->families);
    arena_free(&t->mem);
    free(t);
}

static int add(phrase_table *t, const char *phrase, int32_t kind, int inverse, phrase_source src)
{
    if (!phrase)
        return CKG_OK;
    char *f = phrase_fold(phrase);
    if (!f)
        return CKG_ENOMEM;
    char *key = *f ? arena_strdup(&t->mem, f) : NULL;
    int empty = !*f;
    free(f);
    if (empty)
        return CKG_OK;
    if (!key)
        return CKG_ENOMEM;
    if (t->n_entries == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        entry *e = realloc(t->entries, cap * sizeof *e);
        if (!e)
            return CKG_ENOMEM;
        t->entries = e;
        t->cap = cap;
    }
    int32_t existing;
    if (strmap_put(&t->by_phrase, key, (int32_t)t->n_entries, &existing) != CKG_OK)
        return CKG_ENOMEM;
    if (existing < 0)
        t->entries[t->n_entries++] = (entry){kind, inverse, src};
    return CKG_OK;
}

int phrase_table_build(const ckg_ontology *o, const phrase_entry *synonyms, size_t n_synonyms,
                       const char *const *families, phrase_table **out)
{
    int rc = CKG_ENOMEM;
    phrase_table *t = calloc(1, sizeof *t);
    *out = NULL;
    if (!t)
        return CKG_ENOMEM;
    t->o = o;
    strmap_init(&t->by_phrase);
    if (!(t->families = calloc(o->n_kinds ? o->n_kinds : 1, sizeof *t->families)))
        goto out;
    for (size_t k = 0; families && k < o->n_kinds; k++)
        t->families[k] = families[k];
    /* own phrases first (ids, forward phrases, then inverse ones), then synonyms */
    for (size_t k = 0; k < o->n_kinds; k++) {
        const ckg_kind *kd = &o->kinds[k];
        if ((rc = add(t, kd->zh.s, (int32_t)k, 0, PHRASE_OWN)) != CKG_OK ||
            (rc = add(t, kd->en.s, (int32_t)k, 0, PHRASE_OWN)) != CKG_OK ||
            (rc = add(t, kd->id.s, (int32_t)k, 0, PHRASE_ID)) != CKG_OK)
            goto out;
    }
    for (size_t k = 0; k < o->n_kinds; k++) {
        const ckg_kind *kd = &o->kinds[k];
        if ((rc = add(t, kd->inverse_zh.s, (int32_t)k, 1, PHRASE_INVERSE)) != CKG_OK ||
            (rc = add(t, kd->inverse_en.s, (int32_t)k, 1, PHRASE_INVERSE)) != CKG_OK)
            goto out;
    }
    for (size_t i = 0; i < n_synonyms; i++) {
        int32_t k = synonyms[i].kind ? strmap_get(&o->kind_by_id, synonyms[i].kind) : -1;
        if (k < 0)
            continue; /* a kind this vocabulary does not have */
        if ((rc = add(t, synonyms[i].phrase, k, synonyms[i].inverse, PHRASE_SYNONYM)) != CKG_OK)
            goto out;
    }
    *out = t;
    t = NULL;
    rc = CKG_OK;
out:
    phrase_table_free(t);
    return rc;
}

int phrase_table_default(const ckg_ontology *o, phrase_table **out)
{
    const char **families = calloc(o->n_kinds ? o->n_kinds : 1, sizeof *families);
    if (!families)
        return CKG_ENOMEM;
    for (size_t k = 0; k < o->n_kinds; k++)
        families[k] = phrase_provisional_family(o->kinds[k].id.s);
    size_t n;
    const phrase_entry *syn = phrase_provisional_synonyms(&n);
    int rc = phrase_table_build(o, syn, n, families, out);
    free(families);
    return rc;
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

const char *phrase_family(const phrase_table *t, int32_t k)
{
    return k >= 0 && (size_t)k < t->o->n_kinds ? t->families[k] : NULL;
}

int phrase_compatible(const phrase_table *t, int32_t a, int32_t b)
{
    if (a == b)
        return 1;
    const char *fa = phrase_family(t, a), *fb = phrase_family(t, b);
    return fa && fb && strcmp(fa, fb) == 0;
}
