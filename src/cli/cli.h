/* cli.h — what the command-line front end shares: global options, loading with diagnostics,
 * exit codes. The CLI parses, calls the library and prints; it computes nothing itself. */
#ifndef CKG_CLI_H
#define CKG_CLI_H

#include "ckg/diag.h"
#include "ckg/ontology.h"

#include <stdio.h>

/* Exit codes of DESIGN.md. */
enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

typedef struct cli {
    const char *program;      /* "ckg" */
    const char *ontology_dir; /* --ontology, default "ontology" */
    const char *corpus_dir;   /* --corpus, $CKG_CORPUS, ../shared/corpus, or NULL */
    int color;                /* stderr is a terminal and NO_COLOR is unset */
} cli;

typedef int (*cli_command_fn)(const cli *c, int argc, char **argv);

/* Prints diagnostics compiler-style: place, severity, message, the source line, a caret. */
void cli_print_diags(const cli *c, diag_list *diags);

/* Loads the ontology; prints its diagnostics. Returns EXIT_OK with *out set, or the exit
 * code to leave with (errors in the ontology are EXIT_INVALID unless allow_errors). */
int cli_load(const cli *c, ckg_ontology **out, int allow_errors, diag_list *diags);

/* The exit code for a library status. */
int cli_exit_code(int status);

/* Prints "ckg COMMAND: message" to stderr and returns EXIT_USAGE. */
int cli_usage_error(const cli *c, const char *command, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Writes data to path through a temporary file in the same folder and a rename; returns
 * EXIT_OK or EXIT_IO after printing why. */
int cli_write_atomic(const cli *c, const char *command, const char *path, const void *data,
                     size_t len);

/* Resolves a concept named on the command line (id, zh, en or alt). EXIT_OK with *out set,
 * or EXIT_INVALID after listing the candidates (ambiguous) or suggestions (unknown). */
int cli_resolve_concept(const cli *c, const char *command, const ckg_ontology *o,
                        const char *name, int32_t *out);

int cmd_check(const cli *c, int argc, char **argv);
int cmd_coverage(const cli *c, int argc, char **argv);
int cmd_render(const cli *c, int argc, char **argv);

#endif
