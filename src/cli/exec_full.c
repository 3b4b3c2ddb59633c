/* exec_full.c — the front (ckg) hands a command it does not carry to ckg-full.
 *
 * ckg-full carries every command and links igraph and Graphviz; ckg carries the ones that
 * need neither (main.c says which) and, for the others, replaces itself with ckg-full,
 * given the same arguments, so the command behaves exactly as if ckg-full had been run.
 * ckg-full is looked for as git looks for its commands: in $CKG_EXEC_PATH when it is set;
 * else beside the running ckg (the build tree: build/ckg and build/ckg-full); else in
 * ../libexec/ckg from it (an installed tree: PREFIX/bin/ckg and
 * PREFIX/libexec/ckg/ckg-full, as `make install` lays them out). */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FULL_NAME "ckg-full"
#define FULL_LIBEXEC "../libexec/ckg"

/* execv's dir/rel/ckg-full (rel may be ""); returns only on failure, with errno. */
static void try_exec(const char *dir, const char *rel, char **argv)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s%s%s/%s", dir, *rel ? "/" : "", rel, FULL_NAME);
    if (n < 0 || (size_t)n >= sizeof path) {
        errno = ENAMETOOLONG;
        return;
    }
    argv[0] = path;
    execv(path, argv);
}

int cli_exec_full(const cli *c, const char *command, char **argv)
{
    const char *env = getenv("CKG_EXEC_PATH");
    int err;
    fflush(NULL);
    if (env && *env) {
        try_exec(env, "", argv);
        err = errno;
        fprintf(stderr, "%s: cannot run '%s': %s/%s: %s\n", c->program, command, env, FULL_NAME,
                strerror(err));
        return EXIT_IO;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        err = errno;
        fprintf(stderr, "%s: cannot run '%s': cannot find the ckg being run (/proc/self/exe: "
                        "%s); set CKG_EXEC_PATH to the folder of %s\n",
                c->program, command, strerror(err), FULL_NAME);
        return EXIT_IO;
    }
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (slash)
        *slash = '\0';
    const char *dir = slash ? (*self ? self : "/") : ".";
    try_exec(dir, "", argv);
    err = errno;
    try_exec(dir, FULL_LIBEXEC, argv);
    if (errno != ENOENT || err == ENOENT)
        err = errno; /* the error of the one that exists, else of the last */
    fprintf(stderr, "%s: cannot run '%s': %s is neither in %s nor in %s/%s: %s\n", c->program,
            command, FULL_NAME, dir, dir, FULL_LIBEXEC, strerror(err));
    return EXIT_IO;
}
