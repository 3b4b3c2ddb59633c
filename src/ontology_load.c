/* ontology_load.c — read the ontology's YAML files into the model.
 *
 * Each file is parsed into a ynode tree (on worker threads, a few files ahead: see
 * ontology_read.c), walked in file order against the schema of its kind (themes, relations,
 * concepts, paper), and its strings copied into the ontology's arena; the tree is then freed,
 * so peak memory is the model plus the trees of the files parsed ahead. Files given in
 * memory (ontology_load_files) are parsed in one scratch arena, reset between files. The
 * walk never stops at the first problem: a wrong type, a missing or unknown key is reported
 * where it is and the walk goes on with what is usable. References between entities are
 * resolved afterwards, by ontology_link (ontology_link.c), once every file is in. */
#include "ckg/ontology.h"
#include "ckg/status.h"
#include "ontology_internal.h"
#include "suggest.h"
#include "ydoc.h"
#include "util/array.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct loader {
    ckg_ontology *o;
    diag_list *diags;
    const char *file; /* arena copy of the file being walked */
    arena scratch;    /* the tree of the file being walked; reset between files */
    int status;       /* CKG_ENOMEM once memory ran out; the walk then unwinds */
    int skip_evidence; /* ontology_load_options */
    size_t themes_cap, kinds_cap, concepts_cap, papers_cap, files_cap;
} loader;

typedef struct field {
    const char *key;
    int required;
} field;

enum { MAX_FIELDS = 16 }; /* fields of one mapping of the schema, at most */

/* ---------------------------------------------------------------- growable arrays */

/* The top-level model arrays grow (array_grow) while files are read (ontology_free frees
 * them); everything below them is sized from the tree and lives in the arena. items_ptr is
 * the address of the array; returns its slot n, or NULL when out of memory. */
static void *grow_array(loader *L, void *items_ptr, size_t *cap, size_t n, size_t elsize)
{
    char *items;
    if (array_grow(items_ptr, cap, n + 1, elsize) != CKG_OK) {
        L->status = CKG_ENOMEM;
        return NULL;
    }
    memcpy(&items, items_ptr, sizeof items);
    return items + n * elsize;
}

/* ---------------------------------------------------------------- scalar readers */

static ckg_loc at(const loader *L, const ynode *n)
{
    return (ckg_loc){L->file, n->line, n->col};
}

static int is_null(const ynode *n)
{
    if (n->kind != YNODE_SCALAR || !n->plain)
        return 0;
    switch (n->len) { /* the spellings of null are 0, 1 or 4 bytes long */
    case 0: return 1;
    case 1: return n->as.str[0] == '~';
    case 4: return strcmp(n->as.str, "null") == 0 || strcmp(n->as.str, "Null") == 0 ||
                   strcmp(n->as.str, "NULL") == 0;
    default: return 0;
    }
}

static void oom_check(loader *L, const void *p)
{
    if (!p)
        L->status = CKG_ENOMEM;
}

/* Reads a non-empty string. Reports the problem and leaves out->s NULL otherwise. The
 * readers do nothing for an absent key (n == NULL): the model starts zeroed. */
static void read_string(loader *L, const ynode *n, const char *key, ckg_str *out)
{
    if (!n)
        return;
    out->s = NULL;
    out->loc = at(L, n);
    if (n->kind != YNODE_SCALAR) {
        diag_add(L->diags, DIAG_ERROR, &out->loc, "'%s' must be a string, not %s", key,
                 ydoc_kind_name(n->kind));
        return;
    }
    if (is_null(n) || n->len == 0) {
        diag_add(L->diags, DIAG_ERROR, &out->loc, "'%s' is empty", key);
        return;
    }
    if (memchr(n->as.str, '\0', n->len)) {
        diag_add(L->diags, DIAG_ERROR, &out->loc, "'%s' contains a NUL character", key);
        return;
    }
    out->s = arena_strndup(&L->o->mem, n->as.str, n->len);
    oom_check(L, out->s);
}

static void read_string_list(loader *L, const ynode *n, const char *key, ckg_strs *out)
{
    if (!n)
        return;
    out->items = NULL;
    out->n = 0;
    if (is_null(n))
        return;
    if (n->kind != YNODE_SEQ) {
        ckg_loc loc = at(L, n);
        diag_add(L->diags, DIAG_ERROR, &loc, "'%s' must be a list (e.g. [a, b]), not %s", key,
                 ydoc_kind_name(n->kind));
        return;
    }
    if (n->len == 0)
        return;
    out->items = arena_calloc(&L->o->mem, n->len, sizeof *out->items);
    oom_check(L, out->items);
    if (!out->items)
        return;
    for (size_t i = 0; i < n->len; i++) {
        read_string(L, n->as.items[i], key, &out->items[out->n]);
        if (out->items[out->n].s)
            out->n++;
    }
}

