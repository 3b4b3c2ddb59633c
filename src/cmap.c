/* cmap.c — reading a student's map: the file read whole (a regular file, bounded in size),
 * its format told from its content, and the map under construction the readers share. */
#include "cmap_internal.h"
#include "ckg/status.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cmap_begin(cmap_builder *b, const char *name, const char *format)
{
    b->cap = 0;
    if (!(b->m = calloc(1, sizeof *b->m)))
        return CKG_ENOMEM;
    b->m->format = format;
    if (!(b->m->file = arena_strdup(&b->m->mem, name))) {
        cmap_abandon(b);
        return CKG_ENOMEM;
    }
    return CKG_OK;
}

int cmap_add(cmap_builder *b, const char *from, const char *phrase, const char *to,
             uint32_t line, uint32_t col)
{
    cmap *m = b->m;
    if (m->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 16;
        cmap_prop *p = realloc(m->props, cap * sizeof *p);
        if (!p)
            return CKG_ENOMEM;
        m->props = p;
        b->cap = cap;
    }
    cmap_prop *p = &m->props[m->n];
    if (!(p->from = arena_strdup(&m->mem, from)) ||
        !(p->phrase = arena_strdup(&m->mem, phrase ? phrase : "")) ||
        !(p->to = arena_strdup(&m->mem, to)))
        return CKG_ENOMEM;
    p->loc = (ckg_loc){m->file, line, col};
    m->n++;
    return CKG_OK;
}

void cmap_abandon(cmap_builder *b)
{
    cmap_free(b->m);
    b->m = NULL;
}

void cmap_free(cmap *m)
{
    if (!m)
        return;
    free(m->props);
    free(m->isolated);
    arena_free(&m->mem);
    free(m);
}

int cmap_read_buffer(const char *name, const char *data, size_t len, diag_list *diags,
                     cmap **out)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < len && data[i] == '<')
        return cmap_read_cxl(name, data, len, diags, out);
    return cmap_read_csv(name, data, len, diags, out);
}

int cmap_read(const char *path, diag_list *diags, cmap **out)
{
    ckg_loc at = {path, 0, 0};
    char *buf = NULL;
    int rc = CKG_EIO;
    *out = NULL;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        diag_add(diags, DIAG_ERROR, &at, "cannot read the map: %s", strerror(errno));
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, &at, "not a regular file%s",
                 S_ISDIR(st.st_mode) ? " (a folder)" : "");
        goto out;
    }
    if (st.st_size > CMAP_MAX_BYTES) {
        diag_add(diags, DIAG_ERROR, &at, "the map is %lld bytes; maps over %d MiB are refused",
                 (long long)st.st_size, CMAP_MAX_BYTES >> 20);
        goto out;
    }
    size_t size = (size_t)st.st_size, got = 0;
    if (!(buf = malloc(size + 1))) {
        rc = CKG_ENOMEM;
        goto out;
    }
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            diag_add(diags, DIAG_ERROR, &at, "cannot read the map: %s",
                     n < 0 ? strerror(errno) : "the file shrank while read");
            goto out;
        }
        got += (size_t)n;
    }
    buf[size] = '\0';
    rc = cmap_read_buffer(path, buf, size, diags, out);
out:
    if (fd >= 0)
        close(fd);
    free(buf);
    return rc;
}
