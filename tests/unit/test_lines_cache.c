/* test_lines_cache.c — the cache of quote lines (lines_cache.c, through query_lines): every
 * quote of an ontology gets the same line, end line, failures and diagnostics with the cache
 * as without it, cold (the cache files written) and warm (read, not rewritten); a corpus file
 * changed in its bytes only (same size and modification time), in its time or its size is a
 * miss, and so is a quote changed in the ontology or in the cache file (bytes compared, not
 * only hashes); a truncated, corrupt or foreign cache file is ignored and replaced; a crafted
 * one, whose hash was fixed up, is never read out of bounds; a cache folder that cannot be
 * written, a source that cannot be read, and runs at once in several processes change no
 * answer. */
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
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ckg/ontology.h"
#include "ckg/query.h"
#include "ckg/status.h"
#include "lines_cache.h"
#include "util/hash.h"
#include "util_files.h"

/* The cache file's header (lines_cache.c): the byte order at 8, the format at 12, the schema
 * at 16 (32 bytes), the payload's hash at 56, the payload from 64: the path (u32 length,
 * bytes, NUL), the stamp (32 bytes), the count (u32) and a u32 0, then 40-byte entries
 * (hash, line, end line, offset, length, status, 0), then the quotes' bytes. */
enum { HEADER_BYTES = 64, ORDER_AT = 8, FORMAT_AT = 12, SCHEMA_AT = 16, SCHEMA_BYTES = 32,
       PAYLOAD_HASH_AT = 56, STAMP_BYTES = 32, ENTRY_BYTES = 40 };

typedef struct fixture {
    char root[64];    /* a temporary folder: */
    char onto[128];   /* the ontology copied here, */
    char corpus[128]; /* its corpus here, */
    char cache[128];  /* the cache folder */
    ckg_ontology *o;
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

static void load_ontology(fixture *f)
{
    diag_list d;
    diag_list_init(&d);
    ontology_free(f->o);
    f->o = NULL;
    assert_int_equal(ontology_load(f->onto, &d, &f->o), CKG_OK);
    diag_list_free(&d);
}

/* Copies of the ontology at onto and of the corpus at texts in a new temporary folder. */
static fixture *fixture_of(const char *onto, const char *texts)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->root, sizeof f->root, "%s/ckg-lines-test.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(f->root));
    snprintf(f->onto, sizeof f->onto, "%s/onto", f->root);
    snprintf(f->corpus, sizeof f->corpus, "%s/corpus", f->root);
    snprintf(f->cache, sizeof f->cache, "%s/cache/ckg", f->root);
    assert_int_equal(run("cp -r '%s' '%s' && cp -r '%s' '%s' && chmod -R u+w '%s'", onto,
                         f->onto, texts, f->corpus, f->root),
                     0);
    load_ontology(f);
    return f;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (f) {
        run("chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", f->root, f->root);
        ontology_free(f->o);
        free(f);
    }
    *state = NULL;
    return 0;
}

/* ---------------------------------------------------------------- the comparison */

static void same_diags(const diag_list *a, const diag_list *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->n_errors, b->n_errors);
    for (size_t i = 0; i < a->n; i++) {
        assert_int_equal(a->items[i].severity, b->items[i].severity);
        assert_int_equal(a->items[i].line, b->items[i].line);
        assert_int_equal(a->items[i].col, b->items[i].col);
        assert_string_equal(a->items[i].message, b->items[i].message);
    }
}

typedef struct outcome {
    lines_cache_report report; /* the cached run's (zero when it made no cache) */
    size_t quotes, located;    /* quotes asked, quotes given a line */
} outcome;

static void ask_both(query_lines *plain, query_lines *cached, int32_t paper,
                     const ckg_evidences *ev, outcome *out)
{
    for (size_t i = 0; i < ev->n; i++) {
        size_t la, ea, lb, eb;
        query_lines_get(plain, paper, &ev->items[i], &la, &ea);
        query_lines_get(cached, paper, &ev->items[i], &lb, &eb);
        assert_int_equal(la, lb);
        assert_int_equal(ea, eb);
        out->quotes++;
        out->located += la > 0;
    }
}

/* Every quote of f's ontology, paper by paper (from the paper `first` on, then round), asked
 * of a plain query_lines and of one through the cache: the same lines, the same count of
 * quotes without a line, the same diagnostics. */
