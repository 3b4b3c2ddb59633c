/* teach.h — what the teaching-kit commands (propositions, quiz, score) share: the scope
 * arguments, the corpus for quote lines, and the note when quotes go without a line. */
#ifndef CKG_CLI_TEACH_H
#define CKG_CLI_TEACH_H

#include "ckg/proposition.h"
#include "cli.h"

/* --paper P (by id) and --section S (a declared section of P) as a proposition scope; both
 * NULL: every paper. Returns EXIT_OK or the exit code after printing why. */
int teach_scope_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *paper,
                    const char *section, prop_scope *out);

/* The propositions of scope with their quote lines: opens the corpus when there is one.
 * Prints what went wrong and returns the exit code, or EXIT_OK with *out set. */
int teach_collect(const cli *c, const char *cmd, const ckg_ontology *o, const prop_scope *scope,
                  prop_order order, prop_list **out);

/* Writes a library document to -o FILE or stdout, whole or not at all: write(arg, f) returns
 * a library status. Returns the exit code. */
int teach_write(const cli *c, const char *cmd, const char *path,
                int (*write)(const void *arg, FILE *f), const void *arg);

/* Prints json (a new reference, consumed) to -o FILE or stdout. */
int teach_write_json(const cli *c, const char *cmd, const char *path, json_t *json);

int cmd_propositions(const cli *c, int argc, char **argv);
int cmd_quiz(const cli *c, int argc, char **argv);
int cmd_score(const cli *c, int argc, char **argv);

#endif
