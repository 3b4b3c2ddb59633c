/* test_ontology_cache.c — the cache of parsed ontologies (ontology_load_cached): a cached load
 * equals a fresh load field by field, with the same diagnostics; a changed size, time,
 * content or list of files is a miss; a truncated or corrupt cache is ignored (and a crafted
 * one, whose hash was fixed up, is never read out of bounds); a cache of another schema,
 * format or byte order is not used; concurrent loads, in processes or threads, give the
 * fresh model and leave one whole cache; a cache folder that cannot be written, or a cache
 * path that holds no file, costs nothing else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ckg/ontology.h"
#include "ckg/status.h"
#include "ontology_pack.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util_files.h"

/* The cache file's header (ontology_cache.c): the byte order at 8, the format at 12, the
 * schema at 16 (32 bytes), the payload's hash at byte 56, the payload from byte 64. */
enum { HEADER_BYTES = 64, ORDER_AT = 8, FORMAT_AT = 12, SCHEMA_AT = 16, SCHEMA_BYTES = 32,
       PAYLOAD_HASH_AT = 56 };

typedef struct fixture {
    char root[64];  /* a temporary folder: */
    char onto[128]; /* the ontology copied here, */
    char cache[128]; /* the cache folder */
    char file[512]; /* the cache file of onto */
} fixture;

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

/* A copy of the ontology at src in a new temporary folder. */
static fixture *fixture_of(const char *src)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->root, sizeof f->root, "%s/ckg-cache-test.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(f->root));
    snprintf(f->onto, sizeof f->onto, "%s/onto", f->root);
    snprintf(f->cache, sizeof f->cache, "%s/cache/ckg", f->root);
    assert_int_equal(run("cp -r '%s' '%s'", src, f->onto), 0);
    assert_int_equal(ontology_cache_path(f->cache, f->onto, f->file, sizeof f->file), CKG_OK);
    return f;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (f) {
        run("chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", f->root, f->root);
        free(f);
    }
    return 0;
}

/* ---------------------------------------------------------------- field-by-field equality */

static void same_string(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void same_loc(const ckg_loc *a, const ckg_loc *b)
{
    same_string(a->file, b->file);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->col, b->col);
}

static void same_str(const ckg_str *a, const ckg_str *b)
{
    same_string(a->s, b->s);
    same_loc(&a->loc, &b->loc);
}

static void same_strs(const ckg_strs *a, const ckg_strs *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->items == NULL, b->items == NULL);
    for (size_t i = 0; i < a->n; i++)
        same_str(&a->items[i], &b->items[i]);
}

static void same_evidence(const ckg_evidences *a, const ckg_evidences *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->items == NULL, b->items == NULL);
    for (size_t i = 0; i < a->n; i++) {
        const ckg_evidence *x = &a->items[i], *y = &b->items[i];
        same_loc(&x->loc, &y->loc);
        same_str(&x->quote, &y->quote);
        same_str(&x->section, &y->section);
        same_str(&x->note, &y->note);
        assert_int_equal(x->section_index, y->section_index);
        assert_int_equal(x->found_line, y->found_line);
        assert_int_equal(x->found_end_line, y->found_end_line);
    }
}

