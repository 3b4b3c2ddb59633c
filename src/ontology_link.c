/* ontology_link.c — resolve the names entities use for each other into indexes.
 *
 * Builds the id indexes (reporting duplicate ids at the second definition, pointing back at
 * the first), then resolves every reference: a concept's theme and broader concepts, each
 * mention's concept, each relation's ends and kind, each evidence's section. A reference
 * that does not resolve is reported with the closest ids as suggestions and left at -1.
 *
 * An index already in a reference's field is a hint (a cached load leaves the index the
 * reference was packed as, ontology_pack.c): it is taken without a lookup only when it is
 * proved to be the lookup's answer, that is when the reference's string is the very id
 * string of that entity and no two entities of its kind share an id (the index holds one
 * entry per entity), so the map would give that entity. Otherwise the name is looked up;
 * either way the result, and any diagnostic, is a fresh load's. */
#include "ckg/status.h"
#include "ontology_internal.h"
#include "suggest.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct linker {
    ckg_ontology *o;
    diag_list *diags;
    const char **concept_ids; /* candidates for suggestions, built on the first miss */
    const char **theme_ids, **kind_ids;
    int status;
} linker;

/* The id string of element i of an array of entities (stride bytes each, id at offset). */
static const ckg_str *id_at(const void *array, size_t i, size_t stride, size_t offset)
{
    return (const ckg_str *)((const char *)array + i * stride + offset);
}

/* Adds every id of an array of entities to map; a repeated id is reported at its second
 * place, pointing back at the first. */
static void index_ids(linker *lk, strmap *map, const void *array, size_t n, size_t stride,
                      size_t offset, const char *what)
{
    if (strmap_reserve(map, n) != CKG_OK) {
        lk->status = CKG_ENOMEM;
        return;
    }
    for (size_t i = 0; i < n && lk->status == CKG_OK; i++) {
        const ckg_str *id = id_at(array, i, stride, offset);
        int32_t first;
        if (strmap_put(map, id->s, (int32_t)i, &first) != CKG_OK) {
            lk->status = CKG_ENOMEM;
            return;
        }
        if (first >= 0) {
            const ckg_loc *f = &id_at(array, (size_t)first, stride, offset)->loc;
            diag_add(lk->diags, DIAG_ERROR, &id->loc, "duplicate %s id '%s' (first defined at %s:%u)",
                     what, id->s, f->file, (unsigned)f->line);
        }
    }
}

#define INDEX_IDS(lk, map, array, count, type, what)                                         \
    index_ids((lk), (map), (array), (count), sizeof(type), offsetof(type, id), (what))

static const char **collect_ids(linker *lk, const void *array, size_t n, size_t stride,
                                size_t offset)
{
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids) {
        lk->status = CKG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = id_at(array, i, stride, offset)->s;
    return ids;
}

/* Reports an unresolved reference with up to three suggestions. */
static void report_unknown(linker *lk, const ckg_str *ref, const char *what,
                           const char *const *candidates, size_t n)
{
    const char *best[3];
    size_t k = candidates ? suggest_closest(ref->s, candidates, n, best, 3) : 0;
    if (k == 0) {
        diag_add(lk->diags, DIAG_ERROR, &ref->loc, "unknown %s '%s'", what, ref->s);
    } else if (k == 1) {
        diag_add(lk->diags, DIAG_ERROR, &ref->loc, "unknown %s '%s' (did you mean '%s'?)", what,
                 ref->s, best[0]);
    } else {
        diag_add(lk->diags, DIAG_ERROR, &ref->loc,
                 "unknown %s '%s' (did you mean '%s' or '%s'%s%s%s?)", what, ref->s, best[0],
                 best[1], k > 2 ? " or '" : "", k > 2 ? best[2] : "", k > 2 ? "'" : "");
    }
}

/* A concept named by zh instead of id is a common slip: say which id it has. */
static int report_name_instead_of_id(linker *lk, const ckg_str *ref)
{
    for (size_t i = 0; i < lk->o->n_concepts; i++) {
        const ckg_concept *c = &lk->o->concepts[i];
        int match = c->zh.s && strcmp(c->zh.s, ref->s) == 0;
        for (size_t a = 0; !match && a < c->alt.n; a++)
            match = strcmp(c->alt.items[a].s, ref->s) == 0;
        if (match) {
            diag_add(lk->diags, DIAG_ERROR, &ref->loc,
                     "unknown concept '%s': concepts are referred to by id (did you mean '%s'?)",
                     ref->s, c->id.s);
            return 1;
        }
    }
    return 0;
}

/* Is hint, an index into an array of n entities (stride bytes each, id at offset) indexed
 * by map, what strmap_get(map, ref->s) returns? Proved, not guessed: ref's string is that
 * entity's id string itself, and map holds every id (so each only once). */
static inline int proved_hint(const strmap *map, const void *array, size_t n, size_t stride,
                       size_t offset, int32_t hint, const ckg_str *ref)
{
    return hint >= 0 && (size_t)hint < n && map->n == n && ref->s &&
           id_at(array, (size_t)hint, stride, offset)->s == ref->s;
}

#define PROVED_HINT(map, array, count, type, hint, ref)                                      \
    proved_hint((map), (array), (count), sizeof(type), offsetof(type, id), (hint), (ref))

