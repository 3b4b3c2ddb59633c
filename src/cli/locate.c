/* locate.c — where the ontology and the corpus are when the command line does not say.
 *
 * The ontology: --ontology, else $CKG_ONTOLOGY, else ./ontology when it is a folder, else
 * the one installed with ckg, SHARE/ontology. The corpus: --corpus, else $CKG_CORPUS, else
 * the first folder of, nearest first: ../shared/corpus (from the working folder: the
 * checkout's neighbour), DIR/../../shared/corpus when the ontology DIR was named by
 * --ontology or $CKG_ONTOLOGY (the corpus beside that checkout), $XDG_DATA_HOME/ckg/corpus
 * (default ~/.local/share/ckg/corpus: a user's own copy), SHARE/corpus (a site's copy;
 * `make install` does not install the papers).
 *
 * SHARE is the caller's share_from_exe (main.c: "../share/ckg" for a program installed in
 * PREFIX/bin) from the folder of the running program's own file (/proc/self/exe, symbolic
 * links resolved), not a prefix compiled in: the program `make` built and the tests ran is
 * the one installed, whatever PREFIX or DESTDIR, and an installed tree works wherever it is
 * moved.
 *
 * An option or a variable that names a folder is taken as it is, found or not (the load
 * then says it cannot open it, and where the name came from): ckg never answers from
 * another ontology than the one asked for. Every place looked at is kept with what was
 * found there, so that "nothing found" can list them in order. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *folder_state(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return errno == ENOENT || errno == ENOTDIR ? "no such folder" : strerror(errno);
    return S_ISDIR(st.st_mode) ? NULL : "not a folder";
}

/* Adds a place; path NULL for an option or variable not given (state says so). Returns the
 * place. */
static cli_place *add(cli_places *p, const char *label, const char *path, const char *state)
{
    cli_place *at = &p->at[p->n < CLI_PLACES_MAX ? p->n++ : CLI_PLACES_MAX - 1];
    at->label = label;
    at->state = state;
    at->path[0] = '\0';
    if (path)
        snprintf(at->path, sizeof at->path, "%s", path);
    return at;
}

/* Adds path as a candidate folder; returns it when it is one. */
static const char *try_folder(cli_places *p, const char *label, const char *path)
{
    const char *state = folder_state(path);
    cli_place *at = add(p, label, path, state ? state : "found");
    return state ? NULL : at->path;
}

/* SHARE: rel from the folder of the running program, with each leading "../" taken off
 * that folder. Returns 0 when the program's file cannot be told. */
static int share_dir(const char *rel, char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0'; /* the program's folder */
    while (strncmp(rel, "../", 3) == 0 && (slash = strrchr(exe, '/')) != NULL) {
        *slash = '\0';
        rel += 3;
    }
    return snprintf(out, size, "%s/%s", exe, rel) < (int)size;
}

/* dir/name into out; a path too long for out becomes "" (no folder). */
static void join(char *out, size_t size, const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    if (d + 1 + n >= size) {
        out[0] = '\0';
        return;
    }
    memcpy(out, dir, d);
    out[d] = '/';
    memcpy(out + d + 1, name, n + 1);
}

void cli_locate(cli *c, const char *ontology_option, const char *corpus_option,
                const char *share_from_exe)
{
    char share[PATH_MAX], path[PATH_MAX];
    int have_share = share_dir(share_from_exe, share, sizeof share);
    cli_places *o = &c->ontology_places, *k = &c->corpus_places;
    const char *env;
    o->n = k->n = 0;

    /* the ontology */
    c->ontology_named = 1;
    if (ontology_option) {
        c->ontology_dir = add(o, "--ontology", ontology_option, "given")->path;
    } else if ((env = getenv("CKG_ONTOLOGY")) && *env) {
        add(o, "--ontology", NULL, "not given");
        c->ontology_dir = add(o, "$CKG_ONTOLOGY", env, "set")->path;
    } else {
        c->ontology_named = 0;
        add(o, "--ontology", NULL, "not given");
        add(o, "$CKG_ONTOLOGY", NULL, "not set");
        c->ontology_dir = try_folder(o, "in the working folder", "ontology");
        if (!c->ontology_dir && have_share) {
            join(path, sizeof path, share, "ontology");
            c->ontology_dir = try_folder(o, "installed with ckg", path);
        } else if (!c->ontology_dir) {
            add(o, "installed with ckg", NULL, "cannot tell where ckg is installed");
        }
    }

    /* the corpus */
    if (corpus_option) {
        c->corpus_dir = add(k, "--corpus", corpus_option, "given")->path;
        return;
    }
    add(k, "--corpus", NULL, "not given");
    if ((env = getenv("CKG_CORPUS")) && *env) {
        c->corpus_dir = add(k, "$CKG_CORPUS", env, "set")->path;
        return;
    }
    add(k, "$CKG_CORPUS", NULL, "not set");
    if ((c->corpus_dir = try_folder(k, "beside the working folder", "../shared/corpus")))
        return;
    if (c->ontology_named && c->ontology_dir) {
        join(path, sizeof path, c->ontology_dir, "../../shared/corpus");
        if ((c->corpus_dir = try_folder(k, "beside the ontology's folder", path)))
            return;
    }
    const char *home = getenv("HOME");
    if ((env = getenv("XDG_DATA_HOME")) && env[0] == '/') {
        join(path, sizeof path, env, "ckg/corpus");
        if ((c->corpus_dir = try_folder(k, "$XDG_DATA_HOME/ckg/corpus", path)))
            return;
    } else if (home && *home) {
        join(path, sizeof path, home, ".local/share/ckg/corpus");
        if ((c->corpus_dir = try_folder(k, "your data folder", path)))
            return;
    } else {
        add(k, "$XDG_DATA_HOME, $HOME", NULL, "not set");
    }
    if (have_share) {
        join(path, sizeof path, share, "corpus");
        c->corpus_dir = try_folder(k, "installed with ckg", path);
    }
}

void cli_print_places(FILE *f, const cli_places *p)
{
    size_t width = 0;
    for (size_t i = 0; i < p->n; i++) {
        size_t len = strlen(p->at[i].path[0] ? p->at[i].path : p->at[i].label);
        if (len > width)
            width = len;
    }
    fprintf(f, "  looked in, in order:\n");
    for (size_t i = 0; i < p->n; i++) {
        const cli_place *at = &p->at[i];
        fprintf(f, "    %zu. ", i + 1);
        if (at->path[0]) {
            cli_fputs_safe(f, at->path);
            fprintf(f, "%*s  (%s): %s\n", (int)(width - strlen(at->path)), "", at->label,
                    at->state);
        } else {
            fprintf(f, "%-*s  %s\n", (int)width, at->label, at->state);
        }
    }
}

const cli_place *cli_place_of(const cli_places *p, const char *dir)
{
    for (size_t i = 0; dir && i < p->n; i++) {
        if (p->at[i].path == dir)
            return &p->at[i];
    }
    return NULL;
}

int cli_no_corpus(const cli *c, const char *command, const char *advice)
{
    cli_usage_error(c, command, "no corpus folder: %s", advice);
    cli_print_places(stderr, &c->corpus_places);
    return EXIT_USAGE;
}