static outcome compare_from(const fixture *f, size_t first)
{
    query_lines plain, cached;
    outcome out = {0};
    query_lines_init(&plain, f->o, f->corpus);
    query_lines_init(&cached, f->o, f->corpus);
    query_lines_cache_in(&cached, f->cache);
    for (size_t k = 0; k < f->o->n_papers; k++) {
        size_t pi = (first + k) % f->o->n_papers;
        const ckg_paper *p = &f->o->papers[pi];
        for (size_t m = 0; m < p->n_mentions; m++)
            ask_both(&plain, &cached, (int32_t)pi, &p->mentions[m].evidence, &out);
        for (size_t r = 0; r < p->n_relations; r++)
            ask_both(&plain, &cached, (int32_t)pi, &p->relations[r].evidence, &out);
    }
    assert_int_equal(plain.unlocated, cached.unlocated);
    assert_int_equal(plain.cp == NULL, cached.cp == NULL);
    same_diags(&plain.diags, &cached.diags);
    if (cached.cache)
        out.report = *lines_cache_report_of(cached.cache);
    query_lines_free(&plain);
    query_lines_free(&cached);
    return out;
}

static outcome compare(const fixture *f)
{
    return compare_from(f, 0);
}

static void expect(outcome r, size_t hits, size_t misses, size_t written)
{
    assert_int_equal(r.report.hits, hits);
    assert_int_equal(r.report.misses, misses);
    assert_int_equal(r.report.written, written);
}

/* The line of quote in paper `paper` (by id) through a fresh query_lines on f's cache; *rep
 * (when not NULL) what the cache did. */
static size_t line_of_reporting(const fixture *f, const char *paper, const char *quote,
                                size_t *end, lines_cache_report *rep)
{
    query_lines l;
    ckg_evidence ev;
    size_t line;
    int32_t pi = strmap_get(&f->o->paper_by_id, paper);
    assert_true(pi >= 0);
    memset(&ev, 0, sizeof ev);
    ev.quote.s = quote;
    query_lines_init(&l, f->o, f->corpus);
    query_lines_cache_in(&l, f->cache);
    query_lines_get(&l, pi, &ev, &line, end);
    assert_non_null(l.cache);
    if (rep)
        *rep = *lines_cache_report_of(l.cache);
    query_lines_free(&l);
    return line;
}

static size_t line_of(const fixture *f, const char *paper, const char *quote, size_t *end)
{
    return line_of_reporting(f, paper, quote, end, NULL);
}

/* ---------------------------------------------------------------- files */

static void cache_file(const fixture *f, const char *source, char *buf, size_t size)
{
    assert_int_equal(lines_cache_path(f->cache, f->corpus, source, buf, size), CKG_OK);
}

/* Replaces the first `from` in the file at path by `to` (or puts `to` first when from is
 * NULL), in C rather than with sed, so that valgrind, which follows the children, sees no
 * other program's leaks. */
static void edit_file(const char *path, const char *from, const char *to)
{
    size_t len, at = 0, cut = 0;
    char *data = read_all(path, &len);
    data[len] = '\0';
    if (from) {
        char *hit = strstr(data, from);
        assert_non_null(hit);
        at = (size_t)(hit - data);
        cut = strlen(from);
    }
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, at, fp), at);
    assert_int_equal(fwrite(to, 1, strlen(to), fp), strlen(to));
    assert_int_equal(fwrite(data + at + cut, 1, len - at - cut, fp), len - at - cut);
    assert_int_equal(fclose(fp), 0);
    free(data);
}

static void fix_payload_hash(char *data, size_t len)
{
    uint64_t h = hash64(data + HEADER_BYTES, len - HEADER_BYTES, 0);
    memcpy(data + PAYLOAD_HASH_AT, &h, sizeof h);
}

/* Where the entries of a cache file begin. */
static size_t entries_at(const char *data)
{
    uint32_t path_len;
    memcpy(&path_len, data + HEADER_BYTES, sizeof path_len);
    return HEADER_BYTES + 4 + path_len + 1 + STAMP_BYTES + 8;
}

/* ---------------------------------------------------------------- hits and misses */

/* Cold: one miss and one cache file per source text; warm: hits only, the files untouched;
 * the lines are the texts' (alpha.txt line 4; beta.txt's quote over lines 5 and 6). */