static void read_year(loader *L, const ynode *n, int *year, ckg_loc *loc)
{
    if (!n)
        return;
    *loc = at(L, n);
    *year = 0;
    const char *s = n->kind == YNODE_SCALAR ? n->as.str : NULL;
    int ok = s && n->plain && n->len == 4;
    for (size_t i = 0; ok && i < 4; i++)
        ok = s[i] >= '0' && s[i] <= '9';
    if (!ok) {
        diag_add(L->diags, DIAG_ERROR, loc, "'year' must be a four-digit year such as 2024");
        return;
    }
    *year = atoi(s);
}

/* ---------------------------------------------------------------- key checks */

/* Reports unknown keys (with did-you-mean) and missing required keys of a mapping, and sets
 * vals[k] to the value of fields[k] (NULL when absent; the first one when a key is
 * repeated), so a walker reads each field without searching the mapping again. Returns 0
 * when n is not a mapping at all (reported, vals all NULL), 1 otherwise. */
static int check_map(loader *L, const ynode *n, const char *what, const field *fields,
                     const ynode **vals)
{
    ckg_loc loc = at(L, n);
    const char *known[MAX_FIELDS];
    size_t n_known = 0;
    for (const field *f = fields; f->key && n_known < MAX_FIELDS; f++) {
        vals[n_known] = NULL;
        known[n_known++] = f->key;
    }
    if (n->kind != YNODE_MAP) {
        diag_add(L->diags, DIAG_ERROR, &loc, "%s must be a mapping (key: value lines), not %s",
                 what, ydoc_kind_name(n->kind));
        return 0;
    }

    for (size_t i = 0; i < n->len; i++) {
        const ynode *key = n->as.pairs[i].key;
        size_t k = 0;
        while (k < n_known && strcmp(known[k], key->as.str) != 0)
            k++;
        if (k < n_known) {
            if (!vals[k])
                vals[k] = n->as.pairs[i].value;
            continue;
        }
        ckg_loc kloc = at(L, key);
        const char *best;
        if (suggest_closest(key->as.str, known, n_known, &best, 1))
            diag_add(L->diags, DIAG_ERROR, &kloc, "unknown key '%s' in %s (did you mean '%s'?)",
                     key->as.str, what, best);
        else
            diag_add(L->diags, DIAG_ERROR, &kloc, "unknown key '%s' in %s", key->as.str, what);
    }
    for (size_t k = 0; k < n_known; k++) {
        if (fields[k].required && !vals[k])
            diag_add(L->diags, DIAG_ERROR, &loc, "%s is missing required key '%s'", what,
                     fields[k].key);
    }
    return 1;
}

/* The sequence v (the value of key in a top-level mapping), or NULL (absent, null, or
 * reported). */
static const ynode *top_list(loader *L, const ynode *v, const char *key)
{
    if (!v || is_null(v))
        return NULL;
    if (v->kind != YNODE_SEQ) {
        ckg_loc loc = at(L, v);
        diag_add(L->diags, DIAG_ERROR, &loc, "'%s' must be a list of entries, not %s", key,
                 ydoc_kind_name(v->kind));
        return NULL;
    }
    return v;
}

/* Checks the top of a file: a mapping with exactly the expected keys (values in vals). */
static int check_top(loader *L, const ynode *root, const char *what, const field *fields,
                     const ynode **vals)
{
    if (!root) {
        ckg_loc loc = {L->file, 1, 1};
        diag_add(L->diags, DIAG_ERROR, &loc, "the file is empty; expected %s", what);
        return 0;
    }
    if (root->kind != YNODE_MAP) {
        ckg_loc loc = at(L, root);
        diag_add(L->diags, DIAG_ERROR, &loc, "expected %s at the top of the file, found %s",
                 what, ydoc_kind_name(root->kind));
        return 0;
    }
    return check_map(L, root, "the top level", fields, vals);
}

/* ---------------------------------------------------------------- themes.yaml */

