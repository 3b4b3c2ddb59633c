/* outfile.c — where a command's results go: stdout, or a file written whole or not at all.
 *
 * A file is written to a temporary sibling (same folder, so rename is atomic) and renamed
 * over the target only once everything was written and flushed; on any failure the
 * temporary is removed and the target is left as it was. A symbolic link is followed: the
 * temporary goes beside the file it names, which is replaced, and the link stays. A target
 * that is neither a regular file nor a folder (/dev/null, /dev/stdout on a pipe, a FIFO)
 * is written to as it is: renaming over it would put a regular file in the place of the
 * device (as root, of /dev/null itself). */
#include "ckg/status.h"
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cannot_write(const cli *c, const char *command, const char *path, int err)
{
    fprintf(stderr, "%s %s: cannot write '%s': %s\n", c->program, command, path, strerror(err));
    return EXIT_IO;
}

/* The file a rename must replace for path: the file a symbolic link names, else path
 * (malloc'd; NULL when out of memory). */
static char *rename_target(const char *path)
{
    struct stat st;
    char *real = NULL;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        real = realpath(path, NULL);
    return real ? real : strdup(path);
}

int cli_output_open(const cli *c, const char *command, const char *path, cli_output *out)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->f = stdout;
        return EXIT_OK;
    }
    const char *slash = strrchr(path, '/');
    if (!*(slash ? slash + 1 : path)) {
        fprintf(stderr, "%s %s: '%s' names a folder, not a file\n", c->program, command, path);
        return EXIT_USAGE;
    }
    out->path = path;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        /* a device or a FIFO: written as it is */
        if (!(out->f = fopen(path, "w")))
            return cannot_write(c, command, path, errno);
        return EXIT_OK;
    }
    if (!(out->target = rename_target(path)))
        return cli_status_error(c, command, CKG_ENOMEM);
    slash = strrchr(out->target, '/');
    size_t dir_len = slash ? (size_t)(slash - out->target) + 1 : 0;
    const char *base = out->target + dir_len;
    size_t size = dir_len + strlen(base) + 16;
    if (!(out->tmp = malloc(size))) {
        free(out->target);
        out->target = NULL;
        return cli_status_error(c, command, CKG_ENOMEM);
    }
    snprintf(out->tmp, size, "%.*s.%s.XXXXXX", (int)dir_len, out->target, base);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        int err = errno;
        free(out->tmp);
        free(out->target);
        out->tmp = out->target = NULL;
        return cannot_write(c, command, path, err);
    }
    /* mkstemp makes the file 0600; give it the mode a new file would get */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (!(out->f = fdopen(fd, "w"))) {
        int err = errno;
        close(fd);
        unlink(out->tmp);
        free(out->tmp);
        free(out->target);
        out->tmp = out->target = NULL;
        return cannot_write(c, command, path, err);
    }
    return EXIT_OK;
}

int cli_output_close(const cli *c, const char *command, cli_output *out, int ok)
{
    int code = EXIT_OK;
    if (!out->f)
        return EXIT_OK;
    if (out->f == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "%s %s: cannot write the output: %s\n", c->program, command,
                    strerror(errno));
            code = EXIT_IO;
        }
        out->f = NULL;
        return code;
    }
    int failed = fflush(out->f) != 0 || ferror(out->f);
    int saved = errno;
    if (fclose(out->f) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    out->f = NULL;
    if (ok && !failed && out->tmp && rename(out->tmp, out->target) != 0) {
        failed = 1;
        saved = errno;
    }
    if (!ok || failed) {
        if (out->tmp)
            unlink(out->tmp);
        if (failed) {
            fprintf(stderr, "%s %s: cannot write '%s': %s\n", c->program, command, out->path,
                    strerror(saved));
            code = EXIT_IO;
        }
    }
    free(out->tmp);
    free(out->target);
    out->tmp = out->target = NULL;
    return code;
}