/* Every field of two loaded (and linked) ontologies is equal, the id maps included. */
static void same_ontology(const ckg_ontology *a, const ckg_ontology *b)
{
    same_string(a->dir, b->dir);
    assert_int_equal(a->n_files, b->n_files);
    for (size_t i = 0; i < a->n_files; i++)
        assert_string_equal(a->files[i], b->files[i]);
    assert_int_equal(a->n_themes, b->n_themes);
    for (size_t i = 0; i < a->n_themes; i++) {
        const ckg_theme *x = &a->themes[i], *y = &b->themes[i];
        same_str(&x->id, &y->id);
        same_str(&x->zh, &y->zh);
        same_str(&x->en, &y->en);
        same_str(&x->description, &y->description);
        assert_int_equal(strmap_get(&a->theme_by_id, x->id.s), strmap_get(&b->theme_by_id, y->id.s));
    }
    assert_int_equal(a->n_kinds, b->n_kinds);
    for (size_t i = 0; i < a->n_kinds; i++) {
        const ckg_kind *x = &a->kinds[i], *y = &b->kinds[i];
        const ckg_str *xs[] = {&x->id, &x->zh, &x->en, &x->inverse_zh, &x->inverse_en,
                               &x->description, &x->family_name, &x->polarity,
                               &x->test_question, &x->test_example, &x->test_counter_example};
        const ckg_str *ys[] = {&y->id, &y->zh, &y->en, &y->inverse_zh, &y->inverse_en,
                               &y->description, &y->family_name, &y->polarity,
                               &y->test_question, &y->test_example, &y->test_counter_example};
        for (size_t k = 0; k < sizeof xs / sizeof *xs; k++)
            same_str(xs[k], ys[k]);
        assert_int_equal(x->family, y->family);
        same_strs(&x->synonyms_zh, &y->synonyms_zh);
        same_strs(&x->synonyms_en, &y->synonyms_en);
        same_strs(&x->inverse_synonyms_zh, &y->inverse_synonyms_zh);
        same_strs(&x->inverse_synonyms_en, &y->inverse_synonyms_en);
        assert_int_equal(strmap_get(&a->kind_by_id, x->id.s), strmap_get(&b->kind_by_id, y->id.s));
    }
    assert_int_equal(a->n_concepts, b->n_concepts);
    for (size_t i = 0; i < a->n_concepts; i++) {
        const ckg_concept *x = &a->concepts[i], *y = &b->concepts[i];
        same_loc(&x->loc, &y->loc);
        const ckg_str *xs[] = {&x->id, &x->zh, &x->en, &x->theme, &x->definition_zh,
                               &x->definition_en};
        const ckg_str *ys[] = {&y->id, &y->zh, &y->en, &y->theme, &y->definition_zh,
                               &y->definition_en};
        for (size_t k = 0; k < sizeof xs / sizeof *xs; k++)
            same_str(xs[k], ys[k]);
        same_strs(&x->alt, &y->alt);
        same_strs(&x->broader, &y->broader);
        assert_int_equal(x->theme_index, y->theme_index);
        assert_int_equal(x->broader_index == NULL, y->broader_index == NULL);
        for (size_t k = 0; x->broader_index && k < x->broader.n; k++)
            assert_int_equal(x->broader_index[k], y->broader_index[k]);
        assert_int_equal(strmap_get(&a->concept_by_id, x->id.s),
                         strmap_get(&b->concept_by_id, y->id.s));
    }
    assert_int_equal(a->n_papers, b->n_papers);
    for (size_t i = 0; i < a->n_papers; i++) {
        const ckg_paper *x = &a->papers[i], *y = &b->papers[i];
        same_string(x->file, y->file);
        same_loc(&x->loc, &y->loc);
        const ckg_str *xs[] = {&x->id, &x->source, &x->title, &x->venue, &x->doi};
        const ckg_str *ys[] = {&y->id, &y->source, &y->title, &y->venue, &y->doi};
        for (size_t k = 0; k < sizeof xs / sizeof *xs; k++)
            same_str(xs[k], ys[k]);
        same_strs(&x->authors, &y->authors);
        assert_int_equal(x->year, y->year);
        same_loc(&x->year_loc, &y->year_loc);
        assert_int_equal(x->n_sections, y->n_sections);
        for (size_t k = 0; k < x->n_sections; k++) {
            same_loc(&x->sections[k].loc, &y->sections[k].loc);
            same_str(&x->sections[k].id, &y->sections[k].id);
            same_str(&x->sections[k].title, &y->sections[k].title);
            same_strs(&x->sections[k].authors, &y->sections[k].authors);
        }
        assert_int_equal(x->n_mentions, y->n_mentions);
        for (size_t k = 0; k < x->n_mentions; k++) {
            const ckg_mention *m = &x->mentions[k], *n = &y->mentions[k];
            same_loc(&m->loc, &n->loc);
            same_str(&m->concept, &n->concept);
            assert_int_equal(m->concept_index, n->concept_index);
            same_evidence(&m->evidence, &n->evidence);
        }
        assert_int_equal(x->n_relations, y->n_relations);
        for (size_t k = 0; k < x->n_relations; k++) {
            const ckg_relation *r = &x->relations[k], *s = &y->relations[k];
            same_loc(&r->loc, &s->loc);
            same_str(&r->from, &s->from);
            same_str(&r->kind, &s->kind);
            same_str(&r->to, &s->to);
            same_str(&r->note, &s->note);
            assert_int_equal(r->from_index, s->from_index);
            assert_int_equal(r->kind_index, s->kind_index);
            assert_int_equal(r->to_index, s->to_index);
            same_evidence(&r->evidence, &s->evidence);
        }
        assert_int_equal(strmap_get(&a->paper_by_id, x->id.s), strmap_get(&b->paper_by_id, y->id.s));
    }
}

