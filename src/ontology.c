/* ontology.c — lookups on a loaded ontology, id rules, relation families, and teardown. */
#include "ckg/ontology.h"
#include "ontology_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

void ontology_free(ckg_ontology *o)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->n_concepts; i++)
        free(o->concepts[i].broader_index);
    free(o->themes);
    free(o->kinds);
    free(o->concepts);
    free(o->papers);
    free(o->files);
    strmap_free(&o->theme_by_id);
    strmap_free(&o->kind_by_id);
    strmap_free(&o->concept_by_id);
    strmap_free(&o->paper_by_id);
    arena_free(&o->mem);
    if (o->mapped)
        munmap(o->mapped, o->mapped_len);
    free(o);
}

/* The item of array (elements of size bytes) that map names, or NULL. */
static const void *lookup(const strmap *map, const void *array, size_t size, const char *id)
{
    int32_t i = strmap_get(map, id);
    return i < 0 ? NULL : (const char *)array + (size_t)i * size;
}

const ckg_concept *ontology_concept(const ckg_ontology *o, const char *id)
{
    return lookup(&o->concept_by_id, o->concepts, sizeof *o->concepts, id);
}

const ckg_paper *ontology_paper(const ckg_ontology *o, const char *id)
{
    return lookup(&o->paper_by_id, o->papers, sizeof *o->papers, id);
}

const ckg_kind *ontology_kind(const ckg_ontology *o, const char *id)
{
    return lookup(&o->kind_by_id, o->kinds, sizeof *o->kinds, id);
}

const ckg_theme *ontology_theme(const ckg_ontology *o, const char *id)
{
    return lookup(&o->theme_by_id, o->themes, sizeof *o->themes, id);
}

static const char *const family_names[CKG_N_FAMILIES] = {
    [CKG_FAMILY_DRIVES] = "drives",         [CKG_FAMILY_HINDERS] = "hinders",
    [CKG_FAMILY_CONDITIONS] = "conditions", [CKG_FAMILY_STRUCTURE] = "structure",
    [CKG_FAMILY_CHARACTERIZES] = "characterizes", [CKG_FAMILY_FITS] = "fits",
};

const char *ontology_family_name(int family)
{
    return family >= 0 && family < CKG_N_FAMILIES ? family_names[family] : NULL;
}

int ontology_family_by_name(const char *name)
{
    for (int f = 0; f < CKG_N_FAMILIES; f++) {
        if (strcmp(family_names[f], name) == 0)
            return f;
    }
    return -1;
}

/* The family names in order, for suggestions. */
const char *const *ontology_family_names(void)
{
    return family_names;
}

int32_t ontology_section_index(const ckg_paper *p, const char *section_id)
{
    for (size_t i = 0; i < p->n_sections; i++) {
        if (strcmp(p->sections[i].id.s, section_id) == 0)
            return (int32_t)i;
    }
    return -1;
}

static int is_lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static int valid_id(const char *id, const char *separators)
{
    if (!is_lower_alnum(id[0]))
        return 0;
    for (const char *p = id; *p; p++) {
        if (is_lower_alnum(*p))
            continue;
        if (!strchr(separators, *p) || !is_lower_alnum(p[1]))
            return 0;
    }
    return 1;
}

int ontology_valid_concept_id(const char *id)
{
    return valid_id(id, "-");
}

int ontology_valid_paper_id(const char *id)
{
    return valid_id(id, "-_");
}