static void walk_themes(loader *L, const ynode *root)
{
    enum { THEMES };
    static const field top[] = {{"themes", 1}, {NULL, 0}};
    enum { ID, ZH, EN, DESCRIPTION };
    static const field fields[] = {
        {"id", 1}, {"zh", 1}, {"en", 1}, {"description", 0}, {NULL, 0}};
    const ynode *t_v[MAX_FIELDS], *v[MAX_FIELDS];
    if (!check_top(L, root, "a mapping with key 'themes'", top, t_v))
        return;
    const ynode *list = top_list(L, t_v[THEMES], "themes");
    for (size_t i = 0; list && i < list->len && L->status == CKG_OK; i++) {
        const ynode *m = list->as.items[i];
        if (!check_map(L, m, "a theme", fields, v))
            continue;
        ckg_theme *t = grow_array(L, &L->o->themes, &L->themes_cap, L->o->n_themes,
                                  sizeof *t);
        if (!t)
            return;
        memset(t, 0, sizeof *t);
        read_string(L, v[ID], "id", &t->id);
        read_string(L, v[ZH], "zh", &t->zh);
        read_string(L, v[EN], "en", &t->en);
        read_string(L, v[DESCRIPTION], "description", &t->description);
        if (t->id.s)
            L->o->n_themes++;
    }
}

/* ---------------------------------------------------------------- relations.yaml */

/* Reads a value that must be one of a fixed set of names (a kind's family, its polarity);
 * returns its index in names, or -1 (reported, with the closest name and the whole set). */
static int read_choice(loader *L, const ynode *n, const char *key, const char *const *names,
                       size_t n_names, ckg_str *out)
{
    read_string(L, n, key, out);
    if (!out->s)
        return -1;
    for (size_t i = 0; i < n_names; i++) {
        if (strcmp(out->s, names[i]) == 0)
            return (int)i;
    }
    char all[256] = "";
    for (size_t i = 0; i < n_names; i++) {
        strncat(all, names[i], sizeof all - strlen(all) - 1);
        if (i + 1 < n_names)
            strncat(all, ", ", sizeof all - strlen(all) - 1);
    }
    const char *best;
    if (suggest_closest(out->s, names, n_names, &best, 1))
        diag_add(L->diags, DIAG_ERROR, &out->loc, "unknown %s '%s' (did you mean '%s'?); a %s "
                 "is one of: %s", key, out->s, best, key, all);
    else
        diag_add(L->diags, DIAG_ERROR, &out->loc, "unknown %s '%s'; a %s is one of: %s", key,
                 out->s, key, all);
    return -1;
}

/* A kind's test: the question a curator answers to choose it, an example, a counter-example. */
static void walk_kind_test(loader *L, const ynode *n, ckg_kind *k)
{
    enum { QUESTION, EXAMPLE, COUNTER_EXAMPLE };
    static const field fields[] = {
        {"question", 1}, {"example", 1}, {"counter_example", 1}, {NULL, 0}};
    const ynode *v[MAX_FIELDS];
    if (!check_map(L, n, "'test'", fields, v))
        return;
    read_string(L, v[QUESTION], "question", &k->test_question);
    read_string(L, v[EXAMPLE], "example", &k->test_example);
    read_string(L, v[COUNTER_EXAMPLE], "counter_example", &k->test_counter_example);
}

/* Synonyms of a kind's phrases (under the kind: read from -> to; under its inverse: read
 * to -> from): linking phrases in Chinese and in English, each a list. */
static void walk_kind_synonyms(loader *L, const ynode *n, ckg_strs *zh, ckg_strs *en)
{
    enum { SYN_ZH, SYN_EN };
    static const field fields[] = {{"zh", 1}, {"en", 1}, {NULL, 0}};
    const ynode *v[MAX_FIELDS];
    if (!check_map(L, n, "'synonyms'", fields, v))
        return;
    read_string_list(L, v[SYN_ZH], "zh", zh);
    read_string_list(L, v[SYN_EN], "en", en);
}

