/* outfile.c — where a command's results go: stdout, or a file written whole or not at all.
 *
 * A file is written to a temporary sibling (same folder, so rename is atomic) and renamed
 * over the target only once everything was written and flushed; on any failure the
 * temporary is removed and the target is left as it was. */
#include "ckg/status.h"
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_output_open(const cli *c, const char *command, const char *path, cli_output *out)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->f = stdout;
        return EXIT_OK;
    }
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    if (!*base) {
        fprintf(stderr, "%s %s: '%s' names a folder, not a file\n", c->program, command, path);
        return EXIT_USAGE;
    }
    size_t size = dir_len + strlen(base) + 16;
    out->path = path;
    if (!(out->tmp = malloc(size)))
        return cli_status_error(c, command, CKG_ENOMEM);
    snprintf(out->tmp, size, "%.*s.%s.XXXXXX", (int)dir_len, path, base);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        fprintf(stderr, "%s %s: cannot write '%s': %s\n", c->program, command, path,
                strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        return EXIT_IO;
    }
    /* mkstemp makes the file 0600; give it the mode a new file would get */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (!(out->f = fdopen(fd, "w"))) {
        fprintf(stderr, "%s %s: cannot write '%s': %s\n", c->program, command, path,
                strerror(errno));
        close(fd);
        unlink(out->tmp);
        free(out->tmp);
        out->tmp = NULL;
        return EXIT_IO;
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
    if (ok && !failed && rename(out->tmp, out->path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (!ok || failed) {
        unlink(out->tmp);
        if (failed) {
            fprintf(stderr, "%s %s: cannot write '%s': %s\n", c->program, command, out->path,
                    strerror(saved));
            code = EXIT_IO;
        }
    }
    free(out->tmp);
    out->tmp = NULL;
    return code;
}
