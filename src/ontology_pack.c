/* ontology_pack.c — the walked ontology to bytes and back (ontology_pack.h).
 *
 * The bytes, in host order (a cache is read by the machine that wrote it; its header says
 * which order, ontology_cache.c):
 *
 *   u32                 a count; NIL (0xFFFFFFFF) for an array that is NULL
 *   string              u32 length (NIL for NULL), the bytes, a NUL
 *   reference           a string, or REF (0xFFFFFFFE) and u32 k: the id of entity k of the
 *                       table the field refers to (a theme's, a kind's or a concept's), which
 *                       the string equals
 *   place (ckg_loc)     its file as a reference (0: none, else 1 + its index in o->files),
 *                       line and col, in one u32 when they fit: bit 0 clear, the file in
 *                       bits 1-7, col in bits 8-15, line in bits 16-31; else the u32 1 and
 *                       then u32 file, u32 line, u32 col (a place is in nearly every string,
 *                       so its size is much of the bytes hashed and read)
 *   ckg_str             string, place; or ABSENT (0xFFFFFFFD) alone for a NULL string with
 *                       no place (file NULL, line and col 0), as every absent key has
 *   ckg_strs            count, then each ckg_str
 *   evidences           u32 bytes that follow (so a reader can skip them), count, then each
 *                       evidence: place, quote, section, note
 *
 *   ontology: count of themes, each theme; kinds; concepts; papers (ckg_ontology order)
 *
 * An array's count is its items' n; the walk allocates the array when the list is present
 * and leaves it NULL when absent, and NIL keeps that difference.
 *
 * A reference that names an id (a concept's theme, a mention's concept, a relation's ends
 * and kind) is packed as the index of the first entity with that id, so the id's bytes are
 * stored once. Unpacked, the reference's string is that entity's id string itself (the
 * same bytes as the walk's copy) and the index is left in the field the link fills
 * (theme_index, concept_index, from_index, to_index, kind_index) as a hint, which
 * ontology_link takes only once it has proved it (ontology_link.c). A broader concept is a
 * plain string: the concepts it may name are not unpacked yet. Every reader call checks
 * that the bytes hold what it takes; after the first failure every call returns nothing,
 * and the caller looks at the flag once. */
#include "ontology_pack.h"
#include "ckg/status.h"
#include "ckg/strmap.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NIL UINT32_C(0xFFFFFFFF)
#define REF UINT32_C(0xFFFFFFFE)
#define ABSENT UINT32_C(0xFFFFFFFD)

/* Every field the walk sets is packed, and a cached load is compared with a fresh one field
 * by field (same_ontology in tests/unit/test_ontology_cache.c). A field added to one of these
 * structs changes its size and stops the build here until it is packed, unpacked and
 * compared, and the size below updated (sizes of x86-64 Linux, where ckg is built). */
#if defined(__x86_64__) && defined(__LP64__)
_Static_assert(sizeof(ckg_loc) == 16 && sizeof(ckg_str) == 24 && sizeof(ckg_strs) == 16 &&
                   sizeof(ckg_evidence) == 104 && sizeof(ckg_evidences) == 16,
               "a field was added to a place, string or evidence: pack it");
_Static_assert(sizeof(ckg_theme) == 96, "a field was added to ckg_theme: pack it");
_Static_assert(sizeof(ckg_kind) == 336, "a field was added to ckg_kind: pack it");
_Static_assert(sizeof(ckg_concept) == 208, "a field was added to ckg_concept: pack it");
_Static_assert(sizeof(ckg_section) == 80 && sizeof(ckg_mention) == 64 &&
                   sizeof(ckg_relation) == 144 && sizeof(ckg_paper) == 232,
               "a field was added to a paper, section, mention or relation: pack it");
#endif

/* ---------------------------------------------------------------- writing */

