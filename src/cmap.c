/* cmap.c — reading a student's map: the file read whole by filebuf_read (a regular file only,
 * FIFOs and devices refused before a byte is read, bounded in size) and handed to the reader
 * its content calls for (cxl.c or mapcsv.c, which build it with cmap_build.c). */
#include "cmap_internal.h"
#include "ckg/status.h"
#include "util/filebuf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    filebuf fb;
    int err;
    struct stat st;
    *out = NULL;
    int rc = filebuf_read(path, CMAP_MAX_BYTES, 0, &fb, &err);
    if (rc == CKG_EIO) {
        if (err == EFBIG && stat(path, &st) == 0)
            diag_add(diags, DIAG_ERROR, &at, "the map is %lld bytes; maps over %d MiB are refused",
                     (long long)st.st_size, CMAP_MAX_BYTES >> 20);
        else if (err == EISDIR || err == EINVAL)
            diag_add(diags, DIAG_ERROR, &at, "not a regular file%s",
                     err == EISDIR ? " (a folder)" : "");
        else
            diag_add(diags, DIAG_ERROR, &at, "cannot read the map: %s", filebuf_strerror(err));
    }
    if (rc != CKG_OK)
        return rc;
    rc = cmap_read_buffer(path, fb.data, fb.len, diags, out);
    filebuf_free(&fb);
    return rc;
}