static void test_cold_then_warm(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    outcome r = compare(f);
    expect(r, 0, 2, 2);
    assert_int_equal(r.report.cache_errno, 0);
    assert_true(r.located > 0 && r.located == r.quotes);
    char alpha[512], beta[512];
    cache_file(f, "alpha.txt", alpha, sizeof alpha);
    cache_file(f, "beta.txt", beta, sizeof beta);
    struct stat a0, b0, a1, b1;
    assert_int_equal(stat(alpha, &a0), 0);
    assert_int_equal(stat(beta, &b0), 0);
    for (int k = 0; k < 2; k++) {
        expect(compare_from(f, (size_t)k), 2, 0, 0);
        assert_int_equal(stat(alpha, &a1), 0);
        assert_int_equal(stat(beta, &b1), 0);
        assert_true(a1.st_ino == a0.st_ino && a1.st_mtim.tv_nsec == a0.st_mtim.tv_nsec);
        assert_true(b1.st_ino == b0.st_ino && b1.st_mtim.tv_nsec == b0.st_mtim.tv_nsec);
    }
    size_t end;
    assert_int_equal(line_of(f, "alpha", "算力支撑数据要素的开发利用", &end), 4);
    assert_int_equal(end, 4);
    assert_int_equal(line_of(f, "beta", "数据要素同样支撑全要素生产率，并且持续推动全要素生产率",
                             &end), 5);
    assert_int_equal(end, 6);
    /* no temporary file is left beside them */
    assert_int_equal(run("test $(ls -A '%s' | wc -l) -eq 2", f->cache), 0);
}

/* The shipped ontology on the shipped corpus (when it is beside the checkout). */
static void test_shipped_ontology(void **state)
{
    struct stat st;
    if (stat("../shared/corpus", &st) != 0) {
        print_message("skipped: no ../shared/corpus beside the checkout\n");
        return;
    }
    fixture *f = fixture_of("ontology", "../shared/corpus");
    *state = f;
    outcome cold = compare(f);
    assert_true(cold.report.misses > 0);
    assert_int_equal(cold.report.hits, 0);
    assert_int_equal(cold.report.written, cold.report.misses);
    assert_true(cold.located > cold.quotes / 2);
    outcome warm = compare_from(f, 2);
    expect(warm, cold.report.misses, 0, 0);
}