typedef struct writer {
    strbuf *b;
    const ckg_ontology *o;
    strmap theme_ids, kind_ids, concept_ids; /* id -> index of its first entity */
    const char *last_file; /* the file of the last place, and its reference: places come */
    uint32_t last_ref;     /* file by file, so the search below runs once per file */
} writer;

static void put_u32(strbuf *b, uint32_t v)
{
    strbuf_add(b, (const char *)&v, sizeof v);
}

static void put_i32(strbuf *b, int32_t v)
{
    strbuf_add(b, (const char *)&v, sizeof v);
}

static void put_string(strbuf *b, const char *s)
{
    if (!s) {
        put_u32(b, NIL);
        return;
    }
    size_t len = strlen(s);
    if (len >= ABSENT) { /* not reached: no file is that large */
        b->oom = 1;
        return;
    }
    put_u32(b, (uint32_t)len);
    strbuf_add(b, s, len + 1);
}

/* The index + 1 of file in o->files, 0 for none. */
static uint32_t file_ref(writer *w, const char *file)
{
    const ckg_ontology *o = w->o;
    if (!file)
        return 0;
    if (file == w->last_file)
        return w->last_ref;
    uint32_t ref = 0;
    for (size_t i = 0; i < o->n_files && !ref; i++) {
        if (o->files[i] == file)
            ref = (uint32_t)i + 1;
    }
    for (size_t i = 0; i < o->n_files && !ref; i++) { /* a copy of the path, not the walk's */
        if (strcmp(o->files[i], file) == 0)
            ref = (uint32_t)i + 1;
    }
    w->last_file = file;
    w->last_ref = ref;
    return ref;
}

static void put_loc(writer *w, const ckg_loc *loc)
{
    uint32_t file = file_ref(w, loc->file);
    if (file <= 0x7F && loc->col <= 0xFF && loc->line <= 0xFFFF) {
        put_u32(w->b, (uint32_t)loc->line << 16 | (uint32_t)loc->col << 8 | file << 1);
        return;
    }
    put_u32(w->b, 1);
    put_u32(w->b, file);
    put_u32(w->b, loc->line);
    put_u32(w->b, loc->col);
}

static void put_str(writer *w, const ckg_str *s)
{
    if (!s->s && !s->loc.file && !s->loc.line && !s->loc.col) {
        put_u32(w->b, ABSENT);
        return;
    }
    put_string(w->b, s->s);
    put_loc(w, &s->loc);
}

/* A reference: the index of the entity in ids whose id the string is, else the string. */
static void put_ref(writer *w, const strmap *ids, const ckg_str *s)
{
    int32_t k = s->s ? strmap_get(ids, s->s) : -1;
    if (k < 0) {
        put_str(w, s);
        return;
    }
    put_u32(w->b, REF);
    put_u32(w->b, (uint32_t)k);
    put_loc(w, &s->loc);
}

/* The ids of n entities (stride bytes each, id at offset) into map, first one kept. */
static void map_ids(writer *w, strmap *map, const void *array, size_t n, size_t stride,
                    size_t offset)
{
    for (size_t i = 0; i < n; i++) {
        const ckg_str *id = (const ckg_str *)((const char *)array + i * stride + offset);
        if (id->s && strmap_put(map, id->s, (int32_t)i, NULL) != CKG_OK)
            w->b->oom = 1;
    }
}

static void put_count(strbuf *b, const void *items, size_t n)
{
    put_u32(b, items ? (uint32_t)n : NIL);
}

static void put_strs(writer *w, const ckg_strs *l)
{
    put_count(w->b, l->items, l->n);
    for (size_t i = 0; l->items && i < l->n; i++)
        put_str(w, &l->items[i]);
}

static void put_evidences(writer *w, const ckg_evidences *ev)
{
    strbuf *b = w->b;
    size_t at = b->len;
    put_u32(b, 0); /* the bytes that follow, filled in below */
    put_count(b, ev->items, ev->n);
    for (size_t i = 0; ev->items && i < ev->n; i++) {
        const ckg_evidence *e = &ev->items[i];
        put_loc(w, &e->loc);
        put_str(w, &e->quote);
        put_str(w, &e->section);
        put_str(w, &e->note);
    }
    if (!b->oom) {
        uint32_t bytes = (uint32_t)(b->len - at - sizeof bytes);
        memcpy(b->s + at, &bytes, sizeof bytes);
    }
}

