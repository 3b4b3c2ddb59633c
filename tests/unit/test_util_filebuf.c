/* test_util_filebuf.c — reading a regular file whole (src/util/filebuf.h): read or mapped,
 * empty files, and every refusal with its errno: missing, folder, FIFO (at once, with no
 * writer), device, larger than the bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ckg/status.h"
#include "util/filebuf.h"

typedef struct dir {
    char path[64];
} dir;

static int setup(void **state)
{
    dir *d = malloc(sizeof *d);
    snprintf(d->path, sizeof d->path, "/tmp/ckg-test-filebuf-XXXXXX");
    if (!mkdtemp(d->path))
        return -1;
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    dir *d = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->path);
    int rc = system(cmd);
    free(d);
    return rc;
}

/* dir/name holding len bytes of text; returns the path (static). */
static const char *file_with(const dir *d, const char *name, const char *text, size_t len)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", d->path, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    return path;
}

static void test_reads_a_file_whole_with_a_nul(void **state)
{
    const char *p = file_with(*state, "a.yaml", "id: x\n数据\n", 13);
    filebuf fb;
    int err = -1;
    assert_int_equal(filebuf_read(p, 1000, 0, &fb, &err), CKG_OK);
    assert_int_equal(err, 0);
    assert_int_equal(fb.len, 13);
    assert_false(fb.mapped);
    assert_string_equal(fb.data, "id: x\n数据\n");
    filebuf_free(&fb);
    assert_null(fb.data);
}

static void test_maps_a_file_on_request(void **state)
{
    const char *p = file_with(*state, "t.txt", "mapped text", 11);
    filebuf fb;
    int err;
    assert_int_equal(filebuf_read(p, 1000, FILEBUF_MAP, &fb, &err), CKG_OK);
    assert_true(fb.mapped);
    assert_int_equal(fb.len, 11);
    assert_memory_equal(fb.data, "mapped text", 11);
    filebuf_free(&fb);
    assert_false(fb.mapped);
}

/* An empty file cannot be mapped: it is read, as an empty string. */
static void test_empty_file_is_an_empty_string(void **state)
{
    const char *p = file_with(*state, "empty", "", 0);
    filebuf fb;
    int err;
    for (unsigned flags = 0; flags <= FILEBUF_MAP; flags += FILEBUF_MAP) {
        assert_int_equal(filebuf_read(p, 1000, flags, &fb, &err), CKG_OK);
        assert_false(fb.mapped);
        assert_int_equal(fb.len, 0);
        assert_string_equal(fb.data, "");
        filebuf_free(&fb);
    }
}

static void test_missing_file_reports_enoent(void **state)
{
    dir *d = *state;
    char p[128];
    snprintf(p, sizeof p, "%s/nowhere.yaml", d->path);
    filebuf fb;
    int err;
    assert_int_equal(filebuf_read(p, 1000, 0, &fb, &err), CKG_EIO);
    assert_int_equal(err, ENOENT);
    assert_null(fb.data);
}

static void test_folder_reports_eisdir(void **state)
{
    dir *d = *state;
    filebuf fb;
    int err;
    assert_int_equal(filebuf_read(d->path, 1000, FILEBUF_MAP, &fb, &err), CKG_EIO);
    assert_int_equal(err, EISDIR);
    assert_string_equal(filebuf_strerror(err), strerror(EISDIR));
}

/* A FIFO without a writer: a blocking open would wait forever; it is refused at once. */
static void test_fifo_is_refused_without_waiting(void **state)
{
    dir *d = *state;
    char p[128];
    snprintf(p, sizeof p, "%s/pipe.yaml", d->path);
    assert_int_equal(mkfifo(p, 0600), 0);
    filebuf fb;
    int err;
    alarm(10); /* a hang fails the test instead of the whole run waiting */
    assert_int_equal(filebuf_read(p, 1000, 0, &fb, &err), CKG_EIO);
    alarm(0);
    assert_int_equal(err, EINVAL);
    assert_string_equal(filebuf_strerror(err), "not a regular file");
}

/* /dev/zero would never end, /dev/null is no file: both refused. */
static void test_devices_are_refused(void **state)
{
    (void)state;
    filebuf fb;
    int err;
    assert_int_equal(filebuf_read("/dev/zero", SIZE_MAX, 0, &fb, &err), CKG_EIO);
    assert_int_equal(err, EINVAL);
    assert_int_equal(filebuf_read("/dev/null", SIZE_MAX, FILEBUF_MAP, &fb, &err), CKG_EIO);
    assert_int_equal(err, EINVAL);
}

/* A link to a regular file is read through; a link to nowhere is missing. */
static void test_links_are_followed(void **state)
{
    dir *d = *state;
    const char *p = file_with(d, "target.txt", "linked", 6);
    char target[128], link[128], dangling[128];
    snprintf(target, sizeof target, "%s", p);
    snprintf(link, sizeof link, "%s/link.txt", d->path);
    snprintf(dangling, sizeof dangling, "%s/dangling.txt", d->path);
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(symlink("/nonexistent/ckg", dangling), 0);
    filebuf fb;
    int err;
    assert_int_equal(filebuf_read(link, 100, 0, &fb, &err), CKG_OK);
    assert_string_equal(fb.data, "linked");
    filebuf_free(&fb);
    assert_int_equal(filebuf_read(dangling, 100, 0, &fb, &err), CKG_EIO);
    assert_int_equal(err, ENOENT);
}

static void test_file_over_the_bound_reports_efbig(void **state)
{
    const char *p = file_with(*state, "big", "0123456789", 10);
    filebuf fb;
    int err;
    assert_int_equal(filebuf_read(p, 9, 0, &fb, &err), CKG_EIO);
    assert_int_equal(err, EFBIG);
    assert_null(fb.data);
    assert_int_equal(filebuf_read(p, 10, 0, &fb, &err), CKG_OK); /* the bound itself is fine */
    filebuf_free(&fb);
}

static void test_unreadable_file_reports_eacces(void **state)
{
    if (geteuid() == 0)
        skip(); /* root reads it anyway */
    const char *p = file_with(*state, "secret", "x", 1);
    assert_int_equal(chmod(p, 0), 0);
    filebuf fb;
    int err;
    assert_int_equal(filebuf_read(p, 100, 0, &fb, &err), CKG_EIO);
    assert_int_equal(err, EACCES);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reads_a_file_whole_with_a_nul, setup, teardown),
        cmocka_unit_test_setup_teardown(test_maps_a_file_on_request, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_file_is_an_empty_string, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file_reports_enoent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folder_reports_eisdir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fifo_is_refused_without_waiting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_devices_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_links_are_followed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_over_the_bound_reports_efbig, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_file_reports_eacces, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