static void walk_kinds(loader *L, const ynode *root)
{
    enum { RELATIONS };
    static const field top[] = {{"relations", 1}, {NULL, 0}};
    enum { ID, ZH, EN, INVERSE, DESCRIPTION, FAMILY, POLARITY, TEST, SYNONYMS };
    static const field fields[] = {{"id", 1},          {"zh", 1},       {"en", 1},
                                   {"inverse", 1},     {"description", 0},
                                   {"family", 1},      {"polarity", 0}, {"test", 1},
                                   {"synonyms", 0},    {NULL, 0}};
    enum { INV_ZH, INV_EN, INV_SYNONYMS };
    static const field inverse_fields[] = {{"zh", 1}, {"en", 1}, {"synonyms", 0}, {NULL, 0}};
    static const char *const polarities[] = {"positive", "negative"};
    const ynode *t_v[MAX_FIELDS], *v[MAX_FIELDS], *w[MAX_FIELDS];
    if (!check_top(L, root, "a mapping with key 'relations'", top, t_v))
        return;
    const ynode *list = top_list(L, t_v[RELATIONS], "relations");
    for (size_t i = 0; list && i < list->len && L->status == CKG_OK; i++) {
        const ynode *m = list->as.items[i];
        if (!check_map(L, m, "a relation kind", fields, v))
            continue;
        ckg_kind *k = grow_array(L, &L->o->kinds, &L->kinds_cap, L->o->n_kinds,
                                 sizeof *k);
        if (!k)
            return;
        memset(k, 0, sizeof *k);
        read_string(L, v[ID], "id", &k->id);
        read_string(L, v[ZH], "zh", &k->zh);
        read_string(L, v[EN], "en", &k->en);
        read_string(L, v[DESCRIPTION], "description", &k->description);
        if (v[INVERSE] && check_map(L, v[INVERSE], "'inverse'", inverse_fields, w)) {
            read_string(L, w[INV_ZH], "zh", &k->inverse_zh);
            read_string(L, w[INV_EN], "en", &k->inverse_en);
            if (w[INV_SYNONYMS])
                walk_kind_synonyms(L, w[INV_SYNONYMS], &k->inverse_synonyms_zh,
                                   &k->inverse_synonyms_en);
        }
        k->family = read_choice(L, v[FAMILY], "family", ontology_family_names(), CKG_N_FAMILIES,
                                &k->family_name);
        read_choice(L, v[POLARITY], "polarity", polarities, 2, &k->polarity);
        if (v[TEST])
            walk_kind_test(L, v[TEST], k);
        if (v[SYNONYMS])
            walk_kind_synonyms(L, v[SYNONYMS], &k->synonyms_zh, &k->synonyms_en);
        if (k->id.s)
            L->o->n_kinds++;
    }
}

/* ---------------------------------------------------------------- concepts/<theme>.yaml */

static void walk_concepts(loader *L, const ynode *root)
{
    enum { CONCEPTS };
    static const field top[] = {{"concepts", 1}, {NULL, 0}};
    enum { ID, ZH, EN, ALT, THEME, BROADER, DEFINITION };
    static const field fields[] = {{"id", 1},    {"zh", 1},      {"en", 1},
                                   {"alt", 0},   {"theme", 1},   {"broader", 0},
                                   {"definition", 1}, {NULL, 0}};
    enum { DEF_ZH, DEF_EN };
    static const field definition_fields[] = {{"zh", 1}, {"en", 1}, {NULL, 0}};
    const ynode *t_v[MAX_FIELDS], *v[MAX_FIELDS], *w[MAX_FIELDS];
    if (!check_top(L, root, "a mapping with key 'concepts'", top, t_v))
        return;
    const ynode *list = top_list(L, t_v[CONCEPTS], "concepts");
    for (size_t i = 0; list && i < list->len && L->status == CKG_OK; i++) {
        const ynode *m = list->as.items[i];
        if (!check_map(L, m, "a concept", fields, v))
            continue;
        ckg_concept *c = grow_array(L, &L->o->concepts, &L->concepts_cap,
                                    L->o->n_concepts, sizeof *c);
        if (!c)
            return;
        memset(c, 0, sizeof *c);
        c->loc = at(L, m);
        c->theme_index = -1;
        read_string(L, v[ID], "id", &c->id);
        read_string(L, v[ZH], "zh", &c->zh);
        read_string(L, v[EN], "en", &c->en);
        read_string(L, v[THEME], "theme", &c->theme);
        read_string_list(L, v[ALT], "alt", &c->alt);
        read_string_list(L, v[BROADER], "broader", &c->broader);
        if (v[DEFINITION] && check_map(L, v[DEFINITION], "'definition'", definition_fields, w)) {
            read_string(L, w[DEF_ZH], "zh", &c->definition_zh);
            read_string(L, w[DEF_EN], "en", &c->definition_en);
        }
        if (c->id.s && !ontology_valid_concept_id(c->id.s))
            diag_add(L->diags, DIAG_ERROR, &c->id.loc,
                     "concept id '%s' must be ASCII kebab-case (a-z, 0-9, single '-')", c->id.s);
        if (c->id.s)
            L->o->n_concepts++;
    }
}

/* ---------------------------------------------------------------- papers/<id>.yaml */