/* Sets a file's modification time. */
static void set_mtime(const char *path, const struct timespec *t)
{
    struct timespec ts[2] = {*t, *t};
    assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

/* A corpus file with other bytes but the same size and time, then a new time only, then
 * another size: each a miss of that text alone, with the answers of the text as it is. */
static void test_changed_corpus_file_is_a_miss(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char path[256];
    snprintf(path, sizeof path, "%s/alpha.txt", f->corpus);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    /* 算力 -> 算法: three bytes for three, in place */
    edit_file(path, "算力支撑", "算法支撑");
    set_mtime(path, &before.st_mtim);
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_size, before.st_size);
    assert_true(after.st_mtim.tv_sec == before.st_mtim.tv_sec &&
                after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    outcome r = compare(f);
    expect(r, 1, 1, 1);
    size_t end;
    assert_int_equal(line_of(f, "alpha", "算力支撑数据要素的开发利用", &end), 0);
    assert_int_equal(end, 0);
    assert_int_equal(line_of(f, "alpha", "算法支撑数据要素的开发利用", &end), 4);
    expect(compare(f), 2, 0, 0);

    /* the same bytes, another time (a nanosecond later) */
    struct timespec later = after.st_mtim;
    later.tv_nsec = (later.tv_nsec + 1) % 1000000000L;
    set_mtime(path, &later);
    expect(compare(f), 1, 1, 1);
    expect(compare(f), 2, 0, 0);

    /* a line put before the quotes: every line moves down by one */
    edit_file(path, NULL, "新加的一行。\n");
    expect(compare(f), 1, 1, 1);
    assert_int_equal(line_of(f, "alpha", "算法支撑数据要素的开发利用", &end), 5);
    assert_int_equal(end, 5);
}

/* A quote edited in the ontology is not in the cache file: its text is a miss, built again
 * with the ontology's quotes as they are now, and the next run hits. */
static void test_changed_quote_is_a_miss(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char yaml[256];
    snprintf(yaml, sizeof yaml, "%s/papers/alpha.yaml", f->onto);
    edit_file(yaml, "quote: 创新还催生全要素生产率的跃升", "quote: 创新还催生全要素");
    load_ontology(f);
    outcome r = compare(f);
    expect(r, 1, 1, 1); /* beta hit; alpha read, lacked the quote, built again */
    expect(compare(f), 2, 0, 0);
    size_t end;
    assert_int_equal(line_of(f, "alpha", "创新还催生全要素", &end), 10);

    /* a quote that is in no paper (not the ontology's): found as query_quote_line finds it,
     * and kept for the next run */
    lines_cache_report rep;
    assert_int_equal(line_of_reporting(f, "alpha", "数字平台支撑数字", &end, &rep), 11);
    assert_true(rep.hits == 0 && rep.misses == 1 && rep.written == 1);
    assert_int_equal(line_of_reporting(f, "alpha", "数字平台支撑数字", &end, &rep), 11);
    assert_true(rep.hits == 1 && rep.misses == 0 && rep.written == 0);
    expect(compare(f), 2, 0, 0);
}

/* An entry whose quote's bytes differ from the one asked but whose hash is the one asked's
 * (its hash field kept, the payload's hash fixed up): the bytes decide, so it is no answer,
 * and the text is built again. */
static void test_quote_compared_by_its_bytes(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char path[512];
    cache_file(f, "alpha.txt", path, sizeof path);
    size_t len;
    char *data = read_all(path, &len);
    uint32_t n;
    size_t at = entries_at(data);
    memcpy(&n, data + at - 8, sizeof n);
    assert_true(n > 1);
    size_t quotes_at = at + (size_t)n * ENTRY_BYTES;
    for (uint32_t i = 0; i < n; i++) { /* every quote's first byte changed, lines kept */
        uint32_t off;
        memcpy(&off, data + at + (size_t)i * ENTRY_BYTES + 24, sizeof off);
        data[quotes_at + off] ^= 0x01;
    }
    fix_payload_hash(data, len);
    write_all(path, data, len);
    outcome r = compare(f);
    expect(r, 1, 1, 1);
    size_t now_len;
    char *now = read_all(path, &now_len);
    assert_int_equal(now_len, len);
    assert_memory_not_equal(now, data, len); /* written anew */
    free(now);
    free(data);
    expect(compare(f), 2, 0, 0);
}

/* ---------------------------------------------------------------- broken cache files */

/* A cache file cut anywhere is ignored (a miss, the same answers) and written anew, byte for
 * byte as before. */
static void test_truncated_cache_is_ignored(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char path[512];
    cache_file(f, "beta.txt", path, sizeof path);
    size_t len;
    char *good = read_all(path, &len);
    for (size_t cut = 0; cut < len; cut += cut < HEADER_BYTES + 80 ? 7 : 61) {
        write_all(path, good, cut);
        expect(compare_from(f, 1), 1, 1, 1);
        size_t now_len;
        char *now = read_all(path, &now_len);
        assert_int_equal(now_len, len);
        assert_memory_equal(now, good, len);
        free(now);
    }
    free(good);
}

/* A flipped bit in the header or anywhere in the payload is caught. */
static void test_flipped_bytes_are_caught(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char path[512];
    cache_file(f, "alpha.txt", path, sizeof path);
    size_t len;
    char *good = read_all(path, &len);
    char *bad = malloc(len);
    assert_non_null(bad);
    size_t step = ((len - HEADER_BYTES) / 96) | 1;
    for (size_t at = 0; at < len; at += at < HEADER_BYTES ? 1 : step) {
        memcpy(bad, good, len);
        bad[at] ^= (char)(1u << (at % 8));
        write_all(path, bad, len);
        expect(compare(f), 1, 1, 1);
    }
    free(bad);
    free(good);
}

/* Bytes changed and the payload's hash made to match: only the reader's own checks stand
 * between them and the answers. Lookups never read out of bounds (ASan and valgrind run
 * this) and give some line or pass the quote on; a refused file is replaced. */
static void test_crafted_cache_is_read_within_bounds(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char path[512];
    cache_file(f, "beta.txt", path, sizeof path);
    size_t len;
    char *good = read_all(path, &len);
    char *bad = malloc(len);
    assert_non_null(bad);
    static const unsigned char values[] = {0x00, 0x01, 0x7f, 0x80, 0xff};
    int32_t beta = strmap_get(&f->o->paper_by_id, "beta");
    const ckg_paper *p = &f->o->papers[beta];
    size_t refused = 0;
    srand(18);
    for (size_t k = 0; k < 300; k++) {
        size_t at = HEADER_BYTES + (size_t)rand() % (len - HEADER_BYTES);
        memcpy(bad, good, len);
        bad[at] = (char)values[k % sizeof values];
        if (k % 3 == 0 && at + 4 <= len) /* a length, count or offset made huge */
            memset(bad + (at & ~(size_t)3), 0xff, 3);
        fix_payload_hash(bad, len);
        write_all(path, bad, len);
        query_lines l;
        query_lines_init(&l, f->o, f->corpus);
        query_lines_cache_in(&l, f->cache);
        for (size_t r = 0; r < p->n_relations; r++) {
            for (size_t i = 0; i < p->relations[r].evidence.n; i++) {
                size_t line, end;
                query_lines_get(&l, beta, &p->relations[r].evidence.items[i], &line, &end);
                assert_true(end >= line);
            }
        }
        assert_non_null(l.cache);
        refused += lines_cache_report_of(l.cache)->misses;
        query_lines_free(&l);
    }
    assert_true(refused > 0);
    free(bad);
    free(good);
}

/* A whole cache file of another schema, format or byte order is not used, and is replaced
 * by this code's. */
static void test_another_schema_format_or_order_is_not_used(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char path[512];
    cache_file(f, "alpha.txt", path, sizeof path);
    size_t len;
    char *good = read_all(path, &len);
    char *bad = malloc(len);
    assert_non_null(bad);
    for (int k = 0; k < 4; k++) {
        memcpy(bad, good, len);
        if (k == 0) {
            memset(bad + SCHEMA_AT, 0, SCHEMA_BYTES);
            memcpy(bad + SCHEMA_AT, "1234567890-utf8proc-2.9.0", 25);
        } else if (k == 1) {
            bad[SCHEMA_AT + strlen(good + SCHEMA_AT) - 1] ^= 1;
        } else if (k == 2) {
            uint32_t format;
            memcpy(&format, bad + FORMAT_AT, sizeof format);
            format++;
            memcpy(bad + FORMAT_AT, &format, sizeof format);
        } else {
            uint32_t order = 0x04030201;
            memcpy(bad + ORDER_AT, &order, sizeof order);
        }
        uint64_t h;
        memcpy(&h, bad + PAYLOAD_HASH_AT, sizeof h);
        assert_true(h == hash64(bad + HEADER_BYTES, len - HEADER_BYTES, 0));
        write_all(path, bad, len);
        expect(compare(f), 1, 1, 1);
        size_t now_len;
        char *now = read_all(path, &now_len);
        assert_int_equal(now_len, len);
        assert_memory_equal(now, good, len);
        free(now);
    }
    free(bad);
    free(good);
}

/* Another corpus folder's cache file copied over this one's (the path differs): refused. */
static void test_another_texts_cache_is_not_used(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    expect(compare(f), 0, 2, 2);
    char alpha[512], beta[512];
    cache_file(f, "alpha.txt", alpha, sizeof alpha);
    cache_file(f, "beta.txt", beta, sizeof beta);
    assert_int_equal(run("cp '%s' '%s'", alpha, beta), 0);
    expect(compare(f), 1, 1, 1);
}

/* ---------------------------------------------------------------- what costs only the cache */

/* A cache folder that cannot be made (a file in the way) or written: the same answers, every
 * run a miss, the report says why nothing was kept. */
static void test_unwritable_cache_folder(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    char blocked[256];
    snprintf(blocked, sizeof blocked, "%s/cache", f->root);
    write_all(blocked, "not a folder", 12);
    for (int k = 0; k < 2; k++) {
        outcome r = compare(f);
        expect(r, 0, 2, 0);
        assert_int_equal(r.report.cache_errno, ENOTDIR);
        assert_true(r.located == r.quotes);
    }
    unlink(blocked);
    if (geteuid() != 0) { /* root writes into a read-only folder all the same */
        assert_int_equal(run("mkdir -p '%s' && chmod 555 '%s'", f->cache, f->cache), 0);
        outcome r = compare(f);
        expect(r, 0, 2, 0);
        assert_int_equal(r.report.cache_errno, EACCES);
    }
}

/* Sources that cannot be read (missing, not UTF-8, a folder) or named with a path are passed
 * on: their diagnostics and unlocated counts are corpus_doc's, cold and warm. */
static void test_unreadable_sources_are_passed_on(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    assert_int_equal(run("rm '%s/beta.txt'", f->corpus), 0);
    outcome r = compare(f);
    expect(r, 0, 1, 1);
    assert_int_equal(r.report.bypassed, 1);
    expect(compare_from(f, 1), 1, 0, 0);

    char path[256];
    snprintf(path, sizeof path, "%s/beta.txt", f->corpus);
    write_all(path, "a\377b\n", 4);
    r = compare_from(f, 1);
    assert_int_equal(r.report.bypassed, 1);
    assert_int_equal(r.report.written, 0);

    assert_int_equal(run("rm '%s/beta.txt' && mkdir '%s/beta.txt'", f->corpus, f->corpus), 0);
    compare(f);

    snprintf(path, sizeof path, "%s/papers/beta.yaml", f->onto);
    edit_file(path, "source: beta.txt", "source: sub/beta.txt");
    load_ontology(f);
    r = compare_from(f, 1);
    assert_int_equal(r.report.hits, 1);

    /* no corpus folder at all: no cache is made */
    snprintf(f->corpus, sizeof f->corpus, "%s/nowhere", f->root);
    r = compare(f);
    expect(r, 0, 0, 0);
}

/* No cache folder (CKG_CACHE=0): nothing is made. */
static void test_no_cache_folder(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    query_lines l;
    query_lines_init(&l, f->o, f->corpus);
    query_lines_cache_in(&l, NULL);
    size_t line, end;
    query_lines_get(&l, 0, &f->o->papers[0].relations[0].evidence.items[0], &line, &end);
    assert_true(line > 0);
    assert_null(l.cache);
    query_lines_free(&l);
    struct stat st;
    assert_int_not_equal(stat(f->cache, &st), 0);
}

/* ---------------------------------------------------------------- concurrency */

/* Six processes ask every quote at once, four times each, while one removes the cache files
 * under them: every answer equals a plain one, and what is left is one whole file per text
 * and no temporary file. */
static void test_concurrent_runs(void **state)
{
    fixture *f = fixture_of("tests/fixtures/query", "tests/fixtures/query/corpus");
    *state = f;
    enum { WORKERS = 6, ROUNDS = 4 };
    pid_t pids[WORKERS];
    fflush(NULL);
    for (int w = 0; w < WORKERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            int ok = 1;
            for (int k = 0; k < ROUNDS && ok; k++) {
                if (w == 0 && k % 2 == 1)
                    run("rm -f '%s'/lines-*.cache", f->cache);
                query_lines a, b;
                query_lines_init(&a, f->o, f->corpus);
                query_lines_init(&b, f->o, f->corpus);
                query_lines_cache_in(&b, f->cache);
                for (size_t pi = 0; pi < f->o->n_papers; pi++) {
                    const ckg_paper *p = &f->o->papers[pi];
                    for (size_t r = 0; r < p->n_relations; r++) {
                        const ckg_evidences *ev = &p->relations[r].evidence;
                        for (size_t i = 0; i < ev->n; i++) {
                            size_t la, ea, lb, eb;
                            query_lines_get(&a, (int32_t)pi, &ev->items[i], &la, &ea);
                            query_lines_get(&b, (int32_t)pi, &ev->items[i], &lb, &eb);
                            ok = ok && la == lb && ea == eb;
                        }
                    }
                }
                ok = ok && a.unlocated == b.unlocated;
                query_lines_free(&a);
                query_lines_free(&b);
            }
            _exit(ok ? 0 : 1);
        }
    }
    for (int w = 0; w < WORKERS; w++) {
        int status;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    outcome r = compare(f);
    assert_int_equal(r.report.hits + r.report.misses, 2);
    expect(compare(f), 2, 0, 0);
    DIR *d = opendir(f->cache);
    assert_non_null(d);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        assert_null(strstr(e->d_name, ".lines-")); /* no temporary file left */
        files++;
    }
    closedir(d);
    assert_int_equal(files, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_cold_then_warm, teardown),
        cmocka_unit_test_teardown(test_shipped_ontology, teardown),
        cmocka_unit_test_teardown(test_changed_corpus_file_is_a_miss, teardown),
        cmocka_unit_test_teardown(test_changed_quote_is_a_miss, teardown),
        cmocka_unit_test_teardown(test_quote_compared_by_its_bytes, teardown),
        cmocka_unit_test_teardown(test_truncated_cache_is_ignored, teardown),
        cmocka_unit_test_teardown(test_flipped_bytes_are_caught, teardown),
        cmocka_unit_test_teardown(test_crafted_cache_is_read_within_bounds, teardown),
        cmocka_unit_test_teardown(test_another_schema_format_or_order_is_not_used, teardown),
        cmocka_unit_test_teardown(test_another_texts_cache_is_not_used, teardown),
        cmocka_unit_test_teardown(test_unwritable_cache_folder, teardown),
        cmocka_unit_test_teardown(test_unreadable_sources_are_passed_on, teardown),
        cmocka_unit_test_teardown(test_no_cache_folder, teardown),
        cmocka_unit_test_teardown(test_concurrent_runs, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
