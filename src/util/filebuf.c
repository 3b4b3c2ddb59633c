/* filebuf.c — filebuf_read (filebuf.h): open without blocking, fstat, refuse what is not a
 * regular file or is too large, then map or read. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open, fstat, mmap */
#endif
#include "util/filebuf.h"

#include "ckg/status.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads size bytes of fd into a new buffer with a NUL after them. */
static int read_all(int fd, size_t size, filebuf *out, int *err)
{
    char *data = malloc(size + 1);
    size_t got = 0;
    if (!data) {
        *err = ENOMEM;
        return CKG_ENOMEM;
    }
    while (got < size) {
        ssize_t n = read(fd, data + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) { /* an error, or the file shrank while being read */
            *err = n < 0 ? errno : EIO;
            free(data);
            return CKG_EIO;
        }
        got += (size_t)n;
    }
    data[size] = '\0';
    out->data = data;
    out->len = size;
    return CKG_OK;
}

int filebuf_read(const char *path, size_t max_bytes, unsigned flags, filebuf *out, int *err)
{
    int rc = CKG_EIO;
    struct stat st;
    memset(out, 0, sizeof *out);
    *err = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *err = errno;
        return CKG_EIO;
    }
    if (fstat(fd, &st) != 0) {
        *err = errno;
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        goto out;
    }
    if (st.st_size < 0 || (uintmax_t)st.st_size > max_bytes ||
        (uintmax_t)st.st_size >= SIZE_MAX) {
        *err = EFBIG;
        goto out;
    }
    size_t size = (size_t)st.st_size;
    if ((flags & FILEBUF_MAP) && size > 0) {
        void *m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            out->data = m;
            out->len = size;
            out->mapped = 1;
            rc = CKG_OK;
            goto out;
        }
    }
    rc = read_all(fd, size, out, err);
out:
    if (rc == CKG_OK) {
        out->mtime_sec = (long long)st.st_mtim.tv_sec;
        out->mtime_nsec = (long)st.st_mtim.tv_nsec;
    }
    close(fd);
    return rc;
}

void filebuf_free(filebuf *f)
{
    if (f->mapped)
        munmap(f->data, f->len);
    else
        free(f->data);
    memset(f, 0, sizeof *f);
}

const char *filebuf_strerror(int err)
{
    return err == EINVAL ? "not a regular file" : strerror(err);
}