static void walk_evidence(loader *L, const ynode *n, ckg_evidences *out)
{
    enum { QUOTE, SECTION, NOTE };
    static const field fields[] = {{"quote", 1}, {"section", 0}, {"note", 0}, {NULL, 0}};
    const ynode *v[MAX_FIELDS];
    out->items = NULL;
    out->n = 0;
    if (L->skip_evidence)
        return;
    ckg_loc loc = at(L, n);
    if (n->kind != YNODE_SEQ) {
        diag_add(L->diags, DIAG_ERROR, &loc, "'evidence' must be a list of {quote: ...}, not %s",
                 ydoc_kind_name(n->kind));
        return;
    }
    if (n->len == 0) {
        diag_add(L->diags, DIAG_ERROR, &loc, "'evidence' is empty: give at least one quote");
        return;
    }
    out->items = arena_calloc(&L->o->mem, n->len, sizeof *out->items);
    oom_check(L, out->items);
    for (size_t i = 0; out->items && i < n->len; i++) {
        const ynode *m = n->as.items[i];
        if (!check_map(L, m, "an evidence item", fields, v))
            continue;
        ckg_evidence *e = &out->items[out->n];
        e->loc = at(L, m);
        e->section_index = -1;
        read_string(L, v[QUOTE], "quote", &e->quote);
        read_string(L, v[SECTION], "section", &e->section);
        read_string(L, v[NOTE], "note", &e->note);
        if (e->quote.s)
            out->n++;
    }
}

static void walk_paper_meta(loader *L, const ynode *m, ckg_paper *p)
{
    enum { ID, SOURCE, TITLE, AUTHORS, VENUE, YEAR, DOI, SECTIONS };
    static const field fields[] = {{"id", 1},      {"source", 1}, {"title", 1},
                                   {"authors", 1}, {"venue", 1},  {"year", 1},
                                   {"doi", 0},     {"sections", 0}, {NULL, 0}};
    enum { SEC_ID, SEC_TITLE, SEC_AUTHORS };
    static const field section_fields[] = {{"id", 1}, {"title", 1}, {"authors", 1}, {NULL, 0}};
    const ynode *v[MAX_FIELDS], *w[MAX_FIELDS];
    p->loc = at(L, m);
    if (!check_map(L, m, "'paper'", fields, v))
        return;
    read_string(L, v[ID], "id", &p->id);
    read_string(L, v[SOURCE], "source", &p->source);
    read_string(L, v[TITLE], "title", &p->title);
    read_string(L, v[VENUE], "venue", &p->venue);
    read_string(L, v[DOI], "doi", &p->doi);
    read_string_list(L, v[AUTHORS], "authors", &p->authors);
    read_year(L, v[YEAR], &p->year, &p->year_loc);
    if (p->id.s && !ontology_valid_paper_id(p->id.s))
        diag_add(L->diags, DIAG_ERROR, &p->id.loc,
                 "paper id '%s' must be ASCII lowercase letters, digits and '-' or '_'", p->id.s);

    const ynode *list = v[SECTIONS];
    if (!list || is_null(list))
        return;
    if (list->kind != YNODE_SEQ) {
        ckg_loc loc = at(L, list);
        diag_add(L->diags, DIAG_ERROR, &loc, "'sections' must be a list, not %s",
                 ydoc_kind_name(list->kind));
        return;
    }
    p->sections = arena_calloc(&L->o->mem, list->len ? list->len : 1, sizeof *p->sections);
    oom_check(L, p->sections);
    for (size_t i = 0; p->sections && i < list->len; i++) {
        const ynode *s = list->as.items[i];
        if (!check_map(L, s, "a section", section_fields, w))
            continue;
        ckg_section *sec = &p->sections[p->n_sections];
        sec->loc = at(L, s);
        read_string(L, w[SEC_ID], "id", &sec->id);
        read_string(L, w[SEC_TITLE], "title", &sec->title);
        read_string_list(L, w[SEC_AUTHORS], "authors", &sec->authors);
        if (sec->id.s)
            p->n_sections++;
    }
}

static void walk_mentions(loader *L, const ynode *list, ckg_paper *p)
{
    enum { CONCEPT, EVIDENCE };
    static const field fields[] = {{"concept", 1}, {"evidence", 1}, {NULL, 0}};
    const ynode *v[MAX_FIELDS];
    p->mentions = arena_calloc(&L->o->mem, list->len ? list->len : 1, sizeof *p->mentions);
    oom_check(L, p->mentions);
    for (size_t i = 0; p->mentions && i < list->len && L->status == CKG_OK; i++) {
        const ynode *m = list->as.items[i];
        if (!check_map(L, m, "a mention", fields, v))
            continue;
        ckg_mention *mn = &p->mentions[p->n_mentions];
        mn->loc = at(L, m);
        mn->concept_index = -1;
        read_string(L, v[CONCEPT], "concept", &mn->concept);
        if (v[EVIDENCE])
            walk_evidence(L, v[EVIDENCE], &mn->evidence);
        if (mn->concept.s)
            p->n_mentions++;
    }
}

