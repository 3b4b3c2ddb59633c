/* filebuf.h — reading a regular file whole, the one way the library reads its inputs (the
 * ontology's YAML files, the corpus's source texts) and the CLI reads a file back to quote a
 * diagnostic's line.
 *
 * Only a regular file is read. The file is opened without blocking (O_NONBLOCK) and checked
 * with fstat before a byte is read, so a FIFO where a file should be is refused at once
 * rather than waited on, and a device such as /dev/zero is refused rather than read
 * forever. A file larger than the caller's bound is refused before anything is allocated. */
#ifndef CKG_UTIL_FILEBUF_H
#define CKG_UTIL_FILEBUF_H

#include <stddef.h>

typedef struct filebuf {
    char *data;  /* the bytes; NUL-terminated unless mapped */
    size_t len;
    int mapped;  /* data is a read-only private mapping (FILEBUF_MAP), not malloc'd */
    /* the file's modification time as fstat gave it before the bytes were read (what the
     * cache of parsed ontologies records of its sources) */
    long long mtime_sec;
    long mtime_nsec;
} filebuf;

enum {
    /* Map a non-empty file (mmap, read-only, private) instead of copying it, falling back
     * to reading when mapping fails: for files kept in memory a long time. */
    FILEBUF_MAP = 1,
};

/* Reads the regular file at path whole into *out (zeroed first). Returns CKG_OK; CKG_ENOMEM;
 * or CKG_EIO with *err set to why: the errno of open, fstat or read (ENOENT, EACCES, ...),
 * EISDIR for a folder, EINVAL for anything else that is not a regular file (a FIFO, a device,
 * a socket), EFBIG for a file of more than max_bytes, EIO for a file that shrank while it
 * was read. *err is 0 on success and ENOMEM with CKG_ENOMEM. */
int filebuf_read(const char *path, size_t max_bytes, unsigned flags, filebuf *out, int *err);

/* Releases what filebuf_read gave (unmapping or freeing) and zeroes f. */
void filebuf_free(filebuf *f);

/* The reason of an *err of filebuf_read in words: "not a regular file" for EINVAL, else
 * strerror's. */
const char *filebuf_strerror(int err);

#endif