static void same_diags(const diag_list *a, const diag_list *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->n_errors, b->n_errors);
    assert_int_equal(a->n_warnings, b->n_warnings);
    for (size_t i = 0; i < a->n; i++) {
        assert_int_equal(a->items[i].severity, b->items[i].severity);
        same_string(a->items[i].file, b->items[i].file);
        assert_int_equal(a->items[i].line, b->items[i].line);
        assert_int_equal(a->items[i].col, b->items[i].col);
        assert_string_equal(a->items[i].message, b->items[i].message);
    }
}

/* ---------------------------------------------------------------- helpers */

/* Loads f's ontology through its cache and without, checks both give the same return code,
 * model and diagnostics, and returns how the cache was used. */
static ontology_cache_report load_both(const fixture *f, int skip_evidence)
{
    ontology_load_options opt = {.skip_evidence = skip_evidence};
    diag_list da, db;
    diag_list_init(&da);
    diag_list_init(&db);
    ckg_ontology *fresh = NULL, *cached = NULL;
    ontology_cache_report report;
    int ra = ontology_load_with(f->onto, &opt, &da, &fresh);
    int rb = ontology_load_cached(f->onto, &opt, f->cache, &db, &cached, &report);
    assert_int_equal(ra, rb);
    same_diags(&da, &db);
    assert_int_equal(fresh == NULL, cached == NULL);
    if (fresh)
        same_ontology(fresh, cached);
    ontology_free(fresh);
    ontology_free(cached);
    diag_list_free(&da);
    diag_list_free(&db);
    return report;
}