static void pack_paper(writer *w, const ckg_paper *p)
{
    strbuf *b = w->b;
    put_u32(b, file_ref(w, p->file));
    put_loc(w, &p->loc);
    put_str(w, &p->id);
    put_str(w, &p->source);
    put_str(w, &p->title);
    put_str(w, &p->venue);
    put_str(w, &p->doi);
    put_strs(w, &p->authors);
    put_i32(b, p->year);
    put_loc(w, &p->year_loc);
    put_count(b, p->sections, p->n_sections);
    for (size_t i = 0; p->sections && i < p->n_sections; i++) {
        const ckg_section *s = &p->sections[i];
        put_loc(w, &s->loc);
        put_str(w, &s->id);
        put_str(w, &s->title);
        put_strs(w, &s->authors);
    }
    put_count(b, p->mentions, p->n_mentions);
    for (size_t i = 0; p->mentions && i < p->n_mentions; i++) {
        const ckg_mention *m = &p->mentions[i];
        put_loc(w, &m->loc);
        put_ref(w, &w->concept_ids, &m->concept);
        put_evidences(w, &m->evidence);
    }
    put_count(b, p->relations, p->n_relations);
    for (size_t i = 0; p->relations && i < p->n_relations; i++) {
        const ckg_relation *r = &p->relations[i];
        put_loc(w, &r->loc);
        put_ref(w, &w->concept_ids, &r->from);
        put_ref(w, &w->kind_ids, &r->kind);
        put_ref(w, &w->concept_ids, &r->to);
        put_str(w, &r->note);
        put_evidences(w, &r->evidence);
    }
}

void ontology_pack(const ckg_ontology *o, strbuf *b)
{
    writer wr = {.b = b, .o = o}, *w = &wr;
    strmap_init(&w->theme_ids);
    strmap_init(&w->kind_ids);
    strmap_init(&w->concept_ids);
    map_ids(w, &w->theme_ids, o->themes, o->n_themes, sizeof *o->themes,
            offsetof(ckg_theme, id));
    map_ids(w, &w->kind_ids, o->kinds, o->n_kinds, sizeof *o->kinds, offsetof(ckg_kind, id));
    map_ids(w, &w->concept_ids, o->concepts, o->n_concepts, sizeof *o->concepts,
            offsetof(ckg_concept, id));
    put_u32(b, (uint32_t)o->n_themes);
    for (size_t i = 0; i < o->n_themes; i++) {
        const ckg_theme *t = &o->themes[i];
        put_str(w, &t->id);
        put_str(w, &t->zh);
        put_str(w, &t->en);
        put_str(w, &t->description);
    }
    put_u32(b, (uint32_t)o->n_kinds);
    for (size_t i = 0; i < o->n_kinds; i++) {
        const ckg_kind *k = &o->kinds[i];
        const ckg_str *strs[] = {&k->id,          &k->zh,          &k->en,
                                 &k->inverse_zh,  &k->inverse_en,  &k->description,
                                 &k->family_name, &k->polarity,    &k->test_question,
                                 &k->test_example, &k->test_counter_example};
        for (size_t j = 0; j < sizeof strs / sizeof *strs; j++)
            put_str(w, strs[j]);
        put_i32(b, k->family);
        put_strs(w, &k->synonyms_zh);
        put_strs(w, &k->synonyms_en);
        put_strs(w, &k->inverse_synonyms_zh);
        put_strs(w, &k->inverse_synonyms_en);
    }
    put_u32(b, (uint32_t)o->n_concepts);
    for (size_t i = 0; i < o->n_concepts; i++) {
        const ckg_concept *c = &o->concepts[i];
        put_loc(w, &c->loc);
        const ckg_str *strs[] = {&c->id, &c->zh, &c->en};
        for (size_t j = 0; j < sizeof strs / sizeof *strs; j++)
            put_str(w, strs[j]);
        put_ref(w, &w->theme_ids, &c->theme);
        put_str(w, &c->definition_zh);
        put_str(w, &c->definition_en);
        put_strs(w, &c->alt);
        put_strs(w, &c->broader);
    }
    put_u32(b, (uint32_t)o->n_papers);
    for (size_t i = 0; i < o->n_papers; i++)
        pack_paper(w, &o->papers[i]);
    strmap_free(&w->theme_ids);
    strmap_free(&w->kind_ids);
    strmap_free(&w->concept_ids);
}