static void walk_relations(loader *L, const ynode *list, ckg_paper *p)
{
    enum { FROM, KIND, TO, EVIDENCE, NOTE };
    static const field fields[] = {
        {"from", 1}, {"kind", 1}, {"to", 1}, {"evidence", 1}, {"note", 0}, {NULL, 0}};
    const ynode *v[MAX_FIELDS];
    p->relations = arena_calloc(&L->o->mem, list->len ? list->len : 1, sizeof *p->relations);
    oom_check(L, p->relations);
    for (size_t i = 0; p->relations && i < list->len && L->status == CKG_OK; i++) {
        const ynode *m = list->as.items[i];
        if (!check_map(L, m, "a relation", fields, v))
            continue;
        ckg_relation *r = &p->relations[p->n_relations];
        r->loc = at(L, m);
        r->from_index = r->kind_index = r->to_index = -1;
        read_string(L, v[FROM], "from", &r->from);
        read_string(L, v[KIND], "kind", &r->kind);
        read_string(L, v[TO], "to", &r->to);
        read_string(L, v[NOTE], "note", &r->note);
        if (v[EVIDENCE])
            walk_evidence(L, v[EVIDENCE], &r->evidence);
        if (r->from.s && r->kind.s && r->to.s)
            p->n_relations++;
    }
}

static void walk_paper(loader *L, const ynode *root)
{
    enum { PAPER, MENTIONS, RELATIONS };
    static const field top[] = {
        {"paper", 1}, {"mentions", 0}, {"relations", 0}, {NULL, 0}};
    const ynode *t_v[MAX_FIELDS];
    if (!check_top(L, root, "a mapping with keys 'paper', 'mentions', 'relations'", top, t_v))
        return;
    const ynode *meta = t_v[PAPER];
    if (!meta)
        return;
    ckg_paper *p = grow_array(L, &L->o->papers, &L->papers_cap, L->o->n_papers,
                              sizeof *p);
    if (!p)
        return;
    memset(p, 0, sizeof *p);
    p->file = L->file;
    walk_paper_meta(L, meta, p);
    const ynode *list;
    if ((list = top_list(L, t_v[MENTIONS], "mentions")))
        walk_mentions(L, list, p);
    if ((list = top_list(L, t_v[RELATIONS], "relations")))
        walk_relations(L, list, p);
    if (p->id.s)
        L->o->n_papers++;
}

/* ---------------------------------------------------------------- files */

typedef void (*walker)(loader *L, const ynode *root);

/* Registers path as a file of the ontology and makes it the file being walked; returns
 * its arena copy, or NULL when out of memory. */
static const char *add_file(loader *L, const char *path)
{
    const char *file = arena_strdup(&L->o->mem, path);
    const char **slot = file ? grow_array(L, &L->o->files, &L->files_cap,
                                          L->o->n_files, sizeof *slot)
                             : NULL;
    if (!slot)
        return NULL;
    *slot = file;
    L->o->n_files++;
    L->file = file;
    return file;
}

/* Walks the tree ydoc_parse made (parse_rc its result) of the file being walked. A file that
 * is not YAML was reported and is skipped; only running out of memory stops the load. */
static int walk_tree(loader *L, int parse_rc, const ynode *root, walker walk)
{
    if (parse_rc == CKG_EINVALID)
        return CKG_OK; /* reported; the other files are still worth checking */
    if (parse_rc != CKG_OK)
        return parse_rc;
    walk(L, root);
    return L->status;
}

/* Parses the bytes of the file being walked (given in memory) and walks them. */
static int load_buffer(loader *L, const char *buf, size_t len, walker walk)
{
    ynode *root = NULL;
    int parsed = ydoc_parse(buf, len, L->file, NULL, &L->scratch, L->diags, &root);
    int rc = walk_tree(L, parsed, root, walk);
    arena_reset(&L->scratch);
    return rc;
}

/* Walks a file read and parsed: why it could not be read, or what its parse reported and
 * then its tree; source (when not NULL) gets what the file held. Only running out of memory
 * stops the load. */
static int walk_result(loader *L, const char *path, read_file_result *r, walker walk,
                       ontology_source *source)
{
    const char *file = add_file(L, path);
    if (!file)
        return CKG_ENOMEM;
    if (source && r->read_rc == CKG_OK)
        *source = (ontology_source){.read = 1, .size = r->file.len,
                                    .mtime_sec = r->file.mtime_sec,
                                    .mtime_nsec = r->file.mtime_nsec, .hash = r->hash};
    if (r->read_rc == CKG_EIO) {
        ckg_loc loc = {file, 0, 0};
        diag_add(L->diags, DIAG_ERROR, &loc, "cannot read the file: %s",
                 filebuf_strerror(r->read_err));
        return CKG_OK;
    }
    if (r->read_rc != CKG_OK)
        return r->read_rc;
    diag_list_take(L->diags, &r->diags); /* on failure the list says it is incomplete */
    return walk_tree(L, r->parse_rc, r->root, walk);
}