static void expect(ontology_cache_report r, ontology_cache_use use, ontology_cache_miss miss)
{
    assert_int_equal(r.use, use);
    assert_int_equal(r.miss, miss);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Sets a file's modification time (seconds after the epoch, and nanoseconds). */
static void set_mtime(const char *path, time_t sec, long nsec)
{
    struct timespec t[2] = {{sec, nsec}, {sec, nsec}};
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void get_mtime(const char *path, struct timespec *t)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    *t = st.st_mtim;
}

/* ---------------------------------------------------------------- round trip */

/* The shipped ontology, the fixtures and every evidence-less load: written once, then read
 * back equal to a fresh load, field by field. */
static void test_round_trip_equals_a_fresh_load(void **state)
{
    static const char *const sources[] = {"ontology", "tests/fixtures/good",
                                          "tests/fixtures/query", "tests/fixtures/diff",
                                          "tests/fixtures/metrics/bridge"};
    for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
        fixture *f = fixture_of(sources[i]);
        *state = f;
        expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
        assert_true(file_size(f->file) > HEADER_BYTES);
        expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
        expect(load_both(f, 1), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
        teardown(state);
        /* a first load without evidence writes the whole ontology all the same */
        f = fixture_of(sources[i]);
        *state = f;
        expect(load_both(f, 1), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
        expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
        teardown(state);
        *state = NULL;
    }
}

/* Places that the one-word form of a place cannot hold (a line past 65535, a column past
 * 255) take the long form (ontology_pack.c), and come back the same. */
static void test_far_places_round_trip(void **state)
{
    fixture *f = fixture_of("tests/fixtures/good");
    *state = f;
    char path[512];
    snprintf(path, sizeof path, "%s/concepts/core.yaml", f->onto);
    FILE *fp = fopen(path, "a");
    assert_non_null(fp);
    for (int i = 0; i < 70000; i++)
        fputs("  # a comment line\n", fp);
    fprintf(fp, "  - {id: far-away, zh: \xe8\xbf\x9c, %300s en: far away, theme: core,\n"
                "     definition: {zh: \xe8\xbf\x9c\xe3\x80\x82, en: Far.}}\n", "");
    fclose(fp);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    assert_int_equal(ontology_load_cached(f->onto, NULL, f->cache, &d, &o, NULL), CKG_OK);
    const ckg_concept *c = ontology_concept(o, "far-away");
    assert_non_null(c);
    assert_true(c->id.loc.line > 70000);
    assert_true(c->en.loc.col > 300);
    ontology_free(o);
    diag_list_free(&d);
}

/* The same ontology through another path to its folder (relative, with ./): the cache is
 * the folder's, and the places name the files as this load was given them. */
static void test_places_follow_the_path_given(void **state)
{
    fixture *f = fixture_of("tests/fixtures/good");
    *state = f;
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    char cwd[1024], other[16];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(f->root), 0);
    snprintf(other, sizeof other, "./onto/");
    fixture g = *f;
    snprintf(g.onto, sizeof g.onto, "%s", other);
    ontology_cache_report r = load_both(&g, 0);
    assert_int_equal(chdir(cwd), 0);
    expect(r, ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
}

/* Link errors are not the walk's: the ontology is kept and its diagnostics come out of
 * every load, cached or not: references that do not resolve, and a duplicate id (where the
 * references to it resolve to its first concept by lookup, not by the index the cache
 * packed). Walk errors are never kept. */
static void test_diagnostics_are_a_loads(void **state)
{
    fixture *f;
    static const char *const link_errors[] = {"dangling-refs", "duplicate-id"};
    for (size_t i = 0; i < sizeof link_errors / sizeof *link_errors; i++) {
        f = fixture_of("tests/fixtures/good");
        *state = f;
        assert_int_equal(run("cp -r tests/fixtures/bad/%s/. '%s'", link_errors[i], f->onto), 0);
        expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
        expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
        expect(load_both(f, 1), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
        teardown(state);
    }

    /* errors of the walk (empty-quote: of the evidence only, which a load without evidence
     * does not see, so it gives no diagnostic there) */
    static const char *const walk_errors[] = {"unknown-key", "wrong-type", "yaml-syntax",
                                              "empty-quote", "invalid-utf8"};
    for (size_t i = 0; i < sizeof walk_errors / sizeof *walk_errors; i++) {
        f = fixture_of("tests/fixtures/good");
        *state = f;
        assert_int_equal(run("cp -r tests/fixtures/bad/%s/. '%s'", walk_errors[i], f->onto), 0);
        for (int k = 0; k < 4; k++) {
            ontology_cache_report r = load_both(f, k % 2);
            assert_int_equal(r.use, ONTOLOGY_CACHE_UNWRITTEN);
            assert_int_equal(r.miss, ONTOLOGY_CACHE_ABSENT);
        }
        teardown(state);
        *state = NULL;
    }
}

/* ---------------------------------------------------------------- invalidation */

static void edit(const fixture *f, const char *rel, const char *from, const char *to)
{
    char path[512];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", f->onto, rel);
    char *data = read_all(path, &len);
    char *at = strstr(data, from);
    assert_non_null(at);
    size_t a = (size_t)(at - data), nf = strlen(from), nt = strlen(to);
    char *out = malloc(len - nf + nt + 1);
    memcpy(out, data, a);
    memcpy(out + a, to, nt);
    memcpy(out + a + nt, at + nf, len - a - nf);
    write_all(path, out, len - nf + nt);
    free(out);
    free(data);
}

static void test_a_changed_size_time_or_content_is_a_miss(void **state)
{
    fixture *f = fixture_of("tests/fixtures/good");
    *state = f;
    char path[512];
    snprintf(path, sizeof path, "%s/concepts/technology.yaml", f->onto);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);

    /* size: a definition grows */
    edit(f, "concepts/technology.yaml", "en: ", "en:  ");
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_STALE);
    expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);

    /* time alone: the same bytes, touched */
    struct timespec t;
    get_mtime(path, &t);
    set_mtime(path, t.tv_sec - 100, t.tv_nsec);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_STALE);
    expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);

    /* content alone: same size, same time, one letter of a name changed */
    get_mtime(path, &t);
    long before = file_size(path);
    edit(f, "concepts/technology.yaml", "disruptive", "disruptivf");
    set_mtime(path, t.tv_sec, t.tv_nsec);
    assert_int_equal(file_size(path), before);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_STALE);
    expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);

    /* the list of files: one added, one removed, one that cannot be read */
    assert_int_equal(run("cp '%s/papers/alpha.yaml' '%s/papers/gamma.yaml' && "
                         "sed -i 's/id: alpha/id: gamma/' '%s/papers/gamma.yaml'",
                         f->onto, f->onto, f->onto), 0);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_STALE);
    assert_int_equal(run("rm '%s/papers/gamma.yaml'", f->onto), 0);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_STALE);
    expect(load_both(f, 1), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
    assert_int_equal(run("rm '%s/themes.yaml'", f->onto), 0);
    ontology_cache_report r = load_both(f, 0);
    assert_int_equal(r.use, ONTOLOGY_CACHE_UNWRITTEN);
    assert_int_equal(r.miss, ONTOLOGY_CACHE_STALE);
}