/* ---------------------------------------------------------------- reading */

typedef struct reader {
    const char *p, *end;
    ckg_ontology *o;
    const char **file_of; /* a place's file by its reference: NULL, then o->files */
    size_t n_files;
    int skip_evidence;
    int status; /* CKG_OK until the bytes turn out wrong (CKG_EINVALID) or memory runs out */
} reader;

static inline int take(reader *restrict r, void *restrict dest, size_t n)
{
    if (r->status != CKG_OK || (size_t)(r->end - r->p) < n) {
        if (r->status == CKG_OK)
            r->status = CKG_EINVALID;
        memset(dest, 0, n);
        return 0;
    }
    memcpy(dest, r->p, n);
    r->p += n;
    return 1;
}

static uint32_t get_u32(reader *r)
{
    uint32_t v;
    take(r, &v, sizeof v);
    return v;
}

static int32_t get_i32(reader *r)
{
    int32_t v;
    take(r, &v, sizeof v);
    return v;
}

static void fail(reader *r)
{
    if (r->status == CKG_OK)
        r->status = CKG_EINVALID;
}

/* The hot readers below load the cursor into locals and store it once: the places and
 * strings they fill are in the same memory as anything else to the compiler, which would
 * otherwise load the cursor again after every store. */

static const char *get_string(reader *restrict r)
{
    const char *p = r->p;
    uint32_t len;
    if (r->status != CKG_OK || (size_t)(r->end - p) < sizeof len) {
        fail(r);
        return NULL;
    }
    memcpy(&len, p, sizeof len);
    p += sizeof len;
    if (len == NIL) {
        r->p = p;
        return NULL;
    }
    if ((size_t)(r->end - p) <= len || p[len] != '\0') {
        fail(r);
        return NULL;
    }
    r->p = p + (size_t)len + 1;
    return p;
}

/* A place in the long form (its u32 1 not yet read), or nothing after a failure. */
static void get_long_loc(reader *restrict r, ckg_loc *restrict loc)
{
    uint32_t v[4]; /* 1, file, line, col */
    if (r->status != CKG_OK || (size_t)(r->end - r->p) < sizeof v) {
        fail(r);
        *loc = (ckg_loc){NULL, 0, 0};
        return;
    }
    memcpy(v, r->p, sizeof v);
    r->p += sizeof v;
    if (v[0] != 1 || v[1] > r->n_files) {
        fail(r);
        v[1] = 0;
    }
    *loc = (ckg_loc){r->file_of[v[1]], v[2], v[3]};
}

static inline void get_loc(reader *restrict r, ckg_loc *restrict loc)
{
    const char *p = r->p;
    uint32_t w;
    if (r->status != CKG_OK || (size_t)(r->end - p) < sizeof w) {
        get_long_loc(r, loc); /* fails */
        return;
    }
    memcpy(&w, p, sizeof w);
    uint32_t file = w >> 1 & 0x7F;
    if ((w & 1) || file > r->n_files) {
        get_long_loc(r, loc); /* the long form, or a wrong file */
        return;
    }
    r->p = p + sizeof w;
    *loc = (ckg_loc){r->file_of[file], w >> 16, w >> 8 & 0xFF};
}

