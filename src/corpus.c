/* corpus.c — source texts by file name, loaded lazily and cached. */
#include "ckg/corpus.h"
#include "ckg/status.h"
#include "ckg/strmap.h"
#include "util/array.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct entry {
    char *name;
    text_doc *doc; /* NULL when loading failed or the document was released */
    int status;
} entry;

struct corpus {
    char *dir;
    entry *entries;
    size_t n, cap;
    strmap by_name; /* name -> index in entries */
};

int corpus_open(const char *dir, diag_list *diags, corpus **out)
{
    *out = NULL;
    struct stat st;
    int err = stat(dir, &st) != 0 ? errno : !S_ISDIR(st.st_mode) ? ENOTDIR : 0;
    if (err) {
        diag_add(diags, DIAG_ERROR, NULL, "cannot open the corpus folder '%s': %s", dir,
                 strerror(err));
        return CKG_EIO;
    }
    corpus *c = calloc(1, sizeof *c);
    if (!c || !(c->dir = strdup(dir))) {
        free(c);
        return CKG_ENOMEM;
    }
    strmap_init(&c->by_name);
    *out = c;
    return CKG_OK;
}

const char *corpus_dir(const corpus *c)
{
    return c->dir;
}

static int valid_name(const char *name)
{
    return *name && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static int load(corpus *c, const char *source, text_doc **doc, diag_list *diags,
                const ckg_loc *where)
{
    if (!valid_name(source)) {
        diag_add(diags, DIAG_ERROR, where,
                 "source '%s' must be a file name in the corpus folder, without a path", source);
        return CKG_EINVALID;
    }
    size_t n = strlen(c->dir) + strlen(source) + 2;
    char *path = malloc(n);
    if (!path)
        return CKG_ENOMEM;
    snprintf(path, n, "%s/%s", c->dir, source);
    /* text_doc_load reads only regular files: a FIFO would block the run and a device like
     * /dev/zero would never end, so both are refused (EINVAL) without being read. */
    text_error err = {0};
    int rc = text_doc_load(path, 0, doc, &err);
    free(path);
    switch (rc) {
    case TEXT_OK:
        return CKG_OK;
    case TEXT_ENOMEM:
        return CKG_ENOMEM;
    case TEXT_EUTF8:
        diag_add(diags, DIAG_ERROR, where,
                 "source file '%s' is not valid UTF-8 (line %zu, column %zu, byte %zu)", source,
                 err.line, err.col, err.offset);
        return CKG_EINVALID;
    default:
        if (rc == TEXT_EIO && err.sys_errno == EINVAL) {
            diag_add(diags, DIAG_ERROR, where, "source file '%s' in '%s' is not a regular file",
                     source, c->dir);
            return CKG_EIO;
        }
        if (err.sys_errno == ENOENT) {
            diag_add(diags, DIAG_ERROR, where,
                     "source file '%s' not found in the corpus folder '%s'", source, c->dir);
            return CKG_ENOTFOUND;
        }
        diag_add(diags, DIAG_ERROR, where, "cannot read source file '%s' in '%s': %s", source,
                 c->dir, err.sys_errno ? strerror(err.sys_errno) : text_strerror(rc));
        return CKG_EIO;
    }
}

int corpus_doc(corpus *c, const char *source, const text_doc **doc, diag_list *diags,
               const ckg_loc *where)
{
    *doc = NULL;
    int32_t i = strmap_get(&c->by_name, source);
    if (i >= 0) {
        entry *e = &c->entries[i];
        if (e->status == CKG_OK && !e->doc) /* released: load it again */
            e->status = load(c, source, &e->doc, diags, where);
        *doc = e->doc;
        return e->status;
    }
    if (ARRAY_GROW(c->entries, c->cap, c->n + 1) != CKG_OK)
        return CKG_ENOMEM;
    entry *e = &c->entries[c->n];
    if (!(e->name = strdup(source)))
        return CKG_ENOMEM;
    e->doc = NULL;
    e->status = load(c, source, &e->doc, diags, where);
    if (e->status == CKG_ENOMEM || strmap_put(&c->by_name, e->name, (int32_t)c->n, NULL) != CKG_OK) {
        text_doc_free(e->doc);
        free(e->name);
        return CKG_ENOMEM;
    }
    c->n++;
    *doc = e->doc;
    return e->status;
}

void corpus_release(corpus *c, const char *source)
{
    int32_t i = strmap_get(&c->by_name, source);
    if (i >= 0) {
        text_doc_free(c->entries[i].doc);
        c->entries[i].doc = NULL;
    }
}

void corpus_free(corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->entries[i].name);
        text_doc_free(c->entries[i].doc);
    }
    free(c->entries);
    strmap_free(&c->by_name);
    free(c->dir);
    free(c);
}