/* A cache written by another folder at the same cache path (as a hash collision would
 * make) is not this folder's. */
static void test_another_folders_cache_is_not_used(void **state)
{
    fixture *f = fixture_of("tests/fixtures/good");
    *state = f;
    fixture *g = fixture_of("tests/fixtures/good");
    expect(load_both(g, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    assert_int_equal(run("mkdir -p '%s' && cp '%s' '%s'", f->cache, g->file, f->file), 0);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_INVALID);
    expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
    teardown((void **)&g);
}

/* ---------------------------------------------------------------- corruption */

/* Every truncation of the cache file is refused; the load is a fresh one. */
static void test_truncated_cache_is_ignored(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query");
    *state = f;
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    size_t len;
    char *good = read_all(f->file, &len);
    size_t step = len / 97 + 1;
    for (size_t cut = 0; cut < len; cut += (cut < 80 || len - cut < 80) ? 1 : step) {
        write_all(f->file, good, cut);
        ontology_cache_report r = load_both(f, cut % 2);
        assert_int_equal(r.use, ONTOLOGY_CACHE_WRITTEN);
        assert_int_equal(r.miss, ONTOLOGY_CACHE_INVALID);
    }
    free(good);
}

/* A flipped bit anywhere is caught by the payload's hash (or the header's checks): every
 * byte of the header, and some 256 bytes spread over the payload (an odd step, so every
 * kind of field is hit; each is a load, and valgrind runs this). */
static void test_flipped_bytes_are_caught(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query");
    *state = f;
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    size_t len;
    char *good = read_all(f->file, &len);
    char *bad = malloc(len);
    size_t step = ((len - HEADER_BYTES) / 256) | 1;
    for (size_t at = 0; at < len; at += at < HEADER_BYTES ? 1 : step) {
        memcpy(bad, good, len);
        bad[at] ^= (char)(1u << (at % 8));
        write_all(f->file, bad, len);
        ontology_cache_report r = load_both(f, 0);
        assert_int_equal(r.use, ONTOLOGY_CACHE_WRITTEN);
        assert_int_equal(r.miss, ONTOLOGY_CACHE_INVALID);
    }
    free(bad);
    free(good);
}

/* Bytes changed and the payload's hash made to match: only the reader's own checks stand
 * between them and the model. The load never reads out of bounds (ASan and valgrind run
 * this) and either refuses the cache or reads some ontology from it; a refused cache is
 * replaced by a good one. */
static void test_crafted_cache_is_read_within_bounds(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query");
    *state = f;
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    size_t len;
    char *good = read_all(f->file, &len);
    char *bad = malloc(len);
    static const unsigned char values[] = {0x00, 0x01, 0x7f, 0x80, 0xff};
    size_t refused = 0, read = 0;
    srand(18);
    for (size_t k = 0; k < 600; k++) {
        size_t at = HEADER_BYTES + (size_t)rand() % (len - HEADER_BYTES);
        memcpy(bad, good, len);
        bad[at] = (char)values[k % sizeof values];
        if (k % 3 == 0 && at + 4 <= len) /* a length or count made huge */
            memset(bad + (at & ~(size_t)3), 0xff, 3);
        uint64_t h = hash64(bad + HEADER_BYTES, len - HEADER_BYTES, 0);
        memcpy(bad + PAYLOAD_HASH_AT, &h, sizeof h);
        write_all(f->file, bad, len);
        diag_list d;
        diag_list_init(&d);
        ckg_ontology *o = NULL;
        ontology_cache_report r;
        int rc = ontology_load_cached(f->onto, NULL, f->cache, &d, &o, &r);
        assert_int_equal(rc, CKG_OK);
        assert_non_null(o);
        if (r.use == ONTOLOGY_CACHE_HIT) {
            read++;
        } else {
            refused++;
            assert_int_not_equal(r.miss, ONTOLOGY_CACHE_NO_MISS);
        }
        ontology_free(o);
        diag_list_free(&d);
    }
    assert_true(refused > 0);
    (void)read;
    free(bad);
    free(good);
}

/* A cache whose header is whole and whose payload's hash is right, but that another loader
 * wrote (another schema: other sources or another libyaml; another format; the other byte
 * order), is not used, and is replaced by this loader's. */
static void test_another_schema_format_or_order_is_not_used(void **state)
{
    fixture *f = fixture_of("tests/fixtures/good");
    *state = f;
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    size_t len;
    char *good = read_all(f->file, &len);
    char *bad = malloc(len);
    assert_non_null(bad);
    for (int k = 0; k < 4; k++) {
        memcpy(bad, good, len);
        if (k == 0) { /* a loader of other sources */
            memset(bad + SCHEMA_AT, 0, SCHEMA_BYTES);
            memcpy(bad + SCHEMA_AT, "1234567890-yaml-0.2.5", 21);
        } else if (k == 1) { /* the same schema but one byte: a prefix is not enough */
            bad[SCHEMA_AT + strlen(good + SCHEMA_AT) - 1] ^= 1;
        } else if (k == 2) { /* another format number */
            uint32_t format;
            memcpy(&format, bad + FORMAT_AT, sizeof format);
            format++;
            memcpy(bad + FORMAT_AT, &format, sizeof format);
        } else { /* written on a machine of the other byte order */
            uint32_t order = 0x04030201;
            memcpy(bad + ORDER_AT, &order, sizeof order);
        }
        /* the payload is untouched, so its hash still holds */
        uint64_t h;
        memcpy(&h, bad + PAYLOAD_HASH_AT, sizeof h);
        assert_true(h == hash64(bad + HEADER_BYTES, len - HEADER_BYTES, 0));
        write_all(f->file, bad, len);
        expect(load_both(f, k % 2), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_INVALID);
        size_t now_len;
        char *now = read_all(f->file, &now_len);
        assert_int_equal(now_len, len);
        assert_memory_equal(now, good, len); /* rewritten as this loader writes it */
        free(now);
        expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
    }
    free(bad);
    free(good);
}

/* What stands at the cache's path but is no cache file: a symbolic link that loops (cannot
 * be opened) is no cache, and a rename replaces it; a folder is not a cache and cannot be
 * replaced, so nothing is kept, and no temporary file is left beside it. */
static void test_no_file_at_the_cache_path(void **state)
{
    fixture *f = fixture_of("tests/fixtures/good");
    *state = f;
    assert_int_equal(run("mkdir -p '%s' && ln -s '%s' '%s'", f->cache, f->file, f->file), 0);
    expect(load_both(f, 0), ONTOLOGY_CACHE_WRITTEN, ONTOLOGY_CACHE_ABSENT);
    struct stat st;
    assert_int_equal(lstat(f->file, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    expect(load_both(f, 1), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);

    assert_int_equal(run("rm '%s' && mkdir '%s'", f->file, f->file), 0);
    for (int k = 0; k < 2; k++) {
        ontology_cache_report r = load_both(f, k);
        assert_int_equal(r.use, ONTOLOGY_CACHE_UNWRITTEN);
        assert_int_equal(r.miss, ONTOLOGY_CACHE_INVALID);
        assert_int_equal(r.cache_errno, EISDIR);
    }
    assert_int_equal(run("test $(ls -A '%s' | wc -l) -eq 1", f->cache), 0);
}

/* ---------------------------------------------------------------- concurrency */

/* The ontology packed: equal bytes, equal models (the field-by-field comparison is the
 * round trip's; this one needs no cmocka assertion, which only the main thread may make). */
static char *packed(const ckg_ontology *o, size_t *len)
{
    strbuf b = {0};
    ontology_pack(o, &b);
    *len = b.len;
    return b.oom ? (strbuf_free(&b), NULL) : b.s;
}

typedef struct loader_thread {
    const fixture *f;
    const char *want; /* the fresh load, packed */
    size_t want_len;
    int index;
    int wrong; /* loads that failed or differed from the fresh one */
    int hits;
} loader_thread;

static void *load_in_thread(void *arg)
{
    loader_thread *t = arg;
    enum { ROUNDS = 6 };
    for (int k = 0; k < ROUNDS; k++) {
        if (t->index == 0 && k % 2 == 1)
            unlink(t->f->file); /* the others read it as it goes, or write it anew */
        diag_list d;
        diag_list_init(&d);
        ckg_ontology *o = NULL;
        ontology_cache_report r;
        size_t len = 0;
        char *got = NULL;
        int rc = ontology_load_cached(t->f->onto, NULL, t->f->cache, &d, &o, &r);
        if (rc == CKG_OK && o && d.n == 0)
            got = packed(o, &len);
        if (!got || len != t->want_len || memcmp(got, t->want, len) != 0)
            t->wrong++;
        if (r.use == ONTOLOGY_CACHE_HIT)
            t->hits++;
        free(got);
        ontology_free(o);
        diag_list_free(&d);
    }
    return NULL;
}

/* Four threads of one process load (and write) the same cache at once while one of them
 * removes it: every load gives the fresh load's model. */
static void test_concurrent_threads_give_the_same_model(void **state)
{
    fixture *f = fixture_of("ontology");
    *state = f;
    enum { THREADS = 4 };
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *fresh = NULL;
    assert_int_equal(ontology_load_with(f->onto, NULL, &d, &fresh), CKG_OK);
    assert_int_equal(d.n, 0);
    size_t want_len;
    char *want = packed(fresh, &want_len);
    assert_non_null(want);
    ontology_free(fresh);
    diag_list_free(&d);

    loader_thread t[THREADS];
    pthread_t id[THREADS];
    for (int i = 0; i < THREADS; i++) {
        t[i] = (loader_thread){f, want, want_len, i, 0, 0};
        assert_int_equal(pthread_create(&id[i], NULL, load_in_thread, &t[i]), 0);
    }
    int hits = 0;
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(id[i], NULL), 0);
        assert_int_equal(t[i].wrong, 0);
        hits += t[i].hits;
    }
    assert_true(hits > 0); /* the cache was used, not only written */
    ontology_cache_report r = load_both(f, 0);
    assert_true(r.use == ONTOLOGY_CACHE_HIT || r.use == ONTOLOGY_CACHE_WRITTEN);
    expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
    free(want);
}

/* ---------------------------------------------------------------- processes, folders */

/* Eight processes load (and so write) the same cache at once, five times each, while the
 * cache is removed under them: every load equals a fresh one, and what is left is one whole
 * cache and no temporary file. */
static void test_concurrent_writers_leave_one_whole_cache(void **state)
{
    fixture *f = fixture_of("ontology");
    *state = f;
    enum { WRITERS = 8, ROUNDS = 5 };
    pid_t pids[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            int ok = 1;
            for (int k = 0; k < ROUNDS && ok; k++) {
                if (w == 0 && k % 2 == 1)
                    unlink(f->file);
                diag_list da, db;
                diag_list_init(&da);
                diag_list_init(&db);
                ckg_ontology *a = NULL, *b = NULL;
                ok = ontology_load_with(f->onto, NULL, &da, &a) == CKG_OK &&
                     ontology_load_cached(f->onto, NULL, f->cache, &db, &b, NULL) == CKG_OK &&
                     a->n_concepts == b->n_concepts && a->n_papers == b->n_papers &&
                     da.n == db.n;
                for (size_t p = 0; ok && p < a->n_papers; p++) {
                    ok = a->papers[p].n_relations == b->papers[p].n_relations &&
                         a->papers[p].n_mentions == b->papers[p].n_mentions;
                    for (size_t m = 0; ok && m < a->papers[p].n_mentions; m++)
                        ok = strcmp(a->papers[p].mentions[m].evidence.items[0].quote.s,
                                    b->papers[p].mentions[m].evidence.items[0].quote.s) == 0;
                }
                ontology_free(a);
                ontology_free(b);
                diag_list_free(&da);
                diag_list_free(&db);
            }
            _exit(ok ? 0 : 1);
        }
    }
    for (int w = 0; w < WRITERS; w++) {
        int status;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    /* whatever was left is whole (a hit equal to a fresh load), or gone (then written) */
    ontology_cache_report r = load_both(f, 0);
    assert_true(r.use == ONTOLOGY_CACHE_HIT || r.use == ONTOLOGY_CACHE_WRITTEN);
    expect(load_both(f, 0), ONTOLOGY_CACHE_HIT, ONTOLOGY_CACHE_NO_MISS);
    DIR *d = opendir(f->cache);
    assert_non_null(d);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        assert_null(strstr(e->d_name, ".ontology-")); /* no temporary file left */
        files++;
    }
    closedir(d);
    assert_int_equal(files, 1);
}

