/* common.c — the cache folder, loading the ontology for a command (through the cache of
 * parsed ontologies, unless CKG_CACHE=0), exit codes, and the end of the output. */
#include "ckg/status.h"
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int cli_exit_code(int status)
{
    switch (status) {
    case CKG_OK: return EXIT_OK;
    case CKG_EIO: return EXIT_IO;
    case CKG_EUSAGE: return EXIT_USAGE;
    default: return EXIT_INVALID; /* invalid input, not found, and out of memory */
    }
}

int cli_status_error(const cli *c, const char *command, int status)
{
    fprintf(stderr, "%s %s: %s\n", c->program, command, ckg_strerror(status));
    return cli_exit_code(status);
}

const char *cli_cache_dir(char *buf, size_t size)
{
    const char *off = getenv("CKG_CACHE"), *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (off && strcmp(off, "0") == 0)
        return NULL;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/ckg", xdg);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.cache/ckg", home);
    else
        return NULL;
    return n > 0 && (size_t)n < size ? buf : NULL;
}

int cli_load_with(const cli *c, const ontology_load_options *opt, ckg_ontology **out,
                  int allow_errors, diag_list *diags)
{
    char cache[4096];
    *out = NULL;
    if (!c->ontology_dir) {
        fprintf(stderr, "%s: no ontology folder: use --ontology DIR or set CKG_ONTOLOGY\n",
                c->program);
        cli_print_places(stderr, &c->ontology_places);
        return EXIT_IO;
    }
    int rc = ontology_load_cached(c->ontology_dir, opt, cli_cache_dir(cache, sizeof cache), diags,
                                  out, NULL);
    if (rc == CKG_ENOMEM) {
        cli_print_diags(c, diags);
        fprintf(stderr, "%s: out of memory while loading '%s'\n", c->program, c->ontology_dir);
        return EXIT_INVALID;
    }
    if (rc != CKG_OK) {
        cli_print_diags(c, diags);
        const cli_place *from = cli_place_of(&c->ontology_places, c->ontology_dir);
        if (rc == CKG_EIO && from && from->label[0] == '$')
            fprintf(stderr, "%s: note: that folder is what %s names\n", c->program, from->label);
        ontology_free(*out);
        *out = NULL;
        return cli_exit_code(rc);
    }
    if (diags->n_errors && !allow_errors) {
        cli_print_diags(c, diags);
        fprintf(stderr, "%s: the ontology has %zu error%s; run 'ckg check' for details\n",
                c->program, diags->n_errors, diags->n_errors == 1 ? "" : "s");
        ontology_free(*out);
        *out = NULL;
        return EXIT_INVALID;
    }
    return EXIT_OK;
}

int cli_finish_output(const cli *c, int code)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return code;
    fprintf(stderr, "%s: cannot write the results: %s\n", c->program,
            errno ? strerror(errno) : "write error");
    return EXIT_IO;
}