/* The files of an ontology folder, in the order they are walked, each with its walker. */
typedef struct file_list {
    char **paths;
    walker *walks;
    size_t n, cap;
} file_list;

static void file_list_free(file_list *fl)
{
    for (size_t i = 0; i < fl->n; i++)
        free(fl->paths[i]);
    free(fl->paths);
    free(fl->walks);
}

/* Appends path (taken over) and its walker. CKG_OK or CKG_ENOMEM (path freed). */
static int file_list_add(file_list *fl, char *path, walker walk)
{
    if (!path)
        return CKG_ENOMEM;
    /* the two arrays share one capacity: the smaller of what each holds */
    size_t cap_paths = fl->cap, cap_walks = fl->cap;
    if (array_grow(&fl->paths, &cap_paths, fl->n + 1, sizeof *fl->paths) != CKG_OK ||
        array_grow(&fl->walks, &cap_walks, fl->n + 1, sizeof *fl->walks) != CKG_OK) {
        free(path);
        return CKG_ENOMEM;
    }
    fl->cap = cap_paths < cap_walks ? cap_paths : cap_walks;
    fl->paths[fl->n] = path;
    fl->walks[fl->n++] = walk;
    return CKG_OK;
}

/* Walks every file of the list in order while worker threads parse the files ahead;
 * sources (when not NULL, fl->n of them, zeroed) get what each file held. */