static void get_str(reader *restrict r, ckg_str *restrict s)
{
    uint32_t tag;
    if (r->status == CKG_OK && (size_t)(r->end - r->p) >= sizeof tag) {
        memcpy(&tag, r->p, sizeof tag);
        if (tag == ABSENT) {
            r->p += sizeof tag;
            *s = (ckg_str){NULL, {NULL, 0, 0}};
            return;
        }
    }
    s->s = get_string(r);
    get_loc(r, &s->loc);
}

/* The entities a reference may name: n of them, stride bytes each, the id at offset. */
typedef struct table {
    const void *array;
    size_t n, stride, offset;
} table;

#define TABLE(array, n, type) ((table){(array), (n), sizeof(type), offsetof(type, id)})

/* A reference (put_ref): its string, and in *hint the index it was packed as (-1 when
 * packed as a string). The index must name an entity of t already unpacked, with an id. */
static void get_ref(reader *r, table t, ckg_str *s, int32_t *hint)
{
    uint32_t v[2];
    *hint = -1;
    if (r->status == CKG_OK && (size_t)(r->end - r->p) >= sizeof v) {
        memcpy(v, r->p, sizeof v);
        if (v[0] == REF) {
            r->p += sizeof v;
            const ckg_str *id = v[1] < t.n ? (const ckg_str *)((const char *)t.array +
                                                                 v[1] * t.stride + t.offset)
                                           : NULL;
            if (!id || !id->s) {
                fail(r);
                s->s = NULL;
            } else {
                s->s = id->s;
                *hint = (int32_t)v[1];
            }
            get_loc(r, &s->loc);
            return;
        }
    }
    get_str(r, s);
}

/* Bytes of the smallest packed item of each kind: no count may promise more items than
 * the bytes left could hold, so a wrong count never makes a large allocation. */
enum {
    MIN_LOC = 4, MIN_STR = 4 /* ABSENT */, MIN_STRS = 4,
    MIN_EVIDENCE = MIN_LOC + 3 * MIN_STR, MIN_EVIDENCES = 8,
    MIN_SECTION = MIN_LOC + 2 * MIN_STR + MIN_STRS,
    MIN_MENTION = MIN_LOC + MIN_STR + MIN_EVIDENCES,
    MIN_RELATION = MIN_LOC + 4 * MIN_STR + MIN_EVIDENCES,
    MIN_THEME = 4 * MIN_STR, MIN_KIND = 11 * MIN_STR + 4 + 4 * MIN_STRS,
    MIN_CONCEPT = MIN_LOC + 6 * MIN_STR + 2 * MIN_STRS,
    MIN_PAPER = 4 + MIN_LOC + 5 * MIN_STR + MIN_STRS + 4 + MIN_LOC + 3 * 4,
};

/* A count of items of at least min bytes each; *present is 0 for NIL. 0 after a failure. */
static size_t get_count(reader *r, size_t min, int *present)
{
    uint32_t n = get_u32(r);
    *present = r->status == CKG_OK && n != NIL;
    if (!*present)
        return 0;
    if (n > (size_t)(r->end - r->p) / min) {
        fail(r);
        *present = 0;
        return 0;
    }
    return n;
}

/* An arena array of n items of size bytes (at least one, as the walk allocates an empty
 * list), or NULL when not present or out of memory (then r->status says so). Not zeroed:
 * the caller fills every field of each item it counts, and counts only those. */
static void *get_array(reader *r, size_t n, size_t size, int present)
{
    if (!present)
        return NULL;
    if (!n)
        n = 1;
    void *a = n <= SIZE_MAX / size ? arena_alloc(&r->o->mem, n * size) : NULL;
    if (!a && r->status == CKG_OK)
        r->status = CKG_ENOMEM;
    return a;
}