/* A cache folder that cannot be made (a file stands where it should be) or written: the
 * load is a fresh one, and the report says why nothing was kept. */
static void test_unwritable_cache_folder_costs_nothing_else(void **state)
{
    fixture *f = fixture_of("tests/fixtures/good");
    *state = f;
    char blocked[256];
    snprintf(blocked, sizeof blocked, "%s/cache", f->root);
    write_all(blocked, "not a folder", 12);
    for (int k = 0; k < 2; k++) {
        ontology_cache_report r = load_both(f, k);
        assert_int_equal(r.use, ONTOLOGY_CACHE_UNWRITTEN);
        assert_int_equal(r.miss, ONTOLOGY_CACHE_ABSENT);
        assert_int_equal(r.cache_errno, ENOTDIR);
    }
    unlink(blocked);
    if (geteuid() != 0) { /* root writes into a read-only folder all the same */
        assert_int_equal(run("mkdir -p '%s' && chmod 555 '%s'", f->cache, f->cache), 0);
        ontology_cache_report r = load_both(f, 0);
        assert_int_equal(r.use, ONTOLOGY_CACHE_UNWRITTEN);
        assert_int_equal(r.cache_errno, EACCES);
    }
}

/* No cache folder, or an ontology folder that is not one: the plain load. */
static void test_no_cache_folder_bypasses(void **state)
{
    (void)state;
    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    ontology_cache_report r;
    assert_int_equal(ontology_load_cached("tests/fixtures/good", NULL, NULL, &d, &o, &r), CKG_OK);
    assert_int_equal(r.use, ONTOLOGY_CACHE_BYPASSED);
    ontology_free(o);
    assert_int_equal(ontology_load_cached("tests/fixtures/nowhere", NULL, "/tmp", &d, &o, &r),
                     CKG_EIO);
    assert_int_equal(r.use, ONTOLOGY_CACHE_BYPASSED);
    assert_int_equal(d.n_errors, 1);
    ontology_free(o);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_round_trip_equals_a_fresh_load, teardown),
        cmocka_unit_test_teardown(test_far_places_round_trip, teardown),
        cmocka_unit_test_teardown(test_places_follow_the_path_given, teardown),
        cmocka_unit_test_teardown(test_diagnostics_are_a_loads, teardown),
        cmocka_unit_test_teardown(test_a_changed_size_time_or_content_is_a_miss, teardown),
        cmocka_unit_test_teardown(test_another_folders_cache_is_not_used, teardown),
        cmocka_unit_test_teardown(test_truncated_cache_is_ignored, teardown),
        cmocka_unit_test_teardown(test_flipped_bytes_are_caught, teardown),
        cmocka_unit_test_teardown(test_crafted_cache_is_read_within_bounds, teardown),
        cmocka_unit_test_teardown(test_another_schema_format_or_order_is_not_used, teardown),
        cmocka_unit_test_teardown(test_no_file_at_the_cache_path, teardown),
        cmocka_unit_test_teardown(test_concurrent_threads_give_the_same_model, teardown),
        cmocka_unit_test_teardown(test_concurrent_writers_leave_one_whole_cache, teardown),
        cmocka_unit_test_teardown(test_unwritable_cache_folder_costs_nothing_else, teardown),
        cmocka_unit_test(test_no_cache_folder_bypasses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