/* The concept ref names by lookup, reported when there is none (resolve_concept). */
static int32_t look_up_concept(linker *lk, const ckg_str *ref)
{
    int32_t i = strmap_get(&lk->o->concept_by_id, ref->s);
    if (i >= 0 || report_name_instead_of_id(lk, ref))
        return i;
    if (!lk->concept_ids)
        lk->concept_ids = collect_ids(lk, lk->o->concepts, lk->o->n_concepts,
                                      sizeof(ckg_concept), offsetof(ckg_concept, id));
    report_unknown(lk, ref, "concept", lk->concept_ids, lk->o->n_concepts);
    return -1;
}

/* The concept ref names: hint when proved, else by lookup. Inline, as the proof is a few
 * instructions and most references of a cached load are proved. */
static inline int32_t resolve_concept(linker *lk, const ckg_str *ref, int32_t hint)
{
    const ckg_ontology *o = lk->o;
    if (PROVED_HINT(&o->concept_by_id, o->concepts, o->n_concepts, ckg_concept, hint, ref))
        return hint;
    return look_up_concept(lk, ref);
}

static int32_t resolve(linker *lk, const strmap *map, const ckg_str *ref, const char *what,
                       const char *const *candidates, size_t n)
{
    int32_t i = strmap_get(map, ref->s);
    if (i < 0)
        report_unknown(lk, ref, what, candidates, n);
    return i;
}

static void link_concepts(linker *lk)
{
    ckg_ontology *o = lk->o;
    for (size_t i = 0; i < o->n_concepts && lk->status == CKG_OK; i++) {
        ckg_concept *c = &o->concepts[i];
        if (c->theme.s && !PROVED_HINT(&o->theme_by_id, o->themes, o->n_themes, ckg_theme,
                                       c->theme_index, &c->theme))
            c->theme_index = resolve(lk, &o->theme_by_id, &c->theme, "theme", lk->theme_ids,
                                     o->n_themes);
        if (c->broader.n == 0)
            continue;
        if (!(c->broader_index = malloc(c->broader.n * sizeof *c->broader_index))) {
            lk->status = CKG_ENOMEM;
            return;
        }
        for (size_t b = 0; b < c->broader.n; b++)
            c->broader_index[b] = resolve_concept(lk, &c->broader.items[b], -1);
    }
}

static void link_evidence(linker *lk, const ckg_paper *p, ckg_evidences *ev)
{
    for (size_t i = 0; i < ev->n; i++) {
        ckg_evidence *e = &ev->items[i];
        if (!e->section.s || p->n_sections == 0)
            continue; /* without declared sections, a section is a free label */
        e->section_index = ontology_section_index(p, e->section.s);
        if (e->section_index >= 0)
            continue;
        const char *ids[64];
        size_t n = p->n_sections < 64 ? p->n_sections : 64;
        for (size_t s = 0; s < n; s++)
            ids[s] = p->sections[s].id.s;
        report_unknown(lk, &e->section, "section", ids, n);
    }
}

static void link_paper(linker *lk, ckg_paper *p)
{
    ckg_ontology *o = lk->o;
    strmap sections;
    strmap_init(&sections);
    INDEX_IDS(lk, &sections, p->sections, p->n_sections, ckg_section, "section");
    strmap_free(&sections);

    for (size_t i = 0; i < p->n_mentions; i++) {
        ckg_mention *m = &p->mentions[i];
        m->concept_index = resolve_concept(lk, &m->concept, m->concept_index);
        link_evidence(lk, p, &m->evidence);
    }
    for (size_t i = 0; i < p->n_relations; i++) {
        ckg_relation *r = &p->relations[i];
        r->from_index = resolve_concept(lk, &r->from, r->from_index);
        r->to_index = resolve_concept(lk, &r->to, r->to_index);
        if (!PROVED_HINT(&o->kind_by_id, o->kinds, o->n_kinds, ckg_kind, r->kind_index, &r->kind))
            r->kind_index = resolve(lk, &o->kind_by_id, &r->kind, "relation kind", lk->kind_ids,
                                    o->n_kinds);
        link_evidence(lk, p, &r->evidence);
    }
}

int ontology_link(ckg_ontology *o, diag_list *diags)
{
    linker lk = {.o = o, .diags = diags, .status = CKG_OK};

    INDEX_IDS(&lk, &o->theme_by_id, o->themes, o->n_themes, ckg_theme, "theme");
    INDEX_IDS(&lk, &o->kind_by_id, o->kinds, o->n_kinds, ckg_kind, "relation kind");
    INDEX_IDS(&lk, &o->concept_by_id, o->concepts, o->n_concepts, ckg_concept, "concept");
    INDEX_IDS(&lk, &o->paper_by_id, o->papers, o->n_papers, ckg_paper, "paper");
    if (lk.status != CKG_OK)
        goto out;
    lk.theme_ids = collect_ids(&lk, o->themes, o->n_themes, sizeof(ckg_theme),
                               offsetof(ckg_theme, id));
    lk.kind_ids = collect_ids(&lk, o->kinds, o->n_kinds, sizeof(ckg_kind),
                              offsetof(ckg_kind, id));
    if (lk.status != CKG_OK)
        goto out;

    link_concepts(&lk);
    for (size_t i = 0; i < o->n_papers && lk.status == CKG_OK; i++)
        link_paper(&lk, &o->papers[i]);
out:
    free(lk.concept_ids);
    free(lk.theme_ids);
    free(lk.kind_ids);
    return lk.status;
}