static void get_strs(reader *r, ckg_strs *l)
{
    int present;
    size_t n = get_count(r, MIN_STR, &present);
    l->items = get_array(r, n, sizeof *l->items, present);
    l->n = 0;
    for (size_t i = 0; l->items && i < n && r->status == CKG_OK; i++)
        get_str(r, &l->items[l->n++]);
}

static void get_evidences(reader *r, ckg_evidences *ev)
{
    uint32_t bytes = get_u32(r);
    ev->items = NULL;
    ev->n = 0;
    if (r->status != CKG_OK)
        return;
    if ((size_t)(r->end - r->p) < bytes) {
        fail(r);
        return;
    }
    const char *next = r->p + bytes;
    if (r->skip_evidence) {
        r->p = next;
        return;
    }
    const char *end = r->end;
    r->end = next; /* the list must fit its byte count exactly */
    int present;
    size_t n = get_count(r, MIN_EVIDENCE, &present);
    ev->items = get_array(r, n, sizeof *ev->items, present);
    for (size_t i = 0; ev->items && i < n && r->status == CKG_OK; i++) {
        ckg_evidence *e = &ev->items[ev->n++];
        get_loc(r, &e->loc);
        get_str(r, &e->quote);
        get_str(r, &e->section);
        get_str(r, &e->note);
        e->section_index = -1;
        e->found_line = e->found_end_line = 0;
    }
    if (r->p != next)
        fail(r);
    r->end = end;
}

static void get_paper(reader *r, ckg_paper *p)
{
    const ckg_ontology *o = r->o;
    table concepts = TABLE(o->concepts, o->n_concepts, ckg_concept);
    table kinds = TABLE(o->kinds, o->n_kinds, ckg_kind);
    uint32_t file = get_u32(r);
    if (file == 0 || file > r->n_files) {
        fail(r);
        return;
    }
    p->file = r->file_of[file];
    get_loc(r, &p->loc);
    get_str(r, &p->id);
    get_str(r, &p->source);
    get_str(r, &p->title);
    get_str(r, &p->venue);
    get_str(r, &p->doi);
    get_strs(r, &p->authors);
    p->year = get_i32(r);
    get_loc(r, &p->year_loc);

    int present;
    size_t n = get_count(r, MIN_SECTION, &present);
    p->sections = get_array(r, n, sizeof *p->sections, present);
    for (size_t i = 0; p->sections && i < n && r->status == CKG_OK; i++) {
        ckg_section *s = &p->sections[p->n_sections++];
        get_loc(r, &s->loc);
        get_str(r, &s->id);
        get_str(r, &s->title);
        get_strs(r, &s->authors);
    }
    n = get_count(r, MIN_MENTION, &present);
    p->mentions = get_array(r, n, sizeof *p->mentions, present);
    for (size_t i = 0; p->mentions && i < n && r->status == CKG_OK; i++) {
        ckg_mention *m = &p->mentions[p->n_mentions++];
        get_loc(r, &m->loc);
        get_ref(r, concepts, &m->concept, &m->concept_index);
        get_evidences(r, &m->evidence);
    }
    n = get_count(r, MIN_RELATION, &present);
    p->relations = get_array(r, n, sizeof *p->relations, present);
    for (size_t i = 0; p->relations && i < n && r->status == CKG_OK; i++) {
        ckg_relation *rel = &p->relations[p->n_relations++];
        get_loc(r, &rel->loc);
        get_ref(r, concepts, &rel->from, &rel->from_index);
        get_ref(r, kinds, &rel->kind, &rel->kind_index);
        get_ref(r, concepts, &rel->to, &rel->to_index);
        get_str(r, &rel->note);
        get_evidences(r, &rel->evidence);
    }
}

/* A top-level array of the ontology: malloc'd as the walk grows them (ontology_free frees
 * it), NULL when empty; *n set at once so a partial one is freed whole. Zeroed only when
 * zero says so: the themes, kinds and concepts loops fill every field of every item before
 * anything reads it (a failure stops the load), and ontology_free reads only the
 * concepts' broader_index, which is set first. */