static int load_files(loader *L, const file_list *fl, ontology_source *sources)
{
    read_ahead *ra = NULL;
    int rc = read_ahead_start(fl->paths, fl->n, ontology_read_threads(fl->n), sources != NULL,
                              &ra);
    for (size_t i = 0; i < fl->n && rc == CKG_OK; i++) {
        rc = walk_result(L, fl->paths[i], read_ahead_take(ra, i), fl->walks[i],
                         sources ? &sources[i] : NULL);
        read_ahead_release(ra, i);
    }
    read_ahead_stop(ra);
    return rc;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_yaml_suffix(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
                              (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Adds every *.yaml file of dir/sub in name order, so runs are reproducible. A folder that
 * cannot be read is reported; only running out of memory is a failure. */
static int list_folder(diag_list *diags, const char *dir, const char *sub, walker walk,
                       file_list *fl)
{
    int rc = CKG_OK;
    size_t first = fl->n;
    char *path = join_path(dir, sub);
    DIR *d = NULL;
    if (!path) {
        rc = CKG_ENOMEM;
        goto out;
    }
    if (!(d = opendir(path))) {
        diag_add(diags, DIAG_ERROR, NULL, "cannot read the folder '%s': %s", path,
                 strerror(errno));
        goto out;
    }
    struct dirent *e;
    while (rc == CKG_OK && (e = readdir(d))) {
        if (has_yaml_suffix(e->d_name))
            rc = file_list_add(fl, join_path(path, e->d_name), walk);
    }
    /* the folder's own files only (they share one walker, so walks[] needs no reordering) */
    if (fl->n > first)
        qsort(fl->paths + first, fl->n - first, sizeof *fl->paths, compare_names);
out:
    if (d)
        closedir(d);
    free(path);
    return rc;
}

ckg_ontology *ontology_new(const char *dir)
{
    ckg_ontology *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    strmap_init(&o->theme_by_id);
    strmap_init(&o->kind_by_id);
    strmap_init(&o->concept_by_id);
    strmap_init(&o->paper_by_id);
    if (!(o->dir = arena_strdup(&o->mem, dir))) {
        ontology_free(o);
        return NULL;
    }
    return o;
}

/* Links what was loaded (unless loading stopped) and hands the ontology over, or frees it
 * when memory ran out. */
static int finish(loader *L, int rc, ckg_ontology **out)
{
    if (rc == CKG_OK)
        rc = ontology_link(L->o, L->diags);
    arena_free(&L->scratch);
    if (rc == CKG_ENOMEM) {
        ontology_free(L->o);
        return rc;
    }
    *out = L->o;
    return rc;
}

/* The files of the ontology in dir, in the order they are walked: themes and relations,
 * then concepts and papers, each folder's files by name. A folder that cannot be read is
 * reported; CKG_OK or CKG_ENOMEM. */
static int list_files(const char *dir, diag_list *diags, file_list *fl)
{
    int rc;
    /* one list, so the workers parse papers while the concepts are still being walked */
    if ((rc = file_list_add(fl, join_path(dir, "themes.yaml"), walk_themes)) != CKG_OK ||
        (rc = file_list_add(fl, join_path(dir, "relations.yaml"), walk_kinds)) != CKG_OK ||
        (rc = list_folder(diags, dir, "concepts", walk_concepts, fl)) != CKG_OK ||
        (rc = list_folder(diags, dir, "papers", walk_paper, fl)) != CKG_OK)
        return rc;
    return CKG_OK;
}

int ontology_list_files(const char *dir, diag_list *diags, char ***paths, size_t *n)
{
    file_list fl = {0};
    int rc = list_files(dir, diags, &fl);
    if (rc != CKG_OK) {
        file_list_free(&fl);
        return rc;
    }
    free(fl.walks);
    *paths = fl.paths;
    *n = fl.n;
    return CKG_OK;
}

void ontology_paths_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

int ontology_load(const char *dir, diag_list *diags, ckg_ontology **out)
{
    return ontology_load_with(dir, NULL, diags, out);
}

/* ontology_load_with, and ontology_load_unlinked when link is 0. */
static int load_dir(const char *dir, const ontology_load_options *opt, diag_list *diags,
                    ckg_ontology **out, ontology_source **sources, int link)
{
    int rc;
    *out = NULL;
    if (sources)
        *sources = NULL;
    ckg_ontology *o = ontology_new(dir);
    if (!o)
        return CKG_ENOMEM;
    loader L = {.o = o, .diags = diags, .status = CKG_OK,
                .skip_evidence = opt && opt->skip_evidence};
    file_list files = {0};
    ontology_source *src = NULL;

    struct stat st;
    int not_dir = stat(dir, &st) != 0 ? errno : !S_ISDIR(st.st_mode) ? ENOTDIR : 0;
    if (not_dir) {
        diag_add(diags, DIAG_ERROR, NULL, "cannot open the ontology folder '%s': %s", dir,
                 strerror(not_dir));
        rc = CKG_EIO;
        goto out;
    }
    if ((rc = list_files(dir, diags, &files)) != CKG_OK)
        goto out;
    if (sources && !(src = calloc(files.n ? files.n : 1, sizeof *src))) {
        rc = CKG_ENOMEM;
        goto out;
    }
    rc = load_files(&L, &files, src);
out:
    file_list_free(&files);
    if (rc == CKG_EIO) { /* no folder: nothing to link */
        arena_free(&L.scratch);
        free(src);
        *out = o;
        return rc;
    }
    if (!link) {
        arena_free(&L.scratch);
        if (rc == CKG_ENOMEM) {
            ontology_free(o);
            free(src);
            return rc;
        }
        *out = o;
        if (sources)
            *sources = src;
        return rc;
    }
    free(src);
    return finish(&L, rc, out);
}

int ontology_load_with(const char *dir, const ontology_load_options *opt, diag_list *diags,
                       ckg_ontology **out)
{
    return load_dir(dir, opt, diags, out, NULL, 1);
}

int ontology_load_unlinked(const char *dir, const ontology_load_options *opt, diag_list *diags,
                           ckg_ontology **out, ontology_source **sources)
{
    return load_dir(dir, opt, diags, out, sources, 0);
}

/* The walker for a file of the ontology, from its path relative to the ontology folder. */
static walker walker_for(const char *path)
{
    if (strcmp(path, "themes.yaml") == 0)
        return walk_themes;
    if (strcmp(path, "relations.yaml") == 0)
        return walk_kinds;
    if (strncmp(path, "concepts/", 9) == 0 && has_yaml_suffix(path + 9) && !strchr(path + 9, '/'))
        return walk_concepts;
    if (strncmp(path, "papers/", 7) == 0 && has_yaml_suffix(path + 7) && !strchr(path + 7, '/'))
        return walk_paper;
    return NULL;
}

int ontology_load_files(const ontology_file *files, size_t n, diag_list *diags,
                        ckg_ontology **out)
{
    int rc = CKG_OK;
    *out = NULL;
    ckg_ontology *o = ontology_new("");
    if (!o)
        return CKG_ENOMEM;
    loader L = {.o = o, .diags = diags, .status = CKG_OK};
    for (size_t i = 0; i < n && rc == CKG_OK; i++) {
        walker walk = walker_for(files[i].path);
        if (!add_file(&L, files[i].path)) {
            rc = CKG_ENOMEM;
            break;
        }
        if (!walk) {
            ckg_loc loc = {L.file, 0, 0};
            diag_add(diags, DIAG_ERROR, &loc, "not a file of an ontology (themes.yaml, "
                     "relations.yaml, concepts/NAME.yaml or papers/ID.yaml)");
            continue;
        }
        rc = load_buffer(&L, files[i].data, files[i].len, walk);
    }
    return finish(&L, rc, out);
}
