/* outfile.c — where a command's results go: stdout, or a file written whole or not at all.
 *
 * A file is written to a temporary sibling (same folder, so rename is atomic) and renamed
 * over the target only once everything was written and flushed; on any failure the
 * temporary is removed and the target is left as it was. A symbolic link is followed: the
 * temporary goes beside the file it names, which is replaced, and the link stays. A target
 * that is neither a regular file nor a folder (/dev/null, /dev/stdout on a pipe, a FIFO)
 * is written to as it is: renaming over it would put a regular file in the place of the
 * device (as root, of /dev/null itself). Without -o on a terminal, the output is held in
 * memory (open_memstream) and shown only when it is short text (cli.h). */
#include "ckg/status.h"
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
    if (!path && isatty(STDOUT_FILENO)) {
        if (!(out->f = open_memstream(&out->held, &out->held_len)))
            return cli_status_error(c, command, CKG_ENOMEM);
        return EXIT_OK;
    }
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

/* Lines of held output (a last line without its line break counts). */
static size_t count_lines(const char *s, size_t len)
{
    size_t n = 0;
    for (const char *p = s, *end = s + len; p < end; p++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        n++;
        if (!nl)
            break;
        p = nl;
    }
    return n;
}

/* The held output: to the terminal when it is short text, else refused. */
static int close_held(const cli *c, const char *command, cli_output *out, int ok)
{
    int code = EXIT_OK;
    int failed = fclose(out->f) != 0;
    out->f = NULL;
    if (failed)
        code = cli_status_error(c, command, CKG_ENOMEM);
    else if (ok && out->binary) {
        fprintf(stderr, "%s %s: the output is %s, not text for a terminal: write it with -o "
                        "FILE (or -o - to send it here anyway)\n",
                c->program, command, out->binary);
        code = EXIT_USAGE;
    } else if (ok) {
        size_t lines = count_lines(out->held, out->held_len);
        if (lines > CLI_TERMINAL_MAX_LINES || out->held_len > CLI_TERMINAL_MAX_BYTES) {
            fprintf(stderr, "%s %s: the output is %zu lines (%zu KiB), too long for a "
                            "terminal: write it with -o FILE (or -o - to send it here anyway)\n",
                    c->program, command, lines, (out->held_len + 1023) / 1024);
            code = EXIT_USAGE;
        } else if (fwrite(out->held, 1, out->held_len, stdout) != out->held_len ||
                   fflush(stdout) != 0) {
            fprintf(stderr, "%s %s: cannot write the output: %s\n", c->program, command,
                    strerror(errno));
            code = EXIT_IO;
        }
    }
    free(out->held);
    out->held = NULL;
    return code;
}

int cli_output_close(const cli *c, const char *command, cli_output *out, int ok)
{
    int code = EXIT_OK;
    if (!out->f)
        return EXIT_OK;
    if (out->f != stdout && !out->path)
        return close_held(c, command, out, ok);
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

/* The name of the choice whose value is value. */
static const char *choice_name(const cli_choice *choices, int value)
{
    for (; choices->name; choices++) {
        if (choices->value == value)
            return choices->name;
    }
    return "?";
}

int cli_output_format(const cli *c, const char *command, const cli_choice *choices,
                      const cli_extension *endings, const char *path, int dflt, int *format)
{
    const cli_extension *by_name = NULL;
    struct stat st;
    int to_file = path && strcmp(path, "-") != 0;
    /* a device or a FIFO (-o /dev/stdout) is a stream like stdout: its name says nothing */
    if (to_file && stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        to_file = 0;
    const char *base = to_file ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    for (const cli_extension *e = endings; to_file && e->ending && !by_name; e++) {
        size_t n = strlen(base), k = strlen(e->ending);
        if (n > k && strcasecmp(base + n - k, e->ending) == 0)
            by_name = e;
    }
    if (*format != CLI_UNSET) {
        if (by_name && by_name->value != *format)
            return cli_usage_error(c, command,
                                   "'%s' names a %s file but --format is %s (drop --format, "
                                   "or name the file for it)",
                                   path, choice_name(choices, by_name->value),
                                   choice_name(choices, *format));
        return EXIT_OK;
    }
    if (by_name) {
        *format = by_name->value;
        return EXIT_OK;
    }
    if (!to_file) {
        *format = dflt;
        return EXIT_OK;
    }
    char list[256];
    size_t used = 0, n = 0;
    while (endings[n].ending)
        n++;
    list[0] = '\0';
    for (size_t i = 0; i < n && used < sizeof list; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s",
                         i == 0 ? "" : i + 1 == n ? " or " : ", ", endings[i].ending);
        used += w > 0 ? (size_t)w : 0;
    }
    return cli_usage_error(c, command,
                           "cannot tell the format from the name '%s': end it in %s, or give "
                           "--format",
                           path, list);
}