static void *get_top(reader *r, size_t min, size_t size, size_t *n, int zero)
{
    int present;
    size_t count = get_count(r, min, &present);
    *n = 0;
    if (!present) {
        fail(r); /* the top-level counts are never NIL */
        return NULL;
    }
    if (!count)
        return NULL;
    void *a = zero ? calloc(count, size) : count <= SIZE_MAX / size ? malloc(count * size) : NULL;
    if (!a) {
        if (r->status == CKG_OK)
            r->status = CKG_ENOMEM;
        return NULL;
    }
    *n = count;
    return a;
}

int ontology_unpack(const char *data, size_t len, int skip_evidence, ckg_ontology *o)
{
    reader r = {.p = data, .end = data + len, .o = o, .n_files = o->n_files,
                .skip_evidence = skip_evidence, .status = CKG_OK};
    if (!(r.file_of = arena_alloc(&o->mem, (o->n_files + 1) * sizeof *r.file_of)))
        return CKG_ENOMEM;
    r.file_of[0] = NULL;
    for (size_t i = 0; i < o->n_files; i++)
        r.file_of[i + 1] = o->files[i];
    o->themes = get_top(&r, MIN_THEME, sizeof *o->themes, &o->n_themes, 0);
    for (size_t i = 0; i < o->n_themes && r.status == CKG_OK; i++) {
        ckg_theme *t = &o->themes[i];
        get_str(&r, &t->id);
        get_str(&r, &t->zh);
        get_str(&r, &t->en);
        get_str(&r, &t->description);
    }
    o->kinds = get_top(&r, MIN_KIND, sizeof *o->kinds, &o->n_kinds, 0);
    for (size_t i = 0; i < o->n_kinds && r.status == CKG_OK; i++) {
        ckg_kind *k = &o->kinds[i];
        ckg_str *strs[] = {&k->id,          &k->zh,          &k->en,
                           &k->inverse_zh,  &k->inverse_en,  &k->description,
                           &k->family_name, &k->polarity,    &k->test_question,
                           &k->test_example, &k->test_counter_example};
        for (size_t j = 0; j < sizeof strs / sizeof *strs; j++)
            get_str(&r, strs[j]);
        k->family = get_i32(&r);
        if (k->family < -1 || k->family >= CKG_N_FAMILIES)
            fail(&r);
        get_strs(&r, &k->synonyms_zh);
        get_strs(&r, &k->synonyms_en);
        get_strs(&r, &k->inverse_synonyms_zh);
        get_strs(&r, &k->inverse_synonyms_en);
    }
    o->concepts = get_top(&r, MIN_CONCEPT, sizeof *o->concepts, &o->n_concepts, 0);
    for (size_t i = 0; i < o->n_concepts; i++)
        o->concepts[i].broader_index = NULL; /* ontology_free frees them */
    for (size_t i = 0; i < o->n_concepts && r.status == CKG_OK; i++) {
        ckg_concept *c = &o->concepts[i];
        get_loc(&r, &c->loc);
        ckg_str *strs[] = {&c->id, &c->zh, &c->en};
        for (size_t j = 0; j < sizeof strs / sizeof *strs; j++)
            get_str(&r, strs[j]);
        get_ref(&r, TABLE(o->themes, o->n_themes, ckg_theme), &c->theme, &c->theme_index);
        get_str(&r, &c->definition_zh);
        get_str(&r, &c->definition_en);
        get_strs(&r, &c->alt);
        get_strs(&r, &c->broader);
    }
    o->papers = get_top(&r, MIN_PAPER, sizeof *o->papers, &o->n_papers, 1);
    for (size_t i = 0; i < o->n_papers && r.status == CKG_OK; i++)
        get_paper(&r, &o->papers[i]);
    if (r.status == CKG_OK && r.p != r.end)
        fail(&r); /* bytes left over: not what was packed */
    return r.status;
}
