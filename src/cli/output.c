/* output.c — output files written whole or not at all, and concepts named on the command
 * line.
 *
 * cli_write_atomic writes to a temporary file in the target's folder and renames it over the
 * target, so a reader (a browser reloading a map, make comparing output/) never sees a
 * half-written file, and a failed write leaves the old file in place. */
#include "ckg/names.h"
#include "ckg/status.h"
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_write_atomic(const cli *c, const char *command, const char *path, const void *data,
                     size_t len)
{
    int code = EXIT_IO, fd = -1;
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        fprintf(stderr, "%s %s: out of memory\n", c->program, command);
        return EXIT_INVALID;
    }
    /* "dir/.name.XXXXXX": same folder (rename stays on one file system), hidden */
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(tmp, path, dir);
    snprintf(tmp + dir, plen - dir + 16, ".%s.XXXXXX", path + dir);
    if ((fd = mkstemp(tmp)) < 0) {
        fprintf(stderr, "%s %s: cannot write '%s': %s\n", c->program, command, path,
                strerror(errno));
        goto out;
    }
    mode_t mask = umask(0);
    umask(mask);
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            goto fail;
        p += n;
        left -= (size_t)n;
    }
    if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) != 0)
        goto fail;
    code = EXIT_OK;
    goto out;
fail:
    fprintf(stderr, "%s %s: cannot write '%s': %s\n", c->program, command, path, strerror(errno));
    if (fd >= 0)
        close(fd);
    unlink(tmp);
out:
    free(tmp);
    return code;
}

int cli_resolve_concept(const cli *c, const char *command, const ckg_ontology *o,
                        const char *name, int32_t *out)
{
    names_index *ix = NULL;
    names_result r;
    if (names_build(o, &ix) != CKG_OK || names_resolve(ix, name, &r) != CKG_OK) {
        names_free(ix);
        fprintf(stderr, "%s %s: out of memory\n", c->program, command);
        return EXIT_INVALID;
    }
    names_free(ix);
    switch (r.verdict) {
    case NAMES_FOUND:
        *out = r.concepts[0];
        return EXIT_OK;
    case NAMES_AMBIGUOUS:
        fprintf(stderr, "%s %s: '%s' names %zu concepts; say which by id:\n", c->program,
                command, name, r.n);
        for (size_t i = 0; i < r.n; i++) {
            const ckg_concept *cc = &o->concepts[r.concepts[i]];
            fprintf(stderr, "  %s  %s (%s)\n", cc->id.s, cc->zh.s, cc->en.s);
        }
        return EXIT_INVALID;
    case NAMES_UNKNOWN:
        break;
    }
    fprintf(stderr, "%s %s: unknown concept '%s'", c->program, command, name);
    for (size_t i = 0; i < r.n_suggestions; i++)
        fprintf(stderr, "%s'%s'", i ? ", " : " (did you mean ", r.suggestions[i]);
    fprintf(stderr, "%s\n", r.n_suggestions ? "?)" : "");
    return EXIT_INVALID;
}
